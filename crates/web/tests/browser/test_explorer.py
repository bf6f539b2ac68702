"""The explorer in a real headless Chromium (docs/web.md, "Testing").

Run by scripts/web-test.sh, which builds the page first:

    python3 crates/web/tests/browser/test_explorer.py SITE_DIR EXPECTED_COMMAND...

It serves SITE_DIR on a free loopback port, opens the page in headless
Chromium through Selenium and chromedriver, and checks what a student sees
against the library's values computed natively by EXPECTED_COMMAND (the
`expected` example of crates/web, which calls twolevel_game and
twolevel_tournament directly): the grim threshold after moving the pi
slider, and the scores of a match played move by move. It then runs the
15-player round robin of Axelrod's first tournament and an evolution, and
prints how long they took in the browser (a figure to report, never a
condition: the project has no timed assertions).
"""

import functools
import http.server
import json
import socket
import subprocess
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

# Generous waits: a slow CI machine must not fail the test.
WAIT_SECONDS = 120


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(site):
    """Serves `site` on a free loopback port in a thread; returns the URL and the server."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def set_input(driver, element_id, value):
    """Sets a slider or a number field as a user would, firing `input`."""
    driver.execute_script(
        "const e = document.getElementById(arguments[0]);"
        "e.value = arguments[1];"
        "e.dispatchEvent(new Event('input', {bubbles: true}));",
        element_id,
        str(value),
    )


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print(f"ok: {message}")


def expected(command, case):
    output = subprocess.run(
        [*command, json.dumps(case)], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    site, command = sys.argv[1], sys.argv[2:]
    url, server = serve(site)
    driver = browser()
    try:
        started = time.perf_counter()
        driver.get(url)
        WebDriverWait(driver, WAIT_SECONDS).until(
            lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true"
        )
        print(f"page loaded and ready in {1000 * (time.perf_counter() - started):.0f} ms")
        check(driver.find_element(By.ID, "status").text == "Ready.", "the library loaded")

        # 1. Move the pi slider: the threshold shown is the library's.
        case = {"w": 0.0, "pi": 0.37, "alpha": 1.0, "gamma": 2.0, "theta": 4.0,
                "turns": 5, "opponent": "Tit For Tat", "moves": "CDCCD", "seed": 1}
        reference = expected(command, case)
        driver.find_element(By.ID, "horizon-turns").click()
        set_input(driver, "turns", case["turns"])
        for name in ("w", "alpha", "gamma", "theta", "pi"):
            set_input(driver, name, case[name])
        shown = driver.find_element(By.ID, "threshold")
        check(shown.text == f"{reference['threshold']:.4f}",
              f"threshold shown {shown.text} at pi = 0.37 is the library's {reference['threshold']}")
        check(float(shown.get_attribute("data-value")) == reference["threshold"],
              "the threshold's full value is the library's, bit for bit")
        point = driver.find_element(By.ID, "curve-point")
        check(point is not None, "the current point is marked on the curve")
        set_input(driver, "pi", 0.9)
        moved = float(driver.find_element(By.ID, "threshold").get_attribute("data-value"))
        again = expected(command, {**case, "pi": 0.9})["threshold"]
        check(moved == again, f"after moving pi to 0.9 the threshold {moved} is the library's")
        set_input(driver, "pi", case["pi"])
        advice = driver.find_element(By.ID, "advice").text
        check("lever" in advice, f"the page says which lever helps most: {advice[:90]}...")

        # 2. Play a match move by move against Tit For Tat.
        Select(driver.find_element(By.ID, "opponent")).select_by_value(case["opponent"])
        set_input(driver, "match-seed", case["seed"])
        driver.find_element(By.ID, "new-match").click()
        for action in case["moves"]:
            driver.find_element(By.ID, f"play-{action}").click()
        words = driver.find_element(By.ID, "match-words")
        check(driver.find_element(By.ID, "your-moves").text == case["moves"], "your moves are shown")
        check(driver.find_element(By.ID, "their-moves").text == "CCDCC",
              "Tit For Tat copies your previous move")
        for side in ("you", "them"):
            for currency in ("policy", "political", "utility"):
                attribute = f"data-{side}-{currency}"
                value = float(words.get_attribute(attribute))
                check(value == reference[side][currency],
                      f"{side}: {currency} total {value} is the library's match")
        check("policy payoff" in words.text and "The match is over." in words.text,
              f"scores in words: {words.text}")
        check(not driver.find_element(By.ID, "play-C").is_enabled(), "no move after the last round")

        # 3. Axelrod's first tournament: 15 players, 200 turns, classic game.
        set_input(driver, "w", 0)
        set_input(driver, "pi", 0)
        set_input(driver, "turns", 200)
        driver.find_element(By.ID, "axelrod-first").click()
        set_input(driver, "repetitions", 5)
        driver.find_element(By.ID, "run-rr").click()
        status = driver.find_element(By.ID, "rr-status")
        WebDriverWait(driver, WAIT_SECONDS).until(lambda d: status.get_attribute("data-players"))
        rows = driver.find_elements(By.CSS_SELECTOR, "#ranking tbody tr")
        check(status.get_attribute("data-players") == "15" and len(rows) == 15,
              "the 15-player round robin ran and its ranking has 15 rows")
        bars = driver.find_elements(By.CSS_SELECTOR, "#rr-plot rect.bar")
        check(len(bars) == 15, "its plot has a bar a player")
        print(f"TIMING round robin, 15 players x 200 turns x 5 repetitions: "
              f"{status.get_attribute('data-milliseconds')} ms in headless Chromium")

        # 4. An evolution on the same players.
        set_input(driver, "generations", 300)
        driver.find_element(By.ID, "run-evolution").click()
        evolution = driver.find_element(By.ID, "evolution-status")
        WebDriverWait(driver, WAIT_SECONDS).until(lambda d: evolution.get_attribute("data-points"))
        lines = driver.find_elements(By.CSS_SELECTOR, "#evolution-plot polyline.share")
        check(len(lines) == 15 and int(evolution.get_attribute("data-points")) > 1,
              f"the Moran process is plotted: {evolution.text}")
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        check(not errors, f"no errors in the browser console {errors}")
    finally:
        driver.quit()
        server.shutdown()
    print("the explorer passed in headless Chromium")


if __name__ == "__main__":
    main()
