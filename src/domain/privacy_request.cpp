#include "domain/privacy_request.hpp"

#include <algorithm>
#include <utility>

#include "base/folding.hpp"
#include "base/text.hpp"
#include "domain/field_checks.hpp"

namespace cercle::domain {
namespace {

constexpr std::size_t kMaxPersonName = 200;
constexpr std::size_t kMaxNote = 2000;
constexpr std::size_t kMaxSection = 200;
constexpr std::size_t kShortestName = 3;

// The length in bytes of the UTF-8 sequence that starts with `lead`.
std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xe) return 3;
  if ((lead >> 3) == 0x1e) return 4;
  return 1;
}

// True for a byte that belongs to a word: an ASCII letter or digit, or part of a non-ASCII letter.
bool WordByte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// `text` folded as FoldForSearch folds it, with, for each byte of the folded text, the range of
// the original text it comes from, so that a match in the folded text can be replaced in the
// original.
struct FoldedText {
  std::string folded;
  std::vector<std::pair<std::size_t, std::size_t>> origin;  // one per folded byte
};

FoldedText FoldWithOrigins(std::string_view text) {
  FoldedText result;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length =
        std::min(SequenceLength(static_cast<unsigned char>(text[at])), text.size() - at);
    const std::string_view piece = text.substr(at, length);
    const bool space = piece == " " || piece == "\t" || piece == "\n" || piece == "\r";
    const std::string folded = space ? std::string(" ") : FoldForSearch(piece);
    // Spaces collapse, as FoldForSearch collapses them in the names compared.
    if (!(space && (result.folded.empty() || result.folded.back() == ' '))) {
      for (const char c : folded) {
        result.folded += c;
        result.origin.emplace_back(at, at + length);
      }
    }
    at += length;
  }
  return result;
}

}  // namespace

const RefusalSection* FindRefusalSection(std::string_view number) {
  for (const auto& section : kUsualRefusalSections) {
    if (section.number == number) return &section;
  }
  return nullptr;
}

CivilDate AnswerDeadline(CivilDate received_on) { return AddDays(received_on, kAnswerDays); }

DeadlineState DeadlineOn(const PrivacyRequest& request, CivilDate today) {
  DeadlineState state;
  state.deadline = AnswerDeadline(request.received_on);
  state.days_left = DaysBetween(today, state.deadline);
  if (request.answered()) return state;
  if (state.days_left < 0) {
    state.flag = DeadlineFlag::kPassed;
  } else if (state.days_left <= kDeadlineNearDays) {
    state.flag = DeadlineFlag::kNear;
  }
  return state;
}

Status CheckPrivacyRequest(PrivacyRequest& request, CivilDate today) {
  std::vector<FieldError> errors;
  switch (request.subject_kind) {
    case PrivacySubjectKind::kCoreMember:
      if (!request.core_member_id) AddError(errors, "subject", N_("Choose the person's file."));
      request.volunteer_id.reset();
      request.person_name.clear();
      break;
    case PrivacySubjectKind::kVolunteer:
      if (!request.volunteer_id) AddError(errors, "subject", N_("Choose the person's file."));
      request.core_member_id.reset();
      request.person_name.clear();
      break;
    case PrivacySubjectKind::kOther:
      request.core_member_id.reset();
      request.volunteer_id.reset();
      CheckText(errors, "person_name", request.person_name, kMaxPersonName,
                N_("Enter the person's name, or choose their file."));
      break;
  }
  CheckRecordDate(errors, "received_on", request.received_on, today);
  CheckText(errors, "details", request.details, kMaxNote);
  return Checked(std::move(errors));
}

Status CheckPrivacyAnswer(PrivacyRequest& request, CivilDate today) {
  std::vector<FieldError> errors;
  if (!request.answer) AddError(errors, "answer", N_("Choose the answer given."));
  CheckPastDay(errors, "answered_on", request.answered_on, today,
               Earliest<CivilDate>{request.received_on,
                                   N_("The answer cannot come before the request was received.")});
  CheckText(errors, "refusal_section", request.refusal_section, kMaxSection);
  const bool refused =
      request.answer == PrivacyAnswer::kRefused || request.answer == PrivacyAnswer::kPartlyGranted;
  if (refused && request.refusal_section.empty()) {
    AddError(errors, "refusal_section",
             N_("Name the section of the Act invoked to refuse, as section 34 requires."));
  }
  if (!refused) request.refusal_section.clear();
  CheckText(errors, "answer_note", request.answer_note, kMaxNote);
  return Checked(std::move(errors));
}

std::optional<std::string> RedactNames(std::string_view text,
                                       const std::vector<std::string>& names) {
  if (text.empty() || names.empty()) return std::nullopt;
  const FoldedText folded = FoldWithOrigins(text);
  std::vector<std::pair<std::size_t, std::size_t>> ranges;  // in the original text
  for (const auto& name : names) {
    const std::string needle = FoldForSearch(name);
    if (CharacterCount(needle) < kShortestName) continue;
    for (std::size_t at = folded.folded.find(needle); at != std::string::npos;
         at = folded.folded.find(needle, at + 1)) {
      const std::size_t end = at + needle.size();
      const bool starts_word = at == 0 || !WordByte(folded.folded[at - 1]);
      const bool ends_word = end == folded.folded.size() || !WordByte(folded.folded[end]);
      if (starts_word && ends_word) {
        ranges.emplace_back(folded.origin[at].first, folded.origin[end - 1].second);
      }
    }
  }
  if (ranges.empty()) return std::nullopt;
  std::sort(ranges.begin(), ranges.end());
  std::string redacted;
  std::size_t copied = 0;
  for (const auto& [from, to] : ranges) {
    if (to <= copied) continue;
    if (from >= copied) {
      redacted.append(text.substr(copied, from - copied));
      redacted += kNameMarker;
    }
    copied = to;
  }
  redacted.append(text.substr(copied));
  return redacted;
}

}  // namespace cercle::domain
