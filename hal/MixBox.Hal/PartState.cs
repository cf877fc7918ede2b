namespace MixBox.Hal
{
    /// <summary>Where a part stands, as the health report tells it.</summary>
    public enum PartState
    {
        /// <summary>Not initialised yet.</summary>
        Unknown,
        /// <summary>Initialised and verified.</summary>
        Ok,
        /// <summary>Never answered its address: not fitted, not powered, or a bus fault.</summary>
        Missing,
        /// <summary>Answers, but did not reach the state its datasheet promises (status, ID, clocks).</summary>
        Faulty,
        /// <summary>Was working, then stopped answering.</summary>
        Lost,
    }
}
