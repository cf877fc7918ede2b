using MixBox.Boards;
using MixBox.Twin;

namespace MixBox.Cli;

/// <summary>The front panel as text, read from the LEDs the firmware lit on the simulated HT16K33.</summary>
public static class PanelText
{
    public static string Render(BoxTwin twin, string[] channelNames)
    {
        string Ladder(int first, int count) => new string(Enumerable.Range(first, count).Select(i => twin.Led(i) ? '#' : '.').ToArray());
        string Lamp(int index) => twin.Led(index) ? "(*)" : "( )";
        var lines = new List<string>
        {
            $"MAIN L [{Ladder(MixBoxS3Board.LedBusMeterLeftFirst, MixBoxS3Board.BusMeterSegments)}]   GR  [{Ladder(MixBoxS3Board.LedGainReductionFirst, MixBoxS3Board.GainReductionSegments)}]",
            $"MAIN R [{Ladder(MixBoxS3Board.LedBusMeterRightFirst, MixBoxS3Board.BusMeterSegments)}]   COMP {Lamp(MixBoxS3Board.LedCompressorIn)} MODE {Lamp(MixBoxS3Board.LedMeterMode)} STORE {Lamp(MixBoxS3Board.LedStore)} FAULT {Lamp(MixBoxS3Board.LedFault)}",
            "        " + string.Join(" ", channelNames.Select(n => n.PadRight(6)[..6])),
            "SIGNAL  " + string.Join(" ", Enumerable.Range(0, 8).Select(c => (twin.Led(MixBoxS3Board.LedSignalFirst + c) ? "  *" : "  .").PadRight(6))),
            "CLIP    " + string.Join(" ", Enumerable.Range(0, 8).Select(c => (twin.Led(MixBoxS3Board.LedClipFirst + c) ? "  !" : "  .").PadRight(6))),
        };
        return string.Join("\n", lines);
    }
}
