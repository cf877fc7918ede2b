using MixBox.Boards;

namespace MixBox.Hal.Sim;

/// <summary>
/// A patch cable from the DAC's left output into input 1 (ADC A, slot 0), with the board's
/// round trip: the DMA buffering (RX block + TX queue, <see cref="AnalogLatency"/>) as a whole
/// number of frames, the two converters' datasheet group delays (ADC 4.1 + DAC 3.5 samples)
/// as one linear-phase fractional delay (a Hann-windowed sinc: both filters are linear
/// phase, so their delays add), then a gain, a little Gaussian noise and the ADC's 24-bit
/// full-scale clip. Models the board's buffering whatever block size the twin's loop uses,
/// as long as a block is at most <see cref="MaxBlockFrames"/> (the sinc looks that far ahead
/// of the delay).
/// </summary>
public sealed class AnalogLoopback
{
    private const int HalfTaps = 12;
    private const int HistoryFrames = 256;
    private const double FullScale = 2147483648.0;

    private readonly double[] _taps = new double[2 * HalfTaps + 1];
    private readonly double[] _history = new double[HistoryFrames];
    private readonly int _wholeDelay;
    private readonly double _gain;
    private readonly double _noiseRms;
    private readonly Random _noise;
    private long _played;
    private long _heard;

    /// <param name="gainDb">Output to input gain of the analogue path (cable, levels).</param>
    /// <param name="noiseDbfs">Noise RMS at the ADC, re a full-scale sine's RMS.</param>
    public AnalogLoopback(double gainDb = -0.5, double noiseDbfs = -100.0, int seed = 1)
    {
        LatencyHundredthsOfSample = AnalogLatency.Board;
        _wholeDelay = LatencyHundredthsOfSample / 100;
        double fraction = LatencyHundredthsOfSample % 100 / 100.0;
        double sum = 0.0;
        for (int k = -HalfTaps; k <= HalfTaps; k++)
        {
            double t = k - fraction;
            double window = 0.5 + 0.5 * Math.Cos(Math.PI * t / (HalfTaps + 1));
            double sinc = t == 0.0 ? 1.0 : Math.Sin(Math.PI * t) / (Math.PI * t);
            _taps[k + HalfTaps] = sinc * window;
            sum += sinc * window;
        }
        for (int i = 0; i < _taps.Length; i++) _taps[i] /= sum; // unity at DC
        _gain = Math.Pow(10.0, gainDb / 20.0);
        _noiseRms = Math.Pow(10.0, noiseDbfs / 20.0) / Math.Sqrt(2.0);
        _noise = new Random(seed);
    }

    /// <summary>DAC output to ADC input, hundredths of a sample: <see cref="AnalogLatency.Board"/>.</summary>
    public int LatencyHundredthsOfSample { get; }

    /// <summary>The longest block the twin may process while the cable is in.</summary>
    public int MaxBlockFrames => _wholeDelay - HalfTaps;

    /// <summary>Writes what arrives at input 1 during the next <paramref name="frames"/> frames into slot 0 of the interleaved block.</summary>
    public void DriveInput(int[] inputBlock, int channels, int frames)
    {
        if (frames > MaxBlockFrames) throw new ArgumentException($"blocks of at most {MaxBlockFrames} frames with the loopback cable in");
        for (int i = 0; i < frames; i++, _heard++)
        {
            double y = 0.0;
            for (int k = -HalfTaps; k <= HalfTaps; k++)
            {
                long source = _heard - _wholeDelay - k;
                if (source >= 0 && source < _played) y += _history[source % HistoryFrames] * _taps[k + HalfTaps];
            }
            y = y * _gain + _noiseRms * Gaussian();
            inputBlock[i * channels] = AdcCode(y);
        }
    }

    /// <summary>Takes what the DAC played during the same frames (interleaved stereo; the left output is patched).</summary>
    public void TakeOutput(int[] stereoBlock, int frames)
    {
        for (int i = 0; i < frames; i++, _played++) _history[_played % HistoryFrames] = stereoBlock[2 * i] / FullScale;
    }

    // 24 bits left-justified, clipped at the converter's full-scale codes.
    private static int AdcCode(double y)
    {
        double code = Math.Round(y * 8388608.0);
        code = Math.Clamp(code, -8388608.0, 8388607.0);
        return (int)code * 256;
    }

    private double Gaussian()
    {
        double u1 = 1.0 - _noise.NextDouble(), u2 = _noise.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
