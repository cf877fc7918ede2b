// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.System.Net 1.11.54: nanoFramework.System.Net/Sockets/Socket.cs at tag
// v1.11.54 (commit 713b02c9fea5265e4e70981a9115daa3b5745c4c). Declared: the class with its interface, the public
// constructor, Bind, Close, Dispose, and every overload of SendTo and ReceiveFrom (the names
// MixBox calls). Not used by MixBox and not declared: Connect, Listen, Accept, Send, Receive,
// Poll, the socket options, the timeouts, Available, the end points, Connected, SocketType.
namespace System.Net.Sockets
{
    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType)
        {
            throw new NotImplementedException();
        }

        public void Bind(EndPoint localEP)
        {
            throw new NotImplementedException();
        }

        public void Close()
        {
            throw new NotImplementedException();
        }

        public int SendTo(byte[] buffer, int offset, int size, SocketFlags socketFlags, EndPoint remoteEP)
        {
            throw new NotImplementedException();
        }

        public int SendTo(byte[] buffer, int size, SocketFlags socketFlags, EndPoint remoteEP)
        {
            throw new NotImplementedException();
        }

        public int SendTo(byte[] buffer, SocketFlags socketFlags, EndPoint remoteEP)
        {
            throw new NotImplementedException();
        }

        public int SendTo(byte[] buffer, EndPoint remoteEP)
        {
            throw new NotImplementedException();
        }

        public int ReceiveFrom(byte[] buffer, int offset, int size, SocketFlags socketFlags, ref EndPoint remoteEP)
        {
            throw new NotImplementedException();
        }

        public int ReceiveFrom(byte[] buffer, int size, SocketFlags socketFlags, ref EndPoint remoteEP)
        {
            throw new NotImplementedException();
        }

        public int ReceiveFrom(byte[] buffer, SocketFlags socketFlags, ref EndPoint remoteEP)
        {
            throw new NotImplementedException();
        }

        public int ReceiveFrom(byte[] buffer, ref EndPoint remoteEP)
        {
            throw new NotImplementedException();
        }

        void IDisposable.Dispose()
        {
            throw new NotImplementedException();
        }

        protected virtual void Dispose(bool disposing)
        {
            throw new NotImplementedException();
        }
    }
}
