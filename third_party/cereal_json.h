// cereal's JSON archives, reading from the stream buffer rather than through std::istream.
//
// cereal's JSONInputArchive parses through rapidjson's IStreamWrapper, which in rapidjson 1.1
// (Debian's) calls std::istream::peek and get for every character, each behind a sentry: about
// 12 µs to parse a 670-byte payload against 1.3 µs for the same text in memory. This is the
// wrapper for std::istream, declared before cereal's header instantiates it, reading the same
// characters from the stream's buffer (sgetc and sbumpc, inline). Every translation unit that
// reads cereal JSON includes this header in place of <cereal/archives/json.hpp>.
#pragma once

#include <cstddef>
#include <istream>
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

}  // namespace RAPIDJSON_NAMESPACE

#include <cereal/archives/json.hpp>

static_assert(RAPIDJSON_NAMESPACE::IStreamWrapper::kReadsStreamBuffer,
              "cereal's JSON archive must read through the wrapper above");
