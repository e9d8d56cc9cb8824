// What the catalog and glossary tests read: the messages the sources use, the .po catalogs and the
// machine-readable sections of docs/glossary.md. Each reader also works on a text given in memory,
// so that the tests can show that a crafted bad case fails.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace cercle::testing {

// A message key as the catalogs hold it: the msgid, or "context\x04msgid" (gettext's key) for a
// message with a context.
std::string MessageKey(const std::string& context, const std::string& msgid);

// One use of a message in a source file or a template.
struct MessageUse {
  std::string context;  // "" when the use has none
  std::string msgid;
  std::string where;  // "templates/x.mustache"
};

// The messages one C++ source uses: N_("…") and C_("context", "…") (adjacent literals joined).
std::vector<MessageUse> UsesInSource(const std::string& source, const std::string& where);
// The messages one template uses: {{#t}}…{{/t}} and {{#tc}}context|…{{/tc}}.
std::vector<MessageUse> UsesInTemplate(const std::string& text, const std::string& where);
// Every use in src/ and templates/ under `root`.
std::vector<MessageUse> UsesUnder(const std::filesystem::path& root);

// Message key -> msgstr of a .po text (single-line strings, as scripts/update-catalogs writes
// them).
std::map<std::string, std::string> ParseCatalog(const std::string& po);
// locale/<language>/cercle.po under `root`.
std::map<std::string, std::string> ReadCatalog(const std::filesystem::path& root,
                                               const std::string& language);

// One row of the glossary's "Words with several senses".
struct Sense {
  std::string msgid;
  std::string context;
  std::string french;
};

// One row of the glossary's "One verb per action".
struct Action {
  std::string name;
  std::string imperative;   // "Record"
  std::string participle;   // "recorded"
  std::string french_stem;  // "consign"; "" when the row is not checked
  std::vector<std::string> never;
};

struct Glossary {
  std::vector<Sense> senses;
  std::vector<Action> actions;
};

Glossary ParseGlossary(const std::string& markdown);

// Each use of a declared msgid without a context, or with a context the glossary does not declare.
std::vector<std::string> UnmarkedSenses(const Glossary& glossary,
                                        const std::vector<MessageUse>& uses);
// Each declared sense whose French in `french` (a catalog) is missing or differs from the glossary.
std::vector<std::string> SensesTranslatedOtherwise(
    const Glossary& glossary, const std::map<std::string, std::string>& french);
// Each catalog message that uses a checked action's English verb and lacks its French stem, or
// uses a word the glossary rules out for it.
std::vector<std::string> VerbsTranslatedOtherwise(const Glossary& glossary,
                                                  const std::map<std::string, std::string>& french);

std::string ReadSourceText(const std::filesystem::path& path);

}  // namespace cercle::testing
