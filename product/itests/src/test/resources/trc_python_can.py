#!/usr/bin/python3
"""PEAK TRC 2.1 through python-can (Debian's python3-can), independently of BMS Workbench.

Usage:
  /usr/bin/python3 trc_python_can.py write FILE.trc   < frames.jsonl
      writes the frames (one JSON object a line: {"t": seconds, "id": N, "ext": bool, "data": "HEX",
      "rx": bool, "channel": N}) with python-can's TRCWriter
  /usr/bin/python3 trc_python_can.py read FILE.trc
      prints every frame python-can's TRCReader reads, one JSON object a line:
      {"t": seconds, "id": N, "ext": bool, "data": "HEX", "rx": bool, "channel": N}

Exit status 3 when python-can cannot be imported (install Debian's python3-can: .ci/run).
"""
import json
import sys

try:
    import can
    from can.io.trc import TRCReader, TRCWriter
except ImportError as e:  # the Java test turns this into a clear failure
    print("python-can is not importable by %s: %s" % (sys.executable, e), file=sys.stderr)
    sys.exit(3)


def write(path):
    writer = TRCWriter(path)
    for line in sys.stdin:
        if not line.strip():
            continue
        f = json.loads(line)
        writer.on_message_received(can.Message(
            timestamp=f["t"], arbitration_id=f["id"], is_extended_id=f["ext"],
            data=bytes.fromhex(f["data"]), is_rx=f["rx"], channel=f["channel"]))
    writer.stop()


def read(path):
    for m in TRCReader(path):
        print(json.dumps({"t": m.timestamp, "id": m.arbitration_id, "ext": m.is_extended_id,
                          "data": bytes(m.data).hex().upper(), "rx": m.is_rx, "channel": m.channel}))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("write", "read"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    (write if sys.argv[1] == "write" else read)(sys.argv[2])
