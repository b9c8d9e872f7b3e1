// A kiosk whose disk fills up while a resident sends something: every resident write path (idea,
// initiative, support, pulse, meeting needs, ballot) says plainly that the kiosk cannot save,
// keeps what the resident chose on screen, loses nothing stored, and saves the same draft once
// there is room again. The same when the disk stops taking writes (an ext4 file system shut down,
// as a failing USB disk ends up). On real small disks: a tmpfs and a loop-mounted ext4 image made
// for the test, which needs the right to mount (root); without it the test says so and checks
// nothing (the storage tests' full-disk case caps the database instead).
#include "Harness.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

using namespace buurtstem;
using test::Harness;

namespace {

namespace fs = std::filesystem;

class SmallDisk {
public:
    explicit SmallDisk(const std::string& size) {
        std::string pattern = (fs::temp_directory_path() / "buurtstem-disk-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) return;
        path_ = pattern;
        const std::string options = "size=" + size + ",mode=0700";
        mounted_ = ::mount("tmpfs", path_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0;
    }
    ~SmallDisk() {
        if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    bool mounted() const { return mounted_; }
    const fs::path& path() const { return path_; }

    // Takes every free block with a file of zeros, down to the last page. False when the disk never
    // said it was full.
    bool fill() {
        const int fd = ::open((path_ / "filler").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd < 0) return false;
        static const std::array<char, 65536> zeros{};
        bool full = false;
        for (const std::size_t chunk : {zeros.size(), std::size_t{4096}, std::size_t{1}}) {
            while (::write(fd, zeros.data(), chunk) > 0) {
            }
            full = errno == ENOSPC;
        }
        ::close(fd);
        return full;
    }
    void makeRoom() { ::unlink((path_ / "filler").c_str()); }

private:
    fs::path path_;
    bool mounted_ = false;
};

// From the side, as an administrator would: the database checks whole, and how many events it holds.
std::string integrity(const fs::path& database) {
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY, 5000);
    return db.execAndGet("PRAGMA integrity_check").getString();
}

// The log written into the database file, so the next write needs new blocks: on a full disk an
// old log file would otherwise take a small write into space it already holds.
void checkpoint(const fs::path& database) {
    SQLite::Database db(database.string(), SQLite::OPEN_READWRITE, 5000);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

struct WritePath {
    const char* name;
    std::function<void(Harness&)> prepare;               // fills the draft and shows the screen with Send
    const char* send;                                    // the button the resident taps
    std::function<const char*(Harness&)> problem;        // the message the screen shows
    const char* expected;                                // ... when the kiosk cannot save
    std::function<std::string(Harness&)> draft;          // what the resident chose, as text
    std::function<bool(Harness&)> saved;                 // the screen after a good save
};

std::string text(const char* key) { return key ? key : "(none)"; }

std::vector<WritePath> writePaths() {
    using ui::ScreenId;
    const auto ideaDraft = [](Harness& h) {
        const IdeaDraft& d = h.app().state().idea.draft;
        return d.title + "|" + d.body + "|" + d.place + "|" + d.contactName + "|" + d.contactAddress;
    };
    return {
        {"idea", [](Harness& h) { h.app().showForScreenshot(ScreenId::IdeaReview); }, "idea.review.send",
         [](Harness& h) { return h.app().state().idea.saveProblemKey; }, "error.cannot_save", ideaDraft,
         [](Harness& h) { return h.app().state().screen == ScreenId::IdeaThanks; }},
        {"initiative", [](Harness& h) { h.app().showForScreenshot(ScreenId::InitiativeReview); }, "initiative.review.send",
         [](Harness& h) { return h.app().state().idea.saveProblemKey; }, "initiative.cannot_save",
         [ideaDraft](Harness& h) {
             const InitiativePlan& plan = h.app().state().idea.steps.plan;
             return ideaDraft(h) + "|" + plan.when + "|" + std::to_string(plan.budget.size());
         },
         [](Harness& h) { return h.app().state().screen == ScreenId::InitiativeThanks; }},
        {"support", [](Harness& h) { h.app().showForScreenshot(ScreenId::IdeaDetail); }, "idea.support",
         [](Harness& h) { return h.app().state().supportProblemKey; }, "support.cannot_save",
         [](Harness& h) { return h.app().state().selectedIdeaId; },
         [](Harness& h) { return h.app().state().supportedIdeaIds.count(h.app().state().selectedIdeaId) == 1; }},
        {"pulse", [](Harness& h) { h.app().showForScreenshot(ScreenId::Pulse); }, "pulse.send",
         [](Harness& h) { return h.app().state().pulseProblemKey; }, "pulse.cannot_save",
         [](Harness& h) {
             std::string scores;
             for (const int score : h.app().state().pulse.scores) scores += std::to_string(score);
             return scores;
         },
         [](Harness& h) { return h.app().state().screen == ScreenId::PulseThanks; }},
        {"meeting needs", [](Harness& h) { h.app().showForScreenshot(ScreenId::MeetingNeedsHelp); }, "needs.send",
         [](Harness& h) { return h.app().state().needsProblemKey; },
         "needs.cannot_save",
         [](Harness& h) {
             std::string chosen;
             for (const std::uint16_t bits : h.app().state().needs.chosen) chosen += std::to_string(bits) + ",";
             return chosen;
         },
         [](Harness& h) { return h.app().state().screen == ScreenId::MeetingNeedsThanks; }},
        {"ballot",
         [](Harness& h) {
             REQUIRE(h.tap("home.tile.vote"));
             std::string code = h.demoVotingCodes().at(0);
             std::erase(code, '-');
             for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
             h.type(code);
             REQUIRE(h.tap("#osk.done"));
             REQUIRE(h.tap("#ballot.project.bankjes"));
             REQUIRE(h.tap("#ballot.project.licht"));
             REQUIRE(h.tap("ballot.review"));
         },
         "ballot.review.confirm", [](Harness& h) { return h.app().state().vote.saveProblemKey; }, "vote.cannot_save",
         [](Harness& h) {
             std::string projects;
             for (const std::uint32_t p : h.app().state().vote.ballot.projects) projects += std::to_string(p) + ",";
             return projects + h.app().state().vote.typedCode;
         },
         [](Harness& h) { return h.app().state().screen == ScreenId::BallotReceipt; }},
    };
}

}  // namespace

TEST_CASE("on a full disk every resident's send says so, keeps the draft, and saves it once there is room", "[ui][full]") {
    SmallDisk disk("48m");
    if (!disk.mounted()) {
        WARN("no tmpfs could be mounted (needs root): the full-disk run is skipped here");
        return;
    }
    // Each says the same plain thing in Dutch: the kiosk cannot save, tell the community worker.
    i18n::Translator translations = test::shippedTranslations();
    REQUIRE(translations.setLanguage("nl"));
    for (const WritePath& path : writePaths()) {
        const std::string dutch = translations.tr(path.expected);
        INFO(path.expected << ": " << dutch);
        CHECK(dutch.starts_with("Deze kiosk kan nu niet opslaan. "));
        CHECK(dutch.ends_with(" Zeg het tegen de opbouwwerker."));
    }
    for (const WritePath& path : writePaths()) {
        DYNAMIC_SECTION(path.name) {
            const fs::path folder = disk.path() / "kiosk";
            fs::create_directories(folder);
            test::HarnessOptions options;
            options.databaseFile = folder / "buurtstem.sqlite";
            {
                Harness h(options);
                path.prepare(h);
                h.frames(2);
                const ui::ScreenId screen = h.app().state().screen;
                const std::string draft = path.draft(h);
                REQUIRE_FALSE(draft.empty());
                const std::int64_t events = h.store().eventCount();
                const std::vector<Idea> ideas = h.store().visibleIdeas();
                REQUIRE_FALSE(ideas.empty());

                checkpoint(options.databaseFile);
                REQUIRE(disk.fill());
                REQUIRE(h.tap(path.send));
                INFO(path.name << ": " << text(path.problem(h)));
                CHECK(h.app().state().screen == screen);
                CHECK(text(path.problem(h)) == path.expected);
                CHECK(path.draft(h) == draft);
                CHECK_FALSE(path.saved(h));
                // Nothing stored is lost, nothing half-written shows.
                CHECK(h.store().eventCount() == events);
                CHECK(integrity(options.databaseFile) == "ok");
                CHECK(h.store().ideaByReference(ideas.back().reference).has_value());
                // The message stays while the disk is full; the same tap works once there is room.
                REQUIRE(h.tap(path.send));
                CHECK(text(path.problem(h)) == path.expected);
                disk.makeRoom();
                REQUIRE(h.tap(path.send));
                CHECK(path.saved(h));
                CHECK(h.store().eventCount() == events + 1);
            }
            CHECK(integrity(options.databaseFile) == "ok");
            std::error_code ec;
            fs::remove_all(folder, ec);
        }
    }
}

namespace {

// An ext4 image of its own, loop-mounted; shutDown() makes the file system refuse every write
// from then on (EXT4_IOC_SHUTDOWN, what fstests use for a disk that went away) until mounted again.
class Ext4Disk {
public:
    Ext4Disk() {
        std::string pattern = (fs::temp_directory_path() / "buurtstem-ext4-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) return;
        root_ = pattern;
        fs::create_directories(root_ / "mnt");
        const std::string image = (root_ / "disk.img").string();
        ok_ = std::system(("truncate -s 24M " + image + " && mkfs.ext4 -q -F " + image + " >/dev/null 2>&1").c_str()) == 0 &&
              mount();
    }
    ~Ext4Disk() {
        unmount();
        std::error_code ec;
        if (!root_.empty()) fs::remove_all(root_, ec);
    }
    Ext4Disk(const Ext4Disk&) = delete;
    Ext4Disk& operator=(const Ext4Disk&) = delete;

    bool ok() const { return ok_; }
    fs::path path() const { return root_ / "mnt"; }
    bool mount() {
        mounted_ = std::system(("mount -o loop " + (root_ / "disk.img").string() + " " + path().string() + " 2>/dev/null").c_str()) == 0;
        return mounted_;
    }
    void unmount() {
        if (mounted_) ::umount2(path().c_str(), MNT_DETACH);
        mounted_ = false;
    }
    bool shutDown() {
        constexpr unsigned long kShutdown = _IOR('X', 125, std::uint32_t);  // EXT4_IOC_SHUTDOWN
        std::uint32_t flags = 2;                                             // EXT4_GOING_FLAGS_NOLOGFLUSH
        const int fd = ::open(path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) return false;
        const bool done = ::ioctl(fd, kShutdown, &flags) == 0;
        ::close(fd);
        return done;
    }

private:
    fs::path root_;
    bool ok_ = false;
    bool mounted_ = false;
};

}  // namespace

TEST_CASE("when the disk stops taking writes every resident's send says so and keeps the draft", "[ui][full]") {
    for (const WritePath& path : writePaths()) {
        DYNAMIC_SECTION(path.name) {
            Ext4Disk disk;
            if (!disk.ok()) {
                WARN("no ext4 image could be loop-mounted (needs root and mkfs.ext4): the read-only run is skipped here");
                return;
            }
            const fs::path database = disk.path() / "buurtstem.sqlite";
            std::int64_t events = 0;
            std::string reference;
            {
                test::HarnessOptions options;
                options.databaseFile = database;
                Harness h(options);
                path.prepare(h);
                h.frames(2);
                const ui::ScreenId screen = h.app().state().screen;
                const std::string draft = path.draft(h);
                events = h.store().eventCount();
                reference = h.store().visibleIdeas().back().reference;
                checkpoint(database);
                REQUIRE(disk.shutDown());
                REQUIRE(h.tap(path.send));
                INFO(path.name << ": " << text(path.problem(h)));
                CHECK(h.app().state().screen == screen);
                CHECK(text(path.problem(h)) == path.expected);
                CHECK(path.draft(h) == draft);
                CHECK_FALSE(path.saved(h));
            }
            // Mounted again: what was stored before is all there, and nothing of the refused send.
            disk.unmount();
            REQUIRE(disk.mount());
            CHECK(integrity(database) == "ok");
            SQLite::Database db(database.string(), SQLite::OPEN_READONLY, 5000);
            CHECK(db.execAndGet("SELECT COUNT(*) FROM events").getInt64() == events);
            SQLite::Statement idea(db, "SELECT COUNT(*) FROM ideas WHERE reference = ?");
            idea.bind(1, reference);
            REQUIRE(idea.executeStep());
            CHECK(idea.getColumn(0).getInt() == 1);
        }
    }
}
