namespace MixBox.Hal
{
    /// <summary>Status read back from one TLV320ADC6140.</summary>
    public struct Adc6140Status
    {
        /// <summary>ASI_STS (0x15): detected rate (7:4) and BCLK/FSYNC ratio (3:0); 0xFF = no valid clock.</summary>
        public byte AsiStatus;
        /// <summary>DEV_STS0 (0x76): bit 7..4 = channel 1..4 powered up.</summary>
        public byte DeviceStatus0;
        /// <summary>DEV_STS1 (0x77): mode in bits 7:5.</summary>
        public byte DeviceStatus1;

        public bool ClockDetected { get { return AsiStatus != 0xFF; } }

        public Adc6140DeviceMode Mode { get { return (Adc6140DeviceMode)(DeviceStatus1 >> 5); } }

        public bool ChannelPowered(int channel)
        {
            return (DeviceStatus0 & (0x80 >> channel)) != 0;
        }
    }
}
