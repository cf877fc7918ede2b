namespace MixBox.Dsp
{
    // Device binding of the loopback self-test: the native audio task plays and captures
    // it (firmware/native/mixbox_audio_task.c), started and read through NativeAudio.
    public sealed class LoopbackTest : ILoopbackTest
    {
        private readonly int[] _values = new int[LoopbackResult.Fields];

        public bool Start() { return NativeAudio.StartLoopback() == 0; }

        public LoopbackResult Read()
        {
            if (NativeAudio.ReadLoopback(_values) != 0) _values[0] = (int)LoopbackStatus.Running;
            return LoopbackResult.FromValues(_values);
        }
    }
}
