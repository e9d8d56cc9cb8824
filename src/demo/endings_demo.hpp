#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "base/result.hpp"
#include "demo/circles_demo.hpp"

namespace cercle::demo {

// Answers the end-of-circle questionnaires that closing the demo's circles opened: for Rémi
// Modèle's circle (closed long ago) and Hervé Brouillon's (closed ten days ago), the coordinator
// types in the core member's paper answers, each volunteer with an account answers in his portal
// and the officer through a link the coordinator issued, a few days after the closing, each
// through app::circles and app::portal dated as it happened. Bastien Fictif's questionnaire of
// Hervé's circle stays open, so that his portal offers it. Expects LoadLateClosures to have run.
Status LoadEndings(const app::Services& services, std::int64_t organisation_id,
                   const CircleIds& circles);

}  // namespace cercle::demo
