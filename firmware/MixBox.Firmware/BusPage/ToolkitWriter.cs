using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// The bus page's way into the engine: a knob's toolkit values are coalesced, because each
    /// write re-designs a band on the control core (a fitted EQ band costs ~0.13 s of soft
    /// float on the device, docs/PERFORMANCE.md "The control side"). Per band (a group of
    /// parameters one design serves), at most one write every <see cref="TicksPerWrite"/>
    /// ticks; the latest value wins (intermediate positions of a turning knob are skipped, as
    /// the engine skips sets it has not adopted) and the final value is always written. A band
    /// idle for that long is written in the tick it changes, so a single step answers at once.
    /// </summary>
    public sealed class ToolkitWriter
    {
        /// <summary>Ticks (10 ms) between two writes of one band: 10 updates a second while a knob turns.</summary>
        public const int TicksPerWrite = 10;

        private const int First = (int)SceneApplier.FirstToolkitParam;
        private const int Params = (int)SceneApplier.LastToolkitParam - First + 1;
        private const int Bands = 9;

        private readonly MixEngine _engine;
        private readonly int[] _value = new int[Params];
        private readonly bool[] _pending = new bool[Params];
        private readonly int[] _bandWrittenAt = new int[Bands];
        private readonly int[] _bandWrites = new int[Bands];
        private int _tick;

        public ToolkitWriter(MixEngine engine)
        {
            _engine = engine;
            for (int b = 0; b < Bands; b++) _bandWrittenAt[b] = -TicksPerWrite;
        }

        /// <summary>Engine writes made so far (a test and bench aid).</summary>
        public int Writes { get; private set; }

        /// <summary>Engine writes made so far for the band of <paramref name="param"/>.</summary>
        public int WritesOfBand(EngineParam param) { return _bandWrites[Band(param)]; }

        /// <summary>True while a value waits for its band's turn.</summary>
        public bool Pending
        {
            get
            {
                for (int i = 0; i < Params; i++)
                {
                    if (_pending[i]) return true;
                }
                return false;
            }
        }

        /// <summary>Asks for <paramref name="param"/> to become <paramref name="value"/> (written by <see cref="Tick"/>).</summary>
        public void Request(EngineParam param, int value)
        {
            int i = (int)param - First;
            _value[i] = value;
            _pending[i] = true;
        }

        /// <summary>Forgets what waits (a recall has just written the whole scene).</summary>
        public void Discard()
        {
            for (int i = 0; i < Params; i++) _pending[i] = false;
        }

        /// <summary>Once per control tick: each band that is due writes its oldest-numbered waiting parameter.</summary>
        public void Tick()
        {
            _tick++;
            for (int i = 0; i < Params; i++)
            {
                if (!_pending[i]) continue;
                int band = Band((EngineParam)(First + i));
                if (_tick - _bandWrittenAt[band] < TicksPerWrite) continue;
                _pending[i] = false;
                _bandWrittenAt[band] = _tick;
                _bandWrites[band]++;
                Writes++;
                _engine.Set((EngineParam)(First + i), 0, _value[i]);
            }
        }

        /// <summary>The parameters one design serves: each EQ band, the EQ's placement and Q mode, the de-esser, the stereo tools.</summary>
        private static int Band(EngineParam param)
        {
            switch (param)
            {
                case EngineParam.EqHighPassHz:
                case EngineParam.EqHighPassSlope: return 0;
                case EngineParam.EqLowShelfHz:
                case EngineParam.EqLowShelfCentiDb:
                case EngineParam.EqLowShelfGentle: return 1;
                case EngineParam.EqBell1Hz:
                case EngineParam.EqBell1CentiDb:
                case EngineParam.EqBell1QX100: return 2;
                case EngineParam.EqBell2Hz:
                case EngineParam.EqBell2CentiDb:
                case EngineParam.EqBell2QX100: return 3;
                case EngineParam.EqHighShelfHz:
                case EngineParam.EqHighShelfCentiDb: return 4;
                case EngineParam.EqLowpassHz: return 5;
                case EngineParam.EqAfterComp:
                case EngineParam.EqProportionalQ: return 6;
                case EngineParam.StereoWidthPercent:
                case EngineParam.StereoMonoBelowHz: return 8;
                default: return 7; // the de-esser
            }
        }
    }
}
