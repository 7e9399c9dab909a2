#!/usr/bin/python3
"""Writes the common-character face of Noto Sans CJK SC that Chinese handouts load first: every character of
the full face except the ideographs outside GB 2312's 6,763 hanzi and the Hangul syllables (Korean has no
font here yet), plus the 8,263 ideographs that fill the gaps of at most 8 code points between GB 2312's, so
5.4 MB instead of 16 MB per weight. The handout loads the full face instead only for a summary with a
character this one lacks and the full face has (`ScriptFont.needed(by:)`), so no summary loses a glyph.
Kept glyphs keep their metrics and horizontal OpenType layout (fontTools' subsetter; GB 2312 comes from
Python's own codec); glyph ids follow code points; the outlines become TrueType quadratics within 1 unit of the
face's cubic ones (fontTools' cu2qu). Every choice here is for cairo 1.16, which reads this file for every
handout (docs/performance.md, issue 19). Needs fontTools (Debian's python3-fonttools). The same bytes on every
run; the file is checked before it is kept (`check`), and a cut that fails a check is never left in fonts/.

usage: common-subset.py FULL.otf OUT.otf
"""
import os
import sys

from fontTools import subset
from fontTools.pens.areaPen import AreaPen
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.perimeterPen import PerimeterPen
from fontTools.pens.teePen import TeePen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

# The widest gap between two GB 2312 hanzi that is filled with the full face's ideographs in between (see
# `filled`). cairo looks the character of every glyph it embeds up by scanning the format-4 `cmap` segments
# one by one, and each run of consecutive characters is a segment: filled, GB 2312's 3,542 runs of hanzi
# become 255, for 8,263 more glyphs that cairo's CFF parse pays for (measured best of 0, 8 and 16).
GAP = 8

# How far, in units of the 1000-unit em, a quadratic TrueType outline may stray from the face's cubic one (fontTools'
# cu2qu): a fifth of a point at 200 pt, below what any handout size can show.
MAX_ERROR = 1.0


def gb2312():
    """Every character of GB 2312 (rows 0xA1-0xF7, cells 0xA1-0xFE of EUC-CN)."""
    out = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                out.add(ord(bytes([row, cell]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return out


def rare(u):
    """Ideographs (unified, extension A, compatibility, planes 2 and 3) and Hangul syllables."""
    return (0x3400 <= u <= 0x4DBF or 0x4E00 <= u <= 0x9FFF or 0xF900 <= u <= 0xFAFF or 0x20000 <= u <= 0x3FFFF
            or 0xAC00 <= u <= 0xD7AF)


# Features only vertical text applies.
VERTICAL = {"vert", "vrt2", "valt", "vkrn", "vpal", "vhal", "vkna", "vjmo"}


def scripts(font):
    """The script tags of the face's layout tables."""
    return sorted({r.ScriptTag for tag in ("GSUB", "GPOS") for r in font[tag].table.ScriptList.ScriptRecord})


def filled(keep, mapped, gap):
    """`keep` plus every character of a gap of at most `gap` code points between two kept ones that the full
    face maps: the kept characters then form fewer runs of consecutive code points."""
    out = set(keep)
    ordered = sorted(keep)
    for a, b in zip(ordered, ordered[1:]):
        if 1 < b - a <= gap + 1 and all(c in mapped for c in range(a + 1, b)):
            out.update(range(a + 1, b))
    return out


def reorder_by_code_point(font):
    """Gives the glyphs new ids that follow their characters' code points (.notdef first, then the glyphs of
    the Basic Multilingual Plane in code point order, then the others as they were), so that each run of
    consecutive characters is one segment of the format-4 `cmap` subtable (and one group of format 12).
    cairo 1.16 finds the character of each glyph it embeds by scanning the format-4 segments one by one
    (`_cairo_truetype_reverse_cmap`), so fewer segments make every Chinese handout cheaper to write. Outlines,
    metrics and layout tables are the same; only the numbering changes."""
    for tag in font.keys():
        font[tag]   # decompile every table while the old glyph order still names its glyphs
    old = font.getGlyphOrder()
    cmap = font.getBestCmap()
    home = {}   # glyph -> the code point it is placed at: in a run of ideographs when it has one there
    for code in sorted(cmap):
        glyph = cmap[code]
        if code <= 0xFFFF and (glyph not in home or (0x4E00 <= code <= 0x9FFF and not 0x4E00 <= home[glyph] <= 0x9FFF)):
            home[glyph] = code
    placed = sorted((g for g in home if g != old[0]), key=lambda g: home[g])
    chosen = set(placed)
    new = [old[0]] + placed + [g for g in old[1:] if g not in chosen]
    top = font["CFF "].cff.topDictIndex[0]
    if hasattr(top, "FDSelect"):
        fd = dict(zip(old, top.FDSelect.gidArray))
        top.FDSelect.gidArray = [fd[g] for g in new]
    top.charset = new
    font.setGlyphOrder(new)
    for tag in ("GSUB", "GPOS"):
        for lookup in font[tag].table.LookupList.Lookup:
            for sub in lookup.SubTable:
                resort_coverage(sub.ExtSubTable if lookup.LookupType == (7 if tag == "GSUB" else 9) else sub, font)


def resort_coverage(sub, font):
    """Sorts a lookup's coverage tables by the new glyph ids, with the records that follow a coverage's order
    (OpenType requires sorted coverage; HarfBuzz searches it by bisection). fontTools sorts the lookups it
    keeps as mappings itself; the others are handled here, and a kind this face does not have is refused."""
    gid = font.getGlyphID

    def permute(coverage):
        order = sorted(range(len(coverage.glyphs)), key=lambda i: gid(coverage.glyphs[i]))
        coverage.glyphs = [coverage.glyphs[i] for i in order]
        return order

    kind = (type(sub).__name__, getattr(sub, "Format", None))
    if kind[0] in ("SingleSubst", "LigatureSubst", "AlternateSubst", "MultipleSubst"):
        return   # kept as mappings by fontTools, sorted when compiled
    if kind == ("ChainContextSubst", 3):
        for coverage in sub.BacktrackCoverage + sub.InputCoverage + sub.LookAheadCoverage:
            permute(coverage)
    elif kind in (("SinglePos", 1), ("PairPos", 2)):
        permute(sub.Coverage)
    elif kind == ("SinglePos", 2):
        sub.Value = [sub.Value[i] for i in permute(sub.Coverage)]
    elif kind == ("PairPos", 1):
        sub.PairSet = [sub.PairSet[i] for i in permute(sub.Coverage)]
        for pairs in sub.PairSet:
            pairs.PairValueRecord.sort(key=lambda r: gid(r.SecondGlyph))
    elif kind == ("MarkBasePos", 1):
        sub.MarkArray.MarkRecord = [sub.MarkArray.MarkRecord[i] for i in permute(sub.MarkCoverage)]
        sub.BaseArray.BaseRecord = [sub.BaseArray.BaseRecord[i] for i in permute(sub.BaseCoverage)]
    else:
        sys.exit(f"common-subset.py: cannot renumber glyphs in a {kind[0]} lookup of format {kind[1]}")


def outline_of(glyphs, name, also=None):
    """A glyph's signed area, bounds (None for an empty glyph) and a function giving its perimeter (dear to
    measure, so only asked for when the areas differ); the glyph is drawn once, into `also` too."""
    area, bounds = AreaPen(glyphs), BoundsPen(glyphs)
    glyphs[name].draw(TeePen(area, bounds, *([also] if also else [])))

    def perimeter():
        pen = PerimeterPen(glyphs)
        glyphs[name].draw(pen)
        return pen.value
    return area.value, bounds.bounds, perimeter


def to_truetype(font):
    """Replaces the CFF outlines by quadratic TrueType ones (`glyf`/`loca`, no hinting), each within MAX_ERROR of
    the cubic outline, with the contours turned to TrueType's direction. cairo 1.16 embeds a CFF font by parsing
    the font's whole CFF table for every handout, where its TrueType subsetter reads only the glyphs the handout
    uses, and FreeType loads quadratic outlines for glyph extents far more cheaply than it interprets CFF
    charstrings (docs/performance.md, issue 19). Returns every glyph's CFF outline (area, bounds, perimeter) for
    `check`."""
    order = font.getGlyphOrder()
    cff = font.getGlyphSet()
    before = {}
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    hmtx = font["hmtx"].metrics
    for name in order:
        pen = TTGlyphPen(None)
        before[name] = outline_of(cff, name, also=Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyph = pen.glyph()
        glyph.recalcBounds(glyf)
        glyf.glyphs[name] = glyph
        # TrueType places an outline by its left side bearing: it must be the outline's own left edge.
        hmtx[name] = (hmtx[name][0], glyph.xMin if glyph.numberOfContours else 0)
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]   # vertical origins of CFF fonts; no vertical layout is kept
    font.sfntVersion = "\0\1\0\0"
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    head = font["head"]
    box = (head.xMin, head.yMin, head.xMax, head.yMax)
    maxp.recalc(font)   # points, contours and the like; it also sets the bbox, which stays the full face's
    head.xMin, head.yMin, head.xMax, head.yMax = box
    post = font["post"]
    post.formatType = 2.0   # glyph names kept: they are the face's CIDs, which `check` compares
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    return before


def check(path, mapped, box, before):
    """Refuses a cut whose characters do not map to the full face's glyphs (names are the face's CIDs, so the
    same name is the same outline), whose format-4 subtable differs from its format-12 one, with a coverage
    table out of order, without the full face's bounding box (`box`: cairo writes it into each handout), or whose
    TrueType outlines are not the cut's CFF ones (`before`, from `to_truetype`) within MAX_ERROR: renumbering the
    glyphs and converting the outlines must change nothing that a reader of the font sees."""
    def fail(message):
        os.remove(path)
        sys.exit(message)

    font = TTFont(path)
    cmap = font.getBestCmap()
    wrong = [hex(c) for c in cmap if mapped.get(c) != cmap[c]]
    bmp = font["cmap"].getcmap(3, 1)
    if wrong or bmp is None or bmp.cmap != {c: g for c, g in cmap.items() if c <= 0xFFFF}:
        fail(f"{path}: characters mapped to other glyphs than the full face's: {wrong[:5]}")
    unsorted = []

    def walk(node):
        if type(node).__name__ == "Coverage":
            ids = [font.getGlyphID(g) for g in node.glyphs]
            if ids != sorted(ids):
                unsorted.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif hasattr(node, "__dict__") and type(node).__module__.endswith("otTables"):
            for value in vars(node).values():
                walk(value)

    for tag in ("GSUB", "GPOS"):
        walk(font[tag].table)
    if unsorted:
        fail(f"{path}: {len(unsorted)} coverage tables are not in glyph id order")
    head = font["head"]
    if (head.xMin, head.yMin, head.xMax, head.yMax) != box:
        fail(f"{path}: the font's bounding box is not the full face's {box}")
    # Every outline as the face's: the same glyphs, each within MAX_ERROR of its cubic outline (and integer
    # rounding) at every edge, enclosing the same area turned the other way (TrueType's direction), up to a band
    # of that width along the outline.
    if "CFF " in font or font.getGlyphOrder() != list(before):
        fail(f"{path}: not the TrueType outlines of the cut's glyphs")
    glyphs, bad = font.getGlyphSet(), []
    for name, (area, bounds, perimeter) in before.items():
        new_area, new_bounds, _ = outline_of(glyphs, name)
        off = abs(area + new_area)
        if (bounds is None) != (new_bounds is None) or (
                bounds is not None and (max(abs(a - b) for a, b in zip(bounds, new_bounds)) > MAX_ERROR + 1
                                        or (off > 0.001 * abs(area) and off > (MAX_ERROR + 1) * perimeter()))):
            bad.append(name)
    if bad:
        fail(f"{path}: {len(bad)} TrueType outlines differ from the face's, e.g. {bad[:5]}")


full, out = sys.argv[1:3]
# The same bytes on every machine and run; the full face's bounding boxes, which cairo writes into each
# handout's font descriptor (the cut lacks the vertical forms that reach furthest).
font = TTFont(full, recalcTimestamp=False, recalcBBoxes=False)
mapped = dict(font.getBestCmap())   # a copy: the subsetter changes the font's own
common = gb2312()
keep = {u for u in mapped if not rare(u) or u in common}
keep = sorted(filled(keep, mapped, GAP))
options = subset.Options()
options.name_IDs = ["*"]            # the same family, style and licence names as the full face
options.name_languages = ["*"]
options.notdef_outline = True
# Only what horizontal Simplified Chinese (and the default language system, which every other language of the
# tool gets) can reach: without the Japanese, Korean and Traditional Chinese forms that their `locl` lookups
# substitute, and without vertical forms, the face has 40 % fewer glyphs, and cairo parses every glyph of
# the face's CFF table for every handout. Shaping of text in any supported language is unchanged.
options.layout_features = [f for f in options.layout_features if f not in VERTICAL]
options.layout_scripts = [f"{script}.{language}" for script in scripts(font) for language in ("dflt", "ZHS ")]
# Subroutines inlined before the outlines are converted (the same TrueType file either way, checked; drawing the
# inlined charstrings is a little quicker).
options.desubroutinize = True
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=keep)
subsetter.subset(font)
reorder_by_code_point(font)
box = tuple(getattr(font["head"], f) for f in ("xMin", "yMin", "xMax", "yMax"))
before = to_truetype(font)
tmp = out + ".tmp"
font.save(tmp)
check(tmp, mapped, box, before)
os.replace(tmp, out)   # never a half-written font in fonts/
