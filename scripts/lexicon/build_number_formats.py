#!/usr/bin/env python3
"""Build Lexicons/nl/phone-numbering.tsv and Lexicons/iban-formats.tsv.

Dev-time tool only; the postwacht product never runs Python.

Requires the two PyPI packages it reads its data from:

    pip install phonenumbers python-stdnum

(written against phonenumbers 9.0.43 and python-stdnum 2.2; the versions that
were actually used are written into each output file's header).

phone-numbering.tsv (columns prefix, kind, lengths, optional area)
  * Geographic area codes are enumerated from phonenumbers' NL metadata: every
    3-digit national prefix 100..999 for which `prefix + "000000"` fully
    matches the fixed-line national-number pattern is an area-code prefix; if
    all ten 3-digit prefixes under a 2-digit prefix match, the 2-digit prefix
    is the area code (010, 020, ...), otherwise the 3-digit one (0111, ...).
    Area names come from phonenumbers' geocoder data (Dutch name, falling
    back to English), looked up by the exact prefix "31" + code.
  * Non-geographic prefixes are listed in NON_GEOGRAPHIC below (prefix ->
    kind and phonenumbers number type); their lengths are computed from the
    metadata pattern of that type. PLAN_LENGTHS overrides the computed
    lengths where the Dutch numbering plan (Nummerplan, ACM) is stricter than
    phonenumbers' permissive pattern: 0800/0900/0906/0909 are followed by
    exactly 4 or 7 digits (8 or 11 digits in total).
  * Short numbers (112, 144, 14 + area code, 116xxx, 18xx ...) are NOT phone
    numbers and are not written here; see Lexicons/nl/not-phone-numbers.tsv.

iban-formats.tsv (columns country, length, bban)
  * Read from python-stdnum's bundled copy of the SWIFT IBAN registry
    (stdnum/iban.dat). length = 4 + the sum of the BBAN field lengths.

Output is deterministic (sorted, fixed header text) so that re-running the
script with the same package versions gives byte-identical files.

Usage:
  python3 scripts/lexicon/build_number_formats.py           # write both files
  python3 scripts/lexicon/build_number_formats.py --check   # verify only
"""

import argparse
import os
import re
import sys
from importlib import metadata as importlib_metadata
from importlib import resources

import phonenumbers
from phonenumbers import PhoneMetadata
from phonenumbers.geodata import GEOCODE_DATA

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PHONE_OUT = os.path.join(ROOT, "Lexicons", "nl", "phone-numbering.tsv")
IBAN_OUT = os.path.join(ROOT, "Lexicons", "iban-formats.tsv")
DATE = "2026-11-21"

# national prefix (without trunk 0) -> (kind, phonenumbers PhoneMetadata
# attribute whose pattern defines the range, description for the header)
NON_GEOGRAPHIC = {
    "6": ("mobile", "mobile", "mobiele nummers (06-1 .. 06-5, 06-8 in use)"),
    "66": ("other", "pager", "semafonie / paging (066)"),
    "800": ("freephone", "toll_free", "gratis informatienummers (0800)"),
    "84": ("other", "uan", "persoonlijke-assistentdiensten (084; voicemail/fax-to-mail)"),
    "85": ("nomadic", "voip", "nomadische nummers (085, VoIP)"),
    "87": ("other", "uan", "persoonlijke-assistentdiensten (087; voicemail/fax-to-mail)"),
    "88": ("corporate", "uan", "bedrijfsnummers (088)"),
    "900": ("premium", "premium_rate", "betaalde informatienummers (0900)"),
    "906": ("premium", "premium_rate", "betaalde informatienummers, erotiek (0906)"),
    "909": ("premium", "premium_rate", "betaalde informatienummers, amusement (0909)"),
    "91": ("nomadic", "voip", "nomadische nummers (091)"),
    "97": ("m2m", "mobile", "machine-to-machine (097, 12 digits; 0970 in use)"),
}

# total lengths incl. trunk 0, from the Dutch numbering plan, where it is
# stricter than phonenumbers' pattern
PLAN_LENGTHS = {
    "800": (8, 11),
    "900": (8, 11),
    "906": (8, 11),
    "909": (8, 11),
}


def version(dist):
    return importlib_metadata.version(dist)


def completions_match(pattern, prefix, national_length):
    """True if some national number of that length starting with prefix
    fully matches pattern (probe: prefix + 2 free digits + a filler digit)."""
    rest = national_length - len(prefix)
    if rest < 0:
        return False
    if rest == 0:
        return pattern.fullmatch(prefix) is not None
    for ext in range(10 ** min(rest, 2)):
        head = prefix + str(ext).zfill(min(rest, 2))
        for fill in "0123456789":
            if pattern.fullmatch(head + fill * (national_length - len(head))):
                return True
    return False


def lengths_for(desc, prefix):
    pattern = re.compile(desc.national_number_pattern)
    out = []
    for n in sorted(set(desc.possible_length)):
        if completions_match(pattern, prefix, n):
            out.append(n + 1)  # + trunk 0
    return tuple(out)


def area_name(code):
    entry = GEOCODE_DATA.get("31" + code)
    if not entry:
        return ""
    return entry.get("nl") or entry.get("en") or ""


def geographic_codes(meta):
    pattern = re.compile(meta.fixed_line.national_number_pattern)
    three = {str(n) for n in range(100, 1000) if pattern.fullmatch(str(n) + "000000")}
    two = {t[:2] for t in three if all(t[:2] + str(d) in three for d in range(10))}
    codes = sorted(two | {t for t in three if t[:2] not in two})
    return codes


def build_phone():
    meta = PhoneMetadata.metadata_for_region("NL")
    rows = {}
    problems = []
    for code in geographic_codes(meta):
        lengths = lengths_for(meta.fixed_line, code)
        name = area_name(code)
        if not name:
            problems.append("no geocoder name for area code 0" + code)
        rows["0" + code] = ("geographic", lengths, name)
    for prefix, (kind, attr, _desc) in NON_GEOGRAPHIC.items():
        desc = getattr(meta, attr)
        lengths = PLAN_LENGTHS.get(prefix) or lengths_for(desc, prefix)
        if not lengths:
            problems.append("no lengths for 0" + prefix)
        rows["0" + prefix] = (kind, lengths, "")
    # every geocoder entry for +31 must be an area code we list
    for key in sorted(GEOCODE_DATA):
        if key.startswith("31") and "0" + key[2:] not in rows:
            problems.append("geocoder prefix +" + key + " not in the fixed-line set")

    ng_lines = "\n".join(
        "#   0%-5s %-10s %s" % (p, k, d) for p, (k, _a, d) in sorted(NON_GEOGRAPHIC.items())
    )
    header = f"""# postwacht: Dutch telephone numbering plan (national prefixes and number lengths)
#
# What: every national number prefix of the Netherlands (+31) that a real
#   subscriber/service number can start with, with its kind and the allowed
#   total number of digits, for the privacy.phone rule.
# Source: GENERATED by scripts/lexicon/build_number_formats.py from the PyPI
#   package phonenumbers {version('phonenumbers')} (Python port of Google's libphonenumber):
#   PhoneMetadata for region NL (fixed-line, mobile, pager, toll-free,
#   premium-rate, VoIP and UAN national-number patterns) and the geocoder
#   data (area names, Dutch names preferred). The 0800/0900/0906/0909 lengths
#   (4 or 7 digits after the prefix) are from the Dutch numbering plan
#   (Nummerplan telefoon- en ISDN-diensten, ACM), which is stricter than
#   phonenumbers' pattern. Cross-checked against the postwacht authors'
#   knowledge of the plan: 30 two-digit and 111 three-digit area codes.
#   Do not edit by hand; re-run the script.
# Licence: derived from libphonenumber/phonenumbers metadata, Apache-2.0
#   (Copyright Google Inc. and the phonenumbers authors); the selection and
#   this file: CC BY 4.0, postwacht authors.
# Date: {DATE}
#
# Format: UTF-8, tab-separated, `#` starts a comment line, blank lines ignored.
# Columns: prefix<TAB>kind<TAB>lengths[<TAB>area]
#   prefix   national prefix written with the trunk 0 (010, 0222, 06, 0800)
#   kind     geographic | mobile | freephone | premium | shared-cost |
#            nomadic | corporate | m2m | voicemail | other
#            (the Dutch plan currently has no shared-cost or voicemail range)
#   lengths  comma-separated allowed TOTAL digit counts including the
#            leading 0 (0101234567 = 10; 08001234 = 8, 08001234567 = 11)
#   area     geographic rows only: place the area code is named after
# In +31 / 0031 forms the trunk 0 is dropped (+31 10 123 4567); "+31 (0)6"
# keeps it in brackets. Prefixes nest (06 / 066): the LONGEST matching
# prefix decides the kind and lengths. A 2-digit area code has a 7-digit,
# a 3-digit area code a 6-digit subscriber number (10 digits in total).
# Short numbers (112, 144, 14 + area code, 116xxx, 0900-8844 ...) are not
# personal data: see not-phone-numbers.tsv.
# Non-geographic prefixes:
{ng_lines}
"""
    body = []
    for prefix in sorted(rows):
        kind, lengths, name = rows[prefix]
        cols = [prefix, kind, ",".join(str(n) for n in lengths)]
        if name:
            cols.append(name)
        body.append("\t".join(cols))
    return header + "\n".join(body) + "\n", problems, len(body)


BBAN_FIELD = re.compile(r"([1-9][0-9]*)!([nac])")


def build_iban():
    problems = []
    text = resources.files("stdnum").joinpath("iban.dat").read_text(encoding="utf-8")
    registry_note = ""
    rows = {}
    for line in text.splitlines():
        if line.startswith("#"):
            if "iban-registry" in line and not registry_note:
                registry_note = line.lstrip("# ").strip()
            continue
        if not line.strip():
            continue
        if line[:1].isspace():
            continue  # sub-entries (none in current stdnum)
        cc = line[:2]
        m = re.search(r'bban="([^"]*)"', line)
        if not re.fullmatch(r"[A-Z]{2}", cc) or not m:
            problems.append("unparsed iban.dat line: " + line)
            continue
        bban = m.group(1)
        fields = BBAN_FIELD.findall(bban)
        if "".join(n + "!" + t for n, t in fields) != bban:
            problems.append("unexpected BBAN structure for %s: %s" % (cc, bban))
            continue
        length = 4 + sum(int(n) for n, _t in fields)
        if cc in rows and rows[cc] != (length, bban):
            problems.append("conflicting entries for " + cc)
        rows[cc] = (length, bban)
    header = f"""# postwacht: IBAN formats of every country in the IBAN registry
#
# What: per country the total IBAN length and the BBAN structure, for the
#   privacy.iban rule (an IBAN of any country, grouped or not, passing
#   mod-97).
# Source: GENERATED by scripts/lexicon/build_number_formats.py from the PyPI
#   package python-stdnum {version('python-stdnum')}, file stdnum/iban.dat (its bundled copy
#   of the SWIFT IBAN Registry; the file says: "{registry_note}").
#   All {len(rows)} countries that python-stdnum knows. Do not edit by hand.
# Licence: python-stdnum is LGPL-2.1-or-later; iban.dat restates the facts
#   of the public SWIFT IBAN Registry (formats, not creative expression).
#   This derived table: CC BY 4.0, postwacht authors, with that note.
# Date: {DATE}
#
# Format: UTF-8, tab-separated, `#` starts a comment line, blank lines ignored.
# Columns: country<TAB>length<TAB>bban
#   country  ISO 3166-1 alpha-2 code, UPPERCASE as in an IBAN (this file's
#            keys are not lowercased)
#   length   total IBAN length in characters: 2 (country) + 2 (check
#            digits) + BBAN length
#   bban     SWIFT registry notation: <n>!<t> = exactly n characters of type
#            t; n = digits 0-9, a = upper-case letters A-Z, c = letters or
#            digits (upper and lower case)
"""
    body = ["%s\t%d\t%s" % (cc, rows[cc][0], rows[cc][1]) for cc in sorted(rows)]
    return header + "\n".join(body) + "\n", problems, len(body)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="verify the files are up to date")
    args = ap.parse_args()
    phone, p1, n_phone = build_phone()
    iban, p2, n_iban = build_iban()
    problems = p1 + p2
    for p in problems:
        print("warning: " + p, file=sys.stderr)
    stale = False
    for path, content, n in ((PHONE_OUT, phone, n_phone), (IBAN_OUT, iban, n_iban)):
        rel = os.path.relpath(path, ROOT)
        if args.check:
            try:
                with open(path, encoding="utf-8") as f:
                    same = f.read() == content
            except FileNotFoundError:
                same = False
            print("%s: %s (%d rows)" % (rel, "up to date" if same else "STALE", n))
            stale = stale or not same
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(content)
            print("wrote %s (%d rows)" % (rel, n))
    return 1 if (stale or problems) else 0


if __name__ == "__main__":
    sys.exit(main())
