/**
 * @file cadre/sqlite_store.hpp
 * @brief The CaseStore the library ships: one SQLite database file (see @ref case_store).
 *
 * The file is in WAL mode with foreign keys on; each append is one transaction that checks the
 * case's head inside it, so that several processes may append to the same file at once and a
 * moved head is refused (StatusCode::kAborted) without a change. The schema carries its version
 * and is migrated forward, in one transaction, when a file written by an older version is opened;
 * a file of a newer version, or one that is not a case store, is refused.
 */
#ifndef CADRE_SQLITE_STORE_HPP
#define CADRE_SQLITE_STORE_HPP

#include <chrono>
#include <memory>
#include <string>

#include "cadre/case_log.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

/** How a store opened by open_sqlite_store() behaves. */
struct SqliteStoreOptions {
  /** When an append that returned kOk is safe. */
  enum class Durability {
    /**
     * SQLite's synchronous=FULL: every commit is synced to the disk before append() returns, so
     * it survives a crash of the process, of the operating system and a power cut.
     */
    kFull,
    /**
     * SQLite's synchronous=NORMAL in WAL mode: a commit is written to the log before append()
     * returns but synced only at checkpoints. It survives a crash of the process (kill -9);
     * after a crash of the operating system or a power cut the last appends may be missing,
     * never half-written: the chain still verifies, shorter. Several times faster.
     */
    kProcess,
  };

  /** When an append is safe; kFull unless the host accepts the trade-off of kProcess. */
  Durability durability = Durability::kFull;
  /**
   * How long a write waits for another connection's (or process's) write to finish before it
   * gives up with StatusCode::kUnavailable.
   */
  std::chrono::milliseconds busy_timeout{10000};
  /** Whether a missing file is created as a new, empty store (otherwise kNotFound). */
  bool create = true;
};

/** @return the version of the store's schema this library writes (the newest it can open). */
int sqlite_store_schema_version() noexcept;

/**
 * Opens (or creates) the case store in the SQLite database file @p path, migrating an older
 * schema forward in one transaction.
 * @param path    the database file; the files `path-wal` and `path-shm` appear beside it
 * @param options how it behaves
 * @return the store, owned by the caller (close it by destroying it); or kNotFound when the file
 *         is missing and @p options does not create it; kFailedPrecondition for a file that is not
 *         a cadre case store (another SQLite database, or not SQLite at all: left untouched) or
 *         whose schema is newer than this library knows, or for an SQLite older than 3.37;
 *         kUnavailable when the file cannot be opened, read or locked in time; kDataLoss for a
 *         corrupt file.
 */
StatusOr<std::unique_ptr<CaseStore>> open_sqlite_store(const std::string &path,
                                                       const SqliteStoreOptions &options = {});

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_SQLITE_STORE_HPP
