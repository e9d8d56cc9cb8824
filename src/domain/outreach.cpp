#include "domain/outreach.hpp"

#include "domain/enum_names.hpp"
#include "domain/field_checks.hpp"

namespace cercle::domain {
Status CheckOutreachActivity(OutreachActivity& activity, CivilDate today) {
  std::vector<FieldError> errors;
  CheckRecordDate(errors, "held_on", activity.held_on, today);
  CheckText(errors, "title", activity.title, 200, N_("Give the subject or the headline."));
  CheckText(errors, "audience", activity.audience, 200, N_("Say who it reached."));
  CheckText(errors, "participants", activity.participants, 500);
  if (activity.reach) CheckWholeNumber(errors, "reach", *activity.reach, 0, kMaxReach);
  return Checked(std::move(errors));
}

Status CheckSignificantStory(SignificantStory& story, CivilDate today) {
  std::vector<FieldError> errors;
  CheckRecordDate(errors, "written_on", story.written_on, today);
  CheckText(errors, "title", story.title, 200, N_("Give the story a title."));
  CheckText(errors, "text", story.text, kMaxStoryLength, N_("Write the story."));
  return Checked(std::move(errors));
}

}  // namespace cercle::domain
