"""The schema every step form extends: when it happened and which version the user saw."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import LazyString
from marshmallow import EXCLUDE, Schema, fields

from domain.vocabulary import step_fact_label
from web.forms.bounds import WHOLE_ERRORS, Whole
from web.forms.fields import REQUIRED, day
from web.forms.messages import name_field
from web.words.i18n import lang

FORMS: dict[str, type[Schema]] = {}
"""Each step's form schema by the step's name (see :mod:`web.forms.registry`)."""


def form_for(step_name: str) -> Callable[[type[Schema]], type[Schema]]:
    """Register the decorated schema as the form of the step called ``step_name`` (whose
    facts then name its inputs: see :meth:`FormSchema.on_bind_field`)."""
    def register(schema: type[Schema]) -> type[Schema]:
        FORMS[step_name] = schema
        schema.step_name = step_name  # type: ignore[attr-defined]
        return schema
    return register


def _fact_word(step: str | None, name: str) -> str:
    return step_fact_label(step, name, lang())


class FormSchema(Schema):
    """HTML forms send buttons and tokens too: fields the schema does not know are dropped.
    Every error of a field carries the field's label, so a form can name it."""

    class Meta:
        """Ignore unknown inputs."""

        unknown = EXCLUDE

    step_name: str | None = None
    """The step whose facts this form records (None: the opening, or a row of a list)."""

    def on_bind_field(self, field_name: str, field_obj: fields.Field) -> None:
        """An input without a label of its own is named as the domain names its fact (one
        vocabulary: :func:`domain.vocabulary.step_fact_label`); its messages name it
        (:func:`web.forms.messages.name_field`)."""
        meta = field_obj.metadata
        if meta.get("label") is None and meta.get("widget") != "hidden":
            field_obj.metadata = {**meta, "label": LazyString(_fact_word, self.step_name,
                                                              field_name)}
        name_field(field_obj)


class StepSchema(FormSchema):
    """Every entry: its business date and the case version the form was loaded at."""

    occurred_on = day()
    expected_version = Whole(required=True, error_messages={**REQUIRED, **WHOLE_ERRORS},
                             metadata={"widget": "hidden",
                                       "description": "The case's version as you read it; "
                                                      "a stale one is refused (409)"})


class RowSchema(FormSchema):
    """One row of a list inside a form."""
