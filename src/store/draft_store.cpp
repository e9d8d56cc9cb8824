#include "store/draft_store.hpp"

#include <string>

namespace cercle::store {
namespace {

constexpr const char* kDelete = R"sql(
DELETE
  FROM form_drafts
 WHERE organisation_id = :organisation AND user_id = :user AND form_kind = :form
   AND target_id = :target
)sql";

constexpr const char* kInsert = R"sql(
INSERT INTO form_drafts (organisation_id, user_id, form_kind, target_id, fields, saved_at)
VALUES (:organisation, :user, :form, :target, :fields, :saved_at)
)sql";

constexpr const char* kFind = R"sql(
SELECT id, fields, saved_at
  FROM form_drafts
 WHERE organisation_id = :organisation AND user_id = :user AND form_kind = :form
   AND target_id = :target AND saved_at >= :since
)sql";

constexpr const char* kDeleteSavedAtOrBefore = R"sql(
DELETE
  FROM form_drafts
 WHERE organisation_id = :organisation AND saved_at <= :cutoff
)sql";

}  // namespace

bool DraftStore::Delete(std::int64_t organisation_id, std::int64_t user_id, domain::DraftForm form,
                        std::int64_t target_id) {
  const std::string kind(domain::NameOf(form));
  soci::statement statement =
      (session_.prepare << kDelete, soci::use(organisation_id, "organisation"),
       soci::use(user_id, "user"), soci::use(kind, "form"), soci::use(target_id, "target"));
  statement.execute(true);
  return statement.get_affected_rows() > 0;
}

bool DraftStore::Save(const domain::FormDraft& draft) {
  const bool replaced = Delete(draft.organisation_id, draft.user_id, draft.form, draft.target_id);
  const std::string kind(domain::NameOf(draft.form));
  const long long saved_at = ToUnix(draft.saved_at);
  session_ << kInsert, soci::use(draft.organisation_id, "organisation"),
      soci::use(draft.user_id, "user"), soci::use(kind, "form"),
      soci::use(draft.target_id, "target"), soci::use(draft.fields, "fields"),
      soci::use(saved_at, "saved_at");
  return !replaced;
}

std::optional<domain::FormDraft> DraftStore::Find(std::int64_t organisation_id,
                                                  std::int64_t user_id, domain::DraftForm form,
                                                  std::int64_t target_id, Instant saved_since) {
  const std::string kind(domain::NameOf(form));
  const long long since = ToUnix(saved_since);
  domain::FormDraft draft{
      .organisation_id = organisation_id, .user_id = user_id, .form = form, .target_id = target_id};
  long long id = 0;
  long long saved_at = 0;
  session_ << kFind, soci::use(organisation_id, "organisation"), soci::use(user_id, "user"),
      soci::use(kind, "form"), soci::use(target_id, "target"), soci::use(since, "since"),
      soci::into(id), soci::into(draft.fields), soci::into(saved_at);
  if (!session_.got_data()) return std::nullopt;
  draft.id = id;
  draft.saved_at = FromUnix(saved_at);
  return draft;
}

std::int64_t DraftStore::DeleteSavedAtOrBefore(std::int64_t organisation_id, Instant cutoff) {
  const long long before = ToUnix(cutoff);
  soci::statement statement =
      (session_.prepare << kDeleteSavedAtOrBefore, soci::use(organisation_id, "organisation"),
       soci::use(before, "cutoff"));
  statement.execute(true);
  return static_cast<std::int64_t>(statement.get_affected_rows());
}

}  // namespace cercle::store
