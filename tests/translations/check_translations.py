#!/usr/bin/env python3
"""Fails when the French catalogue is behind the sources.

Runs lupdate over the translatable sources into a temporary copy of the catalogue (the
repository's file is never touched) and reports every message that is new, unfinished or
empty, and every translation whose %1-style place markers differ from its source."""
import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

MARKER = re.compile(r"%L?(\d+)|%n")


def markers(text):
    return sorted(MARKER.findall(text or "")) + (["n"] if "%n" in (text or "") else [])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("--ts", required=True, type=Path)
    parser.add_argument("sources", nargs="+")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / args.ts.name
        shutil.copyfile(args.ts, copy)
        # The same options as qt_add_translations in translations/CMakeLists.txt.
        command = [args.lupdate, "-no-obsolete", "-locations", "none", "-extensions", "cpp,h",
                   *args.sources, "-ts", str(copy)]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout, run.stderr, sep="\n")
            print(f"lupdate failed with status {run.returncode}")
            return 1
        root = ET.parse(copy).getroot()

    problems = []
    total = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            total += 1
            source = message.findtext("source") or ""
            translation = message.find("translation")
            where = f"[{name}] {source!r}"
            if translation is None:
                problems.append(f"missing translation: {where}")
                continue
            kind = translation.get("type")
            if kind in ("vanished", "obsolete"):
                continue
            if kind == "unfinished":
                problems.append(f"unfinished: {where}")
                continue
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in translation.iter("numerusform")]
                if not forms or any(not f.strip() for f in forms):
                    problems.append(f"empty plural form: {where}")
                continue
            text = translation.text or ""
            if not text.strip():
                problems.append(f"empty translation: {where}")
            elif markers(text) != markers(source):
                problems.append(f"place markers differ: {where} -> {text!r}")

    if total == 0:
        problems.append("lupdate found no translatable strings: check the source folders")
    if problems:
        print(f"{args.ts.name}: {len(problems)} problem(s) among {total} messages")
        for problem in problems:
            print("  " + problem)
        print("Run `cmake --build <build> --target update_translations`, then translate with Qt Linguist.")
        return 1
    print(f"{args.ts.name}: all {total} messages translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
