using MixBox.Boards;
using MixBox.Hal;
using MixBox.Hal.Sim;

namespace MixBox.Hal.Tests;

/// <summary>Whole-board bring-up with missing and faulty parts: audio still starts when it can, and the report says why not.</summary>
public class BringUpTests
{
    private static (SimulatedMixBoxS3 Board, BringUpReport Report) Run(Action<SimulatedMixBoxS3> arrange)
    {
        var board = new SimulatedMixBoxS3();
        board.StartClocks();
        arrange(board);
        return (board, board.CreateBringUp().Run());
    }

    [Fact]
    public void AHealthyBoardComesUpComplete()
    {
        var (board, report) = Run(_ => { });
        Assert.True(report.AllOk, report.Describe());
        Assert.True(report.AudioCanStart);
        Assert.True(report.PanelPresent);
        Assert.Equal(0, report.UnavailableInputCount);
        Assert.Equal("all parts ok", report.Describe());
        Assert.True(board.AdcA.Recording);
        Assert.True(board.AdcB.Recording);
        // Rev B: each ADC on its own controller's line, inputs in slots 0-3.
        Assert.Equal(0, board.AdcA.Peek(0, Tlv320Adc6140Model.AsiCh1));
        Assert.Equal(0, board.AdcB.Peek(0, Tlv320Adc6140Model.AsiCh1));
    }

    [Fact]
    public void AMissingPanelLeavesAudioRunningAndSaysWhatIsMissing()
    {
        var (_, report) = Run(b => b.Bus.Detach(MixBoxS3Board.AddressPanel));
        Assert.True(report.AudioCanStart);
        Assert.False(report.PanelPresent);
        Assert.Equal(PartState.Missing, report.Panel.State);
        Assert.Equal(0, report.UnavailableInputCount);
        string text = report.Describe();
        Assert.Contains("panel (HT16K33) @0x70: missing", text);
        Assert.Contains("address not acknowledged", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void AnAdcThatNeverAcksIsRetriedABoundedNumberOfTimesThenItsInputsAreMuted()
    {
        var (board, report) = Run(b => b.Bus.Faults(MixBoxS3Board.AddressAdcA).Vanish());
        Assert.Equal(RetryPolicy.DefaultAttempts, board.Bus.TransferCount(MixBoxS3Board.AddressAdcA));
        Assert.Equal(PartState.Missing, report.AdcA.State);
        Assert.True(report.AudioCanStart);
        for (int input = 0; input < 8; input++)
        {
            Assert.Equal(input >= 4, report.InputAvailable(input));
        }
        Assert.Contains("inputs 1-4 muted", report.Describe());
        Assert.Equal(PartState.Ok, report.AdcB.State);
    }

    [Fact]
    public void AnAdcNackThatClearsWithinTheRetriesCostsNothing()
    {
        var (_, report) = Run(b => b.Bus.Faults(MixBoxS3Board.AddressAdcB).NackNext(RetryPolicy.DefaultAttempts - 1));
        Assert.True(report.AllOk, report.Describe());
    }

    [Fact]
    public void AnAdcThatVanishesMidInitIsReportedLost()
    {
        var (_, report) = Run(b => b.Bus.Faults(MixBoxS3Board.AddressAdcB).VanishAfter(6));
        Assert.Equal(PartState.Lost, report.AdcB.State);
        Assert.False(report.InputAvailable(5));
        Assert.True(report.InputAvailable(0));
        Assert.Contains("inputs 5-8 muted", report.Describe());
    }

    [Fact]
    public void AStuckAdcStatusMutesThatAdcsInputs()
    {
        var (_, report) = Run(b => b.AdcB.Pin(0, Tlv320Adc6140Model.DevSts1, 0xC0));
        Assert.Equal(PartState.Faulty, report.AdcB.State);
        Assert.Contains("mode 6", report.AdcB.Problem);
        Assert.Equal(4, report.UnavailableInputCount);
    }

    [Fact]
    public void AClockStretchingDacIsReportedAndAudioCannotStart()
    {
        var (board, report) = Run(b => b.Bus.Faults(MixBoxS3Board.AddressDac).ClockStretchNext(RetryPolicy.DefaultAttempts));
        Assert.False(report.AudioCanStart);
        Assert.Equal(PartState.Faulty, report.Dac.State);
        Assert.Contains("clock stretch timeout", report.Dac.Problem);
        Assert.Contains("no audio output", report.Describe());
        Assert.True(report.PanelPresent);
    }

    [Fact]
    public void APartialTransferToTheDacIsRetriedAndHarmless()
    {
        var (board, report) = Run(b => b.Bus.Faults(MixBoxS3Board.AddressDac).PartialNext(2, bytesAccepted: 1));
        Assert.True(report.AllOk, report.Describe());
        Assert.Equal(2, board.Bus.TransfersTo(MixBoxS3Board.AddressDac).Count(t => t.Status == I2cTransferStatus.PartialTransfer));
    }

    [Fact]
    public void AnEmptyBusFinishesQuicklyWithEveryPartMissing()
    {
        var board = new SimulatedMixBoxS3();
        foreach (int address in new[] { 0x4C, 0x4D, 0x4E, 0x48, 0x49, 0x70 }) board.Bus.Detach(address);

        var report = board.CreateBringUp().Run();

        Assert.False(report.AudioCanStart);
        Assert.Equal(8, report.UnavailableInputCount);
        for (int i = 0; i < report.PartCount; i++) Assert.Equal(PartState.Missing, report.Part(i).State);
        Assert.Equal(6 * RetryPolicy.DefaultAttempts, board.Bus.Log.Count);
        // Retries, plus the wait after releasing each ADC from hardware shutdown.
        Assert.InRange(board.Clock.ElapsedMs, 0, 6 * RetryPolicy.DefaultAttempts * RetryPolicy.DefaultDelayMs + 2 * Adc6140ShutdownLine.ReleaseWaitMs);
    }

    [Fact]
    public void BringUpWithoutClocksEndsInBoundedTimeAndBlamesTheConverters()
    {
        var board = new SimulatedMixBoxS3();
        var report = board.CreateBringUp().Run();
        Assert.False(report.AudioCanStart);
        Assert.Equal(8, report.UnavailableInputCount);
        Assert.True(report.PanelPresent);
        Assert.InRange(board.Clock.ElapsedMs, 1, 500);
    }
}
