using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Hal;
using MixBox.Hal.Sim;

namespace MixBox.Firmware.Tests;

/// <summary>From an ADC that NACKs on the simulated bus to silence on its channels.</summary>
public class ChannelMutesTests
{
    private static int[] EightTones(int frames)
    {
        var frame = new int[frames * 8];
        for (int i = 0; i < frames; i++)
            for (int c = 0; c < 8; c++)
                frame[i * 8 + c] = (int)(0.1 * Math.Sin(2 * Math.PI * (200 + 100 * c) * i / 48000.0) * 8388607) * 256;
        return frame;
    }

    /// <summary>Peak the main bus carries from one channel alone (others silenced in the input).</summary>
    private static int PeakFromChannel(MixEngine engine, int channel)
    {
        var input = EightTones(2400);
        for (int i = 0; i < input.Length; i++) if (i % 8 != channel) input[i] = 0;
        var output = new int[2400 * 2];
        var block = new int[32 * 2];
        for (int start = 0; start < 2400; start += 32)
        {
            engine.Process(input[(start * 8)..((start + 32) * 8)], block, 32);
            Array.Copy(block, 0, output, start * 2, 64);
        }
        return output.Skip(1000).Max(v => Math.Abs(v)); // after the 5 ms mute ramp
    }

    [Fact]
    public void AnAdcThatNacksMutesItsFourChannelsAndTheUserCannotUnmuteThem()
    {
        var board = new SimulatedMixBoxS3();
        board.StartClocks();
        board.Bus.Faults(MixBoxS3Board.AddressAdcA).Vanish();
        var report = board.CreateBringUp().Run();

        using var engine = new MixEngine();
        var mutes = new ChannelMutes(engine);
        Assert.Equal(4, mutes.ApplyBringUp(report));
        Assert.Equal(RetryPolicy.DefaultAttempts, board.Bus.TransferCount(MixBoxS3Board.AddressAdcA)); // bounded retries
        Assert.Contains("inputs 1-4 muted", report.Describe());                                    // reported

        mutes.SetUserMute(2, false); // pressing the key does not bring a dead input back
        for (int c = 0; c < 4; c++)
        {
            Assert.True(mutes.IsInputFaulty(c));
            Assert.Equal(0, PeakFromChannel(engine, c));
        }
        for (int c = 4; c < 8; c++) Assert.True(PeakFromChannel(engine, c) > 0, $"channel {c + 1} plays");
    }

    [Fact]
    public void UserMuteSurvivesAHealthyBringUp()
    {
        var board = new SimulatedMixBoxS3();
        board.StartClocks();
        using var engine = new MixEngine();
        var mutes = new ChannelMutes(engine);
        mutes.SetUserMute(6, true);
        Assert.Equal(0, mutes.ApplyBringUp(board.CreateBringUp().Run()));

        Assert.True(mutes.IsMuted(6));
        Assert.Equal(0, PeakFromChannel(engine, 6));
        mutes.SetUserMute(6, false);
        Assert.True(PeakFromChannel(engine, 6) > 0);
    }
}
