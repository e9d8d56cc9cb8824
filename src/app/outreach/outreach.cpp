#include "app/outreach/outreach.hpp"

#include <map>

#include "app/field_errors.hpp"
#include "auth/policies/report_policy.hpp"
#include "store/core_member_store.hpp"
#include "store/outreach_store.hpp"

namespace cercle::app::outreach {
namespace {

using auth::policies::OutreachPolicy;

// One kind of outreach record (activities, significant stories): the store's functions that keep
// it, its rule, and the audit entries of its changes.
template <class Row>
struct RecordKind {
  std::optional<Row> (store::OutreachStore::*find)(std::int64_t id, std::int64_t organisation_id);
  std::int64_t (store::OutreachStore::*insert)(const Row&);
  void (store::OutreachStore::*update)(const Row&);
  void (store::OutreachStore::*remove)(std::int64_t id, std::int64_t organisation_id);
  Status (*check)(Row&, CivilDate today);
  const char* create_action;
  const char* update_action;
  const char* remove_action;
  const char* object_type;
};

constexpr RecordKind<domain::OutreachActivity> kActivities{&store::OutreachStore::FindActivity,
                                                           &store::OutreachStore::InsertActivity,
                                                           &store::OutreachStore::UpdateActivity,
                                                           &store::OutreachStore::DeleteActivity,
                                                           &domain::CheckOutreachActivity,
                                                           "outreach.create",
                                                           "outreach.update",
                                                           "outreach.remove",
                                                           "outreach_activity"};

constexpr RecordKind<domain::SignificantStory> kStories{&store::OutreachStore::FindStory,
                                                        &store::OutreachStore::InsertStory,
                                                        &store::OutreachStore::UpdateStory,
                                                        &store::OutreachStore::DeleteStory,
                                                        &domain::CheckSignificantStory,
                                                        "story.create",
                                                        "story.update",
                                                        "story.remove",
                                                        "significant_story"};

// The record `id` of `kind` when the actor may see and change it.
template <class Row>
Result<Row> Find(const auth::Actor& actor, store::Unit& unit, const RecordKind<Row>& kind,
                 std::int64_t id) {
  if (!actor.organisation_id || !OutreachPolicy::CanManage(actor)) return Error::NotFound();
  auto row = (store::OutreachStore(unit.session()).*kind.find)(id, *actor.organisation_id);
  if (!row || !OutreachPolicy::CanChange(actor, row->organisation_id)) return Error::NotFound();
  return std::move(*row);
}

// Copies what the activity form sets onto `activity`: everything but its identity and who
// recorded it when.
void SetDetails(domain::OutreachActivity& activity, const ActivityForm& form) {
  domain::OutreachActivity details = form.details;
  details.id = activity.id;
  details.organisation_id = activity.organisation_id;
  details.recorded_by = activity.recorded_by;
  details.recorded_at = activity.recorded_at;
  activity = std::move(details);
}

// Copies what the story form sets onto `story`.
void SetDetails(domain::SignificantStory& story, const StoryForm& form) {
  story.written_on = form.written_on;
  story.title = form.title;
  story.text = form.text;
  story.about_core_member_id = form.about_core_member_id;
}

// The consents of core member `core_member_id` of the organisation; a field error "about" when the
// organisation has no such core member.
Result<std::vector<domain::Consent>> SubjectConsents(const store::Unit& unit,
                                                     std::int64_t core_member_id) {
  store::CoreMemberStore core_members(unit.session());
  if (!core_members.Find(core_member_id, unit.organisation_id())) {
    return Error::Fields({{"about", {N_("Choose one of the options."), {}}}});
  }
  return core_members.Consents(core_member_id, unit.organisation_id());
}

// What an activity must agree with among other records: nothing.
Status CheckAgainstRecords(const store::Unit&, const domain::OutreachActivity&, CivilDate) {
  return {};
}

// A story about a core member: one of the organisation's, whose media consent is in force `today`.
Status CheckAgainstRecords(const store::Unit& unit, const domain::SignificantStory& story,
                           CivilDate today) {
  if (!story.about_core_member_id) return {};
  const auto consents = TRY(SubjectConsents(unit, *story.about_core_member_id));
  return domain::CheckStoryConsent(story, consents, today);
}

// Marks `activity` as recorded by the actor at `now`.
void Stamp(domain::OutreachActivity& activity, const auth::Actor& actor, Instant now) {
  activity.recorded_by = actor.user_id;
  activity.recorded_at = activity.updated_at = now;
}

// Marks `story` as written by the actor at `now`.
void Stamp(domain::SignificantStory& story, const auth::Actor& actor, Instant now) {
  story.written_by = actor.user_id;
  story.created_at = story.updated_at = now;
}

// Records a new record of `kind` as `form` says, checked by the kind's rule, audited; Forbidden
// for an actor who may not manage outreach. Returns its id.
template <class Row, class Form>
Result<std::int64_t> Create(const Services& services, const auth::Actor& actor,
                            const RecordKind<Row>& kind, const Form& form) {
  if (!OutreachPolicy::CanManage(actor)) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    Row row;
    row.organisation_id = *actor.organisation_id;
    SetDetails(row, form);
    Stamp(row, actor, unit.now());
    TRY(Combine(form.unreadable, kind.check(row, services.Today())));
    TRY(CheckAgainstRecords(unit, row, services.Today()));
    row.id = (store::OutreachStore(unit.session()).*kind.insert)(row);
    Audit(services, unit, actor, {kind.create_action, kind.object_type, std::to_string(row.id)});
    return row.id;
  });
}

// Changes record `id` of `kind` as `form` says, checked by the kind's rule, audited.
template <class Row, class Form>
Status Edit(const Services& services, const auth::Actor& actor, const RecordKind<Row>& kind,
            std::int64_t id, const Form& form) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    auto row = TRY(Find(actor, unit, kind, id));
    SetDetails(row, form);
    row.updated_at = unit.now();
    TRY(Combine(form.unreadable, kind.check(row, services.Today())));
    TRY(CheckAgainstRecords(unit, row, services.Today()));
    (store::OutreachStore(unit.session()).*kind.update)(row);
    Audit(services, unit, actor, {kind.update_action, kind.object_type, std::to_string(id)});
    return {};
  });
}

// Deletes record `id` of `kind`, audited.
template <class Row>
Status Remove(const Services& services, const auth::Actor& actor, const RecordKind<Row>& kind,
              std::int64_t id) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    const auto row = TRY(Find(actor, unit, kind, id));
    (store::OutreachStore(unit.session()).*kind.remove)(id, row.organisation_id);
    Audit(services, unit, actor, {kind.remove_action, kind.object_type, std::to_string(id)});
    return {};
  });
}

}  // namespace

Result<OutreachPage> LoadOutreachPage(const Services& services, const auth::Actor& actor,
                                      const PageOf& activity_page, const PageOf& story_page) {
  if (!OutreachPolicy::CanManage(actor)) return Error::Forbidden();
  const std::int64_t organisation = *actor.organisation_id;
  const CivilDate today = services.Today();
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    store::OutreachStore store(unit.session());
    const auto activities = activity_page(store.CountActivities(organisation));
    const auto stories = story_page(store.CountStories(organisation));
    OutreachPage page{store.ListActivities(organisation, activities),
                      store.ListStories(organisation, stories),
                      {}};
    store::CoreMemberStore core_members(unit.session());
    std::map<std::int64_t, std::vector<domain::Consent>> consents;
    for (const auto& story : page.stories) {
      if (!story.about_core_member_id) continue;
      const std::int64_t about = *story.about_core_member_id;
      if (!consents.contains(about)) consents[about] = core_members.Consents(about, organisation);
      if (!domain::StoryConsentOn(story, consents[about], today).allows()) {
        page.held_back.insert(story.id);
      }
    }
    return page;
  });
}

Result<std::vector<StorySubject>> LoadStorySubjects(const Services& services,
                                                    const auth::Actor& actor) {
  if (!OutreachPolicy::CanManage(actor)) return Error::Forbidden();
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    std::vector<StorySubject> subjects;
    for (const auto& core_member :
         store::CoreMemberStore(unit.session()).List(unit.organisation_id(), {})) {
      subjects.push_back({core_member.id, core_member.name_used(), core_member.file_number});
    }
    return subjects;
  });
}

Result<std::int64_t> CreateActivity(const Services& services, const auth::Actor& actor,
                                    const ActivityForm& form) {
  return Create(services, actor, kActivities, form);
}

Result<domain::OutreachActivity> LoadActivity(const Services& services, const auth::Actor& actor,
                                              std::int64_t id) {
  return Read(services, actor.scope(),
              [&](store::Unit& unit) { return Find(actor, unit, kActivities, id); });
}

Status EditActivity(const Services& services, const auth::Actor& actor, std::int64_t id,
                    const ActivityForm& form) {
  return Edit(services, actor, kActivities, id, form);
}

Status RemoveActivity(const Services& services, const auth::Actor& actor, std::int64_t id) {
  return Remove(services, actor, kActivities, id);
}

Result<std::int64_t> CreateStory(const Services& services, const auth::Actor& actor,
                                 const StoryForm& form) {
  return Create(services, actor, kStories, form);
}

Result<domain::SignificantStory> LoadStory(const Services& services, const auth::Actor& actor,
                                           std::int64_t id, RecordReading record) {
  auto story = Read(services, actor.scope(),
                    [&](store::Unit& unit) { return Find(actor, unit, kStories, id); });
  if (story && record == RecordReading::kYes) {
    AuditView(services, actor, {"story.view", "significant_story", std::to_string(id)});
  }
  return story;
}

Result<StoryPage> LoadStoryPage(const Services& services, const auth::Actor& actor, std::int64_t id,
                                RecordReading record) {
  const CivilDate today = services.Today();
  StoryPage page{TRY(LoadStory(services, actor, id, record)), {}, {}, today};
  if (!page.story.about_core_member_id) return page;
  const std::int64_t about = *page.story.about_core_member_id;
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    StoryPage loaded = page;
    store::CoreMemberStore core_members(unit.session());
    if (const auto core_member = core_members.Find(about, loaded.story.organisation_id)) {
      loaded.about =
          StorySubject{core_member->id, core_member->name_used(), core_member->file_number};
    }
    loaded.consent = domain::StoryConsentOn(
        loaded.story, core_members.Consents(about, loaded.story.organisation_id), today);
    return loaded;
  });
}

Status EditStory(const Services& services, const auth::Actor& actor, std::int64_t id,
                 const StoryForm& form) {
  return Edit(services, actor, kStories, id, form);
}

Status ReviewStory(const Services& services, const auth::Actor& actor, std::int64_t id,
                   bool confirmed) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    const auto story = TRY(Find(actor, unit, kStories, id));
    if (!confirmed) {
      return Error::Fields(
          {{"confirm", {N_("Tick the box to confirm that the story identifies no one."), {}}}});
    }
    // A story about a core member goes out only with his media consent in force.
    TRY(CheckAgainstRecords(unit, story, services.Today()));
    // A story reviewed meanwhile by someone else stays as they reviewed it.
    if (store::OutreachStore(unit.session())
            .MarkReviewed(id, story.organisation_id, actor.user_id, unit.now())) {
      Audit(services, unit, actor, {"story.review", "significant_story", std::to_string(id)});
    }
    return {};
  });
}

Status RemoveStory(const Services& services, const auth::Actor& actor, std::int64_t id) {
  return Remove(services, actor, kStories, id);
}

}  // namespace cercle::app::outreach
