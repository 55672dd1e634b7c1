// Printing the answers of going "up" (eligibility, grade caps): a blocker with
// its day, record, exemption and citations.
#ifndef CADRE_TOOLS_CADRE_UP_OUTPUT_HPP
#define CADRE_TOOLS_CADRE_UP_OUTPUT_HPP

#include <iosfwd>

#include "cadre/v1/finding.pb.h"
#include "cli.hpp"

namespace cadre::cli {

/** Prints a blocker (or a waived one) with its explanation and citations. */
void print_blocker(const cadre::v1::Blocker &b, Lang lang, std::ostream &os);

/** Prints the blockers of an answer, then those waived by an exemption. */
void print_blockers(const google::protobuf::RepeatedPtrField<cadre::v1::Blocker> &blockers,
                    const google::protobuf::RepeatedPtrField<cadre::v1::Blocker> &waived, Lang lang,
                    std::ostream &os);

/** Prints an explanation in the languages of @p lang, indented by @p indent. */
void print_explanation(const cadre::v1::LocalizedText &text, Lang lang, std::string_view indent,
                       std::ostream &os);

}  // namespace cadre::cli

#endif  // CADRE_TOOLS_CADRE_UP_OUTPUT_HPP
