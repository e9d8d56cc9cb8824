#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"

// The person in charge of the protection of personal information (Québec's Law 25, s. 3.1): each
// organisation has one, and so has the network. By default its highest authority holds the
// function; it may delegate it in writing to someone else. No I/O.
namespace cercle::domain {

// The longest name or title, address and phone number of a person in charge, in characters.
inline constexpr std::size_t kMaxOfficerName = 120;
inline constexpr std::size_t kMaxOfficerAddress = 300;
inline constexpr std::size_t kMaxOfficerPhone = 40;
inline constexpr std::size_t kMaxOfficerDelegator = 200;

// The person in charge as the administrators name them: what the form holds.
struct PrivacyOfficerDetails {
  // The account that acts as the person in charge (reaches the privacy register), if any.
  std::optional<std::int64_t> user_id;
  std::string name;
  std::string title;
  std::string email;
  std::string phone;
  std::string postal_address;
  // True when the highest authority delegated the function in writing; then `delegated_on` is the
  // date of the written delegation and `delegated_by` who signed it ("" reads "the organisation's
  // highest authority").
  bool delegated = false;
  std::optional<CivilDate> delegated_on;
  std::string delegated_by;
};

// One organisation's (or the network's) person in charge, as stored.
struct PrivacyOfficer : PrivacyOfficerDetails {
  std::int64_t id = 0;
  std::optional<std::int64_t> organisation_id;  // none: the network's own
  std::optional<std::int64_t> updated_by;
  Instant updated_at;
};

// Trims the text of `officer` and checks it: a name and a title of 1 to 120 characters, a valid
// e-mail address, a phone number of at most 40 characters with digits when given, a postal address
// of at most 300; when delegated, the date of the written delegation (a real day, not after
// `today`) and who delegated, at most 200 characters. When not delegated, the delegation's date
// and author are cleared. Field errors "name", "title", "email", "phone", "postal_address",
// "delegated_on", "delegated_by".
Status CheckPrivacyOfficer(PrivacyOfficerDetails& officer, CivilDate today);

}  // namespace cercle::domain
