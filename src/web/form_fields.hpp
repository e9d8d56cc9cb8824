#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <mstch/mstch.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/dates.hpp"
#include "base/result.hpp"
#include "base/text.hpp"
#include "domain/enum_names.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

// A form described once: each field's name, label, look, reading and check, and where its value
// comes from. A record's create and edit handlers read the form with ReadFields and show it with
// AddFields; templates render each field through the partial templates/form_field.mustache
// (`{{#fields}}{{> form_field}}{{/fields}}`). A description is a vector of FormField<T>, made with
// the builders below; it is usually a function template over the record, so that one description
// reads the app's command and shows the stored record, which have the same members.
namespace cercle::web {

// One choice of a select or a set of radio buttons.
struct Choice {
  std::string value;
  std::string label;  // already translated
};

// The choices of a select of enumeration `E`: each value's stored name with its label in the
// reader's language, in table order.
template <class E>
std::vector<Choice> EnumChoices(const Context& context) {
  std::vector<Choice> choices;
  for (const auto value : domain::EnumValues<E>()) {
    choices.push_back(
        {std::string(domain::NameOf(value)), context.Translate(domain::LabelOf(value))});
  }
  return choices;
}

// The choices as a view model: [{value, label, selected}], the one equal to `selected` marked.
mstch::array Choices(const std::vector<Choice>& choices, const std::string& selected);

// How a field shows.
enum class FieldKind {
  kText,
  kEmail,
  kPhone,
  kDate,
  kNumber,   // a whole number
  kDecimal,  // a number with decimals
  kTextArea,
  kSelect,
  kRadios,
  kCheckbox
};

// How a field shows and reads, beyond its name and label.
struct FieldOptions {
  FieldKind kind = FieldKind::kText;
  std::string_view hint;       // English msgid shown under the label, or ""
  std::string_view blank;      // a select's empty option (English msgid, or "—"); "": none
  bool required = false;       // marked required for the browser (the reading checks apart)
  bool private_input = false;  // autocomplete="off": names and contacts
  bool up_to_today = false;    // a date no later than today
  bool trimmed = false;        // text read without its surrounding spaces
  int rows = 0;                // a text area's height
  std::size_t limit = 0;       // at most this many characters (checked when read); 0: no limit
  bool listed = false;         // listed with its label wherever the record is read
  std::string_view group = "fields";  // the list of the model the field joins
};

// A field's name, label and options: what shows it.
struct FieldSpec {
  std::string_view name;
  std::string_view label;  // English msgid
  FieldOptions options;
};

// One field of a form about records of type `T`.
template <class T>
struct FormField : FieldSpec {
  // The value as the form sends it ("" when unset).
  std::function<std::string(const T&)> value;
  // Stores the form's `text` in the record; the error when it cannot be read.
  std::function<std::optional<Message>(T&, const std::string&)> read;
  // The choices of a select or radio buttons (none: the caller gives them to AddFields).
  std::function<std::vector<Choice>(const Context&)> choices;
};

// The choices of the fields whose description has none (accounts, documents…), by field name.
using ChoiceLists = std::map<std::string, std::vector<Choice>>;

// Where the values a form shows come from: what was typed (`form`, refused with `error`), else a
// stored `record`, else `initial` values by name (a new record; "" for the others).
template <class T>
struct FieldValues {
  const Form* form = nullptr;
  const Error* error = nullptr;
  const T* record = nullptr;
  std::map<std::string, std::string> initial;
};

// The model of one field (templates/form_field.mustache) showing `value`, with the error `error`
// holds for it, if any; `prefix` keeps its id unique when a page shows the form twice.
mstch::map FieldModel(const Context& context, const FieldSpec& field, const std::string& value,
                      const Error* error, const std::vector<Choice>& choices,
                      std::string_view prefix = "");

// Reads every field of `fields` from `form` into `record`; the errors of those it could not read.
template <class T>
std::vector<FieldError> ReadFields(const std::vector<FormField<T>>& fields, const Form& form,
                                   T& record) {
  std::vector<FieldError> errors;
  for (const auto& field : fields) {
    const std::string name(field.name);
    if (auto error = field.read(record, form.Get(name))) errors.push_back({name, *error});
  }
  return errors;
}

// Adds each field of `fields` to `model`, under its group's name, with the value `values` gives.
template <class T>
void AddFieldGroups(const Context& context, const std::vector<FormField<T>>& fields,
                    const FieldValues<T>& values, mstch::map& model, const ChoiceLists& lists = {},
                    std::string_view prefix = "") {
  std::map<std::string, mstch::array> groups;
  for (const auto& field : fields) {
    const std::string name(field.name);
    std::string value;
    if (values.form) {
      value = values.form->Get(name);
    } else if (values.record) {
      value = field.value(*values.record);
    } else if (const auto found = values.initial.find(name); found != values.initial.end()) {
      value = found->second;
    }
    const auto listed = lists.find(name);
    const std::vector<Choice> choices = field.choices           ? field.choices(context)
                                        : listed != lists.end() ? listed->second
                                                                : std::vector<Choice>{};
    groups[std::string(field.options.group)].push_back(
        FieldModel(context, field, value, values.error, choices, prefix));
  }
  for (auto& [group, entries] : groups) model[group] = std::move(entries);
}

// Adds the fields as AddFieldGroups does; and, when `values` holds a refused form, the error's
// summary ("form_error") and every field error by name.
template <class T>
void AddFields(const Context& context, const std::vector<FormField<T>>& fields,
               const FieldValues<T>& values, mstch::map& model, const ChoiceLists& lists = {}) {
  AddFieldGroups(context, fields, values, model, lists);
  if (values.error) AddErrors(context, *values.error, model);
}

// ---- Builders ----

// A line of text (or another kind of text field: a text area, an e-mail address…), read as typed,
// or trimmed and checked against `options.limit`.
template <class T>
FormField<T> Text(std::string_view name, std::string_view label, std::string T::*member,
                  FieldOptions options = {}) {
  return {{name, label, options},
          [member](const T& record) { return record.*member; },
          [member, options](T& record, const std::string& text) -> std::optional<Message> {
            std::string read = options.trimmed || options.limit ? Trimmed(text) : text;
            if (options.limit && CharacterCount(read) > options.limit) {
              return Message{N_("Use at most {count} characters."),
                             {{"count", std::to_string(options.limit)}}};
            }
            record.*member = std::move(read);
            return std::nullopt;
          },
          nullptr};
}

// Reads into `date` the date typed in a field, "YYYY-MM-DD" as <input type="date"> sends it,
// trimmed: none when blank. The error: `missing` when it is blank and `missing` is not "", or that
// it is not a real date.
std::optional<Message> ReadDate(const std::string& text, std::string_view missing,
                                std::optional<CivilDate>& date);

// Reads into `id` the id an optional select sends, trimmed: none when blank. False when it is not
// an id.
bool ReadId(const std::string& text, std::optional<std::int64_t>& id);

// A date: `member` is a CivilDate (required: `missing` when blank), an optional one (`missing`
// when blank, unless it is ""), or text the app checks.
template <class T, class M>
FormField<T> Date(std::string_view name, std::string_view label, M T::*member,
                  std::string_view missing = "", FieldOptions options = {}) {
  options.kind = FieldKind::kDate;
  if constexpr (std::is_same_v<M, std::string>) {
    return Text(name, label, member, options);
  } else {
    return {{name, label, options},
            [member](const T& record) -> std::string {
              if constexpr (std::is_same_v<M, CivilDate>) {
                return FormatIsoDate(record.*member);
              } else {
                return record.*member ? FormatIsoDate(*(record.*member)) : std::string();
              }
            },
            [member, missing](T& record, const std::string& text) -> std::optional<Message> {
              std::optional<CivilDate> date;
              if (auto error = ReadDate(text, missing, date)) return error;
              if constexpr (std::is_same_v<M, CivilDate>) {
                if (date) record.*member = *date;
              } else {
                record.*member = date;
              }
              return std::nullopt;
            },
            nullptr};
  }
}

// A choice among the values of the enumeration `E` (a select, or radio buttons): `member` is an E
// (required) or an optional one (blank allowed); `invalid` when the form sends another value.
template <class E, class T, class M>
FormField<T> EnumChoice(std::string_view name, std::string_view label, M T::*member,
                        std::string_view invalid, FieldOptions options = {}) {
  if (options.kind == FieldKind::kText) options.kind = FieldKind::kSelect;
  constexpr bool kOptional = !std::is_same_v<M, E>;
  return {{name, label, options},
          [member](const T& record) -> std::string {
            if constexpr (kOptional) {
              return record.*member ? std::string(domain::NameOf(*(record.*member)))
                                    : std::string();
            } else {
              return std::string(domain::NameOf(record.*member));
            }
          },
          [member, invalid](T& record, const std::string& text) -> std::optional<Message> {
            const auto value = domain::ParseEnum<E>(text);
            if constexpr (kOptional) {
              if (!text.empty() && !value) return Message{std::string(invalid), {}};
              record.*member = value;
            } else {
              if (!value) return Message{std::string(invalid), {}};
              record.*member = *value;
            }
            return std::nullopt;
          },
          [](const Context& context) { return EnumChoices<E>(context); }};
}

// The id of an optional choice whose options the caller gives (an account, a document): none when
// blank; `invalid` when the form sends what is not an id.
template <class T>
FormField<T> IdChoice(std::string_view name, std::string_view label,
                      std::optional<std::int64_t> T::*member, std::string_view invalid,
                      FieldOptions options = {}) {
  options.kind = FieldKind::kSelect;
  return {{name, label, options},
          [member](const T& record) {
            return record.*member ? std::to_string(*(record.*member)) : std::string();
          },
          [member, invalid](T& record, const std::string& text) -> std::optional<Message> {
            if (!ReadId(text, record.*member)) return Message{std::string(invalid), {}};
            return std::nullopt;
          },
          nullptr};
}

// A checkbox: true when the form sends it.
template <class T>
FormField<T> Checkbox(std::string_view name, std::string_view label, bool T::*member,
                      FieldOptions options = {}) {
  options.kind = FieldKind::kCheckbox;
  return {{name, label, options},
          [member](const T& record) { return std::string(record.*member ? "1" : ""); },
          [member](T& record, const std::string& text) -> std::optional<Message> {
            record.*member = !text.empty();
            return std::nullopt;
          },
          nullptr};
}

// The message of `error` for `field`, in the reader's language, or "" when it has none.
std::string FieldMessage(const Context& context, const Error* error, std::string_view field);

}  // namespace cercle::web
