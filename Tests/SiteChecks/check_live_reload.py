#!/usr/bin/env python3
"""Live reload in a real browser: headless Chromium on a page of a real `irsite serve`.

    check_live_reload.py --irsite BIN --site DIR [--now INSTANT]

DIR holds Content/ and Templates/ (a copy: this script edits them). The script
starts `irsite serve` on a free loopback port, opens a release page and then:

  0. stops the server, edits the Markdown, starts it again: the page (of build 1,
     as is the new server's first build) must reconnect, reload and show the new words;
  1. edits the release's Markdown: the page must reload and show the new words;
  2. breaks a template: the page must show the diagnostics panel (its text is reported);
  3. mends it: the page must reload without the panel;
  4. breaks a figure (a total that no longer adds up): the panel again (text reported);
  5. mends it: the page must reload without the panel;
  6. stops the server, starts it again on the same port, edits the Markdown again:
     the page must reconnect by itself, reload and show the new words.

Every wait is bounded; the server and the browser are always stopped. Prints the
common JSON verdict (see common.py) with `overlays` (the panel's text after each
broken build) for the Swift test to check against the exact diagnostics.
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import emit, fail_tool, log, start_browser, violation  # noqa: E402

CHECK = "live-reload"
PAGE = "/releases/2001-q2/"
MARKDOWN = "Content/releases/2001-q2.md"
TEMPLATE = "Templates/release.mustache"
PERIOD = "Content/periods/2001-q2.yaml"
OVERLAY = "irsite-diagnostics"
WAIT = 30  # seconds for any one thing to happen


class Server:
    """`irsite serve` in the background, its output collected by two reader threads."""

    def __init__(self, irsite, site, port, now):
        self.out, self.err = [], []
        self.process = subprocess.Popen([irsite, "serve", "--port", str(port), "--now", now], cwd=site,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, start_new_session=True)
        for stream, into in ((self.process.stdout, self.out), (self.process.stderr, self.err)):
            threading.Thread(target=self._read, args=(stream, into), daemon=True).start()

    @staticmethod
    def _read(stream, into):
        for line in stream:
            into.append(line)

    def wait_for(self, what, condition):
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if condition():
                return
            if self.process.poll() is not None:
                raise RuntimeError(f"irsite serve ended ({self.process.returncode}) before {what}; stderr: {''.join(self.err)}")
            time.sleep(0.05)
        raise RuntimeError(f"no {what} within {WAIT} s; stderr: {''.join(self.err)}")

    def builds(self):
        return sum(1 for line in self.err if line.startswith("irsite serve: built:") or line.startswith("irsite serve: build failed"))

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=WAIT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=WAIT)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def replace(site, path, old, new):
    full = os.path.join(site, path)
    with open(full, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        raise RuntimeError(f"{path} does not contain {old!r}")
    # Written to a new file and renamed over, as editors save.
    with open(full + ".tmp", "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))
    os.replace(full + ".tmp", full)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--irsite", required=True)
    parser.add_argument("--site", required=True)
    parser.add_argument("--now", default="2002-06-01T00:00:00Z")
    args = parser.parse_args()
    # Stopped from outside (the Swift test's time limit): unwind, so `finally` stops the server and the browser.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    try:
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError as error:
        fail_tool(CHECK, f"selenium is not installed: {error}")

    violations, notes, overlays = [], [], {}
    port = free_port()
    server = None
    driver = None
    step = "start"

    def start_server():
        started = Server(args.irsite, args.site, port, args.now)
        started.wait_for("URL", lambda: any("(Ctrl-C stops)" in line for line in started.out))
        started.wait_for("first build", lambda: started.builds() >= 1)
        return started

    def wait_until(what, condition):
        try:
            # A script run just as the page reloads can fail (its document is going away): look again.
            WebDriverWait(driver, WAIT, poll_frequency=0.1, ignored_exceptions=(WebDriverException,)).until(lambda d: condition())
        except Exception as error:  # TimeoutException, or the page vanishing mid-reload
            raise RuntimeError(f"{what}: not within {WAIT} s ({type(error).__name__})") from None

    def mark():
        """Tags the loaded document, so a reload (a new document) is told from a patched one."""
        driver.execute_script("window.__irsiteMark = true;")

    def reloaded():
        return driver.execute_script("return document.readyState === 'complete' && !window.__irsiteMark;")

    def body_text():
        return driver.execute_script("return document.body ? document.body.textContent : '';")

    def overlay_text():
        return driver.execute_script(
            "var p = document.getElementById(arguments[0]); return p ? p.textContent : null;", OVERLAY)

    def expect_reload(what, text):
        wait_until(f"{what}: the page did not reload with {text!r}", lambda: reloaded() and text in body_text())
        if overlay_text() is not None:
            violations.append(violation(PAGE, "overlay-stays", f"{what}: the diagnostics panel is still shown"))
        mark()

    def expect_overlay(what, name):
        wait_until(f"{what}: no diagnostics panel", lambda: overlay_text() is not None)
        # The panel may be built by the script (no reload) or served with the page; both are fine.
        wait_until(f"{what}: the panel stays empty", lambda: (overlay_text() or "").strip() != "")
        overlays[name] = overlay_text()
        mark()

    try:
        step = "serve"
        server = start_server()
        step = "browser"
        driver = start_browser()
        driver.get(f"http://127.0.0.1:{port}{PAGE}")
        if "New Consumer Lineup" not in body_text():
            raise RuntimeError("the page does not show the release")
        mark()

        # The new server's first build has the page's generation (1) too: it must reload all the same.
        step = "restart with an edit made while stopped"
        server.stop()
        replace(args.site, MARKDOWN, "**New Consumer Lineup**", "**Offline Consumer Lineup**")
        server = start_server()
        expect_reload(step, "Offline Consumer Lineup")

        step = "good edit"
        replace(args.site, MARKDOWN, "**Offline Consumer Lineup**", "**Reloaded Consumer Lineup**")
        expect_reload(step, "Reloaded Consumer Lineup")

        step = "template error"
        replace(args.site, TEMPLATE, '<p class="not-for-release"', '<p>{{/oops}}</p>\n<p class="not-for-release"')
        expect_overlay(step, "template")
        step = "template mended"
        replace(args.site, TEMPLATE, '<p>{{/oops}}</p>\n', "")
        replace(args.site, MARKDOWN, "**Reloaded Consumer Lineup**", "**Mended Consumer Lineup**")
        expect_reload(step, "Mended Consumer Lineup")

        step = "content error"
        replace(args.site, PERIOD, "total_revenues: 9528307", "total_revenues: 9528308")
        expect_overlay(step, "content")
        step = "content mended"
        replace(args.site, PERIOD, "total_revenues: 9528308", "total_revenues: 9528307")
        replace(args.site, MARKDOWN, "**Mended Consumer Lineup**", "**Again Consumer Lineup**")
        expect_reload(step, "Again Consumer Lineup")

        step = "restart"
        server.stop()
        notes.append(f"stopped the server (status {server.process.returncode})")
        server = start_server()
        replace(args.site, MARKDOWN, "**Again Consumer Lineup**", "**Restarted Consumer Lineup**")
        server.wait_for("the build after the restart", lambda: server.builds() >= 2)
        wait_until(f"{step}: the page did not reconnect and reload with the new words",
                   lambda: reloaded() and "Restarted Consumer Lineup" in body_text())
        step = "done"
    except Exception as error:  # every failure is reported as a violation naming its step
        violations.append(violation(PAGE, "live-reload", f"{step}: {error}"))
    finally:
        if driver is not None:
            try:
                driver.quit()
            except Exception as error:
                log(f"driver.quit: {error}")
        if server is not None:
            server.stop()
            log("".join(server.err))

    emit(CHECK, violations, notes, overlays=overlays, port=port)


if __name__ == "__main__":
    main()
