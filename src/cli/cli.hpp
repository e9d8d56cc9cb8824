#pragma once

namespace cercle::cli {

// Parses the command line and runs the chosen subcommand (serve, migrate, demo, keygen…). Returns
// the process exit code.
int Run(int argc, char** argv);

}  // namespace cercle::cli
