/* Runs a Faust-generated peer graph (peer.c, made from peer_constants.dsp or
 * peer_controls.dsp at benchmark time) like engine_bench runs the engine:
 * BLOCK_FRAMES frames per call, BLOCKS calls, deterministic noise in. No C
 * library beyond libm, so the same file builds for rv32 under qemu-user.
 *   peer_bench BLOCK_FRAMES BLOCKS */
#include <faust/gui/CInterface.h>
#include "peer.c"

#define INPUTS 8
#define OUTPUTS 12
#define MAX_FRAMES 256

static FAUSTFLOAT in_planes[INPUTS][MAX_FRAMES], out_planes[OUTPUTS][MAX_FRAMES];
static peer dsp; /* static, not newpeer(): no heap on the rv32 build */

static int parse(const char *text)
{
    int value = 0;
    while (*text >= '0' && *text <= '9') value = value * 10 + (*text++ - '0');
    return value;
}

int main(int argc, char **argv)
{
    if (argc != 3) return 2;
    int frames = parse(argv[1]), blocks = parse(argv[2]);
    if (frames <= 0 || frames > MAX_FRAMES) return 2;
    FAUSTFLOAT *inputs[INPUTS], *outputs[OUTPUTS];
    unsigned seed = 12345u;
    for (int c = 0; c < INPUTS; c++) {
        inputs[c] = in_planes[c];
        for (int i = 0; i < frames; i++) {
            seed = seed * 1664525u + 1013904223u; /* engine_bench's generator */
            in_planes[c][i] = (FAUSTFLOAT)((int)(seed & 0xFFFFFF00u) / 4) / 2147483648.0f;
        }
    }
    for (int c = 0; c < OUTPUTS; c++) outputs[c] = out_planes[c];
    initpeer(&dsp, 48000);
    float sink = 0;
    for (int b = 0; b < blocks; b++) {
        computepeer(&dsp, frames, inputs, outputs);
        sink += out_planes[0][b % frames];
    }
    return sink == 12345.0f ? 3 : 0; /* keep the work observable */
}
