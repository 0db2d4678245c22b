"""The schema every step form extends: when it happened and which version the user saw."""

from __future__ import annotations

from flask_babel import lazy_gettext as _
from marshmallow import EXCLUDE, Schema

from web.forms.bounds import WHOLE_ERRORS, Whole
from web.forms.fields import REQUIRED, day


class FormSchema(Schema):
    """HTML forms send buttons and tokens too: fields the schema does not know are dropped."""

    class Meta:
        """Ignore unknown inputs."""

        unknown = EXCLUDE


class StepSchema(FormSchema):
    """Every entry: its business date and the case version the form was loaded at."""

    occurred_on = day(_("Date it happened"))
    expected_version = Whole(required=True, error_messages={**REQUIRED, **WHOLE_ERRORS},
                             metadata={"widget": "hidden",
                                       "description": "The case's version as you read it; "
                                                      "a stale one is refused (409)"})


class RowSchema(FormSchema):
    """One row of a list inside a form."""
