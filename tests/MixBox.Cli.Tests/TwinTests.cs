using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli.Tests;

/// <summary>The box end to end in the twin: knobs and keys on the simulated panel, audio through the engine.</summary>
public class TwinTests
{
    private const int Ticks = 30; // 300 ms per step

    /// <summary>Eight tones at -20 dBFS, distinct per input, whole ticks long; `only` keeps one input.</summary>
    private static int[] Tones(int ticks, int only = -1, int silence = -1)
    {
        int frames = ticks * BoxTwin.TickFrames;
        var x = new int[frames * 8];
        for (int i = 0; i < frames; i++)
            for (int c = 0; c < 8; c++)
                if ((only < 0 || c == only) && c != silence)
                    x[i * 8 + c] = (int)(0.1 * Math.Sin(2 * Math.PI * (150 + 110 * c) * i / 48000.0) * 8388607) * 256;
        return x;
    }

    private static BoxTwin NewTwin(MemorySettingsStorage? storage = null, Action<BoxTwin>? beforeBoot = null) =>
        new(storage ?? new MemorySettingsStorage(), beforeBoot);

    [Fact]
    public void TurningChannel3UpRaisesItsMeterAndTheBusMeter()
    {
        using var twin = NewTwin();
        twin.SetKnob(2, FaderLaw.TravelFromCentiDb(-3000));
        twin.Run(Tones(10 * Ticks, only: 2)); // 3 s: the bar falls 11.8 dB/s from where it was
        int channelLow = twin.App.View.ChannelMeter(2).LevelCentiDb;
        int busLow = twin.LitLeds(MixBoxS3Board.LedBusMeterLeftFirst, MixBoxS3Board.BusMeterSegments);

        twin.SetKnob(2, FaderLaw.TravelFromCentiDb(1000));
        twin.Run(Tones(Ticks, only: 2));
        int channelHigh = twin.App.View.ChannelMeter(2).LevelCentiDb;
        int busHigh = twin.LitLeds(MixBoxS3Board.LedBusMeterLeftFirst, MixBoxS3Board.BusMeterSegments);

        Assert.InRange(channelHigh - channelLow, 3800, 4200);  // the knob moved 40 dB
        Assert.True(busHigh > busLow + 2, $"bus meter {busLow} -> {busHigh} segments");
        Assert.True(twin.Led(MixBoxS3Board.LedSignalFirst + 2));
        Assert.False(twin.Led(MixBoxS3Board.LedSignalFirst + 3), "a silent input shows no signal");
        Assert.Equal(1000, twin.App.Scene.FaderCentiDb[2], 30.0);
    }

    [Fact]
    public void MuteKeyRemovesTheChannelBitExactly()
    {
        using var muted = NewTwin();
        muted.PressKey(MixBoxS3Board.KeyMuteFirst + 4);
        using var without = NewTwin();
        without.Run(new int[8 * BoxTwin.TickFrames * 8]); // the same number of frames (and dither draws) as the key press took

        Assert.True(muted.App.Scene.Mute[4]);
        Assert.Equal(without.Run(Tones(Ticks, silence: 4)), muted.Run(Tones(Ticks)));
    }

    [Fact]
    public void SoloKeyLeavesOnlyThatChannel()
    {
        using var soloed = NewTwin();
        soloed.PressKey(MixBoxS3Board.KeySoloFirst + 6);
        using var alone = NewTwin();
        alone.Run(new int[8 * BoxTwin.TickFrames * 8]);

        Assert.Equal(alone.Run(Tones(Ticks, only: 6)), soloed.Run(Tones(Ticks)));
        soloed.PressKey(MixBoxS3Board.KeySoloFirst + 6); // and back
        Assert.False(soloed.App.Scene.Solo[6]);
    }

    [Fact]
    public void CompressorKeyTogglesGainReduction()
    {
        using var twin = NewTwin();
        twin.SetKnob(MixBoxS3Board.KnobCompressorAmount, CompressorAmount.TravelFromThreshold(-3000));
        twin.Run(Tones(Ticks));
        Assert.Equal(0, twin.LitLeds(MixBoxS3Board.LedGainReductionFirst, MixBoxS3Board.GainReductionSegments));
        Assert.False(twin.Led(MixBoxS3Board.LedCompressorIn));

        twin.PressKey(MixBoxS3Board.KeyCompressorIn);
        twin.Run(Tones(Ticks));
        Assert.True(twin.Led(MixBoxS3Board.LedCompressorIn));
        Assert.True(twin.LitLeds(MixBoxS3Board.LedGainReductionFirst, MixBoxS3Board.GainReductionSegments) >= 2);

        twin.PressKey(MixBoxS3Board.KeyCompressorIn);
        twin.Run(Tones(Ticks));
        Assert.Equal(0, twin.LitLeds(MixBoxS3Board.LedGainReductionFirst, MixBoxS3Board.GainReductionSegments));
    }

    [Fact]
    public void SettingsSurviveAPowerCycle()
    {
        var storage = new MemorySettingsStorage();
        Scene stored;
        using (var before = NewTwin(storage))
        {
            before.SetKnob(0, FaderLaw.TravelFromCentiDb(-1200));
            before.Run(Tones(Ticks));
            before.PressKey(MixBoxS3Board.KeyMuteFirst + 1);
            before.PressKey(MixBoxS3Board.KeyCompressorIn);
            before.PressKey(MixBoxS3Board.KeyStore);
            Assert.True(before.Led(MixBoxS3Board.LedStore), "the store LED confirms");
            stored = before.App.Scene.Clone();
        }

        // Power back on with every knob somewhere else: the stored mix wins until a knob is picked up.
        using var after = NewTwin(storage, t => t.SetKnob(0, FaderLaw.TravelFromCentiDb(600)));
        Assert.Equal(SettingsOutcome.Loaded, after.BootReport.Settings);
        after.Run(Tones(Ticks));
        Assert.Equal(stored.FaderCentiDb[0], after.App.Scene.FaderCentiDb[0]);
        Assert.True(after.App.Scene.Mute[1]);
        Assert.True(after.App.Scene.CompressorIn);
        Assert.True(after.Led(MixBoxS3Board.LedCompressorIn));
        Assert.Equal(stored.FaderCentiDb[0], after.Engine.Get(EngineParam.ChannelFaderCentiDb, 0));
    }

    [Fact]
    public void AnAdcFaultShowsOnThePanelAndSilencesItsInputs()
    {
        using var twin = NewTwin(beforeBoot: t => t.Board.Bus.Faults(MixBoxS3Board.AddressAdcB).Vanish());
        twin.Run(Tones(Ticks));

        Assert.Contains("inputs 5-8 muted", twin.BootReport.Describe());
        Assert.True(twin.Led(MixBoxS3Board.LedFault), "the fault LED is lit");
        for (int c = 0; c < 4; c++) Assert.True(twin.Led(MixBoxS3Board.LedSignalFirst + c), $"input {c + 1} shows signal");
        for (int c = 4; c < 8; c++) Assert.False(twin.Led(MixBoxS3Board.LedSignalFirst + c), $"input {c + 1} is dark");
        twin.PressKey(MixBoxS3Board.KeyMuteFirst + 5); // unmuting by hand does not bring it back
        Assert.True(twin.App.Mutes.IsMuted(5));
    }

    [Fact]
    public void CorruptSettingsBootWithDefaultsAndABlinkingWarning()
    {
        var storage = new MemorySettingsStorage();
        storage.Poke(0, new byte[] { (byte)'M', (byte)'X', (byte)'S', (byte)'C', 2, 0, 64, 0, 1, 0, 0, 0, 9, 9, 9 });
        storage.Poke(1, Enumerable.Repeat((byte)0xA5, 80).ToArray());
        using var twin = NewTwin(storage);

        Assert.Equal(SettingsOutcome.CorruptUsingDefaults, twin.BootReport.Settings);
        Assert.Contains("defaults in use", twin.BootReport.Describe());
        var lit = new List<bool>();
        for (int i = 0; i < 50; i++)
        {
            twin.Run(new int[BoxTwin.TickFrames * 8]);
            lit.Add(twin.Led(MixBoxS3Board.LedFault));
        }
        Assert.Contains(true, lit);
        Assert.Contains(false, lit); // blinking, not steady
        Assert.Equal(0, twin.App.Scene.MainFaderCentiDb);
    }

    private static void AssertSignalLeds(BoxTwin twin, params bool[] lit)
    {
        for (int c = 0; c < lit.Length; c++)
            Assert.True(twin.Led(MixBoxS3Board.LedSignalFirst + c) == lit[c], $"input {c + 1} should {(lit[c] ? "" : "not ")}show signal");
    }

    /// <summary>
    /// An ADC that drops out while the box plays: within a second its inputs are muted and
    /// the fault LED lights (the signal LEDs fall at their 20 dB / 1.7 s return); plugged back,
    /// it comes out of power-on reset, is brought up again and its inputs return; the one the
    /// user muted meanwhile stays muted.
    /// </summary>
    [Fact]
    public void AnAdcThatDropsOutWhilePlayingIsBroughtBackWithItsInputs()
    {
        using var twin = NewTwin();
        twin.Run(Tones(Ticks));
        Assert.False(twin.Led(MixBoxS3Board.LedFault));

        twin.Board.Unplug(MixBoxS3Board.AddressAdcA);
        twin.Run(Tones(4 * MixBoxApp.TicksPerSecond));
        Assert.True(twin.Led(MixBoxS3Board.LedFault), "the fault LED is lit");
        AssertSignalLeds(twin, false, false, false, false, true, true, true, true);
        Assert.True(twin.App.Mutes.IsInputFaulty(0));
        twin.PressKey(MixBoxS3Board.KeyMuteFirst + 1); // the user mutes input 2 meanwhile

        twin.Board.Replug(MixBoxS3Board.AddressAdcA);
        twin.Run(Tones(2 * MixBoxApp.TicksPerSecond));
        Assert.True(twin.Board.AdcA.Recording);
        Assert.False(twin.Led(MixBoxS3Board.LedFault), "all parts ok again");
        // Signal LEDs show the input before trim, fader and mute (the pre-fader meter): the
        // user's mute of input 2 silences its channel, not its LED.
        AssertSignalLeds(twin, true, true, true, true, true, true, true, true);
        Assert.True(twin.App.Mutes.IsUserMuted(1));
    }

    [Fact]
    public void APanelThatDropsOutLightsUpAgainWhenItIsBack()
    {
        using var twin = NewTwin();
        twin.Run(Tones(Ticks));
        twin.Board.Unplug(MixBoxS3Board.AddressPanel);
        var output = twin.Run(Tones(Ticks));
        Assert.Contains(output, v => v != 0); // audio goes on without the panel

        twin.Board.Replug(MixBoxS3Board.AddressPanel); // back blank, at its power-on state
        twin.Run(Tones(2 * MixBoxApp.TicksPerSecond));
        Assert.True(twin.Board.Panel.DisplayOn);
        Assert.False(twin.Led(MixBoxS3Board.LedFault));
        AssertSignalLeds(twin, true, true, true, true, true, true, true, true);
        twin.PressKey(MixBoxS3Board.KeyMuteFirst + 0); // and its keys work
        Assert.True(twin.App.Mutes.IsUserMuted(0));
    }

    /// <summary>
    /// While a knob ADC was away its knobs may have been turned: when it is back they must
    /// pick their values up again instead of jumping the gain to where they now rest.
    /// </summary>
    [Fact]
    public void KnobsTurnedWhileTheirAdcWasAwayPickTheirValueUpInsteadOfJumping()
    {
        using var twin = NewTwin(); // every knob at 0 dB
        const int knob = 2;
        int adcAddress = MixBoxS3Board.KnobAdc(knob) == 0 ? MixBoxS3Board.AddressKnobAdcA : MixBoxS3Board.AddressKnobAdcB;
        twin.Run(Tones(Ticks));
        twin.Board.Unplug(adcAddress);
        twin.Run(Tones(Ticks));
        twin.Board.Replug(adcAddress); // its wipers read 0 V: as if every knob on it were turned right down
        twin.Run(Tones(2 * MixBoxApp.TicksPerSecond));
        Assert.False(twin.Led(MixBoxS3Board.LedFault));
        Assert.Equal(0, twin.App.Scene.FaderCentiDb[knob]); // held, not jumped to off

        twin.SetKnob(knob, FaderLaw.TravelFromCentiDb(0)); // turned back up through the held value...
        twin.Run(Tones(Ticks));
        twin.SetKnob(knob, FaderLaw.TravelFromCentiDb(-1000)); // ...it follows again
        twin.Run(Tones(Ticks));
        Assert.Equal(-1000, twin.App.Scene.FaderCentiDb[knob], 30.0);
    }

    [Fact]
    public void AMissingPanelStillPassesAudio()
    {
        using var twin = NewTwin(beforeBoot: t => t.Board.Bus.Detach(MixBoxS3Board.AddressPanel));
        var output = twin.Run(Tones(Ticks));
        Assert.False(twin.BootReport.Hardware.PanelPresent);
        Assert.Contains(output, v => v != 0);
    }
}
