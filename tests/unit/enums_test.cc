// cadre/enums.hpp is generated from the schema (cadre_labelgen); so is the
// table below, one row per value: its enum, its proto name and the number of
// the C++ enumerator the generator named for it. The tests check that header
// against the descriptors compiled from the same .proto files: every enum and
// value of enums.proto has its enumerator, with the same number.
#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "cadre/domain.hpp"
#include "cadre/enums.hpp"
#include "cadre/v1/enums.pb.h"

namespace cadre {
namespace {

namespace gp = ::google::protobuf;

struct Row {
  const char *enum_name;   // "cadre.v1.Channel"
  const char *value_name;  // "CHANNEL_AGE_LIMIT"
  int number;              // static_cast<int>(Channel::kAgeLimit)
  bool (*known)(int);      // is_known(static_cast<Channel>(n))
};

constexpr Row kRows[] = {
#include "enums_table.inc"
};

const gp::FileDescriptor *enums_file() { return cadre::v1::Sex_descriptor()->file(); }

TEST(Enums, EveryCppEnumeratorHasTheNumberOfItsProtoValue) {
  for (const Row &row : kRows) {
    const gp::EnumDescriptor *e = enums_file()->pool()->FindEnumTypeByName(row.enum_name);
    ASSERT_NE(e, nullptr) << row.enum_name;
    const gp::EnumValueDescriptor *v = e->FindValueByName(row.value_name);
    ASSERT_NE(v, nullptr) << row.value_name;
    EXPECT_EQ(v->number(), row.number) << row.value_name;
  }
}

TEST(Enums, EveryProtoValueHasACppEnumerator) {
  std::set<std::string> covered;
  for (const Row &row : kRows) covered.insert(row.value_name);
  std::set<std::string> enums;
  for (const Row &row : kRows) enums.insert(row.enum_name);
  const gp::FileDescriptor *file = enums_file();
  EXPECT_EQ(static_cast<int>(enums.size()), file->enum_type_count());
  for (int i = 0; i < file->enum_type_count(); ++i) {
    const gp::EnumDescriptor *e = file->enum_type(i);
    for (int j = 0; j < e->value_count(); ++j) {
      EXPECT_EQ(covered.count(e->value(j)->name()), 1U)
          << e->value(j)->full_name() << " has no enumerator in cadre/enums.hpp";
    }
  }
}

// is_known() (generated, inline; validation reads it for every enum field)
// agrees with the descriptors for every number of each enum and a few beyond.
TEST(Enums, IsKnownAgreesWithTheSchema) {
  std::set<std::string> done;
  for (const Row &row : kRows) {
    if (!done.insert(row.enum_name).second) continue;
    const gp::EnumDescriptor *e = enums_file()->pool()->FindEnumTypeByName(row.enum_name);
    ASSERT_NE(e, nullptr) << row.enum_name;
    int lo = 0;
    int hi = 0;
    for (int j = 0; j < e->value_count(); ++j) {
      lo = std::min(lo, e->value(j)->number());
      hi = std::max(hi, e->value(j)->number());
    }
    for (int n = lo - 3; n <= hi + 3; ++n) {
      EXPECT_EQ(row.known(n), e->FindValueByNumber(n) != nullptr) << row.enum_name << " " << n;
    }
  }
  EXPECT_FALSE(is_known(static_cast<Channel>(-1)));
  EXPECT_TRUE(is_known(Channel::kAgeLimit));
}

// The names the code relies on most, spelled out: a change of the generator's
// naming rule fails here (and fails to compile everywhere else).
TEST(Enums, NamesFollowTheSchema) {
  EXPECT_EQ(static_cast<int>(Channel::kAgeLimit), cadre::v1::CHANNEL_AGE_LIMIT);
  EXPECT_EQ(static_cast<int>(RankLevel::kCountyPrincipal), cadre::v1::RANK_LEVEL_COUNTY_PRINCIPAL);
  EXPECT_EQ(static_cast<int>(ExemptionDecision::kUnspecified), 0);
  EXPECT_EQ(static_cast<int>(ConsequenceKind::kNoAwards), cadre::v1::CONSEQUENCE_KIND_NO_AWARDS);
}

TEST(Enums, RankHelpers) {
  EXPECT_TRUE(at_or_above_county(RankLevel::kCountyDeputy));
  EXPECT_FALSE(at_or_above_county(RankLevel::kTownshipPrincipal));
  EXPECT_FALSE(at_or_above_county(RankLevel::kUnspecified));
  EXPECT_TRUE(at_or_above_bureau(RankLevel::kBureauDeputy));
  EXPECT_FALSE(at_or_above_bureau(RankLevel::kCountyPrincipal));
}

}  // namespace
}  // namespace cadre
