"""The README's examples, run as a new user would: every command in its ``sh`` blocks and its
Python SDK example, against a real `quoteapi serve` started the way `make serve` starts it (first
start on an empty index: it ingests the seeds), with the CLI on the same index. Reading the
examples from README.md keeps the two from drifting apart.

Not run, each for a reason the README states beside the command: `make` (installs, then runs
this suite or the server that this test starts itself), benchmarks (they measure, for minutes),
commands marked "takes minutes" (a whole evaluation split), the lines of a block that opens with
"# walkthrough" (they carry state from line to line, across machines) and commands marked "needs the internet" (the machine running the tests may have none); a
command marked "needs ../shared" runs only where that folder is (see the README).
"""

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import REPO, quoteapi_serve

README = REPO / "README.md"
SHARED = REPO.parent / "shared"
DOCUMENTED_BASE = "http://127.0.0.1:8000"
API_KEYS = "secret1,secret2"  # the keys the README's serve line sets
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.DOTALL | re.MULTILINE)
CHROMIUM = Path("/usr/bin/chromium")


def blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README.read_text(encoding="utf-8"))
            if lang == language]


WALKTHROUGH = "# walkthrough"  # a block's first line: its lines carry state from one to the next


def commands() -> list[str]:
    """Each command of the sh blocks, continuation lines joined (a walkthrough's marked so)."""
    found = []
    for body in blocks("sh"):
        lines = [line.strip() for line in body.replace("\\\n", " ").splitlines() if line.strip()]
        if lines and lines[0].startswith(WALKTHROUGH):
            found += [f"{line}  {WALKTHROUGH}" for line in lines[1:]]
        else:
            found += lines
    return found


def why_not_run(command: str) -> str | None:
    if command.startswith("make "):
        return "make: installs, then runs this suite or the server this test starts"
    if "benchmarks/" in command:
        return "a benchmark: it measures, for minutes"
    if command.endswith(WALKTHROUGH):
        return ("a walkthrough across machines (exports, a background worker, a server): "
                "tests/test_workers.py runs its steps against real workers and PostgreSQL")
    if "takes minutes" in command:
        return "takes minutes (a whole evaluation split): run it by hand"
    if "needs the internet" in command:
        return "needs the internet"
    if "needs ../shared" in command and not SHARED.is_dir():
        return f"needs {SHARED} (see the README)"
    return None


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """`quoteapi serve` on an empty index of its own, and the environment the CLI shares it by."""
    env = {"QUOTEAPI_DATA_DIR": str(tmp_path_factory.mktemp("readme")),
           "QUOTEAPI_API_KEYS": API_KEYS}
    with quoteapi_serve(env, "--workers", "1", "--threads", "4") as base:
        yield base, env


def run(command: str, base: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(["bash", "-c", f"set -o pipefail; {command.replace(DOCUMENTED_BASE, base)}"],
                          cwd=REPO, env={**os.environ, **env, "PATH": path},
                          capture_output=True, text=True, timeout=600, check=False)


def shows_something(output: str) -> bool:
    """Output a reader would call an answer: no empty list, no error body, no "0 quotes"."""
    try:
        answer = json.loads(output)
    except ValueError:
        answer = None
    if isinstance(answer, dict):
        return answer.get("total", 1) > 0 and answer.get("status", 200) < 400
    return bool(output.strip()) and not re.match(r"0 (quotes|speakers)\b", output)


@pytest.mark.parametrize("command", commands())
def test_readme_command_works_as_written(command: str, server: tuple[str, dict[str, str]]) -> None:
    reason = why_not_run(command)
    if reason:
        pytest.skip(reason)
    base, env = server
    if " quoteapi serve" in f" {command}":  # the server of this test, started as the line says
        assert f"QUOTEAPI_API_KEYS={API_KEYS} " in command or "QUOTEAPI_API_KEYS" not in command
        return
    done = run(command, base, env)
    assert done.returncode == 0, done.stderr
    assert shows_something(done.stdout), f"{command}\n{done.stdout[:2000]}"


def test_readme_python_sdk_example(server: tuple[str, dict[str, str]]) -> None:
    pytest.importorskip("quoteapi_client", reason="the SDK: pip install ./clients/python")
    base, _ = server
    (example,) = blocks("python")
    done = subprocess.run([sys.executable, "-c", example.replace(DOCUMENTED_BASE, base)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Ben Wallace") == 3  # limit=3


def test_make_serve_shows_the_front_page_in_a_browser(server: tuple[str, dict[str, str]]) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make setup` installs it")
    from playwright.sync_api import sync_playwright

    base, _ = server
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            errors: list[str] = []
            page.on("console", lambda message: errors.append(message.text)
                    if message.type == "error" else None)
            page.goto(f"{base}/")
            assert page.locator("h1").text_content() == "quoteapi"
            assert page.locator("ol.speakers li").count() >= 5
            for name in ("API docs (Swagger UI)", "Widget demo", "openapi.yaml", "Health"):
                assert page.get_by_role("link", name=name).is_visible()
            page.get_by_label("Search the quotes").fill("disarray")
            page.get_by_role("button", name="Search").click()
            page.wait_for_url("**/?q=disarray")
            assert "Ben Wallace" in page.locator("ol.quotes").text_content()
            assert errors == []  # nothing refused by the Content-Security-Policy
            (REPO / "test-artifacts").mkdir(exist_ok=True)
            page.screenshot(path=str(REPO / "test-artifacts" / "front-page.png"), full_page=True)
        finally:
            browser.close()
