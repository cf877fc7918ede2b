using MixBox.Boards;

namespace MixBox.Hal.Sim;

/// <summary>
/// The reference board in the host twin: a simulated bus with every part at its address
/// from <see cref="MixBoxS3Board"/>. Start the clocks (as the firmware starts I2S) before
/// bring-up; detach or fault parts to rehearse failures.
/// </summary>
public sealed class SimulatedMixBoxS3
{
    public SimulatedMixBoxS3()
    {
        Bus = new SimulatedI2cBus(new SimClock());
        Bus.Attach(MixBoxS3Board.AddressAdcA, AdcA);
        Bus.Attach(MixBoxS3Board.AddressAdcB, AdcB);
        Bus.Attach(MixBoxS3Board.AddressDac, Dac);
        Bus.Attach(MixBoxS3Board.AddressPanel, Panel);
        Bus.Attach(MixBoxS3Board.AddressKnobAdcA, KnobsA);
        Bus.Attach(MixBoxS3Board.AddressKnobAdcB, KnobsB);
    }

    public SimulatedI2cBus Bus { get; }
    public SimClock Clock => Bus.Clock;
    public Tlv320Adc6140Model AdcA { get; } = new();
    public Tlv320Adc6140Model AdcB { get; } = new();
    public Pcm5122Model Dac { get; } = new();
    public Ht16k33Model Panel { get; } = new();
    public Ads7828Model KnobsA { get; } = new();
    public Ads7828Model KnobsB { get; } = new();

    /// <summary>BCK/FSYNC on the TDM lines, as when the ESP32-S3's I2S runs.</summary>
    public void StartClocks(bool running = true)
    {
        AdcA.ClocksRunning = running;
        AdcB.ClocksRunning = running;
        Dac.ClocksRunning = running;
    }

    public BoardBringUp CreateBringUp(RetryPolicy? retry = null) =>
        new(Bus, Clock, retry ?? RetryPolicy.Default, MixBoxS3Board.CreateBusPlan());
}
