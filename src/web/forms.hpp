#pragma once

#include <initializer_list>
#include <map>
#include <mstch/mstch.hpp>
#include <optional>
#include <string>

#include "base/result.hpp"
#include "web/context.hpp"

namespace cercle::web {

// A submitted form: its fields, and the view model that shows it again with what the user typed and
// the errors in their language. Passwords and other secrets are never shown again.
class Form {
 public:
  explicit Form(const Request& request) : fields_(request.FormFields()) {}
  // A form restored from its author's draft (web/pages/drafts): `fields` as the draft saved them;
  // Model() adds `draft_notice` as "draft" (when it was saved, how to discard it).
  Form(std::multimap<std::string, std::string> fields, mstch::map draft_notice)
      : fields_(std::move(fields)), draft_notice_(std::move(draft_notice)) {}

  // The first value of field `name`, or "".
  std::string Get(const std::string& name) const;
  // Every distinct value of field `name` (checkboxes), in the order sent; a repeated value is kept
  // once.
  std::vector<std::string> All(const std::string& name) const;

  // For each of `names`: {"value": …, "error": …}; and "form_error" with the error's summary when
  // `error` is set. Fields in `secret` keep no value.
  mstch::map Model(const Context& context, std::initializer_list<std::string> names,
                   const Error* error = nullptr,
                   std::initializer_list<std::string> secret = {}) const;

 private:
  std::multimap<std::string, std::string> fields_;
  std::optional<mstch::map> draft_notice_;
};

// The model of an empty form: each of `names` with an empty value.
mstch::map EmptyForm(std::initializer_list<std::string> names);

// Adds the summary and field errors of `error` to `model`.
void AddErrors(const Context& context, const Error& error, mstch::map& model);

}  // namespace cercle::web
