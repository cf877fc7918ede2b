#include "bus_eq.h"

#include <string.h>

#include "control_math.h"
#include "svf_design.h"
#include "svf_pole_table.h"

enum { HIGHPASS, HIGHPASS_FIRST_ORDER, LOW_SHELF, BELL_1, BELL_2, HIGH_SHELF, LOWPASS };

#define BUTTERWORTH_Q 0.70710678118654752
#define GENTLE_SHELF_Q 0.5
#define MIN_BELL_Q 0.4
/* Highest design frequency, as a share of the sample rate. */
#define MAX_DESIGN_SHARE 0.45

static double design_hz(double hz, uint32_t sample_rate)
{
    double highest = MAX_DESIGN_SHARE * sample_rate;
    return hz < highest ? hz : highest;
}

static void bilinear(mixbox_svf_target_t *t, mixbox_svf_prototype_t p, uint32_t sample_rate, int on)
{
    mixbox_svf_design_t d;
    p.pole_hz = design_hz(p.pole_hz, sample_rate);
    mixbox_svf_design_bilinear(&d, &p, sample_rate);
    mixbox_svf_quantise(t, &d);
    if (!on) memset(t->c_q27, 0, sizeof t->c_q27);
}

/* A fitted band: its poles from the pole table where it has the rate (then
 * one numerator fit: a bounded cost on the control tick), else searched. */
static void matched(mixbox_svf_target_t *t, mixbox_svf_prototype_t p, double match_hz, uint32_t sample_rate, int on,
                    int in_table, const double ratio[2])
{
    mixbox_svf_design_t d;
    match_hz = design_hz(match_hz, sample_rate);
    if (in_table) {
        double g = mixbox_svf_fit_start_g(p.pole_hz, sample_rate) * ratio[0], k = ratio[1] / p.q;
        mixbox_svf_design_fitted(&d, &p, sample_rate, match_hz, g, k);
    } else {
        mixbox_svf_design_matched(&d, &p, sample_rate, match_hz);
    }
    mixbox_svf_quantise(t, &d);
    if (!on) memset(t->c_q27, 0, sizeof t->c_q27);
}

static double bell_q(const mixbox_bus_eq_params_t *p, int band)
{
    double q = p->bell_q_x100[band] / 100.0;
    if (!p->proportional_q) return q;
    double gain = p->bell_cdb[band] < 0 ? -p->bell_cdb[band] : p->bell_cdb[band];
    q *= gain / 1200.0;
    return q > MIN_BELL_Q ? q : MIN_BELL_Q;
}

/* Bands: 0 high-pass (two sections), 1 low shelf, 2-3 bells, 4 high shelf, 5 low-pass. */
static int band_of(uint32_t s)
{
    static const int band[MIXBOX_BUS_EQ_SECTIONS] = { 0, 0, 1, 2, 3, 4, 5 };
    return band[s];
}

static int band_changed(int band, const mixbox_bus_eq_params_t *a, const mixbox_bus_eq_params_t *b)
{
    switch (band) {
    case 0: return a->highpass_hz != b->highpass_hz || a->highpass_18db != b->highpass_18db;
    case 1: return a->low_shelf_hz != b->low_shelf_hz || a->low_shelf_cdb != b->low_shelf_cdb ||
                   a->low_shelf_gentle != b->low_shelf_gentle;
    case 2:
    case 3: {
        int i = band - 2;
        return a->bell_hz[i] != b->bell_hz[i] || a->bell_cdb[i] != b->bell_cdb[i] ||
               a->bell_q_x100[i] != b->bell_q_x100[i] || a->proportional_q != b->proportional_q;
    }
    case 4: return a->high_shelf_hz != b->high_shelf_hz || a->high_shelf_cdb != b->high_shelf_cdb;
    default: return a->lowpass_hz != b->lowpass_hz;
    }
}

static void design_band(mixbox_bus_eq_targets_t *t, int band, const mixbox_bus_eq_params_t *p, uint32_t sample_rate)
{
    if (band == 0) {
        int highpass_on = p->highpass_hz > 0;
        double highpass_hz = highpass_on ? p->highpass_hz : 20.0;
        int steep = p->highpass_18db != 0;
        /* 3rd-order Butterworth = first order x (q 1) at the same frequency. */
        bilinear(&t->section[HIGHPASS], mixbox_svf_highpass(highpass_hz, steep ? 1.0 : BUTTERWORTH_Q), sample_rate,
                 highpass_on);
        mixbox_svf_design_t first_order;
        mixbox_svf_design_first_order_highpass(&first_order, highpass_hz, sample_rate);
        mixbox_svf_quantise(&t->section[HIGHPASS_FIRST_ORDER], &first_order);
        if (!(highpass_on && steep)) memset(t->section[HIGHPASS_FIRST_ORDER].c_q27, 0, sizeof t->section[0].c_q27);
    } else if (band == 1) {
        double shelf_q = p->low_shelf_gentle ? GENTLE_SHELF_Q : BUTTERWORTH_Q;
        bilinear(&t->section[LOW_SHELF], mixbox_svf_low_shelf(p->low_shelf_hz, shelf_q, p->low_shelf_cdb / 100.0),
                 sample_rate, p->low_shelf_cdb != 0);
    } else if (band <= 3) {
        int i = band - 2;
        double hz = design_hz(p->bell_hz[i], sample_rate), q = bell_q(p, i), db = p->bell_cdb[i] / 100.0, ratio[2];
        int in_table = mixbox_svf_pole_table_bell(sample_rate, hz, q, db, ratio);
        matched(&t->section[BELL_1 + i], mixbox_svf_bell(hz, q, db), hz, sample_rate, p->bell_cdb[i] != 0, in_table,
                ratio);
    } else if (band == 4) {
        double shelf_hz = design_hz(p->high_shelf_hz, sample_rate), db = p->high_shelf_cdb / 100.0, ratio[2];
        int in_table = mixbox_svf_pole_table_high_shelf(sample_rate, shelf_hz, db, ratio);
        matched(&t->section[HIGH_SHELF], mixbox_svf_high_shelf(shelf_hz, BUTTERWORTH_Q, db), shelf_hz, sample_rate,
                p->high_shelf_cdb != 0, in_table, ratio);
    } else {
        int lowpass_on = p->lowpass_hz > 0;
        double lowpass_hz = design_hz(lowpass_on ? p->lowpass_hz : 20000.0, sample_rate), ratio[2];
        int in_table = mixbox_svf_pole_table_lowpass(sample_rate, lowpass_hz, ratio);
        matched(&t->section[LOWPASS], mixbox_svf_lowpass(lowpass_hz, BUTTERWORTH_Q), lowpass_hz, sample_rate,
                lowpass_on, in_table, ratio);
    }
}

static int band_is_on(int band, const mixbox_bus_eq_params_t *p)
{
    switch (band) {
    case 0: return p->highpass_hz > 0;
    case 1: return p->low_shelf_cdb != 0;
    case 2:
    case 3: return p->bell_cdb[band - 2] != 0;
    case 4: return p->high_shelf_cdb != 0;
    default: return p->lowpass_hz > 0;
    }
}

static void copy_band(mixbox_bus_eq_targets_t *to, const mixbox_bus_eq_targets_t *from, int band)
{
    for (uint32_t s = 0; s < MIXBOX_BUS_EQ_SECTIONS; s++) {
        if (band_of(s) == band) to->section[s] = from->section[s];
    }
}

/* The band's sections taken out: the last design's g and k kept (a fade-out
 * does not move the filter), the mix zero. */
static void switch_band_off(mixbox_bus_eq_targets_t *t, int band)
{
    for (uint32_t s = 0; s < MIXBOX_BUS_EQ_SECTIONS; s++) {
        if (band_of(s) == band) memset(t->section[s].c_q27, 0, sizeof t->section[s].c_q27);
    }
}

void mixbox_bus_eq_design(mixbox_bus_eq_targets_t *t, const mixbox_bus_eq_params_t *p, uint32_t sample_rate,
                          mixbox_bus_eq_design_cache_t *cache)
{
    if (cache == NULL) {
        for (int band = 0; band < (int)MIXBOX_BUS_EQ_BANDS; band++) design_band(t, band, p, sample_rate);
        return;
    }
    int fresh = !cache->valid || cache->sample_rate != sample_rate;
    if (fresh) memset(cache->on_valid, 0, sizeof cache->on_valid);
    else *t = cache->targets;
    for (int band = 0; band < (int)MIXBOX_BUS_EQ_BANDS; band++) {
        if (!fresh && !band_changed(band, p, &cache->params)) continue;
        int on = band_is_on(band, p);
        if (on && cache->on_valid[band] && !band_changed(band, p, &cache->on_params[band])) {
            copy_band(t, &cache->on_targets[band], band);
        } else if (!on && cache->on_valid[band]) {
            copy_band(t, &cache->on_targets[band], band);
            switch_band_off(t, band);
        } else {
            design_band(t, band, p, sample_rate);
            if (on) {
                cache->on_valid[band] = 1;
                cache->on_params[band] = *p;
                copy_band(&cache->on_targets[band], t, band);
            }
        }
    }
    cache->valid = 1;
    cache->sample_rate = sample_rate;
    cache->params = *p;
    cache->targets = *t;
}

void mixbox_bus_eq_init(mixbox_bus_eq_t *eq, const mixbox_bus_eq_targets_t *t)
{
    memset(eq, 0, sizeof *eq);
    for (uint32_t s = 0; s < MIXBOX_BUS_EQ_SECTIONS; s++) mixbox_svf_init(&eq->section[s], &t->section[s]);
}

void mixbox_bus_eq_apply(mixbox_bus_eq_t *eq, const mixbox_bus_eq_targets_t *t, uint32_t ramp_frames)
{
    uint32_t updates = (ramp_frames + MIXBOX_SVF_UPDATE_FRAMES - 1u) / MIXBOX_SVF_UPDATE_FRAMES;
    if (ramp_frames <= 1u) updates = 1u;
    for (uint32_t s = 0; s < MIXBOX_BUS_EQ_SECTIONS; s++) {
        mixbox_svf_set_target(&eq->section[s], &t->section[s], updates);
        if (eq->section[s].updates_left != 0u) {
            eq->ramping |= 1u << s;
            eq->frames_to_update = 0u; /* a ramp starts now: the update grid starts with it */
        }
    }
}

int mixbox_bus_eq_is_flat(const mixbox_bus_eq_t *eq)
{
    for (uint32_t s = 0; s < MIXBOX_BUS_EQ_SECTIONS; s++) {
        if (eq->section[s].active) return 0;
    }
    return 1;
}

static void update_ramps(mixbox_bus_eq_t *eq)
{
    uint32_t ramping = 0u;
    for (uint32_t s = 0; s < MIXBOX_BUS_EQ_SECTIONS; s++) {
        if (!(eq->ramping >> s & 1u)) continue;
        mixbox_svf_update(&eq->section[s]);
        if (eq->section[s].updates_left != 0u) ramping |= 1u << s;
    }
    eq->ramping = ramping;
}

static uint32_t last_active(const mixbox_bus_eq_t *eq)
{
    uint32_t last = MIXBOX_BUS_EQ_SECTIONS;
    for (uint32_t s = 0; s < MIXBOX_BUS_EQ_SECTIONS; s++) {
        if (eq->section[s].active) last = s;
    }
    return last;
}

/* The sections over Q23 samples in place; with chain_left/chain_right (not
 * NULL), the result is written there too, by the last section's own loop
 * where its kernel allows (returns 1), else left to the caller (returns 0). */
static int run_sections(mixbox_bus_eq_t *eq, int32_t *left, int32_t *right, uint32_t n, int64_t *chain_left,
                        int64_t *chain_right)
{
    uint32_t s = 0, last = chain_left != NULL ? last_active(eq) : MIXBOX_BUS_EQ_SECTIONS;
    /* The 18 dB/oct high-pass's two sections in one pass where they can. */
    if (eq->section[HIGHPASS].active && eq->section[HIGHPASS_FIRST_ORDER].active &&
        mixbox_svf_run_highpass_18db(&eq->section[HIGHPASS], &eq->section[HIGHPASS_FIRST_ORDER], left, right, n))
        s = HIGHPASS_FIRST_ORDER + 1;
    for (; s < MIXBOX_BUS_EQ_SECTIONS; s++) {
        if (!eq->section[s].active) continue;
        /* Two lean neighbours in one pass where they can. */
        if (s + 1u < MIXBOX_BUS_EQ_SECTIONS && eq->section[s + 1u].active &&
            mixbox_svf_run_pair(&eq->section[s], &eq->section[s + 1u], left, right, n)) {
            s++;
            continue;
        }
        if (s == last && mixbox_svf_run_stereo_to_chain(&eq->section[s], left, right, chain_left, chain_right, n))
            return 1;
        mixbox_svf_run_stereo(&eq->section[s], left, right, n);
    }
    return 0;
}

/* The sections over Q23 samples in place; returns the frames filtered (the
 * rest, after every band has gone out, is to pass untouched). */
static uint32_t filter(mixbox_bus_eq_t *eq, int32_t *left, int32_t *right, uint32_t n)
{
    /* Runs between the update points while something moves; one run otherwise. */
    for (uint32_t done = 0; done < n;) {
        if (eq->ramping != 0u && eq->frames_to_update == 0u) {
            update_ramps(eq);
            eq->frames_to_update = MIXBOX_SVF_UPDATE_FRAMES;
        }
        if (eq->ramping == 0u && mixbox_bus_eq_is_flat(eq)) return done; /* every band has just gone out */
        uint32_t run = n - done;
        if (eq->ramping != 0u && eq->frames_to_update < run) run = eq->frames_to_update;
        run_sections(eq, left + done, right + done, run, NULL, NULL);
        if (eq->ramping != 0u) eq->frames_to_update -= run;
        done += run;
    }
    return n;
}

/* Out of line: mixbox_bus_eq_process's flat test then saves no registers for it. */
static OUT_OF_LINE void process_chunk(mixbox_bus_eq_t *eq, int64_t *left, int64_t *right, uint32_t n)
{
    /* In one pass without a branch per sample while every sample is in range (the usual case). */
    if (!mixbox_svf_chunk_from_chain(left, right, eq->work[0], eq->work[1], n)) {
        for (uint32_t i = 0; i < n; i++) {
            eq->work[0][i] = mixbox_svf_from_chain(left[i]);
            eq->work[1][i] = mixbox_svf_from_chain(right[i]);
        }
    }
    /* Settled: one run over the chunk (filter()'s), its last section writing the chain. */
    if (eq->ramping == 0u && run_sections(eq, eq->work[0], eq->work[1], n, left, right)) return;
    if (eq->ramping != 0u) n = filter(eq, eq->work[0], eq->work[1], n);
    mixbox_svf_chunk_to_chain(eq->work[0], eq->work[1], left, right, n);
}

void mixbox_bus_eq_process(mixbox_bus_eq_t *eq, int64_t *left, int64_t *right, uint32_t n)
{
    if (eq->ramping == 0u && mixbox_bus_eq_is_flat(eq)) return;
    process_chunk(eq, left, right, n);
}

int mixbox_bus_eq_is_settled_on(const mixbox_bus_eq_t *eq)
{
    return eq->ramping == 0u && !mixbox_bus_eq_is_flat(eq);
}

void mixbox_bus_eq_process_q23(mixbox_bus_eq_t *eq, int32_t *left_q23, int32_t *right_q23, int64_t *left,
                               int64_t *right, uint32_t n)
{
    /* Settled and on: filter() would run all n at once. */
    if (!run_sections(eq, left_q23, right_q23, n, left, right)) mixbox_svf_chunk_to_chain(left_q23, right_q23, left, right, n);
}
