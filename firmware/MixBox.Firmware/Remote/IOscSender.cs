namespace MixBox.Firmware
{
    /// <summary>
    /// The network side of the remote (a UDP socket on the device and in the twin): sends a
    /// datagram to a peer the transport numbered when its datagram arrived (see
    /// <see cref="OscPacketQueue.Commit"/>). Must not block the control loop.
    /// </summary>
    public interface IOscSender
    {
        void Send(int peer, byte[] buffer, int length);
    }
}
