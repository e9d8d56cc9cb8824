#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/privacy_officer.hpp"

namespace cercle::store {

// An account that may be linked to the person in charge: an active user of the owner.
struct OfficerCandidate {
  std::int64_t id = 0;
  std::string display_name;
};

// Reads and writes the persons in charge of the protection of personal information within the
// caller's transaction: one row per organisation and one for the network (no organisation), which
// only the system scope sees on PostgreSQL.
class PrivacyOfficerStore {
 public:
  explicit PrivacyOfficerStore(soci::session& session) : session_(session) {}

  // The person in charge of organisation `organisation_id` (the network's when none), if named.
  std::optional<domain::PrivacyOfficer> Find(std::optional<std::int64_t> organisation_id);
  // Stores `officer` as its owner's person in charge, replacing the one named before (the row
  // keeps its id); returns the row's id.
  std::int64_t Save(const domain::PrivacyOfficer& officer);
  // The active accounts of organisation `organisation_id` (the network's when none), by name.
  std::vector<OfficerCandidate> ListCandidates(std::optional<std::int64_t> organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
