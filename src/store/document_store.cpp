#include "store/document_store.hpp"

#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

constexpr const char* kMarkDeleted = R"sql(
UPDATE documents SET deleted_at = :now WHERE id = :id AND organisation_id = :organisation
)sql";

// The organisation's live documents that the conditions `where` select with `bindings`.
std::vector<Document> Live(soci::session& session, const std::string& where, Bindings bindings) {
  return SelectWhere<tables::Documents>(session, "AND deleted_at IS NULL " + where, bindings);
}

}  // namespace

std::int64_t DocumentStore::Insert(const Document& document) {
  return store::Insert<tables::Documents>(session_, document);
}

std::optional<Document> DocumentStore::Find(std::int64_t id, std::int64_t organisation_id) {
  auto documents = Live(session_, "AND id = :id", OfOrganisation(organisation_id, {{"id", id}}));
  if (documents.empty()) return std::nullopt;
  return documents.front();
}

std::vector<Document> DocumentStore::ListForOwner(std::int64_t organisation_id,
                                                  const std::string& owner_type,
                                                  std::int64_t owner_id) {
  auto bindings = OfOrganisation(organisation_id, {{"owner", owner_id}});
  bindings.texts.emplace_back("owner_type", owner_type);
  return Live(session_,
              "AND owner_id = :owner AND owner_type = :owner_type "
              "ORDER BY uploaded_at DESC, id DESC",
              bindings);
}

void DocumentStore::MarkDeleted(std::int64_t id, std::int64_t organisation_id, Instant now) {
  Change(session_, kMarkDeleted, Values("now", now, "id", id, "organisation", organisation_id));
}

}  // namespace cercle::store
