namespace MixBox.Dsp.Tests;

/// <summary>
/// Independent double-precision model of the engine's signal graph, written from
/// the behaviour documented in mixbox_engine.h (not from its code): gains from
/// 10^(dB/20), the cos/sin pan law, solo-in-place, 5 ms linear ramps starting at
/// the first frame after a change, one clamp to [-1, 1) at each bus output, and a
/// routing change that waits for the sounding channel to fade out to silence.
/// Samples are in full-scale units (Q31 / 2^31).
/// </summary>
public sealed class ReferenceMixer
{
    public const double MaxSample = 1.0 - 1.0 / 2147483648.0;

    private readonly int _channels;
    private readonly int _rampFrames;
    private readonly double[,] _gain;          // [channel, side], current
    private readonly double[,] _gainStep;
    private readonly double[,] _gainTarget;
    private readonly int[,] _framesLeft;
    private readonly double[,] _wanted;        // [channel, side]: the gains the parameters ask for
    private readonly bool[] _toMain;           // the routing being summed, per channel
    private readonly int[] _subBus;
    private readonly bool[] _rerouting;        // fading out before taking the routing in Params
    private readonly double[] _busGain = new double[3]; // sub 0, sub 1, main
    private readonly double[] _busStep = new double[3];
    private readonly double[] _busTarget = new double[3];
    private readonly int[] _busFramesLeft = new int[3];
    private bool _started;

    public ReferenceMixer(int sampleRate, int channels)
    {
        _channels = channels;
        _rampFrames = sampleRate / 200;
        Params = new MixParams(channels);
        _gain = new double[channels, 2];
        _gainStep = new double[channels, 2];
        _gainTarget = new double[channels, 2];
        _framesLeft = new int[channels, 2];
        _wanted = new double[channels, 2];
        _toMain = Enumerable.Repeat(true, channels).ToArray();
        _subBus = Enumerable.Repeat(EngineLimits.NoSubBus, channels).ToArray();
        _rerouting = new bool[channels];
        Retarget();
        for (int c = 0; c < channels; c++)
        {
            _gain[c, 0] = _gainTarget[c, 0];
            _gain[c, 1] = _gainTarget[c, 1];
        }
        Array.Copy(_busTarget, _busGain, 3);
    }

    public MixParams Params { get; }

    public static double DbToGain(double db) => Math.Pow(10.0, db / 20.0);

    public static double PanLeft(int pan) => Math.Cos((pan + 100) / 200.0 * Math.PI / 2.0);

    public static double PanRight(int pan) => Math.Sin((pan + 100) / 200.0 * Math.PI / 2.0);

    public bool ChannelAudible(int c)
    {
        var p = Params.Channel[c];
        bool anySolo = Params.Channel.Take(_channels).Any(ch => ch.Solo);
        if (p.Mute || p.FaderCentiDb <= EngineLimits.FaderOffCentiDb) return false;
        return !anySolo || p.Solo;
    }

    /// <summary>Call after changing <see cref="Params"/>, where the engine would get set calls.</summary>
    public void Retarget()
    {
        for (int c = 0; c < _channels; c++)
        {
            var p = Params.Channel[c];
            double g = ChannelAudible(c) ? DbToGain((p.TrimCentiDb + p.FaderCentiDb) / 100.0) * (p.Invert ? -1 : 1) : 0.0;
            _wanted[c, 0] = g * PanLeft(p.Pan);
            _wanted[c, 1] = g * PanRight(p.Pan);
            bool routingChanges = p.ToMain != _toMain[c] || p.SubBus != _subBus[c];
            _rerouting[c] = routingChanges && _started && !IsSilent(c);
            if (_rerouting[c]) RampChannelTo(c, 0.0, 0.0);
            else TakeRoutingAndGains(c);
        }
        for (int b = 0; b < 2; b++)
        {
            double g = Params.SubMute[b] ? 0.0 : FaderGain(Params.SubFaderCentiDb[b]);
            SetTarget(ref _busTarget[b], ref _busStep[b], ref _busFramesLeft[b], _busGain[b], g);
        }
        SetTarget(ref _busTarget[2], ref _busStep[2], ref _busFramesLeft[2], _busGain[2], FaderGain(Params.MainFaderCentiDb));
    }

    private bool IsSilent(int c) =>
        _framesLeft[c, 0] == 0 && _framesLeft[c, 1] == 0 && _gainTarget[c, 0] == 0.0 && _gainTarget[c, 1] == 0.0;

    private void RampChannelTo(int c, double left, double right)
    {
        SetTarget(ref _gainTarget[c, 0], ref _gainStep[c, 0], ref _framesLeft[c, 0], _gain[c, 0], left);
        SetTarget(ref _gainTarget[c, 1], ref _gainStep[c, 1], ref _framesLeft[c, 1], _gain[c, 1], right);
    }

    private void TakeRoutingAndGains(int c)
    {
        _toMain[c] = Params.Channel[c].ToMain;
        _subBus[c] = Params.Channel[c].SubBus;
        _rerouting[c] = false;
        RampChannelTo(c, _wanted[c, 0], _wanted[c, 1]);
    }

    private static double FaderGain(int cdb) => cdb <= EngineLimits.FaderOffCentiDb ? 0.0 : DbToGain(cdb / 100.0);

    // Before the first processed frame a change applies at once (a one-frame ramp).
    private void SetTarget(ref double target, ref double step, ref int framesLeft, double current, double newTarget)
    {
        if (newTarget == target) return;
        int rampFrames = _started ? _rampFrames : 1;
        target = newTarget;
        step = (newTarget - current) / rampFrames;
        framesLeft = rampFrames;
    }

    private static double Advance(ref double value, double step, double target, ref int framesLeft)
    {
        if (framesLeft > 0)
        {
            framesLeft--;
            value = framesLeft == 0 ? target : value + step;
        }
        return value;
    }

    /// <summary>Mixes interleaved input into interleaved stereo; returns unclamped bus sums too.</summary>
    public double[] Process(double[] input, int frames, double[]? unclampedMain = null)
    {
        var output = new double[frames * 2];
        _started |= frames > 0;
        for (int i = 0; i < frames; i++)
        {
            double mainL = 0, mainR = 0;
            var subL = new double[2];
            var subR = new double[2];
            for (int c = 0; c < _channels; c++)
            {
                double x = input[i * _channels + c];
                double l = x * Advance(ref _gain[c, 0], _gainStep[c, 0], _gainTarget[c, 0], ref _framesLeft[c, 0]);
                double r = x * Advance(ref _gain[c, 1], _gainStep[c, 1], _gainTarget[c, 1], ref _framesLeft[c, 1]);
                if (_toMain[c]) { mainL += l; mainR += r; }
                if (_subBus[c] >= 0) { subL[_subBus[c]] += l; subR[_subBus[c]] += r; }
                // Silent after this frame: the next one sums with the new routing.
                if (_rerouting[c] && IsSilent(c)) TakeRoutingAndGains(c);
            }
            for (int b = 0; b < 2; b++)
            {
                double g = Advance(ref _busGain[b], _busStep[b], _busTarget[b], ref _busFramesLeft[b]);
                mainL += Clamp(subL[b] * g);
                mainR += Clamp(subR[b] * g);
            }
            double gm = Advance(ref _busGain[2], _busStep[2], _busTarget[2], ref _busFramesLeft[2]);
            if (unclampedMain != null)
            {
                unclampedMain[2 * i] = mainL * gm;
                unclampedMain[2 * i + 1] = mainR * gm;
            }
            output[2 * i] = Clamp(mainL * gm);
            output[2 * i + 1] = Clamp(mainR * gm);
        }
        return output;
    }

    public static double Clamp(double x) => x > MaxSample ? MaxSample : x < -1.0 ? -1.0 : x;
}

public sealed class ChannelSettings
{
    public int TrimCentiDb;
    public int FaderCentiDb;
    public int Pan;
    public bool Mute;
    public bool Solo;
    public bool Invert;
    public bool ToMain = true;
    public int SubBus = EngineLimits.NoSubBus;
}

/// <summary>A full parameter set in user units, applicable to the engine and the model alike.</summary>
public sealed class MixParams
{
    public MixParams(int channels)
    {
        Channel = Enumerable.Range(0, channels).Select(_ => new ChannelSettings()).ToArray();
    }

    public ChannelSettings[] Channel { get; }
    public int[] SubFaderCentiDb { get; } = new int[2];
    public bool[] SubMute { get; } = new bool[2];
    public int MainFaderCentiDb { get; set; }

    public void CopyTo(MixParams other)
    {
        for (int c = 0; c < Channel.Length; c++)
        {
            var s = Channel[c];
            var d = other.Channel[c];
            (d.TrimCentiDb, d.FaderCentiDb, d.Pan, d.Mute, d.Solo, d.Invert, d.ToMain, d.SubBus) =
                (s.TrimCentiDb, s.FaderCentiDb, s.Pan, s.Mute, s.Solo, s.Invert, s.ToMain, s.SubBus);
        }
        Array.Copy(SubFaderCentiDb, other.SubFaderCentiDb, 2);
        Array.Copy(SubMute, other.SubMute, 2);
        other.MainFaderCentiDb = MainFaderCentiDb;
    }

    /// <summary>Every parameter as engine set calls, in a caller-chosen order.</summary>
    public IEnumerable<(EngineParam Param, int Index, int Value)> AsSetCalls()
    {
        for (int c = 0; c < Channel.Length; c++)
        {
            var p = Channel[c];
            yield return (EngineParam.ChannelTrimCentiDb, c, p.TrimCentiDb);
            yield return (EngineParam.ChannelFaderCentiDb, c, p.FaderCentiDb);
            yield return (EngineParam.ChannelPan, c, p.Pan);
            yield return (EngineParam.ChannelMute, c, p.Mute ? 1 : 0);
            yield return (EngineParam.ChannelSolo, c, p.Solo ? 1 : 0);
            yield return (EngineParam.ChannelInvert, c, p.Invert ? 1 : 0);
            yield return (EngineParam.ChannelToMain, c, p.ToMain ? 1 : 0);
            yield return (EngineParam.ChannelSubBus, c, p.SubBus);
        }
        for (int b = 0; b < 2; b++)
        {
            yield return (EngineParam.SubFaderCentiDb, b, SubFaderCentiDb[b]);
            yield return (EngineParam.SubMute, b, SubMute[b] ? 1 : 0);
        }
        yield return (EngineParam.MainFaderCentiDb, 0, MainFaderCentiDb);
    }

    public void ApplyTo(MixEngine engine)
    {
        foreach (var (param, index, value) in AsSetCalls()) engine.Set(param, index, value);
    }
}
