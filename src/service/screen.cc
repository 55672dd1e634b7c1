// The operation "screen", and what the handlers share.
#include "service/service.hpp"

namespace cadre::service {
namespace pb = ::cadre::v1;

std::string cadre_path(std::int64_t index) { return "cadres[" + std::to_string(index) + "]"; }

StatusOr<Date> required_as_of(const std::string &text) {
  if (text.empty()) {
    return invalid_argument("as_of", "required");
  }
  return codec::parse_date(text, "as_of");
}

Status screen(const Engine &engine, const pb::ScreenRequest &request,
              pb::ScreenResponse &response) {
  auto as_of = required_as_of(request.as_of());
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

}  // namespace cadre::service
