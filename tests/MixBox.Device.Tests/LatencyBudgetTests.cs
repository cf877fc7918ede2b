using System.Globalization;
using MixBox.Boards;

namespace MixBox.Device.Tests;

/// <summary>
/// Analogue in -> out latency at 48 kHz from the board's block plan and the converters'
/// datasheet group delays: under 0.8 ms (below a 32-channel console's measured 0.83-0.89 ms),
/// and docs/DEVICE.md's table is this computation's, so the document follows the board.
/// </summary>
public class LatencyBudgetTests
{
    private const int GoalMicroseconds = 800;

    private static string Samples(int hundredths) => (hundredths / 100.0).ToString("0.0#", CultureInfo.InvariantCulture);

    private static string Row(string stage, int hundredths) =>
        $"| {stage} | {Samples(hundredths)} | {AnalogLatency.Microseconds(hundredths)} |";

    public static string[] BudgetTable()
    {
        int block = MixBoxS3Board.BlockFrames, buffers = MixBoxS3Board.DmaBuffers;
        return
        [
            "| stage | samples | µs |",
            "|---|---|---|",
            Row("ADC decimation filter, ultra-low latency (TLV320ADC6140)", AnalogLatency.AdcFilter),
            Row($"RX DMA: one {block}-frame block", AnalogLatency.RxBlock(block)),
            Row($"TX DMA: {buffers - 1} queued blocks of {buffers} buffers (processing runs inside)", AnalogLatency.TxQueue(block, buffers)),
            Row("DAC interpolation filter, low latency (PCM5122)", AnalogLatency.DacFilter),
            Row("**analogue in -> out**", AnalogLatency.Board),
        ];
    }

    [Fact]
    public void TheBoardIsUnderEightHundredMicroseconds()
    {
        Assert.True(AnalogLatency.Microseconds(AnalogLatency.Board) <= GoalMicroseconds,
            "latency " + AnalogLatency.Microseconds(AnalogLatency.Board) + " us > " + GoalMicroseconds);
    }

    [Theory]
    [InlineData(8, 3, 3160)]   // the board: 4.1 + 8 + 16 + 3.5 samples
    [InlineData(16, 2, 3960)]  // 0.825 ms: over the goal
    [InlineData(32, 4, 13560)] // rev A's plan
    public void TheFigureFollowsBlockSizeAndBuffers(int blockFrames, int buffers, int hundredths)
    {
        Assert.Equal(hundredths, AnalogLatency.Total(blockFrames, buffers));
    }

    [Fact]
    public void DeviceMdShowsTheComputedTable()
    {
        string[] doc = File.ReadAllLines(RepoPaths.File("docs/DEVICE.md"));
        string[] expected = BudgetTable();
        int start = Array.IndexOf(doc, expected[0]);
        Assert.True(start >= 0, "docs/DEVICE.md has no latency table; expected:\n" + string.Join("\n", expected));
        Assert.Equal(expected, doc.Skip(start).Take(expected.Length).ToArray());
    }
}
