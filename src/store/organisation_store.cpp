#include "store/organisation_store.hpp"

#include <algorithm>
#include <cctype>

#include "base/text.hpp"
#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

constexpr const char* kList = R"sql(
  SELECT {columns} FROM organisations ORDER BY name, id
)sql";
// The organisation whose column {key} (its id or its slug) holds :key.
constexpr const char* kFindBy = R"sql(
  SELECT {columns} FROM organisations WHERE {key} = :key
)sql";

constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxSlugLength = 60;

bool IsSlug(const std::string& slug) {
  return !slug.empty() && slug.size() <= kMaxSlugLength &&
         std::all_of(slug.begin(), slug.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

// The organisation whose `column` holds `key`, if any.
template <class Key>
std::optional<Organisation> FindBy(soci::session& session, const char* column, const Key& key) {
  return SelectOne<tables::Organisations>(session, Replaced(kFindBy, "{key}", column),
                                          Values("key", key));
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
    if (FindBy(session, "slug", slug)) {
      return Error::Fields(
          {{"slug", {N_("This short name is already used by another organisation."), {}}}});
    }
    Organisation organisation{0, name, slug, now};
    organisation.id = Insert<tables::Organisations>(session, organisation);
    return organisation;
  });
}

std::vector<Organisation> OrganisationStore::List() {
  return database_.Read(Scope::System(), [&](soci::session& session) {
    return SelectAll<tables::Organisations>(session, kList, NoValues);
  });
}

std::optional<Organisation> OrganisationStore::Find(std::int64_t id) {
  return database_.Read(Scope::Organisation(id),
                        [&](soci::session& session) { return FindBy(session, "id", id); });
}

}  // namespace cercle::store
