#include <map>

#include "app/admin/audit_log.hpp"
#include "app/admin/settings.hpp"
#include "auth/policies/user_policy.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/admin/admin_pages.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::admin {
namespace {

// Longest number the settings form reads, in digits.
constexpr std::size_t kMaximumDigits = 12;

// The settings form as typed, with an error for each value that is not a whole number within its
// setting's bounds.
struct SettingsForm {
  app::admin::SettingsChange change;
  std::map<domain::SettingKey, std::string> errors;
};

SettingsForm ParseSettings(const Context& context, const Form& form) {
  SettingsForm parsed;
  for (const auto& definition : domain::SettingDefinitions()) {
    const std::string text = form.Get(std::string(definition.name));
    std::int64_t value = 0;
    const bool number = !text.empty() && text.size() <= kMaximumDigits &&
                        text.find_first_not_of("0123456789") == std::string::npos;
    if (number) value = std::stoll(text);
    if (!number || value < definition.minimum || value > definition.maximum) {
      parsed.errors[definition.key] =
          context.Format({N_("Enter a whole number from {minimum} to {maximum}."),
                          {{"minimum", std::to_string(definition.minimum)},
                           {"maximum", std::to_string(definition.maximum)}}});
    } else {
      parsed.change.values.emplace_back(definition.key, value);
    }
  }
  return parsed;
}

// The settings page's rows: each setting's value, or what was typed when `form` is given.
mstch::map SettingsView(const Context& context, const domain::Settings& values, const Form* form,
                        const std::map<domain::SettingKey, std::string>& errors) {
  mstch::array rows;
  for (const auto& definition : domain::SettingDefinitions()) {
    const std::string key(definition.name);
    mstch::map row{
        {"key", key},
        {"label", context.Translate(definition.label)},
        {"unit", definition.unit.empty() ? std::string() : context.Translate(definition.unit)},
        {"minimum", std::to_string(definition.minimum)},
        {"maximum", std::to_string(definition.maximum)},
        {"value", form ? form->Get(key) : std::to_string(values.Get(definition.key))}};
    if (const auto error = errors.find(definition.key); error != errors.end())
      row["error"] = error->second;
    rows.push_back(row);
  }
  return {{"settings", rows}, {"empty", rows.empty()}};
}

Response RenderSettings(Context& context, mstch::map model, bool saved, bool failed) {
  if (saved) model["notice"] = context.Translate(N_("The settings are saved."));
  if (failed) model["form_error"] = context.Translate(N_("Please correct the errors below."));
  return RenderPage(context, "admin_settings", context.Translate(N_("Settings")), std::move(model),
                    failed ? 422 : 200);
}

mstch::array UserChoices(const app::admin::AuditPage& page, const audit::Filter& filter) {
  mstch::array choices;
  for (const auto& [id, name] : page.users) {
    choices.push_back(mstch::map{
        {"id", std::to_string(id)}, {"name", name}, {"selected", filter.actor_user_id == id}});
  }
  return choices;
}

mstch::map AuditEntryView(const Context& context, const audit::Entry& entry,
                          const std::map<std::int64_t, std::string>& names) {
  const auto who = entry.event.actor_user_id;
  const auto name = who ? names.find(*who) : names.end();
  return {{"sequence", std::to_string(entry.sequence)},
          {"when", context.services.translator.FormatDateTime(context.language, entry.event.at)},
          {"who", !who                  ? std::string("—")
                  : name != names.end() ? name->second
                                        : "#" + std::to_string(*who)},
          {"action", entry.event.action},
          {"object", entry.event.object_type.empty()
                         ? std::string("—")
                         : entry.event.object_type + " " + entry.event.object_id},
          {"address", entry.event.client_address},
          {"outcome", std::string(audit::OutcomeName(entry.event.outcome))},
          {"denied", entry.event.outcome != audit::Outcome::kSuccess}};
}

// The audit page's filters, from the query string.
audit::Filter ParseAuditFilter(const Request& request) {
  const auto query = request.QueryParameters();
  const auto value = [&](const std::string& name) {
    const auto found = query.find(name);
    return found == query.end() ? std::string() : found->second;
  };
  audit::Filter filter;
  filter.action_prefix = value("action");
  filter.object_type = value("object_type");
  filter.object_id = value("object_id");
  if (const auto user = ParseId(value("user"))) filter.actor_user_id = *user;
  return filter;
}

}  // namespace

Response ShowSettings(Context& context) {
  const auto page = app::admin::LoadSettingsPage(context.services.app, context.signed_in());
  if (!page) return Deny(context, "settings", "", 403);
  return RenderSettings(context, SettingsView(context, page->values, nullptr, {}),
                        context.request.query == "saved=1", false);
}

Response SaveSettings(Context& context) {
  // Asked before the form is read, so that someone who may not change the settings learns nothing
  // from its errors.
  if (!cercle::auth::policies::SettingsPolicy::CanChange(context.signed_in())) {
    return Deny(context, "settings", "", 403);
  }
  const Form form(context.request);
  const auto parsed = ParseSettings(context, form);
  if (!parsed.errors.empty()) {
    return RenderSettings(context, SettingsView(context, domain::Settings(), &form, parsed.errors),
                          false, true);
  }
  const auto saved =
      app::admin::SaveSettings(context.services.app, context.signed_in(), parsed.change);
  if (!saved) return Deny(context, "settings", "", 403);
  return Response::Redirect("/admin/settings?saved=1");
}

Response ShowAudit(Context& context) {
  const app::admin::AuditQuery query{ParseAuditFilter(context.request),
                                     Paginate(context.request, kUnknownTotal).page, kPageSize};
  const auto page = app::admin::LoadAuditPage(context.services.app, context.signed_in(), query);
  if (!page) return Deny(context, "audit", "", 403);
  const auto pagination = Paginate(context.request, page->total);
  const std::map<std::int64_t, std::string> names(page->users.begin(), page->users.end());
  mstch::array rows;
  for (const auto& entry : page->entries) rows.push_back(AuditEntryView(context, entry, names));
  mstch::map model{{"entries", rows},
                   {"empty", rows.empty()},
                   {"user_choices", UserChoices(*page, query.filter)},
                   {"action", query.filter.action_prefix},
                   {"object_type", query.filter.object_type},
                   {"object_id", query.filter.object_id},
                   {"count", std::to_string(pagination.total)}};
  AddPagination(context, pagination, model);
  return RenderPage(context, "admin_audit", context.Translate(N_("Audit log")), std::move(model));
}

}  // namespace cercle::web::pages::admin
