"""A second generator of person records with known truth, independent of caselink's own.

caselink's linking model was developed beside ``caselink.datasets.synthetic``; this module
shares none of its code or data, so ``bench_accuracy.py`` can check the model on records
written by somebody else's idea of how agencies make mistakes. Names, towns, postcodes,
e-mail domains and occupations come from Faker's locales (pinned in the ``bench`` extra);
the corruption model, the nickname table and the agency conventions are written here.

Every variant is a function ``variant(people=..., seed=...)`` that returns
``(records, truth, columns)``:

- ``records``: a ``pl.DataFrame`` of text columns, one row per record, shuffled;
- ``truth``: ``record_id`` (text) and ``person`` (text), one row per record;
- ``columns``: the caselink column mapping (canonical name -> column of ``records``).

Output is a function of ``(people, seed)`` only (Faker and numpy are both seeded).

Variants: :func:`multi_agency`, :func:`historical`, :func:`no_dates`, :func:`year_only`,
:func:`exact_duplicates`, :func:`english_nicknames`.

The corruption model (:class:`Noise`, applied per record and field):

- names: character typos (substitution, deletion, insertion, transposition), keyboard
  neighbour slips, phonetic respellings (``ph``/``f``, ``ou``/``u``, ``sch``/``sh``, ...),
  given/family swaps, initials, dropped middle names, case changes, accents dropped or
  spelt out (``ü`` -> ``ue``), English nicknames (Bill for William), transliteration
  conventions that differ by agency for Arabic and Persian names (``sh``/``ch``/``sch``,
  ``u``/``ou``/``oe``, ``al-``/``el-``), and now and then the name in its original script;
- dates: each agency's format (``dd/mm/yyyy``, ``yyyy-mm-dd``, ``d.m.yyyy``,
  ``dd-mm-yyyy``, ``né le 3 mars 1985``), day/month swaps, one-digit typos, year offsets,
  year only, 01/01 placeholders, missing;
- phones: national or international format, a digit typo, missing; families share one;
- other fields: missing, changed (a move, a new job, a second e-mail address), typos.

Hard negatives: siblings (same family name, nationality, often the same phone or
address, birth years apart; some twins), namesakes (same names and birth year),
fathers and sons of the same name and town in ``historical``.
"""

from __future__ import annotations

import random
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import polars as pl
from faker import Faker

ColumnMapping = dict[str, str | list[str]]
Generated = tuple[pl.DataFrame, pl.DataFrame, ColumnMapping]

# --------------------------------------------------------------------------- tables

#: Formal English given name -> diminutives and nicknames (hand-written for this module).
NICKNAMES: dict[str, tuple[str, ...]] = {
    "william": ("bill", "will", "billy", "willie"),
    "robert": ("bob", "rob", "bobby", "robbie"),
    "john": ("jack", "johnny", "jock"),
    "thomas": ("tom", "tommy"),
    "james": ("jim", "jimmy", "jamie"),
    "richard": ("dick", "rick", "richie"),
    "edward": ("ted", "ed", "eddie", "ned"),
    "charles": ("charlie", "chas"),
    "henry": ("harry", "hal"),
    "michael": ("mike", "mick", "mickey"),
    "christopher": ("chris", "kit"),
    "anthony": ("tony",),
    "joseph": ("joe", "joey"),
    "benjamin": ("ben", "benny"),
    "samuel": ("sam", "sammy"),
    "daniel": ("dan", "danny"),
    "david": ("dave", "davy"),
    "matthew": ("matt",),
    "andrew": ("andy", "drew"),
    "nicholas": ("nick", "nicky"),
    "peter": ("pete",),
    "patrick": ("pat", "paddy"),
    "stephen": ("steve", "stevie"),
    "timothy": ("tim", "timmy"),
    "jonathan": ("jon", "jonny"),
    "alexander": ("alex", "sandy", "alec"),
    "frederick": ("fred", "freddie"),
    "albert": ("bert", "bertie", "al"),
    "alfred": ("alf", "alfie"),
    "arthur": ("art", "artie"),
    "lawrence": ("larry", "laurie"),
    "leonard": ("len", "lenny"),
    "francis": ("frank", "frankie"),
    "gerald": ("gerry",),
    "harold": ("harry", "hal"),
    "isaac": ("ike",),
    "walter": ("walt", "wally"),
    "george": ("georgie",),
    "margaret": ("peggy", "maggie", "meg", "madge"),
    "elizabeth": ("liz", "beth", "betty", "lizzie", "bess"),
    "mary": ("polly", "molly", "mae"),
    "anne": ("annie", "nancy", "nan"),
    "sarah": ("sally", "sadie"),
    "catherine": ("kate", "cathy", "kitty", "cath"),
    "katherine": ("kate", "kathy", "katie"),
    "abigail": ("abby", "gail"),
    "deborah": ("debbie", "deb"),
    "dorothy": ("dot", "dolly", "dottie"),
    "eleanor": ("nell", "ellie", "nora"),
    "helen": ("nell", "nellie"),
    "jennifer": ("jen", "jenny"),
    "jessica": ("jess", "jessie"),
    "judith": ("judy",),
    "patricia": ("pat", "patty", "trish"),
    "rebecca": ("becky", "becca"),
    "susan": ("sue", "susie"),
    "victoria": ("vicky", "tori"),
    "theresa": ("tess", "terri"),
    "frances": ("fanny", "fran"),
    "martha": ("patsy", "mattie"),
    "christine": ("chris", "tina"),
    "josephine": ("jo", "josie"),
    "harriet": ("hattie",),
    "caroline": ("carrie", "caro"),
    "florence": ("flo", "florrie"),
    "winifred": ("winnie", "freda"),
    "mildred": ("millie",),
    "amelia": ("millie", "amy"),
    "edith": ("edie",),
    "agnes": ("aggie", "nessie"),
}
_FORMAL_MALE = [
    "william",
    "john",
    "thomas",
    "james",
    "robert",
    "richard",
    "edward",
    "charles",
    "henry",
    "michael",
    "christopher",
    "anthony",
    "joseph",
    "benjamin",
    "samuel",
    "daniel",
    "david",
    "matthew",
    "andrew",
    "nicholas",
    "peter",
    "patrick",
    "stephen",
    "timothy",
    "jonathan",
    "alexander",
    "frederick",
    "albert",
    "alfred",
    "arthur",
    "lawrence",
    "leonard",
    "francis",
    "gerald",
    "harold",
    "isaac",
    "walter",
    "george",
]
_FORMAL_FEMALE = [
    "margaret",
    "elizabeth",
    "mary",
    "anne",
    "sarah",
    "catherine",
    "katherine",
    "abigail",
    "deborah",
    "dorothy",
    "eleanor",
    "helen",
    "jennifer",
    "jessica",
    "judith",
    "patricia",
    "rebecca",
    "susan",
    "victoria",
    "theresa",
    "frances",
    "martha",
    "christine",
    "josephine",
    "harriet",
    "caroline",
    "florence",
    "winifred",
    "mildred",
    "amelia",
    "edith",
    "agnes",
]

#: Nationality (ISO 3166 alpha-3) as each agency writes it: English, French (masculine,
#: feminine), German and Dutch; Belgian records carry the code itself.
DEMONYMS: dict[str, tuple[str, str, str, str, str]] = {
    "GBR": ("British", "britannique", "britannique", "britisch", "Brits"),
    "FRA": ("French", "français", "française", "französisch", "Frans"),
    "DEU": ("German", "allemand", "allemande", "deutsch", "Duits"),
    "NLD": ("Dutch", "néerlandais", "néerlandaise", "niederländisch", "Nederlands"),
    "BEL": ("Belgian", "belge", "belge", "belgisch", "Belgisch"),
    "IRQ": ("Iraqi", "irakien", "irakienne", "irakisch", "Iraaks"),
    "SYR": ("Syrian", "syrien", "syrienne", "syrisch", "Syrisch"),
    "IRN": ("Iranian", "iranien", "iranienne", "iranisch", "Iraans"),
    "AFG": ("Afghan", "afghan", "afghane", "afghanisch", "Afghaans"),
    "TUR": ("Turkish", "turc", "turque", "türkisch", "Turks"),
    "POL": ("Polish", "polonais", "polonaise", "polnisch", "Pools"),
    "ROU": ("Romanian", "roumain", "roumaine", "rumänisch", "Roemeens"),
    "ITA": ("Italian", "italien", "italienne", "italienisch", "Italiaans"),
}

#: Origin locale -> (weight in multi_agency, nationalities it gives).
ORIGINS: dict[str, tuple[float, tuple[str, ...]]] = {
    "en_GB": (0.16, ("GBR",)),
    "fr_FR": (0.13, ("FRA",)),
    "de_DE": (0.13, ("DEU",)),
    "nl_NL": (0.09, ("NLD",)),
    "nl_BE": (0.07, ("BEL",)),
    "ar_AA": (0.12, ("IRQ", "SYR")),
    "fa_IR": (0.08, ("IRN", "AFG")),
    "tr_TR": (0.09, ("TUR",)),
    "pl_PL": (0.05, ("POL",)),
    "ro_RO": (0.04, ("ROU",)),
    "it_IT": (0.04, ("ITA",)),
}
AGENCIES = ("uk", "fr", "de", "be", "nl")
_AGENCY_NATIONALITY = {"uk": "GBR", "fr": "FRA", "de": "DEU", "be": "BEL", "nl": "NLD"}
_GENDER_CODES = {
    "uk": ("Male", "Female"),
    "fr": ("M", "F"),
    "de": ("m", "w"),
    "be": ("M", "F"),
    "nl": ("M", "V"),
}
_FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]

# Arabic and Persian letters -> a sound key; each agency spells the keys its own way.
_LETTERS = {
    "ا": "A", "أ": "A", "إ": "I", "آ": "A", "ى": "A", "ة": "a", "ء": "", "ئ": "", "ؤ": "U",  # noqa: RUF001
    "ب": "b", "پ": "p", "ت": "t", "ث": "th", "ج": "j", "چ": "ch", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "ژ": "zh", "س": "s", "ش": "sh", "ص": "s",
    "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
    "ک": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "W", "ي": "Y",  # noqa: RUF001
    "ی": "Y", "\u200c": "",
}  # fmt: skip
_SPELLING: dict[str, dict[str, str]] = {
    "uk": {},
    "fr": {"sh": "ch", "j": "dj", "u": "ou", "w": "ou", "ch": "tch", "zh": "j", "q": "k"},
    "de": {
        "sh": "sch",
        "j": "dsch",
        "kh": "ch",
        "y": "j",
        "ch": "tsch",
        "zh": "sch",
        "q": "k",
        "dh": "d",
        "th": "t",
    },
    "nl": {
        "sh": "sj",
        "j": "dj",
        "kh": "ch",
        "u": "oe",
        "y": "j",
        "ch": "tsj",
        "zh": "zj",
        "i": "ie",
    },
}
_ARTICLE = {"uk": "al-", "fr": "el-", "de": "al-", "nl": "al "}

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_PHONETIC = (
    ("ph", "f"), ("f", "ph"), ("ck", "k"), ("c", "k"), ("k", "c"), ("y", "i"), ("i", "y"),
    ("ee", "i"), ("ou", "u"), ("u", "ou"), ("oe", "u"), ("sch", "sh"), ("sh", "sch"),
    ("tz", "z"), ("z", "s"), ("mm", "m"), ("m", "mm"), ("nn", "n"), ("ll", "l"), ("l", "ll"),
    ("tt", "t"), ("ss", "s"), ("ae", "e"), ("w", "v"), ("v", "w"), ("th", "t"), ("gh", "g"),
    ("x", "ks"), ("qu", "k"), ("ai", "ei"), ("ei", "ai"), ("ey", "ay"), ("dt", "t"),
    ("ie", "y"), ("j", "dj"), ("kh", "h"), ("ah", "a"), ("ea", "ee"), ("o", "ou"),
)  # fmt: skip
_SPELT_OUT = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ç": "c", "é": "e", "ı": "i"}  # noqa: RUF001


def _neighbours() -> dict[str, str]:
    out: dict[str, str] = {}
    for r, row in enumerate(_KEYBOARD_ROWS):
        for i, ch in enumerate(row):
            near = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            for rr in (r - 1, r + 1):
                if 0 <= rr < len(_KEYBOARD_ROWS):
                    other = _KEYBOARD_ROWS[rr]
                    near += [other[j] for j in (i - 1, i, i + 1) if 0 <= j < len(other)]
            out[ch] = "".join(near)
    return out


_NEAR = _neighbours()


# --------------------------------------------------------------------------- noise model


@dataclass(frozen=True)
class Noise:
    """Per-record probabilities of each corruption."""

    typo: float = 0.08  # per name token
    phonetic: float = 0.05
    swap_names: float = 0.03
    initial: float = 0.03
    drop_middle: float = 0.5  # of records of people with a middle name
    case: float = 0.08
    accents: float = 0.3  # of names with accents or umlauts
    nickname: float = 0.0
    original_script: float = 0.03  # Arabic / Persian names
    name_missing: float = 0.02
    dob_missing: float = 0.08
    dob_swap: float = 0.04
    dob_digit: float = 0.04
    dob_year_only: float = 0.02
    dob_placeholder: float = 0.02
    dob_year_offset: float = 0.0
    phone_missing: float = 0.4
    phone_intl: float = 0.3
    phone_typo: float = 0.02
    field_missing: float = 0.1
    field_change: float = 0.05
    field_typo: float = 0.03


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def typo(word: str, rnd: random.Random) -> str:
    """One character-level error: substitution, deletion, insertion, transposition or a
    keyboard-neighbour slip."""
    if len(word) < 2:
        return word
    i = rnd.randrange(len(word))
    kind = rnd.randrange(5)
    letters = "abcdefghijklmnopqrstuvwxyz"
    if kind == 0:
        return word[:i] + rnd.choice(letters) + word[i + 1 :]
    if kind == 1 and len(word) > 3:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[:i] + rnd.choice(letters) + word[i:]
    if kind == 3 and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    near = _NEAR.get(word[i].lower())
    if near:
        return word[:i] + rnd.choice(near) + word[i + 1 :]
    return word[:i] + word[i + 1 :]


def respell(word: str, rnd: random.Random) -> str:
    """One phonetic respelling (a rule that applies, chosen at random)."""
    rules = [(a, b) for a, b in _PHONETIC if a in word]
    if not rules:
        return word
    a, b = rnd.choice(rules)
    at = [i for i in range(len(word)) if word.startswith(a, i)]
    i = rnd.choice(at)
    return word[:i] + b + word[i + len(a) :]


def romanise(name: str, agency: str) -> str:
    """An Arabic or Persian name in Latin letters, with the spelling conventions of
    ``agency`` (one of :data:`AGENCIES`; Belgian records follow the French)."""
    spell = _SPELLING.get("fr" if agency == "be" else agency, {})
    words = []
    for word in name.split():
        article = ""
        if word.startswith("ال") and len(word) > 3:
            article, word = _ARTICLE.get("fr" if agency == "be" else agency, "al-"), word[2:]
        keys = [_LETTERS.get(c, c) for c in word]
        keys = [k for k in keys if k != ""]
        out: list[str] = []
        prev_vowel = True  # at the start, as after a vowel: a first consonant takes one
        for j, key in enumerate(keys):
            nxt = keys[j + 1] if j + 1 < len(keys) else None
            if key in ("W", "Y"):  # consonant at a syllable's edge, long vowel inside
                consonant = j == 0 or prev_vowel
                glide = "w" if key == "W" else "y"
                sound = glide if consonant else ("u" if key == "W" else "i")
                out.append(spell.get(sound, sound))
                prev_vowel = not consonant
                continue
            if key in ("A", "I", "U"):
                out.append(spell.get(key.lower(), key.lower()))
                prev_vowel = True
                continue
            out.append(spell.get(key, key))
            consonant_next = nxt is not None and nxt not in ("A", "I", "U", "W", "Y", "a")
            if consonant_next and (j == 0 or not prev_vowel):
                out.append("a")
                prev_vowel = True
            else:
                prev_vowel = key == "a"
        words.append(article + "".join(out))
    return " ".join(w.capitalize() if not w.startswith("al ") else w for w in words)


def _is_latin(text: str) -> bool:
    return all(ord(c) < 0x0370 for c in text)


def corrupt_token(word: str, rnd: random.Random, noise: Noise) -> str:
    """Typos, respellings and accent changes of one lower-case name token."""
    if rnd.random() < noise.phonetic:
        word = respell(word, rnd)
    if rnd.random() < noise.typo:
        word = typo(word, rnd)
    if not word.isascii() and rnd.random() < noise.accents:
        if rnd.random() < 0.5:
            word = "".join(_SPELT_OUT.get(c, c) for c in word)
        word = strip_accents(word)
    return word


def nickname_of(given: str, rnd: random.Random) -> str | None:
    options = NICKNAMES.get(given.lower())
    return rnd.choice(options) if options else None


# --------------------------------------------------------------------------- pools


@dataclass(frozen=True)
class Pool:
    """Faker draws for one locale (with repeats, so common values stay common)."""

    male: tuple[str, ...]
    female: tuple[str, ...]
    family: tuple[str, ...]
    towns: tuple[str, ...]
    postcodes: tuple[str, ...]
    domains: tuple[str, ...]
    jobs: tuple[str, ...]


@lru_cache(maxsize=64)
def pool(locale: str, seed: int, size: int = 1500) -> Pool:
    fake = Faker(locale)
    fake.seed_instance(seed * 7919 + zlib.crc32(locale.encode()))
    jobs: tuple[str, ...] = ()
    if locale == "en_GB":
        jobs = tuple(fake.job() for _ in range(400))
    return Pool(
        male=tuple(fake.first_name_male() for _ in range(size // 2)),
        female=tuple(fake.first_name_female() for _ in range(size // 2)),
        family=tuple(fake.last_name() for _ in range(size)),
        towns=tuple(fake.city() for _ in range(300)),
        postcodes=tuple(fake.postcode() for _ in range(size)),
        domains=tuple(fake.free_email_domain() for _ in range(50)),
        jobs=jobs,
    )


def _pick(rng: np.random.Generator, values: Sequence[str], n: int) -> list[str]:
    idx = rng.integers(0, len(values), n)
    return [values[i] for i in idx]


def _zipf_pick(rng: np.random.Generator, values: Sequence[str], n: int, a: float) -> list[str]:
    """Values drawn with Zipf-like weights (rank ** -a), so a few are very common."""
    weights = np.arange(1, len(values) + 1, dtype=float) ** -a
    idx = rng.choice(len(values), size=n, p=weights / weights.sum())
    return [values[i] for i in idx]


# --------------------------------------------------------------------------- people


@dataclass
class People:
    """One row per true person (lists of equal length)."""

    locale: list[str]
    female: np.ndarray
    given: list[str]  # lower case, may hold a middle name after a space
    family: list[str]  # lower case (Arabic / Persian in their own script)
    year: np.ndarray
    month: np.ndarray
    day: np.ndarray

    def __len__(self) -> int:
        return len(self.given)


def _dates(rng: np.random.Generator, n: int, lo: int, hi: int) -> tuple[np.ndarray, ...]:
    year = rng.integers(lo, hi + 1, n)
    month = rng.integers(1, 13, n)
    day = np.minimum(rng.integers(1, 32, n), _month_length(year, month))
    return year, month, day


def _month_length(year: np.ndarray, month: np.ndarray) -> np.ndarray:
    days = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[month - 1]
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    return days + ((month == 2) & leap)


def _people(
    rng: np.random.Generator,
    n: int,
    locales: list[str],
    seed: int,
    years: tuple[int, int],
    english_formal: float = 0.0,
    middle: float = 0.2,
) -> People:
    """``n`` people with names from their locale's pool; ``english_formal`` of the
    en_GB ones get a formal name from :data:`NICKNAMES` (Zipf-weighted)."""
    female = rng.random(n) < 0.5
    given, family = [], []
    formal = rng.random(n) < english_formal
    has_middle = rng.random(n) < middle
    by_locale: dict[str, Pool] = {loc: pool(loc, seed) for loc in set(locales)}
    draws = rng.integers(0, 1 << 30, (n, 3))
    zipf_m = _zipf_pick(rng, _FORMAL_MALE, n, 1.0)
    zipf_f = _zipf_pick(rng, _FORMAL_FEMALE, n, 1.0)
    for i, loc in enumerate(locales):
        p = by_locale[loc]
        names = p.female if female[i] else p.male
        if loc == "en_GB" and formal[i]:
            first = zipf_f[i] if female[i] else zipf_m[i]
        else:
            first = names[draws[i, 0] % len(names)]
        if has_middle[i]:
            first = f"{first} {names[draws[i, 1] % len(names)]}"
        given.append(first.lower())
        family.append(p.family[draws[i, 2] % len(p.family)].lower())
    year, month, day = _dates(rng, n, *years)
    return People(list(locales), female, given, family, year, month, day)


def _relatives(
    rng: np.random.Generator, people: People, share: float, twins: float, namesakes: float
) -> tuple[np.ndarray, np.ndarray]:
    """Turn some people into siblings (same family name, birth 1-8 years apart, some
    twins) or namesakes (same given and family name and birth year) of an earlier
    person. Returns (sibling_of, namesake_of): the earlier person's index or -1."""
    n = len(people)
    sibling_of = np.full(n, -1)
    namesake_of = np.full(n, -1)
    roll = rng.random(n)
    for i in range(1, n):
        j = int(rng.integers(0, i))
        if people.locale[j] != people.locale[i]:
            continue
        if roll[i] < share:
            sibling_of[i] = j
            people.family[i] = people.family[j]
            if rng.random() < twins:
                people.year[i], people.month[i], people.day[i] = (
                    people.year[j],
                    people.month[j],
                    people.day[j],
                )
            else:
                people.year[i] = people.year[j] + int(rng.choice([-1, 1]) * rng.integers(1, 9))
                people.day[i] = min(people.day[i], 28)
        elif roll[i] < share + namesakes:
            namesake_of[i] = j
            people.given[i], people.family[i] = people.given[j], people.family[j]
            people.female[i] = people.female[j]
            people.year[i] = people.year[j]
    return sibling_of, namesake_of


def _records_per_person(rng: np.random.Generator, n: int, extra_mean: float, cap: int):
    return np.minimum(1 + rng.poisson(extra_mean, n), cap)


def _explode(rng: np.random.Generator, counts: np.ndarray) -> np.ndarray:
    """Person index of every record, in a random order."""
    person = np.repeat(np.arange(len(counts)), counts)
    return person[rng.permutation(len(person))]


# --------------------------------------------------------------------------- fields


def _record_dates(
    rng: np.random.Generator, people: People, person: np.ndarray, noise: Noise
) -> pl.DataFrame:
    """Corrupted (year, month, day) per record, with ``year_only`` and ``missing`` flags.
    Columns: y, m, d (Int32), year_only, missing (bool)."""
    n = len(person)
    y = people.year[person].copy()
    m = people.month[person].copy()
    d = people.day[person].copy()
    swap = (rng.random(n) < noise.dob_swap) & (d <= 12) & (d != m)
    m[swap], d[swap] = d[swap], m[swap].copy()
    digit = rng.random(n) < noise.dob_digit
    part = rng.integers(0, 3, n)
    delta = rng.integers(1, 10, n) * rng.choice([-1, 1], n)
    y = np.where(digit & (part == 0), (y // 10) * 10 + (y + delta) % 10, y)
    d = np.where(digit & (part == 1), np.clip(d - d % 10 + (d + delta) % 10, 1, 28), d)
    m = np.where(digit & (part == 2), np.clip((m + delta) % 12 + 1, 1, 12), m)
    offset = rng.random(n) < noise.dob_year_offset
    y = np.where(offset, y + rng.integers(1, 6, n) * rng.choice([-1, 1], n), y)
    placeholder = rng.random(n) < noise.dob_placeholder
    m = np.where(placeholder, 1, m)
    d = np.where(placeholder, 1, d)
    d = np.minimum(d, _month_length(y, m))
    return pl.DataFrame(
        {
            "y": y.astype(np.int32),
            "m": m.astype(np.int32),
            "d": d.astype(np.int32),
            "year_only": rng.random(n) < noise.dob_year_only,
            "missing": rng.random(n) < noise.dob_missing,
        }
    )


def _format_dates(dates: pl.DataFrame, style: pl.Series, female: pl.Series) -> pl.Series:
    """Dates written per record in ``style``: iso, dmy_slash, dmy_dot, dmy_dash, fr_text."""
    y, m, d = (pl.col(c).cast(pl.String) for c in ("y", "m", "d"))
    m2, d2 = m.str.zfill(2), d.str.zfill(2)
    month_name = pl.col("m").replace_strict(
        list(range(1, 13)), _FRENCH_MONTHS, return_dtype=pl.String
    )
    born = pl.when(pl.col("female")).then(pl.lit("née le ")).otherwise(pl.lit("né le "))
    styled = (
        pl.when(pl.col("style") == "iso")
        .then(pl.concat_str(y, m2, d2, separator="-"))
        .when(pl.col("style") == "dmy_dot")
        .then(pl.concat_str(d, m, y, separator="."))
        .when(pl.col("style") == "dmy_dash")
        .then(pl.concat_str(d2, m2, y, separator="-"))
        .when(pl.col("style") == "fr_text")
        .then(pl.concat_str(born, d, pl.lit(" "), month_name, pl.lit(" "), y))
        .otherwise(pl.concat_str(d2, m2, y, separator="/"))
    )
    out = dates.with_columns(style=style, female=female).select(
        pl.when(pl.col("missing"))
        .then(None)
        .when(pl.col("year_only"))
        .then(y)
        .otherwise(styled)
        .alias("dob")
    )
    return out.to_series()


#: Country code, mobile prefixes and the digits after the prefix, per home country.
_PHONE_COUNTRY = {
    "uk": ("44", ("7",), 9),
    "fr": ("33", ("6", "7"), 8),
    "de": ("49", ("151", "160", "170", "176"), 7),
    "be": ("32", ("47", "48"), 7),
    "nl": ("31", ("6",), 8),
}


def _national_numbers(rng: np.random.Generator, homes: Sequence[str]) -> list[str]:
    """A mobile number's national significant digits for each home country."""
    out = []
    digits = rng.integers(0, 10, (len(homes), 10))
    for i, home in enumerate(homes):
        _, leads, rest = _PHONE_COUNTRY[home]
        out.append(leads[digits[i, 0] % len(leads)] + "".join(map(str, digits[i, 1 : rest + 1])))
    return out


def format_phone(nsn: str, home: str, international: bool) -> str:
    """The number as written: ``07700 900123`` or ``+44 7700 900123`` (each country's
    grouping)."""
    cc = _PHONE_COUNTRY[home][0]
    if home == "uk":
        body = f"{nsn[:4]} {nsn[4:]}"
    elif home in ("fr",):
        body = " ".join([nsn[0], nsn[1:3], nsn[3:5], nsn[5:7], nsn[7:]])
    elif home == "nl":
        body = f"{nsn[0]}-{nsn[1:]}" if not international else f"{nsn[0]} {nsn[1:]}"
    elif home == "be":
        body = " ".join([nsn[:3], nsn[3:5], nsn[5:7], nsn[7:]])
    else:
        body = f"{nsn[:3]} {nsn[3:]}"
    if international:
        return f"+{cc} {body}"
    return "0" + body


def _style_name(text: str, upper: bool, rnd: random.Random, noise: Noise) -> str:
    if upper:
        return text.upper()
    if rnd.random() < noise.case:
        return text.lower() if rnd.random() < 0.5 else text.upper()
    return " ".join(
        w if w in ("van", "de", "der", "den", "von", "al", "el") else w.title()
        for w in text.split()
    )


def _corrupt_person_name(
    given: str, family: str, rnd: random.Random, noise: Noise
) -> tuple[str | None, str | None]:
    """Given and family name of one record, lower case, after the name corruptions."""
    tokens = given.split()
    if len(tokens) > 1 and rnd.random() < noise.drop_middle:
        tokens = tokens[:1]
    if noise.nickname and rnd.random() < noise.nickname:
        nick = nickname_of(tokens[0], rnd)
        if nick:
            tokens[0] = nick
    tokens = [corrupt_token(t, rnd, noise) for t in tokens]
    if rnd.random() < noise.initial:
        tokens[0] = tokens[0][:1] + "."
    fam = " ".join(corrupt_token(t, rnd, noise) for t in family.split())
    out_given: str | None = " ".join(tokens)
    out_family: str | None = fam
    if rnd.random() < noise.swap_names:
        out_given, out_family = out_family, out_given
    if rnd.random() < noise.name_missing:
        if rnd.random() < 0.5:
            out_given = None
        else:
            out_family = None
    return out_given, out_family


def _mangle(value: str | None, rnd: random.Random, noise: Noise, pool_: Sequence[str]):
    """A plain attribute after missing / change / typo corruption."""
    if value is None or rnd.random() < noise.field_missing:
        return None
    if rnd.random() < noise.field_change:
        value = rnd.choice(pool_)
    if rnd.random() < noise.field_typo:
        value = typo(value, rnd)
    return value


def _truth(ids: list[str], person: np.ndarray) -> pl.DataFrame:
    return pl.DataFrame(
        {"record_id": ids, "person": [f"p{int(p)}" for p in person]},
        schema={"record_id": pl.String, "person": pl.String},
    )


def _ids(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{i:06d}" for i in range(n)]


# --------------------------------------------------------------------------- variants


def multi_agency(people: int = 8000, seed: int = 0, noise: Noise | None = None) -> Generated:
    """Suspects known to several agencies (uk, fr, de, be, nl), ~2.5 records each.

    Columns: record_id, source, given_name, family_name (uk, de, nl), full_name
    (fr ``NOM Prénom``, be ``NOM, Prénom``), dob (each agency's format), nationality
    (each agency's language; be the ISO code), phone (national or international),
    gender (each agency's codes). Siblings share a family name and often a phone;
    namesakes share names and birth year.
    """
    noise = noise or Noise()
    rng = np.random.default_rng(seed)
    rnd = random.Random(seed)
    names = list(ORIGINS)
    weights = np.array([ORIGINS[k][0] for k in names])
    locales = list(rng.choice(names, people, p=weights / weights.sum()))
    ppl = _people(rng, people, locales, seed, (1950, 2006), english_formal=0.3, middle=0.25)
    sibling_of, _ = _relatives(rng, ppl, share=0.12, twins=0.1, namesakes=0.05)
    nationality = [ORIGINS[loc][1][int(rng.integers(0, len(ORIGINS[loc][1])))] for loc in locales]
    home = list(rng.choice(AGENCIES, people))
    phone = _national_numbers(rng, home)
    has_phone = rng.random(people) < 0.8
    for i in np.flatnonzero(sibling_of >= 0):
        j = sibling_of[i]
        nationality[i], home[i] = nationality[j], home[j]
        if rng.random() < 0.6:
            phone[i] = phone[j]
    person = _explode(rng, _records_per_person(rng, people, 1.5, 8))
    n = len(person)
    source = [home[p] if rng.random() < 0.45 else AGENCIES[int(rng.integers(0, 5))] for p in person]

    given_col: list[str | None] = []
    family_col: list[str | None] = []
    full_col: list[str | None] = []
    nat_col: list[str | None] = []
    phone_col: list[str | None] = []
    gender_col: list[str | None] = []
    roll = rng.random((n, 6))
    for r, (p, src) in enumerate(zip(person.tolist(), source, strict=True)):
        given, family = ppl.given[p], ppl.family[p]
        script = not _is_latin(given + family)
        keep_script = script and roll[r, 0] < noise.original_script
        if script and not keep_script:
            given, family = romanise(given, src).lower(), romanise(family, src).lower()
        g, f = (
            _corrupt_person_name(given, family, rnd, noise) if not keep_script else (given, family)
        )
        if src in ("fr", "be"):
            fam = _style_name(f, True, rnd, noise) if f else None
            giv = _style_name(g, False, rnd, noise) if g else None
            sep = ", " if src == "be" else " "
            full_col.append(sep.join(x for x in (fam, giv) if x) or None)
            given_col.append(None)
            family_col.append(None)
        else:
            full_col.append(None)
            given_col.append(_style_name(g, False, rnd, noise) if g else None)
            family_col.append(_style_name(f, False, rnd, noise) if f else None)
        nat = nationality[p]
        if roll[r, 1] < 0.2:
            nat = _AGENCY_NATIONALITY[home[p]]  # naturalised, or recorded as resident
        if roll[r, 2] < 0.15:
            nat_col.append(None)
        else:
            female = bool(ppl.female[p])
            en, fr_m, fr_f, de, nl = DEMONYMS[nat]
            written = {"uk": en, "fr": fr_f if female else fr_m, "de": de, "nl": nl, "be": nat}
            nat_col.append(written[src])
        if has_phone[p] and roll[r, 3] >= noise.phone_missing:
            nsn = phone[p]
            if rnd.random() < noise.phone_typo:
                k = rnd.randrange(len(nsn))
                nsn = nsn[:k] + str(rnd.randrange(10)) + nsn[k + 1 :]
            intl = home[p] != src or roll[r, 4] < noise.phone_intl
            phone_col.append(format_phone(nsn, home[p], intl))
        else:
            phone_col.append(None)
        codes = _GENDER_CODES[src]
        gender_col.append(None if roll[r, 5] < 0.1 else codes[int(ppl.female[p])])

    dates = _record_dates(rng, ppl, person, noise)
    style_of = {"uk": "dmy_slash", "de": "dmy_dot", "nl": "dmy_dash", "be": "iso"}
    styles = [
        ("fr_text" if rng.random() < 0.5 else "dmy_slash") if s == "fr" else style_of[s]
        for s in source
    ]
    dob = _format_dates(dates, pl.Series(styles), pl.Series(ppl.female[person]))
    ids = _ids("ma", n)
    records = pl.DataFrame(
        {
            "record_id": ids,
            "source": source,
            "given_name": given_col,
            "family_name": family_col,
            "full_name": full_col,
            "dob": dob,
            "nationality": nat_col,
            "phone": phone_col,
            "gender": gender_col,
        },
        schema={
            c: pl.String
            for c in (
                "record_id",
                "source",
                "given_name",
                "family_name",
                "full_name",
                "dob",
                "nationality",
                "phone",
                "gender",
            )
        },
    )
    columns: ColumnMapping = {c: c for c in records.columns}
    return records, _truth(ids, person), columns


def _heavy_tailed_counts(rng: np.random.Generator, n: int, mean: float, cap: int) -> np.ndarray:
    """1..cap records per person, lognormal-shaped with about ``mean`` on average."""
    sigma = 0.8
    mu = np.log(mean) - sigma**2 / 2
    return np.clip(np.rint(rng.lognormal(mu, sigma, n)), 1, cap).astype(int)


def historical(people: int = 8000, seed: int = 0, noise: Noise | None = None) -> Generated:
    """Historical persons in the manner of Splink's ``historical_50k``: English names
    (many formal names with nicknames), born 1600-1899, 1-20 records each (~6 on
    average, heavy-tailed); dates often wrong or missing; birth place, postcode and
    occupation sometimes missing or changed. Sons named after their fathers, born in
    the same town, are the hard negatives.

    Columns: unique_id, first_name, surname, dob (ISO text), birth_place,
    postcode_fake, gender, occupation.
    """
    noise = noise or Noise(
        typo=0.1,
        phonetic=0.06,
        swap_names=0.01,
        initial=0.02,
        drop_middle=0.7,
        nickname=0.2,
        dob_missing=0.2,
        dob_swap=0.04,
        dob_digit=0.08,
        dob_placeholder=0.04,
        dob_year_offset=0.06,
        dob_year_only=0.0,
    )
    rng = np.random.default_rng(seed + 101)
    rnd = random.Random(seed + 101)
    ppl = _people(
        rng, people, ["en_GB"] * people, seed, (1600, 1899), english_formal=0.7, middle=0.15
    )
    en = pool("en_GB", seed)
    towns = en.towns[:250]
    birth_place = _zipf_pick(rng, towns, people, 0.9)
    postcode = _pick(rng, en.postcodes, people)
    occupation = _zipf_pick(rng, en.jobs, people, 0.6)
    # sons and daughters named after a parent, born in the same town 20-40 years later
    for i in np.flatnonzero(rng.random(people) < 0.06):
        j = int(rng.integers(0, people))
        if j == i:
            continue
        ppl.given[i], ppl.family[i], ppl.female[i] = ppl.given[j], ppl.family[j], ppl.female[j]
        ppl.year[i] = min(ppl.year[j] + int(rng.integers(20, 41)), 1899)
        birth_place[i] = birth_place[j]
        if rng.random() < 0.5:
            postcode[i] = postcode[j]
        if rng.random() < 0.4:
            occupation[i] = occupation[j]
    counts = _heavy_tailed_counts(rng, people, 6.0, 20)
    person = _explode(rng, counts)
    n = len(person)
    first_col, sur_col, bp_col, pc_col, occ_col, gender_col = [], [], [], [], [], []
    attr = replace(noise, field_missing=0.15, field_change=0.08, field_typo=0.04)
    for p in person.tolist():
        g, f = _corrupt_person_name(ppl.given[p], ppl.family[p], rnd, noise)
        first_col.append(g.split()[0] if g and rnd.random() < 0.8 else g)
        sur_col.append(f)
        bp_col.append(_mangle(birth_place[p], rnd, attr, towns))
        pc = postcode[p]
        if rnd.random() < 0.15:
            pc = rnd.choice(en.postcodes)  # moved
        pc_col.append(
            _mangle(pc, rnd, replace(attr, field_change=0.0, field_missing=0.2), en.postcodes)
        )
        occ_col.append(
            _mangle(
                occupation[p], rnd, replace(attr, field_missing=0.3, field_change=0.15), en.jobs
            )
        )
        r = rnd.random()
        sex = "female" if ppl.female[p] else "male"
        gender_col.append(None if r < 0.05 else (sex if r > 0.01 + 0.05 else "unknown"))
    dates = _record_dates(rng, ppl, person, noise)
    dob = _format_dates(dates, pl.Series(["iso"] * n), pl.Series(ppl.female[person]))
    ids = _ids("h", n)
    records = pl.DataFrame(
        {
            "unique_id": ids,
            "first_name": first_col,
            "surname": sur_col,
            "dob": dob,
            "birth_place": bp_col,
            "postcode_fake": pc_col,
            "gender": gender_col,
            "occupation": occ_col,
        },
        schema={
            c: pl.String
            for c in (
                "unique_id",
                "first_name",
                "surname",
                "dob",
                "birth_place",
                "postcode_fake",
                "gender",
                "occupation",
            )
        },
    )
    records = records.with_columns(
        pl.col("first_name", "surname", "birth_place", "occupation").str.to_lowercase()
    )
    columns: ColumnMapping = {
        "record_id": "unique_id",
        "given_name": "first_name",
        "family_name": "surname",
        "dob": "dob",
        "birthplace": "birth_place",
        "postcode": "postcode_fake",
        "gender": "gender",
        "occupation": "occupation",
    }
    return records, _truth(ids, person), columns


def _email(given: str, family: str, domain: str, style: int, num: int) -> str:
    g = strip_accents(given.split()[0]).replace("'", "")
    f = strip_accents(family).replace(" ", "").replace("'", "")
    local = (f"{g}.{f}", f"{g[:1]}{f}", f"{g}{f}{num}", f"{f}.{g}", f"{g}_{num}")[style % 5]
    return f"{local}@{domain}"


def _residents(
    people: int, seed: int, salt: int, locales: Sequence[str], english_formal: float = 0.0
) -> tuple[np.random.Generator, random.Random, People, list[str], list[str]]:
    """People living in Western Europe, each with a town and postcode of their locale."""
    rng = np.random.default_rng(seed + salt)
    rnd = random.Random(seed + salt)
    locs = list(rng.choice(list(locales), people))
    ppl = _people(rng, people, locs, seed, (1940, 2006), english_formal=english_formal)
    towns, postcodes = [], []
    for loc in locs:
        p = pool(loc, seed)
        k = int(rng.integers(0, 60))  # a few towns per locale, so many share one
        towns.append(p.towns[k])
        postcodes.append(p.postcodes[int(rng.integers(0, len(p.postcodes)))])
    return rng, rnd, ppl, towns, postcodes


def no_dates(people: int = 4000, seed: int = 0, noise: Noise | None = None) -> Generated:
    """People without any date of birth: first_name, surname, town, postcode, email.
    Siblings share surname, town and postcode; namesakes share names and town."""
    noise = noise or Noise()
    locales = ("en_GB", "fr_FR", "de_DE", "nl_NL")
    rng, rnd, ppl, towns, postcodes = _residents(people, seed, 202, locales)
    sibling_of, namesake_of = _relatives(rng, ppl, share=0.1, twins=0.0, namesakes=0.05)
    for i in np.flatnonzero((sibling_of >= 0) | (namesake_of >= 0)):
        j = max(sibling_of[i], namesake_of[i])
        towns[i] = towns[j]
        if sibling_of[i] >= 0:
            postcodes[i] = postcodes[j]
    emails = [
        _email(ppl.given[i], ppl.family[i], pool(ppl.locale[i], seed).domains[i % 50], i, i % 97)
        for i in range(people)
    ]
    person = _explode(rng, _records_per_person(rng, people, 1.2, 8))
    rows: dict[str, list[str | None]] = {
        k: [] for k in ("first_name", "surname", "town", "postcode", "email")
    }
    all_towns = [t for loc in locales for t in pool(loc, seed).towns[:60]]
    all_postcodes = [c for loc in locales for c in pool(loc, seed).postcodes[:200]]
    for p in person.tolist():
        g, f = _corrupt_person_name(ppl.given[p], ppl.family[p], rnd, noise)
        rows["first_name"].append(_style_name(g, False, rnd, noise) if g else None)
        rows["surname"].append(_style_name(f, False, rnd, noise) if f else None)
        rows["town"].append(_mangle(towns[p], rnd, noise, all_towns))
        rows["postcode"].append(
            _mangle(postcodes[p], rnd, replace(noise, field_missing=0.15), all_postcodes)
        )
        email = emails[p]
        if rnd.random() < 0.15:
            email = _email(ppl.given[p], ppl.family[p], "mail.example", p + 1, p % 89)
        rows["email"].append(
            _mangle(email, rnd, replace(noise, field_missing=0.3, field_change=0.0), [])
        )
    ids = _ids("nd", len(person))
    records = pl.DataFrame({"record_id": ids, **rows}, schema_overrides={"record_id": pl.String})
    records = records.with_columns(pl.all().cast(pl.String))
    columns: ColumnMapping = {
        "record_id": "record_id",
        "given_name": "first_name",
        "family_name": "surname",
        "city": "town",
        "postcode": "postcode",
        "email": "email",
    }
    return records, _truth(ids, person), columns


def year_only(people: int = 4000, seed: int = 0, noise: Noise | None = None) -> Generated:
    """People whose date of birth is known as a year only: given_name, family_name,
    birth_year, city, gender. Namesakes share the year."""
    noise = noise or Noise()
    locales = ("en_GB", "fr_FR", "de_DE", "nl_NL", "tr_TR", "pl_PL", "it_IT", "ro_RO")
    rng, rnd, ppl, towns, _ = _residents(people, seed, 303, locales)
    _relatives(rng, ppl, share=0.1, twins=0.1, namesakes=0.06)
    person = _explode(rng, _records_per_person(rng, people, 1.5, 8))
    all_towns = [t for loc in locales for t in pool(loc, seed).towns[:60]]
    rows: dict[str, list[str | None]] = {
        k: [] for k in ("given_name", "family_name", "birth_year", "city", "gender")
    }
    for p in person.tolist():
        g, f = _corrupt_person_name(ppl.given[p], ppl.family[p], rnd, noise)
        rows["given_name"].append(_style_name(g, False, rnd, noise) if g else None)
        rows["family_name"].append(_style_name(f, False, rnd, noise) if f else None)
        r = rnd.random()
        year = int(ppl.year[p]) + (rnd.choice((-1, 1)) if r < 0.08 else 0)
        rows["birth_year"].append(None if r > 0.9 else str(year))
        rows["city"].append(_mangle(towns[p], rnd, noise, all_towns))
        rows["gender"].append(None if rnd.random() < 0.1 else "FM"[int(not ppl.female[p])])
    ids = _ids("yo", len(person))
    records = pl.DataFrame({"record_id": ids, **rows}).with_columns(pl.all().cast(pl.String))
    columns: ColumnMapping = {
        "record_id": "record_id",
        "given_name": "given_name",
        "family_name": "family_name",
        "dob": "birth_year",
        "city": "city",
        "gender": "gender",
    }
    return records, _truth(ids, person), columns


def exact_duplicates(people: int = 4000, seed: int = 0, noise: Noise | None = None) -> Generated:
    """Mostly exact copies: 85% of duplicate records are identical to the person's first
    record, the rest carry one corruption. given_name, family_name, dob (ISO), city,
    postcode, email."""
    noise = noise or Noise(typo=0.5, phonetic=0.3, drop_middle=0.0, case=0.0)
    locales = ("en_GB", "fr_FR", "de_DE", "nl_NL", "nl_BE")
    rng, rnd, ppl, towns, postcodes = _residents(people, seed, 404, locales)
    _relatives(rng, ppl, share=0.08, twins=0.05, namesakes=0.04)
    counts = _records_per_person(rng, people, 0.9, 6)
    person = np.repeat(np.arange(people), counts)
    first = np.r_[True, person[1:] != person[:-1]]
    iso = [f"{y:04d}-{m:02d}-{d:02d}" for y, m, d in zip(ppl.year, ppl.month, ppl.day, strict=True)]
    emails = [
        _email(ppl.given[i], ppl.family[i], pool(ppl.locale[i], seed).domains[i % 50], i, i % 97)
        for i in range(people)
    ]
    fields = ("given_name", "family_name", "dob", "city", "postcode", "email")
    rows: dict[str, list[str | None]] = {k: [] for k in fields}
    for p, is_first in zip(person.tolist(), first.tolist(), strict=True):
        values: dict[str, str | None] = {
            "given_name": ppl.given[p].title(),
            "family_name": ppl.family[p].title(),
            "dob": iso[p],
            "city": towns[p],
            "postcode": postcodes[p],
            "email": emails[p],
        }
        if not is_first and rnd.random() < 0.15:
            field = rnd.choice(fields)
            value = values[field]
            if rnd.random() < 0.3:
                values[field] = None
            elif value and field in ("given_name", "family_name"):
                values[field] = corrupt_token(value.lower(), rnd, noise).title()
            elif value:
                values[field] = typo(value, rnd)
        for k in fields:
            rows[k].append(values[k])
    order = rng.permutation(len(person))
    ids = _ids("ex", len(person))
    records = pl.DataFrame({"record_id": ids, **rows})[order].with_columns(record_id=pl.Series(ids))
    records = records.with_columns(pl.all().cast(pl.String))
    columns: ColumnMapping = {"record_id": "record_id", **{k: k for k in fields}}
    return records, _truth(ids, person[order]), columns


def english_nicknames(people: int = 4000, seed: int = 0, noise: Noise | None = None) -> Generated:
    """English people, most with a formal given name; half of their records use a
    nickname (Bill, Peggy, Liz, ...). given_name, family_name, dob (dd/mm/yyyy), city,
    phone (UK formats)."""
    noise = noise or Noise(nickname=0.5, typo=0.04, phonetic=0.02, dob_missing=0.05)
    rng, rnd, ppl, towns, _ = _residents(people, seed, 505, ("en_GB",), english_formal=0.85)
    sibling_of, _ = _relatives(rng, ppl, share=0.1, twins=0.1, namesakes=0.06)
    phone = _national_numbers(rng, ["uk"] * people)
    for i in np.flatnonzero(sibling_of >= 0):
        if rng.random() < 0.5:
            phone[i] = phone[sibling_of[i]]
    person = _explode(rng, _records_per_person(rng, people, 1.5, 8))
    en_towns = pool("en_GB", seed).towns[:60]
    rows: dict[str, list[str | None]] = {
        k: [] for k in ("given_name", "family_name", "city", "phone")
    }
    for p in person.tolist():
        g, f = _corrupt_person_name(ppl.given[p], ppl.family[p], rnd, noise)
        rows["given_name"].append(_style_name(g, False, rnd, noise) if g else None)
        rows["family_name"].append(_style_name(f, False, rnd, noise) if f else None)
        rows["city"].append(_mangle(towns[p], rnd, noise, en_towns))
        r = rnd.random()
        rows["phone"].append(None if r < 0.45 else format_phone(phone[p], "uk", r > 0.8))
    dates = _record_dates(rng, ppl, person, noise)
    dob = _format_dates(
        dates, pl.Series(["dmy_slash"] * len(person)), pl.Series(ppl.female[person])
    )
    ids = _ids("en", len(person))
    records = pl.DataFrame({"record_id": ids, **rows, "dob": dob}).with_columns(
        pl.all().cast(pl.String)
    )
    columns: ColumnMapping = {
        "record_id": "record_id",
        "given_name": "given_name",
        "family_name": "family_name",
        "dob": "dob",
        "city": "city",
        "phone": "phone",
    }
    return records, _truth(ids, person), columns


VARIANTS: dict[str, Callable[..., Generated]] = {
    "multi_agency": multi_agency,
    "historical": historical,
    "no_dates": no_dates,
    "year_only": year_only,
    "exact_duplicates": exact_duplicates,
    "english_nicknames": english_nicknames,
}
