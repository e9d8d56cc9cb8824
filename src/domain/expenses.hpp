#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/enum_names.hpp"
#include "domain/hours.hpp"

// Volunteers' expenses and mileage: what a claim holds, the organisation's rate per kilometre with
// its history, the amount of a mileage claim at the rate in force on its day, and the costs added
// up by month. Money is in whole cents and distances in tenths of a kilometre, so that every sum is
// exact. No I/O.
namespace cercle::domain {

// What a claim is for.
enum class ExpenseKind { kMileage, kMeal, kTransport, kParking, kOther };

template <>
struct EnumTable<ExpenseKind> {
  static constexpr std::array<EnumEntry<ExpenseKind>, 5> kEntries{{
      {ExpenseKind::kMileage, "mileage", N_("Mileage")},
      {ExpenseKind::kMeal, "meal", N_("Meal")},
      {ExpenseKind::kTransport, "transport", N_("Public transport or taxi")},
      {ExpenseKind::kParking, "parking", N_("Parking")},
      {ExpenseKind::kOther, "other", N_("Other expense")},
  }};
};

// Where a claim stands: submitted, then approved or refused by a coordinator, then paid.
enum class ExpenseStatus { kSubmitted, kApproved, kRefused, kPaid };

template <>
struct EnumTable<ExpenseStatus> {
  static constexpr std::array<EnumEntry<ExpenseStatus>, 4> kEntries{{
      {ExpenseStatus::kSubmitted, "submitted", C_("expense", "Submitted")},
      {ExpenseStatus::kApproved, "approved", C_("expense", "Approved")},
      {ExpenseStatus::kRefused, "refused", C_("expense", "Refused")},
      {ExpenseStatus::kPaid, "paid", C_("expense", "Paid")},
  }};
};

// One rate per kilometre, in force from `effective_from` until the next rate's day.
struct MileageRate {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  CivilDate effective_from;
  std::int64_t cents_per_km = 0;
};

// A volunteer's claim.
struct ExpenseClaim {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t volunteer_id = 0;
  CivilDate incurred_on;
  ExpenseKind kind = ExpenseKind::kMileage;
  std::optional<std::int64_t> tenths_km;  // mileage only
  std::int64_t amount_cents = 0;          // for mileage, computed at the rate of incurred_on
  std::optional<std::int64_t> circle_id;  // the circle of the meeting or contact
  std::optional<std::int64_t> meeting_id;
  std::optional<std::int64_t> contact_id;
  std::string note;
  std::optional<std::int64_t> receipt_document_id;
  ExpenseStatus status = ExpenseStatus::kSubmitted;
  std::string refusal_reason;
};

// The highest rate per kilometre one may set (10 $), and the longest trip one claims (2 000 km).
inline constexpr std::int64_t kMaxCentsPerKm = 1000;
inline constexpr std::int64_t kMaxTenthsKm = 20000;
// The largest amount one claims at once (100 000 $).
inline constexpr std::int64_t kMaxClaimCents = 10000000;

// The rate in force on `day` among `rates` (in any order): the one with the latest effective_from
// on or before `day`; none before the first.
std::optional<std::int64_t> RateOn(const std::vector<MileageRate>& rates, CivilDate day);

// The amount of `tenths_km` tenths of a kilometre at `cents_per_km`, in cents, rounded half up to
// the nearest cent: (tenths × rate + 5) ÷ 10 in integers.
std::int64_t MileageCents(std::int64_t tenths_km, std::int64_t cents_per_km);

// Reads an amount typed in dollars ("12", "12,5", "12.50", "12,50 $") as cents; none when it is
// not one, or has more than two decimals.
std::optional<std::int64_t> ParseCents(std::string_view text);
// Reads a distance typed in kilometres ("42", "42,5", "42.5 km") as tenths; none when it is not
// one, or has more than one decimal.
std::optional<std::int64_t> ParseTenthsKm(std::string_view text);

// Checks a claim as typed and sets a mileage claim's amount from `rates`: a day not in the future
// and within the last year, a kind, a distance for mileage (with a rate in force on its day) or an
// amount otherwise, a note of at most 500 characters. Field errors "incurred_on", "kind",
// "distance", "amount", "note".
Status CheckClaim(ExpenseClaim& claim, const std::vector<MileageRate>& rates, CivilDate today);

// Checks a rate a coordinator sets: a day, and 1 cent to kMaxCentsPerKm. Field errors
// "effective_from", "rate".
Status CheckRate(const MileageRate& rate);

// Whether a claim counts as a cost: approved or paid.
bool CountsAsCost(ExpenseStatus status);

// The cents of the claims that count as a cost, by the month of their day.
std::map<YearMonth, std::int64_t> CostsByMonth(const std::vector<ExpenseClaim>& claims);

}  // namespace cercle::domain
