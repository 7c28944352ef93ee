using System;
using EdgeGateway.Firmware.Core.Edge;
using EdgeGateway.Shared.Boilers.Fuels;
using EdgeGateway.Shared.Boilers.Grading;
using EdgeGateway.Shared.Wire;
using Xunit.Abstractions;
namespace EdgeGateway.Gateway.Tests.Edge;
public class TmpProbeTests
{
    private readonly ITestOutputHelper output;
    public TmpProbeTests(ITestOutputHelper o) => output = o;
    [Fact]
    public void Probe()
    {
        const long T0 = 1_750_000_000_000;
        var calc = new BoilerCalculator(new BoilerNameplate
        {
            Fuel = FuelKind.NaturalGas, RatedEvaporationTph = 10, FuelLowerHeatingValueKjPerNm3 = 35_588,
            GradingSpec = new BoilerSpec { Fuel = BoilerFuel.NaturalGas, Combustion = BoilerCombustion.Chamber, RatedEvaporationTph = 10 },
            SteadyWindowSeconds = 60, SteadyCapacity = 13,
        });
        var m = new MeasurementSet("boiler-1");
        for (int i = 0; i < 2300; i++)
        {
            long unix = T0 + i * 1000L;
            double jitter = (i % 7 - 3) * 1e-4;
            m.Set(Measurements.SteamFlowTph, 8.0 + jitter, PointQuality.Good, unix);
            m.Set(Measurements.SteamPressureMpaAbs, 1.0, PointQuality.Good, unix);
            m.Set(Measurements.FeedwaterTemperatureC, 105.0 + jitter, PointQuality.Good, unix);
            m.Set(Measurements.FuelFlowNm3PerH, 620.0 + jitter, PointQuality.Good, unix);
            m.Set(Measurements.FlueGasTemperatureC, 150.0 + jitter, PointQuality.Good, unix);
            m.Set(Measurements.AirTemperatureC, 20.0, PointQuality.Good, unix);
            m.Set(Measurements.FlueGasO2PercentDry, 3.0 + jitter, PointQuality.Good, unix);
            long a = GC.GetAllocatedBytesForCurrentThread();
            calc.Calculate(m);
            calc.WriteTo(m, unix);
            long b = GC.GetAllocatedBytesForCurrentThread();
            if (b - a != 0) output.WriteLine($"cycle {i}: {b - a} bytes, steady {calc.Result.Steady}");
        }
    }
}
