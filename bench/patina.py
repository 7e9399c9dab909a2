"""`make bench`, fixed case `patina-100`: PATINA (summaries/patina.yaml) copied under 100 ids, exported as PDF
handouts with one job, per layout. Reports CPU per handout (user + system of the whole process, from wait4(), so
loading, validating, writing and the manifest are included), wall time and peak RSS.

The same content every time, unlike the sample sizes: a change in these figures is a change in the code (or the
machine's load; the machine is shared, so take the lowest of several repeats).

Usage: python3 bench/patina.py BINARY [--repeats 5] [--layouts a4,large-print] [--jobs 1]"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COPIES = 100


def make_library(folder, copies=COPIES):
    """PATINA under ids patina-000 … patina-099 (each file's `id:` rewritten; nothing else changes)."""
    source = open(os.path.join(ROOT, "summaries", "patina.yaml"), encoding="utf-8").read()
    if not re.search(r"^id: patina$", source, flags=re.M):
        sys.exit("bench/patina.py: summaries/patina.yaml has no top-level `id: patina` line")
    os.makedirs(folder, exist_ok=True)
    for i in range(copies):
        name = f"patina-{i:03d}"
        with open(os.path.join(folder, name + ".yaml"), "w", encoding="utf-8") as f:
            f.write(re.sub(r"^id: patina$", f"id: {name}", source, count=1, flags=re.M))


def run_once(exe, library, out, layout, jobs):
    shutil.rmtree(out, ignore_errors=True)
    cmd = [exe, "pdf", "--quiet", "--input", library, "--output", out, "--layout", layout, "--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    written = len(os.listdir(os.path.join(out, "pdf", layout)))
    if written != COPIES:
        sys.exit(f"{' '.join(cmd)}: wrote {written} handouts, expected {COPIES}")
    cpu = usage.ru_utime + usage.ru_stime
    return {"cpu_ms_per_handout": round(1000 * cpu / COPIES, 2), "wall_s": round(wall, 3),
            "user_s": round(usage.ru_utime, 3), "sys_s": round(usage.ru_stime, 3),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


def measure(exe, layouts=("a4", "large-print"), jobs=1, repeats=5):
    """Each layout `repeats` times; the run with the least CPU stands for the layout (the others lost time to
    the machine's other work), with the median CPU beside it."""
    work = tempfile.mkdtemp(prefix="trialexport-patina-")
    try:
        library = os.path.join(work, "library")
        make_library(library)
        rows = []
        for layout in layouts:
            runs = [run_once(exe, library, os.path.join(work, "out"), layout, jobs) for _ in range(repeats)]
            best = min(runs, key=lambda r: r["cpu_ms_per_handout"])
            cpus = sorted(r["cpu_ms_per_handout"] for r in runs)
            rows.append(dict(best, layout=layout, jobs=jobs, handouts=COPIES, repeats=repeats,
                             median_cpu_ms_per_handout=cpus[len(cpus) // 2]))
        return rows
    finally:
        shutil.rmtree(work, ignore_errors=True)


def table(rows):
    lines = ["| case | layout | jobs | CPU ms / handout (best) | median | wall s (best run) | peak RSS MB |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| patina-100 | {r['layout']} | {r['jobs']} | {r['cpu_ms_per_handout']} | "
                     f"{r['median_cpu_ms_per_handout']} | {r['wall_s']} | {r['peak_rss_mb']} |")
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--layouts", default="a4,large-print")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    rows = measure(os.path.abspath(args.binary), args.layouts.split(","), args.jobs, args.repeats)
    for r in rows:
        print(json.dumps(r))
    print("\n".join(table(rows)))


if __name__ == "__main__":
    main()
