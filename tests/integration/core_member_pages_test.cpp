// The intake pages over a real socket, on SQLite and on PostgreSQL: a referral taken to acceptance,
// the lifecycle's refusals, forms that keep what was typed, what volunteers, partners and
// evaluators never receive, the wall between organisations, documents (type from the content,
// encrypted on disk, exact bytes on download, audited, no path traversal), the search, "who viewed
// this file", the key dates on the home page, and the eligibility criteria an administrator
// adjusts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

#include "domain/referral.hpp"
#include "support/auth_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"
#include "web/http.hpp"
#include "web/routes.hpp"
#include "web/views.hpp"

namespace cercle::testing {
namespace {

constexpr const char* kMissingId = "987654321";
constexpr const char* kBoundary = "----CercleEssaiFrontiere7MA4YWxkTrZu0gW";

// The id at the end of a redirect such as "/referrals/12" or "/core-members/3?saved=accepted".
std::int64_t IdIn(const std::string& location) {
  std::smatch match;
  if (!std::regex_search(location, match, std::regex(R"(/(\d+)(\?|#|$))"))) return 0;
  return std::stoll(match[1].str());
}

// A multipart/form-data body with the CSRF token, a title and one file.
std::string MultipartBody(const std::string& csrf, const std::string& title,
                          const std::string& filename, const std::string& bytes) {
  const std::string dash = std::string("--") + kBoundary;
  return dash + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n" + dash +
         "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n" + dash +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
         "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n" + dash + "--\r\n";
}

class CoreMemberPages : public ::testing::TestWithParam<Backend> {
 protected:
  CoreMemberPages() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
  }
  ~CoreMemberPages() override {
    server_.Stop();
    std::filesystem::remove_all(folder_);
  }

  // Uploads `bytes` as `filename` to `path` (a file's or a referral's documents).
  HttpResult Upload(HttpClient& client, const std::string& path, const std::string& filename,
                    const std::string& bytes, const std::string& title = "Rapport") {
    return client.Post(path, MultipartBody(client.CsrfToken("/"), title, filename, bytes), {},
                       std::string("multipart/form-data; boundary=") + kBoundary);
  }

  // Every file of the document folder, read whole.
  std::vector<std::string> FilesOnDisk() {
    std::vector<std::string> contents;
    if (!std::filesystem::exists(documents_)) return contents;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(documents_)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      contents.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return contents;
  }

  // `msgid` in French, as a template's own text ({{#t}}…{{/t}}) writes it.
  std::string FrenchText(const std::string& msgid) {
    return server_.runtime().translator().Translate(i18n::Language::kFrench, msgid);
  }

  // `msgid` in French, as a page writes it in a value ({{message}}): escaped for HTML.
  std::string French(const std::string& msgid) { return web::EscapeHtml(FrenchText(msgid)); }

  std::string folder_ = MakeTemporaryFolder();
  std::string documents_ = folder_ + "/documents";
  TestServer server_{TestServer::Options{
      GetParam(), [this](config::Config& config) { config.storage.documents_dir = documents_; }}};
  AuthFixture auth_{server_};
  CoreMemberFixture intake_{server_};
  TestOrganisation a_;
  TestOrganisation b_;
};

TEST_P(CoreMemberPages, ACoordinatorTakesAnIntakeFromReferralToAcceptance) {
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  ASSERT_EQ(coordinator->Get("/referrals/new").status, 200);
  const auto created = coordinator->PostForm("/referrals",
                                             {{"source", "csc"},
                                              {"referrer_name", "Agente Lise Prototype"},
                                              {"referrer_contact", "514 555-0199"},
                                              {"received_on", "2026-11-27"},
                                              {"person_legal_name", "Lucien Imaginaire"},
                                              {"person_birth_date", "1975-06-03"},
                                              {"summary", "Demande de suivi"}},
                                             "/referrals/new");
  ASSERT_EQ(created.status, 303);
  const std::int64_t referral = IdIn(created.Header("location"));
  ASSERT_GT(referral, 0);
  const std::string page = "/referrals/" + std::to_string(referral);
  const auto shown = coordinator->Get(page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Lucien Imaginaire"), std::string::npos);
  // The checklist starts with the program's four criteria, all missing.
  EXPECT_NE(shown.body.find(French("Judged at high risk of reoffending")), std::string::npos);
  EXPECT_EQ(std::regex_search(shown.body, std::regex("name=\"met\"[^>]*checked")), false);

  EXPECT_EQ(coordinator->PostForm(page + "/move", {{"to", "screening"}}, page).status, 303);
  EXPECT_EQ(intake_.StoredReferral(a_.id, referral).status, domain::ReferralStatus::kScreening);

  // Accepting before the checklist is complete is refused, and nothing opens.
  const auto early = coordinator->PostForm(page + "/accept", {{"file_number", "2026-001"}}, page);
  EXPECT_EQ(early.status, 422);
  EXPECT_EQ(intake_.CountRows("core_members", a_.id), 0);
  EXPECT_EQ(intake_.StoredReferral(a_.id, referral).status, domain::ReferralStatus::kScreening);

  std::vector<std::pair<std::string, std::string>> ticked;
  for (const auto id : intake_.CriterionIds(a_.id)) ticked.emplace_back("met", std::to_string(id));
  EXPECT_EQ(coordinator->PostForm(page + "/checklist", ticked, page).status, 303);
  const auto checked = coordinator->Get(page);
  EXPECT_EQ(std::regex_search(checked.body, std::regex("name=\"met\" value=\"\\d+\" checked")),
            true);

  const auto form = coordinator->Get(page + "/accept");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("value=\"2026-001\""), std::string::npos)
      << "a free file number is suggested";
  const auto accepted = coordinator->PostForm(
      page + "/accept",
      {{"file_number", "2026-001"}, {"coordinator", std::to_string(a_.coordinator.id)}}, page);
  ASSERT_EQ(accepted.status, 303);
  EXPECT_TRUE(accepted.Header("location").starts_with("/core-members/"));
  const std::int64_t file = IdIn(accepted.Header("location"));
  const auto member = intake_.StoredCoreMember(a_.id, file);
  EXPECT_EQ(member.status, domain::CoreMemberStatus::kCandidate);
  EXPECT_EQ(member.legal_name, "Lucien Imaginaire");
  EXPECT_EQ(member.coordinator_user_id, a_.coordinator.id);
  EXPECT_EQ(intake_.StoredReferral(a_.id, referral).status, domain::ReferralStatus::kAccepted);
  EXPECT_EQ(intake_.ReferralHistoryLength(a_.id, referral), 3u) << "received, screening, accepted";

  const auto file_page = coordinator->Get(accepted.Header("location"));
  ASSERT_EQ(file_page.status, 200);
  EXPECT_NE(file_page.body.find("2026-001"), std::string::npos);
  EXPECT_NE(file_page.body.find(French("Candidate")), std::string::npos);
  EXPECT_NE(file_page.body.find("/referrals/" + std::to_string(referral)), std::string::npos);
  // A decided referral no longer moves.
  EXPECT_EQ(
      coordinator->PostForm(page + "/move", {{"to", "withdrawn"}, {"reason", "Trop tard"}}, page)
          .status,
      409);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "referral.create"), 1u);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "referral.status"), 2u);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "referral.checklist"), 1u);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "core_member.create"), 1u);
  EXPECT_GE(auth_.CountAuditEntries(a_.id, "core_member.view", a_.coordinator.id), 1u);
}

TEST_P(CoreMemberPages, ADeclineWithoutAReasonIsRefusedAndChangesNothing) {
  const auto referral =
      intake_.CreateReferral(a_.id, "Denis Néant", {domain::ReferralStatus::kScreening});
  const std::string page = "/referrals/" + std::to_string(referral);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::size_t history = intake_.ReferralHistoryLength(a_.id, referral);
  for (const std::string reason : {"", "   "}) {
    const auto refused =
        coordinator->PostForm(page + "/move", {{"to", "declined"}, {"reason", reason}}, page);
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("id=\"reason-error\""), std::string::npos);
    EXPECT_NE(refused.body.find(French("Give the reason for declining this referral.")),
              std::string::npos);
  }
  EXPECT_EQ(intake_.StoredReferral(a_.id, referral).status, domain::ReferralStatus::kScreening);
  EXPECT_EQ(intake_.ReferralHistoryLength(a_.id, referral), history);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "referral.status"), 0u);

  const auto declined = coordinator->PostForm(
      page + "/move", {{"to", "declined"}, {"reason", "Aucune demande personnelle"}}, page);
  EXPECT_EQ(declined.status, 303);
  const auto stored = intake_.StoredReferral(a_.id, referral);
  EXPECT_EQ(stored.status, domain::ReferralStatus::kDeclined);
  EXPECT_EQ(stored.decision_reason, "Aucune demande personnelle");
  EXPECT_EQ(intake_.ReferralHistoryLength(a_.id, referral), history + 1);
}

TEST_P(CoreMemberPages, AMoveTheLifecycleRefusesIsNamedInTheReadersLanguage) {
  const auto referral = intake_.CreateReferral(a_.id, "Valère Ébauchon");
  const std::string page = "/referrals/" + std::to_string(referral);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto refused = coordinator->PostForm(page + "/move", {{"to", "waitlisted"}}, page);
  EXPECT_EQ(refused.status, 422);
  const std::string expected =
      i18n::Substitute(French("A referral that is {from} cannot become {to}."),
                       {{"from", French("Received")}, {"to", French("Waitlisted")}});
  EXPECT_NE(refused.body.find(expected), std::string::npos) << expected;
  EXPECT_EQ(intake_.StoredReferral(a_.id, referral).status, domain::ReferralStatus::kReceived);
}

TEST_P(CoreMemberPages, FormsKeepWhatWasTypedAndShowTheErrors) {
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto refused = coordinator->PostForm("/referrals",
                                             {{"source", "police"},
                                              {"referrer_name", "Sergente Anne Calque"},
                                              {"received_on", "2026-13-45"},
                                              {"person_legal_name", ""},
                                              {"summary", "Texte tapé à garder"}},
                                             "/referrals/new");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("value=\"Sergente Anne Calque\""), std::string::npos);
  EXPECT_NE(refused.body.find("Texte tapé à garder</textarea>"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"2026-13-45\""), std::string::npos);
  EXPECT_NE(refused.body.find("id=\"person_legal_name-error\""), std::string::npos);
  EXPECT_NE(refused.body.find("id=\"received_on-error\""), std::string::npos);
  EXPECT_NE(refused.body.find("<option value=\"police\" selected>"), std::string::npos);
  EXPECT_EQ(intake_.CountRows("referrals", a_.id), 0);

  const auto file = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001");
  const std::string edit = "/core-members/" + std::to_string(file) + "/edit";
  const auto bad = coordinator->PostForm(edit,
                                         {{"legal_name", "Marcel Exemple"},
                                          {"file_number", "2026-001"},
                                          {"preferred_language", "fr"},
                                          {"email", "pas une adresse"},
                                          {"offence_summary", "Résumé tapé"}},
                                         edit);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("value=\"pas une adresse\""), std::string::npos);
  EXPECT_NE(bad.body.find("Résumé tapé</textarea>"), std::string::npos);
  EXPECT_NE(bad.body.find("id=\"email-error\""), std::string::npos);
  EXPECT_EQ(intake_.StoredCoreMember(a_.id, file).offence_summary, "");

  // A file number another file uses is refused too.
  intake_.CreateCoreMember(a_.id, "Gaston Fictif", "2026-002");
  const auto taken = coordinator->PostForm(
      edit,
      {{"legal_name", "Marcel Exemple"}, {"file_number", "2026-002"}, {"preferred_language", "fr"}},
      edit);
  EXPECT_EQ(taken.status, 422);
  EXPECT_NE(taken.body.find("id=\"file_number-error\""), std::string::npos);
  EXPECT_EQ(intake_.StoredCoreMember(a_.id, file).file_number, "2026-001");
}

TEST_P(CoreMemberPages, VolunteersPartnersAndEvaluatorsReceiveNothingOfTheFile) {
  const auto seeded = intake_.SeedFullFile(a_.id, "Marcel Exemple", "2026-001");
  const std::vector<std::string> secrets = {kOffenceSecret,   kVictimSecret,    kPlaceSecret,
                                            kRiskScoreSecret, kRiskLevelSecret, kDocumentSecret};
  const auto id = [](std::int64_t value) { return std::to_string(value); };
  const std::vector<std::string> records = {
      "/core-members",
      "/core-members?q=Marcel",
      "/core-members/" + id(seeded.core_member_id),
      "/core-members/" + id(seeded.core_member_id) + "/edit",
      "/core-members/" + id(seeded.core_member_id) + "/orders/new",
      "/core-members/" + id(seeded.core_member_id) + "/risk/new",
      "/core-members/" + id(seeded.core_member_id) + "/consents/new",
      "/core-members/orders/" + id(seeded.order_id) + "/edit",
      "/core-members/orders/" + id(seeded.order_id) + "/conditions/new",
      "/core-members/conditions/" + id(seeded.protected_condition_id) + "/edit",
      "/core-members/documents/" + id(seeded.document_id),
      "/referrals",
      "/referrals/new",
      "/referrals/" + id(seeded.referral_id),
      "/referrals/" + id(seeded.referral_id) + "/edit",
      "/referrals/" + id(seeded.referral_id) + "/accept",
      "/referrals/documents/" + id(seeded.referral_document_id),
  };
  // Every other page a signed-in person can open without naming a record.
  std::vector<std::string> pages;
  for (const auto& route : web::AllRoutes()) {
    if (route.method == web::Method::kGet && route.pattern.find('{') == std::string::npos &&
        route.access == web::Access::kSignedIn) {
      pages.push_back(route.pattern);
    }
  }
  pages.push_back("/");
  for (const auto* user : {&a_.volunteer, &a_.partner, &a_.evaluator}) {
    auto client = auth_.SignedInClient(*user);
    const std::size_t denials = auth_.CountAuditEntries(a_.id, "authz.denied", user->id);
    for (const auto& path : records) {
      const auto result = client->Get(path);
      EXPECT_EQ(result.status, 404) << user->email << " " << path;
      for (const auto& secret : secrets) {
        EXPECT_EQ(result.body.find(secret), std::string::npos)
            << user->email << " " << path << " " << secret;
      }
    }
    EXPECT_EQ(auth_.CountAuditEntries(a_.id, "authz.denied", user->id), denials + records.size());
    for (const auto& path : pages) {
      const auto result = client->Get(path);
      for (const auto& secret : secrets) {
        EXPECT_EQ(result.body.find(secret), std::string::npos)
            << user->email << " " << path << " " << secret;
      }
      EXPECT_EQ(result.body.find("Marcel Exemple"), std::string::npos)
          << user->email << " " << path;
    }
    // Changing anything is refused the same way.
    const std::string file = "/core-members/" + id(seeded.core_member_id);
    EXPECT_EQ(client->PostForm(file + "/status", {{"to", "closed"}, {"reason", "Essai"}}).status,
              404);
    EXPECT_EQ(intake_.StoredCoreMember(a_.id, seeded.core_member_id).status,
              domain::CoreMemberStatus::kWaitingForCircle);
  }
  // The same pages give staff what volunteers must not get: the test would notice a leak.
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto file = coordinator->Get("/core-members/" + id(seeded.core_member_id));
  ASSERT_EQ(file.status, 200);
  for (const auto& secret :
       {kOffenceSecret, kVictimSecret, kPlaceSecret, kRiskScoreSecret, kRiskLevelSecret}) {
    EXPECT_NE(file.body.find(secret), std::string::npos) << secret;
  }
  EXPECT_NE(coordinator->Get("/core-members/documents/" + id(seeded.document_id))
                .body.find(kDocumentSecret),
            std::string::npos);
}

TEST_P(CoreMemberPages, AnotherOrganisationsCoordinatorGetsTheSame404AsForNothing) {
  const auto seeded = intake_.SeedFullFile(a_.id, "Marcel Exemple", "2026-001");
  const auto own = intake_.CreateCoreMember(b_.id, "Marcel Éxemplaire", "B-7");
  const auto id = [](std::int64_t value) { return std::to_string(value); };
  const std::vector<std::pair<std::string, std::string>> records = {
      {"/core-members/", ""},
      {"/core-members/", "/edit"},
      {"/core-members/documents/", ""},
      {"/referrals/", ""},
      {"/referrals/documents/", ""},
      {"/core-members/orders/", "/edit"},
      {"/core-members/conditions/", "/edit"},
  };
  const std::vector<std::int64_t> targets = {seeded.core_member_id,        seeded.core_member_id,
                                             seeded.document_id,           seeded.referral_id,
                                             seeded.referral_document_id,  seeded.order_id,
                                             seeded.protected_condition_id};
  for (const auto* user : {&b_.coordinator, &b_.admin}) {
    auto client = auth_.SignedInClient(*user);
    for (std::size_t i = 0; i < records.size(); ++i) {
      const std::string path = records[i].first + id(targets[i]) + records[i].second;
      const std::string missing = records[i].first + kMissingId + records[i].second;
      const auto result = client->Get(path);
      const auto nothing = client->Get(missing);
      EXPECT_EQ(result.status, 404) << path;
      EXPECT_EQ(nothing.status, 404) << missing;
      EXPECT_EQ(ComparablePage(result.body, {path}), ComparablePage(nothing.body, {missing}))
          << path;
    }
    // The search finds the organisation's own file, never the other's.
    const auto search = client->Get("/core-members?q=marcel+exemple");
    ASSERT_EQ(search.status, 200);
    EXPECT_EQ(search.body.find("href=\"/core-members/" + id(seeded.core_member_id) + "\""),
              std::string::npos);
    EXPECT_EQ(search.body.find("2026-001"), std::string::npos);
    const auto own_search = client->Get("/core-members?q=MARCEL+EXEMPLAIRE");
    EXPECT_NE(own_search.body.find("href=\"/core-members/" + id(own) + "\""), std::string::npos);
    EXPECT_EQ(client->Get("/referrals?status=all").body.find("Marcel Exemple"), std::string::npos);
    // Nothing can be changed either.
    const std::string file = "/core-members/" + id(seeded.core_member_id);
    EXPECT_EQ(client->PostForm(file + "/status", {{"to", "closed"}, {"reason", "Essai"}}).status,
              404);
    EXPECT_EQ(Upload(*client, file + "/documents", "rapport.pdf", "%PDF-1.4 intrus").status, 404);
  }
  EXPECT_EQ(intake_.StoredCoreMember(a_.id, seeded.core_member_id).status,
            domain::CoreMemberStatus::kWaitingForCircle);
  EXPECT_EQ(intake_.CountRows("documents", a_.id), 2);
}

TEST_P(CoreMemberPages, TheSearchIgnoresAccentsAndStaysInTheOrganisation) {
  intake_.CreateCoreMember(a_.id, "Hélène-Marc Côté", "2026-011");
  intake_.CreateCoreMember(a_.id, "Gaston Fictif", "2026-012");
  intake_.CreateCoreMember(b_.id, "Helene-Marc Cote", "B-2026-011");
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto found = coordinator->Get("/core-members?q=helene");
  ASSERT_EQ(found.status, 200);
  EXPECT_NE(found.body.find("Hélène-Marc Côté"), std::string::npos);
  EXPECT_EQ(found.body.find("Gaston Fictif"), std::string::npos);
  EXPECT_EQ(found.body.find("B-2026-011"), std::string::npos);
  const auto by_number = coordinator->Get("/core-members?q=2026-012");
  EXPECT_NE(by_number.body.find("Gaston Fictif"), std::string::npos);
  EXPECT_EQ(by_number.body.find("Côté"), std::string::npos);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "core_member.search", a_.coordinator.id), 2u);
  auto other = auth_.SignedInClient(b_.coordinator);
  const auto theirs = other->Get("/core-members?q=H%C3%A9l%C3%A8ne");
  EXPECT_NE(theirs.body.find("B-2026-011"), std::string::npos);
  EXPECT_EQ(theirs.body.find(">2026-011<"), std::string::npos);
}

TEST_P(CoreMemberPages, AFileRenamedToPdfThatIsReallyHtmlIsRefused) {
  const auto file = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001");
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto before = FilesOnDisk().size();
  const auto refused =
      Upload(*coordinator, "/core-members/" + std::to_string(file) + "/documents", "rapport.pdf",
             "<!doctype html><html><script>alert(1)</script></html>", "Titre gardé");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("id=\"document-file-error\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"Titre gardé\""), std::string::npos);
  EXPECT_EQ(intake_.CountRows("documents", a_.id), 0);
  EXPECT_EQ(FilesOnDisk().size(), before);
}

TEST_P(CoreMemberPages, PathTraversalNamesAreRefused) {
  const auto file = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001");
  const auto referral = intake_.CreateReferral(a_.id, "Valère Ébauchon");
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  for (const std::string name :
       {"../../etc/passwd.pdf", "..\\..\\boot.pdf", "dossier/rapport.pdf", ".cache.pdf"}) {
    for (const std::string& path : {"/core-members/" + std::to_string(file) + "/documents",
                                    "/referrals/" + std::to_string(referral) + "/documents"}) {
      const auto refused = Upload(*coordinator, path, name, "%PDF-1.4 contenu");
      EXPECT_EQ(refused.status, 422) << name << " " << path;
      EXPECT_NE(refused.body.find("id=\"document-file-error\""), std::string::npos) << name;
    }
  }
  EXPECT_EQ(intake_.CountRows("documents", a_.id), 0);
  EXPECT_TRUE(FilesOnDisk().empty());
  EXPECT_FALSE(std::filesystem::exists(folder_ + "/etc"));
}

TEST_P(CoreMemberPages, AStoredFileIsEncryptedAndComesBackExactWithAnAuditEntry) {
  const auto file = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001");
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  std::string bytes = std::string("%PDF-1.7\n") + kDocumentSecret + "\n";
  for (int i = 0; i < 70000; ++i)
    bytes += static_cast<char>((i * 7) % 256);  // several encrypted chunks
  bytes += "\n%%EOF\n";
  const auto stored = Upload(*coordinator, "/core-members/" + std::to_string(file) + "/documents",
                             "Évaluation 2026.pdf", bytes, "Évaluation du risque");
  ASSERT_EQ(stored.status, 303);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "document.upload", a_.coordinator.id), 1u);
  const auto on_disk = FilesOnDisk();
  ASSERT_EQ(on_disk.size(), 1u);
  EXPECT_EQ(on_disk[0].find(kDocumentSecret), std::string::npos) << "plaintext on disk";
  EXPECT_EQ(on_disk[0].find("%PDF"), std::string::npos);
  for (const auto& entry : std::filesystem::directory_iterator(documents_)) {
    const std::string name = entry.path().filename().string();
    EXPECT_EQ(name.find("valuation"), std::string::npos) << "the name on disk is random";
    EXPECT_EQ(name.find(".pdf"), std::string::npos) << "the name on disk is random";
  }

  const auto page = coordinator->Get("/core-members/" + std::to_string(file));
  std::smatch match;
  ASSERT_TRUE(std::regex_search(page.body, match,
                                std::regex(R"re(href="/core-members/documents/(\d+)")re")));
  const std::string download = "/core-members/documents/" + match[1].str();
  const auto downloads = auth_.CountAuditEntries(a_.id, "document.download", a_.coordinator.id);
  const auto got = coordinator->Get(download);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, bytes);
  EXPECT_EQ(got.Header("content-type"), "application/pdf");
  EXPECT_TRUE(got.Header("content-disposition").starts_with("attachment;"));
  EXPECT_EQ(got.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "document.download", a_.coordinator.id), downloads + 1);

  // Removing it deletes the encrypted bytes; the record stays for the audit trail.
  EXPECT_EQ(coordinator->PostForm(download + "/remove", {}).status, 303);
  EXPECT_EQ(coordinator->Get(download).status, 404);
  EXPECT_TRUE(FilesOnDisk().empty());
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "document.remove", a_.coordinator.id), 1u);
}

TEST_P(CoreMemberPages, AReferralsDocumentsComeWithItAndDownloadThroughItsPolicy) {
  const auto referral = intake_.CreateReferral(a_.id, "Valère Ébauchon");
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::string page = "/referrals/" + std::to_string(referral);
  const std::string bytes =
      "\x89PNG\r\n\x1a\n" + std::string(kDocumentSecret) + std::string(40, '\0');
  ASSERT_EQ(Upload(*coordinator, page + "/documents", "jugement.png", bytes, "Jugement").status,
            303);
  const auto shown = coordinator->Get(page);
  std::smatch match;
  ASSERT_TRUE(
      std::regex_search(shown.body, match, std::regex(R"re(href="/referrals/documents/(\d+)")re")));
  const auto got = coordinator->Get("/referrals/documents/" + match[1].str());
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, bytes);
  EXPECT_EQ(got.Header("content-type"), "image/png");
  // The download path of the other kind of owner does not serve it.
  EXPECT_EQ(coordinator->Get("/core-members/documents/" + match[1].str()).status, 404);
  EXPECT_EQ(
      auth_.SignedInClient(a_.volunteer)->Get("/referrals/documents/" + match[1].str()).status,
      404);
}

TEST_P(CoreMemberPages, TheFileShowsWhoViewedIt) {
  const auto file = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001");
  const std::string path = "/core-members/" + std::to_string(file);
  EXPECT_EQ(auth_.SignedInClient(a_.admin)->Get(path).status, 200);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto page = coordinator->Get(path);
  ASSERT_EQ(page.status, 200);
  const std::string viewers = page.body.substr(page.body.find(French("Who viewed this file")));
  EXPECT_NE(viewers.find(a_.admin.display_name), std::string::npos);
  EXPECT_NE(viewers.find(a_.coordinator.display_name), std::string::npos);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "core_member.view"), 2u);
}

TEST_P(CoreMemberPages, ClosingAFileNeedsAReasonAndIsRecordedInItsHistory) {
  const auto file = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001");
  const std::string path = "/core-members/" + std::to_string(file);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto refused =
      coordinator->PostForm(path + "/status", {{"to", "closed"}, {"reason", ""}}, path);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("id=\"reason-error\""), std::string::npos);
  EXPECT_NE(refused.body.find("data-confirm"), std::string::npos)
      << "closing asks for confirmation";
  EXPECT_EQ(intake_.StoredCoreMember(a_.id, file).status, domain::CoreMemberStatus::kInCircle);
  const auto wrong = coordinator->PostForm(path + "/status", {{"to", "candidate"}}, path);
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(
      coordinator
          ->PostForm(path + "/status", {{"to", "closed"}, {"reason", "Déménagé à Gaspé"}}, path)
          .status,
      303);
  EXPECT_EQ(intake_.StoredCoreMember(a_.id, file).status, domain::CoreMemberStatus::kClosed);
  const auto page = coordinator->Get(path);
  EXPECT_NE(page.body.find("Déménagé à Gaspé"), std::string::npos);
  EXPECT_EQ(coordinator->PostForm(path + "/status", {{"to", "candidate"}}, path).status, 409);
}

TEST_P(CoreMemberPages, AWithdrawnConsentShowsAtAGlance) {
  const auto file = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001");
  const auto consent = intake_.AddConsent(a_.id, file);
  const std::string path = "/core-members/" + std::to_string(file);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::string warning = FrenchText("Consents that can no longer be relied on:");
  EXPECT_EQ(coordinator->Get(path).body.find(warning), std::string::npos);
  const std::string withdraw = "/core-members/consents/" + std::to_string(consent) + "/withdraw";
  const auto future = coordinator->PostForm(
      withdraw, {{"withdrawn_on", "2027-01-01"}, {"consent", std::to_string(consent)}}, path);
  EXPECT_EQ(future.status, 422);
  EXPECT_NE(future.body.find("value=\"2027-01-01\""), std::string::npos);
  EXPECT_EQ(
      coordinator->PostForm(withdraw, {{"withdrawn_on", FormatIsoDate(intake_.Today())}}, path)
          .status,
      303);
  const auto page = coordinator->Get(path);
  EXPECT_NE(page.body.find(warning), std::string::npos);
  EXPECT_EQ(
      coordinator->PostForm(withdraw, {{"withdrawn_on", FormatIsoDate(intake_.Today())}}, path)
          .status,
      409);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "core_member.consent_withdraw"), 1u);
}

TEST_P(CoreMemberPages, AConditionKeepsItsVictimDetailsForStaffOnly) {
  const auto seeded = intake_.SeedFullFile(a_.id, "Marcel Exemple", "2026-001");
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::string form_page =
      "/core-members/orders/" + std::to_string(seeded.order_id) + "/conditions/new";
  const std::string create =
      "/core-members/orders/" + std::to_string(seeded.order_id) + "/conditions";
  const auto refused = coordinator->PostForm(
      create,
      {{"kind", "no_contact_person"}, {"text", "Aucun contact"}, {"victim_places", "Parc tapé"}},
      form_page);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("id=\"victim_identity-error\""), std::string::npos);
  EXPECT_NE(refused.body.find("Parc tapé</textarea>"), std::string::npos);
  const auto saved = coordinator->PostForm(create,
                                           {{"kind", "exclusion_zone"},
                                            {"text", "Ne pas approcher"},
                                            {"protects_victim", "1"},
                                            {"victim_identity", "Nouvelle-Victime-Essai"},
                                            {"ends_on", FormatIsoDate(intake_.Today())}},
                                           form_page);
  EXPECT_EQ(saved.status, 303);
  const auto page = coordinator->Get("/core-members/" + std::to_string(seeded.core_member_id));
  EXPECT_NE(page.body.find("Nouvelle-Victime-Essai"), std::string::npos);
  EXPECT_EQ(auth_.SignedInClient(a_.volunteer)
                ->Get("/core-members/" + std::to_string(seeded.core_member_id))
                .body.find("Nouvelle-Victime-Essai"),
            std::string::npos);
}

TEST_P(CoreMemberPages, KeyDatesWithinThirtyDaysAppearOnTheCoordinatorsHomePage) {
  const auto soon = intake_.SeedFullFile(a_.id, "Marcel Exemple", "2026-001");
  const auto today = intake_.Today();
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  // The seeded order ends in 300 days and the warrant expires in 400: nothing yet.
  EXPECT_EQ(coordinator->Get("/").body.find("Marcel Exemple"), std::string::npos);
  const std::string edit = "/core-members/" + std::to_string(soon.core_member_id) + "/edit";
  ASSERT_EQ(coordinator
                ->PostForm(edit,
                           {{"legal_name", "Marcel Exemple"},
                            {"file_number", "2026-001"},
                            {"preferred_language", "fr"},
                            {"warrant_expiry_date", FormatIsoDate(AddDays(today, 5))}},
                           edit)
                .status,
            303);
  const std::string order = "/core-members/orders/" + std::to_string(soon.order_id) + "/edit";
  ASSERT_EQ(coordinator
                ->PostForm(order,
                           {{"order_type", "full_parole"},
                            {"starts_on", FormatIsoDate(AddDays(today, -100))},
                            {"ends_on", FormatIsoDate(AddDays(today, 20))}},
                           order)
                .status,
            303);
  const auto home = coordinator->Get("/");
  ASSERT_EQ(home.status, 200);
  const std::string expiry = i18n::Substitute(French("Warrant expiry of {name} ({number})"),
                                              {{"name", "Marcel Exemple"}, {"number", "2026-001"}});
  const auto at = home.body.find(expiry);
  ASSERT_NE(at, std::string::npos) << expiry;
  EXPECT_NE(home.body.rfind("attention__item--urgent", at), std::string::npos)
      << "within 7 days: urgent";
  const std::string ending = i18n::Substitute(
      French("End of an order ({what}) for {name} ({number})"),
      {{"what", French("Full parole")}, {"name", "Marcel Exemple"}, {"number", "2026-001"}});
  EXPECT_NE(home.body.find(ending), std::string::npos) << ending;
  EXPECT_NE(
      home.body.find("href=\"/core-members/" + std::to_string(soon.core_member_id) + "#legal\""),
      std::string::npos);
  EXPECT_EQ(auth_.SignedInClient(a_.volunteer)->Get("/").body.find("Marcel Exemple"),
            std::string::npos);
  EXPECT_EQ(auth_.SignedInClient(b_.coordinator)->Get("/").body.find("Marcel Exemple"),
            std::string::npos);
}

TEST_P(CoreMemberPages, AnAdministratorAdjustsTheEligibilityCriteria) {
  const auto referral =
      intake_.CreateReferral(a_.id, "Sylvain Croquis", {domain::ReferralStatus::kScreening}, true);
  const std::string page = "/referrals/" + std::to_string(referral);
  auto admin = auth_.SignedInClient(a_.admin);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  EXPECT_EQ(coordinator->Get("/admin/eligibility").status, 403);
  const auto criteria = admin->Get("/admin/eligibility");
  ASSERT_EQ(criteria.status, 200);
  EXPECT_NE(criteria.body.find(French("Asks for help himself, and consents")), std::string::npos);

  EXPECT_EQ(admin->PostForm("/admin/eligibility", {{"label", "  "}}, "/admin/eligibility").status,
            422);
  ASSERT_EQ(admin
                ->PostForm("/admin/eligibility", {{"label", "Réside dans la région"}},
                           "/admin/eligibility")
                .status,
            303);
  // The new criterion is missing on the referral, and blocks its acceptance.
  const auto missing = coordinator->Get(page);
  const std::string missing_list =
      missing.body.substr(missing.body.find(French("Criteria missing:")));
  EXPECT_NE(missing_list.substr(0, missing_list.find("</ul>")).find("Réside dans la région"),
            std::string::npos);
  EXPECT_EQ(coordinator->PostForm(page + "/accept", {{"file_number", "2026-001"}}, page).status,
            422);

  std::smatch match;
  const auto listed = admin->Get("/admin/eligibility");
  ASSERT_TRUE(std::regex_search(
      listed.body, match,
      std::regex(
          R"re(action="/admin/eligibility/(\d+)"[^<]*<input[^>]*>\s*<div[^>]*>\s*<label[^>]*>[^<]*</label>\s*<textarea[^>]*>Réside)re")));
  const std::string criterion = "/admin/eligibility/" + match[1].str();
  EXPECT_EQ(
      admin->PostForm(criterion, {{"label", "Réside dans la grande région"}}, "/admin/eligibility")
          .status,
      303);
  EXPECT_NE(coordinator->Get(page).body.find("Réside dans la grande région"), std::string::npos);
  EXPECT_EQ(admin->PostForm(criterion + "/retire", {}, "/admin/eligibility").status, 303);
  EXPECT_EQ(coordinator->Get(page).body.find("Réside dans la grande région"), std::string::npos);
  EXPECT_EQ(coordinator->PostForm(page + "/accept", {{"file_number", "2026-001"}}, page).status,
            303)
      << "a retired criterion no longer blocks";
  EXPECT_EQ(admin->PostForm(criterion + "/restore", {}, "/admin/eligibility").status, 303);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "eligibility.create"), 1u);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "eligibility.update"), 1u);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "eligibility.retire"), 1u);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "eligibility.restore"), 1u);
  // Organisation B's administrator cannot touch A's criteria.
  EXPECT_EQ(auth_.SignedInClient(b_.admin)
                ->PostForm(criterion + "/retire", {}, "/admin/eligibility")
                .status,
            404);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, CoreMemberPages, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, CoreMemberPages, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
