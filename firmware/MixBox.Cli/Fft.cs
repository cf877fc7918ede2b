namespace MixBox.Cli;

/// <summary>In-place radix-2 complex FFT (decimation in time), double precision, for the twin's analyses.</summary>
public sealed class Fft
{
    private readonly int _size;
    private readonly double[] _cos, _sin;
    private readonly int[] _reversed;

    public Fft(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0) throw new ArgumentException("the FFT size must be a power of two", nameof(size));
        _size = size;
        _cos = new double[size / 2];
        _sin = new double[size / 2];
        for (int k = 0; k < size / 2; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / size);
            _sin[k] = -Math.Sin(2 * Math.PI * k / size);
        }
        int bits = System.Numerics.BitOperations.Log2((uint)size);
        _reversed = new int[size];
        for (int i = 0; i < size; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
            _reversed[i] = r;
        }
    }

    public int Size => _size;

    /// <summary>Transforms (re, im) in place: X[k] = Σ x[n]·e^(−2πikn/N).</summary>
    public void Forward(double[] re, double[] im)
    {
        for (int i = 0; i < _size; i++)
        {
            int j = _reversed[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        for (int half = 1; half < _size; half *= 2)
        {
            int step = _size / (2 * half);
            for (int start = 0; start < _size; start += 2 * half)
                for (int k = 0; k < half; k++)
                {
                    double c = _cos[k * step], s = _sin[k * step];
                    int a = start + k, b = a + half;
                    double tr = re[b] * c - im[b] * s, ti = re[b] * s + im[b] * c;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
        }
    }
}
