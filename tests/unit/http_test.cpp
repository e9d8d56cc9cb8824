#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/http.hpp"

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
  request.body = "name=Jean+Tremblay&lang=fr&empty=&note=caf%C3%A9%20noir";
  const auto fields = request.FormFields();
  EXPECT_EQ(fields.find("name")->second, "Jean Tremblay");
  EXPECT_EQ(fields.find("empty")->second, "");
  EXPECT_EQ(fields.find("note")->second, "café noir");
  request.headers = {{"content-type", "text/plain"}};
  EXPECT_TRUE(request.FormFields().empty());
  ASSERT_TRUE(request.ParsedBody());
}

TEST(FormFields, ABodyThatCannotBeReadIsNotAForm) {
  Request request;
  request.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  for (const std::string body :
       {"name=Jean&bad=%G1", "name=Jean&bad=%4", "name=Jean&flag", "name=J\xC3\xA9"}) {
    SCOPED_TRACE(body);
    request.body = body;
    EXPECT_FALSE(request.ParsedBody());
    EXPECT_TRUE(request.FormFields().empty());
  }
  request.headers = {{"content-type", "multipart/form-data"}};
  request.body = "--x\r\n";
  EXPECT_FALSE(request.ParsedBody());
}

TEST(QueryParameters, ReadsPairsAndABareWord) {
  Request request;
  request.query = "year=2026&quarter=3&next=/circles/3&q=H%C3%A9l%C3%A8ne+Roy";
  const auto parameters = request.QueryParameters();
  EXPECT_EQ(parameters.find("year")->second, "2026");
  EXPECT_EQ(parameters.find("next")->second, "/circles/3");
  EXPECT_EQ(parameters.find("q")->second, "Hélène Roy");
  request.query = "closed";
  EXPECT_EQ(request.QueryParameters().count("closed"), 1u);
  request.query = "a=1&a=2";
  EXPECT_EQ(request.QueryParameters().count("a"), 2u);
  EXPECT_FALSE(ParseUrlEncoded("a=%zz"));
}

TEST(Cookie, FindsTheNamedCookie) {
  Request request;
  request.headers = {{"cookie", "a=1; lang=en;  other = x"}};
  EXPECT_EQ(request.Cookie("lang").value(), "en");
  EXPECT_EQ(request.Cookie("other").value(), "x");
  EXPECT_FALSE(request.Cookie("missing"));
}

TEST(Multipart, ReadsQuotedNamesExtendedFileNamesAndEmptyFileInputs) {
  const auto boundary =
      MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"----x y\"");
  ASSERT_TRUE(boundary);
  EXPECT_EQ(*boundary, "----x y");
  const std::string body =
      "------x y\r\nContent-Disposition: form-data; name=\"a \\\"b\\\"\"\r\n\r\nvaleur\r\n"
      "------x y\r\nContent-Disposition: form-data; name=\"doc\"; "
      "filename*=UTF-8''%C3%A9t%C3%A9.pdf\r\n"
      "Content-Type: application/pdf\r\n\r\n%PDF\r\n"
      "------x y\r\nContent-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n\r\n"
      "------x y--\r\n";
  const auto parsed = ParseMultipart(body, *boundary);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->fields.find("a \"b\"")->second, "valeur");
  ASSERT_EQ(parsed->files.size(), 1u);
  EXPECT_EQ(parsed->files[0].filename, "été.pdf");
  EXPECT_EQ(parsed->files[0].content_type, "application/pdf");
  EXPECT_EQ(parsed->files[0].bytes, "%PDF");
}

TEST(Multipart, RefusesHostileBodies) {
  EXPECT_FALSE(MultipartBoundary("multipart/form-data"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary="));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'a')));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=a\\b"));
  EXPECT_FALSE(MultipartBoundary("text/plain; boundary=abc"));
  const std::vector<std::string> hostile = {
      "",
      "--B\r\n",                                                      // no closing delimiter
      "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx",   // truncated
      "--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--\r\n",  // no name
      "--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--B--\r\n",  // not form-data
      "--B\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--B--\r\n",     // unterminated
                                                                                   // quote
      "--B\r\nno header separator\r\nx\r\n--B--\r\n",
      "--B\r\nContent-Disposition: form-data; name=\"f\"; "
      "filename*=latin1''%E9.pdf\r\n\r\nx\r\n--B--\r\n",
  };
  for (const auto& body : hostile) {
    SCOPED_TRACE(::testing::PrintToString(body));
    EXPECT_FALSE(ParseMultipart(body, "B"));
  }
  // A form without fields is only its closing delimiter.
  const auto empty = ParseMultipart("--B--\r\n", "B");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->fields.empty());
}

}  // namespace
}  // namespace cercle::web
