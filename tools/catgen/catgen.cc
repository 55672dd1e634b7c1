// cadre_catgen: a host tool that turns the shipped catalogues
// (data/catalogues/*.textproto) into C++ code constructing cadre::Catalogue
// values, so that the C++ API (cadre::cadre, free of protobuf) has them.
// Validation of the files is the codec's job (tested); this tool only parses
// the text format and reports syntax errors with line and column.
//
// usage: cadre_catgen OUT.cc IN.textproto...
//        cadre_catgen --markdown OUT.md TESTS_DIR IN.textproto...   (docs)
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

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
         lit(c.supports()) + "}";
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
         << "});\n";
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

std::string read(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
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

int markdown(const std::string &out_path, const std::string &tests_dir,
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
    Errors errors(path);
    google::protobuf::TextFormat::Parser parser;
    parser.RecordErrorsTo(&errors);
    if (!parser.ParseFromString(read(path), &c)) {
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
        os << "- **Citation [" << pick(kVerification, ci.verification()) << "]:** "
           << md(ci.document())
           << (ci.document_number().empty() ? "" : "（" + ci.document_number() + "）") << " "
           << ci.year() << " " << md(ci.article()) << md(ci.item())
           << (ci.supports().empty() ? "" : ": " + md(ci.supports())) << "\n";
      }
      if (!r.effective_from().empty() || !r.effective_to().empty()) {
        os << "- **In force:** " << r.effective_from() << " – " << r.effective_to() << "\n";
      }
      for (const pb::Parameter &p : r.parameters()) {
        os << "- **Parameter** `" << p.name() << "` = " << md(p.value()) << " " << p.unit();
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

}  // namespace

int main(int argc, char **argv) {
  if (argc >= 4 && std::string(argv[1]) == "--markdown") {
    return markdown(argv[2], argv[3], std::vector<std::string>(argv + 4, argv + argc));
  }
  if (argc < 3) {
    (void)std::fprintf(stderr, "usage: cadre_catgen OUT.cc IN.textproto...\n");
    return 2;
  }
  std::ostringstream os;
  os << "// Generated by cadre_catgen from data/catalogues. Do not edit.\n"
        "#include <optional>\n#include <vector>\n\n#include \"cadre/catalogue.hpp\"\n\n"
        "namespace cadre {\ninline namespace api_v1 {\n\n"
        "std::vector<Catalogue> builtin_catalogues() {\n  std::vector<Catalogue> out;\n";
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
      (void)std::fprintf(stderr, "cadre_catgen: cannot read %s\n", argv[i]);
      return 1;
    }
    pb::Catalogue c;
    Errors errors(argv[i]);
    google::protobuf::TextFormat::Parser parser;
    parser.RecordErrorsTo(&errors);
    if (!parser.ParseFromString(body, &c)) {
      return 1;
    }
    emit(c, os);
  }
  os << "  return out;\n}\n\n}  // namespace api_v1\n}  // namespace cadre\n";
  const std::string out = os.str();
  {
    std::ifstream old(argv[1], std::ios::binary);
    const std::string prev((std::istreambuf_iterator<char>(old)), std::istreambuf_iterator<char>());
    if (prev == out) {
      return 0;
    }
  }
  std::ofstream f(argv[1], std::ios::binary);
  f << out;
  return f ? 0 : 1;
}
