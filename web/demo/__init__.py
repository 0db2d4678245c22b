"""Demo data for Xieshang: realistic collective-bargaining cases in Guangdong.

``generate(app, cases)`` builds cases with the domain's own commands (every rule checked)
and saves them in batches. Vocabularies are in :mod:`web.demo.data`; staff, enterprises,
credit codes and the twists a case may take in :mod:`web.demo.world`; a case's story in
:mod:`web.demo.story` (clock and people), :mod:`web.demo.steps` (survey to sessions) and
:mod:`web.demo.contract` (draft to renewal and closure).
"""

from web.demo.generator import generate

__all__ = ["generate"]
