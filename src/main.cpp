// folio's entry point: everything happens in src/app.
#include <csignal>

#include "app/cli.hpp"

int main(int argc, char** argv) {
    // Under a file-size limit (ulimit -f) the kernel would kill folio with
    // SIGXFSZ; ignored, the write fails with EFBIG instead and folio reports
    // it like a full disk: exit 2, naming the file, previous outputs kept.
    std::signal(SIGXFSZ, SIG_IGN);
    return folio::run_cli(argc, argv);
}
