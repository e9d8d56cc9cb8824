#include "web/pages/core_members/intake_helpers.hpp"

#include <algorithm>
#include <cstdio>

#include "app/services.hpp"
#include "domain/intake_fields.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::core_members {

CivilDate Today(const Context& context) { return context.services.app.Today(); }

std::string ShowDate(const Context& context, const std::optional<CivilDate>& date) {
  if (!date) return "";
  return context.services.translator.FormatCivilDate(context.language, FormatIsoDate(*date));
}

std::string ShowTime(const Context& context, Instant instant) {
  return context.services.translator.FormatDateTime(context.language, instant);
}

std::optional<CivilDate> DateField(const Form& form, const std::string& name, bool required,
                                   std::string_view missing, std::vector<FieldError>& errors) {
  const std::string text = Trimmed(form.Get(name));
  if (text.empty()) {
    if (required) errors.push_back({name, {std::string(missing), {}}});
    return std::nullopt;
  }
  const auto date = ParseIsoDate(text);
  if (!date) errors.push_back({name, {N_("Enter a real date, such as 2026-11-30."), {}}});
  return date;
}

std::optional<std::int64_t> IdField(const Form& form, const std::string& name,
                                    std::vector<FieldError>& errors) {
  const std::string text = Trimmed(form.Get(name));
  if (text.empty()) return std::nullopt;
  const auto id = ParseId(text);
  if (!id) errors.push_back({name, {N_("Choose one of the options."), {}}});
  return id;
}

Error WithTranslatedArguments(const Context& context, Error error) {
  for (auto& argument : error.message.arguments) argument.value = context.Translate(argument.value);
  for (auto& field : error.fields) {
    for (auto& argument : field.message.arguments)
      argument.value = context.Translate(argument.value);
  }
  return error;
}

mstch::map Values(std::initializer_list<std::pair<std::string, std::string>> values) {
  mstch::map model;
  for (const auto& [name, value] : values) model[name] = mstch::map{{"value", value}};
  return model;
}

std::string ValueOf(const mstch::map& model, const std::string& name) {
  const auto found = model.find(name);
  if (found == model.end()) return "";
  const auto* field = boost::get<mstch::map>(&found->second);
  if (!field) return "";
  const auto value = field->find("value");
  if (value == field->end()) return "";
  const auto* text = boost::get<std::string>(&value->second);
  return text ? *text : "";
}

app::intake::Users OrganisationUsers(Context& context) {
  return app::intake::LoadUsers(context.services.app, context.signed_in());
}

std::string UserName(const Context& context, const app::intake::Users& users,
                     std::optional<std::int64_t> id) {
  if (!id) return context.Translate(N_("Unknown user"));
  const auto found = users.find(*id);
  return found == users.end() ? context.Translate(N_("Unknown user")) : found->second.display_name;
}

std::vector<Choice> UserChoices(const std::vector<const store::User*>& users) {
  std::vector<Choice> choices;
  for (const auto* user : users) choices.push_back({std::to_string(user->id), user->display_name});
  std::sort(choices.begin(), choices.end(),
            [](const Choice& a, const Choice& b) { return a.label < b.label; });
  return choices;
}

void RecordView(Context& context, const std::string& action, const std::string& object_type,
                const std::string& object_id) {
  app::AuditView(context.services.app, context.signed_in(), {action, object_type, object_id});
}

mstch::array Viewers(Context& context, const std::string& action, const std::string& object_type,
                     std::int64_t object_id, const app::intake::Users& users) {
  return ViewerRows(context,
                    app::intake::LoadViewers(context.services.app, context.signed_in(), action,
                                             object_type, object_id),
                    users);
}

mstch::array ViewerRows(const Context& context, const std::vector<app::intake::Viewer>& viewers,
                        const app::intake::Users& users) {
  mstch::array rows;
  for (const auto& viewer : viewers) {
    rows.push_back(mstch::map{{"who", UserName(context, users, viewer.user_id)},
                              {"when", ShowTime(context, viewer.at)}});
  }
  return rows;
}

mstch::array DocumentRows(const Context& context,
                          const std::vector<app::intake::Document>& documents,
                          const std::string& path, const app::intake::Users& users) {
  mstch::array rows;
  for (const auto& document : documents) {
    char size[32];
    if (document.size_bytes >= 1024 * 1024) {
      std::snprintf(size, sizeof size, "%.1f MB",
                    static_cast<double>(document.size_bytes) / (1024.0 * 1024.0));
    } else {
      std::snprintf(size, sizeof size, "%lld kB",
                    static_cast<long long>((document.size_bytes + 1023) / 1024));
    }
    rows.push_back(mstch::map{{"id", std::to_string(document.id)},
                              {"title", document.title},
                              {"filename", document.filename},
                              {"size", std::string(size)},
                              {"uploaded", ShowTime(context, document.uploaded_at)},
                              {"who", UserName(context, users, document.uploaded_by)},
                              {"href", path + std::to_string(document.id)},
                              {"remove", path + std::to_string(document.id) + "/remove"}});
  }
  return rows;
}

}  // namespace cercle::web::pages::core_members
