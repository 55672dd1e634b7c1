/**
 * @file cadre/finding.hpp
 * @brief Results of the engines: findings with their citations, facts and explanations.
 */
#ifndef CADRE_FINDING_HPP
#define CADRE_FINDING_HPP

#include <optional>
#include <string>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/domain.hpp"
#include "cadre/exemption.hpp"

namespace cadre {
inline namespace api_v1 {

/** A text in zh-CN and English, from one source. */
struct LocalizedText {
  std::string zh_cn;  ///< Simplified Chinese, the first language of the domain
  std::string en;     ///< English
};

/**
 * The legal basis of a rule or a parameter, or evidence for it. A citation
 * names a document of the registry of sources (cadre/sources.hpp) by #key;
 * #document, #document_number, #year and #evidence are filled from the
 * registry, never typed by hand.
 */
struct Citation {
  std::string
      document;  ///< title, e.g. 《推进领导干部能上能下若干规定（试行）》 (from the registry)
  std::string document_number;  ///< 文号, e.g. 组通字〔2015〕14号; empty when unknown
  int year = 0;                 ///< year of issue
  std::string article;          ///< 条, e.g. "第五条"
  std::string item;             ///< 项
  Verification verification = Verification::kUnspecified;  ///< how far the text was verified
  std::string supports;   ///< what the citation supports in the finding
  std::string key;        ///< key of the document in the registry of sources, e.g. "xbry-2019"
  bool evidence = false;  ///< evidence only (an article, a local text), never the legal basis
};

/** One fact that made a finding true. */
struct Fact {
  std::string name;        ///< e.g. "birth_date"
  std::string value;       ///< stable machine form, e.g. "1965-03-02", "60y2m"
  std::string field_path;  ///< input field, e.g. "cadres[3].birth_date"; may be empty
};

/** The catalogue a result was computed with. */
struct CatalogueRef {
  std::string id;            ///< catalogue id, e.g. "cn-2022"; empty for the built-in defaults
  std::string version;       ///< version of the catalogue
  std::string content_hash;  ///< SHA-256 of the catalogue's canonical text, hex

  /** Field-wise equality. */
  friend bool operator==(const CatalogueRef &, const CatalogueRef &) = default;
};

/**
 * What an error-tolerance (容错) decision did to a result, and why: every
 * decision about a record a result rests on, decided on or before the as-of
 * date, applied or not. Schema: `cadre.v1.ExemptionNote`.
 */
struct ExemptionNote {
  std::string claim_id;  ///< the claim (ExemptionClaim::id) of the cadre
  RecordRef record;      ///< the record it concerns
  ExemptionOutcome outcome = ExemptionOutcome::kUnspecified;  ///< what it did
  std::vector<Citation> citations;  ///< the rule applied and, when inconsistent, the exclusion
  LocalizedText explanation;        ///< why, in both languages
  std::string rule_id;  ///< the catalogue rule of error tolerance; empty when none is in force
};

/** One reason for a cadre to go "down". */
struct Finding {
  std::string cadre_id;                     ///< id of the cadre the finding is about
  std::string rule_id;                      ///< stable rule id, e.g. "cn-2022.age.retirement"
  Channel channel = Channel::kUnspecified;  ///< the channel of going "down"
  Heading heading = Heading::kUnspecified;  ///< the "者下" heading, where one applies
  std::vector<Citation> citations;          ///< legal basis of the rule and of its parameters
  std::vector<Fact> facts;                  ///< the facts that made the finding true
  LocalizedText explanation;                ///< why, in zh-CN and English, with dates and numbers
  std::vector<AdjustmentMethod> allowed_methods;  ///< adjustment methods the rule allows
  Determination determination =
      Determination::kUnspecified;  ///< computed, or to be verified by a person
  Date effective_date;              ///< day on which the rule became true
  std::vector<RecordRef> records;   ///< the input records used
  ProcedureKind procedure = ProcedureKind::kUnspecified;  ///< the procedure the finding opens
  std::optional<Date> first_deadline;                     ///< first deadline of that procedure
  CatalogueRef catalogue;  ///< the catalogue the finding was computed with
  /** Whether it counts as "to go down" (kActive), or why not. */
  FindingStatus status = FindingStatus::kActive;
  LocalizedText next_step;                ///< the next step when the status is not kActive
  std::vector<ExemptionNote> exemptions;  ///< error-tolerance decisions about its records
};

}  // namespace api_v1
}  // namespace cadre

#endif  // CADRE_FINDING_HPP
