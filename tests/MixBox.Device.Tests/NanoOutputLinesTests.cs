using MixBox.Boards;
using MixBox.Hal;
using MixBox.Hal.Device;
using MixBox.NanoModel;

namespace MixBox.Device.Tests;

/// <summary>The GPIO adapter (the ADCs' SHDNZ lines) on the host model of System.Device.Gpio.</summary>
[Collection(Esp32NativeCollection.Name)]
public class NanoOutputLinesTests
{
    public NanoOutputLinesTests() => Esp32Native.Reset();

    [Fact]
    public void ALineStartsAtTheAskedLevelAndFollowsWrites()
    {
        IOutputLine line = new NanoOutputLines().Open(MixBoxS3Board.PinAdcAShutdownN, high: false);
        Assert.False(Esp32Native.GpioLevel(MixBoxS3Board.PinAdcAShutdownN));
        line.Write(true);
        Assert.True(Esp32Native.GpioLevel(MixBoxS3Board.PinAdcAShutdownN));
    }

    [Fact]
    public void OpeningAPinAgainReturnsItsLineInsteadOfAskingTheDriverTwice()
    {
        var lines = new NanoOutputLines();
        IOutputLine first = lines.Open(MixBoxS3Board.PinAdcBShutdownN, high: false);
        IOutputLine again = lines.Open(MixBoxS3Board.PinAdcBShutdownN, high: true);
        Assert.Same(first, again);
        Assert.True(Esp32Native.GpioLevel(MixBoxS3Board.PinAdcBShutdownN));
    }

    [Theory]
    [InlineData(22)]  // the S3 has no GPIO 22-25
    [InlineData(49)]
    [InlineData(-1)]
    public void APinThatIsNotAGpioOfTheS3IsRefusedByTheDriver(int pin)
    {
        Assert.Throws<InvalidOperationException>(() => new NanoOutputLines().Open(pin, high: false));
    }

    [Fact]
    public void APinAnotherFunctionHoldsIsRefusedByTheDriver()
    {
        Esp32Native.ReservePin(MixBoxS3Board.PinAdcAShutdownN);
        Assert.Throws<InvalidOperationException>(() => new NanoOutputLines().Open(MixBoxS3Board.PinAdcAShutdownN, high: false));
    }

    [Fact]
    public void TheBoardsShutdownPinsAreGpiosNothingElseUses()
    {
        int[] others = [MixBoxS3Board.PinI2cSda, MixBoxS3Board.PinI2cScl, MixBoxS3Board.PinI2sMclk, MixBoxS3Board.PinI2sBck,
            MixBoxS3Board.PinI2sWs, MixBoxS3Board.PinI2sDinAdcA, MixBoxS3Board.PinI2sDout, MixBoxS3Board.PinI2sDinAdcB];
        foreach (int pin in new[] { MixBoxS3Board.PinAdcAShutdownN, MixBoxS3Board.PinAdcBShutdownN })
        {
            Assert.True(Esp32Native.IsValidOutputGpio(pin));
            Assert.DoesNotContain(pin, others);
        }
    }
}
