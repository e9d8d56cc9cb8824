#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "base/result.hpp"
#include "domain/privacy_notice.hpp"
#include "domain/privacy_officer.hpp"
#include "domain/retention.hpp"
#include "domain/roles.hpp"
#include "store/organisation_store.hpp"

// The public privacy pages (Law 25, s. 3.2 and 8): what an organisation holds and why, who sees
// what by role (asked of the policies, never written by hand), how to ask for access or
// correction, and how to reach the person in charge. Always published, whatever the impact page's
// setting; nobody signs in to read them.
namespace cercle::app::privacy {

// How far each role reaches into one kind of record, in the order of PrivacyNotice::roles.
struct AccessRow {
  domain::PrivacyRecordKind kind = domain::PrivacyRecordKind::kReferralsAndFiles;
  std::vector<domain::PrivacyAccess> by_role;
};

// The settings of the organisation that the page explains.
struct NoticeSettings {
  std::int64_t volunteer_access_days = 0;  // a closed circle stays readable this long
  std::int64_t evaluation_minimum_group = 0;
  bool shares_network_figures = false;
  bool publishes_impact_page = false;
};

// One privacy page: an organisation's, or the network's (no organisation).
struct PrivacyNotice {
  std::string organisation;                       // "" for the network's page
  std::string slug;                               // "" for the network's page
  std::optional<domain::PrivacyOfficer> officer;  // none until named
  // The roles of the table's columns (each organisation role, then the network admin).
  std::vector<domain::Role> roles;
  std::vector<AccessRow> access;
  NoticeSettings settings;                         // the organisation's; defaults on the network's
  domain::RetentionSchedule retention;             // how long each kind of record is kept
  std::vector<store::Organisation> organisations;  // the network's page lists its members
};

// Who sees what, asked of the policies: for each kind of record, an actor holding each role of
// organisation `organisation_id` (and a network admin) as the policies see them.
std::vector<AccessRow> AccessByRole(std::int64_t organisation_id,
                                    const std::vector<domain::Role>& roles);

// The privacy page of the organisation whose short name is `slug`; NotFound when there is none.
Result<PrivacyNotice> LoadOrganisationNotice(const Services& services, const std::string& slug);

// The network's privacy page: its person in charge and its member organisations.
PrivacyNotice LoadNetworkNotice(const Services& services);

}  // namespace cercle::app::privacy
