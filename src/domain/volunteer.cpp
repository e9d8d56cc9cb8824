#include "domain/volunteer.hpp"

#include <algorithm>
#include <array>
#include <tuple>

#include "base/text.hpp"
#include "domain/field_checks.hpp"

namespace cercle::domain {
namespace {

constexpr std::array<std::string_view, 7> kDayCodes = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kDayLabels = {
    N_("Monday"), N_("Tuesday"),  N_("Wednesday"), N_("Thursday"),
    N_("Friday"), N_("Saturday"), N_("Sunday")};

}  // namespace

const std::vector<VolunteerStage>& VolunteerStages() {
  static const std::vector<VolunteerStage> stages = EnumValues<VolunteerStage>();
  return stages;
}

bool IsClosedStage(VolunteerStage stage) {
  return stage == VolunteerStage::kExited || stage == VolunteerStage::kNotRetained;
}

std::vector<VolunteerStage> AllowedMoves(VolunteerStage from) {
  using enum VolunteerStage;
  switch (from) {
    case kInquiry:
      return {kOrientation, kNotRetained, kExited};
    case kOrientation:
      return {kTraining, kInquiry, kNotRetained, kExited};
    case kTraining:
      return {kScreening, kOrientation, kNotRetained, kExited};
    case kScreening:
      return {kApproved, kTraining, kNotRetained, kExited};
    case kApproved:
      return {kActive, kScreening, kExited};
    case kActive:
      return {kOnLeave, kExited};
    case kOnLeave:
      return {kActive, kExited};
    case kExited:
    case kNotRetained:
      return {};
  }
  return {};
}

bool IsForwardMove(VolunteerStage from, VolunteerStage to) {
  using enum VolunteerStage;
  if (from == kOnLeave) return to == kActive;
  if (IsClosedStage(from) || IsClosedStage(to) || from == kActive) return false;
  // Inquiry to active, in the enumeration's order: the next one is the step forward.
  return static_cast<int>(to) == static_cast<int>(from) + 1;
}

Status CheckStageMove(const StageMove& move) {
  std::vector<FieldError> errors;
  const auto allowed = AllowedMoves(move.from);
  if (std::find(allowed.begin(), allowed.end(), move.to) == allowed.end()) {
    errors.push_back(
        {"to",
         {N_("A volunteer at the step “{from}” cannot move to “{to}”."),
          {{"from", std::string(LabelOf(move.from))}, {"to", std::string(LabelOf(move.to))}}}});
  }
  // A step forward says enough by itself; a step back or a closing move keeps its reason.
  RequireText(errors, "reason", move.reason, kMaxReasonLength,
              IsForwardMove(move.from, move.to) ? nullptr : N_("Say why, in a few words."));
  if (errors.empty() && move.to == VolunteerStage::kApproved) {
    if (!move.date_of_birth) {
      AddError(errors, "to", N_("Record the date of birth before approving."));
    } else if (AgeOn(*move.date_of_birth, move.today) < move.minimum_age) {
      errors.push_back({"to",
                        {N_("The program's minimum age is {age}."),
                         {{"age", std::to_string(move.minimum_age)}}}});
    }
  }
  return Checked(std::move(errors));
}

Availability Availability::Parse(std::string_view stored) {
  Availability availability;
  while (!stored.empty()) {
    const auto comma = stored.find(',');
    const std::string_view slot = stored.substr(0, comma);
    stored = comma == std::string_view::npos ? std::string_view() : stored.substr(comma + 1);
    const auto dash = slot.find('-');
    if (dash == std::string_view::npos) continue;
    const auto day = std::find(kDayCodes.begin(), kDayCodes.end(), slot.substr(0, dash));
    const auto period = ParseEnum<DayPeriod>(slot.substr(dash + 1));
    if (day == kDayCodes.end() || !period) continue;
    availability.Set(static_cast<int>(day - kDayCodes.begin()), *period);
  }
  return availability;
}

std::string Availability::SlotCode(int day, DayPeriod period) {
  return std::string(kDayCodes.at(static_cast<std::size_t>(day))) + "-" +
         std::string(NameOf(period));
}

std::string Availability::Format() const {
  std::string stored;
  for (int day = 0; day < kDays; ++day) {
    for (int period = 0; period < kPeriods; ++period) {
      if (!Has(day, static_cast<DayPeriod>(period))) continue;
      if (!stored.empty()) stored += ',';
      stored += SlotCode(day, static_cast<DayPeriod>(period));
    }
  }
  return stored;
}

std::string_view WeekdayLabel(int day) { return kDayLabels.at(static_cast<std::size_t>(day)); }

const std::vector<HeardAbout>& HeardAboutSources() {
  static const std::vector<HeardAbout> sources = EnumValues<HeardAbout>();
  return sources;
}

Status CheckSupervisionSession(SupervisionSession& session, CivilDate today) {
  std::vector<FieldError> errors;
  if (DaysBetween(today, session.held_on) > 0) {
    AddError(errors, "held_on", N_("The date cannot be in the future."));
  }
  CheckText(errors, "notes", session.notes, 5000);
  return Checked(std::move(errors));
}

std::optional<int> SupervisionOverdueDays(std::optional<CivilDate> last_session,
                                          std::optional<CivilDate> approved_on, CivilDate today,
                                          int period_days) {
  const auto since = last_session ? last_session : approved_on;
  if (!since) return std::nullopt;
  const int days = DaysBetween(*since, today);
  if (days <= period_days) return std::nullopt;
  return days;
}

bool IsSupervisedStage(VolunteerStage stage) {
  return stage == VolunteerStage::kApproved || stage == VolunteerStage::kActive;
}

std::string Volunteer::FullName() const { return first_name + " " + last_name; }

std::optional<Instant> FirstApprovedAt(const std::vector<StageChange>& history) {
  for (const auto& change : history) {
    if (change.to == VolunteerStage::kApproved) return change.changed_at;
  }
  return std::nullopt;
}

int AgeOn(CivilDate date_of_birth, CivilDate today) { return YearsBetween(date_of_birth, today); }

Status CheckVolunteerDetails(Volunteer& volunteer, std::string_view date_of_birth_text,
                             CivilDate today) {
  std::vector<FieldError> errors;
  CheckText(errors, "first_name", volunteer.first_name, 80, N_("Enter the first name."));
  CheckText(errors, "last_name", volunteer.last_name, 80, N_("Enter the last name."));
  CheckEmail(errors, "email", volunteer.email,
             N_("Enter an e-mail address such as name@example.org."));
  for (const auto& [field, text, limit] :
       {std::tuple{"phone", &volunteer.phone, 40}, std::tuple{"region", &volunteer.region, 120},
        std::tuple{"languages", &volunteer.languages, 120},
        std::tuple{"availability_notes", &volunteer.availability_notes, 500},
        std::tuple{"occupation", &volunteer.occupation, 120},
        std::tuple{"gender", &volunteer.gender, 60}, std::tuple{"notes", &volunteer.notes, 5000}}) {
    CheckText(errors, field, *text, static_cast<std::size_t>(limit));
  }
  const std::string date_text = Trimmed(date_of_birth_text);
  volunteer.date_of_birth.reset();
  if (!date_text.empty()) {
    const auto date = ParseIsoDate(date_text);
    if (!date) {
      AddError(errors, "date_of_birth", N_("Enter a real date, such as 1980-05-31."));
    } else if (DaysBetween(*date, today) <= 0 || AgeOn(*date, today) > 120) {
      AddError(errors, "date_of_birth", N_("Enter a date of birth in the past."));
    } else {
      volunteer.date_of_birth = *date;
    }
  }
  return Checked(std::move(errors));
}

}  // namespace cercle::domain
