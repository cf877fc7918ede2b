// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.System.Net 1.11.54 at tag v1.11.54 (commit 713b02c9fea5265e4e70981a9115daa3b5745c4c):
// nanoFramework.System.Net/Sockets/AddressFamily.cs, SocketType.cs, ProtocolType.cs and
// SocketFlags.cs. Declared: the members MixBox uses, with the package's values.
namespace System.Net.Sockets
{
    public enum AddressFamily
    {
        InterNetwork = 2,
    }

    public enum SocketType
    {
        Dgram = 2,
    }

    public enum ProtocolType
    {
        Udp = 17,
    }

    [Flags]
    public enum SocketFlags
    {
        None = 0x0000,
    }
}
