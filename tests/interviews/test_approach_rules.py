"""Never pester someone the student knows: the advice after each logged approach.

Examples for each rule, then a hypothesis state machine: a student who approaches only when
advised may, whatever the answers, never leaves more than two unanswered messages, never
writes again within a week of a message, never rings before the day they were asked to, and
never approaches again after a decline; a reckless student's log can never turn a decline back
into "you may try".
"""

from datetime import date, timedelta

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from apps.interviews.approach_rules import (
    FOLLOW_UP_AFTER,
    MAX_UNANSWERED,
    MESSAGES,
    UNANSWERED,
    Attempt,
    Outcome,
    advice,
)

MONDAY = date(2026, 12, 7)


def _days(n):
    return MONDAY + timedelta(days=n)


def test_no_approach_yet_may_try():
    assert advice([], MONDAY).may_try


def test_a_decline_ends_it_whatever_comes_after():
    log = [Attempt(MONDAY, Outcome.DECLINED), Attempt(_days(30), Outcome.VOICEMAIL)]
    result = advice(log, _days(400))
    assert not result.may_try and result.from_day is None
    assert "They said no" in result.reason


def test_a_booked_conversation_needs_no_more_approaches():
    result = advice([Attempt(MONDAY, Outcome.VOICEMAIL), Attempt(_days(2), Outcome.BOOKED)], MONDAY)
    assert not result.may_try and "booked" in result.reason


def test_a_voicemail_gets_one_follow_up_a_week_later():
    log = [Attempt(MONDAY, Outcome.VOICEMAIL)]
    waiting = advice(log, _days(3))
    assert not waiting.may_try and waiting.from_day == MONDAY + FOLLOW_UP_AFTER
    assert "Monday 14 December" in waiting.reason and "one polite follow-up" in waiting.reason
    assert advice(log, _days(7)).may_try
    log.append(Attempt(_days(7), Outcome.EMAILED))
    stop = advice(log, _days(60))
    assert not stop.may_try and stop.from_day is None and "Leave it there" in stop.reason


def test_an_unanswered_call_may_be_tried_the_next_day_at_another_time():
    log = [Attempt(MONDAY, Outcome.NO_ANSWER)]
    same_day = advice(log, MONDAY)
    assert not same_day.may_try and same_day.from_day == _days(1)
    assert "another time of day" in same_day.reason
    assert advice(log, _days(1)).may_try


def test_calls_nobody_answers_stop_after_a_few():
    log = [Attempt(_days(n), Outcome.NO_ANSWER) for n in range(MAX_UNANSWERED)]
    result = advice(log, _days(30))
    assert not result.may_try and "tried enough times" in result.reason


def test_call_back_on_the_day_they_asked_and_not_before():
    log = [Attempt(MONDAY, Outcome.CALL_BACK, call_back_on=_days(10))]
    early = advice(log, _days(9))
    assert not early.may_try and early.from_day == _days(10)
    assert "call back on Thursday 17 December" in early.reason
    assert advice(log, _days(10)).may_try
    # An answer starts the count afresh: earlier unanswered messages no longer stop them.
    fresh = [Attempt(_days(-9), Outcome.VOICEMAIL), Attempt(_days(-2), Outcome.EMAILED), *log]
    assert advice(fresh, _days(10)).may_try


def test_the_order_the_log_is_given_in_does_not_matter():
    log = [
        Attempt(_days(8), Outcome.EMAILED),
        Attempt(MONDAY, Outcome.VOICEMAIL),
    ]
    assert advice(log, _days(100)) == advice(list(reversed(log)), _days(100))


OUTCOMES = st.sampled_from(list(Outcome))
A_WEEK = timedelta(days=7)


class FollowingTheAdvice(RuleBasedStateMachine):
    """A student who approaches only on days the advice allows, with any answer."""

    @initialize()
    def start(self):
        self.today = MONDAY
        self.log: list[Attempt] = []
        self.ended = False

    @rule(wait=st.integers(min_value=0, max_value=20), outcome=OUTCOMES, later=st.integers(1, 30))
    def approach_when_advised(self, wait, outcome, later):
        self.today += timedelta(days=wait)
        now = advice(self.log, self.today)
        if not now.may_try:
            assert now.reason
            if now.from_day is None:
                return
            assert now.from_day > self.today
            self.today = now.from_day
            assert advice(self.log, self.today).may_try
        call_back = self.today + timedelta(days=later) if outcome == Outcome.CALL_BACK else None
        self.log.append(Attempt(self.today, outcome, call_back))

    @invariant()
    def never_pestered(self):
        since: list[Attempt] = []
        call_back_on = None
        for attempt in self.log:
            if call_back_on:
                assert attempt.on >= call_back_on, "rang before the day they asked"
            messages = [a for a in since if a.outcome in MESSAGES]
            if messages:
                assert attempt.on >= messages[-1].on + A_WEEK, "approached again too soon"
            if attempt.outcome == Outcome.CALL_BACK:
                since, call_back_on = [], attempt.call_back_on
            else:
                since.append(attempt)
                call_back_on = None
            # The promise in numbers, written here rather than read from the module under test.
            assert len([a for a in since if a.outcome in MESSAGES]) <= 2
            assert len([a for a in since if a.outcome in UNANSWERED]) <= 4
        ends = [
            n for n, a in enumerate(self.log) if a.outcome in (Outcome.DECLINED, Outcome.BOOKED)
        ]
        if ends:
            assert ends[0] == len(self.log) - 1, "approached again after a decline or a booking"


TestFollowingTheAdvice = FollowingTheAdvice.TestCase
TestFollowingTheAdvice.settings = settings(
    max_examples=200, stateful_step_count=25, derandomize=True, deadline=None
)


class Reckless(RuleBasedStateMachine):
    """A student who logs whatever they did, advised or not: a decline is never undone."""

    @initialize()
    def start(self):
        self.today = MONDAY
        self.log: list[Attempt] = []

    @rule(wait=st.integers(min_value=0, max_value=400), outcome=OUTCOMES)
    def approach_anyway(self, wait, outcome):
        self.today += timedelta(days=wait)
        self.log.append(Attempt(self.today, outcome, self.today + timedelta(days=3)))

    @invariant()
    def a_decline_is_final(self):
        if any(a.outcome == Outcome.DECLINED for a in self.log):
            later = advice(self.log, self.today + timedelta(days=3650))
            assert not later.may_try and later.from_day is None


TestReckless = Reckless.TestCase
TestReckless.settings = settings(
    max_examples=100, stateful_step_count=20, derandomize=True, deadline=None
)
