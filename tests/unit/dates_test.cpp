#include <gtest/gtest.h>

#include "base/dates.hpp"
#include "i18n/translator.hpp"

namespace cercle::domain {
namespace {

TEST(Dates, ParseOnlyRealIsoDates) {
  EXPECT_TRUE(ParseIsoDate("2024-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2024-13-01"));
  EXPECT_FALSE(ParseIsoDate("29/02/2024"));
  EXPECT_FALSE(ParseIsoDate("2024-2-9"));
  EXPECT_EQ(FormatIsoDate(*ParseIsoDate("2026-11-30")), "2026-11-30");
}

TEST(Dates, ArithmeticAcrossMonthAndYearEnds) {
  const auto date = *ParseIsoDate("2026-12-31");
  EXPECT_EQ(FormatIsoDate(AddDays(date, 1)), "2027-01-01");
  EXPECT_EQ(DaysBetween(*ParseIsoDate("2026-11-30"), date), 31);
  EXPECT_EQ(FormatIsoDate(AddMonths(*ParseIsoDate("2027-01-31"), 1)), "2027-02-28");
  EXPECT_EQ(YearsBetween(*ParseIsoDate("2005-12-01"), *ParseIsoDate("2026-11-30")), 20);
  EXPECT_EQ(YearsBetween(*ParseIsoDate("2005-11-30"), *ParseIsoDate("2026-11-30")), 21);
}

TEST(Dates, TodayIsCountedInTheOrganisationsTimeZone) {
  const i18n::Translator translator("America/Montreal");
  // 2026-12-01 03:30 UTC is still November 30 in Montréal.
  const Instant late{std::chrono::seconds(1796095800)};
  EXPECT_EQ(FormatIsoDate(translator.LocalDate(late)), "2026-11-30");
  EXPECT_EQ(FormatIsoDate(translator.LocalDate(late + std::chrono::hours(2))), "2026-12-01");
}

}  // namespace
}  // namespace cercle::domain

#include "base/folding.hpp"

namespace cercle::i18n {
namespace {

TEST(Folding, IgnoresAccentsCaseAndExtraSpaces) {
  EXPECT_EQ(FoldForSearch("Hélène  CÔTÉ"), "helene cote");
  EXPECT_EQ(FoldForSearch("Helene Cote"), "helene cote");
  EXPECT_EQ(FoldForSearch("  François-Xavier Lévesque "), "francois-xavier levesque");
  EXPECT_EQ(ContainsPattern("50%_a\\"), "%50\\%\\_a\\\\%");
}

}  // namespace
}  // namespace cercle::i18n
