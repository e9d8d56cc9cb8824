#pragma once

#include <array>

#include "base/result.hpp"
#include "domain/enum_names.hpp"

// The words of the public privacy page (Law 25, s. 3.2 and 8): the kinds of record an
// organisation holds, and how far each role reaches into them. Which role reaches what is not
// written here: the app layer asks the policies. No I/O.
namespace cercle::domain {

// The kinds of record the privacy page describes, in the order it lists them.
enum class PrivacyRecordKind {
  kReferralsAndFiles,  // referrals and core members' files (orders, conditions, risk, consents)
  kVolunteerFiles,     // volunteers' files (screening, training, hours, supervision)
  kCircles,            // circles: meetings, minutes, contacts, covenants, reviews
  kConcerns,           // concerns raised about a circle, their handling and disclosures
  kDocuments,          // documents attached to files and referrals
  kReports,            // figures, funder reports and the evaluation extract
  kAccounts,           // user accounts, sessions and the audit log
  kPrivacyRegisters,   // the privacy registers: incidents, requests, retention
};
template <>
struct EnumTable<PrivacyRecordKind> {
  static constexpr std::array<EnumEntry<PrivacyRecordKind>, 8> kEntries{{
      {PrivacyRecordKind::kReferralsAndFiles, "files", N_("Referrals and core members' files")},
      {PrivacyRecordKind::kVolunteerFiles, "volunteers", N_("Volunteers' files")},
      {PrivacyRecordKind::kCircles, "circles", N_("Circles: minutes and contacts")},
      {PrivacyRecordKind::kConcerns, "concerns", N_("Concerns")},
      {PrivacyRecordKind::kDocuments, "documents", N_("Documents")},
      {PrivacyRecordKind::kReports, "reports", N_("Reports and figures")},
      {PrivacyRecordKind::kAccounts, "accounts", N_("Accounts and the audit log")},
      {PrivacyRecordKind::kPrivacyRegisters, "privacy",
       N_("Privacy registers (incidents, requests, destruction)")},
  }};
};

// How far one role reaches into one kind of record.
enum class PrivacyAccess {
  kNone,     // nothing of it
  kLimited,  // only what concerns them (their own file, their circles, what was shared with them)
  kFull,     // all of it, in the organisation
};
template <>
struct EnumTable<PrivacyAccess> {
  static constexpr std::array<EnumEntry<PrivacyAccess>, 3> kEntries{{
      {PrivacyAccess::kNone, "none", N_("No access")},
      {PrivacyAccess::kLimited, "limited", N_("Limited")},
      {PrivacyAccess::kFull, "full", N_("Full access")},
  }};
};

}  // namespace cercle::domain
