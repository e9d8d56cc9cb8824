#include "app/circles/circle_changes.hpp"

#include "app/circles/circles.hpp"
#include "app/record_change.hpp"
#include "base/text.hpp"
#include "domain/volunteer.hpp"
#include "store/circle_review_store.hpp"
#include "store/circle_store.hpp"

namespace cercle::app::circles {
namespace {

// The signature a command describes, before it is checked against the covenant.
Result<domain::CovenantSignature> SignatureOf(const SignCovenantCommand& command) {
  if (!command.signatory ||
      (*command.signatory == domain::Signatory::kVolunteer && !command.volunteer_id)) {
    return Error::Fields({{"signatory", {N_("Choose who signed."), {}}}});
  }
  if (!command.signed_on) {
    return Error::Fields({{"signed_on", {N_("Enter a real date, such as 1980-05-31."), {}}}});
  }
  domain::CovenantSignature signature;
  signature.signatory = *command.signatory;
  if (signature.signatory == domain::Signatory::kVolunteer) {
    signature.volunteer_id = command.volunteer_id;
  }
  signature.signed_on = *command.signed_on;
  return signature;
}

// Records `signature` on the current covenant version of `circle` after domain::CheckSignature;
// returns its id. The caller audits it.
Result<std::int64_t> InsertSignature(const Services& services, const store::Unit& unit,
                                     const auth::Actor& actor, const domain::Circle& circle,
                                     domain::CovenantSignature& signature) {
  signature.organisation_id = circle.organisation_id;
  signature.recorded_by = actor.user_id;
  signature.recorded_at = unit.now();
  store::CircleStore circles(unit.session());
  const auto versions = circles.CovenantVersions(circle.id, circle.organisation_id);
  if (versions.empty()) {
    return Error::Invalid(N_("The circle needs a covenant before its first active phase."));
  }
  signature.version_id = versions.back().id;
  TRY(domain::CheckSignature(signature, circles.Signatures(circle.id, circle.organisation_id),
                             circles.Members(circle.id, circle.organisation_id),
                             services.translator.LocalDate(versions.back().created_at),
                             services.Today()));
  return circles.InsertSignature(signature);
}

// The review a command describes, once its kind and day are known.
Result<domain::CircleReview> ReviewOf(const ReviewCommand& command) {
  std::vector<FieldError> errors;
  if (!command.kind) errors.push_back({"kind", {N_("Choose a review or the yearly renewal."), {}}});
  if (!command.held_on) {
    errors.push_back({"held_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  domain::CircleReview review;
  review.circle_id = command.circle_id;
  review.kind = *command.kind;
  review.held_on = *command.held_on;
  review.participants = command.participants;
  review.outcome = command.outcome;
  review.decisions = command.decisions;
  review.renewal = command.renewal;
  return review;
}

}  // namespace

Result<std::int64_t> UpdateDetails(const Services& services, const auth::Actor& actor,
                                   const DetailsCommand& command) {
  return ChangeRecord(services, actor, {"circle.update", "circle"}, FindOpenCircle,
                      command.circle_id,
                      [&](store::Unit& unit, domain::Circle& circle) -> Result<std::int64_t> {
                        static_cast<domain::CircleDetails&>(circle) = command.details;
                        store::CircleStore(unit.session()).UpdateDetails(circle, unit.now());
                        return circle.id;
                      });
}

Result<std::int64_t> AmendCovenant(const Services& services, const auth::Actor& actor,
                                   const AmendCovenantCommand& command) {
  return ChangeRecord(
      services, actor, {"circle.covenant_amend", "circle"}, FindOpenCircle, command.circle_id,
      [&](store::Unit& unit, const domain::Circle& circle) -> Result<std::int64_t> {
        TRY(domain::CheckCovenantText(command.body, command.note));
        domain::CovenantVersion version;
        version.organisation_id = circle.organisation_id;
        version.circle_id = circle.id;
        version.body = Trimmed(command.body);
        version.note = Trimmed(command.note);
        if (version.note.empty()) {
          version.note = services.translator.Translate(LanguageOf(actor), N_("Amendment"));
        }
        version.created_by = actor.user_id;
        version.created_at = unit.now();
        return store::CircleStore(unit.session()).InsertCovenantVersion(version);
      });
}

Result<std::int64_t> SignCovenant(const Services& services, const auth::Actor& actor,
                                  const SignCovenantCommand& command) {
  return ChangeRecord(services, actor, {"circle.covenant_sign", "circle"}, FindOpenCircle,
                      command.circle_id,
                      [&](store::Unit& unit, const domain::Circle& circle) -> Result<std::int64_t> {
                        auto signature = TRY(SignatureOf(command));
                        return InsertSignature(services, unit, actor, circle, signature);
                      });
}

Result<int> RecordSignatures(const Services& services, const auth::Actor& actor,
                             const SignaturesCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<int> {
    const auto circle = TRY(FindOpenCircle(unit, actor, command.circle_id));
    std::vector<FieldError> errors;
    if (command.unreadable || command.signers.empty()) {
      errors.push_back({"signatory", {N_("Tick who signed."), {}}});
    }
    if (!command.signed_on) {
      errors.push_back({"signed_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
    }
    if (!errors.empty()) return Error::Fields(std::move(errors));
    for (const auto& signer : command.signers) {
      // Each signature is checked against those recorded before it, this checklist's included,
      // and audited on its own; the first refusal rolls the checklist back.
      auto signature = TRY(SignatureOf({.circle_id = command.circle_id,
                                        .signatory = signer.signatory,
                                        .volunteer_id = signer.volunteer_id,
                                        .signed_on = command.signed_on}));
      if (auto inserted = InsertSignature(services, unit, actor, circle, signature); !inserted) {
        return inserted.error();
      }
      Audit(services, unit, actor, {"circle.covenant_sign", "circle", std::to_string(circle.id)});
    }
    return static_cast<int>(command.signers.size());
  });
}

Result<std::int64_t> RecordReview(const Services& services, const auth::Actor& actor,
                                  const ReviewCommand& command) {
  return ChangeRecord(services, actor, {"circle.review", "circle"}, FindOpenCircle,
                      command.circle_id,
                      [&](store::Unit& unit, const domain::Circle& circle) -> Result<std::int64_t> {
                        if (!circle.started_on) {
                          return Error::Invalid(N_("A circle is reviewed once it has started."));
                        }
                        auto review = TRY(ReviewOf(command));
                        review.organisation_id = circle.organisation_id;
                        TRY(domain::CheckReview(review, *circle.started_on, services.Today()));
                        review.recorded_by = actor.user_id;
                        review.recorded_at = unit.now();
                        return store::CircleReviewStore(unit.session()).Insert(review);
                      });
}

}  // namespace cercle::app::circles
