using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Hal.Sim;

namespace MixBox.Twin;

/// <summary>
/// The whole box on the PC: the simulated reference board (register models on an I2C
/// bus), the real firmware app on it, and the native engine fed with audio. Every 10 ms
/// of audio (480 frames) the app runs one control tick, then the engine 60 blocks of the
/// board's 8 frames — the device's rhythm. Knobs and keys are turned and pressed on the
/// models. While a self-test plays it takes the engine's place, as on the device's audio
/// task; a plugged loopback cable carries the output back into input 1.
/// </summary>
public sealed class BoxTwin : IDisposable
{
    public const int SampleRate = MixBoxS3Board.SampleRate;
    public const int Channels = Scene.Channels;
    public const int BlockFrames = MixBoxS3Board.BlockFrames;
    public const int TickFrames = SampleRate / MixBoxApp.TicksPerSecond;

    private readonly int[] _inBlock = new int[BlockFrames * Channels];
    private readonly int[] _outBlock = new int[BlockFrames * 2];

    /// <param name="storage">Where settings live across power cycles.</param>
    /// <param name="beforeBoot">Rehearse faults or set knob positions before power-on.</param>
    /// <param name="remoteDefaults">The remote settings when none are stored (null: the device's, off).</param>
    public BoxTwin(ISettingsStorage storage, Action<BoxTwin>? beforeBoot = null, RemoteSettings? remoteDefaults = null)
    {
        Board = new SimulatedMixBoxS3();
        Board.Bus.LogTransfers = false; // a test aid; the running twin must not allocate per transfer
        Board.StartClocks();
        Engine = new MixEngine(SampleRate, Channels);
        Loopback = new LoopbackTest(SampleRate);
        for (int knob = 0; knob < MixBoxS3Board.Knobs; knob++) SetKnob(knob, FaderLaw.TravelFromCentiDb(0));
        SetKnob(MixBoxS3Board.KnobCompressorAmount, CompressorAmount.TravelFromThreshold(new Scene().CompThresholdCentiDb));
        beforeBoot?.Invoke(this);
        App = new MixBoxApp(Board.Bus, Board, Board.Clock, storage, Engine, Loopback) { RemoteDefaults = remoteDefaults };
        BootReport = App.Boot();
    }

    public SimulatedMixBoxS3 Board { get; }
    public MixEngine Engine { get; }
    public LoopbackTest Loopback { get; }
    public MixBoxApp App { get; }
    public BootReport BootReport { get; }

    /// <summary>Puts a knob at a travel (0..4095) by setting its wiper voltage on the knob ADC model.</summary>
    public void SetKnob(int knob, int travel)
    {
        var adc = MixBoxS3Board.KnobAdc(knob) == 0 ? Board.KnobsA : Board.KnobsB;
        adc.SetVolts(MixBoxS3Board.KnobChannel(knob), (travel + 0.5) / 4096.0 * adc.ReferenceVolts);
    }

    public void HoldKey(int key, bool down) => Board.Panel.SetKey(key, down);

    public bool Led(int index) => Board.Panel.LedOn(index);

    /// <summary>Lit LEDs from <paramref name="first"/> on, <paramref name="count"/> of them.</summary>
    public int LitLeds(int first, int count) => Enumerable.Range(first, count).Count(Led);

    /// <summary>
    /// Runs whole control ticks of audio: <paramref name="input"/> holds a multiple of 480
    /// frames of 8 interleaved channels, the analogue signals at the input jacks as Q1.31 of
    /// the ADC's full scale at 0 dB gain (the ADC models apply each input's analogue gain and
    /// clip at full scale); returns the stereo output. No allocation per block.
    /// </summary>
    public int[] Run(int[] input)
    {
        int frames = input.Length / Channels;
        var output = new int[frames * 2];
        Run(input, 0, output, 0, frames);
        return output;
    }

    /// <summary>The same into caller-owned buffers, from and to frame offsets: no allocation.</summary>
    public void Run(int[] input, int inputFrame, int[] output, int outputFrame, int frames)
    {
        if (frames % TickFrames != 0) throw new ArgumentException($"input must be whole 10 ms ticks ({TickFrames} frames)");
        for (int done = 0; done < frames; done += BlockFrames)
        {
            if (done % TickFrames == 0) App.Tick();
            Array.Copy(input, (inputFrame + done) * Channels, _inBlock, 0, BlockFrames * Channels);
            AnalogLoopback? cable = Board.LoopbackCable;
            cable?.DriveInput(_inBlock, Channels, BlockFrames);
            Board.ConvertInputs(_inBlock, Channels, BlockFrames);
            if (Loopback.IsPlaying) Loopback.Process(_inBlock, Channels, _outBlock, BlockFrames);
            else Engine.Process(_inBlock, _outBlock, BlockFrames);
            cable?.TakeOutput(_outBlock, BlockFrames);
            Array.Copy(_outBlock, 0, output, (outputFrame + done) * 2, BlockFrames * 2);
        }
    }

    /// <summary>Runs <paramref name="ticks"/> control ticks of silent input.</summary>
    public void RunSilence(int ticks) => Run(new int[ticks * TickFrames * Channels]);

    /// <summary>Holds <paramref name="held"/>, presses and releases <paramref name="key"/>, releases <paramref name="held"/>.</summary>
    public void PressCombination(int held, int key)
    {
        HoldKey(held, true);
        RunSilence(4);
        PressKey(key);
        HoldKey(held, false);
        RunSilence(4);
    }

    /// <summary>Presses and releases a key, with enough ticks for the debouncer (silent audio).</summary>
    public void PressKey(int key)
    {
        var silence = new int[TickFrames * Channels * 4];
        HoldKey(key, true);
        Run(silence);
        HoldKey(key, false);
        Run(silence);
    }

    public void Dispose()
    {
        Engine.Dispose();
        Loopback.Dispose();
    }
}
