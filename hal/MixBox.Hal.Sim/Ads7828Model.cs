namespace MixBox.Hal.Sim;

/// <summary>
/// ADS7828 model (TI SBAS181): the command byte picks a channel (SD, C2:C0 per Table 2) and
/// power mode; the read returns the conversion MSB first, four zero bits then 12 data bits.
/// Inputs are settable voltages against a 3.3 V reference (the pots' supply).
/// </summary>
public sealed class Ads7828Model : SimI2cTarget
{
    private readonly double[] _volts = new double[8];

    public double ReferenceVolts { get; set; } = 3.3;
    public byte LastCommand { get; private set; }
    public int LastChannel { get; private set; } = -1;
    public int ConversionCount { get; private set; }

    public void SetVolts(int channel, double volts) => _volts[channel] = volts;

    /// <summary>The 12-bit code a voltage converts to: floor(V / Vref * 4096), clamped to 0..4095.</summary>
    public int CodeFor(double volts) => (int)Math.Clamp(Math.Floor(volts / ReferenceVolts * 4096.0), 0, 4095);

    public override void Write(ReadOnlySpan<byte> data)
    {
        if (data.Length > 0) LastCommand = data[^1];
    }

    public override void Read(Span<byte> destination)
    {
        int select = (LastCommand >> 4) & 0x07;
        LastChannel = ((select & 0x03) << 1) | (select >> 2);
        bool singleEnded = (LastCommand & 0x80) != 0;
        double volts = singleEnded ? _volts[LastChannel] : _volts[LastChannel] - _volts[LastChannel ^ 1];
        int code = CodeFor(volts);
        ConversionCount++;
        if (destination.Length > 0) destination[0] = (byte)(code >> 8);
        if (destination.Length > 1) destination[1] = (byte)code;
        for (int i = 2; i < destination.Length; i++) destination[i] = destination[i - 2];
    }
}
