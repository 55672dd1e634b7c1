// Helpers of the tests of the case store (tests/unit/sqlite_store_test.cc, tests/store).
#ifndef CADRE_TESTS_SUPPORT_CASE_STORE_SUPPORT_HPP
#define CADRE_TESTS_SUPPORT_CASE_STORE_SUPPORT_HPP

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "cadre/case_log.hpp"

namespace cadre::testing {

/** A directory of its own for one test, removed with everything in it at the end. */
class ScratchDir {
 public:
  explicit ScratchDir(std::string_view name)
      : path_(std::filesystem::temp_directory_path() /
              ("cadre-" + std::string(name) + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ScratchDir(const ScratchDir &) = delete;
  ScratchDir &operator=(const ScratchDir &) = delete;
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  /** @return the path of @p file in the directory. */
  [[nodiscard]] std::string file(std::string_view file) const { return (path_ / file).string(); }

 private:
  std::filesystem::path path_;
};

/** @return the event that follows @p head (the case's link) at @p seq, with @p bytes. */
inline LoggedEvent next_event(const Digest &head, std::uint64_t seq, std::string bytes) {
  LoggedEvent e;
  e.seq = seq;
  e.prev = head;
  e.bytes = std::move(bytes);
  e.link = chain_link(e.prev, e.seq, e.bytes);
  return e;
}

/** @return the event that follows the case of @p header, with @p bytes. */
inline LoggedEvent next_event(const CaseHeader &header, std::string bytes) {
  return next_event(header.head, header.events + 1, std::move(bytes));
}

/** A header of a case with id @p id and made-up fields. */
inline CaseHeader case_header(std::string id) {
  CaseHeader h;
  h.id = std::move(id);
  h.procedure_id = "wenze-2019";
  h.cadre_id = "c-0042";
  h.region = "360000";
  h.opened_on = *Date::from_ymd(2026, 3, 2);
  h.opened_by = "finding:R12:c-0042";
  return h;
}

/** The outcome of reading a case back through a store and verifying its chain. */
struct Verified {
  Status status;                           ///< of the read
  std::optional<std::uint64_t> first_bad;  ///< ChainVerifier's answer
  std::uint64_t events = 0;                ///< events read
};

/** Reads case @p id of @p store and verifies it against its header. */
inline Verified verify_case(CaseStore &store, std::string_view id) {
  Verified out;
  auto header = store.header(id);
  if (!header.ok()) {
    out.status = header.status();
    return out;
  }
  ChainVerifier chain;
  out.status = store.events(id, [&](const LoggedEvent &e) {
    chain.feed(e);
    return Status{};
  });
  out.events = chain.count();
  out.first_bad = chain.finish(header.value());
  return out;
}

}  // namespace cadre::testing

#endif  // CADRE_TESTS_SUPPORT_CASE_STORE_SUPPORT_HPP
