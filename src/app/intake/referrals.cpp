#include "app/intake/referrals.hpp"

#include <algorithm>

#include "auth/policies/core_member_policy.hpp"
#include "base/folding.hpp"
#include "store/core_member_store.hpp"
#include "store/referral_store.hpp"

namespace cercle::app::intake {
namespace {

using auth::policies::ReferralPolicy;

constexpr const char* kObjectType = "referral";

// The referral `id` read in `unit`, when the actor may see it.
Result<domain::Referral> FindVisible(store::Unit& unit, const auth::Actor& actor, std::int64_t id) {
  if (!ReferralPolicy::CanList(actor)) return Error::NotFound();
  auto referral = store::ReferralStore(unit.session()).Find(id, *actor.organisation_id);
  if (!referral || !ReferralPolicy::CanView(actor, referral->organisation_id))
    return Error::NotFound();
  return *referral;
}

// The referral `id` read in `unit`, when the actor may change it.
Result<domain::Referral> FindChangeable(store::Unit& unit, const auth::Actor& actor,
                                        std::int64_t id) {
  auto referral = TRY(FindVisible(unit, actor, id));
  if (!ReferralPolicy::CanChange(actor, referral.organisation_id)) return Error::NotFound();
  return referral;
}

Error Decided() {
  return Error::Conflict(N_("This referral is decided: its details no longer change."));
}

// The referral `details` describe over `referral`, or the field errors of the form and the rule.
Result<domain::Referral> ReadReferral(domain::Referral referral, const ReferralDetails& details,
                                      CivilDate today) {
  referral.source = details.source;
  referral.source_other =
      details.source == domain::ReferralSource::kOther ? details.source_other : "";
  referral.referrer_name = details.referrer_name;
  referral.referrer_organisation = details.referrer_organisation;
  referral.referrer_contact = details.referrer_contact;
  referral.received_on = details.received_on.value_or(today);
  referral.person_legal_name = details.person_legal_name;
  referral.person_preferred_name = details.person_preferred_name;
  referral.person_birth_date = details.person_birth_date;
  referral.summary = details.summary;
  TRY(Combine(details.field_errors, domain::CheckReferral(referral, today)));
  return referral;
}

// The criteria ticked in `command`, with the retired ones the referral already met; field errors
// for a value that is no active criterion.
Result<std::vector<std::int64_t>> Answers(store::Unit& unit, const domain::Referral& referral,
                                          const ChecklistAnswers& command) {
  const auto criteria = store::EligibilityStore(unit.session()).List(referral.organisation_id);
  const Error refused =
      Error::Fields({{"checklist", {N_("Choose among the criteria shown."), {}}}});
  if (!command.field_errors.empty()) return refused;
  std::vector<std::int64_t> met;
  for (const auto id : command.met) {
    const bool active = std::any_of(criteria.begin(), criteria.end(), [&](const auto& criterion) {
      return criterion.id == id && criterion.active();
    });
    if (!active) return refused;
    if (std::find(met.begin(), met.end(), id) == met.end()) met.push_back(id);
  }
  // Retired criteria keep the answers they had: they are no longer on the form.
  for (const auto id :
       store::ReferralStore(unit.session()).MetCriteria(referral.id, referral.organisation_id)) {
    const bool retired = std::any_of(criteria.begin(), criteria.end(), [&](const auto& criterion) {
      return criterion.id == id && !criterion.active();
    });
    if (retired) met.push_back(id);
  }
  return met;
}

}  // namespace

bool MayCreateReferral(const auth::Actor& actor) { return ReferralPolicy::CanCreate(actor); }

Result<ReferralList> LoadReferralList(const Services& services, const auth::Actor& actor,
                                      const ReferralListQuery& query) {
  if (!ReferralPolicy::CanList(actor)) return Error::NotFound();
  store::ReferralFilter filter;
  filter.status = query.status;
  filter.open_only = query.open_only;
  auto list = Read(services, actor.scope(), [&](store::Unit& unit) {
    store::ReferralStore store(unit.session());
    ReferralList page;
    page.total = store.Count(*actor.organisation_id, filter);
    page.page = ClampPage(query.page, page.total);
    filter.limit = static_cast<int>(query.page.size);
    filter.offset = (page.page - 1) * query.page.size;
    page.referrals = store.List(*actor.organisation_id, filter);
    return page;
  });
  AuditView(services, actor, {"referral.list", kObjectType, ""});
  return list;
}

Result<ReferralPage> LoadReferralPage(const Services& services, const auth::Actor& actor,
                                      std::int64_t id) {
  auto page = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<ReferralPage> {
    const std::int64_t organisation = *actor.organisation_id;
    ReferralPage data;
    data.referral = TRY(FindVisible(unit, actor, id));
    store::ReferralStore referrals(unit.session());
    data.criteria = store::EligibilityStore(unit.session()).List(organisation);
    data.met = referrals.MetCriteria(id, organisation);
    data.history = referrals.History(id, organisation);
    if (data.referral.core_member_id) {
      data.file =
          store::CoreMemberStore(unit.session()).Find(*data.referral.core_member_id, organisation);
    }
    data.documents =
        store::DocumentStore(unit.session()).ListForOwner(organisation, kObjectType, id);
    return data;
  }));
  AuditView(services, actor, {"referral.view", kObjectType, std::to_string(id)});
  page.users = LoadUsers(services, actor);
  page.viewers = LoadViewers(services, actor, "referral.view", kObjectType, id);
  return page;
}

Result<domain::Referral> LoadReferralForm(const Services& services, const auth::Actor& actor,
                                          std::int64_t id, Viewing record) {
  auto referral = TRY(Read(services, actor.scope(),
                           [&](store::Unit& unit) { return FindChangeable(unit, actor, id); }));
  if (domain::IsDecided(referral.status)) return Decided();
  if (record == Viewing::kRecorded)
    AuditView(services, actor, {"referral.view", kObjectType, std::to_string(id)});
  return referral;
}

Result<std::int64_t> CreateReferral(const Services& services, const auth::Actor& actor,
                                    const ReferralDetails& details) {
  if (!ReferralPolicy::CanCreate(actor)) return Error::NotFound();
  const auto today = services.Today();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    domain::Referral referral{.organisation_id = *actor.organisation_id,
                              .created_by = actor.user_id,
                              .created_at = unit.now(),
                              .updated_at = unit.now()};
    referral = TRY(ReadReferral(referral, details, today));
    store::EligibilityStore(unit.session()).EnsureDefaults(referral.organisation_id, unit.now());
    const std::int64_t id = store::ReferralStore(unit.session()).Insert(referral);
    Audit(services, unit, actor, {"referral.create", kObjectType, std::to_string(id)});
    return id;
  });
}

Status EditReferral(const Services& services, const auth::Actor& actor, std::int64_t referral_id,
                    const ReferralDetails& details) {
  const auto today = services.Today();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    auto referral = TRY(FindChangeable(unit, actor, referral_id));
    if (domain::IsDecided(referral.status)) return Decided();
    referral.updated_at = unit.now();
    referral = TRY(ReadReferral(referral, details, today));
    store::ReferralStore(unit.session()).Update(referral);
    Audit(services, unit, actor, {"referral.update", kObjectType, std::to_string(referral.id)});
    return {};
  });
}

Status SaveChecklist(const Services& services, const auth::Actor& actor,
                     const ChecklistAnswers& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    const auto referral = TRY(FindChangeable(unit, actor, command.referral_id));
    if (domain::IsDecided(referral.status)) {
      return Error::Conflict(N_("This referral is decided: its checklist no longer changes."));
    }
    const auto met = TRY(Answers(unit, referral, command));
    if (store::ReferralStore(unit.session())
            .SetMetCriteria(referral.id, referral.organisation_id, met, actor.user_id,
                            unit.now())) {
      Audit(services, unit, actor,
            {"referral.checklist", kObjectType, std::to_string(referral.id)});
    }
    return {};
  });
}

Result<MoveOutcome> MoveReferral(const Services& services, const auth::Actor& actor,
                                 const ReferralMove& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<MoveOutcome> {
    const auto referral = TRY(FindChangeable(unit, actor, command.referral_id));
    if (command.to == domain::ReferralStatus::kAccepted) return MoveOutcome::kNeedsAcceptance;
    if (!command.to) return Error::Invalid(N_("Choose one of the options."));
    TRY(domain::CheckReferralMove(referral.status, *command.to, command.reason, 0));
    store::ReferralStore(unit.session())
        .Move(referral, *command.to, command.reason, actor.user_id, unit.now());
    Audit(services, unit, actor, {"referral.status", kObjectType, std::to_string(referral.id)});
    return MoveOutcome::kMoved;
  });
}

Result<AcceptanceForm> LoadAcceptanceForm(const Services& services, const auth::Actor& actor,
                                          std::int64_t id, Viewing record) {
  const auto year = static_cast<int>(services.Today().year());
  auto form = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<AcceptanceForm> {
    AcceptanceForm data;
    data.referral = TRY(FindChangeable(unit, actor, id));
    TRY(domain::CheckReferralMove(data.referral.status, domain::ReferralStatus::kAccepted, "", 0));
    const std::int64_t organisation = *actor.organisation_id;
    store::CoreMemberStore store(unit.session());
    store::CoreMemberFilter filter;
    filter.status = domain::CoreMemberStatus::kClosed;
    data.closed = store.List(organisation, filter);
    data.missing_criteria = store::MissingCriteria(unit.session(), id, organisation);
    // Suggest reopening the closed file of a man with the same name and date of birth.
    const std::string name = FoldForSearch(data.referral.person_legal_name);
    for (const auto& file : data.closed) {
      if (FoldForSearch(file.legal_name) == name &&
          file.birth_date == data.referral.person_birth_date)
        data.suggested_reopen = file.id;
    }
    data.suggested_file_number = store.SuggestFileNumber(organisation, year);
    return data;
  }));
  if (record == Viewing::kRecorded)
    AuditView(services, actor, {"referral.view", kObjectType, std::to_string(id)});
  if (actor.Has(domain::Role::kCoordinator)) form.suggested_coordinator = actor.user_id;
  form.users = LoadUsers(services, actor);
  return form;
}

Result<std::int64_t> AcceptReferral(const Services& services, const auth::Actor& actor,
                                    const ReferralAcceptance& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto referral = TRY(FindChangeable(unit, actor, command.referral_id));
    auto errors = command.field_errors;
    if (command.coordinator_user_id) {
      const bool staff = IsOrganisationStaff(unit, actor, *command.coordinator_user_id);
      if (!staff) errors.push_back({"coordinator", {N_("Choose one of the options."), {}}});
    }
    if (!errors.empty()) return Error::Fields(errors);
    const store::Acceptance acceptance{command.reopen_core_member_id, command.file_number,
                                       command.reason, command.coordinator_user_id};
    const auto id =
        TRY(store::AcceptReferral(unit.session(), referral, acceptance, actor.user_id, unit.now()));
    Audit(services, unit, actor, {"referral.status", kObjectType, std::to_string(referral.id)});
    Audit(services, unit, actor,
          {command.reopen_core_member_id ? "core_member.reopen" : "core_member.create",
           "core_member", std::to_string(id)});
    return id;
  });
}

}  // namespace cercle::app::intake
