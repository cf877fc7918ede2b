using System.Text;
using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The bus EQ's fixed-point SVF sections (dsp/native/test/toolkit/toolkit_probe.c runs one
/// over a file) side by side with independent peers on the same signals:
/// - Faust's standard library: fi.svf.* is the same trapezoidal SVF (A. Simper) in double
///   with the bilinear design, so MixBox's bilinear bells, high- and low-passes must agree
///   with it sample for sample, to its Q23 arithmetic. Its shelves (fi.svf.ls/hs) prewarp
///   g at the shelf midpoint and then divide/multiply by sqrt(A); MixBox's bilinear shelf
///   prewarps at the pole frequency itself, so they differ slightly toward Nyquist.
///   fi.peak_eq is the same bell with its bandwidth B in Hz (prewarped): with
///   B = sin(w0) fs / (pi Q A) it is MixBox's bilinear bell. fi.low_shelf / fi.high_shelf
///   are 3rd-order Butterworth shelves (their corner is the -3 dB point of the band, not
///   the midpoint): only their plateaus agree with MixBox's second-order shelves.
/// - sox's equalizer / bass / treble (Audio EQ Cookbook biquads): the same bell as
///   MixBox's bilinear one; its shelves prewarp at the midpoint as Faust's do.
/// - Near Nyquist the engine uses fitted (matched) designs instead: there every bilinear
///   peer cramps, and MixBox is the one that follows the analogue curve.
/// </summary>
public class ToolkitPeerTests
{
    private const int Frames = 16384;
    private readonly ITestOutputHelper _output;

    public ToolkitPeerTests(ITestOutputHelper output) => _output = output;

    private static readonly Lazy<string> Probe = new(() => Path.Combine(
        NativeTestBuild.Build("dsp/native/test/toolkit", "toolkit-release", null, "-DMIXBOX_SANITIZER=none", "-DCMAKE_BUILD_TYPE=Release"),
        "toolkit_probe"));

    private static double[] Impulse(double amplitude = 0.25)
    {
        var x = new double[Frames];
        x[0] = amplitude;
        return x;
    }

    private static double[] Noise(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Frames).Select(_ => 0.25 * (2 * random.NextDouble() - 1)).ToArray();
    }

    private static double[] Ours(string type, string design, int rate, double hz, double q, double db, double[] x)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mixbox-toolkit-probe-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        string input = Path.Combine(dir, Guid.NewGuid() + ".in"), output = Path.ChangeExtension(input, ".out");
        try
        {
            File.WriteAllBytes(input, x.SelectMany(BitConverter.GetBytes).ToArray());
            var (code, text) = NativeTestBuild.Run(Probe.Value,
                [type, design, rate.ToString(), Inv(hz), Inv(q), Inv(db), input, output], null, TimeSpan.FromMinutes(1));
            Assert.True(code == 0, text);
            var bytes = File.ReadAllBytes(output);
            return Enumerable.Range(0, x.Length).Select(i => BitConverter.ToDouble(bytes, 8 * i)).ToArray();
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static string Inv(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>|H(hz)| from an impulse response to an impulse of 0.25.</summary>
    private static double Magnitude(double[] h, double hz, int rate)
    {
        double w = 2 * Math.PI * hz / rate, re = 0, im = 0;
        for (int i = 0; i < h.Length; i++)
        {
            re += h[i] * Math.Cos(w * i);
            im -= h[i] * Math.Sin(w * i);
        }
        return Math.Sqrt(re * re + im * im) / 0.25;
    }

    private static double Db(double ratio) => 20 * Math.Log10(ratio);

    private static IEnumerable<double> LogFrequencies(double low, double high, int count) =>
        Enumerable.Range(0, count).Select(i => low * Math.Pow(high / low, i / (count - 1.0)));

    /// <summary>The analogue bell and shelves (Audio EQ Cookbook s-domain forms), |H|.</summary>
    private static double AnalogueBell(double f, double f0, double q, double db)
    {
        double a = Math.Pow(10, db / 40), w = f / f0;
        double nr = 1 - w * w, ni = w * a / q, dr = 1 - w * w, di = w / (a * q);
        return Math.Sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    private static double AnalogueHighShelf(double f, double f0, double q, double db)
    {
        double a = Math.Pow(10, db / 40), w = f / f0, s = Math.Sqrt(a) / q;
        double nr = a * (1 - a * w * w), ni = a * s * w, dr = a - w * w, di = s * w;
        return Math.Sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    [Fact]
    public void BilinearSectionsMatchFaustsSvfSampleForSample()
    {
        const int rate = 48000;
        var cases = new (string Type, FaustEqPeer.Output Peer, double Hz, double Q, double Db)[]
        {
            ("bell", FaustEqPeer.Output.SvfBell, 1000, 1.0, 6),
            ("bell", FaustEqPeer.Output.SvfBell, 100, 4.0, -12),
            ("bell", FaustEqPeer.Output.SvfBell, 8000, 0.4, 12),
            ("highpass", FaustEqPeer.Output.SvfHighPass, 40, Math.Sqrt(0.5), 0),
            ("highpass", FaustEqPeer.Output.SvfHighPass, 20, 1.0, 0),
            ("lowpass", FaustEqPeer.Output.SvfLowPass, 15000, Math.Sqrt(0.5), 0),
        };
        double worst = double.NegativeInfinity;
        foreach (var c in cases)
        {
            var x = Noise(7);
            var ours = Ours(c.Type, "bilinear", rate, c.Hz, c.Q, c.Db, x);
            var peer = FaustEqPeer.Run(x, c.Hz, c.Q, c.Db, 100, rate)[(int)c.Peer];
            double error = Db(Enumerable.Range(0, Frames).Max(i => Math.Abs(ours[i] - peer[i])));
            worst = Math.Max(worst, error);
            _output.WriteLine($"{c.Type} {c.Hz} Hz Q {c.Q:F2} {c.Db} dB vs Faust {c.Peer}: worst sample difference {error:F1} dBFS (noise at 0.25 FS)");
            Assert.True(error <= -110, $"{c.Type} {c.Hz} Hz differs from Faust by {error:F1} dBFS");
        }
        _output.WriteLine($"bilinear sections vs Faust fi.svf, sample for sample: worst {worst:F1} dBFS (limit -110)");
    }

    /// <summary>
    /// The stereo tools through the whole engine: "mono below" high-passes the side signal
    /// with a 4th-order Linkwitz-Riley (two Butterworth second-order high-passes, Q 1/sqrt 2)
    /// and width scales it, so with L, R in: mid out = mid in, side out = width x LR4(side in).
    /// The LR4 is Faust's fi.svf.hp run twice in double on the same side signal.
    /// </summary>
    [Fact]
    public void MonoBelowAndWidthMatchFaustsLinkwitzRileyOnTheSide()
    {
        const int rate = CompressorFixture.SampleRate;
        var left = Signals.Noise(Frames, 0.25, 11);
        var right = Signals.Noise(Frames, 0.25, 12);
        var side = Enumerable.Range(0, Frames).Select(i => (left[i] - (double)right[i]) / 2 / Signals.FullScale).ToArray();
        double worstSide = double.NegativeInfinity, worstMid = double.NegativeInfinity;
        foreach (int hz in new[] { 60, 150 })
        foreach (int width in new[] { 100, 150 })
        {
            using var engine = CompressorFixture.StereoEngine();
            engine.Set(EngineParam.StereoMonoBelowHz, 0, hz);
            engine.Set(EngineParam.StereoWidthPercent, 0, width);
            var (outLeft, outRight) = CompressorFixture.Run(engine, left, right);
            var once = FaustEqPeer.Run(side, hz, Math.Sqrt(0.5), 0, 100, rate)[(int)FaustEqPeer.Output.SvfHighPass];
            var lr4 = FaustEqPeer.Run(once, hz, Math.Sqrt(0.5), 0, 100, rate)[(int)FaustEqPeer.Output.SvfHighPass];
            double sideError = 0, midError = 0;
            for (int i = 0; i < Frames; i++)
            {
                double ourSide = (outLeft[i] - (double)outRight[i]) / 2 / Signals.FullScale;
                double ourMid = (outLeft[i] + (double)outRight[i]) / 2 / Signals.FullScale;
                double mid = (left[i] + (double)right[i]) / 2 / Signals.FullScale;
                sideError = Math.Max(sideError, Math.Abs(ourSide - width / 100.0 * lr4[i]));
                midError = Math.Max(midError, Math.Abs(ourMid - mid));
            }
            _output.WriteLine($"mono below {hz} Hz, width {width} %: side vs Faust fi.svf.hp twice {Db(sideError):F1} dBFS, mid vs input {Db(Math.Max(midError, 1e-12)):F1} dBFS (worst sample)");
            worstSide = Math.Max(worstSide, Db(sideError));
            worstMid = Math.Max(worstMid, Db(Math.Max(midError, 1e-12)));
        }
        Assert.True(worstSide <= -110, $"the side differs from Faust's LR4 by {worstSide:F1} dBFS");
        Assert.True(worstMid <= -130, $"the mid moved by {worstMid:F1} dBFS");
    }

    [Fact]
    public void PeakEqIsTheSameBellWithItsBandwidthInHz()
    {
        const int rate = 48000;
        double worst = 0;
        foreach (var (hz, q, db) in new[] { (1000.0, 1.0, 6.0), (250.0, 2.0, -9.0), (5000.0, 0.7, 12.0) })
        {
            double a = Math.Pow(10, Math.Abs(db) / 40);
            // fi.peak_eq's pole (boost) or zero (cut) damping is pi B T / sin(w0 T): MixBox's 1/(Q A).
            double bandwidth = Math.Sin(2 * Math.PI * hz / rate) * rate / (Math.PI * q * a);
            var ours = Ours("bell", "bilinear", rate, hz, q, db, Impulse());
            var peer = FaustEqPeer.Run(Impulse(), hz, q, db, bandwidth, rate)[(int)FaustEqPeer.Output.PeakEq];
            foreach (double f in LogFrequencies(20, 0.45 * rate, 40))
                worst = Math.Max(worst, Math.Abs(Db(Magnitude(ours, f, rate) / Magnitude(peer, f, rate))));
        }
        _output.WriteLine($"bilinear bell vs Faust fi.peak_eq with B = sin(w0) fs / (pi Q A): worst {worst:F4} dB");
        Assert.True(worst <= 0.01, $"fi.peak_eq differs by {worst:F4} dB");
    }

    [Fact]
    public void ShelvesAgreeWithFaustWhereTheirDefinitionsDo()
    {
        const int rate = 48000;
        // Faust's SVF shelves: the same prototype, prewarped at the midpoint (see the class notes).
        double svfWorst = 0, plateauWorst = 0;
        foreach (var (hz, db) in new[] { (100.0, 12.0), (300.0, -6.0), (60.0, 6.0) })
        {
            var ours = Ours("lowshelf", "bilinear", rate, hz, Math.Sqrt(0.5), db, Impulse());
            var peers = FaustEqPeer.Run(Impulse(), hz, Math.Sqrt(0.5), db, 100, rate);
            foreach (double f in LogFrequencies(20, 0.45 * rate, 40))
                svfWorst = Math.Max(svfWorst, Math.Abs(Db(Magnitude(ours, f, rate) / Magnitude(peers[(int)FaustEqPeer.Output.SvfLowShelf], f, rate))));
            // fi.low_shelf (3rd order): only the plateaus (DC side, and far above) agree.
            var third = peers[(int)FaustEqPeer.Output.LowShelf3];
            plateauWorst = Math.Max(plateauWorst, Math.Abs(Db(Magnitude(ours, hz / 20, rate) / Magnitude(third, hz / 20, rate))));
            plateauWorst = Math.Max(plateauWorst, Math.Abs(Db(Magnitude(ours, hz * 40, rate) / Magnitude(third, hz * 40, rate))));
        }
        _output.WriteLine($"low shelf vs Faust fi.svf.ls (midpoint prewarp): worst {svfWorst:F4} dB; plateaus vs fi.low_shelf (3rd order): worst {plateauWorst:F3} dB");
        Assert.True(svfWorst <= 0.05, $"fi.svf.ls differs by {svfWorst:F4} dB");
        Assert.True(plateauWorst <= 0.2, $"fi.low_shelf's plateaus differ by {plateauWorst:F3} dB");
    }

    [Fact]
    public void NearNyquistTheFittedDesignsFollowTheAnalogueCurveWhereBilinearPeersCramp()
    {
        const int rate = 44100;
        foreach (var (type, hz, q, db) in new[] { ("bell", 8000.0, 1.0, 12.0), ("highshelf", 16000.0, Math.Sqrt(0.5), 12.0), ("highshelf", 12000.0, Math.Sqrt(0.5), -12.0) })
        {
            var ours = Ours(type, "matched", rate, hz, q, db, Impulse());
            var peers = FaustEqPeer.Run(Impulse(), hz, q, db, 100, rate);
            var faust = peers[(int)(type == "bell" ? FaustEqPeer.Output.SvfBell : FaustEqPeer.Output.SvfHighShelf)];
            var sox = Sox(type == "bell" ? $"equalizer {hz} {q}q {db}" : $"treble {db} {hz} {q}q", Impulse(), rate);
            double oursWorst = 0, faustWorst = 0, soxWorst = 0;
            foreach (double f in LogFrequencies(1000, 20000, 40))
            {
                double analogue = type == "bell" ? AnalogueBell(f, hz, q, db) : AnalogueHighShelf(f, hz, q, db);
                oursWorst = Math.Max(oursWorst, Math.Abs(Db(Magnitude(ours, f, rate) / analogue)));
                faustWorst = Math.Max(faustWorst, Math.Abs(Db(Magnitude(faust, f, rate) / analogue)));
                soxWorst = Math.Max(soxWorst, Math.Abs(Db(Magnitude(sox, f, rate) / analogue)));
            }
            _output.WriteLine($"{type} {hz} Hz {db:+0;-0} dB at 44.1 kHz, 1..20 kHz against the analogue curve: MixBox (fitted) {oursWorst:F3} dB, Faust fi.svf (bilinear) {faustWorst:F3} dB, sox (bilinear) {soxWorst:F3} dB");
            Assert.True(oursWorst <= 0.5, $"MixBox is {oursWorst:F3} dB off");
            Assert.True(faustWorst > 2 * oursWorst && soxWorst > 2 * oursWorst, "the bilinear peers cramp near Nyquist");
        }
    }

    [Fact]
    public void BellsAndShelvesAgreeWithSoxsCookbookBiquads()
    {
        const int rate = 96000;
        double bellWorst = 0, shelfWorst = 0;
        foreach (var (hz, q, db) in new[] { (1000.0, 1.0, 6.0), (150.0, 3.0, -10.0), (4000.0, 0.5, 12.0) })
        {
            var ours = Ours("bell", "bilinear", rate, hz, q, db, Impulse());
            var sox = Sox($"equalizer {hz} {q}q {db}", Impulse(), rate);
            foreach (double f in LogFrequencies(20, 0.4 * rate, 40))
                bellWorst = Math.Max(bellWorst, Math.Abs(Db(Magnitude(ours, f, rate) / Magnitude(sox, f, rate))));
        }
        foreach (var (hz, db) in new[] { (100.0, 9.0), (250.0, -6.0) })
        {
            var ours = Ours("lowshelf", "bilinear", rate, hz, Math.Sqrt(0.5), db, Impulse());
            var sox = Sox($"bass {db} {hz} 0.7071q", Impulse(), rate);
            foreach (double f in LogFrequencies(20, 0.4 * rate, 40))
                shelfWorst = Math.Max(shelfWorst, Math.Abs(Db(Magnitude(ours, f, rate) / Magnitude(sox, f, rate))));
        }
        _output.WriteLine($"vs sox at 96 kHz: bilinear bell vs equalizer worst {bellWorst:F4} dB; low shelf vs bass (midpoint prewarp) worst {shelfWorst:F4} dB");
        Assert.True(bellWorst <= 0.01, $"sox equalizer differs by {bellWorst:F4} dB");
        Assert.True(shelfWorst <= 0.05, $"sox bass differs by {shelfWorst:F4} dB");
    }

    /// <summary>x through a sox effect (32-bit float WAV in and out, no dither).</summary>
    private static double[] Sox(string effect, double[] x, int rate)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mixbox-toolkit-sox-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        string input = Path.Combine(dir, Guid.NewGuid() + ".wav"), output = Path.ChangeExtension(input, ".out.wav");
        try
        {
            WriteFloatWav(input, x, rate);
            var args = new List<string> { "-D", input, "-e", "floating-point", "-b", "32", output };
            args.AddRange(effect.Split(' '));
            var (code, text) = NativeTestBuild.Run("sox", args, null, TimeSpan.FromMinutes(1));
            Assert.True(code == 0, "sox " + string.Join(' ', args) + ": " + text);
            return ReadFloatWav(output, x.Length);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static void WriteFloatWav(string path, double[] x, int rate)
    {
        using var w = new BinaryWriter(File.Create(path));
        int data = 4 * x.Length;
        w.Write(Encoding.ASCII.GetBytes("RIFF")); w.Write(36 + data); w.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
        w.Write(16); w.Write((short)3); w.Write((short)1); w.Write(rate); w.Write(rate * 4); w.Write((short)4); w.Write((short)32);
        w.Write(Encoding.ASCII.GetBytes("data")); w.Write(data);
        foreach (double v in x) w.Write((float)v);
    }

    private static double[] ReadFloatWav(string path, int frames)
    {
        var bytes = File.ReadAllBytes(path);
        for (int at = 12; at + 8 <= bytes.Length;)
        {
            string id = Encoding.ASCII.GetString(bytes, at, 4);
            int size = BitConverter.ToInt32(bytes, at + 4);
            if (id == "data")
                return Enumerable.Range(0, Math.Min(frames, size / 4)).Select(i => (double)BitConverter.ToSingle(bytes, at + 8 + 4 * i)).ToArray();
            at += 8 + size + (size & 1);
        }
        throw new InvalidOperationException("sox wrote no data chunk: " + path);
    }
}
