/* A running 64-bit sum of squares (the meters' RMS, the loudness meter's
 * mean square), kept in registers by the loop that adds to it.
 * A 32-bit core (the device) keeps it as two words: the carry is one compare,
 * with no 64-bit moves. A 64-bit core adds it in one register. Both give the
 * same sums; MIXBOX_PORTABLE_PATHS picks the two words on any core (the
 * portable_paths test compares the two builds). */
#ifndef MIXBOX_SQUARE_SUM_H
#define MIXBOX_SQUARE_SUM_H

#include <stdint.h>

#if UINTPTR_MAX > 0xFFFFFFFFu && !defined(MIXBOX_PORTABLE_PATHS)

typedef struct {
    uint64_t value;
} square_sum_t;

static inline square_sum_t square_sum_start(uint64_t value)
{
    square_sum_t sum = { value };
    return sum;
}

static inline void square_sum_add(square_sum_t *sum, uint64_t square)
{
    sum->value += square;
}

static inline uint64_t square_sum_value(const square_sum_t *sum)
{
    return sum->value;
}

#else

typedef struct {
    uint32_t low, high;
} square_sum_t;

static inline square_sum_t square_sum_start(uint64_t value)
{
    square_sum_t sum = { (uint32_t)value, (uint32_t)(value >> 32) };
    return sum;
}

static inline void square_sum_add(square_sum_t *sum, uint64_t square)
{
    uint32_t square_low = (uint32_t)square;
    sum->low += square_low;
    sum->high += (uint32_t)(square >> 32) + (sum->low < square_low);
}

static inline uint64_t square_sum_value(const square_sum_t *sum)
{
    return (uint64_t)sum->high << 32 | sum->low;
}

#endif

#endif
