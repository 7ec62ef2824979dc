#!/usr/bin/python3
"""Decode a candump -L log with a DBC file through canmatrix, independently of BMS Workbench.

Usage: /usr/bin/python3 dbc_decode.py FILE.dbc FILE.log

Prints one JSON object per log line, in order:
  {"line": N, "can_id": "0x356", "signals": {"pack_voltage": {"raw": 5312, "phys": "53.12", "named": null}, ...}}
"signals" is null for a frame the DBC does not define. "phys" is the decimal text canmatrix
computes (raw * factor + offset, exact), "named" the value table's name for the raw value.
Exit status 3 when canmatrix cannot be imported (install Debian's python3-canmatrix: .ci/run).
"""
import json
import re
import sys

try:
    import canmatrix
    import canmatrix.formats
except ImportError as e:  # the Java test turns this into a clear failure
    print("canmatrix is not importable by %s: %s" % (sys.executable, e), file=sys.stderr)
    sys.exit(3)

CANDUMP_L = re.compile(r"\((\d+\.\d+)\) (\S+) ([0-9A-Fa-f]{3}|[0-9A-Fa-f]{8})#([0-9A-Fa-f]*)$")


def main(dbc_path, log_path):
    db = canmatrix.formats.loadp_flat(dbc_path)
    with open(log_path, encoding="ascii") as log:
        for number, line in enumerate(log, start=1):
            line = line.strip()
            if not line:
                continue
            m = CANDUMP_L.match(line)
            if not m:
                raise SystemExit("%s:%d: not a candump -L line: %s" % (log_path, number, line))
            can_id = int(m.group(3), 16)
            extended = len(m.group(3)) == 8
            data = bytes.fromhex(m.group(4))
            frame = db.frame_by_id(canmatrix.ArbitrationId(can_id, extended=extended))
            signals = None
            if frame is not None:
                signals = {}
                for name, value in frame.decode(data).items():
                    named = value.named_value
                    signals[name] = {
                        "raw": int(value.raw_value),
                        "phys": str(value.phys_value),
                        "named": named if isinstance(named, str) else None,
                    }
            print(json.dumps({"line": number, "can_id": "0x%03X" % can_id if not extended else "0x%08X" % can_id,
                              "signals": signals}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
