namespace MixBox.NanoModel
{
    /// <summary>One i2c_master_cmd_begin the model ran: port, address, the write phase, the read length, the esp_err_t.</summary>
    public sealed class ModelTransfer
    {
        public ModelTransfer(int port, int address, byte[] written, int readLength, int espErr)
        {
            Port = port;
            Address = address;
            Written = written;
            ReadLength = readLength;
            EspErr = espErr;
        }

        public int Port { get; private set; }
        public int Address { get; private set; }
        public byte[] Written { get; private set; }
        public int ReadLength { get; private set; }
        public int EspErr { get; private set; }
    }
}
