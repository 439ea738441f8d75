// A test that needs something from outside the repository (the sample exports at
// CLOUT_SAMPLES_DIR, the `clout` binary next to the tests) and does not find it must not
// pass by accident: with CI set in the environment (CI runs with CI=true) it fails; else it
// says SKIPPED with what is missing, and the test case ends there.
#pragma once

#include <cstdlib>

#include <doctest/doctest.h>

#define CLOUT_NEED(present, what)                                                                 \
    do {                                                                                          \
        if (!(present)) {                                                                         \
            if (std::getenv("CI")) FAIL(what << " not found (CI is set: this test may not skip)"); \
            MESSAGE("SKIPPED: " << what << " not found");                                         \
            return;                                                                               \
        }                                                                                         \
    } while (0)
