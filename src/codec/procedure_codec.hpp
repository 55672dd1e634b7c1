// Procedure definition files: protobuf text format (cadre.v1.ProcedureDefinitions)
// <-> domain definitions, and loading a host's definitions into a set, with
// errors that name the definition and the field.
#ifndef CADRE_SRC_CODEC_PROCEDURE_CODEC_HPP
#define CADRE_SRC_CODEC_PROCEDURE_CODEC_HPP

#include <string_view>
#include <vector>

#include "cadre/procedure_definition.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/procedure_definition.pb.h"

namespace cadre::codec {

/** Largest procedure file accepted. */
inline constexpr std::size_t kMaxProcedureBytes = 16U << 20U;
/** Most definitions one file may hold. */
inline constexpr int kMaxProcedures = 1000;

/**
 * Converts a wire definition. Enum values outside the schema are refused.
 * @return OK, or INVALID_ARGUMENT naming the field below @p path, e.g.
 *         "procedures[0].stages[1].deadline.effective_from"
 */
Status decode(const cadre::v1::ProcedureDefinition &in, const std::string &path,
              ProcedureDefinition &out);

/**
 * Parses a file of definitions in protobuf text format and converts it. The
 * definitions are not checked here (ProcedureSet::add does).
 * @return the definitions; INVALID_ARGUMENT with field @p source and
 *         "line L column C: ..." for a syntax error, or naming the field
 *         ("procedures[2].kind"); RESOURCE_EXHAUSTED over kMaxProcedureBytes
 *         or kMaxProcedures
 */
StatusOr<std::vector<ProcedureDefinition>> parse_procedures_text(std::string_view text,
                                                                 std::string_view source);

/**
 * Parses a file of definitions and adds every one to @p set, or none: a host's
 * own definitions (a province's 实施细则), at run time.
 * @return OK, or the first error; a definition's error names its place in the
 *         file, e.g. "procedures[1].stages[3].outcomes[0].next"
 */
Status add_procedures_text(ProcedureSet &set, std::string_view text, std::string_view source);

/** Converts a domain definition to its wire form. */
void encode(const ProcedureDefinition &in, cadre::v1::ProcedureDefinition &out);

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_PROCEDURE_CODEC_HPP
