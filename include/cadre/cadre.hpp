/**
 * @file cadre/cadre.hpp
 * @brief The C++ API of cadre: include this for every domain type and engine.
 */
#ifndef CADRE_CADRE_HPP
#define CADRE_CADRE_HPP

#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/finding.hpp"
#include "cadre/labels.hpp"
#include "cadre/rules/retirement.hpp"
#include "cadre/screening.hpp"
#include "cadre/status.hpp"

#endif  // CADRE_CADRE_HPP
