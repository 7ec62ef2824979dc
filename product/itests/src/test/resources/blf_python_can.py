"""python-can's BLF reader and writer, for BlfCrossCheckIT.

  blf_python_can.py write OUT.blf [LEVEL]
                                    reads frames as JSON lines on stdin, writes them with
                                    can.io.BLFWriter (file opened by path: seekable), zlib
                                    level LEVEL (default -1, zlib's 6; 0: not compressed)
  blf_python_can.py candump OUT.log reads frames as JSON lines on stdin, writes them with
                                    can.io.CanutilsLogWriter (candump -L), channel n as "can<n>"
  blf_python_can.py read IN.blf     reads IN.blf with can.io.BLFReader, prints each message as
                                    a JSON line
  blf_python_can.py header IN.blf   prints the header fields BLFReader takes as a JSON line

A frame: {"us": microseconds since the epoch, "channel": n (python-can's channel, 0 = BLF
channel 1), "id": n, "ext": bool, "remote": bool, "error": bool, "fd": bool, "brs": bool,
"esi": bool, "rx": bool, "dlc": n, "data": "hex"}. python-can 4.1 takes the BLF start time as
local time: run with TZ=UTC.
"""
import json
import sys

import can


def messages(channel):
    for line in sys.stdin:
        if not line.strip():
            continue
        f = json.loads(line)
        yield can.Message(
            timestamp=f["us"] / 1e6, channel=channel(f["channel"]), arbitration_id=f["id"],
            is_extended_id=f["ext"], is_remote_frame=f["remote"], is_error_frame=f["error"],
            is_fd=f["fd"], bitrate_switch=f["brs"], error_state_indicator=f["esi"],
            is_rx=f["rx"], dlc=f["dlc"], data=bytes.fromhex(f["data"]))


def write(path, level="-1"):
    with can.BLFWriter(path, compression_level=int(level)) as writer:
        for m in messages(lambda n: n):
            writer.on_message_received(m)


def candump(path):
    with can.CanutilsLogWriter(path) as writer:
        for m in messages(lambda n: "can%d" % n):
            writer.on_message_received(m)


def read(path):
    with can.BLFReader(path) as reader:
        for m in reader:
            print(json.dumps({
                "us": round(m.timestamp * 1e6), "channel": m.channel, "id": m.arbitration_id,
                "ext": m.is_extended_id, "remote": m.is_remote_frame, "error": m.is_error_frame,
                "fd": m.is_fd, "brs": m.bitrate_switch, "esi": m.error_state_indicator,
                "rx": m.is_rx, "dlc": m.dlc, "data": bytes(m.data).hex().upper()}))


def header(path):
    reader = can.BLFReader(path)
    print(json.dumps({
        "object_count": reader.object_count, "file_size": reader.file_size,
        "uncompressed_size": reader.uncompressed_size, "start": reader.start_timestamp,
        "stop": reader.stop_timestamp}))
    reader.stop()


if __name__ == "__main__":
    {"write": write, "candump": candump, "read": read, "header": header}[sys.argv[1]](*sys.argv[2:])
