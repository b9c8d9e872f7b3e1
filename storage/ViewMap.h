// ViewMap: texts (string_views of strings that outlive it) to small values, in one flat table with
// open addressing. An import looks up a million uuids and the run hundreds of thousands of idea
// ids; std::unordered_map spends a heap node per key on that, and a cache miss on every step from
// bucket to node to key. Insert and look up only: nothing is ever erased but by clear().
// Internal to storage.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace buurtstem::storage {

template <typename Value>
class ViewMap {
public:
    ViewMap() = default;
    explicit ViewMap(std::size_t expected) { reserve(expected); }

    // Room for `count` keys without growing.
    void reserve(std::size_t count) {
        if (count * 4 > slots_.size() * 3) rehash(std::bit_ceil(count * 4 / 3 + 1));
    }

    // The value held for `key`, and whether it was put in just now (with `value`) or was there.
    std::pair<Value*, bool> emplace(std::string_view key, Value value) {
        reserve(size_ + 1);
        const std::uint64_t hash = hashOf(key);
        Slot& slot = slots_[probe(key, hash)];
        if (slot.hash != kEmpty) return {&slot.value, false};
        slot = {hash, key, std::move(value)};
        ++size_;
        return {&slot.value, true};
    }

    // The value held for `key`, or nullptr.
    Value* find(std::string_view key) {
        if (size_ == 0) return nullptr;
        Slot& slot = slots_[probe(key, hashOf(key))];
        return slot.hash == kEmpty ? nullptr : &slot.value;
    }
    const Value* find(std::string_view key) const { return const_cast<ViewMap*>(this)->find(key); }
    bool contains(std::string_view key) const { return find(key) != nullptr; }

    // Calls f(key, value) for every key, in no particular order.
    template <typename F>
    void forEach(F&& f) {
        for (Slot& slot : slots_) {
            if (slot.hash != kEmpty) f(slot.key, slot.value);
        }
    }
    template <typename F>
    void forEach(F&& f) const {
        for (const Slot& slot : slots_) {
            if (slot.hash != kEmpty) f(slot.key, slot.value);
        }
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // Forgets every key and gives the table's memory back.
    void clear() {
        std::vector<Slot>().swap(slots_);
        size_ = 0;
    }

private:
    static constexpr std::uint64_t kEmpty = 0;
    struct Slot {
        std::uint64_t hash = kEmpty;  // never kEmpty for a used slot (hashOf sets the top bit)
        std::string_view key;
        Value value{};
    };

    static std::uint64_t hashOf(std::string_view key) {
        return static_cast<std::uint64_t>(std::hash<std::string_view>{}(key)) | (std::uint64_t{1} << 63);
    }

    // The slot holding `key`, or the empty one where it would go. The table is never full.
    std::size_t probe(std::string_view key, std::uint64_t hash) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.hash == kEmpty || (slot.hash == hash && slot.key == key)) return i;
        }
    }

    void rehash(std::size_t capacity) {
        std::vector<Slot> old(capacity);
        old.swap(slots_);
        for (Slot& slot : old) {
            if (slot.hash != kEmpty) slots_[probe(slot.key, slot.hash)] = std::move(slot);
        }
    }

    std::vector<Slot> slots_;  // a power of two in size, at most three quarters used
    std::size_t size_ = 0;
};

}  // namespace buurtstem::storage
