#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_record.hpp"
#include "domain/settings.hpp"
#include "i18n/translator.hpp"
#include "store/unit.hpp"

// What the circles' commands and page queries share: the organisation's circle settings, the circle
// an actor may manage, the language an actor reads, and the refusals every change can meet.
namespace cercle::app::circles {

// The organisation's circle settings.
struct CircleSettings {
  int minimum = 3;        // "circle.minimum_volunteers"
  int maximum = 4;        // "circle.maximum_volunteers"
  int review_months = 3;  // "circle.review_months"
  int access_days = 30;   // "circle.volunteer_access_days"
  int contact_days = 14;  // "circle.contact_flag_days"
};

// The circle settings among an organisation's `settings`.
CircleSettings CircleSettingsOf(const domain::Settings& settings);
// The circle settings of the unit's organisation.
CircleSettings LoadCircleSettings(const store::Unit& unit);

// The language `actor` reads (stored text such as a covenant note is written in it).
i18n::Language LanguageOf(const auth::Actor& actor);

// The circle `circle_id`, read in `unit`, when `actor` may manage it; NotFound for a missing
// circle, another organisation's, or an actor the policy refuses (the same answer for all three).
Result<domain::Circle> FindManagedCircle(const store::Unit& unit, const auth::Actor& actor,
                                         std::int64_t circle_id);
// The circle to change: one `actor` manages (NotFound otherwise, as above), not closed (the
// refusal of ClosedCircle).
Result<domain::Circle> FindOpenCircle(const store::Unit& unit, const auth::Actor& actor,
                                      std::int64_t circle_id);

// The same in a read transaction of its own (for a page that shows a refused form again).
Result<domain::Circle> LoadManagedCircle(const Services& services, const auth::Actor& actor,
                                         std::int64_t circle_id);

// A stay and its circle.
struct ManagedStay {
  domain::CircleMember member;
  domain::Circle circle;
};

// The stay `member_id` and its circle, read in `unit`, when `actor` may manage the circle; NotFound
// otherwise.
Result<ManagedStay> FindManagedStay(const store::Unit& unit, const auth::Actor& actor,
                                    std::int64_t member_id);
// The same in a read transaction of its own.
Result<ManagedStay> LoadManagedStay(const Services& services, const auth::Actor& actor,
                                    std::int64_t member_id);

// The instant of `minute` minutes after midnight on `date`, in the organisation's time zone.
Instant LocalInstant(const Services& services, CivilDate date, int minute);
// The minutes after midnight of `instant` in the organisation's time zone.
int LocalMinute(const Services& services, Instant instant);

// The day a circle opened: its creation, in the organisation's time zone.
CivilDate OpenedOn(const Services& services, const domain::Circle& circle);

// The refusal of a change to a closed circle, which is read-only.
Error ClosedCircle();
// The refusal of a phase move when someone else moved the circle meanwhile.
Error MovedMeanwhile();

}  // namespace cercle::app::circles
