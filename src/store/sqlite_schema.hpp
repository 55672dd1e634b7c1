// The schema of the SQLite case store and its migrations (docs/case-store.md). Internal to
// cadre_cpp; the tests use it to write a file of an older version. Never installed.
#ifndef CADRE_SRC_STORE_SQLITE_SCHEMA_HPP
#define CADRE_SRC_STORE_SQLITE_SCHEMA_HPP

#include <cstdint>
#include <span>
#include <string_view>

#include "cadre/status.hpp"

struct sqlite3;

namespace cadre::store {

/** PRAGMA application_id of a case store: "cadr" in ASCII. */
inline constexpr std::int32_t kApplicationId = 0x63616472;

/**
 * One step of the schema, from version - 1 to version. Steps are only ever added: a released
 * step is never edited, since files already carry what it did.
 */
struct Migration {
  int version;            ///< the version this step brings the file to
  std::string_view what;  ///< what it does, for messages and the docs
  std::string_view sql;   ///< the statements, run in the transaction of the open
};

/** @return every step, in order of version, from 1. */
std::span<const Migration> migrations() noexcept;

/** @return the newest version: the version of the last step. */
int latest_schema_version() noexcept;

/**
 * Brings the database @p db from version @p from (0 for a new, empty file) to version @p to,
 * inside a transaction the caller holds: sets the application id (from 0), runs each step after
 * @p from up to @p to, and sets PRAGMA user_version to @p to.
 * @return kOk, or the status of the step that failed (the caller rolls back).
 */
Status migrate(sqlite3 *db, int from, int to);

}  // namespace cadre::store

#endif  // CADRE_SRC_STORE_SQLITE_SCHEMA_HPP
