"""schema.org ClaimReview JSON-LD: one review per checkworthy claim, for search engines.

Rating scale (``worstRating`` 1, ``bestRating`` 4):

=============  ===========  =====================================================
verdict        ratingValue  alternateName
=============  ===========  =====================================================
supported      4            "Supported"
softened       2            "Softened"  (points the right way, but milder or wider)
contradicted   1            "Contradicted"
unverified     (none)       "Unverified" (the report does not address it: no score)
=============  ===========  =====================================================

The output can be pasted into a page's ``<script type="application/ld+json">`` as it
is: ``<``, ``>`` and ``&`` are written as JSON escapes, so no text can end the block.
3 is left unused on purpose: no verdict means "mostly true". An unverified claim has
no place on a true-false scale, so it carries only its name and explanation.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..cite import citation
from ..types import Document, DocumentVerdicts, Label, Report, Verdict
from . import Options
from .common import find_unit, judged, safe_url

BEST, WORST = 4, 1
RATING: dict[Label, int | None] = {
    Label.SUPPORTED: 4,
    Label.SOFTENED: 2,
    Label.CONTRADICTED: 1,
    Label.UNVERIFIED: None,
}

# Names that begin with these are people; anything else is taken for an organisation.
_PERSON_TITLES = frozenset(
    {"cllr", "councillor", "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord"}
    | {"lady", "baroness", "professor", "prof"}
)


def _party(name: str) -> dict[str, str]:
    """A schema.org Person or Organization for a statement's author."""
    first = name.split()[0].rstrip(".").lower() if name.split() else ""
    kind = "Person" if first in _PERSON_TITLES else "Organization"
    return {"@type": kind, "name": name}


def _claim(document: Document) -> dict[str, Any]:
    """The ``itemReviewed`` Claim: who said it, when and where it appeared."""
    claim: dict[str, Any] = {"@type": "Claim"}
    author = document.author or document.publisher
    if author:
        claim["author"] = _party(author)
    if document.date:
        claim["datePublished"] = document.date
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    url = safe_url(document.url)
    if url:
        appearance["url"] = url
    if document.title:
        appearance["headline"] = document.title
    if document.publisher:
        appearance["publisher"] = _party(document.publisher)
    claim["appearance"] = appearance
    return claim


def _citations(report: Report, verdict: Verdict) -> list[dict[str, Any]]:
    """The report units the verdict cites, as schema.org CreativeWorks."""
    out = []
    for evidence in verdict.evidence:
        unit = find_unit(report, evidence.unit)
        if unit is None:
            continue
        name = citation(report, unit, with_url=False)
        work: dict[str, Any] = {"@type": "CreativeWork", "name": name}
        url = safe_url(report.document.url)
        if url:
            work["url"] = url
        out.append(work)
    return out


def review(document: Document, verdict: Verdict, options: Options,
           report: Report | None = None) -> dict[str, Any]:
    """The ClaimReview of one checkworthy sentence; it cites the report's units when the
    report is given."""
    assert verdict.label is not None
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": verdict.label.value.capitalize(),
        "ratingExplanation": verdict.explanation,
    }
    value = RATING[verdict.label]
    if value is not None:
        rating.update(ratingValue=value, bestRating=BEST, worstRating=WORST)
    author: dict[str, Any] = {"@type": "Organization", "name": options.reviewer_name}
    reviewer_url = safe_url(options.reviewer_url)
    if reviewer_url:
        author["url"] = reviewer_url
    item: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": verdict.sentence.text,
        "itemReviewed": _claim(document),
        "reviewRating": rating,
        "author": author,
    }
    if options.review_date:
        item["datePublished"] = options.review_date
    cited = _citations(report, verdict) if report else []
    if cited:
        item["citation"] = cited
    return item


def render(results: Sequence[DocumentVerdicts], options: Options) -> str:
    """A JSON array of ClaimReview objects, one per checkworthy sentence, reading order."""
    items = [
        review(result.document, verdict, options, result.report)
        for result in results
        for verdict in judged(result)
    ]
    text = json.dumps(items, ensure_ascii=False, indent=2)
    # JSON-LD is pasted into <script type="application/ld+json">: no "</script>" or
    # "<!--" from a statement may end that block, so <, > and & are written as escapes
    # (the JSON reads back the same)
    return text.translate(_SCRIPT_SAFE) + "\n"


_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
