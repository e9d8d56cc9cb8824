#include "store/expense_store.hpp"

#include <string>

#include "store/table.hpp"

namespace cercle::store {
namespace {

// The organisation's rates per kilometre, with their history.
struct MileageRates {
  using Record = domain::MileageRate;
  static constexpr TableColumns kColumns{.table = "mileage_rates",
                                         .fixed = "organisation_id, effective_from, cents_per_km",
                                         .created = "set_by, set_at"};
  static auto Fields(Record& rate) {
    return std::tie(rate.id, rate.organisation_id, rate.effective_from, rate.cents_per_km);
  }
};

// Volunteers' claims. Their review and payment are written by the statements below.
struct ExpenseClaims {
  using Record = domain::ExpenseClaim;
  static constexpr TableColumns kColumns{
      .table = "expense_claims",
      .fixed =
          "organisation_id, volunteer_id, incurred_on, kind, tenths_km, amount_cents, "
          "circle_id, meeting_id, contact_id, note, receipt_document_id, status, "
          "refusal_reason",
      .created = "submitted_by, submitted_at"};
  static auto Fields(Record& claim) {
    return std::tie(claim.id, claim.organisation_id, claim.volunteer_id, claim.incurred_on,
                    claim.kind, claim.tenths_km, claim.amount_cents, claim.circle_id,
                    claim.meeting_id, claim.contact_id, claim.note, claim.receipt_document_id,
                    claim.status, claim.refusal_reason);
  }
};

using ListedRows = WithJoined<ExpenseClaims, &ListedClaim::claim, &ListedClaim::volunteer_name,
                              &ListedClaim::circle_code_name>;

constexpr const char* kRemoveRateOfDay = R"sql(
    DELETE FROM mileage_rates
    WHERE organisation_id = :organisation AND effective_from = :day)sql";
constexpr const char* kSetReceipt = R"sql(
    UPDATE expense_claims SET receipt_document_id = :document
    WHERE id = :id AND organisation_id = :organisation)sql";
constexpr const char* kListed = R"sql(
    SELECT {columns}, v.first_name || ' ' || v.last_name, COALESCE(c.code_name, '')
    FROM expense_claims e
    JOIN volunteers v ON v.id = e.volunteer_id AND v.organisation_id = e.organisation_id
    LEFT JOIN circles c ON c.id = e.circle_id AND c.organisation_id = e.organisation_id
    WHERE e.organisation_id = :organisation AND e.status = :status
    ORDER BY e.incurred_on, e.id)sql";
constexpr const char* kReview = R"sql(
    UPDATE expense_claims
    SET status = :status, refusal_reason = :reason, reviewed_by = :by, reviewed_at = :now
    WHERE id = :id AND organisation_id = :organisation AND status = 'submitted')sql";
constexpr const char* kMarkPaid = R"sql(
    UPDATE expense_claims SET status = 'paid', paid_by = :by, paid_at = :now
    WHERE id = :id AND organisation_id = :organisation AND status = 'approved')sql";
constexpr const char* kCosts =
    "AND status IN ('approved', 'paid') AND incurred_on >= :first AND incurred_on <= :last "
    "ORDER BY incurred_on, id";
// Meetings held in a circle while the volunteer was a member of it, and contacts they logged.
constexpr const char* kLinkMeetings = R"sql(
    SELECT m.id, m.circle_id, c.code_name, m.starts_at
    FROM circle_meetings m
    JOIN circles c ON c.id = m.circle_id AND c.organisation_id = m.organisation_id
    WHERE m.organisation_id = :organisation
      AND EXISTS (SELECT 1 FROM circle_members cm
                  WHERE cm.circle_id = m.circle_id AND cm.organisation_id = m.organisation_id
                    AND cm.volunteer_id = :volunteer)
      AND m.cancelled_at IS NULL AND m.starts_at >= :since_at AND m.starts_at <= :now
    ORDER BY m.starts_at DESC, m.id DESC
    LIMIT 60)sql";
constexpr const char* kLinkContacts = R"sql(
    SELECT k.id, k.circle_id, c.code_name, k.contacted_on
    FROM circle_contacts k
    JOIN circles c ON c.id = k.circle_id AND c.organisation_id = k.organisation_id
    WHERE k.organisation_id = :organisation AND k.volunteer_id = :volunteer
      AND k.contacted_on >= :since
    ORDER BY k.contacted_on DESC, k.id DESC
    LIMIT 60)sql";

constexpr const char* kOfVolunteer = "AND volunteer_id = :volunteer";

Bindings OfStatus(std::int64_t organisation_id, domain::ExpenseStatus status) {
  Bindings bindings = OfOrganisation(organisation_id);
  bindings.texts.emplace_back("status", std::string(domain::NameOf(status)));
  return bindings;
}

}  // namespace

std::vector<domain::MileageRate> ExpenseStore::Rates(std::int64_t organisation_id) {
  return SelectWhere<MileageRates>(session_, "ORDER BY effective_from, id",
                                   OfOrganisation(organisation_id));
}

void ExpenseStore::SetRate(const domain::MileageRate& rate, std::int64_t by, Instant now) {
  Bindings day = OfOrganisation(rate.organisation_id);
  day.texts.emplace_back("day", FormatIsoDate(rate.effective_from));
  Change(session_, kRemoveRateOfDay, day);
  const long long at = ToUnix(now);
  store::Insert<MileageRates>(session_, rate, [&](soci::statement& statement) {
    statement.exchange(soci::use(by, "set_by"));
    statement.exchange(soci::use(at, "set_at"));
  });
}

std::int64_t ExpenseStore::Insert(const domain::ExpenseClaim& claim, std::int64_t by, Instant now) {
  domain::ExpenseClaim stored = claim;
  stored.receipt_document_id.reset();
  const long long at = ToUnix(now);
  return store::Insert<ExpenseClaims>(session_, stored, [&](soci::statement& statement) {
    statement.exchange(soci::use(by, "submitted_by"));
    statement.exchange(soci::use(at, "submitted_at"));
  });
}

void ExpenseStore::SetReceipt(std::int64_t id, std::int64_t organisation_id,
                              std::int64_t document_id) {
  Change(session_, kSetReceipt,
         Params({{"document", document_id}, {"id", id}, {"organisation", organisation_id}}));
}

std::optional<domain::ExpenseClaim> ExpenseStore::Find(std::int64_t id,
                                                       std::int64_t organisation_id) {
  return store::Find<ExpenseClaims>(session_, id, organisation_id);
}

std::vector<domain::ExpenseClaim> ExpenseStore::OfVolunteer(std::int64_t volunteer_id,
                                                            std::int64_t organisation_id,
                                                            const PageSlice& slice) {
  return SelectWhere<ExpenseClaims>(
      session_,
      std::string(kOfVolunteer) + " ORDER BY incurred_on DESC, id DESC" + LimitClause(slice),
      OfOrganisation(organisation_id, {{"volunteer", volunteer_id}}));
}

std::int64_t ExpenseStore::CountOfVolunteer(std::int64_t volunteer_id,
                                            std::int64_t organisation_id) {
  return CountWhere<ExpenseClaims>(session_, kOfVolunteer,
                                   OfOrganisation(organisation_id, {{"volunteer", volunteer_id}}));
}

std::vector<ListedClaim> ExpenseStore::WithStatus(std::int64_t organisation_id,
                                                  domain::ExpenseStatus status,
                                                  const PageSlice& slice) {
  return FetchAll<TableRow<ListedRows>>(session_,
                                        Replaced(std::string(kListed) + LimitClause(slice),
                                                 "{columns}", ColumnsOf<ExpenseClaims>("e")),
                                        OfStatus(organisation_id, status));
}

std::vector<ListedClaim> ExpenseStore::AllWithStatus(std::int64_t organisation_id,
                                                     domain::ExpenseStatus status) {
  return FetchAll<TableRow<ListedRows>>(
      session_, Replaced(kListed, "{columns}", ColumnsOf<ExpenseClaims>("e")),
      OfStatus(organisation_id, status));
}

std::int64_t ExpenseStore::CountWithStatus(std::int64_t organisation_id,
                                           domain::ExpenseStatus status) {
  return CountWhere<ExpenseClaims>(session_, "AND status = :status",
                                   OfStatus(organisation_id, status));
}

bool ExpenseStore::Review(std::int64_t id, std::int64_t organisation_id,
                          domain::ExpenseStatus status, const std::string& reason, std::int64_t by,
                          Instant now) {
  return Change(
             session_, kReview,
             Bindings{
                 {{"by", by}, {"now", ToUnix(now)}, {"id", id}, {"organisation", organisation_id}},
                 {{"status", std::string(domain::NameOf(status))}, {"reason", reason}}}) == 1;
}

bool ExpenseStore::MarkPaid(std::int64_t id, std::int64_t organisation_id, std::int64_t by,
                            Instant now) {
  return Change(session_, kMarkPaid,
                Params({{"by", by},
                        {"now", ToUnix(now)},
                        {"id", id},
                        {"organisation", organisation_id}})) == 1;
}

std::vector<domain::ExpenseClaim> ExpenseStore::Costs(std::int64_t organisation_id, CivilDate first,
                                                      CivilDate last) {
  Bindings bindings = OfOrganisation(organisation_id);
  bindings.texts.emplace_back("first", FormatIsoDate(first));
  bindings.texts.emplace_back("last", FormatIsoDate(last));
  return SelectWhere<ExpenseClaims>(session_, kCosts, bindings);
}

std::vector<ClaimLink> ExpenseStore::LinksOfVolunteer(std::int64_t volunteer_id,
                                                      std::int64_t organisation_id, CivilDate since,
                                                      Instant since_at, Instant now) {
  std::vector<ClaimLink> links;
  for (const auto& [id, circle_id, code_name, starts_at] :
       FetchAll<TableRow<ValueRow<std::int64_t, std::int64_t, std::string, long long>>>(
           session_, kLinkMeetings,
           Params({{"organisation", organisation_id},
                   {"volunteer", volunteer_id},
                   {"since_at", ToUnix(since_at)},
                   {"now", ToUnix(now)}}))) {
    links.push_back(
        {ClaimLink::Kind::kMeeting, id, circle_id, code_name, FromUnix(starts_at), std::nullopt});
  }
  Bindings contacts = OfOrganisation(organisation_id, {{"volunteer", volunteer_id}});
  contacts.texts.emplace_back("since", FormatIsoDate(since));
  for (const auto& [id, circle_id, code_name, contacted_on] :
       FetchAll<TableRow<ValueRow<std::int64_t, std::int64_t, std::string, CivilDate>>>(
           session_, kLinkContacts, contacts)) {
    links.push_back({ClaimLink::Kind::kContact, id, circle_id, code_name, Instant{}, contacted_on});
  }
  return links;
}

}  // namespace cercle::store
