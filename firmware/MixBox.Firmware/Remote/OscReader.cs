namespace MixBox.Firmware
{
    /// <summary>Receives each message of a packet, in order (bundle elements depth first).</summary>
    public interface IOscMessageHandler
    {
        void Handle(OscMessage message);
    }

    /// <summary>
    /// OSC 1.0 decoder. A packet is checked whole before any message of it is handed on, so a
    /// malformed bundle changes nothing: sizes multiple of 4; the address a '/'-string; strings
    /// NUL-terminated and NUL-padded to 4 bytes; type tags i f s b T F N (a message without a
    /// type tag string, as OSC 1.0 still allows, has no arguments); a blob's size within the
    /// packet; a bundle "#bundle", a time tag and elements each with a size that fits (bundles
    /// nest at most <see cref="MaxDepth"/> deep). Time tags are not scheduled: every message
    /// acts on arrival. Nothing is allocated.
    /// </summary>
    public sealed class OscReader
    {
        public const int MaxDepth = 4;
        private const int BundleHeader = 16; // "#bundle\0" and the 8-byte time tag

        private readonly OscMessage _message = new OscMessage();

        /// <summary>Messages in the last packet that <see cref="Read"/> accepted.</summary>
        public int MessageCount { get; private set; }

        /// <summary>
        /// Checks <paramref name="length"/> bytes at <paramref name="start"/>, then hands each
        /// message to <paramref name="handler"/>. False (and nothing handed on) when malformed.
        /// </summary>
        public bool Read(byte[] buffer, int start, int length, IOscMessageHandler handler)
        {
            MessageCount = 0;
            if (!Walk(buffer, start, length, null, 0)) return false;
            if (handler != null) Walk(buffer, start, length, handler, 0);
            return true;
        }

        /// <summary>Counts the messages of a well-formed packet; -1 when malformed.</summary>
        public int Count(byte[] buffer, int start, int length)
        {
            return Read(buffer, start, length, null) ? MessageCount : -1;
        }

        private bool Walk(byte[] b, int start, int length, IOscMessageHandler handler, int depth)
        {
            if (length <= 0 || (length & 3) != 0 || start < 0 || start + length > b.Length) return false;
            if (b[start] == (byte)'#') return WalkBundle(b, start, length, handler, depth);
            if (!ParseMessage(b, start, length)) return false;
            if (handler == null) MessageCount++;
            else handler.Handle(_message);
            return true;
        }

        private bool WalkBundle(byte[] b, int start, int length, IOscMessageHandler handler, int depth)
        {
            if (depth >= MaxDepth || length < BundleHeader) return false;
            if (!Matches(b, start, "#bundle")) return false;
            int at = start + BundleHeader;
            int end = start + length;
            while (at < end)
            {
                if (end - at < 4) return false;
                int size = ReadInt32(b, at);
                at += 4;
                if (size <= 0 || size > end - at) return false;
                if (!Walk(b, at, size, handler, depth + 1)) return false;
                at += size;
            }
            return true;
        }

        private bool ParseMessage(byte[] b, int start, int length)
        {
            int end = start + length;
            if (b[start] != (byte)'/') return false;
            int addressLength = StringLength(b, start, end);
            if (addressLength < 0) return false;
            _message.SetAddress(b, start, addressLength);
            if (_message.PartCount > OscMessage.MaxParts) return false;
            int at = start + Padded(addressLength + 1);
            if (at == end) return true; // no type tag string: no arguments
            if (b[at] != (byte)',') return false;
            int tagLength = StringLength(b, at, end);
            if (tagLength < 0 || tagLength - 1 > OscMessage.MaxArguments) return false;
            int data = at + Padded(tagLength + 1);
            for (int t = 1; t < tagLength; t++)
            {
                byte tag = b[at + t];
                int size;
                switch ((char)tag)
                {
                    case 'i':
                    case 'f':
                        size = 4;
                        break;
                    case 's':
                        int s = StringLength(b, data, end);
                        if (s < 0) return false;
                        size = Padded(s + 1);
                        break;
                    case 'b':
                        if (end - data < 4) return false;
                        int blob = ReadInt32(b, data);
                        if (blob < 0 || blob > end - data - 4) return false;
                        size = 4 + Padded(blob);
                        for (int p = data + 4 + blob; p < data + size; p++)
                        {
                            if (p >= end || b[p] != 0) return false;
                        }
                        break;
                    case 'T':
                    case 'F':
                    case 'N':
                        size = 0;
                        break;
                    default:
                        return false; // a type whose size is unknown here: the rest cannot be read
                }
                if (size > end - data) return false;
                _message.AddArgument(tag, data);
                data += size;
            }
            return data == end;
        }

        /// <summary>Length of the NUL-terminated string at <paramref name="at"/>, checking its zero padding; -1 if it runs past <paramref name="end"/>.</summary>
        private static int StringLength(byte[] b, int at, int end)
        {
            int i = at;
            while (i < end && b[i] != 0) i++;
            if (i == end) return -1;
            int length = i - at;
            int padded = at + Padded(length + 1);
            if (padded > end) return -1;
            for (int p = i; p < padded; p++)
            {
                if (b[p] != 0) return -1;
            }
            return length;
        }

        private static bool Matches(byte[] b, int at, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (b[at + i] != text[i]) return false;
            }
            return b[at + text.Length] == 0;
        }

        public static int Padded(int length) { return (length + 3) & ~3; }

        public static int ReadInt32(byte[] b, int at)
        {
            return (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
        }
    }
}
