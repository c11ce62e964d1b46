"""Datelines: the place, agency and date a report opens with, in every form news writes them.

    LONDON 1996-08-30                       a wire's dateline (on a line of its own in a dump)
    AL-RAM, West Bank 1996-08-30            with the region after the place
    BRUSSELS (Reuters) - NATO said ...      opening the first paragraph, with the agency
    HEMPSTEAD, N.Y. ― The game ...          any dash after the place
    Westfield, N.J. — A man ...             a web page's, in mixed case, with its region
    Feb. 23, 2015 -- Life-threatening ...   a date before the dash
    WASHINGTON —                            alone in a block above the first paragraph

The place of a wire dateline is written in capitals (:data:`PLACE`); the patterns below read
the parts each reader needs, and are the only definitions of a dateline in digest.
"""

from __future__ import annotations

import re
from typing import Final

PLACE: Final = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
"""A dateline's place in capitals: "LONDON", "AL-RAM", "ST. LOUIS", "NEW YORK"."""

OPENING: Final = re.compile(
    rf"(?P<place>{PLACE})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?))?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s+\d{4}-\d{2}-\d{2}\s*$|\s*(?:\([A-Za-z .-]{2,30}\))?\s*[-–—―]+\s)"
)
"""A dateline opening the body: "LONDON 1996-08-30", "BRUSSELS (Reuters) -", "HEMPSTEAD, N.Y. ―"."""

LINE: Final = re.compile(
    rf"^{PLACE}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    r"\s+(?P<date>\S.{4,30})$"
)
"""A wire dateline on its own line: the place in capitals, then the date ("AL-RAM, West Bank
1996-08-30", "LONDON 1996-08-30")."""

AGENCY: Final = re.compile(
    r"^[A-Z][A-Za-z .,'-]{1,60}?\s*\((?P<agency>[A-Za-z. -]{2,30})\)\s*[-—–:]"
)
"""A dateline that credits an agency, in any case: "Paris (AFP) -", "BRUSSELS (Reuters) -"."""

BEFORE_DASH: Final = re.compile(r"^(.{6,60}?)\s*(?:--|—|–)\s")
"""What opens a paragraph before a dateline's dash, where pages write the date ("Feb. 23,
2015 -- Life-threatening allergies ...")."""

TITLED_OPENING: Final = re.compile(
    r"(?P<place>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2})"
    r",\s*(?P<region>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([A-Za-z .-]{2,30}\))?\s*[-–—―]+\s"
)
"""A dateline as web pages write it, in mixed case: the place, a comma and its region, then
a dash ("Westfield, N.J. — ", "Rochdale, England (AP) — "). Without the region a mixed-case
opening is any phrase before a dash."""

ALONE: Final = re.compile(r"^[A-Z][\w.'’()/, -]{1,40}?\s*(?:--|[—–―])$")
"""A dateline set in a block of its own above the story's first paragraph, nothing after its
dash: "WASHINGTON —", "Westfield, N.J. --"."""
