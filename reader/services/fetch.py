"""Fetching a web page for import: a timeout, a size cap, redirects, and the response's charset.

Standard library only (urllib): one GET per page is all the importer needs. Every failure
becomes a FetchError whose message is one line for the user ("the server answered 404 Not
Found", "no answer within 20 s").
"""

from __future__ import annotations

import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from reader import __version__
from reader.domain.errors import ReaderError
from reader.importers import MAX_SOURCE_BYTES

TIMEOUT_SECONDS = 20.0
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_USER_AGENT = f"Mozilla/5.0 (compatible; Reader/{__version__}; +local article reader)"


class FetchError(ReaderError):
    """A web address that could not be fetched as a page; `str(error)` says why in one line."""


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page: the address asked for, where it ended up after redirects, its bytes."""

    url: str
    final_url: str
    data: bytes
    charset: str | None


def is_url(text: str) -> bool:
    """True for http:// and https:// addresses (what `reader import` fetches instead of reading)."""
    return text.strip().lower().startswith(("http://", "https://"))


def fetch_page(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_SOURCE_BYTES) -> FetchedPage:
    """GET `url` (redirects followed) and return the page; raises FetchError with a reason."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not a web address (it must start with http:// or https:// and name a server)")
    request = urllib.request.Request(url.strip(), headers={
        "User-Agent": _USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "identity",
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if response.headers.get("Content-Type") and content_type not in _PAGE_TYPES:
                raise FetchError(f"not a web page (the server sent {content_type})")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"the page is larger than {_size(max_bytes)}")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise FetchError(f"the page is larger than {_size(max_bytes)}")
            return FetchedPage(url.strip(), response.geturl(), data, response.headers.get_content_charset())
    except urllib.error.HTTPError as error:
        raise FetchError(f"the server answered {error.code} {error.reason}".strip()) from None
    except urllib.error.URLError as error:
        raise FetchError(_reason(error.reason, parts.hostname, timeout)) from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"no answer within {timeout:g} s") from None
    except (OSError, ValueError) as error:  # connection reset mid-body, malformed response
        raise FetchError(f"the connection failed ({error})") from None


def _reason(reason: object, host: str, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return f"cannot find the server {host} (DNS lookup failed)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return f"the server {host} refused the connection"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({reason.reason or reason})"
    return f"cannot connect to {host} ({reason})"


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count} bytes"
