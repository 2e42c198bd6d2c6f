"""When two names are the same person: ``name_key`` folds what a typist varies without meaning to.

Case, spacing and accents do not make another person ("Fatma  Yilmaz", "fatma yılmaz" and
"Fátma Yilmaz" are one key). Used to give one person one pseudonym across the maps of one export.
"""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark, folded by hand.
_FOLDED = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def name_key(name: str) -> str:
    """The name as a matching key: no case, no accents, one space between words, no invisible marks."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_FOLDED))
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")
    return " ".join(kept.split())
