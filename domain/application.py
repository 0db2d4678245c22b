"""The command layer: one method per step, each saving and returning where it landed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Self
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, JSONTranscoder, Transcoding
from eventsourcing.utils import Environment, EnvType

from config.keys import chain_key, decode
from config.settings import Settings
from domain.case import NegotiationCase
from domain.clock import CHINA
from domain.entries import Entry, as_recorded
from domain.errors import CaseConflict, CaseNotFound
from domain.snapshots import SealedSnapshotStore, SealingMapper

SNAPSHOT_INTERVAL = 50
CaseRef = UUID | NegotiationCase
"""A case named by its id, or the case itself as the caller just loaded it."""


class DateAsISO(Transcoding):
    """Stores :class:`datetime.date` business dates as ISO strings."""

    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        """``date`` → ``YYYY-MM-DD``."""
        return obj.isoformat()

    def decode(self, data: str) -> date:
        """``YYYY-MM-DD`` → ``date``."""
        return date.fromisoformat(data)


@dataclass(frozen=True)
class Recorded:
    """Where a command's events landed: the case, its new version, the notification id."""

    case_id: UUID
    version: int
    notification_id: int


def store_env(settings: Settings) -> dict[str, str]:
    """The event store's environment for ``settings`` (SQLite file or PostgreSQL)."""
    env = {"PERSISTENCE_MODULE": "eventsourcing_sqlalchemy",
           "SQLALCHEMY_URL": settings.database_url}
    if settings.cipher_key:
        env.update(CIPHER_TOPIC="eventsourcing.cipher:AESCipher",
                   CIPHER_KEY=settings.cipher_key)
    key = chain_key(settings)
    if key:
        env["CHAIN_KEY"] = key
    return env


class CaseApplication(Application[UUID]):
    """Xieshang's application service: commands and queries on negotiation cases."""

    name = "Negotiations"
    snapshotting_intervals = {NegotiationCase: SNAPSHOT_INTERVAL}  # noqa: RUF012

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: str) -> Self:
        """Build the application on the store ``settings`` names."""
        return cls(env={**store_env(settings), **overrides})

    def construct_env(self, name: str, env: EnvType | None = None) -> Environment:
        """Only the given settings configure the store: stray ``NEGOTIATIONS_*`` or
        ``CIPHER_*`` variables in the process environment are ignored. Snapshots are
        taken only with a chain key to seal them (see :mod:`domain.snapshots`)."""
        given = dict(env or {})
        snapshots = "y" if given.get("CHAIN_KEY") else "n"
        return Environment(name, {**type(self).env, "IS_SNAPSHOTTING_ENABLED": snapshots,
                                  **given})

    @property
    def chain_key(self) -> bytes | None:
        """The key that seals snapshots, the ledger and checkpoints (None: not set)."""
        key = self.env.get("CHAIN_KEY")
        return decode(key) if key else None

    def construct_snapshot_store(self) -> Any:
        """Snapshots sealed with the chain key, served only while their seal holds."""
        key = self.chain_key
        assert key is not None, "snapshots are enabled only with a chain key"
        return SealedSnapshotStore(mapper=SealingMapper(self.mapper, key),
                                   recorder=self.factory.aggregate_recorder(purpose="snapshots"))

    def close(self) -> None:
        """Close the application and its database connections."""
        super().close()
        engine = getattr(getattr(self.factory, "datastore", None), "engine", None)
        if engine is not None:
            engine.dispose()

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        """The library's transcodings plus business dates."""
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    def open_case(self, **details: Any) -> Recorded:
        """Step 0: open a case (arguments as :meth:`NegotiationCase.open`)."""
        case = NegotiationCase.open(**details)
        return self._save(case, None)

    def get_case(self, case_id: UUID, version: int | None = None) -> NegotiationCase:
        """The case now, or as it was at ``version``."""
        try:
            case: Any = self.repository.get(case_id, version=version)
        except AggregateNotFoundError:
            raise CaseNotFound(case_id) from None
        assert isinstance(case, NegotiationCase)
        return case

    def case_on(self, case_id: UUID, day: date) -> NegotiationCase | None:
        """The case as it stood at the end of ``day`` (China time); None if not yet open."""
        cutoff = datetime.combine(day + timedelta(days=1), time(), tzinfo=CHINA)
        versions = [e.originator_version for e in self.events.get(case_id)
                    if getattr(e, "timestamp", cutoff) < cutoff]
        if not versions:
            self.get_case(case_id)
            return None
        return self.get_case(case_id, version=max(versions))

    def history(self, case_id: UUID) -> list[Entry]:
        """Every entry as first recorded, naming the corrections made to it."""
        return as_recorded(self.get_case(case_id).records)

    def record(self, case_id: CaseRef, expected_version: int,
               act: Callable[[NegotiationCase], None]) -> Recorded:
        """Load the case, check the version the user saw, apply ``act``, save.

        ``case_id`` may be the case itself, as the caller just loaded it from the store (to
        judge who may record on it): it is not loaded twice. A stale ``expected_version``,
        or another writer saving first, raises :class:`~domain.errors.CaseConflict` and
        records nothing.
        """
        case = case_id if isinstance(case_id, NegotiationCase) else self.get_case(case_id)
        if case.version != expected_version:
            raise CaseConflict(case.id, expected_version, case.version)
        act(case)
        return self._save(case, expected_version)

    def _save(self, case: NegotiationCase, expected: int | None) -> Recorded:
        try:
            recordings = self.save(case)
        except CaseConflict:
            raise
        except IntegrityError:
            raise CaseConflict(case.id, expected, self._stored_version(case.id)) from None
        notification = recordings[-1].notification
        return Recorded(case.id, case.version, notification.id)

    def _stored_version(self, case_id: UUID) -> int | None:
        """The case's version in the store now (after another writer won a race)."""
        last = self.recorder.select_events(case_id, desc=True, limit=1)
        return last[0].originator_version if last else None
