#include "store/circle_review_store.hpp"

#include "store/circle_tables.hpp"
#include "store/page_slice.hpp"
#include "store/table.hpp"

namespace cercle::store {
namespace {

using Reviews = tables::CircleReviews;

// The reviews that `where` selects (conditions starting with AND, or none), by circle, oldest
// first.
std::map<std::int64_t, std::vector<domain::CircleReview>> ReviewsByCircle(
    soci::session& session, const std::string& where, std::int64_t organisation_id) {
  std::map<std::int64_t, std::vector<domain::CircleReview>> by_circle;
  for (auto& review : SelectWhere<Reviews>(session, where + " ORDER BY held_on",
                                           OfOrganisation(organisation_id))) {
    by_circle[review.circle_id].push_back(std::move(review));
  }
  return by_circle;
}

}  // namespace

std::int64_t CircleReviewStore::Insert(const domain::CircleReview& review) {
  return store::Insert<Reviews>(session_, review);
}

std::optional<domain::CircleReview> CircleReviewStore::Find(std::int64_t id,
                                                            std::int64_t organisation_id) {
  return store::Find<Reviews>(session_, id, organisation_id);
}

std::vector<domain::CircleReview> CircleReviewStore::OfCircle(std::int64_t circle_id,
                                                              std::int64_t organisation_id) {
  return SelectWhere<Reviews>(session_, "AND circle_id = :circle ORDER BY held_on DESC, id DESC",
                              OfOrganisation(organisation_id, {{"circle", circle_id}}));
}

std::map<std::int64_t, std::vector<domain::CircleReview>> CircleReviewStore::ByCircle(
    std::int64_t organisation_id) {
  return ReviewsByCircle(session_, "", organisation_id);
}

std::map<std::int64_t, std::vector<domain::CircleReview>> CircleReviewStore::ByCircle(
    const std::vector<std::int64_t>& circle_ids, std::int64_t organisation_id) {
  if (circle_ids.empty()) return {};
  return ReviewsByCircle(session_, "AND circle_id IN (" + IdList(circle_ids) + ")",
                         organisation_id);
}

}  // namespace cercle::store
