using System;
using System.Collections.Generic;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Hardware.Profiles;
using EdgeGateway.Hardware.Simulation;

namespace EdgeGateway.Hardware.Tests;

/// <summary>The commissioning mistakes the probe must catch, against a simulated meter.</summary>
public sealed class ProbeTests
{
    private static (List<RegisterPoint> points, List<ushort[]> raw) ReadAll(ProfileBank slave, DeviceProfile asConfigured)
    {
        var points = new List<RegisterPoint>();
        var raw = new List<ushort[]>();
        foreach (ProfilePoint pp in asConfigured.Points)
        {
            RegisterPoint p = pp.Point;
            ushort[] table = p.Kind == RegisterKind.InputRegister ? slave.Bank.InputRegisters : slave.Bank.HoldingRegisters;
            points.Add(p);
            raw.Add(table[p.Address..(p.Address + p.RegisterCount)]);
        }

        return (points, raw);
    }

    private static MotorModel Motor()
    {
        var m = new MotorModel(Scenario.Compliant, 1, new ManualClock(DateTime.UnixEpoch), 9) { FixedLoad = 0.8 };
        m.Update();
        return m;
    }

    [Fact]
    public void A_profile_with_the_wrong_word_order_gets_the_right_order_proposed()
    {
        MotorModel m = Motor();
        DeviceProfile wrong = ProfileCatalog.Load(ProfileCatalog.Sdm630);
        foreach (ProfilePoint p in wrong.Points)
        {
            p.Point.Order = ByteOrder.CDAB;
        }

        var (points, raw) = ReadAll(m.Slaves[0], wrong);
        ProbeResult r = ProfileProbe.Probe(points, raw, ByteOrder.CDAB);
        Assert.True(r.HasProposal);
        Assert.Equal(ByteOrder.ABCD, r.ProposedOrder);
        Assert.Equal(r.Points, r.PlausibleAsProposed);
        Assert.True(r.PlausibleAsConfigured < r.Points / 2, r.PlausibleAsConfigured + " plausible with the wrong order");
        ProbePoint v = System.Linq.Enumerable.First(r.Details, d => d.Name == "voltageL1");
        Assert.InRange(v.ProposedValue, 0.99 * 400.0 / Math.Sqrt(3.0), 1.01 * 400.0 / Math.Sqrt(3.0));
    }

    [Fact]
    public void A_point_with_a_scale_off_by_ten_gets_a_factor_proposed()
    {
        MotorModel m = Motor();
        DeviceProfile wrong = ProfileCatalog.Load(ProfileCatalog.Sdm630);
        wrong.FindByName("frequency")!.Scale = 10.0;
        var (points, raw) = ReadAll(m.Slaves[0], wrong);
        ProbeResult r = ProfileProbe.Probe(points, raw, ByteOrder.ABCD);
        Assert.Equal(ByteOrder.ABCD, r.ProposedOrder);
        ProbePoint f = System.Linq.Enumerable.First(r.Details, d => d.Name == "frequency");
        Assert.False(f.PlausibleAsConfigured);
        Assert.Equal(0.1, f.ProposedFactor);
        Assert.Equal(50.0, f.ProposedValue, 3); // frequency is served without noise
    }

    [Fact]
    public void A_correct_profile_gets_no_proposal()
    {
        MotorModel m = Motor();
        var (points, raw) = ReadAll(m.Slaves[0], ProfileCatalog.Load(ProfileCatalog.Sdm630));
        ProbeResult r = ProfileProbe.Probe(points, raw, ByteOrder.ABCD);
        Assert.False(r.HasProposal);
        Assert.Equal(r.Points, r.PlausibleAsConfigured);
    }
}
