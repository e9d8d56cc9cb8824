#include "cli/cli.hpp"

int main(int argc, char** argv) { return cercle::cli::Run(argc, argv); }
