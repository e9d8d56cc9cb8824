#include <gtest/gtest.h>

#include "web/static_files.hpp"
#include "web/views.hpp"

namespace cercle::web {
namespace {

TEST(Views, TranslateSectionsFollowTheLanguage) {
  const i18n::Translator translator("America/Montreal");
  const Views views(translator);
  const auto french =
      views.Render("error", {{"heading", std::string("x")}}, i18n::Language::kFrench);
  EXPECT_NE(french.find("Retour à l'accueil"), std::string::npos);
  const auto english =
      views.Render("error", {{"heading", std::string("x")}}, i18n::Language::kEnglish);
  EXPECT_NE(english.find("Back to the home page"), std::string::npos);
}

TEST(Views, EscapesValuesButNotSlashes) {
  const i18n::Translator translator("America/Montreal");
  const Views views(translator);
  const auto html =
      views.Render("error", {{"heading", std::string("<script>\"a/b\"")}}, i18n::Language::kFrench);
  EXPECT_NE(html.find("&lt;script&gt;&quot;a/b&quot;"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
}

TEST(Views, UnknownTemplateIsAProgrammingError) {
  const i18n::Translator translator("America/Montreal");
  const Views views(translator);
  EXPECT_THROW(views.Render("no-such-template", {}, i18n::Language::kFrench), std::logic_error);
}

TEST(StaticFiles, AddressesCarryAContentHash) {
  const StaticFiles files;
  const std::string& url = files.Url("css/cercle.css");
  EXPECT_TRUE(url.starts_with("/static/css/cercle."));
  EXPECT_TRUE(url.ends_with(".css"));
  EXPECT_NE(url, "/static/css/cercle.css");
  const auto* file = files.Find(url);
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(files.Find("/static/css/cercle.css"), nullptr) << "unhashed addresses are not served";
  EXPECT_NE(files.Find(files.Url("js/htmx.min.js")), nullptr)
      << "htmx comes from npm, embedded at build";
}

}  // namespace
}  // namespace cercle::web
