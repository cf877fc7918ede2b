#include "highpass_section.h"

/* The largest shift that keeps value << shift below 2^31 (value > 0). */
static int headroom_shift(int64_t value)
{
    int shift = 0;
    while ((value << (shift + 1)) < ((int64_t)1 << 31)) shift++;
    return shift;
}

int mixbox_highpass_section_design(mixbox_highpass_section_coeffs_t *c, int32_t a1_q30, int32_t a2_q30)
{
    int64_t c2 = ((int64_t)1 << 30) - a2_q30;
    int64_t g = ((int64_t)1 << 30) + a1_q30 + a2_q30;
    if (c2 <= 0 || c2 >= ((int64_t)1 << 29) || g <= 0 || g >= ((int64_t)1 << 28)) return -1;
    int g_shift = headroom_shift(g);
    c->c2_q32 = (int32_t)(c2 << 2);
    c->g_scaled = (int32_t)(g << g_shift);
    /* y x Q(30 + shift) >> 32 keeps shift - 2 fraction bits (>= 0: g < 2^28
     * gives shift >= 2). */
    c->g_bits = g_shift - 2;
    c->g_mask = (int32_t)((1u << c->g_bits) - 1u);
    return 0;
}
