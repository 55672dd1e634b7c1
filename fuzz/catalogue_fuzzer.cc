// Fuzz target: a catalogue in protobuf text format, as a host would load it.
// Loading either succeeds or reports errors that name a field; a loaded
// catalogue compiles into an engine or is refused with a status.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "cadre/screening.hpp"
#include "codec/catalogue_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  cadre::Catalogue catalogue;
  std::vector<cadre::Status> errors;
  const bool ok = cadre::codec::parse_catalogue_text(text, "fuzz.textproto", catalogue, errors);
  if (ok != errors.empty()) {
    __builtin_trap();
  }
  for (const cadre::Status &e : errors) {
    if (e.field().empty()) {
      __builtin_trap();
    }
  }
  if (ok) {
    cadre::CatalogueSet set;
    if (set.add(catalogue).ok()) {
      try {
        cadre::EngineConfig config;
        config.catalogues = set;
        const cadre::Engine engine(config);
        (void)engine;
      } catch (const std::invalid_argument &) {
        // A parameter the predicate refuses: reported, never a crash.
      }
    }
  }
  return 0;
}
