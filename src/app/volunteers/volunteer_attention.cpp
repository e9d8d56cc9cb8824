#include "app/volunteers/volunteer_attention.hpp"

#include <map>
#include <set>

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

// The files the attention rules can concern, found in SQL without reading the others: in a
// supervised stage without a session since the period began, with a screening item expiring within
// the notice, owed a debrief, or flagged by the wellbeing rule. Each date leaves a day of margin
// on the side of reading more; the rules themselves decide, on the files read.
std::set<std::int64_t> Candidates(const store::Unit& unit, const AttentionData& data,
                                  CivilDate today, int period_days, int notice_days) {
  const std::int64_t organisation = unit.organisation_id();
  std::set<std::int64_t> ids;
  for (const auto id : store::VolunteerStore(unit.session())
                           .WithoutSupervisionSince(organisation, AddDays(today, -period_days + 1)))
    ids.insert(id);
  for (const auto id :
       store::ScreeningStore(unit.session())
           .VolunteersWithItemsExpiringBy(organisation, AddDays(today, notice_days + 1)))
    ids.insert(id);
  for (const auto& debrief : data.care.debriefs_due) ids.insert(debrief.volunteer_id);
  for (const auto& [id, _] : data.care.flags) ids.insert(id);
  return ids;
}

AttentionData ReadAttentionData(const store::Unit& unit, CivilDate today, int period_days,
                                int notice_days) {
  const std::int64_t organisation = unit.organisation_id();
  AttentionData data;
  data.care = ReadCareAttention(unit, today);
  const auto candidates = Candidates(unit, data, today, period_days, notice_days);
  store::VolunteerStore volunteers(unit.session());
  data.volunteers = volunteers.List(
      organisation, {.among = std::vector<std::int64_t>(candidates.begin(), candidates.end())});
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
  std::map<std::int64_t, std::string> names;  // the open files'
  for (const auto& volunteer : data.volunteers) names[volunteer.id] = volunteer.FullName();
  const auto name_of = [&names](std::int64_t id) {
    const auto found = names.find(id);
    return found == names.end() ? std::string() : found->second;
  };
  for (const auto& debrief : data.care.debriefs_due) {
    attention.push_back({.reason = AttentionReason::kDebriefDue,
                         .volunteer_id = debrief.volunteer_id,
                         .name = name_of(debrief.volunteer_id),
                         .date = debrief.due_on,
                         .debrief_id = debrief.id});
  }
  for (const auto& [volunteer_id, flag] : data.care.flags) {
    if (!names.contains(volunteer_id)) continue;  // a closed file
    const auto month = ParseIsoDate(flag.month + "-01");
    attention.push_back({.reason = AttentionReason::kWellbeingFlag,
                         .volunteer_id = volunteer_id,
                         .name = name_of(volunteer_id),
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
  const int period =
      static_cast<int>(setup.settings.Get(domain::SettingKey::kVolunteerSupervisionPeriodDays));
  const int notice =
      static_cast<int>(setup.settings.Get(domain::SettingKey::kVolunteerExpiryNoticeDays));
  const auto data = Read(services, actor.scope(), [&](store::Unit& unit) {
    return ReadAttentionData(unit, today, period, notice);
  });
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
