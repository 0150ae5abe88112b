#!/usr/bin/env python3
"""Write examples/pages/crawl.warc.gz: a tiny crawl of two invented news pages.

    python examples/make_warc.py            # rewrites pages/crawl.warc.gz next to this script

The file holds what a real crawler writes: a warcinfo record, then for each page
a request and a response (HTTP headers included), and one response that is not
HTML (a PNG logo) which readers must skip. Record ids and dates are fixed, so
rerunning the script gives the same bytes. Both stories are fiction written for
these examples; the generated file is committed so `make demo` needs no build step.
"""
from __future__ import annotations

import base64
import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "pages" / "crawl.warc.gz"

PAGE_ATHENS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Greek ferry crews strike over safety rules, stranding island travellers - Harbour Times</title>
<meta property="og:title" content="Greek ferry crews strike over safety rules, stranding island travellers">
<meta property="article:published_time" content="2025-03-19T11:20:00+02:00">
<script>var _hq=_hq||[];_hq.push(['trackPageView']);(function(){var s=document.createElement('script');s.src='/t.js';document.head.appendChild(s);})();</script>
</head><body>
<div id="top-bar"><a href="/">Harbour Times</a> | <a href="/login">Log in</a> | <a href="/subscribe">Subscribe</a></div>
<nav><a href="/">Home</a> <a href="/europe">Europe</a> <a href="/shipping">Shipping</a> <a href="/markets">Markets</a></nav>
<main><article>
<h1>Greek ferry crews strike over safety rules, stranding island travellers</h1>
<p class="dateline-meta">Published <time datetime="2025-03-19T11:20:00+02:00">19 March 2025</time> &middot; 3 min read</p>
<p>ATHENS (Reuters) - Ferry crews across Greece walked off the job for 24 hours on Wednesday in protest at new crewing rules, leaving thousands of travellers stranded at Piraeus and other ports, the seamen's union said.</p>
<p>The union says the rules, which let operators sail some routes with smaller crews in winter, put passengers at risk. The shipping ministry says they match European standards.</p>
<div class="promo">Read more: <a href="/shipping/fuel-costs">Fuel costs squeeze island ferry operators</a></div>
<p>"Safety cannot depend on the season," a union official told a rally at the port. About 300 crew members took part, police said.</p>
<p>Operators said all sailings would resume on Thursday morning and that tickets for cancelled trips would be refunded or rebooked free of charge.</p>
<p>It was the second ferry strike this year. A walkout in January over pay lasted two days.</p>
</article>
<aside><h3>More from Europe</h3><ul><li><a href="/europe/rail">Rail tickets to rise 4% in April</a></li><li><a href="/europe/ports">Port volumes recover after winter slump</a></li></ul></aside>
</main>
<footer>Harbour Times &copy; 2025 &middot; <a href="/terms">Terms</a> &middot; <a href="/cookies">Cookies</a></footer>
</body></html>
"""

PAGE_NAIROBI = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Flash floods cut main highway north of Nairobi | East Africa Daily</title>
<meta name="date" content="2025-04-23">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-04-23T07:45:00+03:00","headline":"Flash floods cut main highway north of Nairobi"}</script>
<script>window.adsQueue=[];function showAd(id){adsQueue.push(id);}</script>
</head><body>
<header><div class="brand">East Africa Daily</div>
<ul class="menu"><li>News</li><li>Counties</li><li>Business</li><li>Sports</li><li>Videos</li></ul></header>
<div class="ad" id="leaderboard"><script>showAd('leaderboard')</script></div>
<div class="content">
<h1>Flash floods cut main highway north of Nairobi</h1>
<div class="author">By Staff Reporter</div>
<div class="date">Wednesday, April 23, 2025</div>
<figure><img src="/uploads/highway-flood.jpg" alt="">
<figcaption>Motorists push a stalled car through floodwater on the highway north of Nairobi, Kenya, on Tuesday, April 22, 2025. (Photo: Wanjiru Kamau)</figcaption></figure>
<p>NAIROBI, Kenya &mdash; Flash floods washed away part of the main highway north of Nairobi overnight, cutting road links to several towns and forcing hundreds of families to leave their homes, the Kenya Red Cross said on Wednesday.</p>
<p>Two people died when their car was swept off a bridge near the town of Thika, police said. Rescue teams pulled four others from the water.</p>
<p>The meteorological department warned that heavy rain would continue until the weekend in the central highlands and urged people living near rivers to move to higher ground.</p>
<p>Share this story: <a href="#">WhatsApp</a> <a href="#">Facebook</a> <a href="#">X</a></p>
<div class="related"><strong>Also read:</strong> <a href="/news/dam-levels">Dam levels rise as long rains set in</a></div>
</div>
<footer><p>&copy; East Africa Daily. All rights reserved.</p></footer>
</body></html>
"""

# A 1x1 transparent PNG: the kind of non-HTML response every crawl is full of.
LOGO_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)

RECORDS = [
    ("https://harbour-times.example/europe/2025/03/19/ferry-strike", "2025-03-19T12:02:11Z",
     "text/html; charset=utf-8", PAGE_ATHENS.encode("utf-8")),
    ("https://harbour-times.example/static/logo.png", "2025-03-19T12:02:12Z", "image/png", LOGO_PNG),
    ("https://eastafrica-daily.example/news/2025/04/23/highway-floods", "2025-04-23T06:10:40Z",
     "text/html", PAGE_NAIROBI.encode("utf-8")),
]


def make_record_id(name: str) -> str:
    """A fixed record id, so the file is the same bytes every time."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}>"


def write_warc(path: Path) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        info = writer.create_warcinfo_record(
            "crawl.warc.gz", {"software": "dateline examples/make_warc.py", "format": "WARC File Format 1.1"})
        info.rec_headers.replace_header("WARC-Record-ID", make_record_id("warcinfo"))
        info.rec_headers.replace_header("WARC-Date", "2025-03-19T12:02:10Z")
        writer.write_record(info)
        for url, date, ctype, body in RECORDS:
            host = url.split("/")[2]
            path_part = "/" + url.split("/", 3)[3]
            request = writer.create_warc_record(
                url, "request",
                payload=BytesIO(f"GET {path_part} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: example-crawler/1.0\r\n\r\n".encode()),
                warc_headers_dict={"WARC-Record-ID": make_record_id("request " + url), "WARC-Date": date})
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            response = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Record-ID": make_record_id("response " + url), "WARC-Date": date})
            writer.write_record(response)
            writer.write_record(request)


if __name__ == "__main__":
    write_warc(OUT)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
