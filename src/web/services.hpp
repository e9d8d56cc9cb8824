#pragma once

#include "app/services.hpp"
#include "audit/audit_log.hpp"
#include "auth/authenticator.hpp"
#include "base/clock.hpp"
#include "config/config.hpp"
#include "config/secrets.hpp"
#include "i18n/translator.hpp"
#include "web/metrics.hpp"
#include "web/static_files.hpp"
#include "web/views.hpp"

namespace cercle::web {

// Everything a handler may use, built once at start-up and shared by all requests.
struct Services {
  const config::Config& config;
  const config::Secrets& secrets;
  const Clock& clock;
  const i18n::Translator& translator;
  const StaticFiles& static_files;
  const Views& views;
  Metrics& metrics;
  const audit::AuditLog& audit;
  auth::Authenticator& authenticator;
  // The application layer: handlers call app::<area> functions with it.
  const app::Services& app;
};

}  // namespace cercle::web
