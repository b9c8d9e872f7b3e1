// JSON helpers shared by the files that encode and decode event payloads (Event.cpp,
// ModerationEvent.cpp): one compact line per payload, and cereal's exceptions turned into errors.
// Internal to app/core.
#pragma once

#include "Result.h"

#include "third_party/cereal_json.h"

#include <exception>
#include <sstream>
#include <string>
#include <string_view>

namespace buurtstem::eventjson {

// Follows JSON text one character at a time and tells whether a character stands outside every
// string literal (the quotes themselves count as inside).
class StringTracker {
public:
    bool outside(char c) {
        if (inString_) {
            if (escaped_)
                escaped_ = false;
            else if (c == '\\')
                escaped_ = true;
            else if (c == '"')
                inString_ = false;
            return false;
        }
        if (c == '"') {
            inString_ = true;
            return false;
        }
        return true;
    }

private:
    bool inString_ = false;
    bool escaped_ = false;
};

// cereal's writer always pretty-prints; the log stores one line per payload, so drop the white
// space outside strings. Raw white space never occurs inside a JSON string (it is escaped).
inline std::string compactJson(const std::string& pretty) {
    std::string out;
    out.reserve(pretty.size());
    StringTracker tracker;
    for (char c : pretty) {
        if (tracker.outside(c) && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) continue;
        out.push_back(c);
    }
    return out;
}

// Payloads are flat objects. rapidjson parses recursively, so deep nesting from a damaged or
// hostile bundle could exhaust the stack; such text is refused before it reaches the parser.
inline bool nestsTooDeep(std::string_view json) {
    constexpr int kMaxDepth = 8;
    int depth = 0;
    StringTracker tracker;
    for (char c : json) {
        if (!tracker.outside(c)) continue;
        if (c == '{' || c == '[') {
            if (++depth > kMaxDepth) return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

template <class WriteFields>
std::string writeJson(WriteFields&& writeFields) {
    std::ostringstream stream;
    {
        // The archive writes its closing brace when it is destroyed, hence the scope.
        cereal::JSONOutputArchive archive(stream, cereal::JSONOutputArchive::Options::NoIndent());
        writeFields(archive);
    }
    return compactJson(stream.str());
}

// cereal reports malformed JSON, missing fields and wrong types by throwing; this is the one
// place those exceptions are caught, and each becomes an InvalidInput error with the reason.
template <class T, class ReadFields>
Result<T> readJson(std::string_view json, std::string_view what, ReadFields&& readFields) {
    // cereal would read a top-level array by position and ignore the field names.
    const std::size_t first = json.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || json[first] != '{') {
        return makeError(ErrorCode::InvalidInput, std::string(what) + ": payload is not a JSON object");
    }
    if (nestsTooDeep(json)) return makeError(ErrorCode::InvalidInput, std::string(what) + ": payload nests too deeply");
    try {
        std::istringstream stream{std::string(json)};
        cereal::JSONInputArchive archive(stream);
        return readFields(archive);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidInput, std::string(what) + ": " + e.what());
    }
}

// cereal throws on a missing name; fields added later are looked up first, so older payloads
// without them still read.
inline bool hasTopLevelField(std::string_view json, const char* name) {
    RAPIDJSON_NAMESPACE::Document document;  // the rapidjson cereal's json.hpp includes
    document.Parse(json.data(), json.size());
    return !document.HasParseError() && document.IsObject() && document.HasMember(name);
}

}  // namespace buurtstem::eventjson
