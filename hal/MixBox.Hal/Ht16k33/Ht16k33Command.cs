namespace MixBox.Hal
{
    /// <summary>
    /// HT16K33 command and address-pointer bytes (Holtek HT16K33 datasheet, "Command Summary"
    /// table; the low bits are the command's data). Cross-checked with Zephyr drivers/led/ht16k33.c.
    /// </summary>
    internal enum Ht16k33Command : byte
    {
        /// <summary>Display data address pointer 0x00..0x0F (16 bytes, auto-incrementing).</summary>
        DisplayRam = 0x00,
        /// <summary>System setup; b0 S = 1 turns the oscillator on (needed for display and key scan).</summary>
        SystemSetup = 0x20,
        /// <summary>Key data address pointer 0x40..0x45: three 16-bit words KS0..KS2, 13 keys each.</summary>
        KeyRam = 0x40,
        /// <summary>INT flag address pointer: non-zero when key data changed.</summary>
        IntFlag = 0x60,
        /// <summary>Display setup; b2:1 blink (00 off), b0 D = 1 display on.</summary>
        DisplaySetup = 0x80,
        /// <summary>ROW/INT set; b0 = 0: the ROW15/INT pin drives a row (no interrupt line on this board).</summary>
        RowIntSet = 0xA0,
        /// <summary>Dimming set; b3:0 duty 1/16..16/16.</summary>
        Dimming = 0xE0,
    }
}
