namespace MixBox.Hal
{
    /// <summary>
    /// PCM5122 page 0 registers used by the driver (TI SLAS763, Register Maps,
    /// "Page 0 / Register N" tables), cross-checked against Linux sound/soc/codecs/pcm512x.h.
    /// </summary>
    internal enum Pcm5122Register : byte
    {
        PageSelect = 0,
        /// <summary>RSTM (b4) module reset, RSTR (b0) register reset; both self-clearing.</summary>
        Reset = 1,
        /// <summary>RQST (b4) standby request, RQPD (b0) power-down request.</summary>
        Power = 2,
        /// <summary>RQML (b4) left mute, RQMR (b0) right mute.</summary>
        Mute = 3,
        /// <summary>PLCE (b0) PLL enable; PLCK (b4, read only) 1 = PLL not locked.</summary>
        PllEnable = 4,
        /// <summary>SREF (b6:4) PLL reference: 000 SCK, 001 BCK.</summary>
        PllReference = 13,
        /// <summary>Clock error detection: IDCH (b3) ignore clock halt, DCAS (b1) 1 = disable clock auto set.</summary>
        ErrorDetect = 37,
        /// <summary>AFMT (b5:4) 00 I2S, 01 DSP/TDM, 10 RTJ, 11 LTJ; ALEN (b1:0) 11 = 32 bit.</summary>
        I2s1 = 40,
        /// <summary>AOFS: data offset in BCK cycles from the frame start.</summary>
        I2s2 = 41,
        /// <summary>DSP program (b4:0): 1 normal, 2 low-latency, 3 high-attenuation, 7 asymmetric FIR interpolation filter.</summary>
        DspProgram = 43,
        /// <summary>Left digital volume: 0 = +24 dB, 48 (0x30) = 0 dB, 254 = -103 dB, 255 = mute.</summary>
        DigitalVolumeLeft = 61,
        DigitalVolumeRight = 62,
        /// <summary>Clock detector status (read only): b6 SCK missing, b5 PLL unlocked, b4 BCK and LRCK missing.</summary>
        ClockDetectorStatus = 94,
        /// <summary>PSTM (b3:0): 0 powerdown, 1 wait for CP, 2-3 calibration, 4 ramp up, 5 run, 8 standby.</summary>
        PowerState = 118,
    }
}
