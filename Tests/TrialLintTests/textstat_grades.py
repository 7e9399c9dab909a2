"""Reads a JSON list of paragraphs on stdin, prints textstat 0.7.3's Flesch-Kincaid grade for each (unrounded).

textstat 0.7.3 takes its syllables from pyphen's bundled dictionaries and downloads nothing; the check below
makes sure no network access happens anyway.
"""
import json
import re
import socket
import sys


def no_network(*args, **kwargs):
    raise RuntimeError("textstat tried to use the network")


socket.socket.connect = no_network

from importlib.metadata import version  # noqa: E402

import textstat  # noqa: E402

# textstat's own __version__ still says 0.7.2 in the 0.7.3 release; the installed distribution is what counts.
assert version("textstat") == "0.7.3", version("textstat")
textstat.set_lang("en_US")
textstat.set_rounding(False)
texts = json.load(sys.stdin)
# textstat 0.7.3 ends a sentence at every ".", so "0.75" becomes two sentences; trialexport does not split numbers.
# Decimal commas give textstat the same words and syllables (punctuation is removed inside words either way)
# without the spurious sentences. "raw" is textstat on the text as written, for the report.
normalised = [re.sub(r"(\d)\.(\d)", r"\1,\2", t) for t in texts]
print(json.dumps({"grades": [textstat.flesch_kincaid_grade(t) for t in normalised],
                  "raw": [textstat.flesch_kincaid_grade(t) for t in texts]}))
