#include "store/document_store.hpp"

#include "store/fetch.hpp"

namespace cercle::store {
namespace {

constexpr const char* kFind = R"sql(
SELECT id, organisation_id, owner_type, owner_id, title, filename, content_type, size_bytes,
       storage_name, uploaded_by, uploaded_at
  FROM documents
 WHERE deleted_at IS NULL AND organisation_id = :organisation AND id = :key
)sql";

constexpr const char* kListForOwner = R"sql(
SELECT id, organisation_id, owner_type, owner_id, title, filename, content_type, size_bytes,
       storage_name, uploaded_by, uploaded_at
  FROM documents
 WHERE deleted_at IS NULL AND organisation_id = :organisation AND owner_id = :key
   AND owner_type = :owner_type
 ORDER BY uploaded_at DESC, id DESC
)sql";

constexpr const char* kInsert = R"sql(
INSERT INTO documents (organisation_id, owner_type, owner_id, title, filename, content_type,
                       size_bytes, storage_name, uploaded_by, uploaded_at)
VALUES (:organisation, :owner_type, :owner_id, :title, :filename, :content_type, :size, :storage,
        :by, :at)
RETURNING id
)sql";

constexpr const char* kMarkDeleted = R"sql(
UPDATE documents SET deleted_at = :now WHERE id = :id AND organisation_id = :organisation
)sql";

// One row of documents, in the column order of the SELECTs above.
struct DocumentRow {
  Document document;
  std::int64_t by = 0;
  long long at = 0;
  soci::indicator by_indicator = soci::i_ok;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(document.id));
    statement.exchange(soci::into(document.organisation_id));
    statement.exchange(soci::into(document.owner_type));
    statement.exchange(soci::into(document.owner_id));
    statement.exchange(soci::into(document.title));
    statement.exchange(soci::into(document.filename));
    statement.exchange(soci::into(document.content_type));
    statement.exchange(soci::into(document.size_bytes));
    statement.exchange(soci::into(document.storage_name));
    statement.exchange(soci::into(by, by_indicator));
    statement.exchange(soci::into(at));
  }

  Document Take() const {
    Document read = document;
    read.uploaded_by = by_indicator == soci::i_ok ? std::optional(by) : std::nullopt;
    read.uploaded_at = FromUnix(at);
    return read;
  }
};

// The documents `sql` selects for the organisation, `key` and, when it names one, `owner_type`.
std::vector<Document> Select(soci::session& session, const char* sql, std::int64_t organisation_id,
                             std::int64_t key, const std::string& owner_type) {
  return store::FetchAll<DocumentRow>(session, sql, [&](soci::statement& statement) {
    statement.exchange(soci::use(organisation_id, "organisation"));
    statement.exchange(soci::use(key, "key"));
    if (!owner_type.empty()) statement.exchange(soci::use(owner_type, "owner_type"));
  });
}

}  // namespace

std::int64_t DocumentStore::Insert(const Document& document) {
  std::int64_t id = 0;
  std::int64_t by = document.uploaded_by.value_or(0);
  soci::indicator by_indicator = document.uploaded_by ? soci::i_ok : soci::i_null;
  const long long at = ToUnix(document.uploaded_at);
  session_ << kInsert, soci::use(document.organisation_id, "organisation"),
      soci::use(document.owner_type, "owner_type"), soci::use(document.owner_id, "owner_id"),
      soci::use(document.title, "title"), soci::use(document.filename, "filename"),
      soci::use(document.content_type, "content_type"), soci::use(document.size_bytes, "size"),
      soci::use(document.storage_name, "storage"), soci::use(by, by_indicator, "by"),
      soci::use(at, "at"), soci::into(id);
  return id;
}

std::optional<Document> DocumentStore::Find(std::int64_t id, std::int64_t organisation_id) {
  auto documents = Select(session_, kFind, organisation_id, id, "");
  if (documents.empty()) return std::nullopt;
  return documents.front();
}

std::vector<Document> DocumentStore::ListForOwner(std::int64_t organisation_id,
                                                  const std::string& owner_type,
                                                  std::int64_t owner_id) {
  return Select(session_, kListForOwner, organisation_id, owner_id, owner_type);
}

void DocumentStore::MarkDeleted(std::int64_t id, std::int64_t organisation_id, Instant now) {
  const long long at = ToUnix(now);
  session_ << kMarkDeleted, soci::use(at, "now"), soci::use(id, "id"),
      soci::use(organisation_id, "organisation");
}

}  // namespace cercle::store
