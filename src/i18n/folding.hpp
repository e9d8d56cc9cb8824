#pragma once

// Accent folding moved to base (src/base/folding.hpp): domain and store fold text too, and neither
// may include i18n. This header keeps the includes of the files not yet changed working.
#include "base/folding.hpp"
