#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"

namespace cercle::store {

// The record of an uploaded document (its bytes are in the DocumentVault).
struct Document {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string owner_type;  // "referral", "core_member", "volunteer", "screening_item"…
  std::int64_t owner_id = 0;
  std::string title;
  std::string filename;
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string storage_name;
  std::optional<std::int64_t> uploaded_by;
  Instant uploaded_at;
};

// Reads and writes document records within the caller's transaction.
class DocumentStore {
 public:
  explicit DocumentStore(soci::session& session) : session_(session) {}

  // Stores a record; returns its id.
  std::int64_t Insert(const Document& document);
  // The live document `id` of `organisation_id`, if any.
  std::optional<Document> Find(std::int64_t id, std::int64_t organisation_id);
  // The live documents of one owner, newest first.
  std::vector<Document> ListForOwner(std::int64_t organisation_id, const std::string& owner_type,
                                     std::int64_t owner_id);
  // Marks a document deleted (its record stays for the audit trail).
  void MarkDeleted(std::int64_t id, std::int64_t organisation_id, Instant now);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
