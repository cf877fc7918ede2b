namespace MixBox.Device.Tests;

/// <summary>
/// The I2C model's native side is process-wide, as the firmware's globals are: the tests that
/// use it run one at a time, each from <see cref="MixBox.NanoModel.Esp32Native.Reset"/>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Esp32NativeCollection
{
    public const string Name = "Esp32Native";
}
