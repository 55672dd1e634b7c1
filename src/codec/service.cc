#include "codec/service.hpp"

#include <google/protobuf/arena.h>

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
  return EngineConfig{};
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
    if (auto st = codec::decode(in, path, *as_of, cadre); !st.ok()) {
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
