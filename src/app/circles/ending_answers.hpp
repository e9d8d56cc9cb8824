#pragma once

#include <cstdint>
#include <optional>

#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/ending_questionnaires.hpp"
#include "store/unit.hpp"

// The one way an end-of-circle questionnaire is answered, whoever answers it (the coordinator
// typing in the core member's paper, the volunteer in his portal, the officer through his link).
namespace cercle::app::circles {

// Stores, inside `unit`'s transaction, the answers of `reply` (checked by the caller) to
// `questionnaire` and marks it answered on `answered_on` by `recorded_by` (none for the officer,
// who has no account), with the reply's comment; its link dies with it. Conflict when someone
// answered it first: the first answers stay.
Status StoreEndingAnswers(const store::Unit& unit, domain::EndingQuestionnaire questionnaire,
                          const domain::EndingReply& reply, CivilDate answered_on,
                          std::optional<std::int64_t> recorded_by);

}  // namespace cercle::app::circles
