namespace MixBox.Hal
{
    /// <summary>
    /// TI ADS7828, 8-channel 12-bit ADC reading the panel's pots. One command byte selects
    /// the channel and power mode (SBAS181 Table 1), then two bytes come back MSB first with
    /// the top four bits zero. There is no ID register: the init check reads a channel and
    /// insists on those zero bits.
    /// </summary>
    public sealed class Ads7828
    {
        public const int Channels = 8;
        public const int FullScale = 4095;
        // Command byte bit 7 SD: 1 = single-ended input (channel against COM).
        private const byte SingleEnded = 0x80;

        private readonly RegisterAccess _bus;
        private readonly byte[] _command = new byte[1];
        private readonly byte[] _result = new byte[2];

        public Ads7828(II2cDevice device, IDelay delay, RetryPolicy retry, string name)
        {
            _bus = new RegisterAccess(device, retry, delay, 0);
            Health = new PartHealth(name, device.Address);
            PowerDown = Ads7828PowerDown.ReferenceOffConverterOn;
        }

        public PartHealth Health { get; private set; }

        public Ads7828PowerDown PowerDown { get; set; }

        /// <summary>
        /// Single-ended command byte: SD=1, C2:C0 (bits 6:4) from SBAS181 Table 2, whose order
        /// interleaves the channels: CH0=000, CH1=100, CH2=001, CH3=101 ... CH7=111.
        /// </summary>
        public static byte CommandByte(int channel, Ads7828PowerDown powerDown)
        {
            int select = (channel >> 1) | ((channel & 1) << 2);
            return (byte)(SingleEnded | (select << 4) | ((int)powerDown << 2));
        }

        /// <summary>The 12-bit result in two bytes, MSB first.</summary>
        public static int Decode(byte msb, byte lsb)
        {
            return ((msb & 0x0F) << 8) | lsb;
        }

        public bool Initialize()
        {
            int code;
            if (!Read(0, out code))
            {
                return false;
            }
            Health.MarkOk();
            return true;
        }

        /// <summary>Converts one channel (0..7); code is 0..4095 of the reference.</summary>
        public bool Read(int channel, out int code)
        {
            code = 0;
            _command[0] = CommandByte(channel, PowerDown);
            if (!_bus.WriteReadRaw(_command, _result))
            {
                Health.TransferFailed("read channel " + channel.ToString(), _bus);
                return false;
            }
            if ((_result[0] & 0xF0) != 0)
            {
                Health.VerifyFailed("result MSB 0x" + _result[0].ToString("X2") + " has its top four bits set");
                return false;
            }
            code = Decode(_result[0], _result[1]);
            return true;
        }
    }
}
