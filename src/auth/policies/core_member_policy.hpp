#pragma once

#include <cstdint>

#include "auth/actor.hpp"

namespace cercle::auth::policies {

// Who may see and change core members' files and everything in them (identity, offence summary,
// legal status, conditions with their victim details, risk assessments, consents, documents,
// history): the coordinators and administrators of the file's organisation, every view audited.
// Volunteers, partners and evaluators see none of it here; the circles give volunteers and partners
// their limited views (domain::ProjectForVolunteers).
struct CoreMemberPolicy {
  // The list and the search of the organisation's files.
  static bool CanList(const Actor& actor);
  // One file of `organisation_id`, with everything in it.
  static bool CanView(const Actor& actor, std::int64_t organisation_id);
  // Changes to a file of `organisation_id`: identity, status, orders, conditions, risk, consents,
  // documents.
  static bool CanChange(const Actor& actor, std::int64_t organisation_id);
  // The identity and places of the victims that conditions protect.
  static bool CanReadVictimDetails(const Actor& actor, std::int64_t organisation_id);
  // Risk assessments and the offence summary.
  static bool CanReadRisk(const Actor& actor, std::int64_t organisation_id);
};

// Who may see and decide referrals, fill in their checklists and read their documents: the
// coordinators and administrators of the referral's organisation.
struct ReferralPolicy {
  static bool CanList(const Actor& actor);
  static bool CanCreate(const Actor& actor) { return CanList(actor); }
  static bool CanView(const Actor& actor, std::int64_t organisation_id);
  static bool CanChange(const Actor& actor, std::int64_t organisation_id);
};

// Who may adjust the organisation's eligibility criteria (add, rename, retire): its administrators.
struct EligibilityCriteriaPolicy {
  static bool CanAdjust(const Actor& actor);
};

}  // namespace cercle::auth::policies
