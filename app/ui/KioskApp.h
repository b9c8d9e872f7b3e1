// KioskApp: the resident kiosk as a FrameClient. It owns the screen state, draws the current
// screen with the top bar, carries out the screens' Actions (the only place that writes to
// storage), and runs the idle timer that wipes drafts when a resident walks away.
#pragma once

#include "../core/FlaggedWords.h"
#include "../core/VotingCode.h"
#include "../core/i18n/Catalog.h"
#include "../platform/Runner.h"
#include "../platform/Textures.h"
#include "../../storage/KioskStore.h"
#include "KioskState.h"
#include "PresenterFeed.h"
#include "Ui.h"
#include "widgets/DragScrollList.h"
#include "widgets/IdleTimer.h"
#include "widgets/OnScreenKeyboard.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace buurtstem::ui {

struct MapPicture;  // screens/Screens.h

struct KioskSettings {
    IdleSettings idle;                                 // 60 s + 30 s by default
    std::string startLanguage = "nl";                  // = "nl" // the language after every reset
    FontFiles fonts = FontFiles::fromEnvironment();    // Debian's font paths
    ScreenId firstScreen = ScreenId::Attract;          // = Attract
    std::filesystem::path widgetDump;                  // when set: the touch targets of each drawn frame are written here
    std::filesystem::path mapFolder;                   // = "" // where neighbourhood map pictures are (the assets' maps folder)
    std::filesystem::path reportFolder;                // = "" // where "Make report" writes (<data dir>/reports); "" = the system's temporary folder
    std::filesystem::path moderationFolder;            // = "" // the moderation word lists (assets/moderation); "": nothing is flagged
    bool firstStartSetUp = true;                       // = true // without a facilitator the set-up shows instead of the attract screen
    std::filesystem::path dataDir;                     // = "" // the kiosk's data folder: the set-up looks there for the staff key file
    std::vector<std::filesystem::path> keyFolders;     // = {} // where the set-up looks for key files; empty: defaultKeyFolders(dataDir)
};

class KioskApp : public platform::FrameClient {
public:
    KioskApp(storage::KioskStore& store, i18n::Translator translator, KioskSettings settings = {});

    // [SECTION] FrameClient
    bool buildFonts(float pxPerMm) override;
    bool fontsChanged() const override { return fontsDirty_; }
    void frame(double nowSeconds) override;
    double secondsUntilNextTimer(double nowSeconds) const override;
    bool animating() const override;
    bool wantsQuit() const override { return quitRequested_; }
    std::uint32_t clearColour() const override;
    void afterPresent(std::uint64_t frameNumber) override;
    // The presenter window (a projector): the kiosk's start language, its own fonts and Ui.
    bool presenterWanted() const override { return presenterWanted_; }
    void setPresenterWanted(bool on) override { presenterWanted_ = on; }
    bool buildPresenterFonts(int heightPx) override;
    bool presenterFontsChanged(int heightPx) const override { return heightPx != presenterFontHeight_; }
    void presenterFrame(double nowSeconds) override;
    std::uint32_t presenterClearColour() const override { return presenterUi_.colours.background; }
    // The runner's textures, or a test's; without any the map is drawn as a plain placeholder.
    void useTextures(platform::TextureSource* textures) override { textures_ = textures; }

    // [SECTION] For the command line, screenshots and tests
    const KioskState& state() const { return state_; }
    KioskState& state() { return state_; }
    const KioskView& view() const { return view_; }
    const Ui& ui() const { return ui_; }
    const std::optional<Error>& fontError() const { return fontError_; }
    // Shows a screen directly, with example content where the screen needs some (screenshots).
    void showForScreenshot(ScreenId screen);
    // Overlays for screenshots: the language list, and the idle question as if `now` were quiet.
    void openLanguagePicker() { state_.languagePickerOpen = true; }
    void askIfStillThere(double now) {
        idle_.touch(now - idle_.settings().askAfterSeconds - 5.0);
        firstFrame_ = false;
    }
    bool setLanguage(const std::string& code);
    void setLargeText(bool on);
    void setHighContrast(bool on);
    void refreshView();  // also when a round opens or closes: frame() sees the moment pass
    // The evening's part of the presenter screen (agenda, current item, dot vote).
    void setPresenterFeed(PresenterFeed feed);  // fixed content (tests, screenshots): the evening's own data no longer replaces it
    // An example evening on the presenter screen: four items, the second one 12 minutes into its
    // 20, and a dot vote (screenshots and tests).
    void showPresenterExample();
    const PresenterView& presenterView() const { return presenterView_; }
    const Ui& presenterUi() const { return presenterUi_; }
    // Everything a resident left behind is wiped; the attract screen shows.
    void resetForNextResident();
    // Example content for the evening screens (KioskAppEvening.cpp): people in, an item running, a vote, minutes.
    void showEveningForScreenshot(ScreenId screen);

private:
    void apply(const Actions& actions, double now);
    void refreshPublishedRound();
    void go(ScreenId screen);
    void submitIdea();
    void submitInitiative();
    void checkReference();
    void checkVotingCode();
    void checkReceipt();
    void tryFacilitatorPin(double now);
    void changeRoundPhase(const RoundPhaseRequest& request);
    void openPaper(const std::string& roundId);    // the paper screens' view: rounds, and the batches of roundId
    void openPaperBatch(const std::string& label);
    void savePaperBatch();
    void correctPaperBallot(std::size_t ballot);
    // [SECTION] The set-up (KioskSetUp.cpp)
    void openSetUp(bool firstStart);   // reads the stored values into state_.setUp and shows the first step
    void findKeyFiles();
    void chooseKeyFile(std::size_t index);
    void finishSetUp();
    void applyPreferences();           // the stored languages and idle times, to the running kiosk
    bool showFirstStartSetUp();
    void showSetUpForScreenshot(ScreenId screen);        // shows the set-up when the kiosk has no facilitator; false when it has one
    void closeOpenRound();
    // Appends the signed-in facilitator's action to the audit log; false when it could not be written.
    bool audit(const char* action, const std::string& subject, const std::string& before, const std::string& after);
    // A facilitator's change and its audit entry, stored together or not at all: a power cut
    // between two transactions would keep the change without its entry. `entry` makes the entry
    // from the change's stored result. Returns the change's result, or why neither was stored.
    struct AuditText {
        const char* action;
        std::string subject, before, after;
    };
    template <class Change, class Entry>
    auto audited(Change&& change, Entry&& entry) -> decltype(change()) {
        std::optional<decltype(change())> result;
        const Result<void> stored = store_.inOneTransaction("a change and its audit entry", [&]() -> Result<void> {
            result.emplace(change());
            if (!*result) return result->error();
            const AuditText text = entry(*result);
            const Result<AuditEntry> logged =
                store_.appendAudit({state_.facilitator.label, text.action, text.subject, text.before, text.after});
            if (!logged) return logged.error();
            return {};
        });
        if (!stored) return stored.error();
        return std::move(*result);
    }
    void watchFacilitatorCorner(double now);
    // [SECTION] Moderation (KioskModeration.cpp)
    void applyModeration(const Actions& actions);
    void refreshModeration();          // the queue and the item open, from storage
    void openModeration(const std::string& ideaId);
    void finishModeration(const char* doneKey);  // back to the queue, saying what was done
    void moderationSaved(const char* doneKey);   // back to the item, saying what was done
    void castBallot();
    // [SECTION] Residents' evenings (KioskAppEvening.cpp)
    void refreshEvening();
    void applyEvening(const Actions& actions);
    void startEveningPlan();
    void saveEveningPlan();
    void saveMinutesWith(Minutes minutes, const char* doneKey);
    void makeEveningReport();
    void submitPulse();
    void submitMeetingNeed();
    void supportIdea(const std::string& ideaId);
    void togglePresenter();
    double kioskSecondsUntilChange(double now) const;
    double presenterSecondsUntilChange() const;  // the agenda's minutes, a round opening or closing
    void refreshPresenter();  // what the presenter reads from storage
    MapPicture mapPicture();  // the map for the place step, its picture loaded on first use

    storage::KioskStore& store_;
    i18n::Translator translator_;
    KioskSettings settings_;
    Ui ui_;
    KioskState state_;
    KioskView view_;
    IdleTimer idle_;
    OnScreenKeyboard keyboard_;
    FlaggedWords flaggedWords_;       // the moderation word lists, loaded once
    WrongCodeThrottle codeThrottle_;  // survives the idle reset: walking away must not reset a guesser's wait
    DragScrollList ideaList_;
    DragScrollList pageScroll_;
    bool fontsDirty_ = true;
    bool firstFrame_ = true;
    std::optional<Error> fontError_;
    platform::TextureSource* textures_ = nullptr;
    std::uint64_t nextRoundChangeMs_ = 0;  // the store's clock at which a round next opens or closes
    std::optional<double> cornerPressSince_;  // a finger resting in the facilitators' corner since
    double lastTouch_ = 0;                 // for locking the facilitator screens
    bool onFacilitatorScreen_ = false;     // the last frame showed a facilitator screen
    bool quitRequested_ = false;
    // The presenter window's own: translations in the start language, fonts for its height, the view.
    i18n::Translator presenterTranslator_;
    Ui presenterUi_;
    PresenterView presenterView_;
    bool presenterWanted_ = false;
    bool presenterDirty_ = true;          // refresh before its next frame
    bool presenterExample_ = false;       // the feed was set from outside; the evening's data does not replace it
    std::int64_t presenterEvents_ = -1;   // the event count its view was read at
    int presenterFontHeight_ = 0;         // the window height its fonts were built for
};


// The translation key of the plain-language message for a storage error.
const char* saveProblemKey(ErrorCode code);

}  // namespace buurtstem::ui
