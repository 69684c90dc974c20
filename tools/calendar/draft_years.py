#!/usr/bin/env python3
"""Draft assets/calendar/YYYY.toml from the holiday law, the carry-over rule and the decrees.

This is how the shipped years were made; an administrator edits the files (or, later, the
calendar in the app) when a new decree appears. The program itself reads only the TOML files.

Inputs, all written here from the legal acts, not from any dataset:
  * which holidays were non-working in which years (Law on holidays No. 267-II, art. 5, as amended),
  * the first day of Kurban Ait each year (announced yearly),
  * the Government's yearly decrees transferring days off (day off <- working weekend day),
  * the carry-over rule (Labour Code art. 85): a holiday falling on Saturday or Sunday gives a day off
    on the next working day, except the religious holidays (Orthodox Christmas, Kurban Ait).

Usage: tools/calendar/draft_years.py 2016 2027   (writes assets/calendar/2016.toml ... 2027.toml)
"""
import datetime as dt
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOLIDAYS = {h["id"]: h for h in tomllib.loads((ROOT / "assets/calendar/holidays.toml").read_text())["holiday"]}

LAW = "Law on holidays No. 267-II, art. 5"
CARRY = "Labour Code of RK, art. 85: a day off coinciding with a holiday moves to the next working day"


def fixed(year):
    """(month, day, id) of the non-working holidays with a fixed date in `year`."""
    days = [(1, 1, "new-year"), (1, 2, "new-year"), (1, 7, "orthodox-christmas"), (3, 8, "womens-day"),
            (3, 21, "nauryz"), (3, 22, "nauryz"), (3, 23, "nauryz"), (5, 1, "unity-day"),
            (5, 7, "defender-day"), (5, 9, "victory-day"), (7, 6, "capital-day"), (12, 16, "independence-day")]
    if year <= 2025:
        days.append((8, 30, "constitution-day"))
    if year >= 2027:
        days.append((3, 15, "constitution-day"))
    if year >= 2022:
        days.append((10, 25, "republic-day"))
    if year <= 2021:
        days += [(12, 1, "first-president-day"), (12, 17, "independence-day")]
    return sorted(days)


# First day of Kurban Ait (announced each year by the Spiritual Administration of Muslims of Kazakhstan).
KURBAN_AIT = {2016: (9, 12), 2017: (9, 1), 2018: (8, 21), 2019: (8, 11), 2020: (7, 31), 2021: (7, 20),
              2022: (7, 9), 2023: (6, 28), 2024: (6, 16), 2025: (6, 6), 2026: (5, 27), 2027: (5, 16)}
KURBAN_ESTIMATED = {2026, 2027}  # until announced and confirmed by an administrator

# Government decrees moving days off: (day off, working weekend day or None, source).
# A None working day means the decree moved a carried-over day off (2020: from 11 May to 8 May).
DECREES = {
    2016: [("2016-03-07", "2016-03-05", "Government of RK resolution No. 67 of 2016 (adilet P1600000067)")],
    2017: [("2017-03-20", "2017-03-18", "Government of RK resolution No. 5 of 2017 (adilet P1700000005)"),
           ("2017-07-07", "2017-07-01", "Government of RK resolution No. 5 of 2017 (adilet P1700000005)")],
    2018: [(d, w, "Government of RK resolution No. 864 of 2017 (adilet P1700000864)") for d, w in
           [("2018-03-09", "2018-03-03"), ("2018-04-30", "2018-04-28"), ("2018-05-08", "2018-05-05"),
            ("2018-08-31", "2018-08-25"), ("2018-12-31", "2018-12-29")]],
    2019: [("2019-05-10", "2019-05-04", "Government of RK resolution No. 888 of 2018 (adilet P1800000888)")],
    2020: [(d, w, "Government of RK resolution No. 820 of 2019 (adilet P1900000820)") for d, w in
           [("2020-01-03", "2020-01-05"), ("2020-12-18", "2020-12-20")]],
    2021: [("2021-07-05", "2021-07-03", "Government of RK resolution No. 930 of 2020 (adilet P2000000930)")],
    2022: [(d, w, "Government of RK resolution No. 796 of 2022 (adilet P2200000796)") for d, w in
           [("2022-03-07", "2022-03-05"), ("2022-08-29", "2022-08-27"), ("2022-10-24", "2022-10-22")]],
    2023: [("2023-07-07", "2023-07-01", "Government of RK resolution No. 326 of 2023 (adilet P2300000326)")],
    2024: [("2024-05-08", "2024-05-04", "Government of RK resolution No. 109 of 2024 (adilet G24G0000109)")],
    2025: [("2025-01-03", "2025-01-05", "Government of RK resolution No. 436 of 2024 (adilet G24G0000436)")],
}
# 2020: the day off carried over from Victory Day (Saturday 9 May) was moved from Monday 11 May to
# Friday 8 May by the same decree; no weekend day became working for it.
MOVED_CARRY = {("2020-05-09"): ("2020-05-08", "Government of RK resolution No. 820 of 2019 (adilet P1900000820)")}

STATUS = {2026: "provisional", 2027: "provisional"}
NOTES = {
    2026: "Kurban Ait is estimated (27 May) until it is announced. No decree transferring days off in 2026 is known to the project; Constitution Day is not a "
          "non-working day in 2026 after the 2026 amendments of the Law on holidays (moved to 15 March from "
          "2027). An administrator confirms this year against the published decree.",
    2027: "Kurban Ait is estimated (16 May) until it is announced; no decree on transfers for 2027 yet.",
}


def d(s):
    return dt.date.fromisoformat(s)


def draft(year):
    holidays = [(dt.date(year, m, dd), hid) for m, dd, hid in fixed(year)]
    km, kd = KURBAN_AIT[year]
    holidays.append((dt.date(year, km, kd), "kurban-ait"))
    holidays.sort()
    holiday_dates = {day for day, _ in holidays}
    decree_off = {d(o): (w, src) for o, w, src in DECREES.get(year, [])}
    working_weekend = {d(w) for o, w, src in DECREES.get(year, []) if w}

    def is_off(day, taken):
        return day.weekday() >= 5 and day not in working_weekend or day in holiday_dates or day in taken

    carried = []
    taken = set(decree_off)
    for day, hid in holidays:
        if day.weekday() < 5 or not HOLIDAYS[hid]["carried"]:
            continue
        moved = MOVED_CARRY.get(day.isoformat())
        if moved:
            target = d(moved[0])
            source = CARRY
            moved_by = moved[1]
        else:
            target = day + dt.timedelta(days=1)
            while is_off(target, taken):
                target += dt.timedelta(days=1)
            source = CARRY
            moved_by = None
        taken.add(target)
        carried.append((target, hid, day, source, moved_by))

    out = [f"# Working-day calendar of the Republic of Kazakhstan, {year}.",
           "# Drafted by tools/calendar/draft_years.py; checked against an independent dataset by",
           "# tests/calendar_crosscheck.py (see docs/calendar.md). Weekends are Saturday and Sunday.",
           f"year = {year}", f'status = "{STATUS.get(year, "confirmed")}"']
    if year in NOTES:
        out.append(f'note = "{NOTES[year]}"')
    for day, hid in holidays:
        out += ["", "[[holiday]]", f'date = "{day}"', f'id = "{hid}"']
        if hid == "kurban-ait":
            out.append(f'estimated = {"true" if year in KURBAN_ESTIMATED else "false"}')
        out.append(f'source = "{LAW}"')
    for target, hid, day, source, moved_by in carried:
        out += ["", "[[day_off]]", f'date = "{target}"', 'kind = "carried"', f'holiday = "{hid}"',
                f'holiday_date = "{day}"']
        if moved_by:
            out.append(f'moved_by = "{moved_by}"')
        out.append(f'source = "{source}"')
    for off, (work, src) in sorted(decree_off.items()):
        out += ["", "[[day_off]]", f'date = "{off}"', 'kind = "transferred"', f'working_day = "{work}"',
                f'source = "{src}"']
    for off, (work, src) in sorted(decree_off.items()):
        out += ["", "[[working_day]]", f'date = "{work}"', f'instead_of = "{off}"', f'source = "{src}"']
    (ROOT / f"assets/calendar/{year}.toml").write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    first, last = int(sys.argv[1]), int(sys.argv[2])
    for y in range(first, last + 1):
        draft(y)
