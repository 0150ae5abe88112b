"""schemathesis against the API's own OpenAPI spec, in-process: whatever it sends,
the server answers without a 5xx (errors come as 4xx in the envelope)."""
from __future__ import annotations

from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from dateline.api import create_app  # noqa: E402
from dateline.models import Extraction, Page, Story  # noqa: E402
from dateline.models import Event, EventPlace  # noqa: E402
from dateline.store import open_store  # noqa: E402
from dateline.store.incidents import refresh_incidents  # noqa: E402


def make_small_store(path: Path) -> str:
    """A store holding one coded story, written directly (no NLP needed), and its incident."""
    text = "KHARKIV, Ukraine - A missile strike killed three people on Monday, officials said."
    event = Event(type="missile_artillery", trigger="missile strike", trigger_span=(21, 35), sentence=text,
                  sentence_span=(0, len(text)), date="2025-03-03", killed=3, count_spans=(("killed", (43, 48)),),
                  place=EventPlace(name="Kharkiv", country="UA", admin1="07", lat=49.98, lon=36.25,
                                   precision="place", span=(0, 7)))
    story = Story(headline="Missile strike on Kharkiv", body=(text,), published="2025-03-03", events=(event,))
    with open_store(str(path)) as store:
        store.add_extractions([Extraction(page=Page(source="kharkiv.txt", text=text), stories=(story,),
                                          nlp_version="test", coder_version="test")])
        refresh_incidents(store)  # so the incident, cluster, summary and export paths read a row too
    return str(path)


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    db = make_small_store(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    app = create_app(db, rate_limit=1_000_000, max_body_bytes=64 * 1024)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_request_makes_the_server_fail(api_schema):
    """Every operation of the spec, fed generated parameters (valid and not), answers below 500."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/events", "/api/incidents", "/api/stories",
                                              "/api/stories/{story_id}", "/api/quotes", "/api/entities",
                                              "/api/export/{fmt}", "/api/ingest"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def call(case) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        call()
