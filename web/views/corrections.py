"""Correcting an entry in her own terms: "修改" on an entry opens its step's form, filled in
with what the entry says now; saving records a correction of exactly what changed."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required
from marshmallow import ValidationError

from domain.entries import Entry
from domain.errors import CaseConflict, RuleBroken
from web.forms.errors import TOP, breach_errors, flatten
from web.forms.handling import labels, show
from web.forms.parsing import loadable, raw_values
from web.forms.restating import keeping_listed, prefilled, schema_for
from web.site.users import me
from web.usecases.access import may_correct
from web.usecases.read_your_writes import remember
from web.usecases.recording import restate_entry
from web.views.cases import visible_case
from web.words.i18n import label, lang

bp = Blueprint("corrections", __name__)


def _title(entry: Entry) -> str:
    return _("Correct: %(entry)s", entry=label("event", entry.type))


@bp.route("/cases/<uuid:case_id>/entries/<int:version>/correct", methods=["GET", "POST"])
@login_required
def correct(case_id: UUID, version: int) -> ResponseReturnValue:
    """The entry's step form, filled in (GET); its correction (POST)."""
    case = visible_case(case_id)
    entry = next((e for e in case.entries if e.version == version), None)
    schema = schema_for(entry.type) if entry else None
    if entry is None or schema is None:
        abort(404)
    schema = keeping_listed(schema, entry)
    if not may_correct(me(), case.state):
        abort(403)
    slug = f"correct-{version}"
    if request.method == "GET":
        return show(_title(entry), slug, schema, case, prefilled(schema, entry, case.version))
    values = raw_values(schema, request.form)
    negotiations = current_app.extensions["negotiations"]
    try:
        data = schema.load(loadable(schema, values))
        recorded = restate_entry(negotiations, me(), case, version, data)
    except ValidationError as error:
        return show(_title(entry), slug, schema, case, values, flatten(error.messages), 400)
    except RuleBroken as error:
        errors = breach_errors(error.breaches, labels(schema))
        return show(_title(entry), slug, schema, case, values, errors, 422)
    except CaseConflict as error:
        values["expected_version"] = str(error.actual)
        return show(_title(entry), slug, schema, negotiations.get_case(case.id), values,
                    {TOP: [error.message(lang())]}, 409)
    remember(recorded)
    flash(_("Corrected: %(entry)s.", entry=label("event", entry.type)))
    return redirect(url_for("cases.case_page", case_id=case.id, _anchor=f"entry-{version}"))
