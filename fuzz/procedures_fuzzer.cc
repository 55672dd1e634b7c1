// Fuzz target: a file of procedure definitions in protobuf text format, as a
// host would load it (a province's 实施细则). Loading either adds every
// definition or refuses the file with an error that names a field; a loaded
// definition encodes, and a second load of the same file is refused as a duplicate.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "cadre/procedure_definition.hpp"
#include "codec/procedure_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  cadre::ProcedureSet set;
  const cadre::Status st = cadre::codec::add_procedures_text(set, text, "fuzz.textproto");
  if (!st.ok()) {
    if (st.field().empty() || !set.definitions().empty()) {
      __builtin_trap();
    }
    return 0;
  }
  std::vector<cadre::Document> documents;
  for (const cadre::ProcedureDefinition &d : set.definitions()) {
    documents.insert(documents.end(), d.documents.begin(), d.documents.end());
  }
  for (const cadre::ProcedureDefinition &d : set.definitions()) {
    if (!cadre::check_procedure(d, documents).ok()) {
      __builtin_trap();  // accepted once: accepted again
    }
    cadre::v1::ProcedureDefinition wire;
    cadre::codec::encode(d, wire);
  }
  if (!set.definitions().empty() &&
      cadre::codec::add_procedures_text(set, text, "again.textproto").ok()) {
    __builtin_trap();
  }
  return 0;
}
