#!/usr/bin/env python3
"""Writes the fuzz seed corpora (one folder per fuzz target) from the shared test data.

usage: make_corpus.py SHARED_DATA_DIR OUT_DIR

Run by CMake at build time (tests/fuzz/CMakeLists.txt), so that no sample is copied into the
repository. Each seed is one file named after the hash of its bytes; the first byte(s) of the
syslog, CEF/LEEF and stream framer seeds are the selector the fuzz target reads.
"""
import base64
import hashlib
import itertools
import json
import pathlib
import sys


def write(folder: pathlib.Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def lines(path: pathlib.Path, limit: int):
    if not path.exists():
        return []
    with path.open("rb") as f:
        return [line.rstrip(b"\r\n") for line in itertools.islice(f, limit)]


def main() -> int:
    data, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    for target in ("syslog", "cef_leef", "json", "stream_framer", "listen_spec"):
        (out / target).mkdir(parents=True, exist_ok=True)

    # Syslog: every message vector under the grammar it was written for (selector 0 = Auto,
    # 1 = RFC 5424, 2 = RFC 3164); framing vectors feed the stream framer.
    framer_header = bytes([0x01, 0x00, 7, 13, 1])  # max_record 256, chunk sizes 8, 14, 2
    for raw in lines(data / "syslog" / "syslog_vectors.jsonl", 10_000):
        vector = json.loads(raw)
        record = base64.b64decode(vector["input_b64"])
        fmt = vector["format"]
        if fmt.startswith("rfc6587"):
            write(out / "stream_framer", framer_header + record)
            continue
        write(out / "syslog", b"\x00" + record)
        if fmt == "rfc5424":
            write(out / "syslog", b"\x01" + record)
        elif fmt.startswith("rfc3164"):
            write(out / "syslog", b"\x02" + record)
    for name, pri in (("OpenSSH/OpenSSH_2k.log", b"<86>"), ("Linux/Linux_2k.log", b"<13>")):
        sample = lines(data / "loghub" / name, 40)
        for line in sample:
            write(out / "syslog", b"\x00" + pri + line)
        write(out / "stream_framer", framer_header + b"\n".join(pri + l for l in sample))
        write(out / "stream_framer", framer_header + b"".join(
            str(len(pri + l)).encode() + b" " + pri + l for l in sample))
    for cisco in (b"<189>123: *Mar  1 18:48:50.483 UTC: %SYS-5-CONFIG_I: Configured from console by vty2",
                  b"<187>45: router1: Mar  1 18:48:50: %LINK-3-UPDOWN: Interface Gi0/1, changed state",
                  b"<189>12: 1d02h: %SYS-5-RESTART: System restarted"):
        write(out / "syslog", b"\x00" + cisco)

    # CEF/LEEF: each vector pinned (0 = CEF, 1 = LEEF), sniffed (2) and in an envelope (3).
    for raw in lines(data / "cef_leef" / "cef_leef_vectors.jsonl", 10_000):
        vector = json.loads(raw)
        record = vector["input"].encode()
        pinned = b"\x00" if vector["format"] == "CEF" else b"\x01"
        for selector in (pinned, b"\x02", b"\x03"):
            write(out / "cef_leef", selector + record)

    # JSON: a few lines of each kind of JSON source.
    json_files = [data / "suricata" / "eve_doc_examples.jsonl", data / "suricata" / "beats_eve-small.log"]
    for folder in ("zeek", "windows"):
        json_files += sorted((data / folder).rglob("*.json*"))[:12]
    for path in json_files:
        for line in lines(path, 15):
            if line.startswith(b"{"):
                write(out / "json", line)

    # Listen specs: the shapes the documentation shows.
    for uri in ("tcp://127.0.0.1:5514", "udp://[::1]:514", "udp://0.0.0.0:514?format=rfc3164&name=firewalls",
                "tls://0.0.0.0:6514?cert=/etc/vigie/server.pem&key=/etc/vigie/server.key&ca=/etc/vigie/ca.pem",
                "tcp://[2001:db8::1]:6000?format=cef", "tcp://localhost:1", "udp://127.0.0.1:65535?format=json"):
        write(out / "listen_spec", uri.encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
