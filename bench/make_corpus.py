#!/usr/bin/env python3
"""Writes a synthetic input folder for the PDF benchmark and the e2e tests.

make_corpus.py OUT_DIR [--posts N] [--seed S]

Each post is an article of 2-3 pages: paragraphs of plain English from a fixed
vocabulary, footnotes, nested bullet and ordered lists, a table, a block quote,
a heading or two, and now and then Korean words and a code block. Output
depends only on the arguments (a seeded generator), so runs are comparable.
"""
import argparse
import os
import random

VOCAB = ("the committee considered evidence of detention and forced repatriation across northern borders "
         "witnesses described conditions in camps humanitarian obligations parliament government minister "
         "international community refugees protection report inquiry recommendations accountability "
         "systematic violations crimes against humanity testimony families separated diplomatic engagement "
         "sanctions dialogue security peninsula reunification information broadcasting radio freedom").split()
KOREAN = ["조선일보", "북한 인권", "통일부", "탈북자", "국제 사회"]


def sentence(rng, n=None):
    n = n or rng.randint(8, 24)
    words = [rng.choice(VOCAB) for _ in range(n)]
    if rng.random() < 0.08:
        words.insert(rng.randint(1, len(words) - 1), rng.choice(KOREAN))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=None):
    return " ".join(sentence(rng) for _ in range(sentences or rng.randint(3, 7)))


def post(rng, i):
    notes = []
    body = []

    def note_ref():
        notes.append(paragraph(rng, rng.randint(1, 2)))
        return f"[^{len(notes)}]"

    for section in range(rng.randint(2, 3)):
        if section:
            body.append(f"## {sentence(rng, rng.randint(3, 6))[:-1]}")
        for _ in range(rng.randint(3, 5)):
            p = paragraph(rng)
            if rng.random() < 0.4:
                p = p[:-1] + note_ref() + "."
            if rng.random() < 0.2:
                p = p.replace(" the ", " *the* ", 1).replace(" of ", " **of** ", 1)
            body.append(p)
        r = rng.random()
        if r < 0.3:
            items = [f"- {sentence(rng)}" for _ in range(rng.randint(2, 4))]
            items.insert(1, f"  1. {sentence(rng)}\n  2. {sentence(rng)}")
            body.append("\n".join(items))
        elif r < 0.55:
            start = rng.randint(1, 5)
            body.append("\n".join(f"{start + k}. {sentence(rng)}" for k in range(rng.randint(2, 5))))
        elif r < 0.75:
            rows = ["| Year | Returned | Detained | Notes |", "|---:|---:|---:|:---|"]
            for y in range(rng.randint(3, 8)):
                rows.append(f"| {2010 + y} | {rng.randint(100, 9000)} | {rng.randint(10, 900)} | {sentence(rng, rng.randint(2, 9))} |")
            body.append("\n".join(rows))
        elif r < 0.9:
            body.append("> " + paragraph(rng, 2))
        else:
            body.append("```\n" + "\n".join(sentence(rng, 6) for _ in range(3)) + "\n```")
    text = "\n\n".join(body)
    if notes:
        text += "\n\n" + "\n\n".join(f"[^{k + 1}]: {n}" for k, n in enumerate(notes))
    year = 2010 + i % 14
    month = 1 + i % 12
    day = 1 + i % 28
    title = sentence(rng, rng.randint(4, 9))[:-1]
    return (f"---\ntitle: \"{title}\"\ndate: {year}-{month:02d}-{day:02d}\nkind: article\n"
            f"authors: [\"Author {i % 17}\"]\nsummary: \"{sentence(rng)}\"\n---\n\n{text}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.posts):
        with open(os.path.join(args.out, f"2000-01-01-post-{i:04d}.md"), "w", encoding="utf-8") as f:
            f.write(post(rng, i))
    with open(os.path.join(args.out, "folio.toml"), "w", encoding="utf-8") as f:
        f.write('[site]\nname = "Benchmark group"\ndescription = "A synthetic corpus."\n')


if __name__ == "__main__":
    main()
