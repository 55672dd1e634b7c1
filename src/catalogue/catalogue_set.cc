#include <algorithm>
#include <array>
#include <set>

#include "cadre/catalogue.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {}  // namespace

CatalogueSet CatalogueSet::builtin() {
  CatalogueSet set;
  for (Catalogue &c : builtin_catalogues()) {
    // The shipped data is validated by the tests; an error here is a bug.
    if (!set.add(std::move(c)).ok()) {
      return {};
    }
  }
  return set;
}

const Document *CatalogueSet::document(std::string_view key) const noexcept {
  if (const Document *d = find_builtin_document(key)) {
    return d;
  }
  for (const Catalogue &c : catalogues_) {
    for (const Document &d : c.documents) {
      if (d.key == key) {
        return &d;
      }
    }
  }
  return nullptr;
}

const Catalogue *CatalogueSet::find(std::string_view id) const noexcept {
  for (const Catalogue &c : catalogues_) {
    if (c.id == id) {
      return &c;
    }
  }
  return nullptr;
}

Status CatalogueSet::add(Catalogue catalogue) {
  if (find(catalogue.id) != nullptr) {
    return {StatusCode::kAlreadyExists, "a catalogue with this id is already loaded", "id"};
  }
  if (!catalogue.base.empty()) {
    if (find(catalogue.base) == nullptr) {
      return invalid_argument("base", "unknown base catalogue \"" + catalogue.base + "\"");
    }
    std::set<std::string, std::less<>> base_ids;
    for (const Catalogue *b = find(catalogue.base); b != nullptr; b = find(b->base)) {
      for (const Rule &r : b->rules) {
        base_ids.insert(r.id);
      }
      if (b->base.empty()) {
        break;
      }
    }
    for (const Rule &r : catalogue.rules) {
      if (!r.overrides.empty() && !base_ids.contains(r.overrides)) {
        return invalid_argument("rules[" + r.id + "].overrides",
                                "no rule \"" + r.overrides + "\" in the base catalogues");
      }
    }
  }
  catalogues_.push_back(std::move(catalogue));
  return {};
}

const Catalogue *CatalogueSet::select(std::string_view region_code, Date day) const noexcept {
  // Most specific first: the region, its city ("xxxx00"), its province
  // ("xx0000"), then "CN". No allocation: this runs once per cadre screened.
  std::array<std::array<char, 6>, 3> codes{};
  std::size_t n = 0;
  const bool six_digits = region_code.size() == 6 &&
                          region_code.find_first_not_of("0123456789") == std::string_view::npos;
  if (six_digits) {
    std::array<char, 6> c{};
    std::copy(region_code.begin(), region_code.end(), c.begin());
    codes[n++] = c;
    std::array<char, 6> city = c;
    city[4] = city[5] = '0';
    if (city != codes[n - 1]) {
      codes[n++] = city;
    }
    std::array<char, 6> province = c;
    province[2] = province[3] = province[4] = province[5] = '0';
    if (province != codes[n - 1]) {
      codes[n++] = province;
    }
  }
  for (std::size_t i = 0; i <= n; ++i) {
    const std::string_view j =
        i < n ? std::string_view(codes[i].data(), 6) : std::string_view("CN");
    const Catalogue *best = nullptr;
    for (const Catalogue &c : catalogues_) {
      if (c.jurisdiction == j && c.in_force(day) &&
          (best == nullptr || best->effective_from < c.effective_from)) {
        best = &c;
      }
    }
    if (best != nullptr) {
      return best;
    }
  }
  return nullptr;
}

std::vector<const Rule *> CatalogueSet::rules_in_force(const Catalogue &catalogue, Date day) const {
  // The chain from the catalogue down to its root.
  std::vector<const Catalogue *> chain;
  for (const Catalogue *c = &catalogue; c != nullptr && chain.size() < 16;
       c = c->base.empty() ? nullptr : find(c->base)) {
    chain.push_back(c);
  }
  // Rules replaced or switched off by a more specific catalogue.
  std::set<std::string, std::less<>> replaced;
  std::vector<const Rule *> out;
  for (const Catalogue *c : chain) {  // most specific first
    std::vector<const Rule *> mine;
    for (const Rule &r : c->rules) {
      if (replaced.contains(r.id)) {
        continue;
      }
      if (!r.overrides.empty()) {
        replaced.insert(r.overrides);
      }
      const bool own_dates = r.effective_from || r.effective_to;
      if (!r.disabled && (own_dates ? r.in_force(day) : c->in_force(day) || c != &catalogue)) {
        mine.push_back(&r);
      }
    }
    out.insert(out.begin(), mine.begin(), mine.end());
  }
  return out;
}

}  // namespace api_v1
}  // namespace cadre
