#include "domain/expenses.hpp"

#include "base/text.hpp"
#include "domain/field_checks.hpp"

namespace cercle::domain {
namespace {

constexpr int kOldestClaimDays = 366;
constexpr std::size_t kMaxNote = 500;

// A decimal number typed with a comma or a point and at most `decimals` decimals, followed by
// `unit` or not, as a whole number of 10^-decimals units; none when it is not one.
std::optional<std::int64_t> ParseFixed(std::string_view typed, int decimals,
                                       std::string_view unit) {
  std::string text(Trimmed(typed));
  if (text.ends_with(unit)) text = Trimmed(text.substr(0, text.size() - unit.size()));
  std::int64_t whole = 0;
  std::int64_t fraction = 0;
  int digits = 0;
  int fraction_digits = -1;  // -1 until the decimal mark
  for (const char c : text) {
    if ((c == ',' || c == '.') && fraction_digits < 0) {
      fraction_digits = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (fraction_digits < 0) {
      if (++digits > 9) return std::nullopt;
      whole = whole * 10 + (c - '0');
    } else {
      if (++fraction_digits > decimals) return std::nullopt;
      fraction = fraction * 10 + (c - '0');
    }
  }
  if (digits == 0) return std::nullopt;
  for (int i = std::max(fraction_digits, 0); i < decimals; ++i) fraction *= 10;
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  return whole * scale + fraction;
}

}  // namespace

std::optional<std::int64_t> RateOn(const std::vector<MileageRate>& rates, CivilDate day) {
  const MileageRate* in_force = nullptr;
  for (const auto& rate : rates) {
    if (rate.effective_from > day) continue;
    if (!in_force || rate.effective_from > in_force->effective_from) in_force = &rate;
  }
  if (!in_force) return std::nullopt;
  return in_force->cents_per_km;
}

std::int64_t MileageCents(std::int64_t tenths_km, std::int64_t cents_per_km) {
  return (tenths_km * cents_per_km + 5) / 10;
}

std::optional<std::int64_t> ParseCents(std::string_view text) { return ParseFixed(text, 2, "$"); }

std::optional<std::int64_t> ParseTenthsKm(std::string_view text) {
  return ParseFixed(text, 1, "km");
}

Status CheckClaim(ExpenseClaim& claim, const std::vector<MileageRate>& rates, CivilDate today) {
  std::vector<FieldError> errors;
  // A day the form could not read arrives as a date that is not ok().
  const auto day = claim.incurred_on.ok() ? std::optional(claim.incurred_on) : std::nullopt;
  CheckPastDay(
      errors, "incurred_on", day, today,
      Earliest{AddDays(today, -kOldestClaimDays), N_("Claim expenses within a year of the date.")});
  if (claim.kind == ExpenseKind::kMileage) {
    claim.amount_cents = 0;
    if (!day) return Checked(std::move(errors));
    const auto rate = RateOn(rates, claim.incurred_on);
    if (!claim.tenths_km || *claim.tenths_km < 1 || *claim.tenths_km > kMaxTenthsKm) {
      AddError(errors, "distance", N_("Give the distance in kilometres, up to 2000."));
    } else if (!rate) {
      AddError(errors, "incurred_on", N_("No mileage rate is set for this date yet."));
    } else {
      claim.amount_cents = MileageCents(*claim.tenths_km, *rate);
    }
  } else {
    claim.tenths_km.reset();
    if (claim.amount_cents < 1 || claim.amount_cents > kMaxClaimCents) {
      AddError(errors, "amount", N_("Give the amount in dollars, such as 12,50."));
    }
  }
  CheckText(errors, "note", claim.note, kMaxNote);
  return Checked(std::move(errors));
}

Status CheckRate(const MileageRate& rate) {
  std::vector<FieldError> errors;
  if (!rate.effective_from.ok()) {
    AddError(errors, "effective_from", N_("Give the date the rate applies from."));
  }
  if (rate.cents_per_km < 1 || rate.cents_per_km > kMaxCentsPerKm) {
    AddError(errors, "rate", N_("Give the rate in dollars per kilometre, such as 0,50."));
  }
  return Checked(std::move(errors));
}

bool CountsAsCost(ExpenseStatus status) {
  return status == ExpenseStatus::kApproved || status == ExpenseStatus::kPaid;
}

std::map<YearMonth, std::int64_t> CostsByMonth(const std::vector<ExpenseClaim>& claims) {
  std::map<YearMonth, std::int64_t> costs;
  for (const auto& claim : claims) {
    if (!CountsAsCost(claim.status)) continue;
    costs[{static_cast<int>(claim.incurred_on.year()),
           static_cast<unsigned>(claim.incurred_on.month())}] += claim.amount_cents;
  }
  return costs;
}

}  // namespace cercle::domain
