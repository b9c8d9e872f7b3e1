// Reads and writes Pabulib .pb files (pabulib.org), the open format of real participatory-budgeting
// elections: the tally is checked against official outcomes with them, and rounds export to them.
#pragma once

#include "Election.h"

#include <string>
#include <string_view>

namespace buurtstem::tally {

// The largest cost or budget the reader accepts: 10^13 whole units, in cents. Any sum of a few
// thousand such amounts still fits in Money, so the tally can add costs without overflow checks.
inline constexpr Money kPabulibMaxAmount = 1'000'000'000'000'000;
// The largest number of points one ballot gives one project, also after merging duplicates.
inline constexpr std::int64_t kPabulibMaxPoints = 1'000'000'000;

// Reads a whole .pb file. The file holds three sections in this order, each a marker line (META,
// PROJECTS, VOTES) followed by a header line and rows; fields are separated by ';' and may be
// quoted CSV-style ("a;b" and "say ""hi""" are one field each, a quoted field may span lines).
// Accepted: a UTF-8 byte order mark, LF or CRLF line endings, blank lines anywhere, None for a
// missing value, costs and budget with decimals ("400000.0", "1234.5" are exact in cents).
//   META      key;value rows, kept in file order in Election::meta. `budget` and `vote_type` are
//             required. The header line is skipped when it reads key;value. num_projects and
//             num_votes are kept as text and not checked against the counts.
//   PROJECTS  needs the columns project_id and cost; `name` and `selected` (1/0, "1.0", None)
//             fill their fields, every other column goes to Project::extra in column order.
//             A cost of 999999999 (Pabulib's mark for a withdrawn project) and zero costs are
//             kept as read.
//   VOTES     needs voter_id and vote (project ids separated by ','); cumulative and scoring
//             files also need points (integers, parallel to vote). A `channel` column (kiosk, paper) fills
//             Ballots::channels. Other columns (age, sex,
//             district, ...) are not kept. An empty vote (or None) is an empty ballot and is kept.
//             A project named twice in one ballot counts once: points are added, an ordinal
//             ballot keeps the first position. A choose-1 ballot naming several projects is kept
//             as it is: the tally decides what such a ballot means.
// Errors are InvalidInput with a detail "line 123: ...", the line where the offending row starts.
// Never throws; memory use grows with the size of the text only.
Result<Election> readPabulib(std::string_view text);

// Writes an Election as a .pb file with LF line endings that readPabulib reads back to an equal
// Election. META is written in order, with budget, vote_type, num_projects and num_votes made to
// agree with the Election (their text is kept when it already does; missing ones are added at the
// end). Columns: project_id;cost, then name and the extra columns when any project has them, then
// selected when any project has a value; voter_id;vote, then points for cumulative and scoring,
// then channel when the ballots have channels.
std::string writePabulib(const Election& election);

}  // namespace buurtstem::tally
