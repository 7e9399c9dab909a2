#!/usr/bin/env python3
"""Checks a digest message with Python's own email package (stdlib only).

usage: check_eml.py MESSAGE.eml [--canonical TEXT_FILE] [--subject TEXT]

- wire: CRLF line ends only, 7-bit, every line <= 78 octets, final CRLF;
- parses with email.policy.strict (raises on any defect) and email.policy.default with no defects,
  on the message and on every header;
- exactly the expected header fields, each once (an injected Bcc or second Subject fails);
- Date, Message-ID, MIME, List-* values as RFC 5322/2045/2369/2919/8058 require; Content-Language a list of
  BCP 47 tags (RFC 3282); a non-ASCII Subject carried as RFC 2047 encoded words that decode to it;
- body: text/plain; charset=utf-8; format=flowed, quoted-printable; flowed lines <= 78 columns
  (a lone URL excepted); the visible unsubscribe link above the `-- ` signature;
- with --canonical: the body decoded and unflowed (RFC 3676 section 4) equals the file exactly.
"""
import argparse, email, email.header, email.policy, email.utils, re, sys

EXPECTED = ['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type',
            'Content-Transfer-Encoding', 'Content-Language', 'List-Id', 'List-Unsubscribe', 'List-Unsubscribe-Post']
TAG = r'[a-z]{2,3}(-[A-Za-z0-9]{2,8})*'


def unflow(text):
    """RFC 3676 section 4.1 (flowed lines), 4.3 (signature separator), 4.4 (unstuffing); DelSp=No."""
    out, buf, open_ = [], '', False
    lines = text.replace('\r\n', '\n').split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    for line in lines:
        if line.startswith(' '):
            line = line[1:]
        if line.endswith(' ') and line != '-- ':
            buf += line
            open_ = True
            continue
        out.append(buf + line)
        buf, open_ = '', False
    if open_:
        out.append(buf)
    return '\n'.join(out)


def check(path, canonical=None, subject=None):
    problems = []
    raw = open(path, 'rb').read()
    if not raw.endswith(b'\r\n'):
        problems.append('message does not end with CRLF')
    if b'\n' in raw.replace(b'\r\n', b'') or b'\r' in raw.replace(b'\r\n', b''):
        problems.append('bare LF or CR')
    if any(b > 0x7F for b in raw):
        problems.append('8-bit byte on the wire')
    for n, line in enumerate(raw.split(b'\r\n'), 1):
        if len(line) > 78:
            problems.append(f'line {n} is {len(line)} octets: {line[:60]!r}...')

    try:
        # strict raises on the first defect; header values are parsed lazily, so read every one.
        strict = email.message_from_bytes(raw, policy=email.policy.strict)
        for _, value in strict.items():
            str(value)
        strict.get_content()
    except Exception as e:
        problems.append(f'policy.strict: {e!r}')
    m = email.message_from_bytes(raw, policy=email.policy.default)
    if m.defects:
        problems.append(f'message defects: {m.defects}')
    names = [k for k in m.keys()]
    if sorted(names) != sorted(EXPECTED):
        problems.append(f'header fields {names}, expected each of {EXPECTED} once')
    for h in EXPECTED:
        values = m.get_all(h) or []
        if len(values) != 1:
            problems.append(f'{h}: {len(values)} fields')
            continue
        if getattr(values[0], 'defects', ()):
            problems.append(f'{h} defects: {values[0].defects}')
    if m.get_all('Bcc') is not None or m.get_all('Cc') is not None:
        problems.append('Bcc/Cc present')

    try:
        date = email.utils.parsedate_to_datetime(str(m['Date']))
        if date.utcoffset() is None:
            problems.append('Date without zone')
    except Exception as e:
        problems.append(f'Date {m["Date"]!r}: {e}')
    if not re.fullmatch(r'<[A-Za-z0-9.\-]+@[A-Za-z0-9.\-]+>', str(m['Message-ID'])):
        problems.append(f'Message-ID {m["Message-ID"]!r}')
    if str(m['MIME-Version']) != '1.0':
        problems.append('MIME-Version')
    if (m.get_content_type(), m.get_param('charset'), m.get_param('format')) != ('text/plain', 'utf-8', 'flowed'):
        problems.append(f'Content-Type {m["Content-Type"]!r}')
    if (m.get_param('delsp') or 'no').lower() != 'no':
        problems.append('delsp must be no')
    if str(m['Content-Transfer-Encoding']).lower() != 'quoted-printable':
        problems.append('Content-Transfer-Encoding')
    if not re.fullmatch(r'.*<[A-Za-z0-9.\-]+>', str(m['List-Id'])):
        problems.append(f'List-Id {m["List-Id"]!r}')
    unsub = str(m['List-Unsubscribe'])
    match = re.fullmatch(r'<(https://[^<>\s,]+)>, *<(mailto:[^<>\s,]+)>', unsub)
    if not match:
        problems.append(f'List-Unsubscribe {unsub!r}')
    if str(m['List-Unsubscribe-Post']) != 'List-Unsubscribe=One-Click':
        problems.append('List-Unsubscribe-Post')
    if not re.fullmatch(rf'{TAG}( *, *{TAG})*', str(m['Content-Language'])):
        problems.append(f'Content-Language {m["Content-Language"]!r} is not a list of language tags')
    raw_subject = re.search(rb'\r\nSubject:(.*?)\r\n(?![ \t])', raw, re.S)
    decoded = str(m['Subject'])
    if raw_subject and not decoded.isascii():
        encoded = raw_subject.group(1).decode('ascii', 'replace')
        if not re.search(r'=\?utf-8\?[qb]\?', encoded, re.I):
            problems.append(f'non-ASCII Subject not RFC 2047-encoded: {encoded[:60]!r}')
        words = email.header.decode_header(encoded.replace('\r\n', ''))
        joined = ''.join(w.decode(c or 'ascii') if isinstance(w, bytes) else w for w, c in words).strip()
        if ' '.join(joined.split()) != ' '.join(decoded.split()):
            problems.append(f'Subject decodes to {joined!r}, the parser read {decoded!r}')
    if subject is not None and str(m['Subject']) != subject:
        problems.append(f'Subject {str(m["Subject"])!r} != {subject!r}')

    body = m.get_content()
    flowed = body.replace('\r\n', '\n').split('\n')
    for n, line in enumerate(flowed, 1):
        if len(line) > 78 and not re.fullmatch(r' ?(https?|mailto):\S+', line):
            problems.append(f'body line {n} is {len(line)} characters')
        if line.startswith('From ') or line.startswith('>'):
            problems.append(f'body line {n} is not space-stuffed: {line[:40]!r}')
    if flowed.count('-- ') != 1:
        problems.append('expected one signature separator')
    text = unflow(body)
    before_sig = text.split('\n-- \n')[0]
    if 'unsubscribe' not in before_sig.lower() or (match and match.group(1) not in before_sig):
        problems.append('no visible unsubscribe link above the signature')
    if canonical is not None:
        want = open(canonical, encoding='utf-8').read()
        if text != want:
            a, b = text.split('\n'), want.split('\n')
            for i, (x, y) in enumerate(zip(a, b)):
                if x != y:
                    problems.append(f'unflowed body differs at line {i + 1}:\n  got  {x!r}\n  want {y!r}')
                    break
            else:
                problems.append(f'unflowed body has {len(a)} lines, canonical {len(b)}')
    return problems


def main():
    p = argparse.ArgumentParser()
    p.add_argument('message')
    p.add_argument('--canonical')
    p.add_argument('--subject')
    a = p.parse_args()
    problems = check(a.message, a.canonical, a.subject)
    for x in problems:
        print(f'{a.message}: {x}')
    if not problems:
        print(f'{a.message}: ok')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
