// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.System.Device.Gpio 1.1.62: System.Device.Gpio/PinValue.cs at tag v1.1.62
// (commit cd99158280e0f5c24102981c26baf69facda4d17). A readonly struct; MixBox uses High and Low.
namespace System.Device.Gpio
{
    public readonly struct PinValue
    {
        public static PinValue High
        {
            get { throw new NotImplementedException(); }
        }

        public static PinValue Low
        {
            get { throw new NotImplementedException(); }
        }
    }
}
