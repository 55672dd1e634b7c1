// Helpers to write explanations in zh-CN and English from one place.
#ifndef CADRE_SRC_SCREENING_EXPLAIN_HPP
#define CADRE_SRC_SCREENING_EXPLAIN_HPP

#include <string>
#include <string_view>

#include "cadre/date.hpp"

namespace cadre::detail {

/** "60周岁" or "60周岁3个月". */
inline std::string age_zh(YearsMonths a) {
  std::string s = std::to_string(a.years) + "周岁";
  if (a.months != 0) {
    s += std::to_string(a.months) + "个月";
  }
  return s;
}

/** "60 years" or "60 years 3 months". */
inline std::string age_en(YearsMonths a) {
  std::string s = std::to_string(a.years);
  s += a.years == 1 ? " year" : " years";
  if (a.months != 0) {
    s += ' ';
    s += std::to_string(a.months);
    s += a.months == 1 ? " month" : " months";
  }
  return s;
}

/** Machine form "60y3m". */
inline std::string age_code(YearsMonths a) {
  return std::to_string(a.years) + "y" + std::to_string(a.months) + "m";
}

/** 《Title》（文号） or 《Title》（year年）. */
inline std::string cite_zh(std::string_view document, std::string_view number, int year) {
  std::string s(document);
  if (!number.empty()) {
    s += "（";
    s += number;
    s += "）";
  } else if (year != 0) {
    s += "（" + std::to_string(year) + "年）";
  }
  return s;
}

}  // namespace cadre::detail

#endif  // CADRE_SRC_SCREENING_EXPLAIN_HPP
