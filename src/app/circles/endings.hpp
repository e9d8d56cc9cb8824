#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/circle_record.hpp"
#include "domain/ending_questionnaires.hpp"
#include "domain/report_period.hpp"
#include "store/unit.hpp"

// The end-of-circle questionnaires, on the staff side and the officer's: opened when a circle
// closes, the core member's paper answers typed in by a coordinator, the officer's single-use link
// (mailed when the circle's parole officer has an address, or issued anew for the coordinator to
// pass on) and the officer's answer through it. Coordinators and organisation admins manage them;
// anyone else gets NotFound. The volunteers answer theirs in the portal (app/portal/endings).
namespace cercle::app::circles {

// Opens, inside `unit`'s transaction, the questionnaires of `circle`, which is closing: the core
// member's, one for each volunteer whose stay is current, and the officer's with a single-use link,
// mailed to the circle's parole officer when an agreement names one with an address. Audited
// "circle.endings_open".
void OpenEndings(const Services& services, const store::Unit& unit, const auth::Actor& actor,
                 const domain::Circle& circle);

// One questionnaire of a circle as the coordinator sees it: whose it is and whether it was
// answered; the answers only for the core member's and the officer's.
struct EndingSummary {
  domain::EndingQuestionnaire questionnaire;
  std::string volunteer_name;  // for a volunteer's
  std::vector<domain::EndingAnswer> answers;
};

// The questionnaires of a closed circle.
struct EndingsPage {
  domain::Circle circle;
  std::vector<EndingSummary> questionnaires;
  CivilDate today;
};

// The questionnaires of circle `circle_id`, audited "circle.endings_view"; NotFound when the actor
// may not manage the circle.
Result<EndingsPage> LoadEndings(const Services& services, const auth::Actor& actor,
                                std::int64_t circle_id);

// Stores the core member's paper answers for circle `circle_id`, checked by
// domain::CheckPaperReply, audited "ending.record_paper". Conflict when they were typed in already
// (the first stay); NotFound when the circle has no questionnaire or the actor may not manage it.
Result<std::int64_t> RecordCoreMemberAnswers(const Services& services, const auth::Actor& actor,
                                             std::int64_t circle_id, domain::EndingReply reply);

// Replaces the officer's link of circle `circle_id` with a new one and returns its address, for the
// coordinator to pass on (the former link dies), audited "ending.officer_link". Conflict when the
// officer answered already.
Result<std::string> IssueOfficerLink(const Services& services, const auth::Actor& actor,
                                     std::int64_t circle_id);

// What the officer's link shows: the circle's code name and the day it closed.
struct OfficerEnding {
  std::string circle_code_name;
  std::optional<CivilDate> closed_on;
};

// The questionnaire behind an officer's link; Invalid (the link is dead) when the token is unknown,
// used or more than domain::kOfficerLinkDays old.
Result<OfficerEnding> LoadOfficerEnding(const Services& services, const std::string& token);

// Stores the officer's answers through the link `token`, checked by domain::CheckEndingReply,
// audited "ending.answer_officer"; the link dies with it. Invalid when the link is dead.
Result<std::int64_t> AnswerOfficerEnding(const Services& services, const auth::ClientInfo& client,
                                         const std::string& token, domain::EndingReply reply);

// The questionnaires of the core member's closed circles, with their answers, as his outcomes
// page shows them: his own and the officer's. The caller checked the actor may see the file.
std::vector<EndingSummary> EndingsOfCoreMember(const store::Unit& unit, std::int64_t core_member_id,
                                               std::int64_t organisation_id);

// The figures of the questionnaires answered within `period`: for each question of each kind of
// respondent, the number of answers and their mean. Empty for an actor who does not manage circles
// (an evaluator, a partner).
std::vector<domain::EndingFigure> EndingFiguresOf(const Services& services,
                                                  const auth::Actor& actor,
                                                  const domain::ReportPeriod& period);

}  // namespace cercle::app::circles
