#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "app/services.hpp"
#include "base/result.hpp"

namespace cercle::demo {

// The demo circles' ids, by their core member's legal name.
using CircleIds = std::map<std::string, std::int64_t>;

// Adds the fictional circles of one demo organisation: a circle in every phase (forming,
// pre-release, intensive, weekly, every two weeks, monthly, informal, suspended, and two closed
// ones) around the demo core members, with their volunteers (every member of an open circle passes
// the volunteer gate, and each circle keeps within the size limits; the organisation allows two
// circles per volunteer), covenants with their amendments and signatures, phase histories, a year
// of meetings with minutes (acknowledged, except a few that show on the coordinator's home page),
// contacts between meetings, reviews and renewals, partner contacts and their information-sharing
// agreements, and a declared conflict. The demo volunteer "Bastien Fictif" is the primary volunteer
// of an open circle and has minutes to write for yesterday's meeting; the demo partner "Octave
// Prototype" is attached to one circle. Adds the few volunteers the circles need beyond those of
// LoadVolunteers, and the organisation's covenant template. Dates are relative to today on
// `services`' clock. Every circle's story is replayed as one timeline in date order through the
// application layer, by the demo's coordinator on the day each step happened (app::circles: Open,
// Join, SignCovenant, ChangePhase, PlanMeetings, AcknowledgeMinutes, RecordReview, Close,
// CreatePartner, AttachPartner, EndAgreement, SavePreferences; app::volunteers for the volunteers
// and the contacts' hours); Bastien submits his own minutes and logs his own contacts. Three kinds
// of record are stored as they stood, because no workflow can make them: the minutes and contacts
// of volunteers who have no account (only a volunteer's own account submits them), and the opening
// of a circle whose core member's file is closed already. A circle that closed within the last
// month is left open for the concerns raised about it meanwhile: LoadLateClosures closes it.
// Expects LoadVolunteers and LoadCoreMembers to have run. Returns the circles' ids.
Result<CircleIds> LoadCircles(const app::Services& services, std::int64_t organisation_id);

// Closes, through app::circles::Close on the day they closed, the circles of `circles` that
// LoadCircles left open for the concerns, then the core member's file where the story closes it
// with the circle (Hervé's, back in detention: app::intake::MoveCoreMember). Expects LoadConcerns
// to have run.
Status LoadLateClosures(const app::Services& services, std::int64_t organisation_id,
                        const CircleIds& circles);

}  // namespace cercle::demo
