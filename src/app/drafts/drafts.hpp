#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/form_draft.hpp"
#include "store/unit.hpp"

// Drafts of the minutes, contact and concern forms (domain/form_draft.hpp): saved as their author
// types, shown again when the form is opened (after a new sign-in too), deleted when the form is
// sent or discarded, and kept 30 days at most. A draft is its author's alone: every function reads
// and writes the actor's own drafts only, in the actor's organisation.
namespace cercle::app::drafts {

// A draft as its form sends it.
struct SaveCommand {
  domain::DraftForm form = domain::DraftForm::kMinutes;
  std::int64_t target_id = 0;
  std::string fields;  // a JSON array of [name, value] pairs, made by the web layer
};

// Stores the actor's draft of `command.form` for its record, replacing the earlier one, and
// deletes the organisation's drafts older than domain::kDraftKeep. NotFound when the actor may not
// fill that form now (the same answer as the form itself: another's meeting, a circle they are not
// on, minutes already written…); Invalid past domain::kDraftMaximumCharacters, nothing stored.
// The first save of a draft is audited ("draft.save"), not each of the saves that follow.
Result<Instant> SaveDraft(const Services& services, const auth::Actor& actor,
                          const SaveCommand& command);

// The actor's kept draft of `form` for record `target_id`, if any.
std::optional<domain::FormDraft> FindDraft(const Services& services, const auth::Actor& actor,
                                           domain::DraftForm form, std::int64_t target_id);

// Deletes the actor's draft of `form` for record `target_id` (audited "draft.discard"); NotFound
// when the actor has none.
Status DiscardDraft(const Services& services, const auth::Actor& actor, domain::DraftForm form,
                    std::int64_t target_id);

// Deletes the actor's draft of `form` for record `target_id` inside `unit`, the transaction that
// stores the form it drafted, so that a sent form leaves no draft behind.
void DeleteSentDraft(const store::Unit& unit, const auth::Actor& actor, domain::DraftForm form,
                     std::int64_t target_id);

// Keeps the actor's session alive from now, as the "stay signed in" button of the idle notice
// asks: its idle limit counts again from now. Returns when it now ends unless a request comes first
// (never past its absolute limit).
Instant KeepSignedIn(const Services& services, const auth::Actor& actor);

}  // namespace cercle::app::drafts
