namespace MixBox.Cli;

/// <summary>How a WAV file's samples are coded: integer PCM or IEEE float.</summary>
public enum WavEncoding { Pcm, Float }

/// <summary>
/// A WAV file's sample format, as read from its `fmt ` chunk and already checked:
/// PCM 8 (unsigned) / 16 / 24 / 32-bit or float 32 / 64-bit, interleaved, little-endian,
/// BlockAlign == Channels × BitsPerSample / 8.
/// </summary>
/// <param name="BitsPerSample">The container size of one sample.</param>
/// <param name="ValidBits">The bits that carry audio (EXTENSIBLE's wValidBitsPerSample; else = BitsPerSample).
/// They are the top bits of the container, so reading the whole container is already left-justified.</param>
/// <param name="ChannelMask">EXTENSIBLE's dwChannelMask (0 when absent): read, not used.</param>
/// <param name="Extensible">The file used WAVE_FORMAT_EXTENSIBLE (0xFFFE).</param>
public sealed record WavFormat(WavEncoding Encoding, int Channels, int SampleRate, int BitsPerSample, int ValidBits,
    int BlockAlign, uint ChannelMask, bool Extensible)
{
    public int BytesPerSample => BitsPerSample / 8;

    public override string ToString() =>
        $"{(Encoding == WavEncoding.Float ? "float" : "PCM")} {BitsPerSample}-bit{(ValidBits != BitsPerSample ? $" ({ValidBits} valid)" : "")}, " +
        $"{Channels} channel(s), {SampleRate} Hz{(Extensible ? ", EXTENSIBLE" : "")}";

    /// <summary>
    /// One sample at <paramref name="at"/> to the engine's Q1.31 (full scale = 2^31):
    /// 8-bit unsigned: (b − 128) &lt;&lt; 24; 16-bit: &lt;&lt; 16; 24-bit: &lt;&lt; 8 (left-justified, as the box's
    /// 24-bit converters deliver it); 32-bit: as is. Exact, no rounding.
    /// Float: v × 2^31, rounded to nearest, halves to even (as before, and as ffmpeg's lrint), clamped to
    /// [−2^31, 2^31 − 1]: beyond full scale clips as a converter would; NaN reads as 0.
    /// </summary>
    public int ToQ31(ReadOnlySpan<byte> d, int at)
    {
        if (Encoding == WavEncoding.Float)
            return FloatToQ31(BitsPerSample == 32
                ? BitConverter.Int32BitsToSingle(d[at] | d[at + 1] << 8 | d[at + 2] << 16 | d[at + 3] << 24)
                : BitConverter.Int64BitsToDouble((long)(d[at] | (uint)d[at + 1] << 8 | (uint)d[at + 2] << 16 | (uint)d[at + 3] << 24)
                    | (long)(d[at + 4] | (uint)d[at + 5] << 8 | (uint)d[at + 6] << 16 | (uint)d[at + 7] << 24) << 32));
        return BitsPerSample switch
        {
            8 => (d[at] - 128) << 24,
            16 => (d[at] | d[at + 1] << 8) << 16,
            24 => d[at] << 8 | d[at + 1] << 16 | d[at + 2] << 24,
            _ => d[at] | d[at + 1] << 8 | d[at + 2] << 16 | d[at + 3] << 24,
        };
    }

    public static int FloatToQ31(double v)
    {
        if (double.IsNaN(v)) return 0;
        double scaled = Math.Round(v * 2147483648.0, MidpointRounding.ToEven);
        return scaled >= int.MaxValue ? int.MaxValue : scaled <= int.MinValue ? int.MinValue : (int)scaled;
    }
}
