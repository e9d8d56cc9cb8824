#include "store/privacy_incident_store.hpp"

#include <algorithm>
#include <string>
#include <tuple>

#include "store/table.hpp"

namespace cercle::store {
namespace {

// The register's entries.
struct PrivacyIncidents {
  using Record = domain::PrivacyIncident;
  static constexpr TableColumns kColumns{
      .table = "privacy_incidents",
      .fixed = "organisation_id, recorded_by, recorded_at",
      .changing =
          "information, information_unknown, circumstances, occurred_from, occurred_until, "
          "occurred_unknown, learned_on, people_count, people_count_estimated, "
          "sensitivity_level, sensitivity_note, misuse_level, misuse_note, consequences_level, "
          "consequences_note, likelihood_level, likelihood_note, conclusion, "
          "commission_notified_on, people_notified_on, public_notice_on, measures, keep_until, "
          "updated_by, updated_at"};
  static auto Fields(Record& incident) {
    return std::tie(
        incident.id, incident.organisation_id, incident.recorded_by, incident.recorded_at,
        incident.information, incident.information_unknown, incident.circumstances,
        incident.occurred_from, incident.occurred_until, incident.occurred_unknown,
        incident.learned_on, incident.people_count, incident.people_count_estimated,
        incident.sensitivity_level, incident.sensitivity_note, incident.misuse_level,
        incident.misuse_note, incident.consequences_level, incident.consequences_note,
        incident.likelihood_level, incident.likelihood_note, incident.conclusion,
        incident.commission_notified_on, incident.people_notified_on, incident.public_notice_on,
        incident.measures, incident.keep_until, incident.updated_by, incident.updated_at);
  }
};

// A record or a person as a link table holds it: its kind's stored name and its id.
using KindAndId = ValueRow<std::string, std::int64_t>;

constexpr const char* kNewestFirst = R"sql(
  SELECT {columns} FROM {table}
  WHERE organisation_id = :organisation
  ORDER BY learned_on DESC, id DESC
)sql";
constexpr const char* kOldestFirst = R"sql(
  SELECT {columns} FROM {table}
  WHERE organisation_id = :organisation
  ORDER BY learned_on, id
)sql";
constexpr const char* kAwaitingNotice = R"sql(
  SELECT {columns} FROM {table}
  WHERE organisation_id = :organisation AND conclusion = 'serious'
    AND (commission_notified_on IS NULL OR people_notified_on IS NULL)
  ORDER BY learned_on, id
)sql";
constexpr const char* kRecords = R"sql(
  SELECT record_kind, record_id FROM privacy_incident_records
  WHERE incident_id = :incident AND organisation_id = :organisation
  ORDER BY id
)sql";
constexpr const char* kRemoveRecords = R"sql(
  DELETE FROM privacy_incident_records
  WHERE incident_id = :incident AND organisation_id = :organisation
)sql";
constexpr const char* kAddRecord = R"sql(
  INSERT INTO privacy_incident_records (organisation_id, incident_id, record_kind, record_id)
  VALUES (:organisation, :incident, :kind, :id)
)sql";
// The people of an entry, with their names: a core member's legal name and file number, a
// volunteer's first and last names.
constexpr const char* kPeople = R"sql(
  SELECT p.person_kind, p.person_id,
         coalesce(c.legal_name || ' (' || c.file_number || ')',
                  v.first_name || ' ' || v.last_name, '')
  FROM privacy_incident_people p
  LEFT JOIN core_members c ON p.person_kind = 'core_member' AND c.id = p.person_id
    AND c.organisation_id = p.organisation_id
  LEFT JOIN volunteers v ON p.person_kind = 'volunteer' AND v.id = p.person_id
    AND v.organisation_id = p.organisation_id
  WHERE p.incident_id = :incident AND p.organisation_id = :organisation
  ORDER BY p.person_kind, p.person_id
)sql";
constexpr const char* kRemovePeople = R"sql(
  DELETE FROM privacy_incident_people
  WHERE incident_id = :incident AND organisation_id = :organisation
)sql";
constexpr const char* kAddPerson = R"sql(
  INSERT INTO privacy_incident_people (organisation_id, incident_id, person_kind, person_id)
  VALUES (:organisation, :incident, :kind, :id)
)sql";
constexpr const char* kCoreMemberName = R"sql(
  SELECT legal_name || ' (' || file_number || ')' FROM core_members
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kVolunteerName = R"sql(
  SELECT first_name || ' ' || last_name FROM volunteers
  WHERE id = :id AND organisation_id = :organisation
)sql";

// What a record leads to, one step: a document to its owner (of any kind), the others to the core
// member or volunteer they are about. Each query reads (kind, id) rows.
constexpr const char* kDocumentOwner = R"sql(
  SELECT owner_type, owner_id FROM documents
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kConcernCoreMember = R"sql(
  SELECT 'core_member', ci.core_member_id FROM concerns c
  JOIN circles ci ON ci.id = c.circle_id AND ci.organisation_id = c.organisation_id
  WHERE c.id = :id AND c.organisation_id = :organisation
)sql";
constexpr const char* kDisclosureCoreMember = R"sql(
  SELECT 'core_member', ci.core_member_id FROM concern_disclosures d
  JOIN concerns c ON c.id = d.concern_id AND c.organisation_id = d.organisation_id
  JOIN circles ci ON ci.id = c.circle_id AND ci.organisation_id = c.organisation_id
  WHERE d.id = :id AND d.organisation_id = :organisation
)sql";
constexpr const char* kAgreementCoreMember = R"sql(
  SELECT 'core_member', ci.core_member_id FROM sharing_agreements a
  JOIN circles ci ON ci.id = a.circle_id AND ci.organisation_id = a.organisation_id
  WHERE a.id = :id AND a.organisation_id = :organisation
)sql";
constexpr const char* kCircleCoreMember = R"sql(
  SELECT 'core_member', core_member_id FROM circles
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kCircleVolunteers = R"sql(
  SELECT 'volunteer', volunteer_id FROM circle_members
  WHERE circle_id = :id AND organisation_id = :organisation AND left_on IS NULL
  ORDER BY volunteer_id
)sql";
constexpr const char* kReferralCoreMember = R"sql(
  SELECT 'core_member', core_member_id FROM referrals
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kReferralRow = R"sql(
  SELECT id FROM referrals
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kScreeningItemVolunteer = R"sql(
  SELECT 'volunteer', volunteer_id FROM screening_items
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kCoreMemberRow = R"sql(
  SELECT 'core_member', id FROM core_members
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kVolunteerRow = R"sql(
  SELECT 'volunteer', id FROM volunteers
  WHERE id = :id AND organisation_id = :organisation
)sql";

// The (kind, id) rows `query` reads for record `id`; a NULL id (a referral without a file) reads
// as none.
std::vector<std::pair<std::string, std::int64_t>> Leads(soci::session& session, const char* query,
                                                        std::int64_t id,
                                                        std::int64_t organisation_id) {
  std::vector<std::pair<std::string, std::int64_t>> leads;
  for (const auto& [kind, lead] :
       FetchAll<TableRow<ValueRow<std::string, std::optional<std::int64_t>>>>(
           session, query, Params({{"id", id}, {"organisation", organisation_id}}))) {
    if (lead) leads.emplace_back(kind, *lead);
  }
  return leads;
}

// Replaces the (kind, id) rows of one incident in a link table.
void ReplaceLinks(soci::session& session, const char* remove, const char* add,
                  std::int64_t incident_id, std::int64_t organisation_id,
                  const std::vector<std::pair<std::string, std::int64_t>>& links) {
  session << remove, soci::use(incident_id, "incident"), soci::use(organisation_id, "organisation");
  for (const auto& [kind, id] : links) {
    session << add, soci::use(organisation_id, "organisation"), soci::use(incident_id, "incident"),
        soci::use(kind, "kind"), soci::use(id, "id");
  }
}

}  // namespace

std::vector<domain::PrivacyIncident> PrivacyIncidentStore::List(std::int64_t organisation_id,
                                                                const PageSlice& slice) {
  return SelectAll<PrivacyIncidents>(session_, std::string(kNewestFirst) + LimitClause(slice),
                                     Params({{"organisation", organisation_id}}));
}

std::vector<domain::PrivacyIncident> PrivacyIncidentStore::ListAll(std::int64_t organisation_id) {
  return SelectAll<PrivacyIncidents>(session_, kOldestFirst,
                                     Params({{"organisation", organisation_id}}));
}

std::vector<domain::PrivacyIncident> PrivacyIncidentStore::ListAwaitingNotice(
    std::int64_t organisation_id) {
  return SelectAll<PrivacyIncidents>(session_, kAwaitingNotice,
                                     Params({{"organisation", organisation_id}}));
}

std::int64_t PrivacyIncidentStore::Count(std::int64_t organisation_id) {
  return store::Count<PrivacyIncidents>(session_, organisation_id);
}

std::optional<domain::PrivacyIncident> PrivacyIncidentStore::Find(std::int64_t id,
                                                                  std::int64_t organisation_id) {
  return store::Find<PrivacyIncidents>(session_, id, organisation_id);
}

std::int64_t PrivacyIncidentStore::Insert(const domain::PrivacyIncident& incident) {
  return store::Insert<PrivacyIncidents>(session_, incident);
}

void PrivacyIncidentStore::Update(const domain::PrivacyIncident& incident) {
  store::Update<PrivacyIncidents>(session_, incident);
}

std::vector<domain::IncidentRecord> PrivacyIncidentStore::Records(std::int64_t incident_id,
                                                                  std::int64_t organisation_id) {
  std::vector<domain::IncidentRecord> records;
  for (const auto& [kind, id] : FetchAll<TableRow<KindAndId>>(
           session_, kRecords,
           Params({{"incident", incident_id}, {"organisation", organisation_id}}))) {
    if (const auto parsed = domain::ParseEnum<domain::IncidentRecordKind>(kind)) {
      records.push_back({*parsed, id});
    }
  }
  return records;
}

void PrivacyIncidentStore::SetRecords(std::int64_t incident_id, std::int64_t organisation_id,
                                      const std::vector<domain::IncidentRecord>& records) {
  std::vector<std::pair<std::string, std::int64_t>> links;
  for (const auto& record : records) {
    links.emplace_back(std::string(domain::NameOf(record.kind)), record.id);
  }
  ReplaceLinks(session_, kRemoveRecords, kAddRecord, incident_id, organisation_id, links);
}

std::vector<domain::ConcernedPerson> PrivacyIncidentStore::People(std::int64_t incident_id,
                                                                  std::int64_t organisation_id) {
  std::vector<domain::ConcernedPerson> people;
  for (const auto& [kind, id, name] :
       FetchAll<TableRow<ValueRow<std::string, std::int64_t, std::string>>>(
           session_, kPeople,
           Params({{"incident", incident_id}, {"organisation", organisation_id}}))) {
    if (const auto parsed = domain::ParseEnum<domain::ConcernedKind>(kind)) {
      people.push_back({*parsed, id, name});
    }
  }
  return people;
}

void PrivacyIncidentStore::SetPeople(std::int64_t incident_id, std::int64_t organisation_id,
                                     const std::vector<domain::ConcernedPerson>& people) {
  std::vector<std::pair<std::string, std::int64_t>> links;
  for (const auto& person : people) {
    links.emplace_back(std::string(domain::NameOf(person.kind)), person.id);
  }
  ReplaceLinks(session_, kRemovePeople, kAddPerson, incident_id, organisation_id, links);
}

std::optional<domain::ConcernedPerson> PrivacyIncidentStore::FindPerson(
    const domain::ConcernedPerson& person, std::int64_t organisation_id) {
  const char* query =
      person.kind == domain::ConcernedKind::kCoreMember ? kCoreMemberName : kVolunteerName;
  const auto name = FetchValue<std::string>(
      session_, query, Params({{"id", person.id}, {"organisation", organisation_id}}));
  if (!name) return std::nullopt;
  return domain::ConcernedPerson{person.kind, person.id, *name};
}

RecordPeople PrivacyIncidentStore::PeopleOf(const domain::IncidentRecord& record,
                                            std::int64_t organisation_id) {
  using enum domain::IncidentRecordKind;
  RecordPeople found;
  std::vector<std::pair<std::string, std::int64_t>> leads;
  const auto lead = [&](const char* query, std::int64_t id) {
    auto more = Leads(session_, query, id, organisation_id);
    leads.insert(leads.end(), more.begin(), more.end());
  };
  switch (record.kind) {
    case kDocument: {
      const auto owners = Leads(session_, kDocumentOwner, record.id, organisation_id);
      if (owners.empty()) return found;
      found.found = true;
      // A document belongs to a file, a referral, a screening item or (an agreement's) a circle.
      const auto& [owner_type, owner_id] = owners.front();
      if (owner_type == "core_member") lead(kCoreMemberRow, owner_id);
      if (owner_type == "volunteer") lead(kVolunteerRow, owner_id);
      if (owner_type == "referral") lead(kReferralCoreMember, owner_id);
      if (owner_type == "screening_item") lead(kScreeningItemVolunteer, owner_id);
      if (owner_type == "circle") lead(kCircleCoreMember, owner_id);
      break;
    }
    case kConcern:
      lead(kConcernCoreMember, record.id);
      break;
    case kDisclosure:
      lead(kDisclosureCoreMember, record.id);
      break;
    case kSharingAgreement:
      lead(kAgreementCoreMember, record.id);
      break;
    case kCircle:
      lead(kCircleCoreMember, record.id);
      if (!leads.empty()) lead(kCircleVolunteers, record.id);
      break;
    case kCoreMember:
      lead(kCoreMemberRow, record.id);
      break;
    case kVolunteer:
      lead(kVolunteerRow, record.id);
      break;
    case kReferral: {
      // A referral without a file yet exists but names no core member.
      found.found =
          FetchValue<std::int64_t>(session_, kReferralRow,
                                   Params({{"id", record.id}, {"organisation", organisation_id}}))
              .has_value();
      lead(kReferralCoreMember, record.id);
      break;
    }
  }
  if (!leads.empty()) found.found = true;
  for (const auto& [kind, id] : leads) {
    const auto parsed = domain::ParseEnum<domain::ConcernedKind>(kind);
    if (!parsed) continue;
    const auto person = FindPerson({*parsed, id, {}}, organisation_id);
    if (person &&
        std::find(found.people.begin(), found.people.end(), *person) == found.people.end()) {
      found.people.push_back(*person);
    }
  }
  return found;
}

}  // namespace cercle::store
