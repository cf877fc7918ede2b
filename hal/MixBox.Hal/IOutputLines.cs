namespace MixBox.Hal
{
    /// <summary>Opens the board's output lines by GPIO number (the board definition names them).</summary>
    public interface IOutputLines
    {
        /// <summary>Makes <paramref name="pin"/> an output driven to <paramref name="high"/>.</summary>
        IOutputLine Open(int pin, bool high);
    }
}
