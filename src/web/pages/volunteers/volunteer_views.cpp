#include "web/pages/volunteers/volunteer_views.hpp"

#include <array>

#include "web/badges.hpp"
#include "web/pagination.hpp"

namespace cercle::web::pages::volunteers {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {
    N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
    N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December")};

}  // namespace

ProgramSetup LoadProgramSetup(Context& context, AddDefaults add) {
  return app::volunteers::LoadProgramSetup(context.services.app, context.signed_in(), add);
}

app::PageRequest RequestedPage(const Context& context, std::string_view parameter) {
  return {Paginate(context.request, kUnknownTotal, kPageSize, parameter).page, kPageSize};
}

app::PageRequest RequestedHoursPage(const Context& context) {
  return RequestedPage(context, "hours_page");
}

std::string FormatHours(const Context& context, std::int64_t minutes) {
  const int decimals = minutes % 60 == 0 ? 0 : (minutes * 10) % 60 == 0 ? 1 : 2;
  return context.services.translator.FormatNumber(context.language,
                                                  static_cast<double>(minutes) / 60.0, decimals);
}

std::string DurationText(int minutes) {
  if (minutes % 60 == 0) return std::to_string(minutes / 60);
  const int rest = minutes % 60;
  return std::to_string(minutes / 60) + ":" + (rest < 10 ? "0" : "") + std::to_string(rest);
}

std::string FormatMoney(const Context& context, std::int64_t cents) {
  const std::string amount = context.services.translator.FormatNumber(
      context.language, static_cast<double>(cents) / 100.0, 2);
  return context.language == i18n::Language::kFrench ? amount + " $" : "$" + amount;
}

std::string FormatDate(const Context& context, CivilDate date) {
  return context.services.translator.FormatCivilDate(context.language, FormatIsoDate(date));
}

std::string SessionDates(const Context& context, const domain::TrainingSession& session) {
  if (!session.ends_on) return FormatDate(context, session.held_on);
  return context.Format({N_("from {first} to {last}"),
                         {{"first", FormatDate(context, session.held_on)},
                          {"last", FormatDate(context, *session.ends_on)}}});
}

mstch::array ScreeningResultChoices(const Context& context, const std::string& chosen) {
  mstch::array results;
  for (const auto result : {domain::ScreeningResult::kPassed, domain::ScreeningResult::kPending,
                            domain::ScreeningResult::kFailed}) {
    const std::string name(domain::NameOf(result));
    results.push_back(mstch::map{{"value", name},
                                 {"label", context.Translate(domain::LabelOf(result))},
                                 {"selected", name == chosen}});
  }
  return results;
}

std::string ValidityText(const Context& context, const domain::ScreeningItemType& type) {
  if (type.validity_months <= 0) return "";
  return context.Format(
      {N_("valid {months} months"), {{"months", std::to_string(type.validity_months)}}});
}

std::string DataName(const Context& context, const std::string& name) {
  return context.Translate(name);
}

mstch::array GateFailureTexts(const Context& context, const domain::GateResult& result) {
  using domain::GateCondition;
  mstch::array texts;
  for (const auto& failure : result.failures) {
    Message message;
    switch (failure.condition) {
      case GateCondition::kApproved:
        message = {N_("Not approved yet."), {}};
        break;
      case GateCondition::kMinimumAge:
        message = failure.have == 0
                      ? Message{N_("The date of birth is not recorded (the minimum age is {age})."),
                                {{"age", std::to_string(failure.need)}}}
                      : Message{N_("Under the program's minimum age of {age}."),
                                {{"age", std::to_string(failure.need)}}};
        break;
      case GateCondition::kScreeningValid:
        message = {N_("{item}: {have} valid of {need} required."),
                   {{"item", DataName(context, failure.subject)},
                    {"have", std::to_string(failure.have)},
                    {"need", std::to_string(failure.need)}}};
        break;
      case GateCondition::kBasicTrainingComplete:
        message = {N_("{module}: {have} h attended of {need} h."),
                   {{"module", DataName(context, failure.subject)},
                    {"have", FormatHours(context, failure.have)},
                    {"need", FormatHours(context, failure.need)}}};
        break;
      case GateCondition::kNotOnLeave:
        message = {N_("On leave."), {}};
        break;
      case GateCondition::kBelowCircleLimit:
        message = {
            N_("Already in {count} circles; the limit is {limit}."),
            {{"count", std::to_string(failure.have)}, {"limit", std::to_string(failure.need)}}};
        break;
    }
    texts.push_back(mstch::map{{"text", context.Format(message)},
                               {"condition", std::string(NameOf(failure.condition))}});
  }
  return texts;
}

mstch::array ScreeningStatusRows(const Context& context,
                                 const std::vector<domain::ScreeningTypeStatus>& statuses) {
  mstch::array rows;
  for (const auto& status : statuses) {
    mstch::map row{{"name", DataName(context, status.type.name)},
                   {"status", context.Translate(domain::LabelOf(status.status))},
                   {"status_name", std::string(domain::NameOf(status.status))},
                   {"badge", ScreeningBadge(status.status)},
                   {"required", status.type.required},
                   {"count", std::to_string(status.valid_count) + " / " +
                                 std::to_string(std::max(1, status.type.required_count))},
                   {"several", status.type.required_count > 1}};
    if (status.expires_on) row["expires"] = FormatDate(context, *status.expires_on);
    row["expired"] = status.status == domain::ScreeningStatus::kExpired;
    rows.push_back(std::move(row));
  }
  return rows;
}

mstch::array TrainingProgressRows(const Context& context,
                                  const std::vector<domain::TrainingProgress>& progress) {
  mstch::array rows;
  for (const auto& entry : progress) {
    const int required = entry.module.required_minutes;
    mstch::map row{{"name", DataName(context, entry.module.name)},
                   {"attended", FormatHours(context, entry.attended_minutes)},
                   {"sessions", std::to_string(entry.sessions)},
                   {"required_for_circles", entry.module.required_for_circles},
                   {"complete", required > 0 && entry.complete()},
                   {"has_requirement", required > 0}};
    if (required > 0) {
      row["required"] = FormatHours(context, required);
      row["percent"] = std::to_string(std::min(100, entry.attended_minutes * 100 / required));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

mstch::array YearRows(const Context& context, const domain::HoursTotals& totals,
                      std::int64_t hourly_cents) {
  mstch::array rows;
  for (auto it = totals.by_year.rbegin(); it != totals.by_year.rend(); ++it) {
    rows.push_back(mstch::map{
        {"year", std::to_string(it->first)},
        {"hours", FormatHours(context, it->second)},
        {"value", FormatMoney(context, domain::HoursValueCents(it->second, hourly_cents))}});
  }
  return rows;
}

mstch::array MonthRows(const Context& context, const domain::HoursTotals& totals,
                       std::int64_t hourly_cents) {
  mstch::array rows;
  for (auto it = totals.by_month.rbegin(); it != totals.by_month.rend(); ++it) {
    const std::string month =
        context.Format({N_("{month} {year}"),
                        {{"month", context.Translate(kMonthNames.at(it->first.month - 1))},
                         {"year", std::to_string(it->first.year)}}});
    rows.push_back(mstch::map{
        {"month", month},
        {"hours", FormatHours(context, it->second)},
        {"value", FormatMoney(context, domain::HoursValueCents(it->second, hourly_cents))}});
  }
  return rows;
}

std::vector<domain::HoursEntry> CombinedHours(
    const std::vector<domain::TrainingAttendance>& attendance,
    const std::vector<domain::HoursEntry>& logged) {
  return domain::CombinedHours(attendance, logged);
}

Result<app::volunteers::LogHoursCommand> ParseLoggedHours(
    const std::multimap<std::string, std::string>& fields, std::int64_t volunteer_id) {
  const auto field = [&](const std::string& name) {
    const auto found = fields.find(name);
    return found == fields.end() ? std::string() : found->second;
  };
  std::vector<FieldError> errors;
  const auto worked_on = ParseIsoDate(Trimmed(field("worked_on")));
  if (!worked_on)
    errors.push_back({"worked_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
  const auto kind = domain::ParseEnum<domain::HoursKind>(field("kind"));
  if (!kind || *kind == domain::HoursKind::kTraining) {
    errors.push_back({"kind", {N_("Choose what the time was for."), {}}});
  }
  const auto minutes = domain::ParseDuration(field("duration"));
  if (!minutes) {
    errors.push_back(
        {"duration", {N_("Enter a duration such as 1.5 or 1:30, at most 24 hours."), {}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return app::volunteers::LogHoursCommand{.volunteer_id = volunteer_id,
                                          .worked_on = *worked_on,
                                          .kind = *kind,
                                          .minutes = *minutes,
                                          .description = field("description")};
}

mstch::array HoursKindChoices(const Context& context, const std::string& chosen) {
  mstch::array choices;
  for (const auto kind : domain::LoggedHoursKinds()) {
    const std::string name(domain::NameOf(kind));
    choices.push_back(mstch::map{{"value", name},
                                 {"label", context.Translate(domain::LabelOf(kind))},
                                 {"selected", name == chosen}});
  }
  return choices;
}

std::string StageBadge(domain::VolunteerStage stage) {
  using enum domain::VolunteerStage;
  return ToneOf(
      stage,
      {.ok = {kApproved, kActive}, .warning = {kOnLeave}, .danger = {kExited, kNotRetained}});
}

std::string ScreeningBadge(domain::ScreeningStatus status) {
  using enum domain::ScreeningStatus;
  return ToneOf(
      status,
      {.ok = {kValid}, .warning = {kExpiringSoon, kPending}, .danger = {kExpired, kNotAccepted}});
}

void AddOwnHoursPagination(const Context& context, const LoggedHours& hours, mstch::map& model) {
  AddPagination(context, Paginate(context.request, hours.own_total, kPageSize, "hours_page"), model,
                "hours_pages", N_("Pages of the hours logged"));
}

}  // namespace cercle::web::pages::volunteers
