using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The engine against the double-precision model on realistic mixes.
/// Tolerances: error RMS below -140 dBFS (the bound) and every sample within
/// 2^-21 of full scale (-126 dBFS): coefficients are Q24, so each of 8 channels may be
/// off by half a Q24 LSB of its gain, 8 x 2^-25 = 2^-22, doubled for margin.
/// </summary>
public class ReferenceModelTests
{
    private readonly ITestOutputHelper _output;

    public ReferenceModelTests(ITestOutputHelper output) => _output = output;

    private static void Randomise(MixParams p, Random random)
    {
        foreach (var ch in p.Channel)
        {
            ch.TrimCentiDb = random.Next(-600, 601);
            ch.FaderCentiDb = random.Next(-4000, 601);
            ch.Pan = random.Next(-100, 101);
            ch.Invert = random.Next(4) == 0;
            ch.ToMain = random.Next(3) != 0;
            ch.SubBus = random.Next(3) - 1;
        }
        p.SubFaderCentiDb[0] = random.Next(-2000, 601);
        p.SubFaderCentiDb[1] = random.Next(-2000, 601);
        p.MainFaderCentiDb = random.Next(-1200, 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RandomMixWithParameterChangesMatchesModel(int seed)
    {
        const int frames = 24000;
        int[] changeAt = { 0, 5000, 12345 };
        var random = new Random(seed);
        var input = EngineFixtures.EightChannelMaterial(frames, 0.05, seed);
        var model = new ReferenceMixer(EngineFixtures.SampleRate, 8);
        using var engine = new MixEngine(EngineFixtures.SampleRate, 8);

        var engineOut = new List<int>();
        var modelOut = new List<double>();
        for (int k = 0; k < changeAt.Length; k++)
        {
            Randomise(model.Params, random);
            model.Params.ApplyTo(engine);
            model.Retarget();
            int start = changeAt[k];
            int end = k + 1 < changeAt.Length ? changeAt[k + 1] : frames;
            var segment = input[(start * 8)..(end * 8)];
            engineOut.AddRange(Render.Run(engine, segment, 32));
            modelOut.AddRange(model.Process(Signals.ToDouble(segment), end - start));
        }

        var error = engineOut.Select((v, i) => v / Signals.FullScale - modelOut[i]).ToArray();
        double rmsDb = Signals.Dbfs(Signals.Rms(error));
        double maxLsb = error.Max(Math.Abs) * Signals.FullScale;
        _output.WriteLine($"seed {seed}: error RMS {rmsDb:F1} dBFS, max {maxLsb:F1} Q31 LSB ({maxLsb / 256:F3} 24-bit LSB)");

        Assert.True(modelOut.Max(Math.Abs) > 0.02, "the mix must carry signal");
        Assert.True(rmsDb < -140, $"error RMS {rmsDb:F1} dBFS");
        Assert.True(maxLsb < 1024, $"max error {maxLsb:F1} Q31 LSB");
    }
}
