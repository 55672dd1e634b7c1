// The operations statistics, quarterly_dispatch and annual_bulletin (issue 12
// §1): the handlers and record-by-record runs of their rows in the operation
// table, over cadre/statistics.hpp; and case_digest, the store's cases as the
// statistics read them. Internal to libcadre and the CLI; never installed.
#ifndef CADRE_SRC_SERVICE_STATISTICS_SERVICE_HPP
#define CADRE_SRC_SERVICE_STATISTICS_SERVICE_HPP

#include <memory>

#include "cadre/case_log.hpp"
#include "cadre/screening.hpp"
#include "cadre/statistics.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/statistics_service.pb.h"
#include "service/operation.hpp"

namespace cadre::service {

/** Statistics of the adjustments carried out in a range of days. */
Status statistics(const Engine &engine, const cadre::v1::StatisticsRequest &request,
                  cadre::v1::StatisticsResponse &response);
/** The run of `statistics` one cadre at a time (its units, regions and cases too). */
std::unique_ptr<RecordRun> statistics_run(const Engine &engine);

/** The quarterly dispatch (每季一调度) of a quarter. */
Status quarterly_dispatch(const Engine &engine, const cadre::v1::QuarterlyDispatchRequest &request,
                          cadre::v1::QuarterlyDispatchResponse &response);
/** The run of `quarterly_dispatch` one cadre at a time. */
std::unique_ptr<RecordRun> quarterly_dispatch_run(const Engine &engine);

/** The annual bulletin (年度一通报) of a year, with the unit special assessment. */
Status annual_bulletin(const Engine &engine, const cadre::v1::AnnualBulletinRequest &request,
                       cadre::v1::AnnualBulletinResponse &response);
/** The run of `annual_bulletin` one cadre at a time. */
std::unique_ptr<RecordRun> annual_bulletin_run(const Engine &engine);

/** Every adjustment procedure of a store as of a day, as the statistics read it. */
Status case_digest(const Engine &engine, CaseStore &store,
                   const cadre::v1::CaseDigestRequest &request,
                   cadre::v1::CaseDigestResponse &response);

/** Writes a digest as its message. */
void encode_case_digest(const CaseDigest &in, Date as_of, cadre::v1::CaseDigest &out);

/** Reads a digest from its message; errors name the field under @p path ("cases[2]"). */
StatusOr<CaseDigest> decode_case_digest(const cadre::v1::CaseDigest &in, const std::string &path);

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_STATISTICS_SERVICE_HPP
