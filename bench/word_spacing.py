#!/usr/bin/env python3
"""How loose the justified lines of a PDF are.

Reads `pdftotext -bbox-layout` of a folio PDF and, for the body lines (those
whose height is that of the body size), measures the mean gap between words.
Lines ending at the commonest right edge for their left edge are the
justified ones; lines that end short (last lines, ragged letters) give the
natural word space. Prints how many justified lines are stretched beyond
1.5x and 2x the natural space.

    python3 bench/word_spacing.py out/briefing-pack.pdf [--size 10.5]
"""
import argparse
import collections
import re
import subprocess


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--size", type=float, default=10.5, help="body size in points (house: 10.5, plain: 11)")
    args = ap.parse_args()
    html = subprocess.run(["pdftotext", "-bbox-layout", args.pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    # pdftotext's line boxes are about 1.36 times the font size tall for Noto Serif.
    lo, hi = args.size * 1.24, args.size * 1.5
    stats = []
    for xmin, ymin, xmax, ymax, body in re.findall(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', html, re.S):
        words = [(float(a), float(b)) for a, b in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', body)]
        if len(words) < 4 or not lo < float(ymax) - float(ymin) < hi:
            continue
        gaps = [words[i + 1][0] - words[i][1] for i in range(len(words) - 1)]
        stats.append((round(float(xmin)), round(float(xmax)), sum(gaps) / len(gaps)))
    edges = collections.Counter((a, b) for a, b, _ in stats)
    full = [g for a, b, g in stats if edges[(a, b)] > 20]
    short = sorted(g for a, b, g in stats if edges[(a, b)] <= 2)
    if not full or not short:
        print("too few lines to measure")
        return
    natural = short[len(short) // 2]
    over15 = sum(g > 1.5 * natural for g in full)
    over2 = sum(g > 2 * natural for g in full)
    print(f"justified body lines: {len(full)}; natural word space {natural:.2f} pt, mean {sum(full) / len(full):.2f} pt; "
          f"beyond 1.5x: {over15} ({100 * over15 / len(full):.1f}%); beyond 2x: {over2} ({100 * over2 / len(full):.1f}%)")


if __name__ == "__main__":
    main()
