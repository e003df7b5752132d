#!/usr/bin/env python3
"""Writes a synthetic input folder for the benchmark and the e2e tests.

make_corpus.py OUT_DIR [--posts N] [--seed S] [--first K]

The corpus looks like the group's archive (input/): every kind in about the
proportions a parliamentary group publishes them (articles and opinion most,
then letters, events, statements, news), each with the front matter its kind
uses (a letter's sender, recipient, salutation and closing; an event's time,
venue and admission). Bodies are 800-2,000 words, skewed short so that 1,000
posts come to about 880,000 words, with headings, bullet and ordered lists
(some nested), block quotes, tables, footnotes, pandoc citations with
locators against a generated references.json (CSL-JSON), emphasis, links,
and a Korean phrase in about one post in twenty. A folio.toml names the
site.

Output depends only on the arguments (one seeded generator per post, keyed
by the seed and the post's number), so runs are comparable and `--first K`
writes posts K, K+1, ... exactly as a larger run would: the benchmark adds
"one more post" to a corpus with `--posts 1 --first 1000`.
"""
import argparse
import json
import os
import random
import re

# Function words carry most of running English; the content words are drawn
# with Zipf weights so that a few recur a lot (as "North Korea" does) and
# most are rare, which is what hyphenation and shaping caches meet in real
# text.
FUNCTION = ("the of and to in a that is for on as with by was it be are this from at which have has "
            "not or their its an were been they who also but had would more there will can all these "
            "such than into other over under after before between against during without while").split()
CONTENT = (
    "committee evidence detention repatriation border witnesses conditions camps humanitarian obligations "
    "parliament government minister international community refugees protection report inquiry "
    "recommendations accountability systematic violations crimes humanity testimony families separated "
    "diplomatic engagement sanctions dialogue security peninsula reunification information broadcasting "
    "radio freedom escapees authorities prison labour torture execution women children trafficking "
    "forced marriage China Pyongyang Seoul Westminster Lords Commons debate question answer secretary "
    "ambassador embassy delegation visit parliamentarians coalition resolution council assembly general "
    "special rapporteur mandate investigation findings documentation archive database interviews "
    "survivors victims perpetrators justice tribunal prosecution jurisdiction universal principle "
    "refoulement convention covenant treaty protocol ratification implementation monitoring compliance "
    "religious belief Christians worship persecution surveillance informants punishment collective "
    "generations political prisoners kwanliso kyohwaso interrogation beating starvation famine food "
    "shortages markets jangmadang smuggling currency economy nuclear missile programme weapons tests "
    "provocation deterrence alliance cooperation negotiation summit denuclearisation verification "
    "inspection agency energy aid donors agencies access monitoring distribution transparency "
    "healthcare medicine hospitals tuberculosis vaccination pandemic closure isolation quarantine "
    "students universities scholarships education curriculum indoctrination propaganda loyalty leader "
    "dynasty succession regime elite officials cadres defectors resettlement integration adjustment "
    "counselling employment housing citizenship asylum claims tribunal appeal status recognition "
    "broadcasters shortwave leaflets balloons USB drives films dramas songs smuggled media technology "
    "mobile phones networks censorship jamming penalties laws decree criminal code amendments "
    "abductees Japanese nationals families association campaign petition signatures letters briefing "
    "meeting presentation screening documentary film book author researcher professor fellow college "
    "Oxford London Brussels Geneva Washington Tokyo Beijing Moscow Vienna embassy consular officials "
    "relations normalisation engagement critical constructive pressure incentives strategy policy "
    "review paper framework priorities objectives outcomes measures progress setbacks challenges "
    "opportunities lessons history memory reconciliation truth commission transitional planning "
    "preparation scenarios contingency stability collapse reform opening markets investment "
    "infrastructure railways roads ports fishing mining exports workers overseas wages remittances "
    "cybercrime hackers cryptocurrency theft laundering networks companies shipping vessels transfers "
    "satellite imagery analysis experts testimony hearings transcripts statements submissions "
    "responses commitments undertakings assurances concerns urgency gravity scale pattern practice "
    "widespread deliberate arbitrary enforced disappearance public executions sexual violence "
    "pregnant detainees infants guards officers soldiers brokers routes Thailand Laos Vietnam "
    "Mongolia Russia Shenyang Yanbian Dandong Tumen Yalu river crossing winter night risk danger "
    "fear hope courage resilience dignity solidarity advocacy volunteers organisations charities "
    "churches foundations trustees supporters members chairs officers secretariat staff").split()

KOREAN = ["북한 인권", "통일부", "탈북자", "국제 사회", "조선중앙통신", "인권 침해", "강제 북송", "남북 관계"]
FIRST = ("Anna Ben Chloe David Eleanor Fiona George Hannah Ian James Kate Laura Michael Nadia Oliver "
         "Priya Robert Sarah Thomas Una Victor William Yusuf Ji-young Seung-hoon Hyun-woo Min-jung").split()
LAST = ("Alton Cox Bennett Carter Davies Evans Fraser Green Hughes Irving Jones Khan Lewis Morgan Nolan "
        "Owen Patel Quinn Roberts Shaw Taylor Usher Vaughan Walker Young Kim Lee Park Choi Jung Kang Cho").split()
ROLES = ["Secretary of State for Foreign, Commonwealth and Development Affairs",
         "Minister of State for the Indo-Pacific", "Ambassador of the People's Republic of China",
         "United Nations Special Rapporteur on the situation of human rights in the DPRK",
         "Chair of the Foreign Affairs Committee", "Permanent Representative to the United Nations"]
STREETS = ["King Charles Street", "Portland Place", "Whitehall", "Palais des Nations", "Millbank",
           "Parliament Square"]
CITIES = ["London SW1A 2AH", "London W1B 1JL", "London SW1A 0AA", "1211 Geneva 10", "London SW1P 3JA"]
VENUES = ["Committee Room 21, the Houses of Parliament", "Committee Room 4A, the House of Lords",
          "the Jubilee Room, Westminster Hall", "Portcullis House, Room Q", "the Attlee Suite"]
TAGS = ["refugees", "forced-repatriation", "china", "accountability", "commission-of-inquiry",
        "human-rights-council", "information", "religious-freedom", "women-and-girls", "abductions",
        "sanctions", "events", "exiles", "uk-government", "cyber", "nuclear", "humanitarian-aid"]

# Kinds in the proportions of a group's archive (out of 100).
KINDS = [("article", 34), ("opinion", 20), ("letter", 14), ("event", 14), ("statement", 10), ("news", 8)]

REF_TYPES = ["report", "book", "article-journal", "legislation", "chapter", "webpage", "article-newspaper"]
N_REFS = 240


class Words:
    """Zipf-weighted draws over the content words, mixed with function words."""

    def __init__(self):
        self.cum = []
        total = 0.0
        for rank in range(len(CONTENT)):
            total += 1.0 / (rank + 1) ** 0.6
            self.cum.append(total)

    def word(self, rng):
        if rng.random() < 0.42:
            return rng.choice(FUNCTION)
        return rng.choices(CONTENT, cum_weights=self.cum)[0]


WORDS = Words()


class Post:
    """One post's body being written, with its running word count."""

    def __init__(self, rng, korean):
        self.rng = rng
        self.korean = korean
        self.notes = []
        self.words = 0
        self.korean_used = False

    def sentence(self, n=None, cite=0.0):
        rng = self.rng
        n = n or rng.randint(8, 26)
        words = [WORDS.word(rng) for _ in range(n)]
        self.words += n
        if self.korean and not self.korean_used and rng.random() < 0.3:
            words.insert(rng.randint(1, len(words) - 1), f"({rng.choice(KOREAN)})")
            self.korean_used = True
        if rng.random() < 0.05:
            k = rng.randint(0, len(words) - 2)
            words[k] = f"*{words[k]} {words[k + 1]}*"
            del words[k + 1]
        if rng.random() < 0.02:
            k = rng.randint(0, len(words) - 1)
            words[k] = f"[{words[k]}](https://example.org/{words[k].lower()}/{rng.randint(1, 999)})"
        text = " ".join(words)
        text = text[0].upper() + text[1:]
        if rng.random() < cite:
            text += " " + self.citation()
        elif rng.random() < 0.06:
            text += self.note()
        return text + "."

    def citation(self):
        rng = self.rng
        key = f"ref{rng.randrange(N_REFS):03d}"
        r = rng.random()
        if r < 0.35:
            return f"[@{key}]"
        if r < 0.6:
            return f"[@{key}, p {rng.randint(1, 300)}]"
        if r < 0.75:
            a = rng.randint(1, 200)
            return f"[see @{key}, pp. {a}–{a + rng.randint(1, 12)}]"
        if r < 0.85:
            return f"[@{key}, para {rng.randint(1, 90)}]"
        other = f"ref{rng.randrange(N_REFS):03d}"
        return f"[@{key}; @{other}]" if other != key else f"[@{key}]"

    def note(self):
        self.notes.append(self.paragraph(rng_sentences=self.rng.randint(1, 2), cite=0.2))
        return f"[^{len(self.notes)}]"

    def paragraph(self, rng_sentences=None, cite=0.08):
        return " ".join(self.sentence(cite=cite) for _ in range(rng_sentences or self.rng.randint(3, 6)))

    def heading(self, level=2):
        words = [WORDS.word(self.rng) for _ in range(self.rng.randint(3, 7))]
        self.words += len(words)
        text = " ".join(words)
        return "#" * level + " " + text[0].upper() + text[1:]

    def bullets(self):
        rng = self.rng
        items = [f"- {self.sentence()}" for _ in range(rng.randint(2, 5))]
        if rng.random() < 0.4:
            items.insert(1, "\n".join(f"  {k + 1}. {self.sentence(rng.randint(5, 12))}" for k in range(rng.randint(2, 3))))
        return "\n".join(items)

    def ordered(self, start=1, cite=0.1):
        return "\n".join(f"{start + k}. {self.sentence(cite=cite)}" for k in range(self.rng.randint(3, 6)))

    def quote(self):
        return "> " + self.paragraph(self.rng.randint(2, 3), cite=0.0)

    def table(self):
        rng = self.rng
        rows = ["| Year | Returned | Detained | Notes |", "|---:|---:|---:|:---|"]
        for y in range(rng.randint(3, 8)):
            rows.append(f"| {2010 + y} | {rng.randint(100, 9000):,} | {rng.randint(10, 900)} | "
                        f"{self.sentence(rng.randint(3, 10))} |")
        return "\n".join(rows)


def body(rng, kind, target, korean):
    p = Post(rng, korean)
    blocks = []
    if kind == "letter":
        while p.words < target:
            blocks.append(p.paragraph(rng.randint(2, 5), cite=0.05))
            if rng.random() < 0.08:
                blocks.append(p.bullets())
    elif kind == "statement":
        blocks.append(p.paragraph(2))
        start = 1
        while p.words < target:
            blocks.append(p.ordered(start, cite=0.25))
            start += 6
            if p.words < target:
                blocks.append(p.paragraph(rng.randint(2, 4)))
    elif kind == "event":
        while p.words < target:
            blocks.append(p.paragraph(rng.randint(3, 6)))
            r = rng.random()
            if r < 0.25:
                blocks.append("\n".join(f"- **{rng.choice(FIRST)} {rng.choice(LAST)}**, {p.sentence(rng.randint(4, 9))}"
                                        for _ in range(rng.randint(2, 4))))
            elif r < 0.35:
                blocks.append(p.quote())
    else:  # article, opinion, news
        level_two = 0
        while p.words < target:
            if blocks and rng.random() < (0.25 if kind == "article" else 0.1):
                level_two += 1
                blocks.append(p.heading(3 if level_two > 1 and rng.random() < 0.3 else 2))
            blocks.append(p.paragraph(cite=0.1 if kind == "article" else 0.05))
            r = rng.random()
            if r < 0.08:
                blocks.append(p.bullets())
            elif r < 0.13:
                blocks.append(p.ordered())
            elif r < 0.2:
                blocks.append(p.quote())
            elif r < (0.25 if kind == "article" else 0.22):
                blocks.append(p.table())
    text = "\n\n".join(blocks)
    if p.notes:
        text += "\n\n" + "\n\n".join(f"[^{k + 1}]: {n}" for k, n in enumerate(p.notes))
    return text


def yaml_str(s):
    return json.dumps(s, ensure_ascii=False)


def name(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def post(seed, i):
    rng = random.Random(f"{seed}-post-{i}")
    kinds, weights = zip(*KINDS)
    kind = rng.choices(kinds, weights=weights)[0]
    # Most posts a little over 800 words, one in ten in a long tail towards
    # 2,000; with the last block's overshoot the mean is about 880.
    tail = 200 if rng.random() < 0.1 else 18
    target = 800 + min(1150, int(rng.expovariate(1 / tail)))
    korean = rng.random() < 0.05
    words = [WORDS.word(rng) for _ in range(rng.randint(4, 10))]
    title = " ".join(words)
    title = title[0].upper() + title[1:]
    year, month, day = 2004 + i % 20, 1 + (i // 20) % 12, 1 + (i // 240) % 28
    fm = [f"title: {yaml_str(title)}", f"date: {year}-{month:02d}-{day:02d}", f"kind: {kind}"]
    if kind != "event":
        fm.append("authors: [" + ", ".join(yaml_str(name(rng)) for _ in range(rng.choice([1, 1, 1, 2]))) + "]")
    summary = " ".join(WORDS.word(rng) for _ in range(rng.randint(12, 30)))
    fm.append(f"summary: {yaml_str(summary[0].upper() + summary[1:] + '.')}")
    fm.append("tags: [" + ", ".join(yaml_str(t) for t in sorted(rng.sample(TAGS, rng.randint(1, 4)))) + "]")
    if kind == "letter":
        fm += ["from:", '  name: "All-Party Parliamentary Group on North Korea"',
               "to:", f"  name: {yaml_str('The Rt Hon ' + name(rng) + ' MP')}", f"  role: {yaml_str(rng.choice(ROLES))}",
               f"  address: [{yaml_str(rng.choice(STREETS))}, {yaml_str(rng.choice(CITIES))}]",
               f"salutation: {yaml_str('Dear ' + rng.choice(['Foreign Secretary', 'Minister', 'Ambassador', 'Chair']) + ',')}",
               f"closing: {yaml_str(rng.choice(['Yours sincerely,', 'Yours faithfully,', 'With best wishes,']))}",
               f"signature: {yaml_str('Lord ' + rng.choice(LAST))}"]
        if rng.random() < 0.4:
            fm.append("cc: [" + ", ".join(yaml_str(name(rng)) for _ in range(rng.randint(1, 3))) + "]")
    elif kind == "event":
        fm += [f'when: "{year}-{month:02d}-{min(28, day + 7):02d}T{rng.choice(["13:00", "17:00", "18:30"])}"',
               f"venue: {yaml_str(rng.choice(VENUES))}",
               'admission: "Attendance is free and open to the public. Please arrive 30 minutes early to clear security."']
    slug = "-".join(w.lower() for w in words[:5] if w.isalpha())
    file = f"{year}-{month:02d}-{day:02d}-{slug}-{i:05d}.md"
    return file, "---\n" + "\n".join(fm) + "\n---\n\n" + body(rng, kind, target, korean) + "\n"


def references(seed):
    rng = random.Random(f"{seed}-references")
    refs = []
    for k in range(N_REFS):
        t = REF_TYPES[k % len(REF_TYPES)]
        title = " ".join(WORDS.word(rng) for _ in range(rng.randint(4, 12)))
        ref = {"id": f"ref{k:03d}", "type": t, "title": title[0].upper() + title[1:],
               "issued": {"date-parts": [[1990 + rng.randint(0, 33), rng.randint(1, 12), rng.randint(1, 28)]]}}
        if t == "legislation" or rng.random() < 0.15:
            ref["author"] = [{"literal": rng.choice(["United Nations Human Rights Council", "UN General Assembly",
                                                     "Foreign, Commonwealth & Development Office",
                                                     "House of Lords", "Human Rights Watch"])}]
        else:
            ref["author"] = [{"family": rng.choice(LAST), "given": rng.choice(FIRST)}
                             for _ in range(rng.choice([1, 1, 2, 3]))]
        if t in ("report", "book", "chapter"):
            ref["publisher"] = rng.choice(["United Nations", "Oxford University Press", "HMSO", "Routledge"])
            ref["publisher-place"] = rng.choice(["Geneva", "Oxford", "London", "New York"])
        if t in ("article-journal", "chapter", "article-newspaper"):
            ref["container-title"] = rng.choice(["Journal of Korean Studies", "International Affairs",
                                                 "The Guardian", "Human Rights Quarterly", "Asian Survey"])
        if t == "article-journal":
            ref["volume"] = str(rng.randint(1, 60))
            a = rng.randint(1, 400)
            ref["page"] = f"{a}-{a + rng.randint(10, 40)}"
        if t in ("report", "legislation"):
            ref["number"] = f"A/HRC/{rng.randint(20, 55)}/{rng.randint(1, 90)}"
        if t in ("webpage", "report", "legislation"):
            ref["URL"] = f"https://example.org/docs/{k:03d}"
        refs.append(ref)
    return refs


def count_words(text):
    """Words of a post's body as a reader counts them: no citation keys,
    link targets or Markdown punctuation."""
    body = text.split("\n---\n", 1)[1]
    body = re.sub(r"\[[^\]]*@[^\]]*\]", " ", body)
    body = re.sub(r"\]\([^)]*\)", "]", body)
    return len(re.findall(r"[A-Za-z\uac00-\ud7a3]+", body))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--first", type=int, default=0, help="number of the first post (to add posts to a corpus)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    words = 0
    for i in range(args.first, args.first + args.posts):
        file, text = post(args.seed, i)
        words += count_words(text)
        with open(os.path.join(args.out, file), "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(args.out, "references.json"), "w", encoding="utf-8") as f:
        json.dump(references(args.seed), f, ensure_ascii=False, indent=1)
        f.write("\n")
    toml = os.path.join(args.out, "folio.toml")
    if not os.path.exists(toml):
        with open(toml, "w", encoding="utf-8") as f:
            f.write('[site]\nname = "Benchmark group"\ndescription = "A synthetic corpus."\nlanguage = "en-GB"\n')
    print(f"{args.posts} posts, {words} words in {args.out}")


if __name__ == "__main__":
    main()
