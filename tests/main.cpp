#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

#include "file_source.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
    // Files are read as the wasm builds read them (src/worker/file_source.h): Emscripten's
    // pread loses the high half of an offset past 4 GiB.
    clout::install_wasm_file_source();
    // The module has its own environment, not Node's: CI is passed on (tests/need.h).
    if (EM_ASM_INT({ return typeof process !== 'undefined' && process.env.CI ? 1 : 0; })) setenv("CI", "true", 1);
#endif
    doctest::Context ctx;
    ctx.applyCommandLine(argc, argv);
    return ctx.run();
}
