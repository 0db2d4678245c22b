"""At-rest encryption: with a cipher key configured, the names of the workers' representatives
never reach the database in the clear; the case still loads with the key, and not with
another one. Without a key the same name is readable in the raw bytes (the control that
shows the search would find it)."""

from __future__ import annotations

import json
from dataclasses import replace
from uuid import UUID

import pytest
from eventsourcing.cipher import AESCipher
from storyteller import Apps, Story, raw_execute, sqlite_file

from config.settings import Settings
from domain.stages import Stage
from domain.verify import verify

CHIEF = "测试代表甲乙丙"
WORKERS = (CHIEF, "测试代表丁戊", "测试代表己庚")


def new_key() -> str:
    """A key as ``xieshang keygen`` would make it."""
    return AESCipher.create_key(num_bytes=32)


def raw_bytes(settings: Settings) -> bytes:
    """Everything the store holds about events, as raw bytes (apps must be closed).

    SQLite: the whole database file and its write-ahead log. PostgreSQL: the stored
    ``state`` of every event and snapshot.
    """
    if settings.is_sqlite:
        path = sqlite_file(settings)
        files = [path, path.with_name(path.name + "-wal")]
        return b"".join(f.read_bytes() for f in files if f.exists())
    rows = raw_execute(settings, "SELECT state FROM negotiations_events "
                                 "UNION ALL SELECT state FROM negotiations_snapshots")
    assert rows
    return b"".join(bytes(state) for (state,) in rows)


def readable(name: str, data: bytes) -> bool:
    """Whether ``name`` appears in ``data`` as UTF-8 or as JSON ``\\uXXXX`` escapes."""
    escaped = json.dumps(name).strip('"')
    return any(form in data for form in (name.encode(), escaped.encode(),
                                         escaped.upper().replace("\\U", "\\u").encode()))


def tell_case(story: Story) -> UUID:
    case_id = story.open_case()
    story.through_publication(case_id, workers=WORKERS)
    return case_id


@pytest.mark.parametrize("key", [new_key(), None], ids=["encrypted", "plain (control)"])
def test_a_representatives_name_is_never_stored_in_the_clear_when_a_key_is_set(
        store: Settings, open_app: Apps, key: str | None) -> None:
    settings = replace(store, cipher_key=key)
    app = open_app(settings)
    case_id = tell_case(Story(app))
    assert app.get_case(case_id).state.worker_side[0].name == CHIEF
    open_app.close_all()

    data = raw_bytes(settings)
    assert len(data) > 1000
    if key is None:
        assert readable(CHIEF, data), "control: without a key the name is in the raw bytes"
        assert readable("兴宁市人社局", data)
    else:
        assert not readable(CHIEF, data)
        assert not readable("兴宁市人社局", data)
        assert not readable("兴宁市某某电子有限公司", data)


def test_an_encrypted_case_loads_with_its_key_and_not_with_another(
        store: Settings, open_app: Apps) -> None:
    key = new_key()
    encrypted = replace(store, cipher_key=key)
    case_id = tell_case(Story(open_app(encrypted)))
    open_app.close_all()

    restarted = open_app(encrypted)
    case = restarted.get_case(case_id)
    assert case.stage is Stage.PUBLISHED
    assert [r.name for r in case.state.worker_side] == list(WORKERS)
    assert case.state.enterprise.name == "兴宁市某某电子有限公司"
    assert verify(restarted).intact

    with pytest.raises(ValueError, match="damaged"):
        open_app(replace(store, cipher_key=new_key())).get_case(case_id)
    with pytest.raises(ValueError):
        open_app(replace(store, cipher_key=None)).get_case(case_id)
