// Fuzz target: a host's follow-up templates as text (the format of data/followup), as
// FollowUpCatalogue::add_text() reads them. The text is either added whole or refused with an
// error that names a field (or the source with line and column) and leaves the catalogue as it
// was; every template added checks again, and adding the same text again is refused.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cadre/followup_plan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  cadre::FollowUpCatalogue catalogue;
  const cadre::Status st = catalogue.add_text(text, "fuzz.textproto");
  if (!st.ok()) {
    if (st.field().empty() || !catalogue.templates().empty()) {
      __builtin_trap();  // an error names the field, and nothing is added
    }
    return 0;
  }
  for (const cadre::FollowUpTemplate &t : catalogue.templates()) {
    if (!cadre::check_followup_template(t).ok()) {
      __builtin_trap();  // accepted once: accepted again
    }
  }
  if (!catalogue.templates().empty() && catalogue.add_text(text, "again.textproto").ok()) {
    __builtin_trap();  // the same ids twice
  }
  return 0;
}
