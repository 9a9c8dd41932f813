"""``dpo-desk deadline``: the headless contract of issue 3, run in-process."""

from __future__ import annotations

import json

import pytest

from dpo_desk.cli import main

CONTRACT_KEYS = {
    "due",
    "extended_due",
    "extension_notice_by",
    "statutory",
    "citation",
    "period",
    "unit",
    "calendar",
    "warnings",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["deadline", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    # §12 RU access: 10 working days -> 2026-01-21, +5 -> 2026-01-28.
    data = run_json(capsys, "--jurisdiction", "RU", "--kind", "access", "--received", "2025-12-26")
    assert set(data) >= CONTRACT_KEYS
    assert data["due"] == "2026-01-21"
    assert data["extended_due"] == "2026-01-28"
    assert data["extension_notice_by"] == "2026-01-21"
    assert data["statutory"] is True
    assert (data["period"], data["unit"]) == (10, "working_days")
    assert data["calendar"] == "holidays 0.109 RU"
    assert isinstance(data["warnings"], list)
    assert "status" not in data


def test_extended_due_is_the_due_date(capsys: pytest.CaptureFixture[str]) -> None:
    # Decision 5: with --extended, due is the extended due date.
    data = run_json(capsys, "-j", "RU", "-k", "access", "--received", "2025-12-26", "--extended")
    assert data["due"] == "2026-01-28" and data["extended"] is True


def test_no_extension_gives_nulls(capsys: pytest.CaptureFixture[str]) -> None:
    # §12 KG access: one week, rolled forward over the May holidays; no extension in Law 58.
    data = run_json(capsys, "-j", "KG", "-k", "access", "--received", "2026-04-29")
    assert data["due"] == "2026-05-11"
    assert data["extended_due"] is None and data["extension_notice_by"] is None


def test_extension_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "-j", "KG", "-k", "access", "--received", "2026-04-29", "--extended", "--json"
    )
    assert code == 2 and out == ""
    assert err.startswith("dpo-desk: The rule for the right to access in KG")
    assert "allows no extension" in err and err.count("\n") == 1


def test_late_extension_notice_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(
        capsys,
        "-j",
        "RU",
        "-k",
        "access",
        "--received",
        "2025-12-26",
        "--extension-notice-sent",
        "2026-01-22",
    )
    assert code == 2 and "had to go out by 2026-01-21" in err


def test_identity_pause_moves_due(capsys: pytest.CaptureFixture[str]) -> None:
    # Decision 4, EU suspension: 10 days awaited -> 28 Feb + 10 = Tue 10 Mar.
    data = run_json(
        capsys,
        "-j",
        "EU",
        "-k",
        "access",
        "--received",
        "2026-01-30",
        "--id-requested",
        "2026-02-02",
        "--id-received",
        "2026-02-12",
    )
    assert (data["due"], data["paused_days"], data["base_due"]) == ("2026-03-10", 10, "2026-03-02")


def test_uk_restart_and_clarification(capsys: pytest.CaptureFixture[str]) -> None:
    # Decision 4, UK: the month runs from the ID (20 Mar); clarification 25-27 Mar stops it.
    data = run_json(
        capsys,
        "-j",
        "UK-ENG",
        "-k",
        "access",
        "--received",
        "2026-03-03",
        "--id-requested",
        "2026-03-04",
        "--id-received",
        "2026-03-20",
        "--clarification-requested",
        "2026-03-25",
        "--clarification-received",
        "2026-03-27",
    )
    assert (data["clock_started"], data["paused_days"], data["due"]) == (
        "2026-03-20",
        2,
        "2026-04-22",
    )


def test_fee_events(capsys: pytest.CaptureFixture[str]) -> None:
    # UK restart on fee paid: 25 Mar + 1 month = Sat 25 Apr -> Mon 27 Apr.
    data = run_json(
        capsys,
        "-j",
        "UK-WLS",
        "-k",
        "access",
        "--received",
        "2026-03-03",
        "--fee-requested",
        "2026-03-05",
        "--fee-paid",
        "2026-03-25",
    )
    assert data["due"] == "2026-04-27"


def test_today_adds_status(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        capsys, "-j", "RU", "-k", "access", "--received", "2025-12-26", "--today", "2026-01-15"
    )
    assert data["today"] == "2026-01-15"
    assert data["status"] == {"state": "upcoming", "days_left": 4, "unit": "working_days"}


def test_today_keyword_uses_the_cli_clock(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DPO_DESK_TODAY", "2026-03-05")
    data = run_json(
        capsys, "-j", "EU", "-k", "access", "--received", "2026-01-30", "--today", "today"
    )
    assert data["status"] == {"state": "overdue", "days_left": -3, "unit": "calendar_days"}


def test_member_state_calendar(capsys: pytest.CaptureFixture[str]) -> None:
    # §1.1: German holidays for the EU rule: 3 Apr Good Friday, 6 Apr Easter Monday.
    data = run_json(
        capsys, "-j", "EU", "-k", "access", "--received", "2026-03-03", "--calendar", "DE"
    )
    assert (data["due"], data["calendar"]) == ("2026-04-07", "holidays 0.109 DE")


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (
            ("-j", "XX", "-k", "access", "--received", "2026-01-05"),
            "Unknown jurisdiction 'XX'; valid values: BR, EU, FR, KG, KZ, RU, UK-ENG",
        ),
        (
            ("-j", "RU", "-k", "dsar", "--received", "2026-01-05"),
            "Unknown request kind 'dsar'; valid values: access, rectification",
        ),
        (
            ("-j", "RU", "-k", "portability", "--received", "2026-01-05"),
            "The right to data portability has no rule in RU",
        ),
        (
            ("-j", "RU", "-k", "access", "--received", "2026-02-30"),
            "--received: '2026-02-30' is not a valid date; write it as YYYY-MM-DD.",
        ),
        (("-j", "RU", "-k", "access", "--received", "5.1.2026"), "--received: '5.1.2026'"),
        (
            ("-j", "RU", "-k", "access", "--received", "2026-01-05", "--today", "tomorrow"),
            "--today: 'tomorrow' is not a valid date",
        ),
        (
            ("-j", "RU", "-k", "access", "--received", "2026-01-05", "--id-received", "2026-01"),
            "--id-received: '2026-01'",
        ),
        (
            (
                "-j",
                "RU",
                "-k",
                "access",
                "--received",
                "2026-01-05",
                "--id-requested",
                "2026-01-04",
            ),
            "before the request was received",
        ),
        (
            ("-j", "EU", "-k", "access", "--received", "2026-01-05", "--calendar", "XX"),
            "no calendar for XX",
        ),
    ],
)
def test_errors_are_one_clear_sentence(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], fragment: str
) -> None:
    code, out, err = run(capsys, *argv, "--json")
    assert (code, out) == (2, "")
    assert err.startswith("dpo-desk: ") and fragment in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_missing_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["deadline", "--jurisdiction", "RU", "--kind", "access"])
    assert info.value.code == 2
    assert "--received" in capsys.readouterr().err


def test_plain_text_for_humans(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "-j", "RU", "-k", "access", "--received", "2025-12-26", "--today", "2026-01-15"
    )
    assert (code, err) == (0, "")
    assert out.startswith("RU: right to access - statutory deadline\n")
    assert "Due               2026-01-21 (Wed)" in out
    assert "If extended       2026-01-28 (Wed) (+5 working days)" in out
    assert "Extension notice  by 2026-01-21 (Wed)" in out
    assert "Calendar          holidays 0.109 RU" in out
    assert "Status            on 2026-01-15: 4 working days left" in out
    assert "Warnings:\n  - " in out


def test_plain_text_variants(capsys: pytest.CaptureFixture[str]) -> None:
    # KG: no extension, safe date before roll-forward, internal-target label for rectification.
    _code, out, _err = run(capsys, "-j", "KG", "-k", "access", "--received", "2026-04-29")
    assert "Extension  " in out and "none allowed" in out
    assert "Safe date" in out and "2026-05-06 (Wed), before the holiday roll-forward" in out
    _code, out, _err = run(capsys, "-j", "KG", "-k", "rectification", "--received", "2026-03-02")
    assert out.startswith("KG: right to rectification - internal target deadline")
    # Extended: the due line says so and no "If extended" line.
    _code, out, _err = run(
        capsys, "-j", "EU", "-k", "access", "--received", "2026-01-30", "--extended"
    )
    assert "Due (extended)" in out and "If extended" not in out
    # UK restart shows when the clock started; CCPA shows the acknowledgement date.
    _code, out, _err = run(
        capsys,
        "-j",
        "UK-ENG",
        "-k",
        "access",
        "--received",
        "2026-03-03",
        "--id-received",
        "2026-03-20",
    )
    assert "Clock started     2026-03-20 (Fri)" in out
    _code, out, _err = run(capsys, "-j", "US-CA", "-k", "access", "--received", "2026-01-05")
    assert "Acknowledge by" in out and "2026-01-20 (Tue)" in out
    # No warnings: no warnings block.
    _code, out, _err = run(capsys, "-j", "EU", "-k", "erasure", "--received", "2026-03-03")
    assert "Warnings" not in out


# --- issue 16: in-force dates, roll-forward ---------------------------------------------------


def test_before_entry_into_force_statutory_false_keeps_every_key(capsys) -> None:
    # KZ Art. 8(7) (Law 231-VIII) applies from 2026-01-18: a withdrawal received on the 16th
    # gets the internal target (10 WD -> Fri 30 Jan), labelled, with every key of the contract.
    before = run_json(capsys, "-j", "KZ", "-k", "consent_withdrawal", "--received", "2026-01-16")
    after = run_json(capsys, "-j", "KZ", "-k", "consent_withdrawal", "--received", "2026-01-19")
    assert set(before) == set(after) and set(before) >= CONTRACT_KEYS
    assert before["statutory"] is False and before["target"] == "internal target"
    assert before["due"] == "2026-01-30"
    assert before["warnings"][0].startswith("No statutory period")
    assert after["statutory"] is True and after["due"] == "2026-02-09"
    assert after["in_force_from"] == "2026-01-18" and "231-VIII" in after["in_force_citation"]


def test_before_entry_into_force_nothing_to_compute_exits_2(capsys) -> None:
    code, out, err = run(
        capsys, "-j", "KZ", "-k", "objection_automated", "--received", "2026-01-17", "--json"
    )
    assert code == 2 and out == ""
    assert err.startswith("dpo-desk: No statutory period: the right to object to automated")
    assert err.count("\n") == 1


def test_roll_forward_keeps_due_statutory_and_adds_safe_date(capsys) -> None:
    # US-CA: day 45 is Sun 15 Feb 2026, Presidents' Day Mon 16 Feb -> due Tue 17 Feb.
    data = run_json(capsys, "-j", "US-CA", "-k", "access", "--received", "2026-01-01")
    assert (data["due"], data["safe_date"]) == ("2026-02-17", "2026-02-15")
    assert data["roll_forward"] == "next_working_day"
    assert "§12a" in data["roll_forward_citation"]
    code, out, _ = run(capsys, "-j", "BR", "-k", "access", "--received", "2026-04-06")
    assert code == 0 and "Safe date" in out and "2026-04-21" in out and "2026-04-22" in out
