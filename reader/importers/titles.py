"""Article titles: the headline without the " | Site name" a page appends to it."""

from __future__ import annotations

import re
from collections.abc import Sequence

_SEPARATOR = re.compile(r"\s+(?:[|\u2013\u2014\u00b7\u2022\u00bb:~/]|-{1,2}|::)\s+")
_MAX_TAIL_WORDS = 6


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def squash(text: str) -> str:
    """A title's words, lower case, run together: the key titles are compared by."""
    return "".join(_words(text))


def names_site(part: str, site: str) -> bool:
    """True when `part` names the site (its name, its host name, or a shortened one)."""
    part_key, site_key = squash(part), squash(site)
    if not part_key or not site_key:
        return False
    host_key = squash(site.split(".")[0]) if "." in site and " " not in site else site_key
    return part_key in (site_key, host_key) or (len(part_key) >= 4 and (part_key in site_key or site_key in part_key))


def strip_site(title: str, site: str) -> str:
    """`title` without leading or trailing parts that name `site`."""
    parts = _SEPARATOR.split(title)
    while len(parts) > 1 and len(parts[-1].split()) <= _MAX_TAIL_WORDS and names_site(parts[-1], site):
        parts.pop()
    while len(parts) > 1 and len(parts[0].split()) <= _MAX_TAIL_WORDS and names_site(parts[0], site):
        parts.pop(0)
    if len(parts) == len(_SEPARATOR.split(title)):
        return title
    # rebuild from the original text so separators inside the headline survive
    first, last = parts[0], parts[-1]
    start = title.find(first)
    end = title.rfind(last) + len(last)
    return title[start:end].strip()


def clean_title(candidates: Sequence[str], headings: Sequence[str] = (), site: str = "",
                confirmed: Sequence[str] = ()) -> str:
    """The best headline among `candidates` (best source first), cleaned of site-name parts.

    A page's own <h1> wins when the page's metadata (`confirmed`: JSON-LD, meta tags, <title>)
    gives it word for word, when the best candidate is its first words (a title cut short for
    sharing), or when it is one of the separated parts of a candidate: that is the headline
    as the page shows it. Otherwise the first candidate loses the parts naming the site, and
    a tail shared by several candidates (the site's suffix) is dropped too.
    """
    cleaned = [" ".join(c.split()) for c in candidates if c and c.strip()]
    if not cleaned:
        return " ".join(headings[0].split()) if headings else ""
    shown = [" ".join(h.split()) for h in headings if len(_words(h)) >= 2]
    confirmed_keys = {squash(c) for c in confirmed}
    for heading in shown:
        if squash(heading) in confirmed_keys:
            return heading
    best = strip_site(cleaned[0], site)
    best_words = _words(best)
    for heading in shown:
        heading_words = _words(heading)
        if len(best_words) >= 4 and len(heading_words) > len(best_words) and heading_words[:len(best_words)] == best_words:
            return heading
    parts = _SEPARATOR.split(best)
    if len(parts) > 1:
        heading_keys = {squash(h) for h in shown}
        for part in parts:
            if squash(part) in heading_keys:
                return part.strip()
        shorter = [c for c in cleaned[1:] if squash(c) and best.startswith(c) and len(c) < len(best)]
        tail = best[len(shorter[0]):] if shorter else ""
        if shorter and _SEPARATOR.match(tail) and len(tail.split()) <= _MAX_TAIL_WORDS + 1:
            return shorter[0].strip()
    return best.strip()
