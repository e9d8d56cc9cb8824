#include "web/pages/circles/ending_pages.hpp"

#include "app/circles/endings.hpp"
#include "app/portal/endings.hpp"
#include "base/text.hpp"
#include "domain/enum_names.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"

namespace cercle::web::pages::circles {
namespace {

using domain::EndingRespondent;

constexpr const char* kEndingsTemplate = "circle_endings";

// The reply typed in `form` to `respondent`'s questions: a score is one digit, anything else
// counts as no answer.
domain::EndingReply ReadReply(const Form& form, EndingRespondent respondent) {
  domain::EndingReply reply;
  for (const auto& question : domain::EndingQuestionsFor(respondent)) {
    const std::string value = Trimmed(form.Get(domain::EndingField(question.key)));
    std::optional<int> score;
    if (value.size() == 1 && value[0] >= '0' && value[0] <= '9') score = value[0] - '0';
    reply.scores[std::string(question.key)] = score;
  }
  reply.comment = form.Get("comment");
  return reply;
}

// The error of `field` among `error`'s, in the reader's language ("" for none).
std::string FieldErrorOf(const Context& context, const Error* error, const std::string& field) {
  if (!error) return "";
  for (const auto& entry : error->fields) {
    if (entry.field == field) return context.Format(entry.message);
  }
  return "";
}

// The questions of `respondent` as radio groups, with what `form` holds and `error`'s messages,
// and the comment field: the part templates/ending_questions.mustache shows.
mstch::map QuestionsModel(const Context& context, EndingRespondent respondent, const Form* form,
                          const Error* error) {
  mstch::array questions;
  for (const auto& question : domain::EndingQuestionsFor(respondent)) {
    const std::string field = domain::EndingField(question.key);
    const std::string chosen = form ? Trimmed(form->Get(field)) : "";
    mstch::array choices;
    for (int score = domain::kAgreementLowest; score <= domain::kAgreementHighest; ++score) {
      const std::string value = std::to_string(score);
      choices.push_back(mstch::map{{"value", value},
                                   {"label", context.Translate(domain::AgreementLabel(score))},
                                   {"selected", value == chosen}});
    }
    mstch::map entry{
        {"field", field}, {"text", context.Translate(question.text)}, {"choices", choices}};
    if (const auto message = FieldErrorOf(context, error, field); !message.empty()) {
      entry["error"] = message;
    }
    questions.push_back(std::move(entry));
  }
  mstch::map comment{{"value", form ? form->Get("comment") : ""}};
  if (const auto message = FieldErrorOf(context, error, "comment"); !message.empty()) {
    comment["error"] = message;
  }
  return mstch::map{{"questions", questions}, {"comment", comment}};
}

// The answers given, as "question: label" rows, in question order.
mstch::array AnswersModel(const Context& context, EndingRespondent respondent,
                          const std::vector<domain::EndingAnswer>& answers) {
  mstch::array rows;
  for (const auto& question : domain::EndingQuestionsFor(respondent)) {
    for (const auto& answer : answers) {
      if (answer.question != question.key) continue;
      rows.push_back(
          mstch::map{{"question", context.Translate(question.text)},
                     {"answer", std::to_string(answer.score) + " — " +
                                    context.Translate(domain::AgreementLabel(answer.score))}});
    }
  }
  return rows;
}

}  // namespace

mstch::map EndingSummaryView(const Context& context, const app::circles::EndingSummary& summary) {
  const auto& questionnaire = summary.questionnaire;
  std::string who = context.Translate(domain::LabelOf(questionnaire.respondent));
  if (!summary.volunteer_name.empty()) who += " — " + summary.volunteer_name;
  mstch::map row{{"who", who},
                 {"answered", questionnaire.answered()},
                 {"has_answers", !summary.answers.empty()},
                 {"answers", AnswersModel(context, questionnaire.respondent, summary.answers)}};
  if (questionnaire.answered_on)
    row["answered_on"] = FormatDay(context, *questionnaire.answered_on);
  if (questionnaire.respondent != EndingRespondent::kVolunteer) {
    row["comment"] = questionnaire.comment;
  }
  return row;
}

namespace {

// What the coordinator's page shows besides the questionnaires: a refused form, a new link.
struct EndingsState {
  const Form* form = nullptr;
  const Error* error = nullptr;
  std::string officer_link;
};

Response RenderEndings(Context& context, const app::circles::EndingsPage& page,
                       const EndingsState& state) {
  mstch::array rows;
  bool core_member_open = false, officer_open = false;
  for (const auto& summary : page.questionnaires) {
    rows.push_back(EndingSummaryView(context, summary));
    const auto respondent = summary.questionnaire.respondent;
    const bool open = !summary.questionnaire.answered();
    core_member_open = core_member_open || (open && respondent == EndingRespondent::kCoreMember);
    officer_open = officer_open || (open && respondent == EndingRespondent::kOfficer);
  }
  const std::string id = std::to_string(page.circle.id);
  mstch::map model{{"id", id},
                   {"code_name", page.circle.code_name},
                   {"circle_href", "/circles/" + id},
                   {"has_questionnaires", !rows.empty()},
                   {"questionnaires", rows},
                   {"officer_open", officer_open}};
  if (core_member_open) {
    mstch::map paper =
        QuestionsModel(context, EndingRespondent::kCoreMember, state.form, state.error);
    mstch::map day{
        {"value", state.form ? state.form->Get("answered_on") : FormatIsoDate(page.today)}};
    if (const auto message = FieldErrorOf(context, state.error, "answered_on"); !message.empty()) {
      day["error"] = message;
    }
    paper["answered_on"] = day;
    model["paper"] = paper;
  }
  if (!state.officer_link.empty()) model["officer_link"] = state.officer_link;
  const auto query = context.request.QueryParameters();
  if (query.count("saved") > 0) {
    model["notice"] = context.Translate(N_("The core member's answers are recorded."));
  }
  if (state.error) model["form_error"] = context.Format(state.error->message);
  return RenderPage(
      context, kEndingsTemplate,
      context.Translate(N_("End-of-circle questionnaires")) + " — " + page.circle.code_name,
      std::move(model), state.error ? StatusFor(state.error->kind) : 200);
}

Response RenderOwnEnding(Context& context, const app::portal::OwnEnding& own, const Form* form,
                         const Error* error) {
  mstch::map model{{"id", std::to_string(own.questionnaire.id)},
                   {"code_name", own.circle_code_name},
                   {"answered", own.questionnaire.answered()}};
  if (!own.questionnaire.answered()) {
    model["form"] = QuestionsModel(context, EndingRespondent::kVolunteer, form, error);
  } else if (context.request.query == "answered=1") {
    model["notice"] = context.Translate(N_("Thank you: your answers are recorded."));
  }
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "portal_ending", context.Translate(N_("End of the circle")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

Response RenderOfficerEnding(Context& context, const std::string& token,
                             const app::circles::OfficerEnding& ending, const Form* form,
                             const Error* error) {
  mstch::map model{{"token", token},
                   {"code_name", ending.circle_code_name},
                   {"form", QuestionsModel(context, EndingRespondent::kOfficer, form, error)}};
  if (ending.closed_on) model["closed_on"] = FormatDay(context, *ending.closed_on);
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "officer_ending", context.Translate(N_("End of a circle")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

// The page of a dead officer's link: it says so and changes nothing.
Response OfficerLinkDead(Context& context, const Error& error) {
  return RenderPage(context, "officer_ending_closed", context.Translate(N_("Link expired")),
                    mstch::map{{"message", context.Format(error.message)}}, 410);
}

}  // namespace

Response ShowEndings(Context& context) {
  const auto page = CallWithPathId(context, app::circles::LoadEndings);
  if (!page) return Deny(context, "circle", context.Parameter("id"));
  return RenderEndings(context, *page, {});
}

Response RecordCoreMemberEnding(Context& context) {
  return PostForm(
      context, "circle",
      [&](std::int64_t id, const Form& form) {
        auto reply = ReadReply(form, EndingRespondent::kCoreMember);
        reply.answered_on = ParseIsoDate(Trimmed(form.Get("answered_on")));
        return app::circles::RecordCoreMemberAnswers(context.services.app, context.signed_in(), id,
                                                     std::move(reply));
      },
      [&](std::int64_t id, const Form& form, const Error& error) {
        return Refusal(context, error, "circle", std::to_string(id), [&](const Error& refused) {
          const auto page =
              app::circles::LoadEndings(context.services.app, context.signed_in(), id);
          if (!page) return Deny(context, "circle", std::to_string(id));
          return RenderEndings(context, *page, {&form, &refused, ""});
        });
      },
      [](std::int64_t id, std::int64_t) {
        return "/circles/" + std::to_string(id) + "/endings?saved=1";
      });
}

Response IssueOfficerLink(Context& context) {
  const auto link = CallWithPathId(context, app::circles::IssueOfficerLink);
  const auto page = CallWithPathId(context, app::circles::LoadEndings);
  if (!page) return Deny(context, "circle", context.Parameter("id"));
  if (!link) {
    return Refusal(context, link.error(), "circle", context.Parameter("id"),
                   [&](const Error& refused) {
                     return RenderEndings(context, *page, {nullptr, &refused, ""});
                   });
  }
  // The link is shown once, on this answer, and never put in an address bar or a log.
  return RenderEndings(context, *page, {nullptr, nullptr, *link});
}

Response ShowOwnEnding(Context& context) {
  const auto own = CallWithPathId(context, app::portal::LoadOwnEnding);
  if (!own) return Deny(context, "ending_questionnaire", context.Parameter("id"));
  return RenderOwnEnding(context, *own, nullptr, nullptr);
}

Response AnswerOwnEnding(Context& context) {
  return PostForm(
      context, "ending_questionnaire",
      [&](std::int64_t id, const Form& form) {
        return app::portal::AnswerOwnEnding(context.services.app, context.signed_in(), id,
                                            ReadReply(form, EndingRespondent::kVolunteer));
      },
      [&](std::int64_t id, const Form& form, const Error& error) {
        return Refusal(
            context, error, "ending_questionnaire", std::to_string(id), [&](const Error& refused) {
              const auto own =
                  app::portal::LoadOwnEnding(context.services.app, context.signed_in(), id);
              if (!own) return Deny(context, "ending_questionnaire", "");
              return RenderOwnEnding(context, *own, &form, &refused);
            });
      },
      [](std::int64_t id, std::int64_t) {
        return "/portal/endings/" + std::to_string(id) + "?answered=1";
      });
}

Response ShowOfficerEnding(Context& context) {
  const std::string token = context.Parameter("token");
  const auto ending = app::circles::LoadOfficerEnding(context.services.app, token);
  if (!ending) return OfficerLinkDead(context, ending.error());
  return RenderOfficerEnding(context, token, *ending, nullptr, nullptr);
}

Response AnswerOfficerEnding(Context& context) {
  const std::string token = context.Parameter("token");
  const Form form(context.request);
  const auto answered = app::circles::AnswerOfficerEnding(
      context.services.app, context.client(), token, ReadReply(form, EndingRespondent::kOfficer));
  if (answered) {
    return RenderPage(
        context, "officer_ending_closed", context.Translate(N_("Thank you")),
        mstch::map{{"message", context.Translate(N_("Your answers are recorded. Thank you for your "
                                                    "time; this link now closes."))}});
  }
  if (answered.error().fields.empty()) return OfficerLinkDead(context, answered.error());
  const auto ending = app::circles::LoadOfficerEnding(context.services.app, token);
  if (!ending) return OfficerLinkDead(context, ending.error());
  return RenderOfficerEnding(context, token, *ending, &form, &answered.error());
}

}  // namespace cercle::web::pages::circles
