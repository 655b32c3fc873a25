#!/usr/bin/env python3
"""Links of a generated site: every internal reference resolves.

    check_links.py --root OUTPUT [--base-url https://ir.example.com/] [--unpublished PREFIX ...]

For every *.html page under OUTPUT, every URL attribute (href, src, srcset,
poster, action, data, xlink:href, <meta http-equiv=refresh>), plus the <loc>s
of sitemap.xml and the links of feed.xml, must:

- not be a file:// URL                                  (rule "file-url")
- not be root-relative "/x", which breaks under file:// (rule "root-relative")
- when relative, stay inside OUTPUT                     (rule "escapes-root")
- name a file that exists                               (rule "dead-link")
- name a file, not a folder (file:// shows no index)    (rule "folder-link")
- have its #fragment as an id (or <a name>) in the target page or SVG
                                                        (rule "dead-fragment")
- not point into an unpublished path (--unpublished releases/2011-q1/ ...)
                                                        (rule "unpublished")
Absolute URLs under --base-url (canonical, og:url, sitemap, feed) are mapped
into OUTPUT and checked the same way; other absolute URLs (mailto:, https:
elsewhere) are not fetched. Every IDREF on a page (for, headers, list,
aria-labelledby, aria-describedby, aria-controls, aria-owns, aria-details,
aria-activedescendant, aria-errormessage) must name an id on that page
(rule "dead-idref"). A file under an unpublished prefix that exists at all is
a violation too (rule "unpublished-file").

Stdlib only. Prints JSON (see common.py).
"""

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit, fail_tool, files_under, violation  # noqa: E402

CHECK = "links"

URL_ATTRIBUTES = {"href", "src", "poster", "action", "data", "xlink:href", "cite", "formaction", "manifest"}
IDREF_ATTRIBUTES = {"for", "headers", "list", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns",
                    "aria-details", "aria-activedescendant", "aria-errormessage", "aria-flowto"}
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.refs = []  # (line, tag, attribute, url)
        self.idrefs = []  # (line, tag, attribute, id)
        self.in_svg = 0

    def handle_starttag(self, tag, attrs):
        self._element(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def _element(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in URL_ATTRIBUTES:
                if tag == "base":
                    continue
                self.refs.append((line, tag, name, value.strip()))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.refs.append((line, tag, name, url))
            elif name in IDREF_ATTRIBUTES:
                for ident in value.split():
                    self.idrefs.append((line, tag, name, ident))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            m = re.search(r"url\s*=\s*['\"]?([^'\"]+)", values.get("content") or "", re.IGNORECASE)
            if m:
                self.refs.append((line, tag, "content", m.group(1).strip()))


class Site:
    def __init__(self, root, base_url, unpublished):
        self.root = Path(root).resolve()
        self.base = base_url.rstrip("/") + "/" if base_url else None
        self.unpublished = [u.lstrip("/") for u in unpublished]
        self.cache = {}

    def ids_of(self, rel):
        """The ids a fragment may name in the file at rel (HTML or SVG); None for other kinds of file."""
        if rel in self.cache:
            return self.cache[rel]
        path = self.root / rel
        ids = None
        if rel.endswith((".html", ".htm")):
            parser = PageParser()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            ids = parser.ids
        elif rel.endswith(".svg"):
            ids = set(re.findall(r"\bid=[\"']([^\"']+)[\"']", path.read_text(encoding="utf-8", errors="replace")))
        self.cache[rel] = ids
        return ids

    def is_unpublished(self, rel):
        return any(rel == p.rstrip("/") or rel.startswith(p) for p in self.unpublished)

    def check(self, page, line, where, url, out):
        """Appends the violations of one URL found on `page` (a relative path) to out."""
        def add(rule, message):
            out.append(violation(page, rule, f"{where}: {message}", line=line, url=url))

        if url == "" or url.startswith("#"):
            target_rel, fragment = page, unquote(url[1:])
            if fragment:
                self.fragment(page, target_rel, fragment, add)
            return
        if url.lower().startswith("file:"):
            add("file-url", "absolute file:// URL; links must be relative")
            return
        if url.startswith("//"):
            return  # protocol-relative: another host
        if SCHEME.match(url):
            if self.base and url.startswith(self.base):
                rest = url[len(self.base):]
                self.internal(page, PurePosixPath("."), rest, add, absolute=True)
            return
        if url.startswith("/"):
            add("root-relative", "root-relative URL breaks when the site is opened from a folder or a URL prefix")
            return
        self.internal(page, PurePosixPath(page).parent, url, add, absolute=False)

    def internal(self, page, base_dir, url, add, absolute):
        parts = urlsplit(url)
        path = unquote(parts.path)
        fragment = unquote(parts.fragment)
        # No path: the page itself (a bare "?q" or "#f"), or the site's root for an absolute base URL.
        joined = base_dir / path if path else (PurePosixPath(".") if absolute else PurePosixPath(page))
        # Normalise ".." by hand so an escape is seen before touching the disk.
        stack = []
        for part in joined.parts:
            if part in ("", "."):
                continue
            if part == "..":
                if not stack:
                    add("escapes-root", "leads outside the site's folder")
                    return
                stack.pop()
            else:
                stack.append(part)
        rel = "/".join(stack)
        if self.is_unpublished(rel) or self.is_unpublished(rel + "/"):
            add("unpublished", f"points to unpublished '{rel}'")
            return
        target = self.root / rel if rel else self.root
        if path.endswith("/") or target.is_dir():
            index = (rel + "/index.html").lstrip("/")
            if not (self.root / index).is_file():
                add("dead-link", f"'{rel or '.'}' is a folder without index.html")
                return
            if not absolute:
                add("folder-link", f"links to the folder '{rel or '.'}'; under file:// that shows no page "
                                   f"(link '{index}' instead)")
                return
            rel = index
        elif not target.is_file():
            add("dead-link", f"'{rel}' does not exist")
            return
        if fragment:
            self.fragment(page, rel, fragment, add)

    def fragment(self, page, target_rel, fragment, add):
        ids = self.ids_of(target_rel)
        if ids is None or fragment in ("top",):
            return
        if fragment not in ids:
            where = "this page" if target_rel == page else f"'{target_rel}'"
            add("dead-fragment", f"no id '{fragment}' in {where}")


def xml_urls(path):
    """(line, element, url) of sitemap <loc>s and Atom/RSS links in an XML file."""
    found = []
    try:
        tree = ET.parse(path)
    except ET.ParseError as error:
        return [(error.position[0], "xml", None, f"not well-formed: {error}")]
    for el in tree.iter():
        tag = el.tag.split("}")[-1]
        if tag == "loc" and el.text:
            found.append((0, "loc", el.text.strip(), None))
        elif tag == "link" and el.get("href"):
            found.append((0, "link", el.get("href").strip(), None))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True)
    parser.add_argument("--base-url", default=None, help="the site's base_url: absolute links under it are checked")
    parser.add_argument("--unpublished", nargs="*", default=[], metavar="PREFIX",
                        help="output paths that must not be linked nor exist (releases/2011-q1/, data/2011-q1.)")
    args = parser.parse_args()
    root = Path(args.root)
    if not root.is_dir():
        fail_tool(CHECK, f"no such folder: {root}")
    site = Site(root, args.base_url, args.unpublished)
    violations = []
    pages = files_under(root, ".html")
    checked = 0
    for page in pages:
        parsed = PageParser()
        parsed.feed((root / page).read_text(encoding="utf-8", errors="replace"))
        site.cache[page] = parsed.ids
        for line, tag, attribute, url in parsed.refs:
            checked += 1
            site.check(page, line, f"<{tag} {attribute}>", url, violations)
        for line, tag, attribute, ident in parsed.idrefs:
            if ident not in parsed.ids:
                violations.append(violation(page, "dead-idref", f"<{tag} {attribute}>: no id '{ident}' on this page",
                                            line=line))
    for name in ("sitemap.xml", "feed.xml"):
        path = root / name
        if not path.is_file():
            continue
        for line, element, url, problem in xml_urls(path):
            if problem:
                violations.append(violation(name, "xml", problem, line=line))
                continue
            checked += 1
            site.check(name, None, f"<{element}>", url, violations)
    for prefix in site.unpublished:
        hits = [p for p in files_under(root, "") if p == prefix.rstrip("/") or p.startswith(prefix)]
        for hit in hits[:5]:
            violations.append(violation(hit, "unpublished-file", f"unpublished file '{hit}' is in the output"))
    emit(CHECK, violations, [], pages=len(pages), references=checked)


if __name__ == "__main__":
    main()
