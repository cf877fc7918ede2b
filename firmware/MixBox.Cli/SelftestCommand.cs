using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Hal.Sim;
using MixBox.Twin;

namespace MixBox.Cli;

/// <summary>
/// `mixbox selftest`: the firmware's loopback self-test in the twin, with the patch cable
/// from the left output into input 1 plugged (the board's modelled round trip), started
/// from the panel as a user would (hold Store, press Meter mode). Prints one result line.
/// </summary>
public static class SelftestCommand
{
    /// <summary>The test takes ~130 ms; this bounds a test that never ends.</summary>
    private const int MaxTicks = 200;

    public static int Run(string outDir, double cableGainDb, bool cablePlugged, TextWriter output)
    {
        using var twin = new BoxTwin(new FileSettingsStorage(Path.Combine(outDir, "selftest-settings")));
        if (cablePlugged) twin.Board.PlugLoopbackCable(new AnalogLoopback(cableGainDb));
        twin.PressCombination(MixBoxS3Board.KeyStore, MixBoxS3Board.KeyMeterMode);
        for (int tick = 0; tick < MaxTicks && twin.App.SelfTest.Running; tick++) twin.RunSilence(1);
        if (twin.App.SelfTest.Running) throw new UserError("the self-test did not finish");
        LoopbackResult result = twin.App.SelfTest.Result;
        output.WriteLine(result.Describe(BoxTwin.SampleRate));
        return result.Status == LoopbackStatus.Ok ? 0 : 1;
    }
}
