"""The one language convention: the :data:`Lang` type and the one read of the language setting.

Every domain's words module (``journal/words.py``, ``study/words.py``, ``judge/words.py``,
``train/words.py``) takes a :data:`Lang` and returns labels, marks, summary lines and table
headers in Korean or English. The CLI and the app both call them with :func:`current_lang`, so
they never word a thing differently.

The convention: ``"en"`` is English; anything else (the default ``"ko"``, an unset or unknown
value) is Korean, the language of the bootcamp's posts.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Literal

Lang = Literal["ko", "en"]

#: The languages a user can choose (``studylog config language ko|en``).
LANGS: tuple[Lang, ...] = ("ko", "en")

_cache: dict[tuple[str, int], Lang] = {}


def as_lang(value: str | None) -> Lang:
    """``value`` as a :data:`Lang`: ``"en"`` is English, anything else Korean."""
    return "en" if value == "en" else "ko"


def current_lang() -> Lang:
    """The language setting, read once per process (again only if the settings file changes).

    A settings file that cannot be read gives the default (Korean): the command that reads the
    settings for its own work reports the file's problem.
    """
    import tomllib

    from studylog.paths import config_path

    path = config_path()
    try:
        stamp = Path(path).stat().st_mtime_ns
    except OSError:
        stamp = -1
    key = (str(path), stamp)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    try:
        with open(path, "rb") as fh:
            value = tomllib.loads(fh.read(1_000_001).decode("utf-8")).get("language")
        lang = as_lang(value if isinstance(value, str) else None)
    except (OSError, ValueError):  # none, or broken: reported where the settings are used
        lang = "ko"
    _cache.clear()
    _cache[key] = lang
    return lang


def pick(lang: Lang, ko: str, en: str) -> str:
    """``ko`` or ``en`` for ``lang``: the one-line form of a two-language word."""
    return en if lang == "en" else ko


def say(ko: str, en: str) -> str:
    """``ko`` or ``en`` in the language setting: how an error message (a :class:`UserError`, a
    :class:`CheckFailed`, a fault line) or a warning on stderr is worded where it is raised, so a
    Korean user reads one language on stdout and stderr alike."""
    return pick(current_lang(), ko, en)


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes (Hangul and other wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_JAMO = re.compile("[\u1100-\u1112][\u1161-\u1175][\u11a8-\u11c2]?")  # L V (T): one syllable


def compose_hangul(text: str) -> str:
    """``text`` with decomposed Hangul syllables composed. Hangul typed or pasted on macOS (and
    copied from some PDFs) can arrive as conjoining jamo (NFD): it looks the same but matches
    nothing typed elsewhere. Only those jamo runs change (not a full NFC, which would also
    merge the CJK compatibility ideographs some Korean hanja are written with)."""
    if not _JAMO.search(text):
        return text
    return _JAMO.sub(lambda m: unicodedata.normalize("NFC", m.group()), text)
