// The registry of sources: lookups into the table generated from
// data/sources.textproto (builtin_documents() is in the generated code).
#include <algorithm>

#include "cadre/sources.hpp"

namespace cadre {
inline namespace api_v1 {

const Document *find_builtin_document(std::string_view key) noexcept {
  const std::vector<Document> &docs = builtin_documents();
  const auto it =
      std::find_if(docs.begin(), docs.end(), [&](const Document &d) { return d.key == key; });
  return it == docs.end() ? nullptr : &*it;
}

}  // namespace api_v1
}  // namespace cadre
