using EdgeGateway.Hardware.Server;

namespace EdgeGateway.Hardware.Tests;

public sealed class ServerCoreTests
{
    private static (ModbusServerCore core, RegisterBank bank) Make()
    {
        var core = new ModbusServerCore();
        var bank = new RegisterBank(16, 16, 16, 16);
        bank.HoldingRegisters[3] = 0x1234;
        core.AddUnit(1, bank, new DeviceIdentity("Vendor", "Product", "1.2"));
        return (core, bank);
    }

    private static byte[] Call(ModbusServerCore core, byte unit, params byte[] pdu)
    {
        byte[] r = new byte[300];
        int n = core.Handle(unit, pdu, pdu.Length, r, answerUnknownUnit: false);
        return n < 0 ? System.Array.Empty<byte>() : r[..n];
    }

    [Fact]
    public void Reads_a_holding_register()
    {
        var (core, _) = Make();
        Assert.Equal(new byte[] { 0x03, 0x02, 0x12, 0x34 }, Call(core, 1, 0x03, 0, 3, 0, 1));
    }

    [Fact]
    public void Exceptions_for_address_function_and_value()
    {
        var (core, _) = Make();
        Assert.Equal(new byte[] { 0x83, 0x02 }, Call(core, 1, 0x03, 0, 15, 0, 2));
        Assert.Equal(new byte[] { 0x87, 0x01 }, Call(core, 1, 0x07));
        Assert.Equal(new byte[] { 0x85, 0x03 }, Call(core, 1, 0x05, 0, 1, 0x12, 0x34));
        Assert.Equal(new byte[] { 0x83, 0x03 }, Call(core, 1, 0x03, 0, 0, 0, 126));
    }

    [Fact]
    public void Unknown_unit_and_timeout_fault_get_no_answer_and_exception_fault_gets_04()
    {
        var (core, _) = Make();
        Assert.Empty(Call(core, 2, 0x03, 0, 0, 0, 1));
        core.SetFault(1, FaultMode.Timeout);
        Assert.Empty(Call(core, 1, 0x03, 0, 0, 0, 1));
        core.SetFault(1, FaultMode.Exceptions);
        Assert.Equal(new byte[] { 0x83, 0x04 }, Call(core, 1, 0x03, 0, 0, 0, 1));
    }

    [Fact]
    public void Write_multiple_registers_and_coils()
    {
        var (core, bank) = Make();
        Assert.Equal(new byte[] { 0x10, 0, 4, 0, 2 }, Call(core, 1, 0x10, 0, 4, 0, 2, 4, 0xAB, 0xCD, 0x00, 0x01));
        Assert.Equal((ushort)0xABCD, bank.HoldingRegisters[4]);
        Assert.Equal((ushort)1, bank.HoldingRegisters[5]);
        Assert.Equal(new byte[] { 0x0F, 0, 2, 0, 3 }, Call(core, 1, 0x0F, 0, 2, 0, 3, 1, 0b101));
        Assert.True(bank.Coils[2]);
        Assert.False(bank.Coils[3]);
        Assert.True(bank.Coils[4]);
    }

    [Fact]
    public void Read_device_identification_basic_objects()
    {
        var (core, _) = Make();
        byte[] r = Call(core, 1, 0x2B, 0x0E, 0x01, 0x00);
        Assert.Equal(0x2B, r[0]);
        Assert.Equal(3, r[6]);
        string text = System.Text.Encoding.ASCII.GetString(r, 7, r.Length - 7);
        Assert.Contains("Vendor", text, System.StringComparison.Ordinal);
        Assert.Contains("Product", text, System.StringComparison.Ordinal);
        Assert.Contains("1.2", text, System.StringComparison.Ordinal);
    }
}
