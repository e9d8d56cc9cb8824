#include "i18n/translator.hpp"

#include <boost/locale.hpp>
#include <ctime>
#include <iomanip>
#include <map>
#include <sstream>
#include <utility>

#include "base/assets.hpp"

namespace cercle::i18n {
namespace {

namespace bl = boost::locale;

// What a pure formatting function answered for each argument, per thread: building an ICU
// calendar or date format for each call cost a tenth of a page. Bounded: emptied when full.
template <class Key, class Value>
class Memo {
 public:
  template <class Compute>
  const Value& Get(const Key& key, Compute&& compute) {
    if (const auto found = values_.find(key); found != values_.end()) return found->second;
    if (values_.size() >= kMostValues) values_.clear();
    return values_.emplace(key, compute()).first->second;
  }

 private:
  static constexpr std::size_t kMostValues = 4096;
  std::map<Key, Value> values_;
};

// "YYYY-MM-DD" written out in `locale`'s long form; the input when malformed.
std::string WriteCivilDate(const std::locale& locale, std::string_view iso_date) {
  std::tm parts{};
  std::istringstream in{std::string(iso_date)};
  in >> std::get_time(&parts, "%Y-%m-%d");
  if (in.fail() || iso_date.size() != 10) return std::string(iso_date);
  const std::time_t midnight = timegm(&parts);
  std::ostringstream out;
  out.imbue(locale);
  out << bl::as::date << bl::as::date_long << bl::as::time_zone("UTC") << midnight;
  return out.str();
}

// The calendar date of `instant` in `time_zone`.
CivilDate CalendarDate(const std::locale& locale, const std::string& time_zone, Instant instant) {
  const bl::calendar calendar(locale, time_zone);
  const bl::date_time moment(static_cast<double>(ToUnix(instant)), calendar);
  return CivilDate{std::chrono::year{moment.get(bl::period::year())},
                   std::chrono::month{static_cast<unsigned>(moment.get(bl::period::month()) + 1)},
                   std::chrono::day{static_cast<unsigned>(moment.get(bl::period::day()))}};
}

// Builds a locale with ICU formatting for `name` and the embedded catalog of `language`.
std::locale MakeLocale(const std::string& name, const std::string& language) {
  bl::generator generator;
  generator.categories(bl::all_categories ^ bl::message_facet);
  const std::locale base = generator(name);

  bl::gnu_gettext::messages_info info;
  info.language = language;
  info.country = "CA";
  info.encoding = "UTF-8";
  info.paths.push_back("locale");
  info.domains.push_back(bl::gnu_gettext::messages_info::domain("cercle"));
  info.callback = [](const std::string& file_name, const std::string&) -> std::vector<char> {
    const auto bytes = assets::Find(file_name);
    if (!bytes) return {};
    return std::vector<char>(bytes->begin(), bytes->end());
  };
  return std::locale(base, bl::gnu_gettext::create_messages_facet<char>(info));
}

}  // namespace

std::string_view Code(Language language) { return language == Language::kFrench ? "fr" : "en"; }

Language FromCode(std::string_view code, Language fallback) {
  if (code == "fr") return Language::kFrench;
  if (code == "en") return Language::kEnglish;
  return fallback;
}

Translator::Translator(std::string time_zone)
    : time_zone_(std::move(time_zone)),
      french_(MakeLocale("fr_CA.UTF-8", "fr")),
      english_(MakeLocale("en_CA.UTF-8", "en")) {}

const std::locale& Translator::LocaleFor(Language language) const {
  return language == Language::kFrench ? french_ : english_;
}

std::string_view TextOf(std::string_view key) {
  const auto separator = key.find(kContextSeparator);
  return separator == std::string_view::npos ? key : key.substr(separator + 1);
}

std::string Translator::Translate(Language language, std::string_view msgid) const {
  const auto separator = msgid.find(kContextSeparator);
  if (separator != std::string_view::npos) {
    return Translate(language, msgid.substr(0, separator), msgid.substr(separator + 1));
  }
  return bl::translate(std::string(msgid)).str(LocaleFor(language));
}

std::string Translator::Translate(Language language, std::string_view context,
                                  std::string_view msgid) const {
  return bl::translate(std::string(context), std::string(msgid)).str(LocaleFor(language));
}

std::string Substitute(std::string text, const std::vector<MessageArgument>& arguments) {
  for (const auto& argument : arguments) {
    const std::string placeholder = "{" + argument.name + "}";
    for (auto at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + argument.value.size())) {
      text.replace(at, placeholder.size(), argument.value);
    }
  }
  return text;
}

std::string Translator::Format(Language language, const Message& message) const {
  return Substitute(Translate(language, message.id), message.arguments);
}

std::string Translator::FormatDate(Language language, Instant instant) const {
  std::ostringstream out;
  out.imbue(LocaleFor(language));
  out << bl::as::date << bl::as::date_long << bl::as::time_zone(time_zone_)
      << static_cast<std::time_t>(ToUnix(instant));
  return out.str();
}

std::string Translator::FormatCivilDate(Language language, std::string_view iso_date) const {
  // Written at UTC midnight: the time zone plays no part, only the language.
  thread_local Memo<std::pair<Language, std::string>, std::string> memo;
  return memo.Get({language, std::string(iso_date)},
                  [&] { return WriteCivilDate(LocaleFor(language), iso_date); });
}

std::string Translator::FormatDateTime(Language language, Instant instant) const {
  std::ostringstream out;
  out.imbue(LocaleFor(language));
  out << bl::as::datetime << bl::as::date_medium << bl::as::time_short
      << bl::as::time_zone(time_zone_) << static_cast<std::time_t>(ToUnix(instant));
  return out.str();
}

CivilDate Translator::LocalDate(Instant instant) const {
  thread_local Memo<std::pair<std::string, Instant>, CivilDate> memo;
  return memo.Get({time_zone_, instant},
                  [&] { return CalendarDate(english_, time_zone_, instant); });
}

std::string Translator::FormatNumber(Language language, double value, int decimals) const {
  std::ostringstream out;
  out.imbue(LocaleFor(language));
  out << bl::as::number << std::fixed << std::setprecision(decimals) << value;
  return out.str();
}

}  // namespace cercle::i18n
