#include "store/intake_columns.hpp"

#include <stdexcept>

namespace cercle::store::intake {

Parameter<std::string> DateParameter(const std::optional<CivilDate>& date) {
  if (!date) return {"", soci::i_null};
  return {FormatIsoDate(*date), soci::i_ok};
}

Parameter<std::int64_t> IdParameter(const std::optional<std::int64_t>& id) {
  if (!id) return {0, soci::i_null};
  return {*id, soci::i_ok};
}

std::optional<CivilDate> ReadDate(const std::string& text, soci::indicator indicator) {
  if (indicator == soci::i_null) return std::nullopt;
  return ReadRequiredDate(text);
}

CivilDate ReadRequiredDate(const std::string& text) {
  const auto date = ParseIsoDate(text);
  if (!date) throw std::runtime_error("a stored civil date is malformed");
  return *date;
}

std::optional<std::int64_t> ReadId(std::int64_t id, soci::indicator indicator) {
  if (indicator == soci::i_null) return std::nullopt;
  return id;
}

std::string ReadText(const std::string& text, soci::indicator indicator) {
  return indicator == soci::i_null ? std::string() : text;
}

}  // namespace cercle::store::intake
