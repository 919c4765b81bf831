"""Where things go on the page, in millimetres, shared by every renderer.

One set of numbers keeps the PDF, the DOCX and the envelope in agreement, and lets
the tests check the printed page against the same figures the renderers used.

The recipient block sits where a DL window envelope shows it once the A4 sheet is
folded in three (the usual UK DL window: 90 x 45 mm, its left edge 20 mm from the
envelope's). The window's reading area on the sheet runs from 20
to 110 mm across and from 45 to 90 mm down; the block stays a few millimetres inside
it so a sheet that slips in the envelope still shows the whole address.
"""
from __future__ import annotations

PAGE_WIDTH = 210.0
PAGE_HEIGHT = 297.0

MARGIN_LEFT = 25.0
MARGIN_RIGHT = 25.0
MARGIN_TOP = 20.0
MARGIN_BOTTOM = 20.0

#: The window of a DL envelope, as an area of the folded A4 sheet.
WINDOW_LEFT, WINDOW_RIGHT = 20.0, 110.0
WINDOW_TOP, WINDOW_BOTTOM = 45.0, 90.0

#: The recipient block: inside the window area with a margin for slippage.
RECIPIENT_LEFT = MARGIN_LEFT
RECIPIENT_TOP = 50.0
RECIPIENT_WIDTH = 80.0
RECIPIENT_HEIGHT = 37.0

#: The sender's address and the date, top right; clear of the window on the left.
SENDER_LEFT = 115.0
SENDER_TOP = MARGIN_TOP
SENDER_WIDTH = PAGE_WIDTH - MARGIN_RIGHT - SENDER_LEFT
SENDER_HEIGHT = 74.0

#: Page 1's body starts below 95 mm: a folded sheet can slide about 11 mm in a DL
#: envelope, and at the top of its travel the window shows the sheet down to 95 mm.
#: Any higher and the subject line could peek through the window.
FIRST_BODY_TOP = 97.0

#: Pages 2+: a small running header at the top margin, the body below it.
HEADER_BASELINE = MARGIN_TOP
LATER_BODY_TOP = MARGIN_TOP + 10.0

FONT_SIZE = 11.0
LEADING = 15.0
ADDRESS_LEADING = 14.0
HEADER_FONT_SIZE = 8.5

#: DL envelope (ISO 269): 220 x 110 mm, printed landscape.
ENVELOPE_WIDTH = 220.0
ENVELOPE_HEIGHT = 110.0
