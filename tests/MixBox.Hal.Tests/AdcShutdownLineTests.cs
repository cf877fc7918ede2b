using MixBox.Boards;
using MixBox.Hal;
using MixBox.Hal.Sim;

namespace MixBox.Hal.Tests;

/// <summary>
/// The ADCs' SHDNZ lines on the simulated board: held low by the board until bring-up
/// releases them, and pulsed to reset an ADC whose I2C side has hung.
/// </summary>
public class AdcShutdownLineTests
{
    private static (SimulatedMixBoxS3 Board, BoardBringUp BringUp, BringUpReport Report) Boot()
    {
        var board = new SimulatedMixBoxS3();
        board.StartClocks();
        var bringUp = board.CreateBringUp();
        return (board, bringUp, bringUp.Run());
    }

    [Fact]
    public void BeforeBringUpBothAdcsAreInShutdownAndDoNotAnswer()
    {
        var board = new SimulatedMixBoxS3();
        Assert.True(board.AdcA.InShutdown && board.AdcB.InShutdown);
        var result = board.Bus.Open(MixBoxS3Board.AddressAdcA).Write(new byte[] { 0x00, 0x00 });
        Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, result.Status);
    }

    [Fact]
    public void BringUpReleasesEachAdcAndWaitsBeforeAddressingIt()
    {
        var (board, _, report) = Boot();
        Assert.True(report.AllOk, report.Describe());
        Assert.True(board.AdcA.Recording && board.AdcB.Recording);
        foreach (int pin in new[] { MixBoxS3Board.PinAdcAShutdownN, MixBoxS3Board.PinAdcBShutdownN })
        {
            var levels = board.ShutdownLineLog.Where(e => e.Pin == pin).Select(e => e.High).ToArray();
            Assert.Equal(new[] { false, true }, levels); // taken over low, released once
        }
        // The first ADC transfer comes at least the datasheet's 10 ms after the release.
        long releasedAt = board.ShutdownLineLog.Last(e => e.High).AtMs;
        Assert.True(board.Clock.ElapsedMs - releasedAt >= Adc6140ShutdownLine.ReleaseWaitMs);
        Assert.Equal(1, board.AdcA.HardwareResetCount);
    }

    [Fact]
    public void AnAdcWhoseI2cHasHungComesBackOnlyThroughAShutdownPulseOfTheDatasheetsLength()
    {
        var (board, bringUp, report) = Boot();
        board.AdcA.Hung = true;
        bringUp.CheckConverters();
        Assert.False(report.AdcA.IsOk);

        int logged = board.ShutdownLineLog.Count;
        Assert.True(bringUp.Reinitialize(BringUpReport.AdcAPart), report.Describe());
        var pulse = board.ShutdownLineLog.Skip(logged).ToArray();
        Assert.Equal(2, pulse.Length);
        Assert.Equal((MixBoxS3Board.PinAdcAShutdownN, false), (pulse[0].Pin, pulse[0].High));
        Assert.Equal((MixBoxS3Board.PinAdcAShutdownN, true), (pulse[1].Pin, pulse[1].High));
        Assert.True(pulse[1].AtMs - pulse[0].AtMs >= 26, "SHDNZ low for 25 ms + 1 ms (SBAS992A 8.4.1)");
        Assert.True(report.AdcA.IsOk);
        Assert.True(board.AdcA.Recording);
        Assert.False(board.AdcA.Hung);
        Assert.True(board.AdcB.Recording); // the other ADC was not touched
        Assert.Equal(1, board.AdcB.HardwareResetCount);
    }

    [Fact]
    public void ARepluggedAdcFollowsItsLineLevel()
    {
        var (board, _, _) = Boot();
        board.Replug(MixBoxS3Board.AddressAdcA);
        Assert.False(board.AdcA.InShutdown); // SHDNZ is driven high by now
    }
}
