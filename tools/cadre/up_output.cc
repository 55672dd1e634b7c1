#include "up_output.hpp"

#include <ostream>

namespace cadre::cli {
namespace pb = ::cadre::v1;

void print_explanation(const pb::LocalizedText &text, Lang lang, std::string_view indent,
                       std::ostream &os) {
  if (lang != Lang::kEn) {
    os << indent << text.zh_cn() << "\n";
  }
  if (lang != Lang::kZh) {
    os << indent << text.en() << "\n";
  }
}

void print_blocker(const pb::Blocker &b, Lang lang, std::ostream &os) {
  os << "  - " << b.rule_id() << "  "
     << (b.lifts_on().empty() ? std::string(zh_or_en(lang, "不自行解除", "does not lift"))
                              : std::string(zh_or_en(lang, "解除于 ", "lifts on ")) + b.lifts_on())
     << "  " << zh_or_en(lang, "记录 ", "record ") << b.record().id()
     << (b.exemption_claim_id().empty() ? "" : "  容错 " + b.exemption_claim_id()) << "\n";
  print_explanation(b.explanation(), lang, "      ", os);
  for (const pb::Citation &c : b.citations()) {
    os << "      [" << c.document()
       << (c.document_number().empty() ? "" : " " + c.document_number())
       << (c.article().empty() ? "" : " " + c.article()) << "; "
       << label_of(static_cast<Verification>(c.verification()), lang) << "]\n";
  }
}

void print_blockers(const google::protobuf::RepeatedPtrField<pb::Blocker> &blockers,
                    const google::protobuf::RepeatedPtrField<pb::Blocker> &waived, Lang lang,
                    std::ostream &os) {
  for (const pb::Blocker &b : blockers) {
    print_blocker(b, lang, os);
  }
  for (const pb::Blocker &b : waived) {
    os << zh_or_en(lang, "  已容错免责：", "  waived by exemption:") << "\n";
    print_blocker(b, lang, os);
  }
}

}  // namespace cadre::cli
