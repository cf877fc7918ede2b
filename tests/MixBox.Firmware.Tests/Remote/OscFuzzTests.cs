using System.Diagnostics;
using MixBox.Firmware;

namespace MixBox.Firmware.Tests.Remote;

/// <summary>
/// The decoder on random input for a bounded time: random bytes, valid packets with bytes
/// flipped, cut short or lengthened, bundles nested past the limit, truncated strings. The
/// only outcomes allowed are "accepted" or "refused" (never an exception, never a hang), and a
/// refused packet hands nothing on.
/// </summary>
public class OscFuzzTests
{
    [Fact]
    public void RandomPackets_OnlyAcceptedOrRefused()
    {
        var rng = new Random(2126);
        var reader = new OscReader();
        var seeds = SeedPackets();
        var handler = new Counting();
        var clock = Stopwatch.StartNew();
        int refused = 0, accepted = 0;
        for (int i = 0; i < 200000 && clock.Elapsed < TimeSpan.FromSeconds(10); i++)
        {
            byte[] packet = Mutate(rng, seeds[rng.Next(seeds.Count)]);
            handler.Count = 0;
            int expected = reader.Count(packet, 0, packet.Length);
            bool ok = reader.Read(packet, 0, packet.Length, handler);
            Assert.Equal(expected >= 0, ok);
            if (ok)
            {
                accepted++;
                Assert.Equal(expected, handler.Count);
            }
            else
            {
                refused++;
                Assert.Equal(0, handler.Count);
            }
        }
        Assert.True(accepted > 1000 && refused > 1000, $"accepted {accepted}, refused {refused}");
    }

    [Fact]
    public void BundlesNestedPastTheLimit_Refused()
    {
        byte[] inner = Message("/a", w => w.Int(1));
        byte[] packet = inner;
        for (int depth = 1; depth <= OscReader.MaxDepth + 1; depth++)
        {
            packet = Wrap(packet);
            int count = new OscReader().Count(packet, 0, packet.Length);
            Assert.Equal(depth <= OscReader.MaxDepth ? 1 : -1, count);
        }
    }

    private static List<byte[]> SeedPackets()
    {
        var list = new List<byte[]>
        {
            Message("/ch/01/mix/fader", w => w.Float(0.5f)),
            Message("/foo", w => { w.Int(1); w.String("hello"); w.Blob(new byte[] { 1, 2, 3 }, 0, 3); w.Bool(true); w.Nil(); }),
            Message("/info", _ => { }),
        };
        list.Add(Wrap(list[0]));
        list.Add(Wrap(Wrap(list[1])));
        return list;
    }

    private static byte[] Mutate(Random rng, byte[] seed)
    {
        switch (rng.Next(5))
        {
            case 0: // pure noise, sometimes starting like a message or a bundle
                var noise = new byte[rng.Next(0, 64) * (rng.Next(2) == 0 ? 4 : 1) + 1];
                rng.NextBytes(noise);
                if (rng.Next(2) == 0) noise[0] = (byte)(rng.Next(2) == 0 ? '/' : '#');
                return noise;
            case 1: // cut short (truncated strings, arguments, elements)
                return seed.AsSpan(0, rng.Next(seed.Length)).ToArray();
            case 2: // lengthened
                var longer = new byte[seed.Length + rng.Next(1, 9)];
                seed.CopyTo(longer, 0);
                return longer;
            default: // a few bytes changed
                var copy = (byte[])seed.Clone();
                int flips = rng.Next(1, 4);
                for (int f = 0; f < flips; f++) copy[rng.Next(copy.Length)] = (byte)rng.Next(256);
                return copy;
        }
    }

    internal static byte[] Message(string address, Action<OscWriter> arguments)
    {
        var w = new OscWriter(512);
        w.BeginMessage(address);
        arguments(w);
        w.EndMessage();
        return w.Buffer.AsSpan(0, w.Length).ToArray();
    }

    private static byte[] Wrap(byte[] element)
    {
        var bundle = new List<byte>();
        bundle.AddRange("#bundle\0"u8.ToArray());
        bundle.AddRange(new byte[] { 0, 0, 0, 0, 0, 0, 0, 1 });
        bundle.AddRange(new[] { (byte)(element.Length >> 24), (byte)(element.Length >> 16), (byte)(element.Length >> 8), (byte)element.Length });
        bundle.AddRange(element);
        return bundle.ToArray();
    }

    private sealed class Counting : IOscMessageHandler
    {
        public int Count;
        public void Handle(OscMessage message) => Count++;
    }
}
