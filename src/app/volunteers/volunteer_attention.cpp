#include "app/volunteers/volunteer_attention.hpp"

#include <map>

#include "app/volunteers/program_setup.hpp"
#include "app/volunteers/volunteer_care.hpp"
#include "auth/policies/volunteer_policy.hpp"
#include "store/screening_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::volunteers {
namespace {

// What the attention list reads, in one transaction.
struct AttentionData {
  std::vector<domain::Volunteer> volunteers;
  std::map<std::int64_t, std::vector<domain::ScreeningItem>> items;
  std::map<std::int64_t, CivilDate> last_supervision;
  std::map<std::int64_t, Instant> approved_at;
  CareAttention care;
};

AttentionData ReadAttentionData(const store::Unit& unit, CivilDate today) {
  const std::int64_t organisation = unit.organisation_id();
  AttentionData data;
  store::VolunteerStore volunteers(unit.session());
  data.volunteers = volunteers.List(organisation, {});
  // The listed files' rows only: a file closed years ago keeps its items, moves and sessions but
  // needs no notice.
  std::vector<std::int64_t> ids, supervised;
  for (const auto& volunteer : data.volunteers) {
    ids.push_back(volunteer.id);
    if (domain::IsSupervisedStage(volunteer.stage)) supervised.push_back(volunteer.id);
  }
  data.last_supervision = volunteers.LastSupervision(supervised, organisation);
  data.approved_at = volunteers.ApprovalTimes(supervised, organisation);
  for (auto& item : store::ScreeningStore(unit.session()).ListLiveItems(ids, organisation)) {
    data.items[item.volunteer_id].push_back(std::move(item));
  }
  data.care = ReadCareAttention(unit, data.volunteers, today);
  return data;
}

// The screening items of `volunteer` that expired or expire soon.
void AddScreening(const ProgramSetup& setup, const domain::Volunteer& volunteer,
                  const std::vector<domain::ScreeningItem>& items, CivilDate today,
                  std::vector<VolunteerAttention>& attention) {
  const int notice_days =
      static_cast<int>(setup.settings.Get(domain::SettingKey::kVolunteerExpiryNoticeDays));
  for (const auto& status :
       domain::SummariseScreening(setup.screening_types, items, today, notice_days)) {
    if (!status.expires_on) continue;
    AttentionReason reason;
    if (status.status == domain::ScreeningStatus::kExpired) {
      reason = AttentionReason::kScreeningExpired;
    } else if (status.status == domain::ScreeningStatus::kExpiringSoon) {
      reason = AttentionReason::kScreeningExpiring;
    } else {
      continue;
    }
    attention.push_back({reason, volunteer.id, volunteer.FullName(), *status.expires_on,
                         status.type.name, status.type.required, 0});
  }
}

// The debriefs due and the wellbeing flags, each naming its volunteer.
void AddCare(const AttentionData& data, std::vector<VolunteerAttention>& attention) {
  std::map<std::int64_t, std::string> names;
  for (const auto& volunteer : data.volunteers) names[volunteer.id] = volunteer.FullName();
  for (const auto& debrief : data.care.debriefs_due) {
    attention.push_back({.reason = AttentionReason::kDebriefDue,
                         .volunteer_id = debrief.volunteer_id,
                         .name = names[debrief.volunteer_id],
                         .date = debrief.due_on,
                         .debrief_id = debrief.id});
  }
  for (const auto& [volunteer_id, flag] : data.care.flags) {
    const auto month = ParseIsoDate(flag.month + "-01");
    attention.push_back({.reason = AttentionReason::kWellbeingFlag,
                         .volunteer_id = volunteer_id,
                         .name = names[volunteer_id],
                         .date = month.value_or(CivilDate{}),
                         .wellbeing = flag});
  }
}

}  // namespace

std::vector<VolunteerAttention> LoadVolunteerAttention(const Services& services,
                                                       const auth::Actor& actor) {
  if (!auth::policies::VolunteerPolicy::CanManage(actor)) return {};
  const auto setup = LoadProgramSetup(services, actor, AddDefaults::kNo);
  const CivilDate today = services.Today();
  const auto data = Read(services, actor.scope(),
                         [&](store::Unit& unit) { return ReadAttentionData(unit, today); });
  const int period =
      static_cast<int>(setup.settings.Get(domain::SettingKey::kVolunteerSupervisionPeriodDays));
  std::vector<VolunteerAttention> attention;
  for (const auto& volunteer : data.volunteers) {
    if (const auto items = data.items.find(volunteer.id); items != data.items.end()) {
      AddScreening(setup, volunteer, items->second, today, attention);
    }
    if (!domain::IsSupervisedStage(volunteer.stage)) continue;
    std::optional<CivilDate> last;
    if (const auto found = data.last_supervision.find(volunteer.id);
        found != data.last_supervision.end()) {
      last = found->second;
    }
    std::optional<CivilDate> approved_on;
    if (const auto found = data.approved_at.find(volunteer.id); found != data.approved_at.end()) {
      approved_on = services.translator.LocalDate(found->second);
    }
    if (const auto days = domain::SupervisionOverdueDays(last, approved_on, today, period)) {
      attention.push_back({AttentionReason::kSupervisionOverdue, volunteer.id, volunteer.FullName(),
                           last ? *last : *approved_on, "", false, *days});
    }
  }
  AddCare(data, attention);
  return attention;
}

}  // namespace cercle::app::volunteers
