// cadre_catgen: a host tool that turns the registry of sources
// (data/sources.textproto) and the shipped catalogues (data/catalogues/*.textproto)
// into C++ code constructing cadre::Document and cadre::Catalogue values, so
// that the C++ API (cadre::cadre, free of protobuf) has them: the catalogues are
// embedded once, as this code. It checks what the build must refuse:
//   - every citation names a registered document by key (or one of the
//     catalogue's own documents), and types no title inline;
//   - a rule's legal basis (its first citation) is never evidence only (a
//     journal article), and is in force on the rule's first day;
//   - the registry itself: unique keys, known successors, dates.
// Semantic validation of the catalogues is the codec's job (tested).
// The shipped procedure definitions (data/procedures) are written the same way
// (--procedures), with the same check of their citations; their other checks
// are cadre::check_procedure(), run on every shipped definition by the tests.
//
// usage: cadre_catgen OUT.cc KEYS.inc SOURCES.textproto IN.textproto...
//        cadre_catgen --markdown OUT.md TESTS_DIR SOURCES.textproto IN.textproto...   (docs)
//        cadre_catgen --sources-page OUT.md SRC_DIR SOURCES.textproto IN.textproto...
//                     [--procedures PROCEDURES.textproto...]
//                     [--tolerance TOLERANCE.textproto...]
//                     [--followup FOLLOWUP.textproto...]                            (docs)
//        cadre_catgen --procedures OUT.cc SOURCES.textproto PROCEDURES.textproto...
//        cadre_catgen --procedures-page OUT.md SOURCES.textproto PROCEDURES.textproto... (docs)
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cadre/v1/catalogue.pb.h"
#include "cadre/v1/options.pb.h"
#include "cadre/v1/procedure_definition.pb.h"
#include "cadre/v1/sources.pb.h"
#include "cadre/v1/tolerance.pb.h"

namespace {

namespace pb = ::cadre::v1;

class Errors final : public google::protobuf::io::ErrorCollector {
 public:
  explicit Errors(std::string file) : file_(std::move(file)) {}
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string &message) override {
    (void)std::fprintf(stderr, "%s:%d:%d: %s\n", file_.c_str(), line + 1, column + 1,
                       message.c_str());
  }

 private:
  std::string file_;
};

// A C++ string literal for any UTF-8 text.
std::string lit(const std::string &s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

std::string date(const std::string &s) {
  return s.empty() ? "std::nullopt" : "Date::parse(" + lit(s) + ")";
}

std::string text(const pb::LocalizedText &t) {
  return "LocalizedText{" + lit(t.zh_cn()) + ", " + lit(t.en()) + "}";
}

std::string citation(const pb::Citation &c) {
  return "Citation{" + lit(c.document()) + ", " + lit(c.document_number()) + ", " +
         std::to_string(c.year()) + ", " + lit(c.article()) + ", " + lit(c.item()) +
         ", static_cast<Verification>(" + std::to_string(c.verification()) + "), " +
         lit(c.supports()) + ", " + lit(c.key()) + ", " + (c.evidence() ? "true" : "false") + "}";
}

std::string read(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

template <typename Message>
bool parse_file(const std::string &path, Message &out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    (void)std::fprintf(stderr, "cadre_catgen: cannot read %s\n", path.c_str());
    return false;
  }
  Errors errors(path);
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  return parser.ParseFromString(read(path), &out);
}

// A "YYYY-MM-DD" date as a number yyyymmdd, 0 when empty, -1 when malformed.
long day_number(const std::string &s) {
  if (s.empty()) {
    return 0;
  }
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
    return -1;
  }
  for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (s[i] < '0' || s[i] > '9') {
      return -1;
    }
  }
  const long y = std::stol(s.substr(0, 4));
  const long m = std::stol(s.substr(5, 2));
  const long d = std::stol(s.substr(8, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31) {
    return -1;
  }
  return y * 10000 + m * 100 + d;
}

int year_of(const pb::Document &d) {
  const std::string &s = !d.issued_on().empty() ? d.issued_on() : d.in_force_from();
  return s.size() >= 4 ? std::stoi(s.substr(0, 4)) : 0;
}

// The registry: the library's documents, by key.
struct Registry {
  pb::Sources sources;
  std::map<std::string, const pb::Document *> by_key;
};

bool valid_key(const std::string &k) {
  return !k.empty() && std::ranges::all_of(k, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Loads and checks the registry; errors go to stderr.
bool load_registry(const std::string &path, Registry &out) {
  if (!parse_file(path, out.sources)) {
    return false;
  }
  bool ok = true;
  const auto fail = [&](const std::string &where, const std::string &what) {
    (void)std::fprintf(stderr, "%s: %s: %s\n", path.c_str(), where.c_str(), what.c_str());
    ok = false;
  };
  for (const pb::Document &d : out.sources.documents()) {
    const std::string where = "documents[" + d.key() + "]";
    if (!valid_key(d.key())) {
      fail(where + ".key", "required: lowercase letters, digits and '-'");
    } else if (!out.by_key.emplace(d.key(), &d).second) {
      fail(where + ".key", "duplicate key");
    }
    if (d.title().empty()) {
      fail(where + ".title", "required");
    }
    if (d.verification() == 0) {
      fail(where + ".verification", "required");
    }
    if (d.source_note().empty()) {
      fail(where + ".source_note", "required: where the text was seen");
    }
    for (const auto &[name, value] :
         {std::pair<const char *, const std::string *>{"issued_on", &d.issued_on()},
          {"in_force_from", &d.in_force_from()},
          {"superseded_on", &d.superseded_on()}}) {
      if (day_number(*value) < 0) {
        fail(where + "." + name, "not a date of the form YYYY-MM-DD");
      }
    }
    if (d.superseded_by().empty() != d.superseded_on().empty()) {
      fail(where + ".superseded_on", "superseded_by and superseded_on go together");
    }
  }
  for (const pb::Document &d : out.sources.documents()) {
    if (!d.superseded_by().empty() && !out.by_key.contains(d.superseded_by())) {
      fail("documents[" + d.key() + "].superseded_by", "no document \"" + d.superseded_by() + "\"");
    }
  }
  return ok;
}

// Resolves every citation of a catalogue against the registry (and the
// catalogue's own documents): fills title, 文号, year and the evidence flag,
// and refuses titles typed inline, unknown keys, evidence as a basis and a
// basis not yet in force on the rule's first day.
bool resolve(const std::string &path, const Registry &registry, pb::Catalogue &c) {
  bool ok = true;
  std::map<std::string, const pb::Document *> docs = registry.by_key;
  for (const pb::Document &d : c.documents()) {
    docs[d.key()] = &d;
  }
  const auto fail = [&](const std::string &where, const std::string &what) {
    (void)std::fprintf(stderr, "%s: %s: %s\n", path.c_str(), where.c_str(), what.c_str());
    ok = false;
  };
  const auto fill = [&](pb::Citation &ci, const std::string &where) -> const pb::Document * {
    if (!ci.document().empty() || !ci.document_number().empty() || ci.year() != 0) {
      fail(where + ".document", "titles are never typed inline: cite the document by key");
    }
    const auto it = docs.find(ci.key());
    if (it == docs.end()) {
      fail(where + ".key", ci.key().empty() ? "required: the key of a registered document"
                                            : "no registered document \"" + ci.key() + "\"");
      return nullptr;
    }
    const pb::Document &d = *it->second;
    ci.set_document(d.title());
    ci.set_document_number(d.document_number());
    ci.set_year(year_of(d));
    ci.set_evidence(d.evidence_only());
    return &d;
  };
  for (pb::Rule &r : *c.mutable_rules()) {
    const std::string p = "rules[" + r.id() + "]";
    for (int j = 0; j < r.citations_size(); ++j) {
      const pb::Document *d =
          fill(*r.mutable_citations(j), p + ".citations[" + std::to_string(j) + "]");
      if (j != 0 || d == nullptr) {
        continue;
      }
      if (d->evidence_only()) {
        fail(p + ".citations[0]", "\"" + d->key() +
                                      "\" is evidence only (an article or a local text), never "
                                      "the legal basis: cite the basis first");
      }
      const long first =
          day_number(!r.effective_from().empty() ? r.effective_from() : c.effective_from());
      const long in_force =
          day_number(!d->in_force_from().empty() ? d->in_force_from() : d->issued_on());
      if (first > 0 && in_force > 0 && in_force > first) {
        fail(p + ".citations[0]",
             "the basis \"" + d->key() + "\" is in force only from " +
                 (!d->in_force_from().empty() ? d->in_force_from() : d->issued_on()) +
                 ", after the rule's first day");
      }
    }
    for (pb::Parameter &q : *r.mutable_parameters()) {
      if (q.has_citation()) {
        fill(*q.mutable_citation(), p + ".parameters[" + q.name() + "].citation");
      }
    }
  }
  return ok;
}

void emit_document(const pb::Document &d, std::ostream &os) {
  os << "      Document{" << lit(d.key()) << ", " << lit(d.title()) << ", " << lit(d.title_en())
     << ", " << lit(d.document_number()) << ", " << lit(d.issuer()) << ", " << date(d.issued_on())
     << ", " << date(d.in_force_from()) << ", " << lit(d.superseded_by()) << ", "
     << date(d.superseded_on()) << ", static_cast<Verification>(" << d.verification() << "), "
     << lit(d.source_note()) << ", " << (d.evidence_only() ? "true" : "false") << ", "
     << lit(d.jurisdiction()) << "},\n";
}

void emit(const pb::Catalogue &c, std::ostream &os) {
  os << "  {\n    Catalogue c;\n";
  os << "    c.id = " << lit(c.id()) << ";\n";
  os << "    c.version = " << lit(c.version()) << ";\n";
  os << "    c.title = " << text(c.title()) << ";\n";
  os << "    c.jurisdiction = " << lit(c.jurisdiction()) << ";\n";
  os << "    c.effective_from = " << date(c.effective_from()) << ";\n";
  os << "    c.effective_to = " << date(c.effective_to()) << ";\n";
  os << "    c.base = " << lit(c.base()) << ";\n";
  os << "    c.completeness = " << text(c.completeness()) << ";\n";
  if (c.documents_size() > 0) {
    os << "    c.documents = {\n";
    for (const pb::Document &d : c.documents()) {
      emit_document(d, os);
    }
    os << "    };\n";
  }
  for (const pb::Rule &r : c.rules()) {
    os << "    {\n      Rule r;\n";
    os << "      r.id = " << lit(r.id()) << ";\n";
    os << "      r.channel = static_cast<Channel>(" << r.channel() << ");\n";
    os << "      r.heading = static_cast<Heading>(" << r.heading() << ");\n";
    for (const pb::Citation &ci : r.citations()) {
      os << "      r.citations.push_back(" << citation(ci) << ");\n";
    }
    os << "      r.text = " << text(r.text()) << ";\n";
    os << "      r.effective_from = " << date(r.effective_from()) << ";\n";
    os << "      r.effective_to = " << date(r.effective_to()) << ";\n";
    os << "      r.overrides = " << lit(r.overrides()) << ";\n";
    os << "      r.kind = " << lit(r.kind()) << ";\n";
    os << "      r.decided_by = static_cast<DecidedBy>(" << r.decided_by() << ");\n";
    for (const pb::Parameter &p : r.parameters()) {
      os << "      r.parameters.push_back(Parameter{" << lit(p.name()) << ", " << lit(p.value())
         << ", " << lit(p.unit()) << ", "
         << (p.has_citation() ? "std::optional<Citation>(" + citation(p.citation()) + ")"
                              : std::string("std::nullopt"))
         << ", " << (p.host_policy() ? "true" : "false") << "});\n";
    }
    for (const int m : r.methods()) {
      os << "      r.methods.push_back(static_cast<AdjustmentMethod>(" << m << "));\n";
    }
    for (const pb::Consequence &q : r.consequences()) {
      os << "      r.consequences.push_back(Consequence{static_cast<ConsequenceKind>(" << q.kind()
         << "), " << q.months() << ", " << q.days() << ", " << q.best_grade() << ", "
         << text(q.text()) << "});\n";
    }
    os << "      r.procedure = " << r.procedure() << ";\n";
    os << "      r.first_deadline_days = " << r.first_deadline_days() << ";\n";
    os << "      r.requires_prior_warning = " << (r.requires_prior_warning() ? "true" : "false")
       << ";\n";
    os << "      r.disabled = " << (r.disabled() ? "true" : "false") << ";\n";
    for (const std::string &id : r.succeeds()) {
      os << "      r.succeeds.push_back(" << lit(id) << ");\n";
    }
    os << "      c.rules.push_back(std::move(r));\n    }\n";
  }
  os << "    out.push_back(std::move(c));\n  }\n";
}

const char *kVerification[] = {"unspecified",   "SAW",       "SAW-partial",
                               "SAW-secondary", "SAW-local", "RECALLED"};
const char *kChannel[] = {"",
                          "到龄免职(退休)",
                          "任期届满离任和任内调整",
                          "问责追究调整",
                          "不适宜担任现职调整",
                          "不能正常履职调整",
                          "自愿辞职",
                          "违法违纪免职"};
const char *kHeading[] = {"—",
                          "政治不坚定者下",
                          "能力不胜任者下",
                          "作风不务实者下",
                          "状态不适宜者下",
                          "考核不称职者下",
                          "廉政不干净者下"};

template <std::size_t N>
const char *pick(const char *(&table)[N], int i) {
  return i >= 0 && static_cast<std::size_t>(i) < N ? table[i] : "?";
}

// Rule id -> the tests that name it: "file: Suite.Name".
std::map<std::string, std::set<std::string>> tests_naming(const std::string &dir) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto &e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".cc") {
      continue;
    }
    const std::string text = read(e.path().string());
    std::size_t pos = 0;
    std::string current;
    while (pos < text.size()) {
      const std::size_t line_end = std::min(text.find('\n', pos), text.size());
      const std::string line = text.substr(pos, line_end - pos);
      if (line.rfind("TEST(", 0) == 0 || line.rfind("TEST_F(", 0) == 0) {
        const auto open = line.find('(');
        const auto comma = line.find(',', open);
        const auto close = line.find(')', comma);
        if (comma != std::string::npos && close != std::string::npos) {
          auto trim = [](std::string v) {
            v.erase(0, v.find_first_not_of(' '));
            v.erase(v.find_last_not_of(' ') + 1);
            return v;
          };
          current = trim(line.substr(open + 1, comma - open - 1)) + "." +
                    trim(line.substr(comma + 1, close - comma - 1));
        }
      }
      if (const auto k = line.find("covers-kind: "); k != std::string::npos && !current.empty()) {
        out["kind:" + line.substr(k + 13)].insert(e.path().filename().string() + ": " + current);
      }
      for (std::size_t q = line.find('"'); q != std::string::npos; q = line.find('"', q + 1)) {
        const auto end = line.find('"', q + 1);
        if (end == std::string::npos) {
          break;
        }
        if (!current.empty()) {
          out[line.substr(q + 1, end - q - 1)].insert(e.path().filename().string() + ": " +
                                                      current);
        }
        q = end;
      }
      pos = line_end + 1;
    }
  }
  return out;
}

std::string md(const std::string &s) {
  std::string out;
  for (const char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

int markdown(const std::string &out_path, const std::string &tests_dir, const Registry &registry,
             const std::vector<std::string> &inputs) {
  const auto tests = tests_naming(tests_dir);
  bool uncovered = false;
  std::ostringstream os;
  os << "# Catalogue reference {#catalogue_reference}\n\n"
        "Every rule of every catalogue shipped with cadre, generated from data/catalogues at "
        "build time. Each rule gives its channel, heading, citations with their verification "
        "tags (shared/domain/regulations.md), its text in zh-CN and English, its dates, "
        "parameters and consequences, and the tests that name it. The format is described in "
        "@ref catalogue_format.\n\n";
  for (const std::string &path : inputs) {
    pb::Catalogue c;
    if (!parse_file(path, c) || !resolve(path, registry, c)) {
      return 1;
    }
    os << "## " << c.id() << ": " << md(c.title().zh_cn()) << " {#catalogue_" << c.id() << "}\n\n";
    os << md(c.title().en()) << ". Jurisdiction " << c.jurisdiction() << "; in force from "
       << c.effective_from() << (c.effective_to().empty() ? "" : " to " + c.effective_to())
       << (c.base().empty() ? "" : "; builds on " + c.base()) << ".\n\n";
    if (!c.completeness().zh_cn().empty()) {
      os << "**Completeness.** " << md(c.completeness().zh_cn()) << " " << md(c.completeness().en())
         << "\n\n";
    }
    for (const pb::Rule &r : c.rules()) {
      os << "### " << r.id() << "\n\n";
      os << "- **Channel / heading:** " << pick(kChannel, r.channel()) << " / "
         << pick(kHeading, r.heading()) << "; kind `" << r.kind() << "`, "
         << (r.decided_by() == 2 ? "recorded by the organisation (经组织认定)"
                                 : "computed from data (依数据计算)")
         << (r.requires_prior_warning() ? "; only after a 提醒、函询 or 诫勉 not heeded" : "")
         << "\n";
      os << "- **Text:** " << md(r.text().zh_cn()) << " — " << md(r.text().en()) << "\n";
      for (const pb::Citation &ci : r.citations()) {
        os << "- **" << (ci.evidence() ? "Evidence" : "Citation") << " ["
           << pick(kVerification, ci.verification()) << "]:** " << md(ci.document())
           << (ci.document_number().empty() ? "" : "（" + ci.document_number() + "）") << " "
           << md(ci.article()) << md(ci.item()) << " (`" << ci.key() << "`)"
           << (ci.supports().empty() ? "" : ": " + md(ci.supports())) << "\n";
      }
      if (!r.effective_from().empty() || !r.effective_to().empty()) {
        os << "- **In force:** " << r.effective_from() << " – " << r.effective_to() << "\n";
      }
      for (const pb::Parameter &p : r.parameters()) {
        os << "- **Parameter** `" << p.name() << "` = " << md(p.value()) << " " << p.unit();
        if (p.host_policy()) {
          os << " [host policy, no national source]";
        }
        if (p.has_citation()) {
          os << " [" << pick(kVerification, p.citation().verification()) << ": "
             << md(p.citation().supports()) << "]";
        }
        os << "\n";
      }
      for (const pb::Consequence &q : r.consequences()) {
        os << "- **Consequence:** " << md(q.text().zh_cn()) << " — " << md(q.text().en()) << "\n";
      }
      std::set<std::string> covering;
      if (const auto it = tests.find(r.id()); it != tests.end()) {
        covering.insert(it->second.begin(), it->second.end());
      }
      if (const auto it = tests.find("kind:" + r.kind()); it != tests.end()) {
        for (const std::string &t : it->second) {
          covering.insert(t + " (every rule of its kind)");
        }
      }
      os << "- **Tests:** ";
      if (covering.empty()) {
        (void)std::fprintf(stderr, "cadre_catgen: no test names rule %s\n", r.id().c_str());
        uncovered = true;
      }
      bool first = true;
      for (const std::string &t : covering) {
        os << (first ? "" : "; ") << t;
        first = false;
      }
      os << "\n\n";
    }
  }
  std::ofstream f(out_path, std::ios::binary);
  f << os.str();
  return f && !uncovered ? 0 : 1;
}

// ---------------------------------------------------------------------------
// Procedure definitions (data/procedures, cadre.v1.ProcedureDefinitions).

using Citations = google::protobuf::RepeatedPtrField<pb::Citation>;

// Every citation of a definition, with its field path.
template <typename F>
void for_each_citation(pb::ProcedureDefinition &d, F &&f) {
  const auto list = [&](Citations &cs, const std::string &path) {
    for (int i = 0; i < cs.size(); ++i) {
      f(*cs.Mutable(i), path + "citations[" + std::to_string(i) + "]");
    }
  };
  list(*d.mutable_citations(), "");
  for (int s = 0; s < d.stages_size(); ++s) {
    pb::Stage &st = *d.mutable_stages(s);
    const std::string p = "stages[" + std::to_string(s) + "].";
    list(*st.mutable_citations(), p);
    for (int g = 0; g < st.guards_size(); ++g) {
      pb::Guard &gu = *st.mutable_guards(g);
      const std::string gp = p + "guards[" + std::to_string(g) + "].";
      list(*gu.mutable_citations(), gp);
      if (gu.has_quorum()) {
        list(*gu.mutable_quorum()->mutable_citations(), gp + "quorum.");
      }
    }
    if (st.has_deadline()) {
      list(*st.mutable_deadline()->mutable_citations(), p + "deadline.");
    }
    for (int o = 0; o < st.outcomes_size(); ++o) {
      list(*st.mutable_outcomes(o)->mutable_citations(),
           p + "outcomes[" + std::to_string(o) + "].");
    }
  }
}

// Resolves every citation of a definition against the registry (and the
// definition's own documents) as resolve() does for a catalogue, and checks
// that the rule set is a registered document. The rest is checked by
// cadre::check_procedure() (tested on every shipped definition).
bool resolve_procedure(const std::string &path, const Registry &registry,
                       pb::ProcedureDefinition &d) {
  bool ok = true;
  std::map<std::string, const pb::Document *> docs = registry.by_key;
  for (const pb::Document &doc : d.documents()) {
    docs[doc.key()] = &doc;
  }
  const std::string where = "procedures[" + d.id() + "]";
  const auto fail = [&](const std::string &at, const std::string &what) {
    (void)std::fprintf(stderr, "%s: %s.%s: %s\n", path.c_str(), where.c_str(), at.c_str(),
                       what.c_str());
    ok = false;
  };
  if (!docs.contains(d.rule_set())) {
    fail("rule_set", "no registered document \"" + d.rule_set() + "\"");
  }
  for_each_citation(d, [&](pb::Citation &ci, const std::string &at) {
    if (!ci.document().empty() || !ci.document_number().empty() || ci.year() != 0) {
      fail(at + ".document", "titles are never typed inline: cite the document by key");
    }
    const auto it = docs.find(ci.key());
    if (it == docs.end()) {
      fail(at + ".key", ci.key().empty() ? "required: the key of a registered document"
                                         : "no registered document \"" + ci.key() + "\"");
      return;
    }
    ci.set_document(it->second->title());
    ci.set_document_number(it->second->document_number());
    ci.set_year(year_of(*it->second));
    ci.set_evidence(it->second->evidence_only());
  });
  return ok;
}

bool load_procedures(const std::string &path, const Registry &registry,
                     std::vector<pb::ProcedureDefinition> &out) {
  pb::ProcedureDefinitions file;
  if (!parse_file(path, file)) {
    return false;
  }
  bool ok = true;
  for (pb::ProcedureDefinition &d : *file.mutable_procedures()) {
    ok = resolve_procedure(path, registry, d) && ok;
    out.push_back(std::move(d));
  }
  return ok;
}

template <typename Enum>
std::string enum_list(const google::protobuf::RepeatedField<int> &values, const char *type) {
  std::string out = "{";
  for (const int v : values) {
    out += std::string(out.size() > 1 ? ", " : "") + "static_cast<" + type + ">(" +
           std::to_string(v) + ")";
  }
  return out + "}";
}

std::string citations_code(const Citations &cs) {
  std::string out = "{";
  for (const pb::Citation &c : cs) {
    out += (out.size() > 1 ? ", " : "") + citation(c);
  }
  return out + "}";
}

std::string actor_code(const pb::Actor &a) {
  return "Actor{static_cast<ActorRole>(" + std::to_string(a.role()) + "), " +
         enum_list<int>(a.bodies(), "AuthorityKind") + ", static_cast<AuthorityLevel>(" +
         std::to_string(a.level()) + "), " + text(a.text()) + "}";
}

std::string threshold_code(const pb::Threshold &t) {
  return "Threshold{" + std::to_string(t.numerator()) + ", " + std::to_string(t.denominator()) +
         ", " + (t.inclusive() ? "true" : "false") + ", static_cast<MajorityBase>(" +
         std::to_string(t.base()) + ")}";
}

void emit_procedure(const pb::ProcedureDefinition &d, std::ostream &os) {
  os << "  {\n    ProcedureDefinition d;\n";
  os << "    d.id = " << lit(d.id()) << ";\n";
  os << "    d.version = " << lit(d.version()) << ";\n";
  os << "    d.kind = static_cast<ProcedureKind>(" << d.kind() << ");\n";
  os << "    d.title = " << text(d.title()) << ";\n";
  os << "    d.rule_set = " << lit(d.rule_set()) << ";\n";
  os << "    d.jurisdiction = " << lit(d.jurisdiction()) << ";\n";
  os << "    d.effective_from = " << date(d.effective_from()) << ";\n";
  os << "    d.effective_to = " << date(d.effective_to()) << ";\n";
  os << "    d.citations = " << citations_code(d.citations()) << ";\n";
  os << "    d.completeness = " << text(d.completeness()) << ";\n";
  if (d.documents_size() > 0) {
    os << "    d.documents = {\n";
    for (const pb::Document &doc : d.documents()) {
      emit_document(doc, os);
    }
    os << "    };\n";
  }
  for (const pb::Stage &s : d.stages()) {
    os << "    {\n      Stage s;\n";
    os << "      s.key = " << lit(s.key()) << ";\n";
    os << "      s.name = " << text(s.name()) << ";\n";
    os << "      s.text = " << text(s.text()) << ";\n";
    os << "      s.entry = static_cast<StageEntry>(" << s.entry() << ");\n";
    os << "      s.branch_from = " << lit(s.branch_from()) << ";\n";
    os << "      s.actor = " << actor_code(s.actor()) << ";\n";
    for (const pb::FactRequirement &f : s.facts()) {
      os << "      s.facts.push_back(FactRequirement{" << lit(f.key()) << ", " << text(f.name())
         << ", static_cast<FactType>(" << f.type() << "), " << (f.required() ? "true" : "false")
         << "});\n";
    }
    for (const pb::DocumentRequirement &r : s.documents()) {
      os << "      s.documents.push_back(DocumentRequirement{" << lit(r.key()) << ", "
         << text(r.name()) << ", " << (r.required() ? "true" : "false") << "});\n";
    }
    for (const pb::Guard &g : s.guards()) {
      os << "      {\n        Guard g;\n";
      os << "        g.kind = static_cast<GuardKind>(" << g.kind() << ");\n";
      for (const std::string &k : g.stages()) {
        os << "        g.stages.push_back(" << lit(k) << ");\n";
      }
      os << "        g.fact_stage = " << lit(g.fact_stage()) << ";\n";
      os << "        g.fact = " << lit(g.fact()) << ";\n";
      if (g.has_quorum()) {
        os << "        g.quorum = Quorum{" << threshold_code(g.quorum().attendance()) << ", "
           << threshold_code(g.quorum().majority()) << ", "
           << citations_code(g.quorum().citations()) << "};\n";
      }
      if (g.has_approver()) {
        os << "        g.approver = " << actor_code(g.approver()) << ";\n";
      }
      os << "        g.text = " << text(g.text()) << ";\n";
      os << "        g.citations = " << citations_code(g.citations()) << ";\n";
      os << "        s.guards.push_back(std::move(g));\n      }\n";
    }
    if (s.has_deadline()) {
      const pb::Deadline &dl = s.deadline();
      os << "      s.deadline = Deadline{" << dl.amount() << ", static_cast<PeriodUnit>("
         << dl.unit() << "), DeadlineAnchor{" << lit(dl.from().stage())
         << ", static_cast<AnchorPoint>(" << dl.from().point() << "), " << lit(dl.from().fact())
         << "}, " << (dl.roll_forward() ? "true" : "false") << ", static_cast<DeadlineEffect>("
         << dl.effect() << "), " << text(dl.text()) << ", " << citations_code(dl.citations())
         << "};\n";
    }
    for (const pb::Outcome &o : s.outcomes()) {
      os << "      s.outcomes.push_back(Outcome{" << lit(o.key()) << ", " << text(o.name()) << ", "
         << lit(o.next()) << ", " << (o.ends() ? "true" : "false") << ", "
         << enum_list<int>(o.methods(), "AdjustmentMethod") << ", "
         << enum_list<int>(o.forms(), "AccountabilityForm") << ", " << citations_code(o.citations())
         << ", static_cast<ExemptionDecision>(" << o.exemption_decision() << ")});\n";
    }
    os << "      s.suspends_execution = " << (s.suspends_execution() ? "true" : "false") << ";\n";
    os << "      s.optional = " << (s.optional() ? "true" : "false") << ";\n";
    os << "      s.citations = " << citations_code(s.citations()) << ";\n";
    os << "      d.stages.push_back(std::move(s));\n    }\n";
  }
  os << "    out.push_back(std::move(d));\n  }\n";
}

int procedures_code(const std::string &out_path, const Registry &registry,
                    const std::vector<std::string> &inputs) {
  std::vector<pb::ProcedureDefinition> all;
  bool ok = true;
  for (const std::string &path : inputs) {
    ok = load_procedures(path, registry, all) && ok;
  }
  if (!ok) {
    return 1;
  }
  std::ostringstream os;
  os << "// Generated by cadre_catgen from data/procedures. Do not edit.\n"
        "#include <optional>\n#include <vector>\n\n#include \"cadre/procedure_definition.hpp\"\n\n"
        "namespace cadre {\ninline namespace api_v1 {\n\n"
        "std::vector<ProcedureDefinition> builtin_procedures() {\n"
        "  std::vector<ProcedureDefinition> out;\n";
  for (const pb::ProcedureDefinition &d : all) {
    emit_procedure(d, os);
  }
  os << "  return out;\n}\n\n}  // namespace api_v1\n}  // namespace cadre\n";
  std::ofstream f(out_path, std::ios::binary);
  f << os.str();
  return f ? 0 : 1;
}

// The label of an enum value in both languages, from the schema's options.
std::string label(const google::protobuf::EnumDescriptor *e, int number) {
  const google::protobuf::EnumValueDescriptor *v = e->FindValueByNumber(number);
  if (v == nullptr) {
    return "?";
  }
  const auto &o = v->options();
  return o.GetExtension(pb::zh_cn) + " (" + o.GetExtension(pb::en) + ")";
}

std::string cite_md(const pb::Citation &ci) {
  return std::string("[") + pick(kVerification, ci.verification()) + "] " + md(ci.document()) +
         (ci.document_number().empty() ? "" : "（" + ci.document_number() + "）") +
         md(ci.article()) + md(ci.item()) + " (`" + ci.key() + "`)" +
         (ci.supports().empty() ? "" : ": " + md(ci.supports()));
}

std::string anchor_md(const pb::DeadlineAnchor &a) {
  std::string out = "`" + a.stage() + "`, ";
  switch (a.point()) {
    case pb::ANCHOR_POINT_STAGE_ENTERED:
      return out + "the day it is entered";
    case pb::ANCHOR_POINT_STAGE_COMPLETED:
      return out + "the day it is completed";
    default:
      return out + "its date `" + a.fact() + "`";
  }
}

int procedures_page(const std::string &out_path, const Registry &registry,
                    const std::vector<std::string> &inputs) {
  std::vector<pb::ProcedureDefinition> all;
  bool ok = true;
  for (const std::string &path : inputs) {
    ok = load_procedures(path, registry, all) && ok;
  }
  if (!ok) {
    return 1;
  }
  const auto *kinds = pb::ProcedureKind_descriptor();
  const auto *roles = pb::ActorRole_descriptor();
  const auto *levels = pb::AuthorityLevel_descriptor();
  const auto *bodies = pb::AuthorityKind_descriptor();
  const auto *units = pb::PeriodUnit_descriptor();
  const auto *effects = pb::DeadlineEffect_descriptor();
  const auto *guards = pb::GuardKind_descriptor();
  const auto *facts = pb::FactType_descriptor();
  const auto *methods = pb::AdjustmentMethod_descriptor();
  const auto *forms = pb::AccountabilityForm_descriptor();
  std::ostringstream os;
  os << "# Procedure reference {#procedure_reference}\n\n"
        "Every procedure definition shipped with cadre, generated from data/procedures at build "
        "time: its stages in order, who acts, the facts and documents each records, its guards, "
        "its deadline and its allowed outcomes, each with its citations and their verification "
        "tags (shared/domain/regulations.md: **SAW**, **SAW-partial**, **SAW-secondary**, "
        "**SAW-local**, **RECALLED**: not verified, configurable policy, never fact). The format "
        "is described in @ref procedure_format. A period's first day is the day after the event "
        "it is counted from; working days are those of the official calendar "
        "(@ref calendar).\n\n";
  for (const pb::ProcedureDefinition &d : all) {
    std::string anchor = d.id();
    std::ranges::replace_if(
        anchor, [](char c) { return c == '.' || c == '-'; }, '_');
    os << "## " << d.id() << ": " << md(d.title().zh_cn()) << " {#procedure_" << anchor << "}\n\n";
    os << md(d.title().en()) << ". Kind: " << label(kinds, d.kind()) << "; rules `" << d.rule_set()
       << "`; jurisdiction " << d.jurisdiction() << "; in force from " << d.effective_from()
       << (d.effective_to().empty() ? "" : " to " + d.effective_to()) << ".\n\n";
    for (const pb::Citation &ci : d.citations()) {
      os << "- **Basis** " << cite_md(ci) << "\n";
    }
    if (!d.completeness().zh_cn().empty()) {
      os << "- **Completeness.** " << md(d.completeness().zh_cn()) << " "
         << md(d.completeness().en()) << "\n";
    }
    os << "\n";
    int n = 0;
    for (const pb::Stage &s : d.stages()) {
      os << "### " << d.id() << " " << ++n << ". " << md(s.name().zh_cn()) << " ("
         << md(s.name().en()) << "), `" << s.key() << "`\n\n";
      if (!s.text().zh_cn().empty()) {
        os << md(s.text().zh_cn()) << " — " << md(s.text().en()) << "\n\n";
      }
      if (s.entry() == pb::STAGE_ENTRY_BRANCH) {
        os << "- **Branch:** opened by a party once `" << s.branch_from()
           << "` is completed, beside the main line.\n";
      }
      if (s.entry() == pb::STAGE_ENTRY_TASK) {
        os << "- **Task:** set by a step of `" << s.branch_from()
           << "`, one per task, each with the deadline that step gives (`" << s.key()
           << ".<id>.due_on` or `" << s.key()
           << ".<id>.working_days`); closed by a step naming it in `task`.\n";
      }
      if (s.optional()) {
        os << "- **Optional:** a case may end without it.\n";
      }
      if (s.entry() == pb::STAGE_ENTRY_BRANCH || s.suspends_execution()) {
        os << "- **Suspends execution:** "
           << (s.suspends_execution() ? "yes" : "no: the decision is executed meanwhile") << "\n";
      }
      os << "- **Actor:** " << md(s.actor().text().zh_cn()) << " (" << md(s.actor().text().en())
         << "); " << label(roles, s.actor().role()) << ", " << label(levels, s.actor().level());
      for (const int b : s.actor().bodies()) {
        os << "; " << label(bodies, b);
      }
      os << "\n";
      for (const pb::FactRequirement &f : s.facts()) {
        os << "- **Fact** `" << f.key() << "`: " << md(f.name().zh_cn()) << " ("
           << md(f.name().en()) << "), " << label(facts, f.type())
           << (f.required() ? ", required" : ", optional") << "\n";
      }
      for (const pb::DocumentRequirement &r : s.documents()) {
        os << "- **Document** `" << r.key() << "`: " << md(r.name().zh_cn()) << " ("
           << md(r.name().en()) << ")" << (r.required() ? ", required" : ", optional") << "\n";
      }
      for (const pb::Guard &g : s.guards()) {
        os << "- **Guard:** " << label(guards, g.kind());
        for (const std::string &k : g.stages()) {
          os << " `" << k << "`";
        }
        if (!g.fact().empty()) {
          os << " `" << (g.fact_stage().empty() ? s.key() : g.fact_stage()) << "." << g.fact()
             << "`";
        }
        if (g.has_quorum()) {
          const auto th = [](const pb::Threshold &t) {
            return std::string(t.inclusive() ? "at least " : "more than ") +
                   std::to_string(t.numerator()) + "/" + std::to_string(t.denominator()) +
                   " of the " +
                   (t.base() == pb::MAJORITY_BASE_MEMBERS_PRESENT ? "members present (实到会成员)"
                                                                  : "members due (应到会成员)");
          };
          os << ": attendance " << th(g.quorum().attendance()) << "; in favour "
             << th(g.quorum().majority());
        }
        if (g.has_approver()) {
          os << ": " << md(g.approver().text().zh_cn()) << " (" << md(g.approver().text().en())
             << ")";
        }
        if (!g.text().zh_cn().empty()) {
          os << ". " << md(g.text().zh_cn()) << " — " << md(g.text().en());
        }
        os << "\n";
        for (const pb::Citation &ci : g.citations()) {
          os << "  - " << cite_md(ci) << "\n";
        }
        if (g.has_quorum()) {
          for (const pb::Citation &ci : g.quorum().citations()) {
            os << "  - " << cite_md(ci) << "\n";
          }
        }
      }
      if (s.has_deadline()) {
        const pb::Deadline &dl = s.deadline();
        os << "- **Deadline:** " << dl.amount() << " " << label(units, dl.unit()) << " from "
           << anchor_md(dl.from()) << "; " << label(effects, dl.effect())
           << (dl.roll_forward() ? "; a last day on a rest day moves to the next working day "
                                   "(民法典 第二百零三条)"
                                 : "")
           << ". " << md(dl.text().zh_cn()) << " — " << md(dl.text().en()) << "\n";
        for (const pb::Citation &ci : dl.citations()) {
          os << "  - " << cite_md(ci) << "\n";
        }
      }
      for (const pb::Outcome &o : s.outcomes()) {
        os << "- **Outcome** `" << o.key() << "`: " << md(o.name().zh_cn()) << " ("
           << md(o.name().en()) << ") → " << (o.ends() ? std::string("end") : "`" + o.next() + "`");
        for (const int m : o.methods()) {
          os << "; " << label(methods, m);
        }
        for (const int f : o.forms()) {
          os << "; " << label(forms, f);
        }
        if (o.exemption_decision() != pb::EXEMPTION_DECISION_UNSPECIFIED) {
          os << "; decision: `" << pb::ExemptionDecision_Name(o.exemption_decision()) << "`";
        }
        os << "\n";
        for (const pb::Citation &ci : o.citations()) {
          os << "  - " << cite_md(ci) << "\n";
        }
      }
      for (const pb::Citation &ci : s.citations()) {
        os << "- **Citation** " << cite_md(ci) << "\n";
      }
      os << "\n";
    }
  }
  std::ofstream f(out_path, std::ios::binary);
  f << os.str();
  return f ? 0 : 1;
}

}  // namespace

// A top-level block of a follow-up file: "follow-up template" (named by its id) or "method
// check" (named by its key), and the documents its citations name.
struct FollowUpBlock {
  std::string kind;
  std::string name;
  std::set<std::string> keys;
};

// The value of the first `field: "..."` at or after @p from in @p text, or "".
std::string quoted_after(const std::string &text, const std::string &field, std::size_t from) {
  const std::size_t at = text.find(field + ": \"", from);
  if (at == std::string::npos) {
    return {};
  }
  const std::size_t begin = at + field.size() + 3;
  const std::size_t end = text.find('"', begin);
  return end == std::string::npos ? std::string() : text.substr(begin, end - begin);
}

std::vector<FollowUpBlock> followup_blocks(const std::string &text) {
  std::vector<FollowUpBlock> out;
  // The starts of the top-level blocks, in order.
  std::vector<std::pair<std::size_t, bool>> starts;  // offset, is a template
  for (const auto &[word, is_template] : {std::pair{std::string("\ntemplates {"), true},
                                          std::pair{std::string("\nchecks {"), false}}) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
      starts.emplace_back(at + 1, is_template);
    }
  }
  std::sort(starts.begin(), starts.end());
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t begin = starts[i].first;
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1].first : text.size();
    const std::string block = text.substr(begin, end - begin);
    FollowUpBlock b;
    b.kind = starts[i].second ? "follow-up template" : "method check";
    b.name = quoted_after(block, starts[i].second ? "id" : "key", 0);
    const std::string cite = "citations { key: \"";
    for (std::size_t at = block.find(cite); at != std::string::npos;
         at = block.find(cite, at + 1)) {
      b.keys.insert(quoted_after(block, "key", at));
    }
    out.push_back(std::move(b));
  }
  return out;
}

// The Sources page: every registered document with its tag and the rules
// (and code) that cite it.
int sources_page(const std::string &out_path, const std::string &src_dir, const Registry &registry,
                 const std::vector<std::string> &inputs) {
  std::map<std::string, std::vector<std::string>> cited_by;
  std::map<std::string, const pb::Document *> local;
  std::vector<pb::Catalogue> catalogues;
  std::vector<pb::ProcedureDefinition> procedures;
  std::vector<pb::ToleranceModels> tolerance;
  std::vector<std::string> followup;
  bool procedure_files = false;
  bool tolerance_files = false;
  bool followup_files = false;
  for (const std::string &path : inputs) {
    if (path == "--procedures" || path == "--tolerance" || path == "--followup") {
      procedure_files = path == "--procedures";
      tolerance_files = path == "--tolerance";
      followup_files = path == "--followup";
      continue;
    }
    if (followup_files) {
      followup.push_back(path);
      continue;
    }
    if (tolerance_files) {
      pb::ToleranceModels models;
      if (!parse_file(path, models)) {
        return 1;
      }
      tolerance.push_back(std::move(models));
      continue;
    }
    if (procedure_files) {
      if (!load_procedures(path, registry, procedures)) {
        return 1;
      }
      continue;
    }
    pb::Catalogue c;
    if (!parse_file(path, c) || !resolve(path, registry, c)) {
      return 1;
    }
    catalogues.push_back(std::move(c));
  }
  for (const pb::Catalogue &c : catalogues) {
    for (const pb::Document &d : c.documents()) {
      local[d.key()] = &d;
    }
    for (const pb::Rule &r : c.rules()) {
      std::set<std::string> keys;
      for (const pb::Citation &ci : r.citations()) {
        keys.insert(ci.key());
      }
      for (const pb::Parameter &q : r.parameters()) {
        if (q.has_citation()) {
          keys.insert(q.citation().key());
        }
      }
      for (const std::string &k : keys) {
        cited_by[k].push_back("`" + r.id() + "`");
      }
    }
  }
  for (pb::ProcedureDefinition &d : procedures) {
    std::set<std::string> keys{d.rule_set()};
    for_each_citation(d, [&](pb::Citation &ci, const std::string &) { keys.insert(ci.key()); });
    for (const std::string &k : keys) {
      cited_by[k].push_back("procedure `" + d.id() + "`");
    }
  }
  // The criteria of error tolerance (data/tolerance): a model cites in its own citations, its
  // groups', its criteria' and its shortenings'; its own documents are listed too.
  for (const pb::ToleranceModels &file : tolerance) {
    for (const pb::ToleranceModel &m : file.models()) {
      std::set<std::string> keys;
      const auto add = [&](const google::protobuf::RepeatedPtrField<pb::Citation> &list) {
        for (const pb::Citation &ci : list) {
          keys.insert(ci.key());
        }
      };
      add(m.citations());
      for (const pb::ToleranceGroup &g : m.groups()) {
        add(g.citations());
        for (const pb::ToleranceCriterion &c : g.criteria()) {
          add(c.citations());
        }
      }
      for (const pb::ToleranceShortening &s : m.shortenings()) {
        add(s.citations());
      }
      for (const pb::Document &d : m.documents()) {
        local[d.key()] = &d;
      }
      for (const std::string &k : keys) {
        if (!registry.by_key.contains(k) && !local.contains(k)) {
          (void)std::fprintf(stderr, "cadre_catgen: tolerance model %s cites unknown document %s\n",
                             m.id().c_str(), k.c_str());
          return 1;
        }
        cited_by[k].push_back("tolerance `" + m.id() + "`");
      }
    }
  }
  // The follow-up templates and method checks (data/followup, a format of its own without a
  // schema): each top-level block is named by its id (a template) or its key (a check) and cites
  // in every `citations { key: "..." }` inside it.
  for (const std::string &path : followup) {
    std::ifstream in(path);
    if (!in) {
      (void)std::fprintf(stderr, "cadre_catgen: cannot read %s\n", path.c_str());
      return 1;
    }
    for (const FollowUpBlock &b : followup_blocks(
             std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()))) {
      for (const std::string &k : b.keys) {
        if (!registry.by_key.contains(k) && !local.contains(k)) {
          (void)std::fprintf(stderr, "cadre_catgen: %s %s cites unknown document %s\n",
                             b.kind.c_str(), b.name.c_str(), k.c_str());
          return 1;
        }
        cited_by[k].push_back(b.kind + " `" + b.name + "`");
      }
    }
  }
  // Citations in code: source_key("...") in src/.
  for (const auto &e : std::filesystem::recursive_directory_iterator(src_dir)) {
    const auto ext = e.path().extension();
    if (!e.is_regular_file() || (ext != ".cc" && ext != ".hpp")) {
      continue;
    }
    const std::string text = read(e.path().string());
    const std::string needle = "source_key(\"";
    for (std::size_t q = text.find(needle); q != std::string::npos; q = text.find(needle, q + 1)) {
      const std::size_t from = q + needle.size();
      const std::size_t to = text.find('"', from);
      if (to == std::string::npos) {
        break;
      }
      const std::string key = text.substr(from, to - from);
      const std::string where =
          "code: `" + std::filesystem::relative(e.path(), src_dir).generic_string() + "`";
      auto &list = cited_by[key];
      if (std::find(list.begin(), list.end(), where) == list.end()) {
        list.push_back(where);
      }
    }
  }
  std::ostringstream os;
  os << "# Sources {#sources}\n\n"
        "Every document cadre cites, generated at build time from the registry "
        "(`data/sources.textproto`), the shipped catalogues, procedure definitions "
        "(`data/procedures`) and criteria of error tolerance (`data/tolerance`). Rules, "
        "parameters, procedures, criteria and explanations "
        "cite a document by its key plus article and item; a citation naming no registered "
        "document fails the build. The tag says how far the document's text was verified "
        "(shared/domain/regulations.md): **SAW** read on the page named, **SAW-partial** only "
        "part of it, **SAW-secondary** only a summary, **SAW-local** only a local text, "
        "**RECALLED** not verified (configurable policy, never fact). A document marked "
        "*evidence only* (a journal article, a local text showing a central wording) is never "
        "a legal basis.\n\n"
        "| key | document | 文号 | issuer | issued | in force | superseded | tag | cited by |\n"
        "|---|---|---|---|---|---|---|---|---|\n";
  const auto row = [&](const pb::Document &d) {
    const auto it = cited_by.find(d.key());
    std::string by;
    if (it != cited_by.end()) {
      for (const std::string &r : it->second) {
        by += (by.empty() ? "" : ", ") + r;
      }
    } else {
      by = "(not cited)";
    }
    os << "| `" << d.key() << "` | " << md(d.title()) << "<br>" << md(d.title_en())
       << (d.evidence_only() ? " *(evidence only)*" : "") << "<br><small>" << md(d.source_note())
       << "</small> | " << md(d.document_number()) << " | " << md(d.issuer()) << " | "
       << d.issued_on() << " | " << d.in_force_from() << " | "
       << (d.superseded_by().empty() ? "" : "`" + d.superseded_by() + "` from " + d.superseded_on())
       << " | " << pick(kVerification, d.verification()) << " | " << by << " |\n";
  };
  for (const pb::Document &d : registry.sources.documents()) {
    row(d);
  }
  for (const auto &[key, d] : local) {
    row(*d);
  }
  std::ofstream f(out_path, std::ios::binary);
  f << os.str();
  return f ? 0 : 1;
}

int main(int argc, char **argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 3 && (args[0] == "--procedures" || args[0] == "--procedures-page")) {
    Registry registry;
    if (!load_registry(args[2], registry)) {
      return 1;
    }
    const std::vector<std::string> inputs(args.begin() + 3, args.end());
    return args[0] == "--procedures" ? procedures_code(args[1], registry, inputs)
                                     : procedures_page(args[1], registry, inputs);
  }
  if (args.size() >= 4 && (args[0] == "--markdown" || args[0] == "--sources-page")) {
    Registry registry;
    if (!load_registry(args[3], registry)) {
      return 1;
    }
    const std::vector<std::string> inputs(args.begin() + 4, args.end());
    return args[0] == "--markdown" ? markdown(args[1], args[2], registry, inputs)
                                   : sources_page(args[1], args[2], registry, inputs);
  }
  if (args.size() < 3) {
    (void)std::fprintf(stderr,
                       "usage: cadre_catgen OUT.cc KEYS.inc SOURCES.textproto IN.textproto...\n");
    return 2;
  }
  Registry registry;
  if (!load_registry(args[2], registry)) {
    return 1;
  }
  std::ostringstream os;
  os << "// Generated by cadre_catgen from data/sources.textproto and data/catalogues. Do not "
        "edit.\n"
        "#include <optional>\n#include <vector>\n\n#include \"cadre/catalogue.hpp\"\n"
        "#include \"cadre/sources.hpp\"\n\n"
        "namespace cadre {\ninline namespace api_v1 {\n\n"
        "const std::vector<Document> &builtin_documents() {\n"
        "  static const std::vector<Document> kDocuments = {\n";
  for (const pb::Document &d : registry.sources.documents()) {
    emit_document(d, os);
  }
  os << "  };\n  return kDocuments;\n}\n\n"
        "std::vector<Catalogue> builtin_catalogues() {\n  std::vector<Catalogue> out;\n";
  bool ok = true;
  for (std::size_t i = 3; i < args.size(); ++i) {
    pb::Catalogue c;
    if (!parse_file(args[i], c)) {
      return 1;
    }
    ok = resolve(args[i], registry, c) && ok;
    emit(c, os);
  }
  if (!ok) {
    return 1;
  }
  os << "  return out;\n}\n\n}  // namespace api_v1\n}  // namespace cadre\n";
  std::ostringstream keys;
  keys << "// Generated by cadre_catgen from data/sources.textproto. Do not edit.\n"
          "// The keys of the registry of sources, for source_key() (catalogue/source_key.hpp).\n"
          "inline constexpr std::string_view kSourceKeys[] = {\n";
  for (const pb::Document &d : registry.sources.documents()) {
    keys << "    " << lit(d.key()) << ",\n";
  }
  keys << "};\n";
  const auto write_if_changed = [](const std::string &path, const std::string &text) {
    {
      std::ifstream old(path, std::ios::binary);
      const std::string prev((std::istreambuf_iterator<char>(old)),
                             std::istreambuf_iterator<char>());
      if (prev == text) {
        return true;
      }
    }
    std::ofstream f(path, std::ios::binary);
    f << text;
    return static_cast<bool>(f);
  };
  return write_if_changed(args[0], os.str()) && write_if_changed(args[1], keys.str()) ? 0 : 1;
}
