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

TEST_CASE("a kiosk's bundle is listed with its fingerprint, refused until trusted, then imported once", "[ui][staff][sync]") {
    DataFolder office;
    DataFolder kioskFolder;
    {
        // The office's store with the demo, and so the demo's staff key pair.
        Result<std::unique_ptr<storage::KioskStore>> store = storage::KioskStore::open(office.path() / storage::kDatabaseFileName);
        REQUIRE(store.ok());
        REQUIRE((*store)->addDemoNeighbourhood().ok());
    }
    Result<std::unique_ptr<storage::KioskStore>> officeStore = storage::KioskStore::open(office.path() / storage::kDatabaseFileName);
    REQUIRE(officeStore.ok());
    const storage::StaffKey staffPublic = *(*officeStore)->staffPublicKey();
    officeStore->reset();

    // Another kiosk, in the Lindenbuurt, sealing to the office's key, writes its bundle.
    Result<std::unique_ptr<storage::KioskStore>> kiosk = storage::KioskStore::open(kioskFolder.path() / storage::kDatabaseFileName);
    REQUIRE(kiosk.ok());
    REQUIRE((*kiosk)->setStaffPublicKey(staffPublic).ok());
    REQUIRE((*kiosk)->setNeighbourhoodName("Lindenbuurt").ok());
    IdeaDraft draft;
    draft.theme = Theme::Green;
    draft.themeChosen = true;
    draft.title = "Bankje bij de vijver";
    REQUIRE((*kiosk)->submitIdea(draft).ok());
    Result<storage::KioskStore::Bundle> bundle = (*kiosk)->exportBundle(true);
    REQUIRE(bundle.ok());
    const std::filesystem::path bundles = kioskFolder.path() / "stick";
    std::filesystem::create_directories(bundles);
    std::ofstream(bundles / "lindenbuurt.bsb", std::ios::binary) << bundle->bytes;
    std::ofstream(bundles / "boodschappen.bsb") << "melk, brood\n";  // not a bundle, listed as such

    StaffSettings settings;
    settings.secretKeyFile = office.path() / storage::kDemoStaffSecretKeyFileName;
    settings.bundleFolder = bundles;
    StaffHarness staff(office.path(), settings);
    REQUIRE(staff.app().keyLoaded());
    REQUIRE(staff.click("staff.panel.bundles"));
    REQUIRE(staff.click("staff.bundles.list"));
    REQUIRE(staff.app().bundleFiles().size() == 2);
    const StaffBundleFile& listed = staff.app().bundleFiles()[1];
    REQUIRE(listed.header.has_value());
    CHECK(listed.header->kioskId == (*kiosk)->kioskId());
    CHECK_FALSE(staff.app().bundleFiles()[0].header.has_value());

    // A kiosk the office never saw: refused until staff say they compared its fingerprint.
    const std::int64_t events = staff.store().eventCount();
    REQUIRE(staff.click("staff.bundles.import"));
    CHECK(staff.app().state().message.problem);
    CHECK(staff.store().eventCount() == events);
    CHECK_FALSE(staff.app().lastImport().has_value());

    REQUIRE(staff.click("staff.bundles.trust"));
    CHECK(staff.app().state().trustNew);
    REQUIRE(staff.click("staff.bundles.import"));
    INFO(staff.app().state().message.text);
    CHECK_FALSE(staff.app().state().message.problem);
    REQUIRE(staff.app().lastImport().has_value());
    REQUIRE(staff.app().lastImport()->bundles.size() == 1);
    CHECK(staff.app().lastImport()->bundles.front().newEvents > 0);
    const std::int64_t merged = staff.store().eventCount();
    CHECK(merged > events);
    const std::vector<std::string>& names = staff.app().view().neighbourhoods;
    CHECK(std::find(names.begin(), names.end(), "Lindenbuurt") != names.end());

    // Again: nothing changes.
    REQUIRE(staff.click("staff.bundles.import"));
    CHECK(staff.store().eventCount() == merged);
    REQUIRE(staff.app().lastImport().has_value());
    CHECK(staff.app().lastImport()->bundles.front().alreadyImported);
}

namespace {

// The office (a demo store in `office`) with a bundle of a Lindenbuurt kiosk imported, whose last
// event is `daysAgo` days old. Returns that kiosk's id; its store is left in `kiosk` for more bundles.
std::string officeWithKiosk(const DataFolder& office, const DataFolder& kioskFolder, int daysAgo,
                            std::unique_ptr<storage::KioskStore>& kiosk) {
    Result<std::unique_ptr<storage::KioskStore>> officeStore = storage::KioskStore::open(office.path() / storage::kDatabaseFileName);
    REQUIRE(officeStore.ok());
    REQUIRE((*officeStore)->addDemoNeighbourhood().ok());
    storage::StoreOptions options;
    const std::uint64_t then = (*officeStore)->clockMs() - static_cast<std::uint64_t>(daysAgo) * 86'400'000ULL;
    options.clock = [then] { return then; };
    Result<std::unique_ptr<storage::KioskStore>> opened = storage::KioskStore::open(kioskFolder.path() / storage::kDatabaseFileName, options);
    REQUIRE(opened.ok());
    kiosk = std::move(opened).value();
    REQUIRE(kiosk->setStaffPublicKey(*(*officeStore)->staffPublicKey()).ok());
    REQUIRE(kiosk->setNeighbourhoodName("Lindenbuurt").ok());
    IdeaDraft draft;
    draft.theme = Theme::Green;
    draft.themeChosen = true;
    draft.title = "Bankje bij de vijver";
    REQUIRE(kiosk->submitIdea(draft).ok());
    Result<storage::KioskStore::Bundle> bundle = kiosk->exportBundle(true);
    REQUIRE(bundle.ok());
    REQUIRE(kiosk->rememberBundle(*bundle).ok());
    Result<storage::StaffSecretKey> secret = storage::loadStaffSecretKey(office.path() / storage::kDemoStaffSecretKeyFileName);
    REQUIRE(secret.ok());
    REQUIRE((*officeStore)->importBundles({{"lindenbuurt.bsb", bundle->bytes}}, secret->secretKey(), true).ok());
    return kiosk->kioskId();
}

}  // namespace

TEST_CASE("the overview says when each kiosk was last heard from and marks a silent one", "[ui][staff][sync]") {
    DataFolder office;
    DataFolder kioskFolder;
    std::unique_ptr<storage::KioskStore> kiosk;
    const std::string silentId = officeWithKiosk(office, kioskFolder, 45, kiosk);
    StaffHarness staff(office.path());
    const StaffView& view = staff.app().view();
    REQUIRE(view.kiosks.size() == 2);
    for (const KioskActivity& row : view.kiosks) {
        INFO(row.kioskId);
        CHECK(staff.find("#staff.kiosk." + row.kioskId));
        if (row.own) {
            CHECK(row.kioskId == staff.store().kioskId());
            CHECK_FALSE(kioskSilent(row, view.nowMs));
            continue;
        }
        CHECK(row.kioskId == silentId);
        CHECK(row.neighbourhood == "Lindenbuurt");
        CHECK(row.events == 2);
        CHECK(row.lastSeq == 2);
        CHECK(row.lastImportMs > 0);
        CHECK(kioskSilent(row, view.nowMs));
        CHECK((view.nowMs - row.lastEventMs) / 86'400'000 == 45);
    }
    // Only the neighbourhood's kiosks under a neighbourhood.
    const auto lindenbuurt = std::find(view.neighbourhoods.begin(), view.neighbourhoods.end(), "Lindenbuurt");
    REQUIRE(lindenbuurt != view.neighbourhoods.end());
    staff.app().showNeighbourhood(static_cast<std::size_t>(lindenbuurt - view.neighbourhoods.begin()));
    staff.frames(2);
    CHECK(staff.find("#staff.kiosk." + silentId));
    CHECK_FALSE(staff.find("#staff.kiosk." + staff.store().kioskId()));
}

TEST_CASE("staff report a lost kiosk after a confirm step, and its bundles are refused from then on", "[ui][staff][sync]") {
    DataFolder office;
    DataFolder kioskFolder;
    std::unique_ptr<storage::KioskStore> kiosk;
    const std::string lostId = officeWithKiosk(office, kioskFolder, 1, kiosk);
    // The kiosk is used once more, and its bundle lies on the stick.
    IdeaDraft draft;
    draft.theme = Theme::Care;
    draft.themeChosen = true;
    draft.title = "Gratis bier";
    REQUIRE(kiosk->submitIdea(draft).ok());
    Result<storage::KioskStore::Bundle> later = kiosk->exportBundle(false);
    REQUIRE(later.ok());
    const std::filesystem::path stick = kioskFolder.path() / "stick";
    std::filesystem::create_directories(stick);
    std::ofstream(stick / "later.bsb", std::ios::binary) << later->bytes;

    StaffSettings settings;
    settings.secretKeyFile = office.path() / storage::kDemoStaffSecretKeyFileName;
    settings.bundleFolder = stick;
    StaffHarness staff(office.path(), settings);
    REQUIRE(staff.click("staff.panel.bundles"));
    const std::size_t audited = staff.store().auditLog(100).size();
    CHECK_FALSE(staff.find("#staff.lost.ask." + staff.store().kioskId()));  // not the office itself

    // Asking shows the confirm step and changes nothing; Cancel closes it.
    REQUIRE(staff.click("#staff.lost.ask." + lostId));
    CHECK(staff.app().state().confirmLost == lostId);
    REQUIRE(staff.find("staff.lost.yes"));
    CHECK(staff.store().withdrawnKiosks().empty());
    REQUIRE(staff.click("staff.lost.cancel"));
    CHECK(staff.app().state().confirmLost.empty());
    CHECK_FALSE(staff.find("staff.lost.yes"));

    // A seq of 0 is refused with a message, and nothing is stored.
    REQUIRE(staff.click("#staff.lost.ask." + lostId));
    REQUIRE(staff.click("#staff.lost.from_seq"));
    staff.type("0");
    REQUIRE(staff.click("staff.lost.yes"));
    CHECK(staff.app().state().message.problem);
    CHECK(staff.store().withdrawnKiosks().empty());

    // Confirmed, from seq 3 on (what came after the loss): set aside, said, logged.
    REQUIRE(staff.click("staff.lost.cancel"));
    REQUIRE(staff.click("#staff.lost.ask." + lostId));
    REQUIRE(staff.click("#staff.lost.from_seq"));
    staff.type("3");
    REQUIRE(staff.click("staff.lost.yes"));
    INFO(staff.app().state().message.text);
    CHECK_FALSE(staff.app().state().message.problem);
    const std::vector<WithdrawnKiosk> lost = staff.store().withdrawnKiosks();
    REQUIRE(lost.size() == 1);
    CHECK(lost[0].kioskId == lostId);
    CHECK(lost[0].fromSeq == std::optional<std::int64_t>(3));
    CHECK(lost[0].by == "staff (staff view)");
    CHECK(staff.store().auditLog(100).size() == audited + 1);
    CHECK(staff.app().state().confirmLost.empty());
    CHECK(staff.find("#staff.lost.since." + lostId));
    CHECK_FALSE(staff.find("#staff.lost.ask." + lostId));

    // Its later bundle: refused, with the reason on screen, nothing imported.
    const std::int64_t events = staff.store().eventCount();
    REQUIRE(staff.click("staff.bundles.list"));
    REQUIRE(staff.click("staff.bundles.trust"));
    REQUIRE(staff.click("staff.bundles.import"));
    CHECK(staff.app().state().message.problem);
    CHECK(staff.app().state().message.text.find("was reported lost on") != std::string::npos);
    CHECK(staff.store().eventCount() == events);
}
