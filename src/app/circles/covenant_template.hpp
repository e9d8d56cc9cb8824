#pragma once

#include <optional>
#include <string>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"

// The organisation's covenant template: its administrators write the text every new circle's
// covenant starts from (the promise and the limits of confidentiality).
namespace cercle::app::circles {

// The template the organisation's administrators wrote, if any. Forbidden for anyone else.
Result<std::optional<std::string>> LoadCovenantTemplate(const Services& services,
                                                        const auth::Actor& actor);

// Stores `body` as the template after domain::CheckCovenantText, audited
// "settings.covenant_template". Forbidden for anyone but the organisation's administrators.
Status SaveCovenantTemplate(const Services& services, const auth::Actor& actor,
                            const std::string& body);

}  // namespace cercle::app::circles
