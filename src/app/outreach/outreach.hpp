#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/outreach.hpp"
#include "store/page_slice.hpp"

// The outreach log (presentations, media interviews, articles, events) and the significant stories
// staff write and review before they go to funders or the public. Coordinators and organisation
// admins (OutreachPolicy); every change audited. A record of another organisation, or one the
// actor may not change, is NotFound.
namespace cercle::app::outreach {

// The page of a list the caller shows among `total` rows.
using PageOf = std::function<store::PageSlice(std::int64_t total)>;

struct OutreachPage {
  std::vector<domain::OutreachActivity> activities;  // the page asked for, newest first
  std::vector<domain::SignificantStory> stories;
  // The stories among them about a core member whose media consent is not in force today: they
  // are not published.
  std::set<std::int64_t> held_back;
};

// One page of the log and one of the stories. Forbidden for actors who may not manage outreach.
Result<OutreachPage> LoadOutreachPage(const Services& services, const auth::Actor& actor,
                                      const PageOf& activity_page, const PageOf& story_page);

// An activity as its form was typed: the details a user sets (held_on, kind, title, audience,
// reach, language, participants) and the fields the form could not read.
struct ActivityForm {
  domain::OutreachActivity details;
  std::vector<FieldError> unreadable;
};

// Records a new activity ("outreach.create"); returns its id. Refuses, with every field's error,
// a form with unreadable fields or details the rules refuse.
Result<std::int64_t> CreateActivity(const Services& services, const auth::Actor& actor,
                                    const ActivityForm& form);
// The activity `id`, for its edit form.
Result<domain::OutreachActivity> LoadActivity(const Services& services, const auth::Actor& actor,
                                              std::int64_t id);
// Stores the activity's new details ("outreach.update").
Status EditActivity(const Services& services, const auth::Actor& actor, std::int64_t id,
                    const ActivityForm& form);
// Removes an activity ("outreach.remove").
Status RemoveActivity(const Services& services, const auth::Actor& actor, std::int64_t id);

// A story as its form was typed: its date, title and text, the core member it is about (if any),
// and the fields the form could not read.
struct StoryForm {
  CivilDate written_on{};
  std::string title;
  std::string text;
  std::optional<std::int64_t> about_core_member_id;
  std::vector<FieldError> unreadable;
};

// A core member a story may be about, for the form's choice.
struct StorySubject {
  std::int64_t id = 0;
  std::string name;  // the name he uses
  std::string file_number;
};
// The organisation's core members, by name, for the story form. Forbidden for actors who may not
// manage outreach.
Result<std::vector<StorySubject>> LoadStorySubjects(const Services& services,
                                                    const auth::Actor& actor);

// Writes a new story ("story.create"); returns its id. A story about a core member needs one of
// the organisation's, with his media consent in force today (domain::CheckStoryConsent: field
// "about", with the reason).
Result<std::int64_t> CreateStory(const Services& services, const auth::Actor& actor,
                                 const StoryForm& form);

// A story with what its page shows of the core member it is about.
struct StoryPage {
  domain::SignificantStory story;
  std::optional<StorySubject> about;
  // His media consent today; a story it does not allow is not published (and says why).
  domain::StoryConsent consent;
  CivilDate today;
};

// Whether reading a story is recorded: until it is reviewed, a story may still name someone.
enum class RecordReading { kYes, kNo };
// The story `id` ("story.view" recorded when `record` says so).
Result<domain::SignificantStory> LoadStory(const Services& services, const auth::Actor& actor,
                                           std::int64_t id, RecordReading record);
// The story's page: the story `id` as LoadStory reads it, the core member it is about and his media
// consent today.
Result<StoryPage> LoadStoryPage(const Services& services, const auth::Actor& actor, std::int64_t id,
                                RecordReading record);
// Stores the story's new date, title, text and subject ("story.update"), with the consent checked
// as CreateStory does; a changed story is reviewed again.
Status EditStory(const Services& services, const auth::Actor& actor, std::int64_t id,
                 const StoryForm& form);
// Marks the story as reviewed by the actor, who `confirmed` it identifies no one ("story.review";
// a story reviewed meanwhile by someone else stays as they reviewed it). Refuses without the
// confirmation (field "confirm"), and a story about a core member whose media consent is not in
// force today (field "about", with the reason).
Status ReviewStory(const Services& services, const auth::Actor& actor, std::int64_t id,
                   bool confirmed);
// Removes a story ("story.remove").
Status RemoveStory(const Services& services, const auth::Actor& actor, std::int64_t id);

}  // namespace cercle::app::outreach
