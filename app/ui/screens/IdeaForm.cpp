// IdeaForm: the resident types a short title and a few sentences on the on-screen keyboard.
// "Next" on the title moves to the text; "Next" on the text checks both and goes to review.
// An initiative uses the same step, where the text (what will happen) is required.
#include "InitiativeParts.h"

#include "../../core/Utf8.h"
#include "../ThemeLook.h"
#include "../widgets/TextField.h"

#include <algorithm>

namespace buurtstem::ui {

namespace {

const char* problemKey(IdeaProblem problem, IdeaField field) {
    switch (problem) {
        case IdeaProblem::Missing: return field == IdeaField::Title ? "idea.problem.title_missing" : "idea.problem.theme_missing";
        case IdeaProblem::TooShort: return "idea.problem.title_short";
        case IdeaProblem::TooLong: return field == IdeaField::Title ? "idea.problem.title_long" : "idea.problem.body_long";
        case IdeaProblem::InvalidText: break;
    }
    return "idea.problem.invalid_text";
}

// Only what this step asks for; place and contact have their own steps after it.
bool textIsReady(const IdeaDraft& draft) {
    for (const IdeaIssue& issue : validateIdea(draft))
        if (issue.field == IdeaField::Theme || issue.field == IdeaField::Title || issue.field == IdeaField::Body) return false;
    return true;
}

// An initiative's title and text: the idea's rules, and the text may not be empty.
std::optional<InitiativeIssue> initiativeTextIssue(const ScreenContext& ctx, InitiativeField field) {
    return firstIssue(initiativeIssues(ctx), {field});
}

}  // namespace

void drawIdeaForm(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    IdeaFlow& flow = ctx.state.idea;
    IdeaDraft& draft = flow.draft;
    const bool initiative = flow.initiative;

    const std::string heading =
        ui.format(initiative ? "initiative.text.heading" : "idea.text.heading", {{"theme", ui.tr(themeLabelKey(draft.theme))}});
    screenHeading(ctx, heading.c_str());

    const char* titleProblem = nullptr;
    const char* bodyProblem = nullptr;
    std::string initiativeTitleProblem, initiativeBodyProblem;
    if (flow.showProblems && initiative) {
        if (const auto issue = initiativeTextIssue(ctx, InitiativeField::Title))
            initiativeTitleProblem = initiativeProblem(ui, *issue, ctx.view.initiativeMaximumCents);
        if (const auto issue = initiativeTextIssue(ctx, InitiativeField::Body))
            initiativeBodyProblem = initiativeProblem(ui, *issue, ctx.view.initiativeMaximumCents);
        if (!initiativeTitleProblem.empty()) titleProblem = initiativeTitleProblem.c_str();
        if (!initiativeBodyProblem.empty()) bodyProblem = initiativeBodyProblem.c_str();
    } else if (flow.showProblems) {
        for (const IdeaIssue& issue : validateIdea(draft)) {
            if (issue.field == IdeaField::Title && !titleProblem) titleProblem = ui.tr(problemKey(issue.problem, issue.field));
            if (issue.field == IdeaField::Body && !bodyProblem) bodyProblem = ui.tr(problemKey(issue.problem, issue.field));
        }
    }

    const float width = ImGui::GetContentRegionAvail().x;
    const float keyboardHeight = ctx.keyboard.height(ui);
    const float lineHeight = ui.fonts.body->FontSize;
    const float labelHeight = lineHeight + ui.mm(1) + ui.metrics.gap();
    const float problemsHeight = (titleProblem ? lineHeight + ui.metrics.gap() : 0) + (bodyProblem ? lineHeight + ui.metrics.gap() : 0);
    const float titleHeight = lineHeight + ui.mm(6);
    // The text field takes what is left above the keyboard, at least two lines.
    const float left = ImGui::GetContentRegionAvail().y - keyboardHeight - 2 * labelHeight - titleHeight - problemsHeight -
                       3 * ui.metrics.gap();
    // Ideas like this one, that the resident may rather support, take their room from the text
    // field (down to its two lines), never from the keyboard.
    const float bodyMin = 2 * lineHeight + ui.mm(6);
    const std::vector<SimilarIdea> similar = similarIdeasFitting(ctx, left - bodyMin);
    const float bodyHeight =
        std::clamp(left - static_cast<float>(similar.size()) * similarIdeaRowHeight(ui), bodyMin, 8 * lineHeight + ui.mm(6));

    TextFieldSpec title;
    title.id = "#idea.title";
    title.label = ui.tr(initiative ? "initiative.title.label" : "idea.title.label");
    title.placeholder = ui.tr(initiative ? "initiative.title.placeholder" : "idea.title.placeholder");
    title.text = &draft.title;
    title.height = titleHeight;
    title.focused = flow.focus == IdeaField::Title;
    title.problem = titleProblem;
    title.maxCodePoints = kIdeaTitleMax;
    if (textField(ui, title)) flow.focus = IdeaField::Title;

    TextFieldSpec body;
    body.id = "#idea.body";
    body.label = ui.tr(initiative ? "initiative.body.label" : "idea.body.label");
    body.placeholder = ui.tr(initiative ? "initiative.body.placeholder" : "idea.body.placeholder");
    body.text = &draft.body;
    body.height = bodyHeight;
    body.focused = flow.focus == IdeaField::Body;
    body.problem = bodyProblem;
    body.maxCodePoints = kIdeaBodyMax;
    if (textField(ui, body)) flow.focus = IdeaField::Body;
    drawSimilarIdeas(ctx, similar);

    // The keyboard sits at the bottom of the screen, where hands rest, always whole: when large
    // text leaves too little room, the fields above give way, not the keys.
    const float keyboardTop = ctx.contentMin.y + ctx.contentSize.y - keyboardHeight;
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, keyboardTop));
    KeyboardOptions options;
    const bool onTitle = flow.focus == IdeaField::Title;
    options.maxCodePoints = onTitle ? kIdeaTitleMax : kIdeaBodyMax;
    options.doneKey = "osk.next";
    options.native = lettersFor(ui.translator->language().code);
    std::string& target = onTitle ? draft.title : draft.body;
    if (ctx.keyboard.draw(ui, target, options, width) == KeyboardEvent::Done) {
        if (onTitle) {
            flow.focus = IdeaField::Body;
        } else if (initiative ? !initiativeTextIssue(ctx, InitiativeField::Title) && !initiativeTextIssue(ctx, InitiativeField::Body)
                              : textIsReady(draft)) {
            flow.showProblems = false;
            ctx.actions.go = ScreenId::IdeaPlace;
        } else {
            flow.showProblems = true;
            for (const IdeaIssue& issue : validateIdea(draft))
                if (issue.field == IdeaField::Title) flow.focus = IdeaField::Title;
        }
    }
}

}  // namespace buurtstem::ui
