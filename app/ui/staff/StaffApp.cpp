// The staff view's frame: top bar with the neighbourhood picker, the list of panels on the left,
// the panel on the right; and the only place the staff view writes or opens contacts.
#include "StaffApp.h"

#include "../../../storage/Bundle.h"

#include "../../core/KioskSetup.h"
#include "../Icons.h"
#include "../KioskApp.h"
#include "../widgets/NumericPad.h"
#include "StaffPanels.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <limits>

namespace buurtstem::ui {

namespace {

// A whole bundle file, refusing one larger than any bundle can be. nullopt with the reason.
std::optional<std::string> readBundleFile(const std::filesystem::path& file, std::string& problem) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec || size > storage::kBundleMaxBytes) {
        problem = ec ? file.string() + ": cannot be read" : file.string() + ": too large for a bundle";
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        problem = file.string() + ": cannot be read";
        return std::nullopt;
    }
    return bytes;
}

}  // namespace

StaffApp::StaffApp(storage::KioskStore& store, i18n::Translator translator, StaffSettings settings)
    : store_(store), translator_(std::move(translator)), settings_(std::move(settings)) {
    ui_.translator = &translator_;
    for (const i18n::Language& language : translator_.languages())
        if (language.rightToLeft) settings_.fonts.arabic = true;
    setLanguage(settings_.language);
    const std::string folder = settings_.bundleFolder.string();
    std::snprintf(state_.bundleFolder.data(), state_.bundleFolder.size(), "%s", folder.c_str());
    refreshView();
    if (!settings_.secretKeyFile.empty()) {
        const std::string path = settings_.secretKeyFile.string();
        std::snprintf(state_.keyPath.data(), state_.keyPath.size(), "%s", path.c_str());
        loadKey(settings_.secretKeyFile);
    }
}

bool StaffApp::buildFonts(float pxPerMm) {
    ui_.metrics.pxPerMm = pxPerMm;
    ui_.metrics.textScale = kStaffTextScale * (state_.largeText ? kLargeTextScale : 1.0f);
    Result<FontSet> fonts = ui::buildFonts(*ImGui::GetIO().Fonts, ui_.metrics, settings_.fonts);
    fontsDirty_ = false;
    if (!fonts) {
        fontError_ = fonts.error();
        return false;
    }
    fontError_.reset();
    ui_.fonts = fonts.value();
    setHighContrast(state_.highContrast);
    return true;
}

void StaffApp::setHighContrast(bool on) {
    state_.highContrast = on;
    ui_.colours = makePalette(on);
    applyStyle(ui_.metrics, ui_.colours);
    // A desktop with a mouse: the kiosk's finger-sized spacing, scaled down with the text.
    ImGuiStyle& style = ImGui::GetStyle();
    const float scale = ui_.metrics.textScale;
    style.WindowPadding = ImVec2(ui_.mm(4) * scale, ui_.mm(3) * scale);
    style.FramePadding = ImVec2(ui_.mm(2.2f) * scale, ui_.mm(1.2f) * scale);
    style.ItemSpacing = ImVec2(ui_.mm(2.5f) * scale, ui_.mm(1.8f) * scale);
    style.CellPadding = ImVec2(ui_.mm(1.8f) * scale, ui_.mm(0.9f) * scale);
    style.FrameRounding = ui_.mm(1.0f);
    style.FrameBorderSize = 1.0f;
    style.ScrollbarSize = ui_.mm(4.0f) * scale;
    ImVec4* c = style.Colors;
    const ImVec4 surface = ImGui::ColorConvertU32ToFloat4(ui_.colours.surface);
    const ImVec4 border = ImGui::ColorConvertU32ToFloat4(ui_.colours.border);
    const ImVec4 selected = ImGui::ColorConvertU32ToFloat4(ui_.colours.selected);
    // Mouse users get hover feedback here; nothing means anything only there.
    c[ImGuiCol_FrameBg] = surface;
    c[ImGuiCol_FrameBgHovered] = c[ImGuiCol_FrameBgActive] = surface;
    c[ImGuiCol_ButtonHovered] = ImVec4(selected.x, selected.y, selected.z, 0.25f);
    c[ImGuiCol_Header] = ImVec4(selected.x, selected.y, selected.z, 0.22f);
    c[ImGuiCol_HeaderHovered] = ImVec4(selected.x, selected.y, selected.z, 0.14f);
    c[ImGuiCol_HeaderActive] = ImVec4(selected.x, selected.y, selected.z, 0.30f);
    c[ImGuiCol_TableHeaderBg] = ImGui::ColorConvertU32ToFloat4(ui_.colours.secondary);
    c[ImGuiCol_TableBorderStrong] = c[ImGuiCol_TableBorderLight] = border;
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(border.x, border.y, border.z, 0.12f);
    c[ImGuiCol_CheckMark] = selected;
    c[ImGuiCol_SliderGrab] = c[ImGuiCol_SliderGrabActive] = selected;
    c[ImGuiCol_TextSelectedBg] = ImVec4(selected.x, selected.y, selected.z, 0.35f);
    c[ImGuiCol_NavHighlight] = selected;  // keyboard users see where they are
}

bool StaffApp::setLanguage(const std::string& code) {
    const bool known = translator_.setLanguage(code);
    state_.language = translator_.language().code;
    setRightToLeft(translator_.language().rightToLeft);
    if (key_) openContacts();  // their placeholders are in the language
    return known;
}

void StaffApp::setLargeText(bool on) {
    if (state_.largeText == on) return;
    state_.largeText = on;
    fontsDirty_ = true;
}

void StaffApp::showPanel(StaffPanel panel) { state_.panel = panel; }

void StaffApp::showForScreenshot(StaffPanel panel) {
    showPanel(panel);
    if (panel == StaffPanel::Bundles && state_.bundleFolder[0] != '\0') listBundles();
    for (const InitiativeRow& row : view_.pipeline)
        if (row.idea.status == IdeaStatus::Approved) {
            selectInitiative(row.idea.id);
            break;
        }
}

void StaffApp::showNeighbourhood(std::size_t index) {
    if (index >= view_.neighbourhoods.size()) return;
    state_.neighbourhood = index;
    refreshView();
}

void StaffApp::selectInitiative(const std::string& ideaId) {
    state_.selectedInitiative = ideaId;
    state_.editGranted.fill('\0');
    state_.editSpent.fill('\0');
    state_.editNote.fill('\0');
    for (const InitiativeRow& row : view_.pipeline) {
        if (row.idea.id != ideaId) continue;
        state_.editStage = row.progress.stage;
        std::snprintf(state_.editGranted.data(), state_.editGranted.size(), "%s", typedEuroCents(row.progress.grantedCents).c_str());
        std::snprintf(state_.editSpent.data(), state_.editSpent.size(), "%s", typedEuroCents(row.progress.spentCents).c_str());
        std::snprintf(state_.editNote.data(), state_.editNote.size(), "%s", row.progress.note.c_str());
    }
}

void StaffApp::saveProgress() {
    InitiativeProgress progress;
    progress.ideaId = state_.selectedInitiative;
    progress.stage = state_.editStage;
    progress.note = state_.editNote.data();
    const auto amount = [](const char* typed) -> std::optional<std::int64_t> {
        if (*typed == '\0') return 0;
        return parseEuroCents(typed);
    };
    const std::optional<std::int64_t> granted = amount(state_.editGranted.data());
    const std::optional<std::int64_t> spent = amount(state_.editSpent.data());
    if (!granted || !spent) {
        state_.message = {ui_.tr("staff.progress.amount_unreadable"), true};
        return;
    }
    progress.grantedCents = *granted;
    progress.spentCents = *spent;
    if (const std::vector<ProgressProblem> problems = validateProgress(progress); !problems.empty()) {
        state_.message = {ui_.tr(progressProblemKey(problems.front())), true};
        return;
    }
    if (Result<void> saved = store_.setInitiativeProgress(progress); !saved) {
        state_.message = {ui_.tr(saveProblemKey(saved.error().code)), true};
        return;
    }
    refreshView();
    selectInitiative(progress.ideaId);
    state_.message = {ui_.tr("staff.progress.saved"), false};
}

void StaffApp::refreshView() {
    const std::string shown = state_.neighbourhood < view_.neighbourhoods.size() ? view_.neighbourhoods[state_.neighbourhood] : "";
    view_ = readStaffView(store_, shown);
    // The picker's list may have grown (an import): keep showing the same neighbourhood.
    const auto at = std::find(view_.neighbourhoods.begin(), view_.neighbourhoods.end(), shown);
    state_.neighbourhood = at == view_.neighbourhoods.end() ? 0 : static_cast<std::size_t>(at - view_.neighbourhoods.begin());
    if (at == view_.neighbourhoods.end()) view_ = readStaffView(store_, "");
    if (key_) openContacts();
}

bool StaffApp::loadKey(const std::filesystem::path& file) {
    Result<storage::StaffSecretKey> key = storage::loadStaffSecretKey(file);
    if (!key) {
        forgetKey();
        state_.message = {ui_.tr(key.error().code == ErrorCode::NotFound ? "staff.key.unreadable" : "staff.key.not_a_key"), true};
        return false;
    }
    key_ = std::move(key).value();
    openContacts();
    const std::optional<storage::StaffKey> kioskKey = store_.staffPublicKey();
    if (kioskKey && *kioskKey != key_->publicKey())
        state_.message = {ui_.tr("staff.key.other_kiosk_key"), true};
    else
        state_.message = {ui_.tr("staff.key.loaded"), false};
    return true;
}

void StaffApp::forgetKey() {
    key_.reset();
    for (StaffContact& contact : contacts_) {
        std::fill(contact.name.begin(), contact.name.end(), '\0');
        std::fill(contact.address.begin(), contact.address.end(), '\0');
    }
    contacts_.clear();
}

void StaffApp::openContacts() {
    for (StaffContact& contact : contacts_) {
        std::fill(contact.name.begin(), contact.name.end(), '\0');
        std::fill(contact.address.begin(), contact.address.end(), '\0');
    }
    contacts_.clear();
    if (!key_) return;
    std::vector<std::string> sealed;
    const std::vector<storage::KioskStore::IdeaRow> rows = store_.ideaRows(&sealed);
    for (std::size_t i = 0; i < rows.size() && i < sealed.size(); ++i) {
        if (sealed[i].empty()) continue;
        if (!view_.neighbourhood.empty() && rows[i].neighbourhood != view_.neighbourhood) continue;
        StaffContact contact;
        contact.ideaId = rows[i].idea.id;
        contact.reference = rows[i].idea.reference;
        contact.title = rows[i].idea.title;
        contact.kind = rows[i].idea.kind;
        if (std::optional<storage::OpenedContact> opened = storage::openSealedContact(sealed[i], *key_)) {
            contact.opened = true;
            contact.name = std::move(opened->name);
            contact.address = std::move(opened->address);
        }
        contacts_.push_back(std::move(contact));
    }
}

void StaffApp::listBundles() {
    bundleFiles_.clear();
    const std::filesystem::path folder(state_.bundleFolder.data());
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string extension = it->path().extension().string();
        if ((extension == ".bsb" || extension == ".bundle") && it->is_regular_file(ec)) files.push_back(it->path());
    }
    if (ec) {
        state_.message = {ui_.tr("staff.bundles.folder_unreadable"), true};
        return;
    }
    std::sort(files.begin(), files.end());
    for (const std::filesystem::path& file : files) {
        StaffBundleFile listed;
        listed.path = file.string();
        std::string problem;
        if (std::optional<std::string> bytes = readBundleFile(file, problem)) {
            if (Result<BundleHeader> header = storage::readBundleHeader(*bytes))
                listed.header = std::move(header).value();
            else
                listed.problem = header.error().detail;
        } else {
            listed.problem = problem;
        }
        bundleFiles_.push_back(std::move(listed));
    }
    state_.message = {ui_.format("staff.bundles.listed", {{"count", std::to_string(bundleFiles_.size())}}), false};
}

void StaffApp::importBundles(const std::vector<std::string>& files) {
    if (!key_) {
        state_.message = {ui_.tr("staff.bundles.key_first"), true};
        return;
    }
    std::vector<storage::KioskStore::NamedBundle> bundles;
    for (const std::string& file : files) {
        std::string problem;
        std::optional<std::string> bytes = readBundleFile(file, problem);
        if (!bytes) {
            state_.message = {ui_.format("staff.bundles.refused", {{"reason", problem}}), true};
            return;
        }
        bundles.push_back({file, std::move(bytes).value()});
    }
    Result<SyncReport> report = store_.importBundles(std::move(bundles), key_->secretKey(), state_.trustNew);
    if (!report) {
        // Nothing was imported: the store checks every bundle before it stores anything.
        state_.message = {ui_.format("staff.bundles.refused", {{"reason", report.error().detail}}), true};
        return;
    }
    lastImport_ = std::move(report).value();
    state_.trustNew = false;  // each new kiosk is confirmed on its own
    refreshView();
    state_.message = {ui_.tr("staff.bundles.imported"), false};
}

void StaffApp::resolveCode(const StaffActions::Resolve& resolve) {
    if (Result<void> done = store_.resolveCodeConflict(resolve.roundId, resolve.codeHash, resolve.keepBallotId); !done) {
        state_.message = {ui_.tr(saveProblemKey(done.error().code)), true};
        return;
    }
    refreshView();
    state_.message = {ui_.tr("staff.conflicts.resolved"), false};
}

void StaffApp::reportLost() {
    std::optional<std::int64_t> fromSeq;
    const std::string typed = state_.lostFromSeq.data();
    if (typed.find_first_not_of(' ') != std::string::npos) {
        char* end = nullptr;
        const long long seq = std::strtoll(typed.c_str(), &end, 10);
        if (typed.find_first_not_of(" 0123456789") != std::string::npos || seq < 1) {
            state_.message = {ui_.tr("staff.lost.bad_seq"), true};
            return;
        }
        fromSeq = seq;
    }
    Result<WithdrawnKiosk> lost = store_.withdrawKioskTrust(state_.confirmLost, fromSeq, "staff (staff view)");
    if (!lost) {
        const ErrorCode code = lost.error().code;
        state_.message = {code == ErrorCode::InvalidInput || code == ErrorCode::NotFound
                              ? ui_.format("staff.lost.refused", {{"reason", lost.error().detail}})
                              : std::string(ui_.tr(saveProblemKey(code))),
                          true};
        return;
    }
    state_.confirmLost.clear();
    state_.lostFromSeq.fill('\0');
    refreshView();
    state_.message = {ui_.format("staff.lost.done", {{"kiosk", lost->kioskId}, {"count", std::to_string(lost->setAside)}}), false};
}

double StaffApp::secondsUntilNextTimer(double) const { return std::numeric_limits<double>::infinity(); }

void StaffApp::apply(const StaffActions& actions) {
    if (actions.panel) state_.panel = *actions.panel;
    if (actions.neighbourhood) showNeighbourhood(*actions.neighbourhood);
    if (actions.selectInitiative) selectInitiative(*actions.selectInitiative);
    if (actions.saveProgress) saveProgress();
    if (actions.language) setLanguage(*actions.language);
    if (actions.toggleLargeText) setLargeText(!state_.largeText);
    if (actions.toggleHighContrast) setHighContrast(!state_.highContrast);
    if (actions.forgetKey) {
        forgetKey();
        state_.message = {ui_.tr("staff.key.forgotten"), false};
    }
    if (actions.loadKey) loadKey(std::filesystem::path(state_.keyPath.data()));
    if (actions.listBundles) listBundles();
    if (!actions.importBundles.empty()) importBundles(actions.importBundles);
    if (actions.resolveCode) resolveCode(*actions.resolveCode);
    if (actions.askLost) {
        state_.confirmLost = *actions.askLost;
        state_.lostFromSeq.fill('\0');
    }
    if (actions.reportLost) reportLost();
    if (actions.refresh) refreshView();
}

void StaffApp::drawTopBar(StaffActions& actions) {
    Ui& ui = ui_;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float barHeight = ui.fonts.heading->FontSize + ImGui::GetStyle().WindowPadding.y * 2.0f;
    const ImVec2 origin = ImGui::GetWindowPos();
    const float width = ImGui::GetWindowWidth();
    list->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + barHeight), ui.colours.barBackground);
    const float padX = ImGui::GetStyle().WindowPadding.x;
    const std::string title = std::string(icon::LivingWell) + "  " + ui.tr("staff.title");
    drawText(list, ui.fonts.heading, ImVec2(origin.x + padX, origin.y + (barHeight - ui.fonts.heading->FontSize) * 0.5f),
             ui.colours.onBar, title);

    // Right of the title: the neighbourhood, the language, large text and high contrast.
    const float frameHeight = ImGui::GetFrameHeight();
    float x = origin.x + padX + measureText(ui.fonts.heading, title).x + padX * 2.0f;
    const float y = origin.y + (barHeight - frameHeight) * 0.5f;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.colours.onBar));
    ImGui::SetCursorScreenPos(ImVec2(x, y + ImGui::GetStyle().FramePadding.y));
    ImGui::TextUnformatted(ui.tr("staff.neighbourhood"));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, y));
    ImGui::SetNextItemWidth(ui.fonts.body->FontSize * 14.0f);
    const auto name = [&](std::size_t i) {
        return view_.neighbourhoods[i].empty() ? std::string(ui.tr("staff.neighbourhood.all")) : staffShown(view_.neighbourhoods[i]);
    };
    if (ImGui::BeginCombo("##neighbourhood", name(state_.neighbourhood).c_str())) {
        for (std::size_t i = 0; i < view_.neighbourhoods.size(); ++i) {
            if (ImGui::Selectable(name(i).c_str(), i == state_.neighbourhood)) actions.neighbourhood = i;
            registerStaffItem(ui, "#staff.neighbourhood." + std::to_string(i), i == state_.neighbourhood);
        }
        ImGui::EndCombo();
    }
    registerStaffItem(ui, "#staff.neighbourhood");

    // The language and the two modes, from the right edge.
    const float comboWidth = ui.fonts.body->FontSize * 9.0f;
    const std::string large = ui.tr("staff.large_text");
    const std::string contrast = ui.tr("staff.high_contrast");
    const float box = frameHeight + ImGui::GetStyle().ItemInnerSpacing.x;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2.0f;
    float right = origin.x + width - padX;
    const float contrastX = right - box - ImGui::CalcTextSize(contrast.c_str()).x;
    const float largeX = contrastX - gap - box - ImGui::CalcTextSize(large.c_str()).x;
    const float languageX = largeX - gap - comboWidth;
    ImGui::SetCursorScreenPos(ImVec2(languageX, y));
    ImGui::SetNextItemWidth(comboWidth);
    if (ImGui::BeginCombo("##language", staffShown(translator_.language().nativeName).c_str())) {
        for (const i18n::Language& language : translator_.languages()) {
            if (ImGui::Selectable(staffShown(language.nativeName).c_str(), language.code == state_.language)) actions.language = language.code;
            registerStaffItem(ui, "#staff.language." + language.code, language.code == state_.language);
        }
        ImGui::EndCombo();
    }
    registerStaffItem(ui, "#staff.language");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.colours.onBar));
    bool largeOn = state_.largeText;
    ImGui::SetCursorScreenPos(ImVec2(largeX, y));
    if (ImGui::Checkbox(large.c_str(), &largeOn)) actions.toggleLargeText = true;
    registerStaffItem(ui, "staff.large_text", state_.largeText);
    bool contrastOn = state_.highContrast;
    ImGui::SetCursorScreenPos(ImVec2(contrastX, y));
    if (ImGui::Checkbox(contrast.c_str(), &contrastOn)) actions.toggleHighContrast = true;
    registerStaffItem(ui, "staff.high_contrast", state_.highContrast);
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + barHeight));
}

void StaffApp::drawPanelList(StaffActions& actions, float width) {
    Ui& ui = ui_;
    ImGui::BeginChild("##panels", ImVec2(width, 0), false);
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
    const float rowHeight = ui.fonts.body->FontSize * 2.0f;
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    for (const StaffPanel panel : kAllStaffPanels) {
        const bool selected = state_.panel == panel;
        ImGui::PushID(static_cast<int>(panel));
        const std::string label = std::string("   ") + staffPanelIcon(panel) + "  " + ui.tr(staffPanelKey(panel));
        if (ImGui::Selectable(label.c_str(), selected, 0, ImVec2(0, rowHeight))) actions.panel = panel;
        if (selected) {
            // The current panel is marked by a bar at its start, not by colour alone.
            const ImVec2 min = ImGui::GetItemRectMin();
            const ImVec2 max = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + ui.mm(1.2f), max.y), ui.colours.selected);
        }
        registerStaffItem(ui, staffPanelKey(panel), selected);
        ImGui::PopID();
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
}

void StaffApp::frame(double now) {
    ui_.now = now;
    ui_.widgets.beginFrame();
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##staff", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();
    StaffActions actions;
    ImGui::PushFont(ui_.fonts.body);
    drawTopBar(actions);

    const ImGuiStyle& style = ImGui::GetStyle();
    if (!state_.message.text.empty()) {
        ImGui::SetCursorPosX(style.WindowPadding.x);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + style.ItemSpacing.y);
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(state_.message.problem ? ui_.colours.danger : ui_.colours.text));
        ImGui::TextUnformatted((std::string(state_.message.problem ? icon::Warning : icon::Check) + "  " + state_.message.text).c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (staffButton(ui_, "staff.message.close", ui_.tr("staff.message.close"))) state_.message = {};
    }

    const float listWidth = ui_.fonts.body->FontSize * 13.0f;
    ImGui::SetCursorPos(ImVec2(style.WindowPadding.x, ImGui::GetCursorPosY() + style.ItemSpacing.y));
    drawPanelList(actions, listWidth);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(ui_.colours.surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, style.WindowPadding);
    ImGui::BeginChild("##panel", ImVec2(-style.WindowPadding.x, -style.WindowPadding.y), true,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    StaffContext ctx{ui_,         view_, state_, actions, contacts_, key_.has_value(), key_ ? keyFingerprint(key_->publicKey()) : std::string(),
                     bundleFiles_, lastImport_};
    switch (state_.panel) {
        case StaffPanel::Overview: drawStaffOverview(ctx); break;
        case StaffPanel::Ideas: drawStaffIdeas(ctx); break;
        case StaffPanel::Initiatives: drawStaffInitiatives(ctx); break;
        case StaffPanel::Needs: drawStaffNeeds(ctx); break;
        case StaffPanel::Pulse: drawStaffPulse(ctx); break;
        case StaffPanel::Rounds: drawStaffRounds(ctx); break;
        case StaffPanel::Bundles: drawStaffBundles(ctx); break;
        case StaffPanel::Contacts: drawStaffContacts(ctx); break;
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::End();
    apply(actions);
}

}  // namespace buurtstem::ui
