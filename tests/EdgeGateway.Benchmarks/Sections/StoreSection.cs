using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using EdgeGateway.Benchmarks.Infrastructure;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Firmware.Linux.Storage;

namespace EdgeGateway.Benchmarks.Sections;

/// <summary>
/// 4. Store-and-forward throughput on the same disk in the same run: our RecordStore (portable core) over
/// DirectoryStoreFiles (Linux adapter) vs a plain FileStream append of the same bytes.
///   write: N records of one boiler report frame; ours Append + Flush every 32 records (group commit, fsync), plain
///          writes the same 8-byte header + payload per record and Flush(true) every 32 records;
///   replay: ours Peek + Acknowledge until empty (checksum verified per record, read cursor persisted durably every
///          32 acks — the default, so a power cut re-sends at most 32); plain reads the file back record by record
///          (header, payload, no checksum) and persists its position (8 bytes + fsync) every 32 records.
///   Two extra rows separate durability from the read path: ours with the cursor persisted only when a segment is
///   released, and the plain read with no durable position at all.
/// Rounds alternate who writes first; the median round is shown.
/// </summary>
internal sealed class StoreSection : ISection
{
    private const int GroupCommit = 32;

    public string Name => "store";

    public string Title => "4. Store-and-forward: RecordStore vs plain FileStream append, same disk, same run";

    public void Run(BenchSettings settings, Report report)
    {
        int n = settings.StoreRecords;
        byte[] payload = BoilerReport.EncodeWire();
        string root = Path.Combine(settings.WorkDirectory, "store");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        const int rounds = 3;
        var oursWrites = new List<double>();
        var plainWrites = new List<double>();
        var oursReplays = new List<double>();
        var oursReplaysLazy = new List<double>();
        var plainDurableReads = new List<double>();
        var plainReads = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            // Alternate who goes first: fsync cost drifts with what the disk was doing just before.
            string ours = Path.Combine(root, "ours" + round.ToString(CultureInfo.InvariantCulture));
            string plain = Path.Combine(root, "plain" + round.ToString(CultureInfo.InvariantCulture) + ".bin");
            if (round % 2 == 0)
            {
                oursWrites.Add(OursWrite(ours, payload, n, GroupCommit));
                plainWrites.Add(PlainWrite(plain, payload, n));
            }
            else
            {
                plainWrites.Add(PlainWrite(plain, payload, n));
                oursWrites.Add(OursWrite(ours, payload, n, GroupCommit));
            }

            oursReplays.Add(OursReplay(ours, payload.Length, n, GroupCommit));
            plainDurableReads.Add(PlainRead(plain, payload.Length, n, durablePositionEvery: GroupCommit));
            plainReads.Add(PlainRead(plain, payload.Length, n, durablePositionEvery: 0));
            string lazy = Path.Combine(root, "lazy" + round.ToString(CultureInfo.InvariantCulture));
            OursWrite(lazy, payload, n, GroupCommit);
            oursReplaysLazy.Add(OursReplay(lazy, payload.Length, n, int.MaxValue));
            Directory.Delete(ours, recursive: true);
            Directory.Delete(lazy, recursive: true);
            File.Delete(plain);
            File.Delete(plain + ".pos");
        }

        double oursWrite = Median(oursWrites);
        double plainWrite = Median(plainWrites);
        double oursReplay = Median(oursReplays);
        double oursReplayLazy = Median(oursReplaysLazy);
        double plainDurableRead = Median(plainDurableReads);
        double plainRead = Median(plainReads);
        int recordBytes = payload.Length + RecordStore.HeaderBytes;
        var rows = new List<string[]>
        {
            Row("write", "ours: Append + Flush/32", oursWrite, recordBytes),
            Row("write", "plain FileStream + Flush(true)/32", plainWrite, recordBytes),
            Row("replay", "ours: Peek + Acknowledge (cursor fsync/32)", oursReplay, recordBytes),
            Row("replay", "plain read + position fsync/32", plainDurableRead, recordBytes),
            Row("replay", "ours: cursor fsync only per segment released", oursReplayLazy, recordBytes),
            Row("replay", "plain read, no durable position", plainRead, recordBytes),
        };
        Report.Note($"{n:N0} records of {payload.Length} B payload (one boiler report) + {RecordStore.HeaderBytes} B header, temp dir {root}; median of {rounds} rounds");
        Report.Table(new[] { "phase", "writer / reader", "records/s", "MB/s" }, rows);
        Report.Note("ours persists the read cursor as a small file replaced atomically (write, fsync, rename); the plain reader rewrites 8 bytes in place + fsync");
        report.Ratio("store_write", oursWrite / plainWrite, "records/s written, RecordStore ÷ plain FileStream, both fsync every 32 records; higher is better, 1.00 = no overhead");
        report.Ratio("store_replay", oursReplay / plainDurableRead, "records/s replayed, RecordStore Peek+Acknowledge ÷ plain read, both persisting their position with fsync every 32; higher is better");
        report.Ratio("store_replay_vs_bare_read", oursReplayLazy / plainRead, "RecordStore replay (fsync only per released segment) ÷ plain read with no durability at all; higher is better");
        Directory.Delete(root, recursive: true);
    }

    private static double OursWrite(string dir, byte[] payload, int n, int flushEvery)
    {
        var store = new RecordStore(new DirectoryStoreFiles(dir), Options(int.MaxValue));
        store.Open();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++)
        {
            store.Append(payload, 0, payload.Length);
            if ((i + 1) % flushEvery == 0)
            {
                store.Flush();
            }
        }

        store.Flush();
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (store.BacklogRecords != n || store.DroppedRecords != 0)
        {
            throw new InvalidOperationException($"RecordStore holds {store.BacklogRecords} records after {n} appends ({store.DroppedRecords} dropped)");
        }

        store.Close();
        return n / seconds;
    }

    private static double OursReplay(string dir, int payloadLength, int n, int cursorPersistEveryAcks)
    {
        var store = new RecordStore(new DirectoryStoreFiles(dir), Options(cursorPersistEveryAcks));
        store.Open();
        var buffer = new byte[1024];
        int count = 0;
        long start = Stopwatch.GetTimestamp();
        int length;
        while ((length = store.Peek(buffer)) > 0)
        {
            if (length != payloadLength)
            {
                throw new InvalidOperationException($"replayed record {count} has {length} bytes, {payloadLength} were written");
            }

            store.Acknowledge();
            count++;
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        store.Close();
        if (count != n)
        {
            throw new InvalidOperationException($"replayed {count} records, {n} were written");
        }

        return n / seconds;
    }

    private static RecordStoreOptions Options(int cursorPersistEveryAcks) => new()
    {
        MaxTotalBytes = 1024L * 1024 * 1024,
        CursorPersistEveryAcks = cursorPersistEveryAcks == int.MaxValue ? 1 << 30 : cursorPersistEveryAcks,
    };

    private static double PlainWrite(string path, byte[] payload, int n)
    {
        // The same bytes RecordStore writes: [u32 length][u32 crc][payload], the checksum computed once up front.
        var header = new byte[RecordStore.HeaderBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 0x5EED5EED);
        long start = Stopwatch.GetTimestamp();
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, FileOptions.None))
        {
            for (int i = 0; i < n; i++)
            {
                stream.Write(header, 0, header.Length);
                stream.Write(payload, 0, payload.Length);
                if ((i + 1) % GroupCommit == 0)
                {
                    stream.Flush(true);
                }
            }

            stream.Flush(true);
        }

        return n / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static string[] Row(string phase, string who, double recordsPerSecond, int recordBytes) =>
        new[] { phase, who, Report.F(recordsPerSecond, 0), Report.F(recordsPerSecond * recordBytes / 1e6, 2) };

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>Reads the plain file back record by record; with durablePositionEvery &gt; 0 it also rewrites its
    /// position (8 bytes in a side file) and fsyncs it every that many records, the durability RecordStore's cursor has.</summary>
    private static double PlainRead(string path, int payloadLength, int n, int durablePositionEvery)
    {
        var header = new byte[RecordStore.HeaderBytes];
        var buffer = new byte[1024];
        var position = new byte[8];
        int count = 0;
        long start = Stopwatch.GetTimestamp();
        using (var positionFile = durablePositionEvery > 0 ? new FileStream(path + ".pos", FileMode.Create, FileAccess.Write, FileShare.Read, 1, FileOptions.None) : null)
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.None))
        {
            while (stream.Read(header, 0, header.Length) == header.Length)
            {
                int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(header);
                stream.ReadExactly(buffer, 0, length);
                if (length != payloadLength)
                {
                    throw new InvalidOperationException("plain file record length " + length.ToString(CultureInfo.InvariantCulture));
                }

                count++;
                if (positionFile != null && count % durablePositionEvery == 0)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(position, stream.Position);
                    positionFile.Seek(0, SeekOrigin.Begin);
                    positionFile.Write(position, 0, position.Length);
                    positionFile.Flush(true);
                }
            }
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (count != n)
        {
            throw new InvalidOperationException($"plain read found {count} records, {n} were written");
        }

        return n / seconds;
    }
}
