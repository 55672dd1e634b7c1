// The codec of one cadre and every record about it: cadre.v1 -> domain types
// with validation (every error, with its field path), and domain -> cadre.v1.
//
// Decoders overwrite every field of their output, so a caller can reuse one
// value (and its capacity) for many records. Field paths are built only when
// an error is reported (detail::Path). Messages never quote a value.
//
// The decoders are templates over the input message type: the generated
// cadre.v1 classes, or any family of types with the same accessors (a view
// over the wire format), so one validation serves both. They use only the
// accessors every family has: scalars (enums as int), strings as something
// convertible to std::string_view, has_f()/f() of singular messages, and
// size()/Get(i)/begin()/end() of repeated fields, which the message owns.
#include <algorithm>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "codec/check.hpp"
#include "codec/codec.hpp"
#include "codec/plan_codec.hpp"
#include "codec/wire.hpp"
#include "sources/source_key.hpp"

namespace cadre::codec {
namespace pb = ::cadre::v1;
namespace gp = ::google::protobuf;

namespace {

using detail::Checker;
using detail::IdLookup;
using detail::Path;
using detail::unique_ids;

constexpr std::size_t idx(int i) noexcept { return static_cast<std::size_t>(i); }

// The list type of a repeated field, from the return type of its accessor,
// which must be a reference to a list the message owns: an IdLookup keeps a
// pointer to it.
template <typename Ref>
struct ListType {
  static_assert(std::is_lvalue_reference_v<Ref>,
                "a repeated field's accessor must return a reference to the message's list");
  using type = std::remove_cv_t<std::remove_reference_t<Ref>>;
};
template <typename Ref>
using ListOf = typename ListType<Ref>::type;

// The lists of the cadre being decoded, for references between its records.
template <typename In>
struct CadreLists {
  const In &in;
  IdLookup<ListOf<decltype(std::declval<const In &>().posts())>> posts{in.posts()};
  IdLookup<ListOf<decltype(std::declval<const In &>().incidents())>> incidents{in.incidents()};
  IdLookup<ListOf<decltype(std::declval<const In &>().early_warnings())>> early_warnings{
      in.early_warnings()};
  IdLookup<ListOf<decltype(std::declval<const In &>().adjustments())>> adjustments{
      in.adjustments()};

  explicit CadreLists(const In &cadre) : in(cadre) {}

  // Whether a record of @p kind with @p id is among the cadre's records;
  // nothing when the kind is not a record kind this version knows.
  [[nodiscard]] std::optional<bool> contains(RecordKind kind, std::string_view id) const {
    const auto has = [id](const auto &list) {
      return std::any_of(list.begin(), list.end(),
                         [id](const auto &r) { return std::string_view(r.id()) == id; });
    };
    switch (kind) {
      case RecordKind::kCadre:
        return std::string_view(in.id()) == id;
      case RecordKind::kPost:
        return posts.contains(id);
      case RecordKind::kAssessment:
        return has(in.assessments());
      case RecordKind::kIncident:
        return incidents.contains(id);
      case RecordKind::kAccountabilityDecision:
        return has(in.accountability_decisions());
      case RecordKind::kPartySanction:
        return has(in.party_sanctions());
      case RecordKind::kGovernmentSanction:
        return has(in.government_sanctions());
      case RecordKind::kEarlyWarning:
        return early_warnings.contains(id);
      case RecordKind::kInvestigation:
        return has(in.investigations());
      case RecordKind::kAdjustment:
        return adjustments.contains(id);
      case RecordKind::kExemptionClaim:
        return has(in.exemption_claims());
      case RecordKind::kHealthSpell:
        return has(in.health_spells());
      case RecordKind::kStudyLeave:
        return has(in.study_leaves());
      case RecordKind::kResignationRequest:
        return has(in.resignation_requests());
      case RecordKind::kFamilySituation:
        return has(in.family_situations());
      case RecordKind::kAssignmentRefusal:
        return has(in.assignment_refusals());
      case RecordKind::kCandidacy:
        return has(in.candidacies());
      case RecordKind::kFollowUpPlan:
        return has(in.follow_up_plans());
      case RecordKind::kAgeLimitDelay:
        return has(in.age_limit_delays());
      case RecordKind::kUnspecified:
        break;
    }
    return std::nullopt;
  }
};

// Sets the size of @p out to @p n. The elements it drops are kept, with the
// capacity of their strings and lists, in a spare pool of the thread (at most
// kMaxSpares of a type), and the elements it adds are taken from there first:
// decoding cadre after cadre into one Cadre then allocates nothing once the
// pools have grown. An element taken back holds the values of an earlier
// record: the decoders assign every field (as they do to the elements kept).
constexpr std::size_t kMaxSpares = 256;

template <typename T>
void fit(std::vector<T> &out, std::size_t n) {
  if (out.size() == n) {
    return;  // the usual case, without the cost of reaching the thread's pool
  }
  thread_local std::vector<T> spares;
  while (out.size() > n) {
    if (spares.size() < kMaxSpares) {
      spares.push_back(std::move(out.back()));
    }
    out.pop_back();
  }
  while (out.size() < n && !spares.empty()) {
    out.push_back(std::move(spares.back()));
    spares.pop_back();
  }
  out.resize(n);
}

// Decodes a repeated message field element by element (bounded by @p max).
template <typename List, typename Out, typename F>
void decode_list(Checker &ck, const List &in, std::vector<Out> &out, const Path &at,
                 std::string_view leaf, int max, F &&decode_one) {
  if (!ck.bounded(in.size(), max, at, leaf)) {
    out.clear();
    return;
  }
  fit(out, idx(in.size()));
  for (int i = 0; i < in.size(); ++i) {
    const Path p(at, leaf, i);
    decode_one(in.Get(i), p, out[idx(i)]);
  }
}

// Decodes a repeated enum field (elements as int): every element known and specified.
template <typename List, typename E>
void decode_enums(Checker &ck, const List &in, std::vector<E> &out, const Path &at,
                  std::string_view leaf) {
  if (!ck.bounded(in.size(), kMaxRecords, at, leaf)) {
    out.clear();
    return;
  }
  out.resize(idx(in.size()));
  for (int i = 0; i < in.size(); ++i) {
    out[idx(i)] = ck.enumeration_at<E>(in.Get(i), at, leaf, i);
  }
}

// Decodes a repeated string field of ids.
template <typename List>
void decode_ids(Checker &ck, const List &in, std::vector<std::string> &out, const Path &at,
                std::string_view leaf, int max) {
  if (!ck.bounded(in.size(), max, at, leaf)) {
    out.clear();
    return;
  }
  fit(out, idx(in.size()));
  for (int i = 0; i < in.size(); ++i) {
    const Path p(at, leaf, i);
    ck.id(in.Get(i), p, {}, true);
    out[idx(i)] = in.Get(i);
  }
}

// A reference to a record of the cadre: empty is accepted, otherwise it must resolve.
template <typename List>
void reference(Checker &ck, std::string_view id, const IdLookup<List> &list, const Path &at,
               std::string_view leaf, std::string_view what) {
  ck.id(id, at, leaf, false);
  if (!id.empty() && id.size() <= kMaxTextBytes && !list.contains(id)) {
    ck.fail(at, leaf, "not the id of one of this cadre's " + std::string(what));
  }
}

// ---------------------------------------------------------------------------
// Posts.

template <typename In>
void decode_term(Checker &ck, const In &in, const Path &at, TermOfOffice &out) {
  out.number = in.number();
  if (in.number() == 0) {
    ck.fail(at, "number", "required");
  } else if (in.number() < 0) {
    ck.fail(at, "number", "not 1 or more");
  }
  out.start_date = ck.past_date(in.start_date(), at, "start_date");
  out.end_date = ck.date(in.end_date(), at, "end_date");
  ck.not_before(out.start_date, out.end_date, at, "end_date", "start_date");
}

template <typename In>
void decode_post(Checker &ck, const In &in, const Path &at, const std::optional<Date> &birth_date,
                 Post &out) {
  ck.id(in.id(), at, "id", false);
  out.id = in.id();
  ck.id(in.unit_id(), at, "unit_id", false);
  out.unit_id = in.unit_id();
  ck.id(in.title(), at, "title", false);
  out.title = in.title();
  out.rank_level = ck.enumeration<RankLevel>(in.rank_level(), at, "rank_level", false);
  out.kind = ck.enumeration<PostKind>(in.kind(), at, "kind", false);
  out.start_date = ck.past_date(in.start_date(), at, "start_date");
  out.end_date = ck.date(in.end_date(), at, "end_date");
  ck.not_before(out.start_date, out.end_date, at, "end_date", "start_date");
  ck.not_before(birth_date, out.start_date, at, "start_date", "birth_date");
  ck.region_code(in.region_code(), at, "region_code", false);
  out.region_code = in.region_code();
  out.appointment = ck.enumeration<AppointmentMode>(in.appointment(), at, "appointment", false);
  out.local_party_or_government_leader = in.local_party_or_government_leader();
  out.end_reason = ck.enumeration<PostEndReason>(in.end_reason(), at, "end_reason", false);
  if (in.end_reason() != 0 && !out.end_date && in.end_date().empty()) {
    ck.fail(at, "end_reason", "set while the post is held (no end_date)");
  }
  if (in.has_probation()) {
    const auto &pi = in.probation();
    const Path pp(at, "probation");
    Probation &po = out.probation.emplace();
    po.start_date = ck.past_date(pi.start_date(), pp, "start_date");
    po.end_date = ck.date(pi.end_date(), pp, "end_date");
    ck.not_before(po.start_date, po.end_date, pp, "end_date", "start_date");
    po.result = ck.enumeration<ProbationResult>(pi.result(), pp, "result", true);
  } else {
    out.probation.reset();
  }
  decode_list(ck, in.terms(), out.terms, at, "terms", kMaxRecords,
              [&ck](const auto &t, const Path &p, TermOfOffice &o) { decode_term(ck, t, p, o); });
  out.exceptional_promotion = in.exceptional_promotion();
  ck.id(in.peer_group_id(), at, "peer_group_id", false);
  out.peer_group_id = in.peer_group_id();
  out.unit_kind = ck.enumeration<UnitKind>(in.unit_kind(), at, "unit_kind", false);
  out.internal_unit = in.internal_unit();
}

// ---------------------------------------------------------------------------
// Assessments.

template <typename In>
void decode_ranking(Checker &ck, const In &in, const Path &at, Ranking &out) {
  out.rank = in.rank();
  out.of = in.of();
  if (in.of() < 1) {
    ck.fail(at, "of", "not 1 or more");
  }
  if (in.rank() < 1 || in.rank() > in.of()) {
    ck.fail(at, "rank", "not within 1 and of");
  }
  ck.id(in.group_id(), at, "group_id", false);
  out.group_id = in.group_id();
}

template <typename In>
void decode_assessment(Checker &ck, const In &in, const Path &at, AnnualAssessment &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  out.year = in.year();
  if (in.year() == 0) {
    ck.fail(at, "year", "required");
  } else if (in.year() < 1 || in.year() > 9999) {
    ck.fail(at, "year", "not a year");
  } else if (ck.as_of() && in.year() > ck.as_of()->year()) {
    ck.fail(at, "year", "after the year of the as-of date");
  }
  out.grade = ck.enumeration<AssessmentGrade>(in.grade(), at, "grade", true);
  out.no_grade_reason =
      ck.enumeration<NoGradeReason>(in.no_grade_reason(), at, "no_grade_reason", false);
  if (out.grade == AssessmentGrade::kNotGraded && in.no_grade_reason() == 0) {
    ck.fail(at, "no_grade_reason", "required when the grade is NOT_GRADED");
  } else if (out.grade != AssessmentGrade::kNotGraded && in.no_grade_reason() != 0) {
    ck.fail(at, "no_grade_reason", "only for the grade NOT_GRADED");
  }
  if (in.has_scores()) {
    const auto &s = in.scores();
    const Path p(at, "scores");
    ck.within(s.morality(), 0, 100, p, "morality");
    ck.within(s.ability(), 0, 100, p, "ability");
    ck.within(s.diligence(), 0, 100, p, "diligence");
    ck.within(s.achievement(), 0, 100, p, "achievement");
    ck.within(s.integrity(), 0, 100, p, "integrity");
    out.scores =
        DimensionScores{s.morality(), s.ability(), s.diligence(), s.achievement(), s.integrity()};
  } else {
    out.scores.reset();
  }
  if (in.has_evaluation()) {
    const auto &e = in.evaluation();
    const Path p(at, "evaluation");
    ck.non_negative(e.raters(), p, "raters");
    ck.non_negative(e.excellent(), p, "excellent");
    ck.non_negative(e.competent(), p, "competent");
    ck.non_negative(e.basically_competent(), p, "basically_competent");
    ck.non_negative(e.incompetent(), p, "incompetent");
    ck.non_negative(e.abstained(), p, "abstained");
    const long long votes = static_cast<long long>(e.excellent()) + e.competent() +
                            e.basically_competent() + e.incompetent() + e.abstained();
    if (votes > e.raters()) {
      ck.fail(p, "raters", "fewer than the votes and abstentions");
    }
    out.evaluation =
        DemocraticEvaluation{e.raters(),      e.excellent(), e.competent(), e.basically_competent(),
                             e.incompetent(), e.abstained()};
  } else {
    out.evaluation.reset();
  }
  if (in.has_reverse_evaluation()) {
    const auto &r = in.reverse_evaluation();
    const Path p(at, "reverse_evaluation");
    ck.non_negative(r.raters(), p, "raters");
    ck.non_negative(r.votes_as_weakest(), p, "votes_as_weakest");
    if (r.votes_as_weakest() > r.raters()) {
      ck.fail(p, "votes_as_weakest", "more than raters");
    }
    ck.id(r.areas_ref(), p, "areas_ref", false);
    ReverseEvaluation &o = out.reverse_evaluation.emplace();
    o.raters = r.raters();
    o.votes_as_weakest = r.votes_as_weakest();
    o.areas_ref = r.areas_ref();
  } else {
    out.reverse_evaluation.reset();
  }
  if (in.has_rank_in_team()) {
    decode_ranking(ck, in.rank_in_team(), Path(at, "rank_in_team"), out.rank_in_team.emplace());
  } else {
    out.rank_in_team.reset();
  }
  if (in.has_rank_in_peer_group()) {
    decode_ranking(ck, in.rank_in_peer_group(), Path(at, "rank_in_peer_group"),
                   out.rank_in_peer_group.emplace());
  } else {
    out.rank_in_peer_group.reset();
  }
  if (in.has_targets()) {
    const auto &t = in.targets();
    const Path p(at, "targets");
    ck.non_negative(t.set(), p, "set");
    ck.non_negative(t.met(), p, "met");
    if (t.met() > t.set()) {
      ck.fail(p, "met", "more than set");
    }
    out.targets = PerformanceTargets{t.set(), t.met(), t.ranked_last()};
  } else {
    out.targets.reset();
  }
  out.decided_on = ck.past_date(in.decided_on(), at, "decided_on");
  if (out.decided_on && in.year() >= 1 && out.decided_on->year() < in.year()) {
    ck.fail(at, "decided_on", "before the year assessed");
  }
}

// Reports every assessment whose year repeats an earlier one's.
template <typename List>
void unique_years(Checker &ck, const List &list, const Path &at) {
  // Pairwise: no allocation for the handful of assessments a cadre has (at
  // most kMaxRecords). Each later assessment of a year is the duplicate.
  const int n = list.size();
  for (int j = 1; j < n; ++j) {
    const auto year = list.Get(j).year();
    if (year == 0) continue;
    for (int i = 0; i < j; ++i) {
      if (list.Get(i).year() == year) {
        ck.fail(Path(at, "assessments", j), "year", "duplicate year within assessments");
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Conduct.

template <typename C, typename In>
void decode_incident(Checker &ck, const CadreLists<C> &lists, const In &in, const Path &at,
                     Incident &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  out.occurred_on = ck.past_date(in.occurred_on(), at, "occurred_on");
  out.recorded_on = ck.past_date(in.recorded_on(), at, "recorded_on");
  ck.not_before(out.occurred_on, out.recorded_on, at, "recorded_on", "occurred_on");
  ck.id(in.situation_id(), at, "situation_id", false);
  out.situation_id = in.situation_id();
  out.severity = ck.enumeration<Severity>(in.severity(), at, "severity", false);
  out.responsibility =
      ck.enumeration<Responsibility>(in.responsibility(), at, "responsibility", false);
  decode_ids(ck, in.evidence_refs(), out.evidence_refs, at, "evidence_refs", kMaxRecords);
  out.verified = in.verified();
  reference(ck, in.prior_warning_id(), lists.early_warnings, at, "prior_warning_id",
            "early_warnings");
  out.prior_warning_id = in.prior_warning_id();
}

template <typename C, typename In>
void decode_decision(Checker &ck, const CadreLists<C> &lists, const In &in, const Path &at,
                     AccountabilityDecision &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  const auto &incident_ids = in.incident_ids();
  if (ck.bounded(incident_ids.size(), kMaxRecords, at, "incident_ids")) {
    fit(out.incident_ids, idx(incident_ids.size()));
    for (int i = 0; i < incident_ids.size(); ++i) {
      const Path p(at, "incident_ids", i);
      const std::string_view id = incident_ids.Get(i);
      if (id.empty()) {
        ck.fail(p, {}, "required");
      } else {
        reference(ck, id, lists.incidents, p, {}, "incidents");
      }
      out.incident_ids[idx(i)] = id;
    }
  } else {
    out.incident_ids.clear();
  }
  if (in.forms().size() == 0) {
    ck.fail(at, "forms", "required");
  }
  decode_enums(ck, in.forms(), out.forms, at, "forms");
  decode_enums(ck, in.measures(), out.measures, at, "measures");
  const bool adjustment =
      std::find(out.forms.begin(), out.forms.end(),
                AccountabilityForm::kOrganisationalAdjustment) != out.forms.end();
  if (adjustment && in.measures().size() == 0) {
    ck.fail(at, "measures", "required when forms include ORGANISATIONAL_ADJUSTMENT");
  } else if (!adjustment && in.measures().size() != 0) {
    ck.fail(at, "measures", "only when forms include ORGANISATIONAL_ADJUSTMENT");
  }
  out.authority = ck.enumeration<AuthorityKind>(in.authority(), at, "authority", false);
  ck.id(in.document_number(), at, "document_number", false);
  out.document_number = in.document_number();
  out.decided_on = ck.past_date(in.decided_on(), at, "decided_on");
  out.received_on = ck.past_date(in.received_on(), at, "received_on");
  out.appealed_on = ck.past_date(in.appealed_on(), at, "appealed_on");
  ck.not_before(out.decided_on, out.received_on, at, "received_on", "decided_on");
  ck.not_before(out.received_on, out.appealed_on, at, "appealed_on", "received_on");
  if (!out.received_on) {
    ck.not_before(out.decided_on, out.appealed_on, at, "appealed_on", "decided_on");
  }
  // 责令公开道歉 is a form of the 2009 interim provisions only; from the day the
  // 问责条例 replaced them its forms are 通报、诫勉、组织调整或者组织处理、纪律处分.
  const Document *interim = find_builtin_document(cadre::detail::source_key("wzzx-2009"));
  if (out.decided_on && interim != nullptr && interim->superseded_on &&
      *interim->superseded_on <= *out.decided_on) {
    for (std::size_t i = 0; i < out.forms.size(); ++i) {
      if (out.forms[i] == AccountabilityForm::kPublicApology) {
        ck.fail(Path(at, "forms", static_cast<int>(i)), {},
                "责令公开道歉 is a form of the 2009 interim provisions only; decisions from " +
                    interim->superseded_on->to_string() + " follow " +
                    find_builtin_document(interim->superseded_by)->title +
                    ": 通报、诫勉、组织调整或者组织处理、纪律处分");
      }
    }
  }
}

template <typename C, typename In>
void decode_party_sanction(Checker &ck, const CadreLists<C> &lists, const In &in, const Path &at,
                           PartySanction &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  out.kind = ck.enumeration<PartySanctionKind>(in.kind(), at, "kind", true);
  out.decided_on = ck.past_date(in.decided_on(), at, "decided_on");
  out.effective_on = ck.date(in.effective_on(), at, "effective_on");
  ck.not_before(out.decided_on, out.effective_on, at, "effective_on", "decided_on");
  out.probation_years = in.probation_years();
  const bool probation = out.kind == PartySanctionKind::kProbationWithinParty;
  if (probation && in.probation_years() != 1 && in.probation_years() != 2) {
    ck.fail(at, "probation_years", "not 1 or 2 for PROBATION_WITHIN_PARTY (留党察看)");
  } else if (!probation && in.probation_years() != 0) {
    ck.fail(at, "probation_years", "only for PROBATION_WITHIN_PARTY (留党察看)");
  }
  out.restored_on = ck.date(in.restored_on(), at, "restored_on");
  if (out.restored_on && !probation) {
    ck.fail(at, "restored_on", "only for PROBATION_WITHIN_PARTY (留党察看)");
  }
  ck.strictly_after(out.effective_on, out.restored_on, at, "restored_on", "effective_on");
  out.related_to_duties = in.related_to_duties();
  reference(ck, in.incident_id(), lists.incidents, at, "incident_id", "incidents");
  out.incident_id = in.incident_id();
  ck.id(in.document_number(), at, "document_number", false);
  out.document_number = in.document_number();
}

template <typename C, typename In>
void decode_government_sanction(Checker &ck, const CadreLists<C> &lists, const In &in,
                                const Path &at, GovernmentSanction &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  out.kind = ck.enumeration<GovernmentSanctionKind>(in.kind(), at, "kind", true);
  out.decided_on = ck.past_date(in.decided_on(), at, "decided_on");
  out.effective_on = ck.date(in.effective_on(), at, "effective_on");
  ck.not_before(out.decided_on, out.effective_on, at, "effective_on", "decided_on");
  out.lifted_on = ck.date(in.lifted_on(), at, "lifted_on");
  ck.strictly_after(out.effective_on, out.lifted_on, at, "lifted_on", "effective_on");
  reference(ck, in.incident_id(), lists.incidents, at, "incident_id", "incidents");
  out.incident_id = in.incident_id();
  ck.id(in.document_number(), at, "document_number", false);
  out.document_number = in.document_number();
}

template <typename C, typename In>
void decode_warning(Checker &ck, const CadreLists<C> &lists, const In &in, const Path &at,
                    EarlyWarning &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  out.kind = ck.enumeration<EarlyWarningKind>(in.kind(), at, "kind", true);
  out.issued_on = ck.past_date(in.issued_on(), at, "issued_on");
  out.replied_on = ck.past_date(in.replied_on(), at, "replied_on");
  ck.not_before(out.issued_on, out.replied_on, at, "replied_on", "issued_on");
  if (out.replied_on && out.kind != EarlyWarningKind::kInquiryLetter) {
    ck.fail(at, "replied_on", "only for INQUIRY_LETTER (函询)");
  }
  out.self_examination_on = ck.past_date(in.self_examination_on(), at, "self_examination_on");
  ck.not_before(out.issued_on, out.self_examination_on, at, "self_examination_on", "issued_on");
  if (out.self_examination_on && out.kind != EarlyWarningKind::kAdmonishment) {
    ck.fail(at, "self_examination_on", "only for ADMONISHMENT (诫勉)");
  }
  out.corrected = in.corrected();
  out.reviewed_on = ck.past_date(in.reviewed_on(), at, "reviewed_on");
  ck.not_before(out.issued_on, out.reviewed_on, at, "reviewed_on", "issued_on");
  reference(ck, in.incident_id(), lists.incidents, at, "incident_id", "incidents");
  out.incident_id = in.incident_id();
}

template <typename In>
void decode_investigation(Checker &ck, const In &in, const Path &at, Investigation &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  out.opened_on = ck.past_date(in.opened_on(), at, "opened_on");
  out.closed_on = ck.past_date(in.closed_on(), at, "closed_on");
  ck.not_before(out.opened_on, out.closed_on, at, "closed_on", "opened_on");
  out.status = ck.enumeration<InvestigationStatus>(in.status(), at, "status", true);
  if (out.status == InvestigationStatus::kOpen && out.closed_on) {
    ck.fail(at, "closed_on", "set while the status is OPEN");
  }
  out.authority = ck.enumeration<AuthorityKind>(in.authority(), at, "authority", false);
}

// ---------------------------------------------------------------------------
// Error tolerance, adjustments, other facts, follow-up.

template <typename C, typename In>
void decode_claim(Checker &ck, const CadreLists<C> &lists, const In &in, const Path &at,
                  ExemptionClaim &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  {
    const auto &r = in.concerns();
    const Path p(at, "concerns");
    out.concerns.kind = ck.enumeration<RecordKind>(r.kind(), p, "kind", true);
    ck.id(r.id(), p, "id", true);
    out.concerns.id = r.id();
    ck.id(r.cadre_id(), p, "cadre_id", false);
    out.concerns.cadre_id = r.cadre_id();
    const bool same_cadre = r.cadre_id().empty() || r.cadre_id() == lists.in.id();
    if (same_cadre && !r.id().empty() && r.id().size() <= kMaxTextBytes) {
      const auto found = lists.contains(out.concerns.kind, r.id());
      if (found && !*found) {
        ck.fail(p, "id", "not the id of a record of this kind of this cadre");
      }
    }
  }
  decode_enums(ck, in.grounds(), out.grounds, at, "grounds");
  decode_list(ck, in.exclusions(), out.exclusions, at, "exclusions", kMaxRecords,
              [&ck](const auto &e, const Path &p, ExclusionCheck &o) {
                o.exclusion =
                    ck.enumeration<ExemptionExclusion>(e.exclusion(), p, "exclusion", true);
                o.applies = e.applies();
              });
  out.decision = ck.enumeration<ExemptionDecision>(in.decision(), at, "decision", true);
  decode_enums(ck, in.effects_cancelled(), out.effects_cancelled, at, "effects_cancelled");
  out.authority = ck.enumeration<AuthorityKind>(in.authority(), at, "authority", false);
  out.claimed_on = ck.past_date(in.claimed_on(), at, "claimed_on");
  out.decided_on = ck.past_date(in.decided_on(), at, "decided_on");
  ck.not_before(out.claimed_on, out.decided_on, at, "decided_on", "claimed_on");
  out.impact_months = in.impact_months();
  ck.non_negative(in.impact_months(), at, "impact_months");
  out.remedied = in.remedied();
  out.cooperated = in.cooperated();
}

template <typename C, typename In>
void decode_adjustment(Checker &ck, const CadreLists<C> &lists, const In &in, const Path &at,
                       Adjustment &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  out.channel = ck.enumeration<Channel>(in.channel(), at, "channel", true);
  out.method = ck.enumeration<AdjustmentMethod>(in.method(), at, "method", true);
  out.authority = ck.enumeration<AuthorityKind>(in.authority(), at, "authority", false);
  ck.id(in.document_number(), at, "document_number", false);
  out.document_number = in.document_number();
  out.proposed_on = ck.past_date(in.proposed_on(), at, "proposed_on");
  out.decided_on = ck.past_date(in.decided_on(), at, "decided_on");
  out.executed_on = ck.past_date(in.executed_on(), at, "executed_on");
  ck.not_before(out.proposed_on, out.decided_on, at, "decided_on", "proposed_on");
  ck.not_before(out.decided_on, out.executed_on, at, "executed_on", "decided_on");
  ck.id(in.rule_id(), at, "rule_id", false);
  out.rule_id = in.rule_id();
  reference(ck, in.from_post_id(), lists.posts, at, "from_post_id", "posts");
  out.from_post_id = in.from_post_id();
  reference(ck, in.to_post_id(), lists.posts, at, "to_post_id", "posts");
  out.to_post_id = in.to_post_id();
  ck.id(in.basis_id(), at, "basis_id", false);
  out.basis_id = in.basis_id();
}

template <typename C, typename In>
void decode_plan(Checker &ck, const CadreLists<C> &lists, const In &in, const Path &at,
                 FollowUpPlan &out) {
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  if (in.adjustment_id().empty()) {
    ck.fail(at, "adjustment_id", "required");
  } else {
    reference(ck, in.adjustment_id(), lists.adjustments, at, "adjustment_id", "adjustments");
  }
  out.adjustment_id = in.adjustment_id();
  out.start_date = ck.past_date(in.start_date(), at, "start_date");
  out.end_date = ck.date(in.end_date(), at, "end_date");
  ck.not_before(out.start_date, out.end_date, at, "end_date", "start_date");
  unique_ids(ck, in.talks(), at, "talks");
  decode_list(ck, in.talks(), out.talks, at, "talks", kMaxRecords,
              [&ck](const auto &t, const Path &p, Talk &o) {
                ck.id(t.id(), p, "id", true);
                o.id = t.id();
                o.held_on = ck.past_date(t.held_on(), p, "held_on");
                o.actor = ck.enumeration<FollowUpActor>(t.actor(), p, "actor", false);
                ck.id(t.notes_ref(), p, "notes_ref", false);
                o.notes_ref = t.notes_ref();
              });
  unique_ids(ck, in.trainings(), at, "trainings");
  decode_list(ck, in.trainings(), out.trainings, at, "trainings", kMaxRecords,
              [&ck](const auto &t, const Path &p, Training &o) {
                ck.id(t.id(), p, "id", true);
                o.id = t.id();
                ck.id(t.name(), p, "name", false);
                o.name = t.name();
                o.start_date = ck.past_date(t.start_date(), p, "start_date");
                o.end_date = ck.date(t.end_date(), p, "end_date");
                ck.not_before(o.start_date, o.end_date, p, "end_date", "start_date");
                o.hours = t.hours();
                ck.non_negative(t.hours(), p, "hours");
              });
  unique_ids(ck, in.special_tasks(), at, "special_tasks");
  decode_list(ck, in.special_tasks(), out.special_tasks, at, "special_tasks", kMaxRecords,
              [&ck](const auto &t, const Path &p, SpecialTask &o) {
                ck.id(t.id(), p, "id", true);
                o.id = t.id();
                ck.text(t.description(), p, "description", false, kMaxLongTextBytes);
                o.description = t.description();
                o.start_date = ck.past_date(t.start_date(), p, "start_date");
                o.end_date = ck.date(t.end_date(), p, "end_date");
                ck.not_before(o.start_date, o.end_date, p, "end_date", "start_date");
                o.grade = ck.enumeration<AssessmentGrade>(t.grade(), p, "grade", false);
              });
  if (in.has_outcome()) {
    const auto &oi = in.outcome();
    const Path p(at, "outcome");
    FollowUpOutcome &o = out.outcome.emplace();
    o.kind = ck.enumeration<FollowUpOutcomeKind>(oi.kind(), p, "kind", true);
    o.decided_on = ck.past_date(oi.decided_on(), p, "decided_on");
    ck.not_before(out.start_date, o.decided_on, p, "decided_on", "the plan's start_date");
    ck.id(oi.record_id(), p, "record_id", false);
    o.record_id = oi.record_id();
  } else {
    out.outcome.reset();
  }
}

// ---------------------------------------------------------------------------
// The cadre.

template <typename In>
bool decode_cadre(Checker &ck, const In &in, const Path &at, Cadre &out) {
  const std::size_t errors_before = ck.count();
  ck.id(in.id(), at, "id", true);
  out.id = in.id();
  out.sex = ck.enumeration<Sex>(in.sex(), at, "sex", true);
  out.birth_date = ck.past_date(in.birth_date(), at, "birth_date", true);
  out.birth_date_source =
      ck.enumeration<BirthDateSource>(in.birth_date_source(), at, "birth_date_source", false);
  const CadreLists<In> lists(in);
  unique_ids(ck, in.posts(), at, "posts");
  decode_list(
      ck, in.posts(), out.posts, at, "posts", kMaxPosts,
      [&](const auto &p, const Path &pp, Post &o) { decode_post(ck, p, pp, out.birth_date, o); });
  ck.id(in.name(), at, "name", false);
  out.name = in.name();
  ck.id(in.file_number(), at, "file_number", false);
  out.file_number = in.file_number();
  out.work_start_date = ck.past_date(in.work_start_date(), at, "work_start_date");
  ck.not_before(out.birth_date, out.work_start_date, at, "work_start_date", "birth_date");
  out.grassroots_months = in.grassroots_months();
  ck.non_negative(in.grassroots_months(), at, "grassroots_months");
  out.education = ck.enumeration<EducationLevel>(in.education(), at, "education", false);
  out.party_member = in.party_member();
  out.party_joined_on = ck.past_date(in.party_joined_on(), at, "party_joined_on");
  ck.not_before(out.birth_date, out.party_joined_on, at, "party_joined_on", "birth_date");
  if (out.party_joined_on && !in.party_member()) {
    ck.fail(at, "party_joined_on", "set for a cadre who is not a party member");
  }
  ck.id(in.unit_id(), at, "unit_id", false);
  out.unit_id = in.unit_id();

  // Per-cadre records: ids required and unique within their list.
  unique_ids(ck, in.assessments(), at, "assessments");
  unique_years(ck, in.assessments(), at);
  decode_list(
      ck, in.assessments(), out.assessments, at, "assessments", kMaxRecords,
      [&ck](const auto &a, const Path &p, AnnualAssessment &o) { decode_assessment(ck, a, p, o); });
  unique_ids(ck, in.incidents(), at, "incidents");
  decode_list(
      ck, in.incidents(), out.incidents, at, "incidents", kMaxRecords,
      [&](const auto &r, const Path &p, Incident &o) { decode_incident(ck, lists, r, p, o); });
  unique_ids(ck, in.accountability_decisions(), at, "accountability_decisions");
  decode_list(ck, in.accountability_decisions(), out.accountability_decisions, at,
              "accountability_decisions", kMaxRecords,
              [&](const auto &r, const Path &p, AccountabilityDecision &o) {
                decode_decision(ck, lists, r, p, o);
              });
  unique_ids(ck, in.party_sanctions(), at, "party_sanctions");
  decode_list(ck, in.party_sanctions(), out.party_sanctions, at, "party_sanctions", kMaxRecords,
              [&](const auto &r, const Path &p, PartySanction &o) {
                decode_party_sanction(ck, lists, r, p, o);
              });
  unique_ids(ck, in.government_sanctions(), at, "government_sanctions");
  decode_list(ck, in.government_sanctions(), out.government_sanctions, at, "government_sanctions",
              kMaxRecords, [&](const auto &r, const Path &p, GovernmentSanction &o) {
                decode_government_sanction(ck, lists, r, p, o);
              });
  unique_ids(ck, in.early_warnings(), at, "early_warnings");
  decode_list(
      ck, in.early_warnings(), out.early_warnings, at, "early_warnings", kMaxRecords,
      [&](const auto &r, const Path &p, EarlyWarning &o) { decode_warning(ck, lists, r, p, o); });
  unique_ids(ck, in.investigations(), at, "investigations");
  decode_list(
      ck, in.investigations(), out.investigations, at, "investigations", kMaxRecords,
      [&ck](const auto &r, const Path &p, Investigation &o) { decode_investigation(ck, r, p, o); });
  unique_ids(ck, in.exemption_claims(), at, "exemption_claims");
  decode_list(
      ck, in.exemption_claims(), out.exemption_claims, at, "exemption_claims", kMaxRecords,
      [&](const auto &r, const Path &p, ExemptionClaim &o) { decode_claim(ck, lists, r, p, o); });
  unique_ids(ck, in.adjustments(), at, "adjustments");
  decode_list(
      ck, in.adjustments(), out.adjustments, at, "adjustments", kMaxRecords,
      [&](const auto &r, const Path &p, Adjustment &o) { decode_adjustment(ck, lists, r, p, o); });
  unique_ids(ck, in.health_spells(), at, "health_spells");
  decode_list(ck, in.health_spells(), out.health_spells, at, "health_spells", kMaxRecords,
              [&ck](const auto &r, const Path &p, HealthSpell &o) {
                ck.id(r.id(), p, "id", true);
                o.id = r.id();
                o.start_date = ck.past_date(r.start_date(), p, "start_date");
                o.end_date = ck.date(r.end_date(), p, "end_date");
                ck.not_before(o.start_date, o.end_date, p, "end_date", "start_date");
                o.continuous_leave = r.continuous_leave();
                o.partially_able = r.partially_able();
              });
  unique_ids(ck, in.study_leaves(), at, "study_leaves");
  decode_list(ck, in.study_leaves(), out.study_leaves, at, "study_leaves", kMaxRecords,
              [&ck](const auto &r, const Path &p, StudyLeave &o) {
                ck.id(r.id(), p, "id", true);
                o.id = r.id();
                o.start_date = ck.past_date(r.start_date(), p, "start_date");
                o.end_date = ck.date(r.end_date(), p, "end_date");
                ck.not_before(o.start_date, o.end_date, p, "end_date", "start_date");
                o.organisation_sent = r.organisation_sent();
              });
  unique_ids(ck, in.resignation_requests(), at, "resignation_requests");
  decode_list(ck, in.resignation_requests(), out.resignation_requests, at, "resignation_requests",
              kMaxRecords, [&ck](const auto &r, const Path &p, ResignationRequest &o) {
                ck.id(r.id(), p, "id", true);
                o.id = r.id();
                o.submitted_on = ck.past_date(r.submitted_on(), p, "submitted_on");
                o.reason = ck.enumeration<ResignationReason>(r.reason(), p, "reason", false);
                o.accepted_on = ck.past_date(r.accepted_on(), p, "accepted_on");
                ck.not_before(o.submitted_on, o.accepted_on, p, "accepted_on", "submitted_on");
                o.withdrawn = r.withdrawn();
              });
  unique_ids(ck, in.family_situations(), at, "family_situations");
  decode_list(ck, in.family_situations(), out.family_situations, at, "family_situations",
              kMaxRecords, [&ck](const auto &r, const Path &p, FamilySituation &o) {
                ck.id(r.id(), p, "id", true);
                o.id = r.id();
                o.kind = ck.enumeration<FamilySituationKind>(r.kind(), p, "kind", true);
                o.since = ck.past_date(r.since(), p, "since");
                o.until = ck.date(r.until(), p, "until");
                ck.not_before(o.since, o.until, p, "until", "since");
                o.adjustment_required = r.adjustment_required();
              });
  unique_ids(ck, in.assignment_refusals(), at, "assignment_refusals");
  decode_list(ck, in.assignment_refusals(), out.assignment_refusals, at, "assignment_refusals",
              kMaxRecords, [&ck](const auto &r, const Path &p, AssignmentRefusal &o) {
                ck.id(r.id(), p, "id", true);
                o.id = r.id();
                o.refused_on = ck.past_date(r.refused_on(), p, "refused_on");
                o.proper_reason = r.proper_reason();
                ck.id(r.decision_ref(), p, "decision_ref", false);
                o.decision_ref = r.decision_ref();
              });
  unique_ids(ck, in.candidacies(), at, "candidacies");
  decode_list(ck, in.candidacies(), out.candidacies, at, "candidacies", kMaxRecords,
              [&ck](const auto &r, const Path &p, Candidacy &o) {
                ck.id(r.id(), p, "id", true);
                o.id = r.id();
                o.stage = ck.enumeration<CandidacyStage>(r.stage(), p, "stage", true);
                o.since = ck.past_date(r.since(), p, "since");
                o.target_level =
                    ck.enumeration<RankLevel>(r.target_level(), p, "target_level", false);
                ck.id(r.target_unit_id(), p, "target_unit_id", false);
                o.target_unit_id = r.target_unit_id();
                o.exceptional = r.exceptional();
              });
  unique_ids(ck, in.follow_up_plans(), at, "follow_up_plans");
  decode_list(
      ck, in.follow_up_plans(), out.follow_up_plans, at, "follow_up_plans", kMaxRecords,
      [&](const auto &r, const Path &p, FollowUpPlan &o) { decode_plan(ck, lists, r, p, o); });
  unique_ids(ck, in.age_limit_delays(), at, "age_limit_delays");
  decode_list(ck, in.age_limit_delays(), out.age_limit_delays, at, "age_limit_delays", kMaxRecords,
              [&](const auto &r, const Path &p, AgeLimitDelay &o) {
                ck.id(r.id(), p, "id", true);
                o.id = r.id();
                reference(ck, r.post_id(), lists.posts, p, "post_id", "posts");
                o.post_id = r.post_id();
                o.proposed_on = ck.past_date(r.proposed_on(), p, "proposed_on");
                o.approved_on = ck.past_date(r.approved_on(), p, "approved_on");
                ck.not_before(o.proposed_on, o.approved_on, p, "approved_on", "proposed_on");
                o.approved_by =
                    ck.enumeration<AuthorityKind>(r.approved_by(), p, "approved_by", false);
                o.until = ck.date(r.until(), p, "until");
                if (r.until().empty()) {
                  ck.fail(p, "until", "required");
                }
                ck.not_before(o.approved_on, o.until, p, "until", "approved_on");
                ck.id(r.document_number(), p, "document_number", false);
                o.document_number = r.document_number();
              });
  return ck.count() == errors_before;
}

// ---------------------------------------------------------------------------
// Encoding.

void set_date(const std::optional<Date> &d, std::string *out) {
  if (d) {
    *out = d->to_string();
  } else {
    out->clear();
  }
}

template <typename PbEnum, typename E>
void add_enums(const std::vector<E> &in, gp::RepeatedField<int> *out) {
  out->Reserve(static_cast<int>(in.size()));
  for (const E e : in) {
    out->Add(static_cast<int>(e));
  }
}

template <typename In, typename Out, typename F>
void encode_list(const std::vector<In> &in, gp::RepeatedPtrField<Out> *out, F &&encode_one) {
  out->Reserve(static_cast<int>(in.size()));
  for (const In &r : in) {
    encode_one(r, *out->Add());
  }
}

void encode_ranking(const Ranking &in, pb::Ranking &out) {
  out.set_rank(in.rank);
  out.set_of(in.of);
  out.set_group_id(in.group_id);
}

void encode_post(const Post &in, pb::Post &out) {
  out.set_id(in.id);
  out.set_unit_id(in.unit_id);
  out.set_title(in.title);
  out.set_rank_level(static_cast<pb::RankLevel>(in.rank_level));
  out.set_kind(static_cast<pb::PostKind>(in.kind));
  set_date(in.start_date, out.mutable_start_date());
  set_date(in.end_date, out.mutable_end_date());
  out.set_region_code(in.region_code);
  out.set_appointment(static_cast<pb::AppointmentMode>(in.appointment));
  out.set_local_party_or_government_leader(in.local_party_or_government_leader);
  out.set_end_reason(static_cast<pb::PostEndReason>(in.end_reason));
  if (in.probation) {
    pb::Probation *p = out.mutable_probation();
    set_date(in.probation->start_date, p->mutable_start_date());
    set_date(in.probation->end_date, p->mutable_end_date());
    p->set_result(static_cast<pb::ProbationResult>(in.probation->result));
  }
  encode_list(in.terms, out.mutable_terms(), [](const TermOfOffice &t, pb::TermOfOffice &o) {
    o.set_number(t.number);
    set_date(t.start_date, o.mutable_start_date());
    set_date(t.end_date, o.mutable_end_date());
  });
  out.set_exceptional_promotion(in.exceptional_promotion);
  out.set_peer_group_id(in.peer_group_id);
  out.set_unit_kind(static_cast<pb::UnitKind>(in.unit_kind));
  out.set_internal_unit(in.internal_unit);
}

void encode_assessment(const AnnualAssessment &in, pb::AnnualAssessment &out) {
  out.set_id(in.id);
  out.set_year(in.year);
  out.set_grade(static_cast<pb::AssessmentGrade>(in.grade));
  out.set_no_grade_reason(static_cast<pb::NoGradeReason>(in.no_grade_reason));
  if (in.scores) {
    pb::DimensionScores *s = out.mutable_scores();
    s->set_morality(in.scores->morality);
    s->set_ability(in.scores->ability);
    s->set_diligence(in.scores->diligence);
    s->set_achievement(in.scores->achievement);
    s->set_integrity(in.scores->integrity);
  }
  if (in.evaluation) {
    pb::DemocraticEvaluation *e = out.mutable_evaluation();
    e->set_raters(in.evaluation->raters);
    e->set_excellent(in.evaluation->excellent);
    e->set_competent(in.evaluation->competent);
    e->set_basically_competent(in.evaluation->basically_competent);
    e->set_incompetent(in.evaluation->incompetent);
    e->set_abstained(in.evaluation->abstained);
  }
  if (in.reverse_evaluation) {
    pb::ReverseEvaluation *r = out.mutable_reverse_evaluation();
    r->set_raters(in.reverse_evaluation->raters);
    r->set_votes_as_weakest(in.reverse_evaluation->votes_as_weakest);
    r->set_areas_ref(in.reverse_evaluation->areas_ref);
  }
  if (in.rank_in_team) {
    encode_ranking(*in.rank_in_team, *out.mutable_rank_in_team());
  }
  if (in.rank_in_peer_group) {
    encode_ranking(*in.rank_in_peer_group, *out.mutable_rank_in_peer_group());
  }
  if (in.targets) {
    pb::PerformanceTargets *t = out.mutable_targets();
    t->set_set(in.targets->set);
    t->set_met(in.targets->met);
    t->set_ranked_last(in.targets->ranked_last);
  }
  set_date(in.decided_on, out.mutable_decided_on());
}

void encode_plan(const FollowUpPlan &in, pb::FollowUpPlan &out) {
  out.set_id(in.id);
  out.set_adjustment_id(in.adjustment_id);
  set_date(in.start_date, out.mutable_start_date());
  set_date(in.end_date, out.mutable_end_date());
  encode_list(in.talks, out.mutable_talks(), [](const Talk &t, pb::Talk &o) {
    o.set_id(t.id);
    set_date(t.held_on, o.mutable_held_on());
    o.set_actor(static_cast<pb::FollowUpActor>(t.actor));
    o.set_notes_ref(t.notes_ref);
  });
  encode_list(in.trainings, out.mutable_trainings(), [](const Training &t, pb::Training &o) {
    o.set_id(t.id);
    o.set_name(t.name);
    set_date(t.start_date, o.mutable_start_date());
    set_date(t.end_date, o.mutable_end_date());
    o.set_hours(t.hours);
  });
  encode_list(in.special_tasks, out.mutable_special_tasks(),
              [](const SpecialTask &t, pb::SpecialTask &o) {
                o.set_id(t.id);
                o.set_description(t.description);
                set_date(t.start_date, o.mutable_start_date());
                set_date(t.end_date, o.mutable_end_date());
                o.set_grade(static_cast<pb::AssessmentGrade>(t.grade));
              });
  if (in.outcome) {
    pb::FollowUpOutcome *o = out.mutable_outcome();
    o->set_kind(static_cast<pb::FollowUpOutcomeKind>(in.outcome->kind));
    set_date(in.outcome->decided_on, o->mutable_decided_on());
    o->set_record_id(in.outcome->record_id);
  }
}

}  // namespace

Status decode(const pb::Cadre &in, const std::string &path, std::optional<Date> as_of, Cadre &out) {
  std::vector<Status> errors;
  if (decode(in, path, as_of, out, errors)) {
    return {};
  }
  return std::move(errors.front());
}

bool decode(const pb::Cadre &in, const std::string &path, std::optional<Date> as_of, Cadre &out,
            std::vector<Status> &errors) {
  Checker ck(errors, as_of);
  return decode_cadre(ck, in, Path(path), out);
}

bool detail::decode_cadre_at(Checker &ck, const pb::Cadre &in, const Path &at, Cadre &out) {
  return decode_cadre(ck, in, at, out);
}

void encode(const FollowUpPlan &in, pb::FollowUpPlan &out) {
  out.Clear();
  encode_plan(in, out);
}

void encode(const Cadre &in, pb::Cadre &out) {
  out.Clear();
  out.set_id(in.id);
  out.set_sex(static_cast<pb::Sex>(in.sex));
  set_date(in.birth_date, out.mutable_birth_date());
  out.set_birth_date_source(static_cast<pb::BirthDateSource>(in.birth_date_source));
  encode_list(in.posts, out.mutable_posts(), encode_post);
  out.set_name(in.name);
  out.set_file_number(in.file_number);
  set_date(in.work_start_date, out.mutable_work_start_date());
  out.set_grassroots_months(in.grassroots_months);
  out.set_education(static_cast<pb::EducationLevel>(in.education));
  out.set_party_member(in.party_member);
  set_date(in.party_joined_on, out.mutable_party_joined_on());
  out.set_unit_id(in.unit_id);
  encode_list(in.assessments, out.mutable_assessments(), encode_assessment);
  encode_list(in.incidents, out.mutable_incidents(), [](const Incident &r, pb::Incident &o) {
    o.set_id(r.id);
    set_date(r.occurred_on, o.mutable_occurred_on());
    set_date(r.recorded_on, o.mutable_recorded_on());
    o.set_situation_id(r.situation_id);
    o.set_severity(static_cast<pb::Severity>(r.severity));
    o.set_responsibility(static_cast<pb::Responsibility>(r.responsibility));
    o.mutable_evidence_refs()->Reserve(static_cast<int>(r.evidence_refs.size()));
    for (const std::string &e : r.evidence_refs) {
      o.add_evidence_refs(e);
    }
    o.set_verified(r.verified);
    o.set_prior_warning_id(r.prior_warning_id);
  });
  encode_list(in.accountability_decisions, out.mutable_accountability_decisions(),
              [](const AccountabilityDecision &r, pb::AccountabilityDecision &o) {
                o.set_id(r.id);
                o.mutable_incident_ids()->Reserve(static_cast<int>(r.incident_ids.size()));
                for (const std::string &e : r.incident_ids) {
                  o.add_incident_ids(e);
                }
                add_enums<pb::AccountabilityForm>(r.forms, o.mutable_forms());
                add_enums<pb::OrganisationalMeasure>(r.measures, o.mutable_measures());
                o.set_authority(static_cast<pb::AuthorityKind>(r.authority));
                o.set_document_number(r.document_number);
                set_date(r.decided_on, o.mutable_decided_on());
                set_date(r.received_on, o.mutable_received_on());
                set_date(r.appealed_on, o.mutable_appealed_on());
              });
  encode_list(in.party_sanctions, out.mutable_party_sanctions(),
              [](const PartySanction &r, pb::PartySanction &o) {
                o.set_id(r.id);
                o.set_kind(static_cast<pb::PartySanctionKind>(r.kind));
                set_date(r.decided_on, o.mutable_decided_on());
                set_date(r.effective_on, o.mutable_effective_on());
                o.set_probation_years(r.probation_years);
                set_date(r.restored_on, o.mutable_restored_on());
                o.set_related_to_duties(r.related_to_duties);
                o.set_incident_id(r.incident_id);
                o.set_document_number(r.document_number);
              });
  encode_list(in.government_sanctions, out.mutable_government_sanctions(),
              [](const GovernmentSanction &r, pb::GovernmentSanction &o) {
                o.set_id(r.id);
                o.set_kind(static_cast<pb::GovernmentSanctionKind>(r.kind));
                set_date(r.decided_on, o.mutable_decided_on());
                set_date(r.effective_on, o.mutable_effective_on());
                set_date(r.lifted_on, o.mutable_lifted_on());
                o.set_incident_id(r.incident_id);
                o.set_document_number(r.document_number);
              });
  encode_list(in.early_warnings, out.mutable_early_warnings(),
              [](const EarlyWarning &r, pb::EarlyWarning &o) {
                o.set_id(r.id);
                o.set_kind(static_cast<pb::EarlyWarningKind>(r.kind));
                set_date(r.issued_on, o.mutable_issued_on());
                set_date(r.replied_on, o.mutable_replied_on());
                set_date(r.self_examination_on, o.mutable_self_examination_on());
                o.set_corrected(r.corrected);
                set_date(r.reviewed_on, o.mutable_reviewed_on());
                o.set_incident_id(r.incident_id);
              });
  encode_list(in.investigations, out.mutable_investigations(),
              [](const Investigation &r, pb::Investigation &o) {
                o.set_id(r.id);
                set_date(r.opened_on, o.mutable_opened_on());
                set_date(r.closed_on, o.mutable_closed_on());
                o.set_status(static_cast<pb::InvestigationStatus>(r.status));
                o.set_authority(static_cast<pb::AuthorityKind>(r.authority));
              });
  encode_list(in.exemption_claims, out.mutable_exemption_claims(),
              [](const ExemptionClaim &r, pb::ExemptionClaim &o) {
                o.set_id(r.id);
                pb::RecordRef *c = o.mutable_concerns();
                c->set_kind(static_cast<pb::RecordKind>(r.concerns.kind));
                c->set_id(r.concerns.id);
                c->set_cadre_id(r.concerns.cadre_id);
                add_enums<pb::ExemptionGround>(r.grounds, o.mutable_grounds());
                encode_list(r.exclusions, o.mutable_exclusions(),
                            [](const ExclusionCheck &e, pb::ExclusionCheck &eo) {
                              eo.set_exclusion(static_cast<pb::ExemptionExclusion>(e.exclusion));
                              eo.set_applies(e.applies);
                            });
                o.set_decision(static_cast<pb::ExemptionDecision>(r.decision));
                add_enums<pb::ExemptionEffect>(r.effects_cancelled, o.mutable_effects_cancelled());
                o.set_authority(static_cast<pb::AuthorityKind>(r.authority));
                set_date(r.claimed_on, o.mutable_claimed_on());
                set_date(r.decided_on, o.mutable_decided_on());
                o.set_impact_months(r.impact_months);
                o.set_remedied(r.remedied);
                o.set_cooperated(r.cooperated);
              });
  encode_list(in.adjustments, out.mutable_adjustments(),
              [](const Adjustment &r, pb::Adjustment &o) {
                o.set_id(r.id);
                o.set_channel(static_cast<pb::Channel>(r.channel));
                o.set_method(static_cast<pb::AdjustmentMethod>(r.method));
                o.set_authority(static_cast<pb::AuthorityKind>(r.authority));
                o.set_document_number(r.document_number);
                set_date(r.proposed_on, o.mutable_proposed_on());
                set_date(r.decided_on, o.mutable_decided_on());
                set_date(r.executed_on, o.mutable_executed_on());
                o.set_rule_id(r.rule_id);
                o.set_from_post_id(r.from_post_id);
                o.set_to_post_id(r.to_post_id);
                o.set_basis_id(r.basis_id);
              });
  encode_list(in.health_spells, out.mutable_health_spells(),
              [](const HealthSpell &r, pb::HealthSpell &o) {
                o.set_id(r.id);
                set_date(r.start_date, o.mutable_start_date());
                set_date(r.end_date, o.mutable_end_date());
                o.set_continuous_leave(r.continuous_leave);
                o.set_partially_able(r.partially_able);
              });
  encode_list(in.study_leaves, out.mutable_study_leaves(),
              [](const StudyLeave &r, pb::StudyLeave &o) {
                o.set_id(r.id);
                set_date(r.start_date, o.mutable_start_date());
                set_date(r.end_date, o.mutable_end_date());
                o.set_organisation_sent(r.organisation_sent);
              });
  encode_list(in.resignation_requests, out.mutable_resignation_requests(),
              [](const ResignationRequest &r, pb::ResignationRequest &o) {
                o.set_id(r.id);
                set_date(r.submitted_on, o.mutable_submitted_on());
                o.set_reason(static_cast<pb::ResignationReason>(r.reason));
                set_date(r.accepted_on, o.mutable_accepted_on());
                o.set_withdrawn(r.withdrawn);
              });
  encode_list(in.family_situations, out.mutable_family_situations(),
              [](const FamilySituation &r, pb::FamilySituation &o) {
                o.set_id(r.id);
                o.set_kind(static_cast<pb::FamilySituationKind>(r.kind));
                set_date(r.since, o.mutable_since());
                set_date(r.until, o.mutable_until());
                o.set_adjustment_required(r.adjustment_required);
              });
  encode_list(in.assignment_refusals, out.mutable_assignment_refusals(),
              [](const AssignmentRefusal &r, pb::AssignmentRefusal &o) {
                o.set_id(r.id);
                set_date(r.refused_on, o.mutable_refused_on());
                o.set_proper_reason(r.proper_reason);
                o.set_decision_ref(r.decision_ref);
              });
  encode_list(in.candidacies, out.mutable_candidacies(), [](const Candidacy &r, pb::Candidacy &o) {
    o.set_id(r.id);
    o.set_stage(static_cast<pb::CandidacyStage>(r.stage));
    set_date(r.since, o.mutable_since());
    o.set_target_level(static_cast<pb::RankLevel>(r.target_level));
    o.set_target_unit_id(r.target_unit_id);
    o.set_exceptional(r.exceptional);
  });
  encode_list(in.follow_up_plans, out.mutable_follow_up_plans(), encode_plan);
  encode_list(in.age_limit_delays, out.mutable_age_limit_delays(),
              [](const AgeLimitDelay &r, pb::AgeLimitDelay &o) {
                o.set_id(r.id);
                o.set_post_id(r.post_id);
                set_date(r.proposed_on, o.mutable_proposed_on());
                set_date(r.approved_on, o.mutable_approved_on());
                o.set_approved_by(static_cast<pb::AuthorityKind>(r.approved_by));
                set_date(r.until, o.mutable_until());
                o.set_document_number(r.document_number);
              });
}

// ---------------------------------------------------------------------------
// The wire-format views (codec/wire.hpp): the fast path of the streamed
// screening decodes through the same templates, so it validates alike.

Status decode(const wire::Cadre &in, const std::string &path, std::optional<Date> as_of,
              Cadre &out) {
  std::vector<Status> errors;
  if (decode(in, path, as_of, out, errors)) {
    return {};
  }
  return std::move(errors.front());
}

bool decode(const wire::Cadre &in, const std::string &path, std::optional<Date> as_of, Cadre &out,
            std::vector<Status> &errors) {
  Checker ck(errors, as_of);
  return decode_cadre(ck, in, Path(path), out);
}

}  // namespace cadre::codec
