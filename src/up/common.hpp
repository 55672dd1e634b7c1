// What the four operations of going "up" (eligibility, grade caps, forward
// warnings, consistency) share: the context of one answer, blockers in the
// making, the impact periods of a cadre, and the words of the explanations.
#ifndef CADRE_SRC_UP_COMMON_HPP
#define CADRE_SRC_UP_COMMON_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/eligibility.hpp"
#include "cadre/screening.hpp"
#include "calendar/period.hpp"
#include "exemption/exemption.hpp"
#include "up/citations.hpp"
#include "up/up_rules.hpp"

namespace cadre::detail {

/** One answer's context: the cadre, the day, and the rules of the catalogue in force. */
struct UpContext {
  const Cadre &cadre;
  Date as_of;
  const CatalogueSet *set = nullptr;  ///< the engine's catalogues
  const UpRules *up = nullptr;        ///< the chain in force; nullptr when no catalogue is
  CatalogueRef ref;                   ///< the catalogue in force (empty when none)

  /** The context of @p cadre as of @p as_of under @p engine. */
  static UpContext make(const Cadre &cadre, Date as_of, const Engine &engine);

  /** The version of @p kind in force on @p day, or nullptr. */
  [[nodiscard]] const UpRule *at(std::string_view kind, Date day) const noexcept {
    return up != nullptr ? up->at(kind, day) : nullptr;
  }
  /** The rule's citations that may be cited as of the answer's date. */
  [[nodiscard]] std::vector<Citation> cite(const UpRule &rule) const {
    return cite_as_of(rule.rule->citations, as_of, set);
  }
  /** The civil-law citations of the counting conventions in force as of the answer's date. */
  [[nodiscard]] std::vector<Citation> conventions() const;
};

/** A blocker in the making. */
struct Candidate {
  Blocker blocker;
  bool blocks_same_level = false;  ///< also blocks use at the same level
  std::optional<Date> start;       ///< the record's day, when there is one
  std::optional<Date> from;        ///< the day the period counts from, when not #start
  int months = 0;                  ///< the period; 0 when the blocker is not a period
  bool service = false;            ///< a time to serve (lifts when reached), not a ban
  Counting counting = Counting::kStartDayIsDayOne;  ///< how the period counts
  std::string what_zh;                              ///< e.g. "受到诫勉"
  std::string what_en;                              ///< e.g. "was admonished"
  std::string effect_zh;                            ///< e.g. "不得提拔或者重用"
  std::string effect_en;                            ///< e.g. "no promotion or greater use"
};

/** The first of two optional dates that is set. */
inline std::optional<Date> first_of(std::optional<Date> a, std::optional<Date> b) {
  return a ? a : b;
}

/** The day a record counts from, if it is on or before @p as_of: @p a, else @p b. */
std::optional<Date> dated(std::optional<Date> a, std::optional<Date> b, Date as_of);

/** "1 month" / "6 months". */
std::string months_en(int n);
/** "1 year" / "2 years". */
std::string years_en(int n);
/** "1 cadre" / "3 cadres", "1 record"...: @p n with @p one or @p many. */
std::string count_en(long long n, std::string_view one, std::string_view many);

/** （记录 X） / (record X). */
std::string ref_zh(const RecordRef &r);
/** English of ref_zh(). */
std::string ref_en(const RecordRef &r);

/** The lift day of a period candidate under its convention. */
Date lifts_of(const Candidate &c);

/** Writes the explanation of a period candidate (with its convention) from its parts. */
void explain_period(const UpContext &ctx, Candidate &c);

/** A blocker that is not a period. */
Candidate simple(const UpContext &ctx, const UpRule &rule, std::string check, RecordRef record,
                 std::optional<Date> lifts_on, std::string zh, std::string en);

/** The record reference of the cadre itself. */
RecordRef cadre_ref(const Cadre &cadre);

/**
 * Every impact period of the cadre as of ctx.as_of (诫勉, 组织调整/处理, 问责, 党纪政务处分),
 * each under the version in force on the record's own date, with 容错 applied: cancelled
 * blockers go to @p waived, every decision considered to @p notes.
 */
void impact_periods(const UpContext &ctx, std::vector<Candidate> &out, std::vector<Blocker> &waived,
                    std::vector<ExemptionNote> &notes, std::vector<std::string> &applied);

/**
 * The cadre as known on @p day: records dated after it removed (incidents recorded, decisions,
 * sanctions, warnings, adjustments, claims decided, spells and leaves begun, posts taken), ends
 * after it cleared (still running as known then). Projections forward use it, so that nothing
 * from after the as-of date is used.
 */
Cadre known_on(const Cadre &cadre, Date day);

/** Sorts blockers by the day they lift (never-lifting last), then rule id and check. */
void sort_blockers(std::vector<Blocker> &v);

/** Sorts and removes duplicates. */
void dedupe(std::vector<std::string> &v);

}  // namespace cadre::detail

#endif  // CADRE_SRC_UP_COMMON_HPP
