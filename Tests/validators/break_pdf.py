#!/usr/bin/env python3
"""Writes a deliberately broken copy of a handout, to show a PDF/UA check fails on it.
Usage: break_pdf.py IN.pdf OUT.pdf no-alt|no-lang|untagged-text"""
import sys

import pikepdf

src, dst, mode = sys.argv[1:4]
with pikepdf.open(src) as pdf:
    if mode == "no-alt":
        def strip(e):
            k = e.get("/K")
            for kid in (list(k) if isinstance(k, pikepdf.Array) else [k]):
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    if kid.S == pikepdf.Name("/Figure") and "/Alt" in kid:
                        del kid["/Alt"]
                        return True
                    if strip(kid):
                        return True
            return False
        assert strip(pdf.Root.StructTreeRoot), "no Figure with /Alt to break"
    elif mode == "no-lang":
        del pdf.Root["/Lang"]
    elif mode == "untagged-text":
        # The first page's content with its marked-content operators removed: text no longer tagged.
        page = pdf.pages[0]
        ops = [(o, op) for o, op in pikepdf.parse_content_stream(page) if str(op) not in ("BDC", "BMC", "EMC")]
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
    else:
        sys.exit(f"unknown mode {mode}")
    pdf.save(dst)
