// The registry of cited documents: every citation names a registered document by key; titles
// are never typed inline; quotations tagged as seen in the seed article are its own words; a
// rule's basis is in force on the rule's first day and is never evidence only.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cadre/catalogue.hpp"
#include "cadre/rules/retirement.hpp"
#include "cadre/sources.hpp"

namespace cadre {
namespace {

std::string read(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<const Citation *> every_citation(const std::vector<Catalogue> &cats) {
  std::vector<const Citation *> out;
  for (const Catalogue &c : cats) {
    for (const Rule &r : c.rules) {
      for (const Citation &ci : r.citations) {
        out.push_back(&ci);
      }
      for (const Parameter &p : r.parameters) {
        if (p.citation) {
          out.push_back(&*p.citation);
        }
      }
    }
  }
  return out;
}

TEST(Sources, EveryDocumentIsComplete) {
  const std::vector<Document> &docs = builtin_documents();
  ASSERT_GE(docs.size(), 30U);
  std::set<std::string> keys;
  for (const Document &d : docs) {
    EXPECT_TRUE(keys.insert(d.key).second) << d.key;
    EXPECT_FALSE(d.title.empty()) << d.key;
    EXPECT_FALSE(d.title_en.empty()) << d.key;
    EXPECT_FALSE(d.source_note.empty()) << d.key;
    EXPECT_NE(d.verification, Verification::kUnspecified) << d.key;
    EXPECT_FALSE(d.jurisdiction.empty()) << d.key;
    // No pseudo-document: a title is a document's, not a description in brackets.
    EXPECT_NE(d.title.rfind("（", 0), 0U) << d.key;
    if (!d.superseded_by.empty()) {
      const Document *next = find_builtin_document(d.superseded_by);
      ASSERT_NE(next, nullptr) << d.key;
      ASSERT_TRUE(d.superseded_on.has_value()) << d.key;
      if (next->in_force_from) {
        EXPECT_EQ(*next->in_force_from, *d.superseded_on) << d.key;
      }
    }
  }
  EXPECT_EQ(find_builtin_document("no-such-key"), nullptr);
}

// The dates of the documents the issue names, as registered.
TEST(Sources, DatedVersionsOfTheLaw) {
  const auto day = [](const char *key) { return find_builtin_document(key)->in_force_from; };
  EXPECT_EQ(day("xbry-2019"), Date::parse("2019-03-17"));  // publication, not 2019-03-03
  EXPECT_EQ(day("jlcf-2023"), Date::parse("2024-02-01"));
  EXPECT_EQ(day("zwcf-2020"), Date::parse("2020-07-01"));
  EXPECT_EQ(find_builtin_document("xzcf-2007")->superseded_on, Date::parse("2020-07-01"));
  EXPECT_EQ(day("wztl-2016"), Date::parse("2016-07-08"));
  EXPECT_EQ(day("wztl-2019"), Date::parse("2019-09-01"));
  EXPECT_EQ(day("lnsx-2022"), Date::parse("2022-09-08"));
  EXPECT_EQ(find_builtin_document("lnsx-2015")->superseded_by, "lnsx-2022");
  // 组通字〔1998〕19号: its full title.
  const Document *kh = find_builtin_document("kh-1998");
  EXPECT_EQ(kh->document_number, "组通字〔1998〕19号");
  EXPECT_EQ(kh->title, "《关于受党纪处分的党政机关工作人员年度考核有关问题的意见》");
  EXPECT_NE(kh->issuer.find("人事部"), std::string::npos);
  // A journal article is evidence, never a basis.
  EXPECT_TRUE(find_builtin_document("jx-article-2017")->evidence_only);
  EXPECT_FALSE(find_builtin_document("jx-lnsx")->evidence_only);
  EXPECT_EQ(find_builtin_document("jx-lnsx")->verification, Verification::kRecalled);
}

TEST(Sources, EveryCitationNamesARegisteredDocumentWithItsTitle) {
  const std::vector<Catalogue> cats = builtin_catalogues();
  int n = 0;
  for (const Citation *c : every_citation(cats)) {
    ++n;
    const Document *d = find_builtin_document(c->key);
    ASSERT_NE(d, nullptr) << c->key;
    EXPECT_EQ(c->document, d->title) << c->key;
    EXPECT_EQ(c->document_number, d->document_number) << c->key;
    EXPECT_EQ(c->evidence, d->evidence_only) << c->key;
    EXPECT_NE(c->verification, Verification::kUnspecified) << c->key;
    // No pseudo-document as a basis or anywhere.
    EXPECT_EQ(c->document.find("汇总表"), std::string::npos) << c->key;
    EXPECT_EQ(c->document.find("（防止"), std::string::npos) << c->key;
    EXPECT_EQ(c->document.find("未见依据"), std::string::npos) << c->key;
  }
  EXPECT_GT(n, 150);
  // The built-in retirement rule cites by key too.
  const RetirementPolicy p = RetirementPolicy::national();
  for (const Citation *c :
       {&p.male.base_citation, &p.female.base_citation, &p.female_county_and_above.base_citation,
        &p.female_county_and_above.phase_in.citation}) {
    ASSERT_NE(find_builtin_document(c->key), nullptr) << c->key;
    EXPECT_EQ(c->document, find_builtin_document(c->key)->title);
  }
}

// A rule's basis (its first citation) is never evidence only and is in force on the rule's
// first day, so that as of any date no answer rests on a document not yet in force.
TEST(Sources, TheBasisOfEveryRuleIsInForceWhenTheRuleIs) {
  for (const Catalogue &c : builtin_catalogues()) {
    for (const Rule &r : c.rules) {
      ASSERT_FALSE(r.citations.empty()) << r.id;
      const Citation &basis = r.citations.front();
      EXPECT_FALSE(basis.evidence) << r.id;
      const std::optional<Date> first = r.effective_from ? r.effective_from : c.effective_from;
      ASSERT_TRUE(first.has_value()) << r.id;
      EXPECT_TRUE(find_builtin_document(basis.key)->citable_on(*first))
          << r.id << " rests on " << basis.key << " before it is in force";
    }
  }
}

// Titles are never typed inline in code either: string literals of src/ hold no 《…》.
TEST(Sources, NoTitleTypedInlineInTheCode) {
  const std::regex literal_with_title("\"[^\"]*《");
  int files = 0;
  for (const auto &e : std::filesystem::recursive_directory_iterator(CADRE_SRC_DIR)) {
    const auto ext = e.path().extension();
    if (!e.is_regular_file() || (ext != ".cc" && ext != ".hpp")) {
      continue;
    }
    ++files;
    std::ifstream in(e.path());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      const auto first = line.find_first_not_of(' ');
      if (first != std::string::npos && line.compare(first, 2, "//") == 0) {
        continue;  // a comment may name a document
      }
      EXPECT_FALSE(std::regex_search(line, literal_with_title))
          << e.path().string() << ":" << number << ": a title typed inline; cite by key";
    }
  }
  EXPECT_GT(files, 20);
}

// Punctuation and spaces removed, so that "，" and "," or “” and "" compare equal.
std::u32string normalised(const std::string &utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    char32_t cp = 0;
    std::size_t n = 1;
    if (b < 0x80) {
      cp = b;
    } else if ((b >> 5U) == 0x6) {
      cp = b & 0x1FU;
      n = 2;
    } else if ((b >> 4U) == 0xE) {
      cp = b & 0x0FU;
      n = 3;
    } else {
      cp = b & 0x07U;
      n = 4;
    }
    for (std::size_t k = 1; k < n && i + k < utf8.size(); ++k) {
      cp = (cp << 6U) | (static_cast<unsigned char>(utf8[i + k]) & 0x3FU);
    }
    i += n;
    const bool ascii_punct = cp < 0x80 && !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                                            (cp >= 'A' && cp <= 'Z'));
    const bool cjk_punct = (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
                           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0x2010 && cp <= 0x206F);
    if (!ascii_punct && !cjk_punct) {
      out.push_back(cp);
    }
  }
  return out;
}

// Quotations tagged as seen in the seed article (key jx-article-2017) appear in it verbatim,
// punctuation normalised.
TEST(Sources, QuotationsOfTheSeedArticleAreItsOwnWords) {
  const std::string seed = read(CADRE_SEED_TEXT);
  if (seed.empty()) {
    GTEST_SKIP() << "the seed article is not beside the repository: " << CADRE_SEED_TEXT;
  }
  const std::u32string text = normalised(seed);
  int quotes = 0;
  const std::vector<Catalogue> cats = builtin_catalogues();
  for (const Citation *c : every_citation(cats)) {
    if (c->key != "jx-article-2017" || c->supports.empty()) {
      continue;
    }
    ++quotes;
    EXPECT_NE(text.find(normalised(c->supports)), std::u32string::npos)
        << "not the seed's own words: " << c->supports;
  }
  EXPECT_GE(quotes, 6);
  // The test can fail: a paraphrase is not found.
  EXPECT_EQ(text.find(normalised("把扶贫工作不力、未按时完成脱贫任务作为问责情形")),
            std::u32string::npos);
}

// Grouping under the six 者下 headings is the project's reading: the catalogues say so.
TEST(Sources, TheSixHeadingsAreLabelledAsTheProjectsReading) {
  for (const Catalogue &c : builtin_catalogues()) {
    if (c.id != "cn-2015" && c.id != "cn-2022") {
      continue;
    }
    EXPECT_NE(c.completeness.zh_cn.find("本项目的理解"), std::string::npos) << c.id;
    EXPECT_NE(c.completeness.en.find("this project's reading"), std::string::npos) << c.id;
  }
}

// Numbers with no source are parameters tagged as a host's policy, never presented as law.
TEST(Sources, UnsourcedNumbersAreHostPolicy) {
  int deadlines = 0;
  for (const Catalogue &c : builtin_catalogues()) {
    for (const Rule &r : c.rules) {
      EXPECT_EQ(r.first_deadline_days, 0) << r.id << ": use the host-policy parameter";
      if (const Parameter *p = r.parameter("first_deadline_days")) {
        ++deadlines;
        EXPECT_TRUE(p->host_policy) << r.id;
        EXPECT_FALSE(p->citation.has_value()) << r.id;
      }
    }
  }
  EXPECT_GE(deadlines, 30);
  const Catalogue *common = nullptr;
  const std::vector<Catalogue> cats = builtin_catalogues();
  for (const Catalogue &c : cats) {
    if (c.id == "cn-common") common = &c;
  }
  ASSERT_NE(common, nullptr);
  const Rule *probation = common->rule("cn-common.up.probation");
  ASSERT_NE(probation, nullptr);
  EXPECT_TRUE(probation->parameter("failed_months")->host_policy);
  EXPECT_TRUE(common->rule("cn-common.up.investigation")->parameter("while_open")->host_policy);
}

}  // namespace
}  // namespace cadre
