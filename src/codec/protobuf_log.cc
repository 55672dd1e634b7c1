#include "codec/protobuf_log.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/stubs/logging.h>

#include <mutex>
#include <string_view>

namespace cadre::codec {
namespace gp = ::google::protobuf;

namespace {

thread_local ProtobufLogCapture *t_capture = nullptr;
gp::LogHandler *g_previous = nullptr;

void handle(gp::LogLevel level, const char *filename, int line, const std::string &message) {
  if (t_capture != nullptr) {
    t_capture->record(message);
    return;
  }
  if (g_previous != nullptr) {
    g_previous(level, filename, line, message);
  }
}

void install_once() {
  static std::once_flag once;
  std::call_once(once, [] { g_previous = gp::SetLogHandler(&handle); });
}

}  // namespace

ProtobufLogCapture::ProtobufLogCapture() : outer_(t_capture) {
  install_once();
  t_capture = this;
}

ProtobufLogCapture::~ProtobufLogCapture() { t_capture = outer_; }

void ProtobufLogCapture::record(const std::string &message) {
  ++count_;
  constexpr std::string_view kUtf8 = "contains invalid UTF-8";
  if (message.find(kUtf8) == std::string::npos) {
    return;
  }
  utf8_ = true;
  // "String field 'cadre.v1.Cadre.name' contains ...": keep the quoted name
  // only when it names a field of the generated schema.
  const auto open = message.find('\'');
  const auto close = open == std::string::npos ? open : message.find('\'', open + 1);
  if (close == std::string::npos) {
    return;
  }
  const std::string name = message.substr(open + 1, close - open - 1);
  if (gp::DescriptorPool::generated_pool()->FindFieldByName(name) != nullptr) {
    utf8_field_ = name;
  }
}

std::string ProtobufLogCapture::detail() const {
  if (utf8_) {
    return utf8_field_.empty() ? "invalid UTF-8 in a string field"
                               : "invalid UTF-8 in string field " + utf8_field_;
  }
  return count_ == 0 ? std::string() : "rejected by the protobuf parser";
}

}  // namespace cadre::codec
