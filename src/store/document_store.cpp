#include "store/document_store.hpp"

namespace cercle::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, organisation_id, owner_type, owner_id, title, filename, content_type, size_bytes, storage_name,"
    " uploaded_by, uploaded_at FROM documents WHERE deleted_at IS NULL AND organisation_id = :organisation ";
constexpr const char* kInsert =
    "INSERT INTO documents (organisation_id, owner_type, owner_id, title, filename, content_type, size_bytes,"
    " storage_name, uploaded_by, uploaded_at) VALUES (:organisation, :owner_type, :owner_id, :title, :filename,"
    " :content_type, :size, :storage, :by, :at) RETURNING id";
constexpr const char* kMarkDeleted =
    "UPDATE documents SET deleted_at = :now WHERE id = :id AND organisation_id = :organisation";

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
      soci::use(document.storage_name, "storage"), soci::use(by, by_indicator, "by"), soci::use(at, "at"),
      soci::into(id);
  return id;
}

namespace {

std::vector<Document> Select(soci::session& session, const std::string& where, std::int64_t organisation_id,
                             std::int64_t key, const std::string& owner_type) {
  Document row;
  std::int64_t by = 0;
  long long at = 0;
  soci::indicator by_indicator;
  soci::statement statement =
      (session.prepare << std::string(kColumns) + where, soci::into(row.id), soci::into(row.organisation_id),
       soci::into(row.owner_type), soci::into(row.owner_id), soci::into(row.title), soci::into(row.filename),
       soci::into(row.content_type), soci::into(row.size_bytes), soci::into(row.storage_name),
       soci::into(by, by_indicator), soci::into(at));
  statement.exchange(soci::use(organisation_id, "organisation"));
  statement.exchange(soci::use(key, "key"));
  if (!owner_type.empty()) statement.exchange(soci::use(owner_type, "owner_type"));
  statement.define_and_bind();
  statement.execute();
  std::vector<Document> documents;
  while (statement.fetch()) {
    Document document = row;
    document.uploaded_by = by_indicator == soci::i_ok ? std::optional(by) : std::nullopt;
    document.uploaded_at = FromUnix(at);
    documents.push_back(std::move(document));
  }
  return documents;
}

}  // namespace

std::optional<Document> DocumentStore::Find(std::int64_t id, std::int64_t organisation_id) {
  auto documents = Select(session_, "AND id = :key", organisation_id, id, "");
  if (documents.empty()) return std::nullopt;
  return documents.front();
}

std::vector<Document> DocumentStore::ListForOwner(std::int64_t organisation_id, const std::string& owner_type,
                                                  std::int64_t owner_id) {
  return Select(session_, "AND owner_id = :key AND owner_type = :owner_type ORDER BY uploaded_at DESC, id DESC",
                organisation_id, owner_id, owner_type);
}

void DocumentStore::MarkDeleted(std::int64_t id, std::int64_t organisation_id, Instant now) {
  const long long at = ToUnix(now);
  session_ << kMarkDeleted, soci::use(at, "now"), soci::use(id, "id"), soci::use(organisation_id, "organisation");
}

}  // namespace cercle::store
