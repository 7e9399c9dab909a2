#!/usr/bin/python3
"""Writes one face of a TrueType/OpenType collection as a font file of its own (no subsetting: the handout's
PDF embeds only the glyphs it uses). `make fonts` uses it for Noto Sans CJK SC, which Debian's fonts-noto-cjk
ships only inside a 19 MB collection, too big to commit. Needs fontTools (Debian's python3-fonttools).

usage: extract-face.py COLLECTION.ttc "FAMILY NAME" OUT.otf
"""
import os
import sys

from fontTools.ttLib import TTCollection

collection, family, out = sys.argv[1:4]
faces = TTCollection(collection, lazy=True).fonts
names = [face["name"].getDebugName(1) for face in faces]
if family not in names:
    sys.exit(f"{collection}: no face named {family!r}; it has {', '.join(names)}")
tmp = out + ".tmp"
faces[names.index(family)].save(tmp, reorderTables=False)
os.replace(tmp, out)   # never a half-written font in fonts/
