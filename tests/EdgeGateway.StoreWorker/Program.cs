using System;
using System.Globalization;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Firmware.Linux.Storage;

namespace EdgeGateway.StoreWorker;

/// <summary>
/// Usage: StoreWorker append DIR FIRST COUNT BATCH  — appends records FIRST.. in batches, printing "durable N" after each
///        flush (N = last index made durable);
///        StoreWorker drain DIR                    — peeks and acknowledges every record, printing "releasing N" just
///        before each acknowledgement (N = the record's index).
/// Record i is <see cref="Payload"/>(i): its length and content depend on i, so a torn or mixed record cannot pass
/// for a good one.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var options = new RecordStoreOptions { MaxSegmentBytes = 4096, MaxTotalBytes = 1 << 30, CursorPersistEveryAcks = 4 };
        var store = new RecordStore(new DirectoryStoreFiles(args[1]), options);
        store.Open();
        Console.Out.Flush();
        if (args[0] == "append")
        {
            long first = long.Parse(args[2], CultureInfo.InvariantCulture);
            long count = long.Parse(args[3], CultureInfo.InvariantCulture);
            int batch = int.Parse(args[4], CultureInfo.InvariantCulture);
            byte[] buffer = new byte[256];
            for (long i = first; i < first + count; i++)
            {
                int n = Payload(i, buffer);
                store.Append(buffer, 0, n);
                if ((i - first + 1) % batch == 0)
                {
                    store.Flush();
                    Console.WriteLine("durable " + i.ToString(CultureInfo.InvariantCulture));
                    Console.Out.Flush();
                }
            }

            store.Close();
            Console.WriteLine("done");
        }
        else
        {
            byte[] buffer = new byte[1024];
            int n;
            while ((n = store.Peek(buffer)) > 0)
            {
                long index = BitConverter.ToInt64(buffer, 0);
                // Announce before acknowledging: a record never announced was never acknowledged, so it must survive.
                Console.WriteLine("releasing " + index.ToString(CultureInfo.InvariantCulture));
                Console.Out.Flush();
                store.Acknowledge();
            }

            store.Close();
            Console.WriteLine("done");
        }

        Console.Out.Flush();
        return 0;
    }

    private static int Payload(long i, byte[] buffer) => Records.Payload(i, buffer);
}

/// <summary>The deterministic records the crash tests write and check.</summary>
public static class Records
{
    /// <summary>Record i: 8-byte index, then (i % 200) + 8 bytes of a pattern derived from i.</summary>
    public static int Payload(long i, byte[] buffer)
    {
        BitConverter.TryWriteBytes(buffer.AsSpan(0, 8), i);
        int extra = (int)(i % 200) + 8;
        for (int k = 0; k < extra; k++)
        {
            buffer[8 + k] = (byte)(i * 31 + k * 7);
        }

        return 8 + extra;
    }
}
