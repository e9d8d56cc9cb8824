#include "web/routes.hpp"

#include "web/pages/account/account_pages.hpp"
#include "web/pages/admin/admin_pages.hpp"
#include "web/pages/auth/auth_pages.hpp"
#include "web/pages/home/home_page.hpp"
#include "web/pages/language/language_page.hpp"
#include "web/pages/network/network_pages.hpp"
#include "web/system/system_endpoints.hpp"

namespace cercle::web {

std::vector<Route> AllRoutes() {
  constexpr auto kGet = Method::kGet;
  constexpr auto kPost = Method::kPost;
  using enum Access;
  return {
      // Operations
      {kGet, "/healthz", system::Live, kPublic},
      {kGet, "/readyz", system::Ready, kPublic},
      {kGet, "/metrics", system::Metrics, kPublic},
      {kGet, "/static/{file...}", system::StaticFile, kPublic},
      // Shell
      {kGet, "/", pages::home::Show, kPublic},
      {kPost, "/language", pages::language::Choose, kPublic},
      // Signing in and out
      {kGet, "/login", pages::auth::ShowSignIn, kSignedOut},
      {kPost, "/login", pages::auth::SignIn, kSignedOut},
      {kGet, "/login/two-factor", pages::auth::ShowSecondFactor, kSecondFactor},
      {kPost, "/login/two-factor", pages::auth::SecondFactor, kSecondFactor},
      {kPost, "/logout", pages::auth::SignOut, kPublic},
      {kGet, "/reauth", pages::auth::ShowReauthenticate, kSignedIn},
      {kPost, "/reauth", pages::auth::Reauthenticate, kSignedIn},
      {kGet, "/password/forgot", pages::auth::ShowForgotPassword, kPublic},
      {kPost, "/password/forgot", pages::auth::ForgotPassword, kPublic},
      {kGet, "/password/reset", pages::auth::ShowResetPassword, kPublic},
      {kPost, "/password/reset", pages::auth::ResetPassword, kPublic},
      {kGet, "/invitations/accept", pages::auth::ShowAcceptInvitation, kPublic},
      {kPost, "/invitations/accept", pages::auth::AcceptInvitation, kPublic},
      // My account
      {kGet, "/account", pages::account::Show, kSignedIn},
      {kPost, "/account/language", pages::account::ChangeLanguage, kSignedIn},
      {kGet, "/account/password", pages::account::ShowPassword, kSignedIn},
      {kPost, "/account/password", pages::account::ChangePassword, kSignedIn},
      {kGet, "/account/sessions", pages::account::ListSessions, kSignedIn},
      {kPost, "/account/sessions/{id}/end", pages::account::EndSession, kSignedIn},
      {kGet, "/account/two-factor", pages::account::ShowTwoFactor, kEnrolment},
      {kPost, "/account/two-factor", pages::account::ConfirmTwoFactor, kEnrolment},
      // Organisation administration
      {kGet, "/admin/users", pages::admin::ListUsers, kSignedIn},
      {kGet, "/admin/users/invite", pages::admin::ShowInvite, kSignedIn},
      {kPost, "/admin/users/invite", pages::admin::Invite, kSignedIn},
      {kGet, "/admin/users/{id}", pages::admin::ShowUser, kSignedIn},
      {kPost, "/admin/users/{id}/roles", pages::admin::ChangeRoles, kSignedIn},
      {kPost, "/admin/users/{id}/deactivate", pages::admin::Deactivate, kSignedIn},
      {kPost, "/admin/users/{id}/reactivate", pages::admin::Reactivate, kSignedIn},
      {kGet, "/admin/settings", pages::admin::ShowSettings, kSignedIn},
      {kPost, "/admin/settings", pages::admin::SaveSettings, kSignedIn},
      {kGet, "/admin/audit", pages::admin::ShowAudit, kSignedIn},
      // Network administration
      {kGet, "/network/organisations", pages::network::ListOrganisations, kSignedIn},
      {kPost, "/network/organisations", pages::network::CreateOrganisation, kSignedIn},
      {kPost, "/network/organisations/{id}/admins", pages::network::InviteAdmin, kSignedIn},
  };
}

}  // namespace cercle::web
