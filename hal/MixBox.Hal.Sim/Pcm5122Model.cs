namespace MixBox.Hal.Sim;

/// <summary>
/// PCM5122 register model. Defaults from SLAS763's "Page 0 / Register N" tables; multi-byte
/// access auto-increments only with address bit 7; the reset bits self-clear; register 118
/// (power state) reaches 5 (run) only when standby/power-down are released, BCK/LRCK run
/// and the clocking can work without SCK: PLL on, PLL reference BCK, SCK halt ignored and
/// clock auto set left enabled. Register 4 PLCK and register 94 CDST follow the same facts.
/// </summary>
public sealed class Pcm5122Model : PagedRegisterModel
{
    public const int Reset = 1, Power = 2, Mute = 3, PllEnable = 4, PllReference = 13, ErrorDetect = 37,
        I2s1 = 40, I2s2 = 41, DspProgram = 43, VolumeLeft = 61, VolumeRight = 62, ClockDetector = 94, PowerState = 118;

    public Pcm5122Model() : base(autoIncrementNeedsBit7: true) => ResetRegisters();

    /// <summary>BCK and LRCK present (no SCK on this board, ever).</summary>
    public bool ClocksRunning { get; set; }

    public int RegisterResetCount { get; private set; }

    /// <summary>Register 43 selects program 2: the low-latency interpolation filter.</summary>
    public bool LowLatencyFilter => (Peek(0, DspProgram) & 0x1F) == 0x02;

    public bool PllLocked =>
        ClocksRunning && (Peek(0, PllEnable) & 0x01) != 0 && ((Peek(0, PllReference) >> 4) & 0x07) == 1;

    /// <summary>Without SCK the DAC only runs if it ignores the SCK halt and sets its dividers itself.</summary>
    public bool ClockingValid => PllLocked && (Peek(0, ErrorDetect) & 0x08) != 0 && (Peek(0, ErrorDetect) & 0x02) == 0;

    protected override void LoadDefaults()
    {
        var p = Page(0);
        p[Power] = 0x00;
        p[Mute] = 0x00;
        p[PllEnable] = 0x00;
        p[PllReference] = 0x00;  // SREF = SCK
        p[ErrorDetect] = 0x00;
        p[I2s1] = 0x02;          // I2S, 24-bit
        p[I2s2] = 0x00;
        p[DspProgram] = 0x01;    // normal x8 interpolation filter
        p[VolumeLeft] = 0x30;
        p[VolumeRight] = 0x30;
    }

    protected override void OnWrite(int page, int register, byte value)
    {
        if (page == 0 && register == Reset)
        {
            if ((value & 0x01) != 0)
            {
                RegisterResetCount++;
                ResetRegisters();
            }
            return;  // RSTM/RSTR self-clear
        }
        if (page == 0 && (register == ClockDetector || register == PowerState))
        {
            return;
        }
        if (page == 0 && register == PllEnable)
        {
            value &= 0x01;  // PLCK is read-only
        }
        base.OnWrite(page, register, value);
    }

    protected override byte OnRead(int page, int register)
    {
        if (page != 0) return base.OnRead(page, register);
        switch (register)
        {
            case PllEnable:
                return (byte)((Peek(0, PllEnable) & 0x01) | (PllLocked ? 0x00 : 0x10));
            case ClockDetector:
                // b6: SCK missing (always on this board), b5: PLL unlocked, b4: BCK and LRCK missing.
                return (byte)(0x40 | (PllLocked ? 0 : 0x20) | (ClocksRunning ? 0 : 0x10));
            case PowerState:
                return (byte)ComputePowerState();
            default:
                return base.OnRead(page, register);
        }
    }

    private Pcm5122PowerState ComputePowerState()
    {
        byte power = Peek(0, Power);
        if ((power & 0x01) != 0 || !ClocksRunning) return Pcm5122PowerState.Powerdown;
        if ((power & 0x10) != 0 || !ClockingValid) return Pcm5122PowerState.Standby;
        return Pcm5122PowerState.Run;
    }
}
