// JSON payloads of events, written with cereal. Field names are spelled out so the stored text
// stays readable in exports and survives reordering of the structs.
#include "Event.h"

#include <cereal/archives/json.hpp>

#include <exception>
#include <sstream>

namespace buurtstem {

namespace {

// cereal's writer always pretty-prints; the log stores one line per payload, so drop the white
// space outside strings. Raw white space never occurs inside a JSON string (it is escaped).
std::string compactJson(const std::string& pretty) {
    std::string out;
    out.reserve(pretty.size());
    bool inString = false;
    bool escaped = false;
    for (char c : pretty) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            continue;
        }
        out.push_back(c);
    }
    return out;
}

// Payloads are flat objects. rapidjson parses recursively, so deep nesting from a damaged or
// hostile bundle could exhaust the stack; such text is refused before it reaches the parser.
bool nestsTooDeep(std::string_view json) {
    constexpr int kMaxDepth = 8;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : json) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
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

}  // namespace

std::string encodePayload(const IdeaSubmitted& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("ideaId", payload.ideaId), cereal::make_nvp("reference", payload.reference),
                cereal::make_nvp("theme", std::string(themeId(payload.theme))),
                cereal::make_nvp("title", payload.title), cereal::make_nvp("body", payload.body),
                cereal::make_nvp("demo", payload.demo));
    });
}

std::string encodePayload(const NeighbourhoodNamed& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("name", payload.name), cereal::make_nvp("demo", payload.demo));
    });
}

std::string encodePayload(const PulseGiven& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        for (PulseAspect aspect : kAllPulseAspects)
            archive(cereal::make_nvp(pulseAspectId(aspect), payload.scores[pulseIndex(aspect)]));
    });
}

Result<IdeaSubmitted> decodeIdeaSubmitted(std::string_view json) {
    return readJson<IdeaSubmitted>(json, kEventIdeaSubmitted, [](cereal::JSONInputArchive& archive) -> Result<IdeaSubmitted> {
        IdeaSubmitted payload;
        std::string theme;
        archive(cereal::make_nvp("ideaId", payload.ideaId), cereal::make_nvp("reference", payload.reference),
                cereal::make_nvp("theme", theme), cereal::make_nvp("title", payload.title),
                cereal::make_nvp("body", payload.body), cereal::make_nvp("demo", payload.demo));
        const std::optional<Theme> known = themeFromId(theme);
        if (!known) return makeError(ErrorCode::InvalidInput, "idea.submitted: unknown theme \"" + theme + "\"");
        payload.theme = *known;
        return payload;
    });
}

Result<NeighbourhoodNamed> decodeNeighbourhoodNamed(std::string_view json) {
    return readJson<NeighbourhoodNamed>(json, kEventNeighbourhoodNamed,
                                        [](cereal::JSONInputArchive& archive) -> Result<NeighbourhoodNamed> {
                                            NeighbourhoodNamed payload;
                                            archive(cereal::make_nvp("name", payload.name),
                                                    cereal::make_nvp("demo", payload.demo));
                                            return payload;
                                        });
}

Result<PulseGiven> decodePulseGiven(std::string_view json) {
    return readJson<PulseGiven>(json, kEventPulseGiven, [](cereal::JSONInputArchive& archive) -> Result<PulseGiven> {
        PulseGiven payload;
        // Every aspect must be present: a missing one would silently read as "skipped".
        for (PulseAspect aspect : kAllPulseAspects)
            archive(cereal::make_nvp(pulseAspectId(aspect), payload.scores[pulseIndex(aspect)]));
        PulseDraft draft;
        draft.scores = payload.scores;
        if (Result<void> valid = validatePulse(draft); !valid)
            return makeError(ErrorCode::InvalidInput, std::string(kEventPulseGiven) + ": " + valid.error().detail);
        return payload;
    });
}

}  // namespace buurtstem
