// `buurtstem screenshot`: one screen, drawn by the real renderer, written as PNG. Uses an
// in-memory kiosk with the demo neighbourhood, so it never touches a real data directory.
#include "CommandLine.h"
#include "Commands.h"

#include "../../storage/KioskStore.h"
#include "../../storage/StaffContacts.h"
#include "../platform/Runner.h"
#include "../ui/KioskApp.h"
#include "../ui/staff/StaffApp.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <array>
#include <memory>
#include <tuple>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <unistd.h>
#include <vector>

namespace buurtstem::cli {

namespace {

// Overlays that are shown over the home screen; listed with the screens.
constexpr const char* kLanguageOverlay = "language-picker";
constexpr const char* kIdleOverlay = "idle-question";
// The presenter window's view (a projector), with an example evening.
constexpr const char* kPresenter = "presenter";
// The staff view's panels: "staff-" and the panel's name (staff-overview, staff-ideas, ...).
constexpr std::string_view kStaffPrefix = "staff-";

// Draws the kiosk's presenter view in the screenshot's window instead of the kiosk's screens.
class PresenterShot : public platform::FrameClient {
public:
    PresenterShot(ui::KioskApp& kiosk, int height) : kiosk_(kiosk), height_(height) {}
    bool buildFonts(float) override { return kiosk_.buildPresenterFonts(height_); }
    bool fontsChanged() const override { return false; }
    void frame(double nowSeconds) override { kiosk_.presenterFrame(nowSeconds); }
    double secondsUntilNextTimer(double) const override { return std::numeric_limits<double>::infinity(); }
    bool animating() const override { return false; }
    std::uint32_t clearColour() const override { return kiosk_.presenterClearColour(); }

private:
    ui::KioskApp& kiosk_;
    int height_;
};

// Without a display, run the same command again inside a private Xvfb server.
int runUnderXvfb(const ScreenshotOptions& options) {
    if (std::getenv("BUURTSTEM_UNDER_XVFB")) return -1;  // already tried: avoid a loop
    setenv("BUURTSTEM_UNDER_XVFB", "1", 1);
    const std::string screen = "-screen 0 " + std::to_string(options.width) + "x" + std::to_string(options.height) + "x24";
    std::vector<std::string> args = {"xvfb-run", "-a", "-s", screen};
    args.insert(args.end(), options.argv.begin(), options.argv.end());
    std::vector<char*> raw;
    for (std::string& arg : args) raw.push_back(arg.data());
    raw.push_back(nullptr);
    execvp("xvfb-run", raw.data());
    return -1;  // xvfb-run is not installed
}

// An evening under way for the presenter's screenshot: nine ballots in the open round, a few
// pulses and meeting needs. The store is the screenshot's own, in memory.
Result<void> addPresenterExample(storage::KioskStore& store, const std::vector<std::string>& codes) {
    const std::vector<BudgetRound> open = store.openRounds();
    if (!open.empty()) {
        const std::vector<std::vector<std::uint32_t>> ballots = {{2, 3, 4}, {2, 0}, {1, 2}, {3, 4}, {0, 2, 3},
                                                                 {1},       {2, 4}, {5, 2}, {3}};
        for (std::size_t i = 0; i < ballots.size() && i < codes.size(); ++i) {
            BallotDraft ballot;
            ballot.projects = ballots[i];
            if (Result<std::string> cast = store.castBallot(open.front().id, ballot, codes[i]); !cast) return cast.error();
        }
    }
    const std::array<std::array<int, kPulseAspectCount>, 4> pulses = {{{4, 3, 4, 2, 3}, {5, 2, 4, 3, 0}, {3, 3, 5, 2, 2}, {4, 0, 3, 1, 3}}};
    for (const auto& scores : pulses) {
        PulseDraft pulse;
        pulse.scores = scores;
        if (Result<void> given = store.givePulse(pulse); !given) return given.error();
    }
    const std::vector<std::vector<std::pair<NeedGroup, const char*>>> needs = {
        {{NeedGroup::Days, "wed"}, {NeedGroup::Times, "evening"}, {NeedGroup::Help, "childcare"}},
        {{NeedGroup::Days, "wed"}, {NeedGroup::Times, "afternoon"}, {NeedGroup::Interpreter, "tr"}},
        {{NeedGroup::Days, "sat"}, {NeedGroup::Times, "evening"}, {NeedGroup::Meeting, "coffee_morning"}},
        {{NeedGroup::Days, "wed"}, {NeedGroup::Help, "wheelchair"}, {NeedGroup::Care, "someone_to_talk"}},
        {{NeedGroup::Times, "evening"}, {NeedGroup::Help, "childcare"}, {NeedGroup::Interpreter, "ar"}}};
    for (const auto& choices : needs) {
        MeetingNeedDraft need;
        for (const auto& [group, option] : choices) need.toggle(group, option);
        if (Result<void> given = store.giveMeetingNeed(need); !given) return given.error();
    }
    return {};
}

// A temporary data folder, removed again: the staff's contacts panel needs the demo's secret key
// file, which only a store on disk writes.
class ScratchFolder {
public:
    ScratchFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "buurtstem-staff-XXXXXX").string();
        if (mkdtemp(pattern.data())) path_ = pattern;
    }
    ~ScratchFolder() {
        std::error_code ec;
        if (!path_.empty()) std::filesystem::remove_all(path_, ec);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// A year of pulses for the staff's trend, given month by month on the store's clock before the
// demo (a clock never runs backwards): meeting people slowly better, clean worse in winter.
Result<void> addPulseHistory(storage::KioskStore& store, std::uint64_t& clockMs, std::uint64_t nowMs) {
    constexpr std::uint64_t kMonthMs = 30ull * 24 * 3600 * 1000;
    for (int month = 11; month >= 1; --month) {
        clockMs = nowMs - static_cast<std::uint64_t>(month) * kMonthMs;
        for (int resident = 0; resident < 3 + month % 4; ++resident) {
            PulseDraft pulse;
            const int step = 11 - month;
            pulse.scores = {std::min(5, 2 + (step + resident) / 4), 2 + (resident + month) % 3, 3 + (resident % 2),
                            std::max(1, 4 - (month > 3 && month < 8 ? 2 : 0) - resident % 2), 3 + (step > 6 ? 1 : 0)};
            if (resident == 2) pulse.scores[1] = kPulseSkipped;
            if (Result<void> given = store.givePulse(pulse); !given) return given.error();
        }
    }
    clockMs = nowMs;
    return {};
}

// A kiosk in the Noorderpark whose bundle, with nothing newer than 40 days, the office imported:
// the kiosks' tables show when it was last heard from and mark it silent.
Result<void> importSilentKiosk(storage::KioskStore& office, const std::filesystem::path& folder, std::uint64_t nowMs) {
    const std::filesystem::path dir = folder / "noorderpark";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    storage::StoreOptions options;
    const std::uint64_t then = nowMs - 40ull * 24 * 3600 * 1000;
    options.clock = [then] { return then; };
    Result<std::unique_ptr<storage::KioskStore>> kiosk = storage::KioskStore::open(dir / storage::kDatabaseFileName, options);
    if (!kiosk) return kiosk.error();
    if (Result<void> key = (*kiosk)->setStaffPublicKey(*office.staffPublicKey()); !key) return key.error();
    if (Result<void> named = (*kiosk)->setNeighbourhoodName("Noorderpark"); !named) return named.error();
    IdeaDraft idea;
    idea.theme = Theme::CleanSafe;
    idea.themeChosen = true;
    idea.title = "Meer licht in het park";
    if (Result<Idea> given = (*kiosk)->submitIdea(idea); !given) return given.error();
    Result<storage::KioskStore::Bundle> bundle = (*kiosk)->exportBundle(true);
    if (!bundle) return bundle.error();
    Result<storage::StaffSecretKey> secret = storage::loadStaffSecretKey(folder / storage::kDemoStaffSecretKeyFileName);
    if (!secret) return secret.error();
    Result<SyncReport> imported = office.importBundles({{"kiosk-noorderpark.bsb", bundle->bytes}}, secret->secretKey(), true);
    if (!imported) return imported.error();
    return {};
}

int runStaffScreenshot(const ScreenshotOptions& options, ui::StaffPanel panel) {
    ScratchFolder folder;
    if (folder.path().empty()) return reportError(makeError(ErrorCode::DataDirUnusable, "no temporary folder"), {});
    const std::uint64_t nowMs = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    auto clockMs = std::make_shared<std::uint64_t>(nowMs);
    storage::StoreOptions storeOptions;
    storeOptions.clock = [clockMs] { return *clockMs; };
    Result<std::unique_ptr<storage::KioskStore>> store =
        storage::KioskStore::open(folder.path() / storage::kDatabaseFileName, storeOptions);
    if (!store) return reportError(store.error(), {});
    if (Result<void> history = addPulseHistory(**store, *clockMs, nowMs); !history) return reportError(history.error(), {});
    if (Result<int> demo = (*store)->addDemoNeighbourhood(); !demo) return reportError(demo.error(), {});
    Result<std::vector<std::string>> round = (*store)->addDemoRound();
    if (!round) return reportError(round.error(), {});
    if (Result<void> example = addPresenterExample(**store, *round); !example) return reportError(example.error(), {});
    // Two of the demo's initiatives further along: one running, one approved with its grant.
    const std::vector<storage::InitiativeRow> pipeline = (*store)->initiativePipeline();
    const std::array<std::tuple<PipelineStage, std::int64_t, std::int64_t>, 2> progress = {
        {{PipelineStage::Running, 110000, 45000}, {PipelineStage::Approved, 93000, 0}}};
    std::size_t next = 0;
    for (const storage::InitiativeRow& row : pipeline) {
        if (row.idea.status != IdeaStatus::Approved || next >= progress.size()) continue;
        InitiativeProgress step;
        step.ideaId = row.idea.id;
        std::tie(step.stage, step.grantedCents, step.spentCents) = progress[next++];
        if (Result<void> set = (*store)->setInitiativeProgress(step); !set) return reportError(set.error(), {});
    }

    if (panel == ui::StaffPanel::Overview || panel == ui::StaffPanel::Bundles) {
        if (Result<void> other = importSilentKiosk(**store, folder.path(), nowMs); !other) return reportError(other.error(), {});
    }

    Result<i18n::Translator> translator = i18n::Translator::loadFolder(assetDir() / "i18n");
    if (!translator) return reportError(translator.error(), {});
    if (!translator->setLanguage(options.language)) {
        std::fprintf(stderr, "buurtstem screenshot: unknown language \"%s\"\n", options.language.c_str());
        return kExitUsage;
    }
    ui::StaffSettings settings;
    settings.language = options.language;
    settings.bundleFolder = folder.path();
    if (panel == ui::StaffPanel::Contacts || panel == ui::StaffPanel::Bundles)
        settings.secretKeyFile = folder.path() / storage::kDemoStaffSecretKeyFileName;
    if (panel == ui::StaffPanel::Bundles) {
        // A second kiosk's bundle on a "USB stick", for the list to show.
        const std::filesystem::path kioskDir = folder.path() / "lindenbuurt";
        const std::filesystem::path stick = folder.path() / "usb";
        std::error_code ec;
        std::filesystem::create_directories(kioskDir, ec);
        std::filesystem::create_directories(stick, ec);
        Result<std::unique_ptr<storage::KioskStore>> kiosk = storage::KioskStore::open(kioskDir / storage::kDatabaseFileName);
        if (!kiosk) return reportError(kiosk.error(), {});
        if (Result<void> key = (*kiosk)->setStaffPublicKey(*(*store)->staffPublicKey()); !key) return reportError(key.error(), {});
        if (Result<void> named = (*kiosk)->setNeighbourhoodName("Lindenbuurt"); !named) return reportError(named.error(), {});
        for (const char* title : {"Bankje bij de vijver", "Speeltuin opknappen", "Koffieochtend op dinsdag"}) {
            IdeaDraft idea;
            idea.theme = Theme::Meeting;
            idea.themeChosen = true;
            idea.title = title;
            if (Result<Idea> given = (*kiosk)->submitIdea(idea); !given) return reportError(given.error(), {});
        }
        Result<storage::KioskStore::Bundle> bundle = (*kiosk)->exportBundle(true);
        if (!bundle) return reportError(bundle.error(), {});
        std::ofstream(stick / "kiosk-lindenbuurt.bsb", std::ios::binary) << bundle->bytes;
        settings.bundleFolder = stick;
    }
    if (Result<void> fonts = ui::checkFontFiles(settings.fonts); !fonts) return reportError(fonts.error(), {});

    platform::RunnerSettings runnerSettings;
    runnerSettings.fullscreen = false;
    runnerSettings.width = options.width;
    runnerSettings.height = options.height;
    runnerSettings.pxPerMmOverride = options.pxPerMm;
    runnerSettings.title = "Buurtstem screenshot";
    Result<std::unique_ptr<platform::Runner>> runner = platform::Runner::create(runnerSettings);
    if (!runner) return reportError(runner.error(), {});

    ui::StaffApp staff(**store, std::move(*translator), settings);
    staff.setLargeText(options.largeText);
    staff.setHighContrast(options.highContrast);
    staff.showForScreenshot(panel);
    platform::RgbaImage image;
    if (!(*runner)->renderFrames(staff, 4, &image)) {
        if (staff.fontError()) return reportError(*staff.fontError(), {});
        return kExitUnexpected;
    }
    if (Result<void> written = platform::writePng(image, options.out); !written) {
        std::fprintf(stderr, "buurtstem screenshot: cannot write %s\n", options.out.c_str());
        return kExitStorage;
    }
    std::printf("%s: %s, %dx%d\n", options.out.c_str(), options.screen.c_str(), image.width, image.height);
    return kExitOk;
}

}  // namespace

int runScreenshot(const ScreenshotOptions& options) {
    if (options.list) {
        for (const ui::ScreenInfo& info : ui::kScreens) std::printf("%s\n", info.name);
        std::printf("%s\n%s\n%s\n", kLanguageOverlay, kIdleOverlay, kPresenter);
        for (const ui::StaffPanel panel : ui::kAllStaffPanels) std::printf("%s%s\n", kStaffPrefix.data(), ui::staffPanelName(panel));
        return kExitOk;
    }
    const std::optional<ui::StaffPanel> staffPanel =
        options.screen.starts_with(kStaffPrefix) ? ui::staffPanelFromName(std::string_view(options.screen).substr(kStaffPrefix.size()))
                                                 : std::nullopt;
    const bool languageOverlay = options.screen == kLanguageOverlay;
    const bool idleOverlay = options.screen == kIdleOverlay;
    const bool presenter = options.screen == kPresenter;
    const std::optional<ui::ScreenId> screen =
        staffPanel        ? std::optional(ui::ScreenId::Home)
        : languageOverlay ? std::optional(ui::ScreenId::Home)
        : idleOverlay   ? std::optional(ui::ScreenId::IdeaText)
        : presenter     ? std::optional(ui::ScreenId::Home)
                        : ui::screenByName(options.screen);
    if (!screen) {
        std::fprintf(stderr, "buurtstem screenshot: unknown screen \"%s\"; `buurtstem screenshot --list` names them all\n",
                     options.screen.c_str());
        return kExitUsage;
    }
    if (options.out.empty()) {
        std::fprintf(stderr, "buurtstem screenshot: say where to write the PNG with --out FILE.png\n");
        return kExitUsage;
    }
    if (!platform::displayAvailable()) {
        runUnderXvfb(options);
        std::fprintf(stderr, "buurtstem screenshot: no display, and xvfb-run (Debian package xvfb) could not start one\n");
        return kExitNoDisplay;
    }
    if (staffPanel) return runStaffScreenshot(options, *staffPanel);

    Result<std::unique_ptr<storage::KioskStore>> store = storage::KioskStore::openInMemory();
    if (!store) return reportError(store.error(), {});
    if (Result<int> demo = (*store)->addDemoNeighbourhood(); !demo) return reportError(demo.error(), {});
    Result<std::vector<std::string>> round = (*store)->addDemoRound();
    if (!round) return reportError(round.error(), {});
    if (Result<std::string> evening = (*store)->addDemoEvening(); !evening) return reportError(evening.error(), {});
    if (presenter)
        if (Result<void> example = addPresenterExample(**store, *round); !example) return reportError(example.error(), {});

    Result<i18n::Translator> translator = i18n::Translator::loadFolder(assetDir() / "i18n");
    if (!translator) return reportError(translator.error(), {});
    if (!translator->setLanguage(options.language)) {
        std::fprintf(stderr, "buurtstem screenshot: unknown language \"%s\"\n", options.language.c_str());
        return kExitUsage;
    }

    ui::KioskSettings settings;
    settings.startLanguage = options.language;
    settings.mapFolder = assetDir() / "maps";
    settings.moderationFolder = assetDir() / "moderation";
    if (Result<void> fonts = ui::checkFontFiles(settings.fonts); !fonts) return reportError(fonts.error(), {});

    platform::RunnerSettings runnerSettings;
    runnerSettings.fullscreen = false;
    runnerSettings.width = options.width;
    runnerSettings.height = options.height;
    runnerSettings.pxPerMmOverride = options.pxPerMm;
    runnerSettings.title = "Buurtstem screenshot";
    Result<std::unique_ptr<platform::Runner>> runner = platform::Runner::create(runnerSettings);
    if (!runner) return reportError(runner.error(), {});

    ui::KioskApp kiosk(**store, std::move(*translator), settings);
    kiosk.setLargeText(options.largeText);
    kiosk.setHighContrast(options.highContrast);
    kiosk.showForScreenshot(*screen);
    if (languageOverlay) kiosk.openLanguagePicker();
    if (idleOverlay) kiosk.askIfStillThere(0.0);  // shown over a half-typed idea: that is when it matters

    PresenterShot presenterShot(kiosk, options.height);
    if (presenter) kiosk.showPresenterExample();
    platform::FrameClient& client = presenter ? static_cast<platform::FrameClient&>(presenterShot) : kiosk;

    platform::RgbaImage image;
    // A few frames: ImGui settles window sizes and popups over the first two.
    if (!(*runner)->renderFrames(client, 4, &image)) {
        if (kiosk.fontError()) return reportError(*kiosk.fontError(), {});
        return kExitUnexpected;
    }
    if (Result<void> written = platform::writePng(image, options.out); !written) {
        std::fprintf(stderr, "buurtstem screenshot: cannot write %s\n", options.out.c_str());
        return kExitStorage;
    }
    std::printf("%s: %s, %dx%d\n", options.out.c_str(), options.screen.c_str(), image.width, image.height);
    return kExitOk;
}

}  // namespace buurtstem::cli
