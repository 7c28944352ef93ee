using System;
using EdgeGateway.Shared.Boilers.SteadyState;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Tests.Boilers
{
    public class SteadyStateDetectorTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

        /// <summary>Feeds <paramref name="count"/> samples, one a minute from T0, from the given functions.</summary>
        private static void Feed(SteadyStateDetector d, int count, Func<int, double> flue, Func<int, double> o2)
        {
            for (int i = 0; i < count; i++)
            {
                d.Add(T0.AddMinutes(i), flue(i), o2(i));
            }
        }

        [Fact]
        public void SmallFluctuations_AreSteady()
        {
            SteadyStateDetector d = new SteadyStateDetector(64, 1800.0);
            Feed(d, 31, i => i % 2 == 0 ? 155.0 : 145.0, i => i % 2 == 0 ? 3.3 : 2.7);
            Assert.True(d.Evaluate());
            Assert.True(d.IsSteady);
            Assert.Equal(SteadyStateReason.Steady, d.Reason);
            Assert.Equal(31, d.SamplesInWindow);
            // 16 samples at 155 and 15 at 145: mean = (16·155 + 15·145)/31 = 150.161 °C.
            Assert.Equal((16 * 155.0 + 15 * 145.0) / 31.0, d.MeanFlueTemperatureC, 9);
            Assert.Contains("steady", d.ReasonText(), StringComparison.Ordinal);
        }

        [Fact]
        public void DeviationExactlyAtLimit_IsAccepted_JustAbove_IsRejected()
        {
            // Window 570 s with one sample a minute: the 10 samples from minute 2 to 11 are judged (even count).
            SteadyStateDetector at = new SteadyStateDetector(64, 570.0);
            Feed(at, 12, i => i % 2 == 0 ? 140.0 : 160.0, i => i % 2 == 0 ? 2.5 : 3.5);
            Assert.True(at.Evaluate());
            Assert.Equal(10, at.SamplesInWindow);
            Assert.Equal(150.0, at.MeanFlueTemperatureC, 12);
            Assert.Equal(10.0, at.MaxFlueTemperatureDeviationC, 12);
            Assert.Equal(0.5, at.MaxO2DeviationPoints, 12);

            SteadyStateDetector above = new SteadyStateDetector(64, 570.0);
            Feed(above, 12, i => i % 2 == 0 ? 139.9 : 160.1, i => 3.0);
            Assert.False(above.Evaluate());
            Assert.Equal(SteadyStateReason.FlueTemperatureUnstable, above.Reason);
        }

        [Fact]
        public void FlueTemperatureSpike_IsRejectedWithReason()
        {
            SteadyStateDetector d = new SteadyStateDetector(64, 1800.0);
            Feed(d, 31, i => i == 20 ? 175.0 : 150.0, i => 3.0);
            Assert.False(d.Evaluate());
            Assert.Equal(SteadyStateReason.FlueTemperatureUnstable, d.Reason);
            // Mean = 150 + 25/31 = 150.806; the spike deviates 24.19 °C.
            Assert.Equal(25.0 - 25.0 / 31.0, d.MaxFlueTemperatureDeviationC, 9);
            Assert.Equal(T0.AddMinutes(20), d.OffendingSampleUtc);
            Assert.Contains("flue temperature", d.ReasonText(), StringComparison.Ordinal);
        }

        [Fact]
        public void O2Drift_IsRejected()
        {
            // O2 climbs 3.0 → 4.2 % over 30 min: mean 3.6, extremes deviate 0.6 points > 0.5.
            SteadyStateDetector d = new SteadyStateDetector(64, 1800.0);
            Feed(d, 31, i => 150.0, i => 3.0 + 0.04 * i);
            Assert.False(d.Evaluate());
            Assert.Equal(SteadyStateReason.O2Unstable, d.Reason);
            Assert.Equal(0.6, d.MaxO2DeviationPoints, 9);
            Assert.Contains("O₂", d.ReasonText(), StringComparison.Ordinal);
        }

        [Fact]
        public void TooShortHistory_IsNotEnoughData()
        {
            SteadyStateDetector d = new SteadyStateDetector(64, 1800.0);
            Assert.False(d.Evaluate());
            Assert.Equal(SteadyStateReason.NotEnoughData, d.Reason);
            Feed(d, 30, i => 150.0, i => 3.0); // spans 29 min < 30 min
            Assert.False(d.Evaluate());
            Assert.Equal(SteadyStateReason.NotEnoughData, d.Reason);
            d.Add(T0.AddMinutes(30), 150.0, 3.0);
            Assert.True(d.Evaluate());
        }

        [Fact]
        public void BufferSmallerThanWindow_SaysCapacityTooSmall()
        {
            SteadyStateDetector d = new SteadyStateDetector(5, 600.0);
            Feed(d, 20, i => 150.0, i => 3.0);
            Assert.False(d.Evaluate());
            Assert.Equal(SteadyStateReason.CapacityTooSmall, d.Reason);
            Assert.Equal(5, d.Count);
            Assert.Contains("capacity", d.ReasonText(), StringComparison.Ordinal);
        }

        [Fact]
        public void OldDisturbanceOutsideWindow_NoLongerCounts()
        {
            SteadyStateDetector d = new SteadyStateDetector(40, 600.0);
            Feed(d, 30, i => i < 5 ? 250.0 : 150.0, i => i < 5 ? 6.0 : 3.0); // burner start-up in the first 5 min
            Assert.True(d.Evaluate());
            Assert.Equal(11, d.SamplesInWindow);
        }

        [Fact]
        public void RingBuffer_WrapsAndKeepsNewest()
        {
            SteadyStateDetector d = new SteadyStateDetector(12, 600.0);
            Feed(d, 100, i => i < 80 ? 300.0 + i : 150.0, i => 3.0);
            Assert.Equal(12, d.Count);
            Assert.True(d.Evaluate());
            Assert.Equal(150.0, d.MeanFlueTemperatureC, 12);
        }

        [Fact]
        public void MissingValue_InWindow_IsNotSteady()
        {
            SteadyStateDetector d = new SteadyStateDetector(64, 1800.0);
            Feed(d, 31, i => i == 10 ? double.NaN : 150.0, i => 3.0);
            Assert.False(d.Evaluate());
            Assert.Equal(SteadyStateReason.MissingValue, d.Reason);
            Assert.Equal(T0.AddMinutes(10), d.OffendingSampleUtc);
        }

        [Fact]
        public void Clear_ForgetsSamples()
        {
            SteadyStateDetector d = new SteadyStateDetector(64, 600.0);
            Feed(d, 11, i => 150.0, i => 3.0);
            Assert.True(d.Evaluate());
            d.Clear();
            Assert.Equal(0, d.Count);
            Assert.False(d.IsSteady);
            Assert.False(d.Evaluate());
        }

        [Fact]
        public void TimestampGoingBackwards_IsInputException()
        {
            SteadyStateDetector d = new SteadyStateDetector(8, 600.0);
            d.Add(T0.AddMinutes(5), 150.0, 3.0);
            d.Add(T0.AddMinutes(5), 150.0, 3.0); // equal is allowed
            InputException e = Assert.Throws<InputException>(() => d.Add(T0, 150.0, 3.0));
            Assert.Equal("steadyState.timestamp", e.Field);
        }

        [Theory]
        [InlineData(1, 600.0, 10.0, 0.5, "steadyState.capacity")]
        [InlineData(8, 0.0, 10.0, 0.5, "steadyState.windowSeconds")]
        [InlineData(8, double.NaN, 10.0, 0.5, "steadyState.windowSeconds")]
        [InlineData(8, 600.0, 0.0, 0.5, "steadyState.flueTemperatureToleranceC")]
        [InlineData(8, 600.0, 10.0, -1.0, "steadyState.o2TolerancePoints")]
        public void BadConfiguration_IsInputException(int capacity, double window, double flueTol, double o2Tol, string field)
        {
            InputException e = Assert.Throws<InputException>(() => new SteadyStateDetector(capacity, window, flueTol, o2Tol));
            Assert.Equal(field, e.Field);
        }

        [Fact]
        public void AddAndEvaluate_DoNotAllocate()
        {
            SteadyStateDetector d = new SteadyStateDetector(64, 1800.0);
            Feed(d, 70, i => 150.0, i => 3.0); // warm up (JIT) and wrap the buffer
            d.Evaluate();
            DateTime t = T0.AddMinutes(100);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                d.Add(t.AddMinutes(i), 150.0 + (i % 3), 3.0);
                d.Evaluate();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.True(d.IsSteady);
        }
    }
}
