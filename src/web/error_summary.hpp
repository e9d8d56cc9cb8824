#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cercle::web {

// One problem of a refused form, as the error summary lists it: the id of the element its link
// moves to, and the field's message (HTML, as the page shows it under the field).
struct ErrorLink {
  std::string target;
  std::string message;
};

// The field errors a rendered page shows, in page order: each `<p class="field__error"
// id="ID-error">` (templates/form_field.mustache and the forms written by hand) links to the
// control ID; to the first control whose id starts with "ID-" when there is none (radio buttons,
// checkboxes); else to the message itself. A target is listed once.
std::vector<ErrorLink> FieldErrorLinks(std::string_view html);

// Where templates/form_error.mustache leaves room for the list of field errors.
inline constexpr std::string_view kErrorListMarker = "<!--field-errors-->";

// Fills the error summary of a rendered page (`content`, templates/form_error.mustache) with a
// link to each field error the page shows, and leaves the summaries of the page after the first
// (a section's own) without a list. A page that shows field errors without a summary gets one
// first, `summary()` (that template rendered alone). True when the page shows an error summary.
bool FillErrorSummary(std::string& content, const std::function<std::string()>& summary);

}  // namespace cercle::web
