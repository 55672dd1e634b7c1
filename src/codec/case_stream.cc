// Export and import of a case store in the stream form (codec/case_stream.hpp).
#include "codec/case_stream.hpp"

#include <cstring>
#include <optional>
#include <string_view>
#include <utility>

namespace cadre::codec {
namespace pb = ::cadre::v1;

namespace {

std::string case_path(std::string_view id) { return "cases[\"" + std::string(id) + "\"]"; }

std::string digest_bytes(const Digest &digest) {
  return {reinterpret_cast<const char *>(digest.data()), digest.size()};
}

bool read_digest(const std::string &bytes, Digest &out) {
  if (bytes.size() != out.size()) {
    return false;
  }
  std::memcpy(out.data(), bytes.data(), out.size());
  return true;
}

// The case being read: what it declares, and its chain so far.
struct Pending {
  CaseHeader header;
  std::uint64_t record = 0;  // index of its StoredCase record
  ChainVerifier chain;
};

Status case_from(const pb::StoredCase &in, const std::string &at, CaseHeader &out) {
  if (in.id().empty()) {
    return invalid_argument(at, "a case without an id");
  }
  const std::string path = case_path(in.id());
  const auto opened_on = Date::parse(in.opened_on());
  if (!opened_on) {
    return invalid_argument(path + ".opened_on", at + ": not a date YYYY-MM-DD");
  }
  out.id = in.id();
  out.procedure_id = in.procedure_id();
  out.cadre_id = in.cadre_id();
  out.region = in.region();
  out.opened_on = *opened_on;
  out.opened_by = in.opened_by();
  out.events = in.events();
  if (!read_digest(in.head(), out.head)) {
    return invalid_argument(path + ".head", at + ": the head is not 32 bytes");
  }
  return {};
}

// The end of case @p pending: its chain against the count and head it declared.
Status close_case(const Pending &pending) {
  const auto bad = pending.chain.finish(pending.header);
  if (!bad) {
    return {};
  }
  return invalid_argument(
      case_path(pending.header.id) + ".events[" + std::to_string(*bad) + "]",
      record_path(pending.record) + ": the case declares " + std::to_string(pending.header.events) +
          " events and its head; the stream gives " + std::to_string(pending.chain.count()) +
          " events whose chain ends elsewhere");
}

}  // namespace

Status export_cases(CaseStore &store, const pb::RosterHeader &header, StreamWriter &out) {
  pb::RosterHeader first = header;
  if (first.schema().empty()) {
    first.set_schema("cadre.v1");
  }
  if (auto st = out.write_header(first); !st.ok()) {
    return st;
  }
  pb::StoredCase stored_case;
  pb::StoredEvent stored_event;
  return store.cases([&](const CaseHeader &c) -> Status {
    stored_case.set_id(c.id);
    stored_case.set_procedure_id(c.procedure_id);
    stored_case.set_cadre_id(c.cadre_id);
    stored_case.set_region(c.region);
    stored_case.set_opened_on(c.opened_on.to_string());
    stored_case.set_opened_by(c.opened_by);
    stored_case.set_events(c.events);
    stored_case.set_head(digest_bytes(c.head));
    if (auto st = out.write_stored_case(stored_case); !st.ok()) {
      return st;
    }
    std::uint64_t written = 0;
    bool enough = false;
    Status st = store.events(c.id, [&](const LoggedEvent &e) -> Status {
      if (written == c.events) {
        enough = true;
        return {StatusCode::kCancelled, "the case's count is reached"};
      }
      ++written;
      stored_event.set_seq(e.seq);
      stored_event.set_prev(digest_bytes(e.prev));
      stored_event.set_link(digest_bytes(e.link));
      stored_event.set_canonical(e.bytes);
      return out.write_stored_event(stored_event);
    });
    if (!st.ok() && !enough) {
      return st;
    }
    if (written != c.events) {
      return {StatusCode::kDataLoss,
              "the store gives " + std::to_string(written) + " events for a case of " +
                  std::to_string(c.events),
              case_path(c.id) + ".events[" + std::to_string(written) + "]"};
    }
    return {};
  });
}

Status export_cases(CaseStore &store, const pb::RosterHeader &header, std::string &out) {
  StreamWriter writer(out);
  return export_cases(store, header, writer);
}

Status import_cases(StreamReader &in, CaseStore &store, ImportCounts *counts) {
  ImportCounts added;
  Status st = store.atomically([&]() -> Status {
    pb::CaseStoreRecord record;
    std::optional<Pending> pending;
    LoggedEvent event;
    while (in.next(record)) {
      const std::uint64_t index = in.records() - 1;
      const std::string at = record_path(index);
      switch (record.record_case()) {
        case pb::CaseStoreRecord::kHeader:
          break;  // the reader lets only the first record be one
        case pb::CaseStoreRecord::kStoredCase: {
          if (pending) {
            if (auto closed = close_case(*pending); !closed.ok()) {
              return closed;
            }
          }
          pending.emplace();
          pending->record = index;
          if (auto decoded = case_from(record.stored_case(), at, pending->header); !decoded.ok()) {
            return decoded;
          }
          if (auto created = store.create_case(pending->header); !created.ok()) {
            return created;
          }
          ++added.cases;
          break;
        }
        case pb::CaseStoreRecord::kStoredEvent: {
          if (!pending) {
            return invalid_argument(at, "an event before any case");
          }
          const pb::StoredEvent &in_event = record.stored_event();
          const std::uint64_t n = pending->chain.count();
          const std::string path =
              case_path(pending->header.id) + ".events[" + std::to_string(n) + "]";
          if (n >= pending->header.events) {
            return invalid_argument(path, at + ": more events than the " +
                                              std::to_string(pending->header.events) +
                                              " the case declares");
          }
          event.seq = in_event.seq();
          if (!read_digest(in_event.prev(), event.prev) ||
              !read_digest(in_event.link(), event.link)) {
            return invalid_argument(path, at + ": prev or link is not 32 bytes");
          }
          event.bytes = in_event.canonical();
          const Digest head = pending->chain.head();
          if (!pending->chain.feed(event)) {
            return invalid_argument(path, at +
                                              ": the chain breaks at this event (altered, removed, "
                                              "reordered or inserted)");
          }
          if (auto appended = store.append(pending->header.id, head, event); !appended.ok()) {
            return appended;
          }
          ++added.events;
          break;
        }
        case pb::CaseStoreRecord::RECORD_NOT_SET:
          return invalid_argument(at,
                                  "a record of no kind a case store's stream has (empty, a "
                                  "roster's, or from a newer schema)");
      }
    }
    if (!in.status().ok()) {
      return in.status();
    }
    return pending ? close_case(*pending) : Status{};
  });
  if (counts != nullptr) {
    *counts = st.ok() ? added : ImportCounts{};
  }
  return st;
}

}  // namespace cadre::codec
