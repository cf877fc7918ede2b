/* The C tests' one assertion: reports the failed condition with its place and
 * counts it; main() exits non-zero when `failures` is not 0 (ctest reads that). */
#ifndef MIXBOX_TEST_CHECK_H
#define MIXBOX_TEST_CHECK_H

#include <stdio.h>

static int failures;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                              \
        }                                                                            \
    } while (0)

#endif
