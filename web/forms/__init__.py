"""Step forms: marshmallow schemas that also describe how each form is shown."""
