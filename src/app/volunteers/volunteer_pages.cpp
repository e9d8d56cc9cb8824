#include "app/volunteers/volunteer_pages.hpp"

#include "app/record_views.hpp"
#include "auth/policies/volunteer_policy.hpp"
#include "store/circle_store.hpp"
#include "store/screening_store.hpp"
#include "store/training_store.hpp"
#include "store/user_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::volunteers {
namespace {

using auth::policies::VolunteerPolicy;

// The views of a file the page lists.
constexpr int kViewersShown = 50;

// A total for the list's store, which counts and pages in one call: the page as requested.
constexpr std::int64_t kUnknownTotal = 1'000'000'000'000;

void RecordFileView(const Services& services, const auth::Actor& actor, std::int64_t id) {
  AuditView(services, actor, {"volunteer.view", "volunteer", std::to_string(id)});
}

// The file's rows, read in one transaction.
void ReadFileRows(const store::Unit& unit, const PageRequest& hours_page, FilePage& page) {
  const std::int64_t organisation = unit.organisation_id();
  const std::int64_t id = page.volunteer.id;
  store::VolunteerStore volunteers(unit.session());
  page.history = volunteers.History(id, organisation);
  page.supervision = volunteers.ListSupervision(id, organisation);
  page.items = store::ScreeningStore(unit.session()).ListItems(id, organisation);
  page.attendance = store::TrainingStore(unit.session()).VolunteerAttendance(id, organisation);
  page.logged = ReadLoggedHours(unit, id, hours_page);
  for (const auto& user : store::UserStore(unit.session()).ListOrganisation(organisation)) {
    page.user_names[user.id] = user.display_name;
  }
}

// What the rules say of the file on `page.today`: the gate, the hold and supervision.
void ApplyRules(const Services& services, int circle_count, FilePage& page) {
  const auto& setup = page.setup;
  page.gate = domain::CheckVolunteerGate({page.volunteer, setup.screening_types, page.items,
                                          setup.training_modules, page.attendance, circle_count},
                                         setup.settings, page.today);
  page.on_hold = domain::OnHoldForExpiredScreening(setup.screening_types, page.items, page.today);
  page.supervision_period_days =
      static_cast<int>(setup.settings.Get(domain::SettingKey::kVolunteerSupervisionPeriodDays));
  if (!domain::IsSupervisedStage(page.volunteer.stage)) return;
  std::optional<CivilDate> last_session;
  if (!page.supervision.empty()) last_session = page.supervision.front().held_on;
  std::optional<CivilDate> approved_on;
  if (const auto approved_at = domain::FirstApprovedAt(page.history)) {
    approved_on = services.translator.LocalDate(*approved_at);
  }
  page.supervision_overdue_days = domain::SupervisionOverdueDays(
      last_session, approved_on, page.today, page.supervision_period_days);
}

// Who viewed file `id` lately, newest first.
std::vector<audit::Entry> Viewers(const Services& services, const auth::Actor& actor,
                                  std::int64_t id) {
  return LatestEntriesAbout(services, actor.organisation_id.value_or(0), "volunteer.view",
                            "volunteer", id, kViewersShown);
}

// The list's rows, each with the gate and the hold, from the page's screening and training only.
std::vector<VolunteerListRow> ListRows(const store::Unit& unit, const ProgramSetup& setup,
                                       std::vector<domain::Volunteer> volunteers, CivilDate today) {
  const std::int64_t organisation = unit.organisation_id();
  std::vector<std::int64_t> ids;
  for (const auto& volunteer : volunteers) ids.push_back(volunteer.id);
  std::map<std::int64_t, std::vector<domain::ScreeningItem>> items;
  for (auto& item : store::ScreeningStore(unit.session()).ListLiveItems(ids, organisation)) {
    items[item.volunteer_id].push_back(std::move(item));
  }
  std::map<std::int64_t, std::vector<domain::TrainingAttendance>> attendance;
  for (auto& entry : store::TrainingStore(unit.session()).AttendanceOf(ids, organisation)) {
    attendance[entry.volunteer_id].push_back(std::move(entry));
  }
  const auto circle_counts = store::CircleStore(unit.session()).CurrentCircleCounts(organisation);
  std::vector<VolunteerListRow> rows;
  for (auto& volunteer : volunteers) {
    const auto& own_items = items[volunteer.id];
    const auto circles = circle_counts.find(volunteer.id);
    const int circle_count = circles == circle_counts.end() ? 0 : circles->second;
    const auto gate =
        domain::CheckVolunteerGate({volunteer, setup.screening_types, own_items,
                                    setup.training_modules, attendance[volunteer.id], circle_count},
                                   setup.settings, today);
    const bool on_hold = !domain::IsClosedStage(volunteer.stage) &&
                         domain::OnHoldForExpiredScreening(setup.screening_types, own_items, today);
    rows.push_back({std::move(volunteer), gate.passed(), on_hold});
  }
  return rows;
}

}  // namespace

Result<VolunteerListPage> LoadVolunteerList(const Services& services, const auth::Actor& actor,
                                            const VolunteerListQuery& query) {
  if (!VolunteerPolicy::CanManage(actor)) return Error::Forbidden();
  const auto setup = LoadProgramSetup(services, actor);
  const auto today = services.Today();
  return Read(services, actor.scope(), [&](store::Unit& unit) -> Result<VolunteerListPage> {
    store::VolunteerStore volunteers(unit.session());
    store::VolunteerFilter filter;
    filter.stage = query.stage;
    filter.search = query.search;
    filter.include_closed = query.include_closed;
    // The total is only known with the page: ask for the page as requested (a page past the end
    // reads the last one).
    auto found =
        volunteers.ListPage(unit.organisation_id(), filter, SliceOf(query.page, kUnknownTotal));
    VolunteerListPage page;
    page.total = found.total;
    page.counts = volunteers.CountByStage(unit.organisation_id());
    page.rows = ListRows(unit, setup, std::move(found.volunteers), today);
    return page;
  });
}

Result<FilePage> LoadFilePage(const Services& services, const auth::Actor& actor,
                              std::int64_t volunteer_id, const PageRequest& hours_page,
                              RecordView record) {
  FilePage page;
  page.volunteer = TRY(Read(services, actor.scope(), [&](store::Unit& unit) {
    return FindVisibleVolunteer(unit, actor, volunteer_id);
  }));
  if (record == RecordView::kYes) RecordFileView(services, actor, volunteer_id);
  page.setup = LoadProgramSetup(services, actor);
  page.today = services.Today();
  const int circle_count = Read(services, actor.scope(), [&](store::Unit& unit) {
    ReadFileRows(unit, hours_page, page);
    return store::CircleStore(unit.session())
        .CurrentCircleCount(page.volunteer.id, unit.organisation_id());
  });
  ApplyRules(services, circle_count, page);
  page.viewers = Viewers(services, actor, page.volunteer.id);
  return page;
}

Result<DetailsForm> LoadDetailsForm(const Services& services, const auth::Actor& actor,
                                    std::optional<std::int64_t> volunteer_id, RecordView record) {
  if (!volunteer_id && !VolunteerPolicy::CanManage(actor)) return Error::Forbidden();
  auto form = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<DetailsForm> {
    DetailsForm form;
    if (volunteer_id) form.volunteer = TRY(FindVisibleVolunteer(unit, actor, *volunteer_id));
    form.accounts = ReadLinkableAccounts(unit, volunteer_id.value_or(0));
    return form;
  }));
  if (volunteer_id && record == RecordView::kYes) RecordFileView(services, actor, *volunteer_id);
  return form;
}

Result<ScreeningForm> LoadScreeningForm(const Services& services, const auth::Actor& actor,
                                        std::int64_t volunteer_id) {
  auto volunteer = TRY(Read(services, actor.scope(), [&](store::Unit& unit) {
    return FindVisibleVolunteer(unit, actor, volunteer_id);
  }));
  return ScreeningForm{std::move(volunteer), LoadProgramSetup(services, actor).screening_types};
}

Result<store::Document> FindVolunteerDocument(const Services& services, const auth::Actor& actor,
                                              std::int64_t document_id) {
  return Read(services, actor.scope(), [&](store::Unit& unit) -> Result<store::Document> {
    auto document = store::DocumentStore(unit.session()).Find(document_id, unit.organisation_id());
    if (!document || document->owner_type != "volunteer") return Error::NotFound();
    TRY(FindVisibleVolunteer(unit, actor, document->owner_id));
    return *std::move(document);
  });
}

}  // namespace cercle::app::volunteers
