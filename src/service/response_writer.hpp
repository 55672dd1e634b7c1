// A response written as it is made (issue 14: memory bounded by the input):
// the answers of a list operation are serialized batch by batch as the
// records are handled, so no whole response message is ever held. The bytes
// are those codec::serialize() gives for the whole message, in both formats.
// Internal to libcadre; never installed.
#ifndef CADRE_SRC_SERVICE_RESPONSE_WRITER_HPP
#define CADRE_SRC_SERVICE_RESPONSE_WRITER_HPP

#include <google/protobuf/message.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/status.hpp"
#include "codec/codec.hpp"

namespace cadre::service {

/**
 * Bytes kept in chunks of at most 1 MiB (a chunk is never copied to grow),
 * moved into one string at the end.
 */
class Chunks {
 public:
  /** Appends @p bytes. */
  void append(std::string_view bytes);
  /** Bytes held. */
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  /** Appends every chunk to @p out, freeing each as it goes. */
  void move_to(std::string &out);

 private:
  std::vector<std::string> chunks_;
  std::size_t size_ = 0;
};

/**
 * Writes a response message of a type whose fields are singular fields and
 * repeated message fields. The caller fills one response message: its
 * singular fields at any time, its repeated fields a few elements at a time;
 * flush() serializes and clears the elements of the repeated fields (the
 * cleared elements are reused); finish() puts every field, in the order of
 * field numbers as protobuf does, into the output. Memory: the output in
 * chunks, plus the elements not yet flushed.
 */
class ResponseWriter {
 public:
  /** For responses of the type of @p response in @p format (JSON or binary). */
  ResponseWriter(const google::protobuf::Message &response, codec::Format format);

  /** Serializes and clears the elements of every repeated field of @p response. */
  Status flush(google::protobuf::Message &response);

  /**
   * Flushes @p response, then writes the whole output into @p out (replaced):
   * the bytes codec::serialize() would give for the message made of every
   * element flushed and the singular fields of @p response.
   */
  Status finish(google::protobuf::Message &response, std::string &out);

 private:
  struct Field {
    const google::protobuf::FieldDescriptor *field = nullptr;
    Chunks bytes;           // the elements flushed (JSON: separated by commas)
    std::size_t count = 0;  // elements flushed
  };
  // The serialization of @p f of @p response alone (JSON: without the braces).
  Status field_alone(google::protobuf::Message &response,
                     const google::protobuf::FieldDescriptor *f, std::string &out);

  codec::Format format_;
  std::vector<Field> repeated_;  // in the order of field numbers
  std::unique_ptr<google::protobuf::Message> scratch_;
  std::string text_;
};

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_RESPONSE_WRITER_HPP
