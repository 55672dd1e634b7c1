/**
 * @file cadre/cadre.h
 * @brief The stable C ABI of cadre (C99).
 *
 * This is the one authoritative header of the C interface. Everything a host
 * HR system, the Python binding or any other language needs is declared here;
 * anything not declared here is not part of the ABI.
 *
 * Conventions, stated once for every function:
 * - Every fallible function returns a status code (#cadre_status), numbered
 *   like google.rpc.Code. #CADRE_OK is 0.
 * - Outputs come first in the parameter list; the optional error object comes
 *   last. Pass NULL for `err` when the details are not wanted. On success
 *   `*err` is set to NULL; on failure it receives a new error object that the
 *   caller owns and releases with cadre_error_free().
 * - Input byte ranges are borrowed for the duration of the call only; the
 *   library copies what it keeps. A NULL pointer with size 0 is an empty input.
 * - Result bytes are owned by the library until released with
 *   cadre_buffer_dispose(); never free them with the host's `free`.
 * - Requests are protobuf messages of package `cadre.v1`, serialized either as
 *   protobuf binary or as protobuf JSON (#cadre_format). The response uses the
 *   same format as the request.
 * - No function prints, logs, aborts or lets an exception escape. Error
 *   messages name the record id and the field path, never personal data.
 * - Handles are immutable after creation and may be shared between threads.
 */
#ifndef CADRE_CADRE_H
#define CADRE_CADRE_H

#include <stddef.h>
#include <stdint.h>

#include "cadre/export.h"
#include "cadre/version.h"

CADRE_BEGIN_DECL

/**
 * @defgroup cadre_version Version
 * @brief Runtime version of the library, to compare with cadre/version.h.
 * @{
 */

/**
 * @brief The library's version as one number (major * 10000 + minor * 100 + patch).
 * @return the same value as #CADRE_VERSION_NUMBER of the headers the library
 *         was built with.
 */
CADRE_API int cadre_version_number(void);

/**
 * @brief The library's version as a string, "major.minor.patch".
 * @return a static string, owned by the library; never NULL, never freed.
 */
CADRE_API const char *cadre_version_string(void);

/**
 * @brief The ABI version of the library.
 *
 * A binding built for ABI version N may use a library whose
 * cadre_abi_version() returns N. It equals the library's SOVERSION.
 * @return the ABI version, #CADRE_ABI_VERSION of the library's headers.
 */
CADRE_API int cadre_abi_version(void);

/** @} */

/**
 * @defgroup cadre_errors Status codes and errors
 * @brief Status codes numbered like google.rpc.Code, and error details.
 * @{
 */

/** Status codes. Values never change; new ones are only appended. */
typedef enum cadre_status {
  CADRE_OK = 0,                  /**< Success. */
  CADRE_CANCELLED = 1,           /**< The operation was cancelled. */
  CADRE_UNKNOWN = 2,             /**< An error that fits no other code. */
  CADRE_INVALID_ARGUMENT = 3,    /**< Bad input; the error names the field. */
  CADRE_DEADLINE_EXCEEDED = 4,   /**< A deadline passed. */
  CADRE_NOT_FOUND = 5,           /**< A named item does not exist. */
  CADRE_ALREADY_EXISTS = 6,      /**< An item exists already. */
  CADRE_PERMISSION_DENIED = 7,   /**< Not allowed. */
  CADRE_RESOURCE_EXHAUSTED = 8,  /**< Out of memory or over a size limit. */
  CADRE_FAILED_PRECONDITION = 9, /**< The state does not allow the call. */
  CADRE_ABORTED = 10,            /**< The operation was aborted. */
  CADRE_OUT_OF_RANGE = 11,       /**< A value is outside its range. */
  CADRE_UNIMPLEMENTED = 12,      /**< Not implemented in this version. */
  CADRE_INTERNAL = 13,           /**< A bug in cadre. */
  CADRE_UNAVAILABLE = 14,        /**< Temporarily unavailable. */
  CADRE_DATA_LOSS = 15,          /**< Unrecoverable data loss. */
  CADRE_UNAUTHENTICATED = 16     /**< Not authenticated. */
} cadre_status;

/**
 * @brief The name of a status code, e.g. "INVALID_ARGUMENT".
 * @param code a status code; any int is accepted.
 * @return a static string owned by the library; "UNRECOGNIZED" for a value
 *         that is not a #cadre_status. Never NULL.
 */
CADRE_API const char *cadre_status_name(int code);

/** Details of a failed call. Opaque; created by the library. */
typedef struct cadre_error cadre_error;

/**
 * @brief The status code of an error.
 * @param err an error, borrowed; NULL gives #CADRE_OK.
 * @return the status code the failed call returned.
 */
CADRE_API int cadre_error_code(const cadre_error *err);

/**
 * @brief The message of an error: "field.path: what is wrong".
 * @param err an error, borrowed; NULL gives "".
 * @return a string owned by @p err, valid until cadre_error_free(); never NULL.
 */
CADRE_API const char *cadre_error_message(const cadre_error *err);

/**
 * @brief The field path the error is about, e.g. "cadres[17].birth_date".
 * @param err an error, borrowed; NULL gives "".
 * @return a string owned by @p err, valid until cadre_error_free(); "" when
 *         the error concerns no field; never NULL.
 */
CADRE_API const char *cadre_error_field(const cadre_error *err);

/**
 * @brief Releases an error.
 * @param err an error the caller owns, or NULL (a no-op).
 */
CADRE_API void cadre_error_free(cadre_error *err);

/** @} */

/**
 * @defgroup cadre_buffers Buffers and formats
 * @brief Bytes handed back by the library, and the wire formats.
 * @{
 */

/** Bytes owned by the library, released with cadre_buffer_dispose(). */
typedef struct cadre_buffer {
  uint8_t *data; /**< The bytes; NULL when empty. JSON text is NUL-terminated. */
  size_t size;   /**< Number of bytes, without the terminating NUL. */
} cadre_buffer;

/**
 * @brief Releases the bytes of a buffer and sets it to {NULL, 0}.
 * @param buf a buffer filled by the library, borrowed; the bytes it holds,
 *        owned by the library, are released. NULL is a no-op; a buffer that
 *        is already empty is left as it is.
 */
CADRE_API void cadre_buffer_dispose(cadre_buffer *buf);

/** Serialization of requests and responses. */
typedef enum cadre_format {
  CADRE_FORMAT_BINARY = 0, /**< Protobuf binary wire format. */
  CADRE_FORMAT_JSON = 1    /**< Protobuf JSON (enum names, ISO 8601 dates). */
} cadre_format;

/**
 * @brief The protobuf schema of every message, as a serialized
 *        `google.protobuf.FileDescriptorSet`.
 *
 * Lets a binding build typed messages that match this library exactly.
 * @param[out] out a buffer of the caller, borrowed; receives bytes owned by the
 *             library until the caller releases them with
 *             cadre_buffer_dispose(). Left {NULL, 0} on failure.
 * @param[out] err NULL, or receives NULL on success and on failure an error
 *             the caller owns and releases with cadre_error_free().
 * @retval CADRE_OK the schema is in @p out.
 * @retval CADRE_INVALID_ARGUMENT @p out is NULL.
 * @retval CADRE_RESOURCE_EXHAUSTED out of memory.
 * @retval CADRE_INTERNAL a bug in cadre.
 */
CADRE_API int cadre_descriptor_set(cadre_buffer *out, cadre_error **err);

/** @} */

/**
 * @defgroup cadre_engine Engine
 * @brief The rules engine every operation runs on.
 * @{
 */

/** A rules engine. Opaque; immutable after creation; thread-safe. */
typedef struct cadre_engine cadre_engine;

/**
 * @brief Creates an engine.
 * @param[out] out receives the engine; the caller owns it and releases it with
 *             cadre_engine_free(). Set to NULL on failure.
 * @param options a serialized `cadre.v1.EngineOptions` in @p format, borrowed
 *        for the call; NULL with size 0 means the defaults.
 * @param options_size size of @p options in bytes.
 * @param format #CADRE_FORMAT_BINARY or #CADRE_FORMAT_JSON.
 * @param[out] err NULL, or receives NULL on success and on failure an error
 *             the caller owns and releases with cadre_error_free().
 * @retval CADRE_OK the engine is in @p out.
 * @retval CADRE_INVALID_ARGUMENT @p out is NULL, @p format is unknown, or the
 *         options do not parse (the error names the field).
 * @retval CADRE_RESOURCE_EXHAUSTED out of memory, or @p options_size over 2 GiB.
 * @retval CADRE_INTERNAL a bug in cadre.
 */
CADRE_API int cadre_engine_new(cadre_engine **out, const uint8_t *options, size_t options_size,
                               int format, cadre_error **err);

/**
 * @brief Releases an engine.
 *
 * Streams made from it (cadre_stream_new()) stay usable: each keeps a shared
 * reference, and the engine's memory goes with the last of them. No call may
 * be running on @p engine itself.
 * @param engine an engine the caller owns, or NULL (a no-op).
 */
CADRE_API void cadre_engine_free(cadre_engine *engine);

/** @} */

/**
 * @defgroup cadre_operations Operations
 * @brief Every operation of the library: an engine and one request message
 *        in, one response message out.
 *
 * The operations come from one table in the library: each has its own
 * function of the shape of cadre_screen() (declared in cadre/operations.h,
 * which this header includes), and cadre_call() runs any of them by name.
 * cadre_operations() lists them with their messages and statuses. The list,
 * with each operation's statuses, is the page @ref operations.
 * @{
 */

/**
 * @brief Runs an operation by name: the same as its own function, e.g.
 *        cadre_call(out, engine, "screen", ...) is cadre_screen(out, engine, ...).
 * @param[out] out a buffer of the caller, borrowed; receives the serialized
 *             response message of the operation in @p format, owned by the
 *             library until the caller releases it with cadre_buffer_dispose().
 *             Left {NULL, 0} on failure.
 * @param engine the engine, borrowed.
 * @param operation the operation's name, e.g. "grade_cap", NUL-terminated,
 *        borrowed for the call.
 * @param request the serialized request message of the operation in
 *        @p format, borrowed for the call.
 * @param request_size size of @p request in bytes.
 * @param format #CADRE_FORMAT_BINARY or #CADRE_FORMAT_JSON, for the request
 *        and the response.
 * @param[out] err NULL, or receives NULL on success and on failure an error
 *             the caller owns and releases with cadre_error_free().
 * @retval CADRE_OK the response is in @p out.
 * @retval CADRE_INVALID_ARGUMENT @p out, @p engine or @p operation is NULL,
 *         @p format is unknown, or the request does not parse; and every
 *         INVALID_ARGUMENT of the operation.
 * @retval CADRE_NOT_FOUND no operation has that name (field "operation").
 * @retval CADRE_FAILED_PRECONDITION the operation runs on a case store (field
 *         "store"): use cadre_store_call().
 * @retval CADRE_RESOURCE_EXHAUSTED out of memory, or @p request_size over 2 GiB.
 * @retval CADRE_INTERNAL a bug in cadre.
 */
CADRE_API int cadre_call(cadre_buffer *out, const cadre_engine *engine, const char *operation,
                         const uint8_t *request, size_t request_size, int format,
                         cadre_error **err);

/**
 * @brief Lists every operation: its name, its function, its request and
 *        response messages, and the statuses it returns.
 * @param[out] out a buffer of the caller, borrowed; receives a serialized
 *             `cadre.v1.OperationList` in @p format, owned by the library
 *             until the caller releases it with cadre_buffer_dispose(). Left
 *             {NULL, 0} on failure.
 * @param format #CADRE_FORMAT_BINARY or #CADRE_FORMAT_JSON.
 * @param[out] err NULL, or receives NULL on success and on failure an error
 *             the caller owns and releases with cadre_error_free().
 * @retval CADRE_OK the list is in @p out.
 * @retval CADRE_INVALID_ARGUMENT @p out is NULL or @p format is unknown.
 * @retval CADRE_RESOURCE_EXHAUSTED out of memory.
 * @retval CADRE_INTERNAL a bug in cadre.
 */
CADRE_API int cadre_operations(cadre_buffer *out, int format, cadre_error **err);

/** @} */

/**
 * @defgroup cadre_store Case store
 * @brief Procedure cases kept in a file: their chained events, opened,
 *        advanced, shown, verified, exported and imported by the operations
 *        case_open ... case_import (@ref case_store, @ref case_log).
 *
 * A store is one SQLite database file (WAL mode; one transaction per event
 * appended). Several processes, or several stores of one process, may use
 * the same file at once: a step appended to a case another writer moved on
 * is refused with #CADRE_ABORTED and changes nothing.
 * @{
 */

/** An open case store. Opaque; used by one thread at a time. */
typedef struct cadre_store cadre_store;

/**
 * @brief Opens (or creates) the case store in a file.
 * @param[out] out receives the store; the caller owns it and closes it with
 *             cadre_store_close(). Set to NULL on failure.
 * @param path the database file, NUL-terminated UTF-8, borrowed for the call;
 *        the files `path-wal` and `path-shm` appear beside it.
 * @param options a serialized `cadre.v1.StoreOptions` in @p format, borrowed
 *        for the call; NULL with size 0 means the defaults (synced to the disk
 *        before each append returns; a missing file is created).
 * @param options_size size of @p options in bytes.
 * @param format #CADRE_FORMAT_BINARY or #CADRE_FORMAT_JSON.
 * @param[out] err NULL, or receives NULL on success and on failure an error
 *             the caller owns and releases with cadre_error_free().
 * @retval CADRE_OK the store is in @p out.
 * @retval CADRE_INVALID_ARGUMENT @p out or @p path is NULL, @p format is
 *         unknown, or the options do not parse (the error names the field).
 * @retval CADRE_NOT_FOUND the file is missing and the options say it must
 *         exist.
 * @retval CADRE_FAILED_PRECONDITION the file is not a cadre case store (left
 *         untouched), or its schema is newer than this library.
 * @retval CADRE_UNAVAILABLE the file cannot be opened, read or locked in time.
 * @retval CADRE_DATA_LOSS the file is corrupt.
 * @retval CADRE_RESOURCE_EXHAUSTED out of memory.
 * @retval CADRE_INTERNAL a bug in cadre.
 */
CADRE_API int cadre_store_open(cadre_store **out, const char *path, const uint8_t *options,
                               size_t options_size, int format, cadre_error **err);

/**
 * @brief Closes a store: what was appended stays in the file.
 * @param store a store the caller owns, or NULL (a no-op). No call may be
 *        running on it.
 */
CADRE_API void cadre_store_close(cadre_store *store);

/**
 * @brief Runs an operation by name on a case store: the same as its own
 *        function, e.g. cadre_store_call(out, engine, store, "case_due", ...)
 *        is cadre_case_due(out, engine, store, ...). An operation that needs
 *        no store runs as with cadre_call().
 * @param[out] out a buffer of the caller, borrowed; receives the serialized
 *             response message of the operation in @p format, owned by the
 *             library until the caller releases it with cadre_buffer_dispose().
 *             Left {NULL, 0} on failure.
 * @param engine the engine, borrowed: its procedure definitions and calendar
 *        decide.
 * @param store the store, borrowed; no other call may use it meanwhile.
 * @param operation the operation's name, e.g. "case_record", NUL-terminated,
 *        borrowed for the call.
 * @param request the serialized request message of the operation in
 *        @p format, borrowed for the call.
 * @param request_size size of @p request in bytes.
 * @param format #CADRE_FORMAT_BINARY or #CADRE_FORMAT_JSON, for the request
 *        and the response.
 * @param[out] err NULL, or receives NULL on success and on failure an error
 *             the caller owns and releases with cadre_error_free().
 * @retval CADRE_OK the response is in @p out.
 * @retval CADRE_INVALID_ARGUMENT @p out, @p engine, @p store or @p operation
 *         is NULL, @p format is unknown, or the request does not parse; and
 *         every INVALID_ARGUMENT of the operation.
 * @retval CADRE_NOT_FOUND no operation has that name (field "operation"); and
 *         every NOT_FOUND of the operation.
 * @retval CADRE_RESOURCE_EXHAUSTED out of memory, or @p request_size over 2 GiB.
 * @retval CADRE_INTERNAL a bug in cadre.
 * @return any other status the operation returns (@ref operations).
 */
CADRE_API int cadre_store_call(cadre_buffer *out, const cadre_engine *engine, cadre_store *store,
                               const char *operation, const uint8_t *request, size_t request_size,
                               int format, cadre_error **err);

/** @} */

/**
 * @defgroup cadre_stream Streamed screening
 * @brief Screening a roster of any size in the stream form, chunk by chunk,
 *        with memory bounded by the largest record.
 *
 * The stream form is the magic bytes "CADRES1\n" followed by records, each a
 * varint length and a serialized `cadre.v1.RosterRecord`; the first record is
 * the header and no other record is (proto/cadre/v1/roster.proto). Feed it in
 * chunks of any size. It is read exactly as cadre_roster_convert() and
 * cadre_roster_validate() read the stream form.
 * @{
 */

/** A streamed screening in progress. Opaque; used by one thread at a time. */
typedef struct cadre_stream cadre_stream;

/**
 * @brief Starts a streamed screening.
 * @param[out] out receives the stream; the caller owns it and releases it with
 *             cadre_stream_free(). Set to NULL on failure.
 * @param engine the engine, borrowed for the call: the stream keeps a shared
 *        reference to what it needs, so cadre_engine_free() may come before
 *        cadre_stream_free() (the engine is released with its last stream).
 * @param as_of the as-of date "YYYY-MM-DD", NUL-terminated, borrowed for the call.
 * @param format #CADRE_FORMAT_BINARY or #CADRE_FORMAT_JSON: the format of the
 *        responses that cadre_stream_push() and cadre_stream_finish() give.
 * @param[out] err optional error details, or NULL; the caller owns a returned
 *             error and releases it with cadre_error_free().
 * @retval CADRE_OK the stream is in @p out.
 * @retval CADRE_INVALID_ARGUMENT @p out, @p engine or @p as_of is NULL, @p as_of
 *         is not a date (field "as_of"), or @p format is unknown.
 * @retval CADRE_RESOURCE_EXHAUSTED out of memory.
 * @retval CADRE_INTERNAL a bug in cadre.
 */
CADRE_API int cadre_stream_new(cadre_stream **out, const cadre_engine *engine, const char *as_of,
                               int format, cadre_error **err);

/**
 * @brief Screens the stream's cadre records on several threads.
 *
 * The calling thread frames the records of each cadre_stream_push(); the
 * other threads screen them in blocks of a few records as they are framed
 * (and encode their results, in CADRE_FORMAT_BINARY), then the calling
 * thread too; the results are put back in the order of the records: every
 * response is byte-identical to the one of a single thread (the default).
 * Between pushes the other threads wait about a millisecond for the next
 * push before they sleep. The threads belong to the stream and end with
 * cadre_stream_free(); the engine is shared by them (it is thread-safe).
 * @param stream the stream, borrowed; no push yet.
 * @param threads the number of threads, from 1 to 64 (1: the calling thread alone).
 * @param[out] err optional error details, or NULL; the caller owns a returned
 *             error and releases it with cadre_error_free().
 * @retval CADRE_OK the next pushes screen on @p threads threads.
 * @retval CADRE_INVALID_ARGUMENT @p stream is NULL, or @p threads is out of
 *         range (field "threads").
 * @retval CADRE_FAILED_PRECONDITION the stream was pushed to already.
 * @retval CADRE_RESOURCE_EXHAUSTED out of memory.
 * @retval CADRE_INTERNAL a bug in cadre.
 */
CADRE_API int cadre_stream_set_threads(cadre_stream *stream, int threads, cadre_error **err);

/**
 * @brief Feeds the next bytes of the stream.
 *
 * Every cadre record completed by these bytes is screened: @p out receives a
 * `cadre.v1.ScreenResponse` with their findings and record errors (record
 * indexes count cadres from 0 over the whole stream); its summary is empty.
 *
 * A bad record does not stop the stream: a record whose framing is intact but
 * whose bytes do not parse (invalid UTF-8, a broken nested message) is a
 * record error with field path "records[i]" (i counts every record of the
 * stream, the header included) and index the cadre's index when the record
 * holds a cadre, -1 otherwise; a cadre whose id an earlier cadre of the
 * stream had is a record error "duplicate id" at "cadres[k].id", neither
 * screened nor counted as screened.
 *
 * Only broken framing ends the stream: bad magic, a length that is not a
 * varint or is over 64 MiB, a first record that is not a header or does not
 * parse, a second header. Then this call returns the error and @p out still
 * receives the findings and record errors of the records completed before
 * the break in these bytes, when they gave any (the one exception to
 * "{NULL, 0} on failure");
 * every later push returns the same error with @p out {NULL, 0}, and
 * cadre_stream_finish() returns it with the summary of the cadres screened.
 * A push that runs out of memory (CADRE_RESOURCE_EXHAUSTED) or fails with
 * CADRE_INTERNAL breaks the stream too: its records may be half screened, so
 * every later push returns that status at field "stream" with @p out
 * {NULL, 0}, and cadre_stream_finish() returns it with the summary.
 * @param[out] out receives the response, owned by the library until the caller
 *             releases it with cadre_buffer_dispose(); dispose it whatever the
 *             status. On a broken stream see above; on any other failure
 *             {NULL, 0}.
 * @param stream the stream, borrowed.
 * @param data the bytes, borrowed for the call; NULL with size 0 is allowed.
 * @param size number of bytes.
 * @param[out] err optional error details, or NULL; the caller owns a returned
 *             error and releases it with cadre_error_free().
 * @retval CADRE_OK the response is in @p out.
 * @retval CADRE_INVALID_ARGUMENT @p out or @p stream is NULL, or the framing is
 *         broken (bad magic, a length that is not a varint, no header first
 *         or a first record that does not parse, or a second header; the
 *         error names the record, e.g. "records[12]", or "magic").
 * @retval CADRE_FAILED_PRECONDITION cadre_stream_finish() was called already
 *         (field "stream"); @p out is {NULL, 0}.
 * @retval CADRE_RESOURCE_EXHAUSTED out of memory, or a record over 64 MiB, or
 *         an earlier push ran out of memory (field "stream").
 * @retval CADRE_INTERNAL a bug in cadre (in this push or an earlier one).
 */
CADRE_API int cadre_stream_push(cadre_buffer *out, cadre_stream *stream, const uint8_t *data,
                                size_t size, cadre_error **err);

/**
 * @brief Ends the stream and gives the summary.
 * @param[out] out receives a `cadre.v1.ScreenResponse` with `as_of` and the
 *             summary of the whole stream, owned by the library until the
 *             caller releases it with cadre_buffer_dispose(). A broken stream
 *             (CADRE_INVALID_ARGUMENT or CADRE_RESOURCE_EXHAUSTED for its
 *             framing) still receives the summary of the cadres screened
 *             before the break; dispose it whatever the status. {NULL, 0} on
 *             any other failure.
 * @param stream the stream, borrowed.
 * @param[out] err optional error details, or NULL; the caller owns a returned
 *             error and releases it with cadre_error_free().
 * @retval CADRE_OK the response is in @p out.
 * @retval CADRE_INVALID_ARGUMENT @p out or @p stream is NULL, the stream ends
 *         inside the magic or a record, has no header, or broke earlier.
 * @retval CADRE_FAILED_PRECONDITION cadre_stream_finish() was called already
 *         on this stream (field "stream"); @p out is {NULL, 0}.
 * @retval CADRE_RESOURCE_EXHAUSTED out of memory, or the stream broke earlier
 *         on a record over 64 MiB or out of memory (field "stream").
 * @retval CADRE_INTERNAL a bug in cadre (in this call or an earlier push).
 */
CADRE_API int cadre_stream_finish(cadre_buffer *out, cadre_stream *stream, cadre_error **err);

/**
 * @brief Releases a stream.
 * @param stream a stream the caller owns, or NULL (a no-op).
 */
CADRE_API void cadre_stream_free(cadre_stream *stream);

/** @} */

/**
 * @defgroup cadre_roster Rosters
 * @brief Validating and converting rosters in any of their three forms.
 * @{
 */

/** The stream form of a roster (".cadres"), for the roster functions only. */
#define CADRE_FORMAT_STREAM 2

/**
 * @brief Validates a roster: every error of every record, with its field path.
 * @param[out] out receives a serialized `cadre.v1.ValidateResponse` in
 *             @p response_format, owned by the library until the caller
 *             releases it with cadre_buffer_dispose(). Left {NULL, 0} on failure.
 * @param roster the roster, borrowed for the call: a `cadre.v1.Roster` in
 *        #CADRE_FORMAT_BINARY or #CADRE_FORMAT_JSON, or the stream form
 *        (#CADRE_FORMAT_STREAM).
 * @param size size of @p roster in bytes.
 * @param format the form of @p roster.
 * @param response_format #CADRE_FORMAT_BINARY or #CADRE_FORMAT_JSON.
 * @param as_of reference date "YYYY-MM-DD" for "not after the as-of date"
 *        checks, NUL-terminated and borrowed; NULL or "" for none.
 * @param[out] err optional error details, or NULL; the caller owns a returned
 *             error and releases it with cadre_error_free().
 *
 * The roster is read one record at a time, never held: memory beyond the
 * response is that of one record and of the keys checked across records
 * (ids, references). A record that does not parse is an error of its own and
 * the others are validated. The errors come in the order of the lists
 * (header, regions, units, teams, peer groups, unit assessments, cadres) and
 * of the records, whatever the order of the input, so every form of one
 * roster gets the same response; a stream whose framing breaks after its
 * header ends with that error (its field path "records[12]"), after those of
 * the records before it.
 * @retval CADRE_OK the response is in @p out (it may list record errors).
 * @retval CADRE_INVALID_ARGUMENT @p out is NULL, a format is unknown, @p as_of
 *         is not a date, or the bytes do not parse as a roster at all (not
 *         JSON, a bad magic, no header).
 * @retval CADRE_RESOURCE_EXHAUSTED out of memory, or @p size over 2 GiB.
 * @retval CADRE_INTERNAL a bug in cadre.
 */
CADRE_API int cadre_roster_validate(cadre_buffer *out, const uint8_t *roster, size_t size,
                                    int format, int response_format, const char *as_of,
                                    cadre_error **err);

/**
 * @brief Converts a roster between protobuf binary, protobuf JSON and the
 *        stream form.
 * @param[out] out receives the roster in @p out_format, owned by the library
 *             until the caller releases it with cadre_buffer_dispose(). Left
 *             {NULL, 0} on failure.
 * @param roster the roster, borrowed for the call.
 * @param size size of @p roster in bytes.
 * @param in_format the form of @p roster: #CADRE_FORMAT_BINARY,
 *        #CADRE_FORMAT_JSON or #CADRE_FORMAT_STREAM.
 * @param out_format the form wanted, one of the same three.
 * @param[out] err optional error details, or NULL; the caller owns a returned
 *             error and releases it with cadre_error_free().
 *
 * The roster is converted one record at a time, never held: memory beyond
 * the output is that of one record and a chunk of output. Records keep the
 * order of the input; protobuf JSON gathers each list into one array.
 * @retval CADRE_OK the converted roster is in @p out.
 * @retval CADRE_INVALID_ARGUMENT @p out is NULL, a format is unknown, or the
 *         bytes do not parse (the error names the first record or field that
 *         does not).
 * @retval CADRE_RESOURCE_EXHAUSTED out of memory, @p size over 2 GiB, or a
 *         binary or JSON output over 2 GiB (which no roster function reads:
 *         keep the stream form).
 * @retval CADRE_INTERNAL a bug in cadre.
 */
CADRE_API int cadre_roster_convert(cadre_buffer *out, const uint8_t *roster, size_t size,
                                   int in_format, int out_format, cadre_error **err);

/** @} */

/**
 * @defgroup cadre_labels Labels
 * @brief Labels of the schema's enum values in zh-CN and English.
 *
 * The labels are those of proto/cadre/v1/enums.proto (the `(zh_cn)` and
 * `(en)` options of every value), compiled into the library: the same text
 * the C++ API, the command-line tool and the explanations use.
 * @{
 */

/**
 * @brief The label of a value of a schema enum, e.g.
 *        cadre_label("cadre.v1.Channel", 3, "zh-CN") is "问责追究调整".
 *
 * Never fails and never allocates; safe from any thread.
 * @param enum_name the enum's full proto name ("cadre.v1.Channel") or its
 *        name within package `cadre.v1` ("Channel"), NUL-terminated, borrowed
 *        for the call; NULL gives "".
 * @param number the number of the value, as on the wire.
 * @param language "zh-CN" or "en", NUL-terminated, borrowed for the call;
 *        NULL means "zh-CN".
 * @return a static NUL-terminated UTF-8 string owned by the library, valid
 *         as long as the library is loaded; never NULL, never freed. "" when
 *         the enum, the value or the language is unknown.
 */
CADRE_API const char *cadre_label(const char *enum_name, int number, const char *language);

/** @} */

CADRE_END_DECL

/* One function per operation of the table, generated: cadre_screen(),
 * cadre_eligibility(), cadre_grade_cap(), cadre_warnings(), cadre_consistency()... */
#include "cadre/operations.h"

#endif /* CADRE_CADRE_H */
