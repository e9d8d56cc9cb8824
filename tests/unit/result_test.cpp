#include <gtest/gtest.h>

#include "base/result.hpp"

namespace cercle {
namespace {

Result<int> Half(int value) {
  if (value % 2 != 0) return Error::Invalid("odd");
  return value / 2;
}

Result<int> Quarter(int value) {
  const int half = TRY(Half(value));
  return TRY(Half(half));
}

Status Check(int value) {
  TRY(Half(value));
  return {};
}

TEST(Result, TryYieldsTheValueOnSuccess) {
  const auto result = Quarter(8);
  ASSERT_TRUE(result);
  EXPECT_EQ(*result, 2);
}

TEST(Result, TryReturnsTheFirstErrorUnchanged) {
  const auto result = Quarter(6);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(result.error().message.id, "odd");
}

TEST(Result, StatusCarriesErrorsWithoutValue) {
  EXPECT_TRUE(Check(4));
  EXPECT_FALSE(Check(3));
}

TEST(Result, FieldErrorsKeepEveryField) {
  const Error error = Error::Fields({{"name", {"a", {}}}, {"slug", {"b", {}}}});
  ASSERT_EQ(error.fields.size(), 2u);
  EXPECT_EQ(error.fields[1].field, "slug");
  EXPECT_EQ(error.kind, ErrorKind::kInvalid);
}

}  // namespace
}  // namespace cercle
