#pragma once

#include <mstch/mstch.hpp>
#include <string>

#include "app/intake/referrals.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"

// The views of the referral pages (referral_pages.cpp): the referral's page, its form and the
// acceptance form.
namespace cercle::web::pages::core_members {

// The address of a referral's page.
std::string ReferralHref(std::int64_t id);

// The status badge's modifier of a referral.
std::string ReferralTone(domain::ReferralStatus status);

// What the referral page shows besides the referral: a failed form of one section kept as typed,
// or a notice.
struct ReferralPageState {
  const Error* error = nullptr;
  std::string section;  // "move", "checklist", "documents"
  const Form* form = nullptr;
  std::string notice;
};

// Renders the page of referral `id` (recording a "referral.view" entry) with `state`; the audited
// 404 when the actor may not see it.
Response RenderReferral(Context& context, std::int64_t id, const ReferralPageState& state);

// Renders the acceptance form of `form` with `model`.
Response RenderAccept(Context& context, const app::intake::AcceptanceForm& form, mstch::map model,
                      int status);

}  // namespace cercle::web::pages::core_members
