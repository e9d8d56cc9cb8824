#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "base/clock.hpp"
#include "domain/circle_partners.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// Reads and writes the outer circle: partner contacts and the information-sharing agreements
// attaching them to circles, within the caller's transaction. Every query names the organisation,
// on top of row-level security.
class PartnerStore {
 public:
  explicit PartnerStore(soci::session& session) : session_(session) {}

  // Stores a contact; returns its id.
  std::int64_t Insert(const domain::PartnerContact& contact, std::optional<std::int64_t> by);
  // Stores a contact's details and account.
  void Update(const domain::PartnerContact& contact);
  // The contact `id` of `organisation_id`, if any.
  std::optional<domain::PartnerContact> Find(std::int64_t id, std::int64_t organisation_id);
  // The contact linked to account `user_id`, if any.
  std::optional<domain::PartnerContact> FindByUser(std::int64_t user_id,
                                                   std::int64_t organisation_id);
  // The organisation's contacts, by name.
  std::vector<domain::PartnerContact> List(std::int64_t organisation_id);
  // One page of them, by name.
  std::vector<domain::PartnerContact> List(std::int64_t organisation_id, const PageSlice& slice);
  // How many contacts the organisation has.
  std::int64_t Count(std::int64_t organisation_id);
  // True when a contact other than `except_id` is linked to `user_id`.
  bool UserLinkedElsewhere(std::int64_t user_id, std::int64_t organisation_id,
                           std::int64_t except_id);

  // Stores an agreement; returns its id.
  std::int64_t InsertAgreement(const domain::SharingAgreement& agreement);
  // The agreement `id` of `organisation_id`, if any.
  std::optional<domain::SharingAgreement> FindAgreement(std::int64_t id,
                                                        std::int64_t organisation_id);
  // The agreements of a circle, or of a contact, latest start first.
  std::vector<domain::SharingAgreement> AgreementsOfCircle(std::int64_t circle_id,
                                                           std::int64_t organisation_id);
  std::vector<domain::SharingAgreement> AgreementsOfContact(std::int64_t contact_id,
                                                            std::int64_t organisation_id);
  // Ends an agreement on `ends_on` (its last day in force).
  void EndAgreement(std::int64_t id, std::int64_t organisation_id, CivilDate ends_on, Instant now);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
