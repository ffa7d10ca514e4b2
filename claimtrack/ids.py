"""Ids derived from content, for records added without one.

The same content always gives the same id, so applying a changeset twice, or two people adding
the same actor, meet on one record instead of making two. Short names (actors, agreements) become
readable slugs; long texts (commitments, claims, sources) get a slug of their first words and a
hash of the whole text, so two pledges that begin alike still get different ids.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["derived_id", "slug"]

_NOT_ID = re.compile(r"[^a-z0-9]+")

#: Words of a long text that go into its slug.
_SLUG_WORDS = 6

#: Hex digits of the content hash appended to slugs of long texts.
_HASH_DIGITS = 6


def slug(text: str, *, words: int | None = None) -> str:
    """Lower-case ASCII letters and digits of ``text``, joined by ``-`` (at most ``words`` words).

    Accents are dropped (``Pērkons`` -> ``perkons``); text in other scripts yields no letters,
    so ``derived_id`` falls back on the hash alone.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    parts = [part for part in _NOT_ID.split(ascii_text.lower()) if part]
    if words is not None:
        parts = parts[:words]
    return "-".join(parts)


def _digest(text: str) -> str:
    normalised = unicodedata.normalize("NFC", " ".join(text.split()))
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()


def derived_id(prefix: str, text: str, *, hashed: bool) -> str:
    """The id of a record with this text: ``PREFIX-slug`` or ``PREFIX-slug-HASH``.

    ``hashed`` adds the first hex digits of a hash of the whole text (whitespace collapsed,
    NFC): used for long texts, whose first words may repeat. A text without Latin letters or
    digits always gets the hash.
    """
    words = slug(text, words=_SLUG_WORDS if hashed else None)
    parts = [part for part in (prefix, words) if part]
    if hashed or not words:
        parts.append(_digest(text)[:_HASH_DIGITS])
    return "-".join(parts)
