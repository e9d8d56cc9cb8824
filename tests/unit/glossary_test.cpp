// docs/glossary.md is the project's French glossary: each msgid it declares with several senses is
// used only with one of its contexts, the French catalog gives each sense the glossary's French,
// and each action has one French verb.
#include <gtest/gtest.h>

#include <algorithm>

#include "catalog_sources.hpp"

namespace cercle::testing {
namespace {

Glossary ProjectGlossary() {
  return ParseGlossary(
      ReadSourceText(std::filesystem::path(CERCLE_SOURCE_DIR) / "docs/glossary.md"));
}

// A glossary as small as the tests below need, in the project's format.
const Glossary& CraftedGlossary() {
  static const Glossary glossary = ParseGlossary(R"(# Glossary

## One verb per action

Prose first.

| action | English imperative | English participle | French | French stem | never |
|---|---|---|---|---|---|
| record | Record | recorded | consigner | consign | enregistr, inscri |
| close | Close | closed | fermer | — | |

## Words with several senses

| msgid | context | French | where |
|---|---|---|---|
| Closed | circle | Fermé | a circle |
| Closed | concern | Fermée | a concern |

## Afterwards

| not | a | declaration |
|---|---|---|
| Open | x | Ouvert |
)");
  return glossary;
}

TEST(Glossary, ReadsItsTwoMachineReadableSections) {
  const auto& crafted = CraftedGlossary();
  ASSERT_EQ(crafted.senses.size(), 2u);
  EXPECT_EQ(crafted.senses[1].msgid, "Closed");
  EXPECT_EQ(crafted.senses[1].context, "concern");
  EXPECT_EQ(crafted.senses[1].french, "Fermée");
  ASSERT_EQ(crafted.actions.size(), 2u);
  EXPECT_EQ(crafted.actions[0].french_stem, "consign");
  EXPECT_EQ(crafted.actions[0].never, (std::vector<std::string>{"enregistr", "inscri"}));
  EXPECT_EQ(crafted.actions[1].french_stem, "");

  const auto project = ProjectGlossary();
  EXPECT_GE(project.senses.size(), 10u)
      << "docs/glossary.md lost its \"Words with several senses\"";
  const auto record = std::find_if(project.actions.begin(), project.actions.end(),
                                   [](const Action& action) { return action.name == "record"; });
  ASSERT_NE(record, project.actions.end()) << "docs/glossary.md lost the verb for \"record\"";
  EXPECT_EQ(record->french_stem, "consign");
}

TEST(Glossary, AWordWithSeveralSensesUsedWithoutItsContextFails) {
  const auto& glossary = CraftedGlossary();
  // The bad cases: no context in a template, no context in C++, a context the glossary lacks.
  EXPECT_EQ(
      UnmarkedSenses(glossary, UsesInTemplate("<b>{{#t}}Closed{{/t}}</b>", "a.mustache")).size(),
      1u);
  EXPECT_EQ(UnmarkedSenses(glossary,
                           UsesInSource(R"({Status::kClosed, "closed", N_("Closed")},)", "a.hpp"))
                .size(),
            1u);
  EXPECT_EQ(
      UnmarkedSenses(glossary, UsesInTemplate("{{#tc}}phase|Closed{{/tc}}", "a.mustache")).size(),
      1u);
  // The same uses with a declared context pass, and undeclared msgids are not concerned.
  EXPECT_TRUE(
      UnmarkedSenses(glossary,
                     UsesInTemplate("{{#tc}}concern|Closed{{/tc}} {{#t}}Open{{/t}}", "a.mustache"))
          .empty());
  EXPECT_TRUE(UnmarkedSenses(glossary, UsesInSource("{Status::kClosed, \"closed\",\n"
                                                    "  C_(\"circle\",\n   \"Clo\" \"sed\")},",
                                                    "a.hpp"))
                  .empty());
}

TEST(Glossary, EveryUseOfAWordWithSeveralSensesCarriesADeclaredContext) {
  const auto uses = UsesUnder(CERCLE_SOURCE_DIR);
  ASSERT_GT(uses.size(), 100u) << "the extractor found too few messages: it is broken";
  for (const auto& problem : UnmarkedSenses(ProjectGlossary(), uses)) ADD_FAILURE() << problem;
}

TEST(Glossary, ACatalogThatTranslatesASenseOtherwiseFails) {
  const auto& glossary = CraftedGlossary();
  const auto bad = ParseCatalog(
      "msgctxt \"circle\"\nmsgid \"Closed\"\nmsgstr \"Fermé\"\n\n"
      "msgctxt \"concern\"\nmsgid \"Closed\"\nmsgstr \"Fermé\"\n");
  EXPECT_EQ(SensesTranslatedOtherwise(glossary, bad).size(), 1u);
  const auto missing = ParseCatalog("msgid \"Closed\"\nmsgstr \"Fermée\"\n");
  EXPECT_EQ(SensesTranslatedOtherwise(glossary, missing).size(), 2u);
  const auto good = ParseCatalog(
      "msgctxt \"circle\"\nmsgid \"Closed\"\nmsgstr \"Fermé\"\n\n"
      "msgctxt \"concern\"\nmsgid \"Closed\"\nmsgstr \"Fermée\"\n");
  EXPECT_TRUE(SensesTranslatedOtherwise(glossary, good).empty());
}

TEST(Glossary, TheFrenchCatalogGivesEachSenseTheGlossarysFrench) {
  for (const auto& problem :
       SensesTranslatedOtherwise(ProjectGlossary(), ReadCatalog(CERCLE_SOURCE_DIR, "fr")))
    ADD_FAILURE() << problem;
}

TEST(Glossary, ACatalogWithASecondVerbForAnActionFails) {
  const auto& glossary = CraftedGlossary();
  const auto bad = ParseCatalog(
      "msgid \"Record the day\"\nmsgstr \"Inscrire le jour\"\n\n"
      "msgid \"The request is recorded.\"\nmsgstr \"La demande est enregistrée.\"\n\n"
      "msgid \"Tell them, then record it here.\"\nmsgstr \"Dites-le, puis consignez-le et "
      "inscrivez-le.\"\n\n"
      "msgctxt \"verb\"\nmsgid \"Record\"\nmsgstr \"Dossier\"\n");
  // Two problems each for the first two (the stem lacks, a ruled-out verb is used), one for each of
  // the last two.
  EXPECT_EQ(VerbsTranslatedOtherwise(glossary, bad).size(), 6u);
  const auto good = ParseCatalog(
      "msgid \"Record the day\"\nmsgstr \"Consigner le jour\"\n\n"
      "msgid \"The request is recorded.\"\nmsgstr \"La demande est consignée.\"\n\n"
      "msgctxt \"verb\"\nmsgid \"Record\"\nmsgstr \"Consigner\"\n\n"
      // Nouns are not the verb: "Record number", the noun sense of "Record", "records".
      "msgid \"Record number\"\nmsgstr \"Numéro du dossier\"\n\n"
      "msgctxt \"noun\"\nmsgid \"Record\"\nmsgstr \"Dossier\"\n\n"
      "msgid \"Records skipped\"\nmsgstr \"Dossiers laissés de côté\"\n");
  EXPECT_TRUE(VerbsTranslatedOtherwise(glossary, good).empty());
}

TEST(Glossary, TheFrenchCatalogUsesOneVerbPerAction) {
  for (const auto& problem :
       VerbsTranslatedOtherwise(ProjectGlossary(), ReadCatalog(CERCLE_SOURCE_DIR, "fr")))
    ADD_FAILURE() << problem;
}

}  // namespace
}  // namespace cercle::testing
