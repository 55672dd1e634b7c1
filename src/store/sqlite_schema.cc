// The schema of the SQLite case store, as an ordered list of steps (docs/case-store.md).
#include "store/sqlite_schema.hpp"

#include <sqlite3.h>

#include <array>
#include <string>

namespace cadre::store {

namespace {

// Version 1: the cases and their events. STRICT keeps every column to its type; the events of a
// case are clustered by (case_no, seq), the order they are read in.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE cases (
  case_no INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
  procedure_id TEXT NOT NULL,
  cadre_id TEXT NOT NULL,
  region TEXT NOT NULL,
  opened_on TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  events INTEGER NOT NULL DEFAULT 0 CHECK (events >= 0),
  head BLOB NOT NULL CHECK (length(head) = 32)
) STRICT;
CREATE TABLE events (
  case_no INTEGER NOT NULL REFERENCES cases (case_no),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  prev BLOB NOT NULL CHECK (length(prev) = 32),
  link BLOB NOT NULL CHECK (length(link) = 32),
  bytes BLOB NOT NULL,
  PRIMARY KEY (case_no, seq)
) STRICT, WITHOUT ROWID;
)sql";

// Version 2: the log is append-only in the database too, so that a program other than cadre
// that writes to the file by mistake is stopped. (A deliberate tamperer can drop the triggers;
// the chain finds what they did.)
constexpr std::string_view kVersion2 = R"sql(
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'cadre: the events of a case are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'cadre: the events of a case are append-only'); END;
CREATE TRIGGER cases_keep_header BEFORE UPDATE OF
  case_no, id, procedure_id, cadre_id, region, opened_on, opened_by ON cases
BEGIN SELECT RAISE(ABORT, 'cadre: a case keeps the header it was opened with'); END;
CREATE TRIGGER cases_keep BEFORE DELETE ON cases
BEGIN SELECT RAISE(ABORT, 'cadre: a case is never deleted'); END;
)sql";

constexpr std::array<Migration, 2> kMigrations{{
    {1, "cases and their events", kVersion1},
    {2, "append-only triggers on events and case headers", kVersion2},
}};

Status exec(sqlite3 *db, const std::string &sql, std::string_view doing) {
  char *error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) {
    return {};
  }
  std::string message = "could not " + std::string(doing) + ": " +
                        (error != nullptr ? std::string(error) : std::string(sqlite3_errstr(rc)));
  sqlite3_free(error);
  return {StatusCode::kInternal, std::move(message), "schema"};
}

}  // namespace

std::span<const Migration> migrations() noexcept { return kMigrations; }

int latest_schema_version() noexcept { return kMigrations.back().version; }

Status migrate(sqlite3 *db, int from, int to) {
  if (from < 0 || to > latest_schema_version() || from > to) {
    return {StatusCode::kInternal,
            "no migration from version " + std::to_string(from) + " to " + std::to_string(to),
            "schema"};
  }
  if (from == 0) {
    if (auto st = exec(db, "PRAGMA application_id = " + std::to_string(kApplicationId),
                       "mark the file as a cadre case store");
        !st.ok()) {
      return st;
    }
  }
  for (const Migration &step : kMigrations) {
    if (step.version <= from || step.version > to) {
      continue;
    }
    if (auto st = exec(db, std::string(step.sql),
                       "migrate to version " + std::to_string(step.version) + " (" +
                           std::string(step.what) + ")");
        !st.ok()) {
      return st;
    }
  }
  return exec(db, "PRAGMA user_version = " + std::to_string(to), "set the schema version");
}

}  // namespace cadre::store
