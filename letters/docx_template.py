"""The DOCX letter's template: page set-up and named styles, built once per process.

python-docx's own default template carries 160-odd styles (438 kB of XML), a
thumbnail and Word 2010 extras; parsing that for every letter would cost more than
writing the letter. Here it is built once, trimmed to what a letter uses, given the
letter's styles and page set-up, and kept as bytes for render_docx to open.

The styles carry every bit of formatting, so a writer who restyles "Body Text" in
Word or LibreOffice restyles the whole letter. Where Word has a built-in style for
a part of a letter (Date, Salutation, Body Text, Closing, Signature) the letter uses
it under Word's own name.
"""
from __future__ import annotations

from functools import cache
from io import BytesIO

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from letters import layout
from letters.fonts import DOCX_FONT
from letters.languages import ENGLISH, language_for

SENDER = "Sender Address"
DATE = "Date"
RECIPIENT = "Recipient Address"
SUBJECT = "Subject Line"
SALUTATION = "Salutation"
BODY = "Body Text"
LAST_BODY = "Final Paragraph"
CLOSING = "Closing"
SIGNATURE = "Signature"
HEADER = "Header"

#: Every paragraph style a letter uses, in reading order.
LETTER_STYLES = (SENDER, DATE, RECIPIENT, SUBJECT, SALUTATION, BODY, LAST_BODY, CLOSING,
                 SIGNATURE)

#: Style ids kept from python-docx's template: the defaults and the two built-ins used.
#: Word's own names for these parts of a letter; Word lists them as built-in styles.
_WORD_BUILT_IN = {DATE, SALUTATION, CLOSING, SIGNATURE}

_KEEP_STYLE_IDS = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header", "BodyText"}
_DROP_RELTYPES = ("thumbnail", "stylesWithEffects", "customXml", "numbering")


@cache
def template_bytes(language: str = ENGLISH) -> bytes:
    """The letter template as DOCX bytes: no letter text, every style and setting.

    One per language (letters.languages): its spell-checking language and the words
    of its running header ("Page 2 of 3", "Tudalen 2 o 3") differ, nothing else.
    """
    words = language_for(language).words
    document = Document()
    _drop_extras(document)
    _trim_styles(document)
    _define_styles(document.styles)
    _set_lang(document, language_for(language).letter_tag)
    _page_setup(document, words.page_of)
    _blank_properties(document)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@cache
def style_ids() -> dict[str, str]:
    """The style id behind each of LETTER_STYLES, as the template's styles.xml has it."""
    document = Document(BytesIO(template_bytes(ENGLISH)))  # the same in every language
    return {name: document.styles[name].style_id for name in LETTER_STYLES}


@cache
def frame_xml() -> dict[str, bytes]:
    """The w:framePr of each framed style (the addresses, the date), by style id.

    Word reads a frame from a paragraph's style; LibreOffice reads it only from the
    paragraph itself and otherwise lets the addresses flow as plain text, the
    salutation straight under the MP's postcode. So render_docx repeats it on each
    of those paragraphs: the one piece of direct formatting in a letter.
    """
    from lxml import etree

    document = Document(BytesIO(template_bytes(ENGLISH)))  # the same in every language
    frames = {}
    for name in (SENDER, DATE, RECIPIENT):
        style = document.styles[name]
        frames[style.style_id] = etree.tostring(style.element.pPr.find(qn("w:framePr")))
    return frames


def _drop_extras(document) -> None:
    package = document.part.package
    for rels in (package.rels, document.part.rels):
        for rId, rel in list(rels.items()):
            if rel.reltype.endswith(_DROP_RELTYPES):
                del rels[rId]


def _trim_styles(document) -> None:
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in _KEEP_STYLE_IDS:
            styles.remove(style)
            continue
        # Their linked character styles ("Header Char") are gone with the rest.
        for link in style.findall(qn("w:link")):
            style.remove(link)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)


def _define_styles(styles) -> None:
    normal = styles["Normal"]
    normal.font.name = DOCX_FONT
    normal.font.size = Pt(layout.FONT_SIZE)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    # "At least", not "exactly": exact spacing clips accents on capitals such as Ŵ.
    fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    fmt.line_spacing = Pt(layout.ADDRESS_LEADING)
    fmt.widow_control = True

    address_gap = Pt(layout.ADDRESS_LEADING)
    sender = _paragraph_style(styles, SENDER, "Normal", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _contextual_spacing(sender)
    date = _paragraph_style(styles, DATE, "Normal", align=WD_ALIGN_PARAGRAPH.RIGHT,
                            before=address_gap)
    recipient = _paragraph_style(styles, RECIPIENT, "Normal")
    # Lines of one address sit together.
    _contextual_spacing(recipient)
    # Page 1 is laid out like the PDF by two frames at fixed places on the page: the
    # sender's address and the date top right, the MP's address where a DL window
    # shows it. Text flows above or below a frame, never beside it ("notBeside"), so
    # the body starts below both, clear of the window, as in the PDF.
    for style in (sender, date):
        _frame(style, left=layout.SENDER_LEFT, top=layout.SENDER_TOP,
               width=layout.SENDER_WIDTH, height=layout.SENDER_HEIGHT, gap=0)
    _frame(recipient, left=layout.RECIPIENT_LEFT, top=layout.RECIPIENT_TOP,
           width=layout.RECIPIENT_WIDTH, height=layout.RECIPIENT_HEIGHT,
           gap=layout.FIRST_BODY_TOP - layout.RECIPIENT_TOP - layout.RECIPIENT_HEIGHT)

    body_gap = Pt(layout.LEADING * 0.6)
    body = styles[BODY]
    body.base_style = styles["Normal"]
    body.paragraph_format.space_after = body_gap
    body.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    body.paragraph_format.line_spacing = Pt(layout.LEADING)
    subject = _paragraph_style(styles, SUBJECT, BODY, keep_with_next=True)
    subject.font.bold = True
    _paragraph_style(styles, SALUTATION, BODY, keep_with_next=True)
    # The sign-off travels with the last paragraph, never alone on a page.
    _paragraph_style(styles, LAST_BODY, BODY, keep_with_next=True)
    _paragraph_style(styles, CLOSING, "Normal", keep_with_next=True)
    _paragraph_style(styles, SIGNATURE, "Normal", before=Mm(20))  # room to sign by hand

    header = styles[HEADER]
    header.font.size = Pt(layout.HEADER_FONT_SIZE)
    header.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    tabs = header.paragraph_format.tab_stops
    tabs.clear_all()
    text_width = layout.PAGE_WIDTH - layout.MARGIN_LEFT - layout.MARGIN_RIGHT
    tabs.add_tab_stop(Mm(text_width), WD_TAB_ALIGNMENT.RIGHT)


def _paragraph_style(styles, name, base, *, align=None, before=None, after=None,
                     keep_with_next=None):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    if before is not None:
        fmt.space_before = before
    if after is not None:
        fmt.space_after = after
    if keep_with_next is not None:
        fmt.keep_with_next = keep_with_next
    style.next_paragraph_style = style
    if name in _WORD_BUILT_IN:
        style.element.attrib.pop(qn("w:customStyle"), None)
    return style


def _frame(style, *, left: float, top: float, width: float, height: float,
           gap: float) -> None:
    """Put paragraphs of `style` in a frame at a fixed place on the page (mm).

    Consecutive paragraphs with the same frame share it; Word and LibreOffice both
    read w:framePr. `gap` is the space kept between the frame and the text below.
    """
    def twips(value: float) -> str:
        return str(round(value * 1440 / 25.4))

    frame = OxmlElement("w:framePr")
    for name, value in (("w", twips(width)), ("h", twips(height)), ("hRule", "exact"),
                        ("hSpace", "0"), ("vSpace", twips(gap)), ("wrap", "notBeside"),
                        ("vAnchor", "page"), ("hAnchor", "page"), ("x", twips(left)),
                        ("y", twips(top))):
        frame.set(qn(f"w:{name}"), value)
    properties = style.element.get_or_add_pPr()
    # framePr comes early in pPr's schema order: after pStyle, keepNext, keepLines, pageBreakBefore.
    properties.insert(0, frame)


def _contextual_spacing(style) -> None:
    # "Don't add space between paragraphs of the same style" (Word and LibreOffice).
    style.element.get_or_add_pPr().append(OxmlElement("w:contextualSpacing"))


def _set_lang(document, lang: str) -> None:
    # British spelling for the writer's spell-checker, in the defaults and in Normal.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    for element in defaults.iter(qn("w:lang")):
        element.set(qn("w:val"), lang)
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), lang)
    rpr.append(element)


def _page_setup(document, page_of: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(layout.PAGE_WIDTH), Mm(layout.PAGE_HEIGHT)
    section.left_margin, section.right_margin = Mm(layout.MARGIN_LEFT), Mm(layout.MARGIN_RIGHT)
    section.top_margin, section.bottom_margin = Mm(layout.MARGIN_TOP), Mm(layout.MARGIN_BOTTOM)
    section.header_distance = section.footer_distance = Mm(10)
    # Page 1 has the addresses; pages 2+ say whose letter they belong to.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.style = HEADER
    paragraph.add_run("")  # the writer and the MP, filled in per letter
    # "Page {number} of {total}": the words as runs, the numbers as Word's fields.
    before, rest = page_of.split("{number}")
    between, after = rest.split("{total}")
    paragraph.add_run("\t" + before)
    _field(paragraph, "PAGE", "2")
    paragraph.add_run(between)
    _field(paragraph, "NUMPAGES", "2")
    if after:
        paragraph.add_run(after)


def _field(paragraph, instruction: str, placeholder: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _blank_properties(document) -> None:
    properties = document.core_properties
    for name in ("author", "comments", "keywords", "last_modified_by", "subject", "category",
                 "title"):
        setattr(properties, name, "")
    properties.revision = 1
