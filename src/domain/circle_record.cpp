#include "domain/circle_record.hpp"

#include <algorithm>
#include <array>

#include "base/folding.hpp"
#include "domain/field_checks.hpp"

namespace cercle::domain {
namespace {

// Words that name French and English in the languages volunteers and core members write down.
constexpr std::array<std::string_view, 4> kFrench = {"fr", "francais", "french", "francophone"};
constexpr std::array<std::string_view, 4> kEnglish = {"en", "anglais", "english", "anglophone"};

}  // namespace

std::string CodeLetters(int index) {
  std::string letters;
  for (int rest = index + 1; rest > 0; rest = (rest - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (rest - 1) % 26));
  }
  return letters;
}

std::string NextCodeName(const std::vector<std::string>& taken) {
  for (int index = 0;; ++index) {
    std::string name = std::string(kCodeNamePrefix) + CodeLetters(index);
    if (std::find(taken.begin(), taken.end(), name) == taken.end()) return name;
  }
}

Status CheckPhaseDecision(std::optional<CivilDate> decided_on, std::string_view reason,
                          CivilDate opened_on, CivilDate today) {
  std::vector<FieldError> errors;
  CheckPastDay(errors, "decided_on", decided_on, today,
               Earliest{opened_on, N_("The date cannot be before the circle opened.")});
  RequireText(errors, "reason", reason, kMaxCircleNoteLength,
              N_("Say why the circle changes phase."));
  return Checked(std::move(errors));
}

Status CheckClosure(std::optional<ClosureReason> reason, std::string_view note,
                    std::optional<CivilDate> closed_on, CivilDate opened_on, CivilDate today) {
  std::vector<FieldError> errors;
  if (!reason) AddError(errors, "closure_reason", N_("Choose why the circle closes."));
  LimitText(errors, "closing_note", note, kMaxCircleNoteLength);
  CheckPastDay(errors, "closed_on", closed_on, today,
               Earliest{opened_on, N_("The date cannot be before the circle opened.")});
  return Checked(std::move(errors));
}

std::optional<CivilDate> VolunteerAccessEnds(const Circle& circle, const CircleMember& member,
                                             int access_days) {
  std::optional<CivilDate> ended;
  if (circle.closed() && circle.closed_on) ended = circle.closed_on;
  if (member.left_on && (!ended || *member.left_on < *ended)) ended = member.left_on;
  if (circle.closed() && !ended) ended = circle.phase_since;
  if (!ended) return std::nullopt;
  return AddDays(*ended, access_days);
}

bool VolunteerMayRead(const Circle& circle, const CircleMember& member, int access_days,
                      CivilDate today) {
  const auto ends = VolunteerAccessEnds(circle, member, access_days);
  return !ends || today <= *ends;
}

bool VolunteerMayAct(const Circle& circle, const CircleMember& member) {
  return member.current() && !circle.closed();
}

std::vector<std::string> LanguageCodes(std::string_view text) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(",;/", start);
    if (end == std::string_view::npos) end = text.size();
    std::string word = FoldForSearch(text.substr(start, end - start));
    start = end + 1;
    if (word.empty()) continue;
    if (std::find(kFrench.begin(), kFrench.end(), word) != kFrench.end()) word = "fr";
    if (std::find(kEnglish.begin(), kEnglish.end(), word) != kEnglish.end()) word = "en";
    if (std::find(codes.begin(), codes.end(), word) == codes.end()) codes.push_back(word);
  }
  return codes;
}

}  // namespace cercle::domain
