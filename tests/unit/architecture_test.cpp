// The layers import one way (docs/architecture.md): web → app → (domain, store, audit, notify);
// domain imports only base; auth, store and the rest never import web. This test reads every
// #include under src/ and fails on one that crosses a layer the wrong way.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

// The layers each layer may include besides itself. "soci" stands for <soci/…> headers.
const std::map<std::string, std::set<std::string>>& AllowedImports() {
  static const std::map<std::string, std::set<std::string>> allowed = {
      {"base", {}},
      {"domain", {"base"}},
      {"config", {"base"}},
      {"i18n", {"base", "domain"}},
      {"report", {"base", "domain", "i18n"}},
      {"store", {"base", "domain", "config", "soci"}},
      {"audit", {"base", "config", "store", "soci"}},
      {"auth", {"base", "domain", "config", "i18n", "store", "audit", "notify", "soci"}},
      {"notify", {"base", "domain", "config", "i18n", "store", "audit", "soci"}},
      {"scheduler", {"base"}},
      {"backup", {"base", "config", "i18n", "store", "audit", "soci"}},
      {"app",
       {"base", "domain", "config", "i18n", "report", "store", "audit", "auth", "notify", "backup",
        "soci"}},
      {"web", {"base", "domain", "config", "i18n", "report", "auth", "app", "notify", "audit"}},
      {"demo", {"base", "domain", "config", "i18n", "report", "auth", "app", "store", "soci"}},
      {"cli",
       {"base", "domain", "config", "i18n", "report", "store", "audit", "auth", "notify",
        "scheduler", "backup", "app", "web", "demo", "soci"}},
  };
  return allowed;
}

// One #include that a layer may not make: the file, and the header it names.
struct Crossing {
  std::string file;
  std::string header;
  bool operator<(const Crossing& other) const {
    return std::tie(file, header) < std::tie(other.file, other.header);
  }
};

// The layer a header belongs to ("store" for "store/unit.hpp", "soci" for <soci/soci.h>), or "" for
// a header of the standard library or another outside library.
std::string LayerOf(const std::string& header) {
  const auto slash = header.find('/');
  if (slash == std::string::npos) return "";
  const std::string first = header.substr(0, slash);
  if (first == "soci" || AllowedImports().count(first)) return first;
  return "";
}

// The crossings in `text`, the source of `file` (relative to src/, for example "web/layout.cpp").
std::vector<Crossing> CrossingsIn(const std::string& file, const std::string& text) {
  std::vector<Crossing> crossings;
  const auto slash = file.find('/');
  if (slash == std::string::npos) return crossings;  // main.cpp wires everything
  const std::string layer = file.substr(0, slash);
  const auto rules = AllowedImports().find(layer);
  static const std::regex include(R"(^\s*#\s*include\s*[<"]([^">]+)[">])");
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (!std::regex_search(line, match, include)) continue;
    const std::string header = match[1];
    const std::string target = LayerOf(header);
    if (target.empty() || target == layer) continue;
    if (rules == AllowedImports().end() || !rules->second.count(target)) {
      crossings.push_back({file, header});
    }
  }
  return crossings;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The crossings still waiting for the application-layer work (issue 13), one "file -> header" per
// line. The list only shrinks: an entry that no longer crosses must be removed.
std::set<Crossing> Pending() {
  std::set<Crossing> pending;
  std::istringstream lines(ReadFile(std::filesystem::path(CERCLE_SOURCE_DIR) / "tests" / "unit" /
                                    "architecture_pending.txt"));
  for (std::string line; std::getline(lines, line);) {
    const auto arrow = line.find(" -> ");
    if (line.empty() || line[0] == '#' || arrow == std::string::npos) continue;
    pending.insert({line.substr(0, arrow), line.substr(arrow + 4)});
  }
  return pending;
}

TEST(Architecture, EveryLayerImportsOnlyTheLayersBelowIt) {
  const std::filesystem::path src = std::filesystem::path(CERCLE_SOURCE_DIR) / "src";
  std::set<Crossing> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    const auto extension = entry.path().extension();
    if (!entry.is_regular_file() || (extension != ".cpp" && extension != ".hpp")) continue;
    const std::string file = std::filesystem::relative(entry.path(), src).generic_string();
    for (auto& crossing : CrossingsIn(file, ReadFile(entry.path()))) found.insert(crossing);
  }
  const auto pending = Pending();
  for (const auto& crossing : found) {
    EXPECT_TRUE(pending.count(crossing))
        << "src/" << crossing.file << " includes " << crossing.header
        << ", which its layer may not import (docs/architecture.md)";
  }
  for (const auto& crossing : pending) {
    EXPECT_TRUE(found.count(crossing))
        << crossing.file << " -> " << crossing.header
        << " no longer crosses a layer: remove it from tests/unit/architecture_pending.txt";
  }
}

TEST(Architecture, RefusesAWebPageThatIncludesAStoreOrSoci) {
  const auto crossings =
      CrossingsIn("web/pages/circles/circle_page.cpp",
                  "#include <string>\n#include \"store/circle_store.hpp\"\n"
                  "  #  include <soci/soci.h>\n#include \"app/circles/circles.hpp\"\n");
  ASSERT_EQ(crossings.size(), 2u);
  EXPECT_EQ(crossings[0].header, "store/circle_store.hpp");
  EXPECT_EQ(crossings[1].header, "soci/soci.h");
}

TEST(Architecture, RefusesADomainThatIncludesAnythingButBase) {
  EXPECT_EQ(CrossingsIn("domain/circle.cpp", "#include \"i18n/translator.hpp\"\n").size(), 1u);
  EXPECT_EQ(CrossingsIn("domain/circle.cpp", "#include \"base/result.hpp\"\n").size(), 0u);
  EXPECT_EQ(CrossingsIn("domain/circle.cpp", "#include \"domain/enum_names.hpp\"\n").size(), 0u);
}

TEST(Architecture, RefusesAuthOrStoreIncludingWeb) {
  EXPECT_EQ(CrossingsIn("auth/totp.cpp", "#include \"web/http.hpp\"\n").size(), 1u);
  EXPECT_EQ(CrossingsIn("store/circle_store.cpp", "#include \"web/http.hpp\"\n").size(), 1u);
  EXPECT_EQ(CrossingsIn("store/circle_store.cpp", "#include \"app/services.hpp\"\n").size(), 1u);
}

}  // namespace
