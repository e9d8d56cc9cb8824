#pragma once

#include <cstdint>

#include "auth/actor.hpp"

namespace cercle::auth::policies {

// Who may see the organisation's reports. Coordinators and organisation admins see the dashboard,
// the funder's report, the lists each figure counts (which name people of their own organisation)
// and export the report, after a step-up. Organisation admins and evaluators take the de-identified
// evaluation extract; evaluators see nothing else, and no record. Network admins see the funder
// figures summed over the organisations that share them, never a record.
struct ReportPolicy {
  // The dashboard, the funder's report, its check lists, its print and its exports.
  static bool CanSeeReports(const Actor& actor);
  // The evaluation extract and its data dictionary.
  static bool CanExtractForEvaluation(const Actor& actor);
  // Whether the organisation's setting lets the actor (who may extract) take it now: an
  // organisation admin always; an evaluator only while evaluator access is on
  // (domain::SettingKey::kEvaluatorAccess, off by default).
  static bool EvaluatorAccessAllows(const Actor& actor, bool evaluator_access_on);
  // The outcome scales, the public impact page and sharing figures with the network: the
  // organisation's administrators.
  static bool CanConfigure(const Actor& actor);
  // The network's summed figures.
  static bool CanSeeNetworkFigures(const Actor& actor);
};

// Who may keep the outreach log and write, review and remove significant stories: the coordinators
// and administrators of the organisation.
struct OutreachPolicy {
  static bool CanManage(const Actor& actor);
  // One activity or story of `organisation_id`.
  static bool CanChange(const Actor& actor, std::int64_t organisation_id);
};

// Who may see and record the outcomes on a core member's file (recidivism events, outcome measures,
// follow-up checks): whoever may see and change the file itself (CoreMemberPolicy).
struct OutcomePolicy {
  static bool CanView(const Actor& actor, std::int64_t organisation_id);
  static bool CanChange(const Actor& actor, std::int64_t organisation_id);
};

}  // namespace cercle::auth::policies
