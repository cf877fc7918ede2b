using System.Globalization;
using System.Text.RegularExpressions;
using MixBox.Boards;

namespace MixBox.Device.Tests;

/// <summary>
/// What can be checked of the device glue without the nanoFramework tools: every
/// InternalCall extern has an implementation in firmware/native with the parameter types
/// the metadata processor maps it to, and the C board constants equal MixBoxS3Board's.
/// </summary>
public class InteropConsistencyTests
{
    private static readonly Dictionary<string, string> NativeTypes = new()
    {
        ["int"] = "signed int",
        ["int[]"] = "CLR_RT_TypedArray_INT32",
        ["byte[]"] = "CLR_RT_TypedArray_UINT8",
    };

    private static readonly Dictionary<string, string> Mangled = new()
    {
        ["int"] = "I4",
        ["int[]"] = "SZARRAY_I4",
        ["byte[]"] = "SZARRAY_U1",
    };

    public static TheoryData<string> InteropClasses => new() { "NativeEngine", "NativeAudio", "NativeSettings" };

    [Theory]
    [MemberData(nameof(InteropClasses))]
    public void EveryExternHasAnImplementationWithTheMarshalledTypes(string className)
    {
        string csharp = File.ReadAllText(RepoPaths.File($"dsp/MixBox.Dsp/{className}.Device.cs"));
        string glue = File.ReadAllText(RepoPaths.File($"firmware/native/MixBox_Dsp_MixBox_Dsp_{className}.cpp"));
        var externs = Regex.Matches(csharp, @"private static extern (\w+) (\w+)\(([^)]*)\);");
        Assert.NotEmpty(externs);
        var implemented = Regex.Matches(glue, @"^signed int " + className + @"::(\w+)\(", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(externs.Count, implemented.Count);
        foreach (Match e in externs)
        {
            Assert.Equal("int", e.Groups[1].Value);
            string name = e.Groups[2].Value;
            string[] parameters = e.Groups[3].Value.Length == 0 ? [] : e.Groups[3].Value.Split(',').Select(p => p.Trim().Split(' ')[0]).ToArray();
            var expected = parameters.Select((type, i) => NativeTypes[type] + " param" + i).Append("HRESULT &hr");
            string signature = $"signed int {className}::{name}({string.Join(", ", expected)})";
            Assert.True(glue.Contains(signature), "missing: " + signature + "\nstub name: " + name + "___STATIC__I4"
                + string.Concat(parameters.Select(p => "__" + Mangled[p])));
        }
    }

    [Fact]
    public void FindModuleListsEveryImplementationFile()
    {
        string module = File.ReadAllText(RepoPaths.File("boards/mixbox-s3/nf-interpreter/FindINTEROP-MixBox.Dsp.cmake"));
        foreach (string path in Directory.GetFiles(RepoPaths.File("firmware/native")).Where(p => p.EndsWith(".c") || p.EndsWith(".cpp")))
        {
            Assert.Contains(Path.GetFileName(path), module);
        }
        foreach (string cls in new[] { "NativeEngine", "NativeAudio", "NativeSettings" })
        {
            Assert.Contains($"MixBox_Dsp_MixBox_Dsp_{cls}_mshl.cpp", module);
        }
    }

    [Fact]
    public void BoardConstantsInCAreTheBoardDefinitions()
    {
        string header = File.ReadAllText(RepoPaths.File("firmware/native/mixbox_device.h"));
        int Value(string name)
        {
            Match m = Regex.Match(header, @"#define MIXBOX_" + name + @" (\d+)u?\b");
            Assert.True(m.Success, name);
            return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        int Define(string name) => Value("BOARD_" + name);
        Assert.Equal(MixBoxS3Board.SampleRate, Define("SAMPLE_RATE"));
        Assert.Equal(MixBoxS3Board.SlotsPerFrame, Define("SLOTS_PER_FRAME"));
        Assert.Equal(MixBoxS3Board.SlotBits, Define("SLOT_BITS"));
        Assert.Equal(MixBoxS3Board.InputChannels, Define("INPUT_CHANNELS"));
        Assert.Equal(MixBoxS3Board.DacFirstSlot, Define("DAC_FIRST_SLOT"));
        Assert.Equal(MixBoxS3Board.MclkMultiple, Define("MCLK_MULTIPLE"));
        Assert.Equal(MixBoxS3Board.SlaveBitClockDivider, Define("SLAVE_BCLK_DIV"));
        Assert.Equal(MixBoxS3Board.PinI2sMclk, Define("PIN_MCLK"));
        Assert.Equal(MixBoxS3Board.PinI2sBck, Define("PIN_BCK"));
        Assert.Equal(MixBoxS3Board.PinI2sWs, Define("PIN_WS"));
        Assert.Equal(MixBoxS3Board.PinI2sDinAdcA, Define("PIN_DIN_ADC_A"));
        Assert.Equal(MixBoxS3Board.PinI2sDout, Define("PIN_DOUT"));
        Assert.Equal(MixBoxS3Board.PinI2sDinAdcB, Define("PIN_DIN_ADC_B"));
        Assert.Equal(MixBoxS3Board.BlockFrames, Value("DEVICE_BLOCK_FRAMES"));
        Assert.Equal(MixBoxS3Board.DmaBuffers, Value("DEVICE_DMA_BUFFERS"));
    }
}
