using System;
using System.IO.Ports;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EdgeGateway.Hardware.Server;

namespace EdgeGateway.Hardware.Simulation;

/// <summary>
/// Runs a <see cref="SimulatedDevice"/> on the wire: one Modbus server core with a unit per slave, the scenario's
/// wire fault on every slave, a TCP and/or RTU front end, and a loop that advances the physics.
/// </summary>
public sealed class SimulationHost : IAsyncDisposable
{
    private ModbusTcpServer? tcp;
    private ModbusRtuServer? rtu;

    public SimulationHost(SimulatedDevice device)
    {
        Device = device;
        Core = new ModbusServerCore();
        FaultMode fault = Scenarios.Fault(device.Scenario);
        foreach (ProfileBank slave in device.Slaves)
        {
            Core.AddUnit(slave.UnitId, slave.Bank, new DeviceIdentity("EdgeGateway simulator", slave.Profile.Id, "sim-1"));
            Core.SetFault(slave.UnitId, fault);
        }

        device.Update();
    }

    public SimulatedDevice Device { get; }

    public ModbusServerCore Core { get; }

    public IPEndPoint? TcpEndPoint => tcp?.EndPoint;

    public void StartTcp(IPEndPoint endPoint)
    {
        tcp = new ModbusTcpServer(Core, endPoint);
        tcp.Start();
    }

    public void StartRtu(string portPath, int baudRate, Parity parity, StopBits stopBits)
    {
        rtu = new ModbusRtuServer(Core, portPath, baudRate, parity, stopBits);
        rtu.Start();
    }

    /// <summary>Advances the physics every <paramref name="periodMs"/> until cancelled; <paramref name="onUpdate"/> after each step.</summary>
    public async Task RunAsync(int periodMs, Action? onUpdate, CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(periodMs, cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Device.Update();
            onUpdate?.Invoke();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (tcp != null)
        {
            await tcp.DisposeAsync().ConfigureAwait(false);
        }

        rtu?.Dispose();
    }
}
