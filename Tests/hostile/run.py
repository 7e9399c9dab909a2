#!/usr/bin/env python3
"""Runs the hostile corpus (cases.py) against a trialexport binary; prints one line per case and fails on any miss.

usage: run.py TRIALEXPORT [--only NAME …] [--measure]
--measure runs each case under /usr/bin/time -v and prints wall time and peak memory (for the issue's bounds;
never asserted here: speed is measured, not tested).
"""
import os, re, shutil, stat, subprocess, sys, tempfile, unicodedata

sys.path.insert(0, os.path.dirname(__file__))
import cases as corpus

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def tiny_layout():
    text = open(os.path.join(REPO, "layouts", "a4.yaml"), encoding="utf-8").read()
    text = text.replace("  size: a4            # a4 | letter, or width/height in mm", "  width: 100\n  height: 100")
    return re.sub(r"(top|right|bottom|left): 20", r"\1: 40", text)


def build(root, files):
    os.makedirs(os.path.join(root, "summaries"), exist_ok=True)
    fonts_done = layouts_done = any(rel.startswith("layouts/") for rel in files)
    fonts_done = False
    if layouts_done:
        shutil.copytree(os.path.join(REPO, "layouts"), os.path.join(root, "layouts"))
    for rel, content in files.items():
        path = os.path.join(root.encode(), rel.encode("utf-8", "surrogateescape"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if rel == "fonts" and content == "TRUNCATED-FONTS":
            path = os.fsdecode(path)
            shutil.copytree(os.path.join(REPO, "fonts"), path)
            regular = os.path.join(path, "AtkinsonHyperlegible-Regular.ttf")
            with open(regular, "r+b") as f:
                f.truncate(os.path.getsize(regular) // 3)
            fonts_done = True
        elif content == "LAYOUT:tiny":
            open(path, "w", encoding="utf-8").write(tiny_layout())
        elif isinstance(content, tuple) and content[0] == "symlink":
            os.symlink(content[1], path)
        elif isinstance(content, tuple) and content[0] == "fifo":
            os.mkfifo(path)
        elif isinstance(content, tuple) and content[0] == "dir":
            os.makedirs(path)
        elif isinstance(content, bytes):
            open(path, "wb").write(content)
        else:
            open(path, "wb").write(content.encode("utf-8", "surrogateescape"))
    if not fonts_done:
        os.symlink(os.path.join(REPO, "fonts"), os.path.join(root, "fonts"))
    if not layouts_done:
        os.symlink(os.path.join(REPO, "layouts"), os.path.join(root, "layouts"))


def display_width(line):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def check(binary, c, measure):
    root = tempfile.mkdtemp(prefix="hostile-")
    problems = []
    try:
        build(root, c["files"])
        cmd = [binary] + c["args"]
        if measure:
            cmd = ["/usr/bin/time", "-v"] + cmd
        env = dict(os.environ, SWIFT_BACKTRACE="enable=no")
        try:
            p = subprocess.run(cmd, cwd=root, capture_output=True, timeout=120, env=env)
        except subprocess.TimeoutExpired:
            return ["timed out after 120 s"], ""
        out = (p.stdout + p.stderr).decode("utf-8", "replace")
        figures = ""
        if measure:
            wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", out)
            rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out)
            cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", out))
            figures = f"wall {wall.group(1) if wall else '?'}, cpu {cpu:.2f} s, {int(rss.group(1)) // 1024 if rss else '?'} MB"
            out = out[:out.rfind("\tCommand being timed")] if "\tCommand being timed" in out else out
        if p.returncode != c["exit"]:
            problems.append(f"exit {p.returncode}, expected {c['exit']}")
        if not re.search(c["expect"], out):
            problems.append(f"output lacks /{c['expect']}/")
        for bad in c["forbid"] + ["Error Domain=", "Fatal error", "Segmentation fault", "stack overflow"]:
            if bad in out:
                problems.append(f"output holds {bad!r}")
        if RAW_CONTROL.search(out):
            problems.append("output holds a raw control character")
        if len(out) > 200_000:
            problems.append(f"output is {len(out)} characters long")
        if c["digest_width"] and p.returncode == 0:
            digest = os.path.join(root, "out", "digest", "patina.txt")
            for n, line in enumerate(open(digest, encoding="utf-8").read().split("\n"), 1):
                # A URL alone on its line stays whole (clickable) up to 900 bytes; nothing else passes 72 columns.
                whole_url = re.fullmatch(r"[> ]*(\[\d+\] )?(https?|mailto):\S+", line) and len(line.encode()) <= 998
                if display_width(line) > 72 and not whole_url:
                    problems.append(f"digest line {n} is {display_width(line)} columns wide")
                    break
        if problems:
            problems.append("output: " + out[:600].replace("\n", " | "))
        return problems, figures
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main():
    binary = os.path.abspath(sys.argv[1])
    only = sys.argv[sys.argv.index("--only") + 1:] if "--only" in sys.argv else None
    measure = "--measure" in sys.argv
    all_cases = corpus.cases()
    names = [c["name"] for c in all_cases]
    assert len(names) == len(set(names)), "case names must be unique"
    failed = 0
    for c in all_cases:
        if only and c["name"] not in only:
            continue
        problems, figures = check(binary, c, measure)
        status = "ok  " if not problems else "FAIL"
        print(f"{status} {c['cls']:8} {c['name']}" + (f"  [{figures}]" if figures else ""), flush=True)
        for p in problems:
            print("       " + p)
        failed += bool(problems)
    print(f"hostile corpus: {len(all_cases) if not only else len(only)} cases, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
