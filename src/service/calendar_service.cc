#include "service/calendar_service.hpp"

#include "codec/calendar_codec.hpp"

namespace cadre::service {
namespace pb = ::cadre::v1;

Status calendar_day(const Engine &engine, const pb::CalendarDayRequest &request,
                    pb::CalendarDayResponse &response) {
  return codec::calendar_day(engine.config().calendar, request, response);
}

Status calendar_add(const Engine &engine, const pb::CalendarAddRequest &request,
                    pb::CalendarAnswer &response) {
  return codec::calendar_add(engine.config().calendar, request, response);
}

Status calendar_count(const Engine &engine, const pb::CalendarCountRequest &request,
                      pb::CalendarAnswer &response) {
  return codec::calendar_count(engine.config().calendar, request, response);
}

Status calendar_period_end(const Engine &engine, const pb::CalendarPeriodEndRequest &request,
                           pb::CalendarAnswer &response) {
  return codec::calendar_period_end(engine.config().calendar, request, response);
}

Status calendar_roll_forward(const Engine &engine, const pb::CalendarRollForwardRequest &request,
                             pb::CalendarAnswer &response) {
  return codec::calendar_roll_forward(engine.config().calendar, request, response);
}

}  // namespace cadre::service
