namespace MixBox.Firmware
{
    /// <summary><see cref="SceneCodec"/> as a record kind of <see cref="SlotPair"/> (the current scene, each memory).</summary>
    public sealed class SceneRecordCodec : IRecordCodec
    {
        public static readonly SceneRecordCodec Instance = new SceneRecordCodec();

        public int CurrentVersion { get { return SceneCodec.CurrentVersion; } }

        public byte[] Encode(object record, uint sequence) { return SceneCodec.Encode((Scene)record, sequence); }

        public object Decode(byte[] data, out int version, out uint sequence) { return SceneCodec.Decode(data, out version, out sequence); }
    }
}
