using EdgeGateway.Firmware.Core.Edge;
using EdgeGateway.Shared.Errors;
using EdgeGateway.Shared.Wire;
using PollQuality = EdgeGateway.Firmware.Core.Modbus.Scheduling.PointQuality;

namespace EdgeGateway.Gateway.Tests.Edge;

public class SensorHealthTests
{
    // Flue temperature: plausible 0–400 °C, stuck after 60 s unchanged, missing after 3 polls of 1 s.
    private static SensorHealthMonitor Flue() => new(0.0, 400.0, 60_000, 3, 1_000);

    [Fact]
    public void Never_read_is_missing()
    {
        var m = Flue();
        Assert.Equal(PointQuality.Missing, m.Quality);
        Assert.Equal(PointQuality.Missing, m.Update(0, double.NaN, readOk: false));
        Assert.Equal(SensorHealthReason.NeverRead, m.Reason);
        Assert.Equal("never-read", m.ReasonCode);
    }

    [Fact]
    public void In_range_jittering_value_is_good()
    {
        var m = Flue();
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(PointQuality.Good, m.Update(i * 1_000L, 150.0 + (i % 2 == 0 ? 0.01 : -0.01), true));
        }

        Assert.Equal("ok", m.ReasonCode);
    }

    [Fact]
    public void Out_of_range_and_back_to_good()
    {
        var m = Flue();
        Assert.Equal(PointQuality.Good, m.Update(0, 150.0, true));
        Assert.Equal(PointQuality.OutOfRange, m.Update(1_000, 650.0, true));
        Assert.Equal(SensorHealthReason.AboveRange, m.Reason);
        Assert.Equal(PointQuality.OutOfRange, m.Update(2_000, -5.0, true));
        Assert.Equal(SensorHealthReason.BelowRange, m.Reason);
        Assert.Equal(PointQuality.OutOfRange, m.Update(3_000, double.NaN, true));
        Assert.Equal(SensorHealthReason.NotANumber, m.Reason);
        Assert.Equal(PointQuality.Good, m.Update(4_000, 151.0, true));
        Assert.Equal(SensorState.Good, m.State);
    }

    [Fact]
    public void Bit_identical_value_while_running_becomes_stuck_and_recovers_on_change()
    {
        var m = Flue();
        m.Update(0, 150.0, true);
        Assert.Equal(PointQuality.Good, m.Update(60_000, 150.0, true)); // exactly the limit: not yet "longer than"
        Assert.Equal(PointQuality.Stuck, m.Update(61_000, 150.0, true));
        Assert.Equal("stuck", m.ReasonCode);
        Assert.Equal(PointQuality.Good, m.Update(62_000, 150.0000001, true));
    }

    [Fact]
    public void Constant_value_while_equipment_is_stopped_is_not_stuck_and_the_timer_starts_at_start_up()
    {
        var m = Flue();
        m.EquipmentRunning = false;
        for (long t = 0; t <= 300_000; t += 1_000)
        {
            Assert.Equal(PointQuality.Good, m.Update(t, 20.0, true));
        }

        m.EquipmentRunning = true;
        Assert.Equal(PointQuality.Good, m.Update(301_000, 20.0, true));
        Assert.Equal(PointQuality.Good, m.Update(360_000, 20.0, true)); // 59 s since start-up
        Assert.Equal(PointQuality.Stuck, m.Update(362_000, 20.0, true));
    }

    [Fact]
    public void Stuck_detection_can_be_disabled()
    {
        var m = new SensorHealthMonitor(double.NaN, double.NaN, 0, 3, 1_000);
        m.Update(0, 5.0, true);
        Assert.Equal(PointQuality.Good, m.Update(10_000_000, 5.0, true));
    }

    [Fact]
    public void Failed_reads_hold_the_state_until_n_poll_intervals_then_missing_then_good_again()
    {
        var m = Flue();
        m.Update(0, 150.0, true);
        Assert.Equal(PointQuality.Good, m.Update(1_000, 0, false));
        Assert.Equal(PointQuality.Good, m.Update(3_000, 0, false)); // 3 s = 3 intervals: not longer yet
        Assert.Equal(150.0, m.Value);
        Assert.Equal(PointQuality.Missing, m.Update(3_001, 0, false));
        Assert.Equal(SensorHealthReason.NoRecentRead, m.Reason);
        Assert.Equal(PointQuality.Good, m.Update(4_000, 149.0, true));
    }

    [Fact]
    public void Poll_scheduler_qualities_map_to_read_or_failed()
    {
        var m = Flue();
        Assert.Equal(PointQuality.Good, m.UpdateFromPoll(0, 150.0, PollQuality.Good));
        Assert.Equal(PointQuality.OutOfRange, m.UpdateFromPoll(1_000, 9999.0, PollQuality.Implausible));
        Assert.Equal(PointQuality.OutOfRange, m.UpdateFromPoll(2_000, 9999.0, PollQuality.CommFailure)); // held
        Assert.Equal(PointQuality.Missing, m.UpdateFromPoll(10_000, double.NaN, PollQuality.DeviceException));
        Assert.False(SensorHealthMonitor.IsRead(PollQuality.NotRead));
        Assert.False(SensorHealthMonitor.IsRead(PollQuality.NotNumeric));
    }

    [Fact]
    public void Bad_configuration_names_the_field()
    {
        var e = Assert.Throws<InputException>(() => new SensorHealthMonitor(10, 5, 1000, 3, 1000));
        Assert.Equal("sensorHealth.minPlausible", e.Field);
        Assert.Equal("sensorHealth.missingAfterPolls", Assert.Throws<InputException>(() => new SensorHealthMonitor(0, 5, 1000, 0, 1000)).Field);
    }
}
