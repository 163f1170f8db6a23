"""The SDKs: generated from openapi.yaml, never stale, and working against a real server.

Each SDK lists Ben Wallace's quotes from the seed articles, follows the pagination links and gets a
typed problem for an unknown speaker. The Python client is imported as installed by `make setup`;
the TypeScript one is compiled and run with node's test runner (clients/typescript/test).
"""

import filecmp
import json
import os
import subprocess
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from live_server import REPO, api_app, seeded_database, serving
from quoteapi_client import Client
from quoteapi_client.api.speakers import list_speaker_quotes
from quoteapi_client.models import Problem, QuotePage

CLIENTS = REPO / "clients"
TYPESCRIPT = CLIENTS / "typescript"
SPEAKER = "ben-wallace"
UNKNOWN = "nobody-by-this-name"
# Not generated: build output, caches and installs made inside the client folders.
NOT_GENERATED = {"__pycache__", ".pdm-build", "build", "dist", ".ruff_cache", "node_modules"}


@pytest.fixture(scope="module")
def api_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(api_app(seeded_database(tmp_path_factory))) as url:
        yield url


@pytest.fixture
def client(api_url: str) -> Iterator[Client]:
    with Client(base_url=api_url, raise_on_unexpected_status=True) as client:
        yield client


def expected_fragments(speaker: str) -> list[str]:
    """The words of the quotes seeds/expected.json gives ``speaker`` that any extractor must find."""
    expected = json.loads((REPO / "seeds" / "expected.json").read_text(encoding="utf-8"))
    return [
        quote["quote"]
        for document in expected["documents"].values()
        for quote in document["quotes"]
        if quote["speaker"] == speaker and quote["must"]
    ]


def all_quotes(client: Client, name: str) -> QuotePage:
    page = list_speaker_quotes.sync(name, client=client, limit=100)
    assert isinstance(page, QuotePage), page
    return page


# --- Python --------------------------------------------------------------------------------------


def test_python_client_lists_ben_wallace_quotes_from_the_seeds(client: Client) -> None:
    page = all_quotes(client, SPEAKER)
    assert page.total == len(page.items) > 0
    assert {quote.speaker.name for quote in page.items} == {"Ben Wallace"}
    found = [f for f in expected_fragments("Ben Wallace") if any(f in q.text for q in page.items)]
    assert found, (
        f"none of Ben Wallace's quotes in seeds/expected.json among {[q.text for q in page.items]}"
    )
    for quote in page.items:
        assert quote.appearances, f"quote {quote.id} has no article"
        for appearance in quote.appearances:
            assert all(start < end for start, end in appearance.spans)
    # the name may be a slug, the full name or the surname: the same speaker's quotes each time
    for name in ("Ben Wallace", "wallace"):
        assert [q.id for q in all_quotes(client, name).items] == [q.id for q in page.items]


def test_python_client_follows_pagination(client: Client) -> None:
    everything = all_quotes(client, SPEAKER).items
    page = list_speaker_quotes.sync(SPEAKER, client=client, limit=2)
    seen, pages = [], 0
    while isinstance(page, QuotePage):
        pages += 1
        seen += [quote.id for quote in page.items]
        if page.next_ is None:  # `next` is a builtin: the generated attribute is `next_`
            break
        query = parse_qs(urlsplit(page.next_).query)  # a cursor: cheap however deep
        page = list_speaker_quotes.sync(
            SPEAKER, client=client, limit=int(query["limit"][0]), cursor=query["cursor"][0]
        )
        assert isinstance(page, QuotePage) and page.prev, "a later page links back"
    assert seen == [quote.id for quote in everything]
    assert pages == max(1, -(-len(everything) // 2))


def test_python_client_returns_a_typed_problem_for_an_unknown_speaker(client: Client) -> None:
    response = list_speaker_quotes.sync_detailed(UNKNOWN, client=client)
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.parsed
    assert isinstance(problem, Problem)
    assert (problem.status, problem.title) == (404, "Not Found")
    assert problem.instance == f"/speakers/{UNKNOWN}/quotes"
    assert isinstance(problem.nearest, list)


# --- TypeScript ----------------------------------------------------------------------------------


def npm(*args: str) -> subprocess.CompletedProcess[str]:
    if not (TYPESCRIPT / "node_modules").is_dir():
        pytest.fail("clients/typescript/node_modules is missing: run `make setup` (npm ci)")
    return subprocess.run(
        ["npm", *args], cwd=TYPESCRIPT, capture_output=True, text=True, timeout=300, check=False
    )


def test_typescript_client_against_the_server(api_url: str) -> None:
    build = npm("run", "--silent", "build")  # tsc: also type-checks the test against schema.ts
    assert build.returncode == 0, build.stdout + build.stderr
    run = subprocess.run(
        ["node", "--test", "dist/test/sdk.test.js"],
        cwd=TYPESCRIPT,
        capture_output=True,
        text=True,
        env={**os.environ, "QUOTEAPI_URL": api_url, "QUOTEAPI_SPEAKER": SPEAKER},
        timeout=300,
        check=False,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert "# pass 3" in output and "# fail 0" in output, output


# --- staleness -----------------------------------------------------------------------------------


def generated_files(root: Path) -> set[str]:
    return {
        str(path.relative_to(root))
        for path in root.rglob("*")
        if path.is_file()
        and not NOT_GENERATED.intersection(path.relative_to(root).parts)
        and not any(part.endswith(".egg-info") for part in path.parts)
    }


def test_committed_clients_are_what_openapi_yaml_generates(tmp_path: Path) -> None:
    run = subprocess.run(
        [str(REPO / "scripts" / "generate_clients.sh"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    fix = "the clients are stale: run `make clients` and commit clients/"
    fresh, committed = tmp_path / "python", CLIENTS / "python"
    assert generated_files(fresh) == generated_files(committed), fix
    names = sorted(generated_files(fresh))
    _, different, errors = filecmp.cmpfiles(fresh, committed, names, shallow=False)
    assert not different and not errors, f"{fix} (differs: {different + errors})"
    schema = "typescript/src/schema.ts"
    assert filecmp.cmp(tmp_path / schema, CLIENTS / schema, shallow=False), fix
