#include "app/privacy/retention.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "app/circles/circles.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "base/log.hpp"
#include "base/text.hpp"
#include "domain/field_checks.hpp"
#include "store/organisation_store.hpp"
#include "store/privacy_request_store.hpp"
#include "store/retention_records_store.hpp"

namespace cercle::app::privacy {
namespace {

using auth::policies::PrivacyPolicy;
using domain::RetainedKind;

// The local minute a coarsened instant falls on: noon, far from any daylight-saving change.
constexpr int kNoon = 12 * 60;

// A whole number typed in a form, if it is one.
std::optional<std::int64_t> ParseWhole(std::string_view typed) {
  const std::string trimmed(Trimmed(typed));
  const std::string_view text = trimmed;
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
  return value;
}

domain::RetentionSchedule ScheduleIn(store::Unit& unit, std::int64_t organisation_id) {
  return domain::ScheduleFrom(store::RetentionStore(unit.session()).LoadLengths(organisation_id));
}

// The records of each kind in `kinds` whose purpose ended, by id, with the day it ended.
struct Ended {
  std::string reference;
  CivilDate ended_on{};
};
using EndedByKind = std::map<RetainedKind, std::map<std::int64_t, Ended>>;

EndedByKind EndedRecords(const Services& services, store::Unit& unit, std::int64_t organisation_id,
                         const std::set<RetainedKind>& kinds) {
  EndedByKind ended;
  store::RetentionRecordsStore records(unit.session());
  for (const auto kind : kinds) {
    auto& of_kind = ended[kind];
    for (const auto& record : records.ListEnded(organisation_id, kind)) {
      of_kind[record.id] = {record.reference, services.translator.LocalDate(record.ended_at)};
    }
  }
  return ended;
}

std::set<RetainedKind> AllKinds() {
  const auto& values = domain::EnumValues<RetainedKind>();
  return {values.begin(), values.end()};
}

// The queue of today: every ended record whose period is over.
std::vector<store::QueuedRecord> DueRecords(const Services& services, store::Unit& unit,
                                            std::int64_t organisation_id, CivilDate today) {
  const auto schedule = ScheduleIn(unit, organisation_id);
  std::vector<store::QueuedRecord> due;
  for (const auto& [kind, records] : EndedRecords(services, unit, organisation_id, AllKinds())) {
    const auto& period = domain::PeriodOf(schedule, kind);
    for (const auto& [id, record] : records) {
      if (!domain::IsDue(period, record.ended_on, today)) continue;
      due.push_back(
          {kind, id, record.ended_on, *domain::DueOn(period, record.ended_on), unit.now()});
    }
  }
  return due;
}

// The legal holds in force, by kind and record, with their reasons.
using Holds = std::map<std::pair<RetainedKind, std::int64_t>, std::string>;

Holds HoldsIn(store::Unit& unit, std::int64_t organisation_id) {
  Holds holds;
  for (auto& hold : store::RetentionStore(unit.session()).CurrentHolds(organisation_id)) {
    holds[{hold.kind, hold.record_id}] = std::move(hold.reason);
  }
  return holds;
}

// Why record `id` of `kind` is on hold now, if it is: a legal hold, or an open request of the
// person concerned.
std::optional<std::pair<domain::HoldKind, std::string>> HoldOf(store::Unit& unit,
                                                               std::int64_t organisation_id,
                                                               const Holds& holds,
                                                               RetainedKind kind, std::int64_t id) {
  if (const auto found = holds.find({kind, id}); found != holds.end()) {
    return std::pair{domain::HoldKind::kLegalHold, found->second};
  }
  if (auto request = HoldsOfOpenRequests(unit, organisation_id, kind, id)) {
    return std::pair{domain::HoldKind::kOpenRequest, *request};
  }
  return std::nullopt;
}

// What a batch did, before it is recorded.
struct Batch {
  std::map<RetainedKind, store::CertificateLine> lines;
  std::vector<store::SkippedRecord> skipped;
  std::vector<std::pair<RetainedKind, std::int64_t>> disposed;
  std::vector<std::string> documents;  // storage names to delete from the vault
};

// Adds a disposed record to its kind's line.
void Count(Batch& batch, RetainedKind kind, std::int64_t id, CivilDate ended_on) {
  const auto& rule = domain::RuleOf(kind);
  auto [found, added] =
      batch.lines.try_emplace(kind, store::CertificateLine{kind, rule.method, 0, ended_on, ended_on,
                                                           std::string(rule.technique)});
  auto& line = found->second;
  ++line.count;
  line.earliest_on = std::min(line.earliest_on, ended_on);
  line.latest_on = std::max(line.latest_on, ended_on);
  batch.disposed.emplace_back(kind, id);
}

// Whether a kind's records stay in place after their disposal (and must not be listed again).
bool StaysInPlace(RetainedKind kind) {
  return kind != RetainedKind::kSessions && kind != RetainedKind::kMail;
}

Status CheckApproval(ApprovalCommand command) {
  std::vector<FieldError> errors;
  domain::CheckText(errors, "risk_assessment", command.risk_assessment,
                    domain::kRiskAssessmentLimit,
                    N_("Record the re-identification risk assessment."));
  if (!command.confirmed) {
    domain::AddError(errors, "confirmed", N_("Confirm that the destruction cannot be undone."));
  }
  return domain::Checked(std::move(errors));
}

}  // namespace

domain::RetentionSchedule LoadSchedule(const Services& services, std::int64_t organisation_id) {
  return Read(services, store::Scope::Organisation(organisation_id),
              [&](store::Unit& unit) { return ScheduleIn(unit, organisation_id); });
}

Status SaveSchedule(const Services& services, const auth::Actor& actor,
                    const ScheduleCommand& command) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  std::map<RetainedKind, int> lengths;
  std::vector<FieldError> errors;
  for (const auto& [kind, text] : command.lengths) {
    const std::string field(domain::NameOf(kind));
    const auto value = ParseWhole(text);
    if (!value || *value < 0 || *value > 100000) {
      domain::AddError(errors, field, N_("Enter a whole number."));
      continue;
    }
    if (auto checked = domain::CheckPeriod(kind, static_cast<int>(*value), field); !checked) {
      for (auto& error : checked.error().fields) errors.push_back(std::move(error));
      continue;
    }
    lengths[kind] = static_cast<int>(*value);
  }
  TRY(domain::Checked(std::move(errors)));
  const std::int64_t organisation_id = *actor.organisation_id;
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    store::RetentionStore store(unit.session());
    for (const auto& [kind, length] : lengths) {
      store.SaveLength(organisation_id, kind, length, actor.user_id, unit.now());
    }
    Audit(services, unit, actor,
          {"retention.schedule_update", "retention_schedule", std::to_string(organisation_id)});
    return {};
  });
}

Result<RetentionPage> LoadRetentionPage(const Services& services, const auth::Actor& actor) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  const std::int64_t organisation_id = *actor.organisation_id;
  auto page = Read(services, actor.scope(), [&](store::Unit& unit) {
    store::RetentionStore store(unit.session());
    RetentionPage page{.schedule = ScheduleIn(unit, organisation_id),
                       .listed_on = store.ListedOn(organisation_id),
                       .holds = store.CurrentHolds(organisation_id),
                       .certificates = store.ListCertificates(organisation_id)};
    const auto queue = store.Queue(organisation_id);
    std::set<RetainedKind> kinds;
    for (const auto& queued : queue) {
      if (domain::MayBeHeld(queued.kind)) kinds.insert(queued.kind);
    }
    const auto ended = EndedRecords(services, unit, organisation_id, kinds);
    const auto holds = HoldsIn(unit, organisation_id);
    std::map<RetainedKind, QueueCount> counts;
    for (const auto& queued : queue) {
      auto& count = counts.try_emplace(queued.kind, QueueCount{queued.kind}).first->second;
      ++count.waiting;
      const auto hold = HoldOf(unit, organisation_id, holds, queued.kind, queued.record_id);
      if (hold) ++count.held;
      if (!domain::MayBeHeld(queued.kind)) continue;
      QueueEntry entry{queued.kind, queued.record_id, "", queued.ended_on, queued.due_on};
      if (const auto found = ended.find(queued.kind); found != ended.end()) {
        if (const auto record = found->second.find(queued.record_id);
            record != found->second.end()) {
          entry.reference = record->second.reference;
        }
      }
      if (hold) {
        entry.hold = hold->first;
        entry.hold_reason = hold->second;
      }
      page.entries.push_back(std::move(entry));
    }
    for (const auto kind : domain::EnumValues<RetainedKind>()) {
      if (const auto found = counts.find(kind); found != counts.end()) {
        page.counts.push_back(found->second);
      }
    }
    return page;
  });
  AuditView(services, actor,
            {"retention.view", "retention_queue", std::to_string(organisation_id)});
  return page;
}

int ListDueRecords(const Services& services, std::int64_t organisation_id) {
  const CivilDate today = services.Today();
  const auto listed = Write(
      services, store::Scope::Organisation(organisation_id), [&](store::Unit& unit) -> Result<int> {
        const auto due = DueRecords(services, unit, organisation_id, today);
        store::RetentionStore(unit.session()).ReplaceQueue(organisation_id, due, today, unit.now());
        return static_cast<int>(due.size());
      });
  return listed ? *listed : 0;
}

int ListDueRecordsDaily(const Services& services) {
  const CivilDate today = services.Today();
  int listed = 0;
  for (const auto& organisation : store::ListOrganisations(services.database)) {
    const auto listed_on =
        Read(services, store::Scope::Organisation(organisation.id), [&](store::Unit& unit) {
          return store::RetentionStore(unit.session()).ListedOn(organisation.id);
        });
    if (listed_on == today) continue;
    ListDueRecords(services, organisation.id);
    ++listed;
  }
  return listed;
}

Result<int> ListNow(const Services& services, const auth::Actor& actor) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  const int waiting = ListDueRecords(services, *actor.organisation_id);
  (void)Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    Audit(services, unit, actor,
          {"retention.list", "retention_queue", std::to_string(*actor.organisation_id)});
    return {};
  });
  return waiting;
}

Result<std::int64_t> PlaceLegalHold(const Services& services, const auth::Actor& actor,
                                    const HoldCommand& command) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  const std::int64_t organisation_id = *actor.organisation_id;
  std::vector<FieldError> errors;
  const auto kind = domain::ParseEnum<RetainedKind>(command.kind);
  if (!kind || !domain::MayBeHeld(*kind)) {
    domain::AddError(errors, "kind", N_("Choose one of the options."));
  }
  const auto record_id = ParseWhole(command.record_id);
  if (!record_id) domain::AddError(errors, "record_id", N_("Enter a whole number."));
  std::string reason = command.reason;
  domain::CheckText(errors, "reason", reason, domain::kHoldReasonLimit,
                    N_("Say why the record is on legal hold."));
  TRY(domain::Checked(std::move(errors)));
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    store::RetentionStore store(unit.session());
    const auto ended = EndedRecords(services, unit, organisation_id, {*kind});
    if (!ended.at(*kind).contains(*record_id)) {
      return Error::Fields({{"record_id",
                             {N_("No record of this kind has reached its end with "
                                 "this number."),
                              {}}}});
    }
    if (store.HoldOn(organisation_id, *kind, *record_id)) {
      return Error::Fields({{"record_id", {N_("This record is already on legal hold."), {}}}});
    }
    const auto id =
        store.PlaceHold(organisation_id, *kind, *record_id, reason, actor.user_id, unit.now());
    Audit(services, unit, actor,
          {"retention.hold", std::string(domain::NameOf(*kind)), std::to_string(*record_id)});
    return id;
  });
}

Status ReleaseLegalHold(const Services& services, const auth::Actor& actor, std::int64_t hold_id) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    if (!store::RetentionStore(unit.session())
             .ReleaseHold(*actor.organisation_id, hold_id, actor.user_id, unit.now())) {
      return Error::NotFound();
    }
    Audit(services, unit, actor, {"retention.release", "legal_hold", std::to_string(hold_id)});
    return {};
  });
}

Result<std::int64_t> ApproveBatch(const Services& services, const auth::Actor& actor,
                                  const ApprovalCommand& command) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  TRY(RequireStepUp(services, actor));
  TRY(CheckApproval(command));
  const std::int64_t organisation_id = *actor.organisation_id;
  const CivilDate today = services.Today();
  const auto coarsen = [&](Instant at) {
    return circles::LocalInstant(services, domain::CoarsenDate(services.translator.LocalDate(at)),
                                 kNoon);
  };
  Batch batch;
  const auto certificate_id =
      Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
        batch = {};
        store::RetentionStore store(unit.session());
        store::RetentionRecordsStore records(unit.session());
        const auto queue = store.Queue(organisation_id);
        if (queue.empty()) {
          return Error::Conflict(
              N_("Nothing waits in the destruction queue. List it again "
                 "first."));
        }
        const auto schedule = ScheduleIn(unit, organisation_id);
        std::set<RetainedKind> kinds;
        for (const auto& queued : queue) kinds.insert(queued.kind);
        // Each record is checked again: a file reopened or a period lengthened since the
        // listing keeps it.
        const auto ended = EndedRecords(services, unit, organisation_id, kinds);
        const auto holds = HoldsIn(unit, organisation_id);
        for (const auto& queued : queue) {
          const auto& of_kind = ended.at(queued.kind);
          const auto record = of_kind.find(queued.record_id);
          if (record == of_kind.end() || !domain::IsDue(domain::PeriodOf(schedule, queued.kind),
                                                        record->second.ended_on, today)) {
            continue;
          }
          if (const auto hold =
                  HoldOf(unit, organisation_id, holds, queued.kind, queued.record_id)) {
            batch.skipped.push_back({queued.kind, queued.record_id, hold->first, hold->second});
            continue;
          }
          auto documents =
              records.Dispose(organisation_id, queued.kind, queued.record_id, unit.now(), coarsen);
          batch.documents.insert(batch.documents.end(), documents.begin(), documents.end());
          Count(batch, queued.kind, queued.record_id, record->second.ended_on);
        }
        store::Certificate certificate{
            .organisation_id = organisation_id,
            .approved_by = actor.user_id,
            .approver_name = actor.display_name,
            .approved_at = unit.now(),
            .purpose = std::string(domain::kAnonymisationPurpose),
            .risk_assessment = std::string(Trimmed(command.risk_assessment))};
        for (const auto& [kind, line] : batch.lines) certificate.lines.push_back(line);
        certificate.skipped = batch.skipped;
        const std::int64_t id = store.InsertCertificate(certificate);
        for (const auto& [kind, record_id] : batch.disposed) {
          if (StaysInPlace(kind)) store.RecordDisposal(organisation_id, kind, record_id, id);
          const auto method = domain::RuleOf(kind).method;
          Audit(services, unit, actor,
                {"retention." + std::string(domain::NameOf(method)),
                 std::string(domain::NameOf(kind)), std::to_string(record_id)});
        }
        Audit(services, unit, actor,
              {"retention.approve", "destruction_certificate", std::to_string(id)});
        store.ClearQueue(organisation_id);
        return id;
      });
  if (!certificate_id) return certificate_id;
  // The files go once the records that named them are committed, as when a document is removed.
  for (const auto& storage_name : batch.documents) services.vault.Remove(storage_name);
  for (const auto& [kind, line] : batch.lines) {
    log::Event(log::Level::kInfo, "retention batch",
               {{"kind", domain::NameOf(kind)},
                {"method", domain::NameOf(line.method)},
                {"count", line.count}});
  }
  return certificate_id;
}

Result<store::Certificate> LoadCertificate(const Services& services, const auth::Actor& actor,
                                           std::int64_t id) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  auto certificate = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::RetentionStore(unit.session()).FindCertificate(*actor.organisation_id, id);
  });
  if (!certificate) return Error::NotFound();
  AuditView(services, actor,
            {"retention.certificate_view", "destruction_certificate", std::to_string(id)});
  return std::move(*certificate);
}

std::optional<std::string> HoldsOfOpenRequests(store::Unit& unit, std::int64_t organisation_id,
                                               domain::RetainedKind kind, std::int64_t record_id) {
  // The table each kind's records are in, when they are about one person.
  static constexpr std::pair<domain::RetainedKind, std::string_view> kTables[] = {
      {domain::RetainedKind::kCoreMemberFiles, "core_members"},
      {domain::RetainedKind::kVolunteersWhoLeft, "volunteers"},
      {domain::RetainedKind::kDeclinedReferrals, "referrals"},
      {domain::RetainedKind::kConcerns, "concerns"},
      {domain::RetainedKind::kMinutes, "circle_meetings"},
  };
  for (const auto& [table_kind, table] : kTables) {
    if (table_kind == kind) {
      return store::PrivacyRequestStore(unit.session())
          .OpenRequestAbout(table, record_id, organisation_id);
    }
  }
  return std::nullopt;
}

}  // namespace cercle::app::privacy
