// The commands of follow-up management (followup.cc): cadre followup plan|record|due|outcome.
#ifndef CADRE_TOOLS_CADRE_FOLLOWUP_COMMANDS_HPP
#define CADRE_TOOLS_CADRE_FOLLOWUP_COMMANDS_HPP

#include "cli.hpp"

namespace cadre::cli {

int cmd_followup_plan(const service::Operation &op, const Args &args);     ///< followup plan
int cmd_followup_record(const service::Operation &op, const Args &args);   ///< followup record
int cmd_followup_due(const service::Operation &op, const Args &args);      ///< followup due
int cmd_followup_outcome(const service::Operation &op, const Args &args);  ///< followup outcome

}  // namespace cadre::cli

#endif  // CADRE_TOOLS_CADRE_FOLLOWUP_COMMANDS_HPP
