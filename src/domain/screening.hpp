#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/person_enums.hpp"

// Screening of volunteers: the items each organisation requires (police check, references,
// interview, signed agreements), each recorded with its date, result, checker, document and expiry.
// No I/O.
namespace cercle::domain {

// One kind of screening item an organisation checks. Its name is data; the defaults are English
// msgids, which the pages translate (a name an admin typed passes through unchanged).
struct ScreeningItemType {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string name;
  bool required = true;     // needed before a volunteer joins a circle
  int required_count = 1;   // how many valid items are needed (two references)
  int validity_months = 0;  // 0: the item does not expire
  int position = 0;         // display order
  bool active = true;       // a retired type is kept for the items recorded under it
};

// The types every organisation starts with (DESIGN.md and issue 5): the police record check with
// vulnerable-sector check (every 3 years), two references, an interview, a signed code of conduct
// and a signed confidentiality agreement, all required.
std::vector<ScreeningItemType> DefaultScreeningItemTypes();

// One screening item recorded for a volunteer.
struct ScreeningItem {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t volunteer_id = 0;
  std::int64_t type_id = 0;
  CivilDate completed_on;
  ScreeningResult result = ScreeningResult::kPending;
  // The item expires ON this date: it is valid up to the day before.
  std::optional<CivilDate> expires_on;
  std::optional<std::int64_t> checked_by;  // the user who checked it
  std::optional<std::int64_t> document_id;
  std::string notes;  // coordinators only: a refusal's reason, what was checked
  Instant recorded_at;
  // A withdrawn entry (recorded by mistake) stays for the record and counts for nothing.
  std::optional<Instant> withdrawn_at;
  std::string withdrawal_reason;
};

// The expiry of an item of `type` completed on `completed_on`: `validity_months` later, or none
// when the type does not expire.
std::optional<CivilDate> DefaultExpiry(const ScreeningItemType& type, CivilDate completed_on);

// True when `item` counts on `today`: passed, not withdrawn, and `today` before its expiry date.
bool IsValidOn(const ScreeningItem& item, CivilDate today);

// One type's status for one volunteer.
struct ScreeningTypeStatus {
  ScreeningItemType type;
  ScreeningStatus status = ScreeningStatus::kMissing;
  int valid_count = 0;
  // The earliest expiry among the valid items that count, when one expires.
  std::optional<CivilDate> expires_on;
};

// The status of each active type, in the types' order, from one volunteer's `items` on `today`. An
// item expiring within `notice_days` makes the type "expiring soon".
std::vector<ScreeningTypeStatus> SummariseScreening(const std::vector<ScreeningItemType>& types,
                                                    const std::vector<ScreeningItem>& items,
                                                    CivilDate today, int notice_days);

// Checks a type as an admin typed it: a name of 1 to 120 characters, a count from 1 to 10, a
// validity from 0 to 240 months. Field errors "name", "required_count", "validity_months".
Status CheckScreeningItemType(ScreeningItemType& type);

// Checks an item as a coordinator typed it: a completion date not in the future, an expiry after
// the completion date, notes of at most 2000 characters. When the item passed and no expiry was
// typed, the type's default expiry applies. Field errors "completed_on", "expires_on", "notes".
Status CheckScreeningItem(ScreeningItem& item, const ScreeningItemType& type, CivilDate today);

}  // namespace cercle::domain
