// The operation "screen", and what the handlers share.
#include "service/service.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <new>
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

IdSet::Key IdSet::key(std::string_view id) noexcept {
  return {std::hash<std::string_view>{}(id), fnv1a(id) | 1U};  // b never 0: 0 marks an empty slot
}

void IdSet::FreeSlots::operator()(Slot *p) const noexcept {
  std::free(p);  // NOLINT(cppcoreguidelines-no-malloc): from std::aligned_alloc/calloc
}

bool IdSet::insert(const Key &k) {
  if ((size_ + 1) * 2 > capacity_) {
    grow();
  }
  const std::size_t mask = capacity_ - 1;
  Slot *slots = slots_.get();
  for (std::size_t i = k.a & mask;; i = (i + 1) & mask) {
    Slot &s = slots[i];
    if (s.b == 0) {
      s = Slot{k.a, k.b};
      ++size_;
      return true;
    }
    if (s.a == k.a && s.b == k.b) {
      return false;
    }
  }
}

void IdSet::grow() {
  constexpr std::size_t kHuge = std::size_t{2} << 20U;
  const std::size_t old_capacity = capacity_;
  const std::size_t new_capacity = capacity_ == 0 ? 64 : capacity_ * 2;
  const std::size_t bytes = new_capacity * sizeof(Slot);
  Slot *fresh = nullptr;
  if (bytes >= kHuge) {
    fresh = static_cast<Slot *>(
        std::aligned_alloc(kHuge, bytes));  // NOLINT(cppcoreguidelines-no-malloc)
#ifdef MADV_HUGEPAGE
    if (fresh != nullptr) {
      (void)madvise(fresh, bytes, MADV_HUGEPAGE);  // a hint: refused, the table works as well
    }
#endif
    if (fresh != nullptr) {
      std::fill_n(fresh, new_capacity, Slot{});
    }
  } else {
    fresh = static_cast<Slot *>(
        std::calloc(new_capacity, sizeof(Slot)));  // NOLINT(cppcoreguidelines-no-malloc)
  }
  if (fresh == nullptr) {
    throw std::bad_alloc();
  }
  std::unique_ptr<Slot[], FreeSlots> old(fresh);
  old.swap(slots_);
  capacity_ = new_capacity;
  const std::size_t mask = capacity_ - 1;
  for (std::size_t j = 0; j < old_capacity; ++j) {
    const Slot &s = old[j];
    if (s.b != 0) {
      std::size_t i = s.a & mask;
      while (fresh[i].b != 0) {
        i = (i + 1) & mask;
      }
      fresh[i] = s;
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

namespace {

class ScreenRun final : public RecordRun {
 public:
  explicit ScreenRun(const Engine &engine) : engine_(engine) {}

  Status begin(const google::protobuf::Message &head,
               google::protobuf::Message &response) override {
    auto as_of = required_as_of(static_cast<const pb::ScreenRequest &>(head).as_of());
    if (!as_of.ok()) {
      return as_of.status();
    }
    as_of_ = *as_of;
    static_cast<pb::ScreenResponse &>(response).set_as_of(as_of_.to_string());
    return {};
  }
  void record(const pb::Cadre &in, std::int64_t index,
              google::protobuf::Message &response) override {
    screen_cadre(engine_, as_of_, in, index, cadre_, findings_, &ids_, summary_,
                 static_cast<pb::ScreenResponse &>(response));
  }
  Status end(google::protobuf::Message &response,
             const std::function<Status()> & /*flush*/) override {
    codec::encode(summary_, *static_cast<pb::ScreenResponse &>(response).mutable_summary());
    return {};
  }

 private:
  const Engine &engine_;
  Date as_of_;
  ScreenSummary summary_;
  std::vector<Finding> findings_;
  Cadre cadre_;
  IdSet ids_;
};

}  // namespace

std::unique_ptr<RecordRun> screen_run(const Engine &engine) {
  return std::make_unique<ScreenRun>(engine);
}

Status screen(const Engine &engine, const pb::ScreenRequest &request,
              pb::ScreenResponse &response) {
  return whole<&screen_run>(engine, request, request.cadres(), response);
}

}  // namespace cadre::service
