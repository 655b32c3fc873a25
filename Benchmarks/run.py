#!/usr/bin/env python3
"""Times IRSite and Hugo on the benchmark corpus at archive scale.

    python3 Benchmarks/run.py [--sizes 100,1000,4000] [--runs 5] [--no-hugo]
                              [--irsite PATH] [--templates DIR] [--work DIR]
                              [--write-readme]

For each size N it writes the corpus of N releases twice: as IRSite content
(Benchmarks/make_irsite_corpus.py) and as a Hugo site (the shared
make_corpus.py --flavor hugo), both from the same releases. Then it builds
each `--runs` times from clean (the output folder deleted before each run)
and measures, per run, the wall time, the CPU time (user + system) and the
peak resident memory of the build process (from os.wait4), and the pages
written (.html files). For IRSite it then times an incremental rebuild:
one sentence appended to a middle release's commentary, rebuilt into the
existing output (a different sentence each run; the file is restored at the
end). It prints the medians as a Markdown table on stdout, progress on
stderr, and with --write-readme rewrites the results section of
Benchmarks/README.md (between its marker comments) with the table and the
machine's facts.

Without --irsite it runs `swift build -c release` in the repository and
uses .build/release/irsite. Hugo is Debian's `hugo` on PATH; when it is
missing the Hugo rows are skipped with a message.

Python 3 standard library only.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_CORPUS = os.path.normpath(os.path.join(REPO, "..", "shared", "bench", "make_corpus.py"))
GENERATOR = os.path.join(HERE, "make_irsite_corpus.py")
README = os.path.join(HERE, "README.md")
NOW = "3100-01-01T00:00:00+00:00"  # after every release of the corpus: all published
MARK_START = "<!-- results:start -->"
MARK_END = "<!-- results:end -->"


def log(message):
    print(message, file=sys.stderr, flush=True)


def fail(message):
    log(f"run.py: {message}")
    sys.exit(1)

# --------------------------------------------------------------- measuring


class Run:
    """One measured process: wall and CPU seconds, peak RSS in KiB, exit status."""

    def __init__(self, wall, cpu, max_rss_kib, status, stderr):
        self.wall, self.cpu, self.max_rss_kib, self.status, self.stderr = wall, cpu, max_rss_kib, status, stderr


def busy_cpu_seconds():
    """CPU seconds the whole machine has spent busy since boot (/proc/stat), or None."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


# Per measured run: CPU seconds that other processes used during it (machine busy time
# minus the build's own). Well above zero means other work competed for the cores.
OTHER_CPU = []


def measure(argv, cwd=None):
    """Runs argv to completion; rusage is the child's own (os.wait4), not this script's."""
    busy_before = busy_cpu_seconds()
    errors = os.path.join(WORK, "last-stderr.txt")
    with open(errors, "wb") as err:
        started = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting again
    busy_after = busy_cpu_seconds()
    if busy_before is not None and busy_after is not None:
        OTHER_CPU.append((max(0.0, busy_after - busy_before - usage.ru_utime - usage.ru_stime), wall))
    with open(errors, encoding="utf-8", errors="replace") as err:
        text = err.read()
    # ru_maxrss is in KiB on Linux.
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, child.returncode, text)


def count_html(folder):
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))


def remove(path):
    if os.path.isdir(path):
        shutil.rmtree(path)


def checked(run, what):
    if run.status != 0:
        tail = "\n".join(run.stderr.strip().splitlines()[-20:])
        fail(f"{what} failed with status {run.status}:\n{tail}")
    return run

# ----------------------------------------------------------------- corpora


def file_digest(*paths):
    h = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def generate(kind, n, args):
    """The corpus folder of `kind` ("irsite" or "hugo") for n releases, made unless already there."""
    folder = os.path.join(WORK, f"{kind}-{n}")
    stamp = f"{kind} {n} seed={args.seed} {file_digest(GENERATOR, args.corpus_script)}\n"
    stamp_file = os.path.join(WORK, f"{kind}-{n}.stamp")
    if os.path.isdir(folder) and os.path.isfile(stamp_file) and open(stamp_file).read() == stamp:
        return folder
    remove(folder)
    if os.path.exists(stamp_file):
        os.remove(stamp_file)
    seed = [] if args.seed is None else ["--seed", str(args.seed)]
    if kind == "irsite":
        argv = [sys.executable, GENERATOR, "--releases", str(n), "--out", folder,
                "--corpus-script", args.corpus_script] + seed
    else:
        argv = [sys.executable, args.corpus_script, "--quarters", str(n), "--out", folder, "--flavor", "hugo"] + seed
    log(f"[{kind} N={n}] generating the corpus in {folder}")
    started = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        fail(f"generating {folder} failed:\n{result.stderr}")
    log(f"[{kind} N={n}] generated in {time.perf_counter() - started:.1f} s")
    with open(stamp_file, "w") as f:
        f.write(stamp)
    return folder

# -------------------------------------------------------------- the builds


def irsite_argv(args, content, output):
    return [args.irsite, "build", "--content", content, "--templates", args.templates,
            "--output", output, "--now", NOW]


def hugo_argv(source, output):
    return ["hugo", "--source", source, "--destination", output, "--quiet"]


def full_builds(tool, n, argv, output, runs):
    """`runs` clean builds; returns the list of (Run, pages)."""
    results = []
    for r in range(runs):
        remove(output)
        # irsite's build cache beside the output: a clean build starts without it.
        cache = os.path.join(os.path.dirname(output), "." + os.path.basename(output) + ".irsite-cache")
        if os.path.exists(cache):
            os.remove(cache)
        run = checked(measure(argv), f"{tool} build of N={n}")
        pages = count_html(output)
        log(f"[{tool} N={n}] run {r + 1}/{runs}: {run.wall:.2f} s wall, {run.cpu:.2f} s CPU, "
            f"{run.max_rss_kib / 1024:.0f} MiB peak, {pages} pages")
        results.append((run, pages))
    return results


def middle_release(content):
    """The release file in the middle of the archive (by name, i.e. by period)."""
    names = sorted(f for f in os.listdir(os.path.join(content, "releases")) if f.endswith(".md"))
    return os.path.join(content, "releases", names[len(names) // 2])


def incremental_builds(n, args, content, output, runs):
    """After a full build into `output`: edit one release's commentary, rebuild, `runs` times."""
    path = middle_release(content)
    slug = os.path.basename(path)[:-3]
    page = os.path.join(output, "releases", slug, "index.html")
    with open(path, encoding="utf-8") as f:
        original = f.read()
    results = []
    try:
        for r in range(runs):
            sentence = f"Benchmark edit {r + 1}: the Company reaffirmed its outlook for the year."
            with open(path, "w", encoding="utf-8") as f:
                f.write(original.rstrip("\n") + "\n\n" + sentence + "\n")
            run = checked(measure(irsite_argv(args, content, output)), f"incremental irsite build of N={n}")
            seen = os.path.isfile(page) and sentence in open(page, encoding="utf-8").read()
            log(f"[irsite N={n}] incremental {r + 1}/{runs} ({slug} edited): {run.wall:.3f} s wall, "
                f"{run.cpu:.2f} s CPU, {run.max_rss_kib / 1024:.0f} MiB peak"
                + ("" if seen else f"; WARNING: the edit is not in {page}"))
            results.append((run, None))
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
    return results


def inprocess_rebuilds(n, args, content, output, runs):
    """What `irsite serve` does after a save, timed inside one process:
    `irsite-bench rebuild` builds once to warm up, then edits the middle release
    and rebuilds `runs` times, printing each rebuild's wall time."""
    path = middle_release(content)
    argv = [args.irsite_bench, "rebuild", "--content", content, "--templates", args.templates,
            "--output", output, "--now", NOW, "--edit", path, "--runs", str(runs)]
    proc = subprocess.run(argv, capture_output=True, text=True)
    if proc.returncode != 0:
        fail(f"irsite-bench rebuild failed for N={n}:\n{proc.stderr[-2000:]}")
    walls = []
    for line in proc.stdout.splitlines():
        log(f"[irsite N={n}] in-process {line}")
        if line.startswith("run "):
            walls.append(float(line.split(": ", 1)[1].split(" s", 1)[0]))
    wall = statistics.median(walls)
    return {"n": n, "tool": "IRSite, one release edited, in process (serve)", "runs": len(walls), "wall": wall,
            "cpu": None, "peak_mib": None, "pages": None, "pages_per_s": None, "walls": walls}


def summarize(n, tool, results):
    walls = [r.wall for r, _ in results]
    pages = results[0][1]
    wall = statistics.median(walls)
    return {
        "n": n, "tool": tool, "runs": len(results),
        "wall": wall,
        "cpu": statistics.median(r.cpu for r, _ in results),
        "peak_mib": statistics.median(r.max_rss_kib for r, _ in results) / 1024,
        "pages": pages,
        "pages_per_s": pages / wall if pages else None,
        "walls": walls,
    }

# ----------------------------------------------------------------- reports


def table(rows):
    out = ["| N | tool | wall s | CPU s | peak MiB | pages | pages/s |",
           "|---:|:---|---:|---:|---:|---:|---:|"]
    for r in rows:
        wall = f"{r['wall']:.3f}" if r["wall"] < 1 else f"{r['wall']:.2f}"
        pages = "-" if r["pages"] is None else f"{r['pages']:,}"
        rate = "-" if r["pages_per_s"] is None else f"{r['pages_per_s']:,.0f}"
        cpu = "-" if r["cpu"] is None else f"{r['cpu']:.2f}"
        peak = "-" if r["peak_mib"] is None else f"{r['peak_mib']:,.0f}"
        out.append(f"| {r['n']:,} | {r['tool']} | {wall} | {cpu} | {peak} | {pages} | {rate} |")
    return "\n".join(out)


def first_line(argv):
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        text = (result.stdout or result.stderr).strip()
        return text.splitlines()[0] if text else "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "not found"


def contention():
    """How busy the machine was with other work while the builds ran."""
    if not OTHER_CPU:
        return "unknown"
    other = sum(c for c, _ in OTHER_CPU)
    wall = sum(w for _, w in OTHER_CPU)
    worst = max(c / w for c, w in OTHER_CPU if w > 0)
    return (f"{other / wall:.2f} cores busy on average (worst run {worst:.2f}) of {os.cpu_count()}"
            + ("" if other / wall < 0.1 else "; wall times are inflated accordingly"))


def machine_facts(args, hugo):
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    system = platform.platform()
    try:
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip().strip('"') + f" (Linux {platform.release()})"
    except OSError:
        pass
    return [
        ("CPUs", f"{os.cpu_count()} × {cpu}"),
        ("Memory", memory),
        ("OS", system),
        ("Swift", first_line(["swift", "--version"])),
        ("irsite", first_line([args.irsite, "--version"])),
        ("Hugo", first_line(["hugo", "version"]) if hugo else "not installed (skipped)"),
        ("Python", platform.python_version()),
        ("Other processes during the runs", contention()),
    ]


def results_section(args, rows, facts, corpus_sizes):
    lines = [MARK_START,
             f"Measured {datetime.date.today().isoformat()} with `python3 Benchmarks/run.py "
             f"{' '.join(shlex.quote(a) for a in sys.argv[1:])}`: medians of {args.runs} runs "
             f"(incremental: {args.incremental_runs}); full builds start from an empty output folder.",
             "", table(rows), ""]
    if corpus_sizes:
        lines.append("Corpus: " + "; ".join(corpus_sizes) + ".")
        lines.append("")
    lines += [f"- {k}: {v}" for k, v in facts]
    lines.append(MARK_END)
    return "\n".join(lines)


def write_readme(section):
    if not os.path.isfile(README):
        fail(f"{README} is missing")
    text = open(README, encoding="utf-8").read()
    start, end = text.find(MARK_START), text.find(MARK_END)
    if start < 0 or end < start:
        fail(f"{README} has no '{MARK_START}' ... '{MARK_END}' section to rewrite")
    text = text[:start] + section + text[end + len(MARK_END):]
    with open(README, "w", encoding="utf-8") as f:
        f.write(text)
    log(f"run.py: wrote the results to {README}")


def folder_size(folder, suffix):
    total = count = 0
    for root, _, files in os.walk(folder):
        for f in files:
            if f.endswith(suffix):
                total += os.path.getsize(os.path.join(root, f))
                count += 1
    return total, count

# -------------------------------------------------------------------- main


def main():
    global WORK
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 2)[2])
    ap.add_argument("--sizes", default="100,1000,4000", help="numbers of releases, comma-separated (default 100,1000,4000)")
    ap.add_argument("--runs", type=int, default=5, help="full builds per size and tool (default 5)")
    ap.add_argument("--incremental-runs", type=int, default=None, help="incremental rebuilds per size (default: --runs; 0: none)")
    ap.add_argument("--no-hugo", action="store_true", help="time IRSite only")
    ap.add_argument("--irsite", help="an irsite binary to time (default: swift build -c release, then .build/release/irsite)")
    ap.add_argument("--irsite-bench", help="the irsite-bench binary for in-process rebuilds (default: irsite-bench beside --irsite)")
    ap.add_argument("--templates", default=os.path.join(REPO, "Templates"), help="the templates folder (default: the repository's)")
    ap.add_argument("--work", default=os.path.join(HERE, ".work"), help="scratch folder for corpora and outputs (default Benchmarks/.work)")
    ap.add_argument("--seed", type=int, default=None, help="corpus seed (default: make_corpus.py's)")
    ap.add_argument("--corpus-script", default=DEFAULT_CORPUS, help=f"make_corpus.py (default {DEFAULT_CORPUS})")
    ap.add_argument("--write-readme", action="store_true", help="rewrite the results section of Benchmarks/README.md")
    args = ap.parse_args()
    try:
        args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error("--sizes takes numbers separated by commas, such as 100,1000,4000")
    if not args.sizes or min(args.sizes) < 1 or args.runs < 1:
        ap.error("--sizes and --runs must be positive")
    if args.incremental_runs is None:
        args.incremental_runs = args.runs
    if not os.path.isfile(args.corpus_script):
        fail(f"the corpus generator is not at {args.corpus_script}; pass --corpus-script PATH")
    WORK = os.path.abspath(args.work)
    os.makedirs(WORK, exist_ok=True)

    if args.irsite is None:
        log(f"run.py: swift build -c release in {REPO}")
        if subprocess.run(["swift", "build", "-c", "release"], cwd=REPO, stdout=sys.stderr).returncode != 0:
            fail("swift build -c release failed")
        args.irsite = os.path.join(REPO, ".build", "release", "irsite")
    args.irsite = os.path.abspath(args.irsite)
    if not os.access(args.irsite, os.X_OK):
        fail(f"{args.irsite} is not an executable")
    args.irsite_bench = os.path.abspath(args.irsite_bench or os.path.join(os.path.dirname(args.irsite), "irsite-bench"))
    if args.incremental_runs > 0 and not os.access(args.irsite_bench, os.X_OK):
        fail(f"{args.irsite_bench} is not an executable (swift build -c release builds it beside irsite)")
    args.templates = os.path.abspath(args.templates)

    hugo = not args.no_hugo and shutil.which("hugo") is not None
    if not args.no_hugo and not hugo:
        log("hugo not found: install Debian's hugo (apt-get install hugo) to compare; skipping")

    rows, corpus_sizes = [], []
    for n in args.sizes:
        content = generate("irsite", n, args)
        output = os.path.join(WORK, f"irsite-{n}-out")
        md, _ = folder_size(os.path.join(content, "releases"), ".md")
        yaml, _ = folder_size(os.path.join(content, "periods"), ".yaml")
        line = f"N = {n:,}: IRSite {md / 2**20:.1f} MiB of Markdown and {yaml / 2**20:.1f} MiB of facts"
        rows.append(summarize(n, "IRSite", full_builds("irsite", n, irsite_argv(args, content, output), output, args.runs)))
        if args.incremental_runs:
            inc = incremental_builds(n, args, content, output, args.incremental_runs)
            rows.append(summarize(n, "IRSite, one release edited", inc))
            rows.append(inprocess_rebuilds(n, args, content, output, args.incremental_runs))
        remove(output)
        if hugo:
            source = generate("hugo", n, args)
            output = os.path.join(WORK, f"hugo-{n}-out")
            hmd, _ = folder_size(os.path.join(source, "content"), ".md")
            line += f", Hugo {hmd / 2**20:.1f} MiB of Markdown"
            rows.append(summarize(n, "Hugo", full_builds("hugo", n, hugo_argv(source, output), output, args.runs)))
            remove(output)
        corpus_sizes.append(line)

    print(table(rows))
    log(f"run.py: other processes during the runs: {contention()}")
    with open(os.path.join(WORK, "results.json"), "w") as f:
        json.dump({"sizes": args.sizes, "runs": args.runs, "rows": rows}, f, indent=1)
    if args.write_readme:
        write_readme(results_section(args, rows, machine_facts(args, hugo), corpus_sizes))


if __name__ == "__main__":
    main()
