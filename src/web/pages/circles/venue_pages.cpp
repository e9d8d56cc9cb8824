// The organisation's register of meeting places, which its coordinators keep: the list, a new
// venue, a venue's edit form, and archiving (a venue used by meetings is archived, not deleted).
#include "app/circles/venues.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

constexpr std::string_view kRegister = "/circles/venues";

std::string VenueHref(std::int64_t id) { return std::string(kRegister) + "/" + std::to_string(id); }

// The venue form, read into a domain::Venue and shown from one.
const std::vector<FormField<domain::Venue>>& VenueFields() {
  using domain::Venue;
  static const std::vector<FormField<Venue>> fields = {
      Text("name", N_("Name"), &Venue::name,
           {.hint = N_("It appears in the volunteers' calendars: never a person's name."),
            .required = true,
            .limit = domain::kMaxVenueNameLength}),
      EnumChoice<domain::VenueKind>("kind", N_("Kind of place"), &Venue::kind,
                                    N_("Choose one of the options."),
                                    {.blank = N_("Choose…"), .required = true}),
      Checkbox("children_present", N_("Children are usually present"), &Venue::children_present,
               {.hint = N_("A meeting there is refused for a core member with a no-contact-with-"
                           "minors condition in force.")}),
      Checkbox("public_place", N_("Public place"), &Venue::public_place),
      Checkbox("accessible", N_("Accessible to people with reduced mobility"), &Venue::accessible),
      Text("exclusion_zones", N_("Exclusion zones it lies in"), &Venue::exclusion_zones,
           {.kind = FieldKind::kTextArea,
            .hint = N_("One zone's name per line, as exclusion-zone conditions name it."),
            .rows = 3}),
      Text("notes", N_("Notes"), &Venue::notes, {.kind = FieldKind::kTextArea, .rows = 3}),
  };
  return fields;
}

// The venue form: a new venue (`venue` null) or venue `venue`, showing `values`.
Response RenderVenueForm(Context& context, const domain::Venue* venue,
                         const FieldValues<domain::Venue>& values, int status) {
  mstch::map model;
  AddFields(context, VenueFields(), values, model);
  model["action"] = venue ? VenueHref(venue->id) : std::string(kRegister);
  model["editing"] = venue != nullptr;
  const std::string title = context.Translate(venue ? N_("Edit the venue") : N_("New venue"));
  return RenderPage(context, "circle_venue", title, std::move(model), status);
}

// One venue of the list.
mstch::map VenueRow(Context& context, const domain::Venue& venue) {
  mstch::array facts;
  const auto fact = [&](const char* msgid) {
    facts.push_back(mstch::map{{"fact", context.Translate(msgid)}});
  };
  if (venue.children_present) fact(N_("Children usually present"));
  fact(venue.public_place ? N_("Public place") : N_("Private place"));
  if (venue.accessible) fact(N_("Accessible"));
  mstch::array zones;
  for (const auto& zone : venue.Zones()) zones.push_back(mstch::map{{"zone", zone}});
  return mstch::map{{"name", venue.name},
                    {"href", VenueHref(venue.id)},
                    {"archive_action", VenueHref(venue.id) + "/archive"},
                    {"kind", context.Translate(domain::LabelOf(venue.kind))},
                    {"facts", facts},
                    {"has_zones", !venue.Zones().empty()},
                    {"zones", zones},
                    {"archived", venue.archived()}};
}

// The venue of the path, or the 404 to answer.
Result<domain::Venue> VenueOfPath(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Error::NotFound();
  return app::circles::FindVenue(context.services.app, context.signed_in(), *id);
}

}  // namespace

Response ShowVenues(Context& context) {
  const auto venues = app::circles::ListVenues(context.services.app, context.signed_in());
  if (!venues) return Deny(context, "venue_register", "", StatusFor(venues.error().kind));
  mstch::array rows;
  for (const auto& venue : *venues) rows.push_back(VenueRow(context, venue));
  mstch::map model{{"venues", rows}, {"empty", venues->empty()}};
  const auto query = context.request.QueryParameters();
  if (query.contains("saved")) model["notice"] = context.Translate(N_("The change is saved."));
  return RenderPage(context, "circle_venues", context.Translate(N_("Venues")), std::move(model));
}

Response ShowNewVenue(Context& context) {
  if (!app::circles::ListVenues(context.services.app, context.signed_in())) {
    return Deny(context, "venue_register", "", 403);
  }
  return RenderVenueForm(context, nullptr, {.initial = {{"public_place", "1"}}}, 200);
}

Response CreateVenue(Context& context) {
  const Form form(context.request);
  app::circles::VenueCommand command;
  command.field_errors = ReadFields(VenueFields(), form, command.venue);
  const auto created =
      app::circles::CreateVenue(context.services.app, context.signed_in(), command);
  if (created) return Response::Redirect(std::string(kRegister) + "?saved=1");
  return Refusal(context, created.error(), "venue_register", "", [&](const Error& error) {
    return RenderVenueForm(context, nullptr, {.form = &form, .error = &error},
                           StatusFor(error.kind));
  });
}

Response ShowEditVenue(Context& context) {
  const auto venue = VenueOfPath(context);
  if (!venue) return Deny(context, "venue", context.Parameter("id"));
  return RenderVenueForm(context, &*venue, {.record = &*venue}, 200);
}

Response UpdateVenue(Context& context) {
  const auto venue = VenueOfPath(context);
  if (!venue) return Deny(context, "venue", context.Parameter("id"));
  const Form form(context.request);
  app::circles::VenueCommand command{.id = venue->id};
  command.field_errors = ReadFields(VenueFields(), form, command.venue);
  const auto saved = app::circles::UpdateVenue(context.services.app, context.signed_in(), command);
  if (saved) return Response::Redirect(std::string(kRegister) + "?saved=1");
  return Refusal(context, saved.error(), "venue", context.Parameter("id"), [&](const Error& error) {
    return RenderVenueForm(context, &*venue, {.form = &form, .error = &error},
                           StatusFor(error.kind));
  });
}

Response ArchiveVenue(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "venue", context.Parameter("id"));
  const auto archived = app::circles::ArchiveVenue(context.services.app, context.signed_in(), *id);
  if (archived || archived.error().kind == ErrorKind::kConflict) {
    return Response::Redirect(std::string(kRegister) + "?saved=1");
  }
  return Deny(context, "venue", context.Parameter("id"), StatusFor(archived.error().kind));
}

}  // namespace cercle::web::pages::circles
