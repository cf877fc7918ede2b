namespace MixBox.Hal
{
    /// <summary>
    /// TI PCM5122 stereo DAC as a TDM slave without SCK: the PLL runs from BCK and the
    /// clock dividers are set automatically (clock auto set). Power-up per TI SLAS763's clocking
    /// section and register maps: reset, standby while the clocking is reconfigured, PLL from BCK,
    /// format, offset, volume, mute, run; every transfer is checked and
    /// <see cref="Health"/> says why a call returned false.
    /// </summary>
    public sealed class Pcm5122
    {
        // Register 1: RSTM (b4) + RSTR (b0) reset modules and registers; released by writing 0.
        private const byte ResetModulesAndRegisters = 0x11;
        // Register 2: RQST (b4) standby request while the clocking is reconfigured.
        private const byte PowerStandby = 0x10;
        private const byte PowerRun = 0x00;
        // Register 3: RQML (b4) + RQMR (b0).
        private const byte MuteBoth = 0x11;
        // Register 4: PLCE (b0).
        private const byte PllEnableBit = 0x01;
        // Register 13: SREF = 001 (b6:4): the PLL takes BCK, as there is no SCK on this board.
        private const byte PllReferenceBck = 0x10;
        // Register 37: IDCH (b3) ignore the missing SCK; DCAS (b1) must stay 0 to keep clock auto set.
        private const byte ErrorDetectMask = 0x0A;
        private const byte ErrorDetectIgnoreSckHalt = 0x08;
        // Register 40: AFMT 01 = DSP (TDM) (b5:4), ALEN 11 = 32 bit (b1:0).
        private const byte I2sDspWord32 = 0x13;
        // Register 43: DSP program 2 = low-latency x8 interpolation filter (TI SLAS763, "Digital
        // Interpolation Filter" program table, Page 0 Register 43 D4:0).
        private const byte ProgramLowLatencyFilter = 0x02;
        /// <summary>
        /// Group delay of the low-latency interpolation filter at 48 kHz, in hundredths of a
        /// sample: 3.5 / fS (SLAS763, Table 2 "Typical Performance": low-latency 8x filter latency).
        /// The normal filter's is 20 / fS.
        /// </summary>
        public const int GroupDelayHundredthsOfSample = 350;
        // Multi-byte access needs bit 7 of the register address (SLAS763, I2C interface: register address auto-increment flag).
        private const byte AutoIncrement = 0x80;
        // Digital volume: 48 = 0 dB, 0.5 dB steps down to 254 = -103 dB; 255 = mute.
        public const byte VolumeUnity = 0x30;
        public const byte VolumeLowest = 254;
        private const int ResetWaitMs = 1;
        private const int PowerStatePolls = 20;
        private const int PowerStatePollMs = 5;

        private readonly RegisterAccess _regs;
        private readonly IDelay _delay;
        private readonly byte[] _volumes = new byte[2];
        private bool _muted;
        private byte _offset; // register 41 as the last power-up wrote it

        public Pcm5122(II2cDevice device, IDelay delay, RetryPolicy retry, string name)
        {
            _regs = new RegisterAccess(device, retry, delay, AutoIncrement);
            _delay = delay;
            Health = new PartHealth(name, device.Address);
            _volumes[0] = VolumeUnity;
            _volumes[1] = VolumeUnity;
        }

        public PartHealth Health { get; private set; }

        /// <summary>
        /// Full power-up. BCK and LRCK must already run: the final check waits for the
        /// power state machine to reach "run", which it only does with valid clocks.
        /// </summary>
        /// <param name="firstSlot">TDM slot of the left channel; right follows in the next slot.</param>
        /// <param name="slotBits">Bits per TDM slot (32 on this box).</param>
        public bool Initialize(int firstSlot, int slotBits)
        {
            int offset = firstSlot * slotBits;
            if (offset < 0 || offset > 255)
            {
                Health.VerifyFailed("slot " + firstSlot.ToString() + " is beyond the 255-BCK data offset");
                return false;
            }
            _regs.ForgetPage();
            if (!Do(_regs.SelectPage(0), "select page 0")) return false;
            if (!Do(_regs.Write(Reg(Pcm5122Register.Reset), ResetModulesAndRegisters), "reset")) return false;
            if (!Do(_regs.Write(Reg(Pcm5122Register.Reset), 0x00), "release reset")) return false;
            _delay.Milliseconds(ResetWaitMs);
            _regs.ForgetPage();
            if (!Do(_regs.SelectPage(0), "select page 0 after reset")) return false;
            if (!Do(_regs.Write(Reg(Pcm5122Register.Power), PowerStandby), "standby")) return false;
            if (!Do(_regs.Update(Reg(Pcm5122Register.ErrorDetect), ErrorDetectMask, ErrorDetectIgnoreSckHalt), "clock error detection")) return false;
            if (!Do(_regs.Write(Reg(Pcm5122Register.PllReference), PllReferenceBck), "PLL reference")) return false;
            if (!Do(_regs.Update(Reg(Pcm5122Register.PllEnable), PllEnableBit, PllEnableBit), "PLL enable")) return false;
            if (!Do(_regs.Write(Reg(Pcm5122Register.I2s1), I2sDspWord32), "audio format")) return false;
            _offset = (byte)offset;
            if (!Do(_regs.Write(Reg(Pcm5122Register.I2s2), _offset), "data offset")) return false;
            if (!Do(_regs.Write(Reg(Pcm5122Register.DspProgram), ProgramLowLatencyFilter), "interpolation filter")) return false;
            if (!Do(_regs.WriteBlock(Reg(Pcm5122Register.DigitalVolumeLeft), _volumes), "volume")) return false;
            if (!Do(_regs.Write(Reg(Pcm5122Register.Mute), _muted ? MuteBoth : (byte)0x00), "mute")) return false;
            if (!Do(_regs.Write(Reg(Pcm5122Register.Power), PowerRun), "leave standby")) return false;
            return Verify();
        }

        /// <summary>Bounded poll of register 118 until the DAC reports "run".</summary>
        private bool Verify()
        {
            Pcm5122Status status = new Pcm5122Status();
            for (int poll = 0; poll < PowerStatePolls; poll++)
            {
                _delay.Milliseconds(PowerStatePollMs);
                if (!ReadStatus(out status))
                {
                    return false;
                }
                if (status.PowerState == Pcm5122PowerState.Run)
                {
                    Health.MarkOk();
                    return true;
                }
            }
            ReportPowerState(status);
            return false;
        }

        /// <summary>
        /// One check while audio runs: the DAC still answers, is not powered down, in standby or
        /// shorted, and still holds the audio format and slot written at power-up (after a supply
        /// dip it would come back at its defaults, I2S 24-bit, and may well "run" on the wrong
        /// slot). Otherwise <see cref="Health"/> says lost or faulty and it needs
        /// <see cref="Initialize"/> again. Volume ramps (soft mute) count as running.
        /// </summary>
        public bool CheckRunning()
        {
            Pcm5122Status status;
            if (!ReadStatus(out status)) return false;
            Pcm5122PowerState state = status.PowerState;
            if (state == Pcm5122PowerState.Powerdown || state == Pcm5122PowerState.Standby
                || state == Pcm5122PowerState.LineOutputShort)
            {
                ReportPowerState(status);
                return false;
            }
            byte format, offset;
            if (!Do(_regs.Read(Reg(Pcm5122Register.I2s1), out format), "read audio format")) return false;
            if (!Do(_regs.Read(Reg(Pcm5122Register.I2s2), out offset), "read data offset")) return false;
            if (format != I2sDspWord32 || offset != _offset)
            {
                Health.VerifyFailed("audio format 0x" + format.ToString("X2") + ", offset " + offset.ToString()
                    + ": registers reset since power-up");
                return false;
            }
            return true;
        }

        private void ReportPowerState(Pcm5122Status status)
        {
            string problem = "power state " + ((int)status.PowerState).ToString() + ", expected 5 (run)";
            if (status.AudioClocksMissing)
            {
                problem += "; BCK and LRCK missing";
            }
            Health.VerifyFailed(problem);
        }

        public bool ReadStatus(out Pcm5122Status status)
        {
            status = new Pcm5122Status();
            byte value;
            if (!Do(_regs.SelectPage(0), "select page 0")) return false;
            if (!Do(_regs.Read(Reg(Pcm5122Register.PowerState), out value), "read power state")) return false;
            status.PowerStateRaw = value;
            if (!Do(_regs.Read(Reg(Pcm5122Register.PllEnable), out value), "read PLL status")) return false;
            status.Pll = value;
            if (!Do(_regs.Read(Reg(Pcm5122Register.ClockDetectorStatus), out value), "read clock detector")) return false;
            status.ClockDetector = value;
            return true;
        }

        /// <summary>Both channels' digital volume in 0.5 dB steps re 0 dB (+48..-206, clamped).</summary>
        public bool SetVolumeHalfDb(int halfDb)
        {
            byte code = VolumeCode(halfDb);
            _volumes[0] = code;
            _volumes[1] = code;
            return Do(_regs.SelectPage(0), "select page 0")
                && Do(_regs.WriteBlock(Reg(Pcm5122Register.DigitalVolumeLeft), _volumes), "volume");
        }

        /// <summary>Soft mute of both channels (the DAC ramps, so no click).</summary>
        public bool SetMuted(bool muted)
        {
            _muted = muted;
            return Do(_regs.SelectPage(0), "select page 0")
                && Do(_regs.Write(Reg(Pcm5122Register.Mute), muted ? MuteBoth : (byte)0x00), "mute");
        }

        /// <summary>Register 61/62 code: 48 - halfDb, kept within 0..254 (255 would be mute).</summary>
        public static byte VolumeCode(int halfDb)
        {
            int code = VolumeUnity - halfDb;
            if (code < 0) code = 0;
            if (code > VolumeLowest) code = VolumeLowest;
            return (byte)code;
        }

        private bool Do(bool ok, string step)
        {
            if (!ok)
            {
                Health.TransferFailed(step, _regs);
            }
            return ok;
        }

        private static byte Reg(Pcm5122Register register)
        {
            return (byte)register;
        }
    }
}
