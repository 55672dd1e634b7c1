// The working-day calendar and protobuf: the schema's own reading of a
// calendar text, against which the library's protobuf-free reader is checked.
#ifndef CADRE_SRC_CODEC_CALENDAR_CODEC_HPP
#define CADRE_SRC_CODEC_CALENDAR_CODEC_HPP

#include <string>
#include <string_view>

#include "cadre/calendar.hpp"

namespace cadre::codec {

/**
 * Parses a calendar text with protobuf's own text-format parser as a
 * cadre.v1.WorkCalendar (unknown fields refused) and prints it back in
 * protobuf's text form. What cadre::parse_calendar_text() accepts, this must
 * accept, and the printed text must read back to the same canonical text
 * (tests/unit/calendar_codec_test.cc, fuzz/calendar_fuzzer.cc).
 * @return the printed text, or INVALID_ARGUMENT naming @p source
 */
StatusOr<std::string> calendar_text_via_protobuf(std::string_view text, std::string_view source);

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_CALENDAR_CODEC_HPP
