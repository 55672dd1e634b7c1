/**
 * @file cadre/labels.hpp
 * @brief Labels of the enumerations in zh-CN and English, from one table.
 */
#ifndef CADRE_LABELS_HPP
#define CADRE_LABELS_HPP

#include <string_view>

#include "cadre/domain.hpp"

namespace cadre {
inline namespace api_v1 {

/** Language of a label. */
enum class Language { kZhCn, kEn };

/**
 * The label of a value, e.g. label(Channel::kAgeLimit, Language::kZhCn) == "到龄免职(退休)".
 * @param value the value.
 * @param lang the language of the label.
 * @return the label, static text; empty for a value unknown to this version.
 */
std::string_view label(Sex value, Language lang) noexcept;
/** @copydoc label(Sex, Language) */
std::string_view label(RankLevel value, Language lang) noexcept;
/** @copydoc label(Sex, Language) */
std::string_view label(PostKind value, Language lang) noexcept;
/** @copydoc label(Sex, Language) */
std::string_view label(Channel value, Language lang) noexcept;
/** @copydoc label(Sex, Language) */
std::string_view label(Heading value, Language lang) noexcept;
/** @copydoc label(Sex, Language) */
std::string_view label(AdjustmentMethod value, Language lang) noexcept;
/** @copydoc label(Sex, Language) */
std::string_view label(Verification value, Language lang) noexcept;
/** @copydoc label(Sex, Language) */
std::string_view label(BirthDateSource value, Language lang) noexcept;

/**
 * The label of value @p number of the schema enum named @p enum_name (the
 * proto name, e.g. "cadre.v1.Channel" or "Channel").
 * @param enum_name the full or short name of the enum.
 * @param number the number of the value.
 * @param lang the language of the label.
 * @return the label, static text; "" when the enum or the value is unknown.
 */
std::string_view label(std::string_view enum_name, int number, Language lang) noexcept;

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_LABELS_HPP
