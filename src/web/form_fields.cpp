#include "web/form_fields.hpp"

#include "app/services.hpp"
#include "web/parameters.hpp"

namespace cercle::web {
namespace {

// The message `error` holds for the field `name`, if any.
const Message* FieldErrorOf(const Error* error, std::string_view name) {
  if (!error) return nullptr;
  for (const auto& field : error->fields) {
    if (field.field == name) return &field.message;
  }
  return nullptr;
}

// The type of an <input> of `kind`.
std::string InputType(FieldKind kind) {
  if (kind == FieldKind::kEmail) return "email";
  if (kind == FieldKind::kPhone) return "tel";
  return kind == FieldKind::kDate ? "date" : "text";
}

}  // namespace

mstch::array Choices(const std::vector<Choice>& choices, const std::string& selected) {
  mstch::array array;
  for (const auto& choice : choices) {
    array.push_back(mstch::map{
        {"value", choice.value}, {"label", choice.label}, {"selected", choice.value == selected}});
  }
  return array;
}

mstch::map FieldModel(const Context& context, const FieldSpec& field, const std::string& value,
                      const Error* error, const std::vector<Choice>& choices,
                      std::string_view prefix) {
  const std::string name(field.name);
  const std::string id = prefix.empty() ? name : std::string(prefix) + "-" + name;
  const FieldOptions& options = field.options;
  const FieldKind kind = options.kind;
  const bool boxed = kind != FieldKind::kRadios && kind != FieldKind::kCheckbox;
  const bool input = boxed && kind != FieldKind::kSelect && kind != FieldKind::kTextArea;
  mstch::map entry{{"id", id},
                   {"name", name},
                   {"label", context.Translate(field.label)},
                   {"value", value},
                   {"boxed", boxed},
                   {"input", input},
                   {"type", InputType(kind)},
                   {"inputmode", false},
                   {"select", kind == FieldKind::kSelect},
                   {"textarea", kind == FieldKind::kTextArea},
                   {"radios", kind == FieldKind::kRadios},
                   {"checkbox", kind == FieldKind::kCheckbox},
                   {"checked", !value.empty()},
                   {"required", options.required},
                   {"private", options.private_input},
                   {"blank", false},
                   {"rows", false},
                   {"limit", false},
                   {"max", false},
                   {"hint", false},
                   {"error", false},
                   {"described_by", false},
                   {"choices", Choices(choices, value)}};
  if (!options.blank.empty()) entry["blank"] = context.Translate(options.blank);
  if (kind == FieldKind::kNumber) entry["inputmode"] = std::string("numeric");
  if (kind == FieldKind::kDecimal) entry["inputmode"] = std::string("decimal");
  if (options.rows > 0) entry["rows"] = std::to_string(options.rows);
  if (options.limit > 0) entry["limit"] = std::to_string(options.limit);
  if (options.up_to_today) entry["max"] = FormatIsoDate(context.services.app.Today());
  std::string described_by;
  if (!options.hint.empty()) {
    entry["hint"] = context.Translate(options.hint);
    described_by = id + "-hint";
  }
  if (const Message* message = FieldErrorOf(error, name)) {
    entry["error"] = context.Format(*message);
    described_by += (described_by.empty() ? "" : " ") + id + "-error";
  }
  if (!described_by.empty()) entry["described_by"] = described_by;
  return entry;
}

std::optional<Message> ReadDate(const std::string& text, std::string_view missing,
                                std::optional<CivilDate>& date) {
  const std::string trimmed = Trimmed(text);
  date.reset();
  if (trimmed.empty()) {
    if (missing.empty()) return std::nullopt;
    return Message{std::string(missing), {}};
  }
  date = ParseIsoDate(trimmed);
  if (!date) return Message{N_("Enter a real date, such as 2026-11-30."), {}};
  return std::nullopt;
}

bool ReadId(const std::string& text, std::optional<std::int64_t>& id) {
  const std::string trimmed = Trimmed(text);
  id.reset();
  if (trimmed.empty()) return true;
  id = ParseId(trimmed);
  return id.has_value();
}

std::string FieldMessage(const Context& context, const Error* error, std::string_view field) {
  const Message* message = FieldErrorOf(error, field);
  return message ? context.Format(*message) : "";
}

}  // namespace cercle::web
