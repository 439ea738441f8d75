#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "file_source.h"

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
    // Files are read as the wasm builds read them (src/worker/file_source.h): Emscripten's
    // pread loses the high half of an offset past 4 GiB.
    clout::install_wasm_file_source();
#endif
    doctest::Context ctx;
    ctx.applyCommandLine(argc, argv);
    return ctx.run();
}
