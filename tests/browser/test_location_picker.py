"""The map picker of the "Zgłoś problem" form in headless Chromium: mouse, touch and keyboard set the point,
a place outside Zabrze is refused, the address field stays, the form passes axe, a picked point is accepted.
"""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions import interaction
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.ui import WebDriverWait

import pytest
import support


pytestmark = [pytest.mark.server, pytest.mark.browser]

FORM = "dla-mieszkancow/formularze/zglos-problem"
# Zabrze's city hall area and a point in Gliwice (outside the outline of network/data/zabrze.geojson)
INSIDE = (18.7856, 50.3085)
OUTSIDE_CORNER = (2, 2)  # SVG coordinates of the map's corner: outside the city outline



def open_form(browser, server):
    browser.get(f"{server}/{FORM}")
    WebDriverWait(browser, 20).until(
        lambda driver: driver.execute_script(
            "const p = document.getElementById('ezabrze-location-picker'); return p && !p.hidden;"
        )
    )
    return browser.find_element(By.CSS_SELECTOR, "#ezabrze-location-picker svg")


def window_xy(browser, svg, x, y):
    """Window coordinates of the SVG user coordinates (x, y), after scrolling them to the middle of the window."""
    return browser.execute_script(
        """
        const svg = arguments[0], p = svg.createSVGPoint();
        p.x = arguments[1]; p.y = arguments[2];
        // "instant": Bootstrap makes scrolling smooth, the point would still move
        window.scrollBy({top: p.matrixTransform(svg.getScreenCTM()).y - window.innerHeight / 2, behavior: "instant"});
        const q = p.matrixTransform(svg.getScreenCTM());
        return [Math.round(q.x), Math.round(q.y)];
        """,
        svg,
        x,
        y,
    )


def tap(browser, svg, x, y, kind=interaction.POINTER_MOUSE):
    """A real click (or touch) of the pointer at the SVG user coordinates (x, y)."""
    left, top = window_xy(browser, svg, x, y)
    actions = ActionBuilder(browser, mouse=PointerInput(kind, kind))
    actions.pointer_action.move_to_location(left, top).pointer_down().pointer_up()
    actions.perform()


def svg_xy(browser, lon, lat):
    return browser.execute_script(
        """
        const d = document.getElementById('ezabrze-location-picker').dataset;
        const x = +d.margin + (arguments[0] - +d.west) * +d.scaleX * +d.factor;
        const y = +d.margin + (+d.north - arguments[1]) * +d.factor;
        return [x, y];
        """,
        lon,
        lat,
    )


def values(browser):
    return (
        browser.find_element(By.ID, "form-widgets-latitude").get_attribute("value"),
        browser.find_element(By.ID, "form-widgets-longitude").get_attribute("value"),
    )


def status(browser):
    return browser.find_element(By.CSS_SELECTOR, ".ezabrze-location-picker-status").text


def test_mouse_click_sets_the_point_and_outside_is_refused(server, browser):
    svg = open_form(browser, server)
    # the map stands right before the latitude field, the address field is still there with its label
    assert browser.execute_script(
        "const p = document.getElementById('ezabrze-location-picker');"
        "return p.nextElementSibling.contains(document.getElementById('form-widgets-latitude'));"
    )
    address = browser.find_element(By.ID, "form-widgets-address")
    assert address.is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, "label[for='form-widgets-address']").text

    tap(browser, svg, *svg_xy(browser, *INSIDE))
    lat, lon = values(browser)
    assert abs(float(lat) - INSIDE[1]) < 0.002 and abs(float(lon) - INSIDE[0]) < 0.002, (lat, lon)
    assert "." in lat  # a decimal point, which the form accepts
    assert status(browser).startswith("Ustawiono punkt: szerokość")

    tap(browser, svg, *OUTSIDE_CORNER)
    assert values(browser) == (lat, lon)  # unchanged
    assert "poza Zabrzem" in status(browser)

    clear = browser.find_element(By.CSS_SELECTOR, ".ezabrze-location-picker-clear")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", clear)
    clear.click()
    assert values(browser) == ("", "")
    assert status(browser) == "Punkt usunięto."


def test_touch_sets_the_point(server, browser):
    svg = open_form(browser, server)
    tap(browser, svg, *svg_xy(browser, *INSIDE), kind=interaction.POINTER_TOUCH)
    lat, lon = values(browser)
    assert abs(float(lat) - INSIDE[1]) < 0.002 and abs(float(lon) - INSIDE[0]) < 0.002, (lat, lon)


def test_keyboard_moves_the_marker_and_enter_sets_the_point(server, browser):
    open_form(browser, server)
    browser.find_element(By.ID, "form-widgets-address").click()
    # Tab from the field before the map reaches the map (a real focus stop, not only a mouse target)
    focused = None
    for _ in range(15):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        focused = browser.switch_to.active_element
        if "ezabrze-location-picker-map" in (focused.get_attribute("class") or ""):
            break
    assert "ezabrze-location-picker-map" in focused.get_attribute("class")
    assert focused.get_attribute("aria-label") == "Mapa Zabrza: zaznacz miejsce problemu"
    assert values(browser) == ("", "")
    focused.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_UP)
    assert status(browser).startswith("Znacznik: dzielnica")
    focused.send_keys(Keys.ENTER)
    lat, lon = values(browser)
    assert lat and lon, "Enter did not set the point"
    centre_lat, centre_lon = browser.execute_script(
        """
        const d = document.getElementById('ezabrze-location-picker').dataset;
        const box = document.querySelector('#ezabrze-location-picker svg').viewBox.baseVal;
        return [+d.north - (box.height / 2 - +d.margin) / +d.factor,
                +d.west + (box.width / 2 - +d.margin) / (+d.scaleX * +d.factor)];
        """
    )
    assert float(lon) > centre_lon and float(lat) > centre_lat  # right and up from the centre
    # Enter on the map set the point and did not submit the form
    assert FORM in browser.current_url and "form.buttons" not in browser.current_url


def test_picked_point_is_accepted_by_the_form(server, browser):
    svg = open_form(browser, server)
    Select(browser.find_element(By.ID, "form-widgets-category")).select_by_index(1)
    browser.find_element(By.ID, "form-widgets-description").send_keys("Przewrócony znak drogowy")
    tap(browser, svg, *svg_xy(browser, *INSIDE))
    button = browser.find_element(By.ID, "form-buttons-submit")
    browser.execute_script("arguments[0].form.requestSubmit(arguments[0]);", button)
    WebDriverWait(browser, 30).until(lambda driver: driver.find_elements(By.ID, "case-sign"))
    assert browser.find_element(By.ID, "case-sign").text.startswith("ZAB/")


def test_problem_form_with_the_map_has_no_serious_wcag_violations(server, browser):
    axe = support.accessibility_checks()
    open_form(browser, server)
    blocking = [v for v in axe.run_axe(browser) if v["impact"] in axe.BLOCKING_IMPACTS]
    assert not blocking, axe.format_violations(blocking)
