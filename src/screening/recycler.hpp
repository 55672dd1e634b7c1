// Findings written into reused objects: a screening that runs cadre after
// cadre (the streamed path) hands its findings back here, and the rules fill
// the same objects again, their texts and lists keeping their capacity, so
// that once they have grown nothing is allocated per cadre.
// Internal to libcadre; never installed.
#ifndef CADRE_SRC_SCREENING_RECYCLER_HPP
#define CADRE_SRC_SCREENING_RECYCLER_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/finding.hpp"
#include "cadre/screening.hpp"

namespace cadre::detail {

/**
 * Spare findings and spare elements of their lists. A list that shrinks
 * moves its last elements here instead of destroying them (with their
 * strings' capacity); a list that grows takes them back. Elements only move
 * between the findings and the spares, so the memory held is bounded by the
 * largest set of findings seen. One per thread of screening (not thread-safe).
 */
class Recycler {
 public:
  /** Appends an empty finding to @p out, a spare one when there is one. */
  Finding &next(std::vector<Finding> &out) {
    if (findings_.empty()) {
      return out.emplace_back();
    }
    out.push_back(std::move(findings_.back()));
    findings_.pop_back();
    Finding &f = out.back();
    reset(f);
    return f;
  }

  /** Moves the findings of @p out to the spares: @p out is empty, its capacity kept. */
  void recycle(std::vector<Finding> &out) { give(out, findings_); }

  /** Appends an element to @p list, a spare one when there is one (its old value still in it). */
  Citation &add(std::vector<Citation> &list) { return take(list, citations_); }
  /** @copydoc add */
  Fact &add(std::vector<Fact> &list) { return take(list, facts_); }
  /** @copydoc add */
  RecordRef &add(std::vector<RecordRef> &list) { return take(list, records_); }

  /** Empties @p list into the spares. */
  void clear(std::vector<Citation> &list) { give(list, citations_); }
  /** @copydoc clear */
  void clear(std::vector<Fact> &list) { give(list, facts_); }
  /** @copydoc clear */
  void clear(std::vector<RecordRef> &list) { give(list, records_); }

 private:
  template <typename T>
  static T &take(std::vector<T> &list, std::vector<T> &spare) {
    if (spare.empty()) {
      return list.emplace_back();
    }
    list.push_back(std::move(spare.back()));
    spare.pop_back();
    return list.back();
  }
  // Moves every element of @p list to @p spare. The room is made first: when
  // that fails (std::bad_alloc), nothing has moved.
  template <typename T>
  static void give(std::vector<T> &list, std::vector<T> &spare) {
    spare.reserve(spare.size() + list.size());
    for (T &e : list) {
      spare.push_back(std::move(e));
    }
    list.clear();
  }
  // A spare finding as a default one, keeping the capacity of its texts and lists.
  void reset(Finding &f) {
    f.cadre_id.clear();
    f.rule_id.clear();
    f.channel = Channel::kUnspecified;
    f.heading = Heading::kUnspecified;
    give(f.citations, citations_);
    give(f.facts, facts_);
    f.explanation.zh_cn.clear();
    f.explanation.en.clear();
    f.allowed_methods.clear();
    f.determination = Determination::kUnspecified;
    f.effective_date = Date();
    give(f.records, records_);
    f.procedure = ProcedureKind::kUnspecified;
    f.first_deadline.reset();
    f.catalogue.id.clear();
    f.catalogue.version.clear();
    f.catalogue.content_hash.clear();
    f.status = FindingStatus::kActive;
    f.next_step.zh_cn.clear();
    f.next_step.en.clear();
    f.exemptions.clear();  // rare (error tolerance): not kept
  }

  std::vector<Finding> findings_;
  std::vector<Citation> citations_;
  std::vector<Fact> facts_;
  std::vector<RecordRef> records_;
};

/**
 * Engine::screen with the findings taken from @p pool (and put into @p out):
 * the same findings in the same order. The streamed screening keeps one pool
 * per thread and gives the findings of each cadre back to it
 * (Recycler::recycle) before the next one.
 */
void screen(const Engine &engine, const Cadre &cadre, Date as_of, std::string_view path,
            std::vector<Finding> &out, Recycler &pool);

/** Appends every part to @p s (string views: no temporary string). */
template <typename... Parts>
void cat(std::string &s, const Parts &...parts) {
  (s.append(std::string_view(parts)), ...);
}

}  // namespace cadre::detail

#endif  // CADRE_SRC_SCREENING_RECYCLER_HPP
