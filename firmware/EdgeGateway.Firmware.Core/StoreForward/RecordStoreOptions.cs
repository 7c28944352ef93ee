using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Core.StoreForward
{
    /// <summary>
    /// Limits of the store-and-forward queue. Defaults suit an ESP32 data partition (1 MB); a Linux gateway raises
    /// MaxTotalBytes to hold days of backlog.
    /// </summary>
    public sealed class RecordStoreOptions
    {
        /// <summary>A segment is closed and a new one started past this size; whole segments are the unit of deletion.</summary>
        public int MaxSegmentBytes = 64 * 1024;

        /// <summary>Upper bound of the queue on disk. When an append would exceed it, the oldest segment is dropped
        /// (policy: drop oldest — recent data matters more to an operator, and the gap is counted and reported).</summary>
        public long MaxTotalBytes = 1024 * 1024;

        /// <summary>Largest record (one wire frame).</summary>
        public int MaxRecordBytes = 1024;

        /// <summary>
        /// The read cursor is made durable every this many acknowledgements (and whenever a segment is released).
        /// Between two writes a power cut re-sends at most this many records; the fleet drops them as duplicates by
        /// (boot counter, sequence). 1 = never re-send, at the cost of one flash write per message.
        /// </summary>
        public int CursorPersistEveryAcks = 32;

        public void Validate()
        {
            if (MaxRecordBytes < 16 || MaxRecordBytes > 65535)
            {
                throw new InputException("store.maxRecordBytes", MaxRecordBytes.ToString(), "must be between 16 and 65535");
            }

            if (MaxSegmentBytes < MaxRecordBytes + RecordStore.HeaderBytes)
            {
                throw new InputException("store.maxSegmentBytes", MaxSegmentBytes.ToString(), "must hold at least one record of maxRecordBytes plus its 8-byte header");
            }

            if (MaxTotalBytes < 2L * MaxSegmentBytes)
            {
                throw new InputException("store.maxTotalBytes", MaxTotalBytes.ToString(), "must be at least two segments (2 × maxSegmentBytes)");
            }

            if (CursorPersistEveryAcks < 1)
            {
                throw new InputException("store.cursorPersistEveryAcks", CursorPersistEveryAcks.ToString(), "must be 1 or more");
            }
        }
    }
}
