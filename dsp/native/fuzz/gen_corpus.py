#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_engine_api.c into corpus/ (next to this file).

Each seed is one meaningful sequence of engine calls in the harness's input
format (see run_op() in fuzz_engine_api.c): a filler byte for the
uninitialised engine, then operations.

    python3 dsp/native/fuzz/gen_corpus.py
"""
import os
import struct

# k_rates in fuzz_engine_api.c, in order.
RATES = [48000, 44100, 96000, 8000, 16000, 32000, 88200, 24000, 11000, 8100, 95900, 22000, 64000,
         22050, 11025, 48001, 8001, 95999,
         7900, 96100, 0, 7999, 96001, 192000, 100, 0xFFFFFFFF, 0x80000000]

# mixbox_param_t
(TRIM, FADER, PAN, MUTE, SOLO, INVERT, TO_MAIN, SUB_BUS, SUB_FADER, SUB_MUTE, MAIN_FADER,
 THRESHOLD, RATIO, ATTACK, RELEASE, KNEE, MAKEUP, HPF, LINK, MIX, BYPASS, DRIVE, CEILING,
 SAFETY, DITHER,
 DEESS_ON, DEESS_HZ, DEESS_THRESHOLD, DEESS_RANGE, DEESS_RELEASE, DEESS_LISTEN,
 EQ_AFTER_COMP, EQ_HPF_HZ, EQ_HPF_SLOPE, EQ_LOW_SHELF_HZ, EQ_LOW_SHELF_CDB, EQ_LOW_SHELF_GENTLE,
 EQ_BELL1_HZ, EQ_BELL1_CDB, EQ_BELL1_Q, EQ_BELL2_HZ, EQ_BELL2_CDB, EQ_BELL2_Q, EQ_PROPORTIONAL_Q,
 EQ_HIGH_SHELF_HZ, EQ_HIGH_SHELF_CDB, EQ_LOWPASS_HZ, STEREO_WIDTH, STEREO_MONO_BELOW) = range(49)

# signal modes (signal_read in the harness)
SILENCE, RAW, DC, EXTREMES, NOISE, SQUARE, SINE, RAW24, NOISE24 = range(9)

# meter ids
MAIN_LEFT = 16 + 2 * 2


class Seq:
    def __init__(self, filler=0):
        self.b = bytearray([filler])

    def init(self, rate, channels):
        self.b += bytes([0])
        if rate in RATES:
            self.b += bytes([RATES.index(rate)])
        else:
            self.b += bytes([0xF1]) + struct.pack('<I', rate)
        if 0 <= channels < 0xF0:
            self.b += bytes([channels])
        else:
            self.b += bytes([0xF1]) + struct.pack('<I', channels & 0xFFFFFFFF)
        return self

    def set(self, param, value, index=0):
        """Any param id (>= 25: one of the harness's refused ids, 0xE0 + k) and any value."""
        self.b += bytes([1])
        self.b += bytes([param])
        self.b += bytes([index]) if index < 0xF0 else bytes([0xF1]) + struct.pack('<I', index)
        self.b += bytes([6]) + struct.pack('<i', value)
        return self

    def get(self, param, index=0):
        self.b += bytes([3, param, index])
        return self

    def signal(self, mode, *args):
        out = bytes([mode])
        if mode == DC:
            out += struct.pack('<i', args[0])
        elif mode == EXTREMES:
            out += bytes([args[0]])
        elif mode == NOISE:
            out += struct.pack('<IB', args[0], args[1])
        elif mode == SQUARE:
            out += struct.pack('<BI', args[0], args[1])
        elif mode == SINE:
            out += struct.pack('<HB', args[0], args[1])  # Hz, -dBFS
        return out

    def process(self, frames, sig, flags=0, samples=b''):
        """frames 1..255 directly; 0 or 256..300 through the extension byte."""
        self.b += bytes([4])
        self.b += bytes([frames]) if 1 <= frames <= 255 else bytes([0, 0 if frames == 0 else frames - 255])
        self.b += bytes([flags]) + sig + samples
        return self

    def long_run(self, length_byte, sig):
        self.b += bytes([5, length_byte]) + sig
        return self

    def meter(self, meter_id):
        self.b += bytes([6, meter_id]) if meter_id < 0xF0 else bytes([6, 0xF1]) + struct.pack('<I', meter_id)
        return self

    def meters(self):
        self.b += bytes([7])
        return self

    def reset_hold(self, meter_id):
        self.b += bytes([8, meter_id])
        return self

    def gr(self):
        self.b += bytes([9])
        return self

    def loudness(self):
        self.b += bytes([10])
        return self

    def loudness_reset(self):
        self.b += bytes([11])
        return self

    def null_call(self, which):
        """which % 8 picks the function, bit 7 a NULL engine (else a NULL out-pointer)."""
        extra = {1: [FADER, 0], 2: [FADER, 0], 3: [0], 4: [0]}.get(which % 8, [])
        self.b += bytes([12, which] + extra)
        return self

    def uninit(self, filler):
        self.b += bytes([13, filler])
        return self


def seeds():
    s = {}

    q = Seq().init(48000, 8)
    for _ in range(4):
        q.process(255, q.signal(SINE, 1000, 6))
    s['basic_48k_8ch'] = q.meters().loudness().gr()

    q = Seq().init(48000, 2)
    for p, v in [(BYPASS, 0), (THRESHOLD, -3000), (RATIO, 1000), (ATTACK, 100), (RELEASE, 0),
                 (KNEE, 600), (MAKEUP, 600), (HPF, 90), (LINK, 1)]:
        q.set(p, v)
    for _ in range(3):
        q.process(200, q.signal(SINE, 60, 0))
        q.process(200, q.signal(SINE, 3000, 3))
    q.gr().set(HPF, 500).set(RELEASE, 50).process(100, q.signal(SQUARE, 40, 0x7FFFFFFF)).gr()
    s['compressor_hpf'] = q.meter(MAIN_LEFT).meter(MAIN_LEFT + 1).loudness()

    q = Seq().init(44100, 4).set(BYPASS, 0).set(THRESHOLD, -2000).set(ATTACK, 1000).set(RELEASE, 100)
    q.process(128, q.signal(SINE, 440, 0)).gr()
    q.set(BYPASS, 1).process(64, q.signal(SINE, 440, 0)).process(255, q.signal(SINE, 440, 0))
    q.set(BYPASS, 0).process(32, q.signal(SINE, 440, 0)).set(MIX, 0).process(255, q.signal(SINE, 440, 0))
    q.set(MIX, 50).process(255, q.signal(SINE, 440, 0)).gr()
    q.set(MIX, 100).set(BYPASS, 1).set(BYPASS, 0).process(1, q.signal(SINE, 440, 0)).gr()
    s['bypass_toggles'] = q

    q = Seq().init(48000, 16)
    for c in range(16):
        q.set(TRIM, 2000, c).set(FADER, 1200, c)
    q.set(MAIN_FADER, 1200).set(SAFETY, 1).set(CEILING, -600)
    q.process(255, q.signal(EXTREMES, 0x1B)).process(64, q.signal(DC, 0x7FFFFFFF))
    q.set(CEILING, 0).set(DRIVE, 1800).process(255, q.signal(SQUARE, 3, 0x7FFFFFFF))
    q.set(BYPASS, 0).set(MAKEUP, 2000).set(THRESHOLD, 0).set(RATIO, 100).process(255, q.signal(EXTREMES, 0xE4))
    s['safety_clip_loud'] = q.meters().loudness()

    q = Seq().init(96000, 2).set(DITHER, 1)
    q.process(255, q.signal(NOISE, 12345, 20)).process(255, q.signal(SILENCE))
    q.set(SAFETY, 1).set(CEILING, -100).process(255, q.signal(EXTREMES, 0x4E))
    q.set(CEILING, -1).process(200, q.signal(SINE, 997, 0)).set(DRIVE, 900).process(200, q.signal(NOISE24))
    s['dither'] = q.meters()

    q = Seq().init(8000, 16)
    for c in range(16):
        q.set(SUB_BUS, [-1, 0, 1][c % 3], c).set(PAN, -100 + 13 * c, c)
    q.set(TO_MAIN, 0, 1).set(SUB_FADER, 1200, 0).set(SUB_FADER, -14400, 1).set(SUB_MUTE, 1, 1)
    q.set(INVERT, 1, 2).set(MUTE, 1, 4).set(FADER, -14400, 5)
    q.process(80, q.signal(NOISE, 777, 0)).process(255, q.signal(SQUARE, 20, 0x40000000))
    q.meters().set(SOLO, 1, 3).process(80, q.signal(NOISE, 778, 0))
    q.meters().reset_hold(0).reset_hold(MAIN_LEFT).reset_hold(22).meters()
    q.meter(22).meter(23).meter(0xFFFFFFFF).set(SOLO, 0, 3).set(SUB_MUTE, 0, 1).set(SUB_FADER, 0, 1)
    s['every_meter'] = q.process(160, q.signal(EXTREMES, 0x00)).meters()

    q = Seq()
    for rate, ch in [(7900, 8), (96100, 8), (7999, 2), (96001, 2), (0, 2), (0xFFFFFFFF, 1), (48000, 0), (48000, 17),
                     (48000, 0xFFFFFFFF)]:
        q.init(rate, ch)
    for rate, ch in [(8000, 1), (96000, 16), (44100, 3), (88200, 5), (11000, 7), (8100, 2), (95900, 9),
                     (11025, 4), (22050, 2), (8001, 3), (47999, 8)]:
        q.init(rate, ch).process(255, q.signal(SINE, 100, 10)).process(7, q.signal(NOISE, 99, 1)).meters()
    s['odd_rates'] = q.loudness()

    # 16 blocks = 0.512 s at 8 kHz (range_stable needs 60 s: see FUZZ_LONG_RUNS).
    q = Seq().init(8000, 2)
    for _ in range(7):
        q.long_run(15, q.signal(SINE, 1000, 23))
    q.loudness().long_run(15, q.signal(SINE, 1000, 43)).long_run(15, q.signal(SINE, 1000, 43)).loudness()
    q.loudness_reset().loudness().long_run(15, q.signal(NOISE, 5, 3)).long_run(15, q.signal(SINE, 60, 0))
    s['loudness_gating'] = q.loudness()

    q = Seq(0xA5)
    q.process(32, q.signal(SILENCE)).set(FADER, 0).get(FADER).meter(0).reset_hold(0).gr().loudness()
    q.loudness_reset()
    for which in range(8):
        q.null_call(which)
        q.null_call(0x80 | which)
    q.init(48000, 8).uninit(0x00).process(32, q.signal(SILENCE)).gr().init(32000, 4).gr()
    s['null_and_uninitialised'] = q

    q = Seq().init(48000, 8)
    for frames in (0, 256, 257, 300):
        q.process(frames, q.signal(SILENCE))
    for flags in (1, 2, 3, 4, 8, 16, 32, 48, 64):
        q.process(32, q.signal(NOISE, 3, 4), flags=flags)
    for p, v, i in [(FADER, 1201, 0), (FADER, -14401, 0), (FADER, 0, 8), (TRIM, 2001, 0), (PAN, 101, 0),
                    (SUB_BUS, 2, 0), (SUB_BUS, -2, 0), (SUB_FADER, 0, 2), (RELEASE, 49, 0), (HPF, 19, 0),
                    (HPF, 501, 0), (CEILING, 1, 0), (DRIVE, 1801, 0), (0xE0, 0, 0), (0xE6, 0, 0)]:
        q.set(p, v, i)
    s['refused_calls'] = q.get(0xE0).get(FADER, 8).get(SUB_FADER, 2).get(MAIN_FADER, 0xF0)

    q = Seq().init(48000, 4)
    q.process(255, q.signal(SINE, 220, 6)).set(SUB_BUS, 0, 0).set(TO_MAIN, 0, 0)
    q.process(100, q.signal(SINE, 220, 6)).set(SUB_BUS, 1, 0).process(3, q.signal(SINE, 220, 6))
    q.set(TO_MAIN, 1, 0).set(SUB_BUS, -1, 0).process(255, q.signal(SINE, 220, 6))
    q.set(FADER, -14400, 1).set(SUB_BUS, 0, 1).process(50, q.signal(SINE, 220, 6))
    s['routing_fades'] = q.meters()

    q = Seq().init(48000, 2)
    raw = struct.pack('<12i', -2**31, 2**31 - 1, 0x7FFFFF00, -0x7FFFFF00, 1, -1, 0, -2**31, -2**31, -2**31,
                      2**31 - 1, 2**31 - 1)
    q.process(6, q.signal(RAW), samples=raw).process(4, q.signal(RAW24), samples=bytes(range(24)))
    s['raw_extremes'] = q.meters()

    # The mix-bus toolkit: every EQ band, the de-esser (listen too), width and
    # mono-below, the EQ moved around the compressor, at +24 dBFS and in silence.
    q = Seq().init(44100, 2)
    for p, v in [(EQ_HPF_HZ, 20), (EQ_HPF_SLOPE, 18), (EQ_LOW_SHELF_CDB, 1200), (EQ_LOW_SHELF_HZ, 30),
                 (EQ_BELL1_CDB, 1200), (EQ_BELL1_Q, 400), (EQ_BELL1_HZ, 8000), (EQ_BELL2_CDB, -1200),
                 (EQ_BELL2_Q, 40), (EQ_HIGH_SHELF_CDB, 1200), (EQ_HIGH_SHELF_HZ, 16000), (EQ_LOWPASS_HZ, 20000),
                 (DEESS_ON, 1), (DEESS_THRESHOLD, -5000), (DEESS_RANGE, 1200), (STEREO_WIDTH, 200),
                 (STEREO_MONO_BELOW, 200), (BYPASS, 0)]:
        q.set(p, v)
    q.process(255, q.signal(EXTREMES, 0x5A)).process(255, q.signal(SQUARE, 7, 0x7FFFFFFF))
    q.set(EQ_AFTER_COMP, 1).set(EQ_PROPORTIONAL_Q, 1).set(DEESS_LISTEN, 1).process(200, q.signal(NOISE, 99, 0))
    q.set(EQ_BELL1_HZ, 60).set(DEESS_HZ, 12000).set(STEREO_WIDTH, 0).process(255, q.signal(SINE, 6500, 0))
    q.set(DEESS_ON, 0).set(EQ_HPF_HZ, 0).set(EQ_LOWPASS_HZ, 0).process(255, q.signal(SILENCE))
    q.gr().meters().loudness()
    s['toolkit'] = q

    # The bus meters (analyser on = 51, correlation on = 53): a full-scale
    # sine for 40 ms, then every reading, the true peak since the last read too.
    q = Seq().init(48000, 2).set(51, 1).set(53, 1)
    for _ in range(8):
        q.process(255, q.signal(SINE, 1000, 0))
    s['bus_meters'] = q.loudness().process(255, q.signal(SQUARE, 24, 0x7FFFFFFF)).loudness()

    return s


def main():
    directory = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus')
    os.makedirs(directory, exist_ok=True)
    for name in os.listdir(directory):
        os.remove(os.path.join(directory, name))
    for name, seq in sorted(seeds().items()):
        with open(os.path.join(directory, name + '.bin'), 'wb') as f:
            f.write(bytes(seq.b))
        print(f'{name}.bin: {len(seq.b)} bytes')


if __name__ == '__main__':
    main()
