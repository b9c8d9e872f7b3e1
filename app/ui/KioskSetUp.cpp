// KioskApp's side of the set-up (instellingen): reading the stored values into the draft,
// looking for the staff key file, and storing everything when the facilitator taps Finish.
#include "KioskApp.h"

#include "../core/Utf8.h"
#include "widgets/NumericPad.h"

#include <algorithm>

namespace buurtstem::ui {

namespace {

// The settings as one text per line, for the audit log's before and after. Never a PIN.
std::string describeSetUp(const std::string& name, const std::vector<Place>& places, const std::string& map, std::int64_t maximumCents,
                          const std::optional<StaffKeyBytes>& key, const KioskPreferences& preferences,
                          const std::vector<std::string>& facilitators) {
    std::string text = "name: " + name + "\nplaces: ";
    std::size_t spots = 0;
    for (std::size_t i = 0; i < places.size(); ++i) {
        text += (i > 0 ? ", " : "") + places[i].name;
        if (places[i].onMap) ++spots;
    }
    if (!map.empty()) text += " (map " + map + ", " + std::to_string(spots) + " spots)";
    text += "\nmaximum per initiative: " + formatEuroShort(maximumCents);
    text += "\nstaff key: " + (key ? keyFingerprint(*key) : std::string("none"));
    text += "\n" + describePreferences(preferences);
    text += "\nfacilitators: ";
    for (std::size_t i = 0; i < facilitators.size(); ++i) text += (i > 0 ? ", " : "") + facilitators[i];
    return text;
}

}  // namespace

bool KioskApp::showFirstStartSetUp() {
    if (!settings_.firstStartSetUp) return false;
    view_.hasFacilitator = store_.hasFacilitator();  // the command line may have added one meanwhile
    if (view_.hasFacilitator) return false;
    openSetUp(true);
    return true;
}

void KioskApp::applyPreferences() {
    if (!view_.preferences) return;
    IdleSettings idle;
    idle.askAfterSeconds = view_.preferences->askAfterSeconds;
    idle.resetAfterSeconds = view_.preferences->startOverSeconds;
    idle_.setSettings(idle);
    settings_.idle = idle;
}

void KioskApp::openSetUp(bool firstStart) {
    SetUpFlow flow;
    flow.firstStart = firstStart;
    flow.name = view_.neighbourhood;
    flow.places = store_.placesWithPositions();
    flow.map = view_.mapImage;
    flow.preferences = view_.preferences.value_or(KioskPreferences{});
    flow.maximumText = typedEuroCents(view_.initiativeMaximumCents);
    // A kiosk's first facilitator is added here; later the signed-in one may add another or change their own PIN.
    flow.plan = firstStart ? SetUpFacilitatorPlan::Add : SetUpFacilitatorPlan::Keep;
    flow.stage = firstStart ? SetUpPinStage::Label : SetUpPinStage::Choose;
    state_.setUp = std::move(flow);
    keyboard_.reset();
    pageScroll_.reset();
    if (firstStart) {
        state_.history.clear();
        state_.screen = ScreenId::SetUpWelcome;
    } else {
        go(ScreenId::SetUpWelcome);
    }
}

void KioskApp::findKeyFiles() {
    SetUpFlow& flow = state_.setUp;
    flow.keyFiles = buurtstem::findKeyFiles(settings_.keyFolders.empty() ? defaultKeyFolders(settings_.dataDir) : settings_.keyFolders);
    flow.keyFile.reset();
    flow.key.reset();
    flow.keyProblemKey = nullptr;
}

void KioskApp::chooseKeyFile(std::size_t index) {
    SetUpFlow& flow = state_.setUp;
    if (index >= flow.keyFiles.size()) return;
    flow.keyFile = index;
    flow.key.reset();
    flow.keySkipped = false;
    const ParsedKeyFile parsed = readStaffKeyFile(flow.keyFiles[index]);
    switch (parsed.problem) {
        case KeyFileProblem::None:
            flow.key = parsed.key;
            flow.keyProblemKey = nullptr;
            return;
        case KeyFileProblem::Unreadable: flow.keyProblemKey = "setup.key.unreadable"; return;
        case KeyFileProblem::TooLarge:
        case KeyFileProblem::NotAKey: flow.keyProblemKey = "setup.key.not_a_key"; return;
    }
}

void KioskApp::finishSetUp() {
    SetUpFlow& flow = state_.setUp;
    // Only while the kiosk has no facilitator, or for the one signed in.
    if (view_.hasFacilitator && state_.facilitator.label.empty()) return;
    flow.problemKey = nullptr;
    const bool addFacilitator = flow.plan == SetUpFacilitatorPlan::Add;
    const bool changePin = flow.plan == SetUpFacilitatorPlan::ChangePin;
    if ((addFacilitator || changePin) && flow.stage != SetUpPinStage::Done) {
        flow.problemKey = "setup.summary.no_facilitator";
        return;
    }
    if (!view_.hasFacilitator && !addFacilitator) {
        flow.problemKey = "setup.summary.no_facilitator";
        return;
    }
    const std::optional<std::int64_t> maximum = parseEuroCents(flow.maximumText);
    if (!maximum || *maximum <= 0 || *maximum > kInitiativeMaximumCeilingCents) {
        flow.problemKey = "setup.maximum.problem";
        return;
    }

    const std::vector<Place> placesBefore = store_.placesWithPositions();
    const std::string before = view_.hasFacilitator || !view_.neighbourhood.empty()
                                   ? describeSetUp(view_.neighbourhood, placesBefore, view_.mapImage, view_.initiativeMaximumCents,
                                                   view_.staffKey, view_.preferences.value_or(KioskPreferences{}),
                                                   store_.facilitatorLabels())
                                   : std::string();

    // The facilitator first: without one the kiosk cannot be reached again, so nothing else is
    // stored when this fails. A kiosk whose first facilitator was added is then theirs.
    if (addFacilitator) {
        const Result<void> added = store_.addFacilitator(flow.label, flow.pin);
        if (!added) {
            flow.problemKey = added.error().code == ErrorCode::InvalidInput ? "setup.pin.taken" : saveProblemKey(added.error().code);
            return;
        }
        if (state_.facilitator.label.empty()) state_.facilitator.label = utf8::trim(flow.label);
    } else if (changePin) {
        const Result<void> changed = store_.changeFacilitatorPin(state_.facilitator.label, flow.oldPin, flow.pin);
        if (!changed) {
            flow.problemKey = changed.error().code == ErrorCode::InvalidInput ? "setup.pin.old_wrong" : saveProblemKey(changed.error().code);
            flow.oldPin.clear();
            flow.pin.clear();
            flow.pinAgain.clear();
            flow.stage = SetUpPinStage::OldPin;
            return;
        }
    }
    flow.plan = SetUpFacilitatorPlan::Keep;  // done: trying Finish again must not add them twice
    flow.stage = SetUpPinStage::Choose;
    flow.oldPin.clear();
    flow.pin.clear();
    flow.pinAgain.clear();

    // Then what changed, each its own event or setting. A failure says so and keeps the draft.
    Result<void> stored;
    const std::string trimmedName = utf8::trim(flow.name);
    if (stored && trimmedName != view_.neighbourhood) stored = store_.setNeighbourhoodName(trimmedName);
    if (stored && flow.places != placesBefore) {
        // Spots mean something only on their picture: the map stays while any place keeps its spot.
        const bool anySpot = std::any_of(flow.places.begin(), flow.places.end(), [](const Place& p) { return p.onMap.has_value(); });
        stored = store_.setPlacesOnMap(flow.places, anySpot ? flow.map : std::string());
    }
    if (stored && *maximum != view_.initiativeMaximumCents) stored = store_.setInitiativeMaximum(*maximum);
    if (stored && flow.key) {
        storage::StaffKey key{};
        std::copy(flow.key->begin(), flow.key->end(), key.begin());
        stored = store_.setStaffPublicKey(key);
    }
    if (stored) stored = store_.setKioskPreferences(flow.preferences);
    refreshView();
    applyPreferences();
    if (!stored) {
        flow.problemKey = stored.error().code == ErrorCode::InvalidInput ? "error.check_input" : saveProblemKey(stored.error().code);
        return;
    }
    audit(kAuditKioskSetUp, "", before,
          describeSetUp(view_.neighbourhood, store_.placesWithPositions(), view_.mapImage, view_.initiativeMaximumCents, view_.staffKey,
                        view_.preferences.value_or(KioskPreferences{}), store_.facilitatorLabels()));

    if (flow.firstStart) {
        // The kiosk is ready: residents see the attract screen; the long press and the new PIN open the rest.
        resetForNextResident();
        return;
    }
    state_.setUp = SetUpFlow{};
    state_.history.clear();
    state_.screen = ScreenId::FacilitatorHome;
    state_.facilitator.doneKey = "setup.saved";
    keyboard_.reset();
    pageScroll_.reset();
}

void KioskApp::showSetUpForScreenshot(ScreenId screen) {
    // Opened as a facilitator would later (the example values are the demo's), with each step as
    // it looks half-way through.
    state_.facilitator.label = "Anna (opbouwwerk)";
    openSetUp(false);
    state_.history.clear();
    state_.screen = screen;
    SetUpFlow& flow = state_.setUp;
    switch (screen) {
        case ScreenId::SetUpWelcome: flow.firstStart = true; break;  // as a new kiosk greets its first facilitator
        case ScreenId::SetUpName: flow.focus = SetUpField::Name; break;
        case ScreenId::SetUpPlaces:
            flow.selectedPlace = 1;
            flow.placeTyped = translator_.tr("example.setup.place");
            break;
        case ScreenId::SetUpLanguages: flow.preferences.languages = {"nl", "en", "tr", "ar"}; break;
        case ScreenId::SetUpIdle: flow.preferences.askAfterSeconds = 120; break;
        case ScreenId::SetUpStaffKey:
            flow.keyFiles = {"/media/anna/USB/woonstede-staff.pub", "/media/anna/USB/notities.txt"};
            flow.keyFile = 0;
            flow.key = view_.staffKey.value_or(StaffKeyBytes{});
            break;
        case ScreenId::SetUpFacilitator:
            flow.plan = SetUpFacilitatorPlan::Add;
            flow.stage = SetUpPinStage::NewPin;
            flow.label = "Bram";
            flow.pin = "2846";
            flow.problemKey = "setup.pin.mismatch";  // the longest message of the step
            break;
        case ScreenId::SetUpSummary:
            flow.plan = SetUpFacilitatorPlan::Add;
            flow.stage = SetUpPinStage::Done;
            flow.label = "Bram";
            break;
        default: break;
    }
}

}  // namespace buurtstem::ui
