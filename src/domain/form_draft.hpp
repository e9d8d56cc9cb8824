#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/clock.hpp"
#include "domain/enum_names.hpp"

// Drafts: what a person types in the minutes, contact and concern forms, kept on the server as they
// type (static/js/drafts.js) so that an ended session loses nothing. A draft belongs to one user
// and one form of one record, and lives until the form is sent, its author discards it, or
// kDraftKeep after its last save.
namespace cercle::domain {

// The forms that keep a draft, each for one record: the minutes of a meeting, a contact logged on a
// circle's phone view, a concern raised about a circle by a volunteer or by staff.
enum class DraftForm { kMinutes, kContact, kConcern, kStaffConcern };

template <>
struct EnumTable<DraftForm> {
  static constexpr std::array<EnumEntry<DraftForm>, 4> kEntries{{
      {DraftForm::kMinutes, "minutes", ""},
      {DraftForm::kContact, "contact", ""},
      {DraftForm::kConcern, "concern", ""},
      {DraftForm::kStaffConcern, "staff_concern", ""},
  }};
};

// How long a draft is kept after its last save.
inline constexpr std::chrono::days kDraftKeep{30};
// The most characters a draft's fields may hold (the minutes' five parts of 5,000 characters fit
// with room to spare); the databases refuse more.
inline constexpr std::size_t kDraftMaximumCharacters = 60000;

// A saved draft.
struct FormDraft {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t user_id = 0;
  DraftForm form = DraftForm::kMinutes;
  std::int64_t target_id = 0;  // the meeting (minutes) or the circle (contact, concerns)
  std::string fields;          // the form as sent: a JSON array of [name, value] pairs
  Instant saved_at;
};

// True when a draft saved at `saved_at` is still kept at `now`.
inline bool DraftKept(Instant saved_at, Instant now) { return now - saved_at < kDraftKeep; }

}  // namespace cercle::domain
