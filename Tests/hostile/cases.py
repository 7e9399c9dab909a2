"""The hostile corpus: inputs a careless or hostile editor could put in a library, each with its expected outcome.

A case builds a small project folder (summaries/, maybe trialexport.yaml or layouts/), runs one trialexport command
in it and states the exit code and a pattern the output must contain. Large inputs are generated, not stored.
Every case also checks what no output may ever hold: a crash, a raw control character, an NSError dump.
"""
import json, os, re

PATINA = open(os.path.join(os.path.dirname(__file__), "..", "..", "summaries", "patina.yaml"), encoding="utf-8").read()
PARAGRAPH = '      - paragraph: "People in the trial had:"'
assert PARAGRAPH in PATINA


def with_paragraph(text):
    """PATINA with one paragraph replaced by `text` (JSON quoting is valid YAML double quoting)."""
    return PATINA.replace(PARAGRAPH, "      - paragraph: " + json.dumps(text, ensure_ascii=False))


def replace(old, new, count=1):
    assert old in PATINA, old
    return PATINA.replace(old, new, count)


def arms(n):
    items = "".join(f"""  - id: arm{i}
    label: Arm {i}
    shortLabel: Arm {i}
    description: Arm number {i}.
    interventions:
      - name: drug {i}
        role: standard
""" for i in range(n))
    values = "{" + ", ".join(f"arm{i}: {10 + i}" for i in range(n)) + "}"
    text = PATINA[:PATINA.index("arms:\n")] + "arms:\n" + items + "\n" + PATINA[PATINA.index("outcomes:\n"):]
    text = text.replace("values: {palbociclib: 44.3, standard: 29.1}", "values: " + values)
    text = text.replace("values: {palbociclib: 79.7, standard: 30.6}", "values: " + values)
    return text.replace("values: {palbociclib: 10.0, standard: 3.6}", "values: " + values)


def outcomes(n):
    block = "".join(f"""  - id: extra{i}
    name: Extra {i}
    label: Extra {i}
    role: secondary
    kind: count
    unit: people
    direction: higher-is-better
    maturity: Not yet reported.
""" for i in range(n))
    return replace("outcomes:\n", "outcomes:\n" + block)


def sections(n):
    block = "".join(f"""  - kind: background
    heading: Background {i}
    content:
      - paragraph: Section {i}.
""" for i in range(n))
    return replace("sections:\n", "sections:\n" + block)


def list_items(n):
    return with_paragraph("x").replace('      - paragraph: "x"', "      - list:\n" + "".join(f"          - item {i}\n" for i in range(n)))


def glossary(n):
    block = "".join(f"  - id: term{i}\n    term: Term {i}\n    definition: Definition {i}.\n" for i in range(n))
    return replace("glossary:\n", "glossary:\n" + block)


def nested_links(n):
    return "[" * n + "x" + "](https://example.org)" * n


def alias_bomb():
    lines = ["lol0: &a0 \"" + "lol" * 100 + "\""]
    lines += [f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)]
    return "\n".join(lines) + "\n" + PATINA.replace('  - id: cdk46-inhibitor', '  - id: cdk46-inhibitor', 1)


def alias_text_bomb():
    # One 10 kB paragraph repeated 200 times by alias: 2 MB of text from a 12 kB file.
    anchored = with_paragraph("word " * 2000).replace('      - paragraph: "', '      - paragraph: &big "', 1)
    return anchored.replace("      - list:\n", "      - paragraph: *big\n" * 150 + "      - list:\n", 1)


# A case: name, class, files {relative path: text | bytes | ("symlink", target) | ("fifo",) | ("dir",)},
# args (after the binary), expected exit code, a regex the combined output must match, extra forbidden strings.
def case(name, cls, files, args, exit, expect, forbid=(), digest_width=False):
    return dict(name=name, cls=cls, files=files, args=args, exit=exit, expect=expect, forbid=list(forbid),
                digest_width=digest_width)


def S(text):
    return {"summaries/patina.yaml": text}


VALIDATE = ["validate", "summaries"]
ALL = ["all", "--quiet", "--input", "summaries", "--output", "out", "--formats", "digest,jsonld"]
ALL_PDF = ["all", "--quiet", "--input", "summaries", "--output", "out"]


def cases():
    big_digits = "9" * 309
    c = [
        # --- crashes: numbers and recursion
        case("number-16-digits", "crash", S(replace("palbociclib: 44.3", "palbociclib: 9999999999999999")), VALIDATE, 1,
             r"patina\.yaml:\d+:\d+: error: outcomes\[0\]\.values\.palbociclib: has 16 digits"),
        case("number-16-digits-all", "crash", S(replace("palbociclib: 44.3", "palbociclib: 9999999999999999")), ALL_PDF, 1,
             r"has 16 digits"),
        case("number-309-digits", "crash", S(replace("palbociclib: 44.3", "palbociclib: " + big_digits)), VALIDATE, 1,
             r"has 309 digits"),
        case("number-5000-decimals", "crash", S(replace("palbociclib: 44.3", "palbociclib: 0." + "0" * 4999 + "1")), VALIDATE, 1,
             r"has 5001 digits"),
        case("number-15-digits-exports", "crash", S(replace("palbociclib: 44.3", "palbociclib: 999999999999999")), ALL_PDF, 0,
             r"exported"),
        case("mean-extremes-export", "crash",
             S(replace("    kind: median-time\n    unit: months\n    direction: higher-is-better\n    values: {palbociclib: 44.3, standard: 29.1}",
                       "    kind: mean\n    unit: months\n    direction: higher-is-better\n    values: {palbociclib: -999999999999999, standard: 0.00000000000001}")),
             ALL_PDF, 0, r"exported", digest_width=True),
        case("effect-extremes-export", "crash",
             S(replace("value: 0.75", "value: 0.00000000000001\n      ci: [0.00000000000001, 99999999999999]")),
             ALL_PDF, 0, r"exported", digest_width=True),
        case("zero-values-export", "crash", S(PATINA.replace("{palbociclib: 44.3, standard: 29.1}", "{palbociclib: 0, standard: 0.0}")
                                              .replace("{palbociclib: 79.7, standard: 30.6}", "{palbociclib: 0, standard: 0}")),
             ALL_PDF, 0, r"exported"),
        case("effect-huge", "crash", S(replace("value: 0.75", "value: 1" + "0" * 400)), VALIDATE, 1, r"effect\.value: has 401 digits"),
        case("ci-huge", "crash", S(replace("value: 0.75", "value: 0.75\n      ci: [0.5, " + big_digits + "]")), VALIDATE, 1,
             r"ci\[1\]: has 309 digits"),
        case("number-exponent", "crash", S(replace("palbociclib: 44.3", "palbociclib: 1e308")), VALIDATE, 1, r"expected a number"),
        case("number-nan", "crash", S(replace("palbociclib: 44.3", "palbociclib: .nan")), VALIDATE, 1, r"expected a number"),
        case("enrollment-overflow", "crash", S(replace("enrollment: 518", "enrollment: 99999999999999999999")), VALIDATE, 1,
             r"trial\.enrollment: expected a whole number"),
        case("enrollment-int-max", "crash", S(replace("enrollment: 518", "enrollment: 9223372036854775807")), VALIDATE, 1,
             r"outside 1…10000000"),
        case("participants-overflow", "crash", S(replace("    control: true", "    control: true\n    participants: 9223372036854775807")),
             VALIDATE, 1, r"participants: 9223372036854775807 is outside"),
        case("stars-100000", "crash", S(with_paragraph("*" * 100_000)), VALIDATE, 1, r"is 100000 characters long; the limit is 20000"),
        case("stars-100000-all", "crash", S(with_paragraph("*" * 100_000)), ALL, 1, r"is 100000 characters long"),
        case("stars-19000", "crash", S(with_paragraph("*" * 19_000)), ALL, 0, r"exported"),
        case("nested-links-9", "crash", S(with_paragraph(nested_links(9))), VALIDATE, 1, r"nested more than 8 levels"),
        case("emphasis-alternating", "crash", S(with_paragraph("*a " * 6000)), ALL, 0, r"exported"),
        case("strong-unclosed", "crash", S(with_paragraph("**a " * 4000)), ALL, 0, r"exported"),
        case("yaml-flow-nesting", "crash", S("a: " + "[" * 100_000), VALIDATE, 1, r"patina\.yaml:\d+:\d+: error: YAML syntax"),
        case("yaml-block-nesting", "crash", S("".join(" " * i + "- \n" for i in range(1200))), VALIDATE, 1, r"error"),
        # --- time and memory
        case("nested-links-800", "bounds", S(with_paragraph(nested_links(800))), VALIDATE, 1, r"nested more than 8 levels"),
        case("nested-links-8", "bounds", S(with_paragraph(nested_links(8))), ALL, 0, r"exported"),
        case("unclosed-brackets-100000", "bounds", S(with_paragraph("[" * 100_000)), VALIDATE, 1, r"100000 characters long"),
        case("unclosed-brackets-19000", "bounds", S(with_paragraph("[" * 19_000)), ALL, 0, r"exported"),
        case("url-100000", "bounds", S(with_paragraph("[x](https://example.org/" + "a" * 100_000 + ")")), VALIDATE, 1,
             r"characters long; the limit is 20000"),
        case("url-2500", "bounds", S(with_paragraph("[x](https://example.org/" + "a" * 2500 + ")")), VALIDATE, 1,
             r"link target is 2520 characters long; the limit is 2000"),
        case("url-1900-exports", "bounds", S(with_paragraph("see [x](https://example.org/" + "a" * 1900 + ")")), ALL_PDF, 0,
             r"exported", digest_width=True),
        case("no-space-100000", "bounds", S(with_paragraph("a" * 100_000)), VALIDATE, 1, r"100000 characters long"),
        case("no-space-19000-exports", "bounds", S(with_paragraph("a" * 19_000)), ALL_PDF, 0, r"exported", digest_width=True),
        case("paragraph-50MB", "bounds", S(with_paragraph("word " * 10_000_000)), VALIDATE, 1,
             r"patina\.yaml:1:1: error: is \d+ bytes; source files are at most 1000000 bytes"),
        case("paragraph-50MB-all", "bounds", S(with_paragraph("word " * 10_000_000)), ALL, 1, r"source files are at most"),
        case("file-just-over-limit", "bounds", S(PATINA + "#" * (1_000_001 - len(PATINA.encode()))), VALIDATE, 1,
             r"is 1000001 bytes"),
        case("file-just-under-limit", "bounds", S(PATINA + "#" * 99 + "\n" + ("#" * 99 + "\n") * ((999_000 - len(PATINA.encode())) // 100)), VALIDATE, 0, r"1 valid"),
        case("unknown-keys-60000", "bounds", S(PATINA + "".join(f"k{i}: v\n" for i in range(60_000))), VALIDATE, 1,
             r"has 600\d\d keys; the limit is 200"),
        case("problems-over-the-cap", "bounds",
             S(PATINA.rstrip("\n") + "\n" + "".join("  - kind: background\n    heading: More\n    content:\n"
                                                  + "      - bogus: x\n" * 200 for _ in range(20))), VALIDATE, 1,
             r"error: more problems follow"),
        case("alias-bomb", "bounds", S(alias_bomb()), VALIDATE, 1, r"error"),
        case("alias-text-bomb", "bounds", S(alias_text_bomb()), VALIDATE, 1, r"more than 1000000 bytes of text once its aliases"),
        case("arms-500", "bounds", S(arms(500)), VALIDATE, 1, r"arms: lists 500 items; the limit is 8"),
        case("arms-9", "bounds", S(arms(9)), VALIDATE, 1, r"lists 9 items; the limit is 8"),
        case("arms-8-exports", "bounds", S(arms(8)), ALL_PDF, 0, r"exported"),
        case("outcomes-100", "bounds", S(outcomes(100)), VALIDATE, 1, r"outcomes: lists 104 items; the limit is 40"),
        case("sections-100", "bounds", S(sections(100)), VALIDATE, 1, r"sections: lists \d+ items; the limit is 40"),
        case("list-items-1000", "bounds", S(list_items(1000)), VALIDATE, 1, r"lists 1000 items; the limit is 200"),
        case("glossary-10000", "bounds", S(glossary(10_000)), VALIDATE, 1, r"glossary: lists 10009 items"),
        case("values-1000-keys", "bounds", S(replace("values: {palbociclib: 44.3, standard: 29.1}",
                                                     "values: {" + ", ".join(f"a{i}: 1" for i in range(1000)) + "}")),
             VALIDATE, 1, r"has 1000 values; a trial has at most 8 arms"),
        # --- silent bad output
        case("title-5000", "output", S(replace("title: \"PATINA:", "title: \"" + "Long " * 1000 + "PATINA:")), VALIDATE, 1,
             r"title: is \d+ characters long; the limit is 1000"),
        case("title-900-no-space-exports", "output", S(replace("title: \"PATINA:", "title: \"" + "T" * 900 + " PATINA:")), ALL_PDF, 0,
             r"exported", digest_width=True),
        case("long-words-digest-width", "output", S(with_paragraph(" ".join(["x" * 300] * 20))), ALL, 0, r"exported",
             digest_width=True),
        # Chinese and Japanese kana have a font now (issue 19); Korean has none yet.
        case("korean-text-warns", "output", S(with_paragraph("환자의" * 20)), ALL_PDF, 0,
             r"patina\.yaml:175:\d+: warning: the PDF fonts have no glyph for 3 characters"),
        case("layout-text-area-too-small", "output",
             {"summaries/patina.yaml": PATINA, "layouts/tiny.yaml": "LAYOUT:tiny"}, ["validate", "summaries"], 1,
             r"layouts/tiny\.yaml:\d+:\d+: error: margins: the text area is"),
        case("layout-too-small-pdf", "output",
             {"summaries/patina.yaml": PATINA, "layouts/tiny.yaml": "LAYOUT:tiny"},
             ["pdf", "--quiet", "--input", "summaries", "--output", "out", "--layout", "tiny"], 1, r"text area is"),
        case("truncated-font", "output", {"summaries/patina.yaml": PATINA, "fonts": "TRUNCATED-FONTS"}, ALL_PDF, 1,
             r"font.*(truncated|cannot be read|not a font)"),
        # --- clear errors: encoding
        case("nul-byte", "errors", S(replace("phase: \"3\"", "phase: \"3\u0000\"")), VALIDATE, 1,
             r"patina\.yaml:60:\d+: error: contains the character U\+0000"),
        case("u-fffe", "errors", S(replace("enrollment: 518", "enrollment: 518 \ufffe")), VALIDATE, 1,
             r"patina\.yaml:68:\d+: error: contains the character U\+FFFE"),
        case("invalid-utf8", "errors", {"summaries/patina.yaml": replace("locations: Multiple", "locations: Mul\udcfftiple")},
             VALIDATE, 1, r"patina\.yaml:67:17: error: byte 0xFF is not valid UTF-8"),
        case("utf16-file", "errors", {"summaries/patina.yaml": PATINA.encode("utf-16")}, VALIDATE, 1,
             r"patina\.yaml:1:1: error: byte 0xFF is not valid UTF-8"),
        case("latin1-file", "errors", {"summaries/patina.yaml": PATINA.replace("±", "\u00b1").encode("latin-1", "replace")},
             VALIDATE, 1, r"patina\.yaml:\d+:\d+: error: byte 0x.. is not valid UTF-8"),
        case("esc-in-title", "errors", S(replace("title: \"PATINA:", "title: \"\\e[31mPATINA\\a:")), VALIDATE, 1,
             r"contains the control character U\+001B"),
        case("esc-in-unknown-key", "errors", S(PATINA + "\"evil\\e[2J\": 1\n"), VALIDATE, 1, r"unknown key 'evil\\u\{1B\}\[2J'"),
        case("newline-in-file-name", "errors", {"summaries/evil\nfake: error: forged.yaml": "x: 1\n"}, VALIDATE, 1,
             r"summaries/evil\\u\{A\}fake: error: forged\.yaml:1:1: error"),
        case("esc-in-file-name", "errors", {"summaries/\x1b[31mred.yaml": "x: 1\n"}, VALIDATE, 1, r"\\u\{1B\}\[31mred\.yaml"),
        case("empty-file", "errors", {"summaries/empty.yaml": ""}, VALIDATE, 1, r"empty\.yaml:1:1: error: the file is empty"),
        case("bom-only", "errors", {"summaries/bom.yaml": "\ufeff"}, VALIDATE, 1, r"bom\.yaml:1:1: error"),
        case("yaml-syntax-located", "errors", S(replace("  phase: \"3\"", "  phase: \"3")), VALIDATE, 1,
             r"patina\.yaml:\d+:\d+: error: YAML syntax"),
        # --- clear errors: odd files (validate and all follow the same rules)
        case("dev-zero-link", "files", {"summaries/patina.yaml": PATINA, "summaries/zero.yaml": ("symlink", "/dev/zero")},
             VALIDATE, 1, r"zero\.yaml:1:1: error: is a symbolic link to a file outside the library"),
        case("dev-zero-link-all", "files", {"summaries/patina.yaml": PATINA, "summaries/zero.yaml": ("symlink", "/dev/zero")},
             ALL, 1, r"zero\.yaml:1:1: error: is a symbolic link to a file outside"),
        case("dev-zero-explicit", "files", {"summaries/patina.yaml": PATINA}, ["validate", "/dev/zero"], 1,
             r"/dev/zero:1:1: error: is not a regular file"),
        case("fifo", "files", {"summaries/patina.yaml": PATINA, "summaries/pipe.yaml": ("fifo",)}, VALIDATE, 1,
             r"pipe\.yaml:1:1: error: is not a regular file"),
        case("fifo-all", "files", {"summaries/patina.yaml": PATINA, "summaries/pipe.yaml": ("fifo",)}, ALL, 1,
             r"pipe\.yaml:1:1: error: is not a regular file"),
        case("symlink-loop", "files", {"summaries/patina.yaml": PATINA, "summaries/a.yaml": ("symlink", "b.yaml"),
                                       "summaries/b.yaml": ("symlink", "a.yaml")}, VALIDATE, 1,
             r"a\.yaml:1:1: error: is a symbolic link that leads nowhere or in a loop"),
        case("symlink-loop-all", "files", {"summaries/patina.yaml": PATINA, "summaries/a.yaml": ("symlink", "b.yaml"),
                                           "summaries/b.yaml": ("symlink", "a.yaml")}, ALL, 1, r"leads nowhere or in a loop"),
        case("dangling-symlink", "files", {"summaries/patina.yaml": PATINA, "summaries/gone.yaml": ("symlink", "nothere.yaml")},
             VALIDATE, 1, r"gone\.yaml:1:1: error: is a symbolic link that leads nowhere"),
        case("folder-named-yaml", "files", {"summaries/patina.yaml": PATINA, "summaries/dir.yaml": ("dir",)}, VALIDATE, 1,
             r"dir\.yaml:1:1: error: is a folder, not a file"),
        case("folder-named-yaml-all", "files", {"summaries/patina.yaml": PATINA, "summaries/dir.yaml": ("dir",)}, ALL, 1,
             r"dir\.yaml:1:1: error: is a folder"),
        case("symlink-to-etc-passwd", "files", {"summaries/patina.yaml": PATINA, "summaries/pw.yaml": ("symlink", "/etc/passwd")},
             VALIDATE, 1, r"pw\.yaml:1:1: error: is a symbolic link to a file outside the library", forbid=["root:"]),
        case("symlink-inside-library", "files", {"summaries/real/patina.yaml": PATINA,
                                                 "summaries/patina.yaml": ("symlink", "real/patina.yaml")}, VALIDATE, 0, r"1 valid"),
        case("missing-input-folder", "files", {"summaries/patina.yaml": PATINA},
             ["all", "--quiet", "--input", "summariez", "--output", "out"], 1, r"summariez:1:1: error: no such file or folder"),
        # --- clear errors: ids and commands
        case("id-300-chars", "errors", S(replace("id: patina", "id: " + "a" * 300)), VALIDATE, 1,
             r"id: is 300 characters long; ids have at most 64"),
        case("id-64-exports", "errors", S(replace("id: patina", "id: " + "a" * 64)), ALL_PDF, 0, r"exported"),
        case("pdf-invalid-id", "errors", S(replace("enrollment: 518", "enrollment: many")),
             ["pdf", "patina", "--input", "summaries", "--output", "out"], 1, r"trial\.enrollment: expected a whole number"),
        case("pdf-unknown-id", "errors", S(PATINA), ["pdf", "nosuch", "--input", "summaries", "--output", "out"], 2,
             r"'nosuch' is neither a file nor a summary id"),
        case("layout-unknown", "errors", S(PATINA), ["pdf", "--input", "summaries", "--output", "out", "--layout", "nosuch"], 2,
             r"unknown PDF layout 'nosuch'"),
        case("esc-in-argument", "errors", S(PATINA), ["pdf", "\x1b[2Jevil", "--input", "summaries", "--output", "out"], 2,
             r"'\\u\{1B\}\[2Jevil' is neither a file nor a summary id"),
        case("esc-in-unknown-option", "errors", S(PATINA), ["validate", "--\x1b[2J"], 2, r"\\u\{1B\}\[2J"),
        case("output-is-a-file", "errors", {"summaries/patina.yaml": PATINA, "out": "not a folder"},
             ["digest", "--quiet", "--input", "summaries", "--output", "out"], 1, r"error: .*out is a file, not a folder", forbid=["Error Domain", "UserInfo"]),
        # --- settings
        case("settings-is-folder", "settings", {"summaries/patina.yaml": PATINA, "trialexport.yaml": ("dir",)}, VALIDATE, 1,
             r"trialexport\.yaml:1:1: error: is a folder"),
        case("settings-is-folder-all", "settings", {"summaries/patina.yaml": PATINA, "trialexport.yaml": ("dir",)}, ALL, 1,
             r"trialexport\.yaml:1:1: error: is a folder"),
        case("settings-two-from", "settings", {"summaries/patina.yaml": PATINA,
                                               "trialexport.yaml": "newsletter:\n  from: \"Alice <a@x.org>, Bob <b@evil.org>\"\n"},
             VALIDATE, 1, r"trialexport\.yaml:2:9: error: newsletter\.from: .* is not one mail address"),
        case("settings-two-bare-from", "settings", {"summaries/patina.yaml": PATINA,
                                                    "trialexport.yaml": "newsletter:\n  from: a@x.org, b@y.org\n"},
             VALIDATE, 1, r"trialexport\.yaml:2:9: error: newsletter\.from"),
        case("settings-bad-listid", "settings", {"summaries/patina.yaml": PATINA,
                                                 "trialexport.yaml": "newsletter:\n  listId: not a list id\n"},
             VALIDATE, 1, r"trialexport\.yaml:2:11: error: newsletter\.listId: .*RFC 2919"),
        case("settings-bad-mailto", "settings", {"summaries/patina.yaml": PATINA,
                                                 "trialexport.yaml": "newsletter:\n  unsubscribeMailto: \"mailto:a@x.org,b@y.org\"\n"},
             VALIDATE, 1, r"trialexport\.yaml:2:22: error: newsletter\.unsubscribeMailto"),
        case("settings-nul", "settings", {"summaries/patina.yaml": PATINA, "trialexport.yaml": "siteName: ok\npublisher: a\u0000b\n"},
             VALIDATE, 1, r"trialexport\.yaml:2:13: error: contains the character U\+0000"),
        case("settings-not-utf8", "settings", {"summaries/patina.yaml": PATINA, "trialexport.yaml": b"siteName: ok\npublisher: \xff\n"},
             VALIDATE, 1, r"trialexport\.yaml:2:12: error: byte 0xFF is not valid UTF-8"),
        case("settings-syntax", "settings", {"summaries/patina.yaml": PATINA, "trialexport.yaml": "siteName: ok\npublisher: [a\n"},
             VALIDATE, 1, r"trialexport\.yaml:[2-3]:\d+: error: YAML syntax"),
        case("settings-huge", "settings", {"summaries/patina.yaml": PATINA, "trialexport.yaml": "# x\n" * 300_000}, VALIDATE, 1,
             r"trialexport\.yaml:1:1: error: is 1200000 bytes"),
    ]
    return c
