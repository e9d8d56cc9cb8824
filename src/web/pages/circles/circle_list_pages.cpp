// The circle list and the opening of a circle for a core member.
#include "app/circles/circle_list.hpp"
#include "auth/policies/circle_policy.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_attention.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_details.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

using auth::policies::CirclePolicy;

Response RenderNew(Context& context, const std::vector<domain::CoreMember>& core_members,
                   const Form* form, const Error* error) {
  std::string chosen;
  if (form) {
    chosen = form->Get("core_member");
  } else {
    // A link from a core member's file may name him.
    const auto query = context.request.QueryParameters();
    if (const auto found = query.find("core_member"); found != query.end()) chosen = found->second;
  }
  mstch::array choices;
  for (const auto& core_member : core_members) {
    const std::string id = std::to_string(core_member.id);
    choices.push_back(
        mstch::map{{"value", id},
                   {"label", core_member.name_used() + " (" + core_member.file_number + ", " +
                                 context.Translate(domain::LabelOf(core_member.status)) + ")"},
                   {"selected", id == chosen}});
  }
  mstch::map model =
      form ? form->Model(context, {"core_member"}, error) : EmptyForm({"core_member"});
  model["core_members"] = choices;
  model["no_core_member"] = choices.empty();
  AddDetailFields(context, domain::CircleDetails(), form, error, "new", model);
  return RenderPage(context, "circle_new", context.Translate(N_("Open a circle")), std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

// One row of the circle list.
mstch::map CircleRow(const Context& context, const app::circles::CircleListPage& page,
                     const domain::Circle& circle) {
  const auto name = page.core_member_names.find(circle.core_member_id);
  const auto count = page.member_counts.find(circle.id);
  mstch::map row{
      {"href", CircleHref(circle.id)},
      {"code_name", circle.code_name},
      {"core_member", name == page.core_member_names.end() ? std::string("—") : name->second},
      {"phase", context.Translate(domain::LabelOf(circle.phase))},
      {"phase_badge", PhaseBadge(circle.phase)},
      {"members", std::to_string(count == page.member_counts.end() ? 0 : count->second)},
      {"closed", circle.closed()}};
  if (const auto next = page.next_meetings.find(circle.id);
      next != page.next_meetings.end() && !circle.closed()) {
    row["next_meeting"] = FormatMeetingTime(context, next->second);
  }
  mstch::array texts;
  if (const auto found = page.flags.find(circle.id); found != page.flags.end()) {
    for (const auto& flag : found->second) {
      texts.push_back(
          mstch::map{{"text", FlagText(context, flag, circle.code_name)}, {"urgent", flag.urgent}});
    }
  }
  row["has_flags"] = !texts.empty();
  row["flags"] = texts;
  return row;
}

}  // namespace

Response List(Context& context) {
  const auto& actor = context.signed_in();
  const bool show_closed = context.request.QueryParameters().count("closed") > 0;
  Pagination pagination;
  const auto page = app::circles::LoadCircleList(
      context.services.app, actor,
      show_closed ? store::IncludeClosed::kYes : store::IncludeClosed::kNo,
      [&](std::int64_t total) {
        pagination = Paginate(context.request, total);
        return pagination.Slice();
      });
  if (!page) return Deny(context, "circle", "");
  mstch::array rows;
  for (const auto& circle : page->circles) rows.push_back(CircleRow(context, *page, circle));
  mstch::map model{{"circles", rows},
                   {"empty", rows.empty()},
                   {"show_closed", show_closed},
                   {"count", std::to_string(pagination.total)},
                   {"can_edit_template", CirclePolicy::CanEditCovenantTemplate(actor)}};
  AddPagination(context, pagination, model);
  return RenderPage(context, "circle_list", context.Translate(N_("Circles")), std::move(model));
}

Response ShowNew(Context& context) {
  const auto core_members =
      app::circles::LoadCoreMembersWithoutCircle(context.services.app, context.signed_in());
  if (!core_members) return Deny(context, "circle", "");
  return RenderNew(context, *core_members, nullptr, nullptr);
}

Response Create(Context& context) {
  const auto& actor = context.signed_in();
  const auto core_members = app::circles::LoadCoreMembersWithoutCircle(context.services.app, actor);
  if (!core_members) return Deny(context, "circle", "");
  const Form form(context.request);
  const auto core_member_id = ParseId(form.Get("core_member"));
  auto details = ReadCircleDetails(form);
  std::vector<FieldError> errors = details ? std::vector<FieldError>() : details.error().fields;
  if (!core_member_id) {
    errors.insert(errors.begin(), {"core_member", {N_("Choose the core member."), {}}});
  }
  if (!errors.empty()) {
    const Error error = Error::Fields(std::move(errors));
    return RenderNew(context, *core_members, &form, &error);
  }
  const auto created = app::circles::Open(context.services.app, actor,
                                          {.core_member_id = core_member_id, .details = *details});
  if (!created) return RenderNew(context, *core_members, &form, &created.error());
  return Response::Redirect(CircleHref(*created) + "?saved=opened");
}

}  // namespace cercle::web::pages::circles
