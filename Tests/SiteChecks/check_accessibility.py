#!/usr/bin/env python3
"""Accessibility of generated pages in a real browser (headless Chromium).

    check_accessibility.py --root OUTPUT --pages index.html releases/index.html ...

For each page, in one browser session:

- axe-core (bundled by PyPI's axe-selenium-python) with the tags wcag2a,
  wcag2aa, wcag21a, wcag21aa, wcag22aa: every violation of impact "serious"
  or "critical" is a violation here (rule "axe:<rule id>"); minor and
  moderate ones are notes, and so is what axe could not decide ("incomplete",
  e.g. colour contrast over a gradient), counted by reason.
- Keyboard: Tab is pressed through the page (real key events). Every link and
  control that is rendered must be reached (rule "keyboard-unreachable"), and
  each element that takes focus must show it: a non-none outline or a
  box-shadow while focused (rule "focus-not-visible"), inside the viewport
  (rule "focus-offscreen").
- Charts: every <svg role="img"> needs an accessible name as the browser
  computes it (rule "chart-name"), a description: a <desc>, aria-describedby
  or aria-description (rule "chart-description"), and a data table next to
  it: in its <figure>, or the element after it (rule "chart-data-table").

Prints JSON (see common.py).
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DESCRIBE_JS, emit, fail_tool, log, open_page, start_browser, violation  # noqa: E402

CHECK = "accessibility"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}

EXPECTED_FOCUSABLES_JS = DESCRIBE_JS + r"""
const selector = 'a[href], area[href], button, input, select, textarea, summary, iframe, object, embed, ' +
  'audio[controls], video[controls], [tabindex], [contenteditable]:not([contenteditable="false"])';
const rendered = (el) => {
  if (el.closest('[inert]')) return false;
  // Content of a closed <details> (other than its summary) cannot take focus.
  const closed = el.closest('details:not([open])');
  if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed)) return false;
  if (el.checkVisibility && !el.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true})) return false;
  if (!el.getClientRects().length) return false;
  return getComputedStyle(el).visibility === 'visible';
};
// Links and native controls are expected even with tabindex="-1" (that only hides them from the
// keyboard); other elements count when they opt in with tabindex >= 0.
const interactive = 'a[href], area[href], button, input, select, textarea, summary';
const expected = [...document.querySelectorAll(selector)].filter((el) => {
  if (el.disabled || el.closest('[aria-hidden="true"]')) return false;
  if (el.tabIndex < 0 && !el.matches(interactive)) return false;
  if (el.matches('input[type="hidden"]')) return false;
  if (el.tagName === 'SUMMARY') {
    const d = el.parentElement;
    if (!d || d.tagName !== 'DETAILS' || d.querySelector(':scope > summary') !== el) return false;
  }
  return rendered(el);
});
expected.forEach((el, i) => el.setAttribute('data-irsite-tab', String(i)));
if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
window.scrollTo(0, 0);
return expected.map((el) => window.__irsiteDescribe(el));
"""

FOCUSED_JS = r"""
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return null;
const st = getComputedStyle(el);
const transparent = (c) => c === 'transparent' || /rgba\([^)]*,\s*0(\.0+)?\)$/.test(c);
const outline = st.outlineStyle !== 'none' && (parseFloat(st.outlineWidth) || 0) > 0 && !transparent(st.outlineColor);
const shadow = !!st.boxShadow && st.boxShadow !== 'none';
const r = el.getBoundingClientRect();
const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
  r.top < window.innerHeight && r.left < window.innerWidth;
return {
  key: el.getAttribute('data-irsite-tab'),
  what: window.__irsiteDescribe ? window.__irsiteDescribe(el) : el.tagName,
  indicator: outline || shadow,
  style: 'outline: ' + st.outlineStyle + ' ' + st.outlineWidth + ' ' + st.outlineColor + '; box-shadow: ' + st.boxShadow,
  inView: inView,
};
"""

CHARTS_JS = DESCRIBE_JS + r"""
const texts = (ids) => (ids || '').split(/\s+/).filter(Boolean)
  .map((id) => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
return [...document.querySelectorAll('svg[role="img"]')].map((svg) => {
  let description = texts(svg.getAttribute('aria-describedby'));
  if (!description) description = (svg.getAttribute('aria-description') || '').trim();
  if (!description) {
    const d = svg.querySelector(':scope > desc');
    if (d) description = d.textContent.trim();
  }
  let table = null;
  const figure = svg.closest('figure');
  if (figure) table = figure.querySelector('table');
  if (!table) {
    const next = svg.nextElementSibling;
    if (next) table = next.matches('table') ? next : next.querySelector('table');
  }
  if (!table) {
    const details = document.getElementById(svg.getAttribute('aria-details') || '');
    if (details) table = details.matches('table') ? details : details.querySelector('table');
  }
  const rows = table ? table.querySelectorAll('tbody tr').length : 0;
  const where = figure && figure.id ? '#' + figure.id : window.__irsiteDescribe(svg);
  return {svg: svg, where: where, description: description, tableRows: rows, hasTable: !!table};
});
"""


def run_axe(driver, axe_script):
    """axe.run with the WCAG tags; returns the violations list (raises on an axe error)."""
    driver.execute_script(axe_script)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations', 'incomplete']})"
        "  .then((r) => done({violations: r.violations, version: axe.version,"
        "    incomplete: r.incomplete.map((i) => ({id: i.id, impact: i.impact, reasons: i.nodes.map((n) =>"
        "      ((n.any[0] || n.all[0] || n.none[0] || {}).data || {}).messageKey || 'unknown')}))}))"
        "  .catch((e) => done({error: String(e && e.stack || e)}));", TAGS)
    if "error" in result:
        raise RuntimeError(f"axe-core failed: {result['error']}")
    return result["violations"], result["version"], result.get("incomplete", [])


def incomplete_notes(page, incomplete, notes):
    """What axe could not decide ("needs review"), counted by rule and reason: not a failure, but worth a look."""
    for item in incomplete:
        reasons = {}
        for reason in item["reasons"]:
            reasons[reason] = reasons.get(reason, 0) + 1
        detail = ", ".join(f"{k} x{v}" for k, v in sorted(reasons.items(), key=lambda kv: -kv[1]))
        notes.append(f"{page}: axe could not decide {item['id']} for {len(item['reasons'])} element(s) "
                     f"(needs review: {detail})")


def axe_violations(page, violations, out, notes):
    for v in violations:
        targets = []
        for node in v.get("nodes", [])[:4]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            targets.append(f"{target} ({summary[:200]})" if summary else target)
        more = len(v.get("nodes", [])) - len(targets)
        text = f"{v['help']} [{v.get('impact')}]; {len(v.get('nodes', []))} element(s): " + "; ".join(targets)
        if more > 0:
            text += f"; and {more} more"
        if v.get("impact") in FAILING_IMPACTS:
            out.append(violation(page, "axe:" + v["id"], text, help=v.get("helpUrl")))
        else:
            notes.append(f"{page}: axe:{v['id']}: {text}")


def check_keyboard(driver, page, out):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    expected = driver.execute_script(EXPECTED_FOCUSABLES_JS)
    reached, order = set(), []
    for _ in range(len(expected) + 10):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        info = driver.execute_script(FOCUSED_JS)
        if info is None:
            break  # focus left the document: the Tab cycle is complete
        ident = info["key"] if info["key"] is not None else info["what"]
        if ident in reached:
            break  # wrapped around
        reached.add(ident)
        order.append(info["what"])
        if not info["indicator"]:
            out.append(violation(page, "focus-not-visible",
                                 f"{info['what']} takes focus without a visible indicator ({info['style']})"))
        elif not info["inView"]:
            out.append(violation(page, "focus-offscreen", f"{info['what']} takes focus outside the viewport"))
    missing = [what for i, what in enumerate(expected) if str(i) not in reached]
    for what in missing[:10]:
        out.append(violation(page, "keyboard-unreachable", f"{what} cannot be reached with Tab"))
    if len(missing) > 10:
        out.append(violation(page, "keyboard-unreachable", f"and {len(missing) - 10} more elements cannot be reached"))
    return {"focusable": len(expected), "reached": len(order)}


def check_charts(driver, page, out):
    charts = driver.execute_script(CHARTS_JS)
    for chart in charts:
        name = (chart["svg"].accessible_name or "").strip()
        where = chart["where"]
        if not name:
            out.append(violation(page, "chart-name", f"chart {where} has no accessible name"))
        if not chart["description"]:
            out.append(violation(page, "chart-description",
                                 f"chart {where} has no description (<desc>, aria-describedby or aria-description)"))
        if not chart["hasTable"] or chart["tableRows"] == 0:
            out.append(violation(page, "chart-data-table", f"chart {where} has no data table next to it"))
    return len(charts)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True)
    parser.add_argument("--pages", nargs="+", required=True, help="pages relative to root")
    parser.add_argument("--no-keyboard", action="store_true")
    args = parser.parse_args()
    root = Path(args.root)
    for page in args.pages:
        if not (root / page).is_file():
            fail_tool(CHECK, f"no page {page} under {root}")
    try:
        from axe_selenium_python import Axe
    except ImportError:
        fail_tool(CHECK, "axe-selenium-python is not installed (pip install -r Tests/SiteChecks/requirements.txt)")
    with open(Axe(None).script_url, encoding="utf-8") as f:
        axe_script = f.read()
    try:
        driver = start_browser(1280, 900)
    except Exception as error:  # noqa: BLE001 - any failure to start is reported the same way
        fail_tool(CHECK, f"could not start headless Chromium: {error}")
    violations, notes, pages = [], [], []
    version = None
    try:
        for page in args.pages:
            log(f"site-checks: accessibility {page}")
            open_page(driver, root, page)
            found, version, incomplete = run_axe(driver, axe_script)
            if not version.startswith("4."):
                fail_tool(CHECK, f"axe-core {version} is too old for the wcag21a/wcag22aa rules; "
                                 f"install axe-selenium-python 3 (see Tests/SiteChecks/requirements.txt)")
            axe_violations(page, found, violations, notes)
            incomplete_notes(page, incomplete, notes)
            charts = check_charts(driver, page, violations)
            keyboard = None
            if not args.no_keyboard:
                open_page(driver, root, page)  # a fresh load: nothing focused, scrolled to the top
                keyboard = check_keyboard(driver, page, violations)
            pages.append({"page": page, "charts": charts, "keyboard": keyboard})
            if charts == 0:
                notes.append(f"{page}: no <svg role=img> chart on this page: chart checks pass vacuously")
    except Exception as error:  # noqa: BLE001
        fail_tool(CHECK, f"browser check failed on {page}: {type(error).__name__}: {error}")
    finally:
        driver.quit()
    emit(CHECK, violations, notes, axeVersion=version, tags=TAGS, pages=pages)


if __name__ == "__main__":
    main()
