#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "demo/circles_demo_data.hpp"
#include "demo/demo_actors.hpp"
#include "domain/core_member.hpp"
#include "domain/volunteer.hpp"
#include "store/unit.hpp"

// What the steps of the circles demo share (circles_demo.cpp and circles_demo_meetings.cpp): the
// loader's people and dates, and each circle's state as its story unfolds; every dated step of
// every circle goes on one demo::Timeline.
namespace cercle::demo::circles_story {

// The demo's instants: the evening of `day` (about 19 h in Montréal), or a morning.
Instant Evening(CivilDate day);
Instant Morning(CivilDate day);

// What the loader's steps share: the organisation, today, the demo's accounts as the app layer sees
// them, and everyone by name.
struct Loader {
  const app::Services& services;
  std::int64_t organisation_id = 0;
  Instant now;
  CivilDate today;
  DemoActors actors;
  std::map<std::string, domain::Volunteer> by_name;
  std::map<std::string, domain::CoreMember> files;
  std::map<std::string, std::int64_t> circle_ids;
  std::map<std::string, std::int64_t> venue_ids;  // the register's venues by name
  std::size_t turn = 0;                           // rotates the invented texts

  CivilDate DaysAgo(int count) const { return AddDays(today, -count); }
  const auth::Actor& coordinator() const { return actors.coordinator; }
  store::Scope scope() const { return store::Scope::Organisation(organisation_id); }
  // The portal account of volunteer `volunteer_id`, who acts himself there; Invalid without one.
  Result<auth::Actor> VolunteerActor(std::int64_t volunteer_id) const;
};

// One circle as its story unfolds: its table entry, its volunteers (known before it opens), and
// what the replay learns (its id and code name once opened, its meetings once planned).
struct CircleState {
  const circles_data::DemoCircle* demo = nullptr;
  std::vector<std::int64_t> volunteer_ids;  // the primary first
  std::int64_t id = 0;
  std::string code_name;
  std::map<int, std::int64_t> meetings;  // held meetings by days ago
};

// Adds the held meetings of `circle` (planned two weeks ahead, their minutes written the next day
// and acknowledged two days later) and the meetings planned ahead of today.
void AddMeetings(Loader& loader, Timeline& timeline, const std::shared_ptr<CircleState>& circle);

// Adds the contacts between meetings over the last year of the circle's life.
void AddContacts(const Loader& loader, Timeline& timeline,
                 const std::shared_ptr<CircleState>& circle);

// The day (before today) of the circle's first active phase, if it started.
std::optional<int> StartedDaysAgo(const circles_data::DemoCircle& demo);

}  // namespace cercle::demo::circles_story
