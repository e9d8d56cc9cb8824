// Every message the interface shows exists in French and in English.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "i18n/translator.hpp"

namespace cercle::i18n {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      const char next = text[++i];
      out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The msgids the code uses: N_("…") (adjacent literals joined) in src/, {{#t}}…{{/t}} in
// templates/.
std::set<std::string> UsedMessages() {
  std::set<std::string> used;
  const std::filesystem::path root(CERCLE_SOURCE_DIR);
  const std::regex literal(R"re(^\s*"((?:[^"\\]|\\.)*)")re");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root / "src")) {
    const auto extension = entry.path().extension();
    if (extension != ".cpp" && extension != ".hpp") continue;
    const std::string source = ReadFile(entry.path());
    for (auto at = source.find("N_("); at != std::string::npos; at = source.find("N_(", at + 3)) {
      if (at > 0 &&
          (std::isalnum(static_cast<unsigned char>(source[at - 1])) || source[at - 1] == '_'))
        continue;
      std::string rest = source.substr(at + 3, 2000);
      std::string message;
      std::smatch match;
      bool any = false;
      while (std::regex_search(rest, match, literal)) {
        message += Unescape(match[1].str());
        rest = match.suffix().str();
        any = true;
      }
      if (any && rest.find_first_not_of(" \n\t") != std::string::npos &&
          rest[rest.find_first_not_of(" \n\t")] == ')') {
        used.insert(message);
      }
    }
  }
  const std::regex section(R"(\{\{#t\}\}([\s\S]*?)\{\{/t\}\})");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root / "templates")) {
    const std::string text = ReadFile(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), section), end; it != end; ++it) {
      used.insert((*it)[1].str());
    }
  }
  return used;
}

// msgid → msgstr of a .po file (single-line entries, as scripts/update-catalogs writes them).
std::map<std::string, std::string> ReadCatalog(const std::string& language) {
  std::map<std::string, std::string> entries;
  std::istringstream lines(
      ReadFile(std::filesystem::path(CERCLE_SOURCE_DIR) / "locale" / language / "cercle.po"));
  std::string line;
  std::string msgid;
  while (std::getline(lines, line)) {
    if (line.starts_with("msgid \"")) msgid = Unescape(line.substr(7, line.size() - 8));
    if (line.starts_with("msgstr \"") && !msgid.empty())
      entries[msgid] = Unescape(line.substr(8, line.size() - 9));
  }
  return entries;
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
