// What a volunteer sees of the concerns they raised, in their portal: the status and the
// coordinator's reply, never the actions, the alerts or the disclosures. A concern raised by
// someone else, or about a circle the volunteer may no longer read, answers 404. And what a partner
// sees: only the disclosures made to the partner contact linked to their account, and only what
// each one shared.
#include <set>

#include "auth/policies/circle_policy.hpp"
#include "auth/policies/concern_policy.hpp"
#include "store/circle_store.hpp"
#include "store/partner_store.hpp"
#include "store/settings_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/concerns/concern_common.hpp"
#include "web/pages/concerns/concern_pages.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::concerns {
namespace {

using auth::policies::CirclePolicy;
using auth::policies::ConcernPolicy;

// Which of `rows` the volunteer `actor` may read: those they raised, about circles they may still
// read.
std::vector<store::ConcernRow> Readable(Context& context, std::vector<store::ConcernRow> rows) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = *actor.organisation_id;
  struct Data {
    std::optional<domain::Volunteer> volunteer;
    std::vector<domain::CircleMember> stays;
    std::vector<domain::Circle> circles;
    int access_days = 0;
  };
  std::vector<std::int64_t> circle_ids;
  for (const auto& row : rows) circle_ids.push_back(row.concern.circle_id);
  const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Data data;
    data.volunteer = store::VolunteerStore(session).FindByUser(actor.user_id, organisation);
    if (!data.volunteer || circle_ids.empty()) return data;
    store::CircleStore circles(session);
    data.stays = circles.StaysOf(data.volunteer->id, organisation);
    data.circles = circles.FindMany(circle_ids, organisation);
    data.access_days =
        circles::CircleSettingsOf(store::SettingsStore(session).Load(organisation)).access_days;
    return data;
  });
  std::vector<store::ConcernRow> readable;
  if (!data.volunteer) return readable;
  const auto today = circles::Today(context);
  std::set<std::int64_t> readable_circles;
  for (const auto& circle : data.circles) {
    if (CirclePolicy::CanVolunteerRead(actor, *data.volunteer, circle, data.stays, data.access_days,
                                       today)) {
      readable_circles.insert(circle.id);
    }
  }
  for (auto& row : rows) {
    if (ConcernPolicy::CanVolunteerRead(actor, row.concern,
                                        readable_circles.contains(row.concern.circle_id))) {
      readable.push_back(std::move(row));
    }
  }
  return readable;
}

// The partner contact linked to the actor's account, when they have the partner's view.
std::optional<domain::PartnerContact> OwnContact(Context& context) {
  if (!context.actor || !ConcernPolicy::MayHavePartnerView(*context.actor)) return std::nullopt;
  const auto& actor = context.signed_in();
  return context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::PartnerStore(session).FindByUser(actor.user_id, *actor.organisation_id);
  });
}

mstch::map DisclosureModel(const Context& context, const store::DisclosureRow& row) {
  const auto& disclosure = row.disclosure;
  return mstch::map{{"disclosed_at", FormatMoment(context, disclosure.disclosed_at)},
                    {"means", context.Translate(domain::DisclosureMeansLabel(disclosure.means))},
                    {"shared", disclosure.shared},
                    {"basis", context.Translate(domain::LegalBasisLabel(disclosure.basis))},
                    {"by", row.recorded_by_name}};
}

}  // namespace

Response ListOwn(Context& context) {
  if (!context.actor || !ConcernPolicy::MayHaveVolunteerView(*context.actor))
    return Deny(context, "concern", "");
  const auto& actor = context.signed_in();
  struct Data {
    std::optional<domain::Volunteer> volunteer;
    Pagination pagination;
    std::vector<store::ConcernRow> rows;
  };
  auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Data data;
    // Like the portal itself: only a volunteer with a file linked to their account has one.
    data.volunteer =
        store::VolunteerStore(session).FindByUser(actor.user_id, *actor.organisation_id);
    if (data.volunteer) {
      // Only the circles they may still read count, so that the pages hold what they show.
      store::CircleStore circles(session);
      const auto stays = circles.StaysOf(data.volunteer->id, *actor.organisation_id);
      std::vector<std::int64_t> stayed_in;
      for (const auto& stay : stays) stayed_in.push_back(stay.circle_id);
      const int access_days =
          circles::CircleSettingsOf(store::SettingsStore(session).Load(*actor.organisation_id))
              .access_days;
      std::vector<std::int64_t> readable;
      for (const auto& circle : circles.FindMany(stayed_in, *actor.organisation_id)) {
        if (CirclePolicy::CanVolunteerRead(actor, *data.volunteer, circle, stays, access_days,
                                           circles::Today(context))) {
          readable.push_back(circle.id);
        }
      }
      store::ConcernStore concerns(session);
      data.pagination = Paginate(
          context.request, concerns.CountRaisedBy(actor.user_id, *actor.organisation_id, readable));
      data.rows = concerns.RaisedBy(actor.user_id, *actor.organisation_id, readable,
                                    data.pagination.Slice());
    }
    return data;
  });
  if (!data.volunteer || data.volunteer->user_id != actor.user_id)
    return Deny(context, "concern", "");
  auto& rows = data.rows;
  mstch::array concerns;
  for (const auto& row : Readable(context, std::move(rows))) {
    mstch::map model = ConcernSummary(context, row);
    model["href"] = PortalConcernHref(row.concern.id);
    model["replied"] = !row.concern.reply.empty();
    concerns.push_back(std::move(model));
  }
  mstch::map model{{"concerns", concerns}, {"empty", concerns.empty()}};
  AddPagination(context, data.pagination, model);
  return RenderPage(context, "concern_portal_list", context.Translate(N_("My concerns")),
                    std::move(model));
}

Response ShowOwn(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id || !context.actor || !ConcernPolicy::MayHaveVolunteerView(*context.actor)) {
    return Deny(context, "concern", context.Parameter("id"));
  }
  const auto& actor = context.signed_in();
  auto row = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::ConcernStore(session).FindRow(*id, *actor.organisation_id);
  });
  std::vector<store::ConcernRow> found;
  if (row) found.push_back(std::move(*row));
  auto readable = Readable(context, std::move(found));
  if (readable.empty()) return Deny(context, "concern", context.Parameter("id"));
  const auto& concern = readable.front().concern;
  RecordConcernView(context, "concern.volunteer_view", concern.id);
  mstch::map model = ConcernSummary(context, readable.front());
  model["observed"] = concern.observed;
  model["observed_at"] = FormatMoment(context, concern.observed_at);
  model["already_done"] = concern.already_done;
  model["reply"] = concern.reply;
  if (concern.replied_at) model["replied_at"] = FormatMoment(context, *concern.replied_at);
  model["circle_href"] = circles::PortalCircleHref(concern.circle_id);
  if (concern.acknowledged_at)
    model["acknowledged_at"] = FormatMoment(context, *concern.acknowledged_at);
  const bool raised = context.request.query == "raised=1";
  model["just_raised"] = raised;
  model["alerted"] = domain::Alerts(concern.severity);
  return RenderPage(context, "concern_portal", readable.front().code_name, std::move(model));
}

Response ListDisclosed(Context& context) {
  if (!context.actor || !ConcernPolicy::MayHavePartnerView(*context.actor))
    return Deny(context, "concern", "");
  const auto contact = OwnContact(context);
  const auto& actor = context.signed_in();
  std::vector<store::DisclosureRow> disclosures;
  if (contact) {
    disclosures = context.services.database.Read(actor.scope(), [&](soci::session& session) {
      return store::ConcernStore(session).DisclosuresTo(contact->id, contact->organisation_id);
    });
  }
  // One line per concern, with its latest disclosure to this partner.
  mstch::array concerns;
  std::set<std::int64_t> listed;
  for (const auto& row : disclosures) {
    const auto concern_id = row.disclosure.concern_id;
    if (!listed.insert(concern_id).second) continue;
    concerns.push_back(
        mstch::map{{"href", "/my-concerns/" + std::to_string(concern_id)},
                   {"code_name", row.code_name},
                   {"disclosed_at", FormatMoment(context, row.disclosure.disclosed_at)}});
  }
  mstch::map model{{"concerns", concerns}, {"empty", concerns.empty()}};
  return RenderPage(context, "concern_partner_list",
                    context.Translate(N_("Concerns shared with me")), std::move(model));
}

Response ShowDisclosed(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto contact = id ? OwnContact(context) : std::nullopt;
  if (!contact) return Deny(context, "concern", context.Parameter("id"));
  const auto& actor = context.signed_in();
  struct Data {
    std::optional<domain::Concern> concern;
    std::vector<store::DisclosureRow> disclosures;
    std::string code_name;
  };
  const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Data data;
    store::ConcernStore concerns(session);
    data.concern = concerns.Find(*id, contact->organisation_id);
    if (!data.concern) return data;
    data.disclosures = concerns.Disclosures(data.concern->id, contact->organisation_id);
    if (const auto circle =
            store::CircleStore(session).Find(data.concern->circle_id, contact->organisation_id)) {
      data.code_name = circle->code_name;
    }
    return data;
  });
  std::vector<domain::Disclosure> disclosures;
  for (const auto& row : data.disclosures) disclosures.push_back(row.disclosure);
  if (!data.concern || !ConcernPolicy::CanPartnerRead(actor, *contact, disclosures)) {
    return Deny(context, "concern", context.Parameter("id"));
  }
  RecordConcernView(context, "concern.partner_view", data.concern->id);
  // Only what was disclosed to this partner: not the concern itself, nor what others received.
  mstch::array shared;
  for (const auto& row : data.disclosures) {
    if (row.disclosure.partner_contact_id == contact->id)
      shared.push_back(DisclosureModel(context, row));
  }
  mstch::map model{{"code_name", data.code_name}, {"disclosures", shared}};
  return RenderPage(context, "concern_partner", data.code_name, std::move(model));
}

}  // namespace cercle::web::pages::concerns
