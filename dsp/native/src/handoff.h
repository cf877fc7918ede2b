/* Publishing coefficient targets from the control core to the audio core.
 * The control side writes every target, then stores the new version with
 * release order; the audio side loads the version with acquire order before
 * reading the targets. A reader that sees a version therefore sees every
 * target written before it; targets written after (a newer publish racing
 * with the copy) come with a newer version and are taken at the next block.
 * GCC/Clang atomic builtins where available (Xtensa, RISC-V, x86); a plain
 * volatile access otherwise, which is only safe on one core. */
#ifndef MIXBOX_HANDOFF_H
#define MIXBOX_HANDOFF_H

#include <stdint.h>

static inline void handoff_publish(volatile uint32_t *version, uint32_t value)
{
#if defined(__GNUC__)
    __atomic_store_n(version, value, __ATOMIC_RELEASE);
#else
    *version = value;
#endif
}

static inline uint32_t handoff_read(const volatile uint32_t *version)
{
#if defined(__GNUC__)
    return __atomic_load_n(version, __ATOMIC_ACQUIRE);
#else
    return *version;
#endif
}

#endif
