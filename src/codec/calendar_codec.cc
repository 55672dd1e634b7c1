#include "codec/calendar_codec.hpp"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include "cadre/v1/calendar.pb.h"

namespace cadre::codec {
namespace {

namespace gp = ::google::protobuf;

// Keeps the first error protobuf reports, with its line and column.
class FirstError final : public gp::io::ErrorCollector {
 public:
  void AddError(int line, gp::io::ColumnNumber column, const std::string &message) override {
    if (message_.empty()) {
      message_ = "line " + std::to_string(line + 1) + " column " + std::to_string(column + 1) +
                 ": " + message;
    }
  }
  [[nodiscard]] const std::string &message() const noexcept { return message_; }

 private:
  std::string message_;
};

}  // namespace

StatusOr<std::string> calendar_text_via_protobuf(std::string_view text, std::string_view source) {
  ::cadre::v1::WorkCalendar msg;
  FirstError errors;
  gp::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.AllowUnknownField(false);
  if (!parser.ParseFromString(std::string(text), &msg)) {
    return invalid_argument(std::string(source), errors.message().empty()
                                                     ? "not a cadre.v1.WorkCalendar in text format"
                                                     : errors.message());
  }
  std::string out;
  if (!gp::TextFormat::PrintToString(msg, &out)) {
    return Status(StatusCode::kInternal, "protobuf could not print the calendar",
                  std::string(source));
  }
  return out;
}

}  // namespace cadre::codec
