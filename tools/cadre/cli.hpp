// What the commands of the cadre tool share: exit codes, options, reading
// rosters, running an operation of the table, and printing.
#ifndef CADRE_TOOLS_CADRE_CLI_HPP
#define CADRE_TOOLS_CADRE_CLI_HPP

#include <boost/program_options.hpp>

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/labels.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/roster.pb.h"
#include "cadre/v1/screening.pb.h"
#include "codec/record_split.hpp"
#include "service/operation.hpp"

namespace cadre::cli {

namespace po = boost::program_options;

inline constexpr int kExitOk = 0;
inline constexpr int kExitInput = 1;  ///< bad input, a failed operation, a missing file
inline constexpr int kExitUsage = 2;  ///< bad options

/** Arguments of a command (after the command's name). */
using Args = std::vector<std::string>;

/** Language of the tables. */
enum class Lang { kZh, kEn, kBoth };

/** @p zh for zh-CN and both, @p en for English. */
std::string_view zh_or_en(Lang lang, std::string_view zh, std::string_view en);

/** The label of a value of a schema enum in the language of @p lang (zh-CN for both). */
template <typename E>
std::string_view label_of(E value, Lang lang) {
  return cadre::label(value, lang == Lang::kEn ? Language::kEn : Language::kZhCn);
}

/**
 * Reads a whole file ("-": standard input). A file over codec::kMaxInputBytes
 * (2 GiB) is refused from its size, before a byte is read (standard input:
 * as soon as it passes the limit): RESOURCE_EXHAUSTED. A file that cannot be
 * read: NOT_FOUND. The message names @p path.
 */
Status read_file(const std::string &path, std::string &out);

/** Prints "cadre <command>: <message>" on stderr. */
void complain(std::string_view command, std::string_view message);

/**
 * One value of a flag with a fixed set of values, e.g. "higher" for --target.
 * @p values maps what the user may type to the value; the error names the
 * flag and lists every accepted value.
 */
template <typename T>
bool parse_choice(std::string_view command, std::string_view flag, const std::string &text,
                  const std::vector<std::pair<std::string, T>> &values, T &out) {
  for (const auto &[name, value] : values) {
    if (name == text) {
      out = value;
      return true;
    }
  }
  std::string accepted;
  for (const auto &[name, value] : values) {
    accepted += (accepted.empty() ? "" : ", ") + name;
  }
  complain(command, std::string(flag) + ": unknown value; accepted values: " + accepted);
  return false;
}

/**
 * Parses @p args with @p desc (and positionals @p pos); prints help for
 * --help. Returns an exit code when the command must stop.
 */
std::optional<int> parse_options(std::string_view command, const Args &args,
                                 po::options_description &desc,
                                 const po::positional_options_description &pos,
                                 po::variables_map &vm);

/** Prints @p message as protobuf JSON on one line; false (and a message) on failure. */
bool print_json(std::string_view command, const google::protobuf::Message &message);

/**
 * The options every operation command shares (--roster, --cadre, --format,
 * --lang, --request) and their parsing; a command adds its own options to
 * desc before calling parse().
 */
struct OperationCommand {
  const service::Operation &op;
  std::string name;
  po::options_description desc;
  std::string roster_path;
  std::string only;
  std::string request_path;
  bool json = false;
  Lang lang = Lang::kZh;
  /** Request fields and the flags that set them, so that errors name the flag. */
  std::vector<std::pair<std::string, std::string>> flags;
  /**
   * The cadres of the roster or of --request that did not parse (read_cadres()
   * and run() fill it; run() reports each as a record error, and the other
   * cadres are answered).
   */
  mutable std::vector<codec::UnreadRecord> unread;

  explicit OperationCommand(const service::Operation &operation);

  /** Adds the shared options and parses; returns an exit code when the command must stop. */
  std::optional<int> parse(const Args &args);

  /**
   * Fills the request's cadres from the roster (.json, .pb or .cadres),
   * keeping only --cadre when given: a --cadre that names no cadre of the
   * roster is NOT_FOUND. Returns an exit code when the command must stop.
   */
  std::optional<int> read_cadres(google::protobuf::RepeatedPtrField<cadre::v1::Cadre> &out) const;

  /**
   * Runs the operation on @p request into @p response (from --request FILE
   * instead when given). An error names the flag that set the field. Returns
   * an exit code when the command must stop.
   */
  std::optional<int> run(google::protobuf::Message &request,
                         google::protobuf::Message &response) const;

  /** Prints @p st, with the flag of its field when a flag set it. */
  void fail(const Status &st) const;

  /**
   * Runs the operation: the request from the options (@p fill sets its
   * fields from them and returns an exit code when they are bad) and the
   * roster's cadres, or from --request; with --format json, prints the
   * response. Returns an exit code when the command is done (an error, or
   * the JSON printed); nullopt when the command prints its table.
   */
  template <typename Request, typename Response, typename Fill>
  std::optional<int> answer(Request &request, Response &response, Fill &&fill) const {
    if (request_path.empty()) {
      if (auto code = fill(request)) {
        return code;
      }
      if (auto code = read_cadres(*request.mutable_cadres())) {
        return code;
      }
    }
    if (auto code = run(request, response)) {
      return code;
    }
    if (json) {
      return print_json(name, response) ? kExitOk : kExitInput;
    }
    return std::nullopt;
  }
};

/**
 * The command of an operation with no command of its own: the request from
 * --request FILE (protobuf JSON, "-" for standard input), the response as
 * JSON.
 */
int run_generic(const service::Operation &op, const Args &args);

/** Prints the record errors of a response, one line each. */
void print_errors(const google::protobuf::RepeatedPtrField<cadre::v1::RecordError> &errors,
                  Lang lang, std::ostream &os);

/** "1 cadre", "2 cadres": @p n and @p noun, in the plural when n is not 1. */
std::string count(std::int64_t n, std::string_view noun);

// The commands.
int cmd_screen(const service::Operation &op, const Args &args);
int cmd_eligibility(const service::Operation &op, const Args &args);
int cmd_grade_cap(const service::Operation &op, const Args &args);
int cmd_warnings(const service::Operation &op, const Args &args);
int cmd_consistency(const service::Operation &op, const Args &args);
int cmd_calendar_day(const service::Operation &op, const Args &args);
int cmd_calendar_add(const service::Operation &op, const Args &args);
int cmd_calendar_count(const service::Operation &op, const Args &args);
int cmd_calendar_period_end(const service::Operation &op, const Args &args);
int cmd_calendar_roll_forward(const service::Operation &op, const Args &args);
int cmd_generate(const Args &args);
int cmd_convert(const Args &args);
int cmd_validate(const Args &args);
int cmd_catalogue(const Args &args);

}  // namespace cadre::cli

#endif  // CADRE_TOOLS_CADRE_CLI_HPP
