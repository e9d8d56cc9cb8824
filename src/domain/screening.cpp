#include "domain/screening.hpp"

#include <algorithm>
#include <array>

#include "domain/field_checks.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {
namespace {

constexpr int kPoliceCheckValidityMonths = 36;

}  // namespace

std::vector<ScreeningItemType> DefaultScreeningItemTypes() {
  std::vector<ScreeningItemType> types = {
      {0, 0, N_("Police record check with vulnerable-sector check"), true, 1,
       kPoliceCheckValidityMonths, 1, true},
      {0, 0, N_("Reference"), true, 2, 0, 2, true},
      {0, 0, N_("Interview"), true, 1, 0, 3, true},
      {0, 0, N_("Signed code of conduct"), true, 1, 0, 4, true},
      {0, 0, N_("Signed confidentiality agreement"), true, 1, 0, 5, true},
  };
  return types;
}

std::optional<CivilDate> DefaultExpiry(const ScreeningItemType& type, CivilDate completed_on) {
  if (type.validity_months <= 0) return std::nullopt;
  return AddMonths(completed_on, type.validity_months);
}

bool IsValidOn(const ScreeningItem& item, CivilDate today) {
  if (item.withdrawn_at || item.result != ScreeningResult::kPassed) return false;
  return !item.expires_on || today < *item.expires_on;
}

std::vector<ScreeningTypeStatus> SummariseScreening(const std::vector<ScreeningItemType>& types,
                                                    const std::vector<ScreeningItem>& items,
                                                    CivilDate today, int notice_days) {
  std::vector<ScreeningTypeStatus> statuses;
  for (const auto& type : types) {
    if (!type.active) continue;
    std::vector<const ScreeningItem*> recorded;
    for (const auto& item : items) {
      if (item.type_id == type.id && !item.withdrawn_at) recorded.push_back(&item);
    }
    // Newest first: a renewed check is the one that counts.
    std::sort(recorded.begin(), recorded.end(), [](const auto* a, const auto* b) {
      if (a->completed_on != b->completed_on) return a->completed_on > b->completed_on;
      return a->id > b->id;
    });
    ScreeningTypeStatus status{type, ScreeningStatus::kMissing, 0, std::nullopt};
    const int needed = std::max(1, type.required_count);
    std::vector<const ScreeningItem*> valid;
    bool pending = false, expired = false, failed = false;
    for (const auto* item : recorded) {
      if (IsValidOn(*item, today)) {
        valid.push_back(item);
      } else if (item->result == ScreeningResult::kPending) {
        pending = true;
      } else if (item->result == ScreeningResult::kPassed) {
        expired = true;
      } else {
        failed = true;
      }
    }
    status.valid_count = static_cast<int>(valid.size());
    if (status.valid_count >= needed) {
      status.status = ScreeningStatus::kValid;
      for (int i = 0; i < needed; ++i) {
        const auto& expiry = valid[static_cast<std::size_t>(i)]->expires_on;
        if (expiry && (!status.expires_on || *expiry < *status.expires_on))
          status.expires_on = expiry;
      }
      if (status.expires_on && DaysBetween(today, *status.expires_on) <= notice_days) {
        status.status = ScreeningStatus::kExpiringSoon;
      }
    } else if (expired) {
      status.status = ScreeningStatus::kExpired;
      // The date the newest expired item stopped counting.
      for (const auto* item : recorded) {
        if (item->result == ScreeningResult::kPassed && item->expires_on &&
            !IsValidOn(*item, today)) {
          status.expires_on = item->expires_on;
          break;
        }
      }
    } else if (pending) {
      status.status = ScreeningStatus::kPending;
    } else if (failed) {
      status.status = ScreeningStatus::kNotAccepted;
    }
    statuses.push_back(std::move(status));
  }
  return statuses;
}

Status CheckScreeningItemType(ScreeningItemType& type) {
  std::vector<FieldError> errors;
  CheckText(errors, "name", type.name, 120, N_("Enter a name."));
  CheckWholeNumber(errors, "required_count", type.required_count, 1, 10);
  CheckWholeNumber(errors, "validity_months", type.validity_months, 0, 240);
  return Checked(std::move(errors));
}

Status CheckScreeningItem(ScreeningItem& item, const ScreeningItemType& type, CivilDate today) {
  std::vector<FieldError> errors;
  if (DaysBetween(today, item.completed_on) > 0) {
    AddError(errors, "completed_on", N_("The date cannot be in the future."));
  }
  if (item.expires_on && *item.expires_on <= item.completed_on) {
    AddError(errors, "expires_on", N_("The expiry must come after the date of the check."));
  }
  CheckText(errors, "notes", item.notes, 2000);
  TRY(Checked(std::move(errors)));
  if (!item.expires_on && item.result == ScreeningResult::kPassed) {
    item.expires_on = DefaultExpiry(type, item.completed_on);
  }
  return {};
}

}  // namespace cercle::domain
