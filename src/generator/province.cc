#include "generator/province.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/enums.hpp"
#include "cadre/rules/retirement.hpp"
#include "codec/stream.hpp"

namespace cadre::generator {
namespace pb = ::cadre::v1;

namespace {

// ---------------------------------------------------------------------------
// Randomness: splitmix64 seeds xoshiro256**; every sample is integer
// arithmetic, so the bytes are the same on every platform. Each cadre has its
// own streams (keyed by seed, purpose and index), so a cadre does not depend
// on the ones before it and the organisation can ask about any cadre cheaply.

std::uint64_t splitmix64(std::uint64_t &state) noexcept {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31U);
}

constexpr std::uint64_t rotl(std::uint64_t x, unsigned k) noexcept {
  return (x << k) | (x >> (64U - k));
}

enum class Stream : std::uint64_t { kCadre = 1, kFate = 2, kHistory = 3, kOrganisation = 4 };

class Rng {
 public:
  Rng(std::uint64_t seed, Stream stream, std::uint64_t index) noexcept {
    std::uint64_t s = seed ^ (static_cast<std::uint64_t>(stream) * 0xD1B54A32D192ED03ULL) ^
                      (index * 0x8CB92BA72F3D8DD7ULL);
    for (std::uint64_t &w : s_) w = splitmix64(s);
  }

  std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5U, 7U) * 9U;
    const std::uint64_t t = s_[1] << 17U;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45U);
    return result;
  }

  /** Uniform in [0, n) (Lemire's method without bias); 0 when n is 0. */
  std::uint32_t below(std::uint32_t n) noexcept {
    if (n == 0) return 0;
    std::uint64_t m = (next() >> 32U) * n;
    auto low = static_cast<std::uint32_t>(m);
    if (low < n) {
      const std::uint32_t threshold = (0U - n) % n;
      while (low < threshold) {
        m = (next() >> 32U) * n;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32U);
  }

  /** Uniform in [lo, hi]; lo when hi < lo. */
  int range(int lo, int hi) noexcept {
    if (hi <= lo) return lo;
    return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo) + 1U));
  }

  /** True with probability @p p: the comparison is on 53-bit integers. */
  bool chance(double p) noexcept {
    if (p <= 0) return false;
    if (p >= 1) return true;
    const auto threshold = static_cast<std::uint64_t>(p * 9007199254740992.0);
    return (next() >> 11U) < threshold;
  }

  template <typename T, std::size_t N>
  const T &pick(const std::array<T, N> &items) noexcept {
    return items[below(static_cast<std::uint32_t>(N))];
  }

 private:
  std::array<std::uint64_t, 4> s_{};
};

// ---------------------------------------------------------------------------
// Names: fictitious combinations of syllables.

constexpr std::array<std::string_view, 40> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
    "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "邓",
    "冯", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余"};
constexpr std::array<std::string_view, 48> kGiven = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "桂", "华", "建", "国", "文", "海", "云", "峰", "辉", "斌", "宁",
    "志", "红", "春", "晓", "立", "新", "东", "玉", "成", "永", "良", "德", "清", "雪", "荣", "林"};
constexpr std::array<std::string_view, 24> kPlace = {
    "青", "云", "安", "平", "丰", "宁", "和", "泰", "兴", "瑞", "川", "阳",
    "溪", "岭", "江", "林", "源", "昌", "德", "乐", "远", "南", "庆", "华"};

std::string person_name(Rng &r) {
  std::string s(r.pick(kSurnames));
  s += r.pick(kGiven);
  if (r.below(4) != 0) s += r.pick(kGiven);
  return s;
}

// A place name from its index: distinct for the first 24 * 24 indices.
std::string place_name(std::uint32_t index) {
  std::string s(kPlace[index % kPlace.size()]);
  s += kPlace[(index / kPlace.size() + std::size_t{index} * 7U + 3U) % kPlace.size()];
  return s;
}

std::string pad(std::uint64_t n, std::size_t width) {
  std::string s = std::to_string(n);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

std::string cadre_id(int i) { return "c" + pad(static_cast<std::uint64_t>(i) + 1, 6); }

std::string two(int n) { return pad(static_cast<std::uint64_t>(n), 2); }

// ---------------------------------------------------------------------------
// Ranks.

constexpr int kPP = pb::RANK_LEVEL_PROVINCE_PRINCIPAL;
constexpr int kPD = pb::RANK_LEVEL_PROVINCE_DEPUTY;
constexpr int kBP = pb::RANK_LEVEL_BUREAU_PRINCIPAL;
constexpr int kBD = pb::RANK_LEVEL_BUREAU_DEPUTY;
constexpr int kCP = pb::RANK_LEVEL_COUNTY_PRINCIPAL;
constexpr int kCD = pb::RANK_LEVEL_COUNTY_DEPUTY;
constexpr int kTP = pb::RANK_LEVEL_TOWNSHIP_PRINCIPAL;
constexpr int kTD = pb::RANK_LEVEL_TOWNSHIP_DEPUTY;

pb::RankLevel rank(int level) { return static_cast<pb::RankLevel>(level); }

// Age at the end date, by rank: the youngest and the oldest (below the limit). ASSUMPTION.
std::pair<int, int> age_range(int level) {
  switch (level) {
    case kPP:
      return {54, 63};
    case kPD:
      return {50, 62};
    case kBP:
      return {45, 59};
    case kBD:
      return {40, 59};
    case kCP:
      return {36, 59};
    case kCD:
      return {31, 58};
    case kTP:
      return {28, 57};
    default:
      return {25, 56};
  }
}

// ---------------------------------------------------------------------------
// The organisation: regions, units and their posts. Cadre i holds slot i.

enum class Peer : std::uint8_t {
  kNone,
  kCitySecretary,
  kMayor,
  kCountySecretary,
  kCountyHead,
  kTownshipSecretary,
  kTownshipHead,
  kCount
};

constexpr std::array<std::string_view, 7> kPeerId = {"",
                                                     "pg-city-secretary",
                                                     "pg-mayor",
                                                     "pg-county-secretary",
                                                     "pg-county-head",
                                                     "pg-township-secretary",
                                                     "pg-township-head"};
constexpr std::array<std::string_view, 7> kPeerName = {
    "", "市委书记", "市长", "县（市、区）委书记", "县（市、区）长", "乡镇党委书记", "乡镇长"};

struct PostDef {
  std::string title;
  int level = kTD;
  pb::TeamRole role = pb::TEAM_ROLE_UNSPECIFIED;
  Peer peer = Peer::kNone;
};

struct UnitDef {
  std::string id;
  std::string name;
  pb::UnitKind kind = pb::UNIT_KIND_UNSPECIFIED;
  int region = 0;  // index into regions
  int parent = -1;
  int level = kTD;
  bool local = false;  // 地方党委、政府 (and 乡镇党委、政府)
  std::vector<PostDef> posts;
  // Extra posts beyond the core, alternating: filler[0], filler[1].
  std::array<PostDef, 2> filler;
  bool takes_filler = false;
};

struct RegionDef {
  std::string code;
  std::string name;
  pb::RegionLevel level = pb::REGION_LEVEL_UNSPECIFIED;
  int parent = -1;
  std::vector<int> units;
};

struct Slot {
  int unit = 0;
  int post = 0;  // index into the unit's posts, or -1 for a filler post
  int filler = 0;
};

// The fate of a cadre: the one "down" of the history, if any.
struct Fate {
  pb::Channel channel = pb::CHANNEL_UNSPECIFIED;
  Date when;             // day of the down (or the day the age limit was reached)
  bool pending = false;  // decided but not executed (still in post); age limit: no adjustment
};

struct Calibration {
  double down_bureau = 0;         // per cadre and year, 厅局级 and above
  double down_other = 0;          // per cadre and year, below
  std::array<double, 8> share{};  // share of downs per channel
};

class Province {
 public:
  Province(Options options, const Rates &rates);

  Status emit(const Sink &sink) const;

 private:
  void build_regions();
  int add_unit(UnitDef u);
  void build_units();
  void build_slots();
  void calibrate();

  [[nodiscard]] Slot slot(int i) const;
  [[nodiscard]] const PostDef &post_of(const Slot &s) const;
  [[nodiscard]] Fate fate(int i) const;
  [[nodiscard]] int prior_posts(int i) const;
  [[nodiscard]] static std::string rule(Date day, std::string_view suffix);
  [[nodiscard]] bool jx(Date day) const;
  [[nodiscard]] Date clamp_end(Date d) const { return std::min(d, options_.end); }
  [[nodiscard]] static Date random_day(Rng &r, Date from, Date to);

  void make_cadre(int i, pb::Cadre &c) const;

  Options options_;
  Rates rates_;
  Date start_;       // end - years_of_history
  Date fate_start_;  // first day a down may happen
  Date team_start_;
  std::vector<RegionDef> regions_;
  std::vector<UnitDef> units_;
  std::vector<Slot> core_;                 // the core posts in the order cadres take them
  std::vector<int> filler_units_;          // units that take extra posts
  std::vector<std::vector<int>> by_unit_;  // unit -> cadre indices of its core posts (-1 unfilled)
  int province_committee_ = 0;
  Calibration cal_;
};

// ---------------------------------------------------------------------------

PostDef post(std::string title, int level, pb::TeamRole role = pb::TEAM_ROLE_UNSPECIFIED,
             Peer peer = Peer::kNone) {
  return PostDef{std::move(title), level, role, peer};
}

void add_posts(std::vector<PostDef> &out, const std::string &title, int level, pb::TeamRole role,
               int count) {
  for (int k = 0; k < count; ++k) out.push_back(post(title, level, role));
}

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

// ---------------------------------------------------------------------------
// One cadre.

struct Ids {
  int post = 0, incident = 0, decision = 0, party = 0, gov = 0, warning = 0, investigation = 0,
      claim = 0, adjustment = 0, health = 0, study = 0, resignation = 0, family = 0, refusal = 0,
      candidacy = 0, plan = 0;
};

std::string id(std::string_view prefix, int &counter) {
  return std::string(prefix) + std::to_string(++counter);
}

constexpr std::array<std::string_view, 5> kTrainings = {
    "党性教育专题培训", "履职能力提升班", "基层治理专题研修", "作风建设专题培训", "业务知识轮训"};
constexpr std::array<std::string_view, 4> kTasks = {"乡村振兴驻村帮扶", "信访积案化解专项工作",
                                                    "重点项目攻坚", "安全生产专项整治"};

void Province::make_cadre(int i, pb::Cadre &c) const {
  c.Clear();
  Rng r(options_.seed, Stream::kCadre, static_cast<std::uint64_t>(i));
  const Slot s = slot(i);
  const PostDef &pd = post_of(s);
  const UnitDef &unit = units_[static_cast<std::size_t>(s.unit)];
  const std::string &region_code = regions_[static_cast<std::size_t>(unit.region)].code;
  const Fate f = fate(i);
  const Date end = options_.end;
  Ids ids;

  c.set_id(cadre_id(i));
  c.set_name(person_name(r));
  c.set_file_number("D" + pad(static_cast<std::uint64_t>(r.below(100'000'000U)), 8));
  c.set_unit_id(unit.id);
  const double female = pd.level <= kPD   ? rates_.female_province
                        : pd.level <= kBD ? rates_.female_bureau
                        : pd.level <= kCD ? rates_.female_county
                                          : rates_.female_township;
  const bool is_female = r.chance(female);
  const Sex sex = is_female ? Sex::kFemale : Sex::kMale;
  c.set_sex(is_female ? pb::SEX_FEMALE : pb::SEX_MALE);
  c.set_birth_date_source(r.chance(rates_.certified_birth_date)
                              ? pb::BIRTH_DATE_SOURCE_PERSONNEL_FILE
                              : pb::BIRTH_DATE_SOURCE_IDENTITY_CARD);
  const RetirementPolicy policy = RetirementPolicy::national();
  const auto limit_day = [&](Date birth) {
    const auto age = retirement_age(sex, birth, static_cast<RankLevel>(pd.level), policy);
    return age ? age->reached_on : birth.add_years(60);
  };

  // Birth: the age limit falls on the down day for the age-limit channel; else
  // the cadre is below the limit at the end.
  Date birth;
  if (f.channel == pb::CHANNEL_AGE_LIMIT) {
    const Date target =
        f.pending ? end.add_days(-r.range(1, 180)) : f.when.add_days(-r.range(0, 25));
    birth = target.add_years(-60);
    for (int k = 0; k < 4; ++k) birth = birth.add_days(target.serial() - limit_day(birth).serial());
  } else {
    const auto [lo, hi] = age_range(pd.level);
    birth = end.add_years(-r.range(lo, hi)).add_days(-r.range(0, 364));
    for (int k = 0; k < 4 && limit_day(birth) <= end; ++k) {
      birth = birth.add_days(limit_day(birth).serial() - end.serial() + r.range(30, 700));
    }
  }
  c.set_birth_date(birth.to_string());

  // Posts: the prior posts, the slot's post, and after a down the post taken.
  const int priors = prior_posts(i);
  const Date latest_start =
      f.channel != pb::CHANNEL_UNSPECIFIED ? f.when.add_days(-200) : end.add_days(-30);
  Date slot_start = latest_start.add_days(-r.range(0, 365 * 6));
  const Date youngest_start = birth.add_years(22 + priors * 2);
  slot_start = std::max(slot_start, std::min(youngest_start, latest_start));
  // Starts of the prior posts, oldest first.
  std::vector<Date> prior(static_cast<std::size_t>(priors));
  {
    Date cursor = slot_start;
    for (std::size_t k = prior.size(); k-- > 0;) {
      cursor = cursor.add_months(-r.range(24, 60));
      prior[k] = cursor;
    }
  }
  if (prior.front() > start_) {  // the history covers at least the years asked
    prior.front() = start_.add_days(-r.range(0, 365));
  }
  const Date floor_start = birth.add_years(18);
  if (prior.front() < floor_start) {  // a very young cadre: the first post starts at 18
    prior.front() = floor_start;
  }
  bool ordered = prior.back() < slot_start;
  for (std::size_t k = 1; k < prior.size(); ++k) ordered = ordered && prior[k - 1] < prior[k];
  if (!ordered) {  // spread evenly between the first start and the slot's post
    const int span = std::max(0, slot_start.serial() - prior.front().serial());
    for (std::size_t k = 1; k < prior.size(); ++k) {
      prior[k] = prior.front().add_days(span * static_cast<int>(k) / priors);
    }
  }
  const Date first = prior.front();
  const Date work_start = std::max(birth.add_years(18), first.add_days(-r.range(0, 900)));
  c.set_work_start_date(work_start.to_string());
  c.set_grassroots_months(r.range(0, 120));
  c.set_education(static_cast<pb::EducationLevel>(r.range(3, 6)));
  if (r.chance(rates_.party_members) || pd.level <= kBD || unit.local) {
    c.set_party_member(true);
    c.set_party_joined_on(
        std::max(birth.add_years(18), work_start.add_days(-r.range(0, 1500))).to_string());
  }

  const bool promoted = r.chance(rates_.promotion_into_post) && pd.level < kTD + 1;
  const auto local_leader = [](const UnitDef &u, const PostDef &p) {
    return u.local && p.role != pb::TEAM_ROLE_UNSPECIFIED;
  };
  const auto add_terms = [&](pb::Post &p, Date from, Date to) {
    int number = 1;
    for (Date t = from; t <= to && number <= 3; t = t.add_years(5), ++number) {
      pb::TermOfOffice *term = p.add_terms();
      term->set_number(number);
      term->set_start_date(t.to_string());
      const Date term_end = t.add_years(5).add_days(-1);
      if (term_end < to) term->set_end_date(term_end.to_string());
    }
  };
  // Prior posts: in the same region, one rank lower before a promotion.
  const auto &region_units = regions_[static_cast<std::size_t>(unit.region)].units;
  for (std::size_t k = 0; k < prior.size(); ++k) {
    const bool last = k + 1 == prior.size();
    const int level = std::min(
        kTD, pd.level + (last && promoted ? 1 : 0) + static_cast<int>(prior.size() - 1 - k) / 2);
    const UnitDef *pu = &unit;
    const PostDef *pp = nullptr;
    for (int attempt = 0; attempt < 6 && pp == nullptr; ++attempt) {
      const UnitDef &cand = units_[static_cast<std::size_t>(
          region_units[r.below(static_cast<std::uint32_t>(region_units.size()))])];
      for (const PostDef &d : cand.posts) {
        if (d.level == level) {
          pu = &cand;
          pp = &d;
          break;
        }
      }
    }
    pb::Post *p = c.add_posts();
    p->set_id(id("p", ids.post));
    p->set_unit_id(pu->id);
    p->set_region_code(regions_[static_cast<std::size_t>(pu->region)].code);
    if (pp != nullptr) {
      p->set_title(pp->title);
      p->set_kind(pb::POST_KIND_LEADERSHIP);
      p->set_local_party_or_government_leader(local_leader(*pu, *pp));
    } else {
      p->set_title("一级主任科员");
      p->set_kind(pb::POST_KIND_RANK_ONLY);
    }
    p->set_rank_level(rank(level));
    p->set_appointment(pp != nullptr && local_leader(*pu, *pp) ? pb::APPOINTMENT_MODE_ELECTED
                                                               : pb::APPOINTMENT_MODE_APPOINTED);
    const Date from = prior[k];
    const Date to = (last ? slot_start : prior[k + 1]).add_days(-1);
    p->set_start_date(from.to_string());
    p->set_end_date(std::max(from, to).to_string());
    p->set_end_reason(last && promoted ? pb::POST_END_REASON_PROMOTION
                                       : pb::POST_END_REASON_TRANSFER);
    if (p->local_party_or_government_leader()) add_terms(*p, from, std::max(from, to));
  }

  // The slot's post.
  pb::Post *sp = c.add_posts();
  sp->set_id(id("p", ids.post));
  sp->set_unit_id(unit.id);
  sp->set_title(pd.title);
  sp->set_rank_level(rank(pd.level));
  sp->set_kind(pb::POST_KIND_LEADERSHIP);
  sp->set_start_date(slot_start.to_string());
  sp->set_region_code(region_code);
  const bool is_local = local_leader(unit, pd);
  sp->set_local_party_or_government_leader(is_local);
  sp->set_appointment(is_local ? pb::APPOINTMENT_MODE_ELECTED : pb::APPOINTMENT_MODE_APPOINTED);
  if (pd.peer != Peer::kNone)
    sp->set_peer_group_id(std::string(kPeerId[static_cast<std::size_t>(pd.peer)]));
  if (promoted) {
    pb::Probation *pr = sp->mutable_probation();
    const Date pend = slot_start.add_years(1).add_days(-1);
    pr->set_start_date(slot_start.to_string());
    pr->set_end_date(pend.to_string());
    pr->set_result(pend < end ? pb::PROBATION_RESULT_PASSED : pb::PROBATION_RESULT_RUNNING);
    sp->set_exceptional_promotion(r.chance(rates_.exceptional_promotion));
  }
  // When the cadre left the slot's post (a down), and whether the post ended.
  const bool down = f.channel != pb::CHANNEL_UNSPECIFIED;
  const bool age_pending = f.channel == pb::CHANNEL_AGE_LIMIT && f.pending;
  const bool executed = down && !f.pending;
  const Date slot_end = executed ? f.when : end;
  if (is_local) add_terms(*sp, slot_start, slot_end);

  // -- Records accumulated below, in their lists. ---------------------------
  const Date active_end = slot_end;  // after retirement nothing more happens
  const bool retired = executed && (f.channel == pb::CHANNEL_AGE_LIMIT ||
                                    f.channel == pb::CHANNEL_VOLUNTARY_RESIGNATION);
  const Date life_end = retired ? active_end : end;
  const Date hist_from = std::max(first, start_);

  const auto add_incident = [&](Date occurred, std::string situation, pb::Severity severity,
                                bool verified) {
    pb::Incident *in = c.add_incidents();
    in->set_id(id("i", ids.incident));
    in->set_occurred_on(occurred.to_string());
    in->set_recorded_on(clamp_end(occurred.add_days(r.range(3, 60))).to_string());
    in->set_situation_id(std::move(situation));
    in->set_severity(severity);
    in->set_responsibility(static_cast<pb::Responsibility>(r.range(1, 4)));
    in->add_evidence_refs("E" + pad(r.below(1'000'000U), 6));
    in->set_verified(verified);
    return in;
  };
  const auto add_warning = [&](pb::EarlyWarningKind kind, Date issued, bool corrected) {
    pb::EarlyWarning *w = c.add_early_warnings();
    w->set_id(id("w", ids.warning));
    w->set_kind(kind);
    w->set_issued_on(issued.to_string());
    if (kind == pb::EARLY_WARNING_KIND_INQUIRY_LETTER) {
      const Date replied = issued.add_days(r.range(5, 15));
      if (replied <= end) w->set_replied_on(replied.to_string());
    }
    if (kind == pb::EARLY_WARNING_KIND_ADMONISHMENT) {
      const Date self = issued.add_days(r.range(5, 20));
      if (self <= end) w->set_self_examination_on(self.to_string());
    }
    const Date review = issued.add_months(6);
    if (review <= end) {
      w->set_reviewed_on(review.to_string());
      w->set_corrected(corrected);
    }
    return w;
  };
  const auto add_decision = [&](const std::string &incident, Date decided,
                                const std::vector<pb::AccountabilityForm> &forms,
                                const std::vector<pb::OrganisationalMeasure> &measures) {
    pb::AccountabilityDecision *d = c.add_accountability_decisions();
    d->set_id(id("d", ids.decision));
    d->add_incident_ids(incident);
    for (auto fm : forms) d->add_forms(fm);
    for (auto m : measures) d->add_measures(m);
    d->set_authority(r.chance(0.5) ? pb::AUTHORITY_KIND_PARTY_COMMITTEE
                                   : pb::AUTHORITY_KIND_DISCIPLINE_COMMISSION);
    d->set_document_number("合纪问〔" + std::to_string(decided.year()) + "〕" +
                           std::to_string(r.range(1, 300)) + "号");
    d->set_decided_on(decided.to_string());
    d->set_received_on(clamp_end(decided.add_days(r.range(1, 10))).to_string());
    return d;
  };
  const auto year_day = [&](Rng &rr, Date from, Date to) { return random_day(rr, from, to); };

  // -- The down. ---------------------------------------------------------------
  if (down && !age_pending) {
    const Date d = f.when;
    const Date decided = d.add_days(-r.range(0, 20));
    const Date proposed = decided.add_days(-r.range(15, 90));
    pb::Adjustment adj;
    adj.set_id(id("adj", ids.adjustment));
    adj.set_channel(f.channel);
    adj.set_authority(pd.level <= kBD ? pb::AUTHORITY_KIND_PARTY_COMMITTEE
                                      : pb::AUTHORITY_KIND_ORGANISATION_DEPARTMENT);
    adj.set_document_number("合组干〔" + std::to_string(decided.year()) + "〕" +
                            std::to_string(r.range(1, 500)) + "号");
    adj.set_proposed_on(proposed.to_string());
    adj.set_decided_on(decided.to_string());
    if (executed) adj.set_executed_on(d.to_string());
    adj.set_from_post_id(sp->id());
    pb::PostEndReason reason = pb::POST_END_REASON_REMOVAL;
    bool new_post = true;
    int new_level = pd.level;
    bool new_rank_only = true;
    switch (f.channel) {
      case pb::CHANNEL_AGE_LIMIT:
        adj.set_method(pb::ADJUSTMENT_METHOD_RETIREMENT);
        adj.set_rule_id(rule(d, "age.retirement"));
        reason = pb::POST_END_REASON_AGE_LIMIT;
        new_post = false;
        break;
      case pb::CHANNEL_TERM: {
        adj.set_method(pb::ADJUSTMENT_METHOD_TRANSFER_OUT);
        adj.set_rule_id(rule(d, is_local ? "term.exchange" : "term.years-at-level"));
        reason = is_local ? pb::POST_END_REASON_EXCHANGE : pb::POST_END_REASON_TERM_ENDED;
        new_rank_only = false;
        break;
      }
      case pb::CHANNEL_ACCOUNTABILITY: {
        const std::string situation = jx(d) && r.chance(0.3)
                                          ? "jx.accountability.poverty-alleviation"
                                          : rule(d, "accountability.adjustment");
        const Date occurred = std::max(hist_from, proposed.add_days(-r.range(30, 200)));
        pb::Incident *in = add_incident(
            occurred, situation, r.chance(0.5) ? pb::SEVERITY_SERIOUS : pb::SEVERITY_GRAVE, true);
        constexpr std::array<pb::OrganisationalMeasure, 4> kMeasures = {
            pb::ORGANISATIONAL_MEASURE_POST_ADJUSTMENT, pb::ORGANISATIONAL_MEASURE_REMOVAL,
            pb::ORGANISATIONAL_MEASURE_DEMOTION, pb::ORGANISATIONAL_MEASURE_ORDERED_RESIGNATION};
        const pb::OrganisationalMeasure m = r.pick(kMeasures);
        pb::AccountabilityDecision *dec =
            add_decision(in->id(), std::max(occurred, decided.add_days(-r.range(0, 10))),
                         {pb::ACCOUNTABILITY_FORM_ORGANISATIONAL_ADJUSTMENT}, {m});
        adj.set_basis_id(dec->id());
        adj.set_rule_id(rule(d, "accountability.adjustment"));
        switch (m) {
          case pb::ORGANISATIONAL_MEASURE_POST_ADJUSTMENT:
            adj.set_method(pb::ADJUSTMENT_METHOD_TRANSFER_OUT);
            reason = pb::POST_END_REASON_TRANSFER_OUT;
            break;
          case pb::ORGANISATIONAL_MEASURE_DEMOTION:
            adj.set_method(pb::ADJUSTMENT_METHOD_DEMOTION);
            reason = pb::POST_END_REASON_DEMOTION;
            new_level = std::min(kTD, pd.level + 1);
            new_rank_only = false;
            break;
          case pb::ORGANISATIONAL_MEASURE_ORDERED_RESIGNATION:
            adj.set_method(pb::ADJUSTMENT_METHOD_ORDERED_RESIGNATION);
            reason = pb::POST_END_REASON_ORDERED_RESIGNATION;
            break;
          default:
            adj.set_method(pb::ADJUSTMENT_METHOD_REMOVAL);
            reason = pb::POST_END_REASON_REMOVAL;
            break;
        }
        break;
      }
      case pb::CHANNEL_UNSUITABLE: {
        const bool new_rules = !(d <= *Date::from_ymd(2022, 9, 7));
        const std::uint32_t x = r.below(1000);
        const auto by = [&](double share) { return static_cast<std::uint32_t>(share * 1000); };
        if (x < by(rates_.unsuitable_by_family)) {
          pb::FamilySituation *fs = c.add_family_situations();
          fs->set_id(id("f", ids.family));
          const bool emigrated = r.chance(0.4);
          fs->set_kind(emigrated ? pb::FAMILY_SITUATION_KIND_SPOUSE_EMIGRATED
                                 : pb::FAMILY_SITUATION_KIND_SPOUSE_RUNS_BUSINESS);
          fs->set_since(std::max(hist_from, proposed.add_days(-r.range(60, 400))).to_string());
          fs->set_adjustment_required(true);
          adj.set_basis_id(fs->id());
          adj.set_rule_id(new_rules
                              ? (emigrated ? "cn-2022.unsuitable.12" : "cn-2022.unsuitable.13")
                              : "cn-2015.unsuitable.9");
        } else if (new_rules &&
                   x < by(rates_.unsuitable_by_family + rates_.unsuitable_by_refusal)) {
          pb::AssignmentRefusal *rf = c.add_assignment_refusals();
          rf->set_id(id("rf", ids.refusal));
          rf->set_refused_on(std::max(hist_from, proposed.add_days(-r.range(20, 200))).to_string());
          rf->set_proper_reason(false);
          rf->set_decision_ref("合组干〔" + std::to_string(d.year()) + "〕" +
                               std::to_string(r.range(1, 500)) + "号");
          adj.set_basis_id(rf->id());
          adj.set_rule_id("cn-2022.unsuitable.6-refusal");
        } else if (new_rules &&
                   x < by(rates_.unsuitable_by_family + rates_.unsuitable_by_refusal +
                          rates_.unsuitable_by_grades) &&
                   proposed.year() - 2 >= hist_from.year()) {
          // Graded 不称职 the year before (set with the assessments below).
          adj.set_basis_id("a" + std::to_string(proposed.year() - 1));
          adj.set_rule_id("cn-2022.unsuitable.14-grade");
        } else {
          std::string situation;
          if (jx(d) && r.chance(0.3)) {
            situation =
                r.chance(0.5) ? "jx.unsuitable.central-tasks" : "jx.unsuitable.major-strategies";
          } else if (new_rules) {
            situation = "cn-2022.unsuitable." + std::to_string(r.range(1, 11));
          } else {
            constexpr std::array<std::string_view, 9> kOld = {"1", "2", "3", "4", "5",
                                                              "6", "7", "8", "10"};
            situation = "cn-2015.unsuitable." + std::string(r.pick(kOld));
          }
          const Date occurred =
              std::max(hist_from.add_days(200), proposed.add_days(-r.range(60, 300)));
          std::string warning;
          if (!new_rules || r.chance(0.3)) {  // the 2015 rules need a warning first
            warning = add_warning(r.chance(0.5) ? pb::EARLY_WARNING_KIND_REMINDER
                                                : pb::EARLY_WARNING_KIND_ADMONISHMENT,
                                  occurred.add_days(-r.range(60, 190)), false)
                          ->id();
          }
          pb::Incident *in =
              add_incident(std::min(occurred, proposed), situation, pb::SEVERITY_SERIOUS, true);
          in->set_prior_warning_id(warning);
          adj.set_basis_id(in->id());
          adj.set_rule_id(situation);
        }
        constexpr std::array<pb::AdjustmentMethod, 3> kMethods = {
            pb::ADJUSTMENT_METHOD_TRANSFER_OUT, pb::ADJUSTMENT_METHOD_REMOVAL,
            pb::ADJUSTMENT_METHOD_DEMOTION};
        pb::AdjustmentMethod method = r.pick(kMethods);
        if (r.chance(0.3)) {
          method = new_rules ? pb::ADJUSTMENT_METHOD_RANK_ONLY_POST
                             : pb::ADJUSTMENT_METHOD_NON_LEADERSHIP_POST;
        }
        adj.set_method(method);
        reason = method == pb::ADJUSTMENT_METHOD_TRANSFER_OUT ? pb::POST_END_REASON_TRANSFER_OUT
                 : method == pb::ADJUSTMENT_METHOD_DEMOTION   ? pb::POST_END_REASON_DEMOTION
                 : method == pb::ADJUSTMENT_METHOD_REMOVAL
                     ? pb::POST_END_REASON_REMOVAL
                     : pb::POST_END_REASON_NON_LEADERSHIP_POST;
        if (method == pb::ADJUSTMENT_METHOD_DEMOTION) {
          new_level = std::min(kTD, pd.level + 1);
          new_rank_only = false;
        }
        break;
      }
      case pb::CHANNEL_UNABLE_TO_PERFORM: {
        pb::HealthSpell *h = c.add_health_spells();
        h->set_id(id("h", ids.health));
        const Date from = std::max(first, proposed.add_days(-r.range(370, 500)));
        h->set_start_date(from.to_string());
        h->set_continuous_leave(true);
        h->set_partially_able(r.chance(0.3));
        adj.set_basis_id(h->id());
        adj.set_rule_id(rule(d, "health.one-year"));
        adj.set_method(pb::ADJUSTMENT_METHOD_REMOVAL);
        reason = pb::POST_END_REASON_REMOVAL;
        break;
      }
      case pb::CHANNEL_VOLUNTARY_RESIGNATION: {
        pb::ResignationRequest *rq = c.add_resignation_requests();
        rq->set_id(id("r", ids.resignation));
        rq->set_submitted_on(proposed.add_days(-r.range(1, 30)).to_string());
        rq->set_reason(static_cast<pb::ResignationReason>(r.range(1, 4)));
        rq->set_accepted_on(decided.to_string());
        adj.set_basis_id(rq->id());
        adj.set_rule_id(rule(d, "resignation.voluntary"));
        adj.set_method(pb::ADJUSTMENT_METHOD_RESIGNATION);
        reason = pb::POST_END_REASON_RESIGNATION;
        new_post = false;
        break;
      }
      case pb::CHANNEL_VIOLATION: {
        const Date occurred = std::max(hist_from, proposed.add_days(-r.range(200, 700)));
        pb::Incident *in =
            add_incident(occurred, rule(d, "violation.sanction-removal"), pb::SEVERITY_GRAVE, true);
        pb::Investigation *v = c.add_investigations();
        v->set_id(id("v", ids.investigation));
        const Date opened = std::min(proposed, *Date::parse(in->recorded_on()));
        v->set_opened_on(opened.to_string());
        v->set_closed_on(std::max(opened, decided.add_days(-1)).to_string());
        v->set_status(pb::INVESTIGATION_STATUS_CLOSED_SANCTIONED);
        v->set_authority(pb::AUTHORITY_KIND_DISCIPLINE_COMMISSION);
        pb::PartySanction *ps = c.add_party_sanctions();
        ps->set_id(id("ps", ids.party));
        const bool probation = r.chance(0.4);
        ps->set_kind(probation ? pb::PARTY_SANCTION_KIND_PROBATION_WITHIN_PARTY
                               : pb::PARTY_SANCTION_KIND_REMOVAL_FROM_PARTY_POST);
        ps->set_decided_on(decided.to_string());
        ps->set_effective_on(decided.to_string());
        if (probation) ps->set_probation_years(r.range(1, 2));
        ps->set_related_to_duties(true);
        ps->set_incident_id(in->id());
        ps->set_document_number("合纪〔" + std::to_string(decided.year()) + "〕" +
                                std::to_string(r.range(1, 300)) + "号");
        if (probation) {
          const Date restored = decided.add_years(ps->probation_years()).add_days(1);
          if (restored <= end) ps->set_restored_on(restored.to_string());
        }
        pb::GovernmentSanction *gs = c.add_government_sanctions();
        gs->set_id(id("gs", ids.gov));
        gs->set_kind(pb::GOVERNMENT_SANCTION_KIND_DISMISSAL_FROM_POST);
        gs->set_decided_on(decided.to_string());
        gs->set_effective_on(decided.to_string());
        gs->set_incident_id(in->id());
        gs->set_document_number("合监〔" + std::to_string(decided.year()) + "〕" +
                                std::to_string(r.range(1, 300)) + "号");
        adj.set_basis_id(ps->id());
        adj.set_rule_id(rule(d, "violation.sanction-removal"));
        adj.set_method(pb::ADJUSTMENT_METHOD_REMOVAL);
        reason = pb::POST_END_REASON_REMOVAL;
        new_level = std::min(kTD, pd.level + 1);
        break;
      }
      default:
        break;
    }
    if (executed) {
      sp->set_end_date(d.add_days(-1) < slot_start ? slot_start.to_string()
                                                   : d.add_days(-1).to_string());
      sp->set_end_reason(reason);
      if (sp->has_probation() && sp->probation().result() == pb::PROBATION_RESULT_RUNNING) {
        sp->mutable_probation()->set_end_date(sp->end_date());
        sp->mutable_probation()->set_result(pb::PROBATION_RESULT_PASSED);
      }
      if (!sp->terms().empty()) {
        pb::TermOfOffice *last = sp->mutable_terms(sp->terms_size() - 1);
        if (last->end_date().empty() || last->end_date() > sp->end_date()) {
          last->set_end_date(std::max(last->start_date(), sp->end_date()));
        }
      }
      if (new_post) {
        pb::Post *np = c.add_posts();
        np->set_id(id("p", ids.post));
        // Another unit of the region for a transfer, the same one otherwise.
        const UnitDef &nu =
            f.channel == pb::CHANNEL_TERM || !new_rank_only
                ? units_[static_cast<std::size_t>(
                      region_units[r.below(static_cast<std::uint32_t>(region_units.size()))])]
                : unit;
        np->set_unit_id(nu.id);
        np->set_region_code(regions_[static_cast<std::size_t>(nu.region)].code);
        np->set_rank_level(rank(new_level));
        np->set_start_date(d.to_string());
        if (new_rank_only) {
          np->set_kind(pb::POST_KIND_RANK_ONLY);
          np->set_title(new_level <= kBD   ? "一级巡视员"
                        : new_level <= kCD ? "二级调研员"
                                           : "一级主任科员");
        } else {
          const PostDef *match = nullptr;
          for (const PostDef &x : nu.posts) {
            if (x.level == new_level) {
              match = &x;
              break;
            }
          }
          np->set_kind(pb::POST_KIND_LEADERSHIP);
          np->set_title(match != nullptr ? match->title : "调研员");
          np->set_local_party_or_government_leader(match != nullptr && local_leader(nu, *match));
          if (np->local_party_or_government_leader()) add_terms(*np, d, end);
        }
        np->set_appointment(pb::APPOINTMENT_MODE_APPOINTED);
        adj.set_to_post_id(np->id());
      }
    }
    pb::Adjustment *stored = c.add_adjustments();
    *stored = std::move(adj);

    // Follow-up for accountability and unsuitable adjustments (后续管理).
    if (executed &&
        (f.channel == pb::CHANNEL_ACCOUNTABILITY || f.channel == pb::CHANNEL_UNSUITABLE)) {
      pb::FollowUpPlan *plan = c.add_follow_up_plans();
      plan->set_id(id("fu", ids.plan));
      plan->set_adjustment_id(stored->id());
      plan->set_start_date(d.to_string());
      const Date plan_end = d.add_years(1);
      if (plan_end <= end) plan->set_end_date(plan_end.to_string());
      const int talks = r.range(1, 4);
      int talk_id = 0;
      for (int k = 0; k < talks; ++k) {
        const Date held = d.add_days(30 + 90 * k);
        if (held > end) break;
        pb::Talk *t = plan->add_talks();
        t->set_id(id("t", talk_id));
        t->set_held_on(held.to_string());
        t->set_actor(static_cast<pb::FollowUpActor>(k % 3 + 1));
        t->set_notes_ref("N" + pad(r.below(1'000'000U), 6));
      }
      if (d.add_days(60) <= end) {
        pb::Training *tr = plan->add_trainings();
        tr->set_id("tr1");
        tr->set_name(std::string(r.pick(kTrainings)));
        tr->set_start_date(d.add_days(45).to_string());
        const Date tr_end = d.add_days(45 + r.range(3, 14));
        if (tr_end <= end) tr->set_end_date(tr_end.to_string());
        tr->set_hours(r.range(16, 80));
      }
      if (f.channel == pb::CHANNEL_UNSUITABLE && d.add_days(90) <= end) {
        pb::SpecialTask *st = plan->add_special_tasks();
        st->set_id("st1");
        st->set_description(std::string(r.pick(kTasks)));
        st->set_start_date(d.add_days(90).to_string());
        const Date st_end = d.add_days(90 + 270);
        if (st_end <= end) {
          st->set_end_date(st_end.to_string());
          st->set_grade(r.chance(0.3) ? pb::ASSESSMENT_GRADE_EXCELLENT
                                      : pb::ASSESSMENT_GRADE_COMPETENT);
        }
      }
      if (plan_end <= end) {
        pb::FollowUpOutcome *o = plan->mutable_outcome();
        const std::uint32_t x = r.below(1000);
        const auto re = static_cast<std::uint32_t>(rates_.follow_up_reappointed * 1000);
        const auto co = re + static_cast<std::uint32_t>(rates_.follow_up_commended * 1000);
        const auto ag = co + static_cast<std::uint32_t>(rates_.follow_up_adjusted_again * 1000);
        o->set_kind(x < re   ? pb::FOLLOW_UP_OUTCOME_KIND_REAPPOINTED
                    : x < co ? pb::FOLLOW_UP_OUTCOME_KIND_COMMENDED
                    : x < ag ? pb::FOLLOW_UP_OUTCOME_KIND_ADJUSTED_AGAIN
                             : pb::FOLLOW_UP_OUTCOME_KIND_CONTINUING);
        o->set_decided_on(plan_end.to_string());
      }
    }
  }

  // -- Situations at yearly rates over the history. ---------------------------
  const int from_year = hist_from.year();
  const int to_year = life_end.year();
  bool open_investigation = false;
  for (int y = from_year; y <= to_year; ++y) {
    const Date y0 = std::max(hist_from, *Date::from_ymd(y, 1, 1));
    const Date y1 = std::min(life_end, *Date::from_ymd(y, 12, 31));
    if (y1 < y0) continue;
    const double frac = (y1.serial() - y0.serial() + 1) / 365.0;
    if (r.chance(rates_.reminder_per_year * frac)) {
      add_warning(pb::EARLY_WARNING_KIND_REMINDER, year_day(r, y0, y1),
                  !r.chance(rates_.not_corrected));
    }
    if (r.chance(rates_.inquiry_per_year * frac)) {
      add_warning(pb::EARLY_WARNING_KIND_INQUIRY_LETTER, year_day(r, y0, y1),
                  !r.chance(rates_.not_corrected));
    }
    if (r.chance(rates_.admonishment_per_year * frac)) {
      const Date day = year_day(r, y0, y1);
      // No incident: a recorded unsuitability situation, even unverified, is a finding to
      // verify on screening; the 诫勉 here is an early-warning measure only.
      add_warning(pb::EARLY_WARNING_KIND_ADMONISHMENT, day, !r.chance(rates_.not_corrected));
    }
    if (r.chance(rates_.light_accountability_per_year * frac)) {
      const Date day = year_day(r, y0, y1);
      pb::Incident *in =
          add_incident(day, rule(day, "accountability.adjustment"), pb::SEVERITY_MINOR, true);
      const Date decided = clamp_end(*Date::parse(in->recorded_on()));
      add_decision(in->id(), decided,
                   {r.chance(0.5) ? pb::ACCOUNTABILITY_FORM_CIRCULATED_CRITICISM
                                  : pb::ACCOUNTABILITY_FORM_ADMONISHMENT},
                   {});
    }
    if (r.chance(rates_.sanction_per_year * frac)) {
      const Date day = year_day(r, y0, y1);
      pb::Incident *in =
          add_incident(day, rule(day, "violation.sanction-removal"), pb::SEVERITY_MINOR, true);
      const Date decided = clamp_end(*Date::parse(in->recorded_on()));
      pb::PartySanction *ps = c.add_party_sanctions();
      ps->set_id(id("ps", ids.party));
      ps->set_kind(r.chance(0.6) ? pb::PARTY_SANCTION_KIND_WARNING
                                 : pb::PARTY_SANCTION_KIND_SERIOUS_WARNING);
      ps->set_decided_on(decided.to_string());
      ps->set_effective_on(decided.to_string());
      ps->set_related_to_duties(r.chance(0.7));
      ps->set_incident_id(in->id());
      if (r.chance(0.4)) {
        pb::GovernmentSanction *gs = c.add_government_sanctions();
        gs->set_id(id("gs", ids.gov));
        gs->set_kind(r.chance(0.5) ? pb::GOVERNMENT_SANCTION_KIND_WARNING
                                   : pb::GOVERNMENT_SANCTION_KIND_DEMERIT);
        gs->set_decided_on(decided.to_string());
        gs->set_effective_on(decided.to_string());
        const Date lifted =
            decided.add_months(gs->kind() == pb::GOVERNMENT_SANCTION_KIND_WARNING ? 6 : 12);
        if (lifted <= end) gs->set_lifted_on(lifted.to_string());
        gs->set_incident_id(in->id());
      }
    }
    if (r.chance(rates_.cleared_investigation_per_year * frac)) {
      pb::Investigation *v = c.add_investigations();
      v->set_id(id("v", ids.investigation));
      const Date opened = year_day(r, y0, y1);
      const Date closed = opened.add_days(r.range(30, 200));
      v->set_opened_on(opened.to_string());
      if (closed <= end) {
        v->set_closed_on(closed.to_string());
        v->set_status(pb::INVESTIGATION_STATUS_CLOSED_NO_SANCTION);
      } else {
        v->set_status(pb::INVESTIGATION_STATUS_OPEN);
        open_investigation = true;
      }
      v->set_authority(pb::AUTHORITY_KIND_DISCIPLINE_COMMISSION);
    }
    if (r.chance(rates_.exemption_claim_per_year * frac)) {
      const Date day = year_day(r, y0, y1);
      pb::Incident *in = add_incident(day, rule(day, "accountability.adjustment"),
                                      pb::SEVERITY_MINOR, r.chance(0.7));
      pb::ExemptionClaim *cl = c.add_exemption_claims();
      cl->set_id(id("x", ids.claim));
      cl->mutable_concerns()->set_kind(pb::RECORD_KIND_INCIDENT);
      cl->mutable_concerns()->set_id(in->id());
      cl->add_grounds(static_cast<pb::ExemptionGround>(r.range(1, 3)));
      if (r.chance(0.3)) cl->add_grounds(pb::EXEMPTION_GROUND_DISSENT_RECORDED);
      const std::uint32_t x = r.below(10);
      const pb::ExemptionDecision decision = x < 5   ? pb::EXEMPTION_DECISION_EXEMPT
                                             : x < 7 ? pb::EXEMPTION_DECISION_LIGHTER
                                             : x < 9 ? pb::EXEMPTION_DECISION_DENIED
                                                     : pb::EXEMPTION_DECISION_PENDING;
      for (int e = 1; e <= 7; ++e) {
        pb::ExclusionCheck *ex = cl->add_exclusions();
        ex->set_exclusion(static_cast<pb::ExemptionExclusion>(e));
        ex->set_applies(decision == pb::EXEMPTION_DECISION_DENIED && e == 6);
      }
      cl->set_decision(decision);
      if (decision == pb::EXEMPTION_DECISION_EXEMPT) {
        for (int e = 1; e <= 4; ++e) cl->add_effects_cancelled(static_cast<pb::ExemptionEffect>(e));
      }
      if (decision == pb::EXEMPTION_DECISION_LIGHTER) cl->set_impact_months(r.range(3, 6));
      cl->set_authority(pb::AUTHORITY_KIND_DISCIPLINE_COMMISSION);
      const Date claimed = *Date::parse(in->recorded_on());
      cl->set_claimed_on(claimed.to_string());
      const Date decided = claimed.add_days(r.range(10, 60));
      if (decision != pb::EXEMPTION_DECISION_PENDING && decided <= end) {
        cl->set_decided_on(decided.to_string());
      } else {
        cl->set_decision(pb::EXEMPTION_DECISION_PENDING);
        cl->clear_effects_cancelled();
        cl->set_impact_months(0);
      }
      cl->set_remedied(r.chance(0.6));
      cl->set_cooperated(r.chance(0.9));
    }
    if (r.chance(rates_.health_spell_per_year * frac)) {
      pb::HealthSpell *h = c.add_health_spells();
      h->set_id(id("h", ids.health));
      const Date from = year_day(r, y0, y1);
      const Date to = from.add_days(r.range(14, 120));
      h->set_start_date(from.to_string());
      if (to <= end) h->set_end_date(to.to_string());
      h->set_continuous_leave(r.chance(0.5));
      h->set_partially_able(!h->continuous_leave());
    }
    if (r.chance(rates_.study_leave_per_year * frac)) {
      pb::StudyLeave *st = c.add_study_leaves();
      st->set_id(id("s", ids.study));
      const Date from = year_day(r, y0, y1);
      const bool self = r.chance(rates_.study_leave_self);
      const bool long_self = self && r.chance(rates_.study_leave_self_long);
      const Date to =
          long_self ? from.add_days(r.range(380, 700)) : from.add_days(r.range(20, 180));
      st->set_start_date(from.to_string());
      if (to <= end) st->set_end_date(to.to_string());
      st->set_organisation_sent(!self);
    }
    if (r.chance(rates_.resignation_withdrawn_per_year * frac)) {
      pb::ResignationRequest *rq = c.add_resignation_requests();
      rq->set_id(id("r", ids.resignation));
      rq->set_submitted_on(year_day(r, y0, y1).to_string());
      rq->set_reason(static_cast<pb::ResignationReason>(r.range(1, 4)));
      rq->set_withdrawn(r.chance(0.7));
    }
    if (r.chance(rates_.assignment_refusal_per_year * frac)) {
      pb::AssignmentRefusal *rf = c.add_assignment_refusals();
      rf->set_id(id("rf", ids.refusal));
      rf->set_refused_on(year_day(r, y0, y1).to_string());
      rf->set_proper_reason(true);
      rf->set_decision_ref("合组干〔" + std::to_string(y) + "〕" + std::to_string(r.range(1, 500)) +
                           "号");
    }
  }
  if (!retired && !open_investigation && r.chance(rates_.open_investigation)) {
    pb::Investigation *v = c.add_investigations();
    v->set_id(id("v", ids.investigation));
    v->set_opened_on(end.add_days(-r.range(1, 180)).to_string());
    v->set_status(pb::INVESTIGATION_STATUS_OPEN);
    v->set_authority(pb::AUTHORITY_KIND_DISCIPLINE_COMMISSION);
  }
  // Family situations (prevalence).
  if (r.chance(rates_.spouse_business)) {
    pb::FamilySituation *fs = c.add_family_situations();
    fs->set_id(id("f", ids.family));
    fs->set_kind(pb::FAMILY_SITUATION_KIND_SPOUSE_RUNS_BUSINESS);
    fs->set_since(random_day(r, first, end).to_string());
    fs->set_adjustment_required(r.chance(rates_.business_adjustment_required));
    if (!fs->adjustment_required() && r.chance(0.3)) fs->set_until(end.to_string());
  }
  if (r.chance(rates_.child_business)) {
    pb::FamilySituation *fs = c.add_family_situations();
    fs->set_id(id("f", ids.family));
    fs->set_kind(pb::FAMILY_SITUATION_KIND_CHILD_RUNS_BUSINESS);
    fs->set_since(random_day(r, first, end).to_string());
    fs->set_adjustment_required(r.chance(rates_.business_adjustment_required));
  }
  if (r.chance(rates_.spouse_emigrated)) {
    pb::FamilySituation *fs = c.add_family_situations();
    fs->set_id(id("f", ids.family));
    fs->set_kind(pb::FAMILY_SITUATION_KIND_SPOUSE_EMIGRATED);
    fs->set_since(random_day(r, first, end).to_string());
  }
  if (!down && r.chance(rates_.candidacy)) {
    pb::Candidacy *cd = c.add_candidacies();
    cd->set_id(id("cd", ids.candidacy));
    cd->set_stage(static_cast<pb::CandidacyStage>(r.range(1, 5)));
    cd->set_since(end.add_days(-r.range(1, 270)).to_string());
    cd->set_target_level(rank(std::max(kPP, pd.level - 1)));
    cd->set_target_unit_id(unit.id);
    cd->set_exceptional(r.chance(rates_.exceptional_promotion));
  }

  // -- Annual assessments: each full year in post, decided early next year. --
  const int last_year = std::min(end.year() - 1, life_end.year() - (retired ? 1 : 0));
  const bool grade_basis = c.adjustments_size() > 0 &&
                           c.adjustments(0).basis_id().rfind('a', 0) == 0 &&
                           c.adjustments(0).basis_id().rfind("adj", 0) != 0;
  const int team_size =
      s.post >= 0 ? static_cast<int>(std::count_if(
                        unit.posts.begin(), unit.posts.end(),
                        [](const PostDef &x) { return x.role != pb::TEAM_ROLE_UNSPECIFIED; }))
                  : 0;
  for (int y = std::max(first.year(), start_.year()); y <= last_year; ++y) {
    pb::AnnualAssessment *a = c.add_assessments();
    a->set_id("a" + std::to_string(y));
    a->set_year(y);
    const Date decided = clamp_end(*Date::from_ymd(y + 1, r.range(1, 3), r.range(1, 28)));
    a->set_decided_on(decided.to_string());
    pb::AssessmentGrade grade = pb::ASSESSMENT_GRADE_COMPETENT;
    if ((grade_basis && c.adjustments(0).basis_id() == a->id()) ||
        r.chance(rates_.grade_incompetent)) {
      grade = pb::ASSESSMENT_GRADE_INCOMPETENT;
    } else if (r.chance(rates_.grade_basically_competent)) {
      grade = pb::ASSESSMENT_GRADE_BASICALLY_COMPETENT;
    } else if (r.chance(rates_.grade_excellent)) {
      grade = pb::ASSESSMENT_GRADE_EXCELLENT;
    }
    a->set_grade(grade);
    const int base = grade == pb::ASSESSMENT_GRADE_EXCELLENT             ? 880
                     : grade == pb::ASSESSMENT_GRADE_COMPETENT           ? 820
                     : grade == pb::ASSESSMENT_GRADE_BASICALLY_COMPETENT ? 680
                                                                         : 560;
    pb::DimensionScores *sc = a->mutable_scores();
    const auto score = [&]() { return std::min(1000, base + r.range(-60, 90)) / 10.0; };
    sc->set_morality(score());
    sc->set_ability(score());
    sc->set_diligence(score());
    sc->set_achievement(score());
    sc->set_integrity(score());
    pb::DemocraticEvaluation *ev = a->mutable_evaluation();
    const int raters = r.range(15, 80);
    ev->set_raters(raters);
    int left = raters - r.range(0, 2);
    ev->set_abstained(raters - left);
    const int pct_excellent = grade == pb::ASSESSMENT_GRADE_EXCELLENT   ? r.range(60, 90)
                              : grade == pb::ASSESSMENT_GRADE_COMPETENT ? r.range(30, 60)
                                                                        : r.range(0, 15);
    const int excellent = left * pct_excellent / 100;
    left -= excellent;
    const int pct_low = grade == pb::ASSESSMENT_GRADE_INCOMPETENT           ? r.range(35, 60)
                        : grade == pb::ASSESSMENT_GRADE_BASICALLY_COMPETENT ? r.range(15, 30)
                                                                            : r.range(0, 4);
    const int low = left * pct_low / 100;
    const int incompetent = grade == pb::ASSESSMENT_GRADE_INCOMPETENT ? low / 2 : low / 4;
    ev->set_excellent(excellent);
    ev->set_basically_competent(low - incompetent);
    ev->set_incompetent(incompetent);
    ev->set_competent(left - low);
    if (team_size > 1) {
      pb::Ranking *rk = a->mutable_rank_in_team();
      rk->set_of(team_size);
      rk->set_rank(grade == pb::ASSESSMENT_GRADE_COMPETENT ||
                           grade == pb::ASSESSMENT_GRADE_EXCELLENT
                       ? r.range(1, team_size)
                       : team_size);
      rk->set_group_id("t" + unit.id);
      pb::ReverseEvaluation *re = a->mutable_reverse_evaluation();
      re->set_raters(raters);
      re->set_votes_as_weakest(grade == pb::ASSESSMENT_GRADE_COMPETENT ||
                                       grade == pb::ASSESSMENT_GRADE_EXCELLENT
                                   ? r.range(0, raters / 10)
                                   : r.range(raters / 3, raters / 2));
    }
    pb::PerformanceTargets *t = a->mutable_targets();
    t->set_set(r.range(6, 15));
    t->set_met(grade == pb::ASSESSMENT_GRADE_COMPETENT || grade == pb::ASSESSMENT_GRADE_EXCELLENT
                   ? t->set() - r.range(0, 2)
                   : t->set() / 2);
    t->set_ranked_last(grade == pb::ASSESSMENT_GRADE_INCOMPETENT);
  }
}

// ---------------------------------------------------------------------------
// Emission.

Status Province::emit(const Sink &sink) const {
  pb::RosterRecord record;
  const auto send = [&]() -> Status {
    Status st = sink(record);
    record.Clear();
    return st;
  };
  {
    pb::RosterHeader *h = record.mutable_header();
    h->set_jurisdiction(options_.jurisdiction);
    h->set_name("合成省 " + std::to_string(options_.end.year()));
    h->set_extracted_on(options_.end.to_string());
    h->set_seed(options_.seed);
    h->set_size(options_.cadres);
    h->set_schema("cadre.v1");
    if (auto st = send(); !st.ok()) return st;
  }
  for (const RegionDef &rd : regions_) {
    pb::Region *g = record.mutable_region();
    g->set_code(rd.code);
    g->set_name(rd.name);
    g->set_level(rd.level);
    if (rd.parent >= 0) g->set_parent_code(regions_[static_cast<std::size_t>(rd.parent)].code);
    if (auto st = send(); !st.ok()) return st;
  }
  for (const UnitDef &u : units_) {
    pb::Unit *o = record.mutable_unit();
    o->set_id(u.id);
    o->set_name(u.name);
    o->set_kind(u.kind);
    o->set_region_code(regions_[static_cast<std::size_t>(u.region)].code);
    if (u.parent >= 0) o->set_parent_unit_id(units_[static_cast<std::size_t>(u.parent)].id);
    o->set_rank_level(rank(u.level));
    if (auto st = send(); !st.ok()) return st;
  }
  // Teams: the members still in their post at the end.
  const auto holds = [&](int i) {
    const Fate f = fate(i);
    return f.channel == pb::CHANNEL_UNSPECIFIED || f.pending;
  };
  for (std::size_t u = 0; u < units_.size(); ++u) {
    const UnitDef &ud = units_[u];
    pb::LeadershipTeam *t = record.mutable_team();
    for (std::size_t j = 0; j < ud.posts.size(); ++j) {
      const int i = by_unit_[u][j];
      if (ud.posts[j].role == pb::TEAM_ROLE_UNSPECIFIED || i < 0 || !holds(i)) continue;
      pb::TeamMember *m = t->add_members();
      m->set_cadre_id(cadre_id(i));
      m->set_post_id("p" + std::to_string(prior_posts(i) + 1));
      m->set_role(ud.posts[j].role);
    }
    if (t->members().empty()) {
      record.Clear();
      continue;
    }
    t->set_id("t" + ud.id);
    t->set_unit_id(ud.id);
    t->set_start_date(std::min(team_start_, options_.end).to_string());
    if (auto st = send(); !st.ok()) return st;
  }
  // Peer groups.
  for (std::size_t g = 1; g < static_cast<std::size_t>(Peer::kCount); ++g) {
    pb::PeerGroup *pg = record.mutable_peer_group();
    pg->set_id(std::string(kPeerId[g]));
    pg->set_description(std::string(kPeerName[g]));
    for (std::size_t u = 0; u < units_.size(); ++u) {
      const UnitDef &ud = units_[u];
      for (std::size_t j = 0; j < ud.posts.size(); ++j) {
        const int i = by_unit_[u][j];
        if (static_cast<std::size_t>(ud.posts[j].peer) == g && i >= 0 && holds(i)) {
          pg->add_cadre_ids(cadre_id(i));
        }
      }
    }
    if (pg->cadre_ids().empty()) {
      record.Clear();
      continue;
    }
    if (auto st = send(); !st.ok()) return st;
  }
  // Unit special assessments: the party committees, each full year of history.
  {
    Rng r(options_.seed, Stream::kOrganisation, 0);
    int n = 0;
    for (const UnitDef &u : units_) {
      if (u.kind != pb::UNIT_KIND_PARTY_COMMITTEE) continue;
      for (int y = options_.end.year() - std::min(options_.years_of_history, 5);
           y < options_.end.year(); ++y) {
        pb::UnitSpecialAssessment *a = record.mutable_unit_assessment();
        a->set_id("ua" + pad(static_cast<std::uint64_t>(++n), 5));
        a->set_unit_id(u.id);
        a->set_year(y);
        const std::uint32_t x = r.below(100);
        a->set_team_grade(x < 45   ? pb::TEAM_GRADE_GOOD
                          : x < 85 ? pb::TEAM_GRADE_FAIRLY_GOOD
                          : x < 97 ? pb::TEAM_GRADE_AVERAGE
                                   : pb::TEAM_GRADE_POOR);
        a->set_selection_work_satisfaction(r.range(820, 990) / 1000.0);
        a->set_new_appointees_satisfaction(r.range(800, 990) / 1000.0);
        a->set_cadres_adjusted_down(r.range(0, std::max(1, options_.cadres / 2000)));
        a->set_reported_in_party_building_report(r.chance(0.95));
        if (auto st = send(); !st.ok()) return st;
      }
    }
  }
  // Cadres, one by one.
  for (int i = 0; i < options_.cadres; ++i) {
    make_cadre(i, *record.mutable_cadre());
    if (auto st = send(); !st.ok()) return st;
  }
  return {};
}

}  // namespace

const Rates &default_rates() noexcept {
  static const Rates kRates;
  return kRates;
}

Status validate(const Options &options) {
  if (options.cadres < 1 || options.cadres > kMaxCadres) {
    return invalid_argument("cadres", "not within 1 and " + std::to_string(kMaxCadres));
  }
  if (options.years_of_history < kMinYears || options.years_of_history > kMaxYears) {
    return invalid_argument(
        "years", "not within " + std::to_string(kMinYears) + " and " + std::to_string(kMaxYears));
  }
  const std::string &j = options.jurisdiction;
  if (j.size() != 6 || j.find_first_not_of("0123456789") != std::string::npos ||
      j.substr(2) != "0000" || j.substr(0, 2) == "00") {
    return invalid_argument("jurisdiction", "not a six-digit province code ending in 0000");
  }
  if (options.end.year() < 1990 || options.end.year() > 2100) {
    return invalid_argument("end", "not within the years 1990 and 2100");
  }
  return {};
}

Status generate(const Options &options, const Sink &sink) {
  if (auto st = validate(options); !st.ok()) return st;
  const Province province(options, default_rates());
  return province.emit(sink);
}

Status generate_roster(const Options &options, pb::Roster &roster) {
  roster.Clear();
  if (options.cadres > kMaxRosterCadres) {
    return invalid_argument("cadres", "more than " + std::to_string(kMaxRosterCadres) +
                                          " for a whole roster: use the stream form");
  }
  return generate(options, [&roster](pb::RosterRecord &record) -> Status {
    codec::move_into(record, roster);
    return {};
  });
}

Status generate_stream(const Options &options, std::string &out) {
  codec::StreamWriter writer(out);
  if (auto st =
          generate(options, [&writer](pb::RosterRecord &record) { return writer.write(record); });
      !st.ok()) {
    return st;
  }
  return writer.flush();
}

}  // namespace cadre::generator
