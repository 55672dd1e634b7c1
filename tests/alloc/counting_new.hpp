// The counting allocator of the allocation test and benchmark: linking
// tests/alloc/counting_new.cc into a program replaces its global operator new
// (and delete) with ones that count every allocation, protobuf's included.
#ifndef CADRE_TESTS_ALLOC_COUNTING_NEW_HPP
#define CADRE_TESTS_ALLOC_COUNTING_NEW_HPP

#include <cstdint>

namespace cadre::testing {

/** Calls of operator new (every form) in this process so far. */
std::uint64_t allocations() noexcept;

}  // namespace cadre::testing

#endif  // CADRE_TESTS_ALLOC_COUNTING_NEW_HPP
