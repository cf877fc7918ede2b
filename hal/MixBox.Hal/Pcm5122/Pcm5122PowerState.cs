namespace MixBox.Hal
{
    /// <summary>PCM5122 power state machine, register 118 PSTM (SLAS763, Page 0 / Register 118).</summary>
    public enum Pcm5122PowerState
    {
        Powerdown = 0,
        WaitForChargePump = 1,
        Calibration1 = 2,
        Calibration2 = 3,
        VolumeRampUp = 4,
        Run = 5,
        LineOutputShort = 6,
        VolumeRampDown = 7,
        Standby = 8,
    }
}
