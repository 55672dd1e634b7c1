// Inside the library: reading an event's canonical bytes into an event that is reused, for
// replaying many events (case_due over a store) without allocating each event's strings anew.
#ifndef CADRE_SRC_PROCEDURE_CASE_CODEC_HPP
#define CADRE_SRC_PROCEDURE_CASE_CODEC_HPP

#include <string_view>

#include "cadre/case.hpp"
#include "cadre/status.hpp"

namespace cadre {
inline namespace api_v1 {

/**
 * decode_event() into @p out, whose every field is overwritten (its strings and lists keep
 * their capacity).
 * @return OK; DATA_LOSS as decode_event() gives it, and then @p out holds a part of the event
 */
Status decode_event_into(std::string_view bytes, CaseEvent &out);

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_SRC_PROCEDURE_CASE_CODEC_HPP
