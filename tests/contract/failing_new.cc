#include "failing_new.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<bool> g_armed{false};
std::atomic<std::int64_t> g_count{0};
std::atomic<std::int64_t> g_at{-1};
std::atomic<std::int64_t> g_also_at{-1};
std::atomic<int> g_how{0};
std::atomic<std::int64_t> g_failures{0};

// True when this allocation is to fail.
bool fails() noexcept {
  if (!g_armed.load(std::memory_order_acquire)) {
    return false;
  }
  const std::int64_t n = g_count.fetch_add(1);
  const std::int64_t at = g_at.load();
  if (at < 0 || (n != at && n != g_also_at.load())) {
    return false;
  }
  g_failures.fetch_add(1);
  return true;
}

[[noreturn]] void fail() {
  switch (static_cast<cadre::testing::Failure>(g_how.load())) {
    case cadre::testing::Failure::kBadAlloc:
      throw std::bad_alloc();
    case cadre::testing::Failure::kException:
      throw cadre::testing::InjectedError();
    case cadre::testing::Failure::kNonStd:
      break;
  }
  throw 42;  // NOLINT(hicpp-exception-baseclass): the point of kNonStd
}

}  // namespace

void cadre::testing::arm(std::int64_t at, Failure how, std::int64_t also_at) noexcept {
  g_count.store(0);
  g_at.store(at);
  g_also_at.store(also_at);
  g_how.store(static_cast<int>(how));
  g_armed.store(true, std::memory_order_release);
}

std::int64_t cadre::testing::disarm() noexcept {
  g_armed.store(false, std::memory_order_release);
  return g_count.load();
}

std::int64_t cadre::testing::failures() noexcept { return g_failures.load(); }

void *operator new(std::size_t size) {
  if (fails()) {
    fail();
  }
  if (void *p = std::malloc(size == 0 ? 1 : size)) {
    return p;
  }
  throw std::bad_alloc();
}
void *operator new[](std::size_t size) { return ::operator new(size); }
void *operator new(std::size_t size, const std::nothrow_t & /*tag*/) noexcept {
  return fails() ? nullptr : std::malloc(size == 0 ? 1 : size);
}
void *operator new[](std::size_t size, const std::nothrow_t &tag) noexcept {
  return ::operator new(size, tag);
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete[](void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t /*size*/) noexcept { std::free(p); }
void operator delete[](void *p, std::size_t /*size*/) noexcept { std::free(p); }
void operator delete(void *p, const std::nothrow_t & /*tag*/) noexcept { std::free(p); }
void operator delete[](void *p, const std::nothrow_t & /*tag*/) noexcept { std::free(p); }
