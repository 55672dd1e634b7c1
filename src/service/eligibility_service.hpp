// The operations of going "up": eligibility, grade caps, forward warnings and
// dual-track consistency. Rows of the operation table (operations.cc).
#ifndef CADRE_SRC_SERVICE_ELIGIBILITY_SERVICE_HPP
#define CADRE_SRC_SERVICE_ELIGIBILITY_SERVICE_HPP

#include "cadre/eligibility.hpp"
#include "cadre/screening.hpp"
#include "cadre/v1/eligibility.pb.h"
#include "codec/codec.hpp"
#include "service/operation.hpp"

namespace cadre::service {

/** Converts a catalogue reference to its wire form. */
void encode_catalogue(const CatalogueRef &in, cadre::v1::CatalogueRef &out);

/** Converts a blocker to its wire form. */
void encode_blocker(const Blocker &in, cadre::v1::Blocker &out);

/** Converts an eligibility answer to its wire form. */
void encode(const EligibilityAnswer &in, cadre::v1::EligibilityAnswer &out);

/** Converts a grade cap to its wire form. */
void encode(const GradeCapAnswer &in, cadre::v1::GradeCap &out);

/** The RecordRuns of the operations below (each runs its own over a whole request). */
std::unique_ptr<RecordRun> eligibility_run(const Engine &engine);
std::unique_ptr<RecordRun> grade_cap_run(const Engine &engine);    ///< @copydoc eligibility_run
std::unique_ptr<RecordRun> warnings_run(const Engine &engine);     ///< @copydoc eligibility_run
std::unique_ptr<RecordRun> consistency_run(const Engine &engine);  ///< @copydoc eligibility_run

/**
 * The operation "eligibility": answers every cadre of @p request. A bad
 * record gives an entry in response.errors and the rest are answered. Fails
 * only when the request as a whole is unusable (as_of missing or not a date,
 * target unknown).
 */
Status eligibility(const Engine &engine, const cadre::v1::EligibilityRequest &request,
                   cadre::v1::EligibilityResponse &response);

/**
 * The operation "grade_cap": the grade cap of every cadre of @p request for
 * its year. Fails only when the year is missing or out of range.
 */
Status grade_cap(const Engine &engine, const cadre::v1::GradeCapRequest &request,
                 cadre::v1::GradeCapResponse &response);

/**
 * The operation "warnings": the forward warnings of every cadre of
 * @p request, in calendar order (then cadre id, then rule id), screened with
 * @p engine. Fails only when as_of is missing or not a date, or
 * horizon_months is outside 0 to 600.
 */
Status warnings(const Engine &engine, const cadre::v1::WarningsRequest &request,
                cadre::v1::WarningsResponse &response);

/**
 * The operation "consistency": the dual-track consistency flags of every
 * cadre of @p request. Fails only when as_of is missing or not a date.
 */
Status consistency(const Engine &engine, const cadre::v1::ConsistencyRequest &request,
                   cadre::v1::ConsistencyResponse &response);

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_ELIGIBILITY_SERVICE_HPP
