#pragma once

#include <array>

#include "base/result.hpp"
#include "domain/enum_names.hpp"

// The enumerations of circles and concerns, each with its table: the values, the names stored in
// the database and the msgids of their labels (see domain/enum_names.hpp). A stored name is part
// of the databases' contract: change one only with a migration. No I/O.
namespace cercle::domain {

// Circles.

// The life of a circle (DESIGN.md): forming → (pre-release) → intensive → weekly → biweekly →
// monthly → informal → closed, and suspended from any active phase.
enum class CirclePhase {
  kForming,
  kPreRelease,
  kIntensive,
  kWeekly,
  kBiweekly,
  kMonthly,
  kInformal,
  kSuspended,
  kClosed
};

// Why a circle closed.
enum class ClosureReason {
  kCompleted,
  kWithdrawn,
  kReoffence,
  kReincarcerated,
  kRelocated,
  kDeceased
};

template <>
struct EnumTable<CirclePhase> {
  static constexpr std::array<EnumEntry<CirclePhase>, 9> kEntries{{
      {CirclePhase::kForming, "forming", N_("Forming")},
      {CirclePhase::kPreRelease, "pre_release", N_("Pre-release")},
      {CirclePhase::kIntensive, "intensive", N_("Intensive")},
      {CirclePhase::kWeekly, "weekly", N_("Weekly")},
      {CirclePhase::kBiweekly, "biweekly", N_("Every two weeks")},
      {CirclePhase::kMonthly, "monthly", N_("Monthly")},
      {CirclePhase::kInformal, "informal", N_("Informal")},
      {CirclePhase::kSuspended, "suspended", N_("Suspended")},
      {CirclePhase::kClosed, "closed", C_("circle", "Closed")},
  }};
};

template <>
struct EnumTable<ClosureReason> {
  static constexpr std::array<EnumEntry<ClosureReason>, 6> kEntries{{
      {ClosureReason::kCompleted, "completed", N_("Completed its course")},
      {ClosureReason::kWithdrawn, "withdrawn", N_("The core member withdrew")},
      {ClosureReason::kReoffence, "reoffence", N_("New offence")},
      {ClosureReason::kReincarcerated, "reincarcerated", N_("Return to custody")},
      {ClosureReason::kRelocated, "relocated", N_("Moved away")},
      {ClosureReason::kDeceased, "deceased", N_("Death")},
  }};
};

// Contacts.

// The kinds of contact.
enum class ContactKind { kCall, kVisit, kMessage, kOuting };
template <>
struct EnumTable<ContactKind> {
  static constexpr std::array<EnumEntry<ContactKind>, 4> kEntries{{
      {ContactKind::kCall, "call", N_("Call")},
      {ContactKind::kVisit, "visit", N_("Visit")},
      {ContactKind::kMessage, "message", N_("Message")},
      {ContactKind::kOuting, "outing", N_("Outing")},
  }};
};

// Covenants.

// Who signs a covenant.
enum class Signatory { kCoreMember, kVolunteer };

template <>
struct EnumTable<Signatory> {
  static constexpr std::array<EnumEntry<Signatory>, 2> kEntries{{
      {Signatory::kCoreMember, "core_member", ""},
      {Signatory::kVolunteer, "volunteer", ""},
  }};
};

// Meetings.

// The kinds of meeting.
enum class MeetingKind { kGroup, kOneToOne, kEmergency, kReview, kOuterBriefing, kClosure };
template <>
struct EnumTable<MeetingKind> {
  static constexpr std::array<EnumEntry<MeetingKind>, 6> kEntries{{
      {MeetingKind::kGroup, "group", N_("Group meeting")},
      {MeetingKind::kOneToOne, "one_to_one", N_("One-to-one meeting")},
      {MeetingKind::kEmergency, "emergency", N_("Emergency meeting")},
      {MeetingKind::kReview, "review", N_("Review meeting")},
      {MeetingKind::kOuterBriefing, "outer_briefing", N_("Outer circle briefing")},
      {MeetingKind::kClosure, "closure", N_("Closure meeting")},
  }};
};

// Where a meeting stands for its minutes.
enum class MinutesState {
  kPlanned,    // not started yet
  kCancelled,  // no minutes needed
  kDue,        // held, minutes expected within 48 hours of its end
  kLate,       // held more than 48 hours ago, no minutes
  kAwaitingAcknowledgement,
  kAcknowledged,
};
template <>
struct EnumTable<MinutesState> {
  static constexpr std::array<EnumEntry<MinutesState>, 6> kEntries{{
      {MinutesState::kPlanned, "planned", N_("Planned")},
      {MinutesState::kCancelled, "cancelled", N_("Cancelled")},
      {MinutesState::kDue, "due", N_("Minutes to write")},
      {MinutesState::kLate, "late", N_("Minutes late")},
      {MinutesState::kAwaitingAcknowledgement, "awaiting_acknowledgement",
       N_("Minutes to acknowledge")},
      {MinutesState::kAcknowledged, "acknowledged", N_("Minutes acknowledged")},
  }};
};

// Partners.

// What a partner contact is to the program.
enum class PartnerKind {
  kParoleOfficer,
  kPoliceLiaison,
  kTherapist,
  kCsc,
  kProvincialCorrections,
  kOther
};
template <>
struct EnumTable<PartnerKind> {
  static constexpr std::array<EnumEntry<PartnerKind>, 6> kEntries{{
      {PartnerKind::kParoleOfficer, "parole_officer", N_("Parole officer")},
      {PartnerKind::kPoliceLiaison, "police_liaison", N_("Police liaison")},
      {PartnerKind::kTherapist, "therapist", N_("Therapist")},
      {PartnerKind::kCsc, "csc", N_("Correctional Service of Canada")},
      {PartnerKind::kProvincialCorrections, "provincial_corrections", N_("Provincial corrections")},
      {PartnerKind::kOther, "other", N_("Other partner")},
  }};
};

// Circle records.

// A category of offence a volunteer may ask not to serve in (DESIGN.md: volunteers decline circles
// of a given offence profile).
enum class OffenceProfile { kChildVictims, kAdultVictims, kOnline, kNonContact };

template <>
struct EnumTable<OffenceProfile> {
  static constexpr std::array<EnumEntry<OffenceProfile>, 4> kEntries{{
      {OffenceProfile::kChildVictims, "child_victims", N_("Offences against children")},
      {OffenceProfile::kAdultVictims, "adult_victims", N_("Offences against adults")},
      {OffenceProfile::kOnline, "online", N_("Online offences")},
      {OffenceProfile::kNonContact, "non_contact",
       N_("Offences without contact (exhibitionism, voyeurism)")},
  }};
};

// Reviews.

// A review, or the renewal decision at the end of a year.
enum class ReviewKind { kReview, kRenewal };
// What a renewal decided.
enum class RenewalDecision { kRenewed, kClosing };

// "review", "renewal".
template <>
struct EnumTable<ReviewKind> {
  static constexpr std::array<EnumEntry<ReviewKind>, 2> kEntries{{
      {ReviewKind::kReview, "review", C_("circle", "Review")},
      {ReviewKind::kRenewal, "renewal", N_("Yearly renewal")},
  }};
};

template <>
struct EnumTable<RenewalDecision> {
  static constexpr std::array<EnumEntry<RenewalDecision>, 2> kEntries{{
      {RenewalDecision::kRenewed, "renewed", N_("Renewed for a year")},
      {RenewalDecision::kClosing, "closing", N_("The circle will close")},
  }};
};

// Concerns.

// The dynamic risk factors volunteers are trained on, and "other".
enum class ConcernCategory {
  kAccessToVictims,  // access to potential victims or to minors
  kSexualPreoccupation,
  kHostility,
  kRejectionOfSupervision,
  kEmotionalCollapse,
  kLossOfSupports,
  kSubstanceAbuse,
  kConditionBreach,
  kSuicideRisk,  // risk of suicide or self-harm
  kOther,
};

template <>
struct EnumTable<ConcernCategory> {
  static constexpr std::array<EnumEntry<ConcernCategory>, 10> kEntries{{
      {ConcernCategory::kAccessToVictims, "access_to_victims",
       N_("Access to potential victims or to minors")},
      {ConcernCategory::kSexualPreoccupation, "sexual_preoccupation", N_("Sexual preoccupation")},
      {ConcernCategory::kHostility, "hostility", N_("Hostility")},
      {ConcernCategory::kRejectionOfSupervision, "rejection_of_supervision",
       N_("Rejection of supervision")},
      {ConcernCategory::kEmotionalCollapse, "emotional_collapse", N_("Emotional collapse")},
      {ConcernCategory::kLossOfSupports, "loss_of_supports", N_("Loss of social supports")},
      {ConcernCategory::kSubstanceAbuse, "substance_abuse", N_("Substance abuse")},
      {ConcernCategory::kConditionBreach, "condition_breach", N_("Breach of a condition")},
      {ConcernCategory::kSuicideRisk, "suicide_risk", N_("Risk of suicide or self-harm")},
      {ConcernCategory::kOther, "other", N_("Other concern")},
  }};
};

// How serious the person who raises it judges it. Each is named for what raising it sets off:
// urgent and immediate danger alert the on-call coordinators (domain/concern_escalation.hpp), so
// the two must never read alike ("Urgent" beside "Urgence" did).
enum class Severity { kInformation, kConcern, kUrgent, kEmergency };

// From the least to the most serious. The stored name of kEmergency stays "emergency".
template <>
struct EnumTable<Severity> {
  static constexpr std::array<EnumEntry<Severity>, 4> kEntries{{
      {Severity::kInformation, "information", N_("Information")},
      {Severity::kConcern, "concern", N_("Concern")},
      {Severity::kUrgent, "urgent", N_("Urgent")},
      {Severity::kEmergency, "emergency", N_("Immediate danger")},
  }};
};

// Where a concern stands: raised → acknowledged → in progress → closed.
enum class ConcernStatus { kRaised, kAcknowledged, kInProgress, kClosed };

template <>
struct EnumTable<ConcernStatus> {
  static constexpr std::array<EnumEntry<ConcernStatus>, 4> kEntries{{
      {ConcernStatus::kRaised, "raised", N_("Raised")},
      {ConcernStatus::kAcknowledged, "acknowledged", C_("concern", "Acknowledged")},
      {ConcernStatus::kInProgress, "in_progress", N_("In progress")},
      {ConcernStatus::kClosed, "closed", C_("concern", "Closed")},
  }};
};

// How a concern ended.
enum class ConcernOutcome { kResolved, kReferred, kReported, kUnfounded, kCircleChanged, kOther };

template <>
struct EnumTable<ConcernOutcome> {
  static constexpr std::array<EnumEntry<ConcernOutcome>, 6> kEntries{{
      {ConcernOutcome::kResolved, "resolved", N_("Resolved within the circle")},
      {ConcernOutcome::kReferred, "referred", N_("Referred to services")},
      {ConcernOutcome::kReported, "reported", N_("Reported to the authorities")},
      {ConcernOutcome::kUnfounded, "unfounded", N_("No risk confirmed")},
      {ConcernOutcome::kCircleChanged, "circle_changed", N_("The circle was suspended or closed")},
      {ConcernOutcome::kOther, "other", N_("Other outcome")},
  }};
};

// The kinds of action taken on a concern.
enum class ActionKind { kTalkWithCoreMember, kEmergencyMeeting, kSafetyPlan, kReferral, kOther };

template <>
struct EnumTable<ActionKind> {
  static constexpr std::array<EnumEntry<ActionKind>, 5> kEntries{{
      {ActionKind::kTalkWithCoreMember, "talk", N_("Talk with the core member")},
      {ActionKind::kEmergencyMeeting, "emergency_meeting", N_("Emergency circle meeting")},
      {ActionKind::kSafetyPlan, "safety_plan", N_("Safety plan")},
      {ActionKind::kReferral, "referral", N_("Referral to services")},
      {ActionKind::kOther, "other", N_("Other action")},
  }};
};

// Disclosures.

// Who received the information.
enum class RecipientKind { kPartnerContact, kPolice, kYouthProtection, kOther };

template <>
struct EnumTable<RecipientKind> {
  static constexpr std::array<EnumEntry<RecipientKind>, 4> kEntries{{
      {RecipientKind::kPartnerContact, "partner_contact",
       N_("A partner contact of the outer circle")},
      {RecipientKind::kPolice, "police", N_("Police")},
      {RecipientKind::kYouthProtection, "dpj", N_("Youth protection (DPJ)")},
      {RecipientKind::kOther, "other", N_("Someone else")},
  }};
};

// How it was shared.
enum class DisclosureMeans { kPhone, kInPerson, kEmail, kLetter, kOther };

template <>
struct EnumTable<DisclosureMeans> {
  static constexpr std::array<EnumEntry<DisclosureMeans>, 5> kEntries{{
      {DisclosureMeans::kPhone, "phone", N_("Phone")},
      {DisclosureMeans::kInPerson, "in_person", N_("In person")},
      {DisclosureMeans::kEmail, "email", N_("E-mail")},
      {DisclosureMeans::kLetter, "letter", N_("Letter")},
      {DisclosureMeans::kOther, "other", N_("Other means")},
  }};
};

// The legal basis of a disclosure.
enum class LegalBasis {
  kConsent,    // the core member's consent, in force, whose scope covers the recipient
  kAgreement,  // an information-sharing agreement of the partner contact with the circle, in force
  kImminentDanger,   // explained
  kChildProtection,  // the duty to report a child in danger, Youth Protection Act s.39
  kCourtOrder,       // explained
  kOther,            // explained
};

template <>
struct EnumTable<LegalBasis> {
  static constexpr std::array<EnumEntry<LegalBasis>, 6> kEntries{{
      {LegalBasis::kConsent, "consent", N_("The core member's consent")},
      {LegalBasis::kAgreement, "agreement", N_("An information-sharing agreement")},
      {LegalBasis::kImminentDanger, "imminent_danger", N_("Imminent danger")},
      {LegalBasis::kChildProtection, "child_protection",
       N_("Duty to report a child in danger (Youth Protection Act, s. 39)")},
      {LegalBasis::kCourtOrder, "court_order", N_("A court order")},
      {LegalBasis::kOther, "other", N_("Another legal basis")},
  }};
};

}  // namespace cercle::domain
