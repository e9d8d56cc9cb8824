// Raising a concern: from the volunteer's phone view of their circle (or the minutes they write,
// with ?meeting=ID), and from the coordinator's circle page. Short on purpose: a category, a
// severity (each named for what it sets off, with the on-call delay of the organisation's settings
// and an example), what was seen or heard, when (now unless changed), what was already done. The
// page says first to call 911 when someone is in immediate danger. The work is
// app::concerns::Raise.
#include <algorithm>

#include "app/concerns/concern_raise.hpp"
#include "web/badges.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/concerns/concern_common.hpp"
#include "web/pages/concerns/concern_pages.hpp"
#include "web/pages/drafts/draft_pages.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::concerns {
namespace {

using app::concerns::RaisePage;
using app::concerns::Raiser;

const std::initializer_list<std::string> kFields = {"category", "severity", "observed",
                                                    "observed_at", "already_done"};

// The draft a raiser's form keeps (app/drafts).
domain::DraftForm DraftFormOf(Raiser raiser) {
  return raiser == Raiser::kVolunteer ? domain::DraftForm::kConcern
                                      : domain::DraftForm::kStaffConcern;
}

std::string QueryValue(const Context& context, const std::string& name) {
  const auto parameters = context.request.QueryParameters();
  const auto found = parameters.find(name);
  return found == parameters.end() ? std::string() : found->second;
}

// The page the raiser comes from and goes back to: the circle's phone view or its page.
std::string CircleAddress(Raiser raiser, std::int64_t circle_id) {
  return raiser == Raiser::kVolunteer ? circles::PortalCircleHref(circle_id)
                                      : circles::CircleHref(circle_id);
}

// The warning signs of the circle plan in force as checkboxes, those ticked on `form` checked.
mstch::array SignChoices(const RaisePage& page, const Form* form) {
  const auto ticked = form ? form->All("signs") : std::vector<std::string>{};
  mstch::array choices;
  for (const auto& sign : page.signs) {
    const std::string id = std::to_string(sign.id);
    choices.push_back(
        mstch::map{{"id", id},
                   {"sign", sign.sign},
                   {"checked", std::find(ticked.begin(), ticked.end(), id) != ticked.end()}});
  }
  return choices;
}

// The warning signs ticked on `form`; an unreadable one names no sign, which Raise refuses.
std::vector<std::int64_t> TickedSigns(const Form& form) {
  std::vector<std::int64_t> ids;
  for (const auto& value : form.All("signs")) ids.push_back(ParseId(value).value_or(0));
  return ids;
}

// The raising form of `page`: empty (the moment now), or as typed with its errors.
mstch::map RaiseView(const Context& context, const RaisePage& page, Raiser raiser, const Form* form,
                     const Error* error) {
  mstch::map model = form ? form->Model(context, kFields, error) : EmptyForm(kFields);
  if (!form) {
    model["observed_at"] =
        mstch::map{{"value", MomentValue(context, context.services.clock.Now())}};
  }
  model["severities"] = SeverityChoices(context, page.deadlines, form ? form->Get("severity") : "");
  model["categories"] = CategoryChoices(context, form ? form->Get("category") : "");
  model["code_name"] = page.circle.code_name;
  const std::string here = CircleAddress(raiser, page.circle.id);
  model["action"] = here + "/concerns";
  model["back"] = here;
  model["draft_key"] = drafts::DraftKey(DraftFormOf(raiser), page.circle.id);
  model["volunteer"] = page.volunteer_id.has_value();
  if (page.meeting_id) model["meeting"] = std::to_string(*page.meeting_id);
  model["signs"] = SignChoices(page, form);
  model["has_signs"] = !page.signs.empty();
  model["signs_error"] = std::string();
  if (error) {
    for (const auto& field : error->fields) {
      if (field.field == "signs") model["signs_error"] = context.Format(field.message);
    }
  }
  return model;
}

Response RenderRaise(Context& context, const RaisePage& page, Raiser raiser, const Form* form,
                     const Error* error) {
  return RenderPage(context, "concern_raise",
                    context.Translate(N_("Raise a concern")) + " — " + page.circle.code_name,
                    RaiseView(context, page, raiser, form, error),
                    error ? StatusFor(error->kind) : 200);
}

Response ShowRaise(Context& context, Raiser raiser) {
  const auto circle_id = ParseId(context.Parameter("id"));
  if (!circle_id) return Deny(context, "circle", context.Parameter("id"));
  const auto page =
      app::concerns::LoadRaisePage(context.services.app, context.signed_in(), raiser, *circle_id,
                                   ParseId(QueryValue(context, "meeting")));
  if (!page) return Deny(context, "circle", context.Parameter("id"));
  const auto draft = drafts::RestoredForm(context, DraftFormOf(raiser), page->circle.id);
  return RenderRaise(context, *page, raiser, draft ? &*draft : nullptr, nullptr);
}

Response Raise(Context& context, Raiser raiser) {
  const auto circle_id = ParseId(context.Parameter("id"));
  if (!circle_id) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const app::concerns::RaiseCommand command{
      .raiser = raiser,
      .circle_id = *circle_id,
      .meeting_id = ParseId(form.Get("meeting")),
      .draft = {.category = domain::ParseEnum<domain::ConcernCategory>(form.Get("category")),
                .severity = domain::ParseEnum<domain::Severity>(form.Get("severity")),
                .observed = form.Get("observed"),
                .observed_at = ParseMoment(context, form.Get("observed_at")),
                .already_done = form.Get("already_done")},
      .sign_ids = TickedSigns(form)};
  const auto& actor = context.signed_in();
  const auto raised = app::concerns::Raise(context.services.app, actor, command);
  if (!raised) {
    return Refusal(context, raised.error(), "circle", context.Parameter("id"),
                   [&](const Error& error) {
                     const auto page = app::concerns::LoadRaisePage(
                         context.services.app, actor, raiser, *circle_id, command.meeting_id);
                     if (!page) return Deny(context, "circle", context.Parameter("id"));
                     return RenderRaise(context, *page, raiser, &form, &error);
                   });
  }
  const std::string where = raised->by_volunteer ? PortalConcernHref(raised->concern_id)
                                                 : ConcernHref(raised->concern_id);
  return Response::Redirect(where + "?raised=1");
}

}  // namespace

Response ShowVolunteerRaise(Context& context) { return ShowRaise(context, Raiser::kVolunteer); }

Response VolunteerRaise(Context& context) { return Raise(context, Raiser::kVolunteer); }

Response ShowStaffRaise(Context& context) { return ShowRaise(context, Raiser::kStaff); }

Response StaffRaise(Context& context) { return Raise(context, Raiser::kStaff); }

}  // namespace cercle::web::pages::concerns
