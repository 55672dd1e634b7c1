// render_report: the message of a quarterly dispatch or an annual bulletin
// read back into a StatisticsReport (the inverse of statistics_service.cc's
// encoders), then rendered by cadre::render_report_html().
#include "service/report_service.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace cadre::service {
namespace pb = ::cadre::v1;
namespace gp = ::google::protobuf;

namespace {

StatusOr<Period> decode(const pb::StatisticsPeriod &in, const std::string &path) {
  const std::optional<Date> from = Date::parse(in.from());
  if (!from) {
    return invalid_argument(path + ".from", "is missing or not a date (YYYY-MM-DD)");
  }
  const std::optional<Date> to = Date::parse(in.to());
  if (!to) {
    return invalid_argument(path + ".to", "is missing or not a date (YYYY-MM-DD)");
  }
  if (*to < *from) {
    return invalid_argument(path + ".to", "comes before `from`");
  }
  return Period{*from, *to, in.year(), in.quarter()};
}

// Counts per enum number into @p out; a number this version does not know is
// counted as unspecified (index 0), so that no count is lost.
template <std::size_t N, typename Count, typename Number>
void add_counts(const gp::RepeatedPtrField<Count> &in, std::array<int, N> &out, Number number) {
  for (const Count &c : in) {
    const int n = number(c);
    const auto i = n > 0 && static_cast<std::size_t>(n) < N ? static_cast<std::size_t>(n) : 0U;
    // Saturating: a message may repeat a count; the page shows at most INT_MAX.
    const std::int64_t sum = std::int64_t{out.at(i)} + c.cadres();
    out.at(i) = static_cast<int>(std::clamp<std::int64_t>(sum, INT_MIN, INT_MAX));
  }
}

AdjustmentTally decode(const pb::AdjustmentTally &in) {
  AdjustmentTally out;
  out.adjusted_down = in.adjusted_down();
  out.accountability = in.accountability();
  out.unsuitable = in.unsuitable();
  out.bureau_level_or_above = in.bureau_level_or_above();
  out.from_records = in.from_records();
  out.from_cases = in.from_cases();
  add_counts(in.by_channel(), out.by_channel,
             [](const pb::ChannelCount &c) { return c.channel(); });
  add_counts(in.by_method(), out.by_method, [](const pb::MethodCount &c) { return c.method(); });
  add_counts(in.by_rank_level(), out.by_rank_level,
             [](const pb::RankLevelCount &c) { return c.rank_level(); });
  return out;
}

LineScope scope_of(pb::StatisticsScope scope) {
  switch (scope) {
    case pb::STATISTICS_SCOPE_UNIT:
      return LineScope::kUnit;
    case pb::STATISTICS_SCOPE_REGION:
      return LineScope::kRegion;
    default:
      return LineScope::kTotal;
  }
}

StatisticsLine decode(const pb::StatisticsLine &in) {
  StatisticsLine out;
  out.scope = scope_of(in.scope());
  out.key = in.key();
  out.label = in.label();
  out.region_code = in.region_code();
  out.cadres = in.cadres();
  out.adjusted = decode(in.adjusted());
  out.previous = decode(in.previous());
  out.due = in.due();
  out.opened = in.opened();
  out.in_progress = in.in_progress();
  out.overdue = in.overdue();
  out.closed_without_adjustment = in.closed_without_adjustment();
  out.talks_due = in.talks_due();
  out.talks_overdue = in.talks_overdue();
  out.reappointed = in.reappointed();
  out.adjusted_again = in.adjusted_again();
  out.max_working_days_overdue = in.max_working_days_overdue();
  out.procedures_on_time = in.procedures_on_time();
  out.procedures_active = in.procedures_active();
  const pb::UnitScore &s = in.score();
  if (s.has_score()) {
    out.score.score = s.score();
  }
  if (s.has_timeliness()) {
    out.score.timeliness = s.timeliness();
  }
  if (s.has_completeness()) {
    out.score.completeness = s.completeness();
  }
  out.score.rank = s.rank();
  return out;
}

NotableCounts decode(const pb::NotableCounts &in) {
  NotableCounts out;
  out.bureau_level_or_above = in.bureau_level_or_above();
  out.demotions = in.demotions();
  out.removals = in.removals();
  out.overdue_procedures = in.overdue_procedures();
  out.max_working_days_overdue = in.max_working_days_overdue();
  out.closed_without_adjustment = in.closed_without_adjustment();
  out.reappointed = in.reappointed();
  out.adjusted_again = in.adjusted_again();
  out.not_carried_out = in.not_carried_out();
  out.unattributed_cases = in.unattributed_cases();
  return out;
}

// What both responses have: the lines, the notable counts, the errors.
template <typename Response>
StatusOr<ReportData> decode_common(const Response &in, const std::string &path) {
  ReportData out;
  StatusOr<Period> period = decode(in.period(), path + ".period");
  if (!period.ok()) {
    return period.status();
  }
  out.report.period = *period;
  out.report.total = decode(in.total());
  out.report.units.reserve(static_cast<std::size_t>(in.units_size()));
  for (const pb::StatisticsLine &l : in.units()) {
    out.report.units.push_back(decode(l));
  }
  out.report.regions.reserve(static_cast<std::size_t>(in.regions_size()));
  for (const pb::StatisticsLine &l : in.regions()) {
    out.report.regions.push_back(decode(l));
  }
  out.report.notable = decode(in.notable());
  out.report.cadres = in.cadres();
  out.errors.reserve(static_cast<std::size_t>(in.errors_size()));
  for (const pb::RecordError &e : in.errors()) {
    out.errors.push_back({e.index(), e.cadre_id(), e.field_path(), e.message()});
  }
  return out;
}

}  // namespace

StatusOr<ReportData> decode_report(const pb::QuarterlyDispatchResponse &in,
                                   const std::string &path) {
  StatusOr<ReportData> out = decode_common(in, path);
  if (!out.ok()) {
    return out;
  }
  ReportData data = std::move(out).value();
  for (const std::string &id : in.furthest_behind()) {
    data.report.furthest_behind.push_back(id);
  }
  return data;
}

StatusOr<ReportData> decode_report(const pb::AnnualBulletinResponse &in, const std::string &path) {
  StatusOr<ReportData> out = decode_common(in, path);
  if (!out.ok()) {
    return out;
  }
  ReportData data = std::move(out).value();
  if (in.has_previous()) {
    StatusOr<Period> previous = decode(in.previous(), path + ".previous");
    if (!previous.ok()) {
      return previous.status();
    }
    data.report.previous = *previous;
  }
  for (int i = 0; i < in.by_quarter_size(); ++i) {
    const pb::QuarterTally &q = in.by_quarter(i);
    StatusOr<Period> period =
        decode(q.period(), path + ".by_quarter[" + std::to_string(i) + "].period");
    if (!period.ok()) {
      return period.status();
    }
    data.report.by_quarter.push_back({*period, decode(q.adjusted())});
  }
  if (in.has_weights()) {
    data.report.weights = {in.weights().timeliness(), in.weights().completeness()};
  }
  return data;
}

Status render_report(const Engine &engine, const pb::RenderReportRequest &request,
                     pb::RenderReportResponse &response) {
  (void)engine;  // the page reads the message only
  ReportOptions options;
  switch (request.language()) {
    case pb::REPORT_LANGUAGE_UNSPECIFIED:
    case pb::REPORT_LANGUAGE_ZH_CN:
      options.language = Language::kZhCn;
      response.set_language(pb::REPORT_LANGUAGE_ZH_CN);
      break;
    case pb::REPORT_LANGUAGE_EN:
      options.language = Language::kEn;
      response.set_language(pb::REPORT_LANGUAGE_EN);
      break;
    default:
      return invalid_argument("language", "unknown language");
  }
  if (!pb::ReportAudience_IsValid(request.audience())) {
    return invalid_argument("audience", "unknown audience");
  }
  options.audience = static_cast<ReportAudience>(request.audience());
  StatusOr<ReportData> data = Status(StatusCode::kInvalidArgument,
                                     "give a quarterly dispatch or an annual bulletin", "report");
  switch (request.report_case()) {
    case pb::RenderReportRequest::kQuarterlyDispatch:
      options.kind = ReportKind::kQuarterlyDispatch;
      data = decode_report(request.quarterly_dispatch(), "quarterly_dispatch");
      break;
    case pb::RenderReportRequest::kAnnualBulletin:
      options.kind = ReportKind::kAnnualBulletin;
      data = decode_report(request.annual_bulletin(), "annual_bulletin");
      break;
    default:
      break;
  }
  if (!data.ok()) {
    return data.status();
  }
  if (options.audience == ReportAudience::kUnspecified) {
    options.audience = default_audience(options.kind);
  }
  StatusOr<std::string> html = render_report_html(data->report, data->errors, options);
  if (!html.ok()) {
    return html.status();
  }
  response.set_html(std::move(html).value());
  response.set_audience(static_cast<pb::ReportAudience>(options.audience));
  return {};
}

}  // namespace cadre::service
