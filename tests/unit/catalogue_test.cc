#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <fstream>
#include <iterator>
#include "cadre/catalogue.hpp"
#include "catalogue/sha256.hpp"
#include "codec/catalogue_codec.hpp"

namespace cadre {
namespace {

std::vector<Status> load_errors(const std::string &text, Catalogue *out = nullptr) {
  Catalogue c;
  std::vector<Status> errors;
  codec::parse_catalogue_text(text, "test.textproto", c, errors);
  if (out != nullptr) {
    *out = c;
  }
  return errors;
}

bool has_error(const std::vector<Status> &errors, const std::string &field,
               const std::string &part) {
  for (const Status &e : errors) {
    if (e.field() == field && e.message().find(part) != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string dump(const std::vector<Status> &errors) {
  std::string s;
  for (const Status &e : errors) {
    s += e.to_string() + "\n";
  }
  return s;
}

const char *kMinimal = R"(
id: "test"
title { zh_cn: "测试" en: "test" }
jurisdiction: "360000"
effective_from: "2020-01-01"
rules {
  id: "test.age"
  channel: CHANNEL_AGE_LIMIT
  citations { key: "lnsx-2015" article: "第五条" verification: VERIFICATION_SAW }
  text { zh_cn: "到龄" en: "age" }
  kind: "retirement-age"
  decided_by: DECIDED_BY_COMPUTATION
  parameters { name: "male_base_age" value: "60" unit: "years" }
}
)";

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // 55, 56 and 64 bytes: the padding edges.
  EXPECT_EQ(sha256_hex(std::string(55, 'a')),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(sha256_hex(std::string(56, 'a')),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(sha256_hex(std::string(64, 'a')),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

struct ShippedFile {
  std::string file;
  std::string text;
};

// The shipped catalogue files, read from data/catalogues (the library embeds
// them once, as C++ generated at build time; these tests validate the files).
std::vector<ShippedFile> shipped_files() {
  std::vector<ShippedFile> out;
  for (const char *name : {"cn-common", "cn-2015", "cn-2022", "jx"}) {
    const std::string path = std::string(CADRE_CATALOGUE_DIR) + "/" + name + ".textproto";
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << path;
    out.push_back(
        {std::string(name) + ".textproto", std::string(std::istreambuf_iterator<char>(in), {})});
  }
  return out;
}

TEST(Catalogue, ShippedCataloguesLoadWithoutErrors) {
  const auto files = shipped_files();
  ASSERT_EQ(files.size(), 4U);
  for (const auto &b : files) {
    Catalogue c;
    std::vector<Status> errors;
    EXPECT_TRUE(codec::parse_catalogue_text(b.text, b.file, c, errors)) << b.file << "\n"
                                                                        << dump(errors);
    EXPECT_FALSE(c.rules.empty()) << b.file;
    for (const Rule &r : c.rules) {
      EXPECT_EQ(r.id.rfind(c.id + ".", 0), 0U) << r.id << " in " << c.id;
      EXPECT_FALSE(r.text.zh_cn.empty());
      EXPECT_FALSE(r.text.en.empty());
    }
  }
}

TEST(Catalogue, ShippedCataloguesHaveTheExpectedShape) {
  std::vector<Catalogue> all;
  for (const auto &b : shipped_files()) {
    Catalogue c;
    std::vector<Status> errors;
    ASSERT_TRUE(codec::parse_catalogue_text(b.text, b.file, c, errors));
    all.push_back(std::move(c));
  }
  const auto find = [&](const std::string &id) -> const Catalogue & {
    for (const Catalogue &c : all) {
      if (c.id == id) return c;
    }
    ADD_FAILURE() << id;
    return all.front();
  };
  const Catalogue &c15 = find("cn-2015");
  const Catalogue &c22 = find("cn-2022");
  const Catalogue &jx = find("jx");
  // 2015: ten unsuitability situations, all behind the prior-warning precondition.
  int unsuitable15 = 0;
  for (const Rule &r : c15.rules) {
    if (r.channel == Channel::kUnsuitable) {
      ++unsuitable15;
      EXPECT_TRUE(r.requires_prior_warning) << r.id;
    }
  }
  EXPECT_EQ(unsuitable15, 10);
  // 2022: no precondition anywhere; the grade and evaluation rules carry 2/3.
  for (const Rule &r : c22.rules) {
    EXPECT_FALSE(r.requires_prior_warning) << r.id;
  }
  const Rule *eval = c22.rule("cn-2022.unsuitable.14-evaluation");
  ASSERT_NE(eval, nullptr);
  ASSERT_NE(eval->parameter("fraction"), nullptr);
  EXPECT_EQ(eval->parameter("fraction")->value, "2/3");
  EXPECT_EQ(c15.effective_to, Date::parse("2022-09-07"));
  EXPECT_EQ(c22.effective_from, Date::parse("2022-09-08"));
  // Jiangxi builds on 2015, names its local situations and says what is not public.
  EXPECT_EQ(jx.base, "cn-2015");
  EXPECT_EQ(jx.jurisdiction, "360000");
  EXPECT_NE(jx.rule("jx.accountability.poverty-alleviation"), nullptr);
  EXPECT_NE(jx.rule("jx.unsuitable.major-strategies"), nullptr);
  EXPECT_NE(jx.completeness.zh_cn.find("20种问责情形"), std::string::npos);
  // Unverified parameters keep their tag.
  const Rule *age = c22.rule("cn-2022.age.retirement");
  ASSERT_NE(age, nullptr);
  const Parameter *p = age->parameter("female_county_phase_in");
  ASSERT_NE(p, nullptr);
  // No source says whether the 2024 decision raises the 60 of county-level women: a host's
  // policy, never presented as law.
  EXPECT_TRUE(p->host_policy);
  EXPECT_FALSE(p->citation.has_value());
}

TEST(Catalogue, ContentHashIgnoresLayoutAndSeesContent) {
  Catalogue a;
  ASSERT_TRUE(load_errors(kMinimal, &a).empty());
  // Same content, other layout and comments.
  std::string relaid = kMinimal;
  for (auto &ch : relaid) {
    if (ch == '\n') ch = ' ';
  }
  relaid = "# a comment\n" + relaid;
  Catalogue b;
  ASSERT_TRUE(load_errors(relaid, &b).empty());
  EXPECT_EQ(content_hash(a), content_hash(b));
  EXPECT_EQ(content_hash(a).size(), 64U);
  // Round trip through the wire form keeps the hash.
  cadre::v1::Catalogue wire;
  codec::encode(a, wire);
  Catalogue c;
  std::vector<Status> errors;
  ASSERT_TRUE(codec::decode(wire, c, errors)) << dump(errors);
  EXPECT_EQ(content_hash(a), content_hash(c));
  // One parameter changed: another hash.
  std::string changed = kMinimal;
  changed.replace(changed.find("\"60\""), 4, "\"61\"");
  Catalogue d;
  ASSERT_TRUE(load_errors(changed, &d).empty());
  EXPECT_NE(content_hash(a), content_hash(d));
}

TEST(Catalogue, SyntaxErrorsNameLineAndColumn) {
  const auto errors = load_errors("id: \"x\"\nrules { nonsense: 1 }\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].field(), "test.textproto");
  EXPECT_NE(errors[0].message().find("line 2 column"), std::string::npos) << dump(errors);
}

TEST(Catalogue, SemanticErrorsNameTheEntryAndField) {
  struct Case {
    std::string from;
    std::string to;
    std::string field;
    std::string part;
  };
  const std::vector<Case> cases = {
      {"id: \"test.age\"", "id: \"\"", "rules[0].id", "required"},
      {"kind: \"retirement-age\"", "kind: \"retirement-agee\"", "rules[test.age].kind",
       "unknown predicate kind"},
      {"en: \"age\"", "en: \"\"", "rules[test.age].text.en", "required"},
      {"verification: VERIFICATION_SAW", "verification: VERIFICATION_UNSPECIFIED",
       "rules[test.age].citations[0].verification", "required"},
      {"value: \"60\"", "value: \"sixty years!\"",
       "rules[test.age].parameters[male_base_age].value", "not a number"},
      {"effective_from: \"2020-01-01\"", "effective_from: \"2020-02-30\"", "effective_from",
       "not a date"},
      {"jurisdiction: \"360000\"", "jurisdiction: \"Jiangxi\"", "jurisdiction", "six-digit"},
      {"decided_by: DECIDED_BY_COMPUTATION", "decided_by: 9", "rules[test.age].decided_by",
       "unknown"},
      {"channel: CHANNEL_AGE_LIMIT", "channel: CHANNEL_UNSPECIFIED", "rules[test.age].channel",
       "required"},
      // Titles are never typed inline; a key must name a registered document.
      {"key: \"lnsx-2015\"", "key: \"lnsx-2015\" document: \"《某规定》\"",
       "rules[test.age].citations[0].document", "never typed inline"},
      {"key: \"lnsx-2015\"", "key: \"no-such-document\"", "rules[test.age].citations[0].key",
       "no registered document"},
      {"key: \"lnsx-2015\"", "document: \"《推进领导干部能上能下若干规定（试行）》\"",
       "rules[test.age].citations[0].key", "required"},
      // A journal article is evidence, never the legal basis.
      {"key: \"lnsx-2015\"", "key: \"jx-article-2017\"", "rules[test.age].citations[0]",
       "never the legal basis"},
  };
  for (const Case &k : cases) {
    std::string text = kMinimal;
    const auto pos = text.find(k.from);
    ASSERT_NE(pos, std::string::npos) << k.from;
    text.replace(pos, k.from.size(), k.to);
    const auto errors = load_errors(text);
    EXPECT_TRUE(has_error(errors, k.field, k.part)) << k.to << "\n" << dump(errors);
  }
  // Duplicate ids.
  std::string twice = kMinimal;
  const auto start = twice.find("rules {");
  twice += twice.substr(start);
  EXPECT_TRUE(has_error(load_errors(twice), "rules[test.age].id", "duplicate"))
      << dump(load_errors(twice));
}

}  // namespace
}  // namespace cadre

namespace cadre {
namespace {

Date Day(std::string_view s) { return Date::parse(s).value_or(Date()); }

TEST(CatalogueSet, PicksTheCatalogueInForceForTheJurisdiction) {
  const auto &set = codec::builtin_catalogue_set();
  ASSERT_TRUE(set.ok()) << set.status().to_string();
  const auto id = [&](std::string_view region, std::string_view day) -> std::string {
    const Catalogue *c = set->select(region, Day(day));
    return c == nullptr ? "none" : c->id;
  };
  EXPECT_EQ(id("360102", "2017-06-30"), "jx");  // a district of Nanchang: Jiangxi's layer
  EXPECT_EQ(id("360000", "2017-06-30"), "jx");
  EXPECT_EQ(id("440000", "2017-06-30"), "cn-2015");  // no Guangdong catalogue: central
  EXPECT_EQ(id("", "2017-06-30"), "cn-2015");
  EXPECT_EQ(id("360102", "2022-09-07"), "jx");       // the last day of the 2015 rules
  EXPECT_EQ(id("360102", "2022-09-08"), "cn-2022");  // the first day of the 2022 rules
  EXPECT_EQ(id("CN", "2023-01-01"), "cn-2022");
  EXPECT_EQ(id("CN", "2015-07-18"), "cn-common");  // before the 2015 rules: going up only
  EXPECT_EQ(id("CN", "2014-01-13"), "none");       // before any shipped catalogue
}

TEST(CatalogueSet, RulesInForceIncludeTheBaseChain) {
  const auto &set = codec::builtin_catalogue_set();
  ASSERT_TRUE(set.ok());
  const Catalogue *jx = set->find("jx");
  ASSERT_NE(jx, nullptr);
  const auto rules = set->rules_in_force(*jx, Day("2017-06-30"));
  bool has_central = false;
  bool has_local = false;
  for (const Rule *r : rules) {
    has_central = has_central || r->id == "cn-2015.unsuitable.7";
    has_local = has_local || r->id == "jx.unsuitable.central-tasks";
  }
  EXPECT_TRUE(has_central);
  EXPECT_TRUE(has_local);
  // The study-leave rule of the 2019 regulations starts on their publication (2019-03-17), not
  // on the day the Politburo approved them (2019-03-03); the 2014 version ends the day before.
  const Catalogue *c15 = set->find("cn-2015");
  ASSERT_NE(c15, nullptr);
  const auto count = [&](std::string_view id, std::string_view day) {
    int n = 0;
    for (const Rule *r : set->rules_in_force(*c15, Day(day))) {
      n += r->id == id ? 1 : 0;
    }
    return n;
  };
  EXPECT_EQ(count("cn-2015.study-leave", "2019-03-16"), 0);
  EXPECT_EQ(count("cn-2015.study-leave", "2019-03-17"), 1);
  EXPECT_EQ(count("cn-2015.study-leave.2014", "2019-03-16"), 1);
  EXPECT_EQ(count("cn-2015.study-leave.2014", "2019-03-17"), 0);
  const Document *xbry = find_builtin_document("xbry-2019");
  ASSERT_NE(xbry, nullptr);
  EXPECT_EQ(xbry->in_force_from, Day("2019-03-17"));
  EXPECT_EQ(find_builtin_document("xbry-2014")->superseded_on, Day("2019-03-17"));
  // The base chain of cn-2015 reaches cn-common: its rules of going up are in force too.
  EXPECT_EQ(count("cn-common.up.admonishment", "2017-06-30"), 1);
}

Catalogue Make(std::string id, std::string base,
               std::vector<std::pair<std::string, std::string>> rules) {
  Catalogue c;
  c.id = std::move(id);
  c.base = std::move(base);
  c.jurisdiction = "CN";
  c.effective_from = Day("2020-01-01");
  for (auto &[rid, overrides] : rules) {
    Rule r;
    r.id = rid;
    r.overrides = overrides;
    c.rules.push_back(r);
  }
  return c;
}

TEST(CatalogueSet, OverridesAndDisabledRulesReplaceBaseRules) {
  CatalogueSet set;
  ASSERT_TRUE(set.add(Make("base", "", {{"base.a", ""}, {"base.b", ""}, {"base.c", ""}})).ok());
  Catalogue local = Make("local", "base", {{"local.a", "base.a"}, {"local.c", "base.c"}});
  local.rules[1].disabled = true;
  local.jurisdiction = "360000";
  ASSERT_TRUE(set.add(local).ok());
  std::vector<std::string> ids;
  for (const Rule *r : set.rules_in_force(*set.find("local"), Day("2021-01-01"))) {
    ids.push_back(r->id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"base.b", "local.a"}));
  // Errors name the field.
  EXPECT_EQ(set.add(Make("base", "", {})).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(set.add(Make("x", "nope", {})).field(), "base");
  EXPECT_EQ(set.add(Make("y", "base", {{"y.a", "base.zzz"}})).field(), "rules[y.a].overrides");
}

}  // namespace
}  // namespace cadre

namespace cadre {
namespace {

TEST(CatalogueSet, TheCppBuiltinsEqualTheValidatedFiles) {
  // Embedded once: the C++ generated by cadre_catgen is what the library uses,
  // and it equals the files as this codec validates them.
  const std::vector<Catalogue> cpp = builtin_catalogues();
  std::vector<Catalogue> files;
  for (const auto &b : shipped_files()) {
    Catalogue c;
    std::vector<Status> errors;
    ASSERT_TRUE(codec::parse_catalogue_text(b.text, b.file, c, errors)) << dump(errors);
    files.push_back(std::move(c));
  }
  ASSERT_EQ(cpp.size(), files.size());
  for (std::size_t i = 0; i < cpp.size(); ++i) {
    EXPECT_EQ(cpp[i].id, files[i].id);
    EXPECT_EQ(canonical_text(cpp[i]), canonical_text(files[i])) << cpp[i].id;
  }
  const auto &validated = codec::builtin_catalogue_set();
  ASSERT_TRUE(validated.ok());
  EXPECT_EQ(validated->catalogues().size(), 4U);
  EXPECT_EQ(CatalogueSet::builtin().catalogues().size(), 4U);
}

}  // namespace
}  // namespace cadre
