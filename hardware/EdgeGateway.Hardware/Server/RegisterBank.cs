using System;

namespace EdgeGateway.Hardware.Server;

/// <summary>
/// The four Modbus tables of one simulated unit. Each table has a size; a request past it gets exception 02
/// (illegal data address), like a real device outside its map. All access is under one lock so a device model can
/// update several registers of one value atomically (no torn float32 between its two registers).
/// </summary>
public sealed class RegisterBank
{
    private readonly bool[] coils;
    private readonly bool[] discreteInputs;
    private readonly ushort[] inputRegisters;
    private readonly ushort[] holdingRegisters;

    public RegisterBank(int coilCount, int discreteCount, int inputCount, int holdingCount)
    {
        coils = new bool[CheckSize(coilCount, nameof(coilCount))];
        discreteInputs = new bool[CheckSize(discreteCount, nameof(discreteCount))];
        inputRegisters = new ushort[CheckSize(inputCount, nameof(inputCount))];
        holdingRegisters = new ushort[CheckSize(holdingCount, nameof(holdingCount))];
    }

    /// <summary>Lock to hold while reading or writing several entries that belong together.</summary>
    public object SyncRoot { get; } = new();

    public int CoilCount => coils.Length;

    public int DiscreteCount => discreteInputs.Length;

    public int InputCount => inputRegisters.Length;

    public int HoldingCount => holdingRegisters.Length;

    /// <summary>Raised (outside the lock) after a client wrote holding registers: start address and count.</summary>
    public event EventHandler<RegisterWriteEventArgs>? HoldingWritten;

    /// <summary>Raised (outside the lock) after a client wrote coils: start address and count.</summary>
    public event EventHandler<RegisterWriteEventArgs>? CoilsWritten;

    public bool[] Coils => coils;

    public bool[] DiscreteInputs => discreteInputs;

    public ushort[] InputRegisters => inputRegisters;

    public ushort[] HoldingRegisters => holdingRegisters;

    internal void NotifyHoldingWritten(int address, int count) => HoldingWritten?.Invoke(this, new RegisterWriteEventArgs(address, count));

    internal void NotifyCoilsWritten(int address, int count) => CoilsWritten?.Invoke(this, new RegisterWriteEventArgs(address, count));

    private static int CheckSize(int n, string name)
    {
        if (n < 0 || n > 65536)
        {
            throw new ArgumentOutOfRangeException(name, n, "a Modbus table holds 0 to 65536 entries");
        }

        return n;
    }
}

/// <summary>A client write: first address and how many entries.</summary>
public sealed class RegisterWriteEventArgs : EventArgs
{
    public RegisterWriteEventArgs(int address, int count)
    {
        Address = address;
        Count = count;
    }

    public int Address { get; }

    public int Count { get; }
}
