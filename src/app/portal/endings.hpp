#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/ending_questionnaires.hpp"
#include "domain/volunteer.hpp"

// The end-of-circle questionnaire in the volunteer's own portal: a few statements on an agreement
// scale and an optional comment, answered once. Only the volunteer the questionnaire was opened
// for sees or answers it; anyone else gets NotFound.
namespace cercle::app::portal {

// A questionnaire waiting for the volunteer's answer, as the portal's home lists it.
struct OpenEnding {
  std::int64_t id = 0;
  std::string circle_code_name;
};

// The actor's own questionnaires not answered yet (none for a closed file or without a portal).
std::vector<OpenEnding> OpenEndingsOf(const Services& services, const auth::Actor& actor,
                                      const domain::Volunteer& volunteer);

// One of the actor's own questionnaires, with the circle it is about.
struct OwnEnding {
  domain::EndingQuestionnaire questionnaire;
  std::string circle_code_name;
};

// The actor's own questionnaire `id`, audited "ending.view_own"; NotFound when it is another
// volunteer's, another organisation's, or the actor has no portal.
Result<OwnEnding> LoadOwnEnding(const Services& services, const auth::Actor& actor,
                                std::int64_t id);

// Stores the actor's answers to their own questionnaire `id`, checked by domain::CheckEndingReply,
// audited "ending.answer_volunteer". One answer only: a second is refused (Conflict) and the first
// stays.
Result<std::int64_t> AnswerOwnEnding(const Services& services, const auth::Actor& actor,
                                     std::int64_t id, domain::EndingReply reply);

}  // namespace cercle::app::portal
