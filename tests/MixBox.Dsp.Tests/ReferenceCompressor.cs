namespace MixBox.Dsp.Tests;

/// <summary>
/// Double-precision model of the bus compressor, written from Giannoulis, Massberg and
/// Reiss (JAES 2012): level in dB, gain computer with the quadratic knee (eq. 4),
/// smooth decoupled peak detector on the gain reduction (eq. 17), one-pole
/// coefficients exp(-1/(t fs)); make-up, then the wet/dry mix.
/// </summary>
public sealed class ReferenceCompressor
{
    private readonly double _attack, _release;
    private double _peak, _smooth;

    public ReferenceCompressor(double thresholdDb, double ratio, double kneeDb, double attackSeconds, double releaseSeconds,
        double makeupDb = 0, double mix = 1, bool linkAverage = false, int sampleRate = 48000)
    {
        (ThresholdDb, Ratio, KneeDb, MakeupDb, Mix, LinkAverage) = (thresholdDb, ratio, kneeDb, makeupDb, mix, linkAverage);
        _attack = Math.Exp(-1 / (attackSeconds * sampleRate));
        _release = Math.Exp(-1 / (releaseSeconds * sampleRate));
    }

    public double ThresholdDb { get; }
    public double Ratio { get; }
    public double KneeDb { get; }
    public double MakeupDb { get; }
    public double Mix { get; }
    public bool LinkAverage { get; }
    public double GainReductionDb => _smooth;

    /// <summary>Static gain reduction (dB, >= 0) for an input level in dB.</summary>
    public static double GainComputer(double levelDb, double thresholdDb, double ratio, double kneeDb)
    {
        double over = levelDb - thresholdDb;
        double output;
        if (2 * over < -kneeDb) output = levelDb;
        else if (kneeDb > 0 && 2 * Math.Abs(over) <= kneeDb) output = levelDb + (1 / ratio - 1) * Math.Pow(over + kneeDb / 2, 2) / (2 * kneeDb);
        else output = thresholdDb + over / ratio;
        return levelDb - output;
    }

    public (double Left, double Right) Process(double left, double right)
    {
        double level = LinkAverage ? (Math.Abs(left) + Math.Abs(right)) / 2 : Math.Max(Math.Abs(left), Math.Abs(right));
        double levelDb = level > 0 ? 20 * Math.Log10(level) : -240;
        double reduction = GainComputer(levelDb, ThresholdDb, Ratio, KneeDb);
        _peak = Math.Max(reduction, _release * _peak + (1 - _release) * reduction);
        _smooth = _attack * _smooth + (1 - _attack) * _peak;
        double gain = Math.Pow(10, (MakeupDb - _smooth) / 20);
        return (Mix * left * gain + (1 - Mix) * left, Mix * right * gain + (1 - Mix) * right);
    }
}
