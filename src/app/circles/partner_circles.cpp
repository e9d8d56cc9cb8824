#include "app/circles/partner_circles.hpp"

#include <map>

#include "auth/policies/circle_policy.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/meeting_store.hpp"
#include "store/partner_store.hpp"

namespace cercle::app::circles {
namespace {

using auth::policies::CirclePolicy;

// The partner's contact record, linked to their account, when they may have partner pages.
Result<std::optional<domain::PartnerContact>> OwnContact(const store::Unit& unit,
                                                         const auth::Actor& actor) {
  if (!CirclePolicy::MayHavePartnerView(actor) || !actor.organisation_id) {
    return Error::NotFound();
  }
  return store::PartnerStore(unit.session()).FindByUser(actor.user_id, *actor.organisation_id);
}

// `circle` with the latest of `last_meetings` held in it.
PartnerCircle WithLastMeeting(domain::Circle circle,
                              const std::map<std::int64_t, Instant>& last_meetings) {
  const auto last = last_meetings.find(circle.id);
  const std::optional<Instant> last_meeting =
      last == last_meetings.end() ? std::nullopt : std::optional<Instant>(last->second);
  return {std::move(circle), last_meeting};
}

// The circles the partner's contact may read on `today`, and the contact's id (0 without one).
struct ReadableCircles {
  std::int64_t contact_id = 0;
  std::vector<PartnerCircle> circles;
};

}  // namespace

Result<std::vector<PartnerCircle>> LoadPartnerCircleList(const Services& services,
                                                         const auth::Actor& actor) {
  const CivilDate today = services.Today();
  auto readable =
      TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<ReadableCircles> {
        const auto contact = TRY(OwnContact(unit, actor));
        ReadableCircles readable;
        if (!contact) return readable;
        readable.contact_id = contact->id;
        const std::int64_t organisation = contact->organisation_id;
        const auto agreements =
            store::PartnerStore(unit.session()).AgreementsOfContact(contact->id, organisation);
        std::vector<std::int64_t> ids;
        for (const auto& agreement : agreements) {
          if (agreement.InForceOn(today)) ids.push_back(agreement.circle_id);
        }
        auto circles = store::CircleStore(unit.session()).FindMany(ids, organisation);
        if (circles.empty()) return readable;
        const auto last_meetings =
            store::MeetingStore(unit.session()).LastHeldMeetings(ids, organisation, unit.now());
        store::CoreMemberStore core_members(unit.session());
        for (auto& circle : circles) {
          // A circle whose core member's consent is withdrawn or expired is no longer listed.
          const auto consents = core_members.Consents(circle.core_member_id, organisation);
          if (CirclePolicy::CanPartnerRead(actor, *contact, circle, agreements, consents, today)) {
            readable.circles.push_back(WithLastMeeting(std::move(circle), last_meetings));
          }
        }
        return readable;
      }));
  if (!readable.circles.empty()) {
    AuditView(services, actor,
              {"circle.partner_list", "partner_contact", std::to_string(readable.contact_id)});
  }
  return std::move(readable.circles);
}

Result<PartnerCirclePage> LoadPartnerCirclePage(const Services& services, const auth::Actor& actor,
                                                std::int64_t circle_id) {
  const CivilDate today = services.Today();
  auto page =
      TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<PartnerCirclePage> {
        const auto contact = TRY(OwnContact(unit, actor));
        if (!contact) return Error::NotFound();
        const std::int64_t organisation = contact->organisation_id;
        auto circle = store::CircleStore(unit.session()).Find(circle_id, organisation);
        if (!circle) return Error::NotFound();
        std::vector<domain::SharingAgreement> agreements;
        for (auto& agreement :
             store::PartnerStore(unit.session()).AgreementsOfContact(contact->id, organisation)) {
          if (agreement.circle_id == circle->id) agreements.push_back(std::move(agreement));
        }
        const auto consents =
            store::CoreMemberStore(unit.session()).Consents(circle->core_member_id, organisation);
        if (!CirclePolicy::CanPartnerRead(actor, *contact, *circle, agreements, consents, today)) {
          return Error::NotFound();
        }
        const auto last_meetings = store::MeetingStore(unit.session())
                                       .LastHeldMeetings({circle->id}, organisation, unit.now());
        return PartnerCirclePage{WithLastMeeting(std::move(*circle), last_meetings),
                                 domain::SharingConsents(consents, today)};
      }));
  AuditView(services, actor,
            {"circle.partner_view", "circle", std::to_string(page.circle.circle.id)});
  return page;
}

}  // namespace cercle::app::circles
