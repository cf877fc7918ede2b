#include "loudness_meter.h"

#include <string.h>

#include "q31_math.h"
#include "segment_clock.h"

/* BS.1770-4 Annex 1 section 5.1: relative gate 10 LU below the
 * absolute-gated loudness; EBU Tech 3342 section 3.1: 20 LU for the range. */
#define INTEGRATED_RELATIVE_GATE_MLU (-10000)
#define RANGE_RELATIVE_GATE_MLU (-20000)

uint32_t mixbox_loudness_meter_size(void)
{
    return (uint32_t)sizeof(mixbox_loudness_meter_t);
}

int mixbox_loudness_meter_init(mixbox_loudness_meter_t *m, uint32_t sample_rate_hz)
{
    if (m == NULL) return LOUDNESS_ERR_NULL;
    if (sample_rate_hz < MIXBOX_MIN_SAMPLE_RATE || sample_rate_hz > MIXBOX_MAX_SAMPLE_RATE) return LOUDNESS_ERR_SAMPLE_RATE;
    memset(m, 0, sizeof *m);
    if (mixbox_k_weighting_init(&m->k_weighting, sample_rate_hz) != 0) return LOUDNESS_ERR_SAMPLE_RATE;
    mixbox_true_peak_init(&m->true_peak);
    m->sample_rate = sample_rate_hz;
    m->segment_frames = sample_rate_hz / SEGMENTS_PER_SECOND;
    m->segment_phase = 0u;
    m->segment_frames_left = segment_frames_at(m->segment_frames, segment_fraction(sample_rate_hz, m->segment_frames), 0u);
    /* 40 segments are 0.4 s of frames exactly when 0.4 fs is whole (every
     * multiple of 5 Hz: 4 410 at 11 025 Hz); otherwise they alternate between
     * the two nearest counts and the block is normalised to the nearer one
     * (at worst 0.5 / 3 200 frames: 0.0007 dB at 8 001 Hz). 300 segments
     * are always exactly 3 s. */
    mixbox_loudness_histogram_init(&m->integrated, (4u * sample_rate_hz + 5u) / 10u);
    mixbox_loudness_histogram_init(&m->range, 3u * sample_rate_hz);
    return 0;
}

void mixbox_loudness_meter_reset(mixbox_loudness_meter_t *m)
{
    mixbox_loudness_histogram_clear(&m->integrated);
    mixbox_loudness_histogram_clear(&m->range);
    mixbox_true_peak_clear_hold(&m->true_peak);
    m->momentary_max_sum = 0u;
    m->short_term_max_sum = 0u;
    m->segments_since_reset = 0u;
}

/* Closes the running 10 ms segment: slides both windows by one segment and,
 * every 100 ms, feeds the histograms; then starts the next segment. */
static OUT_OF_LINE void end_segment(mixbox_loudness_meter_t *m)
{
    uint32_t oldest = m->ring_position;
    uint32_t leaving_momentary = oldest + (MIXBOX_LOUDNESS_SEGMENTS_SHORT_TERM - LOUDNESS_SEGMENTS_MOMENTARY);
    if (leaving_momentary >= MIXBOX_LOUDNESS_SEGMENTS_SHORT_TERM) leaving_momentary -= MIXBOX_LOUDNESS_SEGMENTS_SHORT_TERM;

    /* Each window sum is the exact sum of its ring entries: subtracting the
     * leaving one before adding the new one never wraps. */
    m->momentary_sum = m->momentary_sum - m->ring[leaving_momentary] + m->segment_sum;
    m->short_term_sum = m->short_term_sum - m->ring[oldest] + m->segment_sum;
    m->ring[oldest] = m->segment_sum;
    m->ring_position = oldest + 1u == MIXBOX_LOUDNESS_SEGMENTS_SHORT_TERM ? 0u : oldest + 1u;
    m->segment_sum = 0u;

    if (m->momentary_sum > m->momentary_max_sum) m->momentary_max_sum = m->momentary_sum;
    if (m->short_term_sum > m->short_term_max_sum) m->short_term_max_sum = m->short_term_sum;

    if (m->segments_since_reset != UINT32_MAX) m->segments_since_reset++;
    uint32_t n = m->segments_since_reset;
    if (n >= LOUDNESS_SEGMENTS_MOMENTARY && (n - LOUDNESS_SEGMENTS_MOMENTARY) % LOUDNESS_SEGMENTS_PER_BLOCK_HOP == 0u)
        mixbox_loudness_histogram_add(&m->integrated, m->momentary_sum);
    if (n >= MIXBOX_LOUDNESS_SEGMENTS_SHORT_TERM && (n - MIXBOX_LOUDNESS_SEGMENTS_SHORT_TERM) % LOUDNESS_SEGMENTS_PER_BLOCK_HOP == 0u)
        mixbox_loudness_histogram_add(&m->range, m->short_term_sum);

    uint32_t fraction = segment_fraction(m->sample_rate, m->segment_frames);
    m->segment_phase = segment_phase_after(fraction, m->segment_phase);
    m->segment_frames_left = segment_frames_at(m->segment_frames, fraction, m->segment_phase);
}

void mixbox_loudness_meter_process(mixbox_loudness_meter_t *m, const q31_t *stereo, uint32_t frames)
{
    /* Each channel runs through its filters up to the end of the frames or
     * of the 10 ms segment, whichever comes first: the segment sums stay
     * exact whatever the call size. */
    while (frames > 0u) {
        uint32_t run = frames < m->segment_frames_left ? frames : m->segment_frames_left;
        for (uint32_t ch = 0; ch < 2u; ch++) {
            m->segment_sum += mixbox_k_weighting_run(&m->k_weighting, &m->k_weighting.channel[ch], stereo + ch, run);
            mixbox_true_peak_run(&m->true_peak, ch, stereo + ch, run);
        }
        stereo += 2u * run;
        frames -= run;
        m->segment_frames_left -= run;
        if (m->segment_frames_left == 0u) {
            end_segment(m);
        }
    }
}

/* mLU -> 1/100 LU, rounded; INT32_MIN (undefined) and anything below the
 * floor -> MIXBOX_METER_SILENCE_CDB. */
static int32_t mlu_to_clu(int32_t mlu)
{
    if (mlu == INT32_MIN) return MIXBOX_METER_SILENCE_CDB;
    int32_t clu = mlu >= 0 ? (mlu + 5) / 10 : -((-mlu + 5) / 10);
    return clu < MIXBOX_METER_SILENCE_CDB ? MIXBOX_METER_SILENCE_CDB : clu;
}

void mixbox_loudness_meter_read(const mixbox_loudness_meter_t *m, loudness_reading_t *r)
{
    r->momentary_clu = mlu_to_clu(mixbox_loudness_histogram_window_mlu(&m->integrated, m->momentary_sum));
    r->short_term_clu = mlu_to_clu(mixbox_loudness_histogram_window_mlu(&m->range, m->short_term_sum));
    r->integrated_clu = mlu_to_clu(mixbox_loudness_histogram_gated_mlu(&m->integrated, INTEGRATED_RELATIVE_GATE_MLU));
    r->momentary_max_clu = mlu_to_clu(mixbox_loudness_histogram_window_mlu(&m->integrated, m->momentary_max_sum));
    r->short_term_max_clu = mlu_to_clu(mixbox_loudness_histogram_window_mlu(&m->range, m->short_term_max_sum));
    r->loudness_range_clu = mlu_to_clu(mixbox_loudness_histogram_range_mlu(&m->range, RANGE_RELATIVE_GATE_MLU));
    r->true_peak_max_cdb = mixbox_true_peak_read_cdb(&m->true_peak);
    r->range_stable = m->segments_since_reset >= LOUDNESS_SEGMENTS_RANGE_STABLE ? 1 : 0;
}
