// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.System.Device.Gpio 1.1.62: System.Device.Gpio/PinMode.cs at tag v1.1.62
// (commit cd99158280e0f5c24102981c26baf69facda4d17). All members, in the package's order.
namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown,
    }
}
