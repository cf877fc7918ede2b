using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// EBU Tech 3342 (2023) Table 1, loudness range (LRA), generated from the table's descriptions
/// (stereo 1 kHz, in phase, 20 s per tone, 48 kHz, 24-bit), tolerance ±1 LU as in the table.
/// The meter is reset (a fresh instance) before each measurement.
///
/// Cases 5 and 6 (authentic programmes, narrow and wide loudness range) are recordings
/// distributed by the EBU as files; they cannot be generated from the description and are not
/// covered here.
/// </summary>
public class EbuTech3342Tests
{
    private const int Rate = 48000;
    private readonly ITestOutputHelper _output;

    public EbuTech3342Tests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(1, 10.0, new[] { -20.0, -30.0 })]
    [InlineData(2, 5.0, new[] { -20.0, -15.0 })]
    [InlineData(3, 20.0, new[] { -40.0, -20.0 })]
    [InlineData(4, 15.0, new[] { -50.0, -35.0, -20.0, -35.0, -50.0 })]
    public void LoudnessRangeOfToneSteps(int testCase, double expectedLu, double[] levels)
    {
        using var meter = new LoudnessMeter(Rate);
        meter.Process(LoudnessSignals.ToneSequence(Rate, levels.Select(l => (20.0, (double?)l))), 480);
        var r = meter.Read();
        _output.WriteLine($"Tech 3342 case {testCase}: expected LRA {expectedLu:F1} LU, measured {r.Range:F2}, deviation {r.Range - expectedLu:+0.00;-0.00}");
        Assert.InRange(r.Range, expectedLu - 1.0, expectedLu + 1.0);
        Assert.Equal(levels.Length * 20 >= 60, r.RangeStable); // flagged stable after 60 s (Tech 3341 section 2.4)
    }

    /// <summary>Tech 3342: "the expected response is unchanged if the test signal is repeated".</summary>
    [Fact]
    public void Case1RepeatedGivesTheSameRange()
    {
        var once = LoudnessSignals.ToneSequence(Rate, new (double, double?)[] { (20, -20), (20, -30) });
        using var meter = new LoudnessMeter(Rate);
        meter.Process(once, 480);
        double single = meter.Read().Range;
        meter.Process(once, 480);
        meter.Process(once, 480);
        double repeated = meter.Read().Range;
        _output.WriteLine($"Tech 3342 case 1 once: {single:F2} LU, three times: {repeated:F2} LU");
        Assert.InRange(repeated, 9.0, 11.0);
        Assert.InRange(repeated - single, -0.2, 0.2);
    }
}
