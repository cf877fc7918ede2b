namespace MixBox.Cli;

/// <summary>
/// What <c>mixbox compare</c> measures of a stereo signal beside the box's loudness meter, streamed
/// (memory independent of the length): the long-term one-third-octave spectrum (Welch: Hann
/// windows of 32768 frames, half overlapped, L and R powers summed), the phase correlation
/// Σlr/√(Σl²·Σr²) and the width 10·log10(Σs²/Σm²) with m = (l+r)/2, s = (l−r)/2.
/// </summary>
public sealed class TrackAnalysis
{
    private const int Size = 32768, Hop = Size / 2;
    private static readonly Fft Transform = new(Size);
    private static readonly double[] Hann = Enumerable.Range(0, Size).Select(n => 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / Size)).ToArray();

    private readonly int _rate;
    private readonly double[] _left = new double[Size], _right = new double[Size];
    private readonly double[] _re = new double[Size], _im = new double[Size];
    private readonly double[] _leftRe = new double[Size / 2 + 1], _leftIm = new double[Size / 2 + 1];
    private readonly double[] _power = new double[Size / 2 + 1];
    private int _filled;
    private long _windows;
    private double _ll, _rr, _lr, _mm, _ss;
    private double _lowLl, _lowRr, _lowLr, _lowMm, _lowSs;

    /// <summary>Where "the low end" ends for the vinyl checks (Hz): below it a lacquer wants the bass centred.</summary>
    public const double LowEndHz = 150;

    public TrackAnalysis(int sampleRate) => _rate = sampleRate;

    /// <summary>Adds interleaved stereo Q1.31 frames (the engine's output).</summary>
    public void Add(int[] stereo, int frames)
    {
        const double scale = 1.0 / 2147483648.0;
        for (int i = 0; i < frames; i++)
        {
            double l = stereo[2 * i] * scale, r = stereo[2 * i + 1] * scale;
            _ll += l * l;
            _rr += r * r;
            _lr += l * r;
            double m = (l + r) / 2, s = (l - r) / 2;
            _mm += m * m;
            _ss += s * s;
            _left[_filled] = l;
            _right[_filled] = r;
            if (++_filled == Size) Window();
        }
    }

    private void Window()
    {
        double binHz = (double)_rate / Size;
        for (int side = 0; side < 2; side++)
        {
            double[] channel = side == 0 ? _left : _right;
            for (int n = 0; n < Size; n++)
            {
                _re[n] = channel[n] * Hann[n];
                _im[n] = 0;
            }
            Transform.Forward(_re, _im);
            for (int k = 0; k <= Size / 2; k++) _power[k] += _re[k] * _re[k] + _im[k] * _im[k];
            if (side == 0)
            {
                Array.Copy(_re, _leftRe, _leftRe.Length);
                Array.Copy(_im, _leftIm, _leftIm.Length);
                continue;
            }
            // Below the low-end limit: the cross-spectrum gives the correlation and width of the bass alone.
            for (int k = 1; k * binHz < LowEndHz; k++)
            {
                double lr = _leftRe[k], li = _leftIm[k], rr = _re[k], ri = _im[k];
                _lowLl += lr * lr + li * li;
                _lowRr += rr * rr + ri * ri;
                _lowLr += lr * rr + li * ri;
                _lowMm += ((lr + rr) * (lr + rr) + (li + ri) * (li + ri)) / 4;
                _lowSs += ((lr - rr) * (lr - rr) + (li - ri) * (li - ri)) / 4;
            }
        }
        _windows++;
        Array.Copy(_left, Hop, _left, 0, Size - Hop);
        Array.Copy(_right, Hop, _right, 0, Size - Hop);
        _filled = Size - Hop;
    }

    /// <summary>Phase correlation of the content below <see cref="LowEndHz"/> (0 when a side has none).</summary>
    public double LowEndCorrelation => _lowLl > 0 && _lowRr > 0 ? _lowLr / Math.Sqrt(_lowLl * _lowRr) : 0;

    /// <summary>Side against mid below <see cref="LowEndHz"/>, in dB.</summary>
    public double LowEndWidthDb => 10 * Math.Log10(_lowSs / _lowMm);

    /// <summary>Phase correlation −1 … +1 (0 when a side is silent).</summary>
    public double Correlation => _ll > 0 && _rr > 0 ? _lr / Math.Sqrt(_ll * _rr) : 0;

    /// <summary>Side against mid in dB (−∞ for mono, +∞ for a signal with no mid).</summary>
    public double WidthDb => 10 * Math.Log10(_ss / _mm);

    /// <summary>
    /// Band levels: the band's mean-square power, L and R summed, in dB against a full-scale sine in
    /// one channel (−∞ for an empty band). A track shorter than one window is padded with silence
    /// into a single window.
    /// </summary>
    public double[] BandLevelsDb()
    {
        if (_windows == 0 && _filled > 0)
        {
            Array.Clear(_left, _filled, Size - _filled);
            Array.Clear(_right, _filled, Size - _filled);
            _filled = Size;
            Window();
        }
        // Parseval for a Hann-windowed frame: Σ_k |X[k]|² = N·Σ(x·w)², Σw² = 3N/8; one-sided bins count twice.
        double toMeanSquare = 2.0 / (_windows * (double)Size * (3.0 * Size / 8));
        var bands = new double[ThirdOctaveBands.Count];
        double binHz = (double)_rate / Size;
        for (int b = 0; b < bands.Length; b++)
        {
            double sum = 0;
            for (int k = 1; k <= Size / 2; k++)
            {
                double f = k * binHz;
                if (f >= ThirdOctaveBands.Lower(b) && f < ThirdOctaveBands.Upper(b)) sum += _power[k];
            }
            bands[b] = sum > 0 ? 10 * Math.Log10(2 * sum * toMeanSquare) : double.NegativeInfinity; // 2·MS: a full-scale sine reads 0 dB
        }
        return bands;
    }
}
