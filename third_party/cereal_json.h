// cereal's JSON archives, reading from and writing to the stream buffer rather than through
// std::istream and std::ostream.
//
// cereal's JSONInputArchive parses through rapidjson's IStreamWrapper, which in rapidjson 1.1
// (Debian's) calls std::istream::peek and get for every character, each behind a sentry: about
// 12 µs to parse a 670-byte payload against 1.3 µs for the same text in memory. Its
// JSONOutputArchive writes every character with std::ostream::put, also behind a sentry. These
// are the wrappers for std::istream and std::ostream, declared before cereal's header
// instantiates them, passing the same characters through the stream's buffer (sgetc, sbumpc and
// sputc, inline). Every translation unit that uses cereal JSON includes this header in place of
// <cereal/archives/json.hpp>.
#pragma once

#include <cstddef>
#include <ios>
#include <istream>
#include <ostream>
#include <streambuf>
#include <string>

#ifndef RAPIDJSON_NAMESPACE
#define RAPIDJSON_NAMESPACE rapidjson
#endif

namespace RAPIDJSON_NAMESPACE {

template <typename StreamType>
class BasicIStreamWrapper;

// A read stream as rapidjson's reader asks of one (Peek, Take, Tell); the write half is never
// used on input. Peek4 serves only encoding detection, which cereal does not ask for.
template <>
class BasicIStreamWrapper<std::istream> {
public:
    using Ch = char;
    static constexpr bool kReadsStreamBuffer = true;

    explicit BasicIStreamWrapper(std::istream& stream) : buffer_(*stream.rdbuf()) {}
    BasicIStreamWrapper(const BasicIStreamWrapper&) = delete;
    BasicIStreamWrapper& operator=(const BasicIStreamWrapper&) = delete;

    Ch Peek() const {
        const int c = buffer_.sgetc();
        return c == std::char_traits<char>::eof() ? '\0' : static_cast<Ch>(c);
    }
    Ch Take() {
        const int c = buffer_.sbumpc();
        if (c == std::char_traits<char>::eof()) return '\0';
        ++count_;
        return static_cast<Ch>(c);
    }
    std::size_t Tell() const { return count_; }

    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    std::size_t PutEnd(Ch*) { return 0; }
    const Ch* Peek4() const { return nullptr; }

private:
    std::streambuf& buffer_;
    std::size_t count_ = 0;
};

template <typename StreamType>
class BasicOStreamWrapper;

// A write stream as rapidjson's writer asks of one (Put, Flush); the read half is never used.
template <>
class BasicOStreamWrapper<std::ostream> {
public:
    using Ch = char;
    static constexpr bool kWritesStreamBuffer = true;

    explicit BasicOStreamWrapper(std::ostream& stream) : stream_(stream), buffer_(*stream.rdbuf()) {}
    BasicOStreamWrapper(const BasicOStreamWrapper&) = delete;
    BasicOStreamWrapper& operator=(const BasicOStreamWrapper&) = delete;

    void Put(Ch c) {
        if (buffer_.sputc(c) == std::char_traits<char>::eof()) stream_.setstate(std::ios_base::badbit);
    }
    void Flush() { stream_.flush(); }

    Ch Peek() const { return '\0'; }
    Ch Take() { return '\0'; }
    std::size_t Tell() const { return 0; }
    Ch* PutBegin() { return nullptr; }
    std::size_t PutEnd(Ch*) { return 0; }

private:
    std::ostream& stream_;
    std::streambuf& buffer_;
};

}  // namespace RAPIDJSON_NAMESPACE

#include <cereal/archives/json.hpp>

static_assert(RAPIDJSON_NAMESPACE::IStreamWrapper::kReadsStreamBuffer && RAPIDJSON_NAMESPACE::OStreamWrapper::kWritesStreamBuffer,
              "cereal's JSON archives must read and write through the wrappers above");
