// JSON payloads of an evening's events (see EveningEvents.h), with rapidjson: written compact in
// one line, read with the iterative parser (no recursion, however deep a damaged bundle nests)
// and every field's type checked before it is read.
#include "EveningEvents.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <functional>
#include <optional>

namespace buurtstem {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
using Value = rapidjson::Value;

void put(Writer& w, const char* name, std::string_view text) {
    w.Key(name);
    w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void put(Writer& w, const char* name, std::int64_t number) {
    w.Key(name);
    w.Int64(number);
}

template <class Fields>
std::string writeObject(Fields&& fields) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    fields(w);
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

// Reads the fields of one JSON object; the first problem is kept and later reads give defaults.
class Fields {
public:
    Fields(const Value& object, std::string what) : object_(object), what_(std::move(what)) {}

    std::string text(const char* name, bool optional = false) {
        const Value* v = member(name, optional);
        if (!v) return {};
        if (!v->IsString()) return fail(std::string(name) + " is not text"), std::string();
        return std::string(v->GetString(), v->GetStringLength());
    }
    std::int64_t integer(const char* name) {
        const Value* v = member(name, false);
        if (!v) return 0;
        if (!v->IsInt64()) return fail(std::string(name) + " is not a whole number"), 0;
        return v->GetInt64();
    }
    // Calls `each` with every element's Fields (objects) of the array `name`.
    void objects(const char* name, const std::function<void(Fields&)>& each) {
        const Value* v = member(name, false);
        if (!v) return;
        if (!v->IsArray()) return fail(std::string(name) + " is not a list");
        for (const Value& element : v->GetArray()) {
            if (!element.IsObject()) return fail(std::string(name) + " holds something that is not an object");
            Fields inner(element, what_);
            each(inner);
            if (inner.error_) return fail(*inner.error_);
        }
    }
    std::vector<std::string> texts(const char* name) {
        std::vector<std::string> out;
        const Value* v = member(name, false);
        if (!v) return out;
        if (!v->IsArray()) return fail(std::string(name) + " is not a list"), out;
        for (const Value& element : v->GetArray()) {
            if (!element.IsString()) return fail(std::string(name) + " holds something that is not text"), out;
            out.emplace_back(element.GetString(), element.GetStringLength());
        }
        return out;
    }
    bool has(const char* name) const { return object_.HasMember(name); }
    std::optional<Fields> object(const char* name) {
        const Value* v = member(name, false);
        if (!v) return std::nullopt;
        if (!v->IsObject()) return fail(std::string(name) + " is not an object"), std::nullopt;
        return Fields(*v, what_);
    }
    void fail(const std::string& why) {
        if (!error_) error_ = why;
    }
    void adopt(const Fields& inner) {
        if (inner.error_) fail(*inner.error_);
    }
    std::optional<Error> error() const {
        if (!error_) return std::nullopt;
        return makeError(ErrorCode::InvalidInput, what_ + ": " + *error_);
    }

private:
    const Value* member(const char* name, bool optional) {
        const auto it = object_.FindMember(name);
        if (it == object_.MemberEnd()) {
            if (!optional) fail(std::string("missing ") + name);
            return nullptr;
        }
        return &it->value;
    }

    const Value& object_;
    std::string what_;
    std::optional<std::string> error_;
};

template <class T, class Read>
Result<T> readObject(std::string_view json, std::string_view what, Read&& read) {
    rapidjson::Document document;
    document.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
    if (document.HasParseError())
        return makeError(ErrorCode::InvalidInput, std::string(what) + ": " + rapidjson::GetParseError_En(document.GetParseError()));
    if (!document.IsObject()) return makeError(ErrorCode::InvalidInput, std::string(what) + ": payload is not a JSON object");
    Fields fields(document, std::string(what));
    T payload{};
    read(fields, payload);
    if (std::optional<Error> error = fields.error()) return *error;
    return payload;
}

Error refused(std::string_view what, const std::string& why) { return makeError(ErrorCode::InvalidInput, std::string(what) + ": " + why); }

std::optional<CivilDate> readDate(Fields& fields, const char* name) {
    const std::string text = fields.text(name);
    std::optional<CivilDate> date = parseIsoDate(text);
    if (!date && !fields.error()) fields.fail(std::string(name) + " is not a date");
    return date;
}

}  // namespace

std::string encodePayload(const EveningSaved& payload) {
    const Evening& e = payload.evening;
    return writeObject([&](Writer& w) {
        put(w, "id", e.id);
        put(w, "title", e.title);
        put(w, "date", formatIsoDate(e.date));
        put(w, "start", e.startMinute);
        put(w, "place", e.place);
        w.Key("agenda");
        w.StartArray();
        for (const AgendaItem& item : e.agenda) {
            w.StartObject();
            put(w, "title", item.title);
            put(w, "minutes", item.minutes);
            w.EndObject();
        }
        w.EndArray();
    });
}

Result<EveningSaved> decodeEveningSaved(std::string_view json) {
    Result<EveningSaved> read = readObject<EveningSaved>(json, kEventEveningSaved, [](Fields& f, EveningSaved& p) {
        Evening& e = p.evening;
        e.id = f.text("id");
        e.title = f.text("title");
        if (std::optional<CivilDate> date = readDate(f, "date")) e.date = *date;
        e.startMinute = static_cast<int>(f.integer("start"));
        e.place = f.text("place");
        f.objects("agenda", [&](Fields& item) {
            AgendaItem agendaItem;
            agendaItem.title = item.text("title");
            agendaItem.minutes = static_cast<int>(item.integer("minutes"));
            e.agenda.push_back(std::move(agendaItem));
        });
    });
    if (!read) return read;
    if (read->evening.id.empty()) return refused(kEventEveningSaved, "empty id");
    if (const auto issues = validateEvening(read->evening); !issues.empty()) return refused(kEventEveningSaved, describeIssues(issues));
    return read;
}

std::string encodePayload(const EveningCheckedIn& payload) {
    return writeObject([&](Writer& w) {
        put(w, "evening", payload.eveningId);
        if (!payload.checkIn.street.empty()) put(w, "street", payload.checkIn.street);
        if (!payload.checkIn.postcode.empty()) put(w, "postcode", payload.checkIn.postcode);
    });
}

Result<EveningCheckedIn> decodeEveningCheckedIn(std::string_view json) {
    Result<EveningCheckedIn> read = readObject<EveningCheckedIn>(json, kEventEveningCheckedIn, [](Fields& f, EveningCheckedIn& p) {
        p.eveningId = f.text("evening");
        p.checkIn.street = f.text("street", true);
        p.checkIn.postcode = f.text("postcode", true);
    });
    if (!read) return read;
    if (read->eveningId.empty()) return refused(kEventEveningCheckedIn, "empty evening");
    if (Result<void> valid = validateCheckIn(read->checkIn); !valid) return refused(kEventEveningCheckedIn, valid.error().detail);
    return read;
}

std::string encodePayload(const EveningItemStarted& payload) {
    return writeObject([&](Writer& w) {
        put(w, "evening", payload.eveningId);
        put(w, "item", payload.item);
        put(w, "atMs", payload.atMs);
    });
}

Result<EveningItemStarted> decodeEveningItemStarted(std::string_view json) {
    Result<EveningItemStarted> read = readObject<EveningItemStarted>(json, kEventEveningItemStarted, [](Fields& f, EveningItemStarted& p) {
        p.eveningId = f.text("evening");
        p.item = f.integer("item");
        p.atMs = f.integer("atMs");
    });
    if (!read) return read;
    if (read->eveningId.empty() || read->item < 0 || read->atMs < 0) return refused(kEventEveningItemStarted, "empty evening or negative number");
    return read;
}

std::string encodePayload(const DotVoteOpened& payload) {
    return writeObject([&](Writer& w) {
        put(w, "evening", payload.eveningId);
        put(w, "vote", payload.voteId);
        put(w, "question", payload.question);
        w.Key("options");
        w.StartArray();
        for (const std::string& option : payload.options) w.String(option.data(), static_cast<rapidjson::SizeType>(option.size()));
        w.EndArray();
    });
}

Result<DotVoteOpened> decodeDotVoteOpened(std::string_view json) {
    Result<DotVoteOpened> read = readObject<DotVoteOpened>(json, kEventDotVoteOpened, [](Fields& f, DotVoteOpened& p) {
        p.eveningId = f.text("evening");
        p.voteId = f.text("vote");
        p.question = f.text("question");
        p.options = f.texts("options");
    });
    if (!read) return read;
    if (read->eveningId.empty() || read->voteId.empty()) return refused(kEventDotVoteOpened, "empty evening or vote");
    if (const auto issues = validateDotVote(read->question, read->options); !issues.empty())
        return refused(kEventDotVoteOpened, describeIssues(issues));
    return read;
}

std::string encodePayload(const DotGiven& payload) {
    return writeObject([&](Writer& w) {
        put(w, "vote", payload.voteId);
        put(w, "option", payload.option);
    });
}

Result<DotGiven> decodeDotGiven(std::string_view json) {
    Result<DotGiven> read = readObject<DotGiven>(json, kEventDotGiven, [](Fields& f, DotGiven& p) {
        p.voteId = f.text("vote");
        p.option = f.integer("option");
    });
    if (!read) return read;
    if (read->voteId.empty() || read->option < 0) return refused(kEventDotGiven, "empty vote or negative option");
    return read;
}

std::string encodePayload(const DotVoteClosed& payload) {
    return writeObject([&](Writer& w) { put(w, "vote", payload.voteId); });
}

Result<DotVoteClosed> decodeDotVoteClosed(std::string_view json) {
    Result<DotVoteClosed> read = readObject<DotVoteClosed>(json, kEventDotVoteClosed, [](Fields& f, DotVoteClosed& p) { p.voteId = f.text("vote"); });
    if (!read) return read;
    if (read->voteId.empty()) return refused(kEventDotVoteClosed, "empty vote");
    return read;
}

std::string encodePayload(const MinutesSaved& payload) {
    const Minutes& m = payload.minutes;
    return writeObject([&](Writer& w) {
        put(w, "evening", payload.eveningId);
        w.Key("decisions");
        w.StartArray();
        for (const Decision& d : m.decisions) {
            w.StartObject();
            put(w, "text", d.text);
            put(w, "idea", d.ideaId);
            w.EndObject();
        }
        w.EndArray();
        w.Key("actions");
        w.StartArray();
        for (const ActionItem& a : m.actions) {
            w.StartObject();
            put(w, "who", a.who);
            put(w, "what", a.what);
            if (a.due) put(w, "due", formatIsoDate(*a.due));
            w.EndObject();
        }
        w.EndArray();
        if (m.next) {
            w.Key("next");
            w.StartObject();
            put(w, "date", formatIsoDate(m.next->date));
            put(w, "start", m.next->startMinute);
            put(w, "minutes", m.next->minutes);
            put(w, "place", m.next->place);
            w.EndObject();
        }
    });
}

Result<MinutesSaved> decodeMinutesSaved(std::string_view json) {
    Result<MinutesSaved> read = readObject<MinutesSaved>(json, kEventMinutesSaved, [](Fields& f, MinutesSaved& p) {
        p.eveningId = f.text("evening");
        f.objects("decisions", [&](Fields& d) { p.minutes.decisions.push_back({d.text("text"), d.text("idea")}); });
        f.objects("actions", [&](Fields& a) {
            ActionItem action;
            action.who = a.text("who");
            action.what = a.text("what");
            if (a.has("due")) action.due = readDate(a, "due");
            p.minutes.actions.push_back(std::move(action));
        });
        if (f.has("next")) {
            if (std::optional<Fields> next = f.object("next")) {
                NextEvening n;
                if (std::optional<CivilDate> date = readDate(*next, "date")) n.date = *date;
                n.startMinute = static_cast<int>(next->integer("start"));
                n.minutes = static_cast<int>(next->integer("minutes"));
                n.place = next->text("place");
                f.adopt(*next);
                p.minutes.next = std::move(n);
            }
        }
    });
    if (!read) return read;
    if (read->eveningId.empty()) return refused(kEventMinutesSaved, "empty evening");
    if (const auto issues = validateMinutes(read->minutes); !issues.empty()) return refused(kEventMinutesSaved, describeIssues(issues));
    return read;
}

}  // namespace buurtstem
