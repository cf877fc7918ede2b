using MixBox.Boards;
using MixBox.Hal;
using MixBox.Hal.Sim;

namespace MixBox.Hal.Tests;

/// <summary>
/// After bring-up: the converters' run-time check tells a part that is still running from
/// one that left the bus (lost) or came back at its power-on state (faulty), and a second
/// bring-up of that part makes it ok again.
/// </summary>
public class RunTimeCheckTests
{
    private static (SimulatedMixBoxS3 Board, BoardBringUp BringUp, BringUpReport Report) HealthyBoard()
    {
        var board = new SimulatedMixBoxS3();
        board.StartClocks();
        var bringUp = board.CreateBringUp();
        var report = bringUp.Run();
        Assert.True(report.AllOk, report.Describe());
        return (board, bringUp, report);
    }

    [Fact]
    public void RunningConvertersPassTheCheckWithoutAWrite()
    {
        var (board, bringUp, report) = HealthyBoard();
        int before = board.Bus.Log.Count;
        for (int i = 0; i < 10; i++) bringUp.CheckConverters();
        Assert.True(report.AllOk, report.Describe());
        var transfers = board.Bus.Log.Skip(before).ToList();
        Assert.NotEmpty(transfers);
        // Register pointers for reads, and page 0 selects, are all a check may write.
        Assert.All(transfers, t => Assert.True(t.Written.Length == 1 || t.Written.SequenceEqual(new byte[] { 0, 0 }),
            $"wrote {Convert.ToHexString(t.Written)} to 0x{t.Address:X2}"));
    }

    [Fact]
    public void AnAdcThatLeavesTheBusIsLostAndItsInputsUnavailable()
    {
        var (board, bringUp, report) = HealthyBoard();
        board.Unplug(MixBoxS3Board.AddressAdcB);
        bringUp.CheckConverters();
        Assert.Equal(PartState.Lost, report.AdcB.State);
        Assert.Contains("inputs 5-8 muted", report.Describe());
        Assert.True(report.AdcA.IsOk);
    }

    [Fact]
    public void AnAdcResetBySupplyDipIsFaultyUntilItIsBroughtUpAgain()
    {
        var (board, bringUp, report) = HealthyBoard();
        board.Replug(MixBoxS3Board.AddressAdcA); // answers, but asleep at its defaults
        bringUp.CheckConverters();
        Assert.Equal(PartState.Faulty, report.AdcA.State);
        Assert.Contains("DEV_STS1 mode 4", report.AdcA.Problem);

        Assert.True(bringUp.Reinitialize(BringUpReport.AdcAPart), report.Describe());
        Assert.True(board.AdcA.Recording);
        Assert.Equal(0, board.AdcA.Peek(0, Tlv320Adc6140Model.AsiCh1)); // its slots again
        Assert.True(report.AllOk);
    }

    /// <summary>A PCM5122 reset by a supply dip may run again at its defaults (I2S, 24 bit, offset 0): the check reads the format back.</summary>
    [Fact]
    public void ADacBackAtItsDefaultsIsFaultyEvenIfItRunsAndComesBackOnReinit()
    {
        var (board, bringUp, report) = HealthyBoard();
        board.Replug(MixBoxS3Board.AddressDac);
        bringUp.CheckConverters();
        Assert.Equal(PartState.Faulty, report.Dac.State);
        Assert.False(report.AudioCanStart);

        Assert.True(bringUp.Reinitialize(BringUpReport.DacPart), report.Describe());
        Assert.Equal(0x13, board.Dac.Peek(0, Pcm5122Model.I2s1));
        Assert.True(report.Dac.IsOk);
        bringUp.CheckConverters();
        Assert.True(report.Dac.IsOk, report.Describe());
    }

    [Fact]
    public void ADacWhoseClocksStopIsFaultyAndSaysSo()
    {
        var (board, bringUp, report) = HealthyBoard();
        board.StartClocks(false);
        bringUp.CheckConverters();
        Assert.Equal(PartState.Faulty, report.Dac.State);
        Assert.Contains("BCK and LRCK missing", report.Dac.Problem);
        Assert.Contains("no ASI clock", report.AdcA.Problem);
    }

    [Fact]
    public void APanelUnpluggedAndRepluggedComesBackOnReinitWithItsDisplayCleared()
    {
        var (board, bringUp, report) = HealthyBoard();
        board.Unplug(MixBoxS3Board.AddressPanel);
        bringUp.Panel.SetLed(3, true);
        Assert.False(bringUp.Panel.Flush());
        Assert.Equal(PartState.Lost, report.Panel.State);
        Assert.False(bringUp.Reinitialize(BringUpReport.PanelPart)); // still away
        Assert.Equal(PartState.Lost, report.Panel.State);

        board.Replug(MixBoxS3Board.AddressPanel);
        Assert.True(bringUp.Reinitialize(BringUpReport.PanelPart), report.Describe());
        Assert.True(board.Panel.DisplayOn);
        Assert.Equal(0, board.Panel.DisplayRam(0)); // power-on pattern cleared
    }
}
