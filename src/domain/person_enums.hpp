#pragma once

#include <array>

#include "base/result.hpp"
#include "domain/enum_names.hpp"

// The enumerations of people's files (roles, volunteers, hours, screening, core members,
// referrals, legal records, outcomes, outreach), each with its table: the values, the names stored
// in the database and the msgids of their labels (see domain/enum_names.hpp). A stored name is
// part of the databases' contract: change one only with a migration. No I/O.
namespace cercle::domain {

// Roles.

// What a user may be in Cercle (DESIGN.md, "Who uses it"). A user of an organisation holds one or
// more of the organisation roles; a network admin belongs to no organisation and holds only that
// role.
enum class Role {
  kNetworkAdmin,       // runs a shared server: organisations and their admins; aggregates only
  kOrganisationAdmin,  // users, roles, settings, retention; everything in the organisation
  kCoordinator,        // staff: intake, circles, supervision, escalation, reports
  kVolunteer,          // their own circles only, while active
  kPartner,            // parole officer, police liaison: a minimal view of their circles
  kEvaluator,          // outcome research: de-identified extracts only
};
template <>
struct EnumTable<Role> {
  static constexpr std::array<EnumEntry<Role>, 6> kEntries{{
      {Role::kNetworkAdmin, "network_admin", N_("Network administrator")},
      {Role::kOrganisationAdmin, "admin", N_("Organisation administrator")},
      {Role::kCoordinator, "coordinator", N_("Coordinator")},
      {Role::kVolunteer, "volunteer", N_("Volunteer")},
      {Role::kPartner, "partner", N_("Partner")},
      {Role::kEvaluator, "evaluator", N_("Evaluator")},
  }};
};

// Volunteers.

// The steps of a volunteer's way through the program.
enum class VolunteerStage {
  kInquiry,      // asked about volunteering
  kOrientation,  // invited to or attending the information session
  kTraining,     // following the basic training
  kScreening,    // police check, references, interview, signed agreements
  kApproved,     // ready to be proposed for a circle
  kActive,       // volunteering
  kOnLeave,      // active, paused for a while
  kExited,       // left the program (closed)
  kNotRetained,  // the program did not retain the applicant (closed)
};

template <>
struct EnumTable<VolunteerStage> {
  static constexpr std::array<EnumEntry<VolunteerStage>, 9> kEntries{{
      {VolunteerStage::kInquiry, "inquiry", N_("Inquiry")},
      {VolunteerStage::kOrientation, "orientation", N_("Orientation")},
      {VolunteerStage::kTraining, "training", N_("Training")},
      {VolunteerStage::kScreening, "screening", N_("Screening")},
      {VolunteerStage::kApproved, "approved", C_("volunteer", "Approved")},
      {VolunteerStage::kActive, "active", N_("Active")},
      {VolunteerStage::kOnLeave, "on_leave", N_("On leave")},
      {VolunteerStage::kExited, "exited", N_("Exited")},
      {VolunteerStage::kNotRetained, "not_retained", N_("Not retained")},
  }};
};

// The parts of a day a volunteer may be available in.
enum class DayPeriod { kMorning, kAfternoon, kEvening };

template <>
struct EnumTable<DayPeriod> {
  static constexpr std::array<EnumEntry<DayPeriod>, 3> kEntries{{
      {DayPeriod::kMorning, "morning", N_("Morning")},
      {DayPeriod::kAfternoon, "afternoon", N_("Afternoon")},
      {DayPeriod::kEvening, "evening", N_("Evening")},
  }};
};

// How someone heard of the program, for recruitment and outreach reports.
enum class HeardAbout {
  kWordOfMouth,
  kFaithCommunity,
  kMedia,
  kSocialMedia,
  kSchool,
  kPresentation,
  kVolunteerCentre,
  kOther,
};

template <>
struct EnumTable<HeardAbout> {
  static constexpr std::array<EnumEntry<HeardAbout>, 8> kEntries{{
      {HeardAbout::kWordOfMouth, "word_of_mouth", N_("Word of mouth")},
      {HeardAbout::kFaithCommunity, "faith_community", N_("Faith community")},
      {HeardAbout::kMedia, "media", N_("Newspaper, radio or television")},
      {HeardAbout::kSocialMedia, "social_media", N_("Social media or website")},
      {HeardAbout::kSchool, "school", N_("School, college or university")},
      {HeardAbout::kPresentation, "presentation", N_("A presentation or event")},
      {HeardAbout::kVolunteerCentre, "volunteer_centre", N_("Volunteer centre")},
      {HeardAbout::kOther, "other", N_("Other")},
  }};
};

// A meeting of a volunteer with the coordinator.
enum class SupervisionKind { kSupervision, kDebriefing };

template <>
struct EnumTable<SupervisionKind> {
  static constexpr std::array<EnumEntry<SupervisionKind>, 2> kEntries{{
      {SupervisionKind::kSupervision, "supervision", N_("Supervision")},
      {SupervisionKind::kDebriefing, "debriefing", N_("Debriefing")},
  }};
};

// The volunteer gate.

// The conditions of the gate, each of which must hold.
enum class GateCondition {
  kApproved,               // approved (or active, or on leave) and the file open
  kMinimumAge,             // the date of birth shows the organisation's minimum age
  kScreeningValid,         // every required screening item valid today
  kBasicTrainingComplete,  // every module required before a circle complete
  kNotOnLeave,             // not on leave
  kBelowCircleLimit,       // in fewer circles than the organisation's limit per volunteer
};
template <>
struct EnumTable<GateCondition> {
  static constexpr std::array<EnumEntry<GateCondition>, 6> kEntries{{
      {GateCondition::kApproved, "approved", ""},
      {GateCondition::kMinimumAge, "minimum_age", ""},
      {GateCondition::kScreeningValid, "screening_valid", ""},
      {GateCondition::kBasicTrainingComplete, "basic_training_complete", ""},
      {GateCondition::kNotOnLeave, "not_on_leave", ""},
      {GateCondition::kBelowCircleLimit, "below_circle_limit", ""},
  }};
};

// Hours.

// Where an hour comes from, or what the volunteer logged it for. Circle meetings come from the
// attendance the minutes record; circle contacts from the contacts volunteers log between meetings.
enum class HoursKind {
  kTraining,
  kTravel,
  kPhoneContact,
  kEvent,
  kOther,
  kCircleMeeting,
  kCircleContact
};

template <>
struct EnumTable<HoursKind> {
  static constexpr std::array<EnumEntry<HoursKind>, 7> kEntries{{
      {HoursKind::kTraining, "training", N_("Training")},
      {HoursKind::kTravel, "travel", N_("Travel")},
      {HoursKind::kPhoneContact, "phone_contact", N_("Phone contact")},
      {HoursKind::kEvent, "event", N_("Event")},
      {HoursKind::kOther, "other", N_("Other")},
      {HoursKind::kCircleMeeting, "circle_meeting", N_("Circle meeting")},
      {HoursKind::kCircleContact, "circle_contact", N_("Contact in a circle")},
  }};
};

// Where a logged entry stands. Hours from attendance are approved as they are recorded.
enum class HoursStatus { kPending, kApproved, kRejected };

template <>
struct EnumTable<HoursStatus> {
  static constexpr std::array<EnumEntry<HoursStatus>, 3> kEntries{{
      {HoursStatus::kPending, "pending", N_("Awaiting approval")},
      {HoursStatus::kApproved, "approved", C_("hours", "Approved")},
      {HoursStatus::kRejected, "rejected", N_("Not approved")},
  }};
};

// Screening.

// How a recorded item came out. A refusal's reason lives in the item's notes, for coordinators
// only.
enum class ScreeningResult { kPending, kPassed, kFailed };

template <>
struct EnumTable<ScreeningResult> {
  static constexpr std::array<EnumEntry<ScreeningResult>, 3> kEntries{{
      {ScreeningResult::kPending, "pending", N_("Being checked")},
      {ScreeningResult::kPassed, "passed", N_("Satisfactory")},
      {ScreeningResult::kFailed, "failed", N_("Not satisfactory")},
  }};
};

// Where a volunteer stands on one type of item.
enum class ScreeningStatus {
  kValid,         // enough valid items
  kExpiringSoon,  // valid, but an item that counts expires within the notice period
  kExpired,       // not enough valid items, and one that counted has expired
  kPending,       // not enough valid items, and one is being checked
  kNotAccepted,   // not enough valid items, and one was refused
  kMissing,       // nothing recorded
};

template <>
struct EnumTable<ScreeningStatus> {
  static constexpr std::array<EnumEntry<ScreeningStatus>, 6> kEntries{{
      {ScreeningStatus::kValid, "valid", N_("Valid")},
      {ScreeningStatus::kExpiringSoon, "expiring_soon", N_("Expiring soon")},
      {ScreeningStatus::kExpired, "expired", N_("Expired")},
      {ScreeningStatus::kPending, "pending", N_("In progress")},
      {ScreeningStatus::kNotAccepted, "not_accepted", N_("Not accepted")},
      {ScreeningStatus::kMissing, "missing", N_("To do")},
  }};
};

// Core members.

// Where a core member stands: candidate → waiting for circle → in circle → between circles →
// closed.
enum class CoreMemberStatus { kCandidate, kWaitingForCircle, kInCircle, kBetweenCircles, kClosed };

// Every status, in lifecycle order, with its stored name and the msgid of its label.
template <>
struct EnumTable<CoreMemberStatus> {
  static constexpr std::array<EnumEntry<CoreMemberStatus>, 5> kEntries{{
      {CoreMemberStatus::kCandidate, "candidate", N_("Candidate")},
      {CoreMemberStatus::kWaitingForCircle, "waiting_for_circle", N_("Waiting for a circle")},
      {CoreMemberStatus::kInCircle, "in_circle", N_("In a circle")},
      {CoreMemberStatus::kBetweenCircles, "between_circles", N_("Between circles")},
      {CoreMemberStatus::kClosed, "closed", C_("file", "Closed")},
  }};
};

// The language the core member prefers to speak.
enum class PreferredLanguage { kFrench, kEnglish, kOther };

// The languages, with their stored names ("fr", "en", "other") and label msgids.
template <>
struct EnumTable<PreferredLanguage> {
  static constexpr std::array<EnumEntry<PreferredLanguage>, 3> kEntries{{
      {PreferredLanguage::kFrench, "fr", N_("French")},
      {PreferredLanguage::kEnglish, "en", N_("English")},
      {PreferredLanguage::kOther, "other", N_("Other language")},
  }};
};

// Referrals.

// Who referred the man to the program.
enum class ReferralSource {
  kCsc,                    // Correctional Service of Canada (federal)
  kProvincialCorrections,  // Québec's provincial correctional services
  kPolice,
  kCommunityOrganisation,
  kSelfReferral,
  kOther,
};

// Every source, in display order, with its stored name and the msgid of its label.
template <>
struct EnumTable<ReferralSource> {
  static constexpr std::array<EnumEntry<ReferralSource>, 6> kEntries{{
      {ReferralSource::kCsc, "csc", N_("Correctional Service of Canada")},
      {ReferralSource::kProvincialCorrections, "provincial", N_("Québec provincial corrections")},
      {ReferralSource::kPolice, "police", N_("Police")},
      {ReferralSource::kCommunityOrganisation, "community", N_("Community organisation")},
      {ReferralSource::kSelfReferral, "self", N_("Self-referral")},
      {ReferralSource::kOther, "other", N_("Other source")},
  }};
};

// Where a referral stands: received → screening → accepted | declined | waitlisted | withdrawn.
enum class ReferralStatus { kReceived, kScreening, kAccepted, kDeclined, kWaitlisted, kWithdrawn };

// Every status, in lifecycle order, with its stored name and the msgid of its label.
template <>
struct EnumTable<ReferralStatus> {
  static constexpr std::array<EnumEntry<ReferralStatus>, 6> kEntries{{
      {ReferralStatus::kReceived, "received", N_("Received")},
      {ReferralStatus::kScreening, "screening", N_("Screening")},
      {ReferralStatus::kAccepted, "accepted", N_("Accepted")},
      {ReferralStatus::kDeclined, "declined", N_("Declined")},
      {ReferralStatus::kWaitlisted, "waitlisted", N_("Waitlisted")},
      {ReferralStatus::kWithdrawn, "withdrawn", N_("Withdrawn")},
  }};
};

// Legal records.

// The kinds of supervision or order a core member can be under.
enum class OrderType {
  kDayParole,
  kFullParole,
  kStatutoryRelease,
  kWarrantExpiry,        // the sentence has ended: no supervision
  kLongTermSupervision,  // LTSO
  kRecognizance8101,     // Criminal Code s.810.1
  kRecognizance8102,     // Criminal Code s.810.2
  kProbation,
};

// Every type, in display order, with its stored name and the msgid of its label.
template <>
struct EnumTable<OrderType> {
  static constexpr std::array<EnumEntry<OrderType>, 8> kEntries{{
      {OrderType::kDayParole, "day_parole", N_("Day parole")},
      {OrderType::kFullParole, "full_parole", N_("Full parole")},
      {OrderType::kStatutoryRelease, "statutory_release", N_("Statutory release")},
      {OrderType::kWarrantExpiry, "warrant_expiry", N_("Warrant expiry, no supervision")},
      {OrderType::kLongTermSupervision, "ltso", N_("Long-term supervision order (LTSO)")},
      {OrderType::kRecognizance8101, "s810_1", N_("Recognizance under s.810.1")},
      {OrderType::kRecognizance8102, "s810_2", N_("Recognizance under s.810.2")},
      {OrderType::kProbation, "probation", N_("Probation")},
  }};
};

// The kinds of condition an order carries.
enum class ConditionKind {
  kNoContactPerson,  // no contact with a named person: always protects a victim
  kNoContactMinors,
  kExclusionZone,
  kCurfew,
  kInternet,
  kResidence,
  kSubstances,
  kTreatment,
  kOther,
};

// Every kind, with its stored name and the msgid of its label.
template <>
struct EnumTable<ConditionKind> {
  static constexpr std::array<EnumEntry<ConditionKind>, 9> kEntries{{
      {ConditionKind::kNoContactPerson, "no_contact_person", N_("No contact with a named person")},
      {ConditionKind::kNoContactMinors, "no_contact_minors", N_("No contact with minors")},
      {ConditionKind::kExclusionZone, "exclusion_zone", N_("Exclusion zone")},
      {ConditionKind::kCurfew, "curfew", N_("Curfew")},
      {ConditionKind::kInternet, "internet", N_("Internet")},
      {ConditionKind::kResidence, "residence", N_("Residence")},
      {ConditionKind::kSubstances, "substances", N_("Alcohol and drugs")},
      {ConditionKind::kTreatment, "treatment", N_("Treatment")},
      {ConditionKind::kOther, "other", N_("Other condition")},
  }};
};

// The risk-assessment tools Cercle knows by name.
enum class RiskTool { kStatic99R, kStable2007, kAcute2007, kOther };

// Every tool, with its stored name and its name as shown (a tool's own name needs no
// translation; "Other tool" is a msgid).
template <>
struct EnumTable<RiskTool> {
  static constexpr std::array<EnumEntry<RiskTool>, 4> kEntries{{
      {RiskTool::kStatic99R, "static99r", "Static-99R"},
      {RiskTool::kStable2007, "stable2007", "STABLE-2007"},
      {RiskTool::kAcute2007, "acute2007", "ACUTE-2007"},
      {RiskTool::kOther, "other", N_("Other tool")},
  }};
};

// What a consent allows.
enum class ConsentScope { kOuterCircle, kPartnerOrganisation, kResearch, kMedia };

// Every scope, with its stored name and the msgid of its label.
template <>
struct EnumTable<ConsentScope> {
  static constexpr std::array<EnumEntry<ConsentScope>, 4> kEntries{{
      {ConsentScope::kOuterCircle, "outer_circle", N_("Sharing with the outer circle")},
      {ConsentScope::kPartnerOrganisation, "partner_organisation",
       N_("Sharing with a named partner organisation")},
      {ConsentScope::kResearch, "research", N_("Taking part in evaluation research")},
      {ConsentScope::kMedia, "media", N_("Media")},
  }};
};

// Whether a consent may be relied on.
enum class ConsentState {
  kActive,
  kNotYetValid,  // given with a later date
  kExpired,
  kWithdrawn,
};

// Every state, with a name and the msgid of its label.
template <>
struct EnumTable<ConsentState> {
  static constexpr std::array<EnumEntry<ConsentState>, 4> kEntries{{
      {ConsentState::kActive, "active", N_("In force")},
      {ConsentState::kNotYetValid, "not_yet_valid", N_("Not yet in force")},
      {ConsentState::kExpired, "expired", N_("Consent expired")},
      {ConsentState::kWithdrawn, "withdrawn", N_("Consent withdrawn")},
  }};
};

// Outcomes.

// What happened.
enum class RecidivismKind { kNewCharge, kConviction, kBreachOfConditions, kReturnToCustody };
// Every kind, in display order.
template <>
struct EnumTable<RecidivismKind> {
  static constexpr std::array<EnumEntry<RecidivismKind>, 4> kEntries{{
      {RecidivismKind::kNewCharge, "new_charge", N_("New charge")},
      {RecidivismKind::kConviction, "conviction", N_("Conviction")},
      {RecidivismKind::kBreachOfConditions, "breach_of_conditions", N_("Breach of conditions")},
      {RecidivismKind::kReturnToCustody, "return_to_custody", N_("Return to custody")},
  }};
};

// The nature of the offence involved.
enum class OffenceCategory { kSexual, kViolent, kOther };
template <>
struct EnumTable<OffenceCategory> {
  static constexpr std::array<EnumEntry<OffenceCategory>, 3> kEntries{{
      {OffenceCategory::kSexual, "sexual", N_("Sexual")},
      {OffenceCategory::kViolent, "violent", N_("Violent (non-sexual)")},
      {OffenceCategory::kOther, "other", N_("Other")},
  }};
};

// Where the coordinator learned of it.
enum class EventSource { kCourtRecords, kParoleOfficer, kPolice, kCoreMember, kMedia, kOther };
template <>
struct EnumTable<EventSource> {
  static constexpr std::array<EnumEntry<EventSource>, 6> kEntries{{
      {EventSource::kCourtRecords, "court_records", N_("Court or public records")},
      {EventSource::kParoleOfficer, "parole_officer", N_("Parole or probation officer")},
      {EventSource::kPolice, "police", N_("Police")},
      {EventSource::kCoreMember, "core_member", N_("The core member himself")},
      {EventSource::kMedia, "media", N_("Media")},
      {EventSource::kOther, "other", N_("Other")},
  }};
};

// When it happened, relative to the circle.
enum class CirclePeriod { kDuring, kAfter };
template <>
struct EnumTable<CirclePeriod> {
  static constexpr std::array<EnumEntry<CirclePeriod>, 2> kEntries{{
      {CirclePeriod::kDuring, "during", N_("During the circle")},
      {CirclePeriod::kAfter, "after", N_("After the circle")},
  }};
};

// What an outcome measure is about.
enum class OutcomeDimension { kHousing, kOccupation, kSocialNetwork };
template <>
struct EnumTable<OutcomeDimension> {
  static constexpr std::array<EnumEntry<OutcomeDimension>, 3> kEntries{{
      {OutcomeDimension::kHousing, "housing", N_("Housing stability")},
      {OutcomeDimension::kOccupation, "occupation", N_("Employment or occupation")},
      {OutcomeDimension::kSocialNetwork, "social_network", N_("Social network and isolation")},
  }};
};

// When in the circle a measure was taken.
enum class MeasureOccasion { kStart, kReview, kClosure };
template <>
struct EnumTable<MeasureOccasion> {
  static constexpr std::array<EnumEntry<MeasureOccasion>, 3> kEntries{{
      {MeasureOccasion::kStart, "start", N_("At the start")},
      {MeasureOccasion::kReview, "review", N_("At a review")},
      {MeasureOccasion::kClosure, "closure", N_("At closure")},
  }};
};

// Outreach.

// What kind of outreach it was.
enum class OutreachKind { kPresentation, kMediaInterview, kArticle, kEvent };
template <>
struct EnumTable<OutreachKind> {
  static constexpr std::array<EnumEntry<OutreachKind>, 4> kEntries{{
      {OutreachKind::kPresentation, "presentation", N_("Presentation")},
      {OutreachKind::kMediaInterview, "media_interview", N_("Media interview")},
      {OutreachKind::kArticle, "article", N_("Article")},
      {OutreachKind::kEvent, "event", N_("Event")},
  }};
};

// The language the outreach was done in.
enum class OutreachLanguage { kFrench, kEnglish, kBilingual, kOther };
template <>
struct EnumTable<OutreachLanguage> {
  static constexpr std::array<EnumEntry<OutreachLanguage>, 4> kEntries{{
      {OutreachLanguage::kFrench, "fr", N_("French")},
      {OutreachLanguage::kEnglish, "en", N_("English")},
      {OutreachLanguage::kBilingual, "bilingual", N_("French and English")},
      {OutreachLanguage::kOther, "other", N_("Other language")},
  }};
};

}  // namespace cercle::domain
