namespace MixBox.Firmware
{
    /// <summary>What the box answers to a discovery datagram (/info).</summary>
    public static class BoxIdentity
    {
        public const string Name = "MixBox";
        public const string Model = "MixBox S3";
        /// <summary>The firmware's version; raise it with each release.</summary>
        public const string FirmwareVersion = "0.21.0";
    }
}
