"""The baseline's tables: what a plain CRUD app keeps (current state only, updated in place)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of the baseline's models."""


class Case(Base):
    """One negotiation case: its current stage and version (bumped by every write)."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_no: Mapped[str] = mapped_column(String(32), unique=True)
    enterprise: Mapped[str] = mapped_column(Text)
    town: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(String(24))
    assigned_to: Mapped[str] = mapped_column(String(40))
    scope: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    __table_args__ = (Index("ix_cases_scope_stage", "scope", "stage"),
                      Index("ix_cases_assigned", "assigned_to"),
                      Index("ix_cases_updated", "updated_at"))


class Note(Base):
    """One entry of a case's timeline (``seq`` = the case version it made)."""

    __tablename__ = "notes"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    author: Mapped[str] = mapped_column(String(40))


class Notice(Base):
    """A public notice of a contract in force."""

    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    enterprise: Mapped[str] = mapped_column(Text)
    town: Mapped[str] = mapped_column(Text)
    industry: Mapped[str] = mapped_column(Text)
    contract_kind: Mapped[str] = mapped_column(String(16))
    workers_covered: Mapped[int] = mapped_column(Integer)
    term_start: Mapped[date] = mapped_column(Date)
    term_end: Mapped[date] = mapped_column(Date)
    published_on: Mapped[date] = mapped_column(Date)
    __table_args__ = (Index("ix_notices_published", "published_on"),)


class Deadline(Base):
    """A deadline of a case; ``met_on`` is set when the step is done."""

    __tablename__ = "deadlines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(16))
    due_on: Mapped[date] = mapped_column(Date)
    met_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    scope: Mapped[str] = mapped_column(Text)
    assigned_to: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_deadlines_open_due", "met_on", "due_on"),
                      Index("ix_deadlines_assigned_due", "assigned_to", "due_on"))
