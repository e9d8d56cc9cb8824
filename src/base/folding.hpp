#pragma once

#include <string>
#include <string_view>

namespace cercle {

// `text` in lower case with accents removed and spaces collapsed, for accent-insensitive search:
// "Hélène Côté" and "helene cote" fold to the same text. Stores keep a folded copy of searchable
// names beside them and compare folded text with LIKE, the same way on SQLite and PostgreSQL.
std::string FoldForSearch(std::string_view text);

// A LIKE pattern that finds `query` anywhere in folded text, with LIKE's own wildcards escaped (use
// ESCAPE '\').
std::string ContainsPattern(std::string_view query);

}  // namespace cercle
