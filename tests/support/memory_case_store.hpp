// A CaseStore held in memory: what a host with its own database implements, in its simplest
// form (the same checks as the SQLite store, no file). For the fuzz target of the case
// operations and tests that need no file.
#ifndef CADRE_TESTS_SUPPORT_MEMORY_CASE_STORE_HPP
#define CADRE_TESTS_SUPPORT_MEMORY_CASE_STORE_HPP

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/case_log.hpp"
#include "cadre/status.hpp"

namespace cadre::testing {

/** A CaseStore in memory; atomically() keeps every write of a failed group out. */
class MemoryCaseStore final : public CaseStore {
 public:
  Status create_case(const CaseHeader &header) override {
    if (header.id.empty()) {
      return invalid_argument("cases[\"\"].id", "a case needs an id");
    }
    CaseHeader h = header;
    h.events = 0;
    h.head = Digest{};
    if (!cases_.emplace(h.id, Stored{h, {}}).second) {
      return {StatusCode::kAlreadyExists, "a case with this id is already in the store",
              "cases[\"" + h.id + "\"].id"};
    }
    return {};
  }

  Status append(std::string_view case_id, const Digest &expected_head,
                const LoggedEvent &event) override {
    auto it = cases_.find(std::string(case_id));
    const std::string at = "cases[\"" + std::string(case_id) + "\"]";
    if (it == cases_.end()) {
      return {StatusCode::kNotFound, "no case with this id in the store", at};
    }
    CaseHeader &h = it->second.header;
    if (h.head != expected_head) {
      return {StatusCode::kAborted, "the case's head has moved", at + ".head"};
    }
    if (event.seq != h.events + 1 || event.prev != h.head ||
        event.link != chain_link(event.prev, event.seq, event.bytes)) {
      return invalid_argument(at + ".events", "the event does not follow the case's head");
    }
    it->second.events.push_back(event);
    h.events = event.seq;
    h.head = event.link;
    return {};
  }

  StatusOr<CaseHeader> header(std::string_view case_id) override {
    auto it = cases_.find(std::string(case_id));
    if (it == cases_.end()) {
      return Status(StatusCode::kNotFound, "no case with this id in the store",
                    "cases[\"" + std::string(case_id) + "\"]");
    }
    return it->second.header;
  }

  Status events(std::string_view case_id,
                const std::function<Status(const LoggedEvent &)> &visit) override {
    auto it = cases_.find(std::string(case_id));
    if (it == cases_.end()) {
      return {StatusCode::kNotFound, "no case with this id in the store",
              "cases[\"" + std::string(case_id) + "\"]"};
    }
    for (const LoggedEvent &e : it->second.events) {
      if (Status st = visit(e); !st.ok()) {
        return st;
      }
    }
    return {};
  }

  Status cases(const std::function<Status(const CaseHeader &)> &visit) override {
    for (const auto &[id, stored] : cases_) {
      if (Status st = visit(stored.header); !st.ok()) {
        return st;
      }
    }
    return {};
  }

  Status atomically(const std::function<Status()> &work) override {
    auto saved = cases_;
    Status st = work();
    if (!st.ok()) {
      cases_ = std::move(saved);
    }
    return st;
  }

 private:
  struct Stored {
    CaseHeader header;
    std::vector<LoggedEvent> events;
  };
  std::map<std::string, Stored, std::less<>> cases_;
};

}  // namespace cadre::testing

#endif  // CADRE_TESTS_SUPPORT_MEMORY_CASE_STORE_HPP
