#include "store/circle_review_store.hpp"

#include "store/circle_rows.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {
namespace {

using namespace circle_rows;

constexpr const char* kColumns = R"sql(
SELECT id, organisation_id, circle_id, kind, held_on, participants, outcome, decisions,
       renewal_decision, recorded_by, recorded_at
  FROM circle_reviews
 WHERE organisation_id = :organisation
 )sql";
constexpr const char* kInsert = R"sql(
INSERT INTO circle_reviews (organisation_id, circle_id, kind, held_on, participants, outcome,
       decisions, renewal_decision, recorded_by, recorded_at)
VALUES (:organisation, :circle, :kind, :held_on, :participants, :outcome, :decisions,
       :renewal, :by, :at)
RETURNING id
)sql";

}  // namespace

std::vector<domain::CircleReview> CircleReviewStore::Select(const std::string& where,
                                                            std::int64_t organisation_id,
                                                            std::int64_t key) {
  domain::CircleReview row;
  std::string kind, held_on, renewal;
  std::int64_t by = 0;
  long long at = 0;
  soci::indicator renewal_indicator, by_indicator;
  soci::statement statement =
      (session_.prepare << std::string(kColumns) + where, soci::into(row.id),
       soci::into(row.organisation_id), soci::into(row.circle_id), soci::into(kind),
       soci::into(held_on), soci::into(row.participants), soci::into(row.outcome),
       soci::into(row.decisions), soci::into(renewal, renewal_indicator),
       soci::into(by, by_indicator), soci::into(at));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (where.find(":key") != std::string::npos) statement.exchange(soci::use(key, "key"));
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::CircleReview> reviews;
  while (statement.fetch()) {
    domain::CircleReview review = row;
    review.kind = domain::ParseEnum<domain::ReviewKind>(kind).value_or(domain::ReviewKind::kReview);
    review.held_on = RequiredDate(held_on);
    review.renewal = renewal_indicator == soci::i_ok
                         ? domain::ParseEnum<domain::RenewalDecision>(renewal)
                         : std::nullopt;
    review.recorded_by = Id(by, by_indicator);
    review.recorded_at = FromUnix(at);
    reviews.push_back(std::move(review));
  }
  return reviews;
}

std::int64_t CircleReviewStore::Insert(const domain::CircleReview& review) {
  std::int64_t id = 0;
  const std::string kind(domain::NameOf(review.kind));
  const std::string held_on = FormatIsoDate(review.held_on);
  NullableText renewal;
  if (review.renewal) renewal = {std::string(domain::NameOf(*review.renewal)), soci::i_ok};
  auto by = Nullable(review.recorded_by);
  const long long at = ToUnix(review.recorded_at);
  session_ << kInsert, soci::use(review.organisation_id, "organisation"),
      soci::use(review.circle_id, "circle"), soci::use(kind, "kind"), soci::use(held_on, "held_on"),
      soci::use(review.participants, "participants"), soci::use(review.outcome, "outcome"),
      soci::use(review.decisions, "decisions"),
      soci::use(renewal.value, renewal.indicator, "renewal"),
      soci::use(by.value, by.indicator, "by"), soci::use(at, "at"), soci::into(id);
  return id;
}

std::vector<domain::CircleReview> CircleReviewStore::OfCircle(std::int64_t circle_id,
                                                              std::int64_t organisation_id) {
  return Select("AND circle_id = :key ORDER BY held_on DESC, id DESC", organisation_id, circle_id);
}

std::map<std::int64_t, std::vector<domain::CircleReview>> CircleReviewStore::ByCircle(
    std::int64_t organisation_id) {
  std::map<std::int64_t, std::vector<domain::CircleReview>> by_circle;
  for (auto& review : Select("ORDER BY held_on", organisation_id, 0)) {
    by_circle[review.circle_id].push_back(std::move(review));
  }
  return by_circle;
}

std::map<std::int64_t, std::vector<domain::CircleReview>> CircleReviewStore::ByCircle(
    const std::vector<std::int64_t>& circle_ids, std::int64_t organisation_id) {
  std::map<std::int64_t, std::vector<domain::CircleReview>> by_circle;
  if (circle_ids.empty()) return by_circle;
  for (auto& review : Select("AND circle_id IN (" + IdList(circle_ids) + ") ORDER BY held_on",
                             organisation_id, 0)) {
    by_circle[review.circle_id].push_back(std::move(review));
  }
  return by_circle;
}

}  // namespace cercle::store
