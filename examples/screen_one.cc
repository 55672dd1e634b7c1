// screen_one.cc: screen one cadre with the C++ API (target cadre::cadre).
//
// A male county head (县长) born 1965-03-02, screened as of 2025-06-30. The
// engine finds one reason to go "down": rule "cn-2022.age.retirement",
// channel 到龄免职(退休), effective 2025-04-02 (men 60, plus one month for
// births from January to April 1965 under the 2024 phase-in).
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string_view>
#include <vector>

#include "cadre/cadre.hpp"

namespace {

// The date of an ISO 8601 literal; exits on a typo.
cadre::Date date(std::string_view text) {
  const std::optional<cadre::Date> parsed = cadre::Date::parse(text);
  if (!parsed) {
    std::cerr << "screen_one: FAILED: not a date: " << text << '\n';
    std::exit(EXIT_FAILURE);
  }
  return *parsed;
}

}  // namespace

int main() {
  //! [screen]
  cadre::Post post;
  post.id = "p-1";
  post.unit_id = "u-county-01";
  post.title = "县长";
  post.rank_level = cadre::RankLevel::kCountyPrincipal;
  post.kind = cadre::PostKind::kLeadership;
  post.start_date = date("2019-01-01");

  cadre::Cadre county_head;
  county_head.id = "c-0001";
  county_head.sex = cadre::Sex::kMale;
  county_head.birth_date = date("1965-03-02");
  county_head.birth_date_source = cadre::BirthDateSource::kPersonnelFile;
  county_head.posts.push_back(post);

  // An engine is immutable and may be shared between threads.
  const cadre::Engine engine;
  const std::vector<cadre::Finding> findings = engine.screen(county_head, date("2025-06-30"));

  for (const cadre::Finding &finding : findings) {
    std::cout << finding.rule_id << "  " << finding.effective_date.to_string() << "  "
              << cadre::label(finding.channel, cadre::Language::kZhCn) << '\n'
              << "  zh-CN: " << finding.explanation.zh_cn << '\n'
              << "  en:    " << finding.explanation.en << '\n';
    for (const cadre::Citation &citation : finding.citations) {
      std::cout << "  basis: " << citation.document << citation.document_number << citation.article
                << citation.item << " (" << citation.year << "): " << citation.supports << " ["
                << cadre::label(citation.verification, cadre::Language::kEn) << "]\n";
    }
  }
  //! [screen]
  return findings.empty() ? EXIT_FAILURE : EXIT_SUCCESS;
}
