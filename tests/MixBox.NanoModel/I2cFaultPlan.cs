using System.Collections.Generic;

namespace MixBox.NanoModel
{
    /// <summary>
    /// What the next transfers to one address run into, one planned fault per transfer
    /// (NativeTransmit call), in order; a transfer with nothing planned behaves normally.
    /// Each fault is a point where nf-interpreter's ESP32 NativeTransmit can fail.
    /// </summary>
    public sealed class I2cFaultPlan
    {
        internal enum Kind
        {
            /// <summary>i2c_master_cmd_begin: the address byte is not acknowledged (ESP_FAIL).</summary>
            NackAddress,
            /// <summary>ESP_FAIL after some bytes of the write phase were acknowledged and reached the chip.</summary>
            NackData,
            /// <summary>i2c_master_cmd_begin: ESP_ERR_TIMEOUT (SCL held low, bus stuck).</summary>
            StretchClock,
            /// <summary>heap_caps_malloc of the internal-RAM bounce buffer returns NULL.</summary>
            OutOfInternalRam,
            /// <summary>i2c_master_write / i2c_master_read fail while the command link is built.</summary>
            CommandLinkError,
            /// <summary>i2c_master_cmd_begin returns another error (the value).</summary>
            CommandBeginError,
        }

        internal struct Fault
        {
            public Kind Kind;
            public int Value;
        }

        private readonly Queue<Fault> _planned = new Queue<Fault>();

        /// <summary>The address is not acknowledged: ESP_FAIL, nothing reaches the chip.</summary>
        public I2cFaultPlan NackAddress(int count = 1) { return Plan(Kind.NackAddress, 0, count); }

        /// <summary>A data byte of the write phase is not acknowledged after <paramref name="bytesAccepted"/> bytes reached the chip: ESP_FAIL.</summary>
        public I2cFaultPlan NackData(int bytesAccepted, int count = 1) { return Plan(Kind.NackData, bytesAccepted, count); }

        /// <summary>The bus times out (ESP_ERR_TIMEOUT), e.g. a part holding SCL low.</summary>
        public I2cFaultPlan StretchClock(int count = 1) { return Plan(Kind.StretchClock, 0, count); }

        /// <summary>No internal RAM for the bounce buffer: the native code throws OutOfMemoryException before anything is sent.</summary>
        public I2cFaultPlan OutOfInternalRam(int count = 1) { return Plan(Kind.OutOfInternalRam, 0, count); }

        /// <summary>Building the command link fails (e.g. ESP_ERR_NO_MEM): InvalidOperationException, nothing sent.</summary>
        public I2cFaultPlan CommandLinkError(int count = 1) { return Plan(Kind.CommandLinkError, 0, count); }

        /// <summary>i2c_master_cmd_begin returns <paramref name="espErr"/> (not ESP_OK, ESP_FAIL or ESP_ERR_TIMEOUT: InvalidOperationException).</summary>
        public I2cFaultPlan CommandBeginError(int espErr, int count = 1) { return Plan(Kind.CommandBeginError, espErr, count); }

        /// <summary>Faults planned and not yet met.</summary>
        public int Pending { get { return _planned.Count; } }

        internal bool TryNext(out Fault fault)
        {
            if (_planned.Count > 0)
            {
                fault = _planned.Dequeue();
                return true;
            }
            fault = default(Fault);
            return false;
        }

        private I2cFaultPlan Plan(Kind kind, int value, int count)
        {
            for (int i = 0; i < count; i++) _planned.Enqueue(new Fault { Kind = kind, Value = value });
            return this;
        }
    }
}
