#!/usr/bin/env python3
"""Build Lexicons/nl/profanity-allow.tsv from OpenTaal + Lexicons/nl/profanity.tsv.

Dev-time tool only; the postwacht product never runs Python.

The allowlist holds innocent Dutch words that collide with a curse stem of
profanity.tsv (a `head`, `tail` or `both` entry), e.g. `kankeronderzoek`
(stem `kanker`, head) or `kleren` (stem `klere`, head).

Algorithm (must agree with the Swift matcher):

  key(w)  = NFKC(w).casefold(), then NFD with all combining marks
            (Unicode general category M*) removed, then the characters
            . ' ’ _ removed.                    (Mongolië -> mongolie, ĳ -> ij)
  OpenTaal entries are split at '-' and whitespace; every part is a word.
  A key k is *flagged* if k is not the key of any profanity term and
     some head/both stem s has k.startswith(s) and len(k) > len(s), or
     some tail/both stem s has k.endswith(s)   and len(k) > len(s).
  allowlist = all flagged OpenTaal keys (profane ones must be added to
  profanity.tsv by hand first: run with --review to see the flagged list).
  Compression: a flagged key k with >= 2 flagged extensions (keys that
  start with k and are longer) is emitted once as `k<TAB>prefix` if no
  profanity key starts with k; keys covered by a shorter chosen prefix are
  dropped. Everything else is emitted as `k<TAB>word`. Output is sorted.

Usage:
  python3 scripts/lexicon/build_profanity_allowlist.py            # write file
  python3 scripts/lexicon/build_profanity_allowlist.py --review   # list flagged
  python3 scripts/lexicon/build_profanity_allowlist.py --check    # verify only
"""

import argparse
import os
import subprocess
import sys
import unicodedata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_PROFANITY = os.path.join(ROOT, "Lexicons", "nl", "profanity.tsv")
DEFAULT_ALLOW = os.path.join(ROOT, "Lexicons", "nl", "profanity-allow.tsv")
DEFAULT_DICT = "/usr/share/dict/nederlands"
DEFAULT_DATE = "2026-11-21"

CLASSES = {"disease", "sexual", "scatological", "insult", "slur", "blasphemy", "slang"}
MODES = {"word", "head", "tail", "both", "phrase"}
DROP_CHARS = set(".'’_")

# Sanity checks run on every invocation (simulating the Swift matcher).
MUST_BE_CLEAN = [
    "KWF", "Kankerbestrijding", "kankeronderzoek", "kankeronderzoeker",
    "kankerpatiënt", "kankerpatiënten", "pestprotocol", "pesten", "Hoera",
    "hoerastemming", "kleren", "klerenkast", "flikkerende", "flikkering",
    "Mongolië", "Mongoolse", "homogeen", "homogeniteit", "Kuttekoven",
    "Kuttingen", "Sneek", "pikant", "verhoer", "takken", "pokkenvaccin",
    "strontium", "buiktyfus", "vertering", "blijer", "eikelhoed",
]
MUST_HIT = [
    "kanker", "kankerschool", "kankerlijer", "tyfus", "tyfuslijer", "tering",
    "teringzooi", "kolere", "klere", "klerelijer", "kut", "kutschool",
    "klote", "kloteweek", "godverdomme", "mongool", "schoolmongool",
    "debiel", "randdebiel", "klootzak", "kuthoer", "straathoer", "neuken",
    "slet", "pleuris", "takkewijf", "pokkeweer",
]


def key(word):
    s = unicodedata.normalize("NFKC", word).casefold()
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s
                   if not unicodedata.category(c).startswith("M")
                   and c not in DROP_CHARS)


def phrase_key(term):
    return " ".join(key(p) for p in term.split(" "))


def die(msg):
    print("error: " + msg, file=sys.stderr)
    sys.exit(1)


def read_profanity(path):
    """Return list of (term, class, sureness, mode, key, lineno)."""
    entries = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4:
                die("%s:%d: expected 4 tab-separated columns" % (path, n))
            term, cls, sure, mode = cols
            if cls not in CLASSES:
                die("%s:%d: bad class %r" % (path, n, cls))
            if sure not in ("0", "1", "2"):
                die("%s:%d: bad sureness %r" % (path, n, sure))
            if mode not in MODES:
                die("%s:%d: bad mode %r" % (path, n, mode))
            if term != term.strip() or term != term.lower() or "-" in term:
                die("%s:%d: term must be lowercase, trimmed, no hyphen" % (path, n))
            if mode == "phrase":
                if "  " in term or " " not in term:
                    die("%s:%d: phrase needs words separated by single spaces" % (path, n))
                k = phrase_key(term)
            else:
                if " " in term:
                    die("%s:%d: only phrase terms may contain spaces" % (path, n))
                k = key(term)
            if not k:
                die("%s:%d: empty key" % (path, n))
            entries.append((term, cls, int(sure), mode, k, n))
    return entries


def read_opentaal(path):
    keys = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            for part in line.replace("-", " ").split():
                k = key(part)
                if k:
                    keys.add(k)
    return keys


def wdutch_version():
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "wdutch"],
                             capture_output=True, text=True, check=True).stdout
        return out.strip() or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


class Matcher:
    def __init__(self, entries):
        self.terms = {e[4] for e in entries}
        self.heads = sorted({e[4] for e in entries if e[3] in ("head", "both")})
        self.tails = sorted({e[4] for e in entries if e[3] in ("tail", "both")})

    def stems_of(self, k):
        """Stems that make k flagged (empty if k is a term or no stem matches)."""
        if k in self.terms:
            return []
        hits = ["%s-" % s for s in self.heads if len(k) > len(s) and k.startswith(s)]
        hits += ["-%s" % s for s in self.tails if len(k) > len(s) and k.endswith(s)]
        return hits


def compress(flagged, prof_keys):
    """Return sorted list of (key, mode) allowlist rows."""
    fl = sorted(flagged)
    candidates = []
    for i, k in enumerate(fl):
        ext = 0
        j = i + 1
        while j < len(fl) and fl[j].startswith(k):
            if len(fl[j]) > len(k):
                ext += 1
            j += 1
        if ext >= 2 and not any(p.startswith(k) for p in prof_keys):
            candidates.append(k)
    chosen = []
    for k in sorted(candidates, key=lambda x: (len(x), x)):
        if not any(k.startswith(c) for c in chosen):
            chosen.append(k)
    chosen_set = set(chosen)
    rows = [(k, "prefix") for k in chosen]
    for k in fl:
        if k in chosen_set or any(k.startswith(c) for c in chosen):
            continue
        rows.append((k, "word"))
    rows.sort()
    return rows


def is_hit(word, matcher, allow_words, allow_prefixes):
    k = key(word)
    if k in allow_words or any(k.startswith(p) for p in allow_prefixes):
        return False
    return k in matcher.terms or bool(matcher.stems_of(k))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--profanity", default=DEFAULT_PROFANITY)
    ap.add_argument("--dict", default=DEFAULT_DICT)
    ap.add_argument("--out", default=DEFAULT_ALLOW)
    ap.add_argument("--date", default=DEFAULT_DATE)
    ap.add_argument("--review", action="store_true",
                    help="print flagged keys with the matching stems and exit")
    ap.add_argument("--check", action="store_true",
                    help="verify that --out is up to date; write nothing")
    args = ap.parse_args()

    entries = read_profanity(args.profanity)
    seen = {}
    for term, _, _, _, k, n in entries:
        if k in seen:
            die("duplicate profanity key %r (lines %d and %d)" % (k, seen[k], n))
        seen[k] = n
    prof_keys = set(seen)

    words = read_opentaal(args.dict)
    matcher = Matcher(entries)
    flagged = {}
    for k in words:
        st = matcher.stems_of(k)
        if st:
            flagged[k] = st

    if args.review:
        for k in sorted(flagged):
            print("%s\t%s" % (k, " ".join(flagged[k])))
        print("# %d flagged" % len(flagged), file=sys.stderr)
        return

    rows = compress(flagged, prof_keys)

    # Verification.
    allow_words = {k for k, m in rows if m == "word"}
    allow_prefixes = [k for k, m in rows if m == "prefix"]
    for k, m in rows:
        if k in prof_keys:
            die("allowlist entry %r equals a profanity term" % k)
        if m == "prefix" and any(p.startswith(k) for p in prof_keys):
            die("allowlist prefix %r would cover a profanity term" % k)
    for k in flagged:
        if not (k in allow_words or any(k.startswith(p) for p in allow_prefixes)):
            die("flagged key %r not covered by the allowlist" % k)
    bad = [w for w in MUST_BE_CLEAN if is_hit(w, matcher, allow_words, allow_prefixes)]
    if bad:
        die("words that must be clean are flagged: %s" % ", ".join(bad))
    missed = [w for w in MUST_HIT if not is_hit(w, matcher, allow_words, allow_prefixes)]
    if missed:
        die("words that must be hit are not: %s" % ", ".join(missed))

    header = [
        "# postwacht: Dutch profanity allowlist (innocent words that collide",
        "# with a curse stem of profanity.tsv in head/tail/both mode).",
        "#",
        "# GENERATED FILE, do not edit by hand. Regenerate with:",
        "#   python3 scripts/lexicon/build_profanity_allowlist.py",
        "# Source: OpenTaal word list %s (Debian package wdutch %s;" % (
            os.path.basename(args.dict), wdutch_version()),
        "# BSD / CC BY 3.0, OpenTaal) filtered against profanity.tsv.",
        "# Licence: CC BY 4.0, postwacht authors (derived from OpenTaal, CC BY 3.0).",
        "# Date: %s" % args.date,
        "#",
        "# Columns: key<TAB>mode; key is normalised (NFKC casefold, diacritics",
        "# and . ' \u2019 _ removed); mode `word` = exact token key, `prefix` =",
        "# any token key starting with it.",
        "# Entries: %d (%d word, %d prefix) covering %d flagged OpenTaal keys." % (
            len(rows), len(allow_words), len(allow_prefixes), len(flagged)),
        "",
    ]
    text = "\n".join(header) + "".join("%s\t%s\n" % r for r in rows)

    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                if f.read() != text:
                    die("%s is out of date; rerun the script" % args.out)
        except FileNotFoundError:
            die("%s missing" % args.out)
    else:
        os.makedirs(os.path.dirname(args.out), exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)

    by_class = {}
    by_sure = {}
    by_mode = {}
    for _, c, s, m, _, _ in entries:
        by_class[c] = by_class.get(c, 0) + 1
        by_sure[s] = by_sure.get(s, 0) + 1
        by_mode[m] = by_mode.get(m, 0) + 1
    print("profanity entries: %d" % len(entries))
    print("  by class:    " + ", ".join("%s=%d" % kv for kv in sorted(by_class.items())))
    print("  by sureness: " + ", ".join("%d=%d" % kv for kv in sorted(by_sure.items())))
    print("  by mode:     " + ", ".join("%s=%d" % kv for kv in sorted(by_mode.items())))
    print("OpenTaal keys: %d, flagged: %d" % (len(words), len(flagged)))
    print("allowlist rows: %d (word=%d, prefix=%d)%s" % (
        len(rows), len(allow_words), len(allow_prefixes),
        " [checked]" if args.check else " -> " + os.path.relpath(args.out, ROOT)))
    print("verified: unique profanity keys, no allowlist entry equals/covers a term,"
          " %d must-be-clean and %d must-hit samples" % (len(MUST_BE_CLEAN), len(MUST_HIT)))


if __name__ == "__main__":
    main()
