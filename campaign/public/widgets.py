"""The citizen's form fields, rendered the way WTForms renders them, only faster.

WTForms writes each HTML attribute with ``Markup.format``, which runs Python's
``string.Formatter`` with escaping: about 6 µs an attribute, and the letter form has
dozens, so rendering its inputs cost more than the rest of the page. These widgets are
WTForms' own classes with ``html_params`` (the hook each Input widget exposes as a
class attribute) swapped for one that writes the same characters with plain escaping.
tests/campaign/public/test_public_widgets.py holds the output equal to WTForms' for every field of
the citizen's forms.
"""
from __future__ import annotations

from markupsafe import Markup, escape
from wtforms import widgets
from wtforms.widgets.core import clean_key


def quick_html_params(**kwargs) -> Markup:
    """What wtforms.widgets.html_params returns for `kwargs`, made without Markup.format."""
    params = []
    for key, value in sorted(kwargs.items()):
        if value is True:
            params.append(str(escape(clean_key(key))))
        elif value is not False:
            # As WTForms: a value that is already Markup keeps its tags but not its quotes.
            params.append(f'{escape(clean_key(key))}="{str(escape(value)).replace(chr(34), "&quot;")}"')
    return Markup(" ".join(params))


class TextInput(widgets.TextInput):
    """wtforms.widgets.TextInput, attributes written by quick_html_params."""

    html_params = staticmethod(quick_html_params)


class HiddenInput(widgets.HiddenInput):
    """wtforms.widgets.HiddenInput, attributes written by quick_html_params."""

    html_params = staticmethod(quick_html_params)


class TextArea(widgets.TextArea):
    """wtforms.widgets.TextArea, attributes written by quick_html_params (WTForms' own
    calls the module's html_params, not a class attribute, so its body is repeated)."""

    def __call__(self, field, **kwargs):
        kwargs.setdefault("id", field.id)
        flags = getattr(field, "flags", {})
        for k in dir(flags):
            if k in self.validation_attrs and k not in kwargs:
                kwargs[k] = getattr(flags, k)
        textarea_params = quick_html_params(name=field.name, **kwargs)
        return Markup(f"<textarea {textarea_params}>\r\n{escape(field._value())}</textarea>")
