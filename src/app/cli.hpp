#pragma once
// The command line: `folio build|check|dump`, parsed with CLI11.
namespace folio {

// Parses argv, runs the subcommand, returns the exit code (2 for usage errors).
int run_cli(int argc, char** argv);

}  // namespace folio
