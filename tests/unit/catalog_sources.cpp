#include "catalog_sources.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

namespace cercle::testing {
namespace {

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

// The C++ string literals at the start of `rest` (joined and unescaped), and what follows them;
// nothing when `rest` does not start with a literal.
std::pair<std::optional<std::string>, std::string> Literals(std::string rest) {
  static const std::regex literal(R"re(^\s*"((?:[^"\\]|\\.)*)")re");
  std::optional<std::string> joined;
  std::smatch match;
  while (std::regex_search(rest, match, literal, std::regex_constants::match_continuous)) {
    joined = joined.value_or("") + Unescape(match[1].str());
    rest = match.suffix().str();
  }
  return {joined, rest};
}

// `rest` with its leading blanks removed starts with `mark`.
bool Next(const std::string& rest, char mark) {
  const auto at = rest.find_first_not_of(" \n\t");
  return at != std::string::npos && rest[at] == mark;
}

// The calls `name(` in `source` that are not the end of a longer identifier.
std::vector<std::size_t> Calls(const std::string& source, const std::string& name) {
  std::vector<std::size_t> found;
  for (auto at = source.find(name); at != std::string::npos; at = source.find(name, at + 1)) {
    if (at > 0 &&
        (std::isalnum(static_cast<unsigned char>(source[at - 1])) || source[at - 1] == '_'))
      continue;
    found.push_back(at + name.size());
  }
  return found;
}

std::string Trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t`");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t`");
  return text.substr(first, last - first + 1);
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The cells of each row of the first table after the heading `heading` (header and rule skipped).
std::vector<std::vector<std::string>> Table(const std::string& markdown,
                                            const std::string& heading) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(markdown);
  std::string line;
  bool in_section = false;
  bool header_seen = false;
  while (std::getline(lines, line)) {
    if (line.starts_with("#")) {
      if (in_section) break;
      in_section = line == heading;
      continue;
    }
    if (!in_section || !line.starts_with("|")) {
      if (in_section && header_seen && !rows.empty()) break;
      continue;
    }
    std::vector<std::string> cells;
    std::stringstream row(line.substr(1));
    std::string cell;
    while (std::getline(row, cell, '|')) cells.push_back(Trim(cell));
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    if (!cells.empty() && cells[0].starts_with("---")) continue;
    rows.push_back(cells);
  }
  return rows;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream list(text);
  std::string item;
  while (std::getline(list, item, ',')) {
    if (!Trim(item).empty()) items.push_back(Trim(item));
  }
  return items;
}

// What uses `action`'s verb in English: its imperative before a determiner, or its participle.
std::regex VerbPattern(const Action& action) {
  const auto capital = [](std::string word, bool upper) {
    word[0] = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(word[0]))
                                      : std::tolower(static_cast<unsigned char>(word[0])));
    return word;
  };
  return std::regex("(^|[^A-Za-z])(" + capital(action.imperative, true) + "|" +
                    capital(action.imperative, false) +
                    ") (a|an|the|that|this|these|those|each|every|his|her|their|its|it|them|who|"
                    "what|one|your|my|meetings)\\b|\\b(" +
                    capital(action.participle, true) + "|" + capital(action.participle, false) +
                    ")\\b");
}

}  // namespace

std::string ReadSourceText(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string MessageKey(const std::string& context, const std::string& msgid) {
  return context.empty() ? msgid : context + '\x04' + msgid;
}

std::vector<MessageUse> UsesInSource(const std::string& source, const std::string& where) {
  std::vector<MessageUse> uses;
  for (const auto at : Calls(source, "N_(")) {
    const auto [text, rest] = Literals(source.substr(at, 2000));
    if (text && Next(rest, ')')) uses.push_back({"", *text, where});
  }
  for (const auto at : Calls(source, "C_(")) {
    const auto [context, after_context] = Literals(source.substr(at, 2000));
    if (!context || !Next(after_context, ',')) continue;
    const auto [text, rest] = Literals(after_context.substr(after_context.find(',') + 1));
    if (text && Next(rest, ')')) uses.push_back({*context, *text, where});
  }
  return uses;
}

std::vector<MessageUse> UsesInTemplate(const std::string& text, const std::string& where) {
  std::vector<MessageUse> uses;
  static const std::regex plain(R"(\{\{#t\}\}([\s\S]*?)\{\{/t\}\})");
  static const std::regex with_context(R"(\{\{#tc\}\}([^|{}]*)\|([\s\S]*?)\{\{/tc\}\})");
  for (std::sregex_iterator it(text.begin(), text.end(), plain), end; it != end; ++it)
    uses.push_back({"", (*it)[1].str(), where});
  for (std::sregex_iterator it(text.begin(), text.end(), with_context), end; it != end; ++it)
    uses.push_back({(*it)[1].str(), (*it)[2].str(), where});
  return uses;
}

std::vector<MessageUse> UsesUnder(const std::filesystem::path& root) {
  std::vector<MessageUse> uses;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root / "src")) {
    const auto extension = entry.path().extension();
    if (extension != ".cpp" && extension != ".hpp") continue;
    const auto found = UsesInSource(ReadSourceText(entry.path()),
                                    std::filesystem::relative(entry.path(), root).string());
    uses.insert(uses.end(), found.begin(), found.end());
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root / "templates")) {
    const auto found = UsesInTemplate(ReadSourceText(entry.path()),
                                      std::filesystem::relative(entry.path(), root).string());
    uses.insert(uses.end(), found.begin(), found.end());
  }
  return uses;
}

std::map<std::string, std::string> ParseCatalog(const std::string& po) {
  std::map<std::string, std::string> entries;
  std::istringstream lines(po);
  std::string line;
  std::string context;
  std::string msgid;
  while (std::getline(lines, line)) {
    if (line.starts_with("msgctxt \"")) context = Unescape(line.substr(9, line.size() - 10));
    if (line.starts_with("msgid \"")) msgid = Unescape(line.substr(7, line.size() - 8));
    if (line.starts_with("msgstr \"")) {
      if (!msgid.empty())
        entries[MessageKey(context, msgid)] = Unescape(line.substr(8, line.size() - 9));
      context.clear();
      msgid.clear();
    }
  }
  return entries;
}

std::map<std::string, std::string> ReadCatalog(const std::filesystem::path& root,
                                               const std::string& language) {
  return ParseCatalog(ReadSourceText(root / "locale" / language / "cercle.po"));
}

Glossary ParseGlossary(const std::string& markdown) {
  Glossary glossary;
  for (const auto& cells : Table(markdown, "## Words with several senses")) {
    if (cells.size() >= 3) glossary.senses.push_back({cells[0], cells[1], cells[2]});
  }
  for (const auto& cells : Table(markdown, "## One verb per action")) {
    if (cells.size() < 6) continue;
    const std::string stem = cells[4] == "—" ? "" : cells[4];
    glossary.actions.push_back({cells[0], cells[1], cells[2], stem, SplitList(cells[5])});
  }
  return glossary;
}

std::vector<std::string> UnmarkedSenses(const Glossary& glossary,
                                        const std::vector<MessageUse>& uses) {
  std::map<std::string, std::set<std::string>> contexts;
  for (const auto& sense : glossary.senses) contexts[sense.msgid].insert(sense.context);
  std::vector<std::string> problems;
  for (const auto& use : uses) {
    const auto declared = contexts.find(use.msgid);
    if (declared == contexts.end() || declared->second.contains(use.context)) continue;
    problems.push_back(use.where + ": \"" + use.msgid + "\" has " +
                       std::to_string(declared->second.size()) + " senses in docs/glossary.md: " +
                       (use.context.empty()
                            ? "give it a context"
                            : "its context \"" + use.context + "\" is not declared"));
  }
  return problems;
}

std::vector<std::string> SensesTranslatedOtherwise(
    const Glossary& glossary, const std::map<std::string, std::string>& french) {
  std::vector<std::string> problems;
  for (const auto& sense : glossary.senses) {
    const auto found = french.find(MessageKey(sense.context, sense.msgid));
    const std::string text = found == french.end() ? "(missing)" : found->second;
    if (text != sense.french) {
      problems.push_back("\"" + sense.msgid + "\" as " + sense.context + ": the catalog says \"" +
                         text + "\", the glossary \"" + sense.french + "\"");
    }
  }
  return problems;
}

std::vector<std::string> VerbsTranslatedOtherwise(
    const Glossary& glossary, const std::map<std::string, std::string>& french) {
  std::vector<std::string> problems;
  for (const auto& action : glossary.actions) {
    if (action.french_stem.empty()) continue;
    const std::regex verb = VerbPattern(action);
    for (const auto& [key, text] : french) {
      const auto separator = key.find('\x04');
      const std::string context = separator == std::string::npos ? "" : key.substr(0, separator);
      const std::string english = separator == std::string::npos ? key : key.substr(separator + 1);
      // The imperative alone is the verb in the "verb" context only ("Record" is also a noun).
      const bool uses_verb =
          (context == "verb" && english == action.imperative) || std::regex_search(english, verb);
      if (text.empty() || !uses_verb) continue;
      const std::string lower = Lower(text);
      if (lower.find(action.french_stem) == std::string::npos) {
        problems.push_back("\"" + english + "\" (" + action.name + ") should say \"" +
                           action.french_stem + "…\": \"" + text + "\"");
      }
      for (const auto& word : action.never) {
        if (lower.find(Lower(word)) != std::string::npos) {
          problems.push_back("\"" + english + "\" (" + action.name + ") uses \"" + word +
                             "…\", which the glossary rules out: \"" + text + "\"");
        }
      }
    }
  }
  return problems;
}

}  // namespace cercle::testing
