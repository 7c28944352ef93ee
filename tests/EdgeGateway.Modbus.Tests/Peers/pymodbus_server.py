#!/usr/bin/python3
"""A pymodbus 3.0 server for EdgeGateway's Modbus client tests (third-party peer).

Serves units given by --units (default 1 and 2) over TCP (--tcp PORT, bound to 127.0.0.1) or RTU
(--rtu DEVICE, e.g. one end of a socat pty pair). Every unit has 2000 coils, discrete inputs, input and
holding registers, zero-based (zero_mode=True). Unknown unit ids get no reply (pymodbus behaviour).

Control channel: one command per line on stdin, one answer line on stdout ("OK ..." or "ERR ..."):
  encode UNIT TABLE ADDR TYPE ORDER VALUE   pymodbus' BinaryPayloadBuilder encodes VALUE, stores it, prints registers
  decode UNIT TABLE ADDR TYPE ORDER         BinaryPayloadDecoder decodes what is stored there, prints repr(value)
  string UNIT TABLE ADDR NREGS SWAP TEXT    stores TEXT NUL-padded, 2 chars per register, bytes swapped if SWAP=1
  set UNIT TABLE ADDR V1,V2,...             stores raw values (0/1 for co, di)
  get UNIT TABLE ADDR COUNT                 prints raw values
TABLE is co, di, ir or hr; TYPE int16 uint16 int32 uint32 float32 float64; ORDER ABCD CDAB BADC DCBA.
"""
import argparse
import logging
import sys
import threading

from pymodbus.constants import Endian
from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.device import ModbusDeviceIdentification
from pymodbus.payload import BinaryPayloadBuilder, BinaryPayloadDecoder
from pymodbus.server import StartSerialServer, StartTcpServer
from pymodbus.transaction import ModbusRtuFramer

SIZE = 2000
TABLES = {"co": 1, "di": 2, "hr": 3, "ir": 4}
# (byteorder, wordorder) per order name: word order reversed for CDAB/DCBA, bytes swapped for BADC/DCBA.
ORDERS = {
    "ABCD": (Endian.Big, Endian.Big),
    "CDAB": (Endian.Big, Endian.Little),
    "BADC": (Endian.Little, Endian.Big),
    "DCBA": (Endian.Little, Endian.Little),
}
ADD = {"int16": "add_16bit_int", "uint16": "add_16bit_uint", "int32": "add_32bit_int", "uint32": "add_32bit_uint",
       "float32": "add_32bit_float", "float64": "add_64bit_float"}
DECODE = {"int16": "decode_16bit_int", "uint16": "decode_16bit_uint", "int32": "decode_32bit_int",
          "uint32": "decode_32bit_uint", "float32": "decode_32bit_float", "float64": "decode_64bit_float"}
WORDS = {"int16": 1, "uint16": 1, "int32": 2, "uint32": 2, "float32": 2, "float64": 4}


def make_slave():
    return ModbusSlaveContext(
        co=ModbusSequentialDataBlock(0, [0] * SIZE),
        di=ModbusSequentialDataBlock(0, [0] * SIZE),
        hr=ModbusSequentialDataBlock(0, [0] * SIZE),
        ir=ModbusSequentialDataBlock(0, [0] * SIZE),
        zero_mode=True,
    )


def handle(ctx, line):
    parts = line.split(" ")
    cmd = parts[0]
    if cmd in ("encode", "decode", "string", "set", "get"):
        slave = ctx[int(parts[1])]
        fc = TABLES[parts[2]]
        addr = int(parts[3])
    if cmd == "encode":
        kind, order, text = parts[4], parts[5], parts[6]
        value = float(text) if kind.startswith("float") else int(text)
        builder = BinaryPayloadBuilder(byteorder=ORDERS[order][0], wordorder=ORDERS[order][1])
        getattr(builder, ADD[kind])(value)
        regs = builder.to_registers()
        slave.setValues(fc, addr, regs)
        return "OK " + " ".join(str(r) for r in regs)
    if cmd == "decode":
        kind, order = parts[4], parts[5]
        regs = slave.getValues(fc, addr, WORDS[kind])
        decoder = BinaryPayloadDecoder.fromRegisters(list(regs), byteorder=ORDERS[order][0], wordorder=ORDERS[order][1])
        return "OK " + repr(getattr(decoder, DECODE[kind])())
    if cmd == "string":
        nregs, swap, text = int(parts[4]), parts[5] == "1", " ".join(parts[6:])
        data = text.encode("latin-1").ljust(nregs * 2, b"\0")
        regs = [(data[2 * i + 1] << 8 | data[2 * i]) if swap else (data[2 * i] << 8 | data[2 * i + 1]) for i in range(nregs)]
        slave.setValues(fc, addr, regs)
        return "OK " + " ".join(str(r) for r in regs)
    if cmd == "set":
        values = [int(v) for v in parts[4].split(",")]
        if fc in (1, 2):
            values = [bool(v) for v in values]
        slave.setValues(fc, addr, values)
        return "OK"
    if cmd == "get":
        values = slave.getValues(fc, addr, int(parts[4]))
        return "OK " + " ".join(str(int(v)) for v in values)
    return "ERR unknown command " + cmd


def control_loop(ctx):
    for raw in sys.stdin:
        line = raw.strip()
        if not line:
            continue
        try:
            answer = handle(ctx, line)
        except Exception as ex:  # report every failure to the test instead of dying silently
            answer = "ERR " + type(ex).__name__ + ": " + str(ex)
        sys.stdout.write(answer + "\n")
        sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tcp", type=int)
    parser.add_argument("--rtu")
    parser.add_argument("--baud", type=int, default=19200)
    parser.add_argument("--units", default="1,2")
    parser.add_argument("--vendor", default="EdgeGateway Test Vendor")
    parser.add_argument("--product", default="PYMODBUS-PEER")
    parser.add_argument("--revision", default="3.0")
    args = parser.parse_args()
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)

    slaves = {int(u): make_slave() for u in args.units.split(",")}
    ctx = ModbusServerContext(slaves=slaves, single=False)
    identity = ModbusDeviceIdentification(info_name={
        "VendorName": args.vendor, "ProductCode": args.product, "MajorMinorRevision": args.revision})
    threading.Thread(target=control_loop, args=(ctx,), daemon=True).start()
    if args.tcp:
        StartTcpServer(context=ctx, identity=identity, address=("127.0.0.1", args.tcp))
    else:
        StartSerialServer(context=ctx, identity=identity, framer=ModbusRtuFramer, port=args.rtu, baudrate=args.baud,
                          bytesize=8, parity="N", stopbits=1, timeout=1)


if __name__ == "__main__":
    main()
