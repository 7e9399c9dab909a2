#!/usr/bin/env python3
"""Writes a copy of an EPUB whose first content document gains an image without alt text, to show the axe
check fails on it. Usage: break_epub.py IN.epub OUT.epub"""
import sys
import zipfile

src, dst = sys.argv[1:3]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
    done = False
    for info in zin.infolist():
        data = zin.read(info)
        if not done and info.filename.endswith(".xhtml") and not info.filename.endswith("nav.xhtml"):
            data = data.replace(b"<main>", b'<main><img src="missing.png"/>', 1)
            done = b"missing.png" in data
        zout.writestr(info, data)
    if not done:
        sys.exit("break_epub: no <main> to put the image in")
