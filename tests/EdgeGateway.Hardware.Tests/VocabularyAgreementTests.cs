using System;
using System.Linq;
using HardwareMeasurements = EdgeGateway.Hardware.Profiles.Measurements;
using WireMeasurements = EdgeGateway.Shared.Wire.Measurements;

namespace EdgeGateway.Hardware.Tests;

/// <summary>
/// Profiles name their points with the wire contract's measurement vocabulary, so what a meter reads is what the
/// gateway reports and the fleet understands. Only device-status and setting registers, which the gateway never
/// reports, may exist in profiles alone.
/// </summary>
public class VocabularyAgreementTests
{
    private static readonly string[] ProfileOnly = { "alarmActive", "statusCode", "deviceSetting" };

    [Fact]
    public void Every_profile_measurement_is_in_the_wire_vocabulary_or_is_a_status_register()
    {
        string[] strays = HardwareMeasurements.List
            .Select(m => m.Name)
            .Where(n => WireMeasurements.CodeOf(n) < 0 && Array.IndexOf(ProfileOnly, n) < 0)
            .ToArray();
        Assert.True(strays.Length == 0, "profile measurements missing from shared/EdgeGateway.Shared/Wire/Measurements.cs: " + string.Join(", ", strays));
    }

    [Fact]
    public void Every_measured_wire_quantity_can_be_named_in_a_profile()
    {
        // Codes below 60 are measured by instruments; 60 and above are computed at the edge.
        for (int i = 0; i < WireMeasurements.Count; i++)
        {
            if (WireMeasurements.CodeAt(i) < 60)
            {
                string name = WireMeasurements.NameAt(i);
                Assert.True(HardwareMeasurements.Find(name) != null, $"{name} is on the wire but a profile cannot name it");
            }
        }
    }
}
