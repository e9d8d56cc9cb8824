#include "app/concerns/concern_follow_up.hpp"

#include <map>
#include <set>

#include "auth/policies/circle_policy.hpp"
#include "auth/policies/concern_policy.hpp"
#include "store/circle_plan_store.hpp"
#include "store/circle_store.hpp"
#include "store/concern_store.hpp"
#include "store/core_member_store.hpp"
#include "store/partner_store.hpp"
#include "store/settings_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::concerns {
namespace {

using auth::policies::CirclePolicy;
using auth::policies::ConcernPolicy;

// The circles among `circle_ids` that the volunteer `volunteer` may still read.
std::set<std::int64_t> ReadableCircles(const store::Unit& unit, const auth::Actor& actor,
                                       const domain::Volunteer& volunteer,
                                       const std::vector<std::int64_t>& circle_ids,
                                       CivilDate today) {
  std::set<std::int64_t> readable;
  if (circle_ids.empty()) return readable;
  const std::int64_t organisation = volunteer.organisation_id;
  store::CircleStore circles(unit.session());
  const auto stays = circles.StaysOf(volunteer.id, organisation);
  const int access_days =
      static_cast<int>(store::SettingsStore(unit.session())
                           .Load(organisation)
                           .Get(domain::SettingKey::kCircleVolunteerAccessDays));
  for (const auto& circle : circles.FindMany(circle_ids, organisation)) {
    if (CirclePolicy::CanVolunteerRead(actor, volunteer, circle, stays, access_days, today)) {
      readable.insert(circle.id);
    }
  }
  return readable;
}

// The actor's volunteer file, when they may follow concerns as a volunteer.
Result<domain::Volunteer> OwnFile(const store::Unit& unit, const auth::Actor& actor) {
  if (!ConcernPolicy::MayHaveVolunteerView(actor)) return Error::NotFound();
  auto volunteer = store::VolunteerStore(unit.session())
                       .FindByUser(actor.user_id, actor.organisation_id.value_or(0));
  if (!volunteer || volunteer->user_id != actor.user_id) return Error::NotFound();
  return std::move(*volunteer);
}

// The partner contact linked to the actor's account, when they have the partner's view.
Result<std::optional<domain::PartnerContact>> OwnContact(const store::Unit& unit,
                                                         const auth::Actor& actor) {
  if (!ConcernPolicy::MayHavePartnerView(actor)) return Error::NotFound();
  return store::PartnerStore(unit.session())
      .FindByUser(actor.user_id, actor.organisation_id.value_or(0));
}

// The disclosures among `rows` (made to the partner `contact`) that the partner may still read on
// `today`: those that rested on the core member's consent only while it is in force
// (domain::PartnerMayStillRead).
std::vector<store::DisclosureRow> StillReadable(const store::Unit& unit,
                                                const domain::PartnerContact& contact,
                                                std::vector<store::DisclosureRow> rows,
                                                CivilDate today) {
  const std::int64_t organisation = contact.organisation_id;
  store::ConcernStore concerns(unit.session());
  store::CircleStore circles(unit.session());
  store::CoreMemberStore core_members(unit.session());
  // The consents of each concern's core member, read once per concern.
  std::map<std::int64_t, std::vector<domain::Consent>> consents_of_concern;
  const auto consents_of = [&](std::int64_t concern_id) -> const std::vector<domain::Consent>& {
    const auto found = consents_of_concern.find(concern_id);
    if (found != consents_of_concern.end()) return found->second;
    std::vector<domain::Consent> consents;
    if (const auto concern = concerns.Find(concern_id, organisation)) {
      if (const auto circle = circles.Find(concern->circle_id, organisation)) {
        consents = core_members.Consents(circle->core_member_id, organisation);
      }
    }
    return consents_of_concern.emplace(concern_id, std::move(consents)).first->second;
  };
  std::vector<store::DisclosureRow> readable;
  for (auto& row : rows) {
    if (domain::PartnerMayStillRead(row.disclosure, contact, consents_of(row.disclosure.concern_id),
                                    today)) {
      readable.push_back(std::move(row));
    }
  }
  return readable;
}

}  // namespace

Result<OwnConcernsPage> LoadOwnConcerns(const Services& services, const auth::Actor& actor,
                                        const PageChoice& page) {
  const auto today = services.Today();
  return Read(services, actor.scope(), [&](store::Unit& unit) -> Result<OwnConcernsPage> {
    const auto volunteer = TRY(OwnFile(unit, actor));
    std::vector<std::int64_t> stayed_in;
    for (const auto& stay :
         store::CircleStore(unit.session()).StaysOf(volunteer.id, volunteer.organisation_id)) {
      stayed_in.push_back(stay.circle_id);
    }
    // Only the circles they may still read count, so that the pages hold what they show.
    const auto readable = ReadableCircles(unit, actor, volunteer, stayed_in, today);
    const std::vector<std::int64_t> circle_ids(readable.begin(), readable.end());
    store::ConcernStore concerns(unit.session());
    OwnConcernsPage own;
    own.total = concerns.CountRaisedBy(actor.user_id, volunteer.organisation_id, circle_ids);
    for (auto& row :
         concerns.RaisedBy(actor.user_id, volunteer.organisation_id, circle_ids, page(own.total))) {
      if (ConcernPolicy::CanVolunteerRead(actor, row.concern, true)) own.rows.push_back(row);
    }
    return own;
  });
}

Result<OwnConcern> LoadOwnConcern(const Services& services, const auth::Actor& actor,
                                  std::int64_t concern_id) {
  const auto today = services.Today();
  auto row = Read(services, actor.scope(), [&](store::Unit& unit) -> Result<OwnConcern> {
    const auto volunteer = TRY(OwnFile(unit, actor));
    auto row = store::ConcernStore(unit.session()).FindRow(concern_id, volunteer.organisation_id);
    if (!row) return Error::NotFound();
    const auto readable = ReadableCircles(unit, actor, volunteer, {row->concern.circle_id}, today);
    if (!ConcernPolicy::CanVolunteerRead(actor, row->concern,
                                         readable.contains(row->concern.circle_id))) {
      return Error::NotFound();
    }
    OwnConcern own{std::move(*row), {}};
    own.signs =
        store::CirclePlanStore(unit.session()).CitedBy(concern_id, volunteer.organisation_id);
    return own;
  });
  if (row)
    AuditView(services, actor, {"concern.volunteer_view", "concern", std::to_string(concern_id)});
  return row;
}

Result<std::vector<DisclosureRow>> LoadDisclosedConcerns(const Services& services,
                                                         const auth::Actor& actor) {
  const auto today = services.Today();
  return Read(
      services, actor.scope(), [&](store::Unit& unit) -> Result<std::vector<DisclosureRow>> {
        const auto contact = TRY(OwnContact(unit, actor));
        std::vector<DisclosureRow> latest;
        if (!contact) return latest;
        std::set<std::int64_t> listed;
        for (auto& row : StillReadable(unit, *contact,
                                       store::ConcernStore(unit.session())
                                           .DisclosuresTo(contact->id, contact->organisation_id),
                                       today)) {
          if (listed.insert(row.disclosure.concern_id).second) latest.push_back(std::move(row));
        }
        return latest;
      });
}

Result<DisclosedConcernPage> LoadDisclosedConcern(const Services& services,
                                                  const auth::Actor& actor,
                                                  std::int64_t concern_id) {
  const auto today = services.Today();
  auto page = Read(services, actor.scope(), [&](store::Unit& unit) -> Result<DisclosedConcernPage> {
    const auto contact = TRY(OwnContact(unit, actor));
    if (!contact) return Error::NotFound();
    const std::int64_t organisation = contact->organisation_id;
    store::ConcernStore concerns(unit.session());
    const auto concern = concerns.Find(concern_id, organisation);
    if (!concern) return Error::NotFound();
    // Those made to this partner that rested on a consent no longer in force are left out.
    std::vector<store::DisclosureRow> rows;
    for (auto& row : concerns.Disclosures(concern->id, organisation)) {
      if (row.disclosure.partner_contact_id == contact->id) rows.push_back(std::move(row));
    }
    rows = StillReadable(unit, *contact, std::move(rows), today);
    std::vector<domain::Disclosure> disclosures;
    for (const auto& row : rows) disclosures.push_back(row.disclosure);
    if (!ConcernPolicy::CanPartnerRead(actor, *contact, disclosures)) return Error::NotFound();
    DisclosedConcernPage page;
    if (const auto circle =
            store::CircleStore(unit.session()).Find(concern->circle_id, organisation))
      page.code_name = circle->code_name;
    // Only what was disclosed to this partner: not the concern itself, nor what others received.
    for (const auto& row : rows) {
      if (row.disclosure.partner_contact_id == contact->id) page.disclosures.push_back(row);
    }
    return page;
  });
  if (page)
    AuditView(services, actor, {"concern.partner_view", "concern", std::to_string(concern_id)});
  return page;
}

}  // namespace cercle::app::concerns
