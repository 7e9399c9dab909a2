#!/usr/bin/env python3
"""PDF/UA-1 requirements the handout claims, checked with pikepdf on each file given (issue 12, items 1-8).

 1. every Figure has /Alt                      5. /ViewerPreferences /DisplayDocTitle true
 2. /Lang in the catalog                       6. link annotations have /Contents; Links have text or /Alt
 3. every painting operator (text above all)   7. /Tabs /S on every page with annotations
    lies in marked content that is tagged      8. TH has /Scope; LI holds only Lbl/LBody; no Table, L,
    (an MCID the parent tree knows) or an         BlockQuote, P or Link split into two sibling elements
    Artifact                                      at a page break or line wrap
 4. XMP with pdfuaid:part 1, dc:title, creator, description, language, dates
 Also: PDF 1.7 header, no empty /PageLabels /Nums, a structure tree with MarkInfo /Marked true, marked content
 nested inside text objects, and no real content hidden as an Artifact: a page's artifact text is its
 running footer only ("<site> · <trial>" and "Page N of M", in any catalogue language).
Prints one line per problem; exit 1 if any. Usage: check_pdfua.py FILE.pdf ...
"""
import re
import sys
import xml.etree.ElementTree as ET

# "Page N of M" in every language of the tool's message catalogues (Sources/TrialModel/Language, key pageOf).
PAGE_OF = [r"Page (?P<n>\d+) of (?P<m>\d+)", r"Página (?P<n>\d+) de (?P<m>\d+)", r"Page (?P<n>\d+) sur (?P<m>\d+)",
           r"Seite (?P<n>\d+) von (?P<m>\d+)", r"الصفحة (?P<n>\d+) من (?P<m>\d+)", r"第(?P<n>\d+)页，共(?P<m>\d+)页",
           # Arabic as Cairo writes it in the content stream: right-to-left runs in visual order.
           r"(?P<m>\d+) من (?P<n>\d+)\s*الصفحة"]

import pikepdf

PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Tj", "TJ", "'", '"', "Do", "sh", "BI", "INLINE IMAGE"}
TEXT = {"Tj", "TJ", "'", '"'}
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "xmp": "http://ns.adobe.com/xap/1.0/", "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}
SENTENCE_END = tuple(".!?:;)\"”’") + tuple("。！？：；）」』؟؛")


def right_to_left(text):
    """Text with Hebrew or Arabic letters: cairo shows a right-to-left run's glyphs in visual order, so the
    content stream's last character is not the paragraph's last one, and the sentence-end test cannot apply."""
    return any(0x0590 <= ord(c) <= 0x08FF or 0xFB1D <= ord(c) <= 0xFEFF for c in text)


def cmap_of(font):
    """code (int) -> text, from a font's ToUnicode CMap (bfchar and bfrange)."""
    table = {}
    tu = font.get("/ToUnicode")
    if tu is None:
        return table
    data = tu.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            table[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            base = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                table[code] = chr(base + i)
    return table


def decode(table, raw, two_byte):
    b = bytes(raw)
    step = 2 if two_byte else 1
    return "".join(table.get(int.from_bytes(b[i:i + step], "big"), "") for i in range(0, len(b), step))


class Checker:
    def __init__(self, path):
        self.path = path
        self.problems = []

    def problem(self, msg):
        self.problems.append(f"{self.path}: {msg}")

    def run(self):
        try:
            pdf = pikepdf.open(self.path)
        except Exception as e:  # noqa: BLE001 - any unreadable file is a failure
            self.problem(f"cannot open: {e}")
            return self.problems
        with pdf:
            self.check_document(pdf)
            pages = list(pdf.pages)
            self.page_count = len(pages)
            page_index = {p.obj.objgen: i for i, p in enumerate(pages)}
            parents = self.parent_tree(pdf)
            texts = {}
            for i, page in enumerate(pages):
                self.check_page(pdf, page, i, parents, texts)
            root = pdf.Root.get("/StructTreeRoot")
            if root is None:
                self.problem("no structure tree")
            else:
                self.parents = parents
                self.page_keys = [p.obj.get("/StructParents") for p in pages]
                self.check_structure(root, page_index, texts)
        return self.problems

    # Items 2, 4, 5 and the catalog.
    def check_document(self, pdf):
        if pdf.pdf_version != "1.7":
            self.problem(f"header says PDF {pdf.pdf_version}, expected 1.7")
        lang = str(pdf.Root.get("/Lang", ""))
        if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", lang):
            self.problem(f"item 2: catalog /Lang missing or invalid ({lang!r})")
        mark = pdf.Root.get("/MarkInfo")
        if mark is None or not bool(mark.get("/Marked", False)):
            self.problem("MarkInfo /Marked is not true")
        prefs = pdf.Root.get("/ViewerPreferences")
        if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
            self.problem("item 5: /ViewerPreferences /DisplayDocTitle is not true")
        labels = pdf.Root.get("/PageLabels")
        if labels is not None and len(labels.get("/Nums", [])) == 0:
            self.problem("/PageLabels has an empty /Nums")
        self.check_xmp(pdf, lang)

    def check_xmp(self, pdf, lang):
        meta = pdf.Root.get("/Metadata")
        if meta is None:
            self.problem("item 4: no XMP metadata")
            return
        try:
            x = ET.fromstring(meta.read_bytes())
        except ET.ParseError as e:
            self.problem(f"item 4: XMP is not well-formed: {e}")
            return
        def one(path):
            e = x.find(f".//{path}", NS)
            return (e.text or "").strip() if e is not None else ""
        if one("pdfuaid:part") != "1":
            self.problem("item 4: XMP lacks pdfuaid:part 1")
        info = pdf.trailer.get("/Info", {})
        title = one("dc:title/rdf:Alt/rdf:li")
        if not title or title != str(info.get("/Title", "")):
            self.problem(f"item 4: XMP dc:title {title!r} missing or unlike Info /Title")
        for path, what in [("dc:creator/rdf:Seq/rdf:li", "creator"), ("dc:description/rdf:Alt/rdf:li", "description")]:
            if not one(path):
                self.problem(f"item 4: XMP lacks dc:{what}")
        if one("dc:language/rdf:Bag/rdf:li") != lang:
            self.problem("item 4: XMP dc:language differs from /Lang")
        created = one("xmp:CreateDate")
        info_date = str(info.get("/CreationDate", "")).removeprefix("D:")   # YYYYMMDDHHmmSS...
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00Z", created) or created[:10].replace("-", "") != info_date[:8]:
            self.problem(f"item 4: XMP CreateDate {created!r} is not the review date of Info ({info_date})")
        if one("xmp:ModifyDate") != created:
            self.problem("item 4: XMP ModifyDate differs from CreateDate")

    def parent_tree(self, pdf):
        """(StructParents key) -> value, from the flat /Nums the handout writes (Kids followed if present)."""
        out = {}
        root = pdf.Root.get("/StructTreeRoot")
        if root is None or "/ParentTree" not in root:
            return out
        stack = [root.ParentTree]
        while stack:
            node = stack.pop()
            nums = node.get("/Nums", [])
            for i in range(0, len(nums) - 1, 2):
                out[int(nums[i])] = nums[i + 1]
            stack.extend(node.get("/Kids", []))
        return out

    # Items 3, 6, 7 per page; collects each MCID's text for item 8.
    def check_page(self, pdf, page, index, parents, texts):
        n = index + 1
        annots = page.obj.get("/Annots", [])
        if len(annots) and page.obj.get("/Tabs") != pikepdf.Name("/S"):
            self.problem(f"item 7: page {n} has annotations but no /Tabs /S")
        for a in annots:
            if a.get("/Subtype") == pikepdf.Name("/Link"):
                if not str(a.get("/Contents", "")).strip():
                    self.problem(f"item 6: link annotation on page {n} has no /Contents")
                if "/StructParent" not in a:
                    self.problem(f"item 6: link annotation on page {n} is not in the structure tree")
        key = page.obj.get("/StructParents")
        mcid_parents = parents.get(int(key)) if key is not None else None
        fonts = {}
        resources = page.obj.get("/Resources", {}).get("/Font", {})
        for name, font in resources.items():
            two = font.get("/Subtype") == pikepdf.Name("/Type0")
            fonts[name] = (cmap_of(font), two)
        stack = []            # marked content: ("artifact" | mcid | None)
        font = (None, False)
        text_depth = None     # marked-content depth at BT: sequences must nest inside text objects
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "BT":
                text_depth = len(stack)
            elif op == "ET":
                if text_depth != len(stack):
                    self.problem(f"page {n}: marked content crosses a text object's BT/ET")
                text_depth = None
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                if tag == "/Artifact":
                    stack.append("artifact")
                elif op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                    mcid = int(operands[1].MCID)
                    if mcid_parents is None or mcid >= len(mcid_parents) or not isinstance(mcid_parents[mcid], pikepdf.Dictionary):
                        self.problem(f"item 3: page {n} MCID {mcid} is not in the parent tree")
                    stack.append(mcid)
                else:
                    stack.append(None)
                continue
            if op == "EMC":
                if not stack:
                    self.problem(f"page {n}: EMC without BMC/BDC")
                else:
                    stack.pop()
                continue
            if op == "Tf":
                font = fonts.get(str(operands[0]), (None, False))
            if op in PAINT:
                owner = next((s for s in reversed(stack) if s is not None), None)
                if owner is None:
                    kind = "text-showing" if op in TEXT else "painting"
                    self.problem(f"item 3: page {n}: {kind} operator {op} outside tagged content and Artifacts")
                elif op in TEXT and font[0] is not None:
                    parts = operands[0] if op == "TJ" else [operands[-1]]
                    s = "".join(decode(font[0], p, font[1]) for p in parts if isinstance(p, pikepdf.String))
                    texts[(index, owner)] = texts.get((index, owner), "") + s
        if stack:
            self.problem(f"page {n}: marked content left open at the end of the page")
        artifact = texts.get((index, "artifact"), "")
        # The expected numbers are put into each pattern: a trial name ending in a digit ("TUNDRA-1") glued to a
        # right-to-left label in visual order would otherwise be read as part of the page count.
        footer = any(re.fullmatch(r"(.+ · .+?)?\s*" + p.replace(r"(?P<n>\d+)", str(n)).replace(r"(?P<m>\d+)", str(self.page_count)),
                                  artifact.strip()) for p in PAGE_OF)
        if not footer:
            self.problem(f"page {n}: artifact text is not just the running footer: {artifact.strip()[:80]!r}")

    # Items 1, 6, 8 over the structure tree.
    def check_structure(self, root, page_index, texts):
        def kids(e):
            k = e.get("/K")
            if k is None:
                return []
            return list(k) if isinstance(k, pikepdf.Array) else [k]

        def page_of(e, inherited):
            pg = e.get("/Pg")
            return page_index.get(pg.objgen) if pg is not None else inherited

        def text_of(e, page):
            """Text and the pages it lies on, in order."""
            out, pages = "", []
            for k in kids(e):
                if isinstance(k, int):
                    out += texts.get((page, k), "")
                    pages.append(page)
                elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == pikepdf.Name("/MCR"):
                    p = page_index.get(k.Pg.objgen) if "/Pg" in k else page
                    out += texts.get((p, int(k.MCID)), "")
                    pages.append(p)
                elif isinstance(k, pikepdf.Dictionary) and "/S" in k:
                    t, ps = text_of(k, page_of(k, page))
                    out += t
                    pages += ps
            return out, pages

        def annotation_uri(e):
            for k in kids(e):
                if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == pikepdf.Name("/OBJR"):
                    return str(k.Obj.get("/A", {}).get("/URI", ""))
            return None

        counts = {}

        def parent_of(page, mcid):
            key = self.page_keys[page] if page is not None and page < len(self.page_keys) else None
            arr = self.parents.get(int(key)) if key is not None else None
            return arr[mcid] if arr is not None and mcid < len(arr) else None

        def check_parents(e, page):
            """The parent tree must name this element for each of its MCIDs and annotations."""
            for k in kids(e):
                if isinstance(k, int):
                    got = parent_of(page, k)
                elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == pikepdf.Name("/MCR"):
                    got = parent_of(page_index.get(k.Pg.objgen) if "/Pg" in k else page, int(k.MCID))
                elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == pikepdf.Name("/OBJR"):
                    sp = k.Obj.get("/StructParent")
                    got = self.parents.get(int(sp)) if sp is not None else None
                else:
                    continue
                if got is None or got.objgen != e.objgen:
                    self.problem(f"parent tree does not point back to the {e.get('/S')} holding {k if isinstance(k, int) else 'a kid'}")

        def walk(e, page):
            s = str(e.get("/S", ""))[1:]
            counts[s] = counts.get(s, 0) + 1
            check_parents(e, page)
            if s == "Figure" and not str(e.get("/Alt", "")).strip():
                self.problem("item 1: Figure without /Alt")
            if s == "TH":
                a = e.get("/A")
                attrs = [a] if isinstance(a, pikepdf.Dictionary) else list(a or [])
                if not any(str(x.get("/Scope", "")) in ("/Row", "/Column", "/Both") for x in attrs):
                    self.problem("item 8: TH without /Scope")
            elements = [k for k in kids(e) if isinstance(k, pikepdf.Dictionary) and "/S" in k]
            if s == "LI":
                if not elements or any(str(k.S) not in ("/Lbl", "/LBody") for k in elements) or len(elements) != len(kids(e)):
                    self.problem("item 8: LI holds something other than Lbl and LBody")
            if s == "Link":
                text, _ = text_of(e, page)
                if annotation_uri(e) is None:
                    self.problem("item 6: Link element without a link annotation")
                if not text.strip() and not str(e.get("/Alt", "")).strip():
                    self.problem("item 6: Link element with neither text nor /Alt")
            for a, b in zip(elements, elements[1:]):
                sa, sb = str(a.S)[1:], str(b.S)[1:]
                if sa != sb:
                    continue
                ta, pa = text_of(a, page_of(a, page))
                tb, pb = text_of(b, page_of(b, page))
                across_pages = bool(pa and pb) and pb[0] == pa[-1] + 1
                if sa in ("Table", "L", "BlockQuote") and across_pages:
                    self.problem(f"item 8: a {sa} split into two at the end of page {pa[-1] + 1}")
                elif (sa in ("P", "LI") and across_pages and ta.strip() and not ta.rstrip().endswith(SENTENCE_END)
                      and not right_to_left(ta)):
                    self.problem(f"item 8: a {sa} split into two at the end of page {pa[-1] + 1}: …{ta.strip()[-30:]!r}")
                elif sa == "Link" and annotation_uri(a) == annotation_uri(b):
                    self.problem(f"item 8: one link split into two Link elements ({annotation_uri(a)})")
            for k in elements:
                walk(k, page_of(k, page))

        for top in kids(root):
            walk(top, page_of(top, None))
        if counts.get("Document", 0) != 1:
            self.problem("structure tree has no single Document element")
        return counts


def main(paths):
    if not paths:
        print("usage: check_pdfua.py FILE.pdf ...", file=sys.stderr)
        return 2
    problems = []
    for p in paths:
        problems += Checker(p).run()
    for line in problems:
        print(line)
    print(f"check_pdfua: {len(paths)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
