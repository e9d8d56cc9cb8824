// Concerns and their on-call rota, made straight through the stores of a TestServer (alerts through
// notify::StartConcernAlerts, as raising one does), so that the HTTP and scheduler tests and the
// authorisation matrix reach the state they check quickly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/concern.hpp"
#include "domain/concern_disclosure.hpp"
#include "domain/concern_escalation.hpp"
#include "store/concern_escalation_store.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {

// What a test concern is.
struct TestConcern {
  std::int64_t organisation_id = 0;
  std::int64_t circle_id = 0;
  std::int64_t raised_by = 0;                       // an account
  std::optional<std::int64_t> raised_by_volunteer;  // its volunteer file, for a volunteer
  domain::ConcernCategory category = domain::ConcernCategory::kHostility;
  domain::Severity severity = domain::Severity::kConcern;
};

// Builds concerns through the stores of one TestServer. Not thread-safe.
class ConcernFixture {
 public:
  explicit ConcernFixture(TestServer& server) : server_(server) {}

  // Stores a raised concern at the test clock's now, with its alerts when its severity alerts (mail
  // queued in the outbox); returns its id.
  std::int64_t Raise(const TestConcern& concern);
  // Moves a raised concern to acknowledged by `by` now (cancelling its pending alert step), and on
  // to in progress when `start`.
  void Acknowledge(std::int64_t organisation_id, std::int64_t concern_id, std::int64_t by,
                   bool start = false);
  // Stores a disclosure to the partner contact `contact_id` under the agreement `agreement_id`,
  // now.
  std::int64_t DiscloseToPartner(std::int64_t organisation_id, std::int64_t concern_id,
                                 std::int64_t contact_id, std::int64_t agreement_id,
                                 std::int64_t by, const std::string& shared);
  // Replaces the organisation's on-call rota.
  void SetOnCall(std::int64_t organisation_id, const std::vector<domain::OnCallEntry>& entries);
  // Stores an organisation setting.
  void SetSetting(std::int64_t organisation_id, domain::SettingKey key, std::int64_t value);

  // The stored concern, its disclosures and its alert steps.
  domain::Concern Stored(std::int64_t organisation_id, std::int64_t concern_id);
  std::vector<domain::Disclosure> Disclosures(std::int64_t organisation_id,
                                              std::int64_t concern_id);
  std::vector<store::EscalationStep> Steps(std::int64_t organisation_id, std::int64_t concern_id);
  // The recipients of every mail queued in the outbox, oldest first.
  std::vector<std::string> QueuedRecipients();
  // `msgid` in French with `arguments` substituted, as mail carries it, and escaped for HTML, as
  // pages show it; the French text before `variable` ("{date}"), escaped for HTML.
  std::string FrenchText(const std::string& msgid,
                         const std::vector<MessageArgument>& arguments = {});
  std::string French(const std::string& msgid, const std::vector<MessageArgument>& arguments = {});
  std::string FrenchBefore(const std::string& msgid, const std::string& variable,
                           const std::vector<MessageArgument>& arguments = {});

  // Everything stored about concerns (concerns, actions, disclosures, steps and their recipients,
  // the rota), as text: equal before and after a request that must change nothing.
  std::string Snapshot();

 private:
  TestServer& server_;
};

}  // namespace cercle::testing
