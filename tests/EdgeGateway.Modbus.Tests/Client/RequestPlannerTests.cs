using System;
using System.Linq;
using EdgeGateway.Firmware.Core.Modbus.Registers;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Modbus.Tests.Client;

public class RequestPlannerTests
{
    private static RegisterPoint P(int address, RegisterDataType type = RegisterDataType.UInt16, RegisterKind kind = RegisterKind.HoldingRegister, int stringLength = 0)
        => new() { Name = "p" + address, Kind = kind, Address = address, DataType = type, StringLengthRegisters = stringLength };

    [Fact]
    public void Contiguous_points_become_one_read_with_offsets()
    {
        RegisterPoint[] points = { P(10), P(11, RegisterDataType.Float32), P(13, RegisterDataType.Float64) };
        ReadPlan plan = RequestPlanner.Plan(points, 0);
        Assert.Single(plan.Blocks);
        Assert.Equal((RegisterKind.HoldingRegister, 10, 7), (plan.Blocks[0].Kind, plan.Blocks[0].Start, plan.Blocks[0].Count));
        Assert.Equal(new[] { 0, 1, 3 }, plan.PointOffset);
        Assert.Equal(7, plan.MaxRegisterCount);
    }

    [Fact]
    public void Gaps_up_to_max_gap_are_read_through_and_larger_ones_split()
    {
        RegisterPoint[] points = { P(0), P(5), P(20) };
        // 0 and 5 leave a hole of 4 registers (1..4); 5 and 20 a hole of 14.
        Assert.Equal(3, RequestPlanner.Plan(points, 3).Blocks.Length);
        ReadPlan plan = RequestPlanner.Plan(points, 4);
        Assert.Equal(2, plan.Blocks.Length);
        Assert.Equal((0, 6), (plan.Blocks[0].Start, plan.Blocks[0].Count));
        Assert.Equal((20, 1), (plan.Blocks[1].Start, plan.Blocks[1].Count));
        Assert.Single(RequestPlanner.Plan(points, 14).Blocks);
    }

    [Fact]
    public void No_read_exceeds_125_registers()
    {
        var points = new RegisterPoint[130];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = P(i);
        }

        ReadPlan plan = RequestPlanner.Plan(points, 10);
        Assert.Equal(2, plan.Blocks.Length);
        Assert.Equal((0, 125), (plan.Blocks[0].Start, plan.Blocks[0].Count));
        Assert.Equal((125, 5), (plan.Blocks[1].Start, plan.Blocks[1].Count));
        Assert.Equal(1, plan.PointBlock[129]);
        Assert.Equal(4, plan.PointOffset[129]);
    }

    [Fact]
    public void A_value_straddling_the_limit_starts_a_new_read()
    {
        // A float32 at 124..125 does not fit a read that starts at 0.
        RegisterPoint[] points = { P(0), P(124, RegisterDataType.Float32) };
        ReadPlan plan = RequestPlanner.Plan(points, 200);
        Assert.Equal(2, plan.Blocks.Length);
        Assert.Equal((124, 2), (plan.Blocks[1].Start, plan.Blocks[1].Count));
    }

    [Fact]
    public void Device_maximum_per_read_is_respected()
    {
        var points = new RegisterPoint[60];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = P(100 + (2 * i), RegisterDataType.Float32);
        }

        ReadPlan plan = RequestPlanner.Plan(points, 0, 50, 0);
        Assert.Equal(3, plan.Blocks.Length);
        Assert.All(plan.Blocks, b => Assert.True(b.Count <= 50));
        Assert.Equal(120, plan.Blocks[0].Count + plan.Blocks[1].Count + plan.Blocks[2].Count);
        for (int i = 0; i < points.Length; i++)
        {
            ReadBlock block = plan.Blocks[plan.PointBlock[i]];
            Assert.Equal(points[i].Address, block.Start + plan.PointOffset[i]);
            Assert.True(plan.PointOffset[i] + 2 <= block.Count);
        }
    }

    [Fact]
    public void Kinds_are_read_separately_in_table_order_and_unsorted_input_is_fine()
    {
        RegisterPoint[] points =
        {
            P(3, kind: RegisterKind.InputRegister), P(1, RegisterDataType.Bit, RegisterKind.Coil), P(1),
            P(2, kind: RegisterKind.InputRegister), P(0, RegisterDataType.Bit, RegisterKind.DiscreteInput), P(1500, RegisterDataType.Bit, RegisterKind.Coil),
        };
        ReadPlan plan = RequestPlanner.Plan(points, 1500);
        Assert.Equal(new[] { RegisterKind.Coil, RegisterKind.DiscreteInput, RegisterKind.InputRegister, RegisterKind.HoldingRegister }, plan.Blocks.Select(b => b.Kind).ToArray());
        Assert.Equal((1, 1500), (plan.Blocks[0].Start, plan.Blocks[0].Count));
        Assert.Equal(1499, plan.PointOffset[5]);
        Assert.Equal((2, 2), (plan.Blocks[2].Start, plan.Blocks[2].Count));
        Assert.Equal(1, plan.PointOffset[0]);
        Assert.Equal(1500, plan.MaxBitCount);
        Assert.Equal(2, plan.MaxRegisterCount);
    }

    [Fact]
    public void Coils_split_at_2000_bits()
    {
        RegisterPoint[] points = { P(0, RegisterDataType.Bit, RegisterKind.Coil), P(2000, RegisterDataType.Bit, RegisterKind.Coil) };
        Assert.Equal(2, RequestPlanner.Plan(points, 5000).Blocks.Length);
        RegisterPoint[] fits = { P(0, RegisterDataType.Bit, RegisterKind.Coil), P(1999, RegisterDataType.Bit, RegisterKind.Coil) };
        Assert.Single(RequestPlanner.Plan(fits, 5000).Blocks);
    }

    [Fact]
    public void Overlapping_points_share_registers()
    {
        // A uint32 and its low word read as uint16: both come out of one 2-register read.
        RegisterPoint[] points = { P(40, RegisterDataType.UInt32), P(41) };
        ReadPlan plan = RequestPlanner.Plan(points, 0);
        Assert.Single(plan.Blocks);
        Assert.Equal(2, plan.Blocks[0].Count);
        Assert.Equal(1, plan.PointOffset[1]);
    }

    [Fact]
    public void Unreadable_points_are_rejected_with_their_name()
    {
        Assert.Contains("p7.stringLengthRegisters", Assert.Throws<InputException>(() => RequestPlanner.Plan(new[] { P(7, RegisterDataType.String) }, 0)).Message, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => RequestPlanner.Plan(new[] { P(0, RegisterDataType.String, stringLength: 126) }, 0));
        Assert.Throws<InputException>(() => RequestPlanner.Plan(new[] { P(65535, RegisterDataType.Float32) }, 0));
        Assert.Throws<InputException>(() => RequestPlanner.Plan(new[] { P(1, RegisterDataType.Float32, RegisterKind.Coil) }, 0));
        Assert.Throws<InputException>(() => RequestPlanner.Plan(new[] { P(1) }, 0, 126, 0));
        Assert.Throws<InputException>(() => RequestPlanner.Plan(new[] { P(1) }, -1));
    }
}
