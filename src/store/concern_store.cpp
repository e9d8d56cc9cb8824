#include "store/concern_store.hpp"

#include <algorithm>

#include "store/circle_rows.hpp"

namespace cercle::store {
namespace {

using circle_rows::Id;
using circle_rows::Nullable;
using circle_rows::Time;

// A concern with its circle's code name and its raiser's name, in one organisation; the circle and
// the user are joined within the same organisation. Each query of rows adds its conditions (the
// columns are read by SelectRows, in this order).
constexpr const char* kSelectRows = R"sql(
  SELECT c.id, c.organisation_id, c.circle_id, c.meeting_id, c.category, c.severity, c.status,
         c.observed, c.observed_at, c.already_done, c.raised_by, c.raised_by_volunteer_id,
         c.raised_at, c.acknowledged_by, c.acknowledged_at, c.started_at, c.closed_by, c.closed_at,
         c.outcome, c.outcome_note, c.reply, c.replied_by, c.replied_at, c.updated_at,
         ci.code_name, u.display_name
  FROM concerns c
  JOIN circles ci ON ci.id = c.circle_id AND ci.organisation_id = c.organisation_id
  JOIN users u ON u.id = c.raised_by
  WHERE c.organisation_id = :organisation
)sql";
constexpr const char* kWhereId = R"sql( AND c.id = :key )sql";
constexpr const char* kWhereUnacknowledged = R"sql(
  AND c.status = 'raised'
  ORDER BY c.raised_at, c.id
)sql";
constexpr const char* kWhereRaisedBy = R"sql( AND c.raised_by = :key )sql";
constexpr const char* kNewestFirst = R"sql( ORDER BY c.raised_at DESC, c.id DESC )sql";

// The register's count, joined as its rows are so that both count the same concerns.
constexpr const char* kCountRows = R"sql(
  SELECT COUNT(*)
  FROM concerns c
  JOIN circles ci ON ci.id = c.circle_id AND ci.organisation_id = c.organisation_id
  JOIN users u ON u.id = c.raised_by
  WHERE c.organisation_id = :organisation
)sql";

constexpr const char* kInsert = R"sql(
  INSERT INTO concerns (organisation_id, circle_id, meeting_id, category, severity, status,
                        observed, observed_at, already_done, raised_by, raised_by_volunteer_id,
                        raised_at, updated_at)
  VALUES (:organisation, :circle, :meeting, :category, :severity, 'raised',
          :observed, :observed_at, :already_done, :raised_by, :volunteer,
          :raised_at, :updated_at)
  RETURNING id
)sql";
constexpr const char* kAcknowledge = R"sql(
  UPDATE concerns
  SET status = 'acknowledged', acknowledged_by = :by, acknowledged_at = :now, updated_at = :updated
  WHERE id = :id AND organisation_id = :organisation AND status = 'raised'
)sql";
constexpr const char* kStart = R"sql(
  UPDATE concerns
  SET status = 'in_progress', started_at = :now, updated_at = :updated
  WHERE id = :id AND organisation_id = :organisation AND status = 'acknowledged'
)sql";
constexpr const char* kClose = R"sql(
  UPDATE concerns
  SET status = 'closed', closed_by = :by, closed_at = :now, outcome = :outcome,
      outcome_note = :note, updated_at = :updated
  WHERE id = :id AND organisation_id = :organisation
    AND status IN ('acknowledged', 'in_progress')
)sql";
constexpr const char* kSetReply = R"sql(
  UPDATE concerns
  SET reply = :reply, replied_by = :by, replied_at = :now, updated_at = :updated
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kTimes = R"sql(
  SELECT raised_at, acknowledged_at, closed_at
  FROM concerns
  WHERE organisation_id = :organisation
)sql";

constexpr const char* kInsertAction = R"sql(
  INSERT INTO concern_actions (organisation_id, concern_id, kind, note, taken_at, meeting_id,
                               recorded_by, recorded_at)
  VALUES (:organisation, :concern, :kind, :note, :taken_at, :meeting, :by, :at)
  RETURNING id
)sql";
constexpr const char* kActions = R"sql(
  SELECT a.id, a.organisation_id, a.concern_id, a.kind, a.note, a.taken_at, a.meeting_id,
         a.recorded_by, a.recorded_at, u.display_name
  FROM concern_actions a
  JOIN users u ON u.id = a.recorded_by
  WHERE a.organisation_id = :organisation AND a.concern_id = :concern
  ORDER BY a.taken_at, a.id
)sql";

constexpr const char* kInsertDisclosure = R"sql(
  INSERT INTO concern_disclosures (organisation_id, concern_id, recipient_kind, partner_contact_id,
                                   recipient_name, recipient_organisation, disclosed_at, means,
                                   shared, basis, consent_id, agreement_id, explanation,
                                   recorded_by, recorded_at)
  VALUES (:organisation, :concern, :kind, :contact,
          :name, :recipient_organisation, :disclosed_at, :means,
          :shared, :basis, :consent, :agreement, :explanation,
          :by, :at)
  RETURNING id
)sql";
// A disclosure with its recorder's name and its circle's code name; completed by the conditions of
// each query (the columns are read by SelectDisclosures, in this order).
constexpr const char* kSelectDisclosures = R"sql(
  SELECT d.id, d.organisation_id, d.concern_id, d.recipient_kind, d.partner_contact_id,
         d.recipient_name, d.recipient_organisation, d.disclosed_at, d.means, d.shared, d.basis,
         d.consent_id, d.agreement_id, d.explanation, d.recorded_by, d.recorded_at,
         u.display_name, ci.code_name
  FROM concern_disclosures d
  JOIN users u ON u.id = d.recorded_by
  JOIN concerns c ON c.id = d.concern_id AND c.organisation_id = d.organisation_id
  JOIN circles ci ON ci.id = c.circle_id AND ci.organisation_id = c.organisation_id
  WHERE d.organisation_id = :organisation
)sql";
constexpr const char* kOfConcern = R"sql(
  AND d.concern_id = :key
  ORDER BY d.disclosed_at, d.id
)sql";
constexpr const char* kToContact = R"sql(
  AND d.partner_contact_id = :key
  ORDER BY d.disclosed_at DESC, d.id DESC
)sql";

// The conditions `filter` adds to the register's query.
std::string FilterWhere(const ConcernFilter& filter) {
  std::string where;
  if (filter.circle_id) where += "AND c.circle_id = :circle ";
  if (filter.category) where += "AND c.category = :category ";
  if (filter.severity) where += "AND c.severity = :severity ";
  if (filter.status) where += "AND c.status = :status ";
  if (filter.open_since) where += "AND c.status <> 'closed' AND c.raised_at <= :open_since ";
  return where;
}

// A filter's values, bound by name; kept alive until the statement runs.
struct FilterValues {
  std::int64_t circle = 0;
  std::string category, severity, status;
  long long open_since = 0;

  void Bind(soci::statement& statement, const ConcernFilter& filter) {
    if (filter.circle_id) {
      circle = *filter.circle_id;
      statement.exchange(soci::use(circle, "circle"));
    }
    if (filter.category) {
      category = std::string(domain::NameOf(*filter.category));
      statement.exchange(soci::use(category, "category"));
    }
    if (filter.severity) {
      severity = std::string(domain::NameOf(*filter.severity));
      statement.exchange(soci::use(severity, "severity"));
    }
    if (filter.status) {
      status = std::string(domain::NameOf(*filter.status));
      statement.exchange(soci::use(status, "status"));
    }
    if (filter.open_since) {
      open_since = ToUnix(*filter.open_since);
      statement.exchange(soci::use(open_since, "open_since"));
    }
  }
};

}  // namespace

std::int64_t ConcernStore::Insert(const domain::Concern& concern) {
  std::int64_t id = 0;
  auto meeting = Nullable(concern.meeting_id);
  auto volunteer = Nullable(concern.raised_by_volunteer);
  const std::string category(domain::NameOf(concern.category));
  const std::string severity(domain::NameOf(concern.severity));
  const long long observed_at = ToUnix(concern.observed_at);
  const long long raised_at = ToUnix(concern.raised_at);
  const long long updated_at = ToUnix(concern.updated_at);
  session_ << kInsert, soci::use(concern.organisation_id, "organisation"),
      soci::use(concern.circle_id, "circle"),
      soci::use(meeting.value, meeting.indicator, "meeting"), soci::use(category, "category"),
      soci::use(severity, "severity"), soci::use(concern.observed, "observed"),
      soci::use(observed_at, "observed_at"), soci::use(concern.already_done, "already_done"),
      soci::use(concern.raised_by, "raised_by"),
      soci::use(volunteer.value, volunteer.indicator, "volunteer"),
      soci::use(raised_at, "raised_at"), soci::use(updated_at, "updated_at"), soci::into(id);
  return id;
}

std::vector<ConcernRow> ConcernStore::SelectRows(const std::string& where,
                                                 std::int64_t organisation_id, std::int64_t key,
                                                 const ConcernFilter* filter) {
  ConcernRow row;
  auto& c = row.concern;
  std::string category, severity, status, outcome;
  long long observed_at = 0, raised_at = 0, acknowledged_at = 0, started_at = 0, closed_at = 0,
            replied_at = 0, updated_at = 0;
  std::int64_t meeting = 0, volunteer = 0, acknowledged_by = 0, closed_by = 0, replied_by = 0;
  soci::indicator meeting_indicator, volunteer_indicator, acknowledged_by_indicator,
      acknowledged_at_indicator, started_indicator, closed_by_indicator, closed_at_indicator,
      outcome_indicator, replied_by_indicator, replied_at_indicator;
  soci::statement statement =
      (session_.prepare << std::string(kSelectRows) + where, soci::into(c.id),
       soci::into(c.organisation_id), soci::into(c.circle_id),
       soci::into(meeting, meeting_indicator), soci::into(category), soci::into(severity),
       soci::into(status), soci::into(c.observed), soci::into(observed_at),
       soci::into(c.already_done), soci::into(c.raised_by),
       soci::into(volunteer, volunteer_indicator), soci::into(raised_at),
       soci::into(acknowledged_by, acknowledged_by_indicator),
       soci::into(acknowledged_at, acknowledged_at_indicator),
       soci::into(started_at, started_indicator), soci::into(closed_by, closed_by_indicator),
       soci::into(closed_at, closed_at_indicator), soci::into(outcome, outcome_indicator),
       soci::into(c.outcome_note), soci::into(c.reply),
       soci::into(replied_by, replied_by_indicator), soci::into(replied_at, replied_at_indicator),
       soci::into(updated_at), soci::into(row.code_name), soci::into(row.raised_by_name));
  statement.exchange(soci::use(organisation_id, "organisation"));
  FilterValues values;
  if (filter) {
    values.Bind(statement, *filter);
  } else if (where.find(":key") != std::string::npos) {
    statement.exchange(soci::use(key, "key"));
  }
  statement.define_and_bind();
  statement.execute();
  std::vector<ConcernRow> rows;
  while (statement.fetch()) {
    ConcernRow found = row;
    auto& concern = found.concern;
    concern.meeting_id = Id(meeting, meeting_indicator);
    concern.category = domain::ParseEnum<domain::ConcernCategory>(category).value_or(
        domain::ConcernCategory::kOther);
    concern.severity =
        domain::ParseEnum<domain::Severity>(severity).value_or(domain::Severity::kConcern);
    concern.status =
        domain::ParseEnum<domain::ConcernStatus>(status).value_or(domain::ConcernStatus::kRaised);
    concern.observed_at = FromUnix(observed_at);
    concern.raised_by_volunteer = Id(volunteer, volunteer_indicator);
    concern.raised_at = FromUnix(raised_at);
    concern.acknowledged_by = Id(acknowledged_by, acknowledged_by_indicator);
    concern.acknowledged_at = Time(acknowledged_at, acknowledged_at_indicator);
    concern.started_at = Time(started_at, started_indicator);
    concern.closed_by = Id(closed_by, closed_by_indicator);
    concern.closed_at = Time(closed_at, closed_at_indicator);
    concern.outcome = outcome_indicator == soci::i_ok
                          ? domain::ParseEnum<domain::ConcernOutcome>(outcome)
                          : std::nullopt;
    concern.replied_by = Id(replied_by, replied_by_indicator);
    concern.replied_at = Time(replied_at, replied_at_indicator);
    concern.updated_at = FromUnix(updated_at);
    rows.push_back(std::move(found));
  }
  return rows;
}

std::optional<domain::Concern> ConcernStore::Find(std::int64_t id, std::int64_t organisation_id) {
  auto row = FindRow(id, organisation_id);
  if (!row) return std::nullopt;
  return std::move(row->concern);
}

std::optional<ConcernRow> ConcernStore::FindRow(std::int64_t id, std::int64_t organisation_id) {
  auto rows = SelectRows(kWhereId, organisation_id, id, nullptr);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<ConcernRow> ConcernStore::Register(std::int64_t organisation_id,
                                               const ConcernFilter& filter,
                                               const PageSlice& slice) {
  return SelectRows(FilterWhere(filter) + kNewestFirst + LimitClause(slice), organisation_id, 0,
                    &filter);
}

std::int64_t ConcernStore::CountRegister(std::int64_t organisation_id,
                                         const ConcernFilter& filter) {
  long long count = 0;
  soci::statement statement =
      (session_.prepare << std::string(kCountRows) + FilterWhere(filter), soci::into(count));
  statement.exchange(soci::use(organisation_id, "organisation"));
  FilterValues values;
  values.Bind(statement, filter);
  statement.define_and_bind();
  statement.execute(true);
  return count;
}

namespace {

// "AND c.circle_id IN (…)" for `circle_ids` (whole numbers, never user text); a condition no row
// meets when there is none.
std::string CircleIn(const std::vector<std::int64_t>& circle_ids) {
  if (circle_ids.empty()) return "AND 1 = 0 ";
  std::string list;
  for (const auto id : circle_ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
  return "AND c.circle_id IN (" + list + ") ";
}

}  // namespace

std::vector<ConcernRow> ConcernStore::RaisedBy(std::int64_t user_id, std::int64_t organisation_id,
                                               const std::vector<std::int64_t>& circle_ids,
                                               const PageSlice& slice) {
  return SelectRows(kWhereRaisedBy + CircleIn(circle_ids) + kNewestFirst + LimitClause(slice),
                    organisation_id, user_id, nullptr);
}

std::int64_t ConcernStore::CountRaisedBy(std::int64_t user_id, std::int64_t organisation_id,
                                         const std::vector<std::int64_t>& circle_ids) {
  long long count = 0;
  session_ << std::string(kCountRows) + kWhereRaisedBy + CircleIn(circle_ids),
      soci::use(organisation_id, "organisation"), soci::use(user_id, "key"), soci::into(count);
  return count;
}

std::vector<ConcernRow> ConcernStore::Unacknowledged(std::int64_t organisation_id) {
  return SelectRows(kWhereUnacknowledged, organisation_id, 0, nullptr);
}

std::vector<domain::ConcernTimes> ConcernStore::Times(std::int64_t organisation_id) {
  long long raised_at = 0, acknowledged_at = 0, closed_at = 0;
  soci::indicator acknowledged_indicator, closed_indicator;
  soci::statement statement =
      (session_.prepare << kTimes, soci::use(organisation_id, "organisation"),
       soci::into(raised_at), soci::into(acknowledged_at, acknowledged_indicator),
       soci::into(closed_at, closed_indicator));
  statement.execute();
  std::vector<domain::ConcernTimes> times;
  while (statement.fetch()) {
    times.push_back({FromUnix(raised_at), Time(acknowledged_at, acknowledged_indicator),
                     Time(closed_at, closed_indicator)});
  }
  return times;
}

bool ConcernStore::Acknowledge(std::int64_t id, std::int64_t organisation_id, std::int64_t by,
                               Instant now) {
  const long long at = ToUnix(now);
  soci::statement statement =
      (session_.prepare << kAcknowledge, soci::use(by, "by"), soci::use(at, "now"),
       soci::use(at, "updated"), soci::use(id, "id"), soci::use(organisation_id, "organisation"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

bool ConcernStore::Start(std::int64_t id, std::int64_t organisation_id, Instant now) {
  const long long at = ToUnix(now);
  soci::statement statement =
      (session_.prepare << kStart, soci::use(at, "now"), soci::use(at, "updated"),
       soci::use(id, "id"), soci::use(organisation_id, "organisation"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

bool ConcernStore::Close(std::int64_t id, std::int64_t organisation_id, std::int64_t by,
                         domain::ConcernOutcome outcome, const std::string& note, Instant now) {
  const long long at = ToUnix(now);
  const std::string outcome_name(domain::NameOf(outcome));
  soci::statement statement =
      (session_.prepare << kClose, soci::use(by, "by"), soci::use(at, "now"),
       soci::use(outcome_name, "outcome"), soci::use(note, "note"), soci::use(at, "updated"),
       soci::use(id, "id"), soci::use(organisation_id, "organisation"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

void ConcernStore::SetReply(std::int64_t id, std::int64_t organisation_id, std::int64_t by,
                            const std::string& reply, Instant now) {
  const long long at = ToUnix(now);
  session_ << kSetReply, soci::use(reply, "reply"), soci::use(by, "by"), soci::use(at, "now"),
      soci::use(at, "updated"), soci::use(id, "id"), soci::use(organisation_id, "organisation");
}

std::int64_t ConcernStore::InsertAction(const domain::ConcernAction& action) {
  std::int64_t id = 0;
  const std::string kind(domain::NameOf(action.kind));
  const long long taken_at = ToUnix(action.taken_at);
  const long long recorded_at = ToUnix(action.recorded_at);
  auto meeting = Nullable(action.meeting_id);
  session_ << kInsertAction, soci::use(action.organisation_id, "organisation"),
      soci::use(action.concern_id, "concern"), soci::use(kind, "kind"),
      soci::use(action.note, "note"), soci::use(taken_at, "taken_at"),
      soci::use(meeting.value, meeting.indicator, "meeting"), soci::use(action.recorded_by, "by"),
      soci::use(recorded_at, "at"), soci::into(id);
  return id;
}

std::vector<ActionRow> ConcernStore::Actions(std::int64_t concern_id,
                                             std::int64_t organisation_id) {
  ActionRow row;
  auto& a = row.action;
  std::string kind;
  long long taken_at = 0, recorded_at = 0;
  std::int64_t meeting = 0;
  soci::indicator meeting_indicator;
  soci::statement statement =
      (session_.prepare << kActions, soci::use(organisation_id, "organisation"),
       soci::use(concern_id, "concern"), soci::into(a.id), soci::into(a.organisation_id),
       soci::into(a.concern_id), soci::into(kind), soci::into(a.note), soci::into(taken_at),
       soci::into(meeting, meeting_indicator), soci::into(a.recorded_by), soci::into(recorded_at),
       soci::into(row.recorded_by_name));
  statement.execute();
  std::vector<ActionRow> actions;
  while (statement.fetch()) {
    ActionRow found = row;
    found.action.kind =
        domain::ParseEnum<domain::ActionKind>(kind).value_or(domain::ActionKind::kOther);
    found.action.taken_at = FromUnix(taken_at);
    found.action.meeting_id = Id(meeting, meeting_indicator);
    found.action.recorded_at = FromUnix(recorded_at);
    actions.push_back(std::move(found));
  }
  return actions;
}

std::int64_t ConcernStore::InsertDisclosure(const domain::Disclosure& disclosure) {
  std::int64_t id = 0;
  const std::string kind(domain::NameOf(disclosure.recipient_kind));
  const std::string means(domain::NameOf(disclosure.means));
  const std::string basis(domain::NameOf(disclosure.basis));
  auto contact = Nullable(disclosure.partner_contact_id);
  auto consent = Nullable(disclosure.consent_id);
  auto agreement = Nullable(disclosure.agreement_id);
  const long long disclosed_at = ToUnix(disclosure.disclosed_at);
  const long long recorded_at = ToUnix(disclosure.recorded_at);
  session_ << kInsertDisclosure, soci::use(disclosure.organisation_id, "organisation"),
      soci::use(disclosure.concern_id, "concern"), soci::use(kind, "kind"),
      soci::use(contact.value, contact.indicator, "contact"),
      soci::use(disclosure.recipient_name, "name"),
      soci::use(disclosure.recipient_organisation, "recipient_organisation"),
      soci::use(disclosed_at, "disclosed_at"), soci::use(means, "means"),
      soci::use(disclosure.shared, "shared"), soci::use(basis, "basis"),
      soci::use(consent.value, consent.indicator, "consent"),
      soci::use(agreement.value, agreement.indicator, "agreement"),
      soci::use(disclosure.explanation, "explanation"), soci::use(disclosure.recorded_by, "by"),
      soci::use(recorded_at, "at"), soci::into(id);
  return id;
}

std::vector<DisclosureRow> ConcernStore::SelectDisclosures(const std::string& where,
                                                           std::int64_t organisation_id,
                                                           std::int64_t key) {
  DisclosureRow row;
  auto& d = row.disclosure;
  std::string kind, means, basis;
  long long disclosed_at = 0, recorded_at = 0;
  std::int64_t contact = 0, consent = 0, agreement = 0;
  soci::indicator contact_indicator, consent_indicator, agreement_indicator;
  soci::statement statement =
      (session_.prepare << std::string(kSelectDisclosures) + where,
       soci::use(organisation_id, "organisation"), soci::use(key, "key"), soci::into(d.id),
       soci::into(d.organisation_id), soci::into(d.concern_id), soci::into(kind),
       soci::into(contact, contact_indicator), soci::into(d.recipient_name),
       soci::into(d.recipient_organisation), soci::into(disclosed_at), soci::into(means),
       soci::into(d.shared), soci::into(basis), soci::into(consent, consent_indicator),
       soci::into(agreement, agreement_indicator), soci::into(d.explanation),
       soci::into(d.recorded_by), soci::into(recorded_at), soci::into(row.recorded_by_name),
       soci::into(row.code_name));
  statement.execute();
  std::vector<DisclosureRow> disclosures;
  while (statement.fetch()) {
    DisclosureRow found = row;
    auto& disclosure = found.disclosure;
    disclosure.recipient_kind =
        domain::ParseEnum<domain::RecipientKind>(kind).value_or(domain::RecipientKind::kOther);
    disclosure.partner_contact_id = Id(contact, contact_indicator);
    disclosure.disclosed_at = FromUnix(disclosed_at);
    disclosure.means =
        domain::ParseEnum<domain::DisclosureMeans>(means).value_or(domain::DisclosureMeans::kOther);
    disclosure.basis =
        domain::ParseEnum<domain::LegalBasis>(basis).value_or(domain::LegalBasis::kOther);
    disclosure.consent_id = Id(consent, consent_indicator);
    disclosure.agreement_id = Id(agreement, agreement_indicator);
    disclosure.recorded_at = FromUnix(recorded_at);
    disclosures.push_back(std::move(found));
  }
  return disclosures;
}

std::vector<DisclosureRow> ConcernStore::Disclosures(std::int64_t concern_id,
                                                     std::int64_t organisation_id) {
  return SelectDisclosures(kOfConcern, organisation_id, concern_id);
}

std::vector<DisclosureRow> ConcernStore::DisclosuresTo(std::int64_t contact_id,
                                                       std::int64_t organisation_id) {
  return SelectDisclosures(kToContact, organisation_id, contact_id);
}

}  // namespace cercle::store
