#include "web/error_summary.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cercle::web {
namespace {

TEST(FieldErrorLinks, LinksEachFieldErrorToItsControlInPageOrder) {
  const std::string html =
      R"(<label for="meeting-date">Date</label><input id="meeting-date" name="date">)"
      R"(<p class="field__error" id="meeting-date-error">Enter a date.</p>)"
      R"(<textarea id="notes" name="notes" aria-describedby="notes-error"></textarea>)"
      R"(<p class="field__error" id="notes-error">Write &lt;something&gt;.</p>)";
  const auto links = FieldErrorLinks(html);
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].target, "meeting-date");
  EXPECT_EQ(links[0].message, "Enter a date.");
  EXPECT_EQ(links[1].target, "notes");
  EXPECT_EQ(links[1].message, "Write &lt;something&gt;.");
}

TEST(FieldErrorLinks, LinksRadioButtonsToTheFirstAndOtherGroupsToTheirMessage) {
  const std::string html =
      R"(<fieldset class="field" aria-describedby="severity-error"><p class="hint" id="severity-hint">)"
      R"(</p><input type="radio" id="severity-urgent" name="severity" value="urgent">)"
      R"(<input type="radio" id="severity-info" name="severity" value="info">)"
      R"(<p class="field__error" id="severity-error">Choose one.</p></fieldset>)"
      R"(<fieldset class="field"><input type="checkbox" id="role-admin" name="roles">)"
      R"(<p class="field__error" id="roles-error">Choose a role.</p></fieldset>)"
      R"(<p class="field__error" id="severity-error">Choose one.</p>)";
  const auto links = FieldErrorLinks(html);
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].target, "severity-urgent");
  EXPECT_EQ(links[1].target, "roles-error");
}

TEST(FieldErrorLinks, FindsNothingOnAPageWithoutFieldErrors) {
  EXPECT_TRUE(FieldErrorLinks(R"(<p class="hint" id="date-hint">Hint</p><p>error</p>)").empty());
  EXPECT_TRUE(FieldErrorLinks(R"(<p class="field__error" id="broken)").empty());
}

TEST(FillErrorSummary, FillsTheFirstSummaryAndLeavesTheOthersWithoutAList) {
  std::string content = std::string("<h1>Page</h1><div class=\"error-summary\">") +
                        std::string(kErrorListMarker) +
                        R"(</div><input id="title"><p class="field__error" id="title-error">)"
                        R"(Enter a title.</p><div class="error-summary">)" +
                        std::string(kErrorListMarker) + "</div>";
  EXPECT_TRUE(FillErrorSummary(content, [] { return std::string("unused"); }));
  EXPECT_EQ(content, R"(<h1>Page</h1><div class="error-summary"><ul class="error-summary__list">)"
                     R"(<li><a href="#title">Enter a title.</a></li></ul></div><input id="title">)"
                     R"(<p class="field__error" id="title-error">Enter a title.</p>)"
                     R"(<div class="error-summary"></div>)");
}

TEST(FillErrorSummary, PutsASummaryFirstWhenThePageShowsFieldErrorsWithoutOne) {
  std::string content = R"(<input id="title"><p class="field__error" id="title-error">No.</p>)";
  EXPECT_TRUE(
      FillErrorSummary(content, [] { return "<div>" + std::string(kErrorListMarker) + "</div>"; }));
  EXPECT_EQ(content.find(R"(<div><ul class="error-summary__list"><li><a href="#title">No.</a>)"),
            0u);
}

TEST(FillErrorSummary, LeavesAPageWithoutErrorsAsItIs) {
  std::string content = "<h1>Page</h1>";
  EXPECT_FALSE(FillErrorSummary(content, [] { return std::string("summary"); }));
  EXPECT_EQ(content, "<h1>Page</h1>");
}

}  // namespace
}  // namespace cercle::web
