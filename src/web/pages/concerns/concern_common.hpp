#pragma once

#include <soci/soci.h>
#include <mstch/mstch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/concern.hpp"
#include "notify/concern_alerts.hpp"
#include "store/concern_store.hpp"
#include "web/context.hpp"

// What the concerns' pages share: moments typed and shown in the organisation's time zone, messages
// whose dates are written out in the reader's language, the choices of the forms, and the audit.
namespace cercle::web::pages::concerns {

// `error` with every "date" argument (an ISO date from the domain) written out in the reader's
// language.
Error Localised(const Context& context, Error error);

// A moment typed in an <input type="datetime-local"> ("2026-11-30T19:30", or with a space), in the
// organisation's time zone; none when it cannot be read.
std::optional<Instant> ParseMoment(const Context& context, std::string_view text);
// The value of an <input type="datetime-local"> for `instant`: "2026-11-30T19:30".
std::string MomentValue(const Context& context, Instant instant);
// A moment written out in the reader's language: "30 nov. 2026 19 h 30".
std::string FormatMoment(const Context& context, Instant instant);

// What the alert mail of a concern needs, from the server's services.
notify::AlertServices AlertServicesOf(const Context& context);

// The address of a concern's page for staff, and for the volunteer who raised it.
std::string ConcernHref(std::int64_t concern_id);
std::string PortalConcernHref(std::int64_t concern_id);

// The fields every list of concerns shows: code name, category, severity and status with their
// badges, when it was raised.
mstch::map ConcernSummary(const Context& context, const store::ConcernRow& row);

// The <select> options of every category, severity… with `chosen` selected, after an empty "Choose"
// option.
mstch::array CategoryChoices(const Context& context, const std::string& chosen);
mstch::array SeverityChoices(const Context& context, const std::string& chosen);

// Appends `action` on the concern `concern_id` by the actor, inside the caller's write transaction.
void AuditConcern(Context& context, soci::session& session, const std::string& action,
                  std::int64_t concern_id);
// Records `action` (a view) on the concern `concern_id` in a transaction of its own.
void RecordConcernView(Context& context, const std::string& action, std::int64_t concern_id);

}  // namespace cercle::web::pages::concerns
