#include "domain/legal.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "base/text.hpp"
#include "domain/field_checks.hpp"
#include "domain/intake_fields.hpp"

namespace cercle::domain {
namespace {

// A score as reports write it: an optional sign, digits, and at most one decimal part.
bool LooksLikeScore(std::string_view score) {
  if (score.empty() || score.size() > 10) return false;
  std::size_t at = 0;
  if (score[0] == '-' || score[0] == '+') ++at;
  bool digits = false, decimal = false;
  for (; at < score.size(); ++at) {
    const char c = score[at];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits = true;
    } else if ((c == '.' || c == ',') && !decimal && digits) {
      decimal = true;
    } else {
      return false;
    }
  }
  return digits && std::isdigit(static_cast<unsigned char>(score.back()));
}

}  // namespace

Status CheckSupervisionOrder(const SupervisionOrder& order) {
  std::vector<FieldError> errors;
  if (order.ends_on && *order.ends_on < order.starts_on) {
    AddError(errors, "ends_on", N_("The end cannot come before the start."));
  }
  LimitText(errors, "officer_name", order.officer_name, 200);
  LimitText(errors, "officer_contact", order.officer_contact, 500);
  return Checked(std::move(errors));
}

Condition NormalisedCondition(Condition condition) {
  if (condition.kind == ConditionKind::kNoContactPerson) condition.protects_victim = true;
  if (!condition.protects_victim) {
    condition.victim_identity.clear();
    condition.victim_places.clear();
  }
  condition.text = Trimmed(condition.text);
  condition.victim_identity = Trimmed(condition.victim_identity);
  condition.victim_places = Trimmed(condition.victim_places);
  // Only an exclusion zone names a zone: another kind keeps none, so that no venue clashes with it.
  condition.zone =
      condition.kind == ConditionKind::kExclusionZone ? Trimmed(condition.zone) : std::string();
  return condition;
}

Status CheckCondition(const Condition& condition) {
  std::vector<FieldError> errors;
  RequireText(errors, "text", condition.text, intake::kMaxReasonLength,
              N_("Write the condition as the order states it."));
  if (condition.protects_victim) {
    RequireText(errors, "victim_identity", condition.victim_identity, 500,
                N_("Name the person this condition protects. Only coordinators can read it."));
    LimitText(errors, "victim_places", condition.victim_places, intake::kMaxReasonLength);
  }
  LimitText(errors, "zone", condition.zone, 120);
  if (condition.starts_on && condition.ends_on && *condition.ends_on < *condition.starts_on) {
    AddError(errors, "ends_on", N_("The end cannot come before the start."));
  }
  return Checked(std::move(errors));
}

std::vector<KeyDate> UpcomingKeyDates(const CoreMember& core_member,
                                      const std::vector<SupervisionOrder>& orders,
                                      const std::vector<Condition>& conditions, CivilDate today) {
  std::vector<KeyDate> dates;
  if (core_member.status == CoreMemberStatus::kClosed) return dates;
  const CivilDate horizon = AddDays(today, kKeyDateHorizonDays);
  const auto within = [&](const std::optional<CivilDate>& date) {
    return date && today <= *date && *date <= horizon;
  };
  if (within(core_member.statutory_release_date)) {
    dates.push_back(
        {KeyDateKind::kStatutoryRelease, *core_member.statutory_release_date, core_member.id, ""});
  }
  if (within(core_member.warrant_expiry_date)) {
    dates.push_back(
        {KeyDateKind::kWarrantExpiry, *core_member.warrant_expiry_date, core_member.id, ""});
  }
  for (const auto& order : orders) {
    if (order.core_member_id != core_member.id || !within(order.ends_on)) continue;
    dates.push_back({KeyDateKind::kOrderEnds, *order.ends_on, core_member.id,
                     std::string(LabelOf(order.type))});
  }
  for (const auto& condition : conditions) {
    if (condition.core_member_id != core_member.id || !within(condition.ends_on)) continue;
    dates.push_back({KeyDateKind::kConditionEnds, *condition.ends_on, core_member.id,
                     std::string(LabelOf(condition.kind))});
  }
  std::stable_sort(dates.begin(), dates.end(),
                   [](const KeyDate& a, const KeyDate& b) { return a.date < b.date; });
  return dates;
}

bool IsUrgentKeyDate(CivilDate date, CivilDate today) {
  return DaysBetween(today, date) <= kKeyDateUrgentDays;
}

Status CheckRiskAssessment(const RiskAssessment& assessment, CivilDate today) {
  std::vector<FieldError> errors;
  RequireText(errors, "tool_other", assessment.tool_other, 100,
              assessment.tool == RiskTool::kOther ? N_("Name the assessment tool.") : nullptr);
  const std::string score = Trimmed(assessment.score);
  if (score.empty()) {
    AddError(errors, "score", N_("Enter the score as the report gives it."));
  } else if (!LooksLikeScore(score)) {
    AddError(errors, "score", N_("Enter a number, such as 6, -1 or 4.5."));
  }
  LimitText(errors, "level", assessment.level, 100);
  if (assessment.assessed_on > today) {
    AddError(errors, "assessed_on", N_("The date of the assessment cannot be in the future."));
  }
  RequireText(errors, "assessor", assessment.assessor, 200, N_("Name who made the assessment."));
  return Checked(std::move(errors));
}

ConsentState ConsentStateOn(const Consent& consent, CivilDate today) {
  if (consent.withdrawn_on && *consent.withdrawn_on <= today) return ConsentState::kWithdrawn;
  if (consent.expires_on && *consent.expires_on < today) return ConsentState::kExpired;
  if (today < consent.given_on) return ConsentState::kNotYetValid;
  return ConsentState::kActive;
}

ConsentCover CoverAmong(const std::vector<Consent>& consents,
                        const std::function<bool(const Consent&)>& counts, CivilDate day) {
  std::vector<const Consent*> counted;
  for (const auto& consent : consents) {
    if (counts(consent)) counted.push_back(&consent);
  }
  // The latest consent given first: it is the one that speaks for the core member now.
  std::sort(counted.begin(), counted.end(), [](const Consent* a, const Consent* b) {
    return a->given_on != b->given_on ? a->given_on > b->given_on : a->id > b->id;
  });
  ConsentCover cover;
  for (const auto* consent : counted) {
    if (ConsentStateOn(*consent, day) == ConsentState::kActive) {
      cover.in_force = *consent;
      return cover;
    }
  }
  if (!counted.empty()) cover.latest = *counted.front();
  return cover;
}

Status CheckConsent(const Consent& consent, CivilDate today) {
  std::vector<FieldError> errors;
  RequireText(errors, "partner_organisation", consent.partner_organisation, 200,
              consent.scope == ConsentScope::kPartnerOrganisation
                  ? N_("Name the partner organisation this consent is for.")
                  : nullptr);
  if (consent.given_on > today) {
    AddError(errors, "given_on", N_("The date the consent was given cannot be in the future."));
  }
  if (consent.expires_on && *consent.expires_on < consent.given_on) {
    AddError(errors, "expires_on",
             N_("The expiry cannot come before the date the consent was given."));
  }
  return Checked(std::move(errors));
}

Status CheckConsentWithdrawal(const Consent& consent, CivilDate withdrawn_on, CivilDate today) {
  if (consent.withdrawn_on) return Error::Conflict(N_("This consent is already withdrawn."));
  if (withdrawn_on < consent.given_on) {
    return Error::Fields(
        {{"withdrawn_on", {N_("A consent cannot be withdrawn before it was given."), {}}}});
  }
  if (withdrawn_on > today) {
    return Error::Fields(
        {{"withdrawn_on", {N_("The withdrawal cannot be dated in the future."), {}}}});
  }
  return {};
}

std::vector<Consent> LapsedConsents(const std::vector<Consent>& consents, CivilDate today) {
  // Group by what the consent covers: its scope, and the partner for a partner organisation.
  using Key = std::tuple<ConsentScope, std::string>;
  std::map<Key, std::vector<const Consent*>> groups;
  for (const auto& consent : consents) {
    const std::string partner = consent.scope == ConsentScope::kPartnerOrganisation
                                    ? Trimmed(consent.partner_organisation)
                                    : "";
    groups[{consent.scope, partner}].push_back(&consent);
  }
  std::vector<Consent> lapsed;
  for (const auto& [key, members] : groups) {
    const bool any_active =
        std::any_of(members.begin(), members.end(), [&](const Consent* consent) {
          const auto state = ConsentStateOn(*consent, today);
          return state == ConsentState::kActive || state == ConsentState::kNotYetValid;
        });
    if (any_active) continue;
    const Consent* latest =
        *std::max_element(members.begin(), members.end(), [](const Consent* a, const Consent* b) {
          return std::tie(a->given_on, a->id) < std::tie(b->given_on, b->id);
        });
    lapsed.push_back(*latest);
  }
  std::sort(lapsed.begin(), lapsed.end(), [](const Consent& a, const Consent& b) {
    return std::tie(a.scope, a.given_on, a.id) < std::tie(b.scope, b.given_on, b.id);
  });
  return lapsed;
}

}  // namespace cercle::domain
