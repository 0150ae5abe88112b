"""Settings: defaults < environment < flags, sizes with units, clear errors."""
from __future__ import annotations

import pytest

from dateline.settings import DEFAULT_MAX_PAGE_BYTES, SettingsError, load_settings, parse_size


def test_defaults_then_environment_then_flags() -> None:
    assert load_settings(env={}).db == "dateline.db"
    assert load_settings(env={}).max_page_bytes == DEFAULT_MAX_PAGE_BYTES
    env = {"DATELINE_DB": "sqlite:////srv/news.db", "DATELINE_MAX_PAGE_BYTES": "2MB"}
    from_env = load_settings(env=env)
    assert (from_env.db, from_env.max_page_bytes) == ("sqlite:////srv/news.db", 2_000_000)
    flagged = load_settings(env=env, db="here.db", max_page_bytes="512k", batch_size=None)
    assert (flagged.db, flagged.max_page_bytes) == ("here.db", 512 * 1024)


@pytest.mark.parametrize(("text", "size"), [("1000", 1000), ("10MB", 10_000_000), ("10MiB", 10 * 1024**2),
                                            ("1.5k", 1536), ("2 g", 2 * 1024**3)])
def test_sizes_take_units(text, size) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("value", ["lots", "10XB", "0", "-5"])
def test_a_bad_size_names_the_setting(value) -> None:
    with pytest.raises(SettingsError, match="DATELINE_MAX_PAGE_BYTES"):
        load_settings(env={"DATELINE_MAX_PAGE_BYTES": value})
