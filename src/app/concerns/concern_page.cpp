#include "app/concerns/concern_page.hpp"

#include "app/record_views.hpp"
#include "store/circle_plan_store.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/partner_store.hpp"
#include "store/venue_store.hpp"

namespace cercle::app::concerns {
namespace {

// Reads everything the page shows besides the concern.
void ReadRecord(const store::Unit& unit, ConcernPage& page) {
  auto& session = unit.session();
  const auto& concern = page.row.concern;
  const std::int64_t organisation = concern.organisation_id;
  page.circle = store::CircleStore(session).Find(concern.circle_id, organisation);
  store::CoreMemberStore core_members(session);
  store::PartnerStore partners(session);
  if (page.circle) {
    page.core_member = core_members.Find(page.circle->core_member_id, organisation);
    page.consents = core_members.Consents(page.circle->core_member_id, organisation);
    page.agreements = partners.AgreementsOfCircle(page.circle->id, organisation);
  }
  store::ConcernStore concerns(session);
  page.actions = concerns.Actions(concern.id, organisation);
  page.disclosures = concerns.Disclosures(concern.id, organisation);
  page.steps = store::ConcernEscalationStore(session).StepsOf(concern.id, organisation);
  page.venues = store::VenueStore(session).List(organisation, store::IncludeArchived::kNo);
  for (const auto& user : store::UserStore(session).ListOrganisation(organisation)) {
    page.names[user.id] = user.display_name;
  }
  page.contacts = partners.List(organisation);
}

// The views of concern `concern_id` among the latest kViewerRows entries about it.
std::vector<RecordViewer> ViewersOf(const Services& services, std::int64_t organisation_id,
                                    std::int64_t concern_id) {
  std::vector<RecordViewer> viewers;
  for (const auto& entry : LatestEntriesAbout(services, organisation_id, "concern.", "concern",
                                              concern_id, kViewerRows)) {
    const auto& action = entry.event.action;
    if (action == "concern.view" || action == "concern.volunteer_view" ||
        action == "concern.partner_view") {
      viewers.push_back({entry.event.actor_user_id, entry.event.at});
    }
  }
  return viewers;
}

}  // namespace

Result<ConcernPage> LoadConcernPage(const Services& services, const auth::Actor& actor,
                                    std::int64_t concern_id, RecordView record_view) {
  auto page = Read(services, actor.scope(), [&](store::Unit& unit) -> Result<ConcernPage> {
    ConcernPage page{.row = TRY(FindManaged(unit, actor, concern_id))};
    ReadRecord(unit, page);
    page.signs = store::CirclePlanStore(unit.session())
                     .CitedBy(concern_id, page.row.concern.organisation_id);
    page.now = unit.now();
    return page;
  });
  if (!page) return page;
  page->today = services.Today();
  if (record_view == RecordView::kYes) {
    AuditView(services, actor, {"concern.view", "concern", std::to_string(concern_id)});
  }
  page->viewers = ViewersOf(services, page->row.concern.organisation_id, concern_id);
  return page;
}

}  // namespace cercle::app::concerns
