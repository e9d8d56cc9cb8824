#include "domain/circle_reviews.hpp"

#include "domain/circle.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {

Status CheckReview(CircleReview& review, CivilDate started_on, CivilDate today) {
  std::vector<FieldError> errors;
  review.participants = volunteer_text::Trimmed(review.participants);
  review.outcome = volunteer_text::Trimmed(review.outcome);
  review.decisions = volunteer_text::Trimmed(review.decisions);
  if (review.held_on > today) {
    errors.push_back({"held_on", {N_("The date cannot be in the future."), {}}});
  } else if (review.held_on < started_on) {
    errors.push_back({"held_on", {N_("The date cannot be before the circle started."), {}}});
  }
  if (review.participants.empty()) {
    errors.push_back({"participants", {N_("Say who took part."), {}}});
  } else if (volunteer_text::CharacterCount(review.participants) > 500) {
    errors.push_back({"participants", {N_("Use at most {count} characters."), {{"count", "500"}}}});
  }
  for (const auto& [field, text] :
       {std::pair{"outcome", &review.outcome}, std::pair{"decisions", &review.decisions}}) {
    if (volunteer_text::CharacterCount(*text) > 5000) {
      errors.push_back({field, {N_("Use at most {count} characters."), {{"count", "5000"}}}});
    }
  }
  if (review.kind == ReviewKind::kRenewal && !review.renewal) {
    errors.push_back({"renewal", {N_("Choose what the renewal decided."), {}}});
  }
  if (review.kind == ReviewKind::kReview) review.renewal.reset();
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
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
