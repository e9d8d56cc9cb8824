#pragma once

#include "web/context.hpp"

// The circles: the coordinators' pages (list, opening, the circle page with members, phases,
// covenant, meetings and minutes, contacts, reviews, the outer circle and closure; suggestions;
// partner contacts), the volunteer's phone view of their circles, the partner's minimal page, and
// the volunteers' calendar feeds. Every handler asks auth::policies::CirclePolicy; records of
// another organisation answer 404 like missing ones.
namespace cercle::web::pages::circles {

// GET /circles: the organisation's circles, open ones first.
Response List(Context& context);
// GET /circles/new, POST /circles/new: opening a circle for a core member.
Response ShowNew(Context& context);
Response Create(Context& context);
// GET /circles/{id}: the circle page (audited "circle.view").
Response Show(Context& context);
// POST /circles/{id}/details: offence profile and meeting times.
Response UpdateDetails(Context& context);
// GET /circles/{id}/suggestions: the volunteers ranked for this circle, with the excluded ones and
// why.
Response ShowSuggestions(Context& context);
// POST /circles/{id}/members: proposes a volunteer (forming circle) or adds one (circle already
// meeting), through the volunteer gate.
Response AddMember(Context& context);
// POST /circles/members/{id}/primary, /leave, /replace: the primary volunteer; a volunteer leaving;
// a replacement (through the volunteer gate).
Response MakePrimary(Context& context);
Response LeaveCircle(Context& context);
Response ReplaceMember(Context& context);
// POST /circles/{id}/phase: a phase change decided at a meeting (first active phase only once the
// covenant is signed), with its covenant amendment.
Response ChangePhase(Context& context);
// POST /circles/{id}/covenant: a new version of the covenant. POST /circles/{id}/covenant/sign: a
// signature.
Response AmendCovenant(Context& context);
Response SignCovenant(Context& context);
// POST /circles/{id}/meetings: plans one meeting or a series at the phase's rhythm.
Response PlanMeetings(Context& context);
// GET /circles/meetings/{id}: a meeting and its minutes (audited). POST …/cancel, POST
// …/acknowledge.
Response ShowMeeting(Context& context);
Response CancelMeeting(Context& context);
Response AcknowledgeMinutes(Context& context);
// POST /circles/{id}/reviews: a review or a renewal decision.
Response RecordReview(Context& context);
// POST /circles/{id}/close: closure with its reason and note.
Response Close(Context& context);
// POST /circles/{id}/agreements: attaches a partner contact under an information-sharing agreement
// (with its document). POST /circles/agreements/{id}/end: ends one. GET /circles/documents/{id}:
// its document.
Response AttachPartner(Context& context);
Response EndAgreement(Context& context);
Response DownloadAgreementDocument(Context& context);
// GET /circles/volunteers/{id}, POST: what a volunteer declared about serving in circles (conflicts
// with core members, offence profiles declined). POST /circles/conflicts/{id}/remove.
Response ShowPreferences(Context& context);
Response SavePreferences(Context& context);
Response RemoveConflict(Context& context);
// GET /partners, POST /partners: the outer circle's contacts. GET /partners/{id}, POST
// /partners/{id}.
Response ListPartners(Context& context);
Response CreatePartner(Context& context);
Response ShowPartner(Context& context);
Response UpdatePartner(Context& context);

// The volunteer's phone view. GET /portal/circles/{id}: one of their circles (audited). GET
// /portal/meetings/{id}, POST: a meeting, its minutes, and writing them. POST
// /portal/circles/{id}/contacts: a contact between meetings. POST /portal/calendar: a new
// calendar-feed address (the old one stops working).
Response ShowPortalCircle(Context& context);
Response ShowPortalMeeting(Context& context);
Response SubmitMinutes(Context& context);
Response LogContact(Context& context);
Response ResetCalendar(Context& context);

// The partner's pages. GET /my-circles: the circles an agreement in force attaches them to. GET
// /my-circles/{id}: the minimal page of one (audited "circle.partner_view").
Response ListPartnerCircles(Context& context);
Response ShowPartnerCircle(Context& context);

// GET /calendar/{feed}: a volunteer's iCalendar feed, "TOKEN.ics". Public: the token is the
// credential. Holds no personal name.
Response CalendarFeed(Context& context);

// The organisation's register of meeting places (coordinators and organisation admins).
Response ShowVenues(Context& context);
Response ShowNewVenue(Context& context);
Response CreateVenue(Context& context);
Response ShowEditVenue(Context& context);
Response UpdateVenue(Context& context);
Response ArchiveVenue(Context& context);

}  // namespace cercle::web::pages::circles
