// Request handlers shared by the C ABI and the CLI: bytes in, bytes out.
#ifndef CADRE_SRC_CODEC_SERVICE_HPP
#define CADRE_SRC_CODEC_SERVICE_HPP

#include <string>

#include "codec/codec.hpp"

namespace cadre::service {

/** An engine configured from serialized cadre.v1.EngineOptions. */
StatusOr<EngineConfig> engine_config(const std::uint8_t *bytes, std::size_t size,
                                     codec::Format format);

/** An engine with the shipped catalogues, built once on first use. */
const Engine &builtin_engine();

/**
 * Screens every cadre of @p request. A bad record gives an entry in
 * response.errors and the rest are screened. Fails only when the request as a
 * whole is unusable (as_of missing or not a date).
 */
Status screen(const Engine &engine, const cadre::v1::ScreenRequest &request,
              cadre::v1::ScreenResponse &response);

/** Parses a request, screens it and serializes the response, all in @p format. */
Status screen_bytes(const Engine &engine, const std::uint8_t *bytes, std::size_t size,
                    codec::Format format, std::string &out);

}  // namespace cadre::service

#endif  // CADRE_SRC_CODEC_SERVICE_HPP
