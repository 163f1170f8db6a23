"""Every error of every route is application/problem+json in one shape, and failing writes store
nothing. Runs on the small hand-made index (tests/api_data.py), no NLP."""

import json

import pytest
from api_data import build_index
from werkzeug.routing import Rule

from quoteapi.api import create_app

KEY = "test-key-0123456789"
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "request_id"}
EXTENSIONS = {"errors", "candidates", "nearest"}
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]


@pytest.fixture()
def app(tmp_path):
    index = build_index(f"sqlite:///{tmp_path / 'errors.sqlite3'}")
    return create_app(
        {
            "TESTING": True,
            "API_KEYS": [KEY],
            "MAX_CONTENT_LENGTH": 4096,
            "CACHE_ENTRIES": 0,
        },
        index=index,
    )


@pytest.fixture()
def client(app):
    return app.test_client()


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.data[:300]
    assert response.mimetype == "application/problem+json"
    if response.request.method == "HEAD":
        return {}
    body = response.get_json()
    assert PROBLEM_KEYS <= set(body) <= PROBLEM_KEYS | EXTENSIONS, body
    assert body["status"] == status and body["type"] == "about:blank"
    assert body["title"] and body["detail"] and body["instance"] == response.request.path
    assert body["request_id"] == response.headers["X-Request-Id"]
    return body


def example_path(rule: Rule) -> str:
    """A URL for ``rule`` with every variable filled in."""
    values = {
        name: 1 if rule._converters[name].__class__.__name__ == "IntegerConverter" else "x"
        for name in rule.arguments
    }
    path = rule.rule
    for name, value in values.items():
        path = path.replace(f"<{name}>", str(value)).replace(f"<int:{name}>", str(value))
        path = path.replace(f"<path:{name}>", str(value))
    return path


def every_route(app) -> list[tuple[str, set[str]]]:
    return [(example_path(rule), set(rule.methods or ())) for rule in app.url_map.iter_rules()]


def test_every_route_answers_every_error_as_a_problem(app, client):
    """Each route and method, sent nonsense: whatever the error, it has the one shape."""
    checked = 0
    for path, allowed in every_route(app):
        for method in METHODS:
            response = client.open(
                path, method=method, data=b"{not json", content_type="text/plain"
            )
            if response.status_code >= 400:
                assert_problem(response, response.status_code)
                checked += 1
            if method not in allowed:
                assert response.status_code == 405
                assert set(response.headers["Allow"].replace(" ", "").split(",")) == allowed
    assert checked > 30


def test_unknown_path_is_a_404_problem(client):
    assert_problem(client.get("/nothing/here"), 404)


def test_405_names_the_allowed_methods(client):
    response = client.put("/speakers/wallace")
    assert_problem(response, 405)
    assert "GET" in response.headers["Allow"]


def test_401_without_a_key(client):
    response = client.post("/articles", json={"text": "Hello."})
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("headers", [{"X-API-Key": "wrong"}, {"Authorization": "Bearer wrong"}])
def test_403_with_a_wrong_key(client, headers):
    assert_problem(client.post("/articles", json={"text": "Hello."}, headers=headers), 403)
    assert_problem(client.delete("/articles/x", headers=headers), 403)


def test_403_when_no_keys_are_configured(tmp_path):
    app = create_app(
        {"TESTING": True, "API_KEYS": []}, index=build_index(f"sqlite:///{tmp_path / 'k.db'}")
    )
    body = assert_problem(app.test_client().delete("/articles/x", headers={"X-API-Key": "x"}), 403)
    assert "QUOTEAPI_API_KEYS" in body["detail"]


def test_bearer_key_is_accepted(client):
    assert_problem(client.delete("/articles/none", headers={"Authorization": f"Bearer {KEY}"}), 404)


def test_415_for_a_body_that_is_not_json(client):
    response = client.post(
        "/extract",
        data="text=hello",
        headers={"X-API-Key": KEY},
        content_type="application/x-www-form-urlencoded",
    )
    assert "application/json" in assert_problem(response, 415)["detail"]


def test_400_for_malformed_json(client):
    response = client.post(
        "/articles",
        data='{"text": "unterminated',
        headers={"X-API-Key": KEY},
        content_type="application/json",
    )
    assert_problem(response, 400)


def test_413_over_the_size_limit(client):
    response = client.post("/articles", json={"text": "word " * 2000}, headers={"X-API-Key": KEY})
    assert_problem(response, 413)


def test_422_lists_the_field_errors(client):
    body = {"text": "", "published": "yesterday", "url": "not a url", "colour": "red"}
    response = client.post("/articles", json=body, headers={"X-API-Key": KEY})
    errors = assert_problem(response, 422)["errors"]
    assert {(e["location"], e["field"]) for e in errors} == {
        ("json", "text"),
        ("json", "published"),
        ("json", "url"),
        ("json", "colour"),
    }
    assert all(e["message"] for e in errors)


@pytest.mark.parametrize(
    "query",
    ["limit=0", "limit=abc", "offset=-1", "type=sarcastic", "from=2022-13-01", "sort=random"],
)
def test_422_for_bad_query_arguments(client, query):
    errors = assert_problem(client.get(f"/speakers/wallace/quotes?{query}"), 422)["errors"]
    assert errors[0]["location"] == "query"


def test_failing_writes_store_nothing(client):
    before = client.get("/health").get_json()["quotes"]
    articles = client.get("/quotes?limit=100").get_json()["total"]
    key = {"X-API-Key": KEY}
    client.post("/articles", json={"text": "“Yes,” he said."})  # 401
    client.post("/articles", json={"text": "“Yes,” he said."}, headers={"X-API-Key": "no"})  # 403
    client.post("/articles", data="“Yes,” he said.", headers=key, content_type="text/plain")  # 415
    client.post(
        "/articles", json={"text": "“Yes,” he said.", "published": "never"}, headers=key
    )  # 422
    client.post(
        "/articles",
        data=json.dumps({"text": "x" * 5000}),
        headers=key,
        content_type="application/json",
    )  # 413
    client.delete("/articles/x", headers={"X-API-Key": "no"})
    assert client.get("/health").get_json()["quotes"] == before
    assert client.get("/quotes?limit=100").get_json()["total"] == articles


def test_unexpected_failures_are_500_problems_without_internals(tmp_path):
    """A database that cannot be opened: no traceback, no path in the answer."""
    missing = tmp_path / "no" / "such" / "dir" / "x.sqlite3"
    (tmp_path / "no").write_text("a file where a directory should be")
    app = create_app({"TESTING": False, "DATABASE_URL": f"sqlite:///{missing}"})
    client = app.test_client()
    body = assert_problem(client.get("/speakers"), 500)
    assert str(tmp_path) not in json.dumps(body) and "Traceback" not in json.dumps(body)
    assert_problem(client.get("/health"), 503)


def test_over_deep_json_is_a_400(client):
    deep = '{"text": ' + "[" * 1500 + "]" * 1500 + "}"  # within the 4,096 bytes allowed here
    for path in ("/articles", "/extract"):
        response = client.post(
            path, data=deep, headers={"X-API-Key": KEY}, content_type="application/json"
        )
        assert "deeply" in assert_problem(response, 400)["detail"]


@pytest.mark.parametrize("path", ["/extract", "/articles"])
def test_a_failed_extraction_is_a_logged_500_without_internals(
    tmp_path, monkeypatch, caplog, path
):
    """The extractor failing on a text: the same 500 on both routes, no exception in `detail`,
    the error in the log under the request's id."""
    import quoteapi.extract

    secret = "KeyError('/srv/quoteapi/extract/cues.py')"

    def failing(text: str) -> None:
        raise KeyError("/srv/quoteapi/extract/cues.py")

    monkeypatch.setattr(quoteapi.extract, "extract_text", failing)
    app = create_app(
        {"TESTING": True, "API_KEYS": [KEY], "EXTRACT_PROCESSES": 0,
         "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"}
    )
    with caplog.at_level("ERROR", logger="quoteapi.api"):
        response = app.test_client().post(
            path, json={"text": "“Yes,” he said."}, headers={"X-API-Key": KEY}
        )
    body = assert_problem(response, 500)
    assert secret not in json.dumps(body) and body["title"] == "Internal Server Error"
    logged = [r.getMessage() for r in caplog.records]
    assert any(body["request_id"] in line and secret in line for line in logged), logged


def test_server_errors_are_logged_with_the_request_id(tmp_path, caplog):
    missing = tmp_path / "no" / "x.sqlite3"
    (tmp_path / "no").write_text("a file where a directory should be")
    app = create_app({"TESTING": False, "DATABASE_URL": f"sqlite:///{missing}"})
    with caplog.at_level("ERROR", logger="quoteapi.api"):
        body = assert_problem(app.test_client().get("/speakers"), 500)
    assert any(body["request_id"] in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.7", "example.com", "::"])
def test_dev_server_refuses_other_than_loopback(host):
    from click.testing import CliRunner

    from quoteapi.cli import main

    result = CliRunner().invoke(main, ["serve", "--dev", "--host", host])
    assert result.exit_code == 2 and "loopback" in result.output


def test_dev_server_has_no_debugger(monkeypatch, tmp_path):
    """`--dev` runs Flask's server with the reloader but never Werkzeug's debugger console."""
    from click.testing import CliRunner
    from flask import Flask

    from quoteapi.cli import main

    seen = {}
    monkeypatch.setenv("QUOTEAPI_DATABASE_URL", f"sqlite:///{tmp_path / 'd.sqlite3'}")
    monkeypatch.setattr("quoteapi.cli.serve.seed_if_empty", lambda: None)
    monkeypatch.setattr(Flask, "run", lambda self, **options: seen.update(options))
    result = CliRunner().invoke(main, ["serve", "--dev", "--host", "::1"])
    assert result.exit_code == 0, result.output
    assert seen["use_debugger"] is False and seen["use_evalex"] is False
