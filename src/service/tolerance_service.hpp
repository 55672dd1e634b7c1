// The operation tolerance_evaluate (issue 11 §1): a claim for error tolerance
// evaluated against the engine's criteria (EngineConfig::tolerance), with the
// draft decision for the exemption module. The handler of its row in the
// operation table. Internal to libcadre and the CLI; never installed.
#ifndef CADRE_SRC_SERVICE_TOLERANCE_SERVICE_HPP
#define CADRE_SRC_SERVICE_TOLERANCE_SERVICE_HPP

#include <string>

#include "cadre/screening.hpp"
#include "cadre/status.hpp"
#include "cadre/tolerance.hpp"
#include "cadre/v1/tolerance_service.pb.h"

namespace cadre::service {

/**
 * Evaluates the request's claim against the model in force on the claim's day for its region
 * (or the claim's `model_id`; for a claim without a day, the model in force on `as_of`); with
 * `as_of`, the facts recorded after it are left out. Errors name the request field
 * ("claim.facts[0].recorded_on").
 */
Status tolerance_evaluate(const Engine &engine, const cadre::v1::ToleranceEvaluateRequest &request,
                          cadre::v1::ToleranceEvaluateResponse &response);

/**
 * Reads a claim from its message; errors name the field under @p path
 * ("claim.facts[2].recorded_on"), never a value.
 */
StatusOr<ToleranceClaim> decode_tolerance_claim(const cadre::v1::ToleranceClaim &in,
                                                const std::string &path);

/** Writes an ExemptionClaim (a draft, or a case's decision) into its message. */
void encode_exemption_claim(const ExemptionClaim &in, cadre::v1::ExemptionClaim &out);

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_TOLERANCE_SERVICE_HPP
