"""An HTML page's metadata from every source it offers, and the best value of each field.

Sources, in the order they are trusted: JSON-LD (schema.org Article types), OpenGraph and
other meta tags, microdata (itemprop), the page's own markup (h1, <title>, bylines, <time>,
<html lang>, rel=canonical), and what trafilatura found. Titles lose their " | Site" tails.
"""

from __future__ import annotations

import html
import json
import warnings
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree

from reader.domain.dates import normalize_iso
from reader.importers.bylines import find_byline, name_line
from reader.importers.people import clean_author
from reader.importers.titles import clean_title, names_site, squash

_ARTICLE_TYPES = re.compile(r"article|posting|report|story|webpage|creativework", re.IGNORECASE)
_TITLE_META = ("og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title")
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author",
                "citation_author", "dcterms.creator", "twitter:creator")
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate",
              "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
              "sailthru.date", "parsely-pub-date", "citation_publication_date", "article.published",
              "original-publish-date", "og:article:published_time", "article:published")
# Where a page writes its byline: an element whose class says so, or the one holding links to writers' pages.
# lxml picks the candidate links (a page has hundreds); _WRITER_PAGE then checks the path exactly.
_BYLINE_XPATH = ("//*[contains(@class, 'byline') or contains(@class, 'author')] | //a[@rel='author' or "
                 "contains(@href, '/author/') or contains(@href, '/authors/') or contains(@href, '/staff/')]")
_WRITER_PAGE = re.compile(r"/(?:author|authors|staff)/[^/?#]+")  # a writer's page, not the list of them
_MENU = re.compile(r"\b(?:nav|menu|footer)", re.IGNORECASE)
_MAX_BYLINE_WORDS = 30
# A box of readers' comments ("comments", "comment-list", "comment_1"), not a "commentable" article wrapper.
_COMMENTS = re.compile(r"\bcomments?(?![a-z])", re.IGNORECASE)
_SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site")


@dataclass(frozen=True)
class PageMetadata:
    """The metadata chosen for an article."""

    title: str = ""
    author: str = ""
    published: str | None = None
    site: str = ""
    url: str = ""
    language: str = ""


class MetadataSources:
    """What a page says about itself, read once from its tree before extraction prunes it."""

    def __init__(self, tree: etree._Element, url: str = "") -> None:
        self.url = url
        self.meta = _meta_tags(tree)
        self.ld = list(_json_ld_articles(tree))
        h1s = list(tree.iter("h1"))
        # an <h1> that links to the home page is the site's logo, not a headline
        self.logos = {_text(h) for h in h1s if _links_home(h)}
        self.headings = [text for text in map(_text, h1s) if text not in self.logos]
        self.titles = [_text(e) for e in tree.iter("title")]
        self.itemprops: dict[str, list[str]] = {}
        for element in tree.xpath("//*[@itemprop='headline' or @itemprop='author' or @itemprop='datePublished']"):
            if element.tag != "meta" and not _in_comment(element):  # a comment's author wrote no article
                value = element.get("content") or element.get("datetime") or _text(element)
                self.itemprops.setdefault(element.get("itemprop"), []).append(value)
        self.bylines = _bylines(tree)
        self.canonical = [link.get("href", "") for link in tree.iterfind(".//link[@rel='canonical']")]
        self.lang = tree.get("lang", "") if tree.tag == "html" else ""
        # the host its own links name, when no address was given (read now: extraction prunes the tree)
        self.host = "" if urlsplit(url).hostname else _own_host(tree, self.canonical, self.meta.get("og:url", ""))

    def best(self, document=None) -> PageMetadata:
        """The best value of each field; `document` (trafilatura's result) is the last resort."""
        meta, ld = self.meta, self.ld
        hostname = urlsplit(self.url).hostname or self.host
        site = _first(
            *(meta.get(name, "") for name in _SITE_META[:3]),
            *(_name_of(item.get("publisher")) for item in ld),
            getattr(document, "sitename", "") or "",
            hostname.removeprefix("www."),
        ).lstrip("@")
        ld_titles = [str(item.get("headline") or item.get("name") or "") for item in ld]
        meta_titles = [meta.get(name, "") for name in _TITLE_META]
        microdata_titles = self.itemprops.get("headline", [])
        raw_titles = [*ld_titles, *meta_titles, *microdata_titles, getattr(document, "title", "") or "", *self.titles]
        logos = {squash(logo) for logo in self.logos}
        # what the page itself says its title is, to confirm an <h1> with: not trafilatura's guess
        # (it may be the <h1> itself), nor microdata headlines past the first (those of teasers)
        confirmed = [*ld_titles, *meta_titles, *microdata_titles[:1], *self.titles]
        title = clean_title([html.unescape(t) for t in raw_titles if t.strip() and squash(t) not in logos],
                            self.headings, site, confirmed=[html.unescape(t) for t in confirmed])
        authors = [
            *(_authors_of(item.get("author") or item.get("creator")) for item in ld),
            *(meta.get(name, "") for name in _AUTHOR_META),
            ", ".join(self.itemprops.get("author", [])),
            getattr(document, "author", "") or "",
        ]
        named = [name for name in (clean_author(a, site) for a in authors if a) if name]
        # a person before the publisher's own name: JSON-LD often credits the site ("AppleInsider")
        # where the byline names the people who wrote it
        author = next((name for name in named if not names_site(name, site)), named[0] if named else "")
        publishers = {_name_of(item.get("author")) for item in ld if _is_organization(item.get("author"))}
        author = _with_byline(author, self.bylines, credits_publisher=not author or names_site(author, site)
                              or author in publishers)
        published = _first_date(
            *(str(item.get("datePublished") or item.get("dateCreated") or "") for item in ld),
            *(meta.get(name, "") for name in _DATE_META),
            *self.itemprops.get("datePublished", []),
            getattr(document, "date", "") or "",
        )
        canonical = _first(*self.canonical, meta.get("og:url", ""))
        language = _first(self.lang, *(str(item.get("inLanguage") or "") for item in ld),
                          meta.get("content-language", ""), meta.get("og:locale", ""),
                          getattr(document, "language", "") or "")
        return PageMetadata(
            title=title,
            author=author,
            published=published,
            site=site,
            url=self.url or (canonical if canonical.startswith(("http://", "https://")) else ""),
            language=language.replace("_", "-").split(",")[0].strip(),
        )


def _bylines(tree: etree._Element) -> list[str]:
    """The names the page's byline elements give, in page order, none from readers' comments."""
    found = []
    for element in tree.xpath(_BYLINE_XPATH):
        if element.tag == "a":  # a link to a writer's page: the byline is what holds it
            if element.get("rel") != "author" and not _WRITER_PAGE.search(element.get("href", "")):
                continue
            element = element.getparent()
        text = _text(element) if element is not None else ""
        if element is None or element.tag in ("meta", "script", "style") or not text \
                or len(text.split()) > _MAX_BYLINE_WORDS or _in_comment(element) or _in_menu(element):
            continue
        names = find_byline(text) or name_line(text)
        if names and names not in found:
            found.append(names)
    return found


def _in_menu(element: etree._Element) -> bool:
    """Whether an element is in the page's navigation or footer."""
    return any(node.tag in ("nav", "footer") or _MENU.search(f"{node.get('class') or ''} {node.get('id') or ''}")
               for node in (element, *element.iterancestors()))


def _people(names: str) -> list[str]:
    return [name.lower() for name in re.split(r"\s*(?:,|;|\band\b|&)\s*", names) if name.strip()]


def _with_byline(author: str, bylines: list[str], credits_publisher: bool) -> str:
    """The author, or what the page's byline shows instead: all the writers where the metadata names
    one of them ("Jane Doe" -> "Jane Doe, John Roe"), the first byline's writers where the metadata
    names nobody or only the publisher."""
    if credits_publisher:
        return bylines[0] if bylines else author
    people = set(_people(author))
    # the others must read as people (two to four words): "Reuters, Washington" adds a dateline
    wider = [names for names in bylines if people < set(_people(names))
             and all(2 <= len(other.split()) <= 4 for other in set(_people(names)) - people)]
    return wider[0] if wider else author


def _is_organization(value) -> bool:
    if isinstance(value, list):
        value = value[0] if value else None
    return isinstance(value, dict) and "organization" in str(value.get("@type", "")).lower()


def _links_home(element: etree._Element) -> bool:
    """Whether an element is, holds or sits in a link to a site's home page ("/", "https://host/")."""
    for link in (*element.iter("a"), *element.iterancestors("a")):
        parts = urlsplit(link.get("href", "").strip())
        if not parts.query and parts.path.strip("./") in ("", "index.html", "index.php", "index.htm") \
                and (parts.path or parts.netloc):
            return True
    return False


_MIN_OWN_LINKS = 5  # links to one host it takes to call that host the page's own


def _own_host(tree: etree._Element, canonical: list[str], og_url: str) -> str:
    """The page's host name when no address was given: from rel=canonical or og:url, else the host
    most of its absolute links point to (its own navigation and footer)."""
    for url in (*canonical, og_url):
        host = urlsplit(url.strip()).hostname or ""
        if host:
            return host.removeprefix("www.")
    hosts = Counter(
        (urlsplit(href).hostname or "").removeprefix("www.")
        for href in (a.get("href", "").strip() for a in tree.iter("a"))
        if href.startswith(("http://", "https://")))
    hosts.pop("", None)
    if not hosts:
        return ""
    host, count = hosts.most_common(1)[0]
    return host if count >= _MIN_OWN_LINKS and count >= 0.3 * sum(hosts.values()) else ""


def _in_comment(element: etree._Element) -> bool:
    """Whether an element is inside a reader's comment (schema.org Comment, itemprop="comment", or a
    box whose class or id names comments)."""
    for node in (element, *element.iterancestors()):
        if node.get("itemprop") == "comment" or "Comment" in (node.get("itemtype") or "") \
                or _COMMENTS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


def _first(*values: str) -> str:
    for value in values:
        value = " ".join(html.unescape(str(value or "")).split())
        if value:
            return value
    return ""


def _first_date(*values: str) -> str | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateutil warns about time zone names it does not know
        for value in values:
            iso = normalize_iso(str(value).strip()) if value else None
            if iso:
                return iso
    return None


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _meta_tags(tree: etree._Element) -> dict[str, str]:
    """Meta tags by lower-case name/property/itemprop/http-equiv; the first of each wins."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = element.get("content")
        if not content or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (element.get(attribute) or "").strip().lower()
            if key and key not in found:
                found[key] = content.strip()
    return found


def _json_ld_articles(tree: etree._Element) -> Iterator[dict]:
    """schema.org objects of article-like types in the page's JSON-LD blocks."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _articles_in(data, depth=0)


def _articles_in(data, depth: int) -> Iterator[dict]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _articles_in(item, depth + 1)
    elif isinstance(data, dict):
        kind = data.get("@type", "")
        kinds = " ".join(kind) if isinstance(kind, list) else str(kind)
        if _ARTICLE_TYPES.search(kinds) and not re.search(r"breadcrumb|website$", kinds, re.IGNORECASE):
            yield data
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in data:
                yield from _articles_in(data[key], depth + 1)


def _name_of(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name", "")
    return str(value or "") if not isinstance(value, (dict, list)) else ""


def _authors_of(value) -> str:
    """Author names from a JSON-LD author value (a string, a Person, or a list of them)."""
    items = value if isinstance(value, list) else [value]
    names = [_name_of(item) for item in items]
    return ", ".join(name for name in names if name.strip())
