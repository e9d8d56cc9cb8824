#include "app/intake/core_members.hpp"

#include <algorithm>

#include "app/record_change.hpp"
#include "auth/policies/core_member_policy.hpp"
#include "store/core_member_store.hpp"
#include "store/legal_store.hpp"
#include "store/referral_store.hpp"

namespace cercle::app::intake {
namespace {

using auth::policies::CoreMemberPolicy;

constexpr const char* kObjectType = "core_member";

CoreMemberFile LoadFileData(store::Unit& unit, const auth::Actor& actor,
                            const domain::CoreMember& member) {
  const std::int64_t organisation = *actor.organisation_id;
  store::CoreMemberStore store(unit.session());
  store::LegalStore legal(unit.session());
  store::DocumentStore documents(unit.session());
  CoreMemberFile file;
  file.member = member;
  file.history = store.History(member.id, organisation);
  file.orders = legal.Orders(member.id, organisation);
  file.conditions = legal.Conditions(member.id, organisation);
  if (CoreMemberPolicy::CanReadRisk(actor, member.organisation_id))
    file.risks = store.RiskAssessments(member.id, organisation);
  file.consents = store.Consents(member.id, organisation);
  file.referrals = store::ReferralStore(unit.session()).ListForCoreMember(member.id, organisation);
  file.documents = documents.ListForOwner(organisation, kObjectType, member.id);
  for (const auto& referral : file.referrals)
    file.referral_documents.push_back(
        documents.ListForOwner(organisation, "referral", referral.id));
  return file;
}

}  // namespace

Result<CoreMemberList> LoadCoreMemberList(const Services& services, const auth::Actor& actor,
                                          const CoreMemberListQuery& query) {
  if (!CoreMemberPolicy::CanList(actor)) return Error::NotFound();
  store::CoreMemberFilter filter;
  filter.status = query.status;
  filter.region = query.region;
  filter.coordinator_user_id = query.coordinator_user_id;
  filter.query = query.query;
  auto list = Read(services, actor.scope(), [&](store::Unit& unit) {
    store::CoreMemberStore store(unit.session());
    const std::int64_t organisation = *actor.organisation_id;
    CoreMemberList page;
    page.total = store.Count(organisation, filter);
    page.page = ClampPage(query.page, page.total);
    filter.limit = static_cast<int>(query.page.size);
    filter.offset = (page.page - 1) * query.page.size;
    page.members = store.List(organisation, filter);
    page.regions = store.Regions(organisation);
    store::ReferralFilter referrals;
    referrals.open_only = true;
    page.open_referrals = store::ReferralStore(unit.session()).Count(organisation, referrals);
    return page;
  });
  // The list shows several people's names: it is a view too, recorded without the search words.
  AuditView(services, actor,
            {query.query.empty() ? "core_member.list" : "core_member.search", kObjectType, ""});
  list.users = LoadUsers(services, actor);
  return list;
}

Result<CoreMemberFile> LoadCoreMemberFile(const Services& services, const auth::Actor& actor,
                                          std::int64_t id) {
  const auto member = FindVisibleCoreMember(services, actor, id);
  if (!member) return Error::NotFound();
  auto file = Read(services, actor.scope(),
                   [&](store::Unit& unit) { return LoadFileData(unit, actor, *member); });
  AuditView(services, actor, {"core_member.view", kObjectType, std::to_string(member->id)});
  file.users = LoadUsers(services, actor);
  file.today = services.Today();
  file.victim_details = CoreMemberPolicy::CanReadVictimDetails(actor, member->organisation_id);
  file.viewers = LoadViewers(services, actor, "core_member.view", kObjectType, member->id);
  return file;
}

Result<CoreMemberForm> LoadCoreMemberForm(const Services& services, const auth::Actor& actor,
                                          std::int64_t id, Viewing record) {
  const auto member = FindVisibleCoreMember(services, actor, id);
  if (!member || !CoreMemberPolicy::CanChange(actor, member->organisation_id))
    return Error::NotFound();
  if (record == Viewing::kRecorded)
    AuditView(services, actor, {"core_member.view", kObjectType, std::to_string(member->id)});
  return CoreMemberForm{*member, LoadUsers(services, actor)};
}

std::vector<const store::User*> FileStaff(const Users& users) {
  std::vector<const store::User*> staff;
  for (const auto& [id, user] : users) {
    if (IsFileStaff(user)) staff.push_back(&user);
  }
  return staff;
}

namespace {

domain::CoreMember Edited(domain::CoreMember member, const CoreMemberEdit& command, Instant now) {
  member.legal_name = command.legal_name;
  member.preferred_name = command.preferred_name;
  member.file_number = command.file_number;
  member.birth_date = command.birth_date;
  member.preferred_language = command.preferred_language;
  member.other_language = command.other_language;
  member.phone = command.phone;
  member.email = command.email;
  member.address = command.address;
  member.region = command.region;
  member.offence_summary = command.offence_summary;
  member.volunteer_summary = command.volunteer_summary;
  member.statutory_release_date = command.statutory_release_date;
  member.warrant_expiry_date = command.warrant_expiry_date;
  member.coordinator_user_id = command.coordinator_user_id;
  member.updated_at = now;
  return member;
}

}  // namespace

Status EditCoreMember(const Services& services, const auth::Actor& actor,
                      const CoreMemberEdit& command) {
  const auto today = services.Today();
  return ChangeRecord(
      services, actor, {"core_member.update", kObjectType}, FindChangeableFile,
      command.core_member_id, [&](store::Unit& unit, const domain::CoreMember& member) -> Status {
        auto errors = command.field_errors;
        const auto changed = Edited(member, command, unit.now());
        if (changed.coordinator_user_id &&
            changed.coordinator_user_id != member.coordinator_user_id) {
          // Keeping the coordinator the file already has is fine even if they left the staff
          // since.
          const bool staff = IsOrganisationStaff(unit, actor, *changed.coordinator_user_id);
          if (!staff) errors.push_back({"coordinator", {N_("Choose one of the options."), {}}});
        }
        TRY(Combine(std::move(errors), domain::CheckCoreMember(changed, today)));
        store::CoreMemberStore store(unit.session());
        if (store.FileNumberTaken(changed.organisation_id, changed.file_number, changed.id)) {
          return Error::Fields(
              {{"file_number",
                {N_("Another file of your organisation already uses this number."), {}}}});
        }
        store.Update(changed);
        return {};
      });
}

Status MoveCoreMember(const Services& services, const auth::Actor& actor,
                      const CoreMemberMove& command) {
  return ChangeRecord(
      services, actor, {"core_member.status", kObjectType}, FindChangeableFile,
      command.core_member_id, [&](store::Unit& unit, const domain::CoreMember& current) -> Status {
        if (!command.to) return Error::Invalid(N_("Choose one of the options."));
        TRY(domain::CheckCoreMemberMove(current.status, *command.to, command.reason));
        store::CoreMemberStore(unit.session())
            .SetStatus(current, *command.to, command.reason, std::nullopt, actor.user_id,
                       unit.now());
        return {};
      });
}

}  // namespace cercle::app::intake
