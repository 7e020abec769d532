"""Event dates resolved against the article date; weekday names without a dateparser call each."""
from __future__ import annotations

import datetime as dt
import warnings

import dateparser
import pytest

from kgraph.extract import dates
from kgraph.extract.dates import resolve_date


def _dateparser_day(expression: str, lang: str, base: dt.date) -> dt.date | None:
    """What dateparser itself says, from ``base``."""
    settings = {"RELATIVE_BASE": dt.datetime.combine(base, dt.time()), "PREFER_DATES_FROM": "past",
                "RETURN_AS_TIMEZONE_AWARE": False}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(expression, languages=[lang], settings=settings)
    return None if parsed is None else parsed.date()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_weekday_offsets_give_dateparsers_day_from_any_base(lang):
    words = sorted(dates._weekdays(lang))
    assert len(words) >= 7
    # Bases over month, year and leap-day boundaries, every weekday.
    bases = [dt.date(2019, 12, 28) + dt.timedelta(days=k) for k in range(10)] + \
            [dt.date(2024, 2, 26) + dt.timedelta(days=k) for k in range(7)] + [dt.date(1999, 3, 1), dt.date(2031, 7, 15)]
    for word in words:
        for form in (word, word.capitalize()):
            for base in bases:
                assert dates._parse(form, lang, dt.datetime.combine(base, dt.time())) == _dateparser_day(form, lang, base), \
                    (form, base)


def test_resolved_weekdays_month_days_and_relative_days():
    assert resolve_date("mardi", "fr", "2020-12-17") == "2020-12-15"  # the Tuesday before a Thursday
    assert resolve_date("lundi", "fr", "2020-12-14") == "2020-12-14"  # a Monday article's "lundi" is that day
    assert resolve_date("Tuesday", "en", "2021-03-04") == "2021-03-02"
    assert resolve_date("le 22 décembre", "fr", "2021-01-05") == "2020-12-22"  # no year, after the base: last year
    assert resolve_date("yesterday", "en", "2021-03-01") == "2021-02-28"


def test_weekday_resolution_calls_dateparser_once_per_word_and_weekday(monkeypatch):
    calls = []
    real = dates._dateparser

    def counting(expression, lang, base_dt):
        calls.append(expression)
        return real(expression, lang, base_dt)

    monkeypatch.setattr(dates, "_dateparser", counting)
    dates._weekday_offset.cache_clear()
    days = [(dt.date(2022, 1, 3) + dt.timedelta(days=k)).isoformat() for k in range(60)]
    for day in days:
        dates.resolve_date.__wrapped__("jeudi", "fr", day)
    assert len(calls) == 7  # one per weekday of the base, not one per article date
    dates._weekday_offset.cache_clear()
