using System.Net.Sockets;

namespace MixBox.Cli.FrontPanel;

/// <summary>
/// The panel's sockets, bound or refused in words: a port another program holds, an address
/// this computer does not have. One line each (a <see cref="UserError"/>), never the socket
/// layer's exception.
/// </summary>
public static class PanelBinding
{
    /// <summary>Builds the server (its OSC socket binds here), turning a refused bind into one line.</summary>
    public static PanelServer Open(Func<PanelServer> create, string listen, int port, int oscPort)
    {
        try
        {
            return create();
        }
        catch (SocketException e)
        {
            throw new UserError($"the OSC remote cannot listen on udp 127.0.0.1:{oscPort}: {Reason(e)} (choose another port with --osc-port N)");
        }
    }

    /// <summary>Starts the web server (Kestrel binds here); on failure the server is stopped before the error goes up.</summary>
    public static void Start(PanelServer server, string listen, int port)
    {
        try
        {
            server.Start();
        }
        catch (Exception e) when (Socket(e) is not null)
        {
            throw new UserError($"the panel cannot listen on {listen}:{port}: {Reason(Socket(e)!)} (choose another with --port N{(listen == "127.0.0.1" ? "" : " or --listen ADDRESS")})");
        }
    }

    /// <summary>Kestrel wraps the socket's refusal (an IOException around a SocketException).</summary>
    private static SocketException? Socket(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is SocketException s) return s;
        return null;
    }

    private static string Reason(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => "the port is in use by another program",
        SocketError.AddressNotAvailable => "this computer has no such address",
        SocketError.AccessDenied => "permission denied (ports below 1024 need privileges)",
        _ => $"the system refused it ({e.SocketErrorCode})",
    };
}
