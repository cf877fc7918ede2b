using System.Diagnostics;
using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// How the stream is cut into blocks must not change a single bit of output, nor any meter,
/// gain-reduction, de-esser or loudness reading (the mix-bus toolkit's parameters included): random scenes (see <see cref="BlockSizeScene"/>) are
/// rendered in blocks of 1, 7 and 32 frames and compared with 256-frame blocks.
/// </summary>
public class BlockSizeTests
{
    private const int Scenes = 300;
    private static readonly int[] BlockSizes = { 1, 7, 32 };

    private readonly ITestOutputHelper _output;

    public BlockSizeTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void RandomScenesGiveIdenticalOutputAndReadingsAtEveryBlockSize()
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        int sounding = 0, compressing = 0, deessing = 0;
        // If the engine aborts (UBSan in Debug), the test host's stderr is all the run reports:
        // the last seed written before the sanitizer's message is the scene that did it.
        Console.Error.Write("BlockSizeTests scene seeds:");
        for (int seed = 1; seed <= Scenes; seed++)
        {
            Console.Error.Write($" {seed}");
            var scene = BlockSizeScene.Generate(seed);
            var reference = scene.Render(256);
            if (reference.Output.Any(v => v != 0)) sounding++;
            if (reference.Readings.Any(r => r.Source == "gain reduction" && r.Value != "0")) compressing++;
            if (reference.Readings.Any(r => r.Source == "de-esser reduction" && r.Value != "0")) deessing++;

            var differing = BlockSizes.Select(b => (Block: b, Difference: scene.FirstDifference(reference, scene.Render(b))))
                .Where(d => d.Difference != null).ToList();
            if (differing.Count > 0)
            {
                failures.Add($"{scene}, blocks of {differing[0].Block} (differing: {string.Join(", ", differing.Select(d => d.Block))}):\n"
                    + differing[0].Difference);
            }
        }
        Console.Error.WriteLine();
        _output.WriteLine($"{Scenes} scenes in {clock.Elapsed.TotalSeconds:F1} s: {sounding} with output, {compressing} compressing, {deessing} de-essing");

        Assert.True(failures.Count == 0,
            $"{failures.Count} of {Scenes} scenes depend on the block size; the first:\n\n" + string.Join("\n\n", failures.Take(3)));
        Assert.True(sounding > Scenes * 9 / 10 && compressing > Scenes / 3 && deessing > Scenes / 10, "the scenes exercise the engine");
    }
}
