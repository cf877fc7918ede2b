using MixBox.Hal;
using MixBox.Hal.Sim;

namespace MixBox.Hal.Tests;

/// <summary>
/// The inputs' analogue set-up on the ADC (driver against the register model) and the model's
/// audio side: gain per CHn_CFG1, impedance per CHn_CFG0, clipping at the 24-bit full scale.
/// </summary>
public class Tlv320Adc6140InputTests
{
    private const int Address = 0x4C;

    private static (Tlv320Adc6140Model Model, Tlv320Adc6140 Adc) Setup()
    {
        var bus = new SimulatedI2cBus();
        var model = new Tlv320Adc6140Model { ClocksRunning = true };
        bus.Attach(Address, model);
        return (model, new Tlv320Adc6140(bus.Open(Address), bus.Clock, RetryPolicy.Default, "ADC A"));
    }

    private static int Cfg0(int ch) => Tlv320Adc6140Model.Ch1Cfg0 + 5 * ch;

    [Fact]
    public void APresetInputIsWrittenBeforeTheChannelsPowerUp()
    {
        var (model, adc) = Setup();
        adc.PresetInput(1, 20, highImpedance: true);
        adc.PresetInput(3, 99, highImpedance: false); // clamped to the datasheet's 42
        Assert.True(adc.Initialize(0));

        Assert.Equal(20 << 2, model.Peek(0, Cfg0(1) + 1));
        Assert.Equal(0x88, model.Peek(0, Cfg0(1)));        // line, differential, AC, 20 kOhm
        Assert.Equal(42 << 2, model.Peek(0, Cfg0(3) + 1));
        Assert.Equal(0x84, model.Peek(0, Cfg0(3)));        // 10 kOhm
        Assert.Equal((20, 20000), (model.AnalogGainDb(1), model.InputImpedanceOhms(1)));
        var registers = model.Writes.Select(w => w.Register).ToList();
        Assert.True(registers.IndexOf(Cfg0(1) + 1) < registers.LastIndexOf(Tlv320Adc6140Model.PwrCfg), "gain before power-up");
    }

    [Fact]
    public void APartBroughtUpAgainGetsTheGainItHadBack()
    {
        var (model, adc) = Setup();
        Assert.True(adc.Initialize(0));
        Assert.True(adc.SetAnalogGainDb(2, 33));
        Assert.True(adc.SetHighImpedance(2, true));
        model.ResetRegisters(); // a supply dip: power-on defaults
        Assert.Equal(0, model.AnalogGainDb(2));
        Assert.True(adc.Initialize(0));
        Assert.Equal(33, model.AnalogGainDb(2));
        Assert.Equal(20000, model.InputImpedanceOhms(2));
    }

    [Fact]
    public void ImpedanceSwitchesBetweenLineAndInstrument()
    {
        var (model, adc) = Setup();
        Assert.True(adc.Initialize(0));
        Assert.True(adc.SetHighImpedance(0, true));
        Assert.Equal(20000, model.InputImpedanceOhms(0));
        Assert.True(adc.HighImpedance(0));
        Assert.True(adc.SetHighImpedance(0, false));
        Assert.Equal(10000, model.InputImpedanceOhms(0));
    }

    /// <summary>One frame of 8 channels with <paramref name="value"/> in every slot, converted by the model (slots 0-3).</summary>
    private static int[] Convert(Tlv320Adc6140Model model, int value)
    {
        var block = Enumerable.Repeat(value, 8).ToArray();
        model.Convert(block, 8, 0, 1);
        return block;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(20)]
    [InlineData(42)]
    public void TheModelAppliesTheChannelGain(int db)
    {
        var (model, adc) = Setup();
        Assert.True(adc.Initialize(0));
        Assert.True(adc.SetAnalogGainDb(0, db));
        const int input = 1 << 16; // -90 dBFS: never clips
        int code = Convert(model, input)[0];
        double measured = 20 * Math.Log10((double)code / input);
        Assert.Equal(db, measured, 2); // within 0.005 dB (24-bit rounding at 256 LSB steps)
        Assert.Equal(input, Convert(model, input)[1]); // channel 2 still at 0 dB
    }

    [Fact]
    public void TheModelClipsAtFullScaleAndCountsIt()
    {
        var (model, adc) = Setup();
        Assert.True(adc.Initialize(0));
        Assert.True(adc.SetAnalogGainDb(0, 12));
        var frame = Convert(model, int.MaxValue / 2); // -6 dBFS + 12 dB
        Assert.Equal(0x7FFFFF00, frame[0]);
        Assert.Equal(unchecked((int)0x80000000), Convert(model, int.MinValue / 2)[0]);
        Assert.True(model.ClippedSamples >= 2);
        Assert.Equal(1 << 30, frame[1]); // 0 dB: 0x3FFFFFFF rounded to the nearest 24-bit code
    }

    [Fact]
    public void AChannelThatDoesNotRecordDeliversZeros()
    {
        var (model, adc) = Setup();
        Assert.All(Convert(model, 1 << 20)[..4], v => Assert.Equal(0, v)); // not initialised: not recording
        Assert.True(adc.Initialize(0));
        Assert.True(adc.SetMuted(3, true)); // digital volume code 0: mute
        var frame = Convert(model, 1 << 20);
        Assert.Equal(1 << 20, frame[0]);
        Assert.Equal(0, frame[3]);
        Assert.Equal(1 << 20, frame[4]); // another ADC's slot: untouched
    }
}
