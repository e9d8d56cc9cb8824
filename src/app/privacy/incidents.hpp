#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/privacy_incident.hpp"
#include "store/page_slice.hpp"

// The register of confidentiality incidents (Law 25, s. 3.5 to 3.8; the regulation respecting
// confidentiality incidents, s. 7): the person in charge of the protection of personal information
// and the organisation's admins record, read and export it (PrivacyPolicy::CanManage); to anyone
// else it does not exist (NotFound). Every view and change is audited ("incident.view",
// "incident.create", "incident.update", "incident.export").
namespace cercle::app::privacy {

// The page of a list the caller shows among `total` rows.
using PageOf = std::function<store::PageSlice(std::int64_t total)>;

// The names of the organisation's users by id: who recorded and changed an entry.
using UserNames = std::map<std::int64_t, std::string>;

// One entry of the register with where its notices stand today.
struct IncidentRow {
  domain::PrivacyIncident incident;
  domain::NoticeStatus notice;
};

// One page of the register, newest first.
struct RegisterPage {
  std::vector<IncidentRow> incidents;
  std::int64_t total = 0;
  std::int64_t overdue = 0;  // entries of the whole register whose notice is overdue
  int notice_days = 0;       // the setting privacy.incident_notice_days
};

// The register, one page ("incident.view" of the register). NotFound for anyone who may not manage
// privacy.
Result<RegisterPage> LoadIncidentRegister(const Services& services, const auth::Actor& actor,
                                          const PageOf& page);

// One entry with everything tied to it.
struct IncidentPage {
  IncidentRow row;
  std::vector<domain::IncidentRecord> records;
  std::vector<domain::ConcernedPerson> people;  // with their names
  UserNames users;
  int notice_days = 0;
};

// Whether reading an entry is recorded: its page is; the form shown again after a refusal is not.
enum class RecordReading { kYes, kNo };
// Entry `id` ("incident.view" when `record` says so).
Result<IncidentPage> LoadIncident(const Services& services, const auth::Actor& actor,
                                  std::int64_t id, RecordReading record);

// An entry as its form was typed: its details, the records it is tied to, the people concerned,
// and the fields the form could not read.
struct IncidentForm {
  domain::PrivacyIncident details;
  std::vector<domain::IncidentRecord> records;
  std::vector<domain::ConcernedPerson> people;
  std::vector<FieldError> unreadable;
};

// Records a new entry ("incident.create"); returns its id. Refuses, with every field's error and
// nothing stored, a form with unreadable fields, details the rules refuse (CheckPrivacyIncident),
// a record or a person that is not the organisation's (fields "records", "people").
Result<std::int64_t> CreateIncident(const Services& services, const auth::Actor& actor,
                                    const IncidentForm& form);
// Stores entry `id`'s new details, records and people ("incident.update"), with the same checks.
Status EditIncident(const Services& services, const auth::Actor& actor, std::int64_t id,
                    const IncidentForm& form);

// What Cercle knows of the people concerned by the records an incident is tied to.
struct Prefill {
  std::vector<domain::IncidentRecord> found;    // the records of the organisation
  std::vector<domain::IncidentRecord> missing;  // those it does not hold
  std::vector<domain::ConcernedPerson> people;  // with their names, each once
};

// The core members and volunteers `records` are about, from the database (a document's file, a
// concern's, a disclosure's or a sharing agreement's core member, a circle's core member and
// current volunteers), after the `known` people already chosen, each with its name; a known person
// who is not among the organisation's files is left out. Recorded as "incident.prefill" when there
// are records to read.
Result<Prefill> PrefillPeople(const Services& services, const auth::Actor& actor,
                              const std::vector<domain::IncidentRecord>& records,
                              const std::vector<domain::ConcernedPerson>& known = {});

// One recent audit entry about a record of a given kind, to choose the records from.
struct RecentEntry {
  std::int64_t entry_id = 0;
  std::string action;  // "document.download"…
  domain::IncidentRecord record;
  Instant at;
  std::string actor_name;  // "" when no user or an unknown one
};

// How many recent entries RecentEntries lists.
inline constexpr int kRecentEntries = 20;

// The organisation's latest kRecentEntries audit entries whose object is a record of `kind`,
// newest first, read through the audit log ("audit.read").
Result<std::vector<RecentEntry>> RecentEntries(const Services& services, const auth::Actor& actor,
                                               domain::IncidentRecordKind kind);

// The file formats of the export.
enum class ExportFormat { kCsv, kXlsx };

// The whole register for the Commission, oldest first, each entry with its records and people.
struct RegisterExport {
  std::vector<IncidentPage> incidents;
  std::string organisation_name;
  int notice_days = 0;
};

// The register for an export in `format` ("incident.export", the format as its id). A step-up
// action: Unauthenticated unless the actor entered a password or code within the last minutes.
Result<RegisterExport> ExportRegister(const Services& services, const auth::Actor& actor,
                                      ExportFormat format);

// How many entries of the actor's organisation have an overdue notice, for the home page of the
// person in charge and the admins; 0 for anyone else.
std::int64_t CountOverdueIncidents(const Services& services, const auth::Actor& actor);

}  // namespace cercle::app::privacy
