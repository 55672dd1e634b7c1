// The C ABI: thin wrappers with an exception barrier around the service layer.
#include "cadre/cadre.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/labels.hpp"
#include "cadre/sqlite_store.hpp"
#include "cadre/v1/case_service.pb.h"
#include "cadre/v1/service.pb.h"
#include "codec/codec.hpp"
#include "codec/roster_records.hpp"
#include "codec/stream.hpp"
#include "service/operation.hpp"
#include "service/service.hpp"
#include "service/stream_screener.hpp"

struct cadre_error {
  int code;
  std::string message;
  std::string field;
};

// An engine is shared by its handle and by every stream made from it:
// cadre_engine_free() while a stream is alive leaves the engine to the stream.
struct cadre_engine {
  std::shared_ptr<const cadre::Engine> engine;
};

struct cadre_stream {
  std::shared_ptr<const cadre::Engine> engine;  // declared first: outlives the screener
  cadre::service::StreamScreener screener;
  int format;
  // The response of each push, cleared but kept: its messages are reused.
  cadre::v1::ScreenResponse response;
  // The bytes of each push in CADRE_FORMAT_BINARY, cleared but kept.
  std::string bytes;
};

// A case store: the SQLite store of a file, used by one thread at a time.
struct cadre_store {
  std::unique_ptr<cadre::CaseStore> store;
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

// Serializes @p message in @p format into a library-owned buffer: binary
// straight into it (no string in between, one pass over the sizes).
Status respond(cadre_buffer *out, const google::protobuf::Message &message, int format) {
  if (format == CADRE_FORMAT_BINARY) {
    const std::size_t size = message.ByteSizeLong();
    if (size > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
      return {StatusCode::kResourceExhausted, "the response is larger than 2 GiB"};
    }
    auto *data = static_cast<uint8_t *>(std::malloc(size + 1));
    if (data == nullptr) {
      return {StatusCode::kResourceExhausted, "out of memory"};
    }
    message.SerializeWithCachedSizesToArray(data);
    data[size] = 0;
    out->data = data;
    out->size = size;
    return {};
  }
  std::string bytes;
  if (auto st = cadre::codec::serialize(message, static_cast<cadre::codec::Format>(format), bytes);
      !st.ok()) {
    return st;
  }
  return fill(out, bytes);
}

// The shape of every operation's entry point: cadre_screen(), cadre_call()...
int call_operation(cadre_buffer *out, const cadre_engine *engine,
                   const cadre::service::Operation *op, const uint8_t *request, size_t request_size,
                   int format, cadre_error **err, cadre_store *store = nullptr) noexcept {
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
    if (op == nullptr) {
      return {StatusCode::kInternal, "operation missing from the table"};
    }
    std::string bytes;
    if (auto st = cadre::service::call(*op, *engine->engine, request, request_size,
                                       static_cast<cadre::codec::Format>(format), bytes,
                                       store == nullptr ? nullptr : store->store.get());
        !st.ok()) {
      return st;
    }
    return fill(out, bytes);
  });
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
    *out = new cadre_engine{std::make_shared<const cadre::Engine>(std::move(config).value())};
    return {};
  });
}

void cadre_engine_free(cadre_engine *engine) { delete engine; }

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
    *out = new cadre_stream{
        engine->engine, cadre::service::StreamScreener(*engine->engine, *day), format, {}, {}};
    return {};
  });
}

int cadre_stream_set_threads(cadre_stream *stream, int threads, cadre_error **err) {
  return guarded(err, [&]() -> Status {
    if (stream == nullptr) {
      return cadre::invalid_argument("stream", "NULL");
    }
    return stream->screener.set_threads(threads);
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
    if (stream->format == CADRE_FORMAT_BINARY) {
      // Encoded by the threads that screened (no response message in between).
      std::string &bytes = stream->bytes;
      bytes.clear();
      Status st = stream->screener.push_serialized(data, size, bytes);
      if (!st.ok() && (st.code() == StatusCode::kFailedPrecondition || bytes.empty())) {
        return st;
      }
      if (auto written = fill(out, bytes); !written.ok()) {
        stream->screener.break_stream(written.code());
        return written;
      }
      return st;
    }
    cadre::v1::ScreenResponse &response = stream->response;
    stream->screener.recycle(response);  // Clear(), keeping its messages for reuse
    Status st = stream->screener.push(data, size, response);
    if (!st.ok() &&
        (st.code() == StatusCode::kFailedPrecondition || response.ByteSizeLong() == 0)) {
      return st;
    }
    // A stream that breaks in these bytes still gives the results of the
    // records before the break (documented in cadre.h). Results that cannot
    // be written are lost to the caller: the stream breaks.
    Status written;
    try {
      written = respond(out, response, stream->format);
    } catch (...) {
      stream->screener.break_stream(StatusCode::kResourceExhausted);
      throw;
    }
    if (!written.ok()) {
      stream->screener.break_stream(written.code());
      return written;
    }
    return st;
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
    Status st = stream->screener.finish(response);
    if (st.code() == StatusCode::kFailedPrecondition) {
      return st;
    }
    // A broken stream still gives the summary of the cadres screened.
    if (auto written = respond(out, response, stream->format); !written.ok()) {
      return written;
    }
    return st;
  });
}

void cadre_stream_free(cadre_stream *stream) { delete stream; }

int cadre_roster_validate(cadre_buffer *out, const uint8_t *roster, size_t size, int format,
                          int response_format, const char *as_of, cadre_error **err) {
  return guarded(err, [&]() -> Status {
    if (out == nullptr) {
      return cadre::invalid_argument("out", "NULL");
    }
    *out = cadre_buffer{nullptr, 0};
    if (format < CADRE_FORMAT_BINARY || format > CADRE_FORMAT_STREAM) {
      return cadre::invalid_argument("format", "unknown format " + std::to_string(format));
    }
    if (auto st = check_format(response_format); !st.ok()) {
      return cadre::invalid_argument("response_format", st.message());
    }
    std::optional<cadre::Date> day;
    if (as_of != nullptr && as_of[0] != 0) {
      auto d = cadre::codec::parse_date(as_of, "as_of");
      if (!d.ok()) {
        return d.status();
      }
      day = *d;
    }
    if (size > cadre::codec::kMaxInputBytes) {
      return {StatusCode::kResourceExhausted, "larger than 2 GiB", "roster"};
    }
    // Record by record (the roster is never held): the findings are sorted
    // into the order of the lists and of the records, whatever the order of
    // the input, so every form of a roster gets the same response.
    std::vector<cadre::codec::RecordFinding> findings;
    const cadre::codec::RosterValidation v = cadre::codec::validate_roster(
        {roster, size, nullptr}, static_cast<cadre::codec::RosterFormat>(format), day, false,
        [&](const cadre::codec::RecordFinding &f) { findings.push_back(f); },
        cadre::codec::kMaxRosterRecords);
    if (!v.failed.ok()) {
      return v.failed;
    }
    const auto rank = [](const std::string &record) {
      const std::string_view list = std::string_view(record).substr(0, record.find('['));
      std::uint64_t index = 0;
      if (const auto open = record.find('['); open != std::string::npos) {
        std::from_chars(record.data() + open + 1, record.data() + record.size(), index);
      } else if (list != "header") {
        index = std::numeric_limits<std::uint64_t>::max();  // the list as a whole, last
      }
      int kind = 8;  // "records", "roster": after the lists
      for (int k = 1; k <= 7; ++k) {
        if (list ==
            cadre::codec::roster_list_name(static_cast<cadre::v1::RosterRecord::RecordCase>(k))) {
          kind = k;
        }
      }
      return std::pair{kind, index};
    };
    std::stable_sort(findings.begin(), findings.end(),
                     [&](const auto &a, const auto &b) { return rank(a.record) < rank(b.record); });
    cadre::v1::ValidateResponse response;
    response.set_records(static_cast<std::int32_t>(v.records));  // under 2^31: 2 GiB of input
    std::set<std::string_view> rejected;
    for (const cadre::codec::RecordFinding &f : findings) {
      cadre::v1::RecordError *r = response.add_errors();
      const std::string &field = f.error.field();
      r->set_field_path(field.empty() ? f.record : f.record + "." + field);
      r->set_message(f.error.message());
      r->set_code(static_cast<int>(f.error.code()));
      if (f.record.find('[') != std::string::npos) {
        rejected.insert(f.record);
      }
      if (f.record.rfind("cadres[", 0) == 0) {
        r->set_index(static_cast<int>(rank(f.record).second));
        r->set_cadre_id(f.id);
      }
    }
    response.set_records_rejected(static_cast<int>(rejected.size()));
    return respond(out, response, response_format);
  });
}

int cadre_roster_convert(cadre_buffer *out, const uint8_t *roster, size_t size, int in_format,
                         int out_format, cadre_error **err) {
  return guarded(err, [&]() -> Status {
    if (out == nullptr) {
      return cadre::invalid_argument("out", "NULL");
    }
    *out = cadre_buffer{nullptr, 0};
    for (const auto &[name, f] : {std::pair{"in_format", in_format}, {"out_format", out_format}}) {
      if (f < CADRE_FORMAT_BINARY || f > CADRE_FORMAT_STREAM) {
        return cadre::invalid_argument(name, "unknown format " + std::to_string(f));
      }
    }
    if (size > cadre::codec::kMaxInputBytes) {
      return {StatusCode::kResourceExhausted, "larger than 2 GiB", "roster"};
    }
    std::string bytes;
    cadre::codec::StringByteSink sink(bytes);
    if (auto st = cadre::codec::convert_roster(
            {roster, size, nullptr}, static_cast<cadre::codec::RosterFormat>(in_format),
            static_cast<cadre::codec::RosterFormat>(out_format), sink);
        !st.ok()) {
      return st;
    }
    return fill(out, bytes);
  });
}

// Nothing here throws (string_view's construction from a C string and its
// comparisons, and cadre::label(), which is noexcept): no barrier is needed.
const char *cadre_label(const char *enum_name, int number, const char *language) {
  static_assert(noexcept(cadre::label(std::string_view(), 0, cadre::Language::kEn)));
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
}

}  // extern "C"

extern "C" {

int cadre_call(cadre_buffer *out, const cadre_engine *engine, const char *operation,
               const uint8_t *request, size_t request_size, int format, cadre_error **err) {
  const cadre::service::Operation *op =
      operation == nullptr ? nullptr : cadre::service::find_operation(operation);
  if (op != nullptr || out == nullptr) {
    return call_operation(out, engine, op, request, request_size, format, err);
  }
  return guarded(err, [&]() -> Status {
    *out = cadre_buffer{nullptr, 0};
    if (operation == nullptr) {
      return cadre::invalid_argument("operation", "NULL");
    }
    return {StatusCode::kNotFound, "no such operation (cadre_operations() lists them)",
            "operation"};
  });
}

int cadre_store_call(cadre_buffer *out, const cadre_engine *engine, cadre_store *store,
                     const char *operation, const uint8_t *request, size_t request_size, int format,
                     cadre_error **err) {
  if (store == nullptr && out != nullptr && engine != nullptr) {
    return guarded(err, [&]() -> Status {
      *out = cadre_buffer{nullptr, 0};
      return cadre::invalid_argument("store", "NULL");
    });
  }
  const cadre::service::Operation *op =
      operation == nullptr ? nullptr : cadre::service::find_operation(operation);
  if (op != nullptr || out == nullptr) {
    return call_operation(out, engine, op, request, request_size, format, err, store);
  }
  return guarded(err, [&]() -> Status {
    *out = cadre_buffer{nullptr, 0};
    if (operation == nullptr) {
      return cadre::invalid_argument("operation", "NULL");
    }
    return {StatusCode::kNotFound, "no such operation (cadre_operations() lists them)",
            "operation"};
  });
}

int cadre_store_open(cadre_store **out, const char *path, const uint8_t *options,
                     size_t options_size, int format, cadre_error **err) {
  return guarded(err, [&]() -> Status {
    if (out == nullptr) {
      return cadre::invalid_argument("out", "NULL");
    }
    *out = nullptr;
    if (path == nullptr) {
      return cadre::invalid_argument("path", "NULL");
    }
    if (auto st = check_format(format); !st.ok()) {
      return st;
    }
    cadre::v1::StoreOptions pb;
    if (options_size != 0) {
      if (auto st = cadre::codec::parse(options, options_size,
                                        static_cast<cadre::codec::Format>(format), pb, "options");
          !st.ok()) {
        return st;
      }
    }
    cadre::SqliteStoreOptions o;
    switch (pb.durability()) {
      case cadre::v1::StoreOptions::DURABILITY_UNSPECIFIED:
      case cadre::v1::StoreOptions::DURABILITY_FULL:
        o.durability = cadre::SqliteStoreOptions::Durability::kFull;
        break;
      case cadre::v1::StoreOptions::DURABILITY_PROCESS:
        o.durability = cadre::SqliteStoreOptions::Durability::kProcess;
        break;
      default:
        return cadre::invalid_argument("options.durability", "unknown value");
    }
    if (pb.busy_timeout_ms() < 0) {
      return cadre::invalid_argument("options.busy_timeout_ms", "must not be negative");
    }
    if (pb.busy_timeout_ms() > 0) {
      o.busy_timeout = std::chrono::milliseconds(pb.busy_timeout_ms());
    }
    o.create = !pb.must_exist();
    auto store = cadre::open_sqlite_store(path, o);
    if (!store.ok()) {
      return store.status();
    }
    *out = new cadre_store{std::move(store).value()};
    return {};
  });
}

void cadre_store_close(cadre_store *store) { delete store; }

int cadre_operations(cadre_buffer *out, int format, cadre_error **err) {
  return guarded(err, [&]() -> Status {
    if (out == nullptr) {
      return cadre::invalid_argument("out", "NULL");
    }
    *out = cadre_buffer{nullptr, 0};
    if (auto st = check_format(format); !st.ok()) {
      return st;
    }
    cadre::v1::OperationList list;
    cadre::service::describe(list);
    return respond(out, list, format);
  });
}

// The entry point of every operation of the table (generated by cadre_apigen).
#include "operations_c_api.inc"

}  // extern "C"
