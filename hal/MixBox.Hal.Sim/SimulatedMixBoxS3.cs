using MixBox.Boards;

namespace MixBox.Hal.Sim;

/// <summary>
/// The reference board in the host twin: a simulated bus with every part at its address
/// from <see cref="MixBoxS3Board"/>. Start the clocks (as the firmware starts I2S) before
/// bring-up; detach, fault, unplug or replug parts to rehearse failures. Its output lines
/// are the ADCs' SHDNZ pins, low (pulled down) until the firmware drives them.
/// </summary>
public sealed class SimulatedMixBoxS3 : IOutputLines
{
    public SimulatedMixBoxS3()
    {
        AdcA.InShutdown = true;
        AdcB.InShutdown = true;
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
    public Tlv320Adc6140Model AdcA { get; private set; } = new();
    public Tlv320Adc6140Model AdcB { get; private set; } = new();
    public Pcm5122Model Dac { get; private set; } = new();
    public Ht16k33Model Panel { get; private set; } = new();
    public Ads7828Model KnobsA { get; private set; } = new();
    public Ads7828Model KnobsB { get; private set; } = new();

    /// <summary>A patch cable from output into input 1 (the self-test's), or null when none is plugged.</summary>
    public AnalogLoopback? LoopbackCable { get; private set; }

    public void PlugLoopbackCable(AnalogLoopback cable) => LoopbackCable = cable;

    public void UnplugLoopbackCable() => LoopbackCable = null;

    private bool _clocksRunning;

    /// <summary>BCK/FSYNC on the TDM lines, as when the ESP32-S3's I2S runs.</summary>
    public void StartClocks(bool running = true)
    {
        _clocksRunning = running;
        AdcA.ClocksRunning = running;
        AdcB.ClocksRunning = running;
        Dac.ClocksRunning = running;
    }

    /// <summary>The part at <paramref name="address"/> leaves the bus (a loose cable): it NACKs from now on.</summary>
    public void Unplug(int address) => Bus.Detach(address);

    /// <summary>
    /// A part at <paramref name="address"/> comes (back) onto the bus as out of power-on reset:
    /// a fresh model with default registers, on the board's TDM clocks. Knob ADC models start
    /// with their wipers at 0 V.
    /// </summary>
    public void Replug(int address)
    {
        SimI2cTarget part;
        if (address == MixBoxS3Board.AddressAdcA) part = AdcA = new Tlv320Adc6140Model { ClocksRunning = _clocksRunning, InShutdown = !_adcARunLevel };
        else if (address == MixBoxS3Board.AddressAdcB) part = AdcB = new Tlv320Adc6140Model { ClocksRunning = _clocksRunning, InShutdown = !_adcBRunLevel };
        else if (address == MixBoxS3Board.AddressDac) part = Dac = new Pcm5122Model { ClocksRunning = _clocksRunning };
        else if (address == MixBoxS3Board.AddressPanel) part = Panel = new Ht16k33Model();
        else if (address == MixBoxS3Board.AddressKnobAdcA) part = KnobsA = new Ads7828Model();
        else if (address == MixBoxS3Board.AddressKnobAdcB) part = KnobsB = new Ads7828Model();
        else throw new ArgumentException($"no part at 0x{address:X2} on this board");
        Bus.Attach(address, part);
    }

    /// <summary>
    /// The two ADCs convert one block in place: channels 1-4 of the interleaved block are ADC A's
    /// inputs, 5-8 ADC B's (<see cref="MixBoxS3Board.AdcBFirstChannel"/>), each given as the
    /// analogue signal at the jack (Q1.31 of the converter's full scale at 0 dB gain).
    /// </summary>
    public void ConvertInputs(int[] block, int channels, int frames)
    {
        AdcA.Convert(block, channels, 0, frames);
        AdcB.Convert(block, channels, MixBoxS3Board.AdcBFirstChannel, frames);
    }

    public BoardBringUp CreateBringUp(RetryPolicy? retry = null) =>
        new(Bus, this, Clock, retry ?? RetryPolicy.Default, MixBoxS3Board.CreateBusPlan());

    private bool _adcARunLevel, _adcBRunLevel;

    /// <summary>Every level driven on a SHDNZ line, with the virtual time, in order.</summary>
    public List<(int Pin, bool High, long AtMs)> ShutdownLineLog { get; } = new();

    public IOutputLine Open(int pin, bool high)
    {
        if (pin != MixBoxS3Board.PinAdcAShutdownN && pin != MixBoxS3Board.PinAdcBShutdownN)
        {
            throw new ArgumentException($"GPIO {pin} drives nothing on this board");
        }
        var line = new ShutdownLine(this, pin);
        line.Write(high);
        return line;
    }

    private void Drive(int pin, bool high)
    {
        ShutdownLineLog.Add((pin, high, Clock.ElapsedMs));
        if (pin == MixBoxS3Board.PinAdcAShutdownN)
        {
            _adcARunLevel = high;
            AdcA.InShutdown = !high;
        }
        else
        {
            _adcBRunLevel = high;
            AdcB.InShutdown = !high;
        }
    }

    private sealed class ShutdownLine(SimulatedMixBoxS3 board, int pin) : IOutputLine
    {
        public void Write(bool high) => board.Drive(pin, high);
    }
}
