#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/concerns/concern_common.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_plan.hpp"
#include "domain/circle_record.hpp"
#include "domain/core_member.hpp"
#include "domain/legal.hpp"
#include "domain/venues.hpp"

// The concern page for coordinators and organisation admins: the concern and everything recorded
// about its handling, with what the forms of each step need.
namespace cercle::app::concerns {

// One view of the concern's record: who, and when.
struct RecordViewer {
  std::optional<std::int64_t> user_id;
  Instant at;
};

// Whether loading the page records a view in the audit log: a view does ("concern.view"); the page
// shown again after a refused step does not, since the view was recorded when it was opened.
enum class RecordView { kYes, kNo };

// Everything the concern page shows.
struct ConcernPage {
  ConcernRow row;
  std::optional<domain::Circle> circle;
  std::optional<domain::CoreMember> core_member;
  std::vector<ActionRow> actions;
  std::vector<DisclosureRow> disclosures;
  std::vector<EscalationStep> steps;
  // The organisation's accounts by id, to name who acknowledged, closed or was alerted.
  std::map<std::int64_t, std::string> names;
  // The partner contacts a disclosure may go to, and the record a basis may rest on.
  std::vector<domain::PartnerContact> contacts;
  std::vector<domain::SharingAgreement> agreements;
  std::vector<domain::Consent> consents;
  // The organisation's active venues, which the emergency meeting's form offers, by name.
  std::vector<domain::Venue> venues;
  // The warning signs of the circle plan the concern cites, with what the plan says to do.
  std::vector<domain::WarningSign> signs;
  // The latest views of the record (staff, the volunteer who raised it, partners), newest first.
  std::vector<RecordViewer> viewers;
  // The organisation's date and the time of the read, for the forms' defaults and states.
  CivilDate today;
  Instant now;
};

// How many views of the record the page lists at most.
inline constexpr int kViewerRows = 50;

// The page of concern `concern_id`; NotFound when the actor may not handle it.
Result<ConcernPage> LoadConcernPage(const Services& services, const auth::Actor& actor,
                                    std::int64_t concern_id, RecordView record_view);

}  // namespace cercle::app::concerns
