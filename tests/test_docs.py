"""Documentation cannot drift from the code (after datasette's tests/test_docs.py)."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def load_gen_cli_docs():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", REPO / "scripts" / "gen_cli_docs.py")
    if spec is None or spec.loader is None:
        raise ImportError("scripts/gen_cli_docs.py cannot be loaded as a module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_matches_the_real_help() -> None:
    expected = load_gen_cli_docs().render_cli_docs()
    actual = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run `.venv/bin/python scripts/gen_cli_docs.py`"


def test_every_command_has_a_section_in_the_cli_reference() -> None:
    commands = [" ".join(["dateline", *path]) for path in load_gen_cli_docs().list_commands()]
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in commands:
        assert f"## `{command}`" in text, f"{command} is missing from docs/cli.md"


def test_readme_links_resolve() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(((?!https?:)[^)#]+)\)", readme)
    assert links, "README links to no docs"
    for link in links:
        assert (REPO / link).exists(), f"README links to missing {link}"


def test_record_doc_names_every_removed_reason() -> None:
    from dateline.models import REMOVED_REASONS

    text = (REPO / "docs" / "record.md").read_text(encoding="utf-8")
    for reason in REMOVED_REASONS:
        assert f"`{reason}`" in text, f"docs/record.md does not explain removed reason {reason!r}"


def test_record_doc_names_every_record_field() -> None:
    from dateline.models import Extraction, Page, Story
    from dateline.record import to_record

    page = Page(source="x.txt", text="PARIS (AP) — A line.")
    record = to_record(Extraction(page=page, stories=(Story(headline="H", body=("A line.",)),)))
    text = (REPO / "docs" / "record.md").read_text(encoding="utf-8")
    fields = set(record) | set(record["stories"][0])
    for field in sorted(fields):
        assert f"`{field}`" in text, f"docs/record.md does not describe field {field!r}"


def test_settings_doc_names_every_setting() -> None:
    try:
        from dateline import settings
    except ImportError:
        pytest.skip("dateline.settings does not exist yet")
    import dataclasses

    text = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    roots = [obj for obj in vars(settings).values()
             if isinstance(obj, type) and obj.__module__ == settings.__name__
             and (dataclasses.is_dataclass(obj) or hasattr(obj, "model_fields"))]
    names = set()
    for cls in roots:
        if dataclasses.is_dataclass(cls):
            names |= {f.name for f in dataclasses.fields(cls)}
        else:
            names |= set(cls.model_fields)
    for name in sorted(names):
        assert f"`{name}`" in text, f"docs/settings.md does not describe setting {name!r}"


def test_readme_python_example_runs_and_prints_the_headlines() -> None:
    import subprocess
    import sys

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [code] = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr[-600:]
    assert "Floodwaters force hundreds from their homes in Porto" in done.stdout


def test_settings_doc_names_every_environment_variable() -> None:
    try:
        from dateline.settings import ENV_NAMES
    except ImportError:
        pytest.skip("dateline.settings does not exist yet")
    text = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    for env_name in ENV_NAMES.values():
        assert f"`{env_name}`" in text, f"docs/settings.md does not name {env_name}"


@pytest.mark.parametrize("doc", ["README.md", "docs/development.md"])
def test_every_make_target_the_docs_name_exists(doc: str) -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, flags=re.MULTILINE))
    text = (REPO / doc).read_text(encoding="utf-8")
    # `make x y` in backquotes, or a command line of a console block
    named = {word for words in re.findall(r"(?:^|`)make ([a-z][\w-]*(?: [a-z][\w-]*)*)", text, flags=re.MULTILINE)
             for word in words.split()}
    assert named, f"{doc} names no make target"
    missing = sorted(named - targets)
    assert not missing, f"{doc} names make targets the Makefile lacks: {missing}"
