#pragma once

#include <optional>
#include <span>
#include <vector>

#include "domain/circle.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_record.hpp"
#include "domain/circle_reviews.hpp"

// The circles demo's invented content: the tables the loader (circles_demo.cpp) replays through the
// application layer. Every name says it is not real; days are counted back from today.
namespace cercle::demo::circles_data {

// A volunteer the circles need beyond the volunteers' demo: active, fully screened and trained a
// year ago.
struct ExtraVolunteer {
  const char* first_name = "";
  const char* last_name = "";
  const char* region = "";
  const char* languages = "";
  const char* availability = "";
  int age = 0;
  const char* occupation = "";
  const char* gender = "";
};

// One phase of a circle's history after its opening: the phase and the day it began.
struct PhaseStep {
  domain::CirclePhase phase = domain::CirclePhase::kForming;
  int days_ago = 0;
  const char* reason = "";
};

// One review or renewal decision.
struct DemoReview {
  domain::ReviewKind kind = domain::ReviewKind::kReview;
  int days_ago = 0;
  std::optional<domain::RenewalDecision> renewal;
  const char* outcome = "";
  const char* decisions = "";
};

// One invented circle.
struct DemoCircle {
  const char* core_member = "";  // legal name of a demo core member
  // "First Last" of the volunteers; the first is the primary volunteer.
  std::vector<const char*> members;
  int opened_days_ago = 0;
  std::vector<PhaseStep> phases;                 // after the opening, oldest first
  std::optional<domain::ClosureReason> closure;  // set with a last step kClosed
  const char* closing_note = "";
  // Why the core member's file closes the day his circle closes (none: it waits between circles).
  const char* file_closure = nullptr;
  domain::CircleDetails details;  // as set when the circle opened
  const char* place = "";         // where its meetings are held
  // The most recent held meeting, in days before today (0: none, the circle does not meet yet).
  int last_meeting_days_ago = 0;
  // How many meetings are planned ahead.
  int planned_ahead = 0;
  // Special cases shown on the coordinator's home page and the volunteer's phone: the meeting (by
  // days ago) whose minutes are still to write, and the one whose minutes wait for acknowledgement
  // (0: none).
  int minutes_missing_days_ago = 0;
  int minutes_unacknowledged_days_ago = 0;
  // Contacts between meetings: every `contact_every` days, the latest `last_contact_days_ago` days
  // ago (0: none).
  int contact_every = 0;
  int last_contact_days_ago = 0;
  std::vector<DemoReview> reviews;
};

// A partner contact of the outer circle.
struct DemoPartner {
  domain::PartnerKind kind = domain::PartnerKind::kOther;
  const char* name = "";
  const char* organisation = "";
  const char* role = "";
  const char* email = "";
  bool demo_account = false;  // linked to the demo partner's account
};

// An information-sharing agreement attaching a partner (by name) to a circle (by core member).
struct DemoAgreement {
  const char* partner = "";
  const char* core_member = "";
  int starts_days_ago = 0;
  std::optional<int> ends_days_ago;  // the last day in force, if it ended
  const char* scope = "";
};

std::span<const ExtraVolunteer> ExtraVolunteers();
const std::vector<DemoCircle>& Circles();
std::span<const DemoPartner> Partners();
std::span<const DemoAgreement> Agreements();

// The covenant every demo circle starts from (the organisation's template), in French.
extern const char* const kCovenant;
// What a phase asks of the circle, added to the covenant when it enters it.
const char* PhaseClause(domain::CirclePhase phase);
// Days between meetings in each phase.
int Rhythm(domain::CirclePhase phase);

// The invented texts of minutes, acknowledgements and contacts, taken in turn: `turn` picks one.
struct MinutesText {
  const char* check_in;
  const char* accountability;
  const char* support;
  const char* decisions;
  const char* next_steps;
};
MinutesText MinutesTextOf(std::size_t turn);
const char* CommentOf(std::size_t turn);
const char* ContactNoteOf(std::size_t turn);

}  // namespace cercle::demo::circles_data
