#include "cadre/status.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace cadre {
namespace {

TEST(StatusOr, ValueWithoutAValueThrowsWithTheStatus) {
  StatusOr<int> failed(invalid_argument("cadres[2].birth_date", "not a date"));
  ASSERT_FALSE(failed.ok());
  try {
    (void)failed.value();
    FAIL() << "value() returned without a value";
  } catch (const BadStatusOrAccess &e) {
    EXPECT_EQ(e.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(e.status().field(), "cadres[2].birth_date");
    EXPECT_EQ(std::string(e.what()),
              "StatusOr::value() without a value: cadres[2].birth_date: not a date");
  }
  const StatusOr<std::string> constant(Status(StatusCode::kNotFound, "no such catalogue"));
  EXPECT_THROW((void)constant.value(), BadStatusOrAccess);
  EXPECT_THROW((void)std::move(constant).value(), BadStatusOrAccess);
  StatusOr<std::string> moved(Status(StatusCode::kNotFound, "no such catalogue"));
  EXPECT_THROW((void)std::move(moved).value(), BadStatusOrAccess);
}

TEST(StatusOr, ValueWithAValue) {
  StatusOr<std::string> held(std::string("cn-2022"));
  ASSERT_TRUE(held.ok());
  EXPECT_TRUE(held.status().ok());
  EXPECT_EQ(held.value(), "cn-2022");
  EXPECT_EQ(*held, "cn-2022");
  EXPECT_EQ(held->size(), 7U);
  held.value() += "!";
  EXPECT_EQ(std::move(held).value(), "cn-2022!");
}

TEST(StatusOr, AnOkStatusWithoutAValueIsInternal) {
  const StatusOr<int> odd{Status()};
  EXPECT_FALSE(odd.ok());
  EXPECT_EQ(odd.status().code(), StatusCode::kInternal);
  EXPECT_THROW((void)odd.value(), BadStatusOrAccess);
}

}  // namespace
}  // namespace cadre
