// The staff view (buurtstem staff) driven headless: panels switched by clicking, ideas filtered
// by typing, and residents' contacts shown only with the staff secret key loaded.
#include "Harness.h"

#include "app/ui/staff/StaffApp.h"
#include "app/ui/staff/StaffPanels.h"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <cfloat>
#include <filesystem>
#include <fstream>
#include <memory>

using namespace buurtstem;
using namespace buurtstem::ui;

namespace {

// A data folder on disk: only there does the demo write its staff secret key file.
class DataFolder {
public:
    DataFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "buurtstem-staff-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~DataFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// The demo neighbourhood and round on disk, one idea with a known contact, and the staff view
// over it in its own ImGui context, 1440x900 at 96 dpi.
class StaffHarness {
public:
    explicit StaffHarness(const std::filesystem::path& dataDir, StaffSettings settings = {}) {
        Result<std::unique_ptr<storage::KioskStore>> store = storage::KioskStore::open(dataDir / storage::kDatabaseFileName);
        REQUIRE(store.ok());
        store_ = std::move(store).value();
        REQUIRE(store_->addDemoNeighbourhood().ok());
        REQUIRE(store_->addDemoRound().ok());
        IdeaDraft draft;
        draft.theme = Theme::Green;
        draft.themeChosen = true;
        draft.title = "Geveltuintjes in de Lindenstraat";
        draft.contactName = "Fatima Zoutewelle";
        draft.contactAddress = "06 12345678";
        draft.contactConsent = true;
        Result<Idea> idea = store_->submitIdea(draft);
        REQUIRE(idea.ok());
        reference_ = idea->reference;

        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(1440, 900);
        app_ = std::make_unique<StaffApp>(*store_, test::shippedTranslations(), std::move(settings));
        REQUIRE(app_->buildFonts(96.0f / 25.4f));
        frames(2);
    }
    ~StaffHarness() {
        app_.reset();
        ImGui::DestroyContext(context_);
    }
    StaffHarness(const StaffHarness&) = delete;
    StaffHarness& operator=(const StaffHarness&) = delete;

    storage::KioskStore& store() { return *store_; }
    StaffApp& app() { return *app_; }
    const std::string& reference() const { return reference_; }

    void frames(int count) {
        for (int i = 0; i < count; ++i) {
            ImGuiIO& io = ImGui::GetIO();
            if (app_->fontsChanged()) REQUIRE(app_->buildFonts(96.0f / 25.4f));
            io.DeltaTime = 1.0f / 60.0f;
            now_ += io.DeltaTime;
            ImGui::NewFrame();
            app_->frame(now_);
            ImGui::Render();
            io.InputQueueCharacters.resize(0);
        }
    }
    const WidgetInfo* find(std::string_view id) const { return app_->ui().widgets.find(id); }
    // A mouse click on the widget's centre. False when it is not there.
    bool click(std::string_view id) {
        const WidgetInfo* widget = find(id);
        if (!widget) return false;
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(widget->centreX(), widget->centreY());
        frames(1);
        io.MouseDown[0] = true;
        frames(1);
        io.MouseDown[0] = false;
        frames(2);
        return true;
    }
    void type(std::string_view text) {
        ImGui::GetIO().AddInputCharactersUTF8(std::string(text).c_str());
        frames(2);
    }

private:
    std::unique_ptr<storage::KioskStore> store_;
    std::unique_ptr<StaffApp> app_;
    ImGuiContext* context_ = nullptr;
    double now_ = 1000.0;
    std::string reference_;
};

}  // namespace

TEST_CASE("the staff view switches panels by clicking and only reads while it looks", "[ui][staff]") {
    DataFolder folder;
    StaffHarness staff(folder.path());
    const std::int64_t events = staff.store().eventCount();
    CHECK(staff.app().state().panel == StaffPanel::Overview);
    // Every neighbourhood first; the picker offers the one the demo kiosk named.
    CHECK(staff.app().view().neighbourhood.empty());
    REQUIRE(staff.app().view().neighbourhoods == std::vector<std::string>{"", staff.store().neighbourhoodName()});
    const std::size_t everything = staff.app().view().ideas.size();
    REQUIRE(staff.click("#staff.neighbourhood"));
    REQUIRE(staff.click("#staff.neighbourhood.1"));
    CHECK(staff.app().view().neighbourhood == staff.store().neighbourhoodName());
    CHECK(staff.app().view().ideas.size() == everything);  // the one kiosk named it
    for (const StaffPanel panel : kAllStaffPanels) {
        INFO(staffPanelKey(panel));
        REQUIRE(staff.click(staffPanelKey(panel)));
        CHECK(staff.app().state().panel == panel);
        const WidgetInfo* item = staff.find(staffPanelKey(panel));
        REQUIRE(item);
        CHECK(item->selected);
    }
    // Each panel draws its own: the ideas' search field, a header per round.
    REQUIRE(staff.click("staff.panel.ideas"));
    CHECK(staff.find("#staff.ideas.search"));
    REQUIRE(staff.click("staff.panel.rounds"));
    CHECK_FALSE(staff.find("#staff.ideas.search"));
    REQUIRE_FALSE(staff.app().view().rounds.empty());
    for (const StaffRound& round : staff.app().view().rounds) CHECK(staff.find("#staff.round." + round.round.id));
    CHECK(staff.store().eventCount() == events);
}

TEST_CASE("the staff view lists every idea, waiting ones too, and filters them by typed words", "[ui][staff]") {
    DataFolder folder;
    StaffHarness staff(folder.path());
    const StaffView& view = staff.app().view();
    // The resident's idea waits for moderation: residents do not see it, staff do.
    const auto found = std::find_if(view.ideas.begin(), view.ideas.end(),
                                    [&](const StaffIdea& row) { return row.idea.reference == staff.reference(); });
    REQUIRE(found != view.ideas.end());
    CHECK(found->idea.status == IdeaStatus::New);
    CHECK(view.ideas.size() == staff.store().allIdeas().size());
    CHECK(filterStaffIdeas(view, staff.app().state()).size() == view.ideas.size());

    REQUIRE(staff.click("staff.panel.ideas"));
    REQUIRE(staff.click("#staff.ideas.search"));
    staff.type("LINDENSTRAAT");  // in any case
    const std::vector<std::size_t> shown = filterStaffIdeas(view, staff.app().state());
    REQUIRE(shown.size() == 1);
    CHECK(view.ideas[shown.front()].idea.reference == staff.reference());
}

TEST_CASE("staff set an initiative's stage and amounts, and refused ones are said and not stored", "[ui][staff][pipeline]") {
    DataFolder folder;
    StaffHarness staff(folder.path());
    REQUIRE(staff.click("staff.panel.initiatives"));
    REQUIRE_FALSE(staff.app().view().pipeline.empty());
    const InitiativeRow initiative = staff.app().view().pipeline.front();
    REQUIRE(staff.click("#staff.initiative." + initiative.idea.reference));
    CHECK(staff.app().state().selectedInitiative == initiative.idea.id);
    REQUIRE(staff.find("#staff.progress.stage"));

    // Money granted while it is only submitted or reviewed: refused, said, nothing stored.
    const std::int64_t events = staff.store().eventCount();
    REQUIRE(staff.click("#staff.progress.granted"));
    staff.type("1250");
    REQUIRE(staff.click("staff.progress.save"));
    CHECK(staff.app().state().message.problem);
    CHECK(staff.store().eventCount() == events);

    // Running, with 1250 granted and 400 spent: stored, and read back in the view.
    REQUIRE(staff.click("#staff.progress.stage"));
    REQUIRE(staff.click("#staff.progress.stage.running"));
    CHECK(staff.app().state().editStage == PipelineStage::Running);
    REQUIRE(staff.click("#staff.progress.spent"));
    staff.type("400");
    REQUIRE(staff.click("staff.progress.save"));
    INFO(staff.app().state().message.text);
    CHECK_FALSE(staff.app().state().message.problem);
    CHECK(staff.store().eventCount() == events + 1);
    const std::optional<InitiativeProgress> stored = staff.store().initiativeProgress(initiative.idea.id);
    REQUIRE(stored.has_value());
    CHECK(stored->stage == PipelineStage::Running);
    CHECK(stored->grantedCents == 125000);
    CHECK(stored->spentCents == 40000);
    CHECK(staff.app().view().stageCount(PipelineStage::Running) == 1);
    // The initiative now shows under Running.
    const WidgetInfo* running = staff.find("#staff.stage.running");
    const WidgetInfo* row = staff.find("#staff.initiative." + initiative.idea.reference);
    REQUIRE(running);
    REQUIRE(row);
    CHECK(row->y0 > running->y1);
}

TEST_CASE("contacts stay sealed without the staff key and open with the demo key", "[ui][staff][contact]") {
    DataFolder folder;
    StaffHarness staff(folder.path());
    REQUIRE(staff.click("staff.panel.contacts"));
    CHECK_FALSE(staff.app().keyLoaded());
    CHECK(staff.app().contacts().empty());
    CHECK(staff.find("staff.key.load"));
    CHECK_FALSE(staff.find("#staff.contact." + staff.reference()));
    const std::int64_t sealed = staff.app().view().contactsSealed;
    CHECK(sealed >= 2);  // the resident's idea and the demo's initiatives

    const std::int64_t events = staff.store().eventCount();

    // The demo's secret key, typed in the field: every contact opens.
    REQUIRE(staff.click("#staff.key.path"));
    staff.type((folder.path() / storage::kDemoStaffSecretKeyFileName).string());
    REQUIRE(staff.click("staff.key.load"));
    REQUIRE(staff.app().keyLoaded());
    CHECK_FALSE(staff.app().state().message.problem);
    REQUIRE(static_cast<std::int64_t>(staff.app().contacts().size()) == sealed);
    bool fatima = false;
    for (const StaffContact& contact : staff.app().contacts()) {
        CHECK(contact.opened);
        if (contact.reference == staff.reference()) {
            fatima = true;
            CHECK(contact.name == "Fatima Zoutewelle");
            CHECK(contact.address == "06 12345678");
        }
    }
    CHECK(fatima);
    CHECK(staff.find("#staff.contact." + staff.reference()));
    CHECK(staff.store().eventCount() == events);

    // Put away: sealed again.
    REQUIRE(staff.click("staff.key.forget"));
    CHECK_FALSE(staff.app().keyLoaded());
    CHECK(staff.app().contacts().empty());
    CHECK_FALSE(staff.find("#staff.contact." + staff.reference()));
}

TEST_CASE("a file that is not a key is said on screen, and nothing opens", "[ui][staff][contact]") {
    DataFolder folder;
    StaffHarness staff(folder.path());
    const std::int64_t events = staff.store().eventCount();
    REQUIRE(staff.click("staff.panel.contacts"));
    const std::filesystem::path letter = folder.path() / "brief.txt";
    std::ofstream(letter) << "Beste medewerker,\n";
    REQUIRE(staff.click("#staff.key.path"));
    staff.type(letter.string());
    REQUIRE(staff.click("staff.key.load"));
    CHECK_FALSE(staff.app().keyLoaded());
    CHECK(staff.app().state().message.problem);
    const i18n::Translator dutch = test::shippedTranslations();
    CHECK(staff.app().state().message.text == dutch.tr("staff.key.not_a_key"));
    CHECK(staff.app().contacts().empty());
    CHECK(staff.find("staff.key.load"));
    CHECK(staff.store().eventCount() == events);
}

TEST_CASE("--staff-secret opens the contacts from the start", "[ui][staff][contact]") {
    DataFolder folder;
    {
        // The demo writes its key file when the store is first filled.
        Result<std::unique_ptr<storage::KioskStore>> store = storage::KioskStore::open(folder.path() / storage::kDatabaseFileName);
        REQUIRE(store.ok());
        REQUIRE((*store)->addDemoNeighbourhood().ok());
    }
    StaffSettings settings;
    settings.secretKeyFile = folder.path() / storage::kDemoStaffSecretKeyFileName;
    StaffHarness staff(folder.path(), settings);
    CHECK(staff.app().keyLoaded());
    REQUIRE_FALSE(staff.app().contacts().empty());
    REQUIRE(staff.click("staff.panel.contacts"));
    CHECK(staff.find("staff.key.forget"));
}

TEST_CASE("large text in the staff view rebuilds the fonts larger, and back", "[ui][staff]") {
    DataFolder folder;
    StaffHarness staff(folder.path());
    const float normal = staff.app().ui().fonts.body->FontSize;
    REQUIRE(staff.click("staff.large_text"));
    CHECK(staff.app().state().largeText);
    CHECK(staff.app().ui().fonts.body->FontSize > normal * 1.3f);
    REQUIRE(staff.click("staff.large_text"));
    CHECK(staff.app().ui().fonts.body->FontSize == normal);
}
