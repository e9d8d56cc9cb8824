#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle.hpp"
#include "domain/circle_enums.hpp"
#include "domain/circle_record.hpp"

// The covenant: the circle's signed agreement, with the promise and the limits of confidentiality.
// An organisation keeps one template; each circle has numbered versions (an amendment is a new
// version and the previous ones are kept) and each version its signatories with the day each
// signed. No I/O.
namespace cercle::domain {

// The template an organisation starts from until its administrators write their own: an English
// msgid, stored translated into the language of whoever first uses it.
inline constexpr const char* kDefaultCovenantTemplate =
    N_("Covenant of the circle\n\n"
       "We, the core member and the volunteers of this circle, with the coordinator who supervises "
       "it, agree to "
       "meet regularly and to keep in touch between meetings, so that the core member rebuilds a "
       "life without new "
       "victims.\n\n"
       "The core member promises to take part honestly, to respect his conditions, and to speak "
       "about what worries "
       "him, including situations that could put someone at risk.\n\n"
       "The volunteers promise to listen without judging, to hold the core member to his "
       "commitments, and to tell "
       "the coordinator about any warning sign.\n\n"
       "Limits of confidentiality: what is said in the circle stays in the circle, except when "
       "someone is in "
       "danger, when a child may be at risk (Youth Protection Act, s. 39), when a condition is "
       "breached, or when the "
       "core member has agreed to share it. The coordinator alone speaks to the outer circle: "
       "parole, police and "
       "therapists.\n\n"
       "This covenant is reviewed at every change of phase.");

// The longest covenant text, in characters.
inline constexpr std::size_t kMaxCovenantLength = 20000;

// One version of a circle's covenant.
struct CovenantVersion {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t circle_id = 0;
  int version = 1;
  std::string body;
  std::string note;  // why this version: "First version", "Phase change: weekly → every two weeks"…
  std::optional<std::int64_t> phase_change_id;
  std::optional<std::int64_t> created_by;
  Instant created_at;
};

// One signature of one version.
struct CovenantSignature {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t version_id = 0;
  Signatory signatory = Signatory::kCoreMember;
  std::optional<std::int64_t> volunteer_id;  // for a volunteer's signature
  CivilDate signed_on{};
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
};

// Checks a covenant text: 1 to kMaxCovenantLength characters once trimmed (field "body"), and a
// note of at most 200 characters (field "note").
Status CheckCovenantText(std::string_view body, std::string_view note);

// Who has signed `version_id` among the core member and the current members of the circle, for
// CheckCovenantSigned: the names of the members who have not signed come from `volunteer_names`.
CovenantSignatures SignaturesOf(std::int64_t version_id,
                                const std::vector<CovenantSignature>& signatures,
                                const std::vector<CircleMember>& members,
                                const std::map<std::int64_t, std::string>& volunteer_names);

// Checks a signature to record on `version`: a volunteer must be a current member, nobody signs the
// same version twice (Conflict), and the day is a real date, not in the future and not before the
// version was drafted (`drafted_on`). Field errors "signatory", "signed_on".
Status CheckSignature(const CovenantSignature& signature,
                      const std::vector<CovenantSignature>& existing,
                      const std::vector<CircleMember>& members, CivilDate drafted_on,
                      CivilDate today);

}  // namespace cercle::domain
