// The failing allocator of the C ABI barrier test: linking
// tests/contract/failing_new.cc into a program replaces its global operator new
// (and delete) with ones that, once armed, fail a chosen allocation (or two) in
// one of three ways, libcadre.so's allocations included.
#ifndef CADRE_TESTS_CONTRACT_FAILING_NEW_HPP
#define CADRE_TESTS_CONTRACT_FAILING_NEW_HPP

#include <cstdint>
#include <exception>

namespace cadre::testing {

/** How an armed allocation fails. */
enum class Failure {
  kBadAlloc,   ///< throws std::bad_alloc, as operator new does out of memory
  kException,  ///< throws InjectedError: a bug in a handler, as the barrier sees it
  kNonStd,     ///< throws an int: an exception not derived from std::exception
};

/** What Failure::kException throws (what() allocates nothing). */
struct InjectedError : std::exception {
  const char *what() const noexcept override { return "injected"; }
};

/**
 * Arms the allocator: the allocation numbered @p at (0 is the next one)
 * fails as @p how says, and the one numbered @p also_at too when it is not
 * below 0. @p at below 0 fails none: the allocations are only counted.
 * (Failing every allocation from one on is no test: libprotobuf 3.21 logs,
 * and so allocates, in destructors that unwinding runs.)
 */
void arm(std::int64_t at, Failure how, std::int64_t also_at = -1) noexcept;

/** Disarms the allocator; returns the allocations counted since arm(). */
std::int64_t disarm() noexcept;

/** Allocations that failed since the program started. */
std::int64_t failures() noexcept;

}  // namespace cadre::testing

#endif  // CADRE_TESTS_CONTRACT_FAILING_NEW_HPP
