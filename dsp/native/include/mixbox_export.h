/* MIXBOX_API marks the engine's API functions. The host shared library is
 * built with -fvisibility=hidden (dsp/native/CMakeLists.txt), so these are
 * the only symbols it exports (besides the few internals the tests reach,
 * src/mixbox_testable.h). Static builds (the device image, the native tests)
 * link every engine symbol as usual; all of them carry the mixbox_ prefix. */
#ifndef MIXBOX_EXPORT_H
#define MIXBOX_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define MIXBOX_API __attribute__((visibility("default")))
#else
#define MIXBOX_API
#endif

#endif /* MIXBOX_EXPORT_H */
