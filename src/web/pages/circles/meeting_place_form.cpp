#include "web/pages/circles/meeting_place_form.hpp"

#include <algorithm>

#include "web/pages/circles/circle_common.hpp"

namespace cercle::web::pages::circles {

void AddPlaceChoices(const Context& context, const std::vector<domain::Venue>& venues,
                     const std::string& usual, const Form* failed, const Error* error,
                     mstch::map& form) {
  std::string chosen = failed ? failed->Get("venue") : "";
  mstch::array choices;
  for (const auto& venue : venues) {
    const std::string id = std::to_string(venue.id);
    if (!failed && venue.name == usual) chosen = id;
    choices.push_back(mstch::map{{"value", id}, {"label", venue.name}, {"selected", id == chosen}});
  }
  form["venues"] = choices;
  form["no_venue"] = venues.empty();
  form["modes"] = Choices(context, domain::EnumValues<domain::MeetingMode>(),
                          domain::NameOf<domain::MeetingMode>, domain::LabelOf<domain::MeetingMode>,
                          failed ? failed->Get("mode") : "in_person");
  mstch::array clashes;
  bool reason_refused = false;
  if (failed && error) {
    for (const auto& field : error->fields) {
      // A clash names its condition (domain::ClashesWith); each one shows, where the form's own
      // errors show only the last of a field.
      const auto& arguments = field.message.arguments;
      const bool clash =
          std::any_of(arguments.begin(), arguments.end(),
                      [](const MessageArgument& argument) { return argument.name == "condition"; });
      if (clash) clashes.push_back(mstch::map{{"message", context.Format(field.message)}});
      reason_refused = reason_refused || field.field == "override_reason";
    }
  }
  form["clashes"] = clashes;
  form["can_override"] = !clashes.empty() || reason_refused;
  form["override_checked"] = failed && failed->Get("override") == "yes";
}

}  // namespace cercle::web::pages::circles
