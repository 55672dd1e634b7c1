// The case store on SQLite (issue 10 §4): append and read, the optimistic check, refused
// links, migrations, foreign files, tampering by hand, export and import.
#include "cadre/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "codec/case_stream.hpp"
#include "codec/stream.hpp"
#include "store/sqlite_schema.hpp"
#include "support/case_store_support.hpp"

namespace cadre {
namespace {

namespace pb = cadre::v1;
using testing::case_header;
using testing::next_event;
using testing::ScratchDir;
using testing::verify_case;

std::unique_ptr<CaseStore> open_store(const std::string &path, SqliteStoreOptions options = {}) {
  options.durability = SqliteStoreOptions::Durability::kProcess;
  auto store = open_sqlite_store(path, options);
  EXPECT_TRUE(store.ok()) << store.status().to_string();
  return store.ok() ? std::move(store).value() : nullptr;
}

// Appends @p n events to case @p id; @return the events appended.
std::vector<LoggedEvent> append_n(CaseStore &store, const std::string &id, int n) {
  std::vector<LoggedEvent> out;
  for (int i = 0; i < n; ++i) {
    auto h = store.header(id);
    EXPECT_TRUE(h.ok());
    const LoggedEvent e = next_event(h.value(), id + " event " + std::to_string(i));
    const Status st = store.append(id, h.value().head, e);
    EXPECT_TRUE(st.ok()) << st.to_string();
    out.push_back(e);
  }
  return out;
}

std::vector<LoggedEvent> read_all(CaseStore &store, const std::string &id) {
  std::vector<LoggedEvent> out;
  const Status st = store.events(id, [&](const LoggedEvent &e) {
    out.push_back(e);
    return Status{};
  });
  EXPECT_TRUE(st.ok()) << st.to_string();
  return out;
}

// A raw connection to the file, as a tamperer (or a test) would open it.
class Raw {
 public:
  explicit Raw(const std::string &path) { EXPECT_EQ(sqlite3_open(path.c_str(), &db_), SQLITE_OK); }
  Raw(const Raw &) = delete;
  Raw &operator=(const Raw &) = delete;
  ~Raw() { sqlite3_close(db_); }
  int exec(const std::string &sql) {
    char *error = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    if (error != nullptr) {
      last_error_ = error;
      sqlite3_free(error);
    }
    return rc;
  }
  std::string text(const std::string &sql) {
    sqlite3_stmt *stmt = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      const auto *t = sqlite3_column_text(stmt, 0);
      out = t == nullptr ? "" : reinterpret_cast<const char *>(t);
    }
    sqlite3_finalize(stmt);
    return out;
  }
  [[nodiscard]] sqlite3 *get() const { return db_; }
  [[nodiscard]] const std::string &last_error() const { return last_error_; }

 private:
  sqlite3 *db_ = nullptr;
  std::string last_error_;
};

TEST(SqliteStore, CreatesAppendsAndReadsBack) {
  ScratchDir dir("store-basic");
  const std::string path = dir.file("cases.db");
  std::vector<LoggedEvent> written;
  {
    auto store = open_store(path);
    ASSERT_TRUE(store);
    for (const char *id : {"c-2", "c-1", "c-3"}) {
      ASSERT_TRUE(store->create_case(case_header(id)).ok());
    }
    auto h = store->header("c-1");
    ASSERT_TRUE(h.ok());
    EXPECT_EQ(h.value().events, 0U);
    EXPECT_EQ(h.value().head, Digest{});
    EXPECT_EQ(h.value().procedure_id, "wenze-2019");
    EXPECT_EQ(h.value().opened_on, *Date::from_ymd(2026, 3, 2));
    written = append_n(*store, "c-1", 5);
  }
  auto store = open_store(path);  // everything is there after reopening
  ASSERT_TRUE(store);
  auto h = store->header("c-1");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h.value().events, 5U);
  EXPECT_EQ(h.value().head, written.back().link);
  EXPECT_EQ(read_all(*store, "c-1"), written);
  EXPECT_TRUE(read_all(*store, "c-2").empty());
  const auto v = verify_case(*store, "c-1");
  EXPECT_TRUE(v.status.ok());
  EXPECT_FALSE(v.first_bad);
  std::vector<std::string> ids;
  ASSERT_TRUE(store
                  ->cases([&](const CaseHeader &c) {
                    ids.push_back(c.id);
                    return Status{};
                  })
                  .ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"c-1", "c-2", "c-3"}));
  EXPECT_EQ(sqlite_store_schema_version(), store::latest_schema_version());
}

TEST(SqliteStore, AVisitorStopsTheWalkWithItsStatus) {
  ScratchDir dir("store-visitor");
  auto store = open_store(dir.file("cases.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->create_case(case_header("c-1")).ok());
  append_n(*store, "c-1", 4);
  int seen = 0;
  const Status st = store->events("c-1", [&](const LoggedEvent &) {
    return ++seen == 2 ? Status{StatusCode::kCancelled, "enough"} : Status{};
  });
  EXPECT_EQ(st.code(), StatusCode::kCancelled);
  EXPECT_EQ(seen, 2);
  // The statement is handed back: the next walk starts from the first event again.
  EXPECT_EQ(read_all(*store, "c-1").size(), 4U);
  // A visitor may read the store again (a nested walk gets a statement of its own).
  int nested = 0;
  ASSERT_TRUE(store
                  ->events("c-1",
                           [&](const LoggedEvent &) {
                             nested += static_cast<int>(read_all(*store, "c-1").size());
                             return Status{};
                           })
                  .ok());
  EXPECT_EQ(nested, 16);
}

// The one-query walk of the whole store gives what cases() and events() give case by case: the
// cases by id, each with its events in order, a case without events included; inside a
// snapshot() as outside.
TEST(SqliteStore, AWalkReadsWhatTheCasesAndTheirEventsRead) {
  ScratchDir dir("store-walk");
  auto store = open_store(dir.file("cases.db"));
  ASSERT_TRUE(store);
  for (const char *id : {"c-2", "c-1", "c-3"}) {
    ASSERT_TRUE(store->create_case(case_header(id)).ok());
  }
  append_n(*store, "c-1", 3);
  append_n(*store, "c-3", 2);  // c-2 has none
  std::vector<std::string> expected;
  ASSERT_TRUE(store
                  ->cases([&](const CaseHeader &h) {
                    expected.push_back("case " + h.id + " " + std::to_string(h.events));
                    for (const LoggedEvent &e : read_all(*store, h.id)) {
                      expected.push_back(std::to_string(e.seq) + " " + e.bytes);
                    }
                    return Status{};
                  })
                  .ok());
  ASSERT_EQ(expected.size(), 8U);
  for (bool in_snapshot : {false, true}) {
    std::vector<std::string> walked;
    const auto walk = [&] {
      return store->walk(
          [&](const CaseHeader &h) {
            walked.push_back("case " + h.id + " " + std::to_string(h.events));
            return Status{};
          },
          [&](const LoggedEvent &e) {
            walked.push_back(std::to_string(e.seq) + " " + e.bytes);
            return Status{};
          });
    };
    ASSERT_TRUE((in_snapshot ? store->snapshot(walk) : walk()).ok());
    EXPECT_EQ(walked, expected) << in_snapshot;
  }
  // A visitor stops the walk with its status.
  int events = 0;
  const Status st =
      store->walk([](const CaseHeader &) { return Status{}; },
                  [&](const LoggedEvent &) {
                    return ++events == 2 ? Status{StatusCode::kCancelled, "enough"} : Status{};
                  });
  EXPECT_EQ(st.code(), StatusCode::kCancelled);
}

TEST(SqliteStore, RefusesAnIdTakenOrEmpty) {
  ScratchDir dir("store-ids");
  auto store = open_store(dir.file("cases.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->create_case(case_header("c-1")).ok());
  const Status again = store->create_case(case_header("c-1"));
  EXPECT_EQ(again.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(again.field(), "cases[\"c-1\"].id");
  EXPECT_EQ(store->create_case(case_header("")).code(), StatusCode::kInvalidArgument);
}

TEST(SqliteStore, AnUnknownCaseIsNotFound) {
  ScratchDir dir("store-unknown");
  auto store = open_store(dir.file("cases.db"));
  ASSERT_TRUE(store);
  EXPECT_EQ(store->header("nope").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->header("nope").status().field(), "cases[\"nope\"]");
  EXPECT_EQ(store->events("nope", [](const LoggedEvent &) { return Status{}; }).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(store->append("nope", Digest{}, next_event(Digest{}, 1, "x")).code(),
            StatusCode::kNotFound);
}

TEST(SqliteStore, AMovedHeadIsAbortedAndChangesNothing) {
  ScratchDir dir("store-conflict");
  const std::string path = dir.file("cases.db");
  auto a = open_store(path);
  auto b = open_store(path);
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(a->create_case(case_header("c-1")).ok());
  append_n(*a, "c-1", 2);
  const CaseHeader seen_by_a = a->header("c-1").value();
  // b appends first ...
  const CaseHeader seen_by_b = b->header("c-1").value();
  ASSERT_TRUE(b->append("c-1", seen_by_b.head, next_event(seen_by_b, "b's event")).ok());
  // ... so a's append, made against the head it saw, is refused.
  const Status st = a->append("c-1", seen_by_a.head, next_event(seen_by_a, "a's event"));
  EXPECT_EQ(st.code(), StatusCode::kAborted) << st.to_string();
  EXPECT_EQ(st.field(), "cases[\"c-1\"].head");
  const CaseHeader now = a->header("c-1").value();
  EXPECT_EQ(now.events, 3U);
  EXPECT_EQ(read_all(*a, "c-1").back().bytes, "b's event");
  // a reads the head again and retries.
  ASSERT_TRUE(a->append("c-1", now.head, next_event(now, "a's event")).ok());
  const auto v = verify_case(*b, "c-1");
  EXPECT_EQ(v.events, 4U);
  EXPECT_FALSE(v.first_bad);
}

TEST(SqliteStore, AnEventThatDoesNotFollowIsRefused) {
  ScratchDir dir("store-badlink");
  auto store = open_store(dir.file("cases.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->create_case(case_header("c-1")).ok());
  append_n(*store, "c-1", 2);
  const CaseHeader h = store->header("c-1").value();
  const std::string secret = "contents never in messages";

  LoggedEvent bad_link = next_event(h, secret);
  bad_link.link[0] ^= 1U;
  LoggedEvent bad_seq = next_event(h.head, h.events + 2, secret);
  LoggedEvent bad_prev = next_event(Digest{}, h.events + 1, secret);
  for (const auto &[event, field] :
       {std::pair{bad_link, std::string("cases[\"c-1\"].events[2].link")},
        std::pair{bad_seq, std::string("cases[\"c-1\"].events[3].seq")},
        std::pair{bad_prev, std::string("cases[\"c-1\"].events[2].prev")}}) {
    const Status st = store->append("c-1", h.head, event);
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.to_string();
    EXPECT_EQ(st.field(), field);
    EXPECT_EQ(st.to_string().find(secret), std::string::npos);
  }
  EXPECT_EQ(store->append("c-1", h.head, next_event(h.head, 0, "x")).code(),
            StatusCode::kInvalidArgument);
  const CaseHeader after = store->header("c-1").value();
  EXPECT_EQ(after, h);
  EXPECT_EQ(read_all(*store, "c-1").size(), 2U);
}

TEST(SqliteStore, AGroupThatFailsLeavesNothing) {
  ScratchDir dir("store-atomically");
  auto store = open_store(dir.file("cases.db"));
  ASSERT_TRUE(store);
  const Status st = store->atomically([&] {
    EXPECT_TRUE(store->create_case(case_header("c-1")).ok());
    append_n(*store, "c-1", 3);
    // A nested group that fails is undone alone.
    EXPECT_FALSE(store
                     ->atomically([&] {
                       EXPECT_TRUE(store->create_case(case_header("c-2")).ok());
                       return Status{StatusCode::kCancelled, "undo c-2"};
                     })
                     .ok());
    EXPECT_EQ(store->header("c-2").status().code(), StatusCode::kNotFound);
    EXPECT_EQ(store->header("c-1").value().events, 3U);
    return Status{StatusCode::kCancelled, "undo all"};
  });
  EXPECT_EQ(st.code(), StatusCode::kCancelled);
  EXPECT_EQ(store->header("c-1").status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(store->atomically([&] { return store->create_case(case_header("c-3")); }).ok());
  EXPECT_TRUE(store->header("c-3").ok());
}

// ---------------------------------------------------------------------------
// Tampering with the file by hand: the chain finds the first bad event.

class Tampering : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = open_store(path_);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->create_case(case_header("c-1")).ok());
    ASSERT_TRUE(store->create_case(case_header("c-2")).ok());
    append_n(*store, "c-1", 6);
    append_n(*store, "c-2", 3);
  }

  // Runs @p sql on the file with the append-only triggers dropped, as a tamperer can.
  void tamper(const std::string &sql) {
    Raw raw(path_);
    ASSERT_EQ(raw.exec("DROP TRIGGER events_append_only_update; "
                       "DROP TRIGGER events_append_only_delete;"),
              SQLITE_OK)
        << raw.last_error();
    ASSERT_EQ(raw.exec(sql), SQLITE_OK) << raw.last_error();
  }

  std::optional<std::uint64_t> first_bad(const std::string &id = "c-1") {
    auto store = open_store(path_);
    EXPECT_TRUE(store);
    const auto v = verify_case(*store, id);
    EXPECT_TRUE(v.status.ok()) << v.status.to_string();
    return v.first_bad;
  }

  ScratchDir dir_{"store-tamper"};
  std::string path_ = dir_.file("cases.db");
};

TEST_F(Tampering, TheTriggersStopAnUpdateOrDeleteOfAnEvent) {
  Raw raw(path_);
  EXPECT_NE(raw.exec("UPDATE events SET bytes = x'00' WHERE seq = 3"), SQLITE_OK);
  EXPECT_NE(raw.last_error().find("append-only"), std::string::npos);
  EXPECT_NE(raw.exec("DELETE FROM events WHERE seq = 3"), SQLITE_OK);
  EXPECT_NE(raw.exec("UPDATE cases SET cadre_id = 'x'"), SQLITE_OK);
  EXPECT_NE(raw.exec("DELETE FROM cases"), SQLITE_OK);
}

TEST_F(Tampering, AnAlteredEventIsFound) {
  EXPECT_FALSE(first_bad());
  tamper(
      "UPDATE events SET bytes = CAST('c-1 event 3, altered' AS BLOB) WHERE seq = 4 AND "
      "case_no = (SELECT case_no FROM cases WHERE id = 'c-1')");
  EXPECT_EQ(first_bad(), 3U);
  EXPECT_FALSE(first_bad("c-2"));
}

TEST_F(Tampering, ADeletedEventIsFound) {
  tamper(
      "DELETE FROM events WHERE seq = 2 AND case_no = (SELECT case_no FROM cases WHERE id = "
      "'c-1')");
  EXPECT_EQ(first_bad(), 1U);
}

TEST_F(Tampering, ADeletedLastEventIsFound) {
  tamper(
      "DELETE FROM events WHERE seq = 6 AND case_no = (SELECT case_no FROM cases WHERE id = "
      "'c-1')");
  EXPECT_EQ(first_bad(), 5U);
}

TEST_F(Tampering, TwoSwappedEventsAreFound) {
  // The rows of events 3 and 5 trade places (their seq).
  tamper(
      "UPDATE events SET seq = seq + 100 WHERE seq IN (3, 5) AND case_no = 1;"
      "UPDATE events SET seq = 108 - seq WHERE seq IN (103, 105) AND case_no = 1;");
  EXPECT_EQ(first_bad(), 2U);
}

TEST_F(Tampering, TwoSwappedBytesAreFound) {
  tamper(
      "CREATE TEMP TABLE t AS SELECT seq, bytes FROM events WHERE case_no = 1 AND seq IN (2, 4);"
      "UPDATE events SET bytes = (SELECT bytes FROM t WHERE t.seq = 6 - events.seq) "
      "WHERE case_no = 1 AND seq IN (2, 4);");
  EXPECT_EQ(first_bad(), 1U);
}

TEST_F(Tampering, AHeadMovedBackIsFound) {
  Raw raw(path_);
  ASSERT_EQ(raw.exec("UPDATE cases SET events = 4 WHERE id = 'c-1'"), SQLITE_OK);
  EXPECT_EQ(first_bad(), 4U);
}

// ---------------------------------------------------------------------------
// Versions and files that are not ours.

TEST(SqliteStoreSchema, AVersion1FileIsMigrated) {
  ScratchDir dir("store-v1");
  const std::string path = dir.file("v1.db");
  const LoggedEvent e1 = next_event(Digest{}, 1, "first");
  const LoggedEvent e2 = next_event(e1.link, 2, "second");
  {
    Raw raw(path);
    ASSERT_EQ(raw.exec("BEGIN"), SQLITE_OK);
    ASSERT_TRUE(store::migrate(raw.get(), 0, 1).ok());
    ASSERT_EQ(raw.exec("COMMIT"), SQLITE_OK);
    EXPECT_EQ(raw.text("PRAGMA user_version"), "1");
    EXPECT_EQ(raw.text("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), "0");
    // A case of two events, written as version 1 of the library would have.
    ASSERT_EQ(raw.exec("INSERT INTO cases (id, procedure_id, cadre_id, region, opened_on, "
                       "opened_by, events, head) VALUES ('c-1', 'wenze-2019', 'c-0042', "
                       "'360000', '2026-03-02', 'finding:R12:c-0042', 2, x'" +
                       to_hex(e2.link) + "')"),
              SQLITE_OK)
        << raw.last_error();
    for (const auto &e : {e1, e2}) {
      ASSERT_EQ(raw.exec("INSERT INTO events VALUES (1, " + std::to_string(e.seq) + ", x'" +
                         to_hex(e.prev) + "', x'" + to_hex(e.link) + "', CAST('" + e.bytes +
                         "' AS BLOB))"),
                SQLITE_OK)
          << raw.last_error();
    }
  }
  {
    auto store = open_store(path);
    ASSERT_TRUE(store);
    const auto v = verify_case(*store, "c-1");
    EXPECT_EQ(v.events, 2U);
    EXPECT_FALSE(v.first_bad);
    EXPECT_EQ(store->header("c-1").value(), [&] {
      CaseHeader h = case_header("c-1");
      h.events = 2;
      h.head = e2.link;
      return h;
    }());
  }
  Raw raw(path);
  EXPECT_EQ(raw.text("PRAGMA user_version"), std::to_string(store::latest_schema_version()));
  EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
  EXPECT_NE(raw.exec("DELETE FROM events"), SQLITE_OK);  // version 2's triggers
}

TEST(SqliteStoreSchema, AFileOfANewerVersionIsRefused) {
  ScratchDir dir("store-future");
  const std::string path = dir.file("future.db");
  {
    auto store = open_store(path);
    ASSERT_TRUE(store);
  }
  {
    Raw raw(path);
    ASSERT_EQ(raw.exec("PRAGMA user_version = 99"), SQLITE_OK);
  }
  auto store = open_sqlite_store(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("version 99"), std::string::npos)
      << store.status().to_string();
  Raw raw(path);
  EXPECT_EQ(raw.text("PRAGMA user_version"), "99");
}

TEST(SqliteStoreSchema, AFileThatIsNotAStoreIsRefusedAndLeftAlone) {
  ScratchDir dir("store-foreign");
  const std::string other = dir.file("other.db");
  {
    Raw raw(other);
    ASSERT_EQ(raw.exec("CREATE TABLE notes (text TEXT)"), SQLITE_OK);
  }
  auto store = open_sqlite_store(other);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("not a cadre case store"), std::string::npos);
  {
    Raw raw(other);
    EXPECT_EQ(raw.text("PRAGMA journal_mode"), "delete");
    EXPECT_EQ(raw.text("PRAGMA application_id"), "0");
  }

  const std::string text = dir.file("text.db");
  const std::string content(4096, 'x');
  std::ofstream(text) << content;
  store = open_sqlite_store(text);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("not an SQLite database"), std::string::npos)
      << store.status().to_string();
  std::stringstream back;
  back << std::ifstream(text).rdbuf();
  EXPECT_EQ(back.str(), content);

  SqliteStoreOptions no_create;
  no_create.create = false;
  store = open_sqlite_store(dir.file("missing.db"), no_create);
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing.db")));
}

// ---------------------------------------------------------------------------
// Export and import in the stream form.

std::string export_all(CaseStore &store) {
  pb::RosterHeader header;
  header.set_jurisdiction("360000");
  std::string out;
  const Status st = codec::export_cases(store, header, out);
  EXPECT_TRUE(st.ok()) << st.to_string();
  return out;
}

TEST(CaseStream, ExportImportExportGivesTheSameBytes) {
  ScratchDir dir("store-roundtrip");
  auto first = open_store(dir.file("first.db"));
  ASSERT_TRUE(first);
  for (const char *id : {"c-9", "c-1", "c-5"}) {
    ASSERT_TRUE(first->create_case(case_header(id)).ok());
  }
  append_n(*first, "c-1", 7);
  append_n(*first, "c-9", 2);
  const std::string exported = export_all(*first);

  auto second = open_store(dir.file("second.db"));
  ASSERT_TRUE(second);
  codec::StreamReader reader(exported);
  codec::ImportCounts counts;
  const Status st = codec::import_cases(reader, *second, &counts);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_EQ(counts.cases, 3U);
  EXPECT_EQ(counts.events, 9U);
  EXPECT_EQ(export_all(*second), exported);
  EXPECT_EQ(read_all(*second, "c-1"), read_all(*first, "c-1"));

  // The stream reads as a roster stream's framing, and a roster reader refuses its cases.
  codec::StreamReader as_roster(exported);
  pb::RosterRecord record;
  EXPECT_TRUE(as_roster.next(record));  // the header
  EXPECT_TRUE(as_roster.next(record));
  EXPECT_EQ(record.record_case(), pb::RosterRecord::RECORD_NOT_SET);

  // Importing again is refused whole: the ids are taken.
  codec::StreamReader again(exported);
  EXPECT_EQ(codec::import_cases(again, *second, &counts).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(counts.cases, 0U);
}

// A stream of one case "c-1" of @p declared events, whose events are @p events.
std::string stream_of(std::uint64_t declared, const Digest &head,
                      const std::vector<LoggedEvent> &events, bool second_case = true) {
  std::string out;
  codec::StreamWriter w(out);
  pb::RosterHeader header;
  header.set_schema("cadre.v1");
  EXPECT_TRUE(w.write_header(header).ok());
  if (second_case) {  // a good case first: it must not stay behind either
    pb::StoredCase ok;
    ok.set_id("c-0");
    ok.set_opened_on("2026-01-05");
    ok.set_head(std::string(32, '\0'));
    EXPECT_TRUE(w.write_stored_case(ok).ok());
  }
  pb::StoredCase c;
  c.set_id("c-1");
  c.set_opened_on("2026-03-02");
  c.set_events(declared);
  c.set_head(std::string(reinterpret_cast<const char *>(head.data()), head.size()));
  EXPECT_TRUE(w.write_stored_case(c).ok());
  for (const auto &e : events) {
    pb::StoredEvent se;
    se.set_seq(e.seq);
    se.set_prev(std::string(reinterpret_cast<const char *>(e.prev.data()), e.prev.size()));
    se.set_link(std::string(reinterpret_cast<const char *>(e.link.data()), e.link.size()));
    se.set_canonical(e.bytes);
    EXPECT_TRUE(w.write_stored_event(se).ok());
  }
  return out;
}

std::vector<LoggedEvent> chain_of(int n) {
  std::vector<LoggedEvent> out;
  Digest head{};
  for (int i = 1; i <= n; ++i) {
    out.push_back(next_event(head, static_cast<std::uint64_t>(i), "e" + std::to_string(i)));
    head = out.back().link;
  }
  return out;
}

TEST(CaseStream, ImportRefusesABrokenChainWholeNamingTheCaseAndEvent) {
  ScratchDir dir("store-import");
  auto store = open_store(dir.file("cases.db"));
  ASSERT_TRUE(store);
  const auto good = chain_of(4);
  const Digest head = good.back().link;

  const auto refused = [&](const std::string &stream) {
    codec::StreamReader reader(stream);
    const Status st = codec::import_cases(reader, *store);
    EXPECT_EQ(store->header("c-0").status().code(), StatusCode::kNotFound);
    EXPECT_EQ(store->header("c-1").status().code(), StatusCode::kNotFound);
    return st;
  };

  auto altered = good;
  altered[2].bytes = "altered";
  Status st = refused(stream_of(4, head, altered));
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.field(), "cases[\"c-1\"].events[2]");
  EXPECT_NE(st.message().find("records[5]"), std::string::npos) << st.to_string();

  auto removed = good;
  removed.erase(removed.begin() + 1);
  st = refused(stream_of(4, head, removed));
  EXPECT_EQ(st.field(), "cases[\"c-1\"].events[1]") << st.to_string();

  auto swapped = good;
  std::swap(swapped[0], swapped[3]);
  st = refused(stream_of(4, head, swapped));
  EXPECT_EQ(st.field(), "cases[\"c-1\"].events[0]") << st.to_string();

  st = refused(stream_of(4, head, {good.begin(), good.begin() + 3}));  // the last one missing
  EXPECT_EQ(st.field(), "cases[\"c-1\"].events[3]") << st.to_string();

  st = refused(stream_of(3, head, good));  // one more than declared
  EXPECT_EQ(st.field(), "cases[\"c-1\"].events[3]") << st.to_string();

  std::string truncated = stream_of(4, head, good);
  truncated.pop_back();
  st = refused(truncated);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("truncated"), std::string::npos) << st.to_string();

  // And the good stream imports.
  const std::string intact = stream_of(4, head, good);
  codec::StreamReader reader(intact);
  st = codec::import_cases(reader, *store);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_FALSE(verify_case(*store, "c-1").first_bad);
  EXPECT_EQ(store->header("c-1").value().events, 4U);
}

TEST(CaseStream, ImportRefusesARosterStream) {
  ScratchDir dir("store-roster");
  auto store = open_store(dir.file("cases.db"));
  ASSERT_TRUE(store);
  std::string roster;
  codec::StreamWriter w(roster);
  ASSERT_TRUE(w.write_header(pb::RosterHeader()).ok());
  pb::Cadre cadre;
  cadre.set_id("c-0042");
  ASSERT_TRUE(w.write_cadre(cadre).ok());
  codec::StreamReader reader(roster);
  const Status st = codec::import_cases(reader, *store);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.field(), "records[1]");
}

}  // namespace
}  // namespace cadre
