namespace MixBox.Cli;

/// <summary>
/// TPDF dither and rounding to 16 bits, for `--format pcm16` with the scene's dither on. The
/// engine dithers only to its own 24-bit output word (its output stage), so the shorter file
/// word is dithered here, the same way: a triangular value of ±1 LSB (the sum of two uniform
/// draws; Lipshitz, Wannamaker and Vanderkooy, "Quantization and Dither: A Theoretical Survey",
/// JAES 1992: it makes the error's first two moments independent of the signal) added before
/// rounding, from a fixed-seed xorshift32 (Marsaglia 2003) so renders repeat.
/// </summary>
public sealed class Tpdf16Dither
{
    private uint _state = 0x2545F491;

    public int Quantize(int q31)
    {
        _state ^= _state << 13;
        _state ^= _state >> 17;
        _state ^= _state << 5;
        // Two 16-bit uniform draws, summed and centred: ±1 LSB of 16 bits in Q31 units (2^16 per LSB).
        long triangular = (long)(_state >> 16) + (_state & 0xFFFF) - 0xFFFF;
        long rounded = ((long)q31 + triangular + 32768) >> 16;
        return rounded > 0x7FFF ? 0x7FFF : rounded < -0x8000 ? -0x8000 : (int)rounded;
    }
}
