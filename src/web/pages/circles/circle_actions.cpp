// What coordinators change on a circle: its details, its members (every addition through the
// volunteer gate), its phase with the covenant amendment it prompts, its covenant and signatures,
// its reviews, and its closure. Each change is audited in its transaction; a refused form comes
// back with what was typed.
#include "auth/policies/circle_policy.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/circle_formation.hpp"
#include "domain/circle_reviews.hpp"
#include "store/circle_review_store.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/meeting_store.hpp"
#include "store/settings_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_membership.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pages/circles/circle_view.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

// The refused form of `section`, shown again on the circle page.
Response Refused(Context& context, const domain::Circle& circle, const std::string& section,
                 const Form& form, const Error& error, std::int64_t member_id = 0) {
  return RenderCircle(context, circle, {section, member_id, &form, &error, ""});
}

// The stay named by the {id} path parameter and its circle, when the actor may manage the circle.
struct ManagedStay {
  domain::CircleMember member;
  domain::Circle circle;
};

std::optional<ManagedStay> FindManagedStay(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto& actor = context.signed_in();
  if (!id || !auth::policies::CirclePolicy::CanManage(actor)) return std::nullopt;
  const auto member = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::CircleStore(session).FindMember(*id, *actor.organisation_id);
  });
  if (!member) return std::nullopt;
  const auto circle = FindManagedCircle(context, member->circle_id);
  if (!circle) return std::nullopt;
  return ManagedStay{*member, *circle};
}

// A change to a closed circle is refused: it is read-only.
const Error& ClosedCircle() {
  static const Error error = Error::Conflict(N_("This circle is closed: it can no longer change."));
  return error;
}

}  // namespace

domain::CivilDate OpenedOn(Context& context, const domain::Circle& circle) {
  return LocalDay(context, circle.created_at);
}

Response UpdateDetails(Context& context) {
  auto circle = FindManagedCircle(context);
  if (!circle) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  if (circle->closed()) return Refused(context, *circle, "details", form, ClosedCircle());
  const auto profile = domain::ParseOffenceProfile(form.Get("offence_profile"));
  if (!form.Get("offence_profile").empty() && !profile) {
    return Refused(
        context, *circle, "details", form,
        Error::Fields({{"offence_profile", {N_("Choose an offence profile from the list."), {}}}}));
  }
  circle->offence_profile = profile;
  circle->meeting_times = SlotsOf(form, "meeting_times");
  const auto& actor = context.signed_in();
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::CircleStore(session).UpdateDetails(*circle, context.services.clock.Now());
    Audit(context, session, "circle.update", "circle", circle->id);
    return {};
  });
  return Response::Redirect(CircleHref(circle->id) + "?saved=details#details");
}

Response AddMember(Context& context) {
  const auto circle = FindManagedCircle(context);
  if (!circle) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const auto volunteer = ParseId(form.Get("volunteer"));
  if (!volunteer) {
    const Error error =
        Error::Fields({{"volunteer", {N_("Choose a volunteer from the list."), {}}}});
    return RenderSuggestions(context, *circle, &form, &error);
  }
  Joining joining;
  // A circle being formed receives proposals; one already meeting receives a direct addition. Both
  // go through the gate.
  joining.path = circle->phase == domain::CirclePhase::kForming ? domain::JoinPath::kProposal
                                                                : domain::JoinPath::kDirectAdd;
  joining.volunteer_id = *volunteer;
  joining.primary = form.Get("primary") == "1";
  const auto joined = context.services.database.Write(
      context.signed_in().scope(), [&](soci::session& session) -> Result<std::int64_t> {
        return JoinCircle(context, session, *circle, joining);
      });
  if (!joined) return RenderSuggestions(context, *circle, &form, &joined.error());
  return Response::Redirect(CircleHref(circle->id) + "?saved=member#members");
}

Response MakePrimary(Context& context) {
  const auto stay = FindManagedStay(context);
  if (!stay) return Deny(context, "circle_member", context.Parameter("id"));
  const Form form(context.request);
  if (stay->circle.closed()) return Refused(context, stay->circle, "", form, ClosedCircle());
  if (!stay->member.current()) {
    return Refused(context, stay->circle, "", form,
                   Error::Conflict(N_("This volunteer has already left the circle.")));
  }
  const auto& actor = context.signed_in();
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::CircleStore(session).SetPrimary(stay->circle.id, stay->circle.organisation_id,
                                           stay->member.id);
    Audit(context, session, "circle.member_primary", "circle", stay->circle.id);
    return {};
  });
  return Response::Redirect(CircleHref(stay->circle.id) + "?saved=details#members");
}

Response LeaveCircle(Context& context) {
  const auto stay = FindManagedStay(context);
  if (!stay) return Deny(context, "circle_member", context.Parameter("id"));
  const Form form(context.request);
  if (stay->circle.closed())
    return Refused(context, stay->circle, "leave", form, ClosedCircle(), stay->member.id);
  const auto left_on = domain::ParseIsoDate(form.Get("left_on"));
  const std::string reason = domain::volunteer_text::Trimmed(form.Get("left_reason"));
  if (auto checked = domain::CheckLeaving(stay->member, left_on, reason, Today(context));
      !checked) {
    return Refused(context, stay->circle, "leave", form, checked.error(), stay->member.id);
  }
  const auto& actor = context.signed_in();
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (!store::CircleStore(session).EndMember(stay->member.id, stay->circle.organisation_id,
                                                   *left_on, reason)) {
          return Error::Conflict(N_("This volunteer has already left the circle."));
        }
        Audit(context, session, "circle.member_leave", "circle", stay->circle.id);
        return {};
      });
  if (!done) return Refused(context, stay->circle, "leave", form, done.error(), stay->member.id);
  return Response::Redirect(CircleHref(stay->circle.id) + "?saved=left#members");
}

Response ReplaceMember(Context& context) {
  const auto stay = FindManagedStay(context);
  if (!stay) return Deny(context, "circle_member", context.Parameter("id"));
  const Form form(context.request);
  const auto volunteer = ParseId(form.Get("volunteer"));
  const std::string reason = domain::volunteer_text::Trimmed(form.Get("reason"));
  std::vector<FieldError> errors;
  if (!volunteer) errors.push_back({"volunteer", {N_("Choose a volunteer from the list."), {}}});
  if (reason.empty()) {
    errors.push_back({"reason", {N_("Say why the volunteer leaves the circle."), {}}});
  } else if (domain::volunteer_text::CharacterCount(reason) > domain::kMaxCircleNoteLength) {
    errors.push_back({"reason", {N_("Use at most {count} characters."), {{"count", "2000"}}}});
  }
  if (!errors.empty()) {
    return Refused(context, stay->circle, "replace", form, Error::Fields(std::move(errors)),
                   stay->member.id);
  }
  Joining joining;
  joining.path = domain::JoinPath::kReplacement;
  joining.volunteer_id = *volunteer;
  joining.primary = stay->member.primary;
  joining.replacing_member_id = stay->member.id;
  joining.reason = reason;
  const auto joined = context.services.database.Write(
      context.signed_in().scope(), [&](soci::session& session) -> Result<std::int64_t> {
        return JoinCircle(context, session, stay->circle, joining);
      });
  if (!joined)
    return Refused(context, stay->circle, "replace", form, joined.error(), stay->member.id);
  return Response::Redirect(CircleHref(stay->circle.id) + "?saved=member#members");
}

Response ChangePhase(Context& context) {
  const auto circle = FindManagedCircle(context);
  if (!circle) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const auto today = Today(context);
  const auto to = domain::ParsePhase(form.Get("to"));
  if (!to || *to == domain::CirclePhase::kClosed) {
    return Refused(context, *circle, "phase", form,
                   Error::Fields({{"to", {N_("Choose the new phase."), {}}}}));
  }
  if (auto allowed = domain::CheckPhaseChange(circle->phase, *to); !allowed) {
    return Refused(context, *circle, "phase", form,
                   Error::Fields({{"to", allowed.error().message}}));
  }
  const auto decided_on = domain::ParseIsoDate(form.Get("decided_on"));
  const std::string reason = domain::volunteer_text::Trimmed(form.Get("reason"));
  if (auto checked =
          domain::CheckPhaseDecision(decided_on, reason, OpenedOn(context, *circle), today);
      !checked) {
    return Refused(context, *circle, "phase", form, checked.error());
  }
  const bool first_start = circle->phase == domain::CirclePhase::kForming;
  const std::string body = form.Get("covenant_body");
  if (!first_start) {
    if (auto checked = domain::CheckCovenantText(body, ""); !checked) {
      return Refused(context, *circle, "phase", form,
                     Error::Fields({{"covenant_body", checked.error().fields.front().message}}));
    }
  }
  const auto meeting_id = ParseId(form.Get("meeting"));
  const auto& actor = context.signed_in();
  const std::int64_t organisation = circle->organisation_id;
  const Instant now = context.services.clock.Now();
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        store::CircleStore circles(session);
        if (meeting_id) {
          const auto meeting = store::MeetingStore(session).Find(*meeting_id, organisation);
          if (!meeting || meeting->meeting.circle_id != circle->id) {
            return Error::Fields({{"meeting", {N_("Choose a meeting of this circle."), {}}}});
          }
        }
        if (first_start && domain::IsActivePhase(*to)) {
          // The first active phase: within the size limits, and the current covenant signed by
          // everyone.
          const auto members = circles.Members(circle->id, organisation);
          const auto versions = circles.CovenantVersions(circle->id, organisation);
          const auto signatures = circles.Signatures(circle->id, organisation);
          std::map<std::int64_t, std::string> names;
          store::VolunteerStore volunteers(session);
          for (const auto& member : members) {
            if (const auto volunteer = volunteers.Find(member.volunteer_id, organisation)) {
              names[member.volunteer_id] = volunteer->FullName();
            }
          }
          const auto settings = CircleSettingsOf(store::SettingsStore(session).Load(organisation));
          const auto signed_by =
              versions.empty()
                  ? domain::CovenantSignatures{}
                  : domain::SignaturesOf(versions.back().id, signatures, members, names);
          TRY(domain::CheckStart(members, settings.minimum, settings.maximum, signed_by,
                                 !versions.empty()));
        }
        domain::Circle moved = *circle;
        moved.phase = *to;
        moved.phase_since = *decided_on;
        if (!moved.started_on && domain::IsActivePhase(*to)) moved.started_on = *decided_on;
        if (!circles.MovePhase(moved, circle->phase, now)) {
          return Error::Conflict(
              N_("Someone changed this circle meanwhile. Check its phase and try again."));
        }
        domain::PhaseChange change;
        change.circle_id = circle->id;
        change.from = circle->phase;
        change.to = *to;
        change.decided_on = *decided_on;
        change.meeting_id = meeting_id;
        change.reason = reason;
        change.decided_by = actor.user_id;
        change.recorded_at = now;
        const auto change_id = circles.InsertPhaseChange(change, organisation);
        if (!first_start) {
          domain::CovenantVersion amendment;
          amendment.organisation_id = organisation;
          amendment.circle_id = circle->id;
          amendment.body = domain::volunteer_text::Trimmed(body);
          amendment.note =
              context.Format({N_("Phase change: {from} → {to}"),
                              {{"from", context.Translate(domain::PhaseLabel(circle->phase))},
                               {"to", context.Translate(domain::PhaseLabel(*to))}}});
          amendment.phase_change_id = change_id;
          amendment.created_by = actor.user_id;
          amendment.created_at = now;
          circles.InsertCovenantVersion(amendment);
        }
        if (first_start && domain::IsActivePhase(*to)) {
          // The core member's file follows: he is in a circle now.
          store::CoreMemberStore core_members(session);
          if (const auto core_member = core_members.Find(circle->core_member_id, organisation)) {
            const auto moves = domain::AllowedCoreMemberMoves(core_member->status);
            if (std::find(moves.begin(), moves.end(), domain::CoreMemberStatus::kInCircle) !=
                moves.end()) {
              core_members.SetStatus(
                  *core_member, domain::CoreMemberStatus::kInCircle,
                  context.Format({N_("{circle} started."), {{"circle", circle->code_name}}}),
                  std::nullopt, actor.user_id, now);
            }
          }
        }
        Audit(context, session, "circle.phase", "circle", circle->id);
        return {};
      });
  if (!done) return Refused(context, *circle, "phase", form, done.error());
  return Response::Redirect(CircleHref(circle->id) +
                            (first_start ? "?saved=started#phase" : "?saved=phase#phase"));
}

Response AmendCovenant(Context& context) {
  const auto circle = FindManagedCircle(context);
  if (!circle) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  if (circle->closed()) return Refused(context, *circle, "covenant", form, ClosedCircle());
  if (auto checked = domain::CheckCovenantText(form.Get("body"), form.Get("note")); !checked) {
    return Refused(context, *circle, "covenant", form, checked.error());
  }
  const auto& actor = context.signed_in();
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    domain::CovenantVersion version;
    version.organisation_id = circle->organisation_id;
    version.circle_id = circle->id;
    version.body = domain::volunteer_text::Trimmed(form.Get("body"));
    version.note = domain::volunteer_text::Trimmed(form.Get("note"));
    if (version.note.empty()) version.note = context.Translate(N_("Amendment"));
    version.created_by = actor.user_id;
    version.created_at = context.services.clock.Now();
    store::CircleStore(session).InsertCovenantVersion(version);
    Audit(context, session, "circle.covenant_amend", "circle", circle->id);
    return {};
  });
  return Response::Redirect(CircleHref(circle->id) + "?saved=covenant#covenant");
}

Response SignCovenant(Context& context) {
  const auto circle = FindManagedCircle(context);
  if (!circle) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  if (circle->closed()) return Refused(context, *circle, "sign", form, ClosedCircle());
  const std::string who = form.Get("signatory");
  domain::CovenantSignature signature;
  signature.organisation_id = circle->organisation_id;
  if (who == "core_member") {
    signature.signatory = domain::Signatory::kCoreMember;
  } else if (who.starts_with("volunteer:") && ParseId(who.substr(10))) {
    signature.signatory = domain::Signatory::kVolunteer;
    signature.volunteer_id = ParseId(who.substr(10));
  } else {
    return Refused(context, *circle, "sign", form,
                   Error::Fields({{"signatory", {N_("Choose who signed."), {}}}}));
  }
  const auto signed_on = domain::ParseIsoDate(form.Get("signed_on"));
  if (!signed_on) {
    return Refused(
        context, *circle, "sign", form,
        Error::Fields({{"signed_on", {N_("Enter a real date, such as 1980-05-31."), {}}}}));
  }
  signature.signed_on = *signed_on;
  const auto& actor = context.signed_in();
  signature.recorded_by = actor.user_id;
  signature.recorded_at = context.services.clock.Now();
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        store::CircleStore circles(session);
        const auto versions = circles.CovenantVersions(circle->id, circle->organisation_id);
        if (versions.empty())
          return Error::Invalid(N_("The circle needs a covenant before its first active phase."));
        signature.version_id = versions.back().id;
        TRY(domain::CheckSignature(signature,
                                   circles.Signatures(circle->id, circle->organisation_id),
                                   circles.Members(circle->id, circle->organisation_id),
                                   LocalDay(context, versions.back().created_at), Today(context)));
        circles.InsertSignature(signature);
        Audit(context, session, "circle.covenant_sign", "circle", circle->id);
        return {};
      });
  if (!done) return Refused(context, *circle, "sign", form, done.error());
  return Response::Redirect(CircleHref(circle->id) + "?saved=signed#covenant");
}

Response RecordReview(Context& context) {
  const auto circle = FindManagedCircle(context);
  if (!circle) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  if (circle->closed()) return Refused(context, *circle, "review", form, ClosedCircle());
  if (!circle->started_on) {
    return Refused(context, *circle, "review", form,
                   Error::Invalid(N_("A circle is reviewed once it has started.")));
  }
  domain::CircleReview review;
  review.organisation_id = circle->organisation_id;
  review.circle_id = circle->id;
  const auto kind = domain::ParseReviewKind(form.Get("kind"));
  const auto held_on = domain::ParseIsoDate(form.Get("held_on"));
  std::vector<FieldError> errors;
  if (!kind) errors.push_back({"kind", {N_("Choose a review or the yearly renewal."), {}}});
  if (!held_on) errors.push_back({"held_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
  if (!errors.empty())
    return Refused(context, *circle, "review", form, Error::Fields(std::move(errors)));
  review.kind = *kind;
  review.held_on = *held_on;
  review.participants = form.Get("participants");
  review.outcome = form.Get("outcome");
  review.decisions = form.Get("decisions");
  review.renewal = domain::ParseRenewalDecision(form.Get("renewal"));
  if (auto checked = domain::CheckReview(review, *circle->started_on, Today(context)); !checked) {
    return Refused(context, *circle, "review", form, checked.error());
  }
  const auto& actor = context.signed_in();
  review.recorded_by = actor.user_id;
  review.recorded_at = context.services.clock.Now();
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::CircleReviewStore(session).Insert(review);
    Audit(context, session, "circle.review", "circle", circle->id);
    return {};
  });
  return Response::Redirect(CircleHref(circle->id) + "?saved=review#reviews");
}

Response Close(Context& context) {
  const auto circle = FindManagedCircle(context);
  if (!circle) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  if (circle->closed()) return Refused(context, *circle, "close", form, ClosedCircle());
  const auto reason = domain::ParseClosureReason(form.Get("closure_reason"));
  const auto closed_on = domain::ParseIsoDate(form.Get("closed_on"));
  const std::string note = domain::volunteer_text::Trimmed(form.Get("closing_note"));
  if (auto checked =
          domain::CheckClosure(reason, note, closed_on, OpenedOn(context, *circle), Today(context));
      !checked) {
    return Refused(context, *circle, "close", form, checked.error());
  }
  const auto& actor = context.signed_in();
  const std::int64_t organisation = circle->organisation_id;
  const Instant now = context.services.clock.Now();
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        store::CircleStore circles(session);
        domain::Circle closed = *circle;
        closed.phase = domain::CirclePhase::kClosed;
        closed.phase_since = *closed_on;
        closed.closed_on = *closed_on;
        closed.closure_reason = *reason;
        closed.closing_note = note;
        if (!circles.MovePhase(closed, circle->phase, now)) {
          return Error::Conflict(
              N_("Someone changed this circle meanwhile. Check its phase and try again."));
        }
        domain::PhaseChange change;
        change.circle_id = circle->id;
        change.from = circle->phase;
        change.to = domain::CirclePhase::kClosed;
        change.decided_on = *closed_on;
        change.reason = context.Translate(domain::ClosureReasonLabel(*reason));
        change.decided_by = actor.user_id;
        change.recorded_at = now;
        circles.InsertPhaseChange(change, organisation);
        // The core member's file follows: a man whose circle ends is between circles until the
        // coordinator decides otherwise.
        store::CoreMemberStore core_members(session);
        if (const auto core_member = core_members.Find(circle->core_member_id, organisation);
            core_member && core_member->status == domain::CoreMemberStatus::kInCircle) {
          core_members.SetStatus(
              *core_member, domain::CoreMemberStatus::kBetweenCircles,
              context.Format(
                  {N_("{circle} closed: {reason}"),
                   {{"circle", circle->code_name},
                    {"reason", context.Translate(domain::ClosureReasonLabel(*reason))}}}),
              std::nullopt, actor.user_id, now);
        }
        Audit(context, session, "circle.close", "circle", circle->id);
        return {};
      });
  if (!done) return Refused(context, *circle, "close", form, done.error());
  return Response::Redirect(CircleHref(circle->id) + "?saved=closed");
}

}  // namespace cercle::web::pages::circles
