"""The API's HTML pages under their Content-Security-Policy, in Debian's Chromium: Swagger UI at
/docs (local assets, one inline script allowed by its hash) and the widget demo render, and the
browser reports no CSP violation. Screenshots go to test-artifacts/."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import REPO, api_app, seeded_database, serving
from services import unavailable

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"

if not CHROMIUM.exists():
    unavailable(f"{CHROMIUM} is missing: `make setup` installs it (apt-get install chromium)",
                module_level=True)
from playwright.sync_api import Page, sync_playwright

WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    (event) => window.__violations.push(event.violatedDirective + " " + event.blockedURI));
"""


@pytest.fixture(scope="module")
def api_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(api_app(seeded_database(tmp_path_factory))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


def visit(browser, url: str, shot: str) -> tuple[Page, list[str]]:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(WATCH_VIOLATIONS)
    page.goto(url, wait_until="networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / shot))
    return page, console


def assert_no_violation(page: Page, console: list[str]) -> None:
    assert page.evaluate("window.__violations") == []
    assert not [line for line in console if "Content Security Policy" in line], console


def test_swagger_ui_works_under_its_policy(browser, api_url: str) -> None:  # type: ignore[no-untyped-def]
    page, console = visit(browser, f"{api_url}/docs/", "docs.png")
    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock").count() >= 8  # every operation is listed
    assert_no_violation(page, console)


def test_the_widget_demo_works_under_its_policy(browser, api_url: str) -> None:  # type: ignore[no-untyped-def]
    page, console = visit(browser, f"{api_url}/widget/demo", "widget-demo.png")
    page.wait_for_function(
        "document.querySelector('quote-widget')?.shadowRoot?.querySelectorAll('blockquote, li')"
        ".length > 0",
        timeout=15_000,
    )
    assert_no_violation(page, console)


def test_an_injected_inline_script_is_refused(browser, api_url: str) -> None:  # type: ignore[no-untyped-def]
    """The policy is what stops it: a script the page did not carry when hashed does not run."""
    page, _ = visit(browser, f"{api_url}/docs/", "docs-injected.png")
    page.evaluate(
        "const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
        "document.body.append(s);"
    )
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in page.evaluate("window.__violations"))


def test_try_it_out_starts_with_the_optional_filters_empty(browser, api_url: str) -> None:  # type: ignore[no-untyped-def]
    """Swagger UI's "Try it out" on GET /quotes: no filter is filled in, so "Execute" at once
    answers with quotes (it used to fill six filters with their examples, and find nothing)."""
    page, _ = visit(browser, f"{api_url}/docs/", "docs.png")
    operation = page.locator("#operations-Quotes-searchQuotes")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    for name in ("q", "role", "from", "to", "source", "cursor"):
        assert operation.locator(f"tr[data-param-name='{name}'] input").input_value() == "", name
    for name in ("type", "sort"):
        assert operation.locator(f"tr[data-param-name='{name}'] select").input_value() in ("", "--")
    assert "Example: direct" in operation.locator("tr[data-param-name='type']").text_content()
    operation.get_by_role("button", name="Execute").click()
    status = operation.locator(".live-responses-table tr.response .response-col_status").first
    status.wait_for(timeout=15_000)
    assert status.text_content().strip() == "200"
    answer = operation.locator(".live-responses-table tr.response").text_content()
    assert '"total": 0,' not in answer and '"speaker": {' in answer  # quotes, not an empty page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "docs-try-it-out.png"), full_page=False)


def test_the_front_page_works_under_its_policy(browser, api_url: str) -> None:  # type: ignore[no-untyped-def]
    page, console = visit(browser, f"{api_url}/?q=disarray", "front-page-search.png")
    assert page.locator("ol.quotes li").count() >= 1
    assert_no_violation(page, console)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_demo_form_is_labelled_and_drives_the_widget(browser, api_url: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1100, "height": 900}, color_scheme=scheme)
    page.goto(f"{api_url}/widget/demo", wait_until="networkidle")
    form = page.locator("#try")
    form.get_by_label("Speaker").fill("Boris Johnson")
    form.get_by_label("Limit").fill("2")
    form.get_by_label("Minimum length").fill("60")
    form.get_by_label("Mixed").uncheck()
    form.get_by_role("button", name="Show quotes").click()
    widget = page.locator("#try-widget")
    assert widget.get_attribute("types") == "direct"
    page.wait_for_selector("#try-widget[data-state='ready'][speaker='Boris Johnson']")
    page.wait_for_function(
        "document.getElementById('try-widget').shadowRoot.querySelector('.speaker')"
        ".textContent === 'Boris Johnson'"
    )
    assert widget.locator("li.quote.direct").count() == widget.locator("li.quote").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("section:has(#try)").screenshot(path=str(ARTIFACTS / f"widget-demo-form-{scheme}.png"))
    page.close()
