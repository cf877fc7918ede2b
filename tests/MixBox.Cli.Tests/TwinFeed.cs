using MixBox.Twin;

namespace MixBox.Cli.Tests;

/// <summary>
/// Continuous analogue signals at the twin's eight input jacks, run tick by tick between panel
/// actions: each input is a function of the frame number (Q1.31 re the ADC's full scale at
/// 0 dB gain), and the stereo output of every run is kept.
/// </summary>
public sealed class TwinFeed
{
    private readonly BoxTwin _twin;
    private readonly Func<long, double>?[] _inputs = new Func<long, double>?[BoxTwin.Channels];
    private long _frame;

    public TwinFeed(BoxTwin twin) => _twin = twin;

    /// <summary>Every output frame so far: left, right (Q1.31), in order.</summary>
    public List<int> Output { get; } = new();

    public TwinFeed Set(int channel, Func<long, double>? signal)
    {
        _inputs[channel] = signal;
        return this;
    }

    /// <summary>Runs <paramref name="ticks"/> control ticks; returns the output of just these (interleaved stereo).</summary>
    public int[] Run(int ticks)
    {
        int frames = ticks * BoxTwin.TickFrames;
        var input = new int[frames * BoxTwin.Channels];
        for (int i = 0; i < frames; i++, _frame++)
            for (int c = 0; c < BoxTwin.Channels; c++)
                if (_inputs[c] is { } signal)
                    input[i * BoxTwin.Channels + c] = (int)Math.Round(Math.Clamp(signal(_frame), -1.0, 1.0 - 1e-9) * 2147483648.0);
        var output = _twin.Run(input);
        Output.AddRange(output);
        return output;
    }

    /// <summary>Runs tick by tick and returns the highest pre-fader peak of <paramref name="channel"/> the firmware read, centi-dB.</summary>
    public int MaxPreFaderPeak(int channel, int ticks)
    {
        int peak = int.MinValue;
        for (int t = 0; t < ticks; t++)
        {
            Run(1);
            peak = Math.Max(peak, _twin.App.Meters.PreFaderPeak(channel));
        }
        return peak;
    }

    /// <summary>Presses and releases a key while the signals go on.</summary>
    public void Press(int key)
    {
        _twin.HoldKey(key, true);
        Run(4);
        _twin.HoldKey(key, false);
        Run(4);
    }

    /// <summary>Holds a key down (or lets it go) and runs long enough for the debouncer.</summary>
    public void Hold(int key, bool down)
    {
        _twin.HoldKey(key, down);
        Run(4);
    }

    /// <summary>Turns a knob to a travel and lets the knob filter settle there.</summary>
    public void Turn(int knob, int travel)
    {
        _twin.SetKnob(knob, travel);
        Run(20);
    }

    public static Func<long, double> Sine(double dbfs, double hz) =>
        n => Math.Pow(10, dbfs / 20) * Math.Sin(2 * Math.PI * hz * n / BoxTwin.SampleRate);

    public static Func<long, double> Dc(double dbfs) => _ => Math.Pow(10, dbfs / 20);

    /// <summary>
    /// A stem that repeats every second: four plucked notes (two partials each, decaying),
    /// scaled so its sample peak is exactly <paramref name="peakDbfs"/>.
    /// </summary>
    public static Func<long, double> Stem(double peakDbfs, int seed)
    {
        var random = new Random(seed);
        var loop = new double[BoxTwin.SampleRate];
        for (int note = 0; note < 4; note++)
        {
            double f = 110 * Math.Pow(2, random.Next(0, 24) / 12.0), a = 0.5 + random.NextDouble();
            int start = note * BoxTwin.SampleRate / 4;
            for (int i = 0; i < BoxTwin.SampleRate / 4; i++)
            {
                double t = i / (double)BoxTwin.SampleRate, env = Math.Exp(-t * 12);
                loop[start + i] += a * env * (Math.Sin(2 * Math.PI * f * t) + 0.4 * Math.Sin(2 * Math.PI * 3 * f * t + 1));
            }
        }
        double scale = Math.Pow(10, peakDbfs / 20) / loop.Max(Math.Abs);
        for (int i = 0; i < loop.Length; i++) loop[i] *= scale;
        return n => loop[n % loop.Length];
    }
}
