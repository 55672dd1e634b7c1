// The operation "screen", and what the handlers share.
#include "service/service.hpp"

#include <functional>
#include <utility>

namespace cadre::service {
namespace pb = ::cadre::v1;

std::string cadre_path(std::int64_t index) { return "cadres[" + std::to_string(index) + "]"; }

void FindingMessages::keep(pb::ScreenResponse &response) {
  // The room first: a failed allocation (std::bad_alloc) leaves every message in place.
  const auto n = static_cast<std::size_t>(response.findings_size());
  texts_.reserve(texts_.size() + 2 * n);
  catalogues_.reserve(catalogues_.size() + n);
  for (pb::Finding &f : *response.mutable_findings()) {
    if (f.has_explanation()) {
      texts_.emplace_back(f.release_explanation());
    }
    if (f.has_next_step()) {
      texts_.emplace_back(f.release_next_step());
    }
    if (f.has_catalogue()) {
      catalogues_.emplace_back(f.release_catalogue());
    }
  }
}

void FindingMessages::attach(const Finding &f, pb::Finding &out) {
  // The conditions under which codec::encode sets each of them.
  const auto text = [this]() {
    pb::LocalizedText *t = texts_.back().release();
    texts_.pop_back();
    t->Clear();  // keeps its strings' capacity
    return t;
  };
  if (!out.has_explanation() && !texts_.empty()) {
    out.set_allocated_explanation(text());
  }
  if ((!f.next_step.zh_cn.empty() || !f.next_step.en.empty()) && !out.has_next_step() &&
      !texts_.empty()) {
    out.set_allocated_next_step(text());
  }
  if (!f.catalogue.id.empty() && !out.has_catalogue() && !catalogues_.empty()) {
    pb::CatalogueRef *c = catalogues_.back().release();
    catalogues_.pop_back();
    c->Clear();
    out.set_allocated_catalogue(c);
  }
}

void FindingMessages::share(FindingMessages &to, std::size_t texts, std::size_t catalogues) {
  while (to.texts_.size() < texts && !texts_.empty()) {
    to.texts_.push_back(std::move(texts_.back()));
    texts_.pop_back();
  }
  while (to.catalogues_.size() < catalogues && !catalogues_.empty()) {
    to.catalogues_.push_back(std::move(catalogues_.back()));
    catalogues_.pop_back();
  }
}

namespace {

// FNV-1a, 64 bits: independent of std::hash (the other half of the id's hash).
std::uint64_t fnv1a(std::string_view s) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

bool IdSet::insert(std::string_view id) {
  if ((size_ + 1) * 2 > slots_.size()) {
    grow();
  }
  const std::uint64_t a = std::hash<std::string_view>{}(id);
  const std::uint64_t b = fnv1a(id) | 1U;  // never 0: 0 marks an empty slot
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = a & mask;; i = (i + 1) & mask) {
    Slot &s = slots_[i];
    if (s.b == 0) {
      s = Slot{a, b};
      ++size_;
      return true;
    }
    if (s.a == a && s.b == b) {
      return false;
    }
  }
}

void IdSet::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot &s : old) {
    if (s.b != 0) {
      std::size_t i = s.a & mask;
      while (slots_[i].b != 0) {
        i = (i + 1) & mask;
      }
      slots_[i] = s;
    }
  }
}

void report(const Status &st, std::int64_t index, std::string_view id,
            google::protobuf::RepeatedPtrField<pb::RecordError> &errors) {
  pb::RecordError *e = errors.Add();
  e->set_index(static_cast<std::int32_t>(index));
  e->set_cadre_id(codec::is_valid_id(id) ? std::string(id) : std::string());
  e->set_field_path(st.field());
  e->set_message(st.message());
  e->set_code(static_cast<int>(st.code()));
}

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
  IdSet ids;
  for (int i = 0; i < request.cadres_size(); ++i) {
    screen_cadre(engine, *as_of, request.cadres(i), i, cadre, findings, &ids, summary, response);
  }
  codec::encode(summary, *response.mutable_summary());
  return {};
}

}  // namespace cadre::service
