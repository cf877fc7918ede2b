namespace MixBox.Hal
{
    /// <summary>
    /// TI TLV320ADC6140: four line inputs into a TDM slave port. The driver owns the power-up
    /// sequence of TI SBAS992A's application section (reset, wake, ASI format, slot map, channel config,
    /// enable, verify), per-channel gain and volume, and status read-back. It never throws
    /// on a bus problem: each call returns false and <see cref="Health"/> says why.
    /// </summary>
    public sealed class Tlv320Adc6140
    {
        public const int Channels = 4;

        // SW_RESET bit 0, self-clearing (SBAS992A, Register Maps, SW_RESET). Wait before the next access.
        private const byte SwReset = 0x01;
        private const int ResetWaitMs = 10;
        // SLEEP_CFG: AREG_SELECT (b7, internal 1.8 V regulator for AVDD = 3.3 V) + SLEEP_ENZ (b0, wake).
        private const byte SleepCfgAwake = 0x81;
        private const int WakeWaitMs = 1;
        // ASI_CFG0: FORMAT 00 TDM (b7:6), WLEN 11 32-bit (b5:4), TX_FILL 1 = Hi-Z in unused slots (b0),
        // so the line is driven only in this ADC's slots.
        private const byte AsiCfg0TdmWord32HiZ = 0x31;
        // MST_CFG0: MST_SLV_CFG (b7) 0 = slave, FS_MODE (b3) 0 = 48 kHz family.
        private const byte MstCfg0SlaveMask = 0x88;
        // CLK_SRC bit 7 = 0: in slave mode the PLL's root clock is BCLK (no MCLK on this board).
        private const byte ClkSrcBclkMask = 0x80;
        // CHn_CFG0: INTYP (b7) 1 = line input, INSRC (b6:5) 00 = analog differential,
        // DC (b4) 0 = AC coupled, IMP (b3:2) typical input impedance 00 = 2.5, 01 = 10,
        // 10 = 20 kOhm (SBAS992A, CH1_CFG0 register, P0_R60).
        private const byte ChCfg0LineDifferential10k = 0x84;
        private const byte ChCfg0LineDifferential20k = 0x88;
        // CHn_CFG1 (P0_R61 for channel 1, every 5 registers on): CHn_GAIN in bits 7:2, 0 to
        // 42 dB in 1 dB steps, codes 43..63 reserved; bits 1:0 reserved (SBAS992A, CH1_CFG1).
        private const byte GainMask = 0xFC;
        public const int MaxAnalogGainDb = 42;
        // CHn_CFG2: DVOL, 0 = mute, 1 = -100 dB, 201 (0xC9) = 0 dB, 255 = +27 dB, 0.5 dB steps.
        public const byte VolumeMute = 0x00;
        public const byte VolumeUnity = 0xC9;
        // IN_CH_EN / ASI_OUT_CH_EN: bit 7 = channel 1 ... bit 4 = channel 4.
        private const byte FourChannels = 0xF0;
        // PWR_CFG: ADC_PDZ (b6) + PLL_PDZ (b5) on, MICBIAS (b7) off: line inputs need no bias.
        private const byte PwrCfgAdcPll = 0x60;
        // DSP_CFG0 DECI_FILT (b5:4): 10 = ultra-low-latency decimation filter (TLV320ADC6140
        // datasheet, TI SBAS992A, "Configurable Digital Decimation Filters", Table 21).
        private const byte DeciFiltMask = 0x30;
        private const byte DeciFiltUltraLowLatency = 0x20;
        /// <summary>
        /// Group delay of the ultra-low-latency decimation filter at 48 kHz, in hundredths of a
        /// sample: 4.1 / fS (SBAS992A, Table 40). The linear-phase default is 17.1 / fS (Table 26).
        /// </summary>
        public const int GroupDelayHundredthsOfSample = 410;
        private const byte AsiStsNoClock = 0xFF;
        private const int StatusPolls = 10;
        private const int StatusPollMs = 2;

        private readonly RegisterAccess _regs;
        private readonly IDelay _delay;
        private readonly byte[] _slotMap = new byte[Channels];
        private readonly byte[] _volume = new byte[Channels];
        private readonly bool[] _muted = new bool[Channels];
        // The input set-up each channel should have: written at every Initialize, before the
        // channels are powered up, so a part brought back after a dropout gets it again.
        private readonly byte[] _gainDb = new byte[Channels];
        private readonly bool[] _highImpedance = new bool[Channels];

        public Tlv320Adc6140(II2cDevice device, IDelay delay, RetryPolicy retry, string name)
        {
            _regs = new RegisterAccess(device, retry, delay, 0);
            _delay = delay;
            Health = new PartHealth(name, device.Address);
            for (int i = 0; i < Channels; i++)
            {
                _volume[i] = VolumeUnity;
            }
        }

        public PartHealth Health { get; private set; }

        /// <summary>
        /// Full power-up. The TDM clocks (BCLK, FSYNC) must already run: the ADC's PLL locks
        /// to BCLK, and the final check waits for "recording" mode.
        /// </summary>
        /// <param name="firstSlot">TDM slot of input 1; inputs 2..4 follow.</param>
        public bool Initialize(int firstSlot)
        {
            _regs.ForgetPage();
            if (!Do(_regs.SelectPage(0), "select page 0")) return false;
            if (!Do(_regs.Write(Reg(Tlv320Adc6140Register.SwReset), SwReset), "software reset")) return false;
            _delay.Milliseconds(ResetWaitMs);
            _regs.ForgetPage();
            if (!Do(_regs.SelectPage(0), "select page 0 after reset")) return false;
            if (!Do(_regs.Write(Reg(Tlv320Adc6140Register.SleepCfg), SleepCfgAwake), "wake")) return false;
            _delay.Milliseconds(WakeWaitMs);

            // Linux's adcx140 driver powers the ADC down before touching ASI/clock config;
            // right after reset it is already down, so the writes below are safe.
            if (!Do(_regs.Write(Reg(Tlv320Adc6140Register.AsiCfg0), AsiCfg0TdmWord32HiZ), "ASI format")) return false;
            if (!Do(_regs.Update(Reg(Tlv320Adc6140Register.MstCfg0), MstCfg0SlaveMask, 0x00), "slave mode")) return false;
            if (!Do(_regs.Update(Reg(Tlv320Adc6140Register.ClkSrc), ClkSrcBclkMask, 0x00), "clock source")) return false;
            for (int i = 0; i < Channels; i++)
            {
                // ASI_CHn bits 5:0 = slot; bit 6 (output line) stays 0 = primary SDOUT.
                _slotMap[i] = (byte)((firstSlot + i) & 0x3F);
            }
            if (!Do(_regs.WriteBlock(Reg(Tlv320Adc6140Register.AsiCh1), _slotMap), "slot map")) return false;

            for (int ch = 0; ch < Channels; ch++)
            {
                byte cfg0 = (byte)(Reg(Tlv320Adc6140Register.Ch1Cfg0) + 5 * ch);
                if (!Do(_regs.Write(cfg0, InputConfig(ch)), "input config")) return false;
                if (!Do(_regs.Write((byte)(cfg0 + 1), (byte)(_gainDb[ch] << 2)), "analog gain")) return false;
                if (!Do(_regs.Write((byte)(cfg0 + 2), CurrentVolume(ch)), "digital volume")) return false;
            }

            // Ultra-low latency: the box's analogue in -> out budget (docs/DEVICE.md) counts on it.
            if (!Do(_regs.Update(Reg(Tlv320Adc6140Register.DspCfg0), DeciFiltMask, DeciFiltUltraLowLatency), "decimation filter")) return false;
            if (!Do(_regs.Write(Reg(Tlv320Adc6140Register.InChEn), FourChannels), "input enable")) return false;
            if (!Do(_regs.Write(Reg(Tlv320Adc6140Register.AsiOutChEn), FourChannels), "output enable")) return false;
            if (!Do(_regs.Write(Reg(Tlv320Adc6140Register.PwrCfg), PwrCfgAdcPll), "power up")) return false;
            return Verify();
        }

        /// <summary>Expect a clock on the ASI and the chip recording; a bounded poll, then a verdict.</summary>
        private bool Verify()
        {
            Adc6140Status status = new Adc6140Status();
            for (int poll = 0; poll < StatusPolls; poll++)
            {
                _delay.Milliseconds(StatusPollMs);
                if (!ReadStatus(out status))
                {
                    return false;
                }
                if (IsRecording(status))
                {
                    Health.MarkOk();
                    return true;
                }
            }
            ReportNotRecording(status);
            return false;
        }

        /// <summary>
        /// One status read while audio runs. A part that stopped answering shows as lost; one
        /// that answers but no longer records (back in sleep after a supply dip reset it, or
        /// its clock gone) as faulty. Either way it needs <see cref="Initialize"/> again.
        /// </summary>
        public bool CheckRunning()
        {
            Adc6140Status status;
            if (!ReadStatus(out status)) return false;
            if (IsRecording(status)) return true;
            ReportNotRecording(status);
            return false;
        }

        private static bool IsRecording(Adc6140Status status)
        {
            return status.ClockDetected && status.Mode == Adc6140DeviceMode.Recording;
        }

        private void ReportNotRecording(Adc6140Status status)
        {
            // Asleep first: a sleeping chip reports no clock either, and sleep is what a reset leaves.
            if (status.Mode == Adc6140DeviceMode.Sleep)
            {
                Health.VerifyFailed("asleep (DEV_STS1 mode 4), expected 7 (recording)");
            }
            else if (!status.ClockDetected)
            {
                Health.VerifyFailed("no ASI clock (ASI_STS 0xFF)");
            }
            else
            {
                Health.VerifyFailed("DEV_STS1 mode " + ((int)status.Mode).ToString() + ", expected 7 (recording)");
            }
        }

        public bool ReadStatus(out Adc6140Status status)
        {
            status = new Adc6140Status();
            byte value;
            if (!Do(_regs.SelectPage(0), "select page 0")) return false;
            if (!Do(_regs.Read(Reg(Tlv320Adc6140Register.AsiSts), out value), "read ASI_STS")) return false;
            status.AsiStatus = value;
            if (!Do(_regs.Read(Reg(Tlv320Adc6140Register.DevSts0), out value), "read DEV_STS0")) return false;
            status.DeviceStatus0 = value;
            if (!Do(_regs.Read(Reg(Tlv320Adc6140Register.DevSts1), out value), "read DEV_STS1")) return false;
            status.DeviceStatus1 = value;
            return true;
        }

        /// <summary>
        /// Analog input gain, 0..42 dB in 1 dB steps (clamped). Channel 0..3. Kept for every
        /// later <see cref="Initialize"/> and written now. The datasheet asks for the gain to be
        /// set before the channel powers up (SBAS992A, "Programmable Channel Gain and Digital
        /// Volume Control"); a live change steps the level at once, so the firmware makes it
        /// only while the channel is muted in the engine (Inputs/GainStepper).
        /// </summary>
        public bool SetAnalogGainDb(int channel, int db)
        {
            if (db < 0) db = 0;
            if (db > MaxAnalogGainDb) db = MaxAnalogGainDb;
            _gainDb[channel] = (byte)db;
            byte cfg1 = (byte)(Reg(Tlv320Adc6140Register.Ch1Cfg1) + 5 * channel);
            // Masked: bits 1:0 of CHn_CFG1 are reserved and are left alone.
            return Do(_regs.SelectPage(0), "select page 0")
                && Do(_regs.Update(cfg1, GainMask, (byte)(db << 2)), "analog gain");
        }

        /// <summary>The gain the channel has (or gets at the next <see cref="Initialize"/>), dB.</summary>
        public int AnalogGainDb(int channel) { return _gainDb[channel]; }

        /// <summary>
        /// Input impedance: 20 kOhm (high, for instruments) or 10 kOhm (line), the two upper
        /// settings of CHn_CFG0 IMP. Channel 0..3. Kept for every later <see cref="Initialize"/>
        /// and written now.
        /// </summary>
        public bool SetHighImpedance(int channel, bool high)
        {
            _highImpedance[channel] = high;
            byte cfg0 = (byte)(Reg(Tlv320Adc6140Register.Ch1Cfg0) + 5 * channel);
            return Do(_regs.SelectPage(0), "select page 0")
                && Do(_regs.Write(cfg0, InputConfig(channel)), "input config");
        }

        public bool HighImpedance(int channel) { return _highImpedance[channel]; }

        private byte InputConfig(int channel)
        {
            return _highImpedance[channel] ? ChCfg0LineDifferential20k : ChCfg0LineDifferential10k;
        }

        /// <summary>
        /// Sets what <see cref="Initialize"/> writes for a channel without touching the part:
        /// for a restored scene before bring-up, so the gain is in place before power-up.
        /// </summary>
        public void PresetInput(int channel, int gainDb, bool highImpedance)
        {
            if (gainDb < 0) gainDb = 0;
            if (gainDb > MaxAnalogGainDb) gainDb = MaxAnalogGainDb;
            _gainDb[channel] = (byte)gainDb;
            _highImpedance[channel] = highImpedance;
        }

        /// <summary>Digital volume in 0.5 dB steps re 0 dB (-199..+54, clamped). Channel 0..3.</summary>
        public bool SetDigitalVolumeHalfDb(int channel, int halfDb)
        {
            _volume[channel] = VolumeCode(halfDb);
            return WriteVolume(channel);
        }

        /// <summary>Mutes by volume code 0 (the chip's mute); unmuting restores the volume.</summary>
        public bool SetMuted(int channel, bool muted)
        {
            _muted[channel] = muted;
            return WriteVolume(channel);
        }

        /// <summary>CHn_CFG2 code for a volume in half-dB: 201 + halfDb, kept within 1..255 (0 is mute).</summary>
        public static byte VolumeCode(int halfDb)
        {
            int code = VolumeUnity + halfDb;
            if (code < 1) code = 1;
            if (code > 255) code = 255;
            return (byte)code;
        }

        private bool WriteVolume(int channel)
        {
            byte cfg2 = (byte)(Reg(Tlv320Adc6140Register.Ch1Cfg2) + 5 * channel);
            return Do(_regs.SelectPage(0), "select page 0")
                && Do(_regs.Write(cfg2, CurrentVolume(channel)), "digital volume");
        }

        private byte CurrentVolume(int channel)
        {
            return _muted[channel] ? VolumeMute : _volume[channel];
        }

        private bool Do(bool ok, string step)
        {
            if (!ok)
            {
                Health.TransferFailed(step, _regs);
            }
            return ok;
        }

        private static byte Reg(Tlv320Adc6140Register register)
        {
            return (byte)register;
        }
    }
}
