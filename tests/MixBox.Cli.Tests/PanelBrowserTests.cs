using System.Net;
using Microsoft.Playwright;
using MixBox.Boards;
using MixBox.Cli.FrontPanel;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Twin;
using SkiaSharp;
using Xunit.Abstractions;

namespace MixBox.Cli.Tests;

/// <summary>
/// `mixbox panel` in a real browser: Playwright driving Debian's chromium (install-test-peers),
/// headless, against the panel server playing the twin in real time. Inputs 1, 3 and 5 carry
/// sines at -24 dBFS, the rest is silent.
/// </summary>
public class PanelBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    private static int[] Material()
    {
        int frames = BoxTwin.SampleRate;
        var m = new int[frames * BoxTwin.Channels];
        double a = Math.Pow(10, -24 / 20.0) * int.MaxValue;
        for (int i = 0; i < frames; i++)
        {
            m[i * 8 + 0] = (int)(a * Math.Sin(2 * Math.PI * 200 * i / frames));
            m[i * 8 + 2] = (int)(a * Math.Sin(2 * Math.PI * 1000 * i / frames));
            m[i * 8 + 4] = (int)(a * Math.Sin(2 * Math.PI * 300 * i / frames));
        }
        return m;
    }

    /// <summary>Runs <paramref name="read"/> on the player's thread between ticks.</summary>
    private static T OnBox<T>(PanelServer server, Func<BoxTwin, T> read)
    {
        var done = new TaskCompletionSource<T>();
        server.Player.Post(t => done.SetResult(read(t)));
        Assert.True(done.Task.Wait(10_000), "the twin did not answer");
        return done.Task.Result;
    }

    private static async Task Until(Func<Task<bool>> condition, string what, int seconds = 15)
    {
        var end = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < end, "timed out waiting for " + what);
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Panel_KnobMuteFaultAndScreenshot_InChromium()
    {
        Assert.True(File.Exists(Chromium), "Debian's chromium is not installed: run ./install-test-peers");
        string settings = Path.Combine(Path.GetTempPath(), "mixbox-panel-test-" + Guid.NewGuid().ToString("N"));
        using var server = new PanelServer(Material(), new[] { "sine 200", "", "sine 1k", "", "sine 300", "", "", "" }, null, IPAddress.Loopback, 0, 0, settings);
        server.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = new[] { "--no-sandbox" } });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1500, Height = 720 } });
        await page.GotoAsync(server.Url);
        await page.WaitForFunctionAsync("window.updates > 5", null, new() { Timeout = 30_000 });

        // Updates a second, over 2 s.
        int u0 = await page.EvaluateAsync<int>("window.updates");
        await Task.Delay(2000);
        double rate = (await page.EvaluateAsync<int>("window.updates") - u0) / 2.0;
        output.WriteLine($"panel updates: {rate:F1}/s (the twin: {server.Player.Ticks} ticks, {server.Player.MissedDeadlines} missed deadlines)");
        if (server.Player.MissedDeadlines == 0) Assert.True(rate >= 30, $"{rate:F1} updates/s");

        Func<string, Task<bool>> ledOn = async id => await page.EvaluateAsync<bool>($"document.querySelector('[data-testid={id}]').classList.contains('on')");
        Func<Task<int>> ladder = async () => await page.EvaluateAsync<int>("document.querySelectorAll('#busL .seg.on').length");
        await Until(async () => await ledOn("signal-1") && await ledOn("signal-3") && await ledOn("signal-5"), "the signal LEDs of inputs 1, 3, 5");
        int ladderBefore = await ladder();

        // Drag channel 3's knob up 50 px: 0 dB -> +12 dB (the top).
        var knob = page.Locator("[data-testid=knob-3]");
        var box = (await knob.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        for (int step = 1; step <= 10; step++) await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2 - 6 * step);
        await page.Mouse.UpAsync();
        // The knob filter settles within its hysteresis of the top: within 1 dB of +12 dB.
        await Until(() => Task.FromResult(OnBox(server, t => t.Engine.Get(EngineParam.ChannelFaderCentiDb, 2)) >= EngineLimits.FaderMaxCentiDb - 100), "channel 3's engine fader near +12 dB");
        await Until(async () => await ladder() > ladderBefore, "the bus ladder to rise");
        output.WriteLine($"bus ladder: {ladderBefore} -> {await ladder()} segments");

        // Unplug ADC B: inputs 5-8 go dark, the fault LED lights.
        await page.ClickAsync("[data-testid=fault-adcB]");
        await Until(async () => !await ledOn("signal-5") && await ledOn("fault-led"), "input 5 dark and the fault LED");
        Assert.True(await ledOn("signal-1"));

        // Mute keys 1 and 3: with inputs 5-8 away, the engine's output is exactly zero.
        await page.ClickAsync("[data-testid=mute-1]");
        await page.ClickAsync("[data-testid=mute-3]");
        await Until(() => Task.FromResult(OnBox(server, t => t.App.Scene.Mute[0] && t.App.Scene.Mute[2])), "channels 1 and 3 muted");
        await Task.Delay(300); // the 5 ms mute ramps
        bool silent = false;
        await Until(() =>
        {
            var zero = new TaskCompletionSource<bool>();
            server.Player.AfterTick = (_, stereo) => { zero.TrySetResult(stereo.All(s => s == 0)); };
            Assert.True(zero.Task.Wait(5000));
            server.Player.AfterTick = null;
            silent = zero.Task.Result;
            return Task.FromResult(silent);
        }, "bit-exact silence");

        string shot = Path.Combine(AppContext.BaseDirectory, "artefacts", "panel.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        using var bitmap = SKBitmap.Decode(shot);
        var colours = new HashSet<uint>();
        for (int y = 0; y < bitmap.Height; y += 4)
            for (int x = 0; x < bitmap.Width; x += 4) colours.Add((uint)bitmap.GetPixel(x, y));
        output.WriteLine($"screenshot {shot}: {bitmap.Width}x{bitmap.Height}, {new FileInfo(shot).Length} bytes, {colours.Count} colours");
        Assert.True(bitmap.Width >= 1200 && bitmap.Height >= 500);
        Assert.True(colours.Count > 200, $"only {colours.Count} colours: a blank page?");
        Directory.Delete(settings, true);
    }
}
