using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using MixBox.Firmware;

namespace MixBox.Device
{
    /// <summary>
    /// The remote's UDP socket on the device (nanoFramework System.Net): a thread receives each
    /// datagram straight into the remote's <see cref="OscPacketQueue"/> slot (the control tick
    /// acts on it); answers are sent from the control tick. The last <see cref="MaxPeers"/>
    /// senders are remembered by their end point.
    /// </summary>
    public sealed class UdpOscTransport : IOscSender
    {
        public const int MaxPeers = 4;

        private readonly Socket _socket;
        private readonly OscPacketQueue _queue;
        private readonly EndPoint[] _peers = new EndPoint[MaxPeers];
        private readonly object _lock = new object();
        private readonly Thread _thread;
        private int _nextPeer;

        public UdpOscTransport(OscPacketQueue queue, int port)
        {
            _queue = queue;
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(IPAddress.Any, port));
            _thread = new Thread(Receive);
            _thread.Start();
        }

        public int SendErrors { get; private set; }

        public void Send(int peer, byte[] buffer, int length)
        {
            EndPoint to;
            lock (_lock) to = _peers[peer];
            if (to == null) return;
            try
            {
                _socket.SendTo(buffer, 0, length, SocketFlags.None, to);
            }
            catch (Exception)
            {
                SendErrors++; // the network is down or the peer gone: UDP has nobody to tell
            }
        }

        private void Receive()
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            while (true)
            {
                byte[] slot = _queue.ReceiveBuffer;
                int length;
                try
                {
                    length = _socket.ReceiveFrom(slot, 0, slot.Length, SocketFlags.None, ref from);
                }
                catch (Exception)
                {
                    // Too long for a slot, or the network went away: count it, and do not spin.
                    _queue.CountDropped();
                    Thread.Sleep(10);
                    continue;
                }
                _queue.Commit(slot, PeerOf(from), length);
            }
        }

        private int PeerOf(EndPoint from)
        {
            lock (_lock)
            {
                for (int i = 0; i < MaxPeers; i++)
                {
                    if (_peers[i] != null && _peers[i].Equals(from)) return i;
                }
                int peer = _nextPeer;
                _nextPeer = (_nextPeer + 1) % MaxPeers;
                // A copy: the socket may reuse the end point it hands back.
                IPEndPoint ip = (IPEndPoint)from;
                _peers[peer] = new IPEndPoint(ip.Address, ip.Port);
                return peer;
            }
        }
    }
}
