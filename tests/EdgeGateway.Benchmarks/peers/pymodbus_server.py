"""pymodbus 3.0 TCP server for the benchmark: unit 1, 200 holding registers (value = 1000 + address).
Usage: /usr/bin/python3 pymodbus_server.py PORT   (blocks; the harness kills it)."""
import sys
from pymodbus.server import StartTcpServer
from pymodbus.datastore import ModbusSequentialDataBlock, ModbusSlaveContext, ModbusServerContext

port = int(sys.argv[1])
slave = ModbusSlaveContext(
    di=ModbusSequentialDataBlock(0, [0] * 200), co=ModbusSequentialDataBlock(0, [0] * 200),
    hr=ModbusSequentialDataBlock(0, [1000 + i for i in range(200)]),
    ir=ModbusSequentialDataBlock(0, [2000 + i for i in range(200)]), zero_mode=True)
StartTcpServer(context=ModbusServerContext(slaves={1: slave}, single=False), address=("127.0.0.1", port))
