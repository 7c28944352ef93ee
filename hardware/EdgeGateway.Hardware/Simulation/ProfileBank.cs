using System;
using System.Collections.Generic;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Hardware.Profiles;
using EdgeGateway.Hardware.Server;

namespace EdgeGateway.Hardware.Simulation;

/// <summary>
/// A simulated slave that serves its values through a real device profile: the model sets engineering values by
/// measurement or point name, and they are encoded into the register bank with the profile's data type, byte order
/// and scale (RegisterDecoder, the same code the gateway decodes with — so a profile mistake shows up in both).
/// </summary>
public sealed class ProfileBank
{
    private readonly ushort[] scratch = new ushort[125];

    public ProfileBank(DeviceProfile profile, byte unitId)
    {
        Profile = profile;
        UnitId = unitId;
        int coils = 1, discrete = 1, input = 1, holding = 1;
        foreach (ProfilePoint pp in profile.Points)
        {
            RegisterPoint p = pp.Point;
            int end = p.Address + p.RegisterCount;
            switch (p.Kind)
            {
                case RegisterKind.Coil: coils = Math.Max(coils, end); break;
                case RegisterKind.DiscreteInput: discrete = Math.Max(discrete, end); break;
                case RegisterKind.InputRegister: input = Math.Max(input, end); break;
                default: holding = Math.Max(holding, end); break;
            }
        }

        // The map's extent rounded up to whole blocks of 16, like a device's firmware tables: reads past it get exception 02.
        Bank = new RegisterBank(RoundUp(coils), RoundUp(discrete), RoundUp(input), RoundUp(holding));
    }

    public DeviceProfile Profile { get; }

    public byte UnitId { get; }

    public RegisterBank Bank { get; }

    /// <summary>The last engineering value written per point name (what the simulator claims to serve).</summary>
    public Dictionary<string, double> Served { get; } = new(StringComparer.Ordinal);

    /// <summary>Sets every point feeding <paramref name="measurement"/>; returns how many points it set.</summary>
    public int SetMeasurement(string measurement, double value)
    {
        int n = 0;
        foreach (ProfilePoint pp in Profile.Points)
        {
            if (pp.Point.Measurement == measurement)
            {
                Set(pp.Point, value);
                n++;
            }
        }

        return n;
    }

    public void SetPoint(string name, double value)
    {
        RegisterPoint p = Profile.FindByName(name) ?? throw new ArgumentException("profile " + Profile.Id + " has no point '" + name + "'", nameof(name));
        Set(p, value);
    }

    public void SetString(string name, string text)
    {
        RegisterPoint p = Profile.FindByName(name) ?? throw new ArgumentException("profile " + Profile.Id + " has no point '" + name + "'", nameof(name));
        lock (Bank.SyncRoot)
        {
            RegisterDecoder.EncodeString(text, p.Order, Table(p.Kind), p.Address, p.StringLengthRegisters);
        }
    }

    public void Set(RegisterPoint p, double value)
    {
        lock (Bank.SyncRoot)
        {
            if (p.Kind == RegisterKind.Coil || p.Kind == RegisterKind.DiscreteInput)
            {
                bool[] bits = p.Kind == RegisterKind.Coil ? Bank.Coils : Bank.DiscreteInputs;
                bits[p.Address] = value != 0;
            }
            else
            {
                // Integers saturate at their type's limits rather than throwing: a failed sensor pins at full scale.
                double raw = (value - p.Offset) / p.Scale;
                raw = Clamp(p.DataType, raw);
                int n = RegisterDecoder.EncodeRaw(p.DataType, p.Order, raw, scratch, 0);
                Array.Copy(scratch, 0, Table(p.Kind), p.Address, n);
            }

            Served[p.Name] = value;
        }
    }

    private ushort[] Table(RegisterKind kind) => kind == RegisterKind.InputRegister ? Bank.InputRegisters : Bank.HoldingRegisters;

    private static double Clamp(RegisterDataType type, double raw) => type switch
    {
        RegisterDataType.Int16 => Math.Clamp(raw, short.MinValue, short.MaxValue),
        RegisterDataType.UInt16 => Math.Clamp(raw, 0, ushort.MaxValue),
        RegisterDataType.Int32 => Math.Clamp(raw, int.MinValue, int.MaxValue),
        RegisterDataType.UInt32 => Math.Clamp(raw, 0, uint.MaxValue),
        _ => raw,
    };

    private static int RoundUp(int n) => Math.Min(65536, (n + 15) / 16 * 16);
}
