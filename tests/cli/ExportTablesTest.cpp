// The export's lists as `buurtstem export` writes them (app/cli/ExportTables.h): a CSV handed
// over in pieces while the rows are read is the same bytes as the whole table's.
#include "../storage/StorageTestSupport.h"

#include "app/cli/ExportTables.h"
#include "app/core/Export.h"
#include "app/core/Moderation.h"

#include <catch2/catch.hpp>
#include <sodium.h>

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

using namespace buurtstem;
using namespace buurtstem::storage::test;

namespace {

// Ideas and initiatives where a row with everything comes before one with little, so a cell
// kept from the row before would show.
std::unique_ptr<storage::KioskStore> storeWithIdeas(const ManualClock& clock) {
    auto opened = storage::KioskStore::openInMemory(clock.options());
    REQUIRE(opened.ok());
    std::unique_ptr<storage::KioskStore> store = std::move(opened).value();
    storage::StaffKey publicKey{};
    std::array<unsigned char, crypto_box_SECRETKEYBYTES> secretKey{};
    crypto_box_keypair(publicKey.data(), secretKey.data());
    REQUIRE(store->setStaffPublicKey(publicKey).ok());

    InitiativeDraft full = smallInitiative("Buurtbarbecue");
    full.plan.audience = {Audience::Children, Audience::Families};
    full.plan.budget.push_back({"Zaden, plantjes; en \"aarde\"", 1'250});
    const Result<Idea> rich = store->submitInitiative(full);
    clock.set(*clock.nowMs + 60'000);
    InitiativeDraft bare = smallInitiative("Kerstmarkt");
    bare.plan.budget.clear();
    bare.plan.partners.clear();
    REQUIRE(store->submitInitiative(bare).ok());
    clock.set(*clock.nowMs + 60'000);
    const Result<Idea> idea = store->submitIdea(makeDraft("=HYPERLINK(\"http://x\";\"klik\")", Theme::Green, "regel 1\nregel 2"));
    clock.set(*clock.nowMs + 60'000);
    REQUIRE(store->submitIdea(makeDraft("Minder afval")).ok());
    REQUIRE((rich.ok() && idea.ok()));
    const Classification c = fullClassification();
    for (const std::string& id : {rich->id, idea->id}) {
        REQUIRE(store->correctIdea(id, "Verbeterde titel", "Verbeterde tekst van het idee.").ok());
        REQUIRE(store->classifyIdea(id, c).ok());
    }
    InitiativeProgress progress;
    progress.ideaId = rich->id;
    progress.stage = PipelineStage::Running;
    progress.grantedCents = 40'000;
    progress.note = "Tent besteld";
    REQUIRE(store->setInitiativeProgress(progress).ok());
    return store;
}

}  // namespace

TEST_CASE("a CSV handed over in pieces is the same bytes as the whole table's", "[cli][export]") {
    ManualClock clock;
    const std::unique_ptr<storage::KioskStore> store = storeWithIdeas(clock);
    for (const std::string what : {"ideas", "initiatives", "needs"}) {
        const exporting::Table table = cli::exportTable(*store, what, "", "", nullptr);
        REQUIRE_FALSE(table.rows.empty());
        for (char separator : {';', ','}) {
            const std::string whole = exporting::writeCsv(table, separator);
            for (std::size_t pieceBytes : {std::size_t{1}, std::size_t{300}, std::size_t{1} << 20}) {
                std::string joined;
                std::size_t pieces = 0;
                const std::size_t rows = cli::writeCsvInPieces(*store, what, "", "", nullptr, separator, pieceBytes,
                                                               [&](std::string_view piece) {
                                                                   joined += piece;
                                                                   ++pieces;
                                                               });
                INFO(what << " " << separator << " " << pieceBytes);
                CHECK(rows == table.rows.size());
                CHECK(joined == whole);
                // Each row as it comes when a row fills a piece (then the empty rest), all at once when
                // nothing does.
                if (pieceBytes == 1) CHECK(pieces == rows + 1);
                if (pieceBytes == 300) CHECK((pieces > 1 && pieces <= rows + 1));
                if (pieceBytes > 300) CHECK(pieces == 1);
            }
        }
    }
}

TEST_CASE("ideas and initiatives go to the sink as they are read, never held as a table", "[cli][export]") {
    ManualClock clock;
    const std::unique_ptr<storage::KioskStore> store = storeWithIdeas(clock);
    for (const std::string what : {"ideas", "initiatives"}) {
        std::size_t rows = 0;
        const cli::RowSink sink = [&](const exporting::Table& partial, const std::vector<exporting::Cell>& row) {
            CHECK(partial.rows.empty());
            CHECK(row.size() == partial.columns.size());
            ++rows;
        };
        const exporting::Table table = cli::exportTable(*store, what, "", "", nullptr, sink);
        CHECK(rows == (what == "ideas" ? 4u : 2u));
        CHECK(table.rows.empty());
    }
}

TEST_CASE("a row holds nothing of the row before it", "[cli][export]") {
    ManualClock clock;
    const std::unique_ptr<storage::KioskStore> store = storeWithIdeas(clock);
    for (const std::string what : {"ideas", "initiatives"}) {
        const exporting::Table table = cli::exportTable(*store, what, "", "", nullptr);
        const auto cell = [&](std::size_t row, std::string_view column) -> const exporting::Cell& {
            for (std::size_t c = 0; c < table.columns.size(); ++c)
                if (table.columns[c].id == column) return table.rows.at(row)[c];
            FAIL("no column " << column);
            return table.rows.at(row)[0];
        };
        const auto text = [&](std::size_t row, std::string_view column) { return std::get<std::string>(cell(row, column)); };
        INFO(what);
        // Rows by created time: the full initiative, the bare one, the classified idea, the plain one.
        const std::size_t full = what == "ideas" ? 2 : 0;
        const std::size_t bare = full + 1;
        REQUIRE(table.rows.size() == (what == "ideas" ? 4u : 2u));
        const std::string submittedBody = what == "ideas" ? "regel 1\nregel 2" : "Een middag samen eten, iedereen neemt iets mee.";
        CHECK(text(full, "original_body") == submittedBody);
        CHECK(text(full, "partners") == "municipality, welfare");
        CHECK(text(full, "feasibility") == "kan in het voorjaar");
        CHECK(std::get<std::int64_t>(cell(full, "cost_estimate")) == 5'000);
        CHECK(text(bare, "title") == (what == "ideas" ? "Minder afval" : "Kerstmarkt"));
        for (std::string_view empty : {"original_title", "original_body", "dimension", "partners", "feasibility"})
            CHECK(text(bare, empty).empty());
        CHECK(std::holds_alternative<std::monostate>(cell(bare, "cost_estimate")));
        if (what == "ideas") continue;
        CHECK(text(full, "audience") == "children, families");
        CHECK(text(full, "budget_lines") == "Houtskool 250.00; Tafels huren 175.00; Zaden, plantjes; en \"aarde\" 12.50");
        CHECK(text(full, "stage") == "running");
        CHECK(text(full, "progress_note") == "Tent besteld");
        CHECK_FALSE(text(full, "progress_updated").empty());
        for (std::string_view empty : {"budget_lines", "wanted_partners", "progress_note", "progress_updated"})
            CHECK(text(bare, empty).empty());
        CHECK(text(bare, "audience") == "families");
        CHECK(text(bare, "stage") == "submitted");
        CHECK(std::get<std::int64_t>(cell(bare, "granted")) == 0);
    }
}
