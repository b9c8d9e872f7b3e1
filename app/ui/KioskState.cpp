// Screen lookup by id and name.
#include "KioskState.h"

#include <algorithm>

namespace buurtstem::ui {

const ScreenInfo& screenInfo(ScreenId id) {
    for (const ScreenInfo& info : kScreens)
        if (info.id == id) return info;
    return kScreens[0];
}

bool isFacilitatorScreen(ScreenId id) {
    switch (id) {
        case ScreenId::FacilitatorPin:
        case ScreenId::FacilitatorHome:
        case ScreenId::AuditLog:
        case ScreenId::FacilitatorRounds:
        case ScreenId::EveningRun:
        case ScreenId::EveningPlan:
        case ScreenId::EveningVote:
        case ScreenId::EveningMinutes:
        case ScreenId::PaperBatches:
        case ScreenId::PaperEntry:
        case ScreenId::PaperCompare:
        case ScreenId::ModerationQueue:
        case ScreenId::ModerationItem:
        case ScreenId::ModerationHide:
        case ScreenId::ModerationCorrect:
        case ScreenId::ModerationMerge:
        case ScreenId::ModerationClassify: return true;
        default: return false;
    }
}
bool isSetUpScreen(ScreenId id) { return std::find(kSetUpSteps.begin(), kSetUpSteps.end(), id) != kSetUpSteps.end(); }

std::optional<ScreenId> screenByName(std::string_view name) {
    for (const ScreenInfo& info : kScreens)
        if (name == info.name) return info.id;
    return std::nullopt;
}

const Idea* KioskView::findIdea(std::string_view id) const {
    for (const Idea& idea : ideas)
        if (idea.id == id) return &idea;
    return nullptr;
}

const InitiativePlan* KioskView::findPlan(std::string_view ideaId) const {
    const auto found = plans.find(std::string(ideaId));
    return found == plans.end() ? nullptr : &found->second;
}

bool planHasInput(const InitiativePlan& plan) {
    return !plan.when.empty() || !plan.audience.empty() || plan.helpers != 0 || !plan.budget.empty() ||
           plan.ownMoneyCents != 0 || !plan.ownInKind.empty() || !plan.partners.empty();
}

}  // namespace buurtstem::ui
