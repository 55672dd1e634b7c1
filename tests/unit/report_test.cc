// The page of the quarterly dispatch and the annual bulletin (issue 12 §3, §4):
// hostile unit names escaped, the public (redacted) variant without names or
// ids, both languages from the schema's labels, the charts' tables equal to
// the message's counts, and the operation render_report on the messages.
#include <gtest/gtest.h>

#include <cstddef>
#include <regex>
#include <string>
#include <vector>

#include "cadre/labels.hpp"
#include "cadre/report.hpp"
#include "cadre/statistics.hpp"
#include "cadre/v1/report.pb.h"
#include "service/operation.hpp"
#include "service/report_service.hpp"
#include "service/service.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;
namespace svc = ::cadre::service;

constexpr std::string_view kHostile = "<script>alert('x')</script>&\"单位\"";

Date day(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

StatisticsLine unit_line(std::string key, std::string name, int rank, double score, int overdue,
                         int due) {
  StatisticsLine l;
  l.scope = LineScope::kUnit;
  l.key = std::move(key);
  l.label = std::move(name);
  l.cadres = 40;
  l.due = due;
  l.overdue = overdue;
  l.talks_overdue = 1;
  l.adjusted.adjusted_down = 3;
  l.previous.adjusted_down = 2;
  if (rank > 0) {
    l.score.rank = rank;
    l.score.score = score;
    l.score.timeliness = score / 100;
    l.score.completeness = score / 100;
  }
  return l;
}

// A bulletin with known counts: 7 adjusted (2 accountability, 1 unsuitable...).
StatisticsReport bulletin() {
  StatisticsReport r;
  r.period = {day(2024, 1, 1), day(2024, 12, 31), 2024, 0};
  r.previous = Period{day(2023, 1, 1), day(2023, 12, 31), 2023, 0};
  r.cadres = 120;
  AdjustmentTally &a = r.total.adjusted;
  a.adjusted_down = 7;
  a.accountability = 2;
  a.unsuitable = 1;
  a.bureau_level_or_above = 1;
  a.by_channel[static_cast<int>(Channel::kAgeLimit)] = 3;
  a.by_channel[static_cast<int>(Channel::kAccountability)] = 2;
  a.by_channel[static_cast<int>(Channel::kUnsuitable)] = 1;
  a.by_channel[static_cast<int>(Channel::kTerm)] = 1;
  a.by_rank_level[static_cast<int>(RankLevel::kBureauDeputy)] = 1;
  a.by_rank_level[static_cast<int>(RankLevel::kCountyPrincipal)] = 4;
  a.by_rank_level[static_cast<int>(RankLevel::kTownshipPrincipal)] = 2;
  r.total.previous.adjusted_down = 5;
  r.total.due = 11;
  r.total.opened = 6;
  r.total.in_progress = 4;
  r.total.talks_due = 5;
  r.total.talks_overdue = 2;
  r.total.reappointed = 1;
  r.total.adjusted_again = 1;
  for (int q = 1; q <= 4; ++q) {
    QuarterTally t;
    t.period = *quarter_period(2024, q);
    t.adjusted.adjusted_down = q;  // 1 + 2 + 3 + 4 would be 10: the trend need not sum here
    r.by_quarter.push_back(t);
  }
  r.units.push_back(unit_line("u-1", "第一单位", 1, 91.5, 0, 2));
  r.units.push_back(unit_line("u-2", std::string(kHostile), 2, 72.25, 3, 4));
  r.units.push_back(unit_line("u-3", "第三单位", 0, 0, 0, 0));
  StatisticsLine region;
  region.scope = LineScope::kRegion;
  region.key = "990100";
  region.label = "一市<b>";
  r.regions.push_back(region);
  r.notable.demotions = 2;
  r.notable.removals = 3;
  return r;
}

StatisticsReport dispatch() {
  StatisticsReport r = bulletin();
  r.period = *quarter_period(2024, 4);
  r.previous.reset();
  r.by_quarter.clear();
  r.furthest_behind = {"u-2", "u-1"};
  return r;
}

std::string render(const StatisticsReport &r, ReportKind kind, Language lang,
                   ReportAudience audience = ReportAudience::kUnspecified,
                   const std::vector<ReportRecordError> &errors = {}) {
  ReportOptions o;
  o.kind = kind;
  o.language = lang;
  o.audience = audience;
  StatusOr<std::string> html = render_report_html(r, errors, o);
  EXPECT_TRUE(html.ok()) << html.status().to_string();
  return html.ok() ? *html : std::string();
}

// The rows of the table of chart @p id: {row header, first number}.
std::vector<std::pair<std::string, std::string>> chart_rows(const std::string &html,
                                                            const std::string &id) {
  const std::size_t at = html.find("data-chart=\"" + id + "\"");
  EXPECT_NE(at, std::string::npos) << id;
  if (at == std::string::npos) {
    return {};
  }
  const std::size_t end = html.find("</table>", at);
  const std::string table = html.substr(at, end - at);
  std::vector<std::pair<std::string, std::string>> rows;
  const std::regex row(R"(<tr><th scope="row">([^<]*)</th><td class="n">([^<]*)</td>)");
  for (auto it = std::sregex_iterator(table.begin(), table.end(), row);
       it != std::sregex_iterator(); ++it) {
    rows.emplace_back((*it)[1].str(), (*it)[2].str());
  }
  return rows;
}

std::string zh(Channel c) { return std::string(label(c, Language::kZhCn)); }
std::string zh(RankLevel l) { return std::string(label(l, Language::kZhCn)); }

TEST(Report, IsOneDocumentWithoutScriptOrExternalResource) {
  const std::string html = render(bulletin(), ReportKind::kAnnualBulletin, Language::kZhCn);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0U);
  EXPECT_NE(html.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("size:A4"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // the SVG namespace
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
}

TEST(Report, EveryChartHasATitleAndItsTable) {
  for (const ReportKind kind : {ReportKind::kAnnualBulletin, ReportKind::kQuarterlyDispatch}) {
    const std::string html =
        render(kind == ReportKind::kAnnualBulletin ? bulletin() : dispatch(), kind, Language::kEn);
    const std::regex svg(
        R"re(<svg [^>]*id="(chart-\d+)"[^>]*><title id="chart-\d+-title">[^<]+</title>)re");
    int charts = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), svg);
         it != std::sregex_iterator(); ++it) {
      ++charts;
      EXPECT_NE(html.find("data-chart=\"" + (*it)[1].str() + "\""), std::string::npos);
    }
    std::size_t svgs = 0;
    for (std::size_t at = html.find("<svg"); at != std::string::npos;
         at = html.find("<svg", at + 1)) {
      ++svgs;
    }
    EXPECT_EQ(static_cast<std::size_t>(charts), svgs);
    EXPECT_EQ(charts, kind == ReportKind::kAnnualBulletin ? 5 : 4);
  }
}

TEST(Report, ChartDataEqualsTheCounts) {
  const StatisticsReport r = bulletin();
  const std::string html = render(r, ReportKind::kAnnualBulletin, Language::kZhCn);
  // chart-1: by channel, every channel in the schema's order.
  const auto channels = chart_rows(html, "chart-1");
  ASSERT_EQ(channels.size(), 7U);
  for (std::size_t c = 1; c <= 7; ++c) {
    EXPECT_EQ(channels[c - 1].first, zh(static_cast<Channel>(c)));
    EXPECT_EQ(channels[c - 1].second, std::to_string(r.total.adjusted.by_channel.at(c)));
  }
  // chart-2: by quarter.
  const auto quarters = chart_rows(html, "chart-2");
  ASSERT_EQ(quarters.size(), 4U);
  for (std::size_t q = 0; q < 4; ++q) {
    EXPECT_EQ(quarters[q].first, "2024 Q" + std::to_string(q + 1));
    EXPECT_EQ(quarters[q].second, std::to_string(r.by_quarter[q].adjusted.adjusted_down));
  }
  // chart-3: the units ranked, the unscored left out.
  const auto ranked = chart_rows(html, "chart-3");
  ASSERT_EQ(ranked.size(), 2U);
  EXPECT_EQ(ranked[0].first, "第一单位");
  EXPECT_EQ(ranked[0].second, "91.5");
  EXPECT_EQ(ranked[1].second, "72.2");  // 72.25, one decimal (round half to even)
  // chart-4: by rank level.
  const auto levels = chart_rows(html, "chart-4");
  ASSERT_EQ(levels.size(), 8U);
  for (std::size_t l = 1; l <= 8; ++l) {
    EXPECT_EQ(levels[l - 1].first, zh(static_cast<RankLevel>(l)));
    EXPECT_EQ(levels[l - 1].second, std::to_string(r.total.adjusted.by_rank_level.at(l)));
  }
  // chart-5: from due to follow-up.
  const auto funnel = chart_rows(html, "chart-5");
  const std::vector<int> expected = {
      r.total.due,       r.total.opened,        r.total.in_progress, r.total.done(),
      r.total.talks_due, r.total.talks_overdue, r.total.reappointed, r.total.adjusted_again};
  ASSERT_EQ(funnel.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(funnel[i].second, std::to_string(expected[i])) << i;
  }
  EXPECT_EQ(funnel[0].first, label(StatisticsMeasure::kDue, Language::kZhCn));
}

TEST(Report, EscapesHostileNames) {
  for (const ReportAudience a : {ReportAudience::kOrganisationDepartment, ReportAudience::kUnits}) {
    std::vector<ReportRecordError> errors = {{3, "<img src=x onerror=1>", "cadres[3].id", "bad"}};
    const std::string html =
        render(bulletin(), ReportKind::kAnnualBulletin, Language::kZhCn, a, errors);
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;单位&quot;"),
              std::string::npos);
  }
  // Bytes that are not UTF-8 and control characters become U+FFFD.
  StatisticsReport r = bulletin();
  r.units[0].label = std::string("a\xff\xc0\x80z\x01", 6);
  const std::string html = render(r, ReportKind::kAnnualBulletin, Language::kEn);
  EXPECT_NE(html.find("a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz\xEF\xBF\xBD"), std::string::npos);
}

TEST(Report, PublicVariantHasNoNames) {
  std::vector<ReportRecordError> errors = {{3, "cadre-secret-id", "cadres[3].birth_date", "bad"}};
  for (const ReportKind kind : {ReportKind::kAnnualBulletin, ReportKind::kQuarterlyDispatch}) {
    const std::string html = render(kind == ReportKind::kAnnualBulletin ? bulletin() : dispatch(),
                                    kind, Language::kZhCn, ReportAudience::kPublic, errors);
    for (const std::string_view name :
         {std::string_view("第一单位"), std::string_view("第三单位"), std::string_view("u-1"),
          std::string_view("u-2"), std::string_view("990100"), std::string_view("一市"),
          std::string_view("&lt;script"), std::string_view("cadre-secret-id"),
          std::string_view("birth_date")}) {
      EXPECT_EQ(html.find(name), std::string::npos) << name;
    }
    // The counts are there: the headline, and the count of records not read.
    EXPECT_NE(html.find(label(ReportAudience::kPublic, Language::kZhCn)), std::string::npos);
    EXPECT_NE(html.find("<span class=\"v\">7</span>"), std::string::npos);
    EXPECT_NE(html.find(": 1</p>"), std::string::npos);
  }
  // The organisation department sees the record's id; the units see the count only.
  const std::string org = render(bulletin(), ReportKind::kAnnualBulletin, Language::kZhCn,
                                 ReportAudience::kOrganisationDepartment, errors);
  EXPECT_NE(org.find("cadre-secret-id"), std::string::npos);
  EXPECT_NE(org.find("u-1"), std::string::npos);
  const std::string units = render(bulletin(), ReportKind::kAnnualBulletin, Language::kZhCn,
                                   ReportAudience::kUnits, errors);
  EXPECT_EQ(units.find("cadre-secret-id"), std::string::npos);
  EXPECT_NE(units.find("第一单位"), std::string::npos);
}

TEST(Report, DefaultAudiencePerReport) {
  EXPECT_EQ(default_audience(ReportKind::kQuarterlyDispatch),
            ReportAudience::kOrganisationDepartment);
  EXPECT_EQ(default_audience(ReportKind::kAnnualBulletin), ReportAudience::kUnits);
  const std::string q = render(dispatch(), ReportKind::kQuarterlyDispatch, Language::kZhCn);
  EXPECT_NE(q.find(label(ReportAudience::kOrganisationDepartment, Language::kZhCn)),
            std::string::npos);
  const std::string a = render(bulletin(), ReportKind::kAnnualBulletin, Language::kZhCn);
  EXPECT_NE(a.find(label(ReportAudience::kUnits, Language::kZhCn)), std::string::npos);
}

TEST(Report, BothLanguagesFromTheSchemaLabels) {
  const std::string zh_page = render(bulletin(), ReportKind::kAnnualBulletin, Language::kZhCn);
  const std::string en_page = render(bulletin(), ReportKind::kAnnualBulletin, Language::kEn);
  EXPECT_NE(en_page.find("<html lang=\"en\">"), std::string::npos);
  for (const auto lang : {Language::kZhCn, Language::kEn}) {
    const std::string &page = lang == Language::kEn ? en_page : zh_page;
    const std::string &other = lang == Language::kEn ? zh_page : en_page;
    for (int t = 1; t <= 8; ++t) {
      const std::string_view text = label("cadre.v1.ReportText", t, lang);
      ASSERT_FALSE(text.empty()) << t;
      if (t == 2 || t >= 5) {  // the annual bulletin's headings
        EXPECT_NE(page.find(text), std::string::npos) << text;
        EXPECT_EQ(other.find(text), std::string::npos) << text;
      }
    }
    EXPECT_NE(page.find(label(Channel::kAccountability, lang)), std::string::npos);
    EXPECT_NE(page.find(label(StatisticsMeasure::kAdjustedDown, lang)), std::string::npos);
  }
  EXPECT_NE(zh_page.find("推进领导干部能上能下工作年度通报"), std::string::npos);
}

TEST(Report, RefusesUnknownAudienceAndChartCount) {
  ReportOptions o;
  o.audience = static_cast<ReportAudience>(9);
  EXPECT_EQ(render_report_html(bulletin(), {}, o).status().field(), "audience");
  o.audience = ReportAudience::kUnits;
  o.chart_units = 0;
  EXPECT_EQ(render_report_html(bulletin(), {}, o).status().field(), "chart_units");
}

TEST(Report, EmptyReportRendersNone) {
  StatisticsReport r;
  r.period = *year_period(2024);
  const std::string html = render(r, ReportKind::kAnnualBulletin, Language::kEn);
  EXPECT_NE(html.find("data-chart=\"chart-3\""), std::string::npos);
  EXPECT_NE(html.find(">None</td>"), std::string::npos);
}

TEST(RenderReportOperation, RendersTheMessage) {
  pb::RenderReportRequest req;
  pb::AnnualBulletinResponse &b = *req.mutable_annual_bulletin();
  b.mutable_period()->set_from("2024-01-01");
  b.mutable_period()->set_to("2024-12-31");
  b.mutable_period()->set_year(2024);
  b.mutable_total()->mutable_adjusted()->set_adjusted_down(4);
  pb::ChannelCount &c = *b.mutable_total()->mutable_adjusted()->add_by_channel();
  c.set_channel(pb::CHANNEL_ACCOUNTABILITY);
  c.set_cadres(4);
  pb::StatisticsLine &u = *b.add_units();
  u.set_key("u9");
  u.set_label("<i>九</i>");
  pb::RecordError &e = *b.add_errors();
  e.set_cadre_id("c-77");
  req.set_language(pb::REPORT_LANGUAGE_EN);
  pb::RenderReportResponse resp;
  ASSERT_TRUE(svc::render_report(svc::builtin_engine(), req, resp).ok());
  EXPECT_EQ(resp.audience(), pb::REPORT_AUDIENCE_UNITS);
  EXPECT_EQ(resp.language(), pb::REPORT_LANGUAGE_EN);
  const auto channels = chart_rows(resp.html(), "chart-1");
  ASSERT_EQ(channels.size(), 7U);
  EXPECT_EQ(channels[2].first, label(Channel::kAccountability, Language::kEn));
  EXPECT_EQ(channels[2].second, "4");
  EXPECT_NE(resp.html().find("&lt;i&gt;九&lt;/i&gt;"), std::string::npos);
  EXPECT_EQ(resp.html().find("c-77"), std::string::npos);  // the units see the count only

  req.set_audience(pb::REPORT_AUDIENCE_ORGANISATION_DEPARTMENT);
  ASSERT_TRUE(svc::render_report(svc::builtin_engine(), req, resp).ok());
  EXPECT_NE(resp.html().find("c-77"), std::string::npos);

  // Through the table, as C, Python and the CLI call it.
  const svc::Operation *op = svc::find_operation("render_report");
  ASSERT_NE(op, nullptr);
  pb::RenderReportResponse through;
  ASSERT_TRUE(svc::call(*op, svc::builtin_engine(), req, through).ok());
  EXPECT_EQ(through.html(), resp.html());
}

TEST(RenderReportOperation, RefusesBadMessages) {
  pb::RenderReportRequest req;
  pb::RenderReportResponse resp;
  EXPECT_EQ(svc::render_report(svc::builtin_engine(), req, resp).field(), "report");
  req.mutable_quarterly_dispatch()->mutable_period()->set_from("2024-10-01");
  req.mutable_quarterly_dispatch()->mutable_period()->set_to("2024-13-31");
  const Status st = svc::render_report(svc::builtin_engine(), req, resp);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.field(), "quarterly_dispatch.period.to");
  req.mutable_quarterly_dispatch()->mutable_period()->set_to("2024-12-31");
  req.set_audience(static_cast<pb::ReportAudience>(42));
  EXPECT_EQ(svc::render_report(svc::builtin_engine(), req, resp).field(), "audience");
  req.set_audience(pb::REPORT_AUDIENCE_PUBLIC);
  req.set_language(static_cast<pb::ReportLanguage>(7));
  EXPECT_EQ(svc::render_report(svc::builtin_engine(), req, resp).field(), "language");
}

}  // namespace
}  // namespace cadre
