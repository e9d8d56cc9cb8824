#include "web/pages/concerns/concern_common.hpp"

#include "base/dates.hpp"
#include "web/badges.hpp"

namespace cercle::web::pages::concerns {

Error Localised(const Context& context, Error error) {
  const auto localise = [&](Message& message) {
    for (auto& argument : message.arguments) {
      if (argument.name == "date") {
        argument.value =
            context.services.translator.FormatCivilDate(context.language, argument.value);
      }
    }
  };
  localise(error.message);
  for (auto& field : error.fields) localise(field.message);
  return error;
}

std::optional<Instant> ParseMoment(const Context& context, std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.size() < 12) return std::nullopt;
  const auto separator = text.find_first_of("T ");
  if (separator != 10) return std::nullopt;
  const auto date = ParseIsoDate(text.substr(0, 10));
  const auto minute = circles::ParseTime(text.substr(11));
  if (!date || !minute) return std::nullopt;
  return circles::LocalInstant(context, *date, *minute);
}

std::string MomentValue(const Context& context, Instant instant) {
  return FormatIsoDate(circles::LocalDay(context, instant)) + "T" +
         circles::TimeText(circles::LocalMinute(context, instant));
}

std::string FormatMoment(const Context& context, Instant instant) {
  return context.services.translator.FormatDateTime(context.language, instant);
}

std::string ConcernHref(std::int64_t concern_id) {
  return "/concerns/" + std::to_string(concern_id);
}
std::string PortalConcernHref(std::int64_t concern_id) {
  return "/portal/concerns/" + std::to_string(concern_id);
}

mstch::map ConcernSummary(const Context& context, const app::concerns::ConcernRow& row) {
  const auto& concern = row.concern;
  return mstch::map{{"id", std::to_string(concern.id)},
                    {"code_name", row.code_name},
                    {"category", context.Translate(domain::LabelOf(concern.category))},
                    {"severity", SeverityBadge(context, concern.severity)},
                    {"emergency", concern.severity == domain::Severity::kEmergency},
                    {"status", context.Translate(domain::LabelOf(concern.status))},
                    {"status_badge", std::string(domain::ConcernStatusBadge(concern.status))},
                    {"raised_at", FormatMoment(context, concern.raised_at)},
                    {"raised_by", row.raised_by_name}};
}

mstch::array WithPrompt(const Context& context, const char* label, const std::string& chosen,
                        mstch::array choices) {
  mstch::array all{mstch::map{
      {"value", std::string()}, {"label", context.Translate(label)}, {"selected", chosen.empty()}}};
  for (auto& choice : choices) all.push_back(std::move(choice));
  return all;
}

mstch::array CategoryChoices(const Context& context, const std::string& chosen) {
  return WithPrompt(context, N_("Choose…"), chosen,
                    EnumChoices<domain::ConcernCategory>(context, chosen));
}

app::concerns::PageChoice ChoosePage(const Context& context, Pagination& pagination) {
  return [&context, &pagination](std::int64_t total) {
    pagination = Paginate(context.request, total);
    return pagination.Slice();
  };
}

void AddCitedSigns(const std::vector<domain::WarningSign>& signs, mstch::map& model) {
  mstch::array rows;
  for (const auto& sign : signs) {
    rows.push_back(mstch::map{
        {"sign", sign.sign}, {"response", sign.response}, {"called", sign.who_is_called}});
  }
  model["has_signs"] = !rows.empty();
  model["signs"] = rows;
}

}  // namespace cercle::web::pages::concerns
