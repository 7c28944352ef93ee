using System.Collections.Generic;
using EdgeGateway.Firmware.Core.Edge;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Gateway.Tests.Edge;

public class MeasurementSetTests
{
    [Fact]
    public void Set_then_read_back_by_code()
    {
        var set = new MeasurementSet("boiler-1");
        Assert.False(set.Has(Measurements.SteamFlowTph));
        Assert.True(double.IsNaN(set.Value(Measurements.SteamFlowTph)));
        Assert.Equal(PointQuality.Missing, set.Quality(Measurements.SteamFlowTph));

        set.Set(Measurements.SteamFlowTph, 8.5, PointQuality.Good, 1_700_000_000_000);
        Assert.True(set.Has(Measurements.SteamFlowTph));
        Assert.Equal(8.5, set.Value(Measurements.SteamFlowTph));
        Assert.Equal(1_700_000_000_000, set.TimestampMs(Measurements.SteamFlowTph));
        Assert.True(set.IsUsable(Measurements.SteamFlowTph));

        set.Set(Measurements.SteamFlowTph, 8.5, PointQuality.Stuck, 1);
        Assert.False(set.IsUsable(Measurements.SteamFlowTph));
        set.Set(Measurements.SteamFlowTph, double.NaN, PointQuality.Good, 1);
        Assert.False(set.IsUsable(Measurements.SteamFlowTph));

        set.Clear(Measurements.SteamFlowTph);
        Assert.False(set.Has(Measurements.SteamFlowTph));
    }

    [Fact]
    public void Every_vocabulary_code_has_its_own_slot()
    {
        var seen = new HashSet<int>();
        for (int i = 0; i < Measurements.Count; i++)
        {
            int slot = MeasurementSet.SlotOf(Measurements.CodeAt(i));
            Assert.True(slot >= 0);
            Assert.True(seen.Add(slot));
            Assert.Equal(Measurements.CodeAt(i), MeasurementSet.CodeAtSlot(slot));
        }
    }

    [Fact]
    public void Unknown_code_and_bad_equipment_id_are_input_errors()
    {
        var set = new MeasurementSet("m1");
        Assert.Equal("measurementCode", Assert.Throws<InputException>(() => set.Set(20, 1, PointQuality.Good, 0)).Field);
        Assert.Throws<InputException>(() => new MeasurementSet("bad id with spaces"));
    }
}
