#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "web/router.hpp"
#include "web/routes.hpp"

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

TEST(Router, PrefersALiteralSegmentToAParameterWhateverTheOrder) {
  const Router router({{Method::kGet, "/circles/{id}", Nothing},
                       {Method::kGet, "/circles/new", Nothing},
                       {Method::kGet, "/circles/{id}/meetings/{meeting}", Nothing},
                       {Method::kGet, "/circles/{id}/meetings/new", Nothing}});
  EXPECT_EQ(router.Match(Method::kGet, "/circles/new").route->pattern, "/circles/new");
  EXPECT_EQ(router.Match(Method::kGet, "/circles/7").route->pattern, "/circles/{id}");
  EXPECT_EQ(router.Match(Method::kGet, "/circles/7/meetings/new").route->pattern,
            "/circles/{id}/meetings/new");
  EXPECT_EQ(router.Match(Method::kGet, "/circles/7/meetings/3").route->pattern,
            "/circles/{id}/meetings/{meeting}");
}

// A path that only `pattern` (among patterns of other literals) matches: each parameter becomes a
// value no literal segment uses.
std::string SamplePath(const std::string& pattern) {
  std::string path;
  std::size_t start = 1;
  while (start <= pattern.size()) {
    const auto slash = pattern.find('/', start);
    const std::string segment =
        pattern.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    path += "/";
    if (segment.ends_with("...}")) {
      path += "sample-7/sample-8";
    } else if (segment.starts_with('{')) {
      path += "sample-7";
    } else {
      path += segment;
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return path;
}

// The routes of `routes` that no request reaches, because another route of the same method takes
// every path they match (an identical pattern, or a more general one that the router prefers).
std::vector<std::string> ShadowedRoutes(std::vector<Route> routes) {
  std::vector<std::string> shadowed;
  const Router router(routes);
  for (const auto& route : router.routes()) {
    const auto match = router.Match(route.method, SamplePath(route.pattern));
    if (match.route != &route) shadowed.push_back(route.pattern);
  }
  return shadowed;
}

TEST(Router, FindsARouteThatAnotherShadows) {
  EXPECT_EQ(ShadowedRoutes({{Method::kGet, "/circles/{id}", Nothing},
                            {Method::kGet, "/circles/{number}", Nothing}}),
            std::vector<std::string>{"/circles/{number}"});
  EXPECT_EQ(
      ShadowedRoutes({{Method::kGet, "/circles", Nothing}, {Method::kGet, "/circles", Nothing}}),
      std::vector<std::string>{"/circles"});
  EXPECT_TRUE(ShadowedRoutes({{Method::kGet, "/circles/{id}", Nothing},
                              {Method::kGet, "/circles/new", Nothing},
                              {Method::kPost, "/circles/{id}", Nothing}})
                  .empty());
}

TEST(Router, NoRouteOfTheApplicationShadowsAnother) {
  EXPECT_EQ(ShadowedRoutes(AllRoutes()), std::vector<std::string>{});
}

// One convention for creating: GET …/new shows the form, POST to the collection creates.
TEST(Router, EveryCreationPostsToItsCollection) {
  std::vector<std::string> posts_to_new;
  for (const auto& route : AllRoutes()) {
    if (route.method == Method::kPost && route.pattern.ends_with("/new"))
      posts_to_new.push_back(route.pattern);
  }
  EXPECT_EQ(posts_to_new, std::vector<std::string>{});
}

}  // namespace
}  // namespace cercle::web
