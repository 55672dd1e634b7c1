// libprotobuf logs some parse failures itself (for example "String field
// 'cadre.v1.Cadre.name' contains invalid UTF-8 data ...") on stderr. cadre
// never prints: a ProtobufLogCapture, alive while cadre code parses, takes
// what libprotobuf says on this thread instead, so that the caller can turn it
// into the error entry. Outside any capture, logs go to the handler that was
// installed before cadre's (the host's, or libprotobuf's default).
#ifndef CADRE_SRC_CODEC_PROTOBUF_LOG_HPP
#define CADRE_SRC_CODEC_PROTOBUF_LOG_HPP

#include <cstddef>
#include <string>

namespace cadre::codec {

class ProtobufLogCapture {
 public:
  /** Installs cadre's log handler once per process, and captures this thread's logs. */
  ProtobufLogCapture();
  ~ProtobufLogCapture();
  ProtobufLogCapture(const ProtobufLogCapture &) = delete;
  ProtobufLogCapture &operator=(const ProtobufLogCapture &) = delete;

  /** How many log messages libprotobuf wrote on this thread since construction. */
  [[nodiscard]] std::size_t count() const noexcept { return count_; }
  /**
   * What the logs said, as a detail for an error message built only from
   * the schema: "invalid UTF-8 in string field cadre.v1.Cadre.name", or ""
   * when nothing was logged. The field name is kept only when it is a field
   * of the cadre.v1 schema; no other text of the log (which could quote
   * input) is ever returned.
   */
  [[nodiscard]] std::string detail() const;

  /** Called by the handler: records one message. */
  void record(const std::string &message);

 private:
  ProtobufLogCapture *outer_ = nullptr;
  std::size_t count_ = 0;
  std::string utf8_field_;  // a full field name of the schema, or empty
  bool utf8_ = false;
};

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_PROTOBUF_LOG_HPP
