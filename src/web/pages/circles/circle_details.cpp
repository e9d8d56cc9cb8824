#include "web/pages/circles/circle_details.hpp"

#include <string>
#include <utility>
#include <vector>

#include "web/form_fields.hpp"
#include "web/pages/circles/circle_common.hpp"

namespace cercle::web::pages::circles {
namespace {

using domain::CircleDetails;

// Every detail but the meeting times (a grid of their own, templates/circle_slots.mustache), in
// the order the form shows them; the listed ones are shown wherever the circle is read.
const std::vector<FormField<CircleDetails>>& DetailFields() {
  static const std::vector<FormField<CircleDetails>> fields = {
      EnumChoice<domain::OffenceProfile>(
          "offence_profile", N_("Offence profile (optional)"), &CircleDetails::offence_profile,
          N_("Choose an offence profile from the list."),
          {.hint = N_(
               "Volunteers who asked not to serve in circles of this profile are not suggested."),
           .blank = "—",
           .group = "detail_fields"}),
      Text("meeting_place", N_("Place"), &CircleDetails::meeting_place,
           {.limit = 120, .listed = true, .group = "detail_fields"}),
  };
  return fields;
}

const std::string kMeetingTimes = "meeting_times";

}  // namespace

Result<domain::CircleDetails> ReadCircleDetails(const Form& form) {
  CircleDetails details;
  auto errors = ReadFields(DetailFields(), form, details);
  details.meeting_times = SlotsOf(form, kMeetingTimes);
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return details;
}

void AddDetailFields(const Context& context, const domain::CircleDetails& details, const Form* form,
                     const Error* error, std::string_view prefix, mstch::map& model) {
  AddFieldGroups(context, DetailFields(), {.form = form, .error = error, .record = &details}, model,
                 {}, prefix);
  model["slot_rows"] = SlotRows(
      context, form ? SlotsOf(*form, kMeetingTimes) : details.meeting_times, std::string(prefix));
}

void AddDetailRows(const Context& context, const domain::CircleDetails& details,
                   mstch::map& model) {
  mstch::array rows;
  for (const auto& field : DetailFields()) {
    if (!field.options.listed) continue;
    const std::string value = field.value(details);
    if (value.empty()) continue;
    rows.push_back(mstch::map{{"label", context.Translate(field.label)}, {"value", value}});
  }
  if (!rows.empty()) model["detail_rows"] = mstch::map{{"rows", std::move(rows)}};
}

}  // namespace cercle::web::pages::circles
