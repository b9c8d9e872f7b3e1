// StaffApp: the staff view as a FrameClient, the same program on an office desktop. A normal
// window with mouse and keyboard and desktop-size text; a neighbourhood picker and a list of
// panels. It owns the state, reads the view from storage after each write, carries out the
// panels' actions (the only caller that writes) and holds the staff secret key in memory only.
#pragma once

#include "../../core/i18n/Catalog.h"
#include "../../platform/Runner.h"
#include "../../../storage/KioskStore.h"
#include "../../../storage/StaffContacts.h"
#include "../Ui.h"
#include "StaffState.h"
#include "StaffView.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace buurtstem::ui {

struct StaffSettings {
    std::string language = "nl";                    // = "nl"
    FontFiles fonts = FontFiles::fromEnvironment();  // Debian's font paths
    std::filesystem::path secretKeyFile;            // = "" // --staff-secret: loaded at the start when set
    std::filesystem::path bundleFolder;             // = "" // listed in the Bundles panel; "" = the data folder
};

// Desktop text: the kiosk's fonts at this share of their size (body text about 16 px at 96 dpi).
inline constexpr float kStaffTextScale = 0.65f;

class StaffApp : public platform::FrameClient {
public:
    StaffApp(storage::KioskStore& store, i18n::Translator translator, StaffSettings settings = {});

    // [SECTION] FrameClient
    bool buildFonts(float pxPerMm) override;
    bool fontsChanged() const override { return fontsDirty_; }
    void frame(double nowSeconds) override;
    double secondsUntilNextTimer(double nowSeconds) const override;
    bool animating() const override { return false; }
    std::uint32_t clearColour() const override { return ui_.colours.background; }

    // [SECTION] For the command line, screenshots and tests
    const StaffState& state() const { return state_; }
    const StaffView& view() const { return view_; }
    const Ui& ui() const { return ui_; }
    const std::optional<Error>& fontError() const { return fontError_; }
    const std::vector<StaffContact>& contacts() const { return contacts_; }
    const std::vector<StaffBundleFile>& bundleFiles() const { return bundleFiles_; }
    const std::optional<SyncReport>& lastImport() const { return lastImport_; }
    bool keyLoaded() const { return key_.has_value(); }
    void showPanel(StaffPanel panel);
    // Shows a panel with something open where it has more to show (the first initiative's plan).
    void showForScreenshot(StaffPanel panel);
    // Shows the neighbourhood at this index of view().neighbourhoods (0: every neighbourhood).
    void showNeighbourhood(std::size_t index);
    bool setLanguage(const std::string& code);
    void setLargeText(bool on);
    void setHighContrast(bool on);
    // Reads the key file and opens every sealed contact; says on screen why not when it cannot.
    bool loadKey(const std::filesystem::path& file);
    void forgetKey();
    void refreshView();

private:
    void apply(const StaffActions& actions);
    void drawTopBar(StaffActions& actions);
    void drawPanelList(StaffActions& actions, float width);
    void openContacts();
    void selectInitiative(const std::string& ideaId);  // fills the progress being edited from the view
    void saveProgress();
    void listBundles();
    void importBundles(const std::vector<std::string>& files);
    void resolveCode(const StaffActions::Resolve& resolve);
    void reportLost();  // withdraws trust in state_.confirmLost, setting aside from state_.lostFromSeq

    storage::KioskStore& store_;
    i18n::Translator translator_;
    StaffSettings settings_;
    Ui ui_;
    StaffState state_;
    StaffView view_;
    std::optional<storage::StaffSecretKey> key_;
    std::vector<StaffContact> contacts_;  // opened contacts: in memory only, wiped with the key
    std::vector<StaffBundleFile> bundleFiles_;
    std::optional<SyncReport> lastImport_;
    bool fontsDirty_ = true;
    std::optional<Error> fontError_;
};

}  // namespace buurtstem::ui
