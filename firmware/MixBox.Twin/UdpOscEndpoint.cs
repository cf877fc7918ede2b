using System.Net;
using System.Net.Sockets;
using MixBox.Firmware;

namespace MixBox.Twin;

/// <summary>
/// The twin's OSC transport: a UDP socket (bound to loopback unless asked otherwise) whose
/// receive thread drops each datagram straight into the remote's <see cref="OscPacketQueue"/>
/// slot; answers go out from the control tick. Peers are numbered by their endpoint, the
/// last <see cref="MaxPeers"/> remembered.
/// </summary>
public sealed class UdpOscEndpoint : IOscSender, IDisposable
{
    public const int MaxPeers = 8;

    private readonly Socket _socket;
    private readonly OscPacketQueue _queue;
    private readonly EndPoint?[] _peers = new EndPoint?[MaxPeers];
    private readonly Thread _thread;
    private int _nextPeer;
    private volatile bool _stopping;

    public UdpOscEndpoint(OscPacketQueue queue, IPAddress address, int port)
    {
        _queue = queue;
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(address, port));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _thread = new Thread(Receive) { IsBackground = true, Name = "osc receive" };
        _thread.Start();
    }

    /// <summary>The port bound (the one asked for, or the system's choice for 0).</summary>
    public int Port { get; }

    public int SendErrors { get; private set; }

    private int _received;

    /// <summary>Datagrams taken from the socket: each one is then handled, refused as malformed, or counted dropped by the queue.</summary>
    public int Received => Volatile.Read(ref _received);

    public void Send(int peer, byte[] buffer, int length)
    {
        EndPoint? to;
        lock (_peers) to = _peers[peer];
        if (to == null) return;
        try
        {
            _socket.SendTo(buffer, 0, length, SocketFlags.None, to);
        }
        catch (SocketException)
        {
            SendErrors++; // a peer gone away: UDP has nobody to tell
        }
    }

    private void Receive()
    {
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (!_stopping)
        {
            byte[] slot = _queue.ReceiveBuffer;
            int length;
            try
            {
                length = _socket.ReceiveFrom(slot, 0, slot.Length, SocketFlags.None, ref from);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
            {
                Interlocked.Increment(ref _received);
                _queue.CountDropped();
                continue;
            }
            catch (Exception) when (_stopping)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // an ICMP "port unreachable" for an earlier answer, on some systems
            }
            Interlocked.Increment(ref _received);
            _queue.Commit(slot, PeerOf(from), length);
        }
    }

    private int PeerOf(EndPoint from)
    {
        lock (_peers)
        {
            for (int i = 0; i < MaxPeers; i++)
            {
                if (from.Equals(_peers[i])) return i;
            }
            int peer = _nextPeer;
            _nextPeer = (_nextPeer + 1) % MaxPeers;
            _peers[peer] = new IPEndPoint(((IPEndPoint)from).Address, ((IPEndPoint)from).Port);
            return peer;
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _socket.Close();
        _thread.Join(1000);
    }
}
