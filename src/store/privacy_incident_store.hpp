#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/privacy_incident.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// Who a record an incident is tied to is about, as the database says.
struct RecordPeople {
  bool found = false;  // the record exists in the organisation (a removed document counts)
  std::vector<domain::ConcernedPerson> people;
};

// Reads and writes the organisation's register of confidentiality incidents, within the caller's
// transaction. Every query names the organisation, on top of row-level security.
class PrivacyIncidentStore {
 public:
  explicit PrivacyIncidentStore(soci::session& session) : session_(session) {}

  // One page of the register, newest first (by the day the organisation learned of each).
  std::vector<domain::PrivacyIncident> List(std::int64_t organisation_id, const PageSlice& slice);
  // The whole register, oldest first, for the export.
  std::vector<domain::PrivacyIncident> ListAll(std::int64_t organisation_id);
  // The entries with a risk of serious injury whose Commission or people notice is missing.
  std::vector<domain::PrivacyIncident> ListAwaitingNotice(std::int64_t organisation_id);
  std::int64_t Count(std::int64_t organisation_id);
  std::optional<domain::PrivacyIncident> Find(std::int64_t id, std::int64_t organisation_id);
  // Stores a new entry; returns its id.
  std::int64_t Insert(const domain::PrivacyIncident& incident);
  // Stores everything an edit changes.
  void Update(const domain::PrivacyIncident& incident);

  // The records entry `incident_id` is tied to, in the order they were given.
  std::vector<domain::IncidentRecord> Records(std::int64_t incident_id,
                                              std::int64_t organisation_id);
  // Replaces them.
  void SetRecords(std::int64_t incident_id, std::int64_t organisation_id,
                  const std::vector<domain::IncidentRecord>& records);
  // The people concerned by entry `incident_id`, with their names, core members first.
  std::vector<domain::ConcernedPerson> People(std::int64_t incident_id,
                                              std::int64_t organisation_id);
  // Replaces them.
  void SetPeople(std::int64_t incident_id, std::int64_t organisation_id,
                 const std::vector<domain::ConcernedPerson>& people);

  // Who `record` is about: a document's core member or volunteer (through its referral, screening
  // item or circle when it belongs to one), a concern's, a disclosure's or a sharing agreement's
  // core member, a circle's core member and current volunteers, a file's own person. Names are
  // filled in.
  RecordPeople PeopleOf(const domain::IncidentRecord& record, std::int64_t organisation_id);
  // `person` with its name, when it is a file of the organisation.
  std::optional<domain::ConcernedPerson> FindPerson(const domain::ConcernedPerson& person,
                                                    std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
