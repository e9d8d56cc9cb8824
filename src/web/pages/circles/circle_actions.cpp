// What coordinators change on a circle: its details, its members (every addition through the
// volunteer gate), its phase with the covenant amendment it prompts, its covenant and signatures,
// its reviews, and its closure. Each handler parses the form into an app::circles command and maps
// the answer: a redirect, the circle page again with what was typed and the error, or the audited
// 404 of a record the actor may not see.
#include "app/circles/circle_changes.hpp"
#include "app/circles/circle_membership.hpp"
#include "app/circles/circle_phase.hpp"
#include "app/circles/circles.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_details.hpp"
#include "web/pages/circles/circle_membership.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pages/circles/circle_view.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

// The circle page of circle `circle_id` again with the refused form of `section`; the audited 404
// when the actor may not manage the circle.
Response ShowRefused(Context& context, std::int64_t circle_id, const std::string& section,
                     const Form& form, const Error& error) {
  const auto circle =
      app::circles::LoadManagedCircle(context.services.app, context.signed_in(), circle_id);
  if (!circle) return Deny(context, "circle", context.Parameter("id"));
  return RenderCircle(context, *circle, {section, 0, &form, &error, ""});
}

// The refusal of a command on circle `circle_id`, mapped by web::Refusal.
Response RefusedOnCircle(Context& context, std::int64_t circle_id, const std::string& section,
                         const Form& form, const Error& error) {
  return Refusal(context, error, "circle", context.Parameter("id"), [&](const Error& refused) {
    return ShowRefused(context, circle_id, section, form, refused);
  });
}

// The refusal of a command on the stay `member_id`: the circle page again with the refused form of
// `section` under that stay, or the audited 404.
Response RefusedOnStay(Context& context, std::int64_t member_id, const std::string& section,
                       const Form& form, const Error& error) {
  return Refusal(context, error, "circle_member", context.Parameter("id"), [&](const Error& e) {
    const auto stay =
        app::circles::LoadManagedStay(context.services.app, context.signed_in(), member_id);
    if (!stay) return Deny(context, "circle_member", context.Parameter("id"));
    // The leave and replace forms belong to one stay; any other refusal shows above the members.
    const std::int64_t form_member = section.empty() ? 0 : member_id;
    return RenderCircle(context, stay->circle, {section, form_member, &form, &e, ""});
  });
}

// Describes a failing gate condition in the reader's language.
domain::GateDescriber GateDescriber(const Context& context) {
  return [&context](const domain::GateFailure& failure) {
    return DescribeGateFailure(context, failure);
  };
}

}  // namespace

CivilDate OpenedOn(Context& context, const domain::Circle& circle) {
  return app::circles::OpenedOn(context.services.app, circle);
}

Response UpdateDetails(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const auto details = ReadCircleDetails(form);
  if (!details) {
    // A closed circle says so before the form's own error, as it refuses any change.
    const auto circle =
        app::circles::LoadManagedCircle(context.services.app, context.signed_in(), *id);
    return ShowRefused(context, *id, "details", form,
                       circle && circle->closed() ? app::circles::ClosedCircle() : details.error());
  }
  const auto updated = app::circles::UpdateDetails(context.services.app, context.signed_in(),
                                                   {.circle_id = *id, .details = *details});
  if (!updated) return RefusedOnCircle(context, *id, "details", form, updated.error());
  return Response::Redirect(CircleHref(*id) + "?saved=details#details");
}

Response AddMember(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const auto joined = app::circles::Join(context.services.app, context.signed_in(),
                                         {.circle_id = *id,
                                          .volunteer_id = ParseId(form.Get("volunteer")),
                                          .primary = form.Get("primary") == "1",
                                          .describe_gate_failure = GateDescriber(context)});
  if (!joined) {
    return Refusal(context, joined.error(), "circle", context.Parameter("id"), [&](const Error& e) {
      const auto circle =
          app::circles::LoadManagedCircle(context.services.app, context.signed_in(), *id);
      if (!circle) return Deny(context, "circle", context.Parameter("id"));
      return RenderSuggestions(context, *circle, &form, &e);
    });
  }
  return Response::Redirect(CircleHref(*id) + "?saved=member#members");
}

Response MakePrimary(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "circle_member", context.Parameter("id"));
  const Form form(context.request);
  const auto circle = app::circles::MakePrimary(context.services.app, context.signed_in(), *id);
  if (!circle) return RefusedOnStay(context, *id, "", form, circle.error());
  return Response::Redirect(CircleHref(*circle) + "?saved=details#members");
}

Response LeaveCircle(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "circle_member", context.Parameter("id"));
  const Form form(context.request);
  const auto circle = app::circles::Leave(context.services.app, context.signed_in(),
                                          {.member_id = *id,
                                           .left_on = ParseIsoDate(form.Get("left_on")),
                                           .reason = form.Get("left_reason")});
  if (!circle) return RefusedOnStay(context, *id, "leave", form, circle.error());
  return Response::Redirect(CircleHref(*circle) + "?saved=left#members");
}

Response ReplaceMember(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "circle_member", context.Parameter("id"));
  const Form form(context.request);
  const auto joined = app::circles::Replace(context.services.app, context.signed_in(),
                                            {.member_id = *id,
                                             .volunteer_id = ParseId(form.Get("volunteer")),
                                             .reason = form.Get("reason"),
                                             .describe_gate_failure = GateDescriber(context)});
  if (!joined) return RefusedOnStay(context, *id, "replace", form, joined.error());
  return Response::Redirect(CircleHref(joined->circle_id) + "?saved=member#members");
}

Response ChangePhase(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const auto changed =
      app::circles::ChangePhase(context.services.app, context.signed_in(),
                                {.circle_id = *id,
                                 .to = domain::ParseEnum<domain::CirclePhase>(form.Get("to")),
                                 .decided_on = ParseIsoDate(form.Get("decided_on")),
                                 .reason = form.Get("reason"),
                                 .covenant_body = form.Get("covenant_body"),
                                 .meeting_id = ParseId(form.Get("meeting"))});
  if (!changed) return RefusedOnCircle(context, *id, "phase", form, changed.error());
  return Response::Redirect(CircleHref(*id) +
                            (changed->first_start ? "?saved=started#phase" : "?saved=phase#phase"));
}

Response AmendCovenant(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const auto amended = app::circles::AmendCovenant(
      context.services.app, context.signed_in(),
      {.circle_id = *id, .body = form.Get("body"), .note = form.Get("note")});
  if (!amended) return RefusedOnCircle(context, *id, "covenant", form, amended.error());
  return Response::Redirect(CircleHref(*id) + "?saved=covenant#covenant");
}

Response SignCovenant(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const std::string who = form.Get("signatory");
  app::circles::SignCovenantCommand command{.circle_id = *id,
                                            .signed_on = ParseIsoDate(form.Get("signed_on"))};
  if (who == "core_member") {
    command.signatory = domain::Signatory::kCoreMember;
  } else if (who.starts_with("volunteer:") && ParseId(who.substr(10))) {
    command.signatory = domain::Signatory::kVolunteer;
    command.volunteer_id = ParseId(who.substr(10));
  }
  const auto signed_ =
      app::circles::SignCovenant(context.services.app, context.signed_in(), command);
  if (!signed_) return RefusedOnCircle(context, *id, "sign", form, signed_.error());
  return Response::Redirect(CircleHref(*id) + "?saved=signed#covenant");
}

Response RecordReview(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const auto recorded = app::circles::RecordReview(
      context.services.app, context.signed_in(),
      {.circle_id = *id,
       .kind = domain::ParseEnum<domain::ReviewKind>(form.Get("kind")),
       .held_on = ParseIsoDate(form.Get("held_on")),
       .participants = form.Get("participants"),
       .outcome = form.Get("outcome"),
       .decisions = form.Get("decisions"),
       .renewal = domain::ParseEnum<domain::RenewalDecision>(form.Get("renewal"))});
  if (!recorded) return RefusedOnCircle(context, *id, "review", form, recorded.error());
  return Response::Redirect(CircleHref(*id) + "?saved=review#reviews");
}

Response Close(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const auto closed = app::circles::Close(
      context.services.app, context.signed_in(),
      {.circle_id = *id,
       .reason = domain::ParseEnum<domain::ClosureReason>(form.Get("closure_reason")),
       .closed_on = ParseIsoDate(form.Get("closed_on")),
       .note = form.Get("closing_note")});
  if (!closed) return RefusedOnCircle(context, *id, "close", form, closed.error());
  return Response::Redirect(CircleHref(*id) + "?saved=closed");
}

}  // namespace cercle::web::pages::circles
