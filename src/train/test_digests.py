#!/usr/bin/env python3
"""Writes src/train/test_digests.txt: the FNV-1a 64 digest of each shared
test file, by which `newslens train` refuses them whatever their name.

    python3 src/train/test_digests.py ../shared/data/ner
"""
import glob
import os
import sys


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def main(folder: str) -> None:
    lines = [
        "# FNV-1a 64 digests of the shared test files (../shared/data/ner/*.test.conll):",
        "# training refuses a file with one of these contents whatever its name or path.",
        "# Regenerate with: python3 src/train/test_digests.py ../shared/data/ner",
    ]
    for path in sorted(glob.glob(os.path.join(folder, "*.test.conll"))):
        with open(path, "rb") as f:
            lines.append(f"{fnv1a64(f.read()):016x} {os.path.basename(path)}")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test_digests.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ner")
