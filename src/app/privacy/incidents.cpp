#include "app/privacy/incidents.hpp"

#include <algorithm>

#include "app/field_errors.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "store/organisation_store.hpp"
#include "store/privacy_incident_store.hpp"
#include "store/settings_store.hpp"
#include "store/user_store.hpp"

namespace cercle::app::privacy {
namespace {

using auth::policies::PrivacyPolicy;

constexpr const char* kObjectType = "privacy_incident";

// The organisation's notice delay, in days.
int NoticeDays(const store::Unit& unit) {
  return static_cast<int>(store::SettingsStore(unit.session())
                              .Load(unit.organisation_id())
                              .Get(domain::SettingKey::kPrivacyIncidentNoticeDays));
}

// The names of the organisation's users by id.
UserNames UsersOf(const store::Unit& unit) {
  UserNames names;
  for (const auto& user :
       store::UserStore(unit.session()).ListOrganisation(unit.organisation_id())) {
    names[user.id] = user.display_name;
  }
  return names;
}

// Entry `id` with everything tied to it, when the actor may manage privacy.
Result<IncidentPage> FindPage(const Services& services, const auth::Actor& actor,
                              const store::Unit& unit, std::int64_t id) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  const std::int64_t organisation = *actor.organisation_id;
  store::PrivacyIncidentStore store(unit.session());
  auto incident = store.Find(id, organisation);
  if (!incident) return Error::NotFound();
  IncidentPage page;
  page.notice_days = NoticeDays(unit);
  page.row = {*incident, domain::NoticeStatusOf(*incident, services.Today(), page.notice_days)};
  page.records = store.Records(id, organisation);
  page.people = store.People(id, organisation);
  page.users = UsersOf(unit);
  return page;
}

// The form's records and people checked against the organisation's: each record must be one it
// holds, each person one of its files. Field errors "records" and "people".
Result<std::vector<domain::ConcernedPerson>> CheckLinks(const store::Unit& unit,
                                                        const IncidentForm& form) {
  store::PrivacyIncidentStore store(unit.session());
  std::vector<FieldError> errors;
  for (const auto& record : form.records) {
    if (!store.PeopleOf(record, unit.organisation_id()).found) {
      errors.push_back({"records",
                        {N_("This organisation holds no record {record}."),
                         {{"record", domain::ReferenceText(record.kind, record.id)}}}});
      break;
    }
  }
  std::vector<domain::ConcernedPerson> people;
  for (const auto& person : form.people) {
    const auto found = store.FindPerson(person, unit.organisation_id());
    if (!found) {
      errors.push_back(
          {"people", {N_("A person listed is not among this organisation's files."), {}}});
      break;
    }
    if (std::find(people.begin(), people.end(), *found) == people.end()) people.push_back(*found);
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return people;
}

// The form's records, each once, in the order given.
std::vector<domain::IncidentRecord> DistinctRecords(
    const std::vector<domain::IncidentRecord>& all) {
  std::vector<domain::IncidentRecord> records;
  for (const auto& record : all) {
    if (std::find(records.begin(), records.end(), record) == records.end()) {
      records.push_back(record);
    }
  }
  return records;
}

// Checks `form` onto `incident` (whose identity and recording stay) and stores the entry, its
// records and its people: inserted when it has no id yet, updated otherwise. Returns its id.
Result<std::int64_t> Save(const Services& services, const auth::Actor& actor, store::Unit& unit,
                          domain::PrivacyIncident incident, const IncidentForm& form) {
  const auto kept = incident;
  incident = form.details;
  incident.id = kept.id;
  incident.organisation_id = kept.organisation_id;
  incident.recorded_by = kept.recorded_by;
  incident.recorded_at = kept.recorded_at;
  incident.updated_by = actor.user_id;
  incident.updated_at = unit.now();
  auto links = CheckLinks(unit, form);
  std::vector<FieldError> refused = form.unreadable;
  if (!links) {
    for (const auto& error : links.error().fields) refused.push_back(error);
  }
  const std::size_t listed = links ? links->size() : form.people.size();
  TRY(Combine(std::move(refused),
              domain::CheckPrivacyIncident(incident, services.Today(), listed)));
  store::PrivacyIncidentStore store(unit.session());
  const bool creating = incident.id == 0;
  if (creating) {
    incident.id = store.Insert(incident);
  } else {
    store.Update(incident);
  }
  store.SetRecords(incident.id, incident.organisation_id, DistinctRecords(form.records));
  store.SetPeople(incident.id, incident.organisation_id, *links);
  Audit(
      services, unit, actor,
      {creating ? "incident.create" : "incident.update", kObjectType, std::to_string(incident.id)});
  return incident.id;
}

}  // namespace

Result<RegisterPage> LoadIncidentRegister(const Services& services, const auth::Actor& actor,
                                          const PageOf& page) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  const std::int64_t organisation = *actor.organisation_id;
  auto register_page = Read(services, actor.scope(), [&](store::Unit& unit) {
    store::PrivacyIncidentStore store(unit.session());
    RegisterPage read;
    read.notice_days = NoticeDays(unit);
    read.total = store.Count(organisation);
    const CivilDate today = services.Today();
    for (auto& incident : store.List(organisation, page(read.total))) {
      const auto notice = domain::NoticeStatusOf(incident, today, read.notice_days);
      read.incidents.push_back({std::move(incident), notice});
    }
    for (const auto& incident : store.ListAwaitingNotice(organisation)) {
      if (domain::NoticeOverdue(incident, today, read.notice_days)) ++read.overdue;
    }
    return read;
  });
  AuditView(services, actor, {"incident.view", kObjectType, ""});
  return register_page;
}

Result<IncidentPage> LoadIncident(const Services& services, const auth::Actor& actor,
                                  std::int64_t id, RecordReading record) {
  auto page = Read(services, actor.scope(),
                   [&](store::Unit& unit) { return FindPage(services, actor, unit, id); });
  if (page && record == RecordReading::kYes) {
    AuditView(services, actor, {"incident.view", kObjectType, std::to_string(id)});
  }
  return page;
}

Result<std::int64_t> CreateIncident(const Services& services, const auth::Actor& actor,
                                    const IncidentForm& form) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    domain::PrivacyIncident incident;
    incident.organisation_id = *actor.organisation_id;
    incident.recorded_by = actor.user_id;
    incident.recorded_at = unit.now();
    return Save(services, actor, unit, std::move(incident), form);
  });
}

Status EditIncident(const Services& services, const auth::Actor& actor, std::int64_t id,
                    const IncidentForm& form) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    auto incident = store::PrivacyIncidentStore(unit.session()).Find(id, *actor.organisation_id);
    if (!incident) return Error::NotFound();
    TRY(Save(services, actor, unit, std::move(*incident), form));
    return {};
  });
}

Result<Prefill> PrefillPeople(const Services& services, const auth::Actor& actor,
                              const std::vector<domain::IncidentRecord>& records,
                              const std::vector<domain::ConcernedPerson>& known) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  auto prefill = Read(services, actor.scope(), [&](store::Unit& unit) {
    store::PrivacyIncidentStore store(unit.session());
    Prefill read;
    for (const auto& person : known) {
      auto found = store.FindPerson(person, unit.organisation_id());
      if (found && std::find(read.people.begin(), read.people.end(), *found) == read.people.end()) {
        read.people.push_back(std::move(*found));
      }
    }
    for (const auto& record : DistinctRecords(records)) {
      auto found = store.PeopleOf(record, unit.organisation_id());
      (found.found ? read.found : read.missing).push_back(record);
      for (auto& person : found.people) {
        if (std::find(read.people.begin(), read.people.end(), person) == read.people.end()) {
          read.people.push_back(std::move(person));
        }
      }
    }
    return read;
  });
  if (!records.empty()) AuditView(services, actor, {"incident.prefill", kObjectType, ""});
  return prefill;
}

Result<std::vector<RecentEntry>> RecentEntries(const Services& services, const auth::Actor& actor,
                                               domain::IncidentRecordKind kind) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  const std::int64_t organisation = *actor.organisation_id;
  const auto users =
      Read(services, actor.scope(), [&](store::Unit& unit) { return UsersOf(unit); });
  // Reading the log is itself an entry, written first, as on the audit page.
  AuditView(services, actor, {"audit.read", "audit", std::string(domain::NameOf(kind))});
  audit::Filter filter;
  filter.object_type = std::string(domain::NameOf(kind));
  filter.limit = kRecentEntries;
  std::vector<RecentEntry> entries;
  for (const auto& entry : services.audit.List(services.database, organisation, filter)) {
    const auto record = domain::ParseIncidentRecord(std::string(domain::NameOf(kind)) + ":" +
                                                    entry.event.object_id);
    if (!record) continue;
    RecentEntry recent{entry.id, entry.event.action, *record, entry.event.at, {}};
    if (entry.event.actor_user_id) {
      const auto user = users.find(*entry.event.actor_user_id);
      if (user != users.end()) recent.actor_name = user->second;
    }
    entries.push_back(std::move(recent));
  }
  return entries;
}

Result<RegisterExport> ExportRegister(const Services& services, const auth::Actor& actor,
                                      ExportFormat format) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  TRY(RequireStepUp(services, actor));
  const std::int64_t organisation = *actor.organisation_id;
  std::string organisation_name = actor.organisation_name;
  if (organisation_name.empty()) {
    const auto found = store::OrganisationStore(services.database).Find(organisation);
    if (found) organisation_name = found->name;
  }
  auto exported = Read(services, actor.scope(), [&](store::Unit& unit) {
    RegisterExport read;
    read.notice_days = NoticeDays(unit);
    read.organisation_name = organisation_name;
    const auto users = UsersOf(unit);
    store::PrivacyIncidentStore store(unit.session());
    const CivilDate today = services.Today();
    for (auto& incident : store.ListAll(organisation)) {
      IncidentPage page;
      page.notice_days = read.notice_days;
      page.records = store.Records(incident.id, organisation);
      page.people = store.People(incident.id, organisation);
      page.row = {incident, domain::NoticeStatusOf(incident, today, read.notice_days)};
      page.users = users;
      read.incidents.push_back(std::move(page));
    }
    return read;
  });
  AuditView(services, actor,
            {"incident.export", kObjectType, format == ExportFormat::kCsv ? "csv" : "xlsx"});
  return exported;
}

std::int64_t CountOverdueIncidents(const Services& services, const auth::Actor& actor) {
  if (!PrivacyPolicy::CanManage(actor)) return 0;
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    const int days = NoticeDays(unit);
    const CivilDate today = services.Today();
    std::int64_t overdue = 0;
    for (const auto& incident :
         store::PrivacyIncidentStore(unit.session()).ListAwaitingNotice(*actor.organisation_id)) {
      if (domain::NoticeOverdue(incident, today, days)) ++overdue;
    }
    return overdue;
  });
}

}  // namespace cercle::app::privacy
