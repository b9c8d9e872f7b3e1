// The export as XLSX (see ExportXlsx.h). libxlsxwriter writes to a file name of its own, so the
// workbook is made in a scratch file next to the target and then goes through AtomicFile.
#include "ExportXlsx.h"

#include "AtomicFile.h"

#include "../core/Utf8.h"

#include <xlsxwriter.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <variant>

namespace buurtstem::print {

namespace {

namespace fs = std::filesystem;
using exporting::Cell;
using exporting::ColumnType;

constexpr std::size_t kWidthSampleRows = 500;  // enough to size the columns, cheap for 100,000 rows
constexpr double kMinWidth = 8;
constexpr double kMaxWidth = 60;

// Removes the scratch file whatever happens.
struct Scratch {
    fs::path path;
    ~Scratch() {
        if (!path.empty()) ::unlink(path.c_str());
    }
};

double widthOf(const Cell& cell, ColumnType type) {
    if (const auto* text = std::get_if<std::string>(&cell)) {
        // The longest line, in characters: a body with line breaks wraps in its cell anyway.
        std::size_t longest = 0;
        std::size_t start = 0;
        while (start <= text->size()) {
            std::size_t end = text->find('\n', start);
            if (end == std::string::npos) end = text->size();
            longest = std::max(longest, utf8::countCodePoints(std::string_view(*text).substr(start, end - start)));
            start = end + 1;
        }
        return static_cast<double>(longest) + 2;
    }
    return type == ColumnType::Money ? 14 : 10;
}

}  // namespace

Result<void> writeXlsx(const fs::path& out, const exporting::Table& table, std::uint64_t createdMs) {
    // The target's temporary file first: an unwritable folder or a full disk is said as for CSV.
    Result<AtomicFile> file = AtomicFile::create(out);
    if (!file) return file.error();
    const fs::path folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
    std::string pattern = (folder / ("." + out.filename().string() + ".part.XXXXXX")).string();
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0) return file->fail(ErrorCode::StorageFailure, std::generic_category().message(errno));
    ::close(fd);
    Scratch scratch{pattern};

    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;  // rows go to disk as written: 100,000 rows stay small
    options.tmpdir = nullptr;
    options.use_zip64 = LXW_FALSE;
    lxw_workbook* workbook = workbook_new_opt(pattern.c_str(), &options);
    if (workbook == nullptr) return file->fail(ErrorCode::StorageFailure, "libxlsxwriter could not start a workbook");

    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(table.what.c_str());
    properties.author = const_cast<char*>("Buurtstem");
    properties.created = static_cast<std::time_t>(createdMs / 1000);
    workbook_set_properties(workbook, &properties);

    lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.what.c_str());
    lxw_format* header = workbook_add_format(workbook);
    format_set_bold(header);
    lxw_format* money = workbook_add_format(workbook);
    format_set_num_format(money, "[$\xE2\x82\xAC-413] #,##0.00");  // € 1.250,50 in Dutch Excel
    lxw_format* decimal = workbook_add_format(workbook);
    format_set_num_format(decimal, "0.00");

    lxw_error error = LXW_NO_ERROR;
    const auto check = [&error](lxw_error e) {
        if (error == LXW_NO_ERROR) error = e;
    };
    // Widths and the frozen header are set before any row: constant-memory mode writes rows out at once.
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        double width = widthOf(Cell(table.columns[c].id), ColumnType::Text);
        for (std::size_t r = 0; r < std::min(table.rows.size(), kWidthSampleRows); ++r)
            if (c < table.rows[r].size()) width = std::max(width, widthOf(table.rows[r][c], table.columns[c].type));
        const auto column = static_cast<lxw_col_t>(c);
        check(worksheet_set_column(sheet, column, column, std::clamp(width, kMinWidth, kMaxWidth), nullptr));
    }
    worksheet_freeze_panes(sheet, 1, 0);
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.columns[c].id.c_str(), header));
    for (std::size_t r = 0; r < table.rows.size() && error == LXW_NO_ERROR; ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < table.columns.size() && c < table.rows[r].size(); ++c) {
            const Cell& cell = table.rows[r][c];
            const auto column = static_cast<lxw_col_t>(c);
            if (const auto* text = std::get_if<std::string>(&cell)) {
                // Always a string: a title "=HYPERLINK(...)" stays text in every spreadsheet.
                if (!text->empty()) check(worksheet_write_string(sheet, row, column, text->c_str(), nullptr));
            } else if (const auto* whole = std::get_if<std::int64_t>(&cell)) {
                if (table.columns[c].type == ColumnType::Money)
                    check(worksheet_write_number(sheet, row, column, static_cast<double>(*whole) / 100.0, money));
                else
                    check(worksheet_write_number(sheet, row, column, static_cast<double>(*whole), nullptr));
            } else if (const auto* value = std::get_if<double>(&cell)) {
                check(worksheet_write_number(sheet, row, column, *value, decimal));
            }
        }
    }
    const lxw_error closed = workbook_close(workbook);  // also frees it
    if (error != LXW_NO_ERROR) return file->fail(ErrorCode::StorageFailure, lxw_strerror(error));
    if (closed != LXW_NO_ERROR) return file->fail(ErrorCode::StorageFailure, lxw_strerror(closed));

    std::ifstream in(pattern, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return file->fail(ErrorCode::StorageFailure, "the workbook could not be read back");
    file->write(bytes);
    return file->commit();
}

}  // namespace buurtstem::print
