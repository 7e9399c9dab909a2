"""Cold `trialexport all` of one or more release builds on one library, interleaved round by round (so each build
sees the same machine load), each run into a fresh output folder; every output is deleted only after the last
timed run (see "Fresh folders" in bench/run.py: a deletion just before a cold run costs this ext4 seconds).
Each binary runs in its own checkout (its trialexport.yaml, layouts and fonts), as bench/compare.py does.

Prints one line per run (wall, user, sys, max RSS, load average before it) and a Markdown table of medians.

Usage: python3 bench/cold.py LIBRARY BINARY [BINARY …] [--rounds 3] [--jobs N] [--work DIR]"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from compare import checkout


def timed(binary, library, out, jobs):
    cmd = [binary, "all", "--quiet", "--input", library, "--output", out] + (["--jobs", str(jobs)] if jobs else [])
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=checkout(binary))
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return {"wall": wall, "user": usage.ru_utime, "sys": usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024, "load": load}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("library")
    ap.add_argument("binaries", nargs="+")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=0, help="--jobs for every run (default: the tool's own)")
    ap.add_argument("--work", default=None, help="folder for the outputs (default: a new one under /tmp)")
    args = ap.parse_args()
    binaries = [os.path.abspath(b) for b in args.binaries]
    library = os.path.abspath(args.library)
    work = tempfile.mkdtemp(prefix="trialexport-cold-", dir=args.work)
    runs = {b: [] for b in binaries}
    try:
        for r in range(args.rounds):
            order = binaries if r % 2 == 0 else binaries[::-1]
            for i, b in enumerate(order):
                out = os.path.join(work, f"round{r}-{binaries.index(b)}")
                t = timed(b, library, out, args.jobs)
                runs[b].append(t)
                print(f"round {r} {b}: wall {t['wall']:.2f} s, user {t['user']:.2f} s, sys {t['sys']:.2f} s, "
                      f"max RSS {t['rss_mb']:.0f} MB, load before {t['load']:.2f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\ncold `all` on {library}, {args.rounds} rounds interleaved, medians")
    print("| binary | wall s | user s | sys s | CPU s | max RSS MB |")
    print("|---|---|---|---|---|---|")
    for b in binaries:
        m = {k: statistics.median(t[k] for t in runs[b]) for k in ("wall", "user", "sys", "rss_mb")}
        cpu = statistics.median(t["user"] + t["sys"] for t in runs[b])
        print(f"| {b} | {m['wall']:.2f} | {m['user']:.2f} | {m['sys']:.2f} | {cpu:.2f} | {m['rss_mb']:.0f} |")


if __name__ == "__main__":
    main()
