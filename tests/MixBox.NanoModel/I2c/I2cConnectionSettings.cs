namespace System.Device.I2c
{
    /// <summary>Model of System.Device.I2c.I2cConnectionSettings (1.1.29): immutable bus id, address, speed.</summary>
    public sealed class I2cConnectionSettings
    {
        internal readonly int BusId;
        internal readonly int DeviceAddress;
        internal readonly I2cBusSpeed BusSpeed;

        /// <summary>As in the package: FastMode when no speed is given.</summary>
        public I2cConnectionSettings(int busId, int deviceAddress) : this(busId, deviceAddress, I2cBusSpeed.FastMode)
        {
        }

        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed)
        {
            BusId = busId;
            DeviceAddress = deviceAddress;
            BusSpeed = busSpeed;
        }
    }
}
