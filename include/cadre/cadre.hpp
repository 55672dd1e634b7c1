/**
 * @file cadre/cadre.hpp
 * @brief The C++ API of cadre: include this for every domain type and engine.
 */
#ifndef CADRE_CADRE_HPP
#define CADRE_CADRE_HPP

#include "cadre/adjustment.hpp"
#include "cadre/assessment.hpp"
#include "cadre/calendar.hpp"
#include "cadre/case.hpp"
#include "cadre/case_log.hpp"
#include "cadre/catalogue.hpp"
#include "cadre/conduct.hpp"
#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/eligibility.hpp"
#include "cadre/enums.hpp"
#include "cadre/exemption.hpp"
#include "cadre/exemption_case.hpp"
#include "cadre/facts.hpp"
#include "cadre/finding.hpp"
#include "cadre/followup.hpp"
#include "cadre/followup_catalogue.hpp"
#include "cadre/followup_plan.hpp"
#include "cadre/labels.hpp"
#include "cadre/organisation.hpp"
#include "cadre/procedure_definition.hpp"
#include "cadre/records.hpp"
#include "cadre/report.hpp"
#include "cadre/roster.hpp"
#include "cadre/rules/retirement.hpp"
#include "cadre/screening.hpp"
#include "cadre/statistics.hpp"
#include "cadre/status.hpp"
#include "cadre/tolerance.hpp"

#endif  // CADRE_CADRE_HPP
