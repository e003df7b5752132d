// folio's entry point: everything happens in src/app.
#include "app/cli.hpp"

int main(int argc, char** argv) { return folio::run_cli(argc, argv); }
