// Codec of the result records: procedure cases, bulletins, decision records.
#ifndef CADRE_SRC_CODEC_RECORDS_CODEC_HPP
#define CADRE_SRC_CODEC_RECORDS_CODEC_HPP

#include <string>
#include <vector>

#include "cadre/records.hpp"
#include "cadre/status.hpp"
#include "cadre/v1/bulletin.pb.h"
#include "cadre/v1/finding.pb.h"
#include "cadre/v1/procedure.pb.h"

namespace cadre::codec {

/** Decodes and validates a procedure case; every error is appended with its path. */
bool decode(const cadre::v1::ProcedureCase &in, const std::string &path, ProcedureCase &out,
            std::vector<Status> &errors);
/** Decodes and validates a bulletin; every error is appended with its path. */
bool decode(const cadre::v1::Bulletin &in, const std::string &path, Bulletin &out,
            std::vector<Status> &errors);
/** Decodes and validates a decision record; every error is appended with its path. */
bool decode(const cadre::v1::DecisionRecord &in, const std::string &path, DecisionRecord &out,
            std::vector<Status> &errors);

/** Domain to wire. */
void encode(const ProcedureCase &in, cadre::v1::ProcedureCase &out);
/** Domain to wire. */
void encode(const Bulletin &in, cadre::v1::Bulletin &out);
/** Domain to wire. */
void encode(const DecisionRecord &in, cadre::v1::DecisionRecord &out);

}  // namespace cadre::codec

#endif  // CADRE_SRC_CODEC_RECORDS_CODEC_HPP
