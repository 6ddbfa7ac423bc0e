"""Messages of the Problems screen: worker results carrying the judge's own dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from studylog.judge import Attempt, AttemptRow, JudgeResult, Problem, ProblemStatus, StressResult, TestResult


@dataclass
class BankLoaded(Message):
    """The problem bank with the user's status per problem."""

    rows: list[ProblemStatus]


@dataclass
class ProblemLoaded(Message):
    """One problem, its statement and the user's attempts at it (newest first)."""

    problem: Problem
    statement: str
    history: list[AttemptRow]


@dataclass
class AttemptLoaded(Message):
    """A stored attempt opened from the history."""

    attempt: Attempt


@dataclass
class JudgeCompiled(Message):
    """The solution compiled (or not); ``total`` tests will run."""

    problem_id: str
    ok: bool
    total: int


@dataclass
class JudgeTestDone(Message):
    """One test of a judge run finished."""

    problem_id: str
    test: TestResult


@dataclass
class JudgeFinished(Message):
    """A judge run ended: its result, or the one-line error that stopped it."""

    problem_id: str
    result: JudgeResult | None
    error: str = ""


@dataclass
class StressProgress(Message):
    """A stress run has tried ``done`` of ``total`` cases (-1: see ``note``)."""

    done: int
    total: int
    note: str = ""


@dataclass
class StressFinished(Message):
    """A stress run ended: its result, or the one-line error that stopped it."""

    problem_id: str
    seed: int
    result: StressResult | None
    error: str = ""
