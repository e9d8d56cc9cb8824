#include "app/intake/documents.hpp"

#include "app/intake/intake_common.hpp"
#include "auth/policies/core_member_policy.hpp"
#include "base/text.hpp"
#include "domain/documents.hpp"
#include "store/referral_store.hpp"

namespace cercle::app::intake {
namespace {

using auth::policies::CoreMemberPolicy;
using auth::policies::ReferralPolicy;

constexpr std::size_t kMaxTitle = 200;

std::string_view OwnerType(IntakeOwner owner) {
  return owner == IntakeOwner::kCoreMember ? "core_member" : "referral";
}

// True when the actor may see (or, with `change`, change) the file or referral `owner_id`.
bool MayReach(const Services& services, const auth::Actor& actor, IntakeOwner owner,
              std::int64_t owner_id, bool change) {
  if (owner == IntakeOwner::kCoreMember) {
    const auto member = FindVisibleCoreMember(services, actor, owner_id);
    return member && (!change || CoreMemberPolicy::CanChange(actor, member->organisation_id));
  }
  if (!ReferralPolicy::CanList(actor)) return false;
  const auto referral = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::ReferralStore(unit.session()).Find(owner_id, *actor.organisation_id);
  });
  return referral && ReferralPolicy::CanView(actor, referral->organisation_id) &&
         (!change || ReferralPolicy::CanChange(actor, referral->organisation_id));
}

// Document `id` of an owner of kind `owner` the actor may reach.
Result<Document> FindReachable(const Services& services, const auth::Actor& actor,
                               IntakeOwner owner, std::int64_t id, bool change) {
  const bool may_list = owner == IntakeOwner::kCoreMember ? CoreMemberPolicy::CanList(actor)
                                                          : ReferralPolicy::CanList(actor);
  if (!may_list) return Error::NotFound();
  auto document = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::DocumentStore(unit.session()).Find(id, *actor.organisation_id);
  });
  if (!document || document->owner_type != OwnerType(owner)) return Error::NotFound();
  if (!MayReach(services, actor, owner, document->owner_id, change)) return Error::NotFound();
  return *document;
}

// The record `upload` makes, or its field errors.
Result<Document> CheckedUpload(const Services& services, const Upload& upload) {
  if (upload.bytes.empty()) return Error::Fields({{"file", {N_("Choose a file to upload."), {}}}});
  TRY(domain::CheckDocumentFilename(upload.filename));
  const auto limit = services.config.storage.max_document_bytes;
  if (upload.bytes.size() > limit) {
    return Error::Fields(
        {{"file",
          {N_("The file is too large: the limit is {limit} MB."),
           {{"limit", std::to_string((limit + 1024 * 1024 - 1) / (1024 * 1024))}}}}});
  }
  const auto type = domain::DetectDocumentType(upload.bytes);
  if (!type) {
    return Error::Fields(
        {{"file", {N_("Only PDF files and images (PNG, JPEG, WebP) are accepted."), {}}}});
  }
  std::string title = upload.title;
  title.erase(0, title.find_first_not_of(" \t\r\n"));
  if (CharacterCount(title) > kMaxTitle)
    return Error::Fields({{"title", {N_("Use at most 200 characters."), {}}}});
  Document document;
  document.title = title.empty() ? upload.filename : title;
  document.filename = upload.filename;
  document.content_type = type->content_type;
  document.size_bytes = static_cast<std::int64_t>(upload.bytes.size());
  return document;
}

}  // namespace

Result<Document> StoreDocument(const Services& services, const auth::Actor& actor,
                               const DocumentOwner& owner, const Upload& upload) {
  auto document = TRY(CheckedUpload(services, upload));
  document.organisation_id = *actor.organisation_id;
  document.owner_type = owner.type;
  document.owner_id = owner.id;
  document.uploaded_by = actor.user_id;
  document.storage_name = services.vault.Put(upload.bytes);
  try {
    return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<Document> {
      document.uploaded_at = unit.now();
      document.id = store::DocumentStore(unit.session()).Insert(document);
      Audit(services, unit, actor, {"document.upload", owner.type, std::to_string(owner.id)});
      return document;
    });
  } catch (...) {
    services.vault.Remove(document.storage_name);
    throw;
  }
}

std::optional<std::string> ReadDocument(const Services& services, const auth::Actor& actor,
                                        const Document& document) {
  auto bytes = services.vault.Get(document.storage_name);
  if (!bytes) return std::nullopt;
  AuditView(services, actor, {"document.download", "document", std::to_string(document.id)});
  return bytes;
}

void DiscardDocument(const Services& services, const auth::Actor& actor, const Document& document) {
  (void)Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    store::DocumentStore(unit.session())
        .MarkDeleted(document.id, document.organisation_id, unit.now());
    Audit(services, unit, actor, {"document.remove", "document", std::to_string(document.id)});
    return {};
  });
  services.vault.Remove(document.storage_name);
}

Result<Document> UploadIntakeDocument(const Services& services, const auth::Actor& actor,
                                      IntakeOwner owner, std::int64_t owner_id,
                                      const Upload& upload) {
  if (!MayReach(services, actor, owner, owner_id, true)) return Error::NotFound();
  return StoreDocument(services, actor, {std::string(OwnerType(owner)), owner_id}, upload);
}

Result<DocumentDownload> DownloadIntakeDocument(const Services& services, const auth::Actor& actor,
                                                IntakeOwner owner, std::int64_t id) {
  auto document = TRY(FindReachable(services, actor, owner, id, false));
  auto bytes = ReadDocument(services, actor, document);
  return DocumentDownload{std::move(document), std::move(bytes)};
}

Result<std::int64_t> RemoveIntakeDocument(const Services& services, const auth::Actor& actor,
                                          IntakeOwner owner, std::int64_t id) {
  const auto document = TRY(FindReachable(services, actor, owner, id, true));
  DiscardDocument(services, actor, document);
  return document.owner_id;
}

}  // namespace cercle::app::intake
