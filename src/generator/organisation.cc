// The organisation of the synthetic province: regions, units and their posts,
// the slots cadres hold, the calibration of the rates and each cadre's fate.
#include <algorithm>
#include <string>
#include <vector>

#include "generator/province_detail.hpp"

namespace cadre::generator::detail {
namespace {

PostDef post(std::string title, int level, pb::TeamRole role = pb::TEAM_ROLE_UNSPECIFIED,
             Peer peer = Peer::kNone) {
  return PostDef{std::move(title), level, role, peer};
}

void add_posts(std::vector<PostDef> &out, const std::string &title, int level, pb::TeamRole role,
               int count) {
  for (int k = 0; k < count; ++k) out.push_back(post(title, level, role));
}

}  // namespace

Province::Province(Options options, const Rates &rates)
    : options_(std::move(options)), rates_(rates) {
  start_ = options_.end.add_years(-options_.years_of_history);
  fate_start_ =
      options_.end.add_years(-std::min(options_.years_of_history, rates_.history_down_years));
  team_start_ = *Date::from_ymd(options_.end.year() - 3, 10, 1);
  build_regions();
  build_units();
  build_slots();
  calibrate();
}

void Province::build_regions() {
  const std::string p2 = options_.jurisdiction.substr(0, 2);
  regions_.push_back({options_.jurisdiction, "合成省", pb::REGION_LEVEL_PROVINCE, -1, {}});
  constexpr int kCities = 11;
  for (int c = 1; c <= kCities; ++c) {
    const int city = static_cast<int>(regions_.size());
    regions_.push_back({p2 + two(c) + "00",
                        place_name(static_cast<std::uint32_t>(c * 5)) + "市",
                        pb::REGION_LEVEL_CITY,
                        0,
                        {}});
    // 2 districts, 6 counties (7 in the first city), 1 county-level city: 100 in all.
    std::vector<std::pair<int, std::string_view>> codes = {{2, "区"}, {3, "区"}};
    const int counties = c == 1 ? 7 : 6;
    for (int k = 0; k < counties; ++k) codes.emplace_back(21 + k, "县");
    codes.emplace_back(81, "市");
    for (const auto &[code, suffix] : codes) {
      const auto idx = static_cast<std::uint32_t>(regions_.size());
      regions_.push_back({p2 + two(c) + two(code),
                          place_name(idx * 11U + 1U) + std::string(suffix),
                          pb::REGION_LEVEL_COUNTY,
                          city,
                          {}});
    }
  }
}

int Province::add_unit(UnitDef u) {
  const int index = static_cast<int>(units_.size());
  u.id = "u" + pad(static_cast<std::uint64_t>(index) + 1, 5);
  regions_[static_cast<std::size_t>(u.region)].units.push_back(index);
  units_.push_back(std::move(u));
  return index;
}

void Province::build_units() {
  const int n = options_.cadres;
  const int province_departments = std::clamp(n / 1250, 4, 40);
  const int city_departments = std::clamp(n / 1500, 3, 33);
  const int county_departments = std::clamp(n / 2000, 2, 25);
  const int townships = std::clamp(n / 4000, 1, 12);

  constexpr std::array<std::string_view, 40> kDepartments = {"发展和改革",
                                                             "教育",
                                                             "科学技术",
                                                             "工业和信息化",
                                                             "民族宗教",
                                                             "公安",
                                                             "民政",
                                                             "司法",
                                                             "财政",
                                                             "人力资源和社会保障",
                                                             "自然资源",
                                                             "生态环境",
                                                             "住房和城乡建设",
                                                             "交通运输",
                                                             "水利",
                                                             "农业农村",
                                                             "商务",
                                                             "文化和旅游",
                                                             "卫生健康",
                                                             "退役军人事务",
                                                             "应急管理",
                                                             "审计",
                                                             "市场监督管理",
                                                             "广播电视",
                                                             "体育",
                                                             "统计",
                                                             "医疗保障",
                                                             "林业",
                                                             "乡村振兴",
                                                             "机关事务管理",
                                                             "地方金融监督管理",
                                                             "国有资产监督管理",
                                                             "信访",
                                                             "粮食和物资储备",
                                                             "能源",
                                                             "药品监督管理",
                                                             "知识产权",
                                                             "人民防空",
                                                             "数据管理",
                                                             "外事"};
  const auto dept_name = [&](int k) {
    return std::string(kDepartments[static_cast<std::size_t>(k) % kDepartments.size()]);
  };

  // Local leadership units of a region: party committee, government, congress, CPPCC.
  const auto local_units = [&](int region, int level, int parent, const std::string &place,
                               const std::string &gov_head, Peer sec_peer, Peer head_peer) {
    const int deputy = level + 1;
    UnitDef pc;
    pc.name = "中共" + place + "委员会";
    pc.kind = pb::UNIT_KIND_PARTY_COMMITTEE;
    pc.region = region;
    pc.parent = parent;
    pc.level = level;
    pc.local = true;
    pc.posts.push_back(post("书记", level, pb::TEAM_ROLE_PRINCIPAL, sec_peer));
    add_posts(pc.posts, "副书记", deputy, pb::TEAM_ROLE_DEPUTY, level == kPP ? 2 : 1);
    add_posts(pc.posts, "常委", deputy, pb::TEAM_ROLE_MEMBER, level == kCP ? 7 : 8);
    const int committee = add_unit(pc);
    UnitDef gov;
    gov.name = place + "人民政府";
    gov.kind = pb::UNIT_KIND_GOVERNMENT;
    gov.region = region;
    gov.parent = parent;
    gov.level = level;
    gov.local = true;
    gov.posts.push_back(post(gov_head, level, pb::TEAM_ROLE_PRINCIPAL, head_peer));
    add_posts(gov.posts, "副" + gov_head, deputy, pb::TEAM_ROLE_DEPUTY, level == kCP ? 5 : 6);
    add_unit(gov);
    UnitDef npc;
    npc.name = place + "人大常委会";
    npc.kind = pb::UNIT_KIND_PEOPLES_CONGRESS;
    npc.region = region;
    npc.parent = parent;
    npc.level = level;
    npc.posts.push_back(post("主任", level, pb::TEAM_ROLE_PRINCIPAL));
    add_posts(npc.posts, "副主任", deputy, pb::TEAM_ROLE_DEPUTY, level == kCP ? 3 : 5);
    add_unit(npc);
    UnitDef cppcc;
    cppcc.name = "政协" + place + "委员会";
    cppcc.kind = pb::UNIT_KIND_CPPCC;
    cppcc.region = region;
    cppcc.parent = parent;
    cppcc.level = level;
    cppcc.posts.push_back(post("主席", level, pb::TEAM_ROLE_PRINCIPAL));
    add_posts(cppcc.posts, "副主席", deputy, pb::TEAM_ROLE_DEPUTY, level == kCP ? 3 : 5);
    add_unit(cppcc);
    return committee;
  };

  // A department: head, deputies, sections (the filler).
  const auto department = [&](int region, int parent, int level, pb::UnitKind kind,
                              std::string name, std::string_view head, int deputies,
                              std::string_view section, int sections) {
    UnitDef d;
    d.name = std::move(name);
    d.kind = kind;
    d.region = region;
    d.parent = parent;
    d.level = level;
    d.posts.push_back(post(std::string(head), level, pb::TEAM_ROLE_PRINCIPAL));
    add_posts(d.posts, "副" + std::string(head), std::min(level + 1, kTD), pb::TEAM_ROLE_DEPUTY,
              deputies);
    const int sec = std::min(level + 2, kTD);
    const int dsec = std::min(level + 3, kTD);
    for (int k = 0; k < sections; ++k) {
      d.posts.push_back(post(std::string(section), sec));
      d.posts.push_back(post("副" + std::string(section), dsec));
    }
    d.filler = {post(std::string(section), sec), post("副" + std::string(section), dsec)};
    d.takes_filler = true;
    return add_unit(d);
  };

  // Province.
  province_committee_ = local_units(0, kPP, -1, "合成省", "省长", Peer::kNone, Peer::kNone);
  department(0, province_committee_, kPD, pb::UNIT_KIND_SUPERVISION, "合成省纪委监委", "书记", 4,
             "室主任", 2);
  department(0, province_committee_, kPD, pb::UNIT_KIND_COURT, "合成省高级人民法院", "院长", 4,
             "庭长", 2);
  department(0, province_committee_, kPD, pb::UNIT_KIND_PROCURATORATE, "合成省人民检察院", "检察长",
             4, "处长", 2);
  constexpr std::array<std::string_view, 4> kPartyDepartments = {"组织部", "宣传部", "统战部",
                                                                 "政法委员会"};
  for (const auto &name : kPartyDepartments) {
    department(0, province_committee_, kBP, pb::UNIT_KIND_PARTY_DEPARTMENT,
               "中共合成省委" + std::string(name), name == "政法委员会" ? "书记" : "部长", 4,
               "处长", 5);
  }
  for (int k = 0; k < province_departments; ++k) {
    department(0, province_committee_ + 1, kBP, pb::UNIT_KIND_GOVERNMENT_DEPARTMENT,
               "合成省" + dept_name(k) + "厅", "厅长", 4, "处长", 6);
  }
  department(0, province_committee_, kBP, pb::UNIT_KIND_MASS_ORGANISATION, "合成省总工会", "主席",
             3, "部长", 2);
  department(0, province_committee_ + 1, kBD, pb::UNIT_KIND_PUBLIC_INSTITUTION, "合成省社会科学院",
             "院长", 3, "所长", 3);
  department(0, province_committee_ + 1, kBP, pb::UNIT_KIND_STATE_ENTERPRISE,
             "合成省投资集团有限公司", "董事长", 4, "部门经理", 3);

  // Cities and their counties.
  for (int region = 1; region < static_cast<int>(regions_.size()); ++region) {
    const RegionDef &rd = regions_[static_cast<std::size_t>(region)];
    if (rd.level == pb::REGION_LEVEL_CITY) {
      const std::string city_name = rd.name;
      const int committee = local_units(region, kBP, province_committee_, city_name, "市长",
                                        Peer::kCitySecretary, Peer::kMayor);
      for (int k = 0; k < city_departments; ++k) {
        department(region, committee + 1, kCP, pb::UNIT_KIND_GOVERNMENT_DEPARTMENT,
                   city_name + dept_name(k) + "局", "局长", 3, "科长", 4);
      }
      continue;
    }
    const std::string county_name = rd.name;
    const std::string head = county_name.substr(county_name.size() - 3) == "县"   ? "县长"
                             : county_name.substr(county_name.size() - 3) == "区" ? "区长"
                                                                                  : "市长";
    const int city_committee = regions_[static_cast<std::size_t>(rd.parent)].units.empty()
                                   ? province_committee_
                                   : regions_[static_cast<std::size_t>(rd.parent)].units.front();
    const int committee = local_units(region, kCP, city_committee, county_name, head,
                                      Peer::kCountySecretary, Peer::kCountyHead);
    for (int k = 0; k < county_departments; ++k) {
      department(region, committee + 1, kTP, pb::UNIT_KIND_GOVERNMENT_DEPARTMENT,
                 county_name + dept_name(k) + "局", "局长", 3, "股长", 0);
      // County departments' sections are below 乡科级: their extra posts are deputies.
      units_.back().filler = {post("副局长", kTD), post("党组成员", kTD)};
    }
    for (int k = 0; k < townships; ++k) {
      UnitDef t;
      t.name = place_name(static_cast<std::uint32_t>(units_.size())) + (k % 3 == 0 ? "乡" : "镇");
      t.kind = pb::UNIT_KIND_TOWNSHIP;
      t.region = region;
      t.parent = committee;
      t.level = kTP;
      t.local = true;
      t.posts.push_back(post("党委书记", kTP, pb::TEAM_ROLE_PRINCIPAL, Peer::kTownshipSecretary));
      t.posts.push_back(
          post(k % 3 == 0 ? "乡长" : "镇长", kTP, pb::TEAM_ROLE_PRINCIPAL, Peer::kTownshipHead));
      t.posts.push_back(post("党委副书记", kTD, pb::TEAM_ROLE_DEPUTY));
      add_posts(t.posts, k % 3 == 0 ? "副乡长" : "副镇长", kTD, pb::TEAM_ROLE_DEPUTY, 3);
      add_posts(t.posts, "党委委员", kTD, pb::TEAM_ROLE_MEMBER, 3);
      t.filler = {post("站所长", kTD), post("党委委员", kTD)};
      t.takes_filler = true;
      add_unit(t);
    }
  }
}

void Province::build_slots() {
  // Breadth first over positions: every unit's principal first, then every
  // unit's second post, and so on, until the cadres run out.
  std::size_t most = 0;
  for (const UnitDef &u : units_) most = std::max(most, u.posts.size());
  by_unit_.assign(units_.size(), {});
  for (std::size_t u = 0; u < units_.size(); ++u) by_unit_[u].assign(units_[u].posts.size(), -1);
  const auto n = static_cast<std::size_t>(options_.cadres);
  for (std::size_t j = 0; j < most && core_.size() < n; ++j) {
    for (std::size_t u = 0; u < units_.size() && core_.size() < n; ++u) {
      if (j < units_[u].posts.size()) {
        by_unit_[u][j] = static_cast<int>(core_.size());
        core_.push_back({static_cast<int>(u), static_cast<int>(j), 0});
      }
    }
  }
  for (std::size_t u = 0; u < units_.size(); ++u) {
    if (units_[u].takes_filler) filler_units_.push_back(static_cast<int>(u));
  }
}

Slot Province::slot(int i) const {
  const auto core = static_cast<int>(core_.size());
  if (i < core) return core_[static_cast<std::size_t>(i)];
  const int f = i - core;
  const auto nf = static_cast<int>(filler_units_.size());
  return {filler_units_[static_cast<std::size_t>(f % nf)], -1, (f / nf) % 2};
}

const PostDef &Province::post_of(const Slot &s) const {
  const UnitDef &u = units_[static_cast<std::size_t>(s.unit)];
  return s.post >= 0 ? u.posts[static_cast<std::size_t>(s.post)]
                     : u.filler[static_cast<std::size_t>(s.filler)];
}

void Province::calibrate() {
  // Share of cadres at 厅局级 and above, from the slots themselves.
  int bureau = 0;
  for (int i = 0; i < options_.cadres; ++i) {
    if (post_of(slot(i)).level <= kBD) ++bureau;
  }
  const double n = options_.cadres;
  const double bureau_share = std::max(bureau / n, 1e-9);
  const double per_year = rates_.down_per_two_years() / 2.0;
  const double bureau_down_share =
      static_cast<double>(rates_.reference_bureau) / static_cast<double>(rates_.reference_down);
  cal_.down_bureau = std::min(1.0, per_year * bureau_down_share / bureau_share);
  cal_.down_other = bureau_share >= 1 ? 0 : per_year * (1 - bureau_down_share) / (1 - bureau_share);
  const double down = rates_.reference_down;
  cal_.share[pb::CHANNEL_AGE_LIMIT] = rates_.share_age_limit;
  cal_.share[pb::CHANNEL_TERM] = rates_.share_term;
  cal_.share[pb::CHANNEL_ACCOUNTABILITY] = rates_.reference_accountability / down;
  cal_.share[pb::CHANNEL_UNSUITABLE] = rates_.reference_unsuitable / down;
  cal_.share[pb::CHANNEL_UNABLE_TO_PERFORM] = rates_.share_unable;
  cal_.share[pb::CHANNEL_VOLUNTARY_RESIGNATION] = rates_.share_resignation;
  cal_.share[pb::CHANNEL_VIOLATION] = rates_.share_violation;
}

Date Province::random_day(Rng &r, Date from, Date to) {
  if (to <= from) return from;
  return from.add_days(r.range(0, to.serial() - from.serial()));
}

Fate Province::fate(int i) const {
  Rng r(options_.seed, Stream::kFate, static_cast<std::uint64_t>(i));
  Fate f;
  const int level = post_of(slot(i)).level;
  const double years = (options_.end.serial() - fate_start_.serial()) / 365.25;
  const double p = (level <= kBD ? cal_.down_bureau : cal_.down_other) * years;
  if (!r.chance(p)) return f;
  // Channel by its share (integer weights in millionths).
  std::array<std::uint32_t, 8> w{};
  std::uint32_t total = 0;
  for (std::size_t c = 1; c < w.size(); ++c) {
    w[c] = static_cast<std::uint32_t>(cal_.share[c] * 1e6);
    total += w[c];
  }
  std::uint32_t x = r.below(total);
  std::size_t c = 1;
  while (c + 1 < w.size() && x >= w[c]) {
    x -= w[c];
    ++c;
  }
  f.channel = static_cast<pb::Channel>(c);
  f.when = random_day(r, fate_start_.add_days(1), options_.end);
  const bool recent = options_.end.serial() - f.when.serial() <= 120;
  if (f.channel == pb::CHANNEL_AGE_LIMIT) {
    f.pending =
        options_.end.serial() - f.when.serial() <= 365 && r.chance(rates_.age_limit_pending * 2);
  } else {
    f.pending = recent && r.chance(rates_.not_executed);
  }
  return f;
}

int Province::prior_posts(int i) const {
  Rng r(options_.seed, Stream::kHistory, static_cast<std::uint64_t>(i));
  return r.range(1, 3);
}

bool Province::jx(Date day) const {
  return options_.jurisdiction.rfind("36", 0) == 0 && day <= *Date::from_ymd(2022, 9, 7);
}

std::string Province::rule(Date day, std::string_view suffix) {
  const bool old = day <= *Date::from_ymd(2022, 9, 7);
  return std::string(old ? "cn-2015." : "cn-2022.") + std::string(suffix);
}

}  // namespace cadre::generator::detail
