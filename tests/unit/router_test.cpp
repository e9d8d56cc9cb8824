#include <gtest/gtest.h>

#include "web/router.hpp"

namespace cercle::web {
namespace {

Response Nothing(Context&) { return {}; }

Router MakeRouter() {
  return Router({{Method::kGet, "/", Nothing},
                 {Method::kGet, "/circles/{id}", Nothing},
                 {Method::kPost, "/circles/{id}/close", Nothing},
                 {Method::kGet, "/static/{file...}", Nothing}});
}

TEST(Router, MatchesTheRootOnlyExactly) {
  const auto router = MakeRouter();
  EXPECT_EQ(router.Match(Method::kGet, "/").route->pattern, "/");
  EXPECT_EQ(router.Match(Method::kGet, "/x").route, nullptr);
}

TEST(Router, CapturesNamedSegments) {
  const auto match = MakeRouter().Match(Method::kGet, "/circles/42");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.parameters.at("id"), "42");
}

TEST(Router, RefusesExtraOrMissingSegments) {
  const auto router = MakeRouter();
  EXPECT_EQ(router.Match(Method::kGet, "/circles").route, nullptr);
  EXPECT_EQ(router.Match(Method::kGet, "/circles/42/extra").route, nullptr);
  EXPECT_EQ(router.Match(Method::kGet, "/circles//").route, nullptr);
}

TEST(Router, ReportsAMethodMismatch) {
  const auto match = MakeRouter().Match(Method::kGet, "/circles/42/close");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_TRUE(match.method_mismatch);
}

TEST(Router, HeadUsesGetRoutes) {
  EXPECT_NE(MakeRouter().Match(Method::kHead, "/circles/7").route, nullptr);
}

TEST(Router, TailParameterTakesTheRest) {
  const auto match = MakeRouter().Match(Method::kGet, "/static/css/cercle.abc.css");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.parameters.at("file"), "css/cercle.abc.css");
  EXPECT_EQ(MakeRouter().Match(Method::kGet, "/static/").route, nullptr);
}

}  // namespace
}  // namespace cercle::web
