"""The bad-input matrix: what a careless user or an attacker can hand the real command.

Each case runs ``python -m claimcheck`` in a folder of its own, with the files it needs,
and asserts the exit status; for an error, exactly one line on stderr that names the
problem (the case's pattern); no traceback; and no file in the folder left behind or
changed. A run that succeeds (a UTF-16 file, a cut-short report) may print one warning.

The cases run in parallel once per session (each is a separate process), and each test
asserts on its case's outcome, so the matrix stays quick.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import HARROW_REPORT, write_pdf

HARROW = HARROW_REPORT.read_bytes()
HARROW_TEXT = HARROW.decode("utf-8")
OPENING_ONLY = HARROW_TEXT[: HARROW_TEXT.index("\n- 1. ")]
CUT_SHORT = HARROW_TEXT[: HARROW_TEXT.index("\n- 20. ")]
CLAIM = "Ofsted rated Harrow inadequate overall."
BROKEN_PAGE_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
                   b"/Kids[3 0 R]/Count 1>>endobj\n3 0 obj 42 endobj\ntrailer<</Root 1 0 R>>\n"
                   b"%%EOF\n")
MANIFEST_HEAD = '[[document]]\nid = "r"\nkind = "report"\npath = "report.txt"\n\n'
STATEMENT_ENTRY = '[[document]]\nid = "s"\nkind = "statement"\nabout = "r"\npath = "s.txt"\n'
IS_ROOT = os.geteuid() == 0

Setup = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """One bad input: the command's arguments, the files it finds, what must happen.

    ``args`` are relative to the case's folder; ``redirect`` is shell syntax applied to the
    command (``<&-``, ``>/dev/full``); ``message`` is a pattern the one stderr line must
    match (for exit 0, the one warning line; empty means no stderr at all).
    """

    id: str
    args: tuple[str | bytes, ...]
    message: str
    code: int = 1
    setup: tuple[Setup, ...] = ()
    stdin: bytes = b""
    redirect: str = ""
    env: tuple[tuple[str, str], ...] = ()
    new_files: tuple[bytes, ...] = ()  # names a successful run may create


def files(**contents: str | bytes) -> Setup:
    """Write files: ``s_txt=content`` writes ``s.txt``; ``__`` in a name stands for ``/``."""
    def make(folder: Path) -> None:
        for key, content in contents.items():
            head, _, ext = key.replace("__", "/").rpartition("_")
            path = folder / (f"{head}.{ext}" if head else ext)
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                content = content.encode("utf-8")
            path.write_bytes(content)
    return make


def raw_file(name: bytes, content: bytes) -> Setup:
    """A file whose name is given as bytes (not UTF-8, say)."""
    def make(folder: Path) -> None:
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(content)
    return make


def folder(name: str) -> Setup:
    return lambda at: (at / name).mkdir(parents=True, exist_ok=True)


def symlink(name: str, target: str) -> Setup:
    return lambda at: (at / name).symlink_to(target)


def hardlink(name: str, target: str) -> Setup:
    return lambda at: os.link(at / target, at / name)


def pdf(name: str, pages: list[list[str]], **options: object) -> Setup:
    return lambda at: write_pdf(at / name, pages, **options)  # type: ignore[arg-type]


def corpus(manifest: str | bytes, **contents: str | bytes) -> tuple[Setup, ...]:
    """A corpus folder ``c`` with this manifest and files, beside a copy of the report."""
    extra = {f"c__{k}": v for k, v in contents.items()}
    return (files(c__manifest_toml=manifest, c__report_txt=HARROW, **extra),)


REPORT_PAGES = [["Inspection of Northby local authority children's services",
                 "Inspection dates: 1 to 5 May 2024", "Lead inspector: A Person",
                 "Judgement Grade", "Overall effectiveness Inadequate"]]

CASES: list[Case] = [
    # --- a statement given on the command line or standard input -----------------------
    Case("arg-empty", ("check", ""), r"statement is empty"),
    Case("arg-blank", ("check", "   \n "), r"statement is empty"),
    Case("arg-not-utf8", ("check", b"\xff"), r"the statement: is not UTF-8.*re-save"),
    Case("arg-latin1", ("check", b"caf\xe9 was rated good"), r"not UTF-8 text \(byte 3\)"),
    Case("arg-only-markup", ("check", "<p> </p><br>"), r"has no visible text"),
    Case("arg-over-limit", ("check", "--max-statement-mb", "0.001", "Harrow. " * 200),
         r"larger than the statement limit of 0\.001 MB.*--max-statement-mb"),
    Case("stdin-latin1", ("check", "-"), r"standard input: is not UTF-8", stdin=b"caf\xe9"),
    Case("stdin-closed", ("check", "-"), r"standard input is closed", redirect="<&-"),
    Case("stdin-empty", ("check", "-"), r"statement is empty"),
    Case("stdin-blank", ("check", "-"), r"statement is empty", stdin=b" \n\t\n"),
    Case("stdin-bom-only", ("check", "-"), r"has no text .*byte-order mark",
         stdin=b"\xef\xbb\xbf"),
    Case("stdin-bom-space", ("check", "-"), r"has no text", stdin=b"\xef\xbb\xbf \n"),
    Case("stdin-utf16-bom-only", ("check", "-"), r"has no text", stdin=b"\xff\xfe"),
    Case("stdin-binary", ("check", "-"), r"binary file", stdin=b"\x00\x01\x02abc\x00"),
    Case("stdin-utf16-odd", ("check", "-"), r"is not UTF-16 text",
         stdin=b"\xff\xfeH\x00i\x00!"),
    Case("stdin-over-limit", ("check", "--max-statement-mb", "0.001", "-"),
         r"standard input: is larger than the statement limit", stdin=b"Words. " * 500),
    Case("stdin-dev-zero", ("check", "-"), r"larger than the statement limit of 2 MB",
         redirect="</dev/zero"),
    Case("stdin-utf16", ("check", "-"), "", code=0,
         stdin=CLAIM.encode("utf-16")),
    Case("stdin-utf32", ("check", "-"), "", code=0, stdin=CLAIM.encode("utf-32")),
    Case("stdin-utf8-bom", ("check", "-"), "", code=0,
         stdin=b"\xef\xbb\xbf" + CLAIM.encode()),
    Case("limit-zero", ("check", "--max-statement-mb", "0", CLAIM), r"0\.001", code=2),
    # --- the report checked against ------------------------------------------------------
    Case("report-missing", ("check", "--report", "nowhere.pdf", CLAIM), r"nowhere\.pdf: no such"),
    Case("report-folder", ("check", "--report", "d", CLAIM), r"d: is a directory",
         setup=(folder("d"),)),
    Case("report-empty", ("check", "--report", "r.txt", CLAIM), r"r\.txt: is empty",
         setup=(files(r_txt=b""),)),
    Case("report-blank", ("check", "--report", "r.txt", CLAIM), r"r\.txt: is empty",
         setup=(files(r_txt=b" \n\n "),)),
    Case("report-bom-only", ("check", "--report", "r.txt", CLAIM), r"r\.txt: has no text",
         setup=(files(r_txt=b"\xef\xbb\xbf "),)),
    Case("report-binary", ("check", "--report", "r.bin", CLAIM), r"binary file",
         setup=(files(r_bin=b"\x7fELF\x00\x00\x01"),)),
    Case("report-latin1", ("check", "--report", "r.txt", CLAIM), r"not UTF-8 text",
         setup=(files(r_txt=HARROW_TEXT.replace("’", "'").encode("latin-1",
                                                                   "replace") + b"\xe9"),)),
    Case("report-not-ilacs", ("check", "--report", "r.txt", CLAIM),
         r"no judgement table and no numbered paragraphs.*claimcheck units",
         setup=(files(r_txt="Minutes of the parks committee.\n\nNothing to report.\n"),)),
    Case("report-over-limit", ("check", "--max-report-mb", "0.01", "--report", "r.txt", CLAIM),
         r"larger than the report limit of 0\.01 MB.*--max-report-mb",
         setup=(files(r_txt=HARROW),)),
    Case("report-utf16", ("check", "--report", "r.txt", CLAIM), "", code=0,
         setup=(files(r_txt=HARROW_TEXT.encode("utf-16")),)),
    Case("report-broken-page", ("check", "--report", "b.pdf", CLAIM),
         r"page 1 cannot be read", setup=(files(b_pdf=BROKEN_PAGE_PDF),)),
    Case("report-cut-short", ("check", "--report", "r.txt", CLAIM),
         r"warning: r\.txt stops at paragraph 19 with no closing notice.*cut short", code=0,
         setup=(files(r_txt=CUT_SHORT),)),
    Case("units-broken-page", ("units", "b.pdf"), r"b\.pdf: page 1 cannot be read.*again",
         setup=(files(b_pdf=BROKEN_PAGE_PDF),)),
    Case("units-pdf-header-only", ("units", "h.pdf"), r"not a readable PDF",
         setup=(files(h_pdf=b"%PDF-1.7\n"),)),
    Case("units-pdf-cut", ("units", "cut.pdf"), r"cut\.pdf: .*(PDF|report)",
         setup=(pdf("whole.pdf", REPORT_PAGES),
                lambda at: (at / "cut.pdf").write_bytes((at / "whole.pdf").read_bytes()[:300]))),
    Case("units-pdf-password", ("units", "p.pdf"), r"password-protected",
         setup=(pdf("p.pdf", REPORT_PAGES, password="secret"),)),
    Case("units-pdf-scan", ("units", "s.pdf"), r"no text layer.*OCR",
         setup=(pdf("s.pdf", [[]], image=True),)),
    Case("units-pdf-not-ilacs", ("units", "n.pdf"), r"no judgement table",
         setup=(pdf("n.pdf", [["A letter about bins."]]),)),
    Case("units-dev-zero", ("units", "/dev/zero"), r"/dev/zero: is larger than the report "
         r"limit of 50 MB"),
    Case("units-dev-null", ("units", "/dev/null"), r"/dev/null: is empty"),
    Case("units-missing-id", ("units", "harrow-2099"), r"harrow-2099: no such file"),
    Case("units-empty-name", ("units", ""), r"is a directory"),
    Case("units-symlink-loop", ("units", "loop.txt"), r"loop\.txt: no such file",
         setup=(symlink("loop.txt", "loop.txt"),)),
    Case("units-not-utf8-name", ("units", b"r\xff.txt"), "r\ufffd\\.txt: no such file"),
    Case("units-opening-only", ("units", "r.txt"),
         r"warning: r\.txt has the opening of an ILACS report but no numbered paragraphs", code=0,
         setup=(files(r_txt=OPENING_ONLY),)),
    Case("units-cut-short", ("units", "r.txt"), r"warning: .*stops at paragraph 19", code=0,
         setup=(files(r_txt=CUT_SHORT),)),
    Case("units-utf16-be", ("units", "r.txt"), "", code=0,
         setup=(files(r_txt=b"\xfe\xff" + HARROW_TEXT.encode("utf-16-be")),)),
    Case("units-over-limit", ("units", "--max-report-mb", "0.001", "r.txt"),
         r"report limit of 0\.001 MB", setup=(files(r_txt=HARROW),)),
    Case("units-one-bad-of-two", ("units", "r.txt", "b.pdf"), r"b\.pdf: page 1",
         setup=(files(r_txt=HARROW, b_pdf=BROKEN_PAGE_PDF),)),
    # --- statement files -------------------------------------------------------------------
    Case("file-missing", ("batch", "absent.txt"), r"absent\.txt: no such file"),
    Case("file-folder", ("batch", "d"), r"d: is a directory", setup=(folder("d"),)),
    Case("file-empty", ("batch", "s.txt"), r"s\.txt: is empty", setup=(files(s_txt=b""),)),
    Case("file-blank", ("batch", "s.txt"), r"s\.txt: is empty",
         setup=(files(s_txt=b"\n \n\t"),)),
    Case("file-bom-only", ("batch", "s.txt"), r"s\.txt: has no text .*byte-order mark",
         setup=(files(s_txt=b"\xef\xbb\xbf"),)),
    Case("file-bom-space", ("batch", "s.txt"), r"s\.txt: has no text",
         setup=(files(s_txt=b"\xef\xbb\xbf \n"),)),
    Case("file-utf16-bom-space", ("batch", "s.txt"), r"s\.txt: has no text",
         setup=(files(s_txt=" \n".encode("utf-16")),)),
    Case("file-binary", ("batch", "s.txt"), r"s\.txt: is a binary file",
         setup=(files(s_txt=b"GIF89a\x00\x00\x01"),)),
    Case("file-latin1", ("batch", "s.txt"), r"s\.txt: is not UTF-8 text \(byte 3\)",
         setup=(files(s_txt=b"caf\xe9 was rated good."),)),
    Case("file-utf16-odd", ("batch", "s.txt"), r"s\.txt: is not UTF-16 text",
         setup=(files(s_txt=b"\xfe\xff\x00H\x00"),)),
    Case("file-only-markup", ("batch", "s.html"), r"s\.html: has no visible text",
         setup=(files(s_html="<p></p><script>alert(1)</script>"),)),
    Case("file-dev-zero", ("batch", "/dev/zero"), r"larger than the statement limit"),
    Case("file-over-limit", ("batch", "--max-statement-mb", "0.001", "s.txt"),
         r"s\.txt: is larger than the statement limit", setup=(files(s_txt="Words. " * 300),)),
    Case("file-one-bad-of-two", ("batch", "s.txt", "t.txt"), r"t\.txt: is empty",
         setup=(files(s_txt=CLAIM, t_txt=""),)),
    Case("file-utf16-le", ("batch", "-f", "jsonl", "s.txt"), "", code=0,
         setup=(files(s_txt=CLAIM.encode("utf-16")),)),
    Case("file-utf16-be", ("batch", "-f", "jsonl", "s.txt"), "", code=0,
         setup=(files(s_txt=b"\xfe\xff" + CLAIM.encode("utf-16-be")),)),
    Case("file-utf32", ("batch", "-f", "jsonl", "s.txt"), "", code=0,
         setup=(files(s_txt=CLAIM.encode("utf-32")),)),
    Case("file-not-utf8-name", ("batch", "-f", "jsonl", b"s\xff.txt"), "", code=0,
         setup=(raw_file(b"s\xff.txt", CLAIM.encode()),)),
    Case("file-not-utf8-name-missing", ("batch", b"s\xfe.txt"), "s\ufffd\\.txt: no such file"),
    # --- --out -----------------------------------------------------------------------------
    Case("out-is-statement", ("batch", "-f", "jsonl", "--out", "s.txt", "s.txt"),
         r"cannot write s\.txt: it is an input of this run \(s\.txt\); choose another",
         setup=(files(s_txt=CLAIM),)),
    Case("out-is-statement-other-spelling",
         ("batch", "-f", "jsonl", "--out", "./d/../s.txt", "s.txt"), r"is an input of this run",
         setup=(files(s_txt=CLAIM), folder("d"))),
    Case("out-is-report", ("batch", "-f", "csv", "--report", "r.txt", "--out", "r.txt", "s.txt"),
         r"it is an input of this run \(r\.txt\)", setup=(files(s_txt=CLAIM, r_txt=HARROW),)),
    Case("out-is-lexicon", ("batch", "-f", "csv", "-l", "l.toml", "--out", "l.toml", "s.txt"),
         r"it is an input of this run \(l\.toml\)",
         setup=(files(s_txt=CLAIM, l_toml='[hedges]\nwords = ["kinda"]\n'),)),
    Case("out-hardlink-to-input", ("batch", "-f", "jsonl", "--out", "h.txt", "s.txt"),
         r"it is an input of this run", setup=(files(s_txt=CLAIM), hardlink("h.txt", "s.txt"))),
    Case("out-symlink-to-input", ("batch", "-f", "jsonl", "--out", "l.txt", "s.txt"),
         r"it is a symbolic link", setup=(files(s_txt=CLAIM), symlink("l.txt", "s.txt"))),
    Case("out-symlink-to-stdout", ("batch", "-f", "jsonl", "--out", "o.jsonl", "s.txt"),
         r"o\.jsonl: it is a symbolic link.*leave out --out",
         setup=(files(s_txt=CLAIM), symlink("o.jsonl", "/dev/stdout"))),
    Case("out-symlink-dangling", ("batch", "-f", "jsonl", "--out", "o.jsonl", "s.txt"),
         r"symbolic link", setup=(files(s_txt=CLAIM), symlink("o.jsonl", "nowhere/x"))),
    Case("out-dev-stdout", ("batch", "-f", "jsonl", "--out", "/dev/stdout", "s.txt"),
         r"symbolic link", setup=(files(s_txt=CLAIM),)),
    Case("out-dev-null", ("batch", "-f", "jsonl", "--out", "/dev/null", "s.txt"),
         r"/dev/null: it is not a regular file", setup=(files(s_txt=CLAIM),)),
    Case("out-folder", ("batch", "-f", "html", "--out", "d", "s.txt"), r"d: it is a folder",
         setup=(files(s_txt=CLAIM), folder("d"))),
    Case("out-missing-folder", ("batch", "-f", "html", "--out", "no/o.html", "s.txt"),
         r"folder no does not exist", setup=(files(s_txt=CLAIM),)),
    Case("out-name-too-long", ("batch", "-f", "html", "--out", "o" * 300 + ".html", "s.txt"),
         r"cannot write o+\.html: file name too long", setup=(files(s_txt=CLAIM),)),
    Case("out-is-manifest", ("batch", "-f", "jsonl", "--corpus", "c", "--out", "c/manifest.toml"),
         r"input of this run", setup=corpus(MANIFEST_HEAD + STATEMENT_ENTRY, s_txt=CLAIM)),
    Case("out-is-corpus-statement",
         ("batch", "-f", "jsonl", "--corpus", "c", "--out", "c/s.txt"), r"input of this run",
         setup=corpus(MANIFEST_HEAD + STATEMENT_ENTRY, s_txt=CLAIM)),
    Case("out-terminal-format", ("batch", "--out", "o.txt", "s.txt"),
         r"cannot tell the format of o\.txt from its extension", code=2,
         setup=(files(s_txt=CLAIM),)),
    Case("out-unknown-format", ("batch", "-f", "docx", "s.txt"), r"unknown format 'docx'",
         code=2, setup=(files(s_txt=CLAIM),)),
    Case("out-not-utf8-name", ("batch", "-f", "jsonl", "--out", b"o\xff.jsonl", "s.txt"), "",
         code=0, setup=(files(s_txt=CLAIM),), new_files=(b"o\xff.jsonl",)),
    Case("out-replaces-regular-file", ("batch", "-f", "jsonl", "--out", "o.jsonl", "s.txt"), "",
         code=0, setup=(files(s_txt=CLAIM, o_jsonl="old"),), new_files=(b"o.jsonl",)),
    # --- standard output -------------------------------------------------------------------
    Case("stdout-closed-check", ("check", CLAIM), r"standard output: it is closed",
         redirect=">&-"),
    Case("stdout-full-check", ("check", CLAIM), r"standard output \(no space left on device\)",
         redirect=">/dev/full"),
    Case("stdout-full-batch", ("batch", "-f", "jsonl", "s.txt"), r"no space left",
         setup=(files(s_txt=CLAIM),), redirect=">/dev/full"),
    Case("stdout-closed-batch", ("batch", "-f", "html", "s.txt"), r"it is closed",
         setup=(files(s_txt=CLAIM),), redirect=">&-"),
    Case("stdout-full-units", ("units", "harrow-2025"), r"no space left", redirect=">/dev/full"),
    Case("stdout-closed-units", ("units", "--format", "jsonl", "harrow-2025"), r"it is closed",
         redirect=">&-"),
    Case("stdout-ascii-terminal", ("check", "Café services were rated good."), "", code=0,
         env=(("PYTHONIOENCODING", "ascii"),)),
    Case("stdout-ascii-jsonl", ("batch", "-f", "jsonl", "s.txt"), "", code=0,
         setup=(files(s_txt="Café “services” were rated good."),),
         env=(("PYTHONIOENCODING", "ascii"),)),
    Case("stdout-closed-out-file", ("batch", "-f", "jsonl", "--out", "o.jsonl", "s.txt"), "",
         code=0, setup=(files(s_txt=CLAIM),), redirect=">&-", new_files=(b"o.jsonl",)),
    # --- lexicons --------------------------------------------------------------------------
    *[Case(f"lexicon-{name}", ("check", "-l", "l.toml", CLAIM), message,
           setup=(files(l_toml=content),)) for name, content, message in [
        ("string-for-list", '[synonyms.group]\ncare_leaver = "former relevant children"\n',
         r"l\.toml: \[synonyms\.group\] key 'care_leaver' must be a list, not a string"),
        ("table-for-list", "[synonyms.group.care_leaver]\nx = 1\n",
         r"\[synonyms\.group\] key 'care_leaver' must be a list, not a table"),
        ("number-for-list", "[hedges]\nwords = 3\n", r"\[hedges\] key 'words' must be a list"),
        ("list-of-numbers", "[hedges]\nwords = [1, 2]\n", r"must list strings, not a whole number"),
        ("list-of-lists", '[hedges]\nwords = [["a"]]\n', r"must list strings, not a list"),
        ("unknown-lexicon", "[synonymz.group]\nx = []\n",
         r"there is no lexicon \[synonymz\].*known: checkworthy"),
        ("unknown-key", '[polarity]\nnegatve = ["x"]\n',
         r"\[polarity\] has no key 'negatve'"),
        ("top-level-scalar", "synonyms = 3\n", r"\[synonyms\] must be a table, not a whole number"),
        ("top-level-list", 'hedges = ["x"]\n', r"\[hedges\] must be a table, not a list"),
        ("string-for-number", '[polarity]\nnegation_window = "3"\n',
         r"key 'negation_window' must be a whole number, not a string"),
        ("float-for-int", "[polarity]\nnegation_window = 2.5\n",
         r"'negation_window' must be a whole number, not a number"),
        ("bool-for-int", "[polarity]\nnegation_window = true\n",
         r"must be a whole number, not true or false"),
        ("table-for-table-of-lists", "[severity]\nlevel = 3\n", r"key 'level' must be a table"),
        ("string-grade", '[grades]\ngrade = ["excellent"]\n', r"must list tables, not a string"),
        ("grade-entry-incomplete", '[[grades.grade]]\nname = "Excellent"\n',
         r"\[grades\] key 'grade' entry 1 has no 'aliases'; each needs aliases, name, rank"),
        ("grade-field-type", "[[grades.grade]]\nname = 3\nrank = 5\naliases = []\n",
         r"\[grades\.grade\] key 'name' must be a string"),
        ("area-aliases-string", '[grades.area.overall]\naliases = "overall"\n',
         r"\[grades\.area\.overall\] key 'aliases' must be a list"),
        ("not-toml", "[hedges\nwords = \n", r"not a valid TOML lexicon"),
        ("latin1", b"[hedges]\nwords = [\"caf\xe9\"]\n", r"not a valid TOML lexicon"),
        ("date-for-list", "[hedges]\nwords = 2025-01-01\n", r"must be a list, not a date"),
    ]],
    Case("lexicon-nested-deep", ("check", "-l", "l.toml", CLAIM), r"l\.toml: is nested too deeply",
         setup=(files(l_toml="a = " + "[" * 50_000 + "]" * 50_000 + "\n"),)),
    Case("lexicon-dev-zero", ("check", "-l", "/dev/zero", CLAIM),
         r"/dev/zero: is larger than 10 MB: is it a lexicon\?"),
    Case("lexicon-missing", ("check", "-l", "none.toml", CLAIM), r"none\.toml: no such lexicon"),
    Case("lexicon-folder", ("check", "-l", "d", CLAIM), r"d: is a folder",
         setup=(folder("d"),)),
    Case("lexicon-valid", ("check", "-l", "l.toml", CLAIM), "", code=0,
         setup=(files(l_toml='[synonyms.group]\ncare_leaver = ["former relevant children"]\n'
                             '[quantifiers.fractions]\nhalf = 1\n'),)),
    Case("lexicon-zero-fraction", ("check", "-l", "l.toml", "Half of care leavers have a PA."),
         "", code=0, setup=(files(l_toml="[quantifiers.fractions]\nhalf = 0\n"),)),
    Case("lexicon-with-bom", ("check", "-l", "l.toml", CLAIM), "", code=0,
         setup=(files(l_toml=b'\xef\xbb\xbf[hedges]\nwords = ["kinda"]\n'),)),
    # --- the corpus manifest -----------------------------------------------------------------
    Case("corpus-missing", ("batch", "--corpus", "nowhere"), r"no corpus manifest"),
    Case("corpus-manifest-folder", ("batch", "--corpus", "c"), r"manifest\.toml: is a folder",
         setup=(folder("c/manifest.toml"),)),
    Case("corpus-manifest-latin1", ("batch", "--corpus", "c"), r"manifest\.toml: is not UTF-8",
         setup=corpus(b'[[document]]\nid = "caf\xe9"\n')),
    Case("corpus-manifest-not-toml", ("batch", "--corpus", "c"), r"not valid TOML",
         setup=corpus("[[document]\n")),
    Case("corpus-manifest-nested-deep", ("batch", "--corpus", "c"), r"nested too deeply",
         setup=corpus("document = " + "[" * 50_000 + "]" * 50_000 + "\n")),
    Case("corpus-manifest-dev-zero", ("batch", "--corpus", "c"), r"is it a corpus manifest\?",
         setup=(folder("c"), symlink("c/manifest.toml", "/dev/zero"))),
    Case("corpus-no-statements", ("batch", "--corpus", "c"), r"lists no statement",
         setup=corpus(MANIFEST_HEAD)),
    Case("corpus-empty-manifest", ("batch", "--corpus", "c"), r"lists no statement",
         setup=corpus("")),
    Case("corpus-no-report", ("batch", "--corpus", "c"), r"lists no report; give one with",
         setup=corpus(STATEMENT_ENTRY.replace('about = "r"\n', ""), s_txt=CLAIM)),
    *[Case(f"corpus-{name}", ("batch", "--corpus", "c"), message,
           setup=corpus(manifest, s_txt=CLAIM)) for name, manifest, message in [
        ("document-string", 'document = "x"\n',
         r"'document' must be an array of tables.*not a string"),
        ("document-list", "document = [1, 2]\n", r"must be an array of tables .*not a list"),
        ("document-table", '[document]\nid = "x"\n', r"must be an array of tables.*not a table"),
        ("id-number", MANIFEST_HEAD.replace('id = "r"', "id = 3"),
         r"document 1: field 'id' must be a string, not a whole number"),
        ("path-list", MANIFEST_HEAD.replace('path = "report.txt"', 'path = ["report.txt"]'),
         r"field 'path' must be a string, not a list"),
        ("url-number", MANIFEST_HEAD + STATEMENT_ENTRY + "url = 5\n",
         r"document 2: field 'url' must be a string"),
        ("kind-other", MANIFEST_HEAD.replace('"report"', '"memo"'), r"kind must be 'report'"),
        ("no-id", MANIFEST_HEAD.replace('id = "r"\n', ""), r"document 1 has no 'id'"),
        ("no-path", MANIFEST_HEAD.replace('path = "report.txt"\n', ""), r"has no 'path'"),
        ("path-escapes", MANIFEST_HEAD.replace("report.txt", "../../../../../../etc/passwd"),
         r"path '\.\./\.\./.*passwd' is outside the corpus folder c"),
        ("path-absolute", MANIFEST_HEAD.replace("report.txt", "/etc/passwd"),
         r"path '/etc/passwd' is outside the corpus folder"),
        ("path-folder", MANIFEST_HEAD.replace("report.txt", "."), r"is not a file"),
        # batch goes on past a statement whose report is missing or unlisted, naming it
        ("path-missing", MANIFEST_HEAD.replace("report.txt", "gone.txt") + STATEMENT_ENTRY,
         r"s: its report r cannot be read: .*gone\.txt"),
        ("about-unknown", MANIFEST_HEAD + STATEMENT_ENTRY.replace('"r"', '"q"', 1),
         r"s: no document 'q' in c/manifest\.toml"),
        ("duplicate-id", MANIFEST_HEAD + MANIFEST_HEAD, r"document id 'r' is used twice"),
    ]],
    Case("corpus-statement-latin1", ("batch", "--corpus", "c"), r"c/s\.txt: is not UTF-8",
         setup=corpus(MANIFEST_HEAD + STATEMENT_ENTRY, s_txt=b"caf\xe9")),
    Case("corpus-statement-markup-only", ("batch", "--corpus", "c"), r"has no visible text",
         setup=corpus(MANIFEST_HEAD + STATEMENT_ENTRY, s_txt="<p> </p>")),
    Case("corpus-path-symlink-out", ("batch", "--corpus", "c"), r"'link\.txt' is outside",
         setup=(*corpus(MANIFEST_HEAD.replace("report.txt", "link.txt") + STATEMENT_ENTRY,
                        s_txt=CLAIM), symlink("c/link.txt", "/etc/passwd"))),
    Case("corpus-date-unquoted", ("batch", "-f", "jsonl", "--corpus", "c"), "", code=0,
         setup=corpus(MANIFEST_HEAD + "date = 2025-03-04\n\n" + STATEMENT_ENTRY, s_txt=CLAIM)),
    # --- the cache ---------------------------------------------------------------------------
    Case("cache-is-a-file", ("check", CLAIM),
         r"warning: the cache folder cache\.txt cannot be (read|written).*running without",
         code=0, setup=(files(cache_txt="not a folder"),), env=(("CLAIMCHECK_CACHE",
                                                                 "cache.txt"),)),
    Case("cache-under-dev-null", ("check", CLAIM), r"warning: the cache folder /dev/null/c",
         code=0, env=(("CLAIMCHECK_CACHE", "/dev/null/c"),)),
]


def _prepare(case: Case, at: Path) -> None:
    at.mkdir(parents=True)
    for step in case.setup:
        step(at)


def _snapshot(at: Path) -> dict[bytes, tuple[str, str]]:
    """Every entry under ``at``: its kind and content hash (or link target)."""
    found: dict[bytes, tuple[str, str]] = {}
    top = os.fsencode(at)
    for base, dirs, names in os.walk(top):
        for name in dirs + names:
            path = os.path.join(base, name)
            info = os.lstat(path)
            rel = os.path.relpath(path, top)
            if stat.S_ISLNK(info.st_mode):
                found[rel] = ("link", os.fsdecode(os.readlink(path)))
            elif stat.S_ISDIR(info.st_mode):
                found[rel] = ("dir", "")
            else:
                with open(path, "rb") as handle:
                    found[rel] = ("file", hashlib.sha256(handle.read()).hexdigest())
    return found


@dataclass
class Outcome:
    code: int
    stderr: str
    before: dict[bytes, tuple[str, str]] = field(default_factory=dict)
    after: dict[bytes, tuple[str, str]] = field(default_factory=dict)


def _run(case: Case, at: Path, cache: Path) -> Outcome:
    _prepare(case, at)
    before = _snapshot(at)
    env = {**os.environ, "CLAIMCHECK_CACHE": str(cache), "HOME": str(at.parent),
           "COLUMNS": "100", **dict(case.env)}
    command = [sys.executable, "-m", "claimcheck", *case.args]
    done = subprocess.run(["/bin/sh", "-c", f'exec "$@" {case.redirect}', "sh", *command],
                          cwd=at, input=None if "<" in case.redirect else case.stdin,
                          stdout=subprocess.DEVNULL if ">" in case.redirect else subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env, timeout=120, check=False)
    return Outcome(done.returncode, done.stderr.decode("utf-8", "replace"), before,
                   _snapshot(at))


@pytest.fixture(scope="session")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every case, run once, in parallel."""
    base = tmp_path_factory.mktemp("bad-input")
    cache = base / "cache"
    # index the bundled report once, so the cases that get that far do not each index it
    subprocess.run([sys.executable, "-m", "claimcheck", "check", CLAIM], capture_output=True,
                   env={**os.environ, "CLAIMCHECK_CACHE": str(cache)}, timeout=120, check=True)
    with ThreadPoolExecutor(max_workers=max(4, 2 * (os.cpu_count() or 2))) as pool:
        futures = {case.id: pool.submit(_run, case, base / case.id, cache) for case in CASES}
        return {name: future.result() for name, future in futures.items()}


def test_the_matrix_is_large_and_its_ids_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 100


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, outcomes: dict[str, Outcome]) -> None:
    if case.id.startswith("stdout-full") and not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    outcome = outcomes[case.id]
    assert "Traceback" not in outcome.stderr, outcome.stderr
    assert outcome.code == case.code, outcome.stderr
    lines = outcome.stderr.splitlines()
    if case.code == 1:
        assert len(lines) == 1, outcome.stderr
        assert lines[0].startswith("claimcheck: error: "), lines[0]
        assert re.search(case.message, lines[0]), lines[0]
    elif case.code == 2:  # a usage error: click's usage text, then the problem
        assert re.search(case.message, outcome.stderr), outcome.stderr
    elif case.message:
        assert len(lines) == 1 and lines[0].startswith("claimcheck: warning: "), outcome.stderr
        assert re.search(case.message, lines[0]), lines[0]
    else:
        assert lines == [], outcome.stderr
    before, after = ({name: entry for name, entry in snapshot.items()
                      if name not in case.new_files}
                     for snapshot in (outcome.before, outcome.after))
    assert after == before, "files left behind or changed"
    for name in case.new_files:
        assert outcome.after.get(name, ("", ""))[0] == "file", name


def test_out_writes_the_file_it_replaces(tmp_path: Path) -> None:
    """The control of the --out cases: a regular file is replaced with the verdicts."""
    (tmp_path / "s.txt").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "o.jsonl").write_text("old", encoding="utf-8")
    env = {**os.environ, "CLAIMCHECK_CACHE": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-m", "claimcheck", "batch", "-f", "jsonl", "--out",
                    "o.jsonl", "s.txt"], cwd=tmp_path, env=env, check=True, timeout=120,
                   capture_output=True)
    record = json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert record["sentence"] == CLAIM
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "o.jsonl", "s.txt"]


@pytest.mark.skipif(IS_ROOT, reason="permissions do not bind root")
def test_unreadable_cache_folder_is_one_warning(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0)
    try:
        done = subprocess.run([sys.executable, "-m", "claimcheck", "check", CLAIM],
                              env={**os.environ, "CLAIMCHECK_CACHE": str(cache)},
                              capture_output=True, text=True, timeout=120, check=False)
    finally:
        cache.chmod(0o700)
    assert done.returncode == 0
    assert done.stderr.count("\n") == 1 and "running without the cache" in done.stderr

