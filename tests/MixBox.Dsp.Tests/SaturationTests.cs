using CsCheck;

namespace MixBox.Dsp.Tests;

/// <summary>Overload must clip cleanly at full scale, never wrap around.</summary>
public class SaturationTests
{
    private const int Frames = 1024;

    [Fact]
    public void EightFullScaleSquaresAtPlus12DbSaturateCleanly()
    {
        using var engine = new MixEngine(EngineFixtures.SampleRate, 8);
        for (int c = 0; c < 8; c++)
        {
            engine.SetChannelTrim(c, EngineLimits.TrimMaxCentiDb);
            engine.SetChannelFader(c, EngineLimits.FaderMaxCentiDb);
        }
        var square = Signals.Square(Frames, 96, 0x7FFFFF00);
        var output = Render.Run(engine, Signals.Interleave(square, square, square, square, square, square, square, square), 32);

        for (int i = 0; i < Frames; i++)
        {
            int expected = square[i] > 0 ? int.MaxValue : int.MinValue;
            Assert.Equal(expected, output[2 * i]);
            Assert.Equal(expected, output[2 * i + 1]);
        }
        Assert.True(engine.ReadMeter(MeterId.MainLeft).Clipped);
    }

    /// <summary>
    /// With neither the safety clip nor dither (the engine's defaults) the output stage is the
    /// bare saturation: each side clips on its own at full scale and flags only its own over,
    /// and a side that stays inside full scale passes untouched.
    /// </summary>
    [Fact]
    public void AnOverOnOneSideSaturatesAndFlagsOnlyThatSide()
    {
        using var engine = new MixEngine(EngineFixtures.SampleRate, 2);
        engine.SetChannelPan(0, -100);
        engine.SetChannelFader(0, EngineLimits.FaderMaxCentiDb); // +12 dB on a -1 dBFS sine: 11 dB over
        engine.SetChannelPan(1, 100);
        var sine = Signals.Sine(Frames, 997, Math.Pow(10, -1 / 20.0));
        var output = Render.Run(engine, Signals.Interleave(sine, sine), 32);

        double gain = Math.Pow(10, EngineLimits.FaderMaxCentiDb / 2000.0);
        int clippedSamples = 0;
        for (int i = 0; i < Frames; i++)
        {
            double expected = Math.Clamp(sine[i] * gain, int.MinValue, int.MaxValue);
            Assert.InRange(output[2 * i] - expected, -256, 256);
            if (output[2 * i] == int.MaxValue || output[2 * i] == int.MinValue) clippedSamples++;
            Assert.Equal(sine[i], output[2 * i + 1]); // hard right at 0 dB: bit-exact
        }
        Assert.True(clippedSamples > Frames / 2, $"only {clippedSamples} samples at full scale");
        Assert.True(engine.ReadMeter(MeterId.MainLeft).Clipped);
        Assert.False(engine.ReadMeter(MeterId.MainRight).Clipped);
    }

    private static readonly Gen<ChannelSettings> GenChannel = Gen.Select(
        Gen.Int[EngineLimits.TrimMinCentiDb, EngineLimits.TrimMaxCentiDb],
        Gen.OneOf(Gen.Int[EngineLimits.FaderOffCentiDb, EngineLimits.FaderMaxCentiDb], Gen.Int[0, EngineLimits.FaderMaxCentiDb]),
        Gen.Int[-100, 100], Gen.Bool, Gen.Int[0, 7], Gen.Bool, Gen.Bool, Gen.Int[-1, 1],
        (trim, fader, pan, mute, solo, invert, toMain, sub) => new ChannelSettings
        {
            TrimCentiDb = trim, FaderCentiDb = fader, Pan = pan, Mute = mute,
            Solo = solo == 0, Invert = invert, ToMain = toMain, SubBus = sub,
        });

    private static readonly Gen<MixParams> GenParams = Gen.Select(
        GenChannel.Array[8], Gen.Int[-2400, EngineLimits.FaderMaxCentiDb].Array[3], Gen.Bool.Array[2],
        (channels, faders, subMutes) =>
        {
            var p = new MixParams(8);
            for (int c = 0; c < 8; c++) p.Channel[c] = channels[c];
            p.SubFaderCentiDb[0] = faders[0];
            p.SubFaderCentiDb[1] = faders[1];
            p.MainFaderCentiDb = faders[2];
            p.SubMute[0] = subMutes[0];
            p.SubMute[1] = subMutes[1];
            return p;
        });

    // Input kinds: full-scale squares, arbitrary 32-bit words, and the two extreme codes.
    private static readonly Gen<int[]> GenInput = Gen.OneOf(
        Gen.Int[16, 400].Select(period => Signals.Interleave(
            Enumerable.Range(0, 8).Select(c => Signals.Square(Frames, period + 2 * c, 0x7FFFFF00)).ToArray())),
        Gen.Int.Array[Frames * 8],
        Gen.Bool.Array[Frames * 8].Select(bits => bits.Select(b => b ? int.MaxValue : int.MinValue).ToArray()));

    [Fact]
    public void AnyParametersAndInputClipAtFullScaleAndNeverWrap()
    {
        Gen.Select(GenParams, GenInput).Sample((p, input) =>
        {
            var model = new ReferenceMixer(EngineFixtures.SampleRate, 8);
            p.CopyTo(model.Params);
            model.Retarget();
            using var engine = new MixEngine(EngineFixtures.SampleRate, 8);
            p.ApplyTo(engine);

            var output = Render.Run(engine, input, 32);
            var unclamped = new double[Frames * 2];
            var expected = model.Process(Signals.ToDouble(input), Frames, unclamped);

            double allGains = Gains(p);
            for (int i = 0; i < Frames * 2; i++)
            {
                double actual = output[i] / Signals.FullScale;
                // Coefficients are Q24: each may be off by 2^-25 of full scale per unit of
                // signal it scales, and bus faders scale those errors again.
                double tolerance = Math.Pow(2, -23) * allGains + Math.Pow(2, -30);
                if (Math.Abs(actual - expected[i]) > tolerance)
                    throw new Exception($"sample {i}: engine {actual:R}, model {expected[i]:R} (tolerance {tolerance:E2})");
                if (unclamped[i] > 1 + tolerance && output[i] != int.MaxValue)
                    throw new Exception($"sample {i}: sum {unclamped[i]:F4} must clip to +FS, got {output[i]}");
                if (unclamped[i] < -1 - tolerance && output[i] != int.MinValue)
                    throw new Exception($"sample {i}: sum {unclamped[i]:F4} must clip to -FS, got {output[i]}");
            }
        }, iter: 120, threads: 1);
    }

    /// <summary>An upper bound of the total gain applied to all inputs, for the error budget.</summary>
    private static double Gains(MixParams p)
    {
        double bus = Math.Max(1, ReferenceMixer.DbToGain(Math.Max(p.SubFaderCentiDb[0], p.SubFaderCentiDb[1]) / 100.0));
        double main = Math.Max(1, ReferenceMixer.DbToGain(p.MainFaderCentiDb / 100.0));
        double channels = p.Channel.Sum(c => Math.Max(1, ReferenceMixer.DbToGain((c.TrimCentiDb + c.FaderCentiDb) / 100.0)));
        return channels * bus * main * 2;
    }
}

/// <summary>The engine's largest configuration at its largest gains: the headroom bound itself.</summary>
public class WorstCaseHeadroomTests
{
    [Theory]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void SixteenChannelsAtMaximumGainEverywhereClipWithTheRightSign(int sample)
    {
        using var engine = new MixEngine(48000, EngineLimits.MaxChannels);
        for (int c = 0; c < EngineLimits.MaxChannels; c++)
        {
            engine.SetChannelTrim(c, EngineLimits.TrimMaxCentiDb);
            engine.SetChannelFader(c, EngineLimits.FaderMaxCentiDb);
            engine.SetChannelPan(c, c % 2 == 0 ? -100 : 100);
            engine.SetChannelRoute(c, toMain: true, subBus: c % 2);
        }
        engine.SetSubFader(0, EngineLimits.FaderMaxCentiDb);
        engine.SetSubFader(1, EngineLimits.FaderMaxCentiDb);
        engine.SetMainFader(EngineLimits.FaderMaxCentiDb);

        var input = Enumerable.Repeat(sample, 256 * EngineLimits.MaxChannels).ToArray();
        var output = new int[512];
        engine.Process(input, output, 256);

        int expected = sample < 0 ? int.MinValue : int.MaxValue;
        Assert.All(output, v => Assert.Equal(expected, v));
        Assert.True(engine.ReadMeter(MeterId.SubLeft(0)).Clipped);
        Assert.True(engine.ReadMeter(MeterId.MainRight).Clipped);
    }
}
