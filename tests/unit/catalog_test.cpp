// Every message the interface shows exists in French and in English.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "catalog_sources.hpp"
#include "i18n/translator.hpp"

namespace cercle::i18n {
namespace {

// The message keys the code uses: N_("…") and C_("context", "…") in src/, {{#t}}…{{/t}} and
// {{#tc}}context|…{{/tc}} in templates/ (a key with a context is "context\x04msgid").
std::set<std::string> UsedMessages() {
  std::set<std::string> used;
  for (const auto& use : testing::UsesUnder(CERCLE_SOURCE_DIR))
    used.insert(testing::MessageKey(use.context, use.msgid));
  return used;
}

std::map<std::string, std::string> ReadCatalog(const std::string& language) {
  return testing::ReadCatalog(CERCLE_SOURCE_DIR, language);
}

TEST(Catalogs, EveryUsedMessageHasFrenchAndEnglishText) {
  const auto used = UsedMessages();
  ASSERT_GT(used.size(), 20u) << "the extractor found too few messages: it is broken";
  for (const std::string language : {"fr", "en"}) {
    const auto catalog = ReadCatalog(language);
    for (const auto& msgid : used) {
      const auto found = catalog.find(msgid);
      EXPECT_TRUE(found != catalog.end() && !found->second.empty())
          << language << " catalog lacks: \"" << msgid << "\" (run scripts/update-catalogs)";
    }
  }
}

TEST(Catalogs, FrenchAndEnglishHoldTheSameMessages) {
  const auto french = ReadCatalog("fr");
  const auto english = ReadCatalog("en");
  std::set<std::string> french_ids, english_ids;
  for (const auto& [id, text] : french) french_ids.insert(id);
  for (const auto& [id, text] : english) english_ids.insert(id);
  EXPECT_EQ(french_ids, english_ids);
}

TEST(Catalogs, PlaceholdersSurviveTranslation) {
  const auto french = ReadCatalog("fr");
  const std::regex placeholder(R"(\{[a-z_]+\})");
  for (const auto& [id, text] : french) {
    std::multiset<std::string> in_id, in_text;
    for (std::sregex_iterator it(id.begin(), id.end(), placeholder), end; it != end; ++it)
      in_id.insert(it->str());
    for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it)
      in_text.insert(it->str());
    std::set<std::string> unique_id(in_id.begin(), in_id.end()),
        unique_text(in_text.begin(), in_text.end());
    EXPECT_EQ(unique_id, unique_text) << "placeholders differ in: " << id;
  }
}

TEST(Translator, TranslatesFromTheEmbeddedCatalogs) {
  const Translator translator("America/Montreal");
  EXPECT_EQ(translator.Translate(Language::kFrench, "Welcome"), "Bienvenue");
  EXPECT_EQ(translator.Translate(Language::kEnglish, "Welcome"), "Welcome");
  EXPECT_EQ(translator.Format(Language::kFrench, {"The file is too large: the limit is {limit} MB.",
                                                  {{"limit", "10"}}}),
            "Le fichier est trop volumineux : la limite est de 10 Mo.");
}

TEST(Translator, FormatsDatesAndNumbersPerLocale) {
  const Translator translator("America/Montreal");
  // 2026-01-01 03:00 UTC is still December 31 in Montréal.
  const Instant new_year_utc{std::chrono::seconds(1767236400)};
  EXPECT_EQ(translator.FormatDate(Language::kFrench, new_year_utc), "31 décembre 2025");
  EXPECT_EQ(translator.FormatDate(Language::kEnglish, new_year_utc), "December 31, 2025");
  EXPECT_EQ(translator.FormatCivilDate(Language::kFrench, "2026-11-29"), "29 novembre 2026");
  EXPECT_EQ(translator.FormatNumber(Language::kEnglish, 1234.5, 2), "1,234.50");
  const std::string french = translator.FormatNumber(Language::kFrench, 1234.5, 2);
  EXPECT_NE(french.find(",50"), std::string::npos) << french;
  EXPECT_EQ(french.find('.'), std::string::npos) << french;
}

}  // namespace
}  // namespace cercle::i18n
