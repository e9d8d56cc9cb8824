#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"

// The eligibility screening of a referral: a checklist of the organisation's criteria. Programs
// differ, so an organisation admin adjusts the criteria; every organisation starts with the
// program's four.
namespace cercle::domain {

// One of the four criteria every organisation starts with.
struct DefaultCriterion {
  std::string_view
      key;  // stored in default_key: "sexual_offence", "high_risk", "legal_status", "consent"
  std::string_view label;  // English msgid
};

// The program's criteria (DESIGN.md, "The program in one page"), in checklist order.
const std::vector<DefaultCriterion>& DefaultCriteria();

// The English msgid of the default criterion `key`, if it is one.
std::optional<std::string_view> DefaultCriterionLabel(std::string_view key);

// A criterion of an organisation's checklist.
struct EligibilityCriterion {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string
      default_key;    // one of DefaultCriteria()'s keys, or "" for a criterion the admin added
  std::string label;  // the admin's wording; "" for a default criterion never renamed
  int position = 0;
  std::optional<Instant> retired_at;  // retired criteria no longer appear on checklists

  bool active() const { return !retired_at; }
};

// Checks the wording of a criterion: 1 to 300 characters (field "label").
Status CheckCriterionLabel(std::string_view label);

// One line of a referral's checklist.
struct ChecklistLine {
  const EligibilityCriterion* criterion = nullptr;
  bool met = false;
};

// The checklist of a referral: every active criterion, in order, with whether the coordinator
// ticked it. `met` holds the ids of the criteria ticked.
std::vector<ChecklistLine> EligibilityChecklist(const std::vector<EligibilityCriterion>& criteria,
                                                const std::vector<std::int64_t>& met);

// How many lines of `checklist` are not met.
std::size_t MissingCriteriaCount(const std::vector<ChecklistLine>& checklist);

}  // namespace cercle::domain
