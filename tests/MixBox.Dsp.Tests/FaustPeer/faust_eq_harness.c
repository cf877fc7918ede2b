/* Runs the Faust-generated EQ peer (peer_eq.c, compiled from peer_eq.dsp at
 * test time) over a raw file: int32 sample rate, int32 frames, then frames x
 * 5 doubles (the .dsp's inputs, interleaved); writes frames x 8 doubles. */
#include <stdio.h>
#include <stdlib.h>

#define FAUSTFLOAT double
#include <faust/gui/CInterface.h>
#include "peer_eq.c"

#define INPUTS 5
#define OUTPUTS 8
#define BLOCK 256

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: faust_eq_harness IN OUT\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb"), *out = fopen(argv[2], "wb");
    int header[2];
    if (in == NULL || out == NULL || fread(header, sizeof header, 1, in) != 1) {
        fprintf(stderr, "faust_eq_harness: cannot read %s or write %s\n", argv[1], argv[2]);
        return 1;
    }
    eqpeer *dsp = neweqpeer();
    initeqpeer(dsp, header[0]);
    static double interleaved[BLOCK * INPUTS], planes_in[INPUTS][BLOCK], planes_out[OUTPUTS][BLOCK], result[BLOCK * OUTPUTS];
    double *inputs[INPUTS], *outputs[OUTPUTS];
    for (int c = 0; c < INPUTS; c++) inputs[c] = planes_in[c];
    for (int c = 0; c < OUTPUTS; c++) outputs[c] = planes_out[c];
    for (int done = 0; done < header[1];) {
        int n = header[1] - done < BLOCK ? header[1] - done : BLOCK;
        if (fread(interleaved, sizeof(double) * INPUTS, (size_t)n, in) != (size_t)n) {
            fprintf(stderr, "faust_eq_harness: input ends early\n");
            return 1;
        }
        for (int i = 0; i < n; i++)
            for (int c = 0; c < INPUTS; c++) planes_in[c][i] = interleaved[i * INPUTS + c];
        computeeqpeer(dsp, n, inputs, outputs);
        for (int i = 0; i < n; i++)
            for (int c = 0; c < OUTPUTS; c++) result[i * OUTPUTS + c] = planes_out[c][i];
        fwrite(result, sizeof(double) * OUTPUTS, (size_t)n, out);
        done += n;
    }
    deleteeqpeer(dsp);
    fclose(in);
    return fclose(out) == 0 ? 0 : 1;
}
