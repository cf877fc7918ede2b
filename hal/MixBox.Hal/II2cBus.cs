namespace MixBox.Hal
{
    /// <summary>The one I2C bus all of the box's chips share: hands out a device per address.</summary>
    public interface II2cBus
    {
        II2cDevice Open(int address);
    }
}
