"""Headless Debian Chromium driven by selenium 4, one browser for the whole session.

Only /usr/bin/chromium and /usr/bin/chromedriver (scripts/system_deps.sh installs them) are used:
with an explicit driver path and binary, Selenium Manager never downloads a browser or a driver.
"""

from pathlib import Path

import os
import pytest
import shutil
import sys
import tempfile


CHROMIUM = os.environ.get("EZABRZE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("EZABRZE_CHROMEDRIVER", "/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "test" / "screenshots"
# The browser tests' shared helpers (keyboard.py) are imported by name: pytest's importlib mode does not put
# a test's folder on sys.path by itself.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))
CHROMIUM_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1024",
)


@pytest.fixture(scope="session")
def browser():
    """A selenium WebDriver on headless Debian Chromium."""
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
    if missing:
        pytest.fail(
            f"Missing {', '.join(missing)}: run scripts/system_deps.sh (make system-deps) "
            "to install Debian's chromium and chromium-driver.",
            pytrace=False,
        )
    # Belt and braces: should Selenium Manager ever run, it must not go online.
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="ezabrze-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in CHROMIUM_ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={profile}")
    driver = None
    try:
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        driver.set_page_load_timeout(60)
        driver.set_script_timeout(120)
        yield driver
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
