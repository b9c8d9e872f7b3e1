// Result<T>: a value or an Error, the typed result every boundary (storage, import, parsing) returns.
// The UI turns an Error into a plain-language message by its code; `detail` is for logs and tests.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace buurtstem {

enum class ErrorCode {
    InvalidInput,       // the caller's data breaks a rule (validation, parse error)
    NotFound,           // no such item
    DataDirUnusable,    // the data directory cannot be created or written
    AlreadyRunning,     // another Buurtstem process holds the data directory
    NotADatabase,       // the file exists but is not a SQLite database (or is corrupt)
    NewerSchema,        // the database was written by a newer Buurtstem; we refuse to touch it
    StorageFull,        // the disk is full
    StorageReadOnly,    // the disk or file became read-only
    StorageFailure,     // any other storage error
    MissingAsset,       // a font, translation or image file is missing
    NoDisplay,          // no display could be opened
};

struct Error {
    ErrorCode code = ErrorCode::InvalidInput;
    std::string detail;  // technical detail for logs and tests, never shown to residents as is
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_(std::move(value)) {}
    Result(Error error) : m_(std::move(error)) {}

    bool ok() const { return m_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_); }
    const T& value() const& { return std::get<0>(m_); }
    T&& value() && { return std::get<0>(std::move(m_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(m_); }

private:
    std::variant<T, Error> m_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), ok_(false) {}
    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const { return error_; }

private:
    Error error_;
    bool ok_ = true;
};

inline Error makeError(ErrorCode code, std::string detail) { return Error{code, std::move(detail)}; }

// Short, stable name of an error code for logs and command-line messages.
const char* errorCodeName(ErrorCode code);

}  // namespace buurtstem
