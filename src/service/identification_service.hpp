// The operation identify (issue 12 §2, 精准识别): the handler and the
// record-by-record run of its row in the operation table, over the engine of
// src/statistics/identification.hpp. Internal to libcadre and the CLI; never
// installed.
#ifndef CADRE_SRC_SERVICE_IDENTIFICATION_SERVICE_HPP
#define CADRE_SRC_SERVICE_IDENTIFICATION_SERVICE_HPP

#include <memory>

#include "cadre/screening.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/identification_service.pb.h"
#include "service/operation.hpp"

namespace cadre::service {

/** Precise identification of cadres as of a day. */
Status identify(const Engine &engine, const cadre::v1::IdentifyRequest &request,
                cadre::v1::IdentifyResponse &response);
/** The run of `identify` one cadre at a time (the comparisons wait for end()). */
std::unique_ptr<RecordRun> identify_run(const Engine &engine);

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_IDENTIFICATION_SERVICE_HPP
