"""A real browser on a real server: headless Chromium (Debian's ``chromium`` and
``chromium-driver``) driven by selenium over uvicorn serving a store built from
corpus/letters. Each test checks what a reader sees, that the browser's console shows no
error, and saves a screenshot under docs/screenshots/ (the README shows them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MEETING = "/id/meeting/summit/2025-06-24-the-hague"
LETTER = "/id/letter/bz2628703"  # the report of the Helsingborg foreign ministers meeting, 2026


def _missing_browser() -> str | None:
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(path).exists():
            return f"{path} is not installed (apt-get install chromium chromium-driver); .ci/run installs it"
    return None


@pytest.fixture(scope="module")
def server(corpus_store_dir):
    from natokg.serve import ServeConfig, create_app
    from support.live_server import live_server

    with live_server(create_app(ServeConfig(store_dir=corpus_store_dir))) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    missing = _missing_browser()
    if missing:
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1280,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # an explicit driver path: Selenium Manager never tries to download one
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def screenshot(driver, name: str) -> None:
    """A PNG of the whole page (the window grown to the page's height, within reason)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(int(height), 800), 2400))
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    driver.set_window_size(1280, 1000)


def open_page(driver, url: str):
    from selenium.webdriver.common.by import By

    driver.get(url)
    assert not console_errors(driver), url
    return driver.find_element(By.TAG_NAME, "body")


def test_home_page_shows_what_the_dataset_holds(browser, server) -> None:
    from selenium.webdriver.common.by import By

    body = open_page(browser, server + "/")
    assert "letters" in body.text.lower()
    hrefs = {a.get_attribute("href") for a in browser.find_elements(By.TAG_NAME, "a")}
    for path in ("/query", "/charts"):
        assert server + path in hrefs
    screenshot(browser, "home")


def test_query_page_runs_a_typed_query_and_shows_rows(browser, server) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(browser, server + "/query")
    editor = browser.find_element(By.TAG_NAME, "textarea")
    editor.clear()
    editor.send_keys(
        "PREFIX nkg: <https://w3id.org/natokg/ontology#>\n"
        "SELECT ?summit ?start WHERE { ?summit a nkg:Summit ; nkg:startDate ?start } ORDER BY ?start"
    )
    editor.find_element(By.XPATH, "ancestor::form").submit()
    WebDriverWait(browser, 60).until(ready.presence_of_element_located((By.CSS_SELECTOR, "table tbody tr")))
    rows = browser.find_elements(By.CSS_SELECTOR, "table tbody tr")
    assert len(rows) >= 10
    assert "The Hague" in browser.find_element(By.TAG_NAME, "table").text  # labels, not IRIs
    assert not console_errors(browser)
    screenshot(browser, "query")


def test_meeting_page_shows_its_label_properties_and_evidence(browser, server) -> None:
    body = open_page(browser, server + MEETING)
    assert "The Hague" in body.text
    assert "2025-06-24" in body.text
    screenshot(browser, "meeting")


def test_letter_page_highlights_the_extracted_statements(browser, server) -> None:
    from selenium.webdriver.common.by import By

    body = open_page(browser, server + LETTER)
    assert "Helsingborg" in body.text
    highlights = browser.find_elements(By.CSS_SELECTOR, ".letter-text a.hl")
    assert len(highlights) >= 10
    assert len({h.get_attribute("class") for h in highlights}) >= 3  # kinds in distinct colours
    assert highlights[0].get_attribute("title")  # hovering shows the statement
    screenshot(browser, "letter")


def test_chart_page_draws_the_timeline(browser, server) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, server + "/charts/meetings-timeline")
    chart = browser.find_element(By.CSS_SELECTOR, "svg.chart")
    assert chart.size["width"] > 500
    assert len(chart.find_elements(By.CSS_SELECTOR, ".mark")) >= 20
    screenshot(browser, "chart-timeline")
    open_page(browser, server + "/charts/topic-heatmap")
    screenshot(browser, "chart-heatmap")


def test_skips_with_a_reason_when_chromium_is_absent(monkeypatch) -> None:
    monkeypatch.setattr(Path, "exists", lambda self: False)
    assert "apt-get install chromium chromium-driver" in _missing_browser()

