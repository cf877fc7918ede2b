using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli.FrontPanel;

/// <summary>
/// `mixbox panel`: the twin playing in real time (<see cref="RealTimePlayer"/>), its front
/// panel served as a web page (Kestrel, static files from Panel/wwwroot) and kept live over
/// one WebSocket: the panel's state as JSON every <see cref="StateEveryTicks"/> ticks (33 a
/// second), the mix as 16-bit PCM every tick; knobs, keys, faults and play/stop come back
/// the same way. The OSC remote listens beside it.
/// </summary>
public sealed class PanelServer : IDisposable
{
    public const int DefaultPort = 8021;
    public const int StateEveryTicks = 3;

    private readonly BoxTwin _twin;
    private readonly OscPacketQueue _queue = new(128, OscPacketQueue.DefaultSlotBytes);
    private readonly UdpOscEndpoint? _osc;
    private readonly RealTimePlayer _player;
    private readonly WebApplication _web;
    private readonly ConcurrentDictionary<Channel<(bool Text, byte[] Data)>, byte> _clients = new();
    private readonly byte[] _pcm = new byte[BoxTwin.TickFrames * 4];
    private readonly string[] _channelNames;
    private readonly int[] _knobs = new int[MixBoxS3Board.Knobs];
    private readonly bool[] _plugged = Enumerable.Repeat(true, PanelState.Parts.Length).ToArray();
    private readonly KeyGesture _gesture = new();
    private long _tick;
    private bool _started;

    /// <param name="material">Interleaved 8-channel input at 48 kHz, whole ticks, looped.</param>
    public PanelServer(int[] material, string[] channelNames, Scene? scene, IPAddress listen, int port, int oscPort, string settingsDir)
    {
        _channelNames = channelNames;
        Directory.CreateDirectory(settingsDir);
        // The twin's panel serves its remote unless the stored settings turned it off (on the device it is off until enabled).
        _twin = new BoxTwin(new FileSettingsStorage(settingsDir), remoteDefaults: new RemoteSettings(enabled: true, readOnly: false));
        if (scene is not null) _twin.App.Recall(scene);
        // The page draws the bus's octave bands and correlation (issue #19); only the page reads
        // them, so they run here and nowhere on the device unless something there turns them on.
        _twin.Engine.Set(EngineParam.AnalyserOn, 0, 1);
        _twin.Engine.Set(EngineParam.CorrelationOn, 0, 1);
        // Where BoxTwin puts the knobs at power-on.
        for (int k = 0; k < MixBoxS3Board.Knobs; k++) _knobs[k] = FaderLaw.TravelFromCentiDb(0);
        _knobs[MixBoxS3Board.KnobCompressorAmount] = CompressorAmount.TravelFromThreshold(new Scene().CompThresholdCentiDb);
        if (_twin.App.RemoteSettings.Enabled)
        {
            try
            {
                _osc = new UdpOscEndpoint(_queue, IPAddress.Loopback, oscPort);
            }
            catch
            {
                _twin.Dispose();
                throw;
            }
            _twin.App.Remote = new OscRemote(_twin.App, _queue, _osc); // takes the stored read-only setting
        }
        _player = new RealTimePlayer(_twin, material, AfterTick);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(listen, port));
        _web = builder.Build();
        _web.UseWebSockets();
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Panel", "wwwroot"));
        _web.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        _web.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        _web.Map("/ws", Session);
    }

    public BoxTwin Twin => _twin;
    public RealTimePlayer Player => _player;
    /// <summary>The remote's UDP port; 0 when the stored settings turned the remote off.</summary>
    public int OscPort => _osc?.Port ?? 0;
    public string Url { get; private set; } = "";

    /// <summary>Binds the page's port first, so a refused bind leaves nothing playing.</summary>
    public void Start()
    {
        _web.StartAsync().GetAwaiter().GetResult();
        _started = true;
        Url = _web.Urls.First();
        _player.Start();
    }

    /// <summary>On the player's thread after each tick: the mix to every page, and every third tick the state.</summary>
    private void AfterTick(BoxTwin twin, int[] stereo)
    {
        _tick++;
        _gesture.Tick(twin);
        if (_clients.IsEmpty) return;
        for (int i = 0; i < stereo.Length; i++)
        {
            short s = (short)(stereo[i] >> 16);
            _pcm[2 * i] = (byte)s;
            _pcm[2 * i + 1] = (byte)(s >> 8);
        }
        Broadcast(false, (byte[])_pcm.Clone());
        if (_tick % StateEveryTicks == 0) Broadcast(true, PanelState.Json(twin, _player, _channelNames, _plugged, _knobs));
    }

    private void Broadcast(bool text, byte[] data)
    {
        foreach (var client in _clients.Keys) client.Writer.TryWrite((text, data));
    }

    private async Task Session(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
        // A slow page loses old frames, never delays the box.
        var outbox = Channel.CreateBounded<(bool Text, byte[] Data)>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        _clients[outbox] = 0;
        var sending = Task.Run(async () =>
        {
            await foreach (var (text, data) in outbox.Reader.ReadAllAsync())
            {
                if (socket.State != WebSocketState.Open) break;
                await socket.SendAsync(data, text ? WebSocketMessageType.Text : WebSocketMessageType.Binary, true, CancellationToken.None);
            }
        });
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) break;
                if (result.EndOfMessage) Command(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
        }
        catch (WebSocketException) { }
        finally
        {
            _clients.TryRemove(outbox, out _);
            outbox.Writer.TryComplete();
        }
        await sending;
    }

    /// <summary>A gesture from the page, done on the player's thread between ticks. Anything malformed is ignored.</summary>
    private void Command(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            switch (root.GetProperty("type").GetString())
            {
                case "knob":
                    int knob = root.GetProperty("knob").GetInt32(), travel = Math.Clamp(root.GetProperty("travel").GetInt32(), 0, FaderLaw.FullTravel);
                    if (knob >= 0 && knob < MixBoxS3Board.Knobs) _player.Post(t => { t.SetKnob(knob, travel); _knobs[knob] = travel; });
                    break;
                case "key":
                    int key = root.GetProperty("key").GetInt32();
                    bool down = root.GetProperty("down").GetBoolean();
                    if (key >= 0 && key <= MixBoxS3Board.KeyStore) _player.Post(_ => _gesture.Press(key, down));
                    break;
                case "memory":
                    // Store or recall a memory by the store page's keys, pressed one after another.
                    int memory = root.GetProperty("memory").GetInt32() - 1;
                    bool store = root.GetProperty("action").GetString() == "store";
                    if (memory >= 0 && memory < SceneMemories.Count) _player.Post(t => _gesture.Memory(t, memory, store));
                    break;
                case "fault":
                    int part = PanelState.PartIndex(root.GetProperty("part").GetString() ?? "");
                    bool plugged = root.GetProperty("plugged").GetBoolean();
                    if (part < 0) break;
                    int address = PanelState.Parts[part].Address;
                    _player.Post(t =>
                    {
                        if (plugged == _plugged[part]) return;
                        if (plugged) t.Board.Replug(address);
                        else t.Board.Unplug(address);
                        _plugged[part] = plugged;
                    });
                    break;
                case "play":
                    _player.Playing = root.GetProperty("on").GetBoolean();
                    break;
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException) { }
    }

    public void Dispose()
    {
        if (_started) _web.StopAsync().GetAwaiter().GetResult();
        _player.Dispose();
        _osc?.Dispose();
        _twin.Dispose();
    }
}
