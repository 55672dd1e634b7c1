// The whole number a catalogue parameter's text holds, read as the rule kinds
// that take numbers read it (screening/predicates.cc, up/up_rules.cc).
// Internal to libcadre; never installed.
#ifndef CADRE_SRC_CATALOGUE_PARAMETER_NUMBER_HPP
#define CADRE_SRC_CATALOGUE_PARAMETER_NUMBER_HPP

#include <cstddef>
#include <stdexcept>
#include <string>

namespace cadre::catalogue {

/**
 * The number from 0 to 1200 that @p text is (std::stoi's reading, and the
 * whole text used), or -1 when it is not one. Only what std::stoi throws is
 * caught: out of memory stays out of memory.
 */
inline int parameter_number(const std::string &text) {
  int v = -1;
  try {
    std::size_t used = 0;
    v = std::stoi(text, &used);
    if (used != text.size()) {
      v = -1;
    }
  } catch (const std::invalid_argument &) {
    v = -1;
  } catch (const std::out_of_range &) {
    v = -1;
  }
  return v < 0 || v > 1200 ? -1 : v;
}

}  // namespace cadre::catalogue

#endif  // CADRE_SRC_CATALOGUE_PARAMETER_NUMBER_HPP
