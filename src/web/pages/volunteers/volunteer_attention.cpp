#include "web/pages/volunteers/volunteer_attention.hpp"

#include <map>

#include "auth/policies/volunteer_policy.hpp"
#include "store/screening_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"

namespace cercle::web::pages::volunteers {

std::vector<home::AttentionItem> Attention(Context& context) {
  const auto& actor = context.signed_in();
  if (!auth::policies::VolunteerPolicy::CanManage(actor)) return {};
  const std::int64_t organisation = *actor.organisation_id;
  const auto setup = LoadProgramSetup(context, AddDefaults::kNo);
  struct AttentionData {
    std::vector<domain::Volunteer> volunteers;
    std::vector<domain::ScreeningItem> items;
    std::map<std::int64_t, domain::CivilDate> last_supervision;
    std::map<std::int64_t, Instant> approved_at;
  };
  const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    AttentionData data;
    store::VolunteerStore volunteers(session);
    data.volunteers = volunteers.List(organisation, {});
    data.last_supervision = volunteers.LastSupervision(organisation);
    data.approved_at = volunteers.ApprovalTimes(organisation);
    data.items = store::ScreeningStore(session).ListLiveItems(organisation);
    return data;
  });
  std::map<std::int64_t, std::vector<domain::ScreeningItem>> items_by_volunteer;
  for (const auto& item : data.items) items_by_volunteer[item.volunteer_id].push_back(item);
  const domain::CivilDate today = Today(context);
  const int notice_days = static_cast<int>(setup.settings.Get("volunteer.expiry_notice_days"));
  const int period = static_cast<int>(setup.settings.Get("volunteer.supervision_period_days"));

  std::vector<home::AttentionItem> attention;
  for (const auto& volunteer : data.volunteers) {
    const std::string href = "/volunteers/" + std::to_string(volunteer.id);
    const auto items = items_by_volunteer.find(volunteer.id);
    if (items != items_by_volunteer.end()) {
      for (const auto& status :
           domain::SummariseScreening(setup.screening_types, items->second, today, notice_days)) {
        if (!status.expires_on) continue;
        const std::vector<MessageArgument> arguments = {
            {"name", volunteer.FullName()},
            {"item", DataName(context, status.type.name)},
            {"date", FormatDate(context, *status.expires_on)}};
        if (status.status == domain::ScreeningStatus::kExpired) {
          attention.push_back(
              {home::Urgency::kUrgent, *status.expires_on,
               context.Format(
                   {status.type.required
                        ? N_("{name}: {item} expired on {date}; on hold for new circles.")
                        : N_("{name}: {item} expired on {date}."),
                    arguments}),
               href + "#screening"});
        } else if (status.status == domain::ScreeningStatus::kExpiringSoon) {
          attention.push_back({home::Urgency::kSoon, *status.expires_on,
                               context.Format({N_("{name}: {item} expires on {date}."), arguments}),
                               href + "#screening"});
        }
      }
    }
    if (!domain::IsSupervisedStage(volunteer.stage)) continue;
    std::optional<domain::CivilDate> last;
    if (const auto found = data.last_supervision.find(volunteer.id);
        found != data.last_supervision.end()) {
      last = found->second;
    }
    std::optional<domain::CivilDate> approved_on;
    if (const auto found = data.approved_at.find(volunteer.id); found != data.approved_at.end()) {
      approved_on = context.services.translator.LocalDate(found->second);
    }
    if (const auto days = domain::SupervisionOverdueDays(last, approved_on, today, period)) {
      attention.push_back(
          {home::Urgency::kSoon, last ? *last : *approved_on,
           context.Format({N_("{name}: no supervision for {days} days."),
                           {{"name", volunteer.FullName()}, {"days", std::to_string(*days)}}}),
           href + "#supervision"});
    }
  }
  return attention;
}

}  // namespace cercle::web::pages::volunteers
