// Helpers shared by the storage tests: a scratch directory that removes itself, file bytes for
// "left untouched" checks, a wall clock the test moves by hand, and valid idea drafts.
#pragma once

#include "app/core/Idea.h"
#include "app/core/Theme.h"
#include "app/core/round/BudgetRound.h"
#include "app/core/FacilitatorPin.h"
#include "app/core/Moderation.h"
#include "storage/KioskStore.h"

#include <catch2/catch.hpp>
#include <sodium.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace buurtstem::storage::test {

class ScratchDir {
public:
    ScratchDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "buurtstem-storage-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path database() const { return path_ / kDatabaseFileName; }

private:
    std::filesystem::path path_;
};

inline std::string readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A wall clock that stands still until the test sets it; copies share the same time.
struct ManualClock {
    std::shared_ptr<std::uint64_t> nowMs = std::make_shared<std::uint64_t>(1'764'316'924'000);  // 2025-11-28
    StoreOptions options() const {
        StoreOptions options;
        options.clock = [now = nowMs] { return *now; };
        return options;
    }
    void set(std::uint64_t ms) const { *nowMs = ms; }
};

inline IdeaDraft makeDraft(std::string title, Theme theme = Theme::Green,
                           std::string body = "Meer bomen en bankjes langs het water.") {
    IdeaDraft draft;
    draft.theme = theme;
    draft.themeChosen = true;
    draft.title = std::move(title);
    draft.body = std::move(body);
    return draft;
}

// Every field of an idea in one line, so Catch shows which one differs.
// A week-long round of two projects, open from `opensMs`.
inline BudgetRound twoProjectRound(std::uint64_t opensMs, DuplicateCodePolicy sameCode = DuplicateCodePolicy::CountEarliest) {
    BudgetRound round;
    round.name = "Buurtbudget";
    round.budgetCents = 1'000'000;
    round.opensMs = opensMs;
    round.closesMs = opensMs + 7 * 86'400'000ULL;
    round.sameCode = sameCode;
    round.projects = {{"bank", "Bankjes bij de vijver", "", Theme::Green, 400'000, ""},
                      {"licht", "Licht in het steegje", "", Theme::CleanSafe, 250'000, ""}};
    return round;
}

// A ballot for one project, by its position in the round.
inline BallotDraft chooseOne(std::uint32_t project) {
    BallotDraft draft;
    draft.projects = {project};
    return draft;
}

// A valid initiative with a contact, a plan of two budget lines and a partner.
inline InitiativeDraft smallInitiative(std::string title) {
    InitiativeDraft draft;
    draft.idea = makeDraft(std::move(title), Theme::Meeting, "Een middag samen eten, iedereen neemt iets mee.");
    draft.idea.contactName = "Ans de Wit";
    draft.idea.contactAddress = "06-12345678";
    draft.idea.contactConsent = true;
    draft.plan.when = "zaterdag 14 juni";
    draft.plan.audience = {Audience::Families};
    draft.plan.budget = {{"Houtskool", 25'000}, {"Tafels huren", 17'500}};
    draft.plan.partners = {Partner::Welfare};
    return draft;
}

inline std::string describe(const Idea& idea) {
    return idea.id + " | " + idea.reference + " | " + std::string(themeId(idea.theme)) + " | " + idea.title +
           " | " + idea.body + " | " + std::to_string(idea.created.packed) + " | " +
           std::to_string(static_cast<int>(idea.status)) + " | " + std::to_string(idea.supports) + " | " +
           (idea.demo ? "demo" : "real") + " | " + (idea.kind == IdeaKind::Initiative ? "initiative" : "idea") +
           " | " + std::to_string(idea.budgetCents);
}

inline std::vector<std::string> describe(const std::vector<Idea>& ideas) {
    std::vector<std::string> lines;
    for (const Idea& idea : ideas) lines.push_back(describe(idea));
    return lines;
}

// Opens a store on a file, failing the test (with SQLite's reason) when it cannot.
inline std::unique_ptr<KioskStore> openOrFail(const std::filesystem::path& file, StoreOptions options = {}) {
    auto store = KioskStore::open(file, std::move(options));
    INFO((store.ok() ? std::string() : store.error().detail));
    REQUIRE(store.ok());
    return std::move(store).value();
}

// Opens a base64 sealed contact with a staff key pair; nullopt when it does not open with them.
inline std::optional<std::string> openSealed(const std::string& base64, const StaffKey& publicKey,
                                             std::span<const unsigned char> secretKey) {
    std::vector<unsigned char> sealed(base64.size());
    std::size_t length = 0;
    if (sodium_base642bin(sealed.data(), sealed.size(), base64.data(), base64.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        length < crypto_box_SEALBYTES || secretKey.size() != crypto_box_SECRETKEYBYTES)
        return std::nullopt;
    std::string plain(length - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()), sealed.data(), length, publicKey.data(),
                             secretKey.data()) != 0)
        return std::nullopt;
    return plain;
}
// The same with a secret key read from a file as bytes.
inline std::optional<std::string> openSealed(const std::string& base64, const StaffKey& publicKey, std::string_view secretKey) {
    return openSealed(base64, publicKey,
                      std::span<const unsigned char>(reinterpret_cast<const unsigned char*>(secretKey.data()), secretKey.size()));
}

// An office's staff key pair, and a kiosk in memory that seals to it (for sync and shared rounds).
struct StaffKeys {
    StaffKey publicKey{};
    StaffKey secretKey{};
    StaffKeys() {
        REQUIRE(sodium_init() >= 0);
        crypto_box_keypair(publicKey.data(), secretKey.data());
    }
};

inline std::unique_ptr<KioskStore> kioskWithKey(const ManualClock& clock, const StaffKeys& staff) {
    auto opened = KioskStore::openInMemory(clock.options());
    REQUIRE(opened.ok());
    auto store = std::move(opened).value();
    REQUIRE(store->setStaffPublicKey(staff.publicKey).ok());
    return store;
}

// A classification with every field filled: theme, two partners, a cost and a note on feasibility.
inline Classification fullClassification() {
    Classification c;
    c.theme = Theme::Green;
    c.partners = {Partner::Municipality, Partner::Welfare};
    c.costCents = 5'000;
    c.feasibility = "kan in het voorjaar";
    return c;
}

}  // namespace buurtstem::storage::test
