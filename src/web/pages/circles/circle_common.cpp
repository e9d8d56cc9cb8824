#include "web/pages/circles/circle_common.hpp"

#include "web/parameters.hpp"

namespace cercle::web::pages::circles {

CivilDate Today(const Context& context) { return context.services.app.Today(); }

Instant LocalInstant(const Context& context, CivilDate date, int minute) {
  return app::circles::LocalInstant(context.services.app, date, minute);
}

CivilDate LocalDay(const Context& context, Instant instant) {
  return context.services.translator.LocalDate(instant);
}

int LocalMinute(const Context& context, Instant instant) {
  return app::circles::LocalMinute(context.services.app, instant);
}

std::string TimeText(int minute) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", minute / 60, minute % 60);
  return text;
}

std::optional<int> ParseTime(std::string_view text) {
  std::string compact;
  for (const char c : text) {
    if (c != ' ') compact += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (compact.empty() || compact.size() > 5) return std::nullopt;
  const auto separator = compact.find_first_of(":h");
  const std::string hours = compact.substr(0, separator);
  const std::string minutes = separator == std::string::npos ? "" : compact.substr(separator + 1);
  const auto digits = [](const std::string& part) {
    return !part.empty() && part.size() <= 2 &&
           part.find_first_not_of("0123456789") == std::string::npos;
  };
  if (!digits(hours) || (!minutes.empty() && !digits(minutes))) return std::nullopt;
  if (!minutes.empty() && minutes.size() != 2) return std::nullopt;
  const int hour = std::stoi(hours);
  const int minute = minutes.empty() ? 0 : std::stoi(minutes);
  if (hour > 23 || minute > 59) return std::nullopt;
  return hour * 60 + minute;
}

std::string FormatDay(const Context& context, CivilDate date) {
  return context.services.translator.FormatCivilDate(context.language, FormatIsoDate(date));
}

void AddAgreementEffect(const Context& context,
                        const std::map<std::int64_t, domain::AgreementEffect>& effects,
                        std::int64_t agreement_id, mstch::map& row) {
  const auto found = effects.find(agreement_id);
  const auto standing =
      found == effects.end() ? domain::AgreementStanding::kNotInForce : found->second.standing;
  row["in_effect"] = standing == domain::AgreementStanding::kInEffect;
  row["suspended"] = standing == domain::AgreementStanding::kSuspended;
  row["not_in_force"] = standing == domain::AgreementStanding::kNotInForce;
  if (standing != domain::AgreementStanding::kSuspended) return;
  Message reason = found->second.reason;
  for (auto& argument : reason.arguments) {
    if (argument.name == "date") {
      argument.value =
          context.services.translator.FormatCivilDate(context.language, argument.value);
    }
  }
  row["suspension"] = context.Format(reason);
}

std::string FormatMeetingTime(const Context& context, Instant starts) {
  const int minute = LocalMinute(context, starts);
  const std::string time = context.language == i18n::Language::kFrench
                               ? std::to_string(minute / 60) + " h " + TimeText(minute).substr(3)
                               : TimeText(minute);
  return FormatDay(context, LocalDay(context, starts)) + ", " + time;
}

std::string FormatLength(const Context& context, int minutes) {
  if (minutes < 60) return std::to_string(minutes) + " min";
  const std::string rest = minutes % 60 == 0 ? "" : " " + TimeText(minutes).substr(3);
  (void)context;
  return std::to_string(minutes / 60) + " h" + rest;
}

std::string CircleHref(std::int64_t circle_id) { return "/circles/" + std::to_string(circle_id); }

std::string PortalCircleHref(std::int64_t circle_id) {
  return "/portal/circles/" + std::to_string(circle_id);
}

std::string PortalMeetingHref(std::int64_t meeting_id) {
  return "/portal/meetings/" + std::to_string(meeting_id);
}

std::string PreferencesHref(std::int64_t volunteer_id) {
  return "/circles/volunteers/" + std::to_string(volunteer_id);
}

std::string PlaceShown(const Context& context, const domain::Meeting& meeting) {
  const auto mode = domain::ModeShownInsteadOfPlace(meeting);
  return mode ? context.Translate(*mode) : meeting.place;
}

mstch::map MeetingHead(const Context& context, const domain::Meeting& meeting,
                       const std::string& circle_code_name, const std::string& circle_href) {
  return mstch::map{{"id", std::to_string(meeting.id)},
                    {"circle", circle_code_name},
                    {"circle_href", circle_href},
                    {"when", FormatMeetingTime(context, meeting.starts)},
                    {"kind", context.Translate(domain::LabelOf(meeting.kind))},
                    {"place", PlaceShown(context, meeting)}};
}

std::string PhaseBadge(domain::CirclePhase phase) {
  if (domain::IsActivePhase(phase)) return "ok";
  return phase == domain::CirclePhase::kClosed ? "" : "warning";
}

std::optional<domain::Circle> FindManagedCircle(Context& context, std::int64_t id) {
  auto circle = app::circles::LoadManagedCircle(context.services.app, context.signed_in(), id);
  if (!circle) return std::nullopt;
  return std::move(*circle);
}

std::optional<domain::Circle> FindManagedCircle(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return std::nullopt;
  return FindManagedCircle(context, *id);
}

mstch::array SlotRows(const Context& context, const domain::Availability& chosen,
                      const std::string& prefix) {
  mstch::array rows;
  for (int day = 0; day < domain::Availability::kDays; ++day) {
    mstch::array slots;
    for (int period = 0; period < domain::Availability::kPeriods; ++period) {
      const auto part = static_cast<domain::DayPeriod>(period);
      const std::string code = domain::Availability::SlotCode(day, part);
      slots.push_back(mstch::map{{"code", code},
                                 {"id", prefix + "-" + code},
                                 {"label", context.Translate(domain::LabelOf(part))},
                                 {"checked", chosen.Has(day, part)}});
    }
    rows.push_back(
        mstch::map{{"day", context.Translate(domain::WeekdayLabel(day))}, {"slots", slots}});
  }
  return rows;
}

domain::Availability SlotsOf(const Form& form, const std::string& field) {
  std::string slots;
  for (const auto& slot : form.All(field)) slots += slot + ",";
  return domain::Availability::Parse(slots);
}

mstch::map SectionModel(const Context& context, bool failed, const Form* form, const Error* error,
                        std::initializer_list<std::string> names,
                        const std::map<std::string, std::string>& defaults) {
  if (failed && form) return form->Model(context, names, error);
  mstch::map model = EmptyForm(names);
  for (const auto& [name, value] : defaults) model[name] = mstch::map{{"value", value}};
  return model;
}

}  // namespace cercle::web::pages::circles
