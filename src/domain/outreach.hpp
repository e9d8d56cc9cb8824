#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/legal.hpp"
#include "domain/person_enums.hpp"

// Outreach to the media and the public (presentations, media interviews, articles, events), and the
// significant stories staff write for funders and the public. No I/O.
namespace cercle::domain {

// One presentation, interview, article or event.
struct OutreachActivity {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  CivilDate held_on{};
  OutreachKind kind = OutreachKind::kPresentation;
  std::string title;         // the subject, or the article's headline
  std::string audience;      // who it reached: "students in criminology", "a parish", a newspaper
  std::optional<int> reach;  // people reached (attendance, estimated readers), when known
  OutreachLanguage language = OutreachLanguage::kFrench;
  std::string participants;  // who took part (staff, volunteers, a former core member)
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
  Instant updated_at;
};

// The largest reach recorded for one activity (a national broadcast).
inline constexpr int kMaxReach = 10'000'000;

// Trims the activity's text and checks it: a date not in the future and not before 1950, a title of
// 1 to 200 characters, an audience of 1 to 200, participants of at most 500, a reach from 0 to
// kMaxReach. Field errors "held_on", "title", "audience", "participants", "reach".
Status CheckOutreachActivity(OutreachActivity& activity, CivilDate today);

// A story of change that shows the program's work, written by staff. It goes to funders and to the
// public page only once someone has reviewed it and marked it as identifying no one; a story about
// a core member also needs his media or publication consent in force, then and whenever it is
// shown.
struct SignificantStory {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  CivilDate written_on{};
  std::string title;
  std::string text;
  std::optional<std::int64_t> about_core_member_id;  // the core member it is about, if any
  std::optional<std::int64_t> written_by;
  std::optional<std::int64_t> reviewed_by;  // none until reviewed
  std::optional<Instant> reviewed_at;
  Instant created_at;
  Instant updated_at;

  bool reviewed() const { return reviewed_at.has_value(); }
};

// What the media consents (ConsentScope::kMedia) of the core member a story is about say on a day.
// The cover is that of his media consents.
struct StoryConsent : ConsentCover {
  bool needed = false;  // the story is about a core member

  // True when the story may be saved, reviewed and shown: about no one, or with a consent in force.
  bool allows() const { return !needed || covered(); }
};

// The consent `story` rests on, among `consents` (those of the core member it is about; other
// people's and other scopes are ignored), on `day`.
StoryConsent StoryConsentOn(const SignificantStory& story, const std::vector<Consent>& consents,
                            CivilDate day);

// Why a story cannot rest on `consent` (which does not allow it) on `day`: none given, withdrawn
// on, expired on, valid only from (dates in ISO form).
Message StoryConsentProblem(const StoryConsent& consent, CivilDate day);

// Checks that `story` may be saved or reviewed on `today` given the `consents` of the core member
// it is about: field error "about" with StoryConsentProblem otherwise.
Status CheckStoryConsent(const SignificantStory& story, const std::vector<Consent>& consents,
                         CivilDate today);

// True when `story` may be published (to funders, on the public page) on `today`: reviewed, and
// allowed by the consents of the core member it is about.
bool Publishable(const SignificantStory& story, const std::vector<Consent>& consents,
                 CivilDate today);

// The longest story, in characters.
inline constexpr std::size_t kMaxStoryLength = 5000;

// Trims the story and checks it: a date not in the future and not before 1950, a title of 1 to 200
// characters, a text of 1 to kMaxStoryLength. Field errors "written_on", "title", "text".
Status CheckSignificantStory(SignificantStory& story, CivilDate today);

}  // namespace cercle::domain
