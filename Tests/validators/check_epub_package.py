#!/usr/bin/env python3
"""Structural checks on EPUBs that EPUBCheck does not make (stdlib only).

For each file: the ZIP container (mimetype first, stored, exact bytes; no extra fields on any entry; one
timestamp for all entries), the package document (version, identifier, title, language, exactly one
dcterms:modified, EPUB Accessibility 1.1 metadata and no unchecked conformance claim), the XHTML (well-formed,
lang = dc:language, <title>, unique ids, h1 first and no skipped heading levels), the navigation document
(one toc, landmarks with bodymatter) and the charts (inline SVG only where the manifest says so, role="img"
named by <title>/<desc>, described by a data table holding every number the chart shows).
Usage: check_epub_package.py FILE.epub...   Exit 1 on the first failing file set, listing every problem.
"""
import re
import struct
import sys
import zipfile
import xml.etree.ElementTree as ET

C = '{urn:oasis:names:tc:opendocument:xmlns:container}'
P = '{http://www.idpf.org/2007/opf}'
D = '{http://purl.org/dc/elements/1.1/}'
H = '{http://www.w3.org/1999/xhtml}'
S = '{http://www.w3.org/2000/svg}'
E = '{http://www.idpf.org/2007/ops}'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
FEATURES = {'structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'}


def text(e):
    return ''.join(e.itertext())


def check(path):
    problems = []
    def need(cond, msg):
        if not cond:
            problems.append(msg)

    z = zipfile.ZipFile(path)
    infos = z.infolist()
    first = infos[0]
    need((first.filename, first.compress_type, first.extra, z.read(first)) ==
         ('mimetype', 0, b'', b'application/epub+zip'), 'mimetype entry is not first/stored/exact')
    need(all(i.extra == b'' for i in infos), 'an entry has an extra field in the central directory')
    # zipfile only exposes the central directory's extra field; read each local header's length too.
    with open(path, 'rb') as f:
        raw = f.read()
    need(all(struct.unpack('<H', raw[i.header_offset + 28:i.header_offset + 30])[0] == 0 for i in infos),
         'an entry has an extra field in its local header')
    need(all(i.compress_type in (0, 8) and not i.flag_bits & 1 for i in infos), 'entry neither stored nor deflated, or encrypted')
    need(len({i.date_time for i in infos}) == 1, 'entries have different timestamps')
    need(all(re.fullmatch(r'[A-Za-z0-9._/-]+', i.filename) for i in infos), 'non-ASCII-safe file name')

    opf_path = ET.fromstring(z.read('META-INF/container.xml')).find(f'.//{C}rootfile').get('full-path')
    base = opf_path.rsplit('/', 1)[0] + '/' if '/' in opf_path else ''
    pkg = ET.fromstring(z.read(opf_path))
    md = pkg.find(P + 'metadata')
    need(pkg.get('version') == '3.0', 'package version is not 3.0')
    uid = pkg.get('unique-identifier')
    ids = [i for i in md.findall(D + 'identifier') if i.get('id') == uid]
    need(ids and re.fullmatch(r'urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}', ids[0].text or ''),
         'unique identifier is not a urn:uuid v5')
    need((md.find(D + 'title').text or '').strip(), 'empty dc:title')
    languages = [l.text for l in md.findall(D + 'language')]
    need(languages and all(languages), 'no dc:language')
    # Issue 19: the package and every document say their language and direction; right-to-left books turn
    # pages leftwards.
    def rtl(tag):
        return (tag or '').split('-')[0] in ('ar', 'he', 'fa', 'ur')
    need(pkg.get(XML_LANG) == languages[0], 'package xml:lang is not the first dc:language')
    need(pkg.get('dir') == ('rtl' if rtl(languages[0]) else 'ltr'), f'package dir {pkg.get("dir")!r} does not fit {languages[0]}')
    progression = pkg.find(P + 'spine').get('page-progression-direction')
    need(progression == ('rtl' if rtl(languages[0]) else None), f'page-progression-direction {progression!r} does not fit {languages[0]}')

    def meta(p):
        return [(m.text or '').strip() for m in md.findall(P + 'meta') if m.get('property') == p]
    mod = meta('dcterms:modified')
    need(len(mod) == 1 and re.fullmatch(r'\d{4}-\d\d-\d\dT00:00:00Z', mod[0]), 'dcterms:modified missing, repeated or malformed')
    need('textual' in meta('schema:accessMode'), 'accessMode textual missing')
    need('textual' in meta('schema:accessModeSufficient'), 'accessModeSufficient textual missing')
    need(FEATURES <= set(meta('schema:accessibilityFeature')), 'accessibilityFeature incomplete')
    need(meta('schema:accessibilityHazard') == ['none'], 'accessibilityHazard is not none')
    need(meta('schema:accessibilitySummary'), 'accessibilitySummary missing')
    conforms = meta('dcterms:conformsTo')
    need(not conforms or (conforms == ['EPUB Accessibility 1.1 - WCAG 2.2 Level AA'] and meta('a11y:certifiedBy')),
         'conformance claimed without the exact string and a11y:certifiedBy')

    items = {i.get('id'): i for i in pkg.find(P + 'manifest')}
    spine = [r.get('idref') for r in pkg.find(P + 'spine')]
    any_svg = False
    navs = [i for i in items.values() if 'nav' in (i.get('properties') or '').split()]
    need(len(navs) == 1, 'not exactly one nav item')
    for item_id, item in items.items():
        if item.get('media-type') != 'application/xhtml+xml':
            continue
        name = item.get('href')
        root = ET.fromstring(z.read(base + name))
        need(root.get(XML_LANG) == root.get('lang') and root.get('lang') in languages, f'{name}: lang/xml:lang mismatch')
        need(root.get('dir') == ('rtl' if rtl(root.get('lang')) else 'ltr'), f'{name}: dir {root.get("dir")!r} does not fit {root.get("lang")}')
        need(root.find(f'{H}head/{H}title') is not None and text(root.find(f'{H}head/{H}title')).strip(), f'{name}: no <title>')
        all_ids = [e.get('id') for e in root.iter() if e.get('id')]
        need(len(all_ids) == len(set(all_ids)), f'{name}: duplicate ids')
        levels = [int(e.tag[-1]) for e in root.iter() if re.fullmatch(re.escape(H) + r'h[1-6]', str(e.tag))]
        need(item in navs or (levels and levels[0] == 1), f'{name}: does not start with h1')
        need(all(b <= a + 1 for a, b in zip(levels, levels[1:])), f'{name}: skipped heading level {levels}')
        svgs = list(root.iter(S + 'svg'))
        declared = 'svg' in (item.get('properties') or '').split()
        need(declared == bool(svgs), f'{name}: properties="svg" does not match the content')
        any_svg = any_svg or bool(svgs)
        by_id = {e.get('id'): e for e in root.iter() if e.get('id')}
        for svg in svgs:
            need(svg.get('role') == 'img', f'{name}: svg without role=img')
            t, d = (svg.get('aria-labelledby') or '').split()
            need(by_id.get(t) is not None and by_id[t].tag == S + 'title' and text(by_id[t]).strip(), f'{name}: svg title')
            need(by_id.get(d) is not None and by_id[d].tag == S + 'desc' and text(by_id[d]).strip(), f'{name}: svg desc')
            table = by_id.get(svg.get('aria-describedby'))
            need(table is not None and table.tag == H + 'table' and table.find(H + 'caption') is not None,
                 f'{name}: chart without a data table')
            need(table is not None and all(th.get('scope') in ('col', 'row') for th in table.iter(H + 'th')), f'{name}: th without scope')
            numbers = set(re.findall(r'\d+(?:\.\d+)?', ' '.join(text(x) for x in svg.iter(S + 'text') if x.get('font-weight') == 'bold')))
            effect = [text(x) for x in svg.iter(S + 'text')][-1]
            table_text = text(table) if table is not None else ''
            need(all(n in re.findall(r'\d+(?:\.\d+)?', table_text) for n in numbers), f'{name}: bar values missing from the table')
            need(all(n in table_text for n in re.findall(r'\d+(?:\.\d+)', effect)), f'{name}: effect numbers missing from the table')
        if item in navs:
            tocs = [n for n in root.iter(H + 'nav') if n.get(E + 'type') == 'toc']
            need(len(tocs) == 1, 'nav: not exactly one toc')
            marks = [n for n in root.iter(H + 'nav') if n.get(E + 'type') == 'landmarks']
            need(marks and any(a.get(E + 'type') == 'bodymatter' for a in marks[0].iter(H + 'a')), 'nav: no bodymatter landmark')
    need(('visual' in meta('schema:accessMode')) == any_svg, 'accessMode visual does not match the charts')
    need(all(i in items for i in spine), 'spine refers to an unknown item')
    return problems


def main(paths):
    failed = 0
    for p in paths:
        problems = check(p)
        if problems:
            failed += 1
            print(f'{p}:', *problems, sep='\n  ')
    print(f'package checks: {len(paths) - failed} of {len(paths)} EPUBs passed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
