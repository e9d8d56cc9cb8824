#include "app/volunteers/volunteer_file.hpp"

#include <algorithm>
#include <set>

#include "app/record_change.hpp"
#include "auth/policies/volunteer_policy.hpp"
#include "base/text.hpp"
#include "store/screening_store.hpp"
#include "store/settings_store.hpp"
#include "store/user_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::volunteers {
namespace {

using auth::policies::VolunteerPolicy;

const Message kChooseAccount{N_("Choose an account of a volunteer that no other file uses."), {}};

// Applies typed details to `volunteer` and checks them, with the linked account; field errors
// when anything is wrong.
Status ApplyDetails(const store::Unit& unit, const VolunteerDetails& details, CivilDate today,
                    domain::Volunteer& volunteer) {
  volunteer.first_name = details.first_name;
  volunteer.last_name = details.last_name;
  volunteer.email = details.email;
  volunteer.phone = details.phone;
  volunteer.region = details.region;
  volunteer.languages = details.languages;
  volunteer.availability_notes = details.availability_notes;
  volunteer.occupation = details.occupation;
  volunteer.gender = details.gender;
  volunteer.notes = details.notes;
  volunteer.availability = details.availability;
  volunteer.heard_about = details.heard_about;
  std::vector<FieldError> errors;
  if (auto checked = domain::CheckVolunteerDetails(volunteer, details.date_of_birth, today);
      !checked) {
    errors = checked.error().fields;
  }
  volunteer.user_id = details.user_id;
  if (details.user_id) {
    const auto linkable = ReadLinkableAccounts(unit, volunteer.id);
    if (std::none_of(linkable.begin(), linkable.end(), [&](const LinkableAccount& account) {
          return account.id == *details.user_id;
        })) {
      errors.push_back({"user_id", kChooseAccount});
    }
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

// The program's minimum age, from the organisation's settings.
int MinimumAge(const store::Unit& unit) {
  return static_cast<int>(store::SettingsStore(unit.session())
                              .Load(unit.organisation_id())
                              .Get(domain::SettingKey::kVolunteerMinimumAge));
}

}  // namespace

Result<domain::Volunteer> FindVisibleVolunteer(const store::Unit& unit, const auth::Actor& actor,
                                               std::int64_t id) {
  auto volunteer = store::VolunteerStore(unit.session()).Find(id, unit.organisation_id());
  if (!volunteer || !VolunteerPolicy::CanView(actor, *volunteer)) return Error::NotFound();
  return *std::move(volunteer);
}

std::vector<LinkableAccount> ReadLinkableAccounts(const store::Unit& unit,
                                                  std::int64_t volunteer_id) {
  const std::int64_t organisation = unit.organisation_id();
  std::set<std::int64_t> linked;
  store::VolunteerFilter all;
  all.include_closed = true;
  for (const auto& volunteer : store::VolunteerStore(unit.session()).List(organisation, all)) {
    if (volunteer.user_id && volunteer.id != volunteer_id) linked.insert(*volunteer.user_id);
  }
  std::vector<LinkableAccount> accounts;
  for (auto& user : store::UserStore(unit.session()).ListOrganisation(organisation)) {
    if (user.roles.Has(domain::Role::kVolunteer) && !linked.contains(user.id)) {
      accounts.push_back({user.id, std::move(user.display_name), std::move(user.email)});
    }
  }
  return accounts;
}

Result<std::int64_t> CreateVolunteer(const Services& services, const auth::Actor& actor,
                                     const VolunteerDetails& details) {
  if (!VolunteerPolicy::CanManage(actor)) return Error::Forbidden();
  const auto today = services.Today();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    domain::Volunteer volunteer;
    volunteer.organisation_id = unit.organisation_id();
    volunteer.stage = domain::VolunteerStage::kInquiry;
    TRY(ApplyDetails(unit, details, today, volunteer));
    const auto id =
        store::VolunteerStore(unit.session()).Insert(volunteer, actor.user_id, unit.now());
    Audit(services, unit, actor, {"volunteer.create", "volunteer", std::to_string(id)});
    return id;
  });
}

Result<std::int64_t> UpdateVolunteer(const Services& services, const auth::Actor& actor,
                                     const UpdateVolunteerCommand& command) {
  const auto today = services.Today();
  return ChangeRecord(services, actor, {"volunteer.update", "volunteer"}, FindVisibleVolunteer,
                      command.volunteer_id,
                      [&](store::Unit& unit, domain::Volunteer& volunteer) -> Result<std::int64_t> {
                        TRY(ApplyDetails(unit, command.details, today, volunteer));
                        store::VolunteerStore(unit.session()).Update(volunteer, unit.now());
                        return volunteer.id;
                      });
}

Result<std::int64_t> MoveStage(const Services& services, const auth::Actor& actor,
                               const MoveStageCommand& command) {
  const auto today = services.Today();
  return ChangeRecord(
      services, actor, {"volunteer.stage", "volunteer"}, FindVisibleVolunteer, command.volunteer_id,
      [&](store::Unit& unit, const domain::Volunteer& volunteer) -> Result<std::int64_t> {
        const domain::StageMove move{volunteer.stage,         command.to, command.reason,
                                     volunteer.date_of_birth, today,      MinimumAge(unit)};
        TRY(domain::CheckStageMove(move));
        if (!store::VolunteerStore(unit.session())
                 .MoveStage(volunteer.id, volunteer.organisation_id, volunteer.stage, command.to,
                            Trimmed(move.reason), actor.user_id, unit.now())) {
          return Error::Conflict(
              N_("Someone changed this file meanwhile. Look at it again, then retry."));
        }
        return volunteer.id;
      });
}

Result<std::int64_t> AddSupervision(const Services& services, const auth::Actor& actor,
                                    const AddSupervisionCommand& command) {
  const auto today = services.Today();
  return ChangeRecord(
      services, actor, {"volunteer.supervision", "volunteer"}, FindVisibleVolunteer,
      command.volunteer_id,
      [&](store::Unit& unit, const domain::Volunteer& volunteer) -> Result<std::int64_t> {
        domain::SupervisionSession session{.organisation_id = volunteer.organisation_id,
                                           .volunteer_id = volunteer.id,
                                           .held_on = command.held_on,
                                           .kind = command.kind,
                                           .notes = command.notes,
                                           .recorded_by = actor.user_id,
                                           .recorded_at = unit.now()};
        TRY(domain::CheckSupervisionSession(session, today));
        store::VolunteerStore(unit.session()).InsertSupervision(session);
        return volunteer.id;
      });
}

namespace {

// The item `command` describes, checked against its type; the type with it.
struct CheckedItem {
  domain::ScreeningItem item;
  domain::ScreeningItemType type;
};

Result<CheckedItem> CheckItem(const Services& services, const auth::Actor& actor,
                              const RecordScreeningCommand& command) {
  const auto today = services.Today();
  return Read(services, actor.scope(), [&](store::Unit& unit) -> Result<CheckedItem> {
    const auto volunteer = TRY(FindVisibleVolunteer(unit, actor, command.volunteer_id));
    const auto types = store::ScreeningStore(unit.session()).ListTypes(unit.organisation_id());
    const auto type = std::find_if(types.begin(), types.end(), [&](const auto& candidate) {
      return command.type_id && candidate.id == *command.type_id && candidate.active;
    });
    if (type == types.end()) {
      return Error::Fields({{"type", {N_("Choose one of the answers."), {}}}});
    }
    domain::ScreeningItem item{.organisation_id = volunteer.organisation_id,
                               .volunteer_id = volunteer.id,
                               .type_id = type->id,
                               .completed_on = command.completed_on,
                               .result = command.result,
                               .expires_on = command.expires_on,
                               .checked_by = actor.user_id,
                               .notes = command.notes,
                               .recorded_at = unit.now()};
    TRY(domain::CheckScreeningItem(item, *type, today));
    return CheckedItem{std::move(item), *type};
  });
}

}  // namespace

Result<std::int64_t> RecordScreening(const Services& services, const auth::Actor& actor,
                                     const RecordScreeningCommand& command) {
  auto checked = TRY(CheckItem(services, actor, command));
  // The document, when one was sent, is stored first (its own transaction), so that the item can
  // name it.
  if (command.document)
    checked.item.document_id = TRY(command.document(checked.type, checked.item));
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto id = store::ScreeningStore(unit.session()).InsertItem(checked.item);
    Audit(services, unit, actor,
          {"volunteer.screening_record", "screening_item", std::to_string(id)});
    return id;
  });
}

namespace {

const Message kRealDate{N_("Enter a real date, such as 1980-05-31."), {}};

// True when `row` was left as the table offers it: no date, no expiry, the default result.
bool IsEmptyRow(const ScreeningRow& row) {
  return Trimmed(row.completed_on).empty() && Trimmed(row.expires_on).empty() &&
         (row.result.empty() || row.result == domain::NameOf(domain::ScreeningResult::kPassed));
}

// The item `row` describes for `volunteer`, checked against the organisation's `types`; the row's
// field errors, prefixed with its name, are added to `errors` when it is wrong.
std::optional<domain::ScreeningItem> CheckRow(const ScreeningRow& row,
                                              const domain::Volunteer& volunteer,
                                              const std::vector<domain::ScreeningItemType>& types,
                                              const auth::Actor& actor, CivilDate today,
                                              Instant now, std::vector<FieldError>& errors) {
  std::vector<FieldError> found;
  const auto type = std::find_if(types.begin(), types.end(), [&](const auto& candidate) {
    return row.type_id && candidate.id == *row.type_id && candidate.active;
  });
  if (type == types.end()) found.push_back({"type", {N_("Choose one of the answers."), {}}});
  const std::string completed_text = Trimmed(row.completed_on);
  const auto completed_on = ParseIsoDate(completed_text);
  if (completed_text.empty()) {
    found.push_back({"completed_on", {N_("Enter the date of the check, or empty the row."), {}}});
  } else if (!completed_on) {
    found.push_back({"completed_on", kRealDate});
  }
  const auto result = domain::ParseEnum<domain::ScreeningResult>(row.result);
  if (!result) found.push_back({"result", {N_("Choose one of the answers."), {}}});
  const std::string expires_text = Trimmed(row.expires_on);
  const auto expires_on = ParseIsoDate(expires_text);
  if (!expires_text.empty() && !expires_on) found.push_back({"expires_on", kRealDate});
  std::optional<domain::ScreeningItem> item;
  if (found.empty()) {
    item = domain::ScreeningItem{.organisation_id = volunteer.organisation_id,
                                 .volunteer_id = volunteer.id,
                                 .type_id = type->id,
                                 .completed_on = *completed_on,
                                 .result = *result,
                                 .expires_on = expires_on,
                                 .checked_by = actor.user_id,
                                 .recorded_at = now};
    if (auto checked = domain::CheckScreeningItem(*item, *type, today); !checked) {
      found = checked.error().fields;
      item.reset();
    }
  }
  for (auto& error : found) {
    error.field = row.name + "-" + error.field;
    errors.push_back(std::move(error));
  }
  return item;
}

}  // namespace

Result<int> RecordScreeningRows(const Services& services, const auth::Actor& actor,
                                const RecordScreeningRowsCommand& command) {
  const auto today = services.Today();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<int> {
    const auto volunteer = TRY(FindVisibleVolunteer(unit, actor, command.volunteer_id));
    store::ScreeningStore screening(unit.session());
    const auto types = screening.ListTypes(unit.organisation_id());
    std::vector<FieldError> errors;
    std::vector<domain::ScreeningItem> items;
    for (const auto& row : command.rows) {
      if (IsEmptyRow(row)) continue;
      if (auto item = CheckRow(row, volunteer, types, actor, today, unit.now(), errors)) {
        items.push_back(*std::move(item));
      }
    }
    if (!errors.empty()) return Error::Fields(std::move(errors));
    if (items.empty()) {
      return Error::Invalid(N_("Nothing to save: enter the date of at least one item."));
    }
    for (const auto& item : items) {
      const auto id = screening.InsertItem(item);
      Audit(services, unit, actor,
            {"volunteer.screening_record", "screening_item", std::to_string(id)});
    }
    return static_cast<int>(items.size());
  });
}

Result<std::int64_t> VolunteerOfScreeningItem(const Services& services, const auth::Actor& actor,
                                              std::int64_t item_id) {
  return Read(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto item =
        store::ScreeningStore(unit.session()).FindItem(item_id, unit.organisation_id());
    return TRY(FindVolunteerOf(unit, actor, item)).id;
  });
}

Result<std::int64_t> WithdrawScreening(const Services& services, const auth::Actor& actor,
                                       const WithdrawScreeningCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    store::ScreeningStore screening(unit.session());
    const auto item = screening.FindItem(command.item_id, unit.organisation_id());
    const auto volunteer = TRY(FindVolunteerOf(unit, actor, item));
    const std::string reason = Trimmed(command.reason);
    if (reason.empty()) {
      return Error::Fields({{"reason", {N_("Say why the entry is withdrawn."), {}}}});
    }
    if (CharacterCount(reason) > domain::kMaxReasonLength) {
      return Error::Fields({{"reason",
                             {N_("Use at most {count} characters."),
                              {{"count", std::to_string(domain::kMaxReasonLength)}}}}});
    }
    if (!screening.WithdrawItem(item->id, item->organisation_id, actor.user_id, reason,
                                unit.now())) {
      return Error::Conflict(N_("This entry was withdrawn already."));
    }
    Audit(services, unit, actor,
          {"volunteer.screening_withdraw", "screening_item", std::to_string(item->id)});
    return volunteer.id;
  });
}

}  // namespace cercle::app::volunteers
