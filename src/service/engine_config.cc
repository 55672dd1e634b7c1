// Engines configured from cadre.v1.EngineOptions.
#include "codec/catalogue_codec.hpp"
#include "codec/procedure_codec.hpp"
#include "screening/compiled.hpp"
#include "service/service.hpp"

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
  for (int i = 0; i < options.calendar_texts_size(); ++i) {
    const std::string path = "options.calendar_texts[" + std::to_string(i) + "]";
    if (auto st = config.calendar.add_text(options.calendar_texts(i), path); !st.ok()) {
      return Status(st.code(), st.message(),
                    st.field().rfind(path, 0) == 0 ? st.field() : path + "." + st.field());
    }
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
    if (auto st = cadre::detail::check_rules(catalogue); !st.ok()) {
      return Status(st.code(), st.message(), path + "." + st.field());
    }
    if (auto st = config.catalogues.add(std::move(catalogue)); !st.ok()) {
      return Status(st.code(), st.message(), path + "." + st.field());
    }
  }
  for (int i = 0; i < options.procedure_texts_size(); ++i) {
    const std::string path = "options.procedure_texts[" + std::to_string(i) + "]";
    if (auto st = codec::add_procedures_text(config.procedures, options.procedure_texts(i), path);
        !st.ok()) {
      return Status(st.code(), st.message(),
                    st.field().rfind(path, 0) == 0 ? st.field() : path + "." + st.field());
    }
  }
  for (int i = 0; i < options.tolerance_texts_size(); ++i) {
    const std::string path = "options.tolerance_texts[" + std::to_string(i) + "]";
    if (auto st = config.tolerance.add_text(options.tolerance_texts(i), path); !st.ok()) {
      return Status(st.code(), st.message(),
                    st.field().rfind(path, 0) == 0 ? st.field() : path + "." + st.field());
    }
  }
  for (int i = 0; i < options.followup_texts_size(); ++i) {
    const std::string path = "options.followup_texts[" + std::to_string(i) + "]";
    if (auto st = config.followups.add_text(options.followup_texts(i), path); !st.ok()) {
      return Status(st.code(), st.message(),
                    st.field().rfind(path, 0) == 0 ? st.field() : path + "." + st.field());
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

}  // namespace cadre::service
