"""Lines that are page furniture, not article text: share buttons, sign-up boxes, footers.

These rules look at one short line at a time and know the phrases sites put around an
article in many languages' worth of English UI. They are deliberately strict about length:
a real paragraph that happens to mention "subscribe" is never long enough to match.
"""

from __future__ import annotations

import re

# Whole-line phrases: the line is nothing but this (with a little punctuation around).
_WHOLE_PHRASES = (
    r"advertisements?|ad(vert)?|sponsored( content)?|promoted( stories)?|paid (post|content)",
    r"(share|tweet|pin|email|e-mail|print|save|comment|like|follow)( (this|the|on))?( (article|story|page|post|link))?",
    r"share (on|via|to) \w+|share this:?|share (the|this) story",
    r"(facebook|twitter|linkedin|pinterest|reddit|whatsapp|telegram|messenger|flipboard|email|copy link|print)+",
    r"(read|see|view|show|load) (more|less|all|full story|full article|comments?)|continue reading",
    r"(leave|post|add|view|show|hide|load) (a |the )?(comments?|reply|replies)|\d+ comments?|comments?|no comments( yet)?",
    r"related( (articles?|stories|coverage|content|posts?|links|news|topics|reading))?",
    r"(more|recommended|popular|trending|latest|top|most read|most popular)( (stories|articles|news|posts|videos))?",
    r"you (may|might) (also )?like|you may have missed|don'?t miss|also (read|see)|further reading|what to read next",
    r"(sign ?up|subscribe|register|log ?in|sign ?in|log ?out|join( now| us| today)?)( (now|here|today|for free))?",
    r"newsletters?|subscribe to (our|the) newsletter",
    r"tags?|topics?|filed under|categories|category|keywords",
    r"back to top|skip to (main )?content|close|menu|search|home|next|previous|prev|next article|previous article",
    r"thanks?( you)? for (signing up|subscribing|reading)",
    r"(image|photo|video|graphic)s?|(watch|listen)( now)?|play( video)?",
    r"order reprints|print article|reprints?( & permissions)?|licensing|permissions",
    r"(loading|please wait)\.*",
    r"this (article|story|page) (has been|was) (sent|shared)( to)?",
)
# Line beginnings that mark furniture whatever follows (kept short by the length check).
_START_PHRASES = (
    r"copyright\b|\u00a9|\(c\) ?\d{4}|all rights reserved",
    r"(sign|signing) up (for|to)\b|subscribe (to|for|now)\b|get (our|the) [\w ]*newsletter",
    r"follow (us|me|@)|like us on|join (us|our|the)\b|(click|tap) here",
    r"(read|see) (more|also|next|the full)\b|also on\b|related (coverage|articles?|stories|content|links?|reading)\b",
    r"more (from|on|about|stories)\b|recommended for you|sponsored by|(share|like) this\b",
    r"this (site|page) is protected by recaptcha|protected by recaptcha",
    r"(by (using|continuing)|we use) (this (site|website)|cookies)",
    r"an error has occurred|there was an error|something went wrong",
    r"(please )?(enable|turn on) javascript|your browser does not support",
    r"(you are|you're) (now )?(subscribed|signed up)|thanks? (you )?for (signing|subscribing|reading)",
    r"let your voice be heard|(write|send) (to|us)\b.*@",
    r"(posted|published|updated|last (updated|modified))( on| at)?:?\s*$",
)


def _compile(phrases: tuple[str, ...], whole: bool) -> re.Pattern[str]:
    # a space in a phrase stands for any run of white space
    body = "|".join(f"(?:{phrase})" for phrase in phrases).replace(" ", r"\s+")
    return re.compile(rf"^[\W_]*(?:{body})" + (r"[\W_]*$" if whole else ""), re.IGNORECASE)


_WHOLE = _compile(_WHOLE_PHRASES, whole=True)
_START = _compile(_START_PHRASES, whole=False)
_MAX_WORDS = 22


def is_boilerplate(line: str) -> bool:
    """True when a short line is page furniture (share, sign-up, comments, copyright...)."""
    line = line.strip()
    if not line:
        return True
    if len(line.split()) > _MAX_WORDS:
        return False
    return bool(_WHOLE.match(line) or _START.match(line))
