namespace MixBox.Dsp.Tests;

/// <summary>
/// Double-precision model of BS.1770-4 short-term loudness and EBU Tech 3342 loudness range,
/// written straight from the documents (no histogram, exact percentiles), with the LRA sampling
/// interval as a parameter: it explains the one place where the block and libebur128 differ.
/// </summary>
public static class LoudnessModel
{
    /// <summary>BS.1770-4 Tables 1 and 2 at 48 kHz; other rates from the analogue prototypes (bilinear transform).</summary>
    public static (double[] Shelf, double[] HighPass) Coefficients(int rate)
    {
        if (rate == 48000)
            return (new[] { 1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585 },
                    new[] { 1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621 });
        double k = Math.Tan(Math.PI * 1681.974450955533 / rate), q = 0.7071752369554196;
        double vh = Math.Pow(10, 3.999843853973347 / 20), vb = Math.Pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        var shelf = new[] { (vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0 };
        double kh = Math.Tan(Math.PI * 38.13547087602444 / rate), qh = 0.5003270373238773;
        double ah = 1 + kh / qh + kh * kh;
        return (shelf, new[] { 1.0, -2.0, 1.0, 2 * (kh * kh - 1) / ah, (1 - kh / qh + kh * kh) / ah });
    }

    private static double[] Biquad(double[] c, double[] x)
    {
        var y = new double[x.Length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int n = 0; n < x.Length; n++)
        {
            y[n] = c[0] * x[n] + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
            x2 = x1; x1 = x[n]; y2 = y1; y1 = y[n];
        }
        return y;
    }

    /// <summary>First frame of 10 ms segment <paramref name="s"/>: floor(s · rate / 100), so
    /// segments are whole frames at any rate and 300 of them are exactly 3 s.</summary>
    public static long SegmentStart(int rate, long s) => s * rate / 100;

    /// <summary>Sum of K-weighted squares of both channels, per frame.</summary>
    public static double[] FrameEnergies(int rate, int[] stereo)
    {
        var (shelf, highPass) = Coefficients(rate);
        int frames = stereo.Length / 2;
        var energies = new double[frames];
        for (int ch = 0; ch < 2; ch++)
        {
            var x = new double[frames];
            for (int i = 0; i < frames; i++) x[i] = stereo[2 * i + ch] / Signals.FullScale;
            var y = Biquad(highPass, Biquad(shelf, x));
            for (int i = 0; i < frames; i++) energies[i] += y[i] * y[i];
        }
        return energies;
    }

    /// <summary>Sum of K-weighted squares of both channels per 10 ms segment.</summary>
    public static double[] SegmentEnergies(int rate, int[] stereo)
    {
        var perFrame = FrameEnergies(rate, stereo);
        int count = 0;
        while (SegmentStart(rate, count + 1) <= perFrame.Length) count++;
        var energies = new double[count];
        for (int s = 0; s < count; s++)
            for (long i = SegmentStart(rate, s); i < SegmentStart(rate, s + 1); i++) energies[s] += perFrame[i];
        return energies;
    }

    /// <summary>
    /// Short-term loudness as libebur128 samples it for its loudness range: its "100 ms" is
    /// (rate + 5) / 10 frames (ebur128.c, samples_in_100ms: 1103 at 11 025 Hz, exact at multiples
    /// of 10 Hz), its short-term window 30 of those and its hop 10 (1 s), from the first full window.
    /// </summary>
    public static List<double> Libebur128ShortTermSeries(int rate, int[] stereo)
    {
        var perFrame = FrameEnergies(rate, stereo);
        long hundredMs = (rate + 5) / 10, window = 30 * hundredMs;
        var series = new List<double>();
        for (long end = window; end <= perFrame.Length; end += 10 * hundredMs)
        {
            double sum = 0;
            for (long i = end - window; i < end; i++) sum += perFrame[i];
            series.Add(-0.691 + 10 * Math.Log10(sum / window));
        }
        return series;
    }

    /// <summary>Short-term loudness (3 s) every <paramref name="hopSegments"/> × 10 ms, from 3 s on.</summary>
    public static List<double> ShortTermSeries(int rate, double[] segmentEnergies, int hopSegments)
    {
        var series = new List<double>();
        for (int end = 300; end <= segmentEnergies.Length; end += hopSegments)
        {
            double sum = 0;
            for (int s = end - 300; s < end; s++) sum += segmentEnergies[s];
            series.Add(-0.691 + 10 * Math.Log10(sum / (3.0 * rate)));
        }
        return series;
    }

    /// <summary>EBU Tech 3342 section 5 (the document's MATLAB listing), in C#.</summary>
    public static double LoudnessRange(IEnumerable<double> shortTerm)
    {
        var absGated = shortTerm.Where(l => l >= -70).ToList();
        if (absGated.Count == 0) return double.NaN;
        double integrated = 10 * Math.Log10(absGated.Average(l => Math.Pow(10, l / 10)));
        var relGated = absGated.Where(l => l >= integrated - 20).OrderBy(l => l).ToList();
        int n = relGated.Count;
        double low = relGated[(int)Math.Round((n - 1) * 0.10, MidpointRounding.AwayFromZero)];
        double high = relGated[(int)Math.Round((n - 1) * 0.95, MidpointRounding.AwayFromZero)];
        return high - low;
    }
}
