namespace MixBox.Hal.Sim;

/// <summary>One logged bus transaction: what was written, how much was asked back, how it ended.</summary>
public sealed record SimTransfer(int Address, byte[] Written, int ReadLength, I2cTransferStatus Status);
