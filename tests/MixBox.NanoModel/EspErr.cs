namespace MixBox.NanoModel
{
    /// <summary>The esp_err_t values (ESP-IDF esp_err.h) the I2C path can return.</summary>
    public static class EspErr
    {
        public const int Ok = 0;
        public const int Fail = -1;
        public const int NoMem = 0x101;
        public const int InvalidArg = 0x102;
        public const int InvalidState = 0x103;
        public const int Timeout = 0x107;
    }
}
