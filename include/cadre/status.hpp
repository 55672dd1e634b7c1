/**
 * @file cadre/status.hpp
 * @brief Status and StatusOr of the C++ API, sharing the codes of the C ABI.
 */
#ifndef CADRE_STATUS_HPP
#define CADRE_STATUS_HPP

#include <cassert>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace cadre {
inline namespace api_v1 {

/** Status codes, numbered like google.rpc.Code and like #cadre_status. */
enum class StatusCode : int {
  kOk = 0,
  kCancelled = 1,
  kUnknown = 2,
  kInvalidArgument = 3,
  kDeadlineExceeded = 4,
  kNotFound = 5,
  kAlreadyExists = 6,
  kPermissionDenied = 7,
  kResourceExhausted = 8,
  kFailedPrecondition = 9,
  kAborted = 10,
  kOutOfRange = 11,
  kUnimplemented = 12,
  kInternal = 13,
  kUnavailable = 14,
  kDataLoss = 15,
  kUnauthenticated = 16,
};

/**
 * The canonical name of a status code.
 * @param code a status code; any int is accepted.
 * @return static text, e.g. "INVALID_ARGUMENT"; "UNRECOGNIZED" for a value that
 *         is not a StatusCode.
 */
const char *status_code_name(int code) noexcept;

/**
 * The outcome of an operation: a code, and for a failure a message and the
 * path of the field it concerns ("cadres[3].birth_date").
 */
class [[nodiscard]] Status {
 public:
  /** An OK status. */
  Status() = default;
  /**
   * A status with a code, a message and an optional field path.
   * @param code the code.
   * @param message what is wrong, without personal data.
   * @param field the path of the field, e.g. "cadres[3].birth_date"; may be empty.
   */
  Status(StatusCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  /** Whether the status is OK. @return true when the code is kOk. */
  [[nodiscard]] bool ok() const noexcept { return code_ == StatusCode::kOk; }
  /** The code. @return the code. */
  [[nodiscard]] StatusCode code() const noexcept { return code_; }
  /** The message. @return what is wrong, without personal data. */
  [[nodiscard]] const std::string &message() const noexcept { return message_; }
  /** The field path. @return the path of the field, or empty. */
  [[nodiscard]] const std::string &field() const noexcept { return field_; }
  /** The status as text. @return "field: message", or the message when no field is named. */
  [[nodiscard]] std::string to_string() const {
    return field_.empty() ? message_ : field_ + ": " + message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
};

/**
 * Shorthand for an INVALID_ARGUMENT status about a field.
 * @param field the path of the field.
 * @param message what is wrong, without personal data.
 * @return the status.
 */
inline Status invalid_argument(std::string field, std::string message) {
  return {StatusCode::kInvalidArgument, std::move(message), std::move(field)};
}

/**
 * Thrown by StatusOr::value() when no value is held, as abseil's
 * `absl::BadStatusOrAccess`. It carries the status that explains why.
 */
class BadStatusOrAccess : public std::exception {
 public:
  /** @param status the failure that the StatusOr held. */
  explicit BadStatusOrAccess(Status status)
      : status_(std::move(status)),
        what_("StatusOr::value() without a value: " + status_.to_string()) {}
  /** @return "StatusOr::value() without a value: " and the status as text. */
  [[nodiscard]] const char *what() const noexcept override { return what_.c_str(); }
  /** @return the failure that the StatusOr held. */
  [[nodiscard]] const Status &status() const noexcept { return status_; }

 private:
  Status status_;
  std::string what_;
};

/**
 * A value, or the status that explains why there is none.
 *
 * value() throws BadStatusOrAccess when there is no value, as abseil's does;
 * `operator*` and `operator->` require ok() (checked by an assertion in
 * debug builds only). A StatusOr built from an OK status holds INTERNAL.
 */
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  /** Holds a value. @param value the value. */
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  /**
   * Holds a failure. @param status the failure; an OK status (a bug of the
   * caller) is replaced by an INTERNAL one, so that ok() and status() agree.
   */
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    if (status_.ok()) {
      status_ = Status(StatusCode::kInternal, "StatusOr built from an OK status without a value");
    }
  }
  /** Whether a value is held. @return true when a value is held. */
  [[nodiscard]] bool ok() const noexcept { return value_.has_value(); }
  /** The status. @return the failure, or OK when a value is held. */
  [[nodiscard]] const Status &status() const noexcept { return status_; }
  /**
   * The value. @return the value.
   * @throws BadStatusOrAccess when no value is held (!ok()).
   */
  [[nodiscard]] const T &value() const & {
    check();
    return *value_;
  }
  /**
   * The value. @return the value.
   * @throws BadStatusOrAccess when no value is held (!ok()).
   */
  [[nodiscard]] T &value() & {
    check();
    return *value_;
  }
  /**
   * The value, moved out. @return the value.
   * @throws BadStatusOrAccess when no value is held (!ok()).
   */
  [[nodiscard]] T &&value() && {
    check();
    return std::move(*value_);
  }
  /** The value; only when ok(). @return the value. */
  const T &operator*() const & {
    assert(ok());
    return *value_;
  }
  /** The value; only when ok(). @return a pointer to the value, owned by this object. */
  const T *operator->() const {
    assert(ok());
    return &*value_;
  }

 private:
  void check() const {
    if (!value_.has_value()) {
      throw BadStatusOrAccess(status_);
    }
  }

  Status status_;
  std::optional<T> value_;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_STATUS_HPP
