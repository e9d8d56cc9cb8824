#include <gtest/gtest.h>

#include "web/http.hpp"
#include "web/pages/language/language_page.hpp"

namespace cercle::web {
namespace {

TEST(PercentDecode, DecodesEscapesAndPlusInForms) {
  EXPECT_EQ(PercentDecode("H%C3%A9l%C3%A8ne+Roy", true).value(), "Hélène Roy");
  EXPECT_EQ(PercentDecode("a+b", false).value(), "a+b");
}

TEST(PercentDecode, RefusesTruncatedOrInvalidEscapes) {
  EXPECT_FALSE(PercentDecode("abc%4", true));
  EXPECT_FALSE(PercentDecode("abc%", true));
  EXPECT_FALSE(PercentDecode("%zz", true));
}

TEST(PercentEncode, RoundTripsThroughDecode) {
  const std::string text = "Hélène & Co/?=";
  EXPECT_EQ(PercentDecode(PercentEncode(text), true).value(), text);
}

TEST(FormFields, ParsesUrlEncodedBodiesOnly) {
  Request request;
  request.headers = {{"content-type", "application/x-www-form-urlencoded; charset=UTF-8"}};
  request.body = "name=Jean+Tremblay&lang=fr&empty=&bad=%G1";
  const auto fields = request.FormFields();
  EXPECT_EQ(fields.find("name")->second, "Jean Tremblay");
  EXPECT_EQ(fields.find("empty")->second, "");
  EXPECT_EQ(fields.count("bad"), 0u);
  request.headers = {{"content-type", "text/plain"}};
  EXPECT_TRUE(request.FormFields().empty());
}

TEST(Cookie, FindsTheNamedCookie) {
  Request request;
  request.headers = {{"cookie", "a=1; lang=en;  other = x"}};
  EXPECT_EQ(request.Cookie("lang").value(), "en");
  EXPECT_EQ(request.Cookie("other").value(), "x");
  EXPECT_FALSE(request.Cookie("missing"));
}

TEST(LocalPath, RefusesRedirectsOffTheSite) {
  EXPECT_TRUE(pages::language::IsLocalPath("/circles/3"));
  EXPECT_FALSE(pages::language::IsLocalPath("//evil.example/"));
  EXPECT_FALSE(pages::language::IsLocalPath("https://evil.example/"));
  EXPECT_FALSE(pages::language::IsLocalPath("/\\evil.example"));
  EXPECT_FALSE(pages::language::IsLocalPath("/a\r\nSet-Cookie: x=1"));
}

}  // namespace
}  // namespace cercle::web
