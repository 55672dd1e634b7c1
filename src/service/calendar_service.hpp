// The working-day calendar's operations (rows of the operation table): each
// answers with the calendar of the engine (EngineConfig::calendar: the shipped
// one and the host's notices). Internal to libcadre, the CLI and the tools.
#ifndef CADRE_SRC_SERVICE_CALENDAR_SERVICE_HPP
#define CADRE_SRC_SERVICE_CALENDAR_SERVICE_HPP

#include "cadre/screening.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/calendar.pb.h"

namespace cadre::service {

/** Is a day a working day, and why (codec::calendar_day). */
Status calendar_day(const Engine &engine, const cadre::v1::CalendarDayRequest &request,
                    cadre::v1::CalendarDayResponse &response);
/** N working days from a day (codec::calendar_add). */
Status calendar_add(const Engine &engine, const cadre::v1::CalendarAddRequest &request,
                    cadre::v1::CalendarAnswer &response);
/** The working days between two days (codec::calendar_count). */
Status calendar_count(const Engine &engine, const cadre::v1::CalendarCountRequest &request,
                      cadre::v1::CalendarAnswer &response);
/** The last day of a period, moved past holidays (codec::calendar_period_end). */
Status calendar_period_end(const Engine &engine, const cadre::v1::CalendarPeriodEndRequest &request,
                           cadre::v1::CalendarAnswer &response);
/** A day, or the first working day after it (codec::calendar_roll_forward). */
Status calendar_roll_forward(const Engine &engine,
                             const cadre::v1::CalendarRollForwardRequest &request,
                             cadre::v1::CalendarAnswer &response);

}  // namespace cadre::service

#endif  // CADRE_SRC_SERVICE_CALENDAR_SERVICE_HPP
