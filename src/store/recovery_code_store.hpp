#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"

namespace cercle::store {

// Reads and writes the single-use recovery codes of two-step verification (keyed hashes only),
// within the caller's (system-scope) transaction.
class RecoveryCodeStore {
 public:
  explicit RecoveryCodeStore(soci::session& session) : session_(session) {}

  // Replaces every code of user `user_id` with `code_hashes`.
  void Replace(std::int64_t user_id, std::optional<std::int64_t> organisation_id,
               const std::vector<std::string>& code_hashes);
  // Uses the unused code of `user_id` stored under `code_hash`; false when there is none.
  bool Use(std::int64_t user_id, const std::string& code_hash, Instant now);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
