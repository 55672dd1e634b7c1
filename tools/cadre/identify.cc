// cadre identify: precise identification (精准识别) of a roster as of a day:
// the four-type signals (待核实, never a verdict), the reverse evaluation and
// vertical comparison of each team, the horizontal comparison of each peer
// group, the 优秀 quota of each unit and each cadre's 德能勤绩廉 profile. The
// operation identify of the library's table does the work.
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

#include "cadre/v1/identification_service.pb.h"
#include "cli.hpp"

namespace cadre::cli {
namespace pb = ::cadre::v1;

namespace {

std::string fixed(double v, int digits = 1) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(digits) << v;
  return os.str();
}

std::string type_name(pb::FourType t, Lang lang) {
  switch (t) {
    case pb::FOUR_TYPE_OCCUPYING:
      return std::string(zh_or_en(lang, "占位型", "占位型 (holding the seat)"));
    case pb::FOUR_TYPE_DORMANT:
      return std::string(zh_or_en(lang, "休眠型", "休眠型 (dormant)"));
    case pb::FOUR_TYPE_DISPIRITED:
      return std::string(zh_or_en(lang, "颓废型", "颓废型 (dispirited)"));
    case pb::FOUR_TYPE_MEDIOCRE:
      return std::string(zh_or_en(lang, "平庸型", "平庸型 (mediocre)"));
    default:
      return "?";
  }
}

const std::string &text(const pb::LocalizedText &t, Lang lang) {
  return lang == Lang::kEn ? t.en() : t.zh_cn();
}

void print_text(const pb::LocalizedText &t, Lang lang, std::ostream &os) {
  os << text(t, lang) << "\n";
  if (lang == Lang::kBoth) {
    os << t.en() << "\n";
  }
}

// The sections of the response, each only when it has rows.
void print_rows(const pb::IdentifyResponse &r, Lang lang) {
  std::ostream &os = std::cout;
  if (r.signals_size() > 0) {
    os << zh_or_en(lang, "== 四种类型信号（待核实，不是结论）==",
                   "== Four-type signals (needs verification, never a verdict) ==")
       << "\n";
    for (const pb::FourTypeSignal &s : r.signals()) {
      os << s.cadre_id() << "  " << type_name(s.type(), lang) << "  "
         << zh_or_en(lang, "待核实", "needs verification") << "\n  ";
      print_text(s.explanation(), lang, os);
    }
  }
  if (r.teams_size() > 0) {
    os << zh_or_en(lang, "== 班子：反向测评与纵向比对 ==",
                   "== Teams: reverse evaluation and vertical comparison ==")
       << "\n";
    for (const pb::TeamIdentification &t : r.teams()) {
      os << t.team_id() << " (" << t.unit_id() << ") " << t.year() << "  "
         << zh_or_en(lang, "成员 ", "members ") << t.members() << "\n";
      for (const pb::ReverseEvaluationCell &c : t.reverse()) {
        os << "  " << c.cadre_id() << "  ";
        if (c.suppressed() == pb::SUPPRESSION_FEWER_RATERS) {
          os << zh_or_en(lang, "不显示：测评人数低于匿名下限",
                         "hidden: fewer raters than the floor");
        } else if (c.suppressed() == pb::SUPPRESSION_COMPLEMENTARY) {
          os << zh_or_en(lang, "不显示：防止推算个人投票",
                         "hidden: so that no vote can be inferred");
        } else {
          os << zh_or_en(lang, "评为最弱 ", "named weakest ") << c.votes_as_weakest() << "/"
             << c.raters() << " (" << fixed(c.share() * 100) << "%)  "
             << zh_or_en(lang, "位次 ", "rank ") << c.rank();
          if (!c.areas_ref().empty()) {
            os << "  " << c.areas_ref();
          }
        }
        os << "\n";
      }
      for (const pb::VerticalComparison &v : t.vertical()) {
        os << "  " << v.cadre_id() << "  " << zh_or_en(lang, "均分 ", "mean ") << fixed(v.mean())
           << "  " << zh_or_en(lang, "与班子均值差 ", "vs team ")
           << (v.difference() >= 0 ? "+" : "") << fixed(v.difference()) << "  " << v.rank() << "/"
           << v.of() << "\n";
      }
    }
  }
  if (r.peer_groups_size() > 0) {
    os << zh_or_en(lang, "== 同岗位横向比对 ==", "== Same post across regions ==") << "\n";
    for (const pb::PeerComparison &g : r.peer_groups()) {
      os << g.group_id() << " " << g.year() << "  " << zh_or_en(lang, "人数 ", "size ") << g.size()
         << "  " << zh_or_en(lang, "地区 ", "regions ") << g.regions();
      if (g.suppressed()) {
        os << "  " << zh_or_en(lang, "人数过少，不显示百分位", "too small: no percentile shown");
      }
      os << "\n";
      for (const pb::PeerPercentile &p : g.rows()) {
        os << "  " << p.cadre_id() << "  " << p.region_code() << "  " << fixed(p.mean()) << "  P"
           << fixed(p.percentile(), 0) << "\n";
      }
    }
  }
  if (r.quotas_size() > 0) {
    os << zh_or_en(lang, "== 优秀等次比例 ==", "== Share of 优秀 ==") << "\n";
    for (const pb::ExcellentQuotaCheck &q : r.quotas()) {
      os << q.unit_id() << "  "
         << (q.leading() ? zh_or_en(lang, "领导职务", "leading posts")
                         : zh_or_en(lang, "职级", "rank only"))
         << "  " << q.year() << "  " << q.excellent() << "/" << q.graded() << " ("
         << fixed(q.share() * 100) << "%)  " << zh_or_en(lang, "上限 ", "cap ") << q.cap_percent()
         << "%  "
         << (q.exceeds() ? zh_or_en(lang, "超过", "EXCEEDS") : zh_or_en(lang, "未超过", "within"))
         << "  " << q.citation().document() << " ["
         << label_of(static_cast<Verification>(q.citation().verification()), lang) << "]\n";
    }
  }
  if (r.profiles_size() > 0) {
    os << zh_or_en(lang, "== 德能勤绩廉画像 ==", "== 德能勤绩廉 profiles ==") << "\n";
    for (const pb::IdentificationProfile &p : r.profiles()) {
      os << p.cadre_id() << "  " << p.unit_id();
      if (p.has_mean()) {
        const pb::DimensionScores &m = p.mean();
        os << "  德" << fixed(m.morality()) << " 能" << fixed(m.ability()) << " 勤"
           << fixed(m.diligence()) << " 绩" << fixed(m.achievement()) << " 廉"
           << fixed(m.integrity());
      }
      os << "  " << zh_or_en(lang, "优秀/称职/基本称职/不称职 ", "grades E/C/B/I ") << p.excellent()
         << "/" << p.competent() << "/" << p.basically_competent() << "/" << p.incompetent()
         << "\n";
    }
  }
  print_errors(r.errors(), lang, std::cout);
}

}  // namespace

int cmd_identify(const service::Operation &op, const Args &args) {
  OperationCommand command(op);
  std::string as_of;
  std::string unit;
  int year = 0;
  int years = 0;
  int floor = 0;
  command.desc.add_options()("as-of", po::value(&as_of), "the day (YYYY-MM-DD, required)")(
      "year", po::value(&year), "the last year looked at (default: the year before --as-of)")(
      "years", po::value(&years), "how many years (default 3)")(
      "unit", po::value(&unit), "answer only for this unit's cadres")(
      "floor", po::value(&floor),
      "anonymity floor: no evaluation statistic for fewer raters (default 5)");
  command.flags = {{"as_of", "--as-of"},
                   {"year", "--year"},
                   {"years", "--years"},
                   {"unit_id", "--unit"},
                   {"parameters.anonymity_floor", "--floor"}};
  if (auto code = command.parse(args)) {
    return *code;
  }
  pb::IdentifyRequest request;
  pb::IdentifyResponse response;
  if (auto code = command.answer(
          request, response,
          [&](pb::IdentifyRequest &r) {
            r.set_as_of(as_of);
            r.set_year(year);
            r.set_years(years);
            r.set_unit_id(unit);
            if (floor != 0) {
              r.mutable_parameters()->set_anonymity_floor(floor);
            }
            return std::optional<int>();
          },
          [&](const pb::IdentifyResponse &r) { print_rows(r, command.lang); })) {
    return *code;
  }
  print_text(response.anonymity_note(), command.lang, std::cout);
  if (command.lang == Lang::kEn) {
    std::cout << count(response.cadres(), "cadre") << " read\n";
  } else {
    std::cout << "读取干部" << response.cadres() << "人\n";
  }
  return kExitOk;
}

}  // namespace cadre::cli
