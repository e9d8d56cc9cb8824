#include "domain/enum_names.hpp"

#include <gtest/gtest.h>

#include "base/result.hpp"

namespace cercle::domain {

enum class TestColour { kRed, kBlue, kUnlisted };

template <>
struct EnumTable<TestColour> {
  static constexpr std::array<EnumEntry<TestColour>, 2> kEntries{{
      {TestColour::kRed, "red", N_("Red")},
      {TestColour::kBlue, "blue", N_("Blue")},
  }};
};

namespace {

TEST(EnumTable, NamesParsesLabelsAndListsFromOneTable) {
  EXPECT_EQ(NameOf(TestColour::kBlue), "blue");
  EXPECT_EQ(LabelOf(TestColour::kRed), "Red");
  EXPECT_EQ(ParseEnum<TestColour>("blue"), TestColour::kBlue);
  EXPECT_EQ(ParseEnum<TestColour>("Blue"), std::nullopt);
  EXPECT_EQ(ParseEnum<TestColour>(""), std::nullopt);
  EXPECT_EQ(EnumValues<TestColour>(), (std::vector{TestColour::kRed, TestColour::kBlue}));
}

TEST(EnumTable, AValueMissingFromItsTableHasNoNameAndNoLabel) {
  EXPECT_EQ(NameOf(TestColour::kUnlisted), "");
  EXPECT_EQ(LabelOf(TestColour::kUnlisted), "");
}

}  // namespace
}  // namespace cercle::domain
