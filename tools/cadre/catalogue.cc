// cadre catalogue: list the catalogues and rules, or show one with its citations.
#include <fstream>
#include <iostream>
#include <iterator>

#include "cadre/cadre.hpp"
#include "cli.hpp"
#include "codec/catalogue_codec.hpp"

namespace cadre::cli {

namespace {

std::string_view verification_tag(cadre::Verification v) {
  switch (v) {
    case cadre::Verification::kSaw:
      return "SAW";
    case cadre::Verification::kSawPartial:
      return "SAW-partial";
    case cadre::Verification::kSawSecondary:
      return "SAW-secondary";
    case cadre::Verification::kSawLocal:
      return "SAW-local";
    case cadre::Verification::kRecalled:
      return "RECALLED";
    default:
      return "unspecified";
  }
}

void print_citation(const cadre::Citation &c, std::ostream &os) {
  os << "    [" << verification_tag(c.verification) << "] " << c.document;
  if (!c.document_number.empty()) {
    os << "（" << c.document_number << "）";
  }
  os << " " << c.year << " " << c.article << c.item;
  if (!c.supports.empty()) {
    os << ": " << c.supports;
  }
  os << "\n";
}

}  // namespace

// cadre catalogue list | show <rule-or-catalogue-id> [--catalogue FILE]...
int cmd_catalogue(const Args &args) {
  po::options_description desc("cadre catalogue list | show ID [--catalogue FILE]...");
  std::vector<std::string> files;
  std::vector<std::string> words;
  desc.add_options()("help,h", "show this help")(
      "catalogue", po::value(&files), "also load a host catalogue (text format); repeatable")(
      "words", po::value(&words), "list, or show ID");
  po::positional_options_description pos;
  pos.add("words", -1);
  po::variables_map vm;
  if (auto code = parse_options("catalogue", args, desc, pos, vm)) {
    return *code;
  }
  if (words.empty() || (words[0] != "list" && words[0] != "show") ||
      (words[0] == "show" && words.size() != 2) || (words[0] == "list" && words.size() != 1)) {
    std::cerr << "cadre catalogue: say 'list' or 'show ID'\n";
    return kExitUsage;
  }
  const auto &builtin = codec::builtin_catalogue_set();
  if (!builtin.ok()) {
    std::cerr << "cadre catalogue: " << builtin.status().to_string() << "\n";
    return kExitInput;
  }
  cadre::CatalogueSet set = *builtin;
  for (const std::string &f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
      std::cerr << "cadre catalogue: cannot read " << f << "\n";
      return kExitInput;
    }
    cadre::Catalogue c;
    std::vector<cadre::Status> errors;
    if (!codec::parse_catalogue_text(text, f, c, errors)) {
      for (const cadre::Status &e : errors) {
        std::cerr << f << ": " << e.to_string() << "\n";
      }
      return kExitInput;
    }
    if (auto st = set.add(std::move(c)); !st.ok()) {
      std::cerr << f << ": " << st.to_string() << "\n";
      return kExitInput;
    }
  }
  if (words[0] == "list") {
    for (const cadre::Catalogue &c : set.catalogues()) {
      std::cout << c.id << "  " << c.jurisdiction << "  "
                << (c.effective_from ? c.effective_from->to_string() : "") << " – "
                << (c.effective_to ? c.effective_to->to_string() : "") << "  " << c.title.zh_cn
                << "  sha256:" << cadre::content_hash(c) << "\n";
      for (const cadre::Rule &r : c.rules) {
        std::cout << "  " << r.id << "  " << cadre::label(r.channel, cadre::Language::kZhCn) << "  "
                  << r.kind << "\n";
      }
    }
    return kExitOk;
  }
  const std::string &id = words[1];
  for (const cadre::Catalogue &c : set.catalogues()) {
    if (c.id == id) {
      std::cout << c.id << " (" << c.version << "): " << c.title.zh_cn << " / " << c.title.en
                << "\n  jurisdiction " << c.jurisdiction << "; base "
                << (c.base.empty() ? "—" : c.base) << "; sha256 " << cadre::content_hash(c)
                << "\n  " << c.completeness.zh_cn << "\n  " << c.completeness.en << "\n  "
                << c.rules.size() << " rules\n";
      return kExitOk;
    }
    const cadre::Rule *r = c.rule(id);
    if (r == nullptr) {
      continue;
    }
    std::cout << r->id << "  (catalogue " << c.id << ", sha256 " << cadre::content_hash(c) << ")\n"
              << "  渠道 channel: " << cadre::label(r->channel, cadre::Language::kZhCn) << " / "
              << cadre::label(r->channel, cadre::Language::kEn) << "\n";
    if (r->heading != cadre::Heading::kUnspecified) {
      std::cout << "  类别 heading: " << cadre::label(r->heading, cadre::Language::kZhCn) << "\n";
    }
    std::cout << "  zh-CN: " << r->text.zh_cn << "\n  en: " << r->text.en << "\n  citations:\n";
    for (const cadre::Citation &ci : r->citations) {
      print_citation(ci, std::cout);
    }
    for (const cadre::Parameter &p : r->parameters) {
      std::cout << "  parameter " << p.name << " = " << p.value << " " << p.unit << "\n";
      if (p.citation) {
        print_citation(*p.citation, std::cout);
      }
    }
    std::cout << "  kind " << r->kind << ", "
              << (r->decided_by == cadre::DecidedBy::kRecord ? "recorded (经组织认定)"
                                                             : "computed (依数据计算)")
              << (r->requires_prior_warning ? ", only after a warning not heeded" : "") << "\n";
    return kExitOk;
  }
  std::cerr << "cadre catalogue: no catalogue or rule \"" << id << "\"\n";
  return kExitInput;
}

}  // namespace cadre::cli
