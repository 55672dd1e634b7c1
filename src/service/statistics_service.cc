// The operations statistics, quarterly_dispatch and annual_bulletin: each a
// run one cadre at a time over the request's lists (regions, units, cases,
// cadres) into a StatisticsBuilder (cadre/statistics.hpp), whose report is
// written into the response at the end. Memory: the counters of the units and
// regions, the cases not yet matched, the ids seen; never the cadres.
#include "service/statistics_service.hpp"

#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "cadre/followup_plan.hpp"
#include "codec/codec.hpp"
#include "service/service.hpp"

namespace cadre::service {
namespace pb = ::cadre::v1;
namespace gp = ::google::protobuf;

namespace {

std::string day_text(const std::optional<Date> &d) { return d ? d->to_string() : std::string(); }

void encode(const Period &in, pb::StatisticsPeriod &out) {
  out.set_from(in.from.to_string());
  out.set_to(in.to.to_string());
  out.set_year(in.year);
  out.set_quarter(in.quarter);
}

void encode(const AdjustmentTally &in, pb::AdjustmentTally &out) {
  out.set_adjusted_down(in.adjusted_down);
  out.set_accountability(in.accountability);
  out.set_unsuitable(in.unsuitable);
  out.set_bureau_level_or_above(in.bureau_level_or_above);
  out.set_from_records(in.from_records);
  out.set_from_cases(in.from_cases);
  for (std::size_t i = 0; i < in.by_channel.size(); ++i) {
    if (in.by_channel[i] != 0) {
      pb::ChannelCount &c = *out.add_by_channel();
      c.set_channel(static_cast<pb::Channel>(i));
      c.set_cadres(in.by_channel[i]);
    }
  }
  for (std::size_t i = 0; i < in.by_method.size(); ++i) {
    if (in.by_method[i] != 0) {
      pb::MethodCount &c = *out.add_by_method();
      c.set_method(static_cast<pb::AdjustmentMethod>(i));
      c.set_cadres(in.by_method[i]);
    }
  }
  for (std::size_t i = 0; i < in.by_rank_level.size(); ++i) {
    if (in.by_rank_level[i] != 0) {
      pb::RankLevelCount &c = *out.add_by_rank_level();
      c.set_rank_level(static_cast<pb::RankLevel>(i));
      c.set_cadres(in.by_rank_level[i]);
    }
  }
}

pb::StatisticsScope scope_of(LineScope scope) {
  switch (scope) {
    case LineScope::kTotal:
      return pb::STATISTICS_SCOPE_TOTAL;
    case LineScope::kUnit:
      return pb::STATISTICS_SCOPE_UNIT;
    case LineScope::kRegion:
      return pb::STATISTICS_SCOPE_REGION;
  }
  return pb::STATISTICS_SCOPE_UNSPECIFIED;
}

void encode(const StatisticsLine &in, bool with_previous, pb::StatisticsLine &out) {
  out.set_scope(scope_of(in.scope));
  out.set_key(in.key);
  out.set_label(in.label);
  out.set_region_code(in.region_code);
  out.set_cadres(in.cadres);
  // An empty tally is left out, as protobuf leaves out a message never set.
  if (in.adjusted.adjusted_down != 0) {
    encode(in.adjusted, *out.mutable_adjusted());
  }
  if (with_previous && in.previous.adjusted_down != 0) {
    encode(in.previous, *out.mutable_previous());
  }
  out.set_due(in.due);
  out.set_opened(in.opened);
  out.set_in_progress(in.in_progress);
  out.set_overdue(in.overdue);
  out.set_done(in.done());
  out.set_closed_without_adjustment(in.closed_without_adjustment);
  out.set_talks_due(in.talks_due);
  out.set_talks_overdue(in.talks_overdue);
  out.set_reappointed(in.reappointed);
  out.set_adjusted_again(in.adjusted_again);
  out.set_max_working_days_overdue(in.max_working_days_overdue);
  out.set_procedures_on_time(in.procedures_on_time);
  out.set_procedures_active(in.procedures_active);
  const UnitScore &s = in.score;
  if (s.score || s.timeliness || s.completeness) {
    pb::UnitScore &o = *out.mutable_score();
    o.set_has_score(s.score.has_value());
    o.set_score(s.score.value_or(0));
    o.set_has_timeliness(s.timeliness.has_value());
    o.set_timeliness(s.timeliness.value_or(0));
    o.set_has_completeness(s.completeness.has_value());
    o.set_completeness(s.completeness.value_or(0));
    o.set_rank(s.rank);
  }
}

template <typename Response>
void encode(const NotableCounts &in, Response &response) {
  if (in == NotableCounts{}) {
    return;  // left out, as protobuf leaves out a message never set
  }
  pb::NotableCounts &out = *response.mutable_notable();
  out.set_bureau_level_or_above(in.bureau_level_or_above);
  out.set_demotions(in.demotions);
  out.set_removals(in.removals);
  out.set_overdue_procedures(in.overdue_procedures);
  out.set_max_working_days_overdue(in.max_working_days_overdue);
  out.set_closed_without_adjustment(in.closed_without_adjustment);
  out.set_reappointed(in.reappointed);
  out.set_adjusted_again(in.adjusted_again);
  out.set_not_carried_out(in.not_carried_out);
  out.set_unattributed_cases(in.unattributed_cases);
}

void encode(const QuarterTally &in, pb::QuarterTally &out) {
  encode(in.period, *out.mutable_period());
  if (in.adjusted.adjusted_down != 0) {
    encode(in.adjusted, *out.mutable_adjusted());
  }
}

// What the three operations write from a report.
void fill(const StatisticsReport &r, pb::StatisticsResponse &out) {
  encode(r.period, *out.mutable_period());
  encode(r.total, false, *out.mutable_total());
  for (const StatisticsLine &l : r.units) {
    encode(l, false, *out.add_units());
  }
  for (const StatisticsLine &l : r.regions) {
    encode(l, false, *out.add_regions());
  }
  for (const QuarterTally &q : r.by_quarter) {
    encode(q, *out.add_by_quarter());
  }
  out.set_cadres(r.cadres);
  encode(r.notable, out);
}

void fill(const StatisticsReport &r, pb::QuarterlyDispatchResponse &out) {
  encode(r.period, *out.mutable_period());
  encode(r.total, false, *out.mutable_total());
  for (const StatisticsLine &l : r.units) {
    encode(l, false, *out.add_units());
  }
  for (const StatisticsLine &l : r.regions) {
    encode(l, false, *out.add_regions());
  }
  for (const std::string &id : r.furthest_behind) {
    out.add_furthest_behind(id);
  }
  out.set_cadres(r.cadres);
  encode(r.notable, out);
}

void fill(const StatisticsReport &r, pb::AnnualBulletinResponse &out) {
  encode(r.period, *out.mutable_period());
  if (r.previous) {
    encode(*r.previous, *out.mutable_previous());
  }
  encode(r.total, true, *out.mutable_total());
  for (const StatisticsLine &l : r.units) {
    encode(l, true, *out.add_units());
  }
  for (const StatisticsLine &l : r.regions) {
    encode(l, true, *out.add_regions());
  }
  for (const QuarterTally &q : r.by_quarter) {
    encode(q, *out.add_by_quarter());
  }
  encode(r.notable, out);
  out.mutable_weights()->set_timeliness(r.weights.timeliness);
  out.mutable_weights()->set_completeness(r.weights.completeness);
  out.set_cadres(r.cadres);
}

// The options of each operation, from its request.
StatusOr<StatisticsOptions> options_of(const pb::StatisticsRequest &request) {
  if (request.from().empty()) {
    return invalid_argument("from", "required");
  }
  auto from = codec::parse_date(request.from(), "from");
  if (!from.ok()) {
    return from.status();
  }
  auto to = required_as_of(request.to());
  if (!to.ok()) {
    return Status(to.status().code(), to.status().message(), "to");
  }
  auto period = range_period(*from, *to);
  if (!period.ok()) {
    return period.status();
  }
  StatisticsOptions o;
  o.period = *period;
  return o;
}

StatusOr<StatisticsOptions> options_of(const pb::QuarterlyDispatchRequest &request) {
  auto period = quarter_period(request.year(), request.quarter());
  if (!period.ok()) {
    return period.status();
  }
  if (request.behind() < 0 || request.behind() > 1000) {
    return invalid_argument("behind", "must be from 0 to 1000");
  }
  StatisticsOptions o;
  o.period = *period;
  o.screen_due = true;
  o.follow_up = true;
  o.behind = request.behind() == 0 ? 5 : request.behind();
  return o;
}

StatusOr<StatisticsOptions> options_of(const pb::AnnualBulletinRequest &request) {
  auto period = year_period(request.year());
  if (!period.ok()) {
    return period.status();
  }
  StatisticsOptions o;
  o.period = *period;
  if (request.year() > 1) {
    o.previous = *year_period(request.year() - 1);
  }
  o.screen_due = true;
  o.follow_up = true;
  o.score_units = true;
  if (request.has_weights()) {
    const double t = request.weights().timeliness();
    const double c = request.weights().completeness();
    if (!std::isfinite(t) || t < 0) {
      return invalid_argument("weights.timeliness", "must be a number from 0");
    }
    if (!std::isfinite(c) || c < 0) {
      return invalid_argument("weights.completeness", "must be a number from 0");
    }
    if (t + c <= 0) {
      return invalid_argument("weights", "at least one weight must be above 0");
    }
    o.weights = {t, c};
  }
  return o;
}

// A statistics operation, one record at a time: the regions, units and cases
// of the request as they come (list_record), then its cadres (record).
template <typename Request, typename Response>
class StatisticsRun final : public RecordRun {
 public:
  explicit StatisticsRun(const Engine &engine) : engine_(engine) {}

  Status begin(const gp::Message &head, gp::Message & /*response*/) override {
    auto options = options_of(static_cast<const Request &>(head));
    if (!options.ok()) {
      return options.status();
    }
    builder_.emplace(engine_, engine_.config().followups, std::move(options).value());
    return {};
  }

  [[nodiscard]] bool reads_lists() const noexcept override { return true; }

  void list_record(const gp::FieldDescriptor &list, int index, const gp::Message &record,
                   const Status &unread, gp::Message &response) override {
    auto &errors = *static_cast<Response &>(response).mutable_errors();
    const std::string path = list.name() + "[" + std::to_string(index) + "]";
    if (!unread.ok()) {
      report(unread, index, "", errors);
      return;
    }
    errors_.clear();
    if (list.message_type() == pb::Region::descriptor()) {
      if (codec::decode(static_cast<const pb::Region &>(record), path, region_, errors_)) {
        builder_->add_region(region_);
      }
    } else if (list.message_type() == pb::Unit::descriptor()) {
      if (codec::decode(static_cast<const pb::Unit &>(record), path, unit_, errors_)) {
        builder_->add_unit(unit_);
      }
    } else if (list.message_type() == pb::CaseDigest::descriptor()) {
      auto digest = decode_case_digest(static_cast<const pb::CaseDigest &>(record), path);
      if (digest.ok()) {
        builder_->add_case(std::move(digest).value());
      } else {
        errors_.push_back(digest.status());
      }
    }
    if (!errors_.empty()) {
      report(errors_.front(), index, "", errors);
    }
  }

  void record(const pb::Cadre &in, std::int64_t index, gp::Message &response) override {
    if (decode_or_report(in, index, cadre_path(index), cadre_, &ids_,
                         *static_cast<Response &>(response).mutable_errors())) {
      builder_->add_cadre(cadre_);
    } else {
      builder_->add_bad_record();
    }
  }

  Status end(gp::Message &response, const std::function<Status()> & /*flush*/) override {
    fill(builder_->finish(), static_cast<Response &>(response));
    return {};
  }

 private:
  const Engine &engine_;
  std::optional<StatisticsBuilder> builder_;
  Cadre cadre_;
  Region region_;
  Unit unit_;
  std::vector<Status> errors_;
  IdSet ids_;
};

// Runs @p run over a request held whole: its regions, units and cases first, then its cadres.
template <typename Request, typename Response>
Status run_whole(const Engine &engine, const Request &request, Response &response) {
  StatisticsRun<Request, Response> run(engine);
  if (auto st = run.begin(request, response); !st.ok()) {
    return st;
  }
  const gp::Descriptor *d = Request::descriptor();
  for (const char *name : {"regions", "units", "cases"}) {
    const gp::FieldDescriptor *f = d->FindFieldByName(name);
    const gp::Reflection *r = request.GetReflection();
    for (int i = 0; i < r->FieldSize(request, f); ++i) {
      run.list_record(*f, i, r->GetRepeatedMessage(request, f, i), Status{}, response);
    }
  }
  for (int i = 0; i < request.cadres_size(); ++i) {
    run.record(request.cadres(i), i, response);
  }
  return run.end(response, [] { return Status{}; });
}

}  // namespace

void encode_case_digest(const CaseDigest &in, Date as_of, pb::CaseDigest &out) {
  out.set_case_id(in.case_id);
  out.set_cadre_id(in.cadre_id);
  out.set_kind(static_cast<pb::ProcedureKind>(in.kind));
  out.set_channel(static_cast<pb::Channel>(in.channel));
  out.set_opened_on(day_text(in.opened_on));
  out.set_ended_on(day_text(in.ended_on));
  out.set_carried_out(in.carried_out);
  out.set_working_days_overdue(in.working_days_overdue);
  out.set_late_steps(in.late_steps);
  out.set_as_of(as_of.to_string());
}

StatusOr<CaseDigest> decode_case_digest(const pb::CaseDigest &in, const std::string &path) {
  CaseDigest d;
  if (!codec::is_valid_id(in.case_id()) || in.case_id().empty()) {
    return invalid_argument(path + ".case_id", "required: an id");
  }
  if (!codec::is_valid_id(in.cadre_id()) || in.cadre_id().empty()) {
    return invalid_argument(path + ".cadre_id", "required: an id");
  }
  d.case_id = in.case_id();
  d.cadre_id = in.cadre_id();
  d.kind = static_cast<ProcedureKind>(in.kind());
  d.channel = static_cast<Channel>(in.channel());
  if (d.channel == Channel::kUnspecified) {
    d.channel = channel_of(d.kind);
  }
  for (const auto &[text, field, day] : {std::tuple{&in.opened_on(), "opened_on", &d.opened_on},
                                         std::tuple{&in.ended_on(), "ended_on", &d.ended_on}}) {
    if (!text->empty()) {
      auto parsed = codec::parse_date(*text, path + "." + field);
      if (!parsed.ok()) {
        return parsed.status();
      }
      *day = *parsed;
    }
  }
  if (!d.opened_on) {
    return invalid_argument(path + ".opened_on", "required");
  }
  if (d.ended_on && *d.ended_on < *d.opened_on) {
    return invalid_argument(path + ".ended_on", "comes before `opened_on`");
  }
  if (in.working_days_overdue() < 0) {
    return invalid_argument(path + ".working_days_overdue", "must be from 0");
  }
  if (in.late_steps() < 0) {
    return invalid_argument(path + ".late_steps", "must be from 0");
  }
  d.carried_out = in.carried_out() && d.ended_on.has_value();
  d.working_days_overdue = in.working_days_overdue();
  d.late_steps = in.late_steps();
  return d;
}

Status statistics(const Engine &engine, const pb::StatisticsRequest &request,
                  pb::StatisticsResponse &response) {
  return run_whole(engine, request, response);
}

std::unique_ptr<RecordRun> statistics_run(const Engine &engine) {
  return std::make_unique<StatisticsRun<pb::StatisticsRequest, pb::StatisticsResponse>>(engine);
}

Status quarterly_dispatch(const Engine &engine, const pb::QuarterlyDispatchRequest &request,
                          pb::QuarterlyDispatchResponse &response) {
  return run_whole(engine, request, response);
}

std::unique_ptr<RecordRun> quarterly_dispatch_run(const Engine &engine) {
  return std::make_unique<
      StatisticsRun<pb::QuarterlyDispatchRequest, pb::QuarterlyDispatchResponse>>(engine);
}

Status annual_bulletin(const Engine &engine, const pb::AnnualBulletinRequest &request,
                       pb::AnnualBulletinResponse &response) {
  return run_whole(engine, request, response);
}

std::unique_ptr<RecordRun> annual_bulletin_run(const Engine &engine) {
  return std::make_unique<StatisticsRun<pb::AnnualBulletinRequest, pb::AnnualBulletinResponse>>(
      engine);
}

}  // namespace cadre::service
