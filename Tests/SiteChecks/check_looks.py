#!/usr/bin/env python3
"""How generated pages look in a real browser (headless Chromium), at phone and desktop widths.

    check_looks.py --root OUTPUT --pages index.html ... [--widths 390 1280] [--screenshots DIR]

For each page at each width, in one browser session:

- The layout viewport is set exactly with DevTools' device metrics (390 px is
  emulated as a phone, 1280 px as a desktop), and window.innerWidth is
  verified on a blank page first (the check stops if the browser did not give
  the width asked for).
- No horizontal overflow: the document is no wider than the viewport
  (scrollWidth <= clientWidth; rule "horizontal-overflow", naming the
  outermost elements that stick out and are not inside a scrolling box).
- Charts: every <svg role="img"> has a non-zero bounding box (rule
  "chart-empty-box") and draws at least one bar (or other mark) of non-zero
  size (rule "chart-no-bars"). A page without charts passes with a note.
- A screenshot of the viewport and of the whole page (up to 16,000 px tall)
  is written to --screenshots as <page>--<width>.png and <page>--<width>-full.png.

Prints JSON (see common.py).
"""

import argparse
import base64
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DESCRIBE_JS, emit, fail_tool, log, open_page, set_viewport, start_browser, violation  # noqa: E402

CHECK = "looks"
PHONE_MAX = 600  # widths up to this are emulated as a phone (touch, mobile viewport)
MAX_SHOT_HEIGHT = 16000

METRICS_JS = DESCRIBE_JS + r"""
const doc = document.documentElement;
const viewport = doc.clientWidth;
const scrollWidth = Math.max(doc.scrollWidth, document.body ? document.body.scrollWidth : 0);
const offenders = [];
if (scrollWidth > viewport) {
  const scrolls = (el) => { const o = getComputedStyle(el).overflowX; return o !== 'visible'; };
  const sticksOut = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > viewport + 0.5 || r.left < -0.5); };
  for (const el of document.body.querySelectorAll('*')) {
    if (!sticksOut(el)) continue;
    // Inside a box that clips or scrolls sideways, it does not widen the page.
    let a = el.parentElement, contained = false;
    while (a && a !== document.body) { if (scrolls(a)) { contained = true; break; } a = a.parentElement; }
    if (contained) continue;
    // Report the outermost offender only.
    if (el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)) continue;
    const r = el.getBoundingClientRect();
    offenders.push(window.__irsiteDescribe(el) + ' (left ' + Math.round(r.left) + ', right ' + Math.round(r.right) + ')');
    if (offenders.length >= 5) break;
  }
}
return {innerWidth: window.innerWidth, clientWidth: viewport, scrollWidth: scrollWidth,
        scrollHeight: Math.max(doc.scrollHeight, document.body ? document.body.scrollHeight : 0),
        offenders: offenders};
"""

CHARTS_JS = DESCRIBE_JS + r"""
const skip = '.background, .grid, .gridline, .baseline, .axis, .legend, .swatch, defs, clipPath, mask, pattern, marker, symbol';
return [...document.querySelectorAll('svg[role="img"]')].map((svg) => {
  const box = svg.getBoundingClientRect();
  let marks = [...svg.querySelectorAll('.bar, .bars rect, .bars path, .series rect, .series path, .marks > *')];
  let kind = 'bars';
  if (!marks.length) {
    marks = [...svg.querySelectorAll('rect, path, polygon, polyline, circle, ellipse')]
      .filter((el) => !el.closest(skip));
    kind = 'shapes';
  }
  const drawn = marks.filter((m) => {
    const b = m.getBoundingClientRect();
    const st = getComputedStyle(m);
    return b.width > 0.5 && b.height > 0.5 && st.display !== 'none' && st.visibility !== 'hidden' && st.opacity !== '0';
  });
  const figure = svg.closest('figure');
  const where = figure && figure.id ? '#' + figure.id : window.__irsiteDescribe(svg);
  return {where: where, width: box.width, height: box.height, kind: kind, marks: marks.length, drawn: drawn.length};
});
"""


def slug(page):
    return re.sub(r"[^A-Za-z0-9]+", "-", page.removesuffix(".html")).strip("-") or "page"


def screenshot(driver, path, width, height):
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
    })
    path.write_bytes(base64.b64decode(shot["data"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True)
    parser.add_argument("--pages", nargs="+", required=True)
    parser.add_argument("--widths", nargs="+", type=int, default=[390, 1280])
    parser.add_argument("--height", type=int, default=0, help="viewport height (default: 844 phone, 900 desktop)")
    parser.add_argument("--screenshots", default=None, help="folder for the PNG screenshots")
    args = parser.parse_args()
    root = Path(args.root)
    for page in args.pages:
        if not (root / page).is_file():
            fail_tool(CHECK, f"no page {page} under {root}")
    shots = Path(args.screenshots) if args.screenshots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    try:
        driver = start_browser(1280, 900)
    except Exception as error:  # noqa: BLE001
        fail_tool(CHECK, f"could not start headless Chromium: {error}")
    violations, notes, results, written = [], [], [], []
    chart_count = 0
    page = "-"
    try:
        for width in args.widths:
            phone = width <= PHONE_MAX
            height = args.height or (844 if phone else 900)
            set_viewport(driver, width, height, mobile=phone)
            # The width the browser really gives, on a page that cannot overflow (an overflowing page
            # makes a phone zoom out, and its innerWidth grows: that is the overflow check's business).
            driver.get("data:text/html,<meta name='viewport' content='width=device-width, initial-scale=1'><p>x")
            given = driver.execute_script("return window.innerWidth")
            if given != width:
                fail_tool(CHECK, f"asked Chromium for a {width} px viewport and got {given} px")
            for page in args.pages:
                log(f"site-checks: looks {page} at {width} px")
                open_page(driver, root, page)
                m = driver.execute_script(METRICS_JS)
                if m["scrollWidth"] > m["clientWidth"]:
                    where = "; ".join(m["offenders"]) or "no single element found"
                    violations.append(violation(page, "horizontal-overflow",
                                                f"at {width} px the page is {m['scrollWidth']} px wide "
                                                f"(viewport {m['clientWidth']} px): {where}", width=width))
                charts = driver.execute_script(CHARTS_JS)
                chart_count += len(charts)
                for c in charts:
                    if c["width"] < 1 or c["height"] < 1:
                        violations.append(violation(page, "chart-empty-box",
                                                    f"at {width} px chart {c['where']} is {c['width']:.0f} x "
                                                    f"{c['height']:.0f} px", width=width))
                    elif c["drawn"] == 0:
                        violations.append(violation(page, "chart-no-bars",
                                                    f"at {width} px chart {c['where']} draws no bar "
                                                    f"({c['marks']} {c['kind']}, none of non-zero size)", width=width))
                if shots:
                    base = shots / f"{slug(page)}--{width}"
                    view = Path(f"{base}.png")
                    full = Path(f"{base}-full.png")
                    screenshot(driver, view, m["clientWidth"], height)
                    screenshot(driver, full, m["clientWidth"], min(m["scrollHeight"], MAX_SHOT_HEIGHT))
                    written += [str(view), str(full)]
                results.append({"page": page, "width": width, "innerWidth": m["innerWidth"],
                                "clientWidth": m["clientWidth"], "scrollWidth": m["scrollWidth"],
                                "charts": len(charts)})
    except Exception as error:  # noqa: BLE001
        fail_tool(CHECK, f"browser check failed on {page}: {type(error).__name__}: {error}")
    finally:
        driver.quit()
    if chart_count == 0:
        notes.append("no <svg role=img> chart on the checked pages: the chart checks pass vacuously")
    emit(CHECK, violations, notes, results=results, screenshots=written)


if __name__ == "__main__":
    main()
