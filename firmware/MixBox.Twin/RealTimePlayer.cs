using System.Collections.Concurrent;
using System.Diagnostics;

namespace MixBox.Twin;

/// <summary>
/// The twin in real time: one thread plays the box tick by tick (10 ms of audio, the control
/// tick first, as on the device) against the wall clock, with looped input material. Its
/// output goes through a buffer of <see cref="BufferTicks"/> ticks, so tick k must be ready
/// by start + (k + BufferTicks) × 10 ms: a tick later than that is a missed deadline (the
/// device's DAC would have played silence), counted, and the schedule starts again from now.
/// Work for the box from other threads (a knob turned in a browser, a fault injected) is
/// queued with <see cref="Post"/> and done between ticks, so the twin stays single-threaded.
/// </summary>
public sealed class RealTimePlayer : IDisposable
{
    /// <summary>The output buffer: 2 ticks (20 ms).</summary>
    public const int BufferTicks = 2;
    public const int TickMilliseconds = 1000 / MixBox.Firmware.MixBoxApp.TicksPerSecond;

    private readonly BoxTwin _twin;
    private readonly int[] _material;
    private readonly int[] _silence = new int[BoxTwin.TickFrames * BoxTwin.Channels];
    private readonly int[] _output = new int[BoxTwin.TickFrames * 2];
    private readonly ConcurrentQueue<Action<BoxTwin>> _work = new();
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _position;

    /// <param name="material">Interleaved 8-channel input, whole ticks, played in a loop.</param>
    /// <param name="afterTick">Called on the player's thread after each tick with its stereo output (480 frames).</param>
    public RealTimePlayer(BoxTwin twin, int[] material, Action<BoxTwin, int[]>? afterTick = null)
    {
        if (material.Length == 0 || material.Length % _silence.Length != 0) throw new ArgumentException("material must be whole 10 ms ticks of 8 channels");
        _twin = twin;
        _material = material;
        AfterTick = afterTick;
        _thread = new Thread(Loop) { IsBackground = true, Name = "twin audio", Priority = ThreadPriority.Highest };
    }

    public Action<BoxTwin, int[]>? AfterTick { get; set; }

    /// <summary>False: the inputs get silence (the transport's stop); the box keeps running.</summary>
    public volatile bool Playing = true;

    public long Ticks { get; private set; }
    public long MissedDeadlines { get; private set; }
    /// <summary>The longest a tick took to compute, in microseconds of wall time.</summary>
    public long MaxTickMicroseconds { get; private set; }
    /// <summary>The most CPU time one tick used (this thread's own, <see cref="ThreadCpuClock"/>), microseconds.</summary>
    public long MaxTickCpuMicroseconds { get; private set; }
    /// <summary>
    /// Ticks whose own CPU time exceeded the 10 ms a tick has: the ones that would miss their
    /// deadline even with the cores to themselves. Unlike <see cref="MissedDeadlines"/>, other
    /// programs' load does not count here.
    /// </summary>
    public long TicksOverBudget { get; private set; }

    public void Start() => _thread.Start();

    /// <summary>Does <paramref name="work"/> on the player's thread before the next tick.</summary>
    public void Post(Action<BoxTwin> work) => _work.Enqueue(work);

    private void Loop()
    {
        var clock = Stopwatch.StartNew();
        double start = 0;
        long k = 0;
        while (!_stopping)
        {
            // Tick k may be made once tick k - BufferTicks has been played out: start + k × 10 ms.
            double ready = start + k * TickMilliseconds;
            double wait = ready - clock.Elapsed.TotalMilliseconds;
            if (wait > 1.5) Thread.Sleep((int)(wait - 1));
            while (clock.Elapsed.TotalMilliseconds < ready) Thread.SpinWait(50);

            long t0 = clock.ElapsedTicks;
            long cpu0 = ThreadCpuClock.Microseconds();
            while (_work.TryDequeue(out var work)) work(_twin);
            int[] input = Playing ? _material : _silence;
            int offset = Playing ? _position : 0;
            _twin.Run(input, offset / BoxTwin.Channels, _output, 0, BoxTwin.TickFrames);
            if (Playing) _position = (_position + _silence.Length) % _material.Length;
            AfterTick?.Invoke(_twin, _output);
            long micros = (clock.ElapsedTicks - t0) * 1_000_000 / Stopwatch.Frequency;
            if (micros > MaxTickMicroseconds) MaxTickMicroseconds = micros;
            long cpu = ThreadCpuClock.Microseconds() - cpu0;
            if (cpu > MaxTickCpuMicroseconds) MaxTickCpuMicroseconds = cpu;
            if (cpu > TickMilliseconds * 1000) TicksOverBudget++;
            Ticks++;

            double due = start + (k + BufferTicks) * TickMilliseconds;
            if (clock.Elapsed.TotalMilliseconds > due)
            {
                MissedDeadlines++;
                start = clock.Elapsed.TotalMilliseconds; // an underrun: the output starts over from now
                k = 0;
            }
            else
            {
                k++;
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        if (_thread.IsAlive) _thread.Join(2000);
    }
}
