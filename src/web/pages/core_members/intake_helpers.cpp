#include "web/pages/core_members/intake_helpers.hpp"

#include <algorithm>
#include <cstdio>

#include "domain/intake_fields.hpp"
#include "store/document_store.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::core_members {

domain::CivilDate Today(const Context& context) {
  return context.services.translator.LocalDate(context.services.clock.Now());
}

std::string ShowDate(const Context& context, const std::optional<domain::CivilDate>& date) {
  if (!date) return "";
  return context.services.translator.FormatCivilDate(context.language,
                                                     domain::FormatIsoDate(*date));
}

std::string ShowTime(const Context& context, Instant instant) {
  return context.services.translator.FormatDateTime(context.language, instant);
}

std::optional<domain::CivilDate> DateField(const Form& form, const std::string& name, bool required,
                                           std::string_view missing,
                                           std::vector<FieldError>& errors) {
  const std::string text = domain::intake::Trimmed(form.Get(name));
  if (text.empty()) {
    if (required) errors.push_back({name, {std::string(missing), {}}});
    return std::nullopt;
  }
  const auto date = domain::ParseIsoDate(text);
  if (!date) errors.push_back({name, {N_("Enter a real date, such as 2026-11-30."), {}}});
  return date;
}

std::optional<std::int64_t> IdField(const Form& form, const std::string& name,
                                    std::vector<FieldError>& errors) {
  const std::string text = domain::intake::Trimmed(form.Get(name));
  if (text.empty()) return std::nullopt;
  const auto id = ParseId(text);
  if (!id) errors.push_back({name, {N_("Choose one of the options."), {}}});
  return id;
}

std::optional<Error> Combine(std::vector<FieldError> parse_errors, const Status& check) {
  if (check) {
    if (parse_errors.empty()) return std::nullopt;
    return Error::Fields(std::move(parse_errors));
  }
  if (parse_errors.empty()) return check.error();
  // A field with a parse error keeps that error: the rule saw no value there.
  for (const auto& field : check.error().fields) {
    const bool known =
        std::any_of(parse_errors.begin(), parse_errors.end(),
                    [&](const FieldError& parsed) { return parsed.field == field.field; });
    if (!known) parse_errors.push_back(field);
  }
  return Error::Fields(std::move(parse_errors));
}

Error WithTranslatedArguments(const Context& context, Error error) {
  for (auto& argument : error.message.arguments) argument.value = context.Translate(argument.value);
  for (auto& field : error.fields) {
    for (auto& argument : field.message.arguments)
      argument.value = context.Translate(argument.value);
  }
  return error;
}

mstch::array Choices(const std::vector<Choice>& choices, const std::string& selected) {
  mstch::array array;
  for (const auto& choice : choices) {
    array.push_back(mstch::map{
        {"value", choice.value}, {"label", choice.label}, {"selected", choice.value == selected}});
  }
  return array;
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

std::map<std::int64_t, store::User> OrganisationUsers(Context& context) {
  const auto& actor = context.signed_in();
  const auto users = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::UserStore(session).ListOrganisation(*actor.organisation_id);
  });
  std::map<std::int64_t, store::User> by_id;
  for (const auto& user : users) by_id.emplace(user.id, user);
  return by_id;
}

std::string UserName(const Context& context, const std::map<std::int64_t, store::User>& users,
                     std::optional<std::int64_t> id) {
  if (!id) return context.Translate(N_("Unknown user"));
  const auto found = users.find(*id);
  return found == users.end() ? context.Translate(N_("Unknown user")) : found->second.display_name;
}

void RecordView(Context& context, const std::string& action, const std::string& object_type,
                const std::string& object_id) {
  const auto& actor = context.signed_in();
  context.services.audit.Record(
      context.services.database,
      {actor.organisation_id, actor.user_id, action, object_type, object_id,
       context.request.client_address, audit::Outcome::kSuccess, context.services.clock.Now()});
}

void RecordChange(Context& context, soci::session& session, const std::string& action,
                  const std::string& object_type, const std::string& object_id) {
  const auto& actor = context.signed_in();
  context.services.audit.Append(
      session, context.services.database.dialect(),
      {actor.organisation_id, actor.user_id, action, object_type, object_id,
       context.request.client_address, audit::Outcome::kSuccess, context.services.clock.Now()});
}

mstch::array Viewers(Context& context, const std::string& action, const std::string& object_type,
                     std::int64_t object_id, const std::map<std::int64_t, store::User>& users) {
  const auto& actor = context.signed_in();
  audit::Filter filter;
  filter.action_prefix = action;
  filter.object_type = object_type;
  filter.object_id = std::to_string(object_id);
  filter.limit = 50;
  mstch::array viewers;
  for (const auto& entry :
       context.services.audit.List(context.services.database, *actor.organisation_id, filter)) {
    if (entry.event.action != action) continue;
    viewers.push_back(mstch::map{{"who", UserName(context, users, entry.event.actor_user_id)},
                                 {"when", ShowTime(context, entry.event.at)}});
  }
  return viewers;
}

mstch::array DocumentRows(Context& context, const std::string& owner_type, std::int64_t owner_id,
                          const std::string& path,
                          const std::map<std::int64_t, store::User>& users) {
  const auto& actor = context.signed_in();
  const auto documents = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::DocumentStore(session).ListForOwner(*actor.organisation_id, owner_type, owner_id);
  });
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
