// IdeaContact: the optional step after the place — may the neighbourhood team reach the resident?
// Name and phone-or-email on the on-screen keyboard, a consent toggle with a plain line, Skip, Next.
// For an initiative the same step is required: no Skip, and the address must be a phone number
// or an e-mail address.
#include "InitiativeParts.h"

#include "../Icons.h"
#include "../widgets/TextField.h"
#include "../widgets/TouchButton.h"

#include <algorithm>

namespace buurtstem::ui {

namespace {

// The first contact rule the draft breaks, as a translation key; nullptr when it may go on.
const char* contactProblemKey(const IdeaDraft& draft) {
    for (const IdeaIssue& issue : validateIdea(draft)) {
        if (issue.field == IdeaField::Consent) return "idea.contact.problem.no_consent";
        if (issue.field != IdeaField::Contact) continue;
        switch (issue.problem) {
            case IdeaProblem::Missing: return "idea.contact.problem.no_address";
            case IdeaProblem::TooLong: return "idea.contact.problem.too_long";
            case IdeaProblem::TooShort:
            case IdeaProblem::InvalidText: return "idea.problem.invalid_text";
        }
    }
    return nullptr;
}

// The first contact problem in plain words; empty when the resident may go on.
std::string contactProblem(const ScreenContext& ctx) {
    if (!ctx.state.idea.initiative) {
        const char* key = contactProblemKey(ctx.state.idea.draft);
        return key ? ctx.ui.tr(key) : std::string();
    }
    const std::optional<InitiativeIssue> issue = firstIssue(
        initiativeIssues(ctx), {InitiativeField::ContactName, InitiativeField::ContactAddress, InitiativeField::Consent});
    return issue ? initiativeProblem(ctx.ui, *issue, ctx.view.initiativeMaximumCents) : std::string();
}

// Both fields side by side (mirrored in a right-to-left interface): with the keyboard up there
// is no height to spare for one above the other, least of all in large text.
void contactFields(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    IdeaFlow& flow = ctx.state.idea;
    const float gap = ui.metrics.gap();
    const float width = ImGui::GetContentRegionAvail().x;
    const float fieldWidth = (width - gap) / 2;
    const float boxHeight = ui.fonts.body->FontSize + ui.mm(6);
    const float height = ui.fonts.body->FontSize + ui.mm(2) + ImGui::GetStyle().ItemSpacing.y + boxHeight;
    const ImVec2 origin = ImGui::GetCursorScreenPos();

    struct Field {
        const char* id;
        const char* labelKey;
        const char* placeholderKey;
        std::string* text;
        ContactField which;
        std::size_t max;
    };
    const Field fields[] = {
        {"#idea.contact.name", "idea.contact.name_label", "idea.contact.name_placeholder", &flow.draft.contactName,
         ContactField::Name, kContactNameMax},
        {"#idea.contact.address", "idea.contact.address_label", "idea.contact.address_placeholder",
         &flow.draft.contactAddress, ContactField::Address, kContactAddressMax},
    };
    for (int i = 0; i < 2; ++i) {
        ImGui::SetCursorScreenPos(gridCell(origin, i, 2, ImVec2(fieldWidth, height), gap));
        ImGui::BeginChild(fields[i].id, ImVec2(fieldWidth, height), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
        TextFieldSpec spec;
        spec.id = fields[i].id;
        spec.label = ui.tr(fields[i].labelKey);
        spec.placeholder = ui.tr(fields[i].placeholderKey);
        spec.text = fields[i].text;
        spec.height = boxHeight;
        spec.focused = flow.contactFocus == fields[i].which;
        if (textField(ui, spec)) flow.contactFocus = fields[i].which;
        ImGui::EndChild();
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height + gap));
    ImGui::Dummy(ImVec2(0, 0));
}

// Skip clears whatever was typed: "no contact" must mean nothing is stored, sealed or not.
void skipContact(IdeaFlow& flow) {
    flow.draft.contactName.clear();
    flow.draft.contactAddress.clear();
    flow.draft.contactConsent = false;
    flow.showContactProblem = false;
}

}  // namespace

void drawIdeaContact(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    IdeaFlow& flow = ctx.state.idea;
    IdeaDraft& draft = flow.draft;
    if (flow.initiative) {
        screenHeading(ctx, ui.tr("initiative.contact.heading"));
        if (flow.contactFocus == ContactField::None) screenText(ctx, ui.tr("initiative.contact.why"), true);
    } else {
        screenHeading(ctx, ui.tr("idea.contact.heading"));
    }
    // A kiosk set up without the corporation's key cannot keep a contact: said before anything
    // is typed, not only when sending fails.
    if (!ctx.view.staffKey && flow.contactFocus == ContactField::None && !flow.saveProblemKey)
        problemText(ctx, ui.tr(flow.initiative ? "initiative.no_staff_key" : "idea.contact.no_staff_key"));
    contactFields(ctx);

    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;

    // While typing, the keyboard takes the lower half; its Next goes from the name to the
    // address and then puts it away, showing the consent and the buttons again.
    if (flow.contactFocus != ContactField::None) {
        const float keyboardTop = bottom - ctx.keyboard.height(ui);
        ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, keyboardTop));
        KeyboardOptions options;
        const bool onName = flow.contactFocus == ContactField::Name;
        options.maxCodePoints = onName ? kContactNameMax : kContactAddressMax;
        options.doneKey = "osk.next";
        // A name is written in the resident's own letters; phone numbers and e-mail addresses in Latin.
        options.native = onName ? lettersFor(ui.translator->language().code) : KeyboardLayer::Letters;
        std::string& target = onName ? draft.contactName : draft.contactAddress;
        if (ctx.keyboard.draw(ui, target, options, width) == KeyboardEvent::Done)
            flow.contactFocus = onName ? ContactField::Address : ContactField::None;
        return;
    }

    // The consent toggle carries the whole consent line, so what the resident agrees to is
    // exactly what they tap. A check mark shows it is on, not colour alone.
    const float buttonsTop = bottom - ui.metrics.touchMain();
    std::string problem = flow.showContactProblem ? contactProblem(ctx) : std::string();
    if (problem.empty() && flow.saveProblemKey) problem = ui.tr(flow.saveProblemKey);
    const float problemHeight =
        !problem.empty() ? measureText(ui.fonts.body, std::string(icon::Warning) + "  " + problem, width).y + gap : 0.0f;
    const float consentTop = ImGui::GetCursorScreenPos().y;
    const float consentHeight =
        std::max(ui.metrics.touchMin(), std::min(ui.mm(45), buttonsTop - gap - problemHeight - consentTop));
    const std::string consentLabel =
        std::string(draft.contactConsent ? icon::Ticked : icon::Unticked) + "  " + ui.tr("idea.contact.consent");
    ButtonSpec consent;
    consent.id = "idea.contact.consent";
    consent.label = consentLabel.c_str();
    consent.detail = ui.tr("idea.contact.consent_line");
    consent.size = ImVec2(width, consentHeight);
    consent.kind = ButtonKind::Tile;
    consent.selected = draft.contactConsent;
    if (touchButton(ui, consent)) {
        draft.contactConsent = !draft.contactConsent;
        flow.saveProblemKey = nullptr;
    }
    ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    // Beside the toggle: why the resident cannot go on yet.
    if (!problem.empty()) problemText(ctx, problem.c_str());

    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, std::max(ImGui::GetCursorScreenPos().y, buttonsTop)));
    const ScreenId review = flow.initiative ? ScreenId::InitiativeReview : ScreenId::IdeaReview;
    if (flow.initiative) {
        // Required: Next alone, where it is on every step.
        if (nextButton(ctx, "idea.contact.next", ImGui::GetCursorScreenPos().y)) {
            flow.showContactProblem = !contactProblem(ctx).empty();
            if (!flow.showContactProblem) ctx.actions.go = review;
        }
        return;
    }
    const float buttonWidth = (width - gap) / 2;
    ButtonSpec skip;
    skip.id = "idea.contact.skip";
    skip.label = ui.tr("idea.contact.skip");
    skip.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    ButtonSpec next;
    next.id = "idea.contact.next";
    const std::string nextLabel = std::string(rightToLeft() ? icon::Back : icon::Next) + "  " + ui.tr("idea.contact.next");
    next.label = nextLabel.c_str();
    next.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    next.kind = ButtonKind::Primary;
    // Skip on the side the text starts from, Next where it ends, as on the review screen.
    const bool mirrored = rightToLeft();
    const ButtonSpec& first = mirrored ? next : skip;
    const ButtonSpec& second = mirrored ? skip : next;
    const bool firstTapped = touchButton(ui, first);
    ImGui::SameLine(0, gap);
    const bool secondTapped = touchButton(ui, second);
    const bool skipTapped = mirrored ? secondTapped : firstTapped;
    const bool nextTapped = mirrored ? firstTapped : secondTapped;
    if (skipTapped) {
        skipContact(flow);
        flow.saveProblemKey = nullptr;
        ctx.actions.go = ScreenId::IdeaReview;
    } else if (nextTapped) {
        if (!contactProblem(ctx).empty()) {
            flow.showContactProblem = true;
        } else {
            flow.showContactProblem = false;
            flow.saveProblemKey = nullptr;
            ctx.actions.go = review;
        }
    }
}

}  // namespace buurtstem::ui
