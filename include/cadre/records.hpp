/**
 * @file cadre/records.hpp
 * @brief Result records kept by a host: procedure cases as event logs,
 *        bulletins, and replayable decision records.
 *
 * Plain value types mirroring procedure.proto, bulletin.proto and
 * DecisionRecord of finding.proto. The procedure and bulletin engines that
 * fill them come in later issues; the types and their codec are here so that
 * hosts can store and exchange them now.
 */
#ifndef CADRE_RECORDS_HPP
#define CADRE_RECORDS_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"
#include "cadre/exemption.hpp"
#include "cadre/finding.hpp"

namespace cadre {
inline namespace api_v1 {

/** One event of a procedure case. */
struct ProcedureEvent {
  std::int64_t seq = 0;    ///< sequence number, from 1
  std::string stage;       ///< stage id from the catalogue, e.g. "proposal"
  std::optional<Date> on;  ///< day of the event
  AuthorityKind actor = AuthorityKind::kUnspecified;  ///< who acted
  std::string document_ref;                           ///< 文号 or file id in the host system
  std::string hash;  ///< SHA-256 of the previous event and this one, hex (hash chain)

  /** Field-wise equality. */
  friend bool operator==(const ProcedureEvent &, const ProcedureEvent &) = default;
};

/** A procedure opened for a cadre. */
struct ProcedureCase {
  std::string id;                                    ///< case id
  ProcedureKind kind = ProcedureKind::kUnspecified;  ///< which procedure
  std::string cadre_id;                              ///< the cadre concerned
  RecordRef opened_by;                               ///< the finding or record that opened it
  std::optional<Date> opened_on;                     ///< day it was opened
  std::vector<ProcedureEvent> events;                ///< the event log, in order
  std::optional<Date> next_deadline;                 ///< day the next step is due

  /** Field-wise equality. */
  friend bool operator==(const ProcedureCase &, const ProcedureCase &) = default;
};

/** One line of a bulletin: a unit or region with its counts. */
struct BulletinLine {
  std::string key;         ///< unit id or region code
  std::string label;       ///< its name
  int cadres = 0;          ///< cadres
  int adjusted_down = 0;   ///< of whom adjusted down
  int accountability = 0;  ///< through accountability
  int unsuitable = 0;      ///< as unsuitable

  /** Field-wise equality. */
  friend bool operator==(const BulletinLine &, const BulletinLine &) = default;
};

/** A quarterly schedule or yearly bulletin (每季一调度、年度一通报). */
struct Bulletin {
  std::string id;                                        ///< bulletin id
  std::optional<Date> from;                              ///< first day of the period
  std::optional<Date> to;                                ///< last day of the period
  std::string jurisdiction;                              ///< administrative division code
  std::vector<BulletinLine> lines;                       ///< one line per unit or region
  std::vector<std::pair<Channel, int>> by_channel;       ///< adjusted down per channel
  std::vector<std::pair<RankLevel, int>> by_rank_level;  ///< adjusted down per rank level

  /** Field-wise equality. */
  friend bool operator==(const Bulletin &, const Bulletin &) = default;
};

/** A replayable record of one decision: what went in, with which rules, what came out. */
struct DecisionRecord {
  std::string id;               ///< record id
  std::string operation;        ///< e.g. "screen"
  std::optional<Date> as_of;    ///< the as-of date
  CatalogueRef catalogue;       ///< the catalogue used
  std::string request_hash;     ///< SHA-256 of the request bytes, hex
  std::string response_hash;    ///< SHA-256 of the response bytes, hex
  std::string library_version;  ///< version of cadre that computed it

  /** Field-wise equality. */
  friend bool operator==(const DecisionRecord &, const DecisionRecord &) = default;
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_RECORDS_HPP
