#include "app/drafts/drafts.hpp"

#include <algorithm>

#include "app/circles/portal_circle.hpp"
#include "app/concerns/concern_raise.hpp"
#include "base/text.hpp"
#include "store/draft_store.hpp"
#include "store/session_store.hpp"

namespace cercle::app::drafts {
namespace {

using domain::DraftForm;

// Ok when the actor may fill `form` for record `target_id` now; NotFound otherwise. Each form's
// own page query decides, without recording a view: saving a draft shows nothing.
Status MayFill(const Services& services, const auth::Actor& actor, DraftForm form,
               std::int64_t target_id) {
  using app::circles::ViewAudit;
  switch (form) {
    case DraftForm::kMinutes: {
      const auto page =
          TRY(app::circles::LoadPortalMeeting(services, actor, target_id, ViewAudit::kSkip));
      if (!page.may_write) return Error::NotFound();
      return {};
    }
    case DraftForm::kContact: {
      const auto page =
          TRY(app::circles::LoadPortalCircle(services, actor, target_id, ViewAudit::kSkip));
      if (!page.can_log) return Error::NotFound();
      return {};
    }
    case DraftForm::kConcern:
    case DraftForm::kStaffConcern: {
      const auto raiser = form == DraftForm::kConcern ? app::concerns::Raiser::kVolunteer
                                                      : app::concerns::Raiser::kStaff;
      TRY(app::concerns::LoadRaisePage(services, actor, raiser, target_id, std::nullopt));
      return {};
    }
  }
  return Error::NotFound();
}

}  // namespace

Result<Instant> SaveDraft(const Services& services, const auth::Actor& actor,
                          const SaveCommand& command) {
  if (!actor.organisation_id) return Error::NotFound();
  if (CharacterCount(command.fields) > domain::kDraftMaximumCharacters) {
    return Error::Invalid(N_("This draft is too long to be kept. Send the form, or shorten it."));
  }
  TRY(MayFill(services, actor, command.form, command.target_id));
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<Instant> {
    store::DraftStore drafts(unit.session());
    drafts.DeleteSavedAtOrBefore(*actor.organisation_id, unit.now() - domain::kDraftKeep);
    const bool created = drafts.Save({.organisation_id = *actor.organisation_id,
                                      .user_id = actor.user_id,
                                      .form = command.form,
                                      .target_id = command.target_id,
                                      .fields = command.fields,
                                      .saved_at = unit.now()});
    if (created) {
      Audit(services, unit, actor,
            {"draft.save", std::string(domain::NameOf(command.form)),
             std::to_string(command.target_id)});
    }
    return unit.now();
  });
}

std::optional<domain::FormDraft> FindDraft(const Services& services, const auth::Actor& actor,
                                           DraftForm form, std::int64_t target_id) {
  if (!actor.organisation_id) return std::nullopt;
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    // Older drafts wait for the next save's clean-up, but are never shown.
    return store::DraftStore(unit.session())
        .Find(*actor.organisation_id, actor.user_id, form, target_id,
              unit.now() - domain::kDraftKeep + std::chrono::seconds(1));
  });
}

Status DiscardDraft(const Services& services, const auth::Actor& actor, DraftForm form,
                    std::int64_t target_id) {
  if (!actor.organisation_id) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    if (!store::DraftStore(unit.session())
             .Delete(*actor.organisation_id, actor.user_id, form, target_id)) {
      return Error::NotFound();
    }
    Audit(services, unit, actor,
          {"draft.discard", std::string(domain::NameOf(form)), std::to_string(target_id)});
    return {};
  });
}

void DeleteSentDraft(const store::Unit& unit, const auth::Actor& actor, DraftForm form,
                     std::int64_t target_id) {
  if (!actor.organisation_id) return;
  store::DraftStore(unit.session()).Delete(*actor.organisation_id, actor.user_id, form, target_id);
}

Instant KeepSignedIn(const Services& services, const auth::Actor& actor) {
  // Sessions are not an organisation's records: they live in the system scope, as the
  // authenticator reads and touches them.
  return Write(services, store::Scope::System(),
               [&](store::Unit& unit) -> Result<Instant> {
                 store::SessionStore(unit.session()).Touch(actor.session_id, unit.now());
                 return std::min(unit.now() + std::chrono::seconds(actor.session_idle_seconds),
                                 actor.session_expires_at);
               })
      .value();
}

}  // namespace cercle::app::drafts
