#include "web/pages/circles/review_factor_pages.hpp"

#include <algorithm>

#include "app/circles/review_factors.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

std::string FactorsHref(std::int64_t review_id) {
  return "/circles/reviews/" + std::to_string(review_id) + "/factors";
}

// The choices of a factor's rating: "not rated", then each point of the scale with its meaning.
mstch::array RatingChoices(const Context& context, domain::FactorKind kind,
                           const std::string& chosen) {
  mstch::array choices{mstch::map{{"value", std::string()},
                                  {"label", context.Translate(N_("Not rated"))},
                                  {"selected", chosen.empty()}}};
  for (int rating = domain::kLowestFactorRating; rating <= domain::kHighestFactorRating; ++rating) {
    const std::string value = std::to_string(rating);
    choices.push_back(mstch::map{
        {"value", value},
        {"label", value + " — " + context.Translate(domain::FactorRatingLabel(kind, rating))},
        {"selected", value == chosen}});
  }
  return choices;
}

// One factor's line: its rating and comment as stored, or as typed when the form was refused.
mstch::map FactorLine(const Context& context, const app::circles::ReviewFactorsPage& page,
                      const domain::RiskFactor& factor, const Form* form, const Error* error) {
  const std::string rating_field = "rating-" + factor.key;
  const std::string comment_field = "comment-" + factor.key;
  std::string rating, comment;
  if (form && factor.active) {
    rating = Trimmed(form->Get(rating_field));
    comment = form->Get(comment_field);
  } else {
    const auto given = std::find_if(page.ratings.begin(), page.ratings.end(),
                                    [&](const auto& each) { return each.factor_id == factor.id; });
    if (given != page.ratings.end() && factor.id != 0) {
      rating = std::to_string(given->rating);
      comment = given->comment;
    }
  }
  mstch::map line{{"key", factor.key},
                  {"name", context.Translate(factor.name)},
                  {"rating_field", rating_field},
                  {"comment_field", comment_field},
                  {"choices", RatingChoices(context, factor.kind, rating)},
                  {"comment", comment},
                  {"inactive", !factor.active}};
  if (!factor.active && !rating.empty()) {
    line["rating_text"] =
        rating + " — " + context.Translate(domain::FactorRatingLabel(factor.kind, rating[0] - '0'));
  }
  if (auto message = FieldMessage(context, error, rating_field); !message.empty()) {
    line["rating_error"] = message;
  }
  if (auto message = FieldMessage(context, error, comment_field); !message.empty()) {
    line["comment_error"] = message;
  }
  return line;
}

// The core member's assessments received from corrections, ticked when the review relies on them
// (or, on a refused form, when they were ticked).
mstch::array AssessmentChoices(const Context& context, const app::circles::ReviewFactorsPage& page,
                               const Form* form) {
  std::vector<std::string> ticked;
  if (form) {
    ticked = form->All("assessment");
  } else {
    for (const auto id : page.cited) ticked.push_back(std::to_string(id));
  }
  mstch::array choices;
  for (const auto& assessment : page.assessments) {
    const std::string id = std::to_string(assessment.id);
    choices.push_back(
        mstch::map{{"id", id},
                   {"tool", assessment.tool == domain::RiskTool::kOther
                                ? assessment.tool_other
                                : context.Translate(domain::LabelOf(assessment.tool))},
                   {"score", assessment.score},
                   {"level", assessment.level},
                   {"assessed_on", FormatDay(context, assessment.assessed_on)},
                   {"assessor", assessment.assessor},
                   {"checked", std::find(ticked.begin(), ticked.end(), id) != ticked.end()}});
  }
  return choices;
}

// The review's page, with the form as typed and its error when one was refused.
Response RenderFactors(Context& context, const app::circles::ReviewFactorsPage& page,
                       const Form* form, const Error* error, bool saved) {
  mstch::array risk, protective;
  for (const auto& factor : page.factors) {
    auto line = FactorLine(context, page, factor, form, error);
    (factor.kind == domain::FactorKind::kDynamicRisk ? risk : protective).push_back(line);
  }
  mstch::map model{{"circle", page.circle.code_name},
                   {"circle_href", CircleHref(page.circle.id)},
                   {"held_on", FormatDay(context, page.review.held_on)},
                   {"kind", context.Translate(domain::LabelOf(page.review.kind))},
                   {"action", FactorsHref(page.review.id)},
                   {"risk", risk},
                   {"protective", protective},
                   {"rated", !page.ratings.empty() || !page.cited.empty()},
                   {"assessments", AssessmentChoices(context, page, form)},
                   {"no_assessments", page.assessments.empty()}};
  if (auto message = FieldMessage(context, error, "assessments"); !message.empty()) {
    model["assessments_error"] = message;
  }
  if (auto message = FieldMessage(context, error, "ratings"); !message.empty()) {
    model["ratings_error"] = message;
  }
  if (saved) model["notice"] = context.Translate(N_("The ratings are recorded."));
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(
      context, "review_factors",
      context.Translate(N_("Risk and protective factors")) + " — " + page.circle.code_name,
      std::move(model), error ? StatusFor(error->kind) : 200);
}

// The assessments ticked; one that is not a number names no assessment, which the check refuses.
std::vector<std::int64_t> ReadAssessments(const Form& form) {
  std::vector<std::int64_t> ids;
  for (const auto& typed : form.All("assessment")) {
    const auto id = ParseId(typed);
    ids.push_back(id.value_or(0));
  }
  return ids;
}

// The lines of the form: one per factor its hidden "factor" fields name (the list the page showed).
std::vector<domain::FactorRatingEntry> ReadEntries(const Form& form) {
  std::vector<domain::FactorRatingEntry> entries;
  for (const auto& key : form.All("factor")) {
    domain::FactorRatingEntry entry{.key = key, .comment = form.Get("comment-" + key)};
    const auto typed = Trimmed(form.Get("rating-" + key));
    if (typed == "0" || typed == "1" || typed == "2") {
      entry.rating = typed[0] - '0';
    } else if (!typed.empty()) {
      entry.unreadable = true;
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

Response ShowReviewFactors(Context& context) {
  const auto page = CallWithPathId(context, app::circles::LoadReviewFactors);
  if (!page) return Deny(context, "circle_review", context.Parameter("id"));
  return RenderFactors(context, *page, nullptr, nullptr, context.request.query == "saved=1");
}

Response RateReviewFactors(Context& context) {
  return PostForm(
      context, "circle_review",
      [&](std::int64_t id, const Form& form) {
        return app::circles::RateFactors(context.services.app, context.signed_in(),
                                         {id, ReadEntries(form), ReadAssessments(form)});
      },
      [&](std::int64_t id, const Form& form, const Error& error) {
        return Refusal(
            context, error, "circle_review", std::to_string(id), [&](const Error& refused) {
              const auto page =
                  app::circles::LoadReviewFactors(context.services.app, context.signed_in(), id);
              if (!page) return Deny(context, "circle_review", std::to_string(id));
              return RenderFactors(context, *page, &form, &refused, false);
            });
      },
      [](std::int64_t id, std::int64_t) { return FactorsHref(id) + "?saved=1"; });
}

}  // namespace cercle::web::pages::circles
