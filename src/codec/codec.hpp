// The codec: protobuf (cadre.v1) <-> domain types, with validation that names
// the field path. Internal to libcadre and the CLI; never installed.
#ifndef CADRE_SRC_CODEC_CODEC_HPP
#define CADRE_SRC_CODEC_CODEC_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cadre/domain.hpp"
#include "cadre/finding.hpp"
#include "cadre/screening.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/cadre.pb.h"
#include "cadre/v1/finding.pb.h"
#include "cadre/v1/roster.pb.h"
#include "cadre/v1/screening.pb.h"

namespace cadre::codec {

/** Wire formats, numbered like cadre_format. */
enum class Format : int { kBinary = 0, kJson = 1 };

/** Largest input accepted: protobuf 3.21 takes int sizes. */
inline constexpr std::size_t kMaxInputBytes = 0x7fffffff;
/** Most posts one cadre may have. */
inline constexpr int kMaxPosts = 1000;
/** Longest id or title accepted, in bytes. */
inline constexpr std::size_t kMaxTextBytes = 256;

/** Parses @p bytes in @p format into @p msg; the error names @p what. */
Status parse(const std::uint8_t *bytes, std::size_t size, Format format,
             google::protobuf::Message &msg, std::string_view what);

/** Serializes @p msg in @p format into @p out. */
Status serialize(const google::protobuf::Message &msg, Format format, std::string &out);

/** Parses an ISO date field; the error names @p path. */
StatusOr<Date> parse_date(std::string_view text, const std::string &path);

/** Converts and validates one cadre; errors name the field under @p path ("cadres[3]"). */
Status decode(const cadre::v1::Cadre &in, const std::string &path, std::optional<Date> as_of,
              Cadre &out);

/** Converts a finding to its wire form. */
void encode(const Finding &in, cadre::v1::Finding &out);

/** Converts a summary to its wire form. */
void encode(const ScreenSummary &in, cadre::v1::ScreenSummary &out);

/** The schema of every message as a serialized FileDescriptorSet. */
std::string descriptor_set();

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_CODEC_HPP
