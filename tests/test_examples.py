"""The bundled example pages (examples/pages, what `make demo` ingests) through the
real `dateline` command: what a user sees is right."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

FLAT = "porto-flood-gdansk-strike.txt"
HTML = "tromso-avalanche.html"
WARC = "crawl.warc.gz"
JSONL = "wire-feed.jsonl"
BAD = "bad-download.txt"


@pytest.fixture(scope="module")
def pages_dir(examples_dir: Path) -> Path:
    return examples_dir / "pages"


def extract(run_cli, path: Path) -> tuple[list[dict], subprocess.CompletedProcess[str]]:
    done = run_cli("extract", "--json", str(path))
    records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return records, done


@pytest.fixture(scope="module")
def flat_record(run_cli, pages_dir) -> dict:
    records, done = extract(run_cli, pages_dir / FLAT)
    assert done.returncode == 0, done.stderr
    assert len(records) == 1
    return records[0]


@pytest.fixture(scope="module")
def html_record(run_cli, pages_dir) -> dict:
    records, done = extract(run_cli, pages_dir / HTML)
    assert done.returncode == 0, done.stderr
    assert len(records) == 1
    return records[0]


def all_body(record: dict) -> str:
    return "\n".join(p for s in record["stories"] for p in s["body"])


# --- the flat page: two glued stories, repeated headline and captions -----------------

def test_flat_page_splits_into_its_two_stories(flat_record) -> None:
    stories = flat_record["stories"]
    assert len(stories) == 2
    headline = "Floodwaters force hundreds from their homes in Porto as the Douro breaks its banks"
    assert stories[0]["headline"] == headline
    assert stories[0]["body"][0].startswith("PORTO, Portugal (AP)")
    assert stories[1]["body"][0].startswith("GDANSK, Poland (AP)")


def test_flat_page_stories_have_their_own_dateline_and_date(flat_record) -> None:
    first, second = flat_record["stories"]
    assert first["dateline"] == {"place": "PORTO", "agency": "AP"}
    assert second["dateline"] == {"place": "GDANSK", "agency": "AP"}
    assert (first["published"] or "")[:10] == "2024-11-14"  # the page's date stamp
    assert (second["published"] or "")[:10] == "2024-11-15"  # no stamp: its captions and "on Friday"


def test_flat_page_keeps_each_paragraph_once(flat_record) -> None:
    paragraphs = [p for s in flat_record["stories"] for p in s["body"]]
    assert len(paragraphs) == len(set(paragraphs))
    assert sum(p.startswith("PORTO, Portugal (AP)") for p in paragraphs) == 1


def test_flat_page_lists_each_caption_once_with_its_credit_split(flat_record) -> None:
    first, second = flat_record["stories"]
    for story, credit, distinct in ((first, "Inês Carvalho/AP Photo", 3), (second, "Tomasz Lewandowski/AP Photo", 2)):
        texts = [c["text"] for c in story["captions"]]
        assert len(texts) == len(set(texts)) == distinct, texts
        for caption in story["captions"]:
            assert caption["credit"] == credit
            assert credit not in caption["text"]


def test_flat_page_body_holds_no_caption_or_chrome(flat_record) -> None:
    body = all_body(flat_record)
    for leak in ("Residents wade through", "Firefighters use a rubber boat", "Dock workers gather outside",
                 "More Images", "Recommended Articles", "Skip to main content", "Follow AP", "Last Updated At"):
        assert leak not in body


def test_flat_page_records_why_each_line_was_dropped(flat_record, pages_dir) -> None:
    removed = [(r["text"], r["reason"]) for r in flat_record["removed"]]
    assert ("Recommended Articles", "boilerplate") in removed
    assert ("More Images", "boilerplate") in removed
    assert ("2024-11-14 08:12 Last Updated At:09:47", "metadata") in removed
    assert {"boilerplate", "duplicate", "caption", "metadata"} == {reason for _, reason in removed}
    # nothing is lost: every line of the page is in a story or in removed
    kept = {f["headline"] for f in flat_record["stories"]} | {p for s in flat_record["stories"] for p in s["body"]}
    page = (pages_dir / FLAT).read_text(encoding="utf-8")
    accounted = kept | {text for text, _ in removed}
    for line in filter(None, map(str.strip, page.splitlines())):
        assert line in accounted, f"line neither kept nor removed: {line[:80]}"


# --- the HTML page --------------------------------------------------------------------

def test_html_page_reads_headline_and_date(html_record) -> None:
    [story] = html_record["stories"]
    assert story["headline"] == "Avalanche buries road north of Tromsø, cutting off two villages"
    assert (story["published"] or "")[:10] == "2025-02-08"
    assert story["updated"] is None or story["updated"][:10] == "2025-02-08"


def test_html_page_reads_a_dateline_with_non_ascii_capitals(html_record) -> None:
    [story] = html_record["stories"]
    assert (story["dateline"] or {}).get("place") == "TROMSØ"


def test_html_page_body_is_the_article_only(html_record) -> None:
    body = all_body(html_record)
    assert "We were lucky that it came down at night" in body
    assert "Every winter we hold our breath" in body
    for leak in ("We use cookies", "Share on Facebook", "Storm cancels ferries", "Most read",
                 "Get the morning briefing", "All rights reserved", "Advertisement", "Snow and rocks cover"):
        assert leak not in body


def test_html_page_takes_captions_from_figcaption(html_record) -> None:
    [story] = html_record["stories"]
    assert len(story["captions"]) == 2
    for caption in story["captions"]:
        assert "Erik Haugland/Northern Courier" in (caption["credit"] or "")
        assert "Erik Haugland" not in caption["text"]


# --- the WARC crawl and the JSON Lines file ----------------------------------------------

def test_warc_gives_one_record_per_html_response(run_cli, pages_dir) -> None:
    records, done = extract(run_cli, pages_dir / WARC)
    assert done.returncode == 0, done.stderr  # the PNG response is skipped, not failed
    assert [r["url"] for r in records] == [
        "https://harbour-times.example/europe/2025/03/19/ferry-strike",
        "https://eastafrica-daily.example/news/2025/04/23/highway-floods",
    ]
    for record in records:
        assert WARC in record["source"] and "#" in record["source"]  # the record's offset
    assert records[0]["stories"][0]["dateline"]["place"] == "ATHENS"
    assert records[1]["stories"][0]["dateline"]["place"] == "NAIROBI"
    assert "Flash floods washed away part of the main highway" in all_body(records[1])


def test_jsonl_gives_one_record_per_line_with_its_url(run_cli, pages_dir) -> None:
    records, done = extract(run_cli, pages_dir / JSONL)
    assert done.returncode == 0, done.stderr
    assert [r["url"] for r in records] == [
        "https://valley-gazette.example/local/2025/05/06/bridge-closed",
        "https://wire.example/stories/2025/06/02/lagos-fuel-queues",
    ]
    html_line, text_line = records
    assert html_line["stories"][0]["headline"] == "Cracks close old stone bridge in Coimbra"
    assert text_line["stories"][0]["dateline"] == {"place": "LAGOS", "agency": "AP"}
    assert "Share this article" not in all_body(text_line)


# --- the bad file, and the demo as a whole ---------------------------------------------

def test_bad_file_fails_with_a_one_line_reason(run_cli, pages_dir) -> None:
    done = run_cli("extract", "--json", str(pages_dir / BAD))
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if BAD in line]
    assert len(errors) == 1 and len(errors[0]) > len(str(pages_dir / BAD)) + 10, done.stderr
    assert "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def demo_db(run_cli, pages_dir, tmp_path_factory) -> dict:
    """`make demo`'s two commands, once: ingest the example pages, list the stories."""
    db = tmp_path_factory.mktemp("demo") / "dateline.db"
    ingest = run_cli("ingest", str(pages_dir), "--db", str(db))
    listed = run_cli("stories", "--db", str(db))
    return {"db": db, "ingest": ingest, "stories": listed}


def test_demo_ingest_stores_every_story_and_reports_the_bad_file(demo_db) -> None:
    done = demo_db["ingest"]
    output = done.stdout + done.stderr
    assert done.returncode == 1, output  # one page failed; the batch still finished
    assert BAD in output and "Traceback" not in output
    assert demo_db["db"].is_file()
    listed = demo_db["stories"]
    assert listed.returncode == 0, listed.stderr
    for headline in ("Floodwaters force hundreds", "Avalanche buries road", "Cracks close old stone bridge",
                     "Greek ferry crews strike", "Flash floods cut main highway", "Fuel queues return to Lagos"):
        assert headline in listed.stdout
    assert "GDANSK" in listed.stdout  # the second story on the flat page, which has no headline


def test_demo_ingest_twice_stores_nothing_new(run_cli, pages_dir, demo_db) -> None:
    again = run_cli("ingest", str(pages_dir), "--db", str(demo_db["db"]))
    assert again.returncode == 1, again.stderr  # the bad file is reported again; the rest is already stored
    assert run_cli("stories", "--db", str(demo_db["db"])).stdout == demo_db["stories"].stdout
