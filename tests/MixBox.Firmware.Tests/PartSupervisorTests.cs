using MixBox.Boards;
using MixBox.Hal;
using MixBox.Hal.Sim;

namespace MixBox.Firmware.Tests;

/// <summary>Parts dropping out and coming back while the box runs, on the simulated board.</summary>
public class PartSupervisorTests
{
    private static (SimulatedMixBoxS3 Board, BoardBringUp BringUp, BringUpReport Report, PartSupervisor Supervisor) Boot(
        Action<SimulatedMixBoxS3>? beforeBoot = null)
    {
        var board = new SimulatedMixBoxS3();
        board.StartClocks();
        beforeBoot?.Invoke(board);
        var bringUp = board.CreateBringUp();
        var report = bringUp.Run();
        return (board, bringUp, report, new PartSupervisor(bringUp, report));
    }

    /// <summary>Ticks until Tick reports a change; returns how many ticks that took (or -1).</summary>
    private static int TicksUntilChange(PartSupervisor supervisor, int limit)
    {
        for (int tick = 1; tick <= limit; tick++)
        {
            if (supervisor.Tick()) return tick;
        }
        return -1;
    }

    [Fact]
    public void AConverterLostWhilePlayingIsNoticedWithinASecond()
    {
        var (board, _, report, supervisor) = Boot();
        Assert.Equal(-1, TicksUntilChange(supervisor, 250)); // a healthy board: nothing to report
        board.Unplug(MixBoxS3Board.AddressAdcA);
        int ticks = TicksUntilChange(supervisor, 1000);
        Assert.InRange(ticks, 1, PartSupervisor.CheckIntervalTicks);
        Assert.Equal(PartState.Lost, report.AdcA.State);
    }

    [Fact]
    public void APartThatComesBackIsBroughtUpAndReportedOnce()
    {
        var (board, bringUp, report, supervisor) = Boot();
        board.Unplug(MixBoxS3Board.AddressPanel);
        bringUp.Panel.SetLed(0, true);
        Assert.False(bringUp.Panel.Flush()); // the app's next frame finds it gone
        Assert.Equal(1, TicksUntilChange(supervisor, 10));

        board.Replug(MixBoxS3Board.AddressPanel);
        int ticks = TicksUntilChange(supervisor, 1000);
        Assert.InRange(ticks, 1, PartSupervisor.CheckIntervalTicks);
        Assert.True(supervisor.CameBack(BringUpReport.PanelPart));
        Assert.True(report.AllOk, report.Describe());
        Assert.True(board.Panel.DisplayOn);

        Assert.False(supervisor.Tick());
        Assert.False(supervisor.CameBack(BringUpReport.PanelPart)); // reported on that one tick only
    }

    [Fact]
    public void APartThatStaysAwayIsTriedAfterOneTwoFourSecondsAndThenAtMostEvery32()
    {
        var (board, _, report, supervisor) = Boot(b => b.Unplug(MixBoxS3Board.AddressKnobAdcB));
        Assert.Equal(PartState.Missing, report.KnobsB.State);
        int atBoot = board.Bus.TransferCount(MixBoxS3Board.AddressKnobAdcB);
        var triedAt = new List<int>();
        for (int tick = 1; tick <= 200 * MixBoxApp.TicksPerSecond; tick++)
        {
            int before = board.Bus.TransferCount(MixBoxS3Board.AddressKnobAdcB);
            supervisor.Tick();
            int tried = board.Bus.TransferCount(MixBoxS3Board.AddressKnobAdcB) - before;
            if (tried > 0)
            {
                Assert.Equal(RetryPolicy.DefaultAttempts, tried); // one bring-up: its bounded retries
                triedAt.Add(tick / MixBoxApp.TicksPerSecond);
            }
        }
        Assert.Equal(RetryPolicy.DefaultAttempts, atBoot);
        Assert.Equal(new[] { 1, 2, 4, 8, 16, 32, 64, 96, 128, 160, 192 }, triedAt);
        Assert.Equal(PartState.Missing, report.KnobsB.State);
    }

    [Fact]
    public void APartThatDropsOutAgainIsTriedASecondLaterNotAfterTheLongInterval()
    {
        var (board, _, report, supervisor) = Boot(b => b.Unplug(MixBoxS3Board.AddressDac));
        for (int tick = 0; tick < 40 * MixBoxApp.TicksPerSecond; tick++) supervisor.Tick(); // backed off to 32 s
        board.Replug(MixBoxS3Board.AddressDac);
        Assert.InRange(TicksUntilChange(supervisor, 40 * MixBoxApp.TicksPerSecond), 1, 32 * MixBoxApp.TicksPerSecond);
        Assert.True(report.Dac.IsOk, report.Describe());

        board.Unplug(MixBoxS3Board.AddressDac);
        Assert.InRange(TicksUntilChange(supervisor, 1000), 1, PartSupervisor.CheckIntervalTicks); // noticed
        board.Replug(MixBoxS3Board.AddressDac);
        Assert.InRange(TicksUntilChange(supervisor, 1000), 1, PartSupervisor.CheckIntervalTicks); // and back
        Assert.True(report.AllOk, report.Describe());
    }
}
