/* One fixed-point SVF section over a raw file, for the peer tests (Faust,
 * sox) run from C#:
 *   toolkit_probe TYPE DESIGN RATE HZ Q DB IN OUT
 * TYPE bell | lowshelf | highshelf | highpass | lowpass, DESIGN bilinear |
 * matched (the engine's fitted design); IN and OUT are raw little-endian
 * doubles in full-scale units (mono). The section runs in its Q23 format. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svf_design.h"
#include "svf_section.h"

int main(int argc, char **argv)
{
    if (argc != 9) {
        fprintf(stderr, "usage: toolkit_probe TYPE DESIGN RATE HZ Q DB IN OUT\n");
        return 2;
    }
    const char *type = argv[1];
    int matched = strcmp(argv[2], "matched") == 0;
    double rate = atof(argv[3]), hz = atof(argv[4]), q = atof(argv[5]), gain = atof(argv[6]);
    mixbox_svf_prototype_t p;
    if (strcmp(type, "bell") == 0) p = mixbox_svf_bell(hz, q, gain);
    else if (strcmp(type, "lowshelf") == 0) p = mixbox_svf_low_shelf(hz, q, gain);
    else if (strcmp(type, "highshelf") == 0) p = mixbox_svf_high_shelf(hz, q, gain);
    else if (strcmp(type, "highpass") == 0) p = mixbox_svf_highpass(hz, q);
    else if (strcmp(type, "lowpass") == 0) p = mixbox_svf_lowpass(hz, q);
    else {
        fprintf(stderr, "toolkit_probe: unknown type %s\n", type);
        return 2;
    }
    mixbox_svf_design_t d;
    if (matched) mixbox_svf_design_matched(&d, &p, rate, hz);
    else mixbox_svf_design_bilinear(&d, &p, rate);
    mixbox_svf_target_t t;
    mixbox_svf_quantise(&t, &d);
    static mixbox_svf_section_t section;
    mixbox_svf_init(&section, &t);

    FILE *in = fopen(argv[7], "rb"), *out = fopen(argv[8], "wb");
    if (in == NULL || out == NULL) {
        fprintf(stderr, "toolkit_probe: cannot read %s or write %s\n", argv[7], argv[8]);
        return 1;
    }
    double x[32];
    size_t n;
    while ((n = fread(x, sizeof x[0], 32, in)) > 0) {
        int32_t q23[32];
        for (size_t i = 0; i < n; i++) q23[i] = (int32_t)lrint(x[i] * 8388608.0);
        mixbox_svf_run(&section, 0u, q23, (uint32_t)n);
        for (size_t i = 0; i < n; i++) x[i] = q23[i] / 8388608.0;
        fwrite(x, sizeof x[0], n, out);
    }
    fclose(in);
    return fclose(out) == 0 ? 0 : 1;
}
