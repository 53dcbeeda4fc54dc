"""Statements written in HTML or Markdown, read as plain text.

Two tools, for two needs. :func:`html_to_text` turns an HTML page into the
plain text a statement ``Document`` holds: block elements become lines, inline
tags vanish, entities are decoded, scripts and page furniture are dropped; the
sentence offsets of such a statement count into that text. :func:`mask` keeps
offsets into the original instead: it blanks Markdown marks (heading hashes,
bullets, emphasis, link targets) and any HTML tags with spaces, character for
character, so sentences can be split on the masked text and still be cut from
the text the user wrote.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_SIGNS = re.compile(
    r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<p[\s>]|<div[\s>]|<br\s*/?>|<h[1-6][\s>]"
    r"|<article[\s>]|<li[\s>]",
    re.IGNORECASE,
)
_BLOCKS = frozenset(
    ["address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption"]
    + ["figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main"]
    + ["ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "title"]
)
# Elements whose text is never part of the statement.
_SKIPPED = frozenset(
    ["script", "style", "noscript", "template", "svg", "nav", "head", "button", "form", "select"]
)


def is_html(text: str) -> bool:
    """Whether ``text`` is an HTML page or fragment rather than plain text or Markdown."""
    return _HTML_SIGNS.search(text[:5000]) is not None


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "li" and not self._skip:
            self.parts.append("- ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data.replace("\n", " "))


def visible_text(text: str) -> str:
    """The text a reader sees: HTML read into its visible text, anything else as it is."""
    return html_to_text(text) if is_html(text) else text


def html_to_text(html: str) -> str:
    """The readable text of an HTML page: one line per block, blank lines between blocks.

    Runs of spaces inside a block fold to one, as a browser shows them.
    """
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = []
    for line in "".join(parser.parts).split("\n"):
        folded = " ".join(line.split())
        if folded:
            lines.append(folded)
    return "\n\n".join(lines) + "\n" if lines else ""


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _blank_tag(match: re.Match[str]) -> str:
    name = match.group(1).lower()
    if name in _BLOCKS:  # a block tag ends a line, as it would on screen
        return "\n" + " " * (len(match.group()) - 1)
    return " " * len(match.group())


# Each pattern runs in linear time on any input: a run of spaces is tried from its start
# only, a link's label and target stop at the next bracket, and bold text spans at most
# a paragraph's length, so a statement of a million "<!--", "**x " or tabs cannot make a
# pattern rescan the rest of the text from every position.
_MD_LINE_MARKS = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+•][ \t]+|\d{1,3}[.)][ \t]+)")
_MD_CLOSING_HASHES = re.compile(r"(?m)(?<![ \t])[ \t]+#+[ \t]*$")
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^)\[\]\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^)\[\]\n]*)\)")
_MD_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.{1,400}?)(?<=\S)\1"
    r"|(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\3(?![\w*])"
)
_MD_CODE = re.compile(r"`+")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")


def _blank_comments(text: str) -> str:
    """HTML comments blanked, found by a linear scan (a regex rescans to the end from
    every unclosed ``<!--``)."""
    out = []
    at = 0
    while (start := text.find("<!--", at)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        out += [text[at:start], " " * (end + 3 - start)]
        at = end + 3
    out.append(text[at:])
    return "".join(out)


def _mask_link(match: re.Match[str]) -> str:
    label = match.group(1)
    return " " + label + " " * (len(match.group()) - len(label) - 1)


def _mask_emphasis(match: re.Match[str]) -> str:
    mark = match.group(1) or match.group(3)
    inner = match.group(2) if match.group(1) else match.group(4)
    return " " * len(mark) + inner + " " * len(mark)


def mask(text: str) -> str:
    """``text`` with Markdown and HTML marks blanked, the same length, offsets unchanged.

    Heading hashes, bullets, numbered-list marks, block quotes, emphasis marks,
    code ticks, link targets and images become spaces; a block-level HTML tag
    becomes a line break, so it ends a sentence. Entities are left as written.
    """
    out = _blank_comments(text)
    out = _TAG.sub(_blank_tag, out)
    out = _MD_IMAGE.sub(_blank, out)
    out = _MD_LINK.sub(_mask_link, out)
    out = _MD_CLOSING_HASHES.sub(_blank, out)
    out = _MD_LINE_MARKS.sub(_blank, out)
    out = _MD_EMPHASIS.sub(_mask_emphasis, out)
    out = _MD_CODE.sub(_blank, out)
    assert len(out) == len(text)
    return out


def fold(text: str) -> str:
    """Whitespace folded to single spaces, and no space left before punctuation."""
    return re.sub(r"\s+([,.;:!?])", r"\1", " ".join(text.split()))
