// The inside of the synthetic province, shared by the files of the generator:
// randomness, names, ranks, the organisation (regions, units, posts, slots)
// and the Province that holds them. province.cc emits the records;
// organisation.cc builds the organisation; the cadre_*.cc files make one
// cadre each (cadre_builder.hpp). Internal to cadre_generator.
#ifndef CADRE_SRC_GENERATOR_PROVINCE_DETAIL_HPP
#define CADRE_SRC_GENERATOR_PROVINCE_DETAIL_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/enums.hpp"
#include "generator/province.hpp"

namespace cadre::generator::detail {
namespace pb = ::cadre::v1;

// ---------------------------------------------------------------------------
// Randomness: splitmix64 seeds xoshiro256**; every sample is integer
// arithmetic, so the bytes are the same on every platform. Each cadre has its
// own streams (keyed by seed, purpose and index), so a cadre does not depend
// on the ones before it and the organisation can ask about any cadre cheaply.

inline std::uint64_t splitmix64(std::uint64_t &state) noexcept {
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

inline std::string person_name(Rng &r) {
  std::string s(r.pick(kSurnames));
  s += r.pick(kGiven);
  if (r.below(4) != 0) s += r.pick(kGiven);
  return s;
}

// A place name from its index: distinct for the first 24 * 24 indices.
inline std::string place_name(std::uint32_t index) {
  std::string s(kPlace[index % kPlace.size()]);
  s += kPlace[(index / kPlace.size() + std::size_t{index} * 7U + 3U) % kPlace.size()];
  return s;
}

inline std::string pad(std::uint64_t n, std::size_t width) {
  std::string s = std::to_string(n);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

inline std::string cadre_id(int i) { return "c" + pad(static_cast<std::uint64_t>(i) + 1, 6); }

inline std::string two(int n) { return pad(static_cast<std::uint64_t>(n), 2); }

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

inline pb::RankLevel rank(int level) { return static_cast<pb::RankLevel>(level); }

// Age at the end date, by rank: the youngest and the oldest (below the limit). ASSUMPTION.
inline std::pair<int, int> age_range(int level) {
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
  friend struct CadreBuilder;  // makes the cadres: cadre_builder.hpp

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

}  // namespace cadre::generator::detail

#endif  // CADRE_SRC_GENERATOR_PROVINCE_DETAIL_HPP
