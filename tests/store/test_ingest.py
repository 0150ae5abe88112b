"""ingest_sources: every page read, cleaned and stored in batches; bad pages
recorded and the run goes on; a store that refuses one page loses no other."""
from __future__ import annotations

from dateline.errors import StoreError
from dateline.store import open_store
from dateline.store.ingest import ingest_sources
from dateline.store.sql import SqlStore

PAGES = {
    "a.txt": "ATHENS, Greece (AP) — Ferry crews walked out at dawn on Tuesday.\n\nThe union said talks failed.\n",
    "b.txt": "NAIROBI, Kenya (AP) — Floods closed the main road on Wednesday.\n\nDrivers waited for hours.\n",
    "c.txt": "LAGOS, Nigeria (AP) — Fuel queues stretched for kilometres on Monday.\n\nPrices rose again.\n",
}


def write_pages(folder, *, bad: bool = True) -> None:
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    if bad:
        (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))


def test_ingest_stores_pages_and_records_failures(tmp_path, store_target) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    write_pages(folder)
    seen = []
    with open_store(store_target) as store:
        report = ingest_sources([str(folder)], store, batch_size=2, on_failure=seen.append)
        counts = store.counts()
    assert (report.inputs, report.pages_read, report.pages_added) == (4, 3, 3)
    assert [f.source for f in report.failed] == [str(folder / "broken.txt")] == [f.source for f in seen]
    assert not report.ok
    assert counts.pages == 3 and counts.failures == 1
    assert counts.stories == report.stories_added


def test_ingest_twice_adds_nothing(tmp_path, store_target) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    write_pages(folder, bad=False)
    with open_store(store_target) as store:
        ingest_sources([str(folder)], store)
        before = store.counts()
        again = ingest_sources([str(folder)], store)
        assert store.counts() == before
    assert (again.pages_added, again.pages_unchanged, again.stories_added) == (0, 3, 0)
    assert again.ok


class RefusingStore(SqlStore):
    """A real store that refuses any write holding the page from one source."""

    refuse = "b.txt"

    def add_extractions(self, extractions):
        extractions = list(extractions)
        if any(getattr(getattr(e, "page", None), "source", "").endswith(self.refuse) for e in extractions):
            raise StoreError("disk full (simulated)")
        return super().add_extractions(extractions)


def test_a_page_the_store_refuses_fails_alone(tmp_path, store_target) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    write_pages(folder, bad=False)
    with RefusingStore(store_target) as store:
        report = ingest_sources([str(folder)], store, batch_size=10)
        stored = {s.source for s in store.stories()}
    assert [(f.source, f.stage) for f in report.failed] == [(str(folder / "b.txt"), "store")]
    assert "disk full" in report.failed[0].reason
    assert stored == {str(folder / "a.txt"), str(folder / "c.txt")}
