// The record of writes confirmed to residents, shared by crash_writer (which appends to it) and
// crash_check (which reads it back). One line per confirmed write, written with O_APPEND and
// fdatasync only after the store's call returned success:
//   kind=idea id=… ref=… event=SEQ/UUID/TYPE
//   kind=ballot round=… receipt=… code=… event=SEQ/UUID/TYPE
//   kind=audit seq=N hash=… subject=…
// and so on: space-separated key=value pairs, no value holds a space. A line without its newline
// (the process died while writing it) was never confirmed.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace buurtstem::stress {

struct ConfirmedWrite {
    std::size_t line = 0;                                   // = 0 // 1-based line in the file
    std::vector<std::pair<std::string, std::string>> fields;  // in the order written; keys may repeat (event=)

    std::string get(const std::string& key) const {
        for (const auto& [k, v] : fields)
            if (k == key) return v;
        return "";
    }
    std::vector<std::string> all(const std::string& key) const {
        std::vector<std::string> values;
        for (const auto& [k, v] : fields)
            if (k == key) values.push_back(v);
        return values;
    }
};

// Parses every whole line of `text`; a last line without a newline is left out.
inline std::vector<ConfirmedWrite> parseConfirmedLog(const std::string& text) {
    std::vector<ConfirmedWrite> writes;
    std::size_t start = 0;
    std::size_t lineNumber = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) break;
        ++lineNumber;
        ConfirmedWrite write;
        write.line = lineNumber;
        std::size_t at = start;
        while (at < end) {
            std::size_t space = text.find(' ', at);
            if (space == std::string::npos || space > end) space = end;
            const std::string token = text.substr(at, space - at);
            const std::size_t equals = token.find('=');
            if (equals != std::string::npos) write.fields.emplace_back(token.substr(0, equals), token.substr(equals + 1));
            at = space + 1;
        }
        if (!write.fields.empty()) writes.push_back(std::move(write));
        start = end + 1;
    }
    return writes;
}

}  // namespace buurtstem::stress
