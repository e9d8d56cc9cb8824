#include "domain/outreach.hpp"

#include "domain/enum_names.hpp"
#include "domain/intake_fields.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {
namespace {

constexpr CivilDate kEarliest{std::chrono::year{1950}, std::chrono::January, std::chrono::day{1}};

// Adds an error under `field` when `date` is in the future or implausibly old.
void CheckPastDate(std::vector<FieldError>& errors, const std::string& field, CivilDate date,
                   CivilDate today) {
  if (today < date) {
    errors.push_back({field, {N_("The date cannot be in the future."), {}}});
  } else if (date < kEarliest) {
    errors.push_back({field, {N_("Enter a date after 1950."), {}}});
  }
}

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

const std::vector<OutreachKind>& OutreachKinds() {
  static const std::vector<OutreachKind> kinds = {OutreachKind::kPresentation,
                                                  OutreachKind::kMediaInterview,
                                                  OutreachKind::kArticle, OutreachKind::kEvent};
  return kinds;
}

std::string_view OutreachKindName(OutreachKind kind) {
  switch (kind) {
    case OutreachKind::kPresentation:
      return "presentation";
    case OutreachKind::kMediaInterview:
      return "media_interview";
    case OutreachKind::kArticle:
      return "article";
    case OutreachKind::kEvent:
      return "event";
  }
  return "presentation";
}

std::optional<OutreachKind> ParseOutreachKind(std::string_view name) {
  return FindByName(OutreachKinds(), OutreachKindName, name);
}

std::string_view OutreachKindLabel(OutreachKind kind) {
  switch (kind) {
    case OutreachKind::kPresentation:
      return N_("Presentation");
    case OutreachKind::kMediaInterview:
      return N_("Media interview");
    case OutreachKind::kArticle:
      return N_("Article");
    case OutreachKind::kEvent:
      return N_("Event");
  }
  return N_("Presentation");
}

const std::vector<OutreachLanguage>& OutreachLanguages() {
  static const std::vector<OutreachLanguage> languages = {
      OutreachLanguage::kFrench, OutreachLanguage::kEnglish, OutreachLanguage::kBilingual,
      OutreachLanguage::kOther};
  return languages;
}

std::string_view OutreachLanguageName(OutreachLanguage language) {
  switch (language) {
    case OutreachLanguage::kFrench:
      return "fr";
    case OutreachLanguage::kEnglish:
      return "en";
    case OutreachLanguage::kBilingual:
      return "bilingual";
    case OutreachLanguage::kOther:
      return "other";
  }
  return "fr";
}

std::optional<OutreachLanguage> ParseOutreachLanguage(std::string_view name) {
  return FindByName(OutreachLanguages(), OutreachLanguageName, name);
}

std::string_view OutreachLanguageLabel(OutreachLanguage language) {
  switch (language) {
    case OutreachLanguage::kFrench:
      return N_("French");
    case OutreachLanguage::kEnglish:
      return N_("English");
    case OutreachLanguage::kBilingual:
      return N_("French and English");
    case OutreachLanguage::kOther:
      return N_("Other language");
  }
  return N_("French");
}

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
