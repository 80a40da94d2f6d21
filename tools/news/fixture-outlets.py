#!/usr/bin/env python3
"""Serves the three fixture Kannada outlets the news tests use, on 127.0.0.1, for trying `kannadakit news run`.

The feeds are dated relative to now (so they fall inside the run's window) and answer conditional requests the way
real outlets do: one by ETag, one by Last-Modified, one by both. The Dasara article is missing (404) on purpose; the
run falls back to the feed's own text for it. Standard library only.

    python3 tools/news/fixture-outlets.py --port 8090 --feeds-out /tmp/feeds.txt
"""
import argparse
import email.utils
import os
import sys
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SITES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "KannadaKit.Testing", "News", "sites")
NOW = datetime.now(timezone.utc)
LAST_MODIFIED = email.utils.format_datetime(NOW - timedelta(hours=1), usegmt=True)
# path -> (file, content type, ETag, Last-Modified)
FEEDS = {
    "/prajavarthe/rss.xml": ("prajavarthe/rss.xml", "application/rss+xml", '"pv-77"', None),
    "/karavali/atom.xml": ("karavali/atom.xml", "application/atom+xml", None, LAST_MODIFIED),
    "/suddi/feed.xml": ("suddi/feed.xml", "text/xml", 'W/"sg-3"', LAST_MODIFIED),
}
PAGES = {
    "/prajavarthe/2026/12/rain-schools-shut.html", "/prajavarthe/2026/12/metro-yellow-line.html",
    "/karavali/news/mangaluru-rain-holiday.html", "/karavali/sports/ranji-karnataka-win.html",
    "/suddi/karavali-male-aarbhata.html",
}


def feed_text(name, base):
    with open(os.path.join(SITES, name), encoding="utf-8") as f:
        text = f.read().replace("{{BASE}}", base)
    for h in range(1, 7):
        t = NOW - timedelta(hours=h)
        text = text.replace("{{RFC822-%dH}}" % h, t.strftime("%a, %d %b %Y %H:%M:%S +0000"))
        text = text.replace("{{ISO-%dH}}" % h, t.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return text.encode("utf-8")


class Outlets(BaseHTTPRequestHandler):
    server_version = "fixture-outlets/1"

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path in FEEDS:
            name, kind, etag, modified = FEEDS[path]
            fresh = (etag is not None and self.headers.get("If-None-Match") == etag) or (
                etag is None and modified is not None and self.headers.get("If-Modified-Since") == modified)
            self.send_response(304 if fresh else 200)
            if etag:
                self.send_header("ETag", etag)
            if modified:
                self.send_header("Last-Modified", modified)
            if fresh:
                self.end_headers()
                return
            body = feed_text(name, self.server.base)
            self.send_header("Content-Type", kind + "; charset=utf-8")
        elif path in PAGES:
            with open(os.path.join(SITES, path.lstrip("/")), "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        else:
            body = b"not found\n"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("fixture-outlets: %s\n" % (fmt % args))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--port", type=int, default=8090, help="port on 127.0.0.1 (0 picks a free one)")
    p.add_argument("--feeds-out", help="write the feed URLs here, one per line (a --feeds list for news run)")
    p.add_argument("--verbose", action="store_true", help="log each request on standard error")
    a = p.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", a.port), Outlets)
    server.base = "http://127.0.0.1:%d/" % server.server_address[1]
    server.verbose = a.verbose
    urls = [server.base + path.lstrip("/") for path in FEEDS]
    if a.feeds_out:
        tmp = a.feeds_out + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("# fixture outlets (tools/news/fixture-outlets.py)\n" + "\n".join(urls) + "\n")
        os.replace(tmp, a.feeds_out)
    print("serving 3 fixture outlets at %s (Ctrl-C stops)" % server.base, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
