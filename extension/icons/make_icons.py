#!/usr/bin/env python3
"""Draws the newslens icons (icon-16/32/48/128.png): three highlighted
lines of text in the palette's colours under a lens. Run it again after
changing the design; the PNGs are committed."""
import struct, zlib

PER, LOC, DATE, INK = (0xCC, 0x79, 0xA7), (0x00, 0x9E, 0x73), (0xE6, 0x9F, 0x00), (0x22, 0x22, 0x22)

def pixel(x, y):
    """Colour (r, g, b, a) at a point of the unit square."""
    cx, cy, r = 0.62, 0.62, 0.26
    d = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5
    if abs(d - r) < 0.055:
        return (*INK, 255)
    if x > cx + 0.17 and y > cy + 0.17 and abs((x - cx) - (y - cy)) < 0.08 and x < 0.97 and y < 0.97:
        return (*INK, 255)
    for top, colour, width in ((0.12, PER, 0.80), (0.34, LOC, 0.55), (0.56, DATE, 0.30)):
        if top <= y <= top + 0.14 and 0.04 <= x <= 0.04 + width:
            return (*colour, 255)
    return (255, 255, 255, 0)

def png(size):
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            # 4x4 supersampling for smooth edges.
            samples = [pixel((i + (a + 0.5) / 4) / size, (j + (b + 0.5) / 4) / size) for a in range(4) for b in range(4)]
            alpha = sum(s[3] for s in samples) / 16
            opaque = [s for s in samples if s[3]] or samples
            row += bytes(round(sum(s[k] for s in opaque) / len(opaque)) for k in range(3)) + bytes([round(alpha)])
        rows.append(bytes(row))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")

if __name__ == "__main__":
    for size in (16, 32, 48, 128):
        with open(f"icon-{size}.png", "wb") as f:
            f.write(png(size))
