#include "service/stream_screener.hpp"

#include "codec/protobuf_log.hpp"
#include "codec/wire_support.hpp"
#include "service/service.hpp"

namespace cadre::service {
namespace pb = ::cadre::v1;

Status StreamScreener::push(const std::uint8_t *data, std::size_t size,
                            pb::ScreenResponse &response) {
  if (!framer_.status().ok()) {
    return framer_.status();
  }
  if (data == nullptr && size != 0) {
    return invalid_argument("data", "NULL with a non-zero size");
  }
  framer_.feed(data, size);
  const std::uint8_t *begin = nullptr;
  std::size_t length = 0;
  for (;;) {
    switch (framer_.next(begin, length)) {
      case codec::StreamFramer::Next::kNeedMore:
        return {};
      case codec::StreamFramer::Next::kError:
        return framer_.status();
      case codec::StreamFramer::Next::kRecord:
        break;
    }
    // The fast path: a record that is one cadre, read by hand (wire_support.hpp).
    const std::uint8_t *cadre_begin = nullptr;
    const std::uint8_t *cadre_end = nullptr;
    if (fast_path_ && framer_.records() > 1 &&
        codec::wire::only_field(begin, begin + length, pb::RosterRecord::kCadreFieldNumber,
                                cadre_begin, cadre_end) &&
        wire_.parse(cadre_begin, cadre_end)) {
      ++fast_cadres_;
      screen_cadre(engine_, as_of_, wire_, static_cast<std::int64_t>(cadres_++), cadre_, findings_,
                   summary_, response);
      continue;
    }
    if (arena_bytes_ > (2U << 20U)) {
      arena_.Reset();
      arena_bytes_ = 0;
    }
    arena_bytes_ += length;
    auto &record = *google::protobuf::Arena::CreateMessage<pb::RosterRecord>(&arena_);
    codec::ProtobufLogCapture log;  // libprotobuf never prints from inside cadre
    if (!record.ParseFromArray(begin, static_cast<int>(length))) {
      const std::string detail = log.detail();
      return framer_.reject("not a valid cadre.v1.RosterRecord in protobuf binary" +
                            (detail.empty() ? "" : ": " + detail));
    }
    if (auto st =
            framer_.accept(record.has_header(), codec::record_kind_name(record.record_case()));
        !st.ok()) {
      return st;
    }
    if (record.has_cadre()) {
      screen_cadre(engine_, as_of_, record.cadre(), static_cast<std::int64_t>(cadres_++), cadre_,
                   findings_, summary_, response);
    }
  }
}

Status StreamScreener::finish(pb::ScreenResponse &response) {
  if (auto st = framer_.finish(); !st.ok()) {
    return st;
  }
  response.set_as_of(as_of_.to_string());
  codec::encode(summary_, *response.mutable_summary());
  return {};
}

}  // namespace cadre::service
