using MixBox.Boards;
using MixBox.Hal;
using MixBox.Hal.Sim;

namespace MixBox.Hal.Tests;

/// <summary>Front panel: init state, one write per frame, LED mapping, key scan with debounce, vanishing.</summary>
public class Ht16k33Tests
{
    private const int Address = 0x70;

    private static (SimulatedI2cBus Bus, Ht16k33Model Model, Ht16k33 Panel) Setup()
    {
        var bus = new SimulatedI2cBus();
        var model = new Ht16k33Model();
        bus.Attach(Address, model);
        return (bus, model, new Ht16k33(bus.Open(Address), bus.Clock, RetryPolicy.Default, "panel"));
    }

    [Fact]
    public void InitTurnsEverythingOnAndClearsTheUndefinedRam()
    {
        var (_, model, panel) = Setup();
        Assert.Equal(Ht16k33Model.PowerOnRamPattern, model.DisplayRam(0));

        Assert.True(panel.Initialize());

        Assert.True(model.OscillatorOn);
        Assert.True(model.DisplayOn);
        Assert.Equal(0, model.Blink);
        Assert.Equal(15, model.Dimming);
        Assert.False(model.IntPinIsInterrupt);
        Assert.All(Enumerable.Range(0, 16), i => Assert.Equal(0, model.DisplayRam(i)));
        Assert.Equal(PartState.Ok, panel.Health.State);
    }

    [Fact]
    public void AFrameIsOneSeventeenByteWriteAndAnUnchangedFrameIsNone()
    {
        var (bus, model, panel) = Setup();
        Assert.True(panel.Initialize());
        int before = bus.TransferCount(Address);

        panel.SetLed(MixBoxS3Board.LedBusMeterLeftFirst + 11, true);
        panel.SetLed(MixBoxS3Board.LedClipFirst + 7, true);
        panel.SetLed(127, true);
        Assert.True(panel.Flush());

        Assert.Equal(1, bus.TransferCount(Address) - before);
        Assert.Equal(17, bus.Log[^1].Written.Length);
        Assert.Equal(0x00, bus.Log[^1].Written[0]);
        Assert.True(model.LedOn(11));
        Assert.True(model.LedOn(47));
        Assert.True(model.LedOn(127));
        Assert.Equal(3, Enumerable.Range(0, 128).Count(model.LedOn));

        Assert.True(panel.Flush());
        Assert.Equal(1, bus.TransferCount(Address) - before);
    }

    [Fact]
    public void LedNumberMapsToRowByteAndCommonBit()
    {
        var (_, model, panel) = Setup();
        Assert.True(panel.Initialize());
        panel.SetLed(10, true);  // row 1, common 2
        Assert.True(panel.Flush());
        Assert.Equal(0x04, model.DisplayRam(1));
        panel.SetLed(10, false);
        Assert.True(panel.Flush());
        Assert.Equal(0x00, model.DisplayRam(1));
    }

    [Fact]
    public void AKeyCountsAsPressedOnlyAfterThreeStableScansAndOnlyOnce()
    {
        var (_, model, panel) = Setup();
        Assert.True(panel.Initialize());
        int key = MixBoxS3Board.KeyStore;  // KS2 K3
        model.SetKey(key, true);

        Assert.True(panel.ScanKeys());
        Assert.True(panel.ScanKeys());
        Assert.False(panel.Keys.IsDown(key));
        Assert.True(panel.ScanKeys());
        Assert.True(panel.Keys.IsDown(key));
        Assert.True(panel.Keys.WasPressed(key));
        Assert.True(panel.ScanKeys());
        Assert.False(panel.Keys.WasPressed(key));
        Assert.Equal(1, Enumerable.Range(0, Ht16k33.KeyCount).Count(panel.Keys.IsDown));
    }

    [Fact]
    public void ABouncingKeyNeverRegisters()
    {
        var (_, model, panel) = Setup();
        Assert.True(panel.Initialize());
        int key = MixBoxS3Board.KeySoloFirst + 3;
        for (int scan = 0; scan < 20; scan++)
        {
            model.SetKey(key, scan % 3 != 2);  // down, down, up, ...
            Assert.True(panel.ScanKeys());
            Assert.False(panel.Keys.WasPressed(key));
        }
    }

    [Fact]
    public void APanelThatVanishesMidSessionIsReportedLostWithoutHanging()
    {
        var (bus, _, panel) = Setup();
        Assert.True(panel.Initialize());
        bus.Faults(Address).Vanish();
        int before = bus.TransferCount(Address);

        panel.SetLed(0, true);
        Assert.False(panel.Flush());
        Assert.False(panel.ScanKeys());

        Assert.Equal(PartState.Lost, panel.Health.State);
        Assert.Contains("address not acknowledged", panel.Health.Problem);
        Assert.Equal(2 * RetryPolicy.DefaultAttempts, bus.TransferCount(Address) - before);
    }
}
