"""Fetching web pages for import, against a local HTTP server on 127.0.0.1 started by the tests."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reader.services.fetch import FetchError, fetch_page, is_url

PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Caf\u00e9 cr\u00e8me au menu | Le Journal</title>
<meta property="og:site_name" content="Le Journal"><meta name="author" content="Am\u00e9lie Dupont">
<meta property="article:published_time" content="2022-03-04T05:06:00"></head><body>
<nav><a href="/">Accueil</a></nav><article><h1>Caf\u00e9 cr\u00e8me au menu</h1>
<p>Le caf\u00e9 cr\u00e8me revient au menu des bistrots parisiens, et les habitu\u00e9s s'en r\u00e9jouissent d\u00e9j\u00e0 beaucoup.</p>
<p>Les patrons expliquent que la demande n'a jamais cess\u00e9 et que le lait entier co\u00fbte moins cher qu'avant.</p>
</article></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass

    def _send(self, status: int, body: bytes, content_type: str | None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def do_GET(self):  # noqa: N802 - the http.server API
        if self.path == "/latin1":
            # the charset is only in the HTTP header, not in the page
            self._send(200, PAGE.encode("latin-1"), "text/html; charset=ISO-8859-1")
        elif self.path == "/utf8":
            self._send(200, PAGE.encode("utf-8"), "text/html; charset=utf-8")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/utf8")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/pdf":
            self._send(200, b"%PDF-1.4 not a page", "application/pdf")
        elif self.path == "/big":
            self._send(200, b"<html><body>" + b"x" * 5000 + b"</body></html>", "text/html")
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE.encode(), "text/html")
        elif self.path == "/broken":
            self._send(500, b"oops", "text/plain")
        else:
            self._send(404, b"no such page", "text/plain")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_is_url_tells_web_addresses_from_paths():
    assert is_url("https://example.org/a") and is_url("HTTP://x.org")
    assert not is_url("/home/me/page.html") and not is_url("ftp://x.org/f") and not is_url("news.txt")


def test_a_page_comes_with_its_response_charset(server):
    page = fetch_page(server + "/latin1")
    assert page.charset == "iso-8859-1"
    assert page.data == PAGE.encode("latin-1")


def test_redirects_are_followed_and_the_final_address_kept(server):
    page = fetch_page(server + "/moved")
    assert page.url == server + "/moved"
    assert page.final_url == server + "/utf8"
    assert page.data == PAGE.encode("utf-8")


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing", "the server answered 404 Not Found"),
    ("/broken", "the server answered 500 Internal Server Error"),
    ("/pdf", "not a web page (the server sent application/pdf)"),
])
def test_http_errors_and_other_content_are_one_line_reasons(server, path, reason):
    with pytest.raises(FetchError) as caught:
        fetch_page(server + path)
    assert str(caught.value) == reason


def test_a_page_over_the_size_cap_is_refused(server):
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetch_page(server + "/big", max_bytes=1000)


def test_a_server_that_does_not_answer_in_time_times_out(server):
    with pytest.raises(FetchError, match=r"no answer within 0.3 s"):
        fetch_page(server + "/slow", timeout=0.3)


def test_a_refused_connection_is_reported():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="refused the connection"):
        fetch_page(f"http://127.0.0.1:{port}/")


def test_dns_failure_is_reported_without_touching_the_network(monkeypatch):
    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchError) as caught:
        fetch_page("https://no-such-host.invalid/article")
    assert str(caught.value) == "cannot find the server no-such-host.invalid (DNS lookup failed)"


def test_importing_a_url_stores_the_article_with_its_url_as_url_and_source(server, services):
    report = services.importer.import_paths([server + "/latin1", server + "/missing"], tags=("web",))
    assert [f.source for f in report.failures] == [server + "/missing"]
    (item,) = report.imported
    article = services.articles.get(item.article.id)
    assert article.url == server + "/latin1"
    assert article.source_path == server + "/latin1"
    assert article.title == "Caf\u00e9 cr\u00e8me au menu"  # decoded with the header's charset
    assert article.author == "Am\u00e9lie Dupont" and article.site == "Le Journal"
    assert article.published == "2022-03-04T05:06"
    assert "caf\u00e9 cr\u00e8me revient" in article.text and "Accueil" not in article.text
    assert article.tags == ("web",)


def test_the_command_line_imports_urls_and_reports_failures_as_url_reason(server, data_dir, capsys):
    from reader.cli import main

    code = main(["--data-dir", str(data_dir), "import", server + "/utf8", server + "/pdf"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.split("\t", 1)[1].strip() == "Caf\u00e9 cr\u00e8me au menu"
    assert err.strip() == f"{server}/pdf: not a web page (the server sent application/pdf)"
