"""Inputs whose value comes from an official list (:mod:`config.reference`): the town from
the administrative division codes, the industry from GB/T 4754-2017.

The form draws them as a text input with a ``<datalist>`` (widget ``listed``): the browser
searches the list as she types, with no script. A value not on the list is refused; a
listed one is stored as the list writes it (spaces and full-width letters folded).
Entries recorded before the lists keep their free text: only new input is checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from flask_login import current_user
from marshmallow import ValidationError, validate

from config.reference.industries import industries, industry_named
from config.reference.places import place_named, places_within
from web.forms.clean_text import Text
from web.forms.fields import REQUIRED, TEXT_MAX, NotBlank


class ListedText(Text):
    """A one-line text that must name an entry of a list; loads as the list writes it."""

    def __init__(self, find: Callable[[str], str | None], **kwargs: Any):
        self.find = find
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if not text.strip():
            return text                       # blank: "required" says so
        found = self.find(text)
        if found is None:
            raise ValidationError("invalid_choice")
        return found


class PlaceChoices:
    """The datalist of towns, worked out when a form is drawn: the places of the social
    worker's region (all of Guangdong if her region is none of them)."""

    def __iter__(self) -> Iterator[tuple[str, str]]:
        account = getattr(current_user, "account", None)
        scope = str(getattr(account, "scope", "") or "")
        return iter([(p.label, p.code) for p in places_within(scope)])


class IndustryChoices:
    """The datalist of industries: GB/T 4754-2017's sections and divisions with their codes."""

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter([(i.name, i.label) for i in industries()])


def _place(text: str) -> str | None:
    found = place_named(text)
    return found.label if found else None


def _industry(text: str) -> str | None:
    found = industry_named(text)
    return found.name if found else None


def _listed(label: Any, find: Callable[[str], str | None], choices: Any,
            description: str) -> ListedText:
    return ListedText(find, required=True,
                      validate=[validate.Length(max=TEXT_MAX, error="length:{max}"),
                                NotBlank(error="required")],
                      error_messages={**REQUIRED, "invalid": "invalid_text"},
                      metadata={"label": label, "widget": "listed", "choices": choices,
                                "description": description})


def place(label: Any = None) -> ListedText:
    """A town (乡镇、街道) or county of the division codes, written as the list writes it."""
    return _listed(label, _place, PlaceChoices(),
                   "A place of the administrative division codes as written there: a town "
                   "after its county (兴宁市宁新街道), a county (兴宁市), a district after its "
                   "city (梅州市梅江区); every county of China, every town of Guangdong")


def industry(label: Any = None) -> ListedText:
    """An industry of GB/T 4754-2017 by its name (a section or a division)."""
    return _listed(label, _industry, IndustryChoices(),
                   "The name of a section or division of GB/T 4754-2017 "
                   "(e.g. 计算机、通信和其他电子设备制造业)")
