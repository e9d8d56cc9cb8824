#include "support/core_member_fixture.hpp"

#include <stdexcept>

#include "domain/legal.hpp"
#include "store/core_member_store.hpp"
#include "store/document_store.hpp"
#include "store/legal_store.hpp"
#include "store/referral_store.hpp"

namespace cercle::testing {
CivilDate CoreMemberFixture::Today() {
  return server_.runtime().translator().LocalDate(server_.clock().Now());
}

std::int64_t CoreMemberFixture::CreateCoreMember(std::int64_t organisation_id,
                                                 const std::string& legal_name,
                                                 const std::string& file_number,
                                                 domain::CoreMemberStatus status,
                                                 const std::string& region) {
  return FixtureWrite(
      server_, organisation_id, [&](soci::session& session) -> Result<std::int64_t> {
        store::CoreMemberStore store(session);
        domain::CoreMember member;
        member.organisation_id = organisation_id;
        member.legal_name = legal_name;
        member.file_number = file_number;
        member.status = status;
        member.region = region;
        member.created_at = member.updated_at = server_.clock().Now();
        member.id = store.Insert(member);
        store.RecordOpening(member, std::nullopt, "", std::nullopt, member.created_at);
        return member.id;
      });
}

std::int64_t CoreMemberFixture::CreateReferral(std::int64_t organisation_id,
                                               const std::string& person,
                                               const std::vector<domain::ReferralStatus>& path,
                                               bool all_met) {
  const auto criteria = CriterionIds(organisation_id);
  return FixtureWrite(
      server_, organisation_id, [&](soci::session& session) -> Result<std::int64_t> {
        store::ReferralStore referrals(session);
        domain::Referral referral;
        referral.organisation_id = organisation_id;
        referral.source = domain::ReferralSource::kCsc;
        referral.referrer_name = "Agente Lise Prototype";
        referral.received_on = Today();
        referral.person_legal_name = person;
        referral.created_at = referral.updated_at = server_.clock().Now();
        referral.id = referrals.Insert(referral);
        if (all_met)
          referrals.SetMetCriteria(referral.id, organisation_id, criteria, std::nullopt,
                                   referral.created_at);
        for (const auto to : path) {
          const std::string reason =
              to == domain::ReferralStatus::kDeclined || to == domain::ReferralStatus::kWithdrawn
                  ? "Raison d'essai"
                  : "";
          TRY(domain::CheckReferralMove(referral.status, to, reason, 0));
          referrals.Move(referral, to, reason, std::nullopt, referral.created_at);
          referral.status = to;
        }
        return referral.id;
      });
}

std::vector<std::int64_t> CoreMemberFixture::CriterionIds(std::int64_t organisation_id) {
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::vector<std::int64_t>> {
                        store::EligibilityStore store(session);
                        store.EnsureDefaults(organisation_id, server_.clock().Now());
                        std::vector<std::int64_t> ids;
                        for (const auto& criterion : store.List(organisation_id)) {
                          if (criterion.active()) ids.push_back(criterion.id);
                        }
                        return ids;
                      });
}

std::int64_t CoreMemberFixture::AddDocument(std::int64_t organisation_id,
                                            const std::string& owner_type, std::int64_t owner_id,
                                            const std::string& bytes) {
  const std::string content =
      bytes.empty() ? std::string("%PDF-1.4\n") + kDocumentSecret + "\n%%EOF\n" : bytes;
  store::Document document;
  document.organisation_id = organisation_id;
  document.owner_type = owner_type;
  document.owner_id = owner_id;
  document.title = "Rapport d'essai";
  document.filename = "rapport.pdf";
  document.content_type = "application/pdf";
  document.size_bytes = static_cast<std::int64_t>(content.size());
  document.storage_name = server_.runtime().vault().Put(content);
  document.uploaded_at = server_.clock().Now();
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        return store::DocumentStore(session).Insert(document);
                      });
}

std::int64_t CoreMemberFixture::AddConsent(std::int64_t organisation_id,
                                           std::int64_t core_member_id) {
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        domain::Consent consent;
                        consent.organisation_id = organisation_id;
                        consent.core_member_id = core_member_id;
                        consent.scope = domain::ConsentScope::kOuterCircle;
                        consent.given_on = Today();
                        consent.recorded_at = server_.clock().Now();
                        return store::CoreMemberStore(session).InsertConsent(consent);
                      });
}

SeededFile CoreMemberFixture::SeedFullFile(std::int64_t organisation_id,
                                           const std::string& legal_name,
                                           const std::string& file_number) {
  SeededFile seeded;
  seeded.referral_id =
      CreateReferral(organisation_id, legal_name, {domain::ReferralStatus::kScreening}, true);
  seeded.core_member_id =
      FixtureWrite(server_, organisation_id, [&](soci::session& session) -> Result<std::int64_t> {
        const auto referral =
            store::ReferralStore(session).Find(seeded.referral_id, organisation_id);
        store::Acceptance acceptance;
        acceptance.file_number = file_number;
        const auto id = TRY(store::AcceptReferral(session, *referral, acceptance, std::nullopt,
                                                  server_.clock().Now()));
        store::CoreMemberStore store(session);
        auto member = *store.Find(id, organisation_id);
        member.offence_summary = std::string("Résumé de l'infraction : ") + kOffenceSecret;
        member.volunteer_summary = kVolunteerSummary;
        member.region = "Montréal — Rosemont";
        member.warrant_expiry_date = AddDays(Today(), 400);
        store.Update(member);
        store.SetStatus(member, domain::CoreMemberStatus::kWaitingForCircle, "", std::nullopt,
                        std::nullopt, server_.clock().Now());
        domain::RiskAssessment risk;
        risk.organisation_id = organisation_id;
        risk.core_member_id = id;
        risk.tool = domain::RiskTool::kStatic99R;
        risk.score = kRiskScoreSecret;
        risk.level = kRiskLevelSecret;
        risk.assessed_on = AddDays(Today(), -30);
        risk.assessor = "Dre Essai";
        risk.recorded_at = server_.clock().Now();
        store.InsertRiskAssessment(risk);
        return id;
      });
  FixtureWrite(server_, organisation_id, [&](soci::session& session) -> Status {
    store::LegalStore legal(session);
    domain::SupervisionOrder order;
    order.organisation_id = organisation_id;
    order.core_member_id = seeded.core_member_id;
    order.type = domain::OrderType::kFullParole;
    order.starts_on = AddDays(Today(), -100);
    order.ends_on = AddDays(Today(), 300);
    order.created_at = order.updated_at = server_.clock().Now();
    seeded.order_id = legal.InsertOrder(order);
    domain::Condition condition;
    condition.organisation_id = organisation_id;
    condition.core_member_id = seeded.core_member_id;
    condition.order_id = seeded.order_id;
    condition.kind = domain::ConditionKind::kNoContactPerson;
    condition.text = "Aucun contact avec la victime désignée.";
    condition.victim_identity = kVictimSecret;
    condition.victim_places = kPlaceSecret;
    condition.created_at = condition.updated_at = server_.clock().Now();
    seeded.protected_condition_id = legal.InsertCondition(domain::NormalisedCondition(condition));
    condition.kind = domain::ConditionKind::kCurfew;
    condition.text = "Couvre-feu de 22 h à 6 h.";
    condition.victim_identity.clear();
    condition.victim_places.clear();
    legal.InsertCondition(domain::NormalisedCondition(condition));
    return {};
  });
  seeded.consent_id = AddConsent(organisation_id, seeded.core_member_id);
  seeded.document_id = AddDocument(organisation_id, "core_member", seeded.core_member_id);
  seeded.referral_document_id = AddDocument(organisation_id, "referral", seeded.referral_id);
  return seeded;
}

domain::CoreMember CoreMemberFixture::StoredCoreMember(std::int64_t organisation_id,
                                                       std::int64_t id) {
  const auto member = server_.runtime().database().Read(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) {
        return store::CoreMemberStore(session).Find(id, organisation_id);
      });
  if (!member) throw std::runtime_error("no core member " + std::to_string(id));
  return *member;
}

domain::Referral CoreMemberFixture::StoredReferral(std::int64_t organisation_id, std::int64_t id) {
  const auto referral = server_.runtime().database().Read(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) {
        return store::ReferralStore(session).Find(id, organisation_id);
      });
  if (!referral) throw std::runtime_error("no referral " + std::to_string(id));
  return *referral;
}

std::size_t CoreMemberFixture::ReferralHistoryLength(std::int64_t organisation_id,
                                                     std::int64_t id) {
  return server_.runtime().database().Read(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) {
        return store::ReferralStore(session).History(id, organisation_id).size();
      });
}

long long CoreMemberFixture::CountRows(const std::string& table, std::int64_t organisation_id) {
  return server_.runtime().database().Read(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) {
        long long count = 0;
        session << "SELECT count(*) FROM " + table + " WHERE organisation_id = :organisation",
            soci::use(organisation_id, "organisation"), soci::into(count);
        return count;
      });
}

}  // namespace cercle::testing
