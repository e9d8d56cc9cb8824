#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>

#include "base/clock.hpp"
#include "domain/form_draft.hpp"

namespace cercle::store {

// Reads and writes the drafts of forms (table form_drafts), within the caller's transaction. Every
// query names the organisation and the user: a draft is seen by its author only.
class DraftStore {
 public:
  explicit DraftStore(soci::session& session) : session_(session) {}

  // Stores `draft` as its author's one draft of its form, replacing the earlier one; true when
  // there was none.
  bool Save(const domain::FormDraft& draft);
  // The draft of `user_id` for `form` of record `target_id`, saved at `saved_since` or later.
  std::optional<domain::FormDraft> Find(std::int64_t organisation_id, std::int64_t user_id,
                                        domain::DraftForm form, std::int64_t target_id,
                                        Instant saved_since);
  // Deletes that draft; true when there was one.
  bool Delete(std::int64_t organisation_id, std::int64_t user_id, domain::DraftForm form,
              std::int64_t target_id);
  // Deletes the organisation's drafts last saved at or before `cutoff` (expired, as DraftKept
  // says); returns how many.
  std::int64_t DeleteSavedAtOrBefore(std::int64_t organisation_id, Instant cutoff);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
