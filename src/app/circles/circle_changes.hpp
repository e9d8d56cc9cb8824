#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/circle_record.hpp"
#include "domain/circle_reviews.hpp"

// What coordinators record on an open circle besides its members and phases: its details, its
// covenant and signatures, and its reviews. Each change is audited in its transaction; a closed
// circle refuses them all (Conflict); NotFound when the actor may not manage the circle.
namespace cercle::app::circles {

// A circle's details: its offence profile, meeting times…
struct DetailsCommand {
  std::int64_t circle_id = 0;
  domain::CircleDetails details;
};

// Stores the details, audited "circle.update". Returns the circle's id.
Result<std::int64_t> UpdateDetails(const Services& services, const auth::Actor& actor,
                                   const DetailsCommand& command);

// A new version of a circle's covenant.
struct AmendCovenantCommand {
  std::int64_t circle_id = 0;
  std::string body;
  std::string note;  // "Amendment" in the actor's language when empty
};

// Stores the version after domain::CheckCovenantText, audited "circle.covenant_amend". Returns the
// new version's id.
Result<std::int64_t> AmendCovenant(const Services& services, const auth::Actor& actor,
                                   const AmendCovenantCommand& command);

// A signature of the circle's current covenant version.
struct SignCovenantCommand {
  std::int64_t circle_id = 0;
  std::optional<domain::Signatory> signatory;  // none when the form named nobody
  std::optional<std::int64_t> volunteer_id;    // for a volunteer's signature
  std::optional<CivilDate> signed_on;
};

// Records the signature on the current version after domain::CheckSignature, audited
// "circle.covenant_sign". Returns the signature's id.
Result<std::int64_t> SignCovenant(const Services& services, const auth::Actor& actor,
                                  const SignCovenantCommand& command);

// One signatory of the covenant checklist.
struct Signer {
  domain::Signatory signatory = domain::Signatory::kCoreMember;
  std::optional<std::int64_t> volunteer_id;  // for a volunteer
};

// The signatures of the circle's current covenant version collected on one day, as the checklist
// records them.
struct SignaturesCommand {
  std::int64_t circle_id = 0;
  std::vector<Signer> signers;  // without repeats
  bool unreadable = false;      // the form named a signatory that is no one
  std::optional<CivilDate> signed_on;
};

// Records every signature of the command on the current version in one transaction, each checked
// by domain::CheckSignature and audited "circle.covenant_sign" on its own: the first refusal
// refuses them all and nothing is saved ("signatory" when nobody is ticked or one is unreadable,
// "signed_on" for the day). Returns how many were recorded.
Result<int> RecordSignatures(const Services& services, const auth::Actor& actor,
                             const SignaturesCommand& command);

// A review or a renewal decision.
struct ReviewCommand {
  std::int64_t circle_id = 0;
  std::optional<domain::ReviewKind> kind;
  std::optional<CivilDate> held_on;
  std::string participants;
  std::string outcome;
  std::string decisions;
  std::optional<domain::RenewalDecision> renewal;
};

// Records the review of a started circle after domain::CheckReview, audited "circle.review".
// Returns the review's id.
Result<std::int64_t> RecordReview(const Services& services, const auth::Actor& actor,
                                  const ReviewCommand& command);

}  // namespace cercle::app::circles
