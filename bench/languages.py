"""Issue 19's speed goal, repeatable: what a summary costs in each language against English. Writes the same
synthetic trials in each language (`trialexport sample --seed 1 --language L`: the seed fixes every trial and
number, so the libraries differ only by language) and exports each with `trialexport all --jobs 1` into an empty
folder. Goal: at most +15 % per summary over English.

Two measures:
- CPU (default): user + system of the whole process from wait4(), median of --rounds runs, the languages
  interleaved round by round so all see the same load. On a shared machine read the ratios, not the times.
- Instructions (--instructions): one run per language under `valgrind --tool=callgrind` (a `strip -g` copy of the
  binary: valgrind 3.19 cannot read Swift 6.3's DWARF), which load does not change. Each run includes the same
  fixed costs (process start, the executable's SHA-256, layouts), so `extra` is the difference to English per
  summary; `vs en (whole run)` divides whole runs, fixed costs included, which understates the difference. Each
  language is also run on its first summary alone, and `per added summary` is (run of N − run of 1) / (N − 1):
  what one more summary costs, the goal's measure.

Usage: python3 bench/languages.py BINARY [--count 30] [--rounds 5] [--languages en,es,fr,de,ar,zh-Hans]
                                  [--formats pdf,epub,...] [--instructions] [--resources DIR]

--resources DIR exports with another checkout's layouts/ and fonts/ (`all --resources`), e.g. a font variant
measured with an unchanged binary; DIR should hold real files, not links (the executable's fingerprint reads
linked fonts whole)."""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def checkout(binary):
    """The checkout a binary was built in (the folder above .build): its trialexport.yaml, layouts and fonts."""
    d = os.path.dirname(binary)
    while d != "/" and not os.path.exists(os.path.join(d, "Package.swift")):
        d = os.path.dirname(d)
    return d if d != "/" else ROOT


def export_cmd(exe, lib, out, formats, resources):
    cmd = [exe, "all", "--quiet", "--jobs", "1", "--input", lib, "--output", out]
    return cmd + (["--formats", formats] if formats else []) + (["--resources", resources] if resources else [])


def cpu(cmd, cwd):
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return usage.ru_utime + usage.ru_stime


def instructions(cmd, cwd, work):
    out = os.path.join(work, "callgrind.out")
    proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd,
                          cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    m = re.search(r"Collected : (\d+)", proc.stderr)
    if not m:
        sys.exit(f"no instruction count in valgrind's output:\n{proc.stderr[-2000:]}")
    os.remove(out)
    return int(m.group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--count", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--languages", default="en,es,fr,de,ar,zh-Hans")
    ap.add_argument("--formats", default="", help="comma-separated formats (default: all)")
    ap.add_argument("--instructions", action="store_true", help="count instructions with callgrind instead of timing")
    ap.add_argument("--resources", default="", help="a checkout whose layouts/ and fonts/ to export with")
    args = ap.parse_args()
    langs = [l for l in args.languages.split(",") if l]
    if "en" not in langs:
        langs.insert(0, "en")
    exe = os.path.abspath(args.binary)
    cwd = checkout(exe)
    work = tempfile.mkdtemp(prefix="trialexport-languages-")
    try:
        if args.instructions:
            stripped = os.path.join(work, "trialexport")
            shutil.copy(exe, stripped)
            subprocess.run(["strip", "-g", stripped], check=True)
            exe = stripped
        libs, ones = {}, {}
        for lang in langs:
            libs[lang] = os.path.join(work, f"lib-{lang}")
            subprocess.run([exe, "sample", "--count", str(args.count), "--seed", "1", "--language", lang,
                            "--output", libs[lang]], check=True, stdout=subprocess.DEVNULL)
            # The same seed's first summary alone (`sample` writes the same trials whatever the count).
            ones[lang] = os.path.join(work, f"one-{lang}")
            subprocess.run([exe, "sample", "--count", "1", "--seed", "1", "--language", lang,
                            "--output", ones[lang]], check=True, stdout=subprocess.DEVNULL)
        out = os.path.join(work, "out")
        resources = os.path.abspath(args.resources) if args.resources else ""
        results = {lang: [] for lang in langs}
        single = {}
        for _ in range(1 if args.instructions else args.rounds):
            for lang in langs:
                shutil.rmtree(out, ignore_errors=True)
                cmd = export_cmd(exe, libs[lang], out, args.formats, resources)
                results[lang].append(instructions(cmd, cwd, work) if args.instructions else cpu(cmd, cwd))
        if args.instructions and args.count > 1:
            for lang in langs:
                shutil.rmtree(out, ignore_errors=True)
                single[lang] = instructions(export_cmd(exe, ones[lang], out, args.formats, resources), cwd, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    n = args.count
    what = args.formats or "every format"
    if args.instructions:
        print(f"`all --jobs 1` ({what}), {n} summaries per language, instructions (callgrind, one run each)")
        print("| language | M instructions / run | M / summary | extra per summary vs en | vs en (whole run) "
              "| M per added summary | vs en (per added summary) |")
        print("|---|---|---|---|---|---|---|")
        base = results["en"][0]
        # A run's fixed costs (start, the executable's SHA-256, fonts and layouts loaded) are in every run; what
        # one more summary costs is (run of n − run of 1) / (n − 1), the goal's "per summary".
        marginal = {lang: (results[lang][0] - single[lang]) / (n - 1) for lang in single}
        for lang in langs:
            v = results[lang][0]
            row = (f"| {lang} | {v / 1e6:,.0f} | {v / n / 1e6:.1f} | {(v - base) / n / 1e6:+.1f} M "
                   f"| {100 * (v / base - 1):+.1f} % |")
            if lang in marginal:
                row += f" {marginal[lang] / 1e6:.1f} | {100 * (marginal[lang] / marginal['en'] - 1):+.1f} % |"
            else:
                row += " | |"
            print(row)
    else:
        print(f"`all --jobs 1` ({what}), {n} summaries per language, CPU (user + system), median of {args.rounds} rounds")
        print("| language | CPU ms / summary | vs en |")
        print("|---|---|---|")
        base = statistics.median(results["en"])
        for lang in langs:
            v = statistics.median(results[lang])
            print(f"| {lang} | {v * 1000 / n:.2f} | {100 * (v / base - 1):+.1f} % |")


if __name__ == "__main__":
    main()
