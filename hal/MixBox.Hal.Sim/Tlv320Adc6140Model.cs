namespace MixBox.Hal.Sim;

/// <summary>
/// TLV320ADC6140 register model. Power-on defaults from SBAS992A Register Maps (page 0 register
/// table, "Reset" column); SW_RESET is self-clearing and restores them; ASI_STS, DEV_STS0
/// and DEV_STS1 are computed from SLEEP_CFG, IN_CH_EN, PWR_CFG and whether the TDM clocks run.
/// <see cref="Convert"/> is the audio side: what the part puts in its TDM slots for the
/// analogue signal at its inputs, with the channel gain and digital volume of its registers
/// and the clip at the 24-bit full-scale codes.
/// </summary>
public sealed class Tlv320Adc6140Model : PagedRegisterModel
{
    public const int Channels = 4;
    /// <summary>CHn_CFG1 bits 7:2: 0..42 dB in 1 dB steps; codes 43..63 are reserved (SBAS992A).</summary>
    public const int MaxGainDb = 42;

    // Linear gain of each CHn_GAIN code and of each CHn_DVOL code (0 = mute, 201 = 0 dB, 0.5 dB steps).
    private static readonly double[] GainOfCode = Enumerable.Range(0, 64).Select(g => Math.Pow(10.0, Math.Min(g, MaxGainDb) / 20.0)).ToArray();
    private static readonly double[] VolumeOfCode = Enumerable.Range(0, 256).Select(v => v == 0 ? 0.0 : Math.Pow(10.0, (v - 201) * 0.5 / 20.0)).ToArray();
    private readonly double[] _channelGain = new double[Channels];

    public const int SwReset = 0x01, SleepCfg = 0x02, AsiCfg0 = 0x07, AsiCfg1 = 0x08, AsiCh1 = 0x0B,
        MstCfg0 = 0x13, AsiSts = 0x15, ClkSrc = 0x16, Ch1Cfg0 = 0x3C, DspCfg0 = 0x6B,
        InChEn = 0x73, AsiOutChEn = 0x74, PwrCfg = 0x75, DevSts0 = 0x76, DevSts1 = 0x77;

    /// <summary>
    /// What ASI_STS reads with rev B's 48 kHz, 128-BCLK frame: FS_RATE_STS 4 (48 kHz) in bits 7:4,
    /// FS_RATIO_STS 6 (128) in bits 3:0 (the datasheet's ASI_STS field tables). Assumed, not measured.
    /// </summary>
    public const byte AsiStatus48kHz128 = 0x46;

    /// <summary>DSP_CFG0 DECI_FILT (bits 5:4) = 10: the ultra-low-latency decimation filter.</summary>
    public bool UltraLowLatencyFilter => (Peek(0, DspCfg0) & 0x30) == 0x20;

    public Tlv320Adc6140Model() : base(autoIncrementNeedsBit7: false) => ResetRegisters();

    /// <summary>BCLK and FSYNC present on the ASI (the ESP32-S3's I2S is running).</summary>
    public bool ClocksRunning { get; set; }

    public int ResetCount { get; private set; }

    private bool _shutdown;

    /// <summary>
    /// SHDNZ held low: the part is in hardware shutdown, off the bus; when it is released the
    /// registers start from their defaults and an I2C hang is cleared (SBAS992A 8.4.1).
    /// A part on its own (no board) has SHDNZ tied high.
    /// </summary>
    public bool InShutdown
    {
        get => _shutdown;
        set
        {
            if (_shutdown && !value)
            {
                HardwareResetCount++;
                Hung = false;
                ResetRegisters();
            }
            _shutdown = value;
        }
    }

    public int HardwareResetCount { get; private set; }

    /// <summary>The part's I2C side has stopped answering (it NACKs) until a hardware shutdown.</summary>
    public bool Hung { get; set; }

    public override bool Acknowledges => !_shutdown && !Hung;

    public bool Awake => !_shutdown && (Peek(0, SleepCfg) & 0x01) != 0;

    public bool Recording => Awake && ClocksRunning && (Peek(0, PwrCfg) & 0x40) != 0 && (Peek(0, InChEn) & 0xF0) != 0;

    /// <summary>CHn_GAIN of channel 0..3, dB.</summary>
    public int AnalogGainDb(int channel) => Peek(0, Ch1Cfg0 + 5 * channel + 1) >> 2;

    /// <summary>Typical input impedance set by CHn_CFG0 IMP (bits 3:2), ohms; 0 for the reserved code.</summary>
    public int InputImpedanceOhms(int channel) => ((Peek(0, Ch1Cfg0 + 5 * channel) >> 2) & 0x03) switch
    {
        0 => 2500,
        1 => 10000,
        2 => 20000,
        _ => 0,
    };

    /// <summary>Samples that reached a full-scale code since the model was made.</summary>
    public long ClippedSamples { get; private set; }

    /// <summary>
    /// Converts <paramref name="frames"/> frames in place: slots <paramref name="firstChannel"/>
    /// .. +3 of the interleaved block hold the analogue input of channels 1..4, as Q1.31 of
    /// the part's full scale at 0 dB gain (2 Vrms differential), and leave as the part's
    /// codes: × channel gain × digital volume, rounded to 24 bits, clipped at the full-scale
    /// codes, left-justified. A channel that is not recording delivers zeros (its slot is
    /// Hi-Z). No allocation.
    /// </summary>
    public void Convert(int[] block, int channels, int firstChannel, int frames)
    {
        bool recording = Recording;
        byte enabled = (byte)(Peek(0, InChEn) & Peek(0, AsiOutChEn));
        for (int ch = 0; ch < Channels; ch++)
        {
            bool on = recording && (enabled & (0x80 >> ch)) != 0;
            int cfg0 = Ch1Cfg0 + 5 * ch;
            _channelGain[ch] = on ? GainOfCode[Peek(0, cfg0 + 1) >> 2] * VolumeOfCode[Peek(0, cfg0 + 2)] : 0.0;
        }
        for (int i = 0; i < frames; i++)
        {
            int at = i * channels + firstChannel;
            for (int ch = 0; ch < Channels; ch++) block[at + ch] = Code(block[at + ch] * _channelGain[ch]);
        }
    }

    private int Code(double q31)
    {
        double code = Math.Round(q31 / 256.0);
        if (code >= 8388607.0 || code <= -8388608.0)
        {
            ClippedSamples++;
            code = Math.Clamp(code, -8388608.0, 8388607.0);
        }
        return (int)code * 256;
    }

    protected override void LoadDefaults()
    {
        var p = Page(0);
        p[SleepCfg] = 0x00;
        p[AsiCfg0] = 0x30;  // TDM, 32-bit, TX_FILL 0
        p[AsiCfg1] = 0x00;
        for (int ch = 0; ch < 8; ch++) p[AsiCh1 + ch] = (byte)ch;
        p[MstCfg0] = 0x02;
        p[ClkSrc] = 0x10;
        for (int ch = 0; ch < 4; ch++)
        {
            int cfg0 = Ch1Cfg0 + 5 * ch;
            p[cfg0] = 0x00;      // mic input, differential, AC, 2.5 kOhm
            p[cfg0 + 1] = 0x00;  // 0 dB gain
            p[cfg0 + 2] = 0xC9;  // 0 dB digital volume
            p[cfg0 + 3] = 0x80;  // gain calibration 0 dB
            p[cfg0 + 4] = 0x00;  // phase calibration 0
        }
        p[DspCfg0] = 0x01;
        p[InChEn] = 0xF0;
        p[AsiOutChEn] = 0x00;
        p[PwrCfg] = 0x00;
    }

    protected override void OnWrite(int page, int register, byte value)
    {
        if (page == 0 && register == SwReset)
        {
            if ((value & 0x01) != 0)
            {
                ResetCount++;
                ResetRegisters();  // self-clearing: reads 0 afterwards
            }
            return;
        }
        if (page == 0 && (register == AsiSts || register == DevSts0 || register == DevSts1))
        {
            return;  // read-only
        }
        base.OnWrite(page, register, value);
    }

    protected override byte OnRead(int page, int register)
    {
        if (page != 0) return base.OnRead(page, register);
        switch (register)
        {
            case AsiSts:
                return Awake && ClocksRunning ? AsiStatus48kHz128 : (byte)0xFF;
            case DevSts0:
                return Recording ? (byte)(Peek(0, InChEn) & 0xF0) : (byte)0x00;
            case DevSts1:
                if (!Awake) return 4 << 5;
                return Recording ? (byte)(7 << 5) : (byte)(6 << 5);
            default:
                return base.OnRead(page, register);
        }
    }
}
