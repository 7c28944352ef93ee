using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Firmware.Linux.Storage;
using EdgeGateway.StoreWorker;

namespace EdgeGateway.Gateway.Tests.StoreForward;

public class RecordStoreTests
{
    private static RecordStore OpenStore(string dir, int segmentBytes = 4096, long totalBytes = 1 << 30, int persistEvery = 4)
    {
        var store = new RecordStore(new DirectoryStoreFiles(dir), new RecordStoreOptions
        {
            MaxSegmentBytes = segmentBytes,
            MaxTotalBytes = totalBytes,
            CursorPersistEveryAcks = persistEvery,
        });
        store.Open();
        return store;
    }

    private static void AppendRange(RecordStore store, long first, long count)
    {
        byte[] buffer = new byte[256];
        for (long i = first; i < first + count; i++)
        {
            store.Append(buffer, 0, Records.Payload(i, buffer));
        }

        store.Flush();
    }

    /// <summary>Drains the store, checking every record is exactly Payload(index); returns the indices in order.</summary>
    internal static List<long> DrainAndCheck(RecordStore store)
    {
        var indices = new List<long>();
        byte[] buffer = new byte[1024];
        byte[] expected = new byte[256];
        int n;
        while ((n = store.Peek(buffer)) > 0)
        {
            long index = BitConverter.ToInt64(buffer, 0);
            int m = Records.Payload(index, expected);
            Assert.True(n == m && buffer.AsSpan(0, n).SequenceEqual(expected.AsSpan(0, m)), $"record {index} came back corrupted ({n} bytes, expected {m})");
            indices.Add(index);
            store.Acknowledge();
        }

        return indices;
    }

    [Fact]
    public void Records_come_back_in_order_across_segments_and_restarts()
    {
        using var dir = new StoreDirectory();
        var store = OpenStore(dir.Path);
        AppendRange(store, 0, 500); // ≈ 60 KB → many 4 KB segments
        Assert.Equal(500, store.BacklogRecords);
        store.Close();

        store = OpenStore(dir.Path);
        Assert.Equal(500, store.BacklogRecords);
        var got = DrainAndCheck(store);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), got);
        Assert.Equal(0, store.BacklogRecords);
        store.Close();

        // Released segments are deleted: only the newest (write) segment and the cursor remain.
        Assert.True(Directory.GetFiles(dir.Path, "*.seg").Length <= 1);
        store = OpenStore(dir.Path);
        Assert.Empty(DrainAndCheck(store));
    }

    [Fact]
    public void Peek_without_acknowledge_returns_the_same_record()
    {
        using var dir = new StoreDirectory();
        var store = OpenStore(dir.Path);
        AppendRange(store, 10, 2);
        byte[] a = new byte[1024];
        Assert.True(store.Peek(a) > 0);
        Assert.Equal(10, BitConverter.ToInt64(a, 0));
        Assert.True(store.Peek(a) > 0);
        Assert.Equal(10, BitConverter.ToInt64(a, 0));
        store.Acknowledge();
        Assert.True(store.Peek(a) > 0);
        Assert.Equal(11, BitConverter.ToInt64(a, 0));
        Assert.Throws<InvalidOperationException>(() => { store.Acknowledge(); store.Acknowledge(); });
    }

    [Fact]
    public void Full_queue_drops_the_oldest_segment_and_counts_the_gap()
    {
        using var dir = new StoreDirectory();
        const int segment = 4096;
        const long total = 4 * segment;
        var store = OpenStore(dir.Path, segment, total);
        const long appended = 1000; // ≈ 120 KB into a 16 KB queue
        AppendRange(store, 0, appended);

        Assert.True(store.TotalBytes <= total, $"queue holds {store.TotalBytes} bytes, limit {total}");
        Assert.True(store.DroppedRecords > 0);
        Assert.Equal(appended, store.DroppedRecords + store.BacklogRecords);
        long dropped = store.DroppedRecords;
        Assert.Equal(dropped, store.TakeDroppedSinceLastReport());
        Assert.Equal(0, store.TakeDroppedSinceLastReport());

        var got = DrainAndCheck(store);
        // What is left is the newest records, without holes, ending with the last one appended.
        Assert.Equal(appended - 1, got[^1]);
        Assert.Equal(Enumerable.Range((int)dropped, got.Count).Select(i => (long)i), got);
        long onDisk = Directory.GetFiles(dir.Path, "*.seg").Sum(f => new FileInfo(f).Length);
        Assert.True(onDisk <= total);
    }

    [Fact]
    public void Torn_tail_is_cut_and_counted_and_complete_records_survive()
    {
        using var dir = new StoreDirectory();
        var store = OpenStore(dir.Path, segmentBytes: 1 << 20);
        AppendRange(store, 0, 50);
        store.Close();
        string segmentFile = Directory.GetFiles(dir.Path, "*.seg").Single();
        long goodLength = new FileInfo(segmentFile).Length;

        // A power cut in the middle of the 51st record: its header and part of its payload reached the disk.
        byte[] buffer = new byte[256];
        int n = Records.Payload(50, buffer);
        byte[] torn = new byte[8 + n / 2];
        BitConverter.TryWriteBytes(torn.AsSpan(0, 4), (uint)n);
        buffer.AsSpan(0, n / 2).CopyTo(torn.AsSpan(8));
        File.AppendAllBytes(segmentFile, torn);

        store = OpenStore(dir.Path, segmentBytes: 1 << 20);
        Assert.Equal(torn.Length, store.DiscardedTailBytes);
        Assert.Equal(goodLength, new FileInfo(segmentFile).Length);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), DrainAndCheck(store));

        // New records after recovery follow the good ones, not the garbage.
        AppendRange(store, 50, 5);
        Assert.Equal(Enumerable.Range(50, 5).Select(i => (long)i), DrainAndCheck(store));
    }

    [Fact]
    public void Zero_filled_tail_after_a_crash_is_discarded()
    {
        using var dir = new StoreDirectory();
        var store = OpenStore(dir.Path, segmentBytes: 1 << 20);
        AppendRange(store, 0, 20);
        store.Close();
        string segmentFile = Directory.GetFiles(dir.Path, "*.seg").Single();
        File.AppendAllBytes(segmentFile, new byte[300]); // some file systems extend the file before the data lands

        store = OpenStore(dir.Path, segmentBytes: 1 << 20);
        Assert.Equal(300, store.DiscardedTailBytes);
        Assert.Equal(20, DrainAndCheck(store).Count);
    }

    [Fact]
    public void A_record_corrupted_on_the_medium_is_never_delivered()
    {
        using var dir = new StoreDirectory();
        var store = OpenStore(dir.Path);
        AppendRange(store, 0, 300);
        store.Close();
        string oldest = Directory.GetFiles(dir.Path, "*.seg").OrderBy(f => f, StringComparer.Ordinal).First();
        byte[] bytes = File.ReadAllBytes(oldest);
        bytes[bytes.Length / 2] ^= 0xFF; // a bit flip inside an older segment, after Open checked it
        store = OpenStore(dir.Path);     // Open cuts that segment at the damage ...
        File.WriteAllBytes(oldest, bytes);
        var got = DrainAndCheck(store);  // ... and a read-time check protects records damaged later
        Assert.True(store.CorruptRecordsSkipped > 0 || store.DiscardedTailBytes > 0);
        Assert.Equal(299, got[^1]);
        Assert.True(got.Count < 300);
        Assert.Equal(got.OrderBy(i => i), got);
    }

    [Fact]
    public void Damaged_cursor_file_means_resending_never_losing()
    {
        using var dir = new StoreDirectory();
        var store = OpenStore(dir.Path, persistEvery: 1);
        AppendRange(store, 0, 100);
        byte[] buffer = new byte[1024];
        for (int i = 0; i < 40; i++)
        {
            store.Peek(buffer);
            store.Acknowledge();
        }

        store.Close();
        byte[] cursor = File.ReadAllBytes(Path.Combine(dir.Path, "cursor"));
        cursor[3] ^= 0x55;
        File.WriteAllBytes(Path.Combine(dir.Path, "cursor"), cursor);

        store = OpenStore(dir.Path);
        var got = DrainAndCheck(store);
        Assert.Equal(99, got[^1]);
        Assert.True(got[0] <= 40, "records after the cursor were lost");
        Assert.Equal(Enumerable.Range((int)got[0], got.Count).Select(i => (long)i), got);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2000)]
    public void Record_size_outside_the_limit_is_refused_with_the_size_named(int size)
    {
        using var dir = new StoreDirectory();
        var store = OpenStore(dir.Path);
        var ex = Assert.Throws<EdgeGateway.Shared.Errors.InputException>(() => store.Append(new byte[4096], 0, size));
        Assert.Equal("record", ex.Field);
        Assert.Contains(size.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.BacklogRecords);
    }

    [Fact]
    public void Options_that_cannot_work_are_rejected_naming_the_setting()
    {
        var ex = Assert.Throws<EdgeGateway.Shared.Errors.InputException>(() =>
            new RecordStore(new DirectoryStoreFiles(Path.GetTempPath()), new RecordStoreOptions { MaxSegmentBytes = 8192, MaxTotalBytes = 10000 }));
        Assert.Equal("store.maxTotalBytes", ex.Field);
    }
}
