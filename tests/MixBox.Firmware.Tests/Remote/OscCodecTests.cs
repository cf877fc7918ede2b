using MixBox.Firmware;

namespace MixBox.Firmware.Tests.Remote;

/// <summary>
/// The OSC codec byte for byte: each type tag against bytes written out by hand from the OSC
/// 1.0 specification (big-endian, NUL-padded to 4), including the specification's own two
/// examples ("/oscillator/4/frequency" ,f 440.0 and "/foo" ,iisff), and bundles.
/// </summary>
public class OscCodecTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    private static byte[] Written(Action<OscWriter> write)
    {
        var w = new OscWriter(512);
        write(w);
        Assert.False(w.Overflowed);
        return w.Buffer.AsSpan(0, w.Length).ToArray();
    }

    [Fact]
    public void Float_SpecExample()
    {
        // OSC 1.0 spec, "Examples": /oscillator/4/frequency ,f 440.0
        byte[] expected = Hex("2f6f7363 696c6c61 746f722f 342f6672 65717565 6e637900 2c660000 43dc0000");
        Assert.Equal(expected, Written(w => { w.BeginMessage("/oscillator/4/frequency"); w.Float(440.0f); w.EndMessage(); }));
        var m = ReadOne(expected);
        Assert.Equal('f', m.Tag(0));
        Assert.Equal(440.0f, m.Float(0));
    }

    [Fact]
    public void IntStringFloat_SpecExample()
    {
        // OSC 1.0 spec, "Examples": /foo ,iisff 1000 -1 "hello" 1.234 5.678
        byte[] expected = Hex("2f666f6f 00000000 2c696973 66660000 000003e8 ffffffff 68656c6c 6f000000 3f9df3b6 40b5b22d");
        Assert.Equal(expected, Written(w => { w.BeginMessage("/foo"); w.Int(1000); w.Int(-1); w.String("hello"); w.Float(1.234f); w.Float(5.678f); w.EndMessage(); }));
        var m = ReadOne(expected);
        Assert.Equal(5, m.ArgumentCount);
        Assert.Equal(1000, m.Int(0));
        Assert.Equal(-1, m.Int(1));
        Assert.True(m.StringIs(2, "hello"));
        Assert.False(m.StringIs(2, "hell"));
        Assert.Equal(1.234f, m.Float(3));
        Assert.Equal(5.678f, m.Float(4));
    }

    [Fact]
    public void LoudnessMeter_FourFloats()
    {
        // /meters/loudness ,ffff -23.0 -23.5 -24.0 -1.0 (IEEE 754 single: C1B80000 C1BC0000 C1C00000 BF800000)
        byte[] expected = Hex("2f6d6574 6572732f 6c6f7564 6e657373 00000000 2c666666 66000000 c1b80000 c1bc0000 c1c00000 bf800000");
        Assert.Equal(expected, Written(w => { w.BeginMessage("/meters/loudness"); w.Float(-23f); w.Float(-23.5f); w.Float(-24f); w.Float(-1f); w.EndMessage(); }));
        var m = ReadOne(expected);
        Assert.Equal(4, m.ArgumentCount);
        Assert.Equal(new[] { -23f, -23.5f, -24f, -1f }, new[] { m.Float(0), m.Float(1), m.Float(2), m.Float(3) });
    }

    [Fact]
    public void Blob_SizeThenBytesPadded()
    {
        byte[] expected = Hex("2f620000 2c620000 00000005 01020304 05000000");
        Assert.Equal(expected, Written(w => { w.BeginMessage("/b"); w.Blob(new byte[] { 1, 2, 3, 4, 5 }, 0, 5); w.EndMessage(); }));
        var m = ReadOne(expected);
        Assert.Equal('b', m.Tag(0));
        Assert.Equal(5, m.BlobLength(0));
        Assert.Equal(5, m.Buffer[m.BlobStart(0) + 4]);
    }

    [Fact]
    public void TrueFalseNil_TagsOnly()
    {
        byte[] expected = Hex("2f740000 2c54464e 00000000");
        Assert.Equal(expected, Written(w => { w.BeginMessage("/t"); w.Bool(true); w.Bool(false); w.Nil(); w.EndMessage(); }));
        var m = ReadOne(expected);
        Assert.Equal("TFN", new string(new[] { m.Tag(0), m.Tag(1), m.Tag(2) }));
        Assert.True(m.TryBool(0, out bool t) && t);
        Assert.True(m.TryBool(1, out bool f) && !f);
    }

    [Fact]
    public void NoArguments_EmptyTagString()
    {
        byte[] expected = Hex("2f696e66 6f000000 2c000000");
        Assert.Equal(expected, Written(w => { w.BeginMessage("/info"); w.EndMessage(); }));
        Assert.Equal(0, ReadOne(expected).ArgumentCount);
        // OSC 1.0 still allows a message without a type tag string: no arguments.
        Assert.Equal(0, ReadOne(Hex("2f696e66 6f000000")).ArgumentCount);
    }

    [Fact]
    public void Bundle_HeaderTimeTagAndSizedElements()
    {
        byte[] expected = Hex("2362756e 646c6500 00000000 00000001" + "0000000c 2f610000 2c690000 00000007" + "0000000c 2f620000 2c660000 3f800000");
        Assert.Equal(expected, Written(w =>
        {
            w.BeginBundle();
            w.BeginMessage("/a"); w.Int(7); w.EndMessage();
            w.BeginMessage("/b"); w.Float(1f); w.EndMessage();
        }));
        var seen = new List<string>();
        Assert.True(new OscReader().Read(expected, 0, expected.Length, new Collect(m => seen.Add($"{(char)m.Buffer[m.AddressStart + 1]}{m.Tag(0)}"))));
        Assert.Equal(new[] { "ai", "bf" }, seen);
    }

    [Fact]
    public void Malformed_Refused()
    {
        var reader = new OscReader();
        string[] bad =
        {
            "2f61",                               // not a multiple of 4
            "61000000 2c000000",                  // address without '/'
            "2f616263",                           // address never terminated
            "2f610001",                           // padding not zero
            "2f610000 2c690000",                  // int missing
            "2f610000 2c730000 61626364",         // string runs off the end
            "2f610000 2c780000",                  // unknown tag
            "2f610000 2c620000 00000009 01020304", // blob longer than the packet
            "2362756e 646c6500 00000000 00000001 00000010 2f610000", // element larger than what is left
            "2362756e 646c6500 00000000",         // bundle header cut short
            "2f610000 2c000000 00000000",         // bytes after the arguments
        };
        foreach (string b in bad)
        {
            byte[] bytes = Hex(b);
            Assert.Equal(-1, reader.Count(bytes, 0, bytes.Length));
        }
    }

    [Fact]
    public void FloatBits_MatchTheHostOnEdgesAndRandomValues()
    {
        var rng = new Random(21);
        var values = new List<float> { 0f, -0f, 1f, -1f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue,
            float.PositiveInfinity, float.NegativeInfinity, 1.17549435e-38f, 1.1754942e-38f, 440f, 0.1f };
        for (int i = 0; i < 100000; i++) values.Add(BitConverter.Int32BitsToSingle(rng.Next() ^ (rng.Next(2) << 31)));
        foreach (float v in values)
        {
            if (float.IsNaN(v)) continue;
            int bits = BitConverter.SingleToInt32Bits(v);
            Assert.Equal(bits, OscFloat.ToBits(v));
            Assert.Equal(bits, BitConverter.SingleToInt32Bits(OscFloat.FromBits(bits)));
        }
        Assert.True(float.IsNaN(OscFloat.FromBits(OscFloat.ToBits(float.NaN))));
    }

    private static OscMessage ReadOne(byte[] packet)
    {
        OscMessage? got = null;
        Assert.True(new OscReader().Read(packet, 0, packet.Length, new Collect(m => got = m)));
        return got!;
    }

    private sealed class Collect(Action<OscMessage> onMessage) : IOscMessageHandler
    {
        public void Handle(OscMessage message) => onMessage(message);
    }
}
