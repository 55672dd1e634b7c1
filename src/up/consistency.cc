// Operation: dual-track consistency (防止以纪律处分规避组织调整、以组织调整代替纪律处分) and
// error-tolerance decisions that exempt a record carrying an exclusion.
#include <algorithm>
#include <string>
#include <vector>

#include "cadre/eligibility.hpp"
#include "up/common.hpp"

namespace cadre {
inline namespace api_v1 {
namespace {

using detail::UpContext;
using detail::UpRule;

std::string ds(Date d) { return d.to_string(); }

bool adjusted(const Cadre &cadre, const std::string &basis, Date as_of) {
  return std::any_of(cadre.adjustments.begin(), cadre.adjustments.end(), [&](const Adjustment &a) {
    return a.basis_id == basis && a.executed_on && *a.executed_on <= as_of;
  });
}

// A decision or sanction that called for an adjustment not carried out by its deadline.
void no_adjustment(const UpContext &ctx, const UpRule &deadline, int months, bool host_policy,
                   RecordKind kind, const std::string &id, Date decided, const std::string &what_zh,
                   const std::string &what_en, std::vector<ConsistencyFlag> &out) {
  const Date due = detail::last_day(decided, months, deadline.counting);
  if (!(due < ctx.as_of) || adjusted(ctx.cadre, id, ctx.as_of)) {
    return;
  }
  ConsistencyFlag f;
  f.cadre_id = ctx.cadre.id;
  f.rule_id = deadline.rule->id;
  f.catalogue = deadline.catalogue;
  f.record = RecordRef{.kind = kind, .id = id, .cadre_id = ""};
  f.citations = ctx.cite(deadline);
  const UpRule *track = ctx.at("dual-track", ctx.as_of);
  if (track != nullptr) {
    for (const Citation &c : ctx.cite(*track)) {
      f.citations.push_back(c);
    }
  }
  f.due_on = due;
  const std::string basis = detail::basis_name(ctx.cite(deadline));
  const std::string track_zh =
      track != nullptr ? detail::basis_name(ctx.cite(*track)) : std::string("—");
  const std::string policy_zh = host_policy ? "（期限为主管机关政策，无全国性依据）" : "";
  const std::string policy_en =
      host_policy ? " (the deadline is a host's policy, no national source)" : "";
  f.explanation = {
      ds(decided) + what_zh + "（记录 " + id + "），依据" + basis + "应当在" +
          std::to_string(months) + "个月内（" + detail::counting_zh(deadline.counting) + "，" +
          ds(due) + "前）办理组织调整" + policy_zh +
          "，但没有据此执行的调整记录；不得以纪律处分规避组织调整（" + track_zh + "）。",
      "On " + ds(decided) + " " + what_en + " (record " + id + "); under " + basis +
          " the organisational adjustment was due within " + detail::months_en(months) + " (" +
          detail::counting_en(deadline.counting) + "; by " + ds(due) + ")" + policy_en +
          ", but no adjustment based on it was carried out: a sanction must not replace the "
          "adjustment (" +
          track_zh + ")."};
  out.push_back(std::move(f));
}

}  // namespace

std::vector<ConsistencyFlag> consistency(const Cadre &cadre, Date as_of, const Engine &engine) {
  const UpContext ctx = UpContext::make(cadre, as_of, engine);
  std::vector<ConsistencyFlag> out;
  for (const AccountabilityDecision &d : cadre.accountability_decisions) {
    const bool calls = !d.measures.empty() ||
                       std::find(d.forms.begin(), d.forms.end(),
                                 AccountabilityForm::kOrganisationalAdjustment) != d.forms.end();
    if (!calls || !d.decided_on || as_of < *d.decided_on) {
      continue;
    }
    if (const UpRule *r = ctx.at("adjustment-deadline", *d.decided_on)) {
      no_adjustment(ctx, *r, r->number("months"), r->host_policy("months"),
                    RecordKind::kAccountabilityDecision, d.id, *d.decided_on,
                    "作出组织调整的问责决定",
                    "an accountability decision called for an organisational adjustment", out);
    }
  }
  for (const GovernmentSanction &g : cadre.government_sanctions) {
    const std::optional<Date> day = detail::dated(g.effective_on, g.decided_on, as_of);
    if (g.kind != GovernmentSanctionKind::kDismissalFromPost || !day) {
      continue;
    }
    if (const UpRule *r = ctx.at("sanction-deadline", *day)) {
      no_adjustment(ctx, *r, r->number("months"), r->host_policy("months"),
                    RecordKind::kGovernmentSanction, g.id, *day, "受到政务处分撤职",
                    "a government sanction of dismissal took effect", out);
    }
  }
  for (const PartySanction &s : cadre.party_sanctions) {
    const std::optional<Date> day = detail::dated(s.effective_on, s.decided_on, as_of);
    const bool calls = s.kind == PartySanctionKind::kRemovalFromPartyPost ||
                       s.kind == PartySanctionKind::kProbationWithinParty ||
                       s.kind == PartySanctionKind::kExpulsion;
    if (!calls || !day) {
      continue;
    }
    const UpRule *r = ctx.at("sanction-deadline", *day);
    if (r != nullptr && r->number("party_months") > 0) {
      no_adjustment(ctx, *r, r->number("party_months"), r->host_policy("party_months"),
                    RecordKind::kPartySanction, s.id, *day,
                    "受到撤销党内职务、留党察看或者开除党籍处分",
                    "a party sanction removing party posts took effect", out);
    }
  }
  const UpRule *track = ctx.at("dual-track", as_of);
  for (const Adjustment &a : cadre.adjustments) {
    const std::optional<Date> day = detail::dated(a.decided_on, a.executed_on, as_of);
    if (!day || track == nullptr) {
      continue;
    }
    for (const Incident &i : cadre.incidents) {
      bool behind = i.id == a.basis_id;
      for (const AccountabilityDecision &d : cadre.accountability_decisions) {
        if (d.id == a.basis_id &&
            std::find(d.incident_ids.begin(), d.incident_ids.end(), i.id) != d.incident_ids.end()) {
          behind = true;
        }
      }
      const std::optional<Date> known = detail::first_of(i.recorded_on, i.occurred_on);
      if (!behind || !i.verified || i.severity != Severity::kGrave || (known && as_of < *known) ||
          detail::sanctioned(cadre, i.id, as_of)) {
        continue;
      }
      ConsistencyFlag f;
      f.cadre_id = cadre.id;
      f.rule_id = track->rule->id;
      f.catalogue = track->catalogue;
      f.record = RecordRef{.kind = RecordKind::kAdjustment, .id = a.id, .cadre_id = ""};
      f.citations = ctx.cite(*track);
      const std::string basis = detail::basis_name(f.citations);
      f.explanation = {
          ds(*day) + "作出组织调整（记录 " + a.id + "），所依据的问题（记录 " + i.id +
              "）经核实、情节严重，但没有相应的党纪或者政务处分记录；依据" + basis +
              "，涉及违纪违法的应当按照党的纪律规定和有关法律法规办理，不得以组织调整代替纪律处分"
              "。",
          "An organisational adjustment of " + ds(*day) + " (record " + a.id +
              ") rests on a verified grave incident (record " + i.id +
              ") with no party or government sanction recorded; under " + basis +
              " violations go through the discipline rules: an adjustment must not replace the "
              "sanction."};
      out.push_back(std::move(f));
    }
  }
  // Error-tolerance decisions that exempt a record carrying an exclusion: inconsistent.
  for (const ExemptionClaim &c : cadre.exemption_claims) {
    if (c.decision == ExemptionDecision::kDenied || c.decision == ExemptionDecision::kPending ||
        c.decision == ExemptionDecision::kUnspecified) {
      continue;
    }
    const detail::Exemption e = detail::exemption_for(
        cadre, c.concerns, detail::Asking::kEligibility, as_of, ctx.up, ctx.set);
    if (!e.any() || e.claim != &c || e.note.outcome != ExemptionOutcome::kInconsistent) {
      continue;
    }
    ConsistencyFlag f;
    f.cadre_id = cadre.id;
    f.rule_id = e.note.rule_id;
    if (const UpRule *r = ctx.at("exemption", as_of)) {
      f.catalogue = r->catalogue;
    }
    f.record = RecordRef{.kind = RecordKind::kExemptionClaim, .id = c.id, .cadre_id = ""};
    f.citations = e.note.citations;
    f.explanation = e.note.explanation;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace api_v1
}  // namespace cadre
