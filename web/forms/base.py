"""The schema every step form extends: when it happened and which version the user saw."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import lazy_gettext as _
from marshmallow import EXCLUDE, Schema, fields

from web.forms.bounds import WHOLE_ERRORS, Whole
from web.forms.fields import REQUIRED, day
from web.forms.messages import name_field

FORMS: dict[str, type[Schema]] = {}
"""Each step's form schema by the step's name (see :mod:`web.forms.registry`)."""


def form_for(step_name: str) -> Callable[[type[Schema]], type[Schema]]:
    """Register the decorated schema as the form of the step called ``step_name``."""
    def register(schema: type[Schema]) -> type[Schema]:
        FORMS[step_name] = schema
        return schema
    return register


class FormSchema(Schema):
    """HTML forms send buttons and tokens too: fields the schema does not know are dropped.
    Every error of a field carries the field's label, so a form can name it."""

    class Meta:
        """Ignore unknown inputs."""

        unknown = EXCLUDE

    def on_bind_field(self, field_name: str, field_obj: fields.Field) -> None:
        """Let the field's messages name it (:func:`web.forms.messages.name_field`)."""
        name_field(field_obj)


class StepSchema(FormSchema):
    """Every entry: its business date and the case version the form was loaded at."""

    occurred_on = day(_("Date it happened"))
    expected_version = Whole(required=True, error_messages={**REQUIRED, **WHOLE_ERRORS},
                             metadata={"widget": "hidden",
                                       "description": "The case's version as you read it; "
                                                      "a stale one is refused (409)"})


class RowSchema(FormSchema):
    """One row of a list inside a form."""
