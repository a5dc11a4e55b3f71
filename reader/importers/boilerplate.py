"""Lines that are page furniture, not article text: share buttons, sign-up boxes, footers.

These rules look at one short line at a time and know the phrases sites put around an
article in many languages' worth of English UI. They are deliberately strict about length:
a real paragraph that happens to mention "subscribe" is never long enough to match.
"""

from __future__ import annotations

import re

# Whole-line phrases: the line is nothing but this (with a little punctuation around).
_WHOLE = re.compile(
    r"""^[\W_]*(
        advertisements?|ad(vert)?|sponsored( content)?|promoted( stories)?|paid (post|content)|
        (share|tweet|pin|email|e-mail|print|save|comment|like|follow)( (this|the|on))?( (article|story|page|post|link))?|
        share (on|via|to) \w+|share this:?|share (the|this) story|
        (facebook|twitter|linkedin|pinterest|reddit|whatsapp|telegram|messenger|flipboard|email|copy link|print)+|
        (read|see|view|show|load) (more|less|all|full story|full article|comments?)|continue reading|
        (leave|post|add|view|show|hide|load) (a |the )?(comments?|reply|replies)|\d+ comments?|comments?|no comments( yet)?|
        related( (articles?|stories|coverage|content|posts?|links|news|topics|reading))?|
        (more|recommended|popular|trending|latest|top|most read|most popular)( (stories|articles|news|posts|videos|from [\w .]+))?|
        (you (may|might) (also )?like|you may have missed|don'?t miss|also (read|see)|further reading|what to read next|more on this( story)?)|
        (sign ?up|subscribe|register|log ?in|sign ?in|log ?out|join( now| us| today)?)( (now|here|today|for free))?|
        (newsletter|subscribe to (our|the) newsletter)|
        (tags?|topics?|filed under|categories|category|keywords)|
        (back to top|skip to (main )?content|close|menu|search|home|next|previous|prev|next article|previous article)|
        (thanks?( you)? for (signing up|subscribing|reading))|
        (image|photo|video|graphic)s?|(watch|listen)( now)?|play( video)?|
        (order reprints|print article|reprints?( & permissions)?|licensing|permissions)|
        (loading|please wait)\.*|
        (this (article|story|page) (has been|was) (sent|shared)( to)?)
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Line beginnings that mark furniture whatever follows (kept short by the length check).
_START = re.compile(
    r"""^[\W_]*(
        copyright\b|\u00a9|\(c\)\s*\d{4}|all rights reserved|
        (sign|signing) up (for|to)\b|subscribe (to|for|now)\b|get (our|the) [\w ]*newsletter|
        follow (us|me|@)|like us on|join (us|our|the)\b|
        (click|tap) here|
        (read|see) (more|also|next|the full)\b|also on\b|related (coverage|articles?|stories|content|links?|reading)\b|
        more (from|on|about|stories)\b|recommended for you|sponsored by|
        (share|like) this\b|
        this (site|page) is protected by recaptcha|protected by recaptcha|
        (by (using|continuing)|we use) (this (site|website)|cookies)|
        an error has occurred|there was an error|something went wrong|
        (please )?(enable|turn on) javascript|your browser does not support|
        (you are|you're) (now )?(subscribed|signed up)|thanks? (you )?for (signing|subscribing|reading)|
        let your voice be heard|
        (write|send) (to|us)\b.*@|
        (posted|published|updated|last (updated|modified))( on| at)?:?\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_WORDS = 22


def is_boilerplate(line: str) -> bool:
    """True when a short line is page furniture (share, sign-up, comments, copyright...)."""
    line = line.strip()
    if not line:
        return True
    if len(line.split()) > _MAX_WORDS:
        return False
    return bool(_WHOLE.match(line) or _START.match(line))
