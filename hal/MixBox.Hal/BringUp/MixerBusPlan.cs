namespace MixBox.Hal
{
    /// <summary>
    /// What bring-up needs to know about a board: each part's I2C address, TDM slots and the
    /// GPIOs of the ADCs' shutdown lines.
    /// A board definition fills it in; the drivers never know which board they are on.
    /// </summary>
    public sealed class MixerBusPlan
    {
        public int AdcAAddress;
        public int AdcBAddress;
        public int DacAddress;
        public int PanelAddress;
        public int KnobAdcAAddress;
        public int KnobAdcBAddress;

        /// <summary>TDM slot of ADC A's input 1 (inputs 1..4 of the box).</summary>
        public int AdcAFirstSlot;
        /// <summary>TDM slot of ADC B's input 1 (inputs 5..8 of the box).</summary>
        public int AdcBFirstSlot;
        /// <summary>TDM slot of the DAC's left channel on the output line.</summary>
        public int DacFirstSlot;
        public int SlotBits;

        /// <summary>GPIO driving ADC A's SHDNZ (active low).</summary>
        public int AdcAShutdownPin;
        /// <summary>GPIO driving ADC B's SHDNZ (active low).</summary>
        public int AdcBShutdownPin;
    }
}
