#include "web/pages/circles/circle_details.hpp"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/text.hpp"
#include "domain/enum_names.hpp"
#include "web/pages/circles/circle_common.hpp"

namespace cercle::web::pages::circles {
namespace {

using domain::CircleDetails;

// One field of the details form.
struct DetailField {
  std::string_view name;   // the form field's name
  std::string_view label;  // English msgid
  std::string_view hint;   // English msgid, or ""
  bool choice = false;     // a <select> of `choices`; else a line of text of at most `limit`
  bool shown = true;       // listed by AddDetailRows wherever the circle is read
  std::size_t limit = 0;
  // The value as the form sends it ("" when unset).
  std::function<std::string(const CircleDetails&)> value;
  // The value as a reader sees it, in their language ("" when unset).
  std::function<std::string(const Context&, const CircleDetails&)> shown_value;
  // Stores the form's `text`; the error when it cannot be read.
  std::function<std::optional<Message>(CircleDetails&, const std::string&)> read;
  // The options of a choice, `chosen` selected.
  std::function<mstch::array(const Context&, const std::string& chosen)> choices;
};

// An optional line of text of at most `limit` characters, trimmed.
DetailField Text(std::string_view name, std::string_view label, std::size_t limit,
                 std::string CircleDetails::*member) {
  return {
      .name = name,
      .label = label,
      .limit = limit,
      .value = [member](const CircleDetails& details) { return details.*member; },
      .shown_value = [member](const Context&,
                              const CircleDetails& details) { return details.*member; },
      .read = [member, limit](CircleDetails& details,
                              const std::string& text) -> std::optional<Message> {
        std::string trimmed = Trimmed(text);
        if (CharacterCount(trimmed) > limit) {
          return Message{N_("Use at most {count} characters."), {{"count", std::to_string(limit)}}};
        }
        details.*member = std::move(trimmed);
        return std::nullopt;
      },
  };
}

// An optional choice among the values of the enumeration `E`; `invalid` when the form sends a
// value that is not one of them.
template <class E>
DetailField Choice(std::string_view name, std::string_view label, std::string_view hint,
                   std::string_view invalid, std::optional<E> CircleDetails::*member) {
  return {
      .name = name,
      .label = label,
      .hint = hint,
      .choice = true,
      .shown = false,
      .value =
          [member](const CircleDetails& details) {
            return details.*member ? std::string(domain::NameOf(*(details.*member)))
                                   : std::string();
          },
      .shown_value =
          [member](const Context& context, const CircleDetails& details) {
            return details.*member ? context.Translate(domain::LabelOf(*(details.*member)))
                                   : std::string();
          },
      .read = [member, invalid](CircleDetails& details,
                                const std::string& text) -> std::optional<Message> {
        const auto value = domain::ParseEnum<E>(text);
        if (!text.empty() && !value) return Message{std::string(invalid), {}};
        details.*member = value;
        return std::nullopt;
      },
      .choices =
          [](const Context& context, const std::string& chosen) {
            return Choices(context, domain::EnumValues<E>(), chosen);
          },
  };
}

// Every detail but the meeting times (a grid of their own, templates/circle_slots.mustache), in
// the order the form shows them.
const std::vector<DetailField>& DetailFields() {
  static const std::vector<DetailField> fields = {
      Choice<domain::OffenceProfile>(
          "offence_profile", N_("Offence profile (optional)"),
          N_("Volunteers who asked not to serve in circles of this profile are not suggested."),
          N_("Choose an offence profile from the list."), &CircleDetails::offence_profile),
      Text("meeting_place", N_("Place"), 120, &CircleDetails::meeting_place),
  };
  return fields;
}

const std::string kMeetingTimes = "meeting_times";

// The error `error` holds for the field `name`, if any.
const Message* FieldErrorOf(const Error* error, std::string_view name) {
  if (!error) return nullptr;
  for (const auto& field : error->fields) {
    if (field.field == name) return &field.message;
  }
  return nullptr;
}

}  // namespace

Result<domain::CircleDetails> ReadCircleDetails(const Form& form) {
  CircleDetails details;
  std::vector<FieldError> errors;
  for (const auto& field : DetailFields()) {
    const std::string name(field.name);
    if (auto error = field.read(details, form.Get(name))) errors.push_back({name, *error});
  }
  details.meeting_times = SlotsOf(form, kMeetingTimes);
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return details;
}

void AddDetailFields(const Context& context, const domain::CircleDetails& details, const Form* form,
                     const Error* error, std::string_view prefix, mstch::map& model) {
  mstch::array fields;
  for (const auto& field : DetailFields()) {
    const std::string name(field.name);
    const std::string id = std::string(prefix) + "-" + name;
    const std::string value = form ? form->Get(name) : field.value(details);
    mstch::map entry{{"id", id},
                     {"name", name},
                     {"label", context.Translate(field.label)},
                     {"value", value},
                     {"choice", field.choice},
                     {"hint", false},
                     {"error", false},
                     {"described_by", false},
                     {"choices", mstch::array{}},
                     {"limit", std::to_string(field.limit)}};
    std::string described_by;
    if (!field.hint.empty()) {
      entry["hint"] = context.Translate(field.hint);
      described_by = id + "-hint";
    }
    if (const Message* message = FieldErrorOf(error, name)) {
      entry["error"] = context.Format(*message);
      described_by += (described_by.empty() ? "" : " ") + id + "-error";
    }
    if (!described_by.empty()) entry["described_by"] = described_by;
    if (field.choice) entry["choices"] = field.choices(context, value);
    fields.push_back(std::move(entry));
  }
  model["detail_fields"] = std::move(fields);
  model["slot_rows"] = SlotRows(
      context, form ? SlotsOf(*form, kMeetingTimes) : details.meeting_times, std::string(prefix));
}

void AddDetailRows(const Context& context, const domain::CircleDetails& details,
                   mstch::map& model) {
  mstch::array rows;
  for (const auto& field : DetailFields()) {
    if (!field.shown) continue;
    const std::string value = field.shown_value(context, details);
    if (value.empty()) continue;
    rows.push_back(mstch::map{{"label", context.Translate(field.label)}, {"value", value}});
  }
  if (!rows.empty()) model["detail_rows"] = mstch::map{{"rows", std::move(rows)}};
}

}  // namespace cercle::web::pages::circles
