/**
 * @file cadre/report.hpp
 * @brief The quarterly dispatch (每季一调度) and the annual bulletin (年度一通报) as one
 *        self-contained HTML page that people read: inline SVG charts, each with its data in
 *        a table, and a print stylesheet for A4.
 *
 * render_report_html() draws, from a cadre::StatisticsReport (StatisticsBuilder::finish()):
 * the headline in the shape of the 2017 Jiangxi report; the adjustments by channel; the trend
 * by quarter (annual bulletin); the units ranked by the special assessment (annual) or the
 * units furthest behind (quarterly); the adjustments by rank level; the chain from due to
 * follow-up; then the tables of the units and regions and the notable cases as counts.
 *
 * The page has no script and fetches nothing (no CDN, no web font): it is one file, to save,
 * mail or print. Every text from the input (unit and region names, ids) is HTML-escaped, and
 * bytes that are not UTF-8 are replaced. Every heading and caption is a label of the schema
 * (cadre.v1.ReportText, StatisticsMeasure, Channel, RankLevel...; cadre::label()), so zh-CN
 * and English come from one source.
 *
 * The statistics hold no personal names. The audience (ReportAudience) decides whether the
 * page names units and regions and whether it lists the records not read with their cadre
 * ids; the public audience is the redacted variant: counts only.
 *
 * A pure function of its inputs; safe to call from several threads.
 */
#ifndef CADRE_REPORT_HPP
#define CADRE_REPORT_HPP

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "cadre/labels.hpp"
#include "cadre/statistics.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

/** Which report a page shows. */
enum class ReportKind : std::uint8_t {
  kQuarterlyDispatch = 1,  ///< the quarterly dispatch (每季一调度)
  kAnnualBulletin = 2,     ///< the annual bulletin (年度一通报)
};

/**
 * Who may read a page, and so what it names. Schema: `cadre.v1.ReportAudience` (the same
 * numbers; its labels name it on the page).
 */
enum class ReportAudience : std::int32_t {
  kUnspecified = 0,  ///< the report's default (default_audience())
  /** The organisation department: units and regions by name and code, the ranking, and the
   *  records not read with their cadre ids. */
  kOrganisationDepartment = 1,
  /** The units the bulletin is circulated to: units and regions by name, the ranking; the
   *  records not read as a count. */
  kUnits = 2,
  /** Anyone: counts only, no unit, region or personal name and no id (the redacted variant). */
  kPublic = 3,
};

/// @cond CADRE_INTERNAL
template <>
struct SchemaEnum<ReportAudience> {
  static constexpr std::string_view name = "cadre.v1.ReportAudience";
};
/// @endcond

/**
 * The audience of a report when none is asked.
 * @param kind the report
 * @return the organisation department for the quarterly dispatch, a working document; the
 *         units for the annual bulletin, which is circulated (通报)
 */
constexpr ReportAudience default_audience(ReportKind kind) noexcept {
  return kind == ReportKind::kQuarterlyDispatch ? ReportAudience::kOrganisationDepartment
                                                : ReportAudience::kUnits;
}

/**
 * A record of the input that could not be read, as the statistics' response lists it. Shown
 * one by one to the organisation department only; the other audiences see the count.
 */
struct ReportRecordError {
  std::int64_t index = 0;  ///< place of the record in the input
  std::string cadre_id;    ///< id of the record, when it could be read (a person's id)
  std::string field_path;  ///< the field, e.g. "cadres[17].birth_date"
  std::string message;     ///< what is wrong, without personal data
};

/** How to render a page. */
struct ReportOptions {
  ReportKind kind = ReportKind::kAnnualBulletin;           ///< the report
  Language language = Language::kZhCn;                     ///< the language of the page
  ReportAudience audience = ReportAudience::kUnspecified;  ///< who reads it
  /** How many units the units' chart shows (the table lists them all); 1 to 100. */
  int chart_units = 15;
};

/**
 * The page of a quarterly dispatch or an annual bulletin.
 *
 * The page is a complete HTML document in UTF-8: `<!DOCTYPE html>`, an inline stylesheet with
 * `@media print` rules for A4, no script and no external resource. Each chart is an `<svg
 * role="img">` with a `<title>`, followed by a `<table>` of the numbers it draws (its
 * `data-chart` names the chart's id); the numbers are those of @p report.
 *
 * @param report the statistics (quarterly dispatch: the quarter's units and regions and the
 *        units furthest behind; annual bulletin: last year's figures, the quarters, the ranking)
 * @param errors the records of the input not read (the response's `errors`); borrowed for the
 *        call
 * @param options the report, the language and the audience
 * @return the page; INVALID_ARGUMENT (field "audience") for an audience this version does not
 *         know, (field "kind") for a report it does not know, (field "chart_units") for a
 *         count of charted units out of 1 to 100
 */
StatusOr<std::string> render_report_html(const StatisticsReport &report,
                                         std::span<const ReportRecordError> errors,
                                         const ReportOptions &options);

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_REPORT_HPP
