using System;
using System.Collections.Generic;
using EdgeGateway.Firmware.Core.Platform;
using EdgeGateway.Firmware.Core.Transport;

namespace EdgeGateway.Modbus.Tests.Client;

/// <summary>A clock that only moves when someone sleeps or waits on it: time-based logic without real time.</summary>
internal sealed class FakeClock : IClock
{
    public long Now;

    public long MonotonicMilliseconds => Now;

    public DateTime UtcNow => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(Now);

    public List<int> Sleeps { get; } = new();

    /// <summary>Off for allocation measurements (the list itself grows).</summary>
    public bool RecordSleeps { get; set; } = true;

    public void Sleep(int milliseconds)
    {
        if (RecordSleeps)
        {
            Sleeps.Add(milliseconds);
        }

        Now += milliseconds;
    }
}

/// <summary>Test-side Modbus CRC, bit by bit from the spec's algorithm (independent of the table-driven one under test).</summary>
internal static class ReferenceCrc
{
    public static ushort Compute(IReadOnlyList<byte> data, int count)
    {
        ushort crc = 0xFFFF;
        for (int i = 0; i < count; i++)
        {
            crc ^= data[i];
            for (int bit = 0; bit < 8; bit++)
            {
                bool lsb = (crc & 1) != 0;
                crc >>= 1;
                if (lsb)
                {
                    crc ^= 0xA001;
                }
            }
        }

        return crc;
    }

    public static byte[] WithCrc(params byte[] body)
    {
        ushort crc = Compute(body, body.Length);
        var frame = new byte[body.Length + 2];
        body.CopyTo(frame, 0);
        frame[^2] = (byte)(crc & 0xFF);
        frame[^1] = (byte)(crc >> 8);
        return frame;
    }
}

/// <summary>
/// A scripted byte transport: each Write is recorded, and the next queued reply (or a handler's answer) becomes
/// readable. A "silence" reply makes Read wait its full timeout on the fake clock and return 0 — a dead slave.
/// </summary>
internal sealed class ScriptedTransport : IByteTransport
{
    private readonly FakeClock _clock;
    private readonly Queue<byte> _pending = new();

    public ScriptedTransport(FakeClock clock)
    {
        _clock = clock;
    }

    /// <summary>Replies in order, one per request; null = no answer.</summary>
    public Queue<byte[]?> Replies { get; } = new();

    /// <summary>Optional: computes the reply from the request (used when Replies is empty).</summary>
    public Func<byte[], byte[]?>? Handler { get; set; }

    public List<byte[]> Written { get; } = new();

    public int TimedOutReads { get; private set; }

    public int Opens { get; private set; }

    public int Discards { get; private set; }

    /// <summary>Milliseconds the fake clock advances per successful read (wire time).</summary>
    public int ReadCostMs { get; set; }

    public bool IsOpen { get; private set; }

    public void Open()
    {
        Opens++;
        IsOpen = true;
    }

    public void Close()
    {
        // Like a socket: what was not read yet is gone with the connection.
        IsOpen = false;
        _pending.Clear();
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        var request = new byte[count];
        Array.Copy(buffer, offset, request, 0, count);
        Written.Add(request);
        byte[]? reply = Replies.Count > 0 ? Replies.Dequeue() : Handler?.Invoke(request);
        if (reply != null)
        {
            foreach (byte b in reply)
            {
                _pending.Enqueue(b);
            }
        }
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        if (_pending.Count == 0)
        {
            TimedOutReads++;
            _clock.Now += timeoutMs;
            return 0;
        }

        _clock.Now += ReadCostMs;
        int n = 0;
        while (n < count && _pending.Count > 0)
        {
            buffer[offset + n++] = _pending.Dequeue();
        }

        return n;
    }

    public void DiscardInput()
    {
        Discards++;
        _pending.Clear();
    }

    /// <summary>Bytes queued as if they had arrived late (stale answers, noise).</summary>
    public void Inject(params byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            _pending.Enqueue(b);
        }
    }
}
