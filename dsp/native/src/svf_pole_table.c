#include "svf_pole_table.h"

/* Multilinear interpolation in the generated tables (svf_pole_table.h). Hz
 * and q are placed between their nodes linearly (the nodes are 1/6 octave
 * apart, so linear and logarithmic placement differ little and the ratios
 * vary slowly); outside the grid the nearest edge holds. */

static int rate_index(uint32_t sample_rate)
{
    for (int r = 0; r < MIXBOX_POLE_TABLE_RATES; r++) {
        if (mixbox_pole_table_rates[r] == sample_rate) return r;
    }
    return -1;
}

/* The cell of x among n ascending nodes: returns i with the fraction t of
 * the way from node i to node i + 1. */
static int place(const float *node, int n, double x, double *t)
{
    if (x <= node[0]) { *t = 0.0; return 0; }
    if (x >= node[n - 1]) { *t = 1.0; return n - 2; }
    int low = 0, high = n - 1;
    while (high - low > 1) {
        int mid = (low + high) / 2;
        if (x < node[mid]) high = mid;
        else low = mid;
    }
    *t = (x - node[low]) / ((double)node[low + 1] - node[low]);
    return low;
}

/* Uniform nodes from lowest in steps of step. */
static int place_uniform(double x, double lowest, double step, int n, double *t)
{
    double at = (x - lowest) / step;
    if (at <= 0.0) { *t = 0.0; return 0; }
    if (at >= n - 1) { *t = 1.0; return n - 2; }
    int i = (int)at;
    *t = at - i;
    return i;
}

static void blend(double ratio[2], const float a[2], const float b[2], double t, double weight)
{
    ratio[0] += weight * ((1.0 - t) * a[0] + t * b[0]);
    ratio[1] += weight * ((1.0 - t) * a[1] + t * b[1]);
}

int mixbox_svf_pole_table_bell(uint32_t sample_rate, double hz, double q, double db, double ratio[2])
{
    int r = rate_index(sample_rate);
    if (r < 0) return 0;
    double th, tq, tg;
    int ih = place(mixbox_pole_bell_hz, MIXBOX_POLE_BELL_HZ, hz, &th);
    int iq = place(mixbox_pole_bell_q, MIXBOX_POLE_BELL_Q, q, &tq);
    int ig = place_uniform(db, -12.0, 3.0, MIXBOX_POLE_BELL_DB, &tg);
    ratio[0] = ratio[1] = 0.0;
    for (int h = 0; h < 2; h++) {
        for (int g = 0; g < 2; g++) {
            const float(*row)[2] = mixbox_pole_bell[r][ih + h][ig + g];
            blend(ratio, row[iq], row[iq + 1], tq, (h ? th : 1.0 - th) * (g ? tg : 1.0 - tg));
        }
    }
    return 1;
}

int mixbox_svf_pole_table_high_shelf(uint32_t sample_rate, double hz, double db, double ratio[2])
{
    int r = rate_index(sample_rate);
    if (r < 0) return 0;
    double th, tg;
    int ih = place(mixbox_pole_shelf_hz, MIXBOX_POLE_SHELF_HZ, hz, &th);
    int ig = place_uniform(db, -12.0, 1.0, MIXBOX_POLE_SHELF_DB, &tg);
    ratio[0] = ratio[1] = 0.0;
    for (int h = 0; h < 2; h++) {
        const float(*row)[2] = mixbox_pole_high_shelf[r][ih + h];
        blend(ratio, row[ig], row[ig + 1], tg, h ? th : 1.0 - th);
    }
    return 1;
}

int mixbox_svf_pole_table_lowpass(uint32_t sample_rate, double hz, double ratio[2])
{
    int r = rate_index(sample_rate);
    if (r < 0) return 0;
    double th;
    int ih = place(mixbox_pole_lowpass_hz, MIXBOX_POLE_LOWPASS_HZ, hz, &th);
    ratio[0] = ratio[1] = 0.0;
    blend(ratio, mixbox_pole_lowpass[r][ih], mixbox_pole_lowpass[r][ih + 1], th, 1.0);
    return 1;
}
