// The C ABI: thin wrappers with an exception barrier around the service layer.
#include "cadre/cadre.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "cadre/labels.hpp"
#include "codec/codec.hpp"
#include "codec/service.hpp"

struct cadre_error {
  int code;
  std::string message;
  std::string field;
};

struct cadre_engine {
  cadre::Engine engine;
};

struct cadre_stream {
  cadre::service::StreamScreener screener;
  int format;
};

namespace {

using cadre::Status;
using cadre::StatusCode;

int report(const Status &st, cadre_error **err) noexcept {
  if (err != nullptr) {
    *err = nullptr;
    if (!st.ok()) {
      try {
        *err = new cadre_error{static_cast<int>(st.code()), st.to_string(), st.field()};
      } catch (...) {
        *err = nullptr;  // out of memory: the code still tells the caller
      }
    }
  }
  return static_cast<int>(st.code());
}

// Runs @p body; maps exceptions to statuses so that none crosses the ABI.
template <typename F>
int guarded(cadre_error **err, F &&body) noexcept {
  if (err != nullptr) {
    *err = nullptr;
  }
  try {
    return report(body(), err);
  } catch (const std::bad_alloc &) {
    return report(Status(StatusCode::kResourceExhausted, "out of memory"), err);
  } catch (const std::exception &) {
    return report(Status(StatusCode::kInternal, "internal error"), err);
  } catch (...) {
    return report(Status(StatusCode::kInternal, "internal error"), err);
  }
}

Status check_format(int format) {
  if (format != CADRE_FORMAT_BINARY && format != CADRE_FORMAT_JSON) {
    return cadre::invalid_argument("format", "unknown format " + std::to_string(format));
  }
  return {};
}

// Copies @p bytes into a malloc'ed, NUL-terminated buffer.
Status fill(cadre_buffer *out, const std::string &bytes) {
  auto *data = static_cast<uint8_t *>(std::malloc(bytes.size() + 1));
  if (data == nullptr) {
    return {StatusCode::kResourceExhausted, "out of memory"};
  }
  if (!bytes.empty()) {
    std::memcpy(data, bytes.data(), bytes.size());
  }
  data[bytes.size()] = 0;
  out->data = data;
  out->size = bytes.size();
  return {};
}

}  // namespace

extern "C" {

int cadre_version_number(void) { return CADRE_VERSION_NUMBER; }
const char *cadre_version_string(void) { return CADRE_VERSION_STRING; }
int cadre_abi_version(void) { return CADRE_ABI_VERSION; }
const char *cadre_status_name(int code) { return cadre::status_code_name(code); }

int cadre_error_code(const cadre_error *err) { return err == nullptr ? CADRE_OK : err->code; }
const char *cadre_error_message(const cadre_error *err) {
  return err == nullptr ? "" : err->message.c_str();
}
const char *cadre_error_field(const cadre_error *err) {
  return err == nullptr ? "" : err->field.c_str();
}
void cadre_error_free(cadre_error *err) { delete err; }

void cadre_buffer_dispose(cadre_buffer *buf) {
  if (buf == nullptr) {
    return;
  }
  std::free(buf->data);
  buf->data = nullptr;
  buf->size = 0;
}

int cadre_descriptor_set(cadre_buffer *out, cadre_error **err) {
  return guarded(err, [&]() -> Status {
    if (out == nullptr) {
      return cadre::invalid_argument("out", "NULL");
    }
    *out = cadre_buffer{nullptr, 0};
    return fill(out, cadre::codec::descriptor_set());
  });
}

int cadre_engine_new(cadre_engine **out, const uint8_t *options, size_t options_size, int format,
                     cadre_error **err) {
  return guarded(err, [&]() -> Status {
    if (out == nullptr) {
      return cadre::invalid_argument("out", "NULL");
    }
    *out = nullptr;
    if (auto st = check_format(format); !st.ok()) {
      return st;
    }
    auto config = cadre::service::engine_config(options, options_size,
                                                static_cast<cadre::codec::Format>(format));
    if (!config.ok()) {
      return config.status();
    }
    *out = new cadre_engine{cadre::Engine(std::move(config).value())};
    return {};
  });
}

void cadre_engine_free(cadre_engine *engine) { delete engine; }

int cadre_screen(cadre_buffer *out, const cadre_engine *engine, const uint8_t *request,
                 size_t request_size, int format, cadre_error **err) {
  return guarded(err, [&]() -> Status {
    if (out == nullptr) {
      return cadre::invalid_argument("out", "NULL");
    }
    *out = cadre_buffer{nullptr, 0};
    if (engine == nullptr) {
      return cadre::invalid_argument("engine", "NULL");
    }
    if (auto st = check_format(format); !st.ok()) {
      return st;
    }
    std::string bytes;
    if (auto st = cadre::service::screen_bytes(engine->engine, request, request_size,
                                               static_cast<cadre::codec::Format>(format), bytes);
        !st.ok()) {
      return st;
    }
    return fill(out, bytes);
  });
}

int cadre_stream_new(cadre_stream **out, const cadre_engine *engine, const char *as_of, int format,
                     cadre_error **err) {
  return guarded(err, [&]() -> Status {
    if (out == nullptr) {
      return cadre::invalid_argument("out", "NULL");
    }
    *out = nullptr;
    if (engine == nullptr) {
      return cadre::invalid_argument("engine", "NULL");
    }
    if (as_of == nullptr) {
      return cadre::invalid_argument("as_of", "NULL");
    }
    if (auto st = check_format(format); !st.ok()) {
      return st;
    }
    auto day = cadre::codec::parse_date(as_of, "as_of");
    if (!day.ok()) {
      return day.status();
    }
    *out = new cadre_stream{cadre::service::StreamScreener(engine->engine, *day), format};
    return {};
  });
}

int cadre_stream_push(cadre_buffer *out, cadre_stream *stream, const uint8_t *data, size_t size,
                      cadre_error **err) {
  return guarded(err, [&]() -> Status {
    if (out == nullptr) {
      return cadre::invalid_argument("out", "NULL");
    }
    *out = cadre_buffer{nullptr, 0};
    if (stream == nullptr) {
      return cadre::invalid_argument("stream", "NULL");
    }
    cadre::v1::ScreenResponse response;
    if (auto st = stream->screener.push(data, size, response); !st.ok()) {
      return st;
    }
    std::string bytes;
    if (auto st = cadre::codec::serialize(response,
                                          static_cast<cadre::codec::Format>(stream->format), bytes);
        !st.ok()) {
      return st;
    }
    return fill(out, bytes);
  });
}

int cadre_stream_finish(cadre_buffer *out, cadre_stream *stream, cadre_error **err) {
  return guarded(err, [&]() -> Status {
    if (out == nullptr) {
      return cadre::invalid_argument("out", "NULL");
    }
    *out = cadre_buffer{nullptr, 0};
    if (stream == nullptr) {
      return cadre::invalid_argument("stream", "NULL");
    }
    cadre::v1::ScreenResponse response;
    if (auto st = stream->screener.finish(response); !st.ok()) {
      return st;
    }
    std::string bytes;
    if (auto st = cadre::codec::serialize(response,
                                          static_cast<cadre::codec::Format>(stream->format), bytes);
        !st.ok()) {
      return st;
    }
    return fill(out, bytes);
  });
}

void cadre_stream_free(cadre_stream *stream) { delete stream; }

const char *cadre_label(const char *enum_name, int number, const char *language) {
  try {
    if (enum_name == nullptr) {
      return "";
    }
    const std::string_view lang = language == nullptr ? "zh-CN" : language;
    if (lang != "zh-CN" && lang != "en") {
      return "";
    }
    // Labels view string literals of the generated table: NUL-terminated.
    return cadre::label(enum_name, number,
                        lang == "en" ? cadre::Language::kEn : cadre::Language::kZhCn)
        .data();
  } catch (...) {
    return "";
  }
}

}  // extern "C"
