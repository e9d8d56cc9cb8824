#include "web/forms.hpp"

#include <algorithm>

namespace cercle::web {

std::string Form::Get(const std::string& name) const {
  const auto found = fields_.find(name);
  return found == fields_.end() ? "" : found->second;
}

std::vector<std::string> Form::All(const std::string& name) const {
  std::vector<std::string> values;
  const auto [first, last] = fields_.equal_range(name);
  // A value sent twice (the same id twice in an attendance list) counts once: the first is kept, in
  // order.
  for (auto it = first; it != last; ++it) {
    if (std::find(values.begin(), values.end(), it->second) == values.end())
      values.push_back(it->second);
  }
  return values;
}

mstch::map EmptyForm(std::initializer_list<std::string> names) {
  mstch::map model;
  for (const auto& name : names) model[name] = mstch::map{{"value", std::string()}};
  return model;
}

void AddErrors(const Context& context, const Error& error, mstch::map& model) {
  model["form_error"] = context.Format(error.message);
  for (const auto& field : error.fields) {
    mstch::map entry;
    if (const auto found = model.find(field.field); found != model.end()) {
      if (const auto* existing = boost::get<mstch::map>(&found->second)) entry = *existing;
    }
    entry["error"] = context.Format(field.message);
    model[field.field] = entry;
  }
}

mstch::map Form::Model(const Context& context, std::initializer_list<std::string> names,
                       const Error* error, std::initializer_list<std::string> secret) const {
  mstch::map model;
  for (const auto& name : names) {
    const bool hidden = std::find(secret.begin(), secret.end(), name) != secret.end();
    model[name] = mstch::map{{"value", hidden ? std::string() : Get(name)}};
  }
  if (error) AddErrors(context, *error, model);
  if (draft_notice_) model["draft"] = *draft_notice_;
  return model;
}

}  // namespace cercle::web
