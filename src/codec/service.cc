#include "codec/service.hpp"

#include <google/protobuf/arena.h>

#include "codec/catalogue_codec.hpp"
#include "codec/protobuf_log.hpp"

namespace cadre::service {
namespace pb = ::cadre::v1;

StatusOr<EngineConfig> engine_config(const std::uint8_t *bytes, std::size_t size,
                                     codec::Format format) {
  pb::EngineOptions options;
  if (size != 0) {
    if (auto st = codec::parse(bytes, size, format, options, "options"); !st.ok()) {
      return st;
    }
  }
  if (!options.language().empty() && options.language() != "zh-CN" && options.language() != "en") {
    return invalid_argument("options.language", R"(must be "zh-CN" or "en")");
  }
  EngineConfig config;
  config.catalogues = CatalogueSet{};
  if (!options.without_builtin_catalogues()) {
    const auto &builtin = codec::builtin_catalogue_set();
    if (!builtin.ok()) {
      return builtin.status();
    }
    config.catalogues = *builtin;
  }
  for (int i = 0; i < options.catalogue_texts_size(); ++i) {
    const std::string path = "options.catalogue_texts[" + std::to_string(i) + "]";
    Catalogue catalogue;
    std::vector<Status> errors;
    if (!codec::parse_catalogue_text(options.catalogue_texts(i), path, catalogue, errors)) {
      const Status &e = errors.front();
      // Syntax errors already carry the source as their field.
      return invalid_argument(e.field().rfind(path, 0) == 0 ? e.field() : path + "." + e.field(),
                              e.message());
    }
    if (auto st = config.catalogues.add(std::move(catalogue)); !st.ok()) {
      return Status(st.code(), st.message(), path + "." + st.field());
    }
  }
  if (options.without_builtin_catalogues() && options.catalogue_texts_size() == 0) {
    return invalid_argument("options.without_builtin_catalogues",
                            "no catalogue left: give catalogue_texts");
  }
  return config;
}

const Engine &builtin_engine() {
  static const Engine kEngine = [] {
    auto config = engine_config(nullptr, 0, codec::Format::kBinary);
    return config.ok() ? Engine(std::move(config).value()) : Engine();
  }();
  return kEngine;
}

namespace {

// Decodes cadre @p index (from a request, or a record of a stream), screens it
// and counts it in @p summary; a bad record gives a RecordError instead.
// @p cadre and @p findings are scratch values, reused from cadre to cadre.
template <typename In>
void screen_cadre(const Engine &engine, Date as_of, const In &in, int index, Cadre &cadre,
                  std::vector<Finding> &findings, ScreenSummary &summary,
                  pb::ScreenResponse &response) {
  const std::string path = "cadres[" + std::to_string(index) + "]";
  if (!decode_or_report(in, index, path, cadre, *response.mutable_errors())) {
    ++summary.records_rejected;
    return;
  }
  findings.clear();
  engine.screen(cadre, as_of, path, findings);
  summary.add(cadre, as_of, findings);
  for (const Finding &f : findings) {
    codec::encode(f, *response.add_findings());
  }
}

}  // namespace

Status screen(const Engine &engine, const pb::ScreenRequest &request,
              pb::ScreenResponse &response) {
  if (request.as_of().empty()) {
    return invalid_argument("as_of", "required");
  }
  auto as_of = codec::parse_date(request.as_of(), "as_of");
  if (!as_of.ok()) {
    return as_of.status();
  }
  response.set_as_of(as_of->to_string());
  ScreenSummary summary;
  std::vector<Finding> findings;
  Cadre cadre;
  for (int i = 0; i < request.cadres_size(); ++i) {
    screen_cadre(engine, *as_of, request.cadres(i), i, cadre, findings, summary, response);
  }
  codec::encode(summary, *response.mutable_summary());
  return {};
}

Status screen_bytes(const Engine &engine, const std::uint8_t *bytes, std::size_t size,
                    codec::Format format, std::string &out) {
  return bytes_call<pb::ScreenRequest, pb::ScreenResponse>(
      bytes, size, format, out,
      [&engine](const pb::ScreenRequest &request, pb::ScreenResponse &response) {
        return screen(engine, request, response);
      });
}

namespace {

constexpr std::string_view kMagic = "CADRES1\n";

// Reads a varint at data[pos..size); returns false when incomplete; sets bad
// when longer than 10 bytes.
bool read_varint(const std::string &data, std::size_t &pos, std::uint64_t &value, bool &bad) {
  value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos >= data.size()) {
      return false;
    }
    const auto byte = static_cast<unsigned char>(data[pos++]);
    value |= static_cast<std::uint64_t>(byte & 0x7fU) << shift;
    if ((byte & 0x80U) == 0) {
      return true;
    }
  }
  bad = true;
  return false;
}

}  // namespace

Status StreamScreener::push(const std::uint8_t *data, std::size_t size,
                            pb::ScreenResponse &response) {
  if (!failed_.ok()) {
    return failed_;
  }
  if (data == nullptr && size != 0) {
    return invalid_argument("data", "NULL with a non-zero size");
  }
  if (offset_ > 0 && offset_ >= pending_.size() / 2) {
    pending_.erase(0, offset_);
    offset_ = 0;
  }
  pending_.append(reinterpret_cast<const char *>(data), size);
  if (!magic_) {
    const std::size_t have = std::min(pending_.size() - offset_, kMagic.size());
    if (std::string_view(pending_).substr(offset_, have) != kMagic.substr(0, have)) {
      return failed_ = invalid_argument("stream", R"(does not start with the magic "CADRES1\n")");
    }
    if (have < kMagic.size()) {
      return {};
    }
    offset_ += kMagic.size();
    magic_ = true;
  }
  while (true) {
    std::size_t pos = offset_;
    std::uint64_t length = 0;
    bool bad = false;
    // The path of the record, built only for an error.
    const auto path = [this] { return "records[" + std::to_string(records_) + "]"; };
    if (!read_varint(pending_, pos, length, bad)) {
      if (bad) {
        return failed_ = invalid_argument(path(), "length is not a varint");
      }
      return {};  // wait for more bytes
    }
    if (length > kMaxRecordBytes) {
      return failed_ = Status(StatusCode::kResourceExhausted, "record over 64 MiB", path());
    }
    if (pending_.size() - pos < length) {
      return {};
    }
    const auto *begin = reinterpret_cast<const std::uint8_t *>(pending_.data()) + pos;
    // The fast path: a record that is one cadre, read by hand (wire_support.hpp).
    const std::uint8_t *cadre_begin = nullptr;
    const std::uint8_t *cadre_end = nullptr;
    if (fast_path_ && records_ > 0 &&
        codec::wire::only_field(begin, begin + length, pb::RosterRecord::kCadreFieldNumber,
                                cadre_begin, cadre_end) &&
        wire_.parse(cadre_begin, cadre_end)) {
      offset_ = pos + length;
      ++records_;
      ++fast_cadres_;
      screen_cadre(engine_, as_of_, wire_, static_cast<int>(cadres_++), cadre_, findings_, summary_,
                   response);
      continue;
    }
    if (arena_bytes_ > (2U << 20U)) {
      arena_.Reset();
      arena_bytes_ = 0;
    }
    arena_bytes_ += length;
    auto &record = *google::protobuf::Arena::CreateMessage<pb::RosterRecord>(&arena_);
    codec::ProtobufLogCapture log;  // libprotobuf never prints from inside cadre
    if (!record.ParseFromArray(begin, static_cast<int>(length))) {
      const std::string detail = log.detail();
      return failed_ = invalid_argument(
                 path(), "not a cadre.v1.RosterRecord" + (detail.empty() ? "" : ": " + detail));
    }
    offset_ = pos + length;
    if (records_ == 0 && !record.has_header()) {
      return failed_ = invalid_argument(path(), "the first record must be the header");
    }
    ++records_;
    if (record.has_cadre()) {
      screen_cadre(engine_, as_of_, record.cadre(), static_cast<int>(cadres_++), cadre_, findings_,
                   summary_, response);
    }
  }
}

Status StreamScreener::finish(pb::ScreenResponse &response) {
  if (!failed_.ok()) {
    return failed_;
  }
  if (!magic_) {
    return failed_ = invalid_argument("stream", "empty: no magic and no header");
  }
  if (offset_ != pending_.size()) {
    return failed_ = invalid_argument("records[" + std::to_string(records_) + "]",
                                      "truncated: the stream ends inside a record");
  }
  if (records_ == 0) {
    return failed_ = invalid_argument("records[0]", "missing: no header");
  }
  response.set_as_of(as_of_.to_string());
  codec::encode(summary_, *response.mutable_summary());
  return {};
}

}  // namespace cadre::service
