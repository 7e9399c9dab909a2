"""Compare two release builds of trialexport on the same sample library: per-summary wall and CPU time of
each format, alternating the binaries round by round so both see the same machine load. Prints a Markdown
table (medians over the rounds) with NEW/OLD ratios. Each binary runs in its own checkout, as `make bench`
does, so it reads that checkout's trialexport.yaml, layouts and fonts.

Usage: python3 bench/compare.py OLD_BINARY NEW_BINARY [--count 200] [--rounds 5] [--steps pdf,epub,digest,jsonld,all]"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def checkout(binary):
    """The checkout a binary was built in (the folder above .build): its trialexport.yaml, layouts and fonts."""
    d = os.path.dirname(binary)
    while d != "/" and not os.path.exists(os.path.join(d, "Package.swift")):
        d = os.path.dirname(d)
    return d


def timed(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=checkout(cmd[0]))
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--steps", default="", help="comma-separated step names to run (default: all)")
    args = ap.parse_args()
    binaries = {"old": os.path.abspath(args.old), "new": os.path.abspath(args.new)}
    work = tempfile.mkdtemp(prefix="trialexport-compare-")
    # Steps: the same layouts for both (what the old build rendered by default), each other format, and
    # each build's default `all` (the new one also renders the brief layout).
    steps = {
        "pdf (a4 + large-print)": ["--formats", "pdf", "--layout", "a4", "--layout", "large-print"],
        "epub": ["--formats", "epub"],
        "digest": ["--formats", "digest"],
        "jsonld": ["--formats", "jsonld"],
        "all (each build's defaults)": [],
    }
    if args.steps:
        steps = {k: v for k, v in steps.items() if k.split(" ")[0] in args.steps.split(",")}
    try:
        # One library both can read: written by the old build (the new one reads every older summary).
        lib = os.path.join(work, "lib")
        subprocess.run([binaries["old"], "sample", "--count", str(args.count), "--seed", "1", "--output", lib],
                       check=True, stdout=subprocess.DEVNULL)
        times = {(b, s): [] for b in binaries for s in steps}
        for r in range(args.rounds):
            order = ["old", "new"] if r % 2 == 0 else ["new", "old"]
            for step, extra in steps.items():
                for b in order:
                    # A fresh folder per run, all deleted at the end: a deletion just before a cold run makes this
                    # journal-less ext4 scan the freed inodes while creating files (bench/run.py, "Fresh folders").
                    out = os.path.join(work, f"out-{b}-{r}-{step.split(' ')[0]}")
                    times[(b, step)].append(timed([binaries[b], "all", "--quiet", "--input", lib, "--output", out] + extra))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    n = args.count
    print(f"{n} summaries, {args.rounds} rounds, medians; ms per summary")
    print("| step | old wall | new wall | new/old | old CPU | new CPU | new/old |")
    print("|---|---|---|---|---|---|---|")
    for step in steps:
        ow = statistics.median(w for w, _ in times[("old", step)]) * 1000 / n
        nw = statistics.median(w for w, _ in times[("new", step)]) * 1000 / n
        oc = statistics.median(c for _, c in times[("old", step)]) * 1000 / n
        nc = statistics.median(c for _, c in times[("new", step)]) * 1000 / n
        print(f"| {step} | {ow:.2f} | {nw:.2f} | {nw / ow:.2f} | {oc:.2f} | {nc:.2f} | {nc / oc:.2f} |")


if __name__ == "__main__":
    main()
