#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "domain/circle_reviews.hpp"

namespace cercle::store {

// Reads and writes circles' reviews and renewal decisions, within the caller's transaction. Every
// query names the organisation, on top of row-level security.
class CircleReviewStore {
 public:
  explicit CircleReviewStore(soci::session& session) : session_(session) {}

  // Stores a review or renewal; returns its id.
  std::int64_t Insert(const domain::CircleReview& review);
  // The review `id` of `organisation_id`, if any.
  std::optional<domain::CircleReview> Find(std::int64_t id, std::int64_t organisation_id);
  // The reviews of a circle, newest first.
  std::vector<domain::CircleReview> OfCircle(std::int64_t circle_id, std::int64_t organisation_id);
  // Every review of the organisation's circles, by circle.
  std::map<std::int64_t, std::vector<domain::CircleReview>> ByCircle(std::int64_t organisation_id);
  // The reviews of the circles `circle_ids` only, by circle.
  std::map<std::int64_t, std::vector<domain::CircleReview>> ByCircle(
      const std::vector<std::int64_t>& circle_ids, std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
