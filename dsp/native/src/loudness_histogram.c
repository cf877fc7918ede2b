#include "loudness_histogram.h"

/* control_math only for the constants set in mixbox_loudness_histogram_init
 * (control side); adding and reading are integer only. */
#include <string.h>

#include "control_math.h"
#include "k_weighting.h"
#include "level_db.h"

/* BS.1770-4 Annex 1, eq. 2: L = -0.691 + 10 log10(sum of weighted mean squares). */
#define K_WEIGHTING_OFFSET_MLU (-691)

/* ---- 128-bit helpers ---- */

static void u128_add(mixbox_loudness_u128_t *acc, uint64_t high, uint64_t low)
{
    uint64_t sum = acc->low + low;
    acc->high += high + (sum < low ? 1u : 0u);
    acc->low = sum;
}

/* acc += value * factor (64 x 32 bits: two products below 2^64). */
static void u128_add_product(mixbox_loudness_u128_t *acc, uint64_t value, uint32_t factor)
{
    uint64_t low_part = (value & 0xFFFFFFFFu) * factor;
    uint64_t high_part = (value >> 32) * factor;
    u128_add(acc, high_part >> 32, high_part << 32);
    u128_add(acc, 0u, low_part);
}

static int u128_less(mixbox_loudness_u128_t a, mixbox_loudness_u128_t b)
{
    return a.high < b.high || (a.high == b.high && a.low < b.low);
}

static mixbox_loudness_u128_t u128_sub(mixbox_loudness_u128_t a, mixbox_loudness_u128_t b)
{
    mixbox_loudness_u128_t r;
    r.low = a.low - b.low;
    r.high = a.high - b.high - (a.low < b.low ? 1u : 0u);
    return r;
}

/* log2 in Q16 of a nonzero 128-bit value: the top 64 bits through mixbox_log2_q16
 * (the dropped low bits change it by less than 2^-63 relative). */
static int64_t u128_log2_q16(mixbox_loudness_u128_t v)
{
    if (v.high == 0u) return mixbox_log2_q16(v.low);
    int shift = 0;
    for (uint64_t h = v.high; h != 0u; h >>= 1) shift++;
    uint64_t top = shift == 64 ? v.high : (v.high << (64 - shift)) | (v.low >> shift);
    return (int64_t)mixbox_log2_q16(top) + (int64_t)shift * 65536;
}

/* log2 (Q16) of an energy ratio -> mLU: 10 log10(2) = 3010.3 mLU per octave, rounded. */
static int32_t log2_q16_to_mlu(int64_t log2_value)
{
    int64_t scaled = log2_value * 3010300;
    int64_t divisor = (int64_t)65536 * 1000;
    int64_t mlu = scaled >= 0 ? (scaled + divisor / 2) / divisor : -((-scaled + divisor / 2) / divisor);
    return (int32_t)mlu;
}

/* Loudness in mLU of `energy` summed over `blocks` windows. */
static int32_t energy_mlu(const mixbox_loudness_histogram_t *h, mixbox_loudness_u128_t energy, uint32_t blocks)
{
    if ((energy.high == 0u && energy.low == 0u) || blocks == 0u) return INT32_MIN;
    int64_t relative = u128_log2_q16(energy) - mixbox_log2_q16(blocks) - h->log2_window_q16;
    return log2_q16_to_mlu(relative) + K_WEIGHTING_OFFSET_MLU;
}

/* energy * 10^0.01 (one bin up): 64 x 32 split multiply, exact to 1 LSB for
 * energy < 2^63.9 (the top bin of the longest window at 96 kHz is 2^62). */
static uint64_t next_bin_energy(uint64_t energy, uint32_t step_q30)
{
    return (energy >> 30) * step_q30 + (((energy & 0x3FFFFFFFu) * step_q30) >> 30);
}

static int32_t bin_centre_mlu(uint32_t bin)
{
    return LOUDNESS_HIST_FLOOR_MLU + (int32_t)bin * LOUDNESS_HIST_BIN_MLU + LOUDNESS_HIST_BIN_MLU / 2;
}

/* ---- API ---- */

void mixbox_loudness_histogram_init(mixbox_loudness_histogram_t *h, uint32_t window_frames)
{
    memset(h, 0, sizeof *h);
    h->log2_window_q16 = mixbox_log2_q16(window_frames) + 2 * K_WEIGHTING_OUTPUT_BITS * 65536;
    /* Window sum of a block whose loudness is bin 0's centre. */
    double centre_lufs = (LOUDNESS_HIST_FLOOR_MLU + LOUDNESS_HIST_BIN_MLU / 2) / 1000.0;
    double mean_square = mixbox_control_exp((centre_lufs - K_WEIGHTING_OFFSET_MLU / 1000.0) / 10.0 * CM_LN10);
    double full_scale_squared = (double)((uint64_t)1 << (2 * K_WEIGHTING_OUTPUT_BITS));
    h->bin0_energy = (uint64_t)mixbox_control_round(mean_square * (double)window_frames * full_scale_squared);
    h->bin_step_q30 = (uint32_t)mixbox_control_round(mixbox_control_exp(LOUDNESS_HIST_BIN_MLU / 1000.0 / 10.0 * CM_LN10) * 1073741824.0);
}

void mixbox_loudness_histogram_clear(mixbox_loudness_histogram_t *h)
{
    memset(h->count, 0, sizeof h->count);
    h->total = 0u;
    h->energy.high = 0u;
    h->energy.low = 0u;
}

int32_t mixbox_loudness_histogram_window_mlu(const mixbox_loudness_histogram_t *h, uint64_t window_sum)
{
    if (window_sum == 0u) return INT32_MIN;
    int64_t relative = (int64_t)mixbox_log2_q16(window_sum) - h->log2_window_q16;
    return log2_q16_to_mlu(relative) + K_WEIGHTING_OFFSET_MLU;
}

void mixbox_loudness_histogram_add(mixbox_loudness_histogram_t *h, uint64_t window_sum)
{
    if (h->total == UINT32_MAX) return;
    int32_t mlu = mixbox_loudness_histogram_window_mlu(h, window_sum);
    if (mlu <= LOUDNESS_HIST_FLOOR_MLU) return;
    uint32_t bin = (uint32_t)(mlu - LOUDNESS_HIST_FLOOR_MLU) / (uint32_t)LOUDNESS_HIST_BIN_MLU;
    if (bin >= MIXBOX_LOUDNESS_HIST_BINS) bin = MIXBOX_LOUDNESS_HIST_BINS - 1u;
    h->count[bin]++;
    h->total++;
    u128_add(&h->energy, 0u, window_sum);
}

int32_t mixbox_loudness_histogram_gated_mlu(const mixbox_loudness_histogram_t *h, int32_t relative_gate_mlu)
{
    if (h->total == 0u) return INT32_MIN;
    int32_t threshold = energy_mlu(h, h->energy, h->total) + relative_gate_mlu;

    /* Bins whose centre is at or below the threshold are gated out
     * (BS.1770-4 eq. 7 keeps blocks with l > threshold). */
    mixbox_loudness_u128_t gated_out = {0u, 0u};
    mixbox_loudness_u128_t kept_estimate = {0u, 0u};
    uint32_t gated_out_blocks = 0u;
    uint64_t bin_energy = h->bin0_energy;
    for (uint32_t bin = 0; bin < MIXBOX_LOUDNESS_HIST_BINS; bin++) {
        if (h->count[bin] != 0u) {
            if (bin_centre_mlu(bin) <= threshold) {
                u128_add_product(&gated_out, bin_energy, h->count[bin]);
                gated_out_blocks += h->count[bin];
            } else {
                u128_add_product(&kept_estimate, bin_energy, h->count[bin]);
            }
        }
        bin_energy = next_bin_energy(bin_energy, h->bin_step_q30);
    }
    uint32_t kept_blocks = h->total - gated_out_blocks;
    if (kept_blocks == 0u) return INT32_MIN;
    /* Exact total minus the estimate of what was gated out; should the
     * estimate exceed the total (only conceivable with almost every block
     * gated out), fall back to the bin-centre estimate of what was kept. */
    mixbox_loudness_u128_t kept = u128_less(gated_out, h->energy) ? u128_sub(h->energy, gated_out) : kept_estimate;
    return energy_mlu(h, kept, kept_blocks);
}

int32_t mixbox_loudness_histogram_range_mlu(const mixbox_loudness_histogram_t *h, int32_t relative_gate_mlu)
{
    if (h->total == 0u) return INT32_MIN;
    int32_t threshold = energy_mlu(h, h->energy, h->total) + relative_gate_mlu;

    /* Tech 3342 keeps levels >= the relative threshold. */
    uint32_t first = 0u;
    while (first < MIXBOX_LOUDNESS_HIST_BINS && bin_centre_mlu(first) < threshold) first++;
    uint64_t kept = 0u;
    for (uint32_t bin = first; bin < MIXBOX_LOUDNESS_HIST_BINS; bin++) kept += h->count[bin];
    if (kept == 0u) return INT32_MIN;

    /* Nearest-rank percentiles, 0-based: round((n - 1) * p / 100). */
    uint64_t rank_low = ((kept - 1u) * 10u + 50u) / 100u;
    uint64_t rank_high = ((kept - 1u) * 95u + 50u) / 100u;
    uint32_t bin_low = first, bin_high = first;
    uint64_t below = 0u;
    int found_low = 0;
    for (uint32_t bin = first; bin < MIXBOX_LOUDNESS_HIST_BINS; bin++) {
        below += h->count[bin];
        if (!found_low && below > rank_low) { bin_low = bin; found_low = 1; }
        if (below > rank_high) { bin_high = bin; break; }
    }
    return (int32_t)(bin_high - bin_low) * LOUDNESS_HIST_BIN_MLU;
}
