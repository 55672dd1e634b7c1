// What the commands of the cadre tool share: exit codes, options, reading
// rosters, running an operation of the table, and printing.
#ifndef CADRE_TOOLS_CADRE_CLI_HPP
#define CADRE_TOOLS_CADRE_CLI_HPP

#include <boost/program_options.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/finding.hpp"
#include "cadre/labels.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/common.pb.h"
#include "cadre/v1/finding.pb.h"
#include "cadre/v1/roster.pb.h"
#include "cadre/v1/screening.pb.h"
#include "codec/record_split.hpp"
#include "service/operation.hpp"
#include "service/response_writer.hpp"

namespace cadre::cli {

namespace po = boost::program_options;

inline constexpr int kExitOk = 0;
inline constexpr int kExitInput = 1;    ///< bad input, a failed operation, a missing file
inline constexpr int kExitUsage = 2;    ///< bad options
inline constexpr int kExitRefused = 3;  ///< a case's step refused, or a chain that does not verify

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
 * Texts in the language of a command's --lang; for both, zh-CN first: "中文 / English" for a
 * LocalizedText or a label, "中文 English" for a pair of words.
 */
struct Bilingual {
  Lang lang = Lang::kBoth;  ///< the language asked

  /** A LocalizedText; the other language when one is empty. */
  [[nodiscard]] std::string text(const LocalizedText &t) const;
  /** A LocalizedText of the schema; the other language when one is empty. */
  [[nodiscard]] std::string text(const cadre::v1::LocalizedText &t) const;
  /** A pair of words. */
  [[nodiscard]] std::string text(std::string_view zh, std::string_view en) const;
  /**
   * A citation on one line: "依据 basis: DOCUMENT ARTICLEITEM [verification]", and "(evidence
   * only)" for evidence that is no legal basis.
   */
  [[nodiscard]] std::string citation(const cadre::v1::Citation &c) const;
  /** The label of a value of a schema enum. */
  template <typename E>
  [[nodiscard]] std::string label(E value) const {
    if (lang == Lang::kBoth) {
      return std::string(label_of(value, Lang::kZh)) + " / " +
             std::string(label_of(value, Lang::kEn));
    }
    return std::string(label_of(value, lang));
  }
};

/**
 * Reads a whole file ("-": standard input). A file over codec::kMaxInputBytes
 * (2 GiB) is refused from its size, before a byte is read (standard input:
 * as soon as it passes the limit): RESOURCE_EXHAUSTED. A file that cannot be
 * read: NOT_FOUND. The message names @p path.
 */
Status read_file(const std::string &path, std::string &out);

/**
 * The bytes of an input file ("-": standard input), read only. A regular
 * file is mapped, never copied; anything else (standard input, a pipe) is
 * read. A file over codec::kMaxInputBytes (2 GiB) is refused from its size,
 * before a byte is read (standard input and pipes: as soon as they pass the
 * limit): RESOURCE_EXHAUSTED. A file that cannot be read: NOT_FOUND. The
 * message names the path, never the content.
 */
class InputFile {
 public:
  InputFile() = default;
  InputFile(const InputFile &) = delete;
  InputFile &operator=(const InputFile &) = delete;
  InputFile(InputFile &&) = delete;
  InputFile &operator=(InputFile &&) = delete;
  ~InputFile();

  /** Opens @p path (the bytes of a file opened before are released). */
  Status open(const std::string &path);
  /** The bytes (never nullptr, valid until the next open() or the destructor). */
  [[nodiscard]] const std::uint8_t *data() const noexcept;
  /** How many. */
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

 private:
  void release() noexcept;
  void *map_ = nullptr;
  std::size_t size_ = 0;
  std::string read_;  // the bytes read, when the file is not mapped
};

/** Prints "cadre <command>: <message>" on stderr. */
void complain(std::string_view command, std::string_view message);

/**
 * Reads the JSON file @p path (a command's CLAIM.json or EVENT.json) into @p out, whose field
 * paths in errors start with @p field; complains as @p command on failure.
 * @return nothing when read; kExitInput when the file cannot be read or does not parse
 */
std::optional<int> read_json_file(std::string_view command, const std::string &path,
                                  const std::string &field, google::protobuf::Message &out);

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
   * False (screen --summary-only): the answers and record errors are
   * dropped, only the response's other fields are printed.
   */
  bool print_rows = true;
  /**
   * The cadres of the roster or of --request that did not parse, when they
   * are read whole (read_cadres() fills it; run() reports each as a record
   * error, and the other cadres are answered).
   */
  mutable std::vector<codec::UnreadRecord> unread;
  /**
   * The engine the operation runs on: the built-in one when null (a case command's
   * --procedures gives its own). Borrowed.
   */
  const Engine *engine = nullptr;
  /** The case store of an operation on one (--store), borrowed; null for the others. */
  CaseStore *store = nullptr;

  /** Prints the answers and record errors a response holds, as rows of a table. */
  using Rows = std::function<void(const google::protobuf::Message &response)>;

  explicit OperationCommand(const service::Operation &operation);

  /** Adds the shared options and parses; returns an exit code when the command must stop. */
  std::optional<int> parse(const Args &args);

  /**
   * Fills the request's cadres from the roster (.json, .pb or .cadres),
   * keeping only --cadre when given: a --cadre that names no cadre of the
   * roster is NOT_FOUND. Returns an exit code when the command must stop.
   * The whole roster is held: run() reads a .json or .pb roster record by
   * record instead, and calls this for the stream form only.
   */
  std::optional<int> read_cadres(google::protobuf::RepeatedPtrField<cadre::v1::Cadre> &out) const;

  /**
   * Runs the operation on @p request into @p response: @p request holds the
   * fields set from the options, and the cadres come from the roster; with
   * --request FILE the whole request comes from the file instead. An error
   * names the flag that set the field. Returns an exit code when the command
   * must stop.
   *
   * An operation on a list of cadres (service::runs_by_record()) reads a
   * .json or .pb roster and the --request file record by record
   * (service::run_by_record(): the file mapped, one cadre parsed and answered
   * at a time), never holding the request or the response whole. With
   * --format json it prints the response itself (the bytes of the whole
   * message, put together from its parts as the C ABI does) and returns
   * kExitOk; as a table @p rows prints the answers and record errors every
   * 256 answers or so, and @p response keeps only its other fields (the
   * summary) for the caller. The other operations answer into @p response
   * whole, for the caller to print.
   */
  std::optional<int> run(google::protobuf::Message &request, google::protobuf::Message &response,
                         const Rows &rows = nullptr) const;

  /** Prints @p st, with the flag of its field when a flag set it. */
  void fail(const Status &st) const;

  /**
   * Runs the operation: the request from the options (@p fill sets its
   * fields from them and returns an exit code when they are bad) and the
   * roster's cadres, or from --request; see run(). @p rows prints the
   * answers and record errors of a Response as rows of the table. Returns an
   * exit code when the command is done (an error, or the JSON printed);
   * nullopt when the command prints what follows its rows.
   */
  template <typename Request, typename Response, typename Fill, typename PrintRows>
  std::optional<int> answer(Request &request, Response &response, Fill &&fill,
                            PrintRows &&rows) const {
    if (request_path.empty()) {
      if (auto code = fill(request)) {
        return code;
      }
    }
    return run(request, response,
               [&](const google::protobuf::Message &m) { rows(static_cast<const Response &>(m)); });
  }

 private:
  // The response of an operation on a list, answered whole (the stream
  // form, or a file the record reader cannot follow), printed like the
  // record by record run's.
  std::optional<int> run_whole(google::protobuf::Message &request,
                               google::protobuf::Message &response, const Rows &rows) const;
  // Takes the elements of @p response's repeated fields: printed by @p rows
  // or serialized by @p writer, then cleared.
  Status take(google::protobuf::Message &response, const Rows &rows,
              service::ResponseWriter *writer) const;
  // Prints what is left of @p response once every cadre is answered.
  std::optional<int> finish(google::protobuf::Message &response, const Rows &rows,
                            service::ResponseWriter *writer) const;
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
int cmd_case_open(const service::Operation &op, const Args &args);
int cmd_case_record(const service::Operation &op, const Args &args);
int cmd_case_show(const service::Operation &op, const Args &args);
int cmd_case_due(const service::Operation &op, const Args &args);
int cmd_case_verify(const service::Operation &op, const Args &args);
int cmd_case_export(const service::Operation &op, const Args &args);
int cmd_case_import(const service::Operation &op, const Args &args);
int cmd_case_digest(const service::Operation &op, const Args &args);
int cmd_tolerance_evaluate(const service::Operation &op, const Args &args);
int cmd_identify(const service::Operation &op, const Args &args);
int cmd_generate(const Args &args);
int cmd_convert(const Args &args);
int cmd_validate(const Args &args);
int cmd_catalogue(const Args &args);
int cmd_report(const Args &args);

}  // namespace cadre::cli

#endif  // CADRE_TOOLS_CADRE_CLI_HPP
