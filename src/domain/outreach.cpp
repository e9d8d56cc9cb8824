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

StoryConsent StoryConsentOn(const SignificantStory& story, const std::vector<Consent>& consents,
                            CivilDate day) {
  StoryConsent consent;
  if (!story.about_core_member_id) return consent;
  consent.needed = true;
  static_cast<ConsentCover&>(consent) = CoverAmong(
      consents,
      [&](const Consent& candidate) {
        return candidate.scope == ConsentScope::kMedia &&
               candidate.core_member_id == *story.about_core_member_id;
      },
      day);
  return consent;
}

Message StoryConsentProblem(const StoryConsent& consent, CivilDate day) {
  if (consent.latest) {
    const Consent& latest = *consent.latest;
    switch (ConsentStateOn(latest, day)) {
      case ConsentState::kWithdrawn:
        return {N_("The core member this story is about withdrew his media or publication consent "
                   "on {date}."),
                {{"date", FormatIsoDate(latest.withdrawn_on.value_or(day))}}};
      case ConsentState::kExpired:
        return {N_("The media or publication consent of the core member this story is about "
                   "expired on {date}."),
                {{"date", FormatIsoDate(latest.expires_on.value_or(day))}}};
      case ConsentState::kNotYetValid:
        return {N_("The media or publication consent of the core member this story is about is "
                   "valid only from {date}."),
                {{"date", FormatIsoDate(latest.given_on)}}};
      case ConsentState::kActive:
        break;
    }
  }
  return {N_("The core member this story is about has no media or publication consent in force. "
             "Record his consent on his file first, or write the story about no one."),
          {}};
}

Status CheckStoryConsent(const SignificantStory& story, const std::vector<Consent>& consents,
                         CivilDate today) {
  const StoryConsent consent = StoryConsentOn(story, consents, today);
  if (consent.allows()) return {};
  return Error::Fields({{"about", StoryConsentProblem(consent, today)}});
}

bool Publishable(const SignificantStory& story, const std::vector<Consent>& consents,
                 CivilDate today) {
  return story.reviewed() && StoryConsentOn(story, consents, today).allows();
}

}  // namespace cercle::domain
