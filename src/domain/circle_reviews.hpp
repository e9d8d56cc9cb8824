#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_enums.hpp"

// A circle's reviews (every three months by default) and its yearly renewal decision: renewed for a
// year, or closing. The engagement renews for as long as the core member wants. No I/O.
namespace cercle::domain {

// One recorded review or renewal.
struct CircleReview {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t circle_id = 0;
  ReviewKind kind = ReviewKind::kReview;
  CivilDate held_on{};
  std::string participants;
  std::string outcome;
  std::string decisions;
  std::optional<RenewalDecision> renewal;  // for a renewal only
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
};

// Checks a review: a day not in the future and not before the circle started (`started_on`),
// participants (1 to 500 characters), outcome and decisions of at most 5000 characters, and a
// decision exactly when it is a renewal. Trims the texts. Field errors "held_on", "participants",
// "outcome", "decisions", "renewal".
Status CheckReview(CircleReview& review, CivilDate started_on, CivilDate today);

// When the next review and the next renewal decision are due.
struct ReviewSchedule {
  CivilDate next_review{};
  // None once a renewal decided that the circle closes.
  std::optional<CivilDate> next_renewal;
};

// The schedule of a circle started on `started_on` with `reviews` recorded: a review
// `months_between` months after the latest review or renewal (or the start), and a renewal 12
// months after the latest renewal that renewed (or the start).
ReviewSchedule ScheduleOf(CivilDate started_on, const std::vector<CircleReview>& reviews,
                          int months_between);

// How far ahead due reviews and renewals show on the coordinator's home page, in days.
inline constexpr int kReviewNoticeDays = 30;

}  // namespace cercle::domain
