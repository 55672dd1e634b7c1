// The operation identify: a CadreRun that hands each valid cadre to an
// Identifier and writes its report at the end. Memory holds a summary of each
// cadre's window of assessments (comparisons need every member of a group).
#include "service/identification_service.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "codec/codec.hpp"
#include "service/service.hpp"
#include "statistics/identification.hpp"

namespace cadre::service {
namespace pb = ::cadre::v1;
namespace id = ::cadre::identification;

namespace {

void encode(const LocalizedText &in, pb::LocalizedText &out) {
  out.set_zh_cn(in.zh_cn);
  out.set_en(in.en);
}

void encode(const DimensionScores &in, pb::DimensionScores &out) {
  out.set_morality(in.morality);
  out.set_ability(in.ability);
  out.set_diligence(in.diligence);
  out.set_achievement(in.achievement);
  out.set_integrity(in.integrity);
}

void encode(const id::Parameters &in, pb::IdentificationParameters &out) {
  out.set_anonymity_floor(in.anonymity_floor);
  out.set_min_group(in.min_group);
  out.set_targets_met_below(in.targets_met_below);
  out.set_inaction_years(in.inaction_years);
  out.set_diligence_below(in.diligence_below);
  out.set_decline_points(in.decline_points);
  out.set_weakest_share(in.weakest_share);
  out.set_basic_years(in.basic_years);
  out.set_below_team_points(in.below_team_points);
  out.set_below_team_years(in.below_team_years);
  out.set_excellent_cap_leading(in.excellent_cap_leading);
  out.set_excellent_cap_other(in.excellent_cap_other);
}

id::Parameters decode(const pb::IdentificationParameters &in) {
  id::Parameters p;
  if (in.has_anonymity_floor()) p.anonymity_floor = in.anonymity_floor();
  // The group floor follows the rater floor unless set.
  p.min_group = in.has_min_group() ? in.min_group() : p.anonymity_floor;
  if (in.has_targets_met_below()) p.targets_met_below = in.targets_met_below();
  if (in.has_inaction_years()) p.inaction_years = in.inaction_years();
  if (in.has_diligence_below()) p.diligence_below = in.diligence_below();
  if (in.has_decline_points()) p.decline_points = in.decline_points();
  if (in.has_weakest_share()) p.weakest_share = in.weakest_share();
  if (in.has_basic_years()) p.basic_years = in.basic_years();
  if (in.has_below_team_points()) p.below_team_points = in.below_team_points();
  if (in.has_below_team_years()) p.below_team_years = in.below_team_years();
  if (in.has_excellent_cap_leading()) p.excellent_cap_leading = in.excellent_cap_leading();
  if (in.has_excellent_cap_other()) p.excellent_cap_other = in.excellent_cap_other();
  return p;
}

pb::Suppression suppression_of(id::Suppression s) {
  switch (s) {
    case id::Suppression::kNone:
      return pb::SUPPRESSION_UNSPECIFIED;
    case id::Suppression::kFewerRaters:
      return pb::SUPPRESSION_FEWER_RATERS;
    case id::Suppression::kComplementary:
      return pb::SUPPRESSION_COMPLEMENTARY;
  }
  return pb::SUPPRESSION_UNSPECIFIED;
}

void encode(const id::Profile &in, pb::IdentificationProfile &out) {
  out.set_cadre_id(in.cadre_id);
  out.set_unit_id(in.unit_id);
  out.set_region_code(in.region_code);
  out.set_team_id(in.team_id);
  out.set_peer_group_id(in.peer_group_id);
  out.set_leading(in.leading);
  for (const id::YearProfile &y : in.years) {
    pb::IdentificationYear &o = *out.add_years();
    o.set_year(y.year);
    o.set_grade(static_cast<pb::AssessmentGrade>(y.grade));
    if (y.scores) {
      encode(*y.scores, *o.mutable_scores());
      o.set_mean(y.mean.value_or(0));
    }
    if (y.targets) {
      o.set_targets_set(y.targets->set);
      o.set_targets_met(y.targets->met);
      o.set_ranked_last(y.targets->ranked_last);
    }
    if (y.rank_in_team) {
      o.set_rank_in_team(y.rank_in_team->rank);
      o.set_team_size(y.rank_in_team->of);
    }
  }
  if (in.mean) {
    encode(*in.mean, *out.mutable_mean());
  }
  out.set_excellent(in.excellent);
  out.set_competent(in.competent);
  out.set_basically_competent(in.basically_competent);
  out.set_incompetent(in.incompetent);
}

// The note on what the floor hid, in both languages.
LocalizedText anonymity_note(const id::Report &r, const id::Parameters &p) {
  const std::string floor = std::to_string(p.anonymity_floor);
  const std::string group = std::to_string(p.min_group);
  LocalizedText t;
  t.zh_cn = "匿名保护：测评人数少于" + floor +
            "人的测评结果不显示；为防止由其他数字推算个人投票，另隐藏互补单元格（共隐藏" +
            std::to_string(r.suppressed_cells) + "个单元格）；同岗位比较组少于" + group +
            "人的不显示百分位（共" + std::to_string(r.suppressed_groups) +
            "组）。不公布班子合计票数。";
  t.en = "Anonymity: no evaluation result is shown for fewer than " + floor +
         " raters; complementary cells are hidden too, so that no vote can be inferred from the "
         "other numbers (" +
         std::to_string(r.suppressed_cells) +
         " cells hidden); no percentile is shown for a peer "
         "group of fewer than " +
         group + " (" + std::to_string(r.suppressed_groups) +
         " groups). No team total of votes is published.";
  return t;
}

class IdentifyRun final : public RecordRun {
 public:
  Status begin(const google::protobuf::Message &head, google::protobuf::Message &message) override {
    const auto &request = static_cast<const pb::IdentifyRequest &>(head);
    auto &response = static_cast<pb::IdentifyResponse &>(message);
    auto as_of = required_as_of(request.as_of());
    if (!as_of.ok()) {
      return {as_of.status().code(), as_of.status().message(), "as_of"};
    }
    id::Options o;
    o.as_of = *as_of;
    o.year = request.year() != 0 ? request.year() : as_of->year() - 1;
    if (o.year < 1 || o.year > 9999) {
      return invalid_argument("year", "must be from 1 to 9999");
    }
    if (request.years() < 0 || request.years() > 20) {
      return invalid_argument("years", "must be from 0 to 20");
    }
    o.years = request.years() != 0 ? request.years() : 3;
    if (!request.unit_id().empty() && !codec::is_valid_id(request.unit_id())) {
      return invalid_argument("unit_id", "is not an id");
    }
    o.unit_id = request.unit_id();
    o.parameters = decode(request.parameters());
    if (auto st = id::check(o.parameters); !st.ok()) {
      return st;
    }
    response.set_as_of(as_of->to_string());
    response.set_year(o.year);
    response.set_from_year(o.year - o.years + 1);
    encode(o.parameters, *response.mutable_parameters());
    parameters_ = o.parameters;
    identifier_.emplace(std::move(o));
    return {};
  }

  void record(const pb::Cadre &in, std::int64_t index,
              google::protobuf::Message &message) override {
    auto &response = static_cast<pb::IdentifyResponse &>(message);
    ++cadres_;
    if (identifier_ &&
        decode_or_report(in, index, cadre_path(index), cadre_, &ids_, *response.mutable_errors())) {
      identifier_->add(cadre_);
    }
  }

  Status end(google::protobuf::Message &message, const std::function<Status()> &flush) override {
    (void)flush;
    auto &response = static_cast<pb::IdentifyResponse &>(message);
    if (!identifier_) {
      return {};
    }
    response.set_cadres(static_cast<std::int32_t>(cadres_));
    const id::Report r = identifier_->report();
    for (const id::FourType t : {id::FourType::kOccupying, id::FourType::kDormant,
                                 id::FourType::kDispirited, id::FourType::kMediocre}) {
      pb::FourTypeIndicator &o = *response.add_indicators();
      o.set_type(static_cast<pb::FourType>(t));
      encode(id::definition(t, parameters_), *o.mutable_definition());
      o.set_seed_words(id::seed_words());
      codec::encode(id::citation_of(t), *o.mutable_citation());
    }
    for (const id::Profile &p : r.profiles) {
      encode(p, *response.add_profiles());
    }
    for (const id::Signal &s : r.signals) {
      pb::FourTypeSignal &o = *response.add_signals();
      o.set_cadre_id(s.cadre_id);
      o.set_type(static_cast<pb::FourType>(s.type));
      o.set_status(pb::IDENTIFICATION_STATUS_NEEDS_VERIFICATION);
      for (const int y : s.years) {
        o.add_years(y);
      }
      encode(s.explanation, *o.mutable_explanation());
    }
    for (const id::TeamReport &t : r.teams) {
      pb::TeamIdentification &o = *response.add_teams();
      o.set_team_id(t.team_id);
      o.set_unit_id(t.unit_id);
      o.set_year(t.year);
      o.set_members(t.members);
      for (const id::ReverseCell &c : t.reverse) {
        pb::ReverseEvaluationCell &x = *o.add_reverse();
        x.set_cadre_id(c.cadre_id);
        x.set_suppressed(suppression_of(c.suppressed));
        x.set_raters(c.raters);
        x.set_votes_as_weakest(c.votes);
        x.set_share(c.share);
        x.set_rank(c.rank);
        x.set_areas_ref(c.areas_ref);
      }
      for (const std::string &w : t.weakest) {
        o.add_weakest(w);
      }
      o.set_suppressed(t.suppressed);
      o.set_team_mean(t.team_mean);
      for (const id::VerticalRow &v : t.vertical) {
        pb::VerticalComparison &x = *o.add_vertical();
        x.set_cadre_id(v.cadre_id);
        x.set_mean(v.mean);
        x.set_difference(v.difference);
        x.set_rank(v.rank);
        x.set_of(static_cast<int>(t.vertical.size()));
      }
    }
    for (const id::PeerReport &g : r.peers) {
      pb::PeerComparison &o = *response.add_peer_groups();
      o.set_group_id(g.group_id);
      o.set_year(g.year);
      o.set_size(g.size);
      o.set_regions(g.regions);
      o.set_suppressed(g.suppressed);
      for (const id::PeerRow &row : g.rows) {
        pb::PeerPercentile &x = *o.add_rows();
        x.set_cadre_id(row.cadre_id);
        x.set_region_code(row.region_code);
        x.set_mean(row.mean);
        x.set_percentile(row.percentile);
      }
    }
    for (const id::QuotaCheck &q : r.quotas) {
      pb::ExcellentQuotaCheck &o = *response.add_quotas();
      o.set_unit_id(q.unit_id);
      o.set_leading(q.leading);
      o.set_year(q.year);
      o.set_graded(q.graded);
      o.set_excellent(q.excellent);
      o.set_share(q.share);
      o.set_cap_percent(q.cap_percent);
      o.set_exceeds(q.exceeds);
      codec::encode(q.citation, *o.mutable_citation());
    }
    response.set_suppressed_cells(r.suppressed_cells);
    response.set_suppressed_groups(r.suppressed_groups);
    encode(anonymity_note(r, parameters_), *response.mutable_anonymity_note());
    return {};
  }

 private:
  std::int64_t cadres_ = 0;
  Cadre cadre_;
  IdSet ids_;
  std::optional<id::Identifier> identifier_;
  id::Parameters parameters_;
};

}  // namespace

Status identify(const Engine &engine, const pb::IdentifyRequest &request,
                pb::IdentifyResponse &response) {
  const std::unique_ptr<RecordRun> run = identify_run(engine);
  if (auto st = run->begin(request, response); !st.ok()) {
    return st;
  }
  for (int i = 0; i < request.cadres_size(); ++i) {
    run->record(request.cadres(i), i, response);
  }
  return run->end(response, [] { return Status{}; });
}

std::unique_ptr<RecordRun> identify_run(const Engine &engine) {
  (void)engine;
  return std::make_unique<IdentifyRun>();
}

}  // namespace cadre::service
