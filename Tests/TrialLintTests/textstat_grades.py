"""Reads a JSON list of paragraphs on stdin, prints textstat 0.7.3's Flesch-Kincaid grade for each (unrounded).

textstat 0.7.3 takes its syllables from pyphen's bundled dictionaries and downloads nothing; the check below
makes sure no network access happens anyway.
"""
import json
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
print(json.dumps([textstat.flesch_kincaid_grade(t) for t in json.load(sys.stdin)]))
