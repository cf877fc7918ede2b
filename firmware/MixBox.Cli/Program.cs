using MixBox.Cli;
using MixBox.Dsp;

// The `mixbox` host twin. For now one command: `demo`.
const string usage = "usage: mixbox demo [--out DIR]   render the built-in multitrack through the engine";

if (args.Length == 0 || args[0] != "demo")
{
    Console.Error.WriteLine(args.Length == 0 ? usage : $"mixbox: unknown command '{args[0]}'\n{usage}");
    return 2;
}
string outDir = args.Length >= 3 && args[1] == "--out" ? args[2] : "out";

try
{
    Console.WriteLine($"Rendering {DemoSession.Seconds:F0} s of 8-channel demo material through the MixBox engine...");
    var result = DemoSession.Run();
    string wavPath = Path.Combine(outDir, "demo-mix.wav");
    WavOutput.WriteStereo24(wavPath, result.Stereo, DemoSession.SampleRate);

    Console.WriteLine();
    for (int c = 0; c < 8; c++) Console.WriteLine(MeterBar.Format($"ch{c + 1} {DemoMultitrack.ChannelNames[c]}", result.ChannelMeters[c]));
    Console.WriteLine(MeterBar.Format("drum bus L", result.DrumBusLeft));
    Console.WriteLine(MeterBar.Format("main L", result.MainLeft));
    Console.WriteLine(MeterBar.Format("main R", result.MainRight));
    Console.WriteLine($"{"bus comp",-12} max gain reduction {result.MaxGainReductionCentiDb / 100.0:F1} dB");
    var loudness = result.Loudness;
    Console.WriteLine($"{"loudness",-12} integrated {loudness.IntegratedCentiLufs / 100.0:F1} LUFS, max short-term {loudness.ShortTermMaxCentiLufs / 100.0:F1} LUFS, " +
                      $"range {loudness.RangeCentiLu / 100.0:F1} LU, true peak {loudness.TruePeakMaxCentiDb / 100.0:F1} dBTP");
    Console.WriteLine();
    Console.WriteLine($"wrote {wavPath} (24-bit stereo, {DemoSession.SampleRate} Hz)");
    return 0;
}
catch (Exception error) when (error is IOException or UnauthorizedAccessException or MixEngineException)
{
    Console.Error.WriteLine($"mixbox: {error.Message}");
    return 1;
}
