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

// The refusal of a change to circle `circle_id`, mapped by web::Refusal: `show(circle, error)` when
// the actor may manage the circle, the audited 404 otherwise.
template <class Show>
Response RefusedOnCircle(Context& context, std::int64_t circle_id, const Error& error,
                         Show&& show) {
  return Refusal(context, error, "circle", context.Parameter("id"), [&](const Error& refused) {
    const auto circle = FindManagedCircle(context, circle_id);
    if (!circle) return Deny(context, "circle", context.Parameter("id"));
    return show(*circle, refused);
  });
}

// The refusal of a form of `section` posted about a stay (web::PostForm): the circle page again
// with it under that stay, or the audited 404.
auto ShowAgainOnStay(Context& context, std::string section) {
  return [&context, section = std::move(section)](std::int64_t member_id, const Form& form,
                                                  const Error& error) {
    return Refusal(context, error, "circle_member", context.Parameter("id"), [&](const Error& e) {
      const auto stay =
          app::circles::LoadManagedStay(context.services.app, context.signed_in(), member_id);
      if (!stay) return Deny(context, "circle_member", context.Parameter("id"));
      // The leave and replace forms belong to one stay; any other refusal shows above the members.
      const std::int64_t form_member = section.empty() ? 0 : member_id;
      return RenderCircle(context, stay->circle, {section, form_member, &form, &e, ""});
    });
  };
}

// Where a form posted about a stay leads on success: the page of the circle the app answered with,
// with `saved`.
auto BackToCircleOf(std::string saved) {
  return [saved = std::move(saved)](std::int64_t, std::int64_t circle_id) {
    return CircleHref(circle_id) + saved;
  };
}

// Describes a failing gate condition in the reader's language.
domain::GateDescriber GateDescriber(const Context& context) {
  return [&context](const domain::GateFailure& failure) {
    return DescribeGateFailure(context, failure);
  };
}

// The details form of circle `circle_id`, saved.
Result<std::int64_t> SaveDetails(Context& context, std::int64_t circle_id, const Form& form) {
  const auto details = ReadCircleDetails(form);
  if (!details) {
    // A closed circle says so before the form's own error, as it refuses any change.
    const auto circle =
        app::circles::LoadManagedCircle(context.services.app, context.signed_in(), circle_id);
    return circle && circle->closed() ? app::circles::ClosedCircle() : details.error();
  }
  return app::circles::UpdateDetails(context.services.app, context.signed_in(),
                                     {.circle_id = circle_id, .details = *details});
}

// The covenant checklist of circle `circle_id`: everyone ticked ("core_member", "volunteer:{id}")
// signed on the one day given, recorded together.
Result<int> Sign(Context& context, std::int64_t circle_id, const Form& form) {
  app::circles::SignaturesCommand command{.circle_id = circle_id,
                                          .signed_on = ParseIsoDate(form.Get("signed_on"))};
  for (const auto& who : form.All("signatory")) {
    if (who == "core_member") {
      command.signers.push_back({domain::Signatory::kCoreMember, std::nullopt});
    } else if (const auto id =
                   who.starts_with("volunteer:") ? ParseId(who.substr(10)) : std::nullopt) {
      command.signers.push_back({domain::Signatory::kVolunteer, id});
    } else {
      command.unreadable = true;
    }
  }
  return app::circles::RecordSignatures(context.services.app, context.signed_in(), command);
}

// The volunteers ticked on the suggestions page, and the primary one among them. A lone proposal
// may say "primary=1" for its volunteer, as the one-volunteer form did.
app::circles::ProposeCommand ParseProposal(const Context& context, std::int64_t circle_id,
                                           const Form& form) {
  app::circles::ProposeCommand command{.circle_id = circle_id,
                                       .describe_gate_failure = GateDescriber(context)};
  for (const auto& value : form.All("volunteer")) {
    if (const auto id = ParseId(value)) {
      command.volunteer_ids.push_back(*id);
    } else if (!value.empty()) {
      command.unreadable = true;
    }
  }
  const std::string primary = form.Get("primary");
  if (primary == "1" && command.volunteer_ids.size() == 1) {
    command.primary_id = command.volunteer_ids.front();
  } else if (!primary.empty()) {
    command.primary_id = ParseId(primary);
    if (!command.primary_id) command.unreadable = true;
  }
  return command;
}

}  // namespace

std::function<Response(std::int64_t, const Form&, const Error&)> ShowAgainIn(Context& context,
                                                                             std::string section) {
  return [&context, section = std::move(section)](std::int64_t circle_id, const Form& form,
                                                  const Error& error) {
    return RefusedOnCircle(
        context, circle_id, error, [&](const domain::Circle& circle, const Error& refused) {
          return RenderCircle(context, circle, {section, 0, &form, &refused, ""});
        });
  };
}

CivilDate OpenedOn(Context& context, const domain::Circle& circle) {
  return app::circles::OpenedOn(context.services.app, circle);
}

Response UpdateDetails(Context& context) {
  return PostCircleForm(context, "details", "?saved=details#details", SaveDetails);
}

Response AddMember(Context& context) {
  return PostForm(
      context, "circle",
      [&](std::int64_t id, const Form& form) {
        return app::circles::ProposeVolunteers(context.services.app, context.signed_in(),
                                               ParseProposal(context, id, form));
      },
      [&](std::int64_t id, const Form& form, const Error& error) {
        return RefusedOnCircle(context, id, error,
                               [&](const domain::Circle& circle, const Error& refused) {
                                 return RenderSuggestions(context, circle, &form, &refused);
                               });
      },
      BackToCircle("?saved=member#next-step"));
}

Response MakePrimary(Context& context) {
  return PostForm(
      context, "circle_member",
      [&](std::int64_t id, const Form&) {
        return app::circles::MakePrimary(context.services.app, context.signed_in(), id);
      },
      ShowAgainOnStay(context, ""), BackToCircleOf("?saved=details#members"));
}

Response LeaveCircle(Context& context) {
  return PostForm(
      context, "circle_member",
      [&](std::int64_t id, const Form& form) {
        return app::circles::Leave(context.services.app, context.signed_in(),
                                   {.member_id = id,
                                    .left_on = ParseIsoDate(form.Get("left_on")),
                                    .reason = form.Get("left_reason")});
      },
      ShowAgainOnStay(context, "leave"), BackToCircleOf("?saved=left#members"));
}

Response ReplaceMember(Context& context) {
  return PostForm(
      context, "circle_member",
      [&](std::int64_t id, const Form& form) {
        return app::circles::Replace(context.services.app, context.signed_in(),
                                     {.member_id = id,
                                      .volunteer_id = ParseId(form.Get("volunteer")),
                                      .reason = form.Get("reason"),
                                      .describe_gate_failure = GateDescriber(context)});
      },
      ShowAgainOnStay(context, "replace"),
      [](std::int64_t, const app::circles::Joined& joined) {
        return CircleHref(joined.circle_id) + "?saved=member#members";
      });
}

Response ChangePhase(Context& context) {
  return PostForm(
      context, "circle",
      [&](std::int64_t id, const Form& form) {
        return app::circles::ChangePhase(
            context.services.app, context.signed_in(),
            {.circle_id = id,
             .to = domain::ParseEnum<domain::CirclePhase>(form.Get("to")),
             .decided_on = ParseIsoDate(form.Get("decided_on")),
             .reason = form.Get("reason"),
             .covenant_body = form.Get("covenant_body"),
             .meeting_id = ParseId(form.Get("meeting"))});
      },
      ShowAgainIn(context, "phase"),
      [](std::int64_t id, const app::circles::PhaseChanged& changed) {
        return CircleHref(id) +
               (changed.first_start ? "?saved=started#next-step" : "?saved=phase#phase");
      });
}

Response AmendCovenant(Context& context) {
  return PostCircleForm(
      context, "covenant", "?saved=covenant#covenant",
      [](Context& context, std::int64_t id, const Form& form) {
        return app::circles::AmendCovenant(
            context.services.app, context.signed_in(),
            {.circle_id = id, .body = form.Get("body"), .note = form.Get("note")});
      });
}

Response SignCovenant(Context& context) {
  return PostCircleForm(context, "sign", "?saved=signed#next-step", Sign);
}

Response RecordReview(Context& context) {
  return PostCircleForm(
      context, "review", "?saved=review#reviews",
      [](Context& context, std::int64_t id, const Form& form) {
        return app::circles::RecordReview(
            context.services.app, context.signed_in(),
            {.circle_id = id,
             .kind = domain::ParseEnum<domain::ReviewKind>(form.Get("kind")),
             .held_on = ParseIsoDate(form.Get("held_on")),
             .participants = form.Get("participants"),
             .outcome = form.Get("outcome"),
             .decisions = form.Get("decisions"),
             .renewal = domain::ParseEnum<domain::RenewalDecision>(form.Get("renewal"))});
      });
}

Response Close(Context& context) {
  return PostCircleForm(
      context, "close", "?saved=closed", [](Context& context, std::int64_t id, const Form& form) {
        return app::circles::Close(
            context.services.app, context.signed_in(),
            {.circle_id = id,
             .reason = domain::ParseEnum<domain::ClosureReason>(form.Get("closure_reason")),
             .closed_on = ParseIsoDate(form.Get("closed_on")),
             .note = form.Get("closing_note")});
      });
}

}  // namespace cercle::web::pages::circles
