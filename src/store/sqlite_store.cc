// The CaseStore on SQLite (issue 10 §4; docs/case-store.md): WAL, foreign keys, one transaction
// per append with the head checked inside it, prepared statements cached, events streamed.
#include "cadre/sqlite_store.hpp"

#include <sqlite3.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <limits>
#include <string_view>
#include <system_error>
#include <utility>

#include "store/sqlite_schema.hpp"

namespace cadre {
inline namespace api_v1 {

namespace {

// STRICT tables came with SQLite 3.37.0.
constexpr int kMinimumSqlite = 3037000;
// Largest event accepted: well under the stream form's record limit, so every case exports.
constexpr std::size_t kMaxEventBytes = std::size_t{16} << 20U;

struct DbClose {
  void operator()(sqlite3 *db) const noexcept { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbClose>;

struct StmtFinalize {
  void operator()(sqlite3_stmt *stmt) const noexcept { sqlite3_finalize(stmt); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalize>;

// The statements of the store, prepared once and kept.
enum class Q : std::size_t {
  kBegin,
  kCommit,
  kRollback,
  kSavepoint,
  kRelease,
  kRollbackTo,
  kHead,
  kInsertEvent,
  kUpdateHead,
  kInsertCase,
  kHeader,
  kEvents,
  kCases,
  kBeginRead,
  kWalk,
  kCount,
};

constexpr std::array<std::string_view, static_cast<std::size_t>(Q::kCount)> kSql{
    "BEGIN IMMEDIATE",
    "COMMIT",
    "ROLLBACK",
    "SAVEPOINT cadre_write",
    "RELEASE cadre_write",
    "ROLLBACK TO cadre_write",
    "SELECT case_no, events, head FROM cases WHERE id = ?1",
    "INSERT INTO events (case_no, seq, prev, link, bytes) VALUES (?1, ?2, ?3, ?4, ?5)",
    "UPDATE cases SET events = ?2, head = ?3 WHERE case_no = ?1",
    "INSERT INTO cases (id, procedure_id, cadre_id, region, opened_on, opened_by, events, head) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, zeroblob(32))",
    "SELECT id, procedure_id, cadre_id, region, opened_on, opened_by, events, head FROM cases "
    "WHERE id = ?1",
    "SELECT seq, prev, link, bytes FROM events WHERE case_no = ?1 ORDER BY seq",
    "SELECT id, procedure_id, cadre_id, region, opened_on, opened_by, events, head FROM cases "
    "ORDER BY id",
    "BEGIN DEFERRED",
    "SELECT c.id, c.procedure_id, c.cadre_id, c.region, c.opened_on, c.opened_by, c.events, "
    "c.head, e.seq, e.prev, e.link, e.bytes FROM cases c LEFT JOIN events e "
    "ON e.case_no = c.case_no ORDER BY c.id, e.seq",
};

std::string case_path(std::string_view id) { return "cases[\"" + std::string(id) + "\"]"; }

std::string event_path(std::string_view id, std::uint64_t seq) {
  return case_path(id) + ".events[" + std::to_string(seq == 0 ? 0 : seq - 1) + "]";
}

StatusCode code_of(int rc) noexcept {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PROTOCOL:
      return StatusCode::kUnavailable;
    case SQLITE_CORRUPT:
      return StatusCode::kDataLoss;
    case SQLITE_NOTADB:
      return StatusCode::kFailedPrecondition;
    case SQLITE_FULL:
    case SQLITE_NOMEM:
    case SQLITE_TOOBIG:
      return StatusCode::kResourceExhausted;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return StatusCode::kPermissionDenied;
    case SQLITE_CONSTRAINT:
      return StatusCode::kFailedPrecondition;
    default:
      return StatusCode::kInternal;
  }
}

// A status for an SQLite failure: what the store was doing, and SQLite's message (which names
// tables, columns and constraints, never values).
Status failure(sqlite3 *db, int rc, std::string_view doing, std::string field) {
  std::string message = "the case store could not " + std::string(doing) + ": ";
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return {code_of(rc), std::move(message), std::move(field)};
}

std::string_view text_column(sqlite3_stmt *stmt, int column) {
  const auto *text = sqlite3_column_text(stmt, column);
  const int size = sqlite3_column_bytes(stmt, column);
  if (text == nullptr || size <= 0) {
    return {};
  }
  return {reinterpret_cast<const char *>(text), static_cast<std::size_t>(size)};
}

std::string_view blob_column(sqlite3_stmt *stmt, int column) {
  const void *blob = sqlite3_column_blob(stmt, column);
  const int size = sqlite3_column_bytes(stmt, column);
  if (blob == nullptr || size <= 0) {
    return {};
  }
  return {static_cast<const char *>(blob), static_cast<std::size_t>(size)};
}

bool digest_column(sqlite3_stmt *stmt, int column, Digest &out) {
  const std::string_view blob = blob_column(stmt, column);
  if (blob.size() != out.size()) {
    return false;
  }
  std::memcpy(out.data(), blob.data(), out.size());
  return true;
}

// Steps @p stmt to its end, calling @p row(index) on each row; a failed step is reported as
// SQLite's failure to @p doing, at the field @p where(index) names.
template <typename Where, typename Row>
Status each_row(sqlite3 *db, sqlite3_stmt *stmt, std::string_view doing, const Where &where,
                const Row &row) {
  for (std::uint64_t index = 0;; ++index) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) {
      return {};
    }
    if (rc != SQLITE_ROW) {
      return failure(db, rc, doing, where(index));
    }
    if (auto st = row(index); !st.ok()) {
      return st;
    }
  }
}

// The event in the columns seq, prev, link, bytes from @p first on; the error names the event
// @p index of the case @p case_id (built only on failure: this runs once per stored event).
Status read_event(sqlite3_stmt *stmt, int first, LoggedEvent &event, std::string_view case_id,
                  std::uint64_t index) {
  const std::int64_t seq = sqlite3_column_int64(stmt, first);
  event.seq = seq < 0 ? 0 : static_cast<std::uint64_t>(seq);
  if (!digest_column(stmt, first + 1, event.prev) || !digest_column(stmt, first + 2, event.link)) {
    return {StatusCode::kDataLoss, "column prev or link is not 32 bytes",
            case_path(case_id) + ".events[" + std::to_string(index) + "]"};
  }
  event.bytes.assign(blob_column(stmt, first + 3));
  return {};
}

int bind_text(sqlite3_stmt *stmt, int index, std::string_view text) {
  if (text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return SQLITE_TOOBIG;
  }
  return sqlite3_bind_text(stmt, index, text.empty() ? "" : text.data(),
                           static_cast<int>(text.size()), SQLITE_STATIC);
}

int bind_blob(sqlite3_stmt *stmt, int index, const void *data, std::size_t size) {
  if (size > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return SQLITE_TOOBIG;
  }
  return sqlite3_bind_blob(stmt, index, size == 0 ? "" : data, static_cast<int>(size),
                           SQLITE_STATIC);
}

int bind_digest(sqlite3_stmt *stmt, int index, const Digest &digest) {
  return bind_blob(stmt, index, digest.data(), digest.size());
}

// The bytes of a blob parameter.
struct Blob {
  std::string_view bytes;
};

int bind_one(sqlite3_stmt *stmt, int index, std::string_view text) {
  return bind_text(stmt, index, text);
}
int bind_one(sqlite3_stmt *stmt, int index, std::int64_t value) {
  return sqlite3_bind_int64(stmt, index, value);
}
int bind_one(sqlite3_stmt *stmt, int index, const Digest &digest) {
  return bind_digest(stmt, index, digest);
}
int bind_one(sqlite3_stmt *stmt, int index, Blob blob) {
  return bind_blob(stmt, index, blob.bytes.data(), blob.bytes.size());
}

// Binds @p values to the parameters 1, 2, ... of @p stmt in order, then steps it once: the
// step's code, or the first binding's that failed.
template <typename... V>
int bind_and_step(sqlite3_stmt *stmt, const V &...values) {
  int rc = SQLITE_OK;
  int index = 0;
  ((rc = rc == SQLITE_OK ? bind_one(stmt, ++index, values) : rc), ...);
  return rc == SQLITE_OK ? sqlite3_step(stmt) : rc;
}

// A cached statement in use: reset, bindings cleared and handed back when it goes. A statement
// already in use (a visitor that reads the store again) is prepared afresh for the nested use.
class Use {
 public:
  Use() = default;
  Use(sqlite3_stmt *stmt, bool *busy, StmtPtr owned) noexcept
      : stmt_(stmt), busy_(busy), owned_(std::move(owned)) {}
  Use(Use &&other) noexcept
      : stmt_(std::exchange(other.stmt_, nullptr)),
        busy_(std::exchange(other.busy_, nullptr)),
        owned_(std::move(other.owned_)) {}
  Use &operator=(Use &&other) noexcept {
    if (this != &other) {
      release();
      stmt_ = std::exchange(other.stmt_, nullptr);
      busy_ = std::exchange(other.busy_, nullptr);
      owned_ = std::move(other.owned_);
    }
    return *this;
  }
  Use(const Use &) = delete;
  Use &operator=(const Use &) = delete;
  ~Use() { release(); }
  [[nodiscard]] sqlite3_stmt *get() const noexcept { return stmt_; }

 private:
  void release() noexcept {
    if (stmt_ != nullptr) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
      stmt_ = nullptr;
    }
    if (busy_ != nullptr) {
      *busy_ = false;
      busy_ = nullptr;
    }
    owned_.reset();
  }

  sqlite3_stmt *stmt_ = nullptr;
  bool *busy_ = nullptr;
  StmtPtr owned_;
};

// What a file says it is.
struct Identity {
  std::int64_t application_id = 0;
  std::int64_t version = 0;
  std::int64_t objects = 0;  // tables, indexes, triggers, views
};

Status read_int(sqlite3 *db, const char *sql, std::int64_t &out, std::string_view doing,
                const std::string &field) {
  sqlite3_stmt *raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  const StmtPtr stmt(raw);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(raw);
  }
  if (rc != SQLITE_ROW) {
    return failure(db, rc, doing, field);
  }
  out = sqlite3_column_int64(raw, 0);
  return {};
}

Status identify(sqlite3 *db, Identity &id, const std::string &field) {
  if (auto st =
          read_int(db, "PRAGMA application_id", id.application_id, "read the file's header", field);
      !st.ok()) {
    return st;
  }
  if (auto st = read_int(db, "PRAGMA user_version", id.version, "read the file's header", field);
      !st.ok()) {
    return st;
  }
  return read_int(db, "SELECT count(*) FROM sqlite_schema", id.objects, "read the file's schema",
                  field);
}

// Whether @p id is a store this library can open (true), a new empty file (false), or neither.
StatusOr<bool> check_identity(const Identity &id, const std::string &field) {
  if (id.application_id == store::kApplicationId) {
    if (id.version > store::latest_schema_version()) {
      return Status{StatusCode::kFailedPrecondition,
                    "the case store's schema is version " + std::to_string(id.version) +
                        ", newer than this library knows (" +
                        std::to_string(store::latest_schema_version()) +
                        "): open it with a newer cadre",
                    field};
    }
    if (id.version < 1) {
      return Status{StatusCode::kDataLoss, "a cadre case store without a schema version", field};
    }
    return true;
  }
  if (id.application_id == 0 && id.objects == 0 && id.version == 0) {
    return false;
  }
  return Status{StatusCode::kFailedPrecondition,
                "not a cadre case store: an SQLite database of another application "
                "(application_id " +
                    std::to_string(id.application_id) + ")",
                field};
}

Status exec(sqlite3 *db, const char *sql, std::string_view doing, const std::string &field) {
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status{} : failure(db, rc, doing, field);
}

class SqliteCaseStore final : public CaseStore {
 public:
  explicit SqliteCaseStore(DbPtr db) : db_(std::move(db)) {}
  SqliteCaseStore(const SqliteCaseStore &) = delete;
  SqliteCaseStore &operator=(const SqliteCaseStore &) = delete;
  SqliteCaseStore(SqliteCaseStore &&) = delete;
  SqliteCaseStore &operator=(SqliteCaseStore &&) = delete;
  ~SqliteCaseStore() override {
    for (auto &stmt : stmts_) {
      stmt.reset();
    }
  }

  Status create_case(const CaseHeader &header) override;
  Status append(std::string_view case_id, const Digest &expected_head,
                const LoggedEvent &event) override;
  StatusOr<CaseHeader> header(std::string_view case_id) override;
  Status events(std::string_view case_id,
                const std::function<Status(const LoggedEvent &)> &visit) override;
  Status cases(const std::function<Status(const CaseHeader &)> &visit) override;
  Status atomically(const std::function<Status()> &work) override;
  Status snapshot(const std::function<Status()> &reads) override;
  Status walk(const std::function<Status(const CaseHeader &)> &on_case,
              const std::function<Status(const LoggedEvent &)> &on_event) override;

 private:
  Status use(Q q, Use &out, const std::string &field);
  // Runs one statement that returns no row (BEGIN, COMMIT...).
  Status run(Q q, std::string_view doing, const std::string &field);
  // How a transaction (or a savepoint) starts and ends.
  struct Bracket {
    Q begin;
    Q commit;
    Q rollback;
    bool savepoint;  // a rollback to a savepoint is followed by its release
  };
  // Runs @p body inside @p b: committed when it returns OK, rolled back otherwise (or when it
  // throws).
  Status bracket(const Bracket &b, const std::function<Status()> &body);
  static Status read_header(sqlite3_stmt *stmt, CaseHeader &out, std::string_view id);

  DbPtr db_;
  std::array<StmtPtr, static_cast<std::size_t>(Q::kCount)> stmts_{};
  std::array<bool, static_cast<std::size_t>(Q::kCount)> busy_{};
  int depth_ = 0;  // transactions open: 0, or 1 plus the savepoints inside
};

Status SqliteCaseStore::use(Q q, Use &out, const std::string &field) {
  const auto i = static_cast<std::size_t>(q);
  const auto prepare = [&](StmtPtr &into) -> Status {
    sqlite3_stmt *raw = nullptr;
    const int rc = sqlite3_prepare_v3(db_.get(), kSql[i].data(), static_cast<int>(kSql[i].size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    into.reset(raw);
    return rc == SQLITE_OK ? Status{} : failure(db_.get(), rc, "prepare a statement", field);
  };
  if (busy_[i]) {
    StmtPtr fresh;
    if (auto st = prepare(fresh); !st.ok()) {
      return st;
    }
    sqlite3_stmt *raw = fresh.get();
    out = Use(raw, nullptr, std::move(fresh));
    return {};
  }
  if (!stmts_[i]) {
    if (auto st = prepare(stmts_[i]); !st.ok()) {
      return st;
    }
  }
  busy_[i] = true;
  out = Use(stmts_[i].get(), &busy_[i], nullptr);
  return {};
}

Status SqliteCaseStore::run(Q q, std::string_view doing, const std::string &field) {
  Use stmt;
  if (auto st = use(q, stmt, field); !st.ok()) {
    return st;
  }
  const int rc = sqlite3_step(stmt.get());
  return rc == SQLITE_DONE ? Status{} : failure(db_.get(), rc, doing, field);
}

Status SqliteCaseStore::bracket(const Bracket &b, const std::function<Status()> &body) {
  const std::string field = "store";
  if (auto st = run(b.begin, "start a transaction", field); !st.ok()) {
    return st;
  }
  const auto undo = [&] {
    static_cast<void>(run(b.rollback, "roll back", field));
    if (b.savepoint) {
      static_cast<void>(run(Q::kRelease, "roll back", field));
    }
  };
  ++depth_;
  Status result;
  try {
    result = body();
  } catch (...) {
    --depth_;
    undo();
    throw;
  }
  --depth_;
  if (!result.ok()) {
    undo();
    return result;
  }
  if (auto st = run(b.commit, "commit", field); !st.ok()) {
    undo();
    return st;
  }
  return {};
}

Status SqliteCaseStore::atomically(const std::function<Status()> &work) {
  if (depth_ == 0) {
    return bracket({Q::kBegin, Q::kCommit, Q::kRollback, false}, work);
  }
  return bracket({Q::kSavepoint, Q::kRelease, Q::kRollbackTo, true}, work);
}

Status SqliteCaseStore::snapshot(const std::function<Status()> &reads) {
  if (depth_ != 0) {
    return reads();  // inside a transaction already: its view
  }
  return bracket({Q::kBeginRead, Q::kCommit, Q::kRollback, false}, reads);
}

Status SqliteCaseStore::create_case(const CaseHeader &header) {
  const std::string at = case_path(header.id);
  if (header.id.empty()) {
    return invalid_argument(at + ".id", "a case needs an id");
  }
  Use stmt;
  if (auto st = use(Q::kInsertCase, stmt, at); !st.ok()) {
    return st;
  }
  sqlite3_stmt *s = stmt.get();
  const std::string opened_on = header.opened_on.to_string();
  const int rc = bind_and_step(s, header.id, header.procedure_id, header.cadre_id, header.region,
                               opened_on, header.opened_by);
  if (rc == SQLITE_DONE) {
    return {};
  }
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return {StatusCode::kAlreadyExists, "a case with this id is already in the store", at + ".id"};
  }
  return failure(db_.get(), rc, "add the case", at);
}

Status SqliteCaseStore::append(std::string_view case_id, const Digest &expected_head,
                               const LoggedEvent &event) {
  const std::string at = event_path(case_id, event.seq);
  if (event.seq == 0 ||
      event.seq > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return invalid_argument(at + ".seq", "seq must be from 1 to 2^63 - 1");
  }
  if (event.bytes.size() > kMaxEventBytes) {
    return invalid_argument(at + ".bytes", "an event of more than 16 MiB");
  }
  if (event.link != chain_link(event.prev, event.seq, event.bytes)) {
    return invalid_argument(at + ".link",
                            "the link does not match the event's prev, seq and bytes");
  }
  return atomically([&]() -> Status {
    std::int64_t case_no = 0;
    std::uint64_t count = 0;
    Digest head{};
    {
      Use stmt;
      if (auto st = use(Q::kHead, stmt, at); !st.ok()) {
        return st;
      }
      int rc = bind_text(stmt.get(), 1, case_id);
      if (rc == SQLITE_OK) rc = sqlite3_step(stmt.get());
      if (rc == SQLITE_DONE) {
        return {StatusCode::kNotFound, "no case with this id in the store", case_path(case_id)};
      }
      if (rc != SQLITE_ROW) {
        return failure(db_.get(), rc, "read the case's head", case_path(case_id));
      }
      case_no = sqlite3_column_int64(stmt.get(), 0);
      const std::int64_t events = sqlite3_column_int64(stmt.get(), 1);
      if (events < 0 || !digest_column(stmt.get(), 2, head)) {
        return {StatusCode::kDataLoss, "the case's events or head column is malformed",
                case_path(case_id) + ".head"};
      }
      count = static_cast<std::uint64_t>(events);
    }
    if (head != expected_head) {
      return {StatusCode::kAborted,
              "the case's head has moved (it has " + std::to_string(count) +
                  " events): read it again, then retry",
              case_path(case_id) + ".head"};
    }
    if (event.seq != count + 1) {
      return invalid_argument(at + ".seq", "seq " + std::to_string(event.seq) +
                                               " does not follow the case's " +
                                               std::to_string(count) + " events");
    }
    if (event.prev != head) {
      return invalid_argument(at + ".prev", "prev is not the link of the case's last event");
    }
    {
      Use stmt;
      if (auto st = use(Q::kInsertEvent, stmt, at); !st.ok()) {
        return st;
      }
      const int rc = bind_and_step(stmt.get(), case_no, static_cast<std::int64_t>(event.seq),
                                   event.prev, event.link, Blob{event.bytes});
      if (rc != SQLITE_DONE) {
        return failure(db_.get(), rc, "insert the event", at);
      }
    }
    Use stmt;
    if (auto st = use(Q::kUpdateHead, stmt, at); !st.ok()) {
      return st;
    }
    const int rc =
        bind_and_step(stmt.get(), case_no, static_cast<std::int64_t>(event.seq), event.link);
    if (rc != SQLITE_DONE) {
      return failure(db_.get(), rc, "move the case's head", case_path(case_id) + ".head");
    }
    return {};
  });
}

Status SqliteCaseStore::read_header(sqlite3_stmt *stmt, CaseHeader &out, std::string_view id) {
  out.id.assign(text_column(stmt, 0));
  const std::string at = case_path(id.empty() ? std::string_view(out.id) : id);
  out.procedure_id.assign(text_column(stmt, 1));
  out.cadre_id.assign(text_column(stmt, 2));
  out.region.assign(text_column(stmt, 3));
  const auto opened_on = Date::parse(text_column(stmt, 4));
  if (!opened_on) {
    return {StatusCode::kDataLoss, "column opened_on is not a date YYYY-MM-DD", at + ".opened_on"};
  }
  out.opened_on = *opened_on;
  out.opened_by.assign(text_column(stmt, 5));
  const std::int64_t events = sqlite3_column_int64(stmt, 6);
  if (events < 0) {
    return {StatusCode::kDataLoss, "column events is negative", at + ".events"};
  }
  out.events = static_cast<std::uint64_t>(events);
  if (!digest_column(stmt, 7, out.head)) {
    return {StatusCode::kDataLoss, "column head is not 32 bytes", at + ".head"};
  }
  return {};
}

StatusOr<CaseHeader> SqliteCaseStore::header(std::string_view case_id) {
  const std::string at = case_path(case_id);
  Use stmt;
  if (auto st = use(Q::kHeader, stmt, at); !st.ok()) {
    return st;
  }
  int rc = bind_text(stmt.get(), 1, case_id);
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt.get());
  if (rc == SQLITE_DONE) {
    return Status{StatusCode::kNotFound, "no case with this id in the store", at};
  }
  if (rc != SQLITE_ROW) {
    return failure(db_.get(), rc, "read the case", at);
  }
  CaseHeader out;
  if (auto st = read_header(stmt.get(), out, case_id); !st.ok()) {
    return st;
  }
  return out;
}

Status SqliteCaseStore::events(std::string_view case_id,
                               const std::function<Status(const LoggedEvent &)> &visit) {
  const std::string at = case_path(case_id);
  std::int64_t case_no = 0;
  {
    Use stmt;
    if (auto st = use(Q::kHead, stmt, at); !st.ok()) {
      return st;
    }
    int rc = bind_text(stmt.get(), 1, case_id);
    if (rc == SQLITE_OK) rc = sqlite3_step(stmt.get());
    if (rc == SQLITE_DONE) {
      return {StatusCode::kNotFound, "no case with this id in the store", at};
    }
    if (rc != SQLITE_ROW) {
      return failure(db_.get(), rc, "read the case", at);
    }
    case_no = sqlite3_column_int64(stmt.get(), 0);
  }
  Use stmt;
  if (auto st = use(Q::kEvents, stmt, at); !st.ok()) {
    return st;
  }
  sqlite3_stmt *s = stmt.get();
  int rc = sqlite3_bind_int64(s, 1, case_no);
  if (rc != SQLITE_OK) {
    return failure(db_.get(), rc, "read the case's events", at);
  }
  LoggedEvent event;
  const auto where = [&](std::uint64_t index) {
    return at + ".events[" + std::to_string(index) + "]";
  };
  return each_row(db_.get(), s, "read the case's events", where, [&](std::uint64_t index) {
    if (auto st = read_event(s, 0, event, case_id, index); !st.ok()) {
      return st;
    }
    return visit(event);
  });
}

Status SqliteCaseStore::cases(const std::function<Status(const CaseHeader &)> &visit) {
  Use stmt;
  if (auto st = use(Q::kCases, stmt, "cases"); !st.ok()) {
    return st;
  }
  sqlite3_stmt *s = stmt.get();
  CaseHeader header;
  const auto where = [](std::uint64_t) { return std::string("cases"); };
  return each_row(db_.get(), s, "read the cases", where, [&](std::uint64_t) {
    if (auto st = read_header(s, header, {}); !st.ok()) {
      return st;
    }
    return visit(header);
  });
}

Status SqliteCaseStore::walk(const std::function<Status(const CaseHeader &)> &on_case,
                             const std::function<Status(const LoggedEvent &)> &on_event) {
  Use stmt;
  if (auto st = use(Q::kWalk, stmt, "cases"); !st.ok()) {
    return st;
  }
  sqlite3_stmt *s = stmt.get();
  CaseHeader header;
  LoggedEvent event;
  std::uint64_t index = 0;  // of the event in its case
  const auto where = [](std::uint64_t) { return std::string("cases"); };
  return each_row(db_.get(), s, "read the cases", where, [&](std::uint64_t) -> Status {
    // A row per event, the case's columns repeated; a case without events has one row of NULLs.
    if (header.id.empty() || text_column(s, 0) != header.id) {
      if (auto st = read_header(s, header, {}); !st.ok()) {
        return st;
      }
      index = 0;
      if (auto st = on_case(header); !st.ok()) {
        return st;
      }
    }
    if (sqlite3_column_type(s, 8) == SQLITE_NULL) {
      return {};
    }
    if (auto st = read_event(s, 8, event, header.id, index); !st.ok()) {
      return st;
    }
    ++index;
    return on_event(event);
  });
}

}  // namespace

int sqlite_store_schema_version() noexcept { return store::latest_schema_version(); }

StatusOr<std::unique_ptr<CaseStore>> open_sqlite_store(const std::string &path,
                                                       const SqliteStoreOptions &options) {
  const std::string &field = path;
  if (sqlite3_libversion_number() < kMinimumSqlite) {
    return Status{
        StatusCode::kFailedPrecondition,
        std::string("the case store needs SQLite 3.37 or newer; this is ") + sqlite3_libversion(),
        field};
  }
  std::error_code ec;
  if (!options.create && !std::filesystem::exists(path, ec)) {
    return Status{StatusCode::kNotFound, "no case store at this path", field};
  }
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (options.create) {
    flags |= SQLITE_OPEN_CREATE;
  }
  sqlite3 *raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  DbPtr db(raw);
  if (rc != SQLITE_OK) {
    return failure(raw, rc, "open the file", field);
  }
  const auto timeout = options.busy_timeout.count();
  sqlite3_busy_timeout(db.get(), timeout < 0 ? 0
                                 : timeout > std::numeric_limits<int>::max()
                                     ? std::numeric_limits<int>::max()
                                     : static_cast<int>(timeout));
  // Identify the file before changing anything in it: a file of another application is left
  // as it was found.
  Identity id;
  if (auto st = identify(db.get(), id, field); !st.ok()) {
    if (st.code() == StatusCode::kFailedPrecondition) {
      return Status{StatusCode::kFailedPrecondition,
                    "not a cadre case store: not an SQLite database", field};
    }
    return st;
  }
  if (auto known = check_identity(id, field); !known.ok()) {
    return known.status();
  }
  if (auto st = exec(db.get(), "PRAGMA journal_mode = WAL", "switch to WAL mode", field);
      !st.ok()) {
    return st;
  }
  if (auto st = exec(db.get(),
                     options.durability == SqliteStoreOptions::Durability::kFull
                         ? "PRAGMA synchronous = FULL"
                         : "PRAGMA synchronous = NORMAL",
                     "set the durability", field);
      !st.ok()) {
    return st;
  }
  if (auto st = exec(db.get(), "PRAGMA foreign_keys = ON", "turn foreign keys on", field);
      !st.ok()) {
    return st;
  }
  if (id.version != store::latest_schema_version()) {
    // Create or migrate, in one transaction; another process may have done it meanwhile.
    if (auto st = exec(db.get(), "BEGIN IMMEDIATE", "start the migration", field); !st.ok()) {
      return st;
    }
    Status st = identify(db.get(), id, field);
    if (st.ok()) {
      if (auto known = check_identity(id, field); !known.ok()) {
        st = known.status();
      } else if (id.version != store::latest_schema_version()) {
        st = store::migrate(db.get(), known.value() ? static_cast<int>(id.version) : 0,
                            store::latest_schema_version());
      }
    }
    if (st.ok()) {
      st = exec(db.get(), "COMMIT", "commit the migration", field);
    }
    if (!st.ok()) {
      static_cast<void>(exec(db.get(), "ROLLBACK", "roll the migration back", field));
      return st;
    }
  }
  return std::unique_ptr<CaseStore>(std::make_unique<SqliteCaseStore>(std::move(db)));
}

}  // namespace api_v1
}  // namespace cadre
