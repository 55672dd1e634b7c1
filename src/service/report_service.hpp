// The operation render_report (issue 12 §3, §4): a quarterly dispatch or an
// annual bulletin, as its operation answered it, read back into a
// StatisticsReport and rendered as one HTML page (cadre/report.hpp). Internal
// to libcadre and the CLI; never installed.
#ifndef CADRE_SRC_SERVICE_REPORT_SERVICE_HPP
#define CADRE_SRC_SERVICE_REPORT_SERVICE_HPP

#include <string>
#include <vector>

#include "cadre/report.hpp"
#include "cadre/screening.hpp"
#include "cadre/statistics.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/report.pb.h"

namespace cadre::service {

/** The page of the request's dispatch or bulletin, in its language, for its audience. */
Status render_report(const Engine &engine, const cadre::v1::RenderReportRequest &request,
                     cadre::v1::RenderReportResponse &response);

/** A report and its records not read, read from a response message. */
struct ReportData {
  StatisticsReport report;                ///< the statistics
  std::vector<ReportRecordError> errors;  ///< the response's `errors`
};

/**
 * Reads a quarterly dispatch back from its message; errors name the field under @p path
 * ("quarterly_dispatch.period.from").
 */
StatusOr<ReportData> decode_report(const cadre::v1::QuarterlyDispatchResponse &in,
                                   const std::string &path);

/** Reads an annual bulletin back from its message; errors name the field under @p path. */
StatusOr<ReportData> decode_report(const cadre::v1::AnnualBulletinResponse &in,
                                   const std::string &path);

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_REPORT_SERVICE_HPP
