using System;
using System.IO;
using EdgeGateway.Firmware.Core.Configuration;
using EdgeGateway.Firmware.Linux.Configuration;
using EdgeGateway.Shared.Wire;
using static EdgeGateway.Gateway.Tests.Configuration.ConfigTestSupport;

namespace EdgeGateway.Gateway.Tests.Configuration;

public class SampleConfigTests
{
    [Fact]
    public void The_simulator_sample_loads_clean_with_profiles_from_hardware_devices()
    {
        ConfigValidationResult r = GatewayConfigFile.Load(Sample("gateway.json"), DevicesRoot());
        Assert.True(r.IsValid, r.Summary());
        GatewayConfig c = r.Config;
        Assert.Equal(4, c.Buses.Length);
        Assert.Equal(new[] { 15020, 15021, 15022, 15023 }, Array.ConvertAll(c.Buses, b => b.TcpPort));
        Assert.Equal(9, c.Devices.Length);
        Assert.Equal(4, c.Equipment.Length);

        // The referenced profile's points are kept exactly when the wire vocabulary has their measurement and they
        // are numeric; the others (status words, settings, text tags) are left out with a warning.
        DeviceConfig ctl = c.FindDevice("gasCtl");
        Assert.Equal("generic-boiler-controller", ctl.ProfileRef);
        using var profile = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(DevicesRoot(), "generic-boiler-controller", "profile.json")));
        var expected = new System.Collections.Generic.List<string>();
        var dropped = new System.Collections.Generic.List<string>();
        foreach (var point in profile.RootElement.GetProperty("points").EnumerateArray())
        {
            string name = point.GetProperty("name").GetString()!;
            bool reportable = Measurements.CodeOf(point.GetProperty("measurement").GetString()!) >= 0 && point.GetProperty("dataType").GetString() != "string";
            (reportable ? expected : dropped).Add(name);
        }

        Assert.Equal(expected, Array.ConvertAll(ctl.Points, p => p.Name));
        Assert.Contains("load", expected);
        foreach (string name in dropped)
        {
            Assert.Contains(r.Warnings, w => w.Contains(name + " (", StringComparison.Ordinal));
        }

        // Profile defaults carried over: the flow computer is word-swapped and limited to 64 registers per read.
        DeviceConfig flow = c.FindDevice("gasFlow");
        Assert.Equal(EdgeGateway.Firmware.Core.Modbus.Registers.ByteOrder.CDAB, flow.Points[0].Order);
        Assert.Equal(64, flow.MaxRegistersPerRead);

        // Installation ranges override the profile's.
        DeviceConfig hv = c.FindDevice("trafoHv");
        Assert.Equal(5000, hv.Points[hv.IndexOfPoint("voltageL1")].MinPlausible);

        EquipmentConfig motor = c.FindEquipment("fanMotor");
        Assert.Equal(3, motor.FindInput(Measurements.CurrentA).Sources.Length);
        EquipmentConfig trafo = c.FindEquipment("transformer1");
        Assert.Single(trafo.PrimaryInputs, i => i.MeasurementCode == Measurements.ActivePowerKw);
        Assert.Equal(EdgeGateway.Shared.Boilers.Grading.CoalClass.BituminousIII, c.FindEquipment("coalBoiler").Boiler.CoalClass);
    }

    [Fact]
    public void The_rtu_sample_loads_clean_on_the_device_path_without_a_resolver()
    {
        ConfigValidationResult r = ConfigLoader.Load(File.ReadAllBytes(Sample("gateway-rtu.json")));
        Assert.True(r.IsValid, r.Summary());
        BusConfig bus = r.Config.Buses[0];
        Assert.Equal(BusKind.Rtu, bus.Kind);
        Assert.Equal(10, bus.BitsPerCharacter);
        Assert.Equal(4, bus.RtsPin);
        Assert.True(r.Config.Uplink.CaCertificateIsPem);
        InputSource gas = r.Config.FindEquipment("boiler3").FindInput(Measurements.FuelFlowNm3PerH).Sources[0];
        Assert.Equal(InputSourceKind.Pulse, gas.Kind);
    }

    [Fact]
    public void The_resolved_sample_is_self_contained_and_hashes_the_same()
    {
        uint linuxHash = GatewayConfigFile.Load(Sample("gateway.json"), DevicesRoot()).Hash;
        byte[] resolved = GatewayConfigFile.Resolve(Sample("gateway.json"), DevicesRoot());
        ConfigValidationResult onDevice = ConfigLoader.Load(resolved);
        Assert.True(onDevice.IsValid, onDevice.Summary());
        Assert.Equal(linuxHash, onDevice.Hash);
        Assert.DoesNotContain("profileRef", System.Text.Encoding.UTF8.GetString(resolved), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_profile_reference_lists_the_available_profiles()
    {
        byte[] edited = Edited(root =>
        {
            At(root, "devices", 0).Remove("profile");
            At(root, "devices", 0).Set("profileRef", Str("eastron-sdm999"));
        });
        ConfigValidationResult r = ConfigLoader.Load(edited, new DirectoryProfileResolver(DevicesRoot()), null);
        ConfigError e = ErrorAt(r, "devices[0].profileRef");
        Assert.Contains("eastron-sdm630", e.Allowed, StringComparison.Ordinal);
    }
}
