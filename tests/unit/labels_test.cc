#include "cadre/labels.hpp"

#include <gtest/gtest.h>

namespace cadre {
namespace {

TEST(Labels, OfficialTermsInBothLanguages) {
  EXPECT_EQ(label(Channel::kAgeLimit, Language::kZhCn), "到龄免职(退休)");
  EXPECT_EQ(label(Channel::kAccountability, Language::kZhCn), "问责追究调整");
  EXPECT_EQ(label(Channel::kUnsuitable, Language::kZhCn), "不适宜担任现职调整");
  EXPECT_EQ(label(Heading::kRatedIncompetent, Language::kZhCn), "考核不称职者下");
  EXPECT_EQ(label(AdjustmentMethod::kNonLeadershipPost, Language::kZhCn), "改任非领导职务");
  EXPECT_EQ(label(RankLevel::kCountyPrincipal, Language::kZhCn), "县处级正职");
  EXPECT_EQ(label(BirthDateSource::kPersonnelFile, Language::kZhCn), "档案认定");
  EXPECT_EQ(label(Channel::kAgeLimit, Language::kEn),
            "removal or retirement on reaching the age limit");
}

TEST(Labels, EveryValueHasBothLabels) {
  for (int i = 0; i <= 7; ++i) {
    EXPECT_FALSE(label(static_cast<Channel>(i), Language::kZhCn).empty()) << i;
    EXPECT_FALSE(label(static_cast<Channel>(i), Language::kEn).empty()) << i;
  }
  for (int i = 0; i <= 8; ++i) {
    EXPECT_FALSE(label(static_cast<RankLevel>(i), Language::kZhCn).empty()) << i;
  }
  for (int i = 0; i <= 9; ++i) {
    EXPECT_FALSE(label(static_cast<AdjustmentMethod>(i), Language::kEn).empty()) << i;
  }
}

TEST(Labels, LookupByEnumName) {
  EXPECT_EQ(label("cadre.v1.Channel", 3, Language::kZhCn), "问责追究调整");
  EXPECT_EQ(label("Heading", 6, Language::kZhCn), "廉政不干净者下");
  EXPECT_EQ(label("Channel", 99, Language::kZhCn), "");
  EXPECT_EQ(label("NoSuchEnum", 1, Language::kEn), "");
  EXPECT_EQ(label(static_cast<Channel>(42), Language::kEn), "");
}

}  // namespace
}  // namespace cadre
