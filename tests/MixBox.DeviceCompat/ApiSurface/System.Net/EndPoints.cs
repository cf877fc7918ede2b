// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.System.Net 1.11.54 at tag v1.11.54 (commit 713b02c9fea5265e4e70981a9115daa3b5745c4c):
// nanoFramework.System.Net/EndPoint.cs, IPEndPoint.cs and IPAddress.cs. Declared: EndPoint
// (abstract; its Serialize/Create and the SocketAddress type are not declared: MixBox
// derives nothing from it), IPEndPoint's constructors, Address, Port and Equals, and
// IPAddress.Any. Not declared: the rest of IPAddress (Parse, Loopback, the IPv6 members ...).
namespace System.Net
{
    public abstract class EndPoint
    {
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(long address, int port)
        {
            throw new NotImplementedException();
        }

        public IPEndPoint(IPAddress address, int port)
        {
            throw new NotImplementedException();
        }

        public IPAddress Address
        {
            get { throw new NotImplementedException(); }
        }

        public int Port
        {
            get { throw new NotImplementedException(); }
        }

        public override bool Equals(object obj)
        {
            throw new NotImplementedException();
        }

        public override int GetHashCode()
        {
            throw new NotImplementedException();
        }
    }

    public class IPAddress
    {
        public static readonly IPAddress Any = null;

        public IPAddress(long newAddress)
        {
            throw new NotImplementedException();
        }

        public IPAddress(byte[] address)
        {
            throw new NotImplementedException();
        }
    }
}
