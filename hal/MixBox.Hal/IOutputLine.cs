namespace MixBox.Hal
{
    /// <summary>
    /// A digital line the firmware drives (an enable or a shutdown input of a part). On the
    /// device a GPIO; in the host twin the matching pin of a chip model.
    /// </summary>
    public interface IOutputLine
    {
        void Write(bool high);
    }
}
