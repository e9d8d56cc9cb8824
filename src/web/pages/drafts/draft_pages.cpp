#include "web/pages/drafts/draft_pages.hpp"

#include <nlohmann/json.hpp>

#include "app/drafts/drafts.hpp"
#include "web/layout.hpp"
#include "web/parameters.hpp"
#include "web/redirects.hpp"

namespace cercle::web::pages::drafts {
namespace {

// The field every form carries that a draft never keeps.
constexpr const char* kCsrfField = "csrf";

Response Json(int status, const nlohmann::json& body) {
  return Response::Document(status, body.dump(), "application/json; charset=utf-8");
}

// The seconds left before the session of `actor` ends unless a request comes, from `ends_at`.
std::int64_t SecondsLeft(const Context& context, Instant ends_at) {
  return std::max<std::int64_t>(0, (ends_at - context.services.clock.Now()).count());
}

// The form's fields as a JSON array of [name, value] pairs, in the order sent, without the CSRF
// token.
std::string FieldsText(const Request& request) {
  nlohmann::json pairs = nlohmann::json::array();
  for (const auto& [name, value] : request.FormFields()) {
    if (name != kCsrfField) pairs.push_back(nlohmann::json::array({name, value}));
  }
  return pairs.dump();
}

// The fields of a draft's text; nothing when it cannot be read.
std::optional<std::multimap<std::string, std::string>> ParseFields(const std::string& text) {
  const auto pairs = nlohmann::json::parse(text, nullptr, false);
  if (!pairs.is_array()) return std::nullopt;
  std::multimap<std::string, std::string> fields;
  for (const auto& pair : pairs) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
      return std::nullopt;
    }
    fields.emplace(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
  return fields;
}

}  // namespace

std::string DraftKey(domain::DraftForm form, std::int64_t target_id) {
  return std::string(domain::NameOf(form)) + ":" + std::to_string(target_id);
}

std::optional<Form> RestoredForm(const Context& context, domain::DraftForm form,
                                 std::int64_t target_id) {
  const auto draft =
      app::drafts::FindDraft(context.services.app, context.signed_in(), form, target_id);
  if (!draft) return std::nullopt;
  auto fields = ParseFields(draft->fields);
  if (!fields) return std::nullopt;
  mstch::map notice{
      {"saved", context.Format({N_("Draft of {moment} restored: check it, then send the form."),
                                {{"moment", context.services.translator.FormatDateTime(
                                                context.language, draft->saved_at)}}})},
      {"discard_action", "/drafts/" + std::string(domain::NameOf(form)) + "/" +
                             std::to_string(target_id) + "/discard"},
      {"next", RedirectTarget(context.request.path)}};
  return Form(std::move(*fields), std::move(notice));
}

namespace {

Response Save(Context& context, domain::DraftForm form) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "draft", context.Parameter("id"));
  const auto& actor = context.signed_in();
  const auto saved = app::drafts::SaveDraft(
      context.services.app, actor,
      {.form = form, .target_id = *id, .fields = FieldsText(context.request)});
  if (!saved) {
    return Refusal(
        context, saved.error(), "draft", context.Parameter("id"), [&](const Error& error) {
          return Json(StatusFor(error.kind), {{"message", context.Format(error.message)}});
        });
  }
  const std::string moment = context.services.translator.FormatDateTime(context.language, *saved);
  return Json(200,
              {{"message", context.Format({N_("Draft saved on {moment}."), {{"moment", moment}}})},
               {"idle_seconds", SecondsLeft(context, actor.session_idle_ends_at)}});
}

Response Discard(Context& context, domain::DraftForm form) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "draft", context.Parameter("id"));
  const auto discarded =
      app::drafts::DiscardDraft(context.services.app, context.signed_in(), form, *id);
  if (!discarded) return Deny(context, "draft", context.Parameter("id"));
  return Response::Redirect(RedirectTarget(Form(context.request).Get("next")));
}

}  // namespace

Response SaveMinutes(Context& context) { return Save(context, domain::DraftForm::kMinutes); }
Response SaveContact(Context& context) { return Save(context, domain::DraftForm::kContact); }
Response SaveConcern(Context& context) { return Save(context, domain::DraftForm::kConcern); }
Response SaveStaffConcern(Context& context) {
  return Save(context, domain::DraftForm::kStaffConcern);
}
Response DiscardMinutes(Context& context) { return Discard(context, domain::DraftForm::kMinutes); }
Response DiscardContact(Context& context) { return Discard(context, domain::DraftForm::kContact); }
Response DiscardConcern(Context& context) { return Discard(context, domain::DraftForm::kConcern); }
Response DiscardStaffConcern(Context& context) {
  return Discard(context, domain::DraftForm::kStaffConcern);
}

Response KeepAlive(Context& context) {
  const Instant ends_at = app::drafts::KeepSignedIn(context.services.app, context.signed_in());
  return Json(200, {{"idle_seconds", SecondsLeft(context, ends_at)}});
}

}  // namespace cercle::web::pages::drafts
