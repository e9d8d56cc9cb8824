#pragma once

#include <locale>
#include <string>
#include <string_view>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"

namespace cercle::i18n {

// The languages of the interface. French comes first: it is the default.
enum class Language { kFrench, kEnglish };

// "fr" or "en".
std::string_view Code(Language language);
// The language for "fr" or "en"; anything else gives `fallback`.
Language FromCode(std::string_view code, Language fallback);

// Translates messages from the compiled gettext catalogs and formats dates and numbers per locale
// (fr_CA, en_CA) in the organisation's time zone. Immutable after construction, so thread-safe.
class Translator {
 public:
  // Loads both catalogs from the binary's embedded .mo files.
  explicit Translator(std::string time_zone);

  // The text of `msgid` in `language`; the msgid itself when the catalog lacks it. A key made by
  // C_(context, text) ("context\x04text") is looked up by its context and text, and falls back to
  // the text without its context.
  std::string Translate(Language language, std::string_view msgid) const;
  // The text of `msgid` in the sense `context` (gettext's msgctxt); `msgid` when the catalog lacks
  // it.
  std::string Translate(Language language, std::string_view context, std::string_view msgid) const;
  // Translates `message` and substitutes each "{name}" with its argument.
  std::string Format(Language language, const Message& message) const;

  // A date such as "29 novembre 2026" / "November 29, 2026", in the configured time zone.
  std::string FormatDate(Language language, Instant instant) const;
  // A civil date "YYYY-MM-DD" (no time zone), written out per locale; the input when malformed.
  std::string FormatCivilDate(Language language, std::string_view iso_date) const;
  // A date and time such as "29 nov. 2026 15 h 34".
  std::string FormatDateTime(Language language, Instant instant) const;
  // A number with the locale's digit grouping and decimal mark.
  std::string FormatNumber(Language language, double value, int decimals) const;

  // The calendar date of `instant` in the configured time zone ("today" for deadlines counted in
  // days).
  CivilDate LocalDate(Instant instant) const;

  const std::string& time_zone() const { return time_zone_; }

 private:
  const std::locale& LocaleFor(Language language) const;

  std::string time_zone_;
  std::locale french_;
  std::locale english_;
};

// Separates a message's context from its text in a key made by C_(context, text), as gettext does.
inline constexpr char kContextSeparator = '\x04';

// The English text of a message key: the key itself, or the part after its context.
std::string_view TextOf(std::string_view key);

// Substitutes each "{name}" in `text` with its argument's value.
std::string Substitute(std::string text, const std::vector<MessageArgument>& arguments);

}  // namespace cercle::i18n
