// A C++ host of the installed C++ API (cadre::cadre).
#include <cadre/cadre.hpp>

#include <cstring>
#include <iostream>

int main() {
  const auto leap_day = cadre::Date::parse("2024-02-29");
  if (!leap_day) {
    std::cerr << "consumer.cc: 2024-02-29 does not parse\n";
    return 1;
  }
  // 民法典 art. 202: no 29 February in 2025, so the period ends on the 28th.
  const cadre::Date next = leap_day->add_years(1);
  if (next.to_string() != "2025-02-28" || next != *cadre::Date::from_ymd(2025, 2, 28)) {
    std::cerr << "consumer.cc: 2024-02-29 + 1 year = " << next.to_string()
              << ", expected 2025-02-28\n";
    return 1;
  }
  if (std::strcmp(cadre::status_code_name(3), "INVALID_ARGUMENT") != 0) {
    std::cerr << "consumer.cc: status_code_name(3) = " << cadre::status_code_name(3) << "\n";
    return 1;
  }
  std::cout << "consumer.cc: 2024-02-29 + 1 year = " << next.to_string() << ": OK\n";
  return 0;
}
