"""Shared helpers for the site checks (stdlib only; the browser part imports selenium lazily).

Every check script prints one JSON object on stdout:

    {"check": NAME, "ok": bool, "violations": [...], "notes": [...], "seconds": float, ...}

Each violation names the page (a path relative to the checked folder), the rule
and a message, so the Swift test that drives the script can fail with a line
that says what is wrong where. Progress and tool noise go to stderr.
"""

import json
import os
import shutil
import sys
import time
from pathlib import Path

START = time.monotonic()


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def violation(page, rule, message, **extra):
    item = {"page": page, "rule": rule, "message": message}
    item.update({k: v for k, v in extra.items() if v is not None})
    return item


def emit(check, violations, notes=(), **extra):
    """Prints the result and exits 0: the verdict is in the JSON, not the exit status."""
    result = {
        "check": check,
        "ok": not violations,
        "violations": list(violations),
        "notes": list(notes),
        "seconds": round(time.monotonic() - START, 2),
    }
    result.update(extra)
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.stdout.flush()
    sys.exit(0)


def fail_tool(check, message):
    """The check could not run (a tool is missing or crashed): reported as one violation."""
    emit(check, [violation("-", "tool", message)])


def relative(path, root):
    return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()


def files_under(root, suffix):
    """Every file under root whose name ends with suffix, sorted, as relative POSIX paths."""
    root = Path(root)
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(suffix):
                found.append((Path(dirpath) / name).relative_to(root).as_posix())
    return found


# --- Browser -----------------------------------------------------------------

def find_executable(names, env):
    override = os.environ.get(env)
    if override:
        return override
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def start_browser(width=1280, height=900):
    """One headless Chromium (new headless mode) driven by Debian's chromedriver.

    The driver and browser paths are given explicitly so Selenium never tries to
    download a driver. IRSITE_CHROMIUM / IRSITE_CHROMEDRIVER override them.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = find_executable(["chromium", "chromium-browser", "google-chrome"], "IRSITE_CHROMIUM")
    driver_path = find_executable(["chromedriver"], "IRSITE_CHROMEDRIVER")
    if not chromium or not driver_path:
        raise RuntimeError("headless Chromium needs `chromium` and `chromedriver` on PATH "
                           "(Debian: apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--no-first-run", "--mute-audio", "--force-color-profile=srgb",
                "--font-render-hinting=none", f"--window-size={width},{height}", "--lang=en-US"):
        options.add_argument(arg)
    options.binary_location = chromium
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def set_viewport(driver, width, height, mobile):
    """Sets the layout viewport exactly (DevTools device metrics), whatever the window's minimum size."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile,
    })


def page_url(root, page):
    return (Path(root).resolve() / page).as_uri()


def open_page(driver, root, page):
    driver.get(page_url(root, page))
    driver.execute_script("return document.fonts ? document.fonts.ready.then(() => true) : true")


# A short, stable description of an element for failure messages: tag#id.class "text".
DESCRIBE_JS = r"""
window.__irsiteDescribe = function (el) {
  if (!el || el.nodeType !== 1) return String(el);
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  const cls = (el.getAttribute('class') || '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
  if (cls.length) s += '.' + cls.join('.');
  const href = el.getAttribute('href');
  if (href) s += '[href="' + href + '"]';
  const text = (el.getAttribute('aria-label') || el.innerText || el.textContent || '').trim().replace(/\s+/g, ' ');
  if (text) s += ' "' + (text.length > 50 ? text.slice(0, 47) + '...' : text) + '"';
  return s;
};
"""
