using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using EdgeGateway.Firmware.Core.StoreForward;
using EdgeGateway.Firmware.Linux.Storage;
using EdgeGateway.StoreWorker;
using Xunit.Abstractions;

namespace EdgeGateway.Gateway.Tests.StoreForward;

/// <summary>
/// Kills a real process (SIGKILL) that is writing to or draining the queue at random moments, many times, and checks
/// that every record it announced as durable is still there, in order, uncorrupted, and that nothing it had not yet
/// released is lost. The seed is printed so a failure can be replayed.
/// </summary>
public class CrashTests
{
    private readonly ITestOutputHelper output;

    public CrashTests(ITestOutputHelper output) => this.output = output;

    private static string WorkerPath => Path.Combine(AppContext.BaseDirectory, "EdgeGateway.StoreWorker.dll");

    private static Process StartWorker(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(WorkerPath);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("could not start the store worker");
    }

    /// <summary>Reads the worker's announcements until it is killed or exits; returns the highest N of "word N".</summary>
    private static long KillAtRandomAndCollect(Process worker, string word, Random random, int minDelayMs, int maxDelayMs, out bool finished)
    {
        long highest = -1;
        bool done = false;
        var lines = new List<string>();
        var reader = new Thread(() =>
        {
            string? line;
            while ((line = worker.StandardOutput.ReadLine()) != null)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        });
        reader.Start();

        // Wait for the first announcement (the process has started and opened the store), then kill at a random point.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !worker.HasExited)
        {
            lock (lines)
            {
                if (lines.Count > 0)
                {
                    break;
                }
            }

            Thread.Sleep(2);
        }

        Thread.Sleep(random.Next(minDelayMs, maxDelayMs));
        if (!worker.HasExited)
        {
            worker.Kill(); // SIGKILL: no finally blocks, no flush
        }

        worker.WaitForExit();
        reader.Join();
        foreach (string line in lines)
        {
            if (line == "done")
            {
                done = true;
            }
            else if (line.StartsWith(word + " ", StringComparison.Ordinal))
            {
                highest = Math.Max(highest, long.Parse(line.AsSpan(word.Length + 1), provider: System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.True(lines.Count > 0, "worker printed nothing: " + worker.StandardError.ReadToEnd());
        finished = done;
        return highest;
    }

    [Fact]
    public void Killing_the_writer_at_random_points_loses_no_durable_record_and_delivers_nothing_corrupted()
    {
        int seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        using var dir = new StoreDirectory();
        long next = 0;
        int kills = 0;
        long discarded = 0;
        for (int round = 0; round < 12; round++)
        {
            int batch = random.Next(1, 16);
            using var worker = StartWorker("append", dir.Path, next.ToString(), "100000000", batch.ToString());
            long durable = KillAtRandomAndCollect(worker, "durable", random, 5, 250, out bool finished);
            Assert.False(finished, "the worker finished before it was killed: raise its record count");
            kills++;

            // Recover in this process, as the gateway would after a restart, and read everything back.
            var store = new RecordStore(new DirectoryStoreFiles(dir.Path), new RecordStoreOptions { MaxSegmentBytes = 4096, MaxTotalBytes = 1 << 30, CursorPersistEveryAcks = 4 });
            store.Open();
            discarded += store.DiscardedTailBytes;
            List<long> got = RecordStoreTests.DrainAndCheck(store);
            store.Close();

            Assert.True(durable < 0 || got.Count > 0, $"round {round}: {durable - next + 1} durable records announced, none recovered");
            if (got.Count > 0)
            {
                Assert.Equal(next, got[0]);
                Assert.Equal(Enumerable.Range(0, got.Count).Select(i => next + i), got); // in order, no holes, no duplicates
                Assert.True(got[^1] >= durable, $"round {round}: record {durable} was announced durable but only up to {got[^1]} survived");
                next = got[^1] + 1;
            }

            output.WriteLine($"round {round}: batch {batch}, durable up to {durable}, recovered up to {next - 1}");
        }

        output.WriteLine($"{kills} kills, {next} records recovered, {discarded} torn-tail bytes discarded");
        Assert.True(next > 0);
    }

    [Fact]
    public void Killing_the_reader_at_random_points_loses_nothing_it_had_not_released()
    {
        int seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        using var dir = new StoreDirectory();
        const long total = 20000;
        var filler = new RecordStore(new DirectoryStoreFiles(dir.Path), new RecordStoreOptions { MaxSegmentBytes = 4096, MaxTotalBytes = 1 << 30, CursorPersistEveryAcks = 4 });
        filler.Open();
        byte[] buffer = new byte[256];
        for (long i = 0; i < total; i++)
        {
            filler.Append(buffer, 0, Records.Payload(i, buffer));
        }

        filler.Close();

        long expectedFirst = 0;
        for (int round = 0; round < 8; round++)
        {
            using var worker = StartWorker("drain", dir.Path);
            long released = KillAtRandomAndCollect(worker, "releasing", random, 5, 120, out bool finished);

            // Read the remainder in this process without releasing it (peek only), by re-opening a fresh store.
            var store = new RecordStore(new DirectoryStoreFiles(dir.Path), new RecordStoreOptions { MaxSegmentBytes = 4096, MaxTotalBytes = 1 << 30, CursorPersistEveryAcks = 4 });
            store.Open();
            byte[] peek = new byte[1024];
            int n = store.Peek(peek);
            long first = n > 0 ? BitConverter.ToInt64(peek, 0) : total;
            long backlog = store.BacklogRecords;
            store.Close();

            // Nothing unreleased was lost: the first remaining record is at most the one after the last released.
            Assert.True(first <= released + 1, $"round {round}: released up to {released}, but the queue starts at {first}: records lost");
            // Re-sends are bounded by the cursor persistence interval (4 acknowledgements), and the queue never goes back
            // before where the previous round resumed.
            Assert.True(first >= expectedFirst, $"round {round}: queue went back to {first}, before {expectedFirst}");
            if (released >= expectedFirst)
            {
                Assert.True(first >= released - 4, $"round {round}: released up to {released} but resumes at {first}: more re-sends than the cursor interval allows");
            }

            Assert.Equal(total - first, backlog);
            expectedFirst = first;
            output.WriteLine($"round {round}: released up to {released}, queue resumes at {first} ({(released + 1) - first} to re-send), finished={finished}");
            if (finished)
            {
                break;
            }
        }

        // Finally drain everything that is left and check it.
        var last = new RecordStore(new DirectoryStoreFiles(dir.Path), new RecordStoreOptions { MaxSegmentBytes = 4096, MaxTotalBytes = 1 << 30, CursorPersistEveryAcks = 4 });
        last.Open();
        List<long> rest = RecordStoreTests.DrainAndCheck(last);
        Assert.Equal(Enumerable.Range(0, rest.Count).Select(i => expectedFirst + i), rest);
        Assert.Equal(total, expectedFirst + rest.Count);
    }
}
