#include "base/folding.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace cercle {
namespace {

// ICU transliterators are not thread-safe; one per thread.
icu::Transliterator& Folder() {
  thread_local std::unique_ptr<icu::Transliterator> folder = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU cannot build the search folder");
    return created;
  }();
  return *folder;
}

}  // namespace

std::string FoldForSearch(std::string_view text) {
  icu::UnicodeString unicode =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  Folder().transliterate(unicode);
  std::string folded;
  unicode.toUTF8String(folded);
  std::string collapsed;
  bool space = true;
  for (const char c : folded) {
    const bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (is_space) {
      if (!space) collapsed += ' ';
    } else {
      collapsed += c;
    }
    space = is_space;
  }
  if (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

std::string ContainsPattern(std::string_view query) {
  std::string pattern = "%";
  for (const char c : FoldForSearch(query)) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

}  // namespace cercle
