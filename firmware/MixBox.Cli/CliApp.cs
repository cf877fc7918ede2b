using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.InteropServices;
using MixBox.Dsp;
using MixBox.Firmware;
using Spectre.Console;

namespace MixBox.Cli;

/// <summary>The `mixbox` command line; <see cref="Run"/> is what Main calls and what the tests call.</summary>
public static class CliApp
{
    /// <summary>Exit code of a usage error (a command line that cannot be run).</summary>
    public const int UsageExitCode = 2;
    /// <summary>Exit code after Ctrl+C or a termination signal (128 + SIGINT, as shells report it).</summary>
    public const int InterruptedExitCode = 130;

    /// <param name="liveConsole">An interactive terminal for the demo's live panel and the render's progress bar; null prints none.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, IAnsiConsole? liveConsole = null)
    {
        var outDir = new Option<string>("--out") { Description = "directory for demo-mix.wav and meters.png", DefaultValueFactory = _ => "out" };
        var demo = new Command("demo", "render the built-in multitrack through the box (firmware and engine in the twin)") { outDir };
        demo.SetAction(parse => Guard(error, _ => DemoCommand.Run(parse.GetValue(outDir)!, output, liveConsole)));

        var stems = new Argument<string[]>("stems")
        {
            Description = "WAV files (PCM 8/16/24/32-bit, float 32/64-bit; RIFF, RF64 or BW64), one or more: mono or stereo, or any channel count mapped by the scene's \"inputs\"",
            Arity = ArgumentArity.OneOrMore,
        };
        var scene = new Option<string?>("--scene") { Description = "scene JSON: the box's settings (defaults above; `mixbox scene template` prints every field)", HelpName = "FILE" };
        var mix = new Option<string>("-o", "--output") { Description = "the stereo mix to write (a WAV file; replaced only once the whole render succeeded)", Required = true, HelpName = "FILE" };
        var png = new Option<string?>("--png") { Description = "also plot the meters over time to this PNG", HelpName = "FILE" };
        var format = new Option<string>("--format")
        {
            Description = "sample format of the mix: pcm24 = 24-bit, rounded to nearest (TPDF-dithered when the scene's dither is on); " +
                          "pcm16 = 16-bit, TPDF-dithered at 16 bits when the scene's dither is on (a warning if it is off); float32 = 32-bit float",
            DefaultValueFactory = _ => "pcm24",
            HelpName = OutputFormats.Names,
        };
        var renderReference = new Option<string?>("--reference") { Description = "after the render, compare the mix with this reference track (as `mixbox compare` does)", HelpName = "FILE" };
        var target = new Option<string?>("--target")
        {
            Description = "judge the mix against a delivery target (loudness, true peak; vinyl: low end, correlation, top end): pass/fail and the gain needed",
            HelpName = DeliveryTarget.Keys,
        };
        var normalize = new Option<bool>("--normalize") { Description = "with --target: move the main fader so the mix meets the target's loudness, with the output ceiling at its true-peak limit" };
        var renderMemory = new Option<int?>("--memory")
        {
            Description = "with --scene SETTINGS (the twin's settings directory): play its scene memory N (1..16), as the box would",
            HelpName = "N",
        };
        var render = new Command("render", "render multitrack files through the exact box (streamed: memory does not grow with the length)\n\n" + SceneDefaults.Text())
            { stems, scene, mix, png, format, renderMemory, renderReference, target, normalize };
        render.SetAction(parse => Guard(error, cancel => RenderCommand.Run(
            new RenderCommand.Request(parse.GetValue(stems)!, parse.GetValue(scene), parse.GetValue(mix)!, parse.GetValue(png), OutputFormats.Parse(parse.GetValue(format)!), parse.GetValue(renderMemory),
                parse.GetValue(renderReference), parse.GetValue(target) is string t ? DeliveryTarget.Parse(t) : null, parse.GetValue(normalize)),
            output, error, liveConsole, cancel)));

        var settings = new Argument<string>("settings") { Description = "the twin's settings directory (settings-0.bin, settings-1.bin) or one settings-N.bin file" };
        var memory = new Option<int?>("--memory") { Description = "a scene memory (1..16) of the settings directory instead of the current scene", HelpName = "N" };
        var export = new Command("export", "print the scene stored in a box's settings (or one of its memories) as render JSON") { settings, memory };
        export.SetAction(parse => Guard(error, _ => SceneCommand.Export(parse.GetValue(settings)!, parse.GetValue(memory), output, error)));
        var list = new Command("list", "list the 16 scene memories of a settings directory with their names") { settings };
        list.SetAction(parse => Guard(error, _ => SceneCommand.List(parse.GetValue(settings)!, output, error)));
        var memoryNumber = new Argument<int>("memory") { Description = "the memory, 1..16" };
        var newName = new Argument<string>("name") { Description = $"up to {SceneRules.NameMaxChars} printable ASCII characters" };
        var rename = new Command("rename", "name a stored scene memory of a settings directory") { settings, memoryNumber, newName };
        rename.SetAction(parse => Guard(error, _ => SceneCommand.Rename(parse.GetValue(settings)!, parse.GetValue(memoryNumber), parse.GetValue(newName)!, output, error)));
        var template = new Command("template", "print a starting scene: every field at the box's power-on value, with comments (render reads it as it is)");
        template.SetAction(_ => Guard(error, _ => SceneCommand.Template(output)));
        var sceneCommand = new Command("scene", "scenes as render JSON; the twin's scene memories") { export, list, rename, template };

        var mixFile = new Argument<string>("mix") { Description = "the mix to judge (WAV, mono or stereo)" };
        var referenceFile = new Argument<string>("reference") { Description = "the reference track (WAV, mono or stereo; any rate the box takes)" };
        var comparePng = new Option<string?>("--png") { Description = "also draw both spectra and their difference to this PNG", HelpName = "FILE" };
        var compareHtml = new Option<string?>("--html") { Description = "also write a self-contained HTML report (figures and plot)", HelpName = "FILE" };
        var compare = new Command("compare", "compare a mix with a reference: loudness (integrated, range, true peak, PLR), correlation, width and 1/3-octave balance at matched loudness")
            { mixFile, referenceFile, comparePng, compareHtml };
        compare.SetAction(parse => Guard(error, cancel => CompareCommand.Run(
            new CompareCommand.Request(parse.GetValue(mixFile)!, parse.GetValue(referenceFile)!, parse.GetValue(comparePng), parse.GetValue(compareHtml)),
            output, cancel)));

        var gain = new Option<double>("--cable-gain-db") { Description = "gain of the modelled output -> input 1 path (above +6 dB the ADC clips)", DefaultValueFactory = _ => -0.5 };
        var noCable = new Option<bool>("--no-cable") { Description = "run the test with nothing plugged into input 1" };
        var selftest = new Command("selftest", "loopback self-test in the twin: output patched into input 1; prints latency, level, THD+N") { gain, noCable, outDir };
        selftest.SetAction(parse => Guard(error, _ => SelftestCommand.Run(parse.GetValue(outDir)!, parse.GetValue(gain), !parse.GetValue(noCable), output)));

        var panelStems = new Argument<string[]>("stems") { Description = "WAV stems at 48 kHz to play (looped) instead of the built-in demo multitrack", Arity = ArgumentArity.ZeroOrMore };
        var panelScene = new Option<string?>("--scene") { Description = "scene JSON to start from", HelpName = "FILE" };
        var port = new Option<int>("--port") { Description = "web page port", DefaultValueFactory = _ => FrontPanel.PanelServer.DefaultPort };
        var listen = new Option<string>("--listen") { Description = "address to serve on (127.0.0.1: this computer only; 0.0.0.0 opens it to the network on purpose)", DefaultValueFactory = _ => "127.0.0.1", HelpName = "ADDRESS" };
        var oscPort = new Option<int>("--osc-port") { Description = "OSC remote UDP port (on 127.0.0.1)", DefaultValueFactory = _ => MixBox.Firmware.OscRemote.DefaultPort };
        var panel = new Command("panel", "play the box live: its front panel in your browser, the twin in real time, the mix streamed, OSC remote beside it")
            { panelStems, panelScene, port, listen, oscPort, outDir };
        panel.SetAction(parse => Guard(error, cancel => FrontPanel.PanelCommand.Run(parse.GetValue(panelStems) ?? [], parse.GetValue(panelScene), parse.GetValue(port),
            parse.GetValue(listen)!, parse.GetValue(oscPort), parse.GetValue(outDir)!, output, cancel)));

        var root = new RootCommand("mixbox: the MixBox summing mixer on your PC (the host twin)") { demo, render, compare, sceneCommand, selftest, panel };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            // One line per problem, no help dump: the help is one --help away.
            var command = new List<string>();
            for (var r = parsed.CommandResult; r.Parent is CommandResult parent; r = parent) command.Insert(0, r.Command.Name);
            string help = string.Join(' ', ["mixbox", .. command, "--help"]);
            foreach (var problem in parsed.Errors) error.WriteLine($"mixbox: {problem.Message} ({help})");
            return UsageExitCode;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>
    /// Known failures become one line on stderr and their exit code (1, 2 for usage); nothing
    /// half-written is left (the outputs' own cleanup runs as the exception passes). Ctrl+C and
    /// termination signals stop a render the same way.
    /// </summary>
    private static int Guard(TextWriter error, Func<CancellationToken, int> action)
    {
        using var interrupt = new CancellationTokenSource();
        var signals = new List<PosixSignalRegistration>();
        try
        {
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
                signals.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true; // let the render stop and clean up
                    interrupt.Cancel();
                }));
        }
        catch (PlatformNotSupportedException) { }
        try
        {
            return action(interrupt.Token);
        }
        catch (UserError e)
        {
            error.WriteLine($"mixbox: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            error.WriteLine("mixbox: interrupted: no output was changed");
            return InterruptedExitCode;
        }
        catch (MixEngineException e)
        {
            error.WriteLine($"mixbox: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"mixbox: {IoErrorText.Describe(e)}");
            return 1;
        }
        finally
        {
            foreach (var registration in signals) registration.Dispose();
        }
    }
}
