namespace MixBox.Hal
{
    /// <summary>
    /// Brings up every part on the bus in turn and tolerates any of them being missing or
    /// faulty: each driver retries per the policy and then gives up, so bring-up always
    /// ends, in bounded time, with a <see cref="BringUpReport"/>. Start the TDM clocks
    /// first: the converters lock to BCLK and their init verifies that. The ADCs come out of
    /// hardware shutdown here, and an ADC brought up again is first reset through its SHDNZ
    /// line, the only reset that reaches a part whose I2C side has stopped answering.
    /// </summary>
    public sealed class BoardBringUp
    {
        private readonly MixerBusPlan _plan;

        private readonly Adc6140ShutdownLine _adcAShutdown;
        private readonly Adc6140ShutdownLine _adcBShutdown;

        public BoardBringUp(II2cBus bus, IOutputLines lines, IDelay delay, RetryPolicy retry, MixerBusPlan plan)
        {
            _plan = plan;
            _adcAShutdown = new Adc6140ShutdownLine(lines, plan.AdcAShutdownPin, delay);
            _adcBShutdown = new Adc6140ShutdownLine(lines, plan.AdcBShutdownPin, delay);
            Dac = new Pcm5122(bus.Open(plan.DacAddress), delay, retry, "DAC (PCM5122)");
            AdcA = new Tlv320Adc6140(bus.Open(plan.AdcAAddress), delay, retry, "ADC A (TLV320ADC6140)");
            AdcB = new Tlv320Adc6140(bus.Open(plan.AdcBAddress), delay, retry, "ADC B (TLV320ADC6140)");
            Panel = new Ht16k33(bus.Open(plan.PanelAddress), delay, retry, "panel (HT16K33)");
            KnobsA = new Ads7828(bus.Open(plan.KnobAdcAAddress), delay, retry, "knob ADC A (ADS7828)");
            KnobsB = new Ads7828(bus.Open(plan.KnobAdcBAddress), delay, retry, "knob ADC B (ADS7828)");
        }

        public Pcm5122 Dac { get; private set; }
        public Tlv320Adc6140 AdcA { get; private set; }
        public Tlv320Adc6140 AdcB { get; private set; }
        public Ht16k33 Panel { get; private set; }
        public Ads7828 KnobsA { get; private set; }
        public Ads7828 KnobsB { get; private set; }

        public BringUpReport Run()
        {
            // Audio path first, so a slow panel failure never delays sound.
            _adcAShutdown.Release();
            _adcBShutdown.Release();
            AdcA.Initialize(_plan.AdcAFirstSlot);
            AdcB.Initialize(_plan.AdcBFirstSlot);
            Dac.Initialize(_plan.DacFirstSlot, _plan.SlotBits);
            Panel.Initialize();
            KnobsA.Initialize();
            KnobsB.Initialize();
            return new BringUpReport(Dac.Health, AdcA.Health, AdcB.Health, Panel.Health, KnobsA.Health, KnobsB.Health);
        }

        /// <summary>
        /// While audio runs: one status check of each converter that is up. Nothing else
        /// reads them after bring-up, so this is how one that drops out is noticed (the panel
        /// and knob ADCs are read every tick and notice by themselves).
        /// </summary>
        public void CheckConverters()
        {
            if (AdcA.Health.IsOk) AdcA.CheckRunning();
            if (AdcB.Health.IsOk) AdcB.CheckRunning();
            if (Dac.Health.IsOk) Dac.CheckRunning();
        }

        /// <summary>Runs one part's bring-up again (numbered as in <see cref="BringUpReport"/>); true when it is ok now.</summary>
        public bool Reinitialize(int part)
        {
            switch (part)
            {
                case BringUpReport.DacPart: return Dac.Initialize(_plan.DacFirstSlot, _plan.SlotBits);
                case BringUpReport.AdcAPart:
                    _adcAShutdown.Pulse();
                    return AdcA.Initialize(_plan.AdcAFirstSlot);
                case BringUpReport.AdcBPart:
                    _adcBShutdown.Pulse();
                    return AdcB.Initialize(_plan.AdcBFirstSlot);
                case BringUpReport.PanelPart: return Panel.Initialize();
                case BringUpReport.KnobsAPart: return KnobsA.Initialize();
                default: return KnobsB.Initialize();
            }
        }
    }
}
