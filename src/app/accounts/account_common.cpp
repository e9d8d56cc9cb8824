#include "app/accounts/account_common.hpp"

#include <vector>

#include "auth/crypto.hpp"
#include "base/text.hpp"
#include "notify/outbox.hpp"
#include "store/user_store.hpp"

namespace cercle::app::accounts {
namespace {

constexpr std::size_t kMaximumNameLength = 120;

}  // namespace

void QueueAccountMail(const Services& services, const store::Unit& unit,
                      std::optional<std::int64_t> organisation_id, const std::string& to,
                      std::string_view subject_msgid, std::string_view body_msgid,
                      const std::string& link) {
  const auto& translator = services.translator;
  const std::vector<MessageArgument> arguments = {{"link", link}};
  const Message body{std::string(body_msgid), arguments};
  notify::Mail mail;
  mail.organisation_id = organisation_id;
  mail.to = to;
  mail.subject = translator.Translate(i18n::Language::kFrench, subject_msgid) + " / " +
                 translator.Translate(i18n::Language::kEnglish, subject_msgid);
  mail.body = translator.Format(i18n::Language::kFrench, body) + "\n\n-----\n\n" +
              translator.Format(i18n::Language::kEnglish, body) + "\n";
  notify::Outbox::Enqueue(unit, mail);
}

std::string LinkHash(const Services& services, store::TokenPurpose purpose,
                     const std::string& token) {
  const char* salt = purpose == store::TokenPurpose::kInvitation ? "invitation" : "reset";
  return auth::KeyedHash(services.secrets.session_key, salt, token);
}

std::optional<store::OneTimeToken> FindLiveLink(const Services& services,
                                                store::TokenPurpose purpose,
                                                const std::string& token) {
  return Read(services, store::Scope::System(), [&](store::Unit& unit) {
    return store::OneTimeTokenStore(unit.session())
        .FindLive(LinkHash(services, purpose, token), purpose, unit.now());
  });
}

Status CheckNameAndEmail(const std::string& display_name, const std::string& email) {
  std::vector<FieldError> errors;
  const std::string name = Trimmed(display_name);
  if (name.empty() || CharacterCount(name) > kMaximumNameLength) {
    errors.push_back({"display_name", {N_("Enter a name of at most 120 characters."), {}}});
  }
  if (!store::LooksLikeEmail(store::NormaliseEmail(email))) {
    errors.push_back({"email", {N_("Enter an e-mail address such as nom@exemple.org."), {}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

Status CheckNewRoles(const domain::Roles& roles, std::optional<std::int64_t> organisation_id) {
  if (roles.Empty()) return Error::Fields({{"roles", {N_("Choose at least one role."), {}}}});
  if (roles.Has(domain::Role::kNetworkAdmin) != !organisation_id) {
    return Error::Fields({{"roles", {N_("This role does not fit this organisation."), {}}}});
  }
  return {};
}

}  // namespace cercle::app::accounts
