namespace System.Device.Gpio
{
    /// <summary>Model of System.Device.Gpio.PinValue (1.1.62): a readonly struct, High or Low.</summary>
    public readonly struct PinValue
    {
        private readonly byte _value;

        private PinValue(byte value)
        {
            _value = value;
        }

        public static PinValue High
        {
            get { return new PinValue(1); }
        }

        public static PinValue Low
        {
            get { return new PinValue(0); }
        }

        internal bool IsHigh
        {
            get { return _value != 0; }
        }
    }
}
