#include "codec/service.hpp"

#include <google/protobuf/arena.h>

#include "codec/catalogue_codec.hpp"

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
    const std::string path = "cadres[" + std::to_string(i) + "]";
    const pb::Cadre &in = request.cadres(i);
    // Records are validated without an as-of limit: a roster extracted today
    // may be screened as of a past date; the rules ignore what came later.
    if (auto st = codec::decode(in, path, std::nullopt, cadre); !st.ok()) {
      pb::RecordError *e = response.add_errors();
      e->set_index(i);
      e->set_cadre_id(in.id().size() <= codec::kMaxTextBytes ? in.id() : std::string());
      e->set_field_path(st.field());
      e->set_message(st.message());
      e->set_code(static_cast<int>(st.code()));
      ++summary.records_rejected;
      continue;
    }
    findings.clear();
    engine.screen(cadre, *as_of, path, findings);
    summary.add(cadre, *as_of, findings);
    for (const Finding &f : findings) {
      codec::encode(f, *response.add_findings());
    }
  }
  codec::encode(summary, *response.mutable_summary());
  return {};
}

Status screen_bytes(const Engine &engine, const std::uint8_t *bytes, std::size_t size,
                    codec::Format format, std::string &out) {
  google::protobuf::Arena arena;
  auto *request = google::protobuf::Arena::CreateMessage<pb::ScreenRequest>(&arena);
  if (auto st = codec::parse(bytes, size, format, *request, "request"); !st.ok()) {
    return st;
  }
  auto *response = google::protobuf::Arena::CreateMessage<pb::ScreenResponse>(&arena);
  if (auto st = screen(engine, *request, *response); !st.ok()) {
    return st;
  }
  return codec::serialize(*response, format, out);
}

}  // namespace cadre::service
