#include "domain/circle_reviews.hpp"

#include "domain/circle.hpp"
#include "domain/field_checks.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {

Status CheckReview(CircleReview& review, CivilDate started_on, CivilDate today) {
  std::vector<FieldError> errors;
  CheckPastDay(errors, "held_on", review.held_on, today,
               Earliest{started_on, N_("The date cannot be before the circle started.")});
  CheckText(errors, "participants", review.participants, 500, N_("Say who took part."));
  CheckText(errors, "outcome", review.outcome, 5000);
  CheckText(errors, "decisions", review.decisions, 5000);
  if (review.kind == ReviewKind::kRenewal && !review.renewal) {
    AddError(errors, "renewal", N_("Choose what the renewal decided."));
  }
  if (review.kind == ReviewKind::kReview) review.renewal.reset();
  return Checked(std::move(errors));
}

ReviewSchedule ScheduleOf(CivilDate started_on, const std::vector<CircleReview>& reviews,
                          int months_between) {
  std::optional<CivilDate> last_review, last_renewal;
  const CircleReview* latest_renewal = nullptr;
  for (const auto& review : reviews) {
    if (!last_review || review.held_on > *last_review) last_review = review.held_on;
    if (review.kind != ReviewKind::kRenewal) continue;
    if (!latest_renewal || review.held_on >= latest_renewal->held_on) latest_renewal = &review;
    if (review.renewal == RenewalDecision::kRenewed &&
        (!last_renewal || review.held_on > *last_renewal)) {
      last_renewal = review.held_on;
    }
  }
  ReviewSchedule schedule;
  schedule.next_review = NextReviewDate(started_on, last_review, months_between);
  // The latest decision stands: a circle that decided to close has no renewal due.
  if (!latest_renewal || latest_renewal->renewal != RenewalDecision::kClosing) {
    schedule.next_renewal = NextRenewalDate(started_on, last_renewal);
  }
  return schedule;
}

}  // namespace cercle::domain
