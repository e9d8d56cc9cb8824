#include "store/organisation_store.hpp"

#include <algorithm>
#include <cctype>

#include "base/text.hpp"

namespace cercle::store {
namespace {

constexpr const char* kInsert = R"sql(
  INSERT INTO organisations (name, slug, created_at)
  VALUES (:name, :slug, :created_at)
  RETURNING id
)sql";
constexpr const char* kSlugTaken = R"sql(
  SELECT count(*)
  FROM organisations
  WHERE slug = :slug
)sql";
constexpr const char* kList = R"sql(
  SELECT id, name, slug, created_at
  FROM organisations
  ORDER BY name, id
)sql";
constexpr const char* kFind = R"sql(
  SELECT id, name, slug, created_at
  FROM organisations
  WHERE id = :id
)sql";

constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxSlugLength = 60;

bool IsSlug(const std::string& slug) {
  return !slug.empty() && slug.size() <= kMaxSlugLength &&
         std::all_of(slug.begin(), slug.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

}  // namespace

Result<Organisation> OrganisationStore::Create(const std::string& name, const std::string& slug,
                                               Instant now) {
  std::vector<FieldError> errors;
  if (name.find_first_not_of(" \t") == std::string::npos || CharacterCount(name) > kMaxNameLength) {
    errors.push_back({"name", {N_("Enter a name of at most 200 characters."), {}}});
  }
  if (!IsSlug(slug)) {
    errors.push_back({"slug", {N_("Use lower-case letters, digits and hyphens only."), {}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return database_.Write(Scope::System(), [&](soci::session& session) -> Result<Organisation> {
    long long taken = 0;
    session << kSlugTaken, soci::use(slug, "slug"), soci::into(taken);
    if (taken > 0) {
      return Error::Fields(
          {{"slug", {N_("This short name is already used by another organisation."), {}}}});
    }
    Organisation organisation{0, name, slug, now};
    const long long created_at = ToUnix(now);
    session << kInsert, soci::use(name, "name"), soci::use(slug, "slug"),
        soci::use(created_at, "created_at"), soci::into(organisation.id);
    return organisation;
  });
}

std::vector<Organisation> OrganisationStore::List() {
  return database_.Read(Scope::System(), [&](soci::session& session) {
    std::vector<Organisation> organisations;
    Organisation row;
    long long created_at = 0;
    soci::statement statement = (session.prepare << kList, soci::into(row.id), soci::into(row.name),
                                 soci::into(row.slug), soci::into(created_at));
    statement.execute();
    while (statement.fetch()) {
      row.created_at = FromUnix(created_at);
      organisations.push_back(row);
    }
    return organisations;
  });
}

std::optional<Organisation> OrganisationStore::Find(std::int64_t id) {
  return database_.Read(
      Scope::Organisation(id), [&](soci::session& session) -> std::optional<Organisation> {
        Organisation row;
        long long created_at = 0;
        session << kFind, soci::use(static_cast<long long>(id), "id"), soci::into(row.id),
            soci::into(row.name), soci::into(row.slug), soci::into(created_at);
        if (!session.got_data()) return std::nullopt;
        row.created_at = FromUnix(created_at);
        return row;
      });
}

}  // namespace cercle::store
