#include "domain/outreach.hpp"

#include "domain/enum_names.hpp"
#include "domain/intake_fields.hpp"
#include "domain/record_checks.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {
namespace {

// Adds `missing` under `field` when `text` is blank, or a length error past `limit` characters.
void CheckText(std::vector<FieldError>& errors, const std::string& field, const std::string& text,
               std::size_t limit, std::string_view missing) {
  if (!missing.empty() && text.empty()) {
    errors.push_back({field, {std::string(missing), {}}});
  } else if (volunteer_text::CharacterCount(text) > limit) {
    errors.push_back({field, intake::TooLong(limit)});
  }
}

}  // namespace

Status CheckOutreachActivity(OutreachActivity& activity, CivilDate today) {
  std::vector<FieldError> errors;
  activity.title = intake::Trimmed(activity.title);
  activity.audience = intake::Trimmed(activity.audience);
  activity.participants = intake::Trimmed(activity.participants);
  CheckPastDate(errors, "held_on", activity.held_on, today);
  CheckText(errors, "title", activity.title, 200, N_("Give the subject or the headline."));
  CheckText(errors, "audience", activity.audience, 200, N_("Say who it reached."));
  CheckText(errors, "participants", activity.participants, 500, "");
  if (activity.reach && (*activity.reach < 0 || *activity.reach > kMaxReach)) {
    errors.push_back({"reach",
                      {N_("Enter a whole number from {minimum} to {maximum}."),
                       {{"minimum", "0"}, {"maximum", std::to_string(kMaxReach)}}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

Status CheckSignificantStory(SignificantStory& story, CivilDate today) {
  std::vector<FieldError> errors;
  story.title = intake::Trimmed(story.title);
  story.text = intake::Trimmed(story.text);
  CheckPastDate(errors, "written_on", story.written_on, today);
  CheckText(errors, "title", story.title, 200, N_("Give the story a title."));
  CheckText(errors, "text", story.text, kMaxStoryLength, N_("Write the story."));
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

}  // namespace cercle::domain
