/* MIXBOX_TESTABLE marks the few internal functions the host tests call
 * directly (the C# tests' P/Invokes: gain law, pan law, dB conversion, the
 * loudness meter and its K-weighting). The host shared library defines
 * MIXBOX_EXPORT_TESTABLE and exports them beside the API; every other build
 * (the device image, static test builds) leaves them ordinary internals. */
#ifndef MIXBOX_TESTABLE_H
#define MIXBOX_TESTABLE_H

#if defined(MIXBOX_EXPORT_TESTABLE) && (defined(__GNUC__) || defined(__clang__))
#define MIXBOX_TESTABLE __attribute__((visibility("default")))
#else
#define MIXBOX_TESTABLE
#endif

#endif
