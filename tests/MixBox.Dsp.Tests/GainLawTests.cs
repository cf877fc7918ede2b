namespace MixBox.Dsp.Tests;

/// <summary>The integer conversions between user units and coefficients, against double math.</summary>
public class GainLawTests
{
    private static readonly double Q40 = Math.Pow(2, 40);
    private static readonly double Q30 = Math.Pow(2, 30);

    [Fact]
    public void CentiDbToGainIsAccurateOverTheWholeRange()
    {
        double worst = 0;
        for (int cdb = -18000; cdb <= 3999; cdb++)
        {
            double exact = Math.Pow(10, cdb / 2000.0) * Q40;
            double actual = NativeInternals.mixbox_gain_from_cdb_q40(cdb);
            // Relative 2^-28 (each table entry is rounded to 2^-29), or 1 LSB where the
            // value itself is only a few thousand LSBs.
            double error = Math.Abs(actual - exact);
            Assert.True(error <= Math.Max(1.0, exact * Math.Pow(2, -28)), $"{cdb} cdB: {actual} vs {exact:F1}");
            if (cdb >= -6000) worst = Math.Max(worst, error / exact);
        }
        Assert.Equal(Math.Pow(2, 40), NativeInternals.mixbox_gain_from_cdb_q40(0)); // unity is exact
        Assert.Equal(0, NativeInternals.mixbox_gain_from_cdb_q40(4000));            // out of range -> 0
        Assert.True(worst < 4e-9, $"worst relative error above -60 dB {worst:E2}");
    }

    [Fact]
    public void PanLawIsConstantPowerWithMinus3DbCentre()
    {
        for (int pan = -100; pan <= 100; pan++)
        {
            double left = NativeInternals.mixbox_pan_left_q30(pan) / Q30, right = NativeInternals.mixbox_pan_right_q30(pan) / Q30;
            Assert.Equal(ReferenceMixer.PanLeft(pan), left, 1e-9);
            Assert.Equal(ReferenceMixer.PanRight(pan), right, 1e-9);
            Assert.Equal(1.0, left * left + right * right, 1e-8);
        }
        Assert.Equal(-3.0103, Signals.Dbfs(NativeInternals.mixbox_pan_left_q30(0) / Q30), 3);
        Assert.Equal(1 << 30, NativeInternals.mixbox_pan_left_q30(-100));
        Assert.Equal(0, NativeInternals.mixbox_pan_right_q30(-100));
    }

    [Fact]
    public void Log2AndLevelConversionsAreAccurate()
    {
        var random = new Random(4);
        for (int i = 0; i < 5000; i++)
        {
            ulong x = (ulong)random.NextInt64(1, long.MaxValue) >> random.Next(63);
            if (x == 0) continue;
            Assert.Equal(Math.Log2(x), NativeInternals.mixbox_log2_q16(x) / 65536.0, Math.Pow(2, -15));
        }
        Assert.Equal(-1, NativeInternals.mixbox_log2_q16(0));
        Assert.Equal(0, NativeInternals.mixbox_peak_to_cdb(1u << 31));
        Assert.Equal(-602, NativeInternals.mixbox_peak_to_cdb(1u << 30));
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, NativeInternals.mixbox_peak_to_cdb(0));
        for (int i = 0; i < 2000; i++)
        {
            uint magnitude = (uint)random.NextInt64(1, 1L << 31);
            double exact = 2000 * Math.Log10(magnitude / Math.Pow(2, 31));
            Assert.InRange(NativeInternals.mixbox_peak_to_cdb(magnitude), exact - 1, exact + 1);
        }
        // Mean square of a full-scale square wave (24-bit codes) is 0 dB.
        Assert.Equal(0, NativeInternals.mixbox_mean_square_to_cdb((ulong)480 << 46, 480));
    }
}
