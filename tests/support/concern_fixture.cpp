#include "support/concern_fixture.hpp"

#include <soci/soci.h>

#include <sstream>
#include <stdexcept>

#include "notify/concern_alerts.hpp"
#include "store/circle_store.hpp"
#include "store/concern_store.hpp"
#include "store/settings_store.hpp"
#include "web/views.hpp"

namespace cercle::testing {
namespace {

notify::AlertServices Services(TestServer& server) {
  auto& runtime = server.runtime();
  return {runtime.translator(), runtime.audit(), runtime.config().server.public_url};
}

// Every row of `query` as text, one line per row.
std::string Rows(soci::session& session, const std::string& query) {
  std::ostringstream text;
  soci::rowset<soci::row> rows = (session.prepare << query);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row.get_indicator(i) == soci::i_null) {
        text << "NULL";
      } else {
        switch (row.get_properties(i).get_data_type()) {
          case soci::dt_string:
            text << row.get<std::string>(i);
            break;
          case soci::dt_integer:
            text << row.get<int>(i);
            break;
          case soci::dt_long_long:
            text << row.get<long long>(i);
            break;
          case soci::dt_unsigned_long_long:
            text << row.get<unsigned long long>(i);
            break;
          case soci::dt_double:
            text << row.get<double>(i);
            break;
          default:
            text << "?";
            break;
        }
      }
      text << "|";
    }
    text << "\n";
  }
  return text.str();
}

}  // namespace

std::int64_t ConcernFixture::Raise(const TestConcern& test) {
  const Instant now = server_.clock().Now();
  const auto services = Services(server_);
  return FixtureWrite(
      server_, test.organisation_id, [&](soci::session& session) -> Result<std::int64_t> {
        domain::Concern concern;
        concern.organisation_id = test.organisation_id;
        concern.circle_id = test.circle_id;
        concern.category = test.category;
        concern.severity = test.severity;
        concern.observed = "Propos inquiétants entendus à la rencontre (essai).";
        concern.observed_at = now - std::chrono::hours(1);
        concern.raised_by = test.raised_by;
        concern.raised_by_volunteer = test.raised_by_volunteer;
        concern.raised_at = concern.updated_at = now;
        concern.id = store::ConcernStore(session).Insert(concern);
        const auto circle = store::CircleStore(session).Find(test.circle_id, test.organisation_id);
        const store::Unit unit(session, server_.runtime().database().dialect(),
                               store::Scope::Organisation(test.organisation_id), server_.clock());
        notify::StartConcernAlerts(unit, services, concern,
                                   circle ? circle->code_name : "Cercle ?");
        return concern.id;
      });
}

void ConcernFixture::Acknowledge(std::int64_t organisation_id, std::int64_t concern_id,
                                 std::int64_t by, bool start) {
  const Instant now = server_.clock().Now();
  FixtureWrite(server_, organisation_id, [&](soci::session& session) -> Status {
    store::ConcernStore concerns(session);
    if (!concerns.Acknowledge(concern_id, organisation_id, by, now))
      return Error::Conflict("not raised");
    store::ConcernEscalationStore(session).CancelPending(concern_id, organisation_id, now);
    if (start && !concerns.Start(concern_id, organisation_id, now))
      return Error::Conflict("not acknowledged");
    return {};
  });
}

std::int64_t ConcernFixture::DiscloseToPartner(std::int64_t organisation_id,
                                               std::int64_t concern_id, std::int64_t contact_id,
                                               std::int64_t agreement_id, std::int64_t by,
                                               const std::string& shared) {
  const Instant now = server_.clock().Now();
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        domain::Disclosure disclosure;
                        disclosure.organisation_id = organisation_id;
                        disclosure.concern_id = concern_id;
                        disclosure.recipient_kind = domain::RecipientKind::kPartnerContact;
                        disclosure.partner_contact_id = contact_id;
                        disclosure.recipient_name = "Partenaire (essai)";
                        disclosure.disclosed_at = now;
                        disclosure.means = domain::DisclosureMeans::kPhone;
                        disclosure.shared = shared;
                        disclosure.basis = domain::LegalBasis::kAgreement;
                        disclosure.agreement_id = agreement_id;
                        disclosure.recorded_by = by;
                        disclosure.recorded_at = now;
                        return store::ConcernStore(session).InsertDisclosure(disclosure);
                      });
}

void ConcernFixture::SetOnCall(std::int64_t organisation_id,
                               const std::vector<domain::OnCallEntry>& entries) {
  FixtureWrite(server_, organisation_id, [&](soci::session& session) -> Status {
    store::ConcernEscalationStore(session).ReplaceOnCall(
        organisation_id, entries, entries.empty() ? 0 : entries.front().user_id,
        server_.clock().Now());
    return {};
  });
}

void ConcernFixture::SetSetting(std::int64_t organisation_id, domain::SettingKey key,
                                std::int64_t value) {
  FixtureWrite(server_, organisation_id, [&](soci::session& session) -> Status {
    store::SettingsStore(session).Set(organisation_id, key, value);
    return {};
  });
}

domain::Concern ConcernFixture::Stored(std::int64_t organisation_id, std::int64_t concern_id) {
  const auto concern = server_.runtime().database().Read(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) {
        return store::ConcernStore(session).Find(concern_id, organisation_id);
      });
  if (!concern) throw std::runtime_error("no such concern");
  return *concern;
}

std::vector<domain::Disclosure> ConcernFixture::Disclosures(std::int64_t organisation_id,
                                                            std::int64_t concern_id) {
  return server_.runtime().database().Read(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) {
        std::vector<domain::Disclosure> disclosures;
        for (const auto& row :
             store::ConcernStore(session).Disclosures(concern_id, organisation_id)) {
          disclosures.push_back(row.disclosure);
        }
        return disclosures;
      });
}

std::vector<store::EscalationStep> ConcernFixture::Steps(std::int64_t organisation_id,
                                                         std::int64_t concern_id) {
  return server_.runtime().database().Read(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) {
        return store::ConcernEscalationStore(session).StepsOf(concern_id, organisation_id);
      });
}

std::vector<std::string> ConcernFixture::QueuedRecipients() {
  return server_.runtime().database().Read(store::Scope::System(), [](soci::session& session) {
    std::vector<std::string> recipients;
    std::string recipient;
    soci::statement statement =
        (session.prepare << "SELECT recipient FROM outbox ORDER BY id", soci::into(recipient));
    statement.execute();
    while (statement.fetch()) recipients.push_back(recipient);
    return recipients;
  });
}

std::string ConcernFixture::FrenchText(const std::string& msgid,
                                       const std::vector<MessageArgument>& arguments) {
  return server_.runtime().translator().Format(i18n::Language::kFrench, {msgid, arguments});
}

std::string ConcernFixture::French(const std::string& msgid,
                                   const std::vector<MessageArgument>& arguments) {
  return web::EscapeHtml(FrenchText(msgid, arguments));
}

std::string ConcernFixture::FrenchBefore(const std::string& msgid, const std::string& variable,
                                         const std::vector<MessageArgument>& arguments) {
  const std::string text = i18n::Substitute(
      server_.runtime().translator().Translate(i18n::Language::kFrench, msgid), arguments);
  return web::EscapeHtml(text.substr(0, text.find(variable)));
}

std::string ConcernFixture::Snapshot() {
  return server_.runtime().database().Read(store::Scope::System(), [](soci::session& session) {
    return Rows(session, "SELECT * FROM concerns ORDER BY id") +
           Rows(session, "SELECT * FROM concern_actions ORDER BY id") +
           Rows(session, "SELECT * FROM concern_disclosures ORDER BY id") +
           Rows(session, "SELECT * FROM concern_escalations ORDER BY id") +
           Rows(session, "SELECT * FROM concern_alert_recipients ORDER BY escalation_id, user_id") +
           Rows(session, "SELECT * FROM concern_on_call ORDER BY organisation_id, user_id") +
           Rows(session, "SELECT id, recipient, subject FROM outbox ORDER BY id");
  });
}

}  // namespace cercle::testing
