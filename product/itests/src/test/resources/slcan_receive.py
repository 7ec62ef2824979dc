#!/usr/bin/python3
"""Receive CAN frames from an SLCAN adapter with python-can, independently of BMS Workbench.

Usage: /usr/bin/python3 slcan_receive.py CHANNEL SECONDS

Opens CHANNEL (a serial port or one end of a pty pair) with python-can's slcan interface at
500 kbit/s, prints every frame received for SECONDS as one JSON object per line,
  {"time": 1600000000.123456, "id": "0x356", "extended": false, "data": "C01485FFD700"}
then sends one frame (0x123, 01 02 03) and closes the bus (python-can sends C).
Exit status 3 when python-can or pyserial cannot be imported (install Debian's python3-can
and python3-serial: .ci/run).
"""
import json
import sys
import time

try:
    import can
    import serial  # noqa: F401 (python-can's slcan needs it; fail here with a clear message)
except ImportError as e:  # the Java test turns this into a clear failure
    print("python-can/pyserial are not importable by %s: %s" % (sys.executable, e), file=sys.stderr)
    sys.exit(3)


def main(channel, seconds):
    bus = can.Bus(interface="slcan", channel=channel, bitrate=500000, sleep_after_open=0.2)
    try:
        end = time.time() + seconds
        while time.time() < end:
            message = bus.recv(0.2)
            if message is None:
                continue
            print(json.dumps({
                "time": message.timestamp,
                "id": ("0x%08X" if message.is_extended_id else "0x%03X") % message.arbitration_id,
                "extended": message.is_extended_id,
                "data": bytes(message.data).hex().upper(),
            }), flush=True)
        bus.send(can.Message(arbitration_id=0x123, data=[1, 2, 3], is_extended_id=False))
    finally:
        bus.shutdown()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], float(sys.argv[2]))
