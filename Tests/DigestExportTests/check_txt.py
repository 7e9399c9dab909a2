#!/usr/bin/env python3
"""Checks the per-summary plain-text files of a digest output folder (stdlib only).

usage: check_txt.py DIGEST_FOLDER [BASE_URL]

Every <id>.txt: UTF-8, LF line ends, no trailing spaces, lines <= 72 columns (East Asian wide = 2,
combining and format characters = 0) except a lone URL, a `=` underlined title, and its page link
listed as a reference. The title lines of each .txt in digest.eml (when present) appear in its
decoded, unflowed body, so both outputs show the same headings.
"""
import email, email.policy, glob, os, re, sys, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_eml import unflow


def width(line):
    return sum(0 if unicodedata.category(c) in ('Mn', 'Me', 'Cf') else
               2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in line)


def main():
    folder = sys.argv[1]
    base = sys.argv[2] if len(sys.argv) > 2 else None
    problems = []
    body = None
    eml = os.path.join(folder, 'digest.eml')
    if os.path.exists(eml):
        m = email.message_from_bytes(open(eml, 'rb').read(), policy=email.policy.default)
        body = unflow(m.get_content())
    files = sorted(glob.glob(os.path.join(folder, '*.txt')))
    if not files:
        problems.append('no .txt files')
    for f in files:
        raw = open(f, 'rb').read()
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError as e:
            problems.append(f'{f}: not UTF-8: {e}')
            continue
        if '\r' in text or not text.endswith('\n'):
            problems.append(f'{f}: line ends must be LF, final LF')
        lines = text[:-1].split('\n')
        for n, line in enumerate(lines, 1):
            if line != line.rstrip():
                problems.append(f'{f}:{n}: trailing space')
            if width(line) > 72 and not re.fullmatch(r'(\[\d+\] )?(https?|mailto):\S+', line):
                problems.append(f'{f}:{n}: {width(line)} columns')
        try:
            under = next(i for i, l in enumerate(lines) if re.fullmatch(r'=+', l))
        except StopIteration:
            problems.append(f'{f}: no title underlined with =')
            continue
        sid = os.path.basename(f)[:-4]
        if base and not re.search(r'^\[\d+\] ' + re.escape(base + sid) + '$', text, re.M):
            problems.append(f'{f}: no reference to its page {base + sid}')
        if body is not None:
            heading = '\n'.join(lines[:under + 1])
            if heading not in body:
                problems.append(f'{f}: title block not found in digest.eml')
    for p in problems[:50]:
        print(p)
    print(f'{folder}: {len(files)} text files, {len(problems)} problems')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
