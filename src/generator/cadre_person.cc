// A cadre of the synthetic province: who, born when, and the posts held.
#include <algorithm>
#include <vector>

#include "cadre/rules/retirement.hpp"

#include "generator/cadre_builder.hpp"

namespace cadre::generator::detail {

void CadreBuilder::person() {
  c.Clear();
  c.set_id(cadre_id(index_));
  c.set_name(person_name(r));
  c.set_file_number("D" + pad(static_cast<std::uint64_t>(r.below(100'000'000U)), 8));
  c.set_unit_id(unit.id);
  const double female = pd.level <= kPD   ? rates_.female_province
                        : pd.level <= kBD ? rates_.female_bureau
                        : pd.level <= kCD ? rates_.female_county
                                          : rates_.female_township;
  const bool is_female = r.chance(female);
  sex = is_female ? Sex::kFemale : Sex::kMale;
  c.set_sex(is_female ? pb::SEX_FEMALE : pb::SEX_MALE);
  c.set_birth_date_source(r.chance(rates_.certified_birth_date)
                              ? pb::BIRTH_DATE_SOURCE_PERSONNEL_FILE
                              : pb::BIRTH_DATE_SOURCE_IDENTITY_CARD);
  const RetirementPolicy policy = RetirementPolicy::national();
  const auto limit_day = [&](Date born) {
    const auto age = retirement_age(sex, born, static_cast<RankLevel>(pd.level), policy);
    return age ? age->reached_on : born.add_years(60);
  };

  // Birth: the age limit falls on the down day for the age-limit channel; else
  // the cadre is below the limit at the end.
  if (f.channel == pb::CHANNEL_AGE_LIMIT) {
    const Date target =
        f.pending ? end.add_days(-r.range(1, 180)) : f.when.add_days(-r.range(0, 25));
    birth = target.add_years(-60);
    for (int k = 0; k < 4; ++k) birth = birth.add_days(target.serial() - limit_day(birth).serial());
  } else {
    const auto [lo, hi] = age_range(pd.level);
    birth = end.add_years(-r.range(lo, hi)).add_days(-r.range(0, 364));
    for (int k = 0; k < 4 && limit_day(birth) <= end; ++k) {
      birth = birth.add_days(limit_day(birth).serial() - end.serial() + r.range(30, 700));
    }
  }
  c.set_birth_date(birth.to_string());

  // Posts: the prior posts, the slot's post, and after a down the post taken.
  const int priors = prior_posts(index_);
  const Date latest_start =
      f.channel != pb::CHANNEL_UNSPECIFIED ? f.when.add_days(-200) : end.add_days(-30);
  slot_start = latest_start.add_days(-r.range(0, 365 * 6));
  const Date youngest_start = birth.add_years(22 + priors * 2);
  slot_start = std::max(slot_start, std::min(youngest_start, latest_start));
  // Starts of the prior posts, oldest first.
  std::vector<Date> prior(static_cast<std::size_t>(priors));
  {
    Date cursor = slot_start;
    for (std::size_t k = prior.size(); k-- > 0;) {
      cursor = cursor.add_months(-r.range(24, 60));
      prior[k] = cursor;
    }
  }
  if (prior.front() > start_) {  // the history covers at least the years asked
    prior.front() = start_.add_days(-r.range(0, 365));
  }
  const Date floor_start = birth.add_years(18);
  if (prior.front() < floor_start) {  // a very young cadre: the first post starts at 18
    prior.front() = floor_start;
  }
  bool ordered = prior.back() < slot_start;
  for (std::size_t k = 1; k < prior.size(); ++k) ordered = ordered && prior[k - 1] < prior[k];
  if (!ordered) {  // spread evenly between the first start and the slot's post
    const int span = std::max(0, slot_start.serial() - prior.front().serial());
    for (std::size_t k = 1; k < prior.size(); ++k) {
      prior[k] = prior.front().add_days(span * static_cast<int>(k) / priors);
    }
  }
  first = prior.front();
  const Date work_start = std::max(birth.add_years(18), first.add_days(-r.range(0, 900)));
  c.set_work_start_date(work_start.to_string());
  c.set_grassroots_months(r.range(0, 120));
  c.set_education(static_cast<pb::EducationLevel>(r.range(3, 6)));
  if (r.chance(rates_.party_members) || pd.level <= kBD || unit.local) {
    c.set_party_member(true);
    c.set_party_joined_on(
        std::max(birth.add_years(18), work_start.add_days(-r.range(0, 1500))).to_string());
  }

  const bool promoted = r.chance(rates_.promotion_into_post) && pd.level < kTD + 1;
  // Prior posts: in the same region, one rank lower before a promotion.
  for (std::size_t k = 0; k < prior.size(); ++k) {
    const bool last = k + 1 == prior.size();
    const int level = std::min(
        kTD, pd.level + (last && promoted ? 1 : 0) + static_cast<int>(prior.size() - 1 - k) / 2);
    const UnitDef *pu = &unit;
    const PostDef *pp = nullptr;
    for (int attempt = 0; attempt < 6 && pp == nullptr; ++attempt) {
      const UnitDef &cand = units_[static_cast<std::size_t>(
          region_units[r.below(static_cast<std::uint32_t>(region_units.size()))])];
      for (const PostDef &d : cand.posts) {
        if (d.level == level) {
          pu = &cand;
          pp = &d;
          break;
        }
      }
    }
    pb::Post *p = c.add_posts();
    p->set_id(id("p", ids.post));
    p->set_unit_id(pu->id);
    p->set_region_code(regions_[static_cast<std::size_t>(pu->region)].code);
    if (pp != nullptr) {
      p->set_title(pp->title);
      p->set_kind(pb::POST_KIND_LEADERSHIP);
      p->set_local_party_or_government_leader(local_leader(*pu, *pp));
    } else {
      p->set_title("一级主任科员");
      p->set_kind(pb::POST_KIND_RANK_ONLY);
    }
    p->set_rank_level(rank(level));
    p->set_appointment(pp != nullptr && local_leader(*pu, *pp) ? pb::APPOINTMENT_MODE_ELECTED
                                                               : pb::APPOINTMENT_MODE_APPOINTED);
    const Date from = prior[k];
    const Date to = (last ? slot_start : prior[k + 1]).add_days(-1);
    p->set_start_date(from.to_string());
    p->set_end_date(std::max(from, to).to_string());
    p->set_end_reason(last && promoted ? pb::POST_END_REASON_PROMOTION
                                       : pb::POST_END_REASON_TRANSFER);
    if (p->local_party_or_government_leader()) add_terms(*p, from, std::max(from, to));
  }

  // The slot's post.
  sp = c.add_posts();
  sp->set_id(id("p", ids.post));
  sp->set_unit_id(unit.id);
  sp->set_title(pd.title);
  sp->set_rank_level(rank(pd.level));
  sp->set_kind(pb::POST_KIND_LEADERSHIP);
  sp->set_start_date(slot_start.to_string());
  sp->set_region_code(region_code);
  is_local = local_leader(unit, pd);
  sp->set_local_party_or_government_leader(is_local);
  sp->set_appointment(is_local ? pb::APPOINTMENT_MODE_ELECTED : pb::APPOINTMENT_MODE_APPOINTED);
  if (pd.peer != Peer::kNone)
    sp->set_peer_group_id(std::string(kPeerId[static_cast<std::size_t>(pd.peer)]));
  if (promoted) {
    pb::Probation *pr = sp->mutable_probation();
    const Date pend = slot_start.add_years(1).add_days(-1);
    pr->set_start_date(slot_start.to_string());
    pr->set_end_date(pend.to_string());
    pr->set_result(pend < end ? pb::PROBATION_RESULT_PASSED : pb::PROBATION_RESULT_RUNNING);
    sp->set_exceptional_promotion(r.chance(rates_.exceptional_promotion));
  }
  // When the cadre left the slot's post (a down), and whether the post ended.
  down = f.channel != pb::CHANNEL_UNSPECIFIED;
  age_pending = f.channel == pb::CHANNEL_AGE_LIMIT && f.pending;
  executed = down && !f.pending;
  slot_end = executed ? f.when : end;
  if (is_local) add_terms(*sp, slot_start, slot_end);
  // What the records below are bounded by.
  const Date active_end = slot_end;  // after retirement nothing more happens
  retired = executed &&
            (f.channel == pb::CHANNEL_AGE_LIMIT || f.channel == pb::CHANNEL_VOLUNTARY_RESIGNATION);
  life_end = retired ? active_end : end;
  hist_from = std::max(first, start_);
}

}  // namespace cadre::generator::detail
