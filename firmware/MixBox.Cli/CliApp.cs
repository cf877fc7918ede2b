using System.CommandLine;
using MixBox.Dsp;
using Spectre.Console;

namespace MixBox.Cli;

/// <summary>The `mixbox` command line; <see cref="Run"/> is what Main calls and what the tests call.</summary>
public static class CliApp
{
    /// <param name="liveConsole">An interactive terminal for the demo's live panel; null prints snapshots instead.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, IAnsiConsole? liveConsole = null)
    {
        var outDir = new Option<string>("--out") { Description = "directory for demo-mix.wav and meters.png", DefaultValueFactory = _ => "out" };
        var demo = new Command("demo", "render the built-in multitrack through the box (firmware and engine in the twin)") { outDir };
        demo.SetAction(parse => Guard(error, () => DemoCommand.Run(parse.GetValue(outDir)!, output, liveConsole)));

        var stems = new Argument<string[]>("stems") { Description = "WAV files (mono or stereo), one or more", Arity = ArgumentArity.OneOrMore };
        var scene = new Option<string?>("--scene") { Description = "scene JSON (faders, pans, routing, compressor, output)" };
        var mix = new Option<string>("-o", "--output") { Description = "the stereo mix to write (24-bit WAV)", Required = true };
        var png = new Option<string?>("--png") { Description = "also plot the meters over time to this PNG" };
        var render = new Command("render", "render multitrack files through the exact box") { stems, scene, mix, png };
        render.SetAction(parse => Guard(error, () => RenderCommand.Run(parse.GetValue(stems)!, parse.GetValue(scene), parse.GetValue(mix)!, parse.GetValue(png), output)));

        var gain = new Option<double>("--cable-gain-db") { Description = "gain of the modelled output -> input 1 path (above +6 dB the ADC clips)", DefaultValueFactory = _ => -0.5 };
        var noCable = new Option<bool>("--no-cable") { Description = "run the test with nothing plugged into input 1" };
        var selftest = new Command("selftest", "loopback self-test in the twin: output patched into input 1; prints latency, level, THD+N") { gain, noCable, outDir };
        selftest.SetAction(parse => Guard(error, () => SelftestCommand.Run(parse.GetValue(outDir)!, parse.GetValue(gain), !parse.GetValue(noCable), output)));

        var root = new RootCommand("mixbox: the MixBox summing mixer on your PC (the host twin)") { demo, render, selftest };
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).Invoke(configuration);
    }

    /// <summary>Known failures become one line on stderr and exit code 1; nothing half-written is left.</summary>
    private static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is UserError or IOException or UnauthorizedAccessException or MixEngineException)
        {
            error.WriteLine($"mixbox: {e.Message}");
            return 1;
        }
    }
}
