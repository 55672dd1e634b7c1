// A host's own catalogue, loaded at run time through EngineOptions.
#include <gtest/gtest.h>

#include <string>

#include "service/service.hpp"

namespace cadre {
namespace {

namespace pb = ::cadre::v1;

const char *kGuangdong = R"cat(
id: "gd"
version: "2024.1"
title { zh_cn: "广东省实施细则（示例）" en: "Guangdong implementing rules (example)"
}
jurisdiction: "440000"
effective_from: "2023-01-01"
base: "cn-2022"
documents {
  key: "gd-lnsx-example"
  title: "《示例实施细则》"
  issuer: "示例"
  verification: VERIFICATION_SAW_LOCAL
  source_note: "an example for the tests"
  jurisdiction: "440000"
}
rules {
  id: "gd.unsuitable.evaluation"
  channel: CHANNEL_UNSUITABLE
  heading: HEADING_RATED_INCOMPETENT
  citations { key: "gd-lnsx-example" verification: VERIFICATION_SAW_LOCAL }
  text { zh_cn: "民主测评不称职票超过三分之一的，予以调整。" en: "Over a third incompetent votes: adjusted." }
  kind: "evaluation-threshold"
  decided_by: DECIDED_BY_COMPUTATION
  parameters { name: "incompetent_fraction" value: "1/3" }
  methods: ADJUSTMENT_METHOD_REMOVAL
}
rules {
  id: "gd.off.years-at-level"
  overrides: "cn-2022.term.years-at-level"
  disabled: true
  channel: CHANNEL_TERM
  citations { key: "gd-lnsx-example" verification: VERIFICATION_SAW_LOCAL }
  text { zh_cn: "不适用。" en: "Not applied." }
  kind: "years-at-level"
  decided_by: DECIDED_BY_COMPUTATION
  parameters { name: "years" value: "15" }
}
)cat";

StatusOr<EngineConfig> config_with(const std::string &text) {
  pb::EngineOptions o;
  o.add_catalogue_texts(text);
  const std::string bytes = o.SerializeAsString();
  return service::engine_config(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(),
                                codec::Format::kBinary);
}

Cadre cadre_in(const std::string &region, int incompetent_votes) {
  Cadre c;
  c.id = "c1";
  c.sex = Sex::kFemale;
  c.birth_date = Date::parse("1980-01-01");
  Post p;
  p.id = "p1";
  p.rank_level = RankLevel::kCountyPrincipal;
  p.kind = PostKind::kLeadership;
  p.start_date = Date::parse("2008-01-01");
  p.region_code = region;
  p.terms = {{1, Date::parse("2021-01-01"), std::nullopt}};  // first term: not two yet
  c.posts.push_back(p);
  AnnualAssessment a;
  a.id = "a1";
  a.year = 2023;
  a.grade = AssessmentGrade::kCompetent;
  a.decided_on = Date::parse("2024-01-15");
  DemocraticEvaluation e;
  e.raters = 30;
  e.incompetent = incompetent_votes;
  e.competent = 30 - incompetent_votes;
  a.evaluation = e;
  c.assessments.push_back(a);
  return c;
}

TEST(HostCatalogue, AddsRulesAndSwitchesOffBaseRulesInItsJurisdictionOnly) {
  auto config = config_with(kGuangdong);
  ASSERT_TRUE(config.ok()) << config.status().to_string();
  const Engine engine(std::move(config).value());
  const Date day = *Date::parse("2024-06-30");
  const auto ids = [&](const Cadre &c) {
    std::vector<std::string> out;
    for (const Finding &f : engine.screen(c, day)) out.push_back(f.rule_id);
    return out;
  };
  // Guangdong: 11 of 30 is over a third; 16 years at county level is not flagged there.
  EXPECT_EQ(ids(cadre_in("440100", 11)), (std::vector<std::string>{"gd.unsuitable.evaluation"}));
  EXPECT_TRUE(ids(cadre_in("440100", 10)).empty());  // exactly a third: not over
  // Elsewhere: the central rules, which flag the 15 years.
  EXPECT_EQ(ids(cadre_in("110000", 11)), (std::vector<std::string>{"cn-2022.term.years-at-level"}));
  const auto f = engine.screen(cadre_in("440100", 11), day);
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].catalogue.id, "gd");
  EXPECT_EQ(f[0].catalogue.content_hash.size(), 64U);
}

TEST(HostCatalogue, ErrorsNameTheCatalogueEntryAndField) {
  std::string bad = kGuangdong;
  bad.replace(bad.find("\"1/3\""), 5, "\"1/0\"");
  auto config = config_with(bad);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().field(),
            "options.catalogue_texts[0].rules[gd.unsuitable.evaluation].parameters["
            "incompetent_fraction].value");
  std::string syntax = kGuangdong;
  syntax.replace(syntax.find("jurisdiction"), 12, "jurisdictionn");
  config = config_with(syntax);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().field(), "options.catalogue_texts[0]");
  EXPECT_NE(config.status().message().find("line 6"), std::string::npos)
      << config.status().message();
  std::string unknown_base = kGuangdong;
  unknown_base.replace(unknown_base.find("cn-2022\""), 7, "cn-2099");
  config = config_with(unknown_base);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().field(), "options.catalogue_texts[0].base");
}

}  // namespace
}  // namespace cadre
