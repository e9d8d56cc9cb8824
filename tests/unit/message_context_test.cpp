// Message contexts (gettext's msgctxt) end to end: the translator looks a message up by context and
// msgid, scripts/update-catalogs writes each context's entry to both catalogs, and templates and
// enumeration labels carry them.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>
#include <fstream>

#include "catalog_sources.hpp"
#include "domain/circle_enums.hpp"
#include "i18n/translator.hpp"
#include "web/views.hpp"

namespace cercle::i18n {
namespace {

TEST(MessageContexts, TheTranslatorFindsEachSenseOfOneMsgid) {
  const Translator translator("America/Montreal");
  EXPECT_EQ(translator.Translate(Language::kFrench, C_("concern", "Closed")), "Fermée");
  EXPECT_EQ(translator.Translate(Language::kFrench, C_("circle", "Closed")), "Fermé");
  EXPECT_EQ(translator.Translate(Language::kFrench, "verb", "Record"), "Consigner");
  EXPECT_EQ(translator.Translate(Language::kFrench, "noun", "Record"), "Dossier");
  EXPECT_EQ(translator.Translate(Language::kEnglish, C_("concern", "Closed")), "Closed");
  EXPECT_EQ(translator.Translate(Language::kEnglish, "verb", "Record"), "Record");
  // An enumeration's label carries its context through LabelOf.
  EXPECT_EQ(
      translator.Translate(Language::kFrench, domain::LabelOf(domain::ConcernStatus::kClosed)),
      "Fermée");
  EXPECT_EQ(translator.Translate(Language::kFrench, domain::LabelOf(domain::CirclePhase::kClosed)),
            "Fermé");
}

TEST(MessageContexts, AnUnknownContextOrMessageFallsBackToTheMsgid) {
  const Translator translator("America/Montreal");
  EXPECT_EQ(translator.Translate(Language::kFrench, C_("no such sense", "Closed")), "Closed");
  EXPECT_EQ(translator.Translate(Language::kFrench, C_("verb", "No such message")),
            "No such message");
  EXPECT_EQ(translator.Translate(Language::kEnglish, "verb", "No such message"), "No such message");
  EXPECT_EQ(TextOf(C_("concern", "Closed")), "Closed");
  EXPECT_EQ(TextOf("Closed"), "Closed");
}

TEST(MessageContexts, TemplatesTranslateTheirContextSections) {
  const Translator translator("America/Montreal");
  const web::Views views(translator);
  // The screening form's button is the verb, not the noun "Dossier".
  const auto french = views.Render("volunteer_screening_form", {}, Language::kFrench);
  EXPECT_NE(french.find(">Consigner</button>"), std::string::npos);
  EXPECT_EQ(french.find(">Dossier</button>"), std::string::npos);
  const auto english = views.Render("volunteer_screening_form", {}, Language::kEnglish);
  EXPECT_NE(english.find(">Record</button>"), std::string::npos);
}

// A throwaway copy of the project's catalog scripts, with sources of its own.
class CatalogScripts : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("cercle-catalogs-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(root_);
    for (const auto* folder : {"scripts", "src", "templates", "locale"})
      std::filesystem::create_directories(root_ / folder);
    const std::filesystem::path project(CERCLE_SOURCE_DIR);
    for (const auto* script : {"update-catalogs", "set-translations"})
      std::filesystem::copy_file(project / "scripts" / script, root_ / "scripts" / script);
    Write("src/enums.hpp",
          "{Status::kClosed, \"closed\", C_(\"concern\", \"Closed\")},\n"
          "{Phase::kClosed, \"closed\", C_(\"circle\",\n    \"Clo\" \"sed\")},\n"
          "const char* kSave = N_(\"Save\");\n");
    Write("templates/form.mustache",
          "<button>{{#tc}}verb|Record{{/tc}}</button><th>{{#tc}}noun|Record{{/tc}}</th>"
          "<p>{{#t}}Closed{{/t}}</p>");
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  void Write(const std::string& path, const std::string& text) {
    std::ofstream(root_ / path) << text;
  }
  std::string Po(const std::string& language) const {
    return testing::ReadSourceText(root_ / "locale" / language / "cercle.po");
  }
  // The exit status of `command` run in the copy.
  int Run(const std::string& command) const {
    const int status =
        std::system(("cd '" + root_.string() + "' && " + command + " >/dev/null 2>&1").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::filesystem::path root_;
};

TEST_F(CatalogScripts, ContextEntriesLandInBothCatalogs) {
  EXPECT_EQ(Run("scripts/update-catalogs"), 1) << "the French is missing, so the script says so";
  const auto english = testing::ParseCatalog(Po("en"));
  const auto french = testing::ParseCatalog(Po("fr"));
  const std::map<std::string, std::string> expected{{"Closed", "Closed"},
                                                    {C_("circle", "Closed"), "Closed"},
                                                    {C_("concern", "Closed"), "Closed"},
                                                    {C_("noun", "Record"), "Record"},
                                                    {C_("verb", "Record"), "Record"},
                                                    {"Save", "Save"}};
  EXPECT_EQ(english, expected);
  ASSERT_EQ(french.size(), expected.size());
  for (const auto& [key, text] : french) EXPECT_EQ(text, "") << key;
  // Each sense is its own entry, beside the others of its msgid, the one without context first.
  EXPECT_NE(Po("fr").find("msgid \"Closed\"\nmsgstr \"\"\n\nmsgctxt \"circle\"\nmsgid \"Closed\"\n"
                          "msgstr \"\"\n\nmsgctxt \"concern\"\nmsgid \"Closed\"\n"),
            std::string::npos)
      << Po("fr");
}

TEST_F(CatalogScripts, TranslationsOfEachSenseAreSetAndKept) {
  ASSERT_EQ(Run("scripts/update-catalogs"), 1);
  Write("fr.tsv",
        "Closed\tFermé\nconcern|Closed\tFermée\ncircle|Closed\tFermé\nverb|Record\tConsigner\n"
        "noun|Record\tDossier\nSave\tEnregistrer\n");
  ASSERT_EQ(Run("scripts/set-translations fr < fr.tsv"), 0);
  EXPECT_EQ(Run("scripts/update-catalogs"), 0);
  const std::string written = Po("fr");
  EXPECT_EQ(Run("scripts/update-catalogs --check"), 0) << "the catalogs are stable once written";
  EXPECT_EQ(Po("fr"), written);
  const auto french = testing::ParseCatalog(written);
  EXPECT_EQ(french.at(C_("concern", "Closed")), "Fermée");
  EXPECT_EQ(french.at(C_("verb", "Record")), "Consigner");
  EXPECT_EQ(french.at(C_("noun", "Record")), "Dossier");
  EXPECT_EQ(french.at("Closed"), "Fermé");
  // gettext compiles them (msgfmt is what the build uses).
  EXPECT_EQ(Run("msgfmt --check-format --check-domain -o /dev/null locale/fr/cercle.po"), 0);
  // An unknown message is refused.
  Write("bad.tsv", "verb|Closed\tFermer\n");
  EXPECT_EQ(Run("scripts/set-translations fr < bad.tsv"), 1);
}

}  // namespace
}  // namespace cercle::i18n
