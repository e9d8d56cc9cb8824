#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/redirects.hpp"

namespace cercle::web {
namespace {

TEST(RedirectTarget, KeepsLocalPathsAndTheirQuery) {
  EXPECT_EQ(RedirectTarget("/circles/3"), "/circles/3");
  EXPECT_EQ(RedirectTarget("/"), "/");
  EXPECT_EQ(RedirectTarget("/reports/funder?year=2026&quarter=3"),
            "/reports/funder?year=2026&quarter=3");
  EXPECT_EQ(RedirectTarget("/admin/users/"), "/admin/users/");
  EXPECT_EQ(RedirectTarget("/volunteers?q=H%C3%A9l%C3%A8ne+Roy"),
            "/volunteers?q=H%C3%A9l%C3%A8ne%20Roy");
  EXPECT_EQ(RedirectTarget("/a@b"), "/a%40b");
}

TEST(RedirectTarget, EncodesWhatItDecodedSoTheShapeCannotChange) {
  // A decoded '?', '#' or '%' in a segment stays inside the segment.
  EXPECT_EQ(RedirectTarget("/a%3Fb/c%23d"), "/a%3Fb/c%23d");
  EXPECT_EQ(RedirectTarget("/caf%C3%A9"), "/caf%C3%A9");
  EXPECT_EQ(RedirectTarget("/circles/3#members"), "/circles/3");
  // Doubled slashes inside the path are folded: the result never starts with "//".
  EXPECT_EQ(RedirectTarget("/a//b"), "/a/b");
}

TEST(RedirectTarget, FallsBackToHomeForEveryTargetOffTheSite) {
  const std::vector<std::string> hostile = {
      "",
      "circles/3",
      "//evil.example/",
      "///evil.example/",
      "https://evil.example/",
      "javascript:alert(1)",
      "/\\evil.example",
      "\\/evil.example",
      std::string("/\t/evil.example/"),
      std::string("/\r\n/evil.example/"),
      std::string("/\n/evil.example/"),
      std::string("/\0/evil.example/", 17),
      std::string("/\x7f/evil.example/"),
      std::string("/\x01/evil.example/"),
      "/%09/evil.example/",
      "/%0d%0a/evil.example/",
      "/%00/evil.example/",
      "/%5Cevil.example",
      "/%2F/evil.example/",
      "/%2f%2fevil.example/",
      "/a/../../evil",
      "/./x",
      "/%2e%2e/x",
      "/a?next=%0d%0aSet-Cookie:x",
      "/%FF",
      "/%C0%AF",
      "/%",
      " /circles",
      "/a\r\nSet-Cookie: x=1",
  };
  for (const auto& target : hostile) {
    SCOPED_TRACE(target);
    EXPECT_EQ(RedirectTarget(target), "/");
    EXPECT_FALSE(LocalTarget(target));
  }
  EXPECT_EQ(RedirectTarget("//evil.example/", "/login"), "/login");
}

}  // namespace
}  // namespace cercle::web
