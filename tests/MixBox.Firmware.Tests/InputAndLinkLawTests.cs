namespace MixBox.Firmware.Tests;

/// <summary>The integer laws of the input page and of linked pairs, against double-precision models.</summary>
public class InputAndLinkLawTests
{
    [Fact]
    public void TheBalanceTableIsTheSineCosineLawToAHundredthOfADb()
    {
        for (int b = -99; b <= 99; b++)
        {
            double model = 20 * Math.Log10(Math.Cos(Math.Abs(b) / 100.0 * Math.PI / 2)) * 100;
            Assert.Equal(model, BalanceLaw.FarSideAttenuationCentiDb(b), 0.5); // rounded to the centi-dB
            int near = b <= 0 ? 0 : 1, far = 1 - near;
            Assert.Equal(-500, BalanceLaw.SideFaderCentiDb(-500, b, b == 0 ? 0 : near));
            if (b != 0) Assert.Equal(-500 + BalanceLaw.FarSideAttenuationCentiDb(b), BalanceLaw.SideFaderCentiDb(-500, b, far));
        }
        Assert.Equal(FaderLaw.OffCentiDb, BalanceLaw.SideFaderCentiDb(0, 100, 0));
        Assert.Equal(0, BalanceLaw.SideFaderCentiDb(0, 100, 1));
        Assert.Equal(FaderLaw.OffCentiDb, BalanceLaw.SideFaderCentiDb(-14000, 99, 0)); // below the fader's range: off
        Assert.Equal(FaderLaw.OffCentiDb, BalanceLaw.SideFaderCentiDb(FaderLaw.OffCentiDb, 0, 1));
    }

    [Fact]
    public void TheBalanceKnobCoversTheRangeWithACentreDeadBand()
    {
        Assert.Equal(BalanceLaw.Left, BalanceLaw.FromTravel(0));
        Assert.Equal(BalanceLaw.Right, BalanceLaw.FromTravel(FaderLaw.FullTravel));
        for (int t = 1966; t <= 2130; t++) Assert.Equal(0, BalanceLaw.FromTravel(t));
        Assert.Equal(-1, BalanceLaw.FromTravel(1965));
        Assert.Equal(1, BalanceLaw.FromTravel(2131));
        for (int b = -100; b <= 100; b++) Assert.Equal(b, BalanceLaw.FromTravel(BalanceLaw.TravelFromBalance(b)));
        for (int t = 1; t <= FaderLaw.FullTravel; t++) Assert.True(BalanceLaw.FromTravel(t) >= BalanceLaw.FromTravel(t - 1));
    }

    [Fact]
    public void TheGainKnobGivesEveryWholeDbFrom0To42()
    {
        for (int db = 0; db <= InputGain.MaxDb; db++) Assert.Equal(db, InputGain.DbFromTravel(InputGain.TravelFromDb(db)));
        Assert.Equal(0, InputGain.DbFromTravel(0));
        Assert.Equal(InputGain.MaxDb, InputGain.DbFromTravel(FaderLaw.FullTravel));
        // Each step is wider than the knob's hysteresis band, so a resting knob never flickers the gain.
        var widths = Enumerable.Range(0, FaderLaw.FullTravel + 1).GroupBy(InputGain.DbFromTravel).Select(g => g.Count());
        Assert.All(widths, w => Assert.True(w > 4 * KnobFilter.Hysteresis));
        Assert.Equal(0, InputGain.LadderSegments(1, 12));
        Assert.Equal(1, InputGain.LadderSegments(2, 12));
        Assert.Equal(12, InputGain.LadderSegments(42, 12));
    }

    [Theory]
    [InlineData(0, -4130, 29)]    // -41.3 dBFS: +29.3 dB needed
    [InlineData(0, -1780, 6)]     // +5.8
    [InlineData(10, -2250, 21)]   // +10.5 rounds up
    [InlineData(0, -400, 0)]      // too hot: no gain below 0 dB
    [InlineData(0, -7000, 42)]    // too quiet: the most there is
    [InlineData(30, -1200, 30)]   // already there
    public void AutoGainPicksTheNearestWholeDb(int gain, int peak, int expected)
    {
        Assert.Equal(expected, AutoGain.GainFor(gain, peak));
    }
}
