// Helpers to write explanations in zh-CN and English from one place.
#ifndef CADRE_SRC_SCREENING_EXPLAIN_HPP
#define CADRE_SRC_SCREENING_EXPLAIN_HPP

#include <string>
#include <string_view>

#include "cadre/date.hpp"

namespace cadre::detail {

/** Appends "60周岁" or "60周岁3个月" to @p s. */
inline void append_age_zh(std::string &s, YearsMonths a) {
  s += std::to_string(a.years);
  s += "周岁";
  if (a.months != 0) {
    s += std::to_string(a.months);
    s += "个月";
  }
}

/** "60周岁" or "60周岁3个月". */
inline std::string age_zh(YearsMonths a) {
  std::string s;
  append_age_zh(s, a);
  return s;
}

/** Appends "60 years" or "60 years 3 months" to @p s. */
inline void append_age_en(std::string &s, YearsMonths a) {
  s += std::to_string(a.years);
  s += a.years == 1 ? " year" : " years";
  if (a.months != 0) {
    s += ' ';
    s += std::to_string(a.months);
    s += a.months == 1 ? " month" : " months";
  }
}

/** "60 years" or "60 years 3 months". */
inline std::string age_en(YearsMonths a) {
  std::string s;
  append_age_en(s, a);
  return s;
}

/** Appends the machine form "60y3m" to @p s. */
inline void append_age_code(std::string &s, YearsMonths a) {
  s += std::to_string(a.years);
  s += 'y';
  s += std::to_string(a.months);
  s += 'm';
}

/** Machine form "60y3m". */
inline std::string age_code(YearsMonths a) {
  std::string s;
  append_age_code(s, a);
  return s;
}

/** Appends 《Title》（文号） or 《Title》（year年） to @p s. */
inline void append_cite_zh(std::string &s, std::string_view document, std::string_view number,
                           int year) {
  s += document;
  if (!number.empty()) {
    s += "（";
    s += number;
    s += "）";
  } else if (year != 0) {
    s += "（";
    s += std::to_string(year);
    s += "年）";
  }
}

/** 《Title》（文号） or 《Title》（year年）. */
inline std::string cite_zh(std::string_view document, std::string_view number, int year) {
  std::string s;
  append_cite_zh(s, document, number, year);
  return s;
}

}  // namespace cadre::detail

#endif  // CADRE_SRC_SCREENING_EXPLAIN_HPP
