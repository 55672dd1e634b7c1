// Request handlers of going "up" (eligibility, grade caps), shared by the C ABI
// and the CLI: bytes in, bytes out.
#ifndef CADRE_SRC_CODEC_ELIGIBILITY_SERVICE_HPP
#define CADRE_SRC_CODEC_ELIGIBILITY_SERVICE_HPP

#include <cstddef>
#include <cstdint>
#include <string>

#include "cadre/eligibility.hpp"
#include "cadre/v1/eligibility.pb.h"
#include "codec/codec.hpp"

namespace cadre::service {

/** Converts an eligibility answer to its wire form. */
void encode(const EligibilityAnswer &in, cadre::v1::EligibilityAnswer &out);

/** Converts a grade cap to its wire form. */
void encode(const GradeCapAnswer &in, cadre::v1::GradeCap &out);

/**
 * Answers every cadre of @p request. A bad record gives an entry in
 * response.errors and the rest are answered. Fails only when the request as a
 * whole is unusable (as_of missing or not a date, target unknown).
 */
Status eligibility(const cadre::v1::EligibilityRequest &request,
                   cadre::v1::EligibilityResponse &response);

/** Parses a request, answers it and serializes the response, all in @p format. */
Status eligibility_bytes(const std::uint8_t *bytes, std::size_t size, codec::Format format,
                         std::string &out);

/**
 * The grade cap of every cadre of @p request for its year. Fails only when the
 * year is missing or out of range.
 */
Status grade_cap(const cadre::v1::GradeCapRequest &request, cadre::v1::GradeCapResponse &response);

/** Parses a request, answers it and serializes the response, all in @p format. */
Status grade_cap_bytes(const std::uint8_t *bytes, std::size_t size, codec::Format format,
                       std::string &out);

/**
 * The forward warnings of every cadre of @p request, in calendar order (then
 * cadre id, then rule id), screened with @p engine. Fails only when as_of is
 * missing or not a date, or horizon_months is outside 0 to 600.
 */
Status warnings(const Engine &engine, const cadre::v1::WarningsRequest &request,
                cadre::v1::WarningsResponse &response);

/** Parses a request, answers it and serializes the response, all in @p format. */
Status warnings_bytes(const Engine &engine, const std::uint8_t *bytes, std::size_t size,
                      codec::Format format, std::string &out);

/**
 * The dual-track consistency flags of every cadre of @p request. Fails only
 * when as_of is missing or not a date.
 */
Status consistency(const cadre::v1::ConsistencyRequest &request,
                   cadre::v1::ConsistencyResponse &response);

/** Parses a request, answers it and serializes the response, all in @p format. */
Status consistency_bytes(const std::uint8_t *bytes, std::size_t size, codec::Format format,
                         std::string &out);

}  // namespace cadre::service

#endif  // CADRE_SRC_CODEC_ELIGIBILITY_SERVICE_HPP
