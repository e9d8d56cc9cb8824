#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/retention.hpp"
#include "store/retention_store.hpp"

// Retention and destruction (Law 25, s. 23; the regulation on anonymisation): each organisation's
// retention schedule, the destruction queue the scheduler lists every day, legal holds, the batch
// the person in charge approves (documents destroyed, the rest anonymised in place so that the
// funder's figures for past periods do not change) and its destruction certificate. Only
// PrivacyPolicy::CanManage reaches any of it; everyone else is answered "not found".
namespace cercle::app::privacy {

// An organisation's retention schedule, one line per kind of record (the public privacy page
// shows "how long it is kept" from it). Needs no actor: the schedule is public.
domain::RetentionSchedule LoadSchedule(const Services& services, std::int64_t organisation_id);

// The periods an administrator typed, by kind (as text, read here).
struct ScheduleCommand {
  std::map<domain::RetainedKind, std::string> lengths;
};

// Stores the periods of `command` (audited "retention.schedule_update"). A period that is not a
// whole number within its kind's floor and ceiling, or that cannot change (the audit log), is a
// field error under the kind's name, and nothing is stored.
Status SaveSchedule(const Services& services, const auth::Actor& actor,
                    const ScheduleCommand& command);

// One record of the destruction queue, as the page lists it.
struct QueueEntry {
  domain::RetainedKind kind = domain::RetainedKind::kCoreMemberFiles;
  std::int64_t record_id = 0;
  std::string reference;  // file number, name, circle…; "" for sessions and mail
  CivilDate ended_on{};
  CivilDate due_on{};
  // Why it will be skipped, when it is on hold: the hold's kind and reason.
  std::optional<domain::HoldKind> hold;
  std::string hold_reason;
};

// How many records of a kind wait, and how many of them are on hold.
struct QueueCount {
  domain::RetainedKind kind = domain::RetainedKind::kCoreMemberFiles;
  int waiting = 0;
  int held = 0;
};

// The page /admin/privacy/retention: the schedule, the queue as last listed, the holds in force,
// and the certificates.
struct RetentionPage {
  domain::RetentionSchedule schedule;
  std::optional<CivilDate> listed_on;
  std::vector<QueueCount> counts;   // kinds with at least one record waiting
  std::vector<QueueEntry> entries;  // records that may be put on hold, by kind
  std::vector<store::LegalHold> holds;
  std::vector<store::Certificate> certificates;  // newest first, without lines
};

// The page for the person in charge or an administrator (audited "retention.view"); NotFound for
// anyone else.
Result<RetentionPage> LoadRetentionPage(const Services& services, const auth::Actor& actor);

// Lists organisation `organisation_id`'s records that reached the end of their period today into
// its destruction queue (replacing the previous listing); returns how many.
int ListDueRecords(const Services& services, std::int64_t organisation_id);

// The scheduler's job: lists the queue of every organisation whose queue was not listed today;
// returns how many organisations it listed.
int ListDueRecordsDaily(const Services& services);

// Lists the actor's organisation's queue now (audited "retention.list"); returns how many records
// wait.
Result<int> ListNow(const Services& services, const auth::Actor& actor);

// A legal hold as typed: the kind of record (its stored name), its id, and the reason.
struct HoldCommand {
  std::string kind;
  std::string record_id;
  std::string reason;
};

// Puts a record on legal hold (audited "retention.hold", with the kind and id, never the reason):
// field errors for an unknown kind or record, a kind that cannot be held, a record already held,
// or a missing or overlong reason. Returns the hold's id.
Result<std::int64_t> PlaceLegalHold(const Services& services, const auth::Actor& actor,
                                    const HoldCommand& command);

// Releases hold `hold_id` (audited "retention.release"); NotFound when no such hold is in force.
Status ReleaseLegalHold(const Services& services, const auth::Actor& actor, std::int64_t hold_id);

// The approval of a batch: the re-identification risk assessment the regulation on anonymisation
// asks to record, and the confirmation that the destruction cannot be undone.
struct ApprovalCommand {
  std::string risk_assessment;
  bool confirmed = false;
};

// Approves the queue as last listed: after a step-up (Unauthenticated without a recent password)
// and the confirmation, destroys or anonymises each record that is still due and not on hold,
// skips held ones with their reason, records the certificate, audits the approval and each
// record's disposal (kind and id), empties the queue, and then deletes the destroyed documents'
// files from disk. Conflict when the queue is empty. Returns the certificate's id.
Result<std::int64_t> ApproveBatch(const Services& services, const auth::Actor& actor,
                                  const ApprovalCommand& command);

// Certificate `id` of the actor's organisation (audited "retention.certificate_view").
Result<store::Certificate> LoadCertificate(const Services& services, const auth::Actor& actor,
                                           std::int64_t id);

// Why the person concerned's open request holds record `record_id` of `kind`, if it does: an
// access, correction or portability request still open must be answered from the record, so it
// is not destroyed meanwhile. Read from the request register (store::PrivacyRequestStore): the
// request's number and the day it was received.
std::optional<std::string> HoldsOfOpenRequests(store::Unit& unit, std::int64_t organisation_id,
                                               domain::RetainedKind kind, std::int64_t record_id);

}  // namespace cercle::app::privacy
