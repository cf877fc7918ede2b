using MixBox.Dsp;
using MixBox.Firmware;

namespace MixBox.Cli;

/// <summary>
/// The box's power-on scene in words, from <see cref="Scene"/>'s own values: what a render
/// without --scene plays. `mixbox render --help` prints it and docs/FIRMWARE.md quotes it
/// (a test keeps the two the same).
/// </summary>
public static class SceneDefaults
{
    public static string Text()
    {
        var s = new Scene();
        string D(int centiDb) => SceneJsonWriter.Db(centiDb);
        string OnOff(bool on) => on ? "on" : "off";
        return
            $"Without --scene the render plays the box's power-on scene: faders {D(s.FaderCentiDb[0])} dB, trims {D(s.TrimCentiDb[0])} dB, " +
            $"pans centre (a stereo stem's two channels hard left and right), no mute, solo or polarity flip, every input straight to " +
            $"the main bus, no linked pairs (but a stereo stem on inputs 1-2, 3-4, 5-6 or 7-8 plays as a linked pair, which sounds the same); sub-buses {D(s.SubFaderCentiDb[0])} dB; main {D(s.MainFaderCentiDb)} dB; compressor {(s.CompressorIn ? "in" : "out")} " +
            $"(threshold {D(s.CompThresholdCentiDb)} dB, ratio {s.CompRatioX100 / 100.0:0.##}:1, attack {s.CompAttackMicroseconds / 1000.0:0.##} ms, " +
            $"release {(s.CompReleaseMilliseconds == 0 ? "auto" : s.CompReleaseMilliseconds + " ms")}, knee {D(s.CompKneeCentiDb)} dB, " +
            $"make-up {D(s.CompMakeupCentiDb)} dB, mix {s.CompMixPercent} %, side-chain high-pass {(s.CompSidechainHighPassHz == 0 ? "off" : s.CompSidechainHighPassHz + " Hz")}, " +
            $"link {SceneJsonWriter.LinkModes[s.CompLinkAverage ? 1 : 0]}); drive {(s.DriveCentiDb == 0 ? "off" : D(s.DriveCentiDb) + " dB")}; " +
            $"bus EQ {(Flat(s) ? "flat" : "not flat")} (every band 0 dB, high-pass and low-pass off; bells at {s.EqBellHz[0]} and {s.EqBellHz[1]} Hz, Q {s.EqBellQX100[0] / 100.0:0.##}; " +
            $"shelves at {s.EqLowShelfHz} Hz and {s.EqHighShelfHz} Hz; {(s.EqAfterComp ? "after" : "before")} the compressor); de-esser {OnOff(s.DeessOn)} " +
            $"({s.DeessHz} Hz, threshold {D(s.DeessThresholdCentiDb)} dB, range {D(s.DeessRangeCentiDb)} dB, release {s.DeessReleaseMilliseconds} ms); " +
            $"width {s.StereoWidthPercent} %, mono-below {(s.StereoMonoBelowHz == 0 ? "off" : s.StereoMonoBelowHz + " Hz")}; " +
            $"safety clip {OnOff(s.OutputSafety)} at {D(s.OutputCeilingCentiDb)} dBFS (true-peak limiter {OnOff(s.OutputTruePeak)}); dither {OnOff(s.OutputDither)}. " +
            $"The stems feed the box's {Scene.Channels} inputs in command-line order (a mono stem one input, a stereo stem two). " +
            "A scene file changes only the fields it gives (mixbox scene template shows them all).";
    }

    private static bool Flat(Scene s) =>
        s.EqLowShelfCentiDb == 0 && s.EqBellCentiDb[0] == 0 && s.EqBellCentiDb[1] == 0 && s.EqHighShelfCentiDb == 0 && s.EqHighPassHz == 0 && s.EqLowpassHz == 0;
}
