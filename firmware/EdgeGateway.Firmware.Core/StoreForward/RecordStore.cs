using System;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Firmware.Core.StoreForward
{
    /// <summary>
    /// The gateway's persistent queue: every measurement frame is appended here first, published from here, and
    /// released only after the broker acknowledged it.
    ///
    /// On disk: segment files <c>q000000000001.seg</c>, … of records <c>[u32 length][u32 crc32(length, payload)][payload]</c>,
    /// and a small <c>cursor</c> file (segment id, offset, crc) naming the oldest unacknowledged record. Appends only
    /// ever add to the newest segment, so a power cut can damage at most its tail: <see cref="Open"/> finds the last
    /// record whose checksum holds, cuts the file there and counts what it discarded. Nothing corrupted is ever
    /// returned by <see cref="Peek"/>: each record's checksum is checked again when read.
    ///
    /// Thread-safe: the reporting loop appends and flushes while the uplink loop peeks and acknowledges; each public
    /// operation holds one short lock (no network I/O happens under it). Allocation-free after Open.
    /// </summary>
    public sealed class RecordStore
    {
        public const int HeaderBytes = 8;
        private const string CursorName = "cursor";
        private const string SegmentPrefix = "q";
        private const string SegmentSuffix = ".seg";

        private readonly IStoreFiles files;
        private readonly RecordStoreOptions options;
        private readonly byte[] header = new byte[HeaderBytes];
        private readonly byte[] cursorBytes = new byte[20];
        private readonly object sync = new object();

        // Live segments, oldest first (parallel arrays: no generics on nanoFramework).
        private long[] segmentIds;
        private long[] segmentBytes;
        private int[] segmentRecords;
        private int segmentCount;

        private IStoreFile writeFile;
        private IStoreFile readFile;
        private long readFileSegmentId = -1;

        // Cursor: the oldest unacknowledged record.
        private long cursorSegmentId;
        private long cursorOffset;
        private int cursorRecordsBefore; // records of the cursor segment before the cursor
        private int acksSincePersist;

        private int peekedLength = -1;
        private long peekedNextOffset;

        public RecordStore(IStoreFiles files, RecordStoreOptions options)
        {
            if (files == null)
            {
                throw new ArgumentNullException(nameof(files));
            }

            this.files = files;
            this.options = options ?? new RecordStoreOptions();
            this.options.Validate();
            int maxSegments = (int)(this.options.MaxTotalBytes / this.options.MaxSegmentBytes) + 2;
            segmentIds = new long[maxSegments];
            segmentBytes = new long[maxSegments];
            segmentRecords = new int[maxSegments];
        }

        /// <summary>Records waiting to be acknowledged.</summary>
        public long BacklogRecords { get; private set; }

        /// <summary>Bytes on disk, all segments.</summary>
        public long TotalBytes { get; private set; }

        /// <summary>Records dropped unsent because the queue was full (the gap reported to the fleet).</summary>
        public long DroppedRecords { get; private set; }

        /// <summary>Records dropped since the caller last took them with <see cref="TakeDroppedSinceLastReport"/>.</summary>
        public long DroppedUnreported { get; private set; }

        /// <summary>Bytes discarded at Open because they were a torn or corrupted tail.</summary>
        public long DiscardedTailBytes { get; private set; }

        /// <summary>Records skipped at read time because their checksum no longer held (media corruption).</summary>
        public long CorruptRecordsSkipped { get; private set; }

        /// <summary>Recovers the queue from disk: orders segments, cuts torn tails, restores the cursor.</summary>
        public void Open()
        {
            lock (sync)
            {
                string[] names = files.List();
                segmentCount = 0;
                for (int i = 0; i < names.Length; i++)
                {
                    long id = ParseSegmentId(names[i]);
                    if (id >= 0)
                    {
                        InsertSorted(id);
                    }
                }

                TotalBytes = 0;
                BacklogRecords = 0;
                for (int i = 0; i < segmentCount; i++)
                {
                    ScanSegment(i);
                    TotalBytes += segmentBytes[i];
                }

                LoadCursor();
                for (int i = 0; i < segmentCount; i++)
                {
                    if (segmentIds[i] >= cursorSegmentId)
                    {
                        BacklogRecords += segmentRecords[i];
                    }
                }

                BacklogRecords -= cursorRecordsBefore;

                if (segmentCount == 0)
                {
                    AddSegment(1);
                }

                writeFile = files.Open(SegmentName(segmentIds[segmentCount - 1]), true);
            }
        }

        /// <summary>
        /// Appends one record. It is durable only after <see cref="Flush"/> (group commit: append a cycle's frames,
        /// then flush once). Drops the oldest segment first when the queue is full.
        /// </summary>
        public void Append(byte[] payload, int offset, int count)
        {
            lock (sync)
            {
                if (count <= 0 || count > options.MaxRecordBytes)
                {
                    throw new InputException("record", count.ToString() + " bytes", "a record must be 1 to " + options.MaxRecordBytes.ToString() + " bytes");
                }

                int recordBytes = HeaderBytes + count;
                int last = segmentCount - 1;
                if (segmentBytes[last] + recordBytes > options.MaxSegmentBytes && segmentRecords[last] > 0)
                {
                    RollWriter();
                    last = segmentCount - 1;
                }

                while (TotalBytes + recordBytes > options.MaxTotalBytes && segmentCount > 1)
                {
                    DropOldestSegment();
                    last = segmentCount - 1;
                }

                WriteUInt32(header, 0, (uint)count);
                uint crc = Crc32.Append(0, header, 0, 4);
                crc = Crc32.Append(crc, payload, offset, count);
                WriteUInt32(header, 4, crc);
                writeFile.Append(header, 0, HeaderBytes);
                writeFile.Append(payload, offset, count);
                segmentBytes[last] += recordBytes;
                segmentRecords[last]++;
                TotalBytes += recordBytes;
                BacklogRecords++;
            }
        }

        /// <summary>Makes every appended record durable (fsync).</summary>
        public void Flush()
        {
            lock (sync)
            {
                writeFile.Flush();
            }
        }

        /// <summary>
        /// Copies the oldest unacknowledged record into <paramref name="buffer"/> and returns its length, or 0 when
        /// the queue is empty. Calling it again without <see cref="Acknowledge"/> returns the same record.
        /// </summary>
        public int Peek(byte[] buffer)
        {
            lock (sync)
            {
                while (true)
                {
                    int index = IndexOfSegment(cursorSegmentId);
                    if (index < 0)
                    {
                        return 0;
                    }

                    if (cursorOffset >= segmentBytes[index])
                    {
                        if (index == segmentCount - 1)
                        {
                            return 0; // caught up with the writer
                        }

                        ReleaseSegmentAndAdvance(index);
                        continue;
                    }

                    IStoreFile file = ReadFileFor(cursorSegmentId);
                    if (file.ReadAt(cursorOffset, header, 0, HeaderBytes) != HeaderBytes)
                    {
                        return 0;
                    }

                    uint length = ReadUInt32(header, 0);
                    if (length == 0 || length > (uint)options.MaxRecordBytes || length > (uint)buffer.Length
                        || cursorOffset + HeaderBytes + length > segmentBytes[index]
                        || file.ReadAt(cursorOffset + HeaderBytes, buffer, 0, (int)length) != (int)length
                        || Crc32.Append(Crc32.Append(0, header, 0, 4), buffer, 0, (int)length) != ReadUInt32(header, 4))
                    {
                        if (length > (uint)buffer.Length && length <= (uint)options.MaxRecordBytes)
                        {
                            throw new InputException("buffer", buffer.Length.ToString() + " bytes", "must hold a whole record (" + length.ToString() + " bytes)");
                        }

                        // Media corruption inside a segment (the tail was checked at Open): the rest of this segment can no
                        // longer be framed, so skip to the next one and count what was lost.
                        int lost = segmentRecords[index] - cursorRecordsBefore;
                        CorruptRecordsSkipped += lost;
                        BacklogRecords -= lost;
                        segmentRecords[index] = cursorRecordsBefore;
                        if (index == segmentCount - 1)
                        {
                            RollWriter(); // new appends must not land behind the damage, where they could never be framed
                        }

                        ReleaseSegmentAndAdvance(index);
                        continue;
                    }

                    peekedLength = (int)length;
                    peekedNextOffset = cursorOffset + HeaderBytes + length;
                    return (int)length;
                }
            }
        }

        /// <summary>Releases the record last returned by <see cref="Peek"/>: the broker has acknowledged it.</summary>
        public void Acknowledge()
        {
            lock (sync)
            {
                if (peekedLength < 0)
                {
                    throw new InvalidOperationException("Acknowledge without a record from Peek");
                }

                cursorOffset = peekedNextOffset;
                cursorRecordsBefore++;
                peekedLength = -1;
                BacklogRecords--;
                acksSincePersist++;
                if (acksSincePersist >= options.CursorPersistEveryAcks)
                {
                    PersistCursor();
                }
            }
        }

        /// <summary>Returns and resets the count of records dropped since the last gap report.</summary>
        public long TakeDroppedSinceLastReport()
        {
            lock (sync)
            {
                long n = DroppedUnreported;
                DroppedUnreported = 0;
                return n;
            }
        }

        /// <summary>Flushes data and cursor and closes the files (a clean shutdown re-sends nothing).</summary>
        public void Close()
        {
            lock (sync)
            {
                if (writeFile != null)
                {
                    writeFile.Flush();
                    writeFile.Close();
                    writeFile = null;
                }

                if (readFile != null)
                {
                    readFile.Close();
                    readFile = null;
                    readFileSegmentId = -1;
                }

                PersistCursor();
            }
        }

        private void ScanSegment(int index)
        {
            IStoreFile file = files.Open(SegmentName(segmentIds[index]), false);
            if (file == null)
            {
                segmentBytes[index] = 0;
                segmentRecords[index] = 0;
                return;
            }

            long length = file.Length;
            long position = 0;
            int records = 0;
            byte[] scratch = new byte[options.MaxRecordBytes]; // Open only: not the steady state
            while (position + HeaderBytes <= length)
            {
                if (file.ReadAt(position, header, 0, HeaderBytes) != HeaderBytes)
                {
                    break;
                }

                uint n = ReadUInt32(header, 0);
                if (n == 0 || n > (uint)options.MaxRecordBytes || position + HeaderBytes + n > length)
                {
                    break;
                }

                if (file.ReadAt(position + HeaderBytes, scratch, 0, (int)n) != (int)n
                    || Crc32.Append(Crc32.Append(0, header, 0, 4), scratch, 0, (int)n) != ReadUInt32(header, 4))
                {
                    break;
                }

                position += HeaderBytes + n;
                records++;
            }

            if (position < length)
            {
                DiscardedTailBytes += length - position;
                file.Truncate(position);
                file.Flush();
            }

            file.Close();
            segmentBytes[index] = position;
            segmentRecords[index] = records;
        }

        private void LoadCursor()
        {
            cursorSegmentId = segmentCount > 0 ? segmentIds[0] : 1;
            cursorOffset = 0;
            cursorRecordsBefore = 0;
            int n = files.ReadSmall(CursorName, cursorBytes);
            if (n != 20 || Crc32.Compute(cursorBytes, 0, 16) != ReadUInt32(cursorBytes, 16))
            {
                return; // no cursor or a damaged one: re-send from the oldest segment (duplicates, never loss)
            }

            long id = ReadInt64(cursorBytes, 0);
            long offset = ReadInt64(cursorBytes, 8);
            int index = IndexOfSegment(id);
            if (index < 0)
            {
                return; // the cursor's segment was released: everything before the oldest segment is acknowledged
            }

            // Walk record boundaries up to the cursor so the count is exact and a cursor past a cut tail is clamped.
            IStoreFile file = files.Open(SegmentName(id), false);
            long position = 0;
            int records = 0;
            while (file != null && position < offset && position < segmentBytes[index])
            {
                file.ReadAt(position, header, 0, HeaderBytes);
                position += HeaderBytes + ReadUInt32(header, 0);
                records++;
            }

            if (file != null)
            {
                file.Close();
            }

            cursorSegmentId = id;
            cursorOffset = position;
            cursorRecordsBefore = records;
        }

        private void PersistCursor()
        {
            WriteInt64(cursorBytes, 0, cursorSegmentId);
            WriteInt64(cursorBytes, 8, cursorOffset);
            WriteUInt32(cursorBytes, 16, Crc32.Compute(cursorBytes, 0, 16));
            files.ReplaceAtomic(CursorName, cursorBytes, 20);
            acksSincePersist = 0;
        }

        private void ReleaseSegmentAndAdvance(int index)
        {
            long released = segmentIds[index];
            cursorSegmentId = segmentIds[index + 1];
            cursorOffset = 0;
            cursorRecordsBefore = 0;
            PersistCursor(); // before deleting: a cut between the two leaves a cursor that skips a deleted file, never one that points back
            RemoveSegmentAt(index);
            files.Delete(SegmentName(released));
        }

        private void DropOldestSegment()
        {
            long id = segmentIds[0];
            int unsent = segmentRecords[0];
            if (id == cursorSegmentId)
            {
                unsent -= cursorRecordsBefore;
            }

            if (id >= cursorSegmentId)
            {
                DroppedRecords += unsent;
                DroppedUnreported += unsent;
                BacklogRecords -= unsent;
            }

            if (id == cursorSegmentId)
            {
                cursorSegmentId = segmentIds[1];
                cursorOffset = 0;
                cursorRecordsBefore = 0;
                peekedLength = -1;
                PersistCursor();
            }

            RemoveSegmentAt(0);
            files.Delete(SegmentName(id));
        }

        private void RollWriter()
        {
            writeFile.Flush();
            writeFile.Close(); // the reader re-opens the former newest segment by name on its next Peek
            AddSegment(segmentIds[segmentCount - 1] + 1);
            writeFile = files.Open(SegmentName(segmentIds[segmentCount - 1]), true);
        }

        private void AddSegment(long id)
        {
            if (segmentCount == segmentIds.Length)
            {
                throw new InvalidOperationException("segment table full");
            }

            segmentIds[segmentCount] = id;
            segmentBytes[segmentCount] = 0;
            segmentRecords[segmentCount] = 0;
            segmentCount++;
        }

        private void RemoveSegmentAt(int index)
        {
            TotalBytes -= segmentBytes[index];
            if (readFile != null && readFileSegmentId == segmentIds[index])
            {
                readFile.Close();
                readFile = null;
                readFileSegmentId = -1;
            }

            for (int i = index; i < segmentCount - 1; i++)
            {
                segmentIds[i] = segmentIds[i + 1];
                segmentBytes[i] = segmentBytes[i + 1];
                segmentRecords[i] = segmentRecords[i + 1];
            }

            segmentCount--;
        }

        private void InsertSorted(long id)
        {
            if (segmentCount == segmentIds.Length)
            {
                // More segments on disk than the options allow (the limit was lowered): keep the newest.
                if (id < segmentIds[0])
                {
                    return;
                }

                RemoveOldestOnLoad();
            }

            int i = segmentCount;
            while (i > 0 && segmentIds[i - 1] > id)
            {
                segmentIds[i] = segmentIds[i - 1];
                i--;
            }

            segmentIds[i] = id;
            segmentCount++;
        }

        private void RemoveOldestOnLoad()
        {
            files.Delete(SegmentName(segmentIds[0]));
            for (int i = 0; i < segmentCount - 1; i++)
            {
                segmentIds[i] = segmentIds[i + 1];
            }

            segmentCount--;
        }

        private int IndexOfSegment(long id)
        {
            for (int i = 0; i < segmentCount; i++)
            {
                if (segmentIds[i] == id)
                {
                    return i;
                }
            }

            return -1;
        }

        private IStoreFile ReadFileFor(long id)
        {
            if (readFileSegmentId != id)
            {
                if (readFile != null)
                {
                    readFile.Close();
                }

                // The newest segment is read through the writer's handle so unflushed appends are visible.
                readFile = id == segmentIds[segmentCount - 1] ? null : files.Open(SegmentName(id), false);
                readFileSegmentId = readFile == null ? -1 : id;
                if (readFile == null)
                {
                    return writeFile;
                }
            }

            return readFile;
        }

        private static string SegmentName(long id)
        {
            string digits = id.ToString();
            return SegmentPrefix + new string('0', digits.Length < 12 ? 12 - digits.Length : 0) + digits + SegmentSuffix;
        }

        private static long ParseSegmentId(string name)
        {
            if (name == null || name.Length != 17 || !name.StartsWith(SegmentPrefix) || !name.EndsWith(SegmentSuffix))
            {
                return -1;
            }

            long id = 0;
            for (int i = 1; i < 13; i++)
            {
                char c = name[i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }

                id = id * 10 + (c - '0');
            }

            return id;
        }

        private static void WriteUInt32(byte[] b, int o, uint v)
        {
            b[o] = (byte)v;
            b[o + 1] = (byte)(v >> 8);
            b[o + 2] = (byte)(v >> 16);
            b[o + 3] = (byte)(v >> 24);
        }

        private static uint ReadUInt32(byte[] b, int o)
        {
            return (uint)(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24));
        }

        private static void WriteInt64(byte[] b, int o, long v)
        {
            for (int i = 0; i < 8; i++)
            {
                b[o + i] = (byte)(v >> (8 * i));
            }
        }

        private static long ReadInt64(byte[] b, int o)
        {
            long v = 0;
            for (int i = 0; i < 8; i++)
            {
                v |= (long)b[o + i] << (8 * i);
            }

            return v;
        }
    }
}
