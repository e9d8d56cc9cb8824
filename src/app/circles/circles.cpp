#include "app/circles/circles.hpp"

#include <boost/locale.hpp>

#include "auth/policies/circle_policy.hpp"
#include "store/circle_store.hpp"
#include "store/settings_store.hpp"

namespace cercle::app::circles {
namespace {

namespace bl = boost::locale;

// A locale with ICU's calendar, for conversions between instants and the organisation's local time.
// Built once: generating a locale is costly.
const std::locale& CalendarLocale() {
  static const std::locale locale = [] {
    bl::generator generator;
    generator.categories(bl::calendar_facet);
    return generator("en_CA.UTF-8");
  }();
  return locale;
}

}  // namespace

CircleSettings CircleSettingsOf(const domain::Settings& settings) {
  CircleSettings circle;
  circle.minimum = static_cast<int>(settings.Get(domain::SettingKey::kCircleMinimumVolunteers));
  circle.maximum = static_cast<int>(settings.Get(domain::SettingKey::kCircleMaximumVolunteers));
  circle.review_months = static_cast<int>(settings.Get(domain::SettingKey::kCircleReviewMonths));
  circle.access_days =
      static_cast<int>(settings.Get(domain::SettingKey::kCircleVolunteerAccessDays));
  circle.contact_days = static_cast<int>(settings.Get(domain::SettingKey::kCircleContactFlagDays));
  return circle;
}

CircleSettings LoadCircleSettings(const store::Unit& unit) {
  return CircleSettingsOf(store::SettingsStore(unit.session()).Load(unit.organisation_id()));
}

i18n::Language LanguageOf(const auth::Actor& actor) {
  return i18n::FromCode(actor.language, i18n::Language::kFrench);
}

Result<domain::Circle> FindManagedCircle(const store::Unit& unit, const auth::Actor& actor,
                                         std::int64_t circle_id) {
  using auth::policies::CirclePolicy;
  if (!CirclePolicy::CanManage(actor) || !actor.organisation_id) return Error::NotFound();
  auto circle = store::CircleStore(unit.session()).Find(circle_id, *actor.organisation_id);
  if (!circle || !CirclePolicy::CanView(actor, circle->organisation_id)) return Error::NotFound();
  return std::move(*circle);
}

Result<domain::Circle> FindOpenCircle(const store::Unit& unit, const auth::Actor& actor,
                                      std::int64_t circle_id) {
  auto circle = TRY(FindManagedCircle(unit, actor, circle_id));
  if (circle.closed()) return ClosedCircle();
  return circle;
}

Result<domain::Circle> LoadManagedCircle(const Services& services, const auth::Actor& actor,
                                         std::int64_t circle_id) {
  return Read(services, actor.scope(),
              [&](store::Unit& unit) { return FindManagedCircle(unit, actor, circle_id); });
}

Result<ManagedStay> FindManagedStay(const store::Unit& unit, const auth::Actor& actor,
                                    std::int64_t member_id) {
  if (!auth::policies::CirclePolicy::CanManage(actor) || !actor.organisation_id) {
    return Error::NotFound();
  }
  auto member = store::CircleStore(unit.session()).FindMember(member_id, *actor.organisation_id);
  if (!member) return Error::NotFound();
  auto circle = TRY(FindManagedCircle(unit, actor, member->circle_id));
  return ManagedStay{std::move(*member), std::move(circle)};
}

Result<ManagedStay> LoadManagedStay(const Services& services, const auth::Actor& actor,
                                    std::int64_t member_id) {
  return Read(services, actor.scope(),
              [&](store::Unit& unit) { return FindManagedStay(unit, actor, member_id); });
}

Instant LocalInstant(const Services& services, CivilDate date, int minute) {
  const bl::calendar calendar(CalendarLocale(), services.translator.time_zone());
  const bl::date_time moment(
      bl::period::year(static_cast<int>(date.year())) +
          bl::period::month(static_cast<int>(static_cast<unsigned>(date.month())) - 1) +
          bl::period::day(static_cast<int>(static_cast<unsigned>(date.day()))) +
          bl::period::hour(minute / 60) + bl::period::minute(minute % 60) + bl::period::second(0),
      calendar);
  return FromUnix(static_cast<long long>(moment.time()));
}

int LocalMinute(const Services& services, Instant instant) {
  const bl::calendar calendar(CalendarLocale(), services.translator.time_zone());
  const bl::date_time moment(static_cast<double>(ToUnix(instant)), calendar);
  return moment.get(bl::period::hour()) * 60 + moment.get(bl::period::minute());
}

CivilDate OpenedOn(const Services& services, const domain::Circle& circle) {
  return services.translator.LocalDate(circle.created_at);
}

Error ClosedCircle() {
  return Error::Conflict(N_("This circle is closed: it can no longer change."));
}

Error MovedMeanwhile() {
  return Error::Conflict(
      N_("Someone changed this circle meanwhile. Check its phase and try again."));
}

}  // namespace cercle::app::circles
