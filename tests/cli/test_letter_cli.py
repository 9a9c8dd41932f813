"""The headless letter contract: ``dpo-desk --file F letter CASE_ID --kind K --lang L -o OUT.pdf
[--finalise]``, its options, JSON keys, one-sentence errors, atomic writes; sent, list, register,
pdf and template overrides."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends.null import Keyring as NullKeyring
from pypdf import PdfReader

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.casefile.keys import recovery_key_text
from dpo_desk.casefile.letter_profiles import LetterSettingsRepo
from dpo_desk.cli import letter_cmds, main
from dpo_desk.cli.open import reset_stdin
from dpo_desk.core.model import (
    Case,
    Channel,
    Controller,
    ControllerId,
    ControllerProfile,
    DataSubject,
    RequestKind,
)
from dpo_desk.demo import seed_demo
from dpo_desk.reports import atomic

KEY = Key(raw=bytes(range(64, 96)))
TODAY = date(2026, 3, 2)
RESULT_KEYS = {"path", "sha256", "letter_id", "final", "warnings", "pages"}
SUBJECT = "Élodie Lefèvre"

Run = Callable[..., tuple[int, str, str]]
PARIS_FR_PROFILE = {
    "purposes": "gestion de votre compte",
    "categories": "identité",
    "recipients": "nos hébergeurs",
    "retention": "pendant la durée du contrat",
    "sources": "vous-même",
    "transfers": "aucun transfert hors de l'Union européenne",
    "automated_decisions": "aucune décision fondée exclusivement sur un traitement automatisé",
}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo case file plus a French controller whose access request is case 2026-0022."""
    path = tmp_path_factory.mktemp("letter-cli") / "demo.dpodesk"
    previous = keyring.get_keyring()
    keyring.set_keyring(NullKeyring())  # module scope: the per-test memory keyring is not up yet
    try:
        cf = CaseFile.create(path, KEY).casefile
        try:
            seed_demo(cf, TODAY)
            paris = cf.controllers.add(
                Controller(
                    id=None,
                    slug="paris",
                    name="Société Lumière",
                    address="10 rue de Rivoli\n75004 Paris",
                    jurisdictions=("FR",),
                    languages=("fr", "en"),
                    profile=ControllerProfile(
                        purposes=("gestion de votre compte",),
                        categories=("identité",),
                        recipients=("nos hébergeurs",),
                        retention="pendant la durée du contrat",
                        sources=("vous",),
                    ),
                )
            )
            case = cf.cases.add(
                Case(
                    id=None,
                    reference="",
                    controller_id=ControllerId(paris.id or 0),
                    subject=DataSubject(name=SUBJECT, address="12 rue des Lilas\n75011 Paris"),
                    kinds=(RequestKind.ACCESS,),
                    channel=Channel.POST,
                    received=TODAY - timedelta(days=10),
                    language="fr",
                    reply_language="fr",
                )
            )
            assert case.reference == "2026-0022"
            # issue 16: access responses are filled from the profile in the reply's language
            LetterSettingsRepo(cf).set_profile(paris.id or 0, "fr", PARIS_FR_PROFILE)
        finally:
            cf.close()
    finally:
        keyring.set_keyring(previous)
    return path


@pytest.fixture
def run(demo_file: Path, tmp_path: Path, capsys, monkeypatch) -> Run:
    path = tmp_path / "case.dpodesk"
    shutil.copyfile(demo_file, path)
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", recovery_key_text(KEY))
    monkeypatch.setenv("DPO_DESK_TODAY", TODAY.isoformat())

    def _run(*args: str) -> tuple[int, str, str]:
        reset_stdin()
        code = main(["--file", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    _run.path = path  # type: ignore[attr-defined]
    return _run


def one_sentence_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("dpo-desk: ") and lines[0].endswith("."), err
    return lines[0]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_finalise_json_round_trip_then_sent_list_and_register(run: Run, tmp_path: Path) -> None:
    out_pdf = tmp_path / "out.pdf"
    code, out, err = run(
        "letter",
        "2026-0022",
        "--kind",
        "access_response",
        "--lang",
        "fr",
        "-o",
        str(out_pdf),
        "--finalise",
        "--enclosure",
        "Copie de vos données",
        "--json",
    )
    assert code == 0, err
    assert "warning" not in err
    result = json.loads(out)
    assert set(result) == RESULT_KEYS
    assert result["final"] is True and isinstance(result["letter_id"], int)
    assert result["warnings"] == [] and result["path"] == str(out_pdf)
    data = out_pdf.read_bytes()
    assert hashlib.sha256(data).hexdigest() == result["sha256"]
    reader = PdfReader(io.BytesIO(data))
    assert result["pages"] == len(reader.pages)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert SUBJECT in text and "2026-0022" in text
    assert oct(out_pdf.stat().st_mode & 0o777) == "0o600"
    assert leftovers(tmp_path) == []

    code, out, err = run(
        "letter",
        "sent",
        str(result["letter_id"]),
        "--on",
        "2026-03-02",
        "--channel",
        "registered_post",
        "--registered-no",
        "RR123456785FR",
        "--json",
    )
    assert code == 0, err
    sent = json.loads(out)
    assert sent["case_status"] == "responded" and sent["status_changed"] is True
    assert sent["letter"]["registered_no"] == "RR123456785FR"

    code, out, err = run("letter", "list", "2026-0022", "--json")
    assert code == 0, err
    (listed,) = json.loads(out)
    assert listed["status"] == "final" and listed["sha256"] == result["sha256"]
    assert listed["sent_on"] == "2026-03-02" and listed["channel"] == "registered_post"

    code, out, err = run("letter", "register", "--from", "2000-01-01", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) > 1  # the demo's answered cases have their letters too
    (row,) = [r for r in rows if r["reference"] == "2026-0022"]
    assert row["sha256"] == result["sha256"]
    assert row["dated"] == "2026-03-02" and row["registered_no"] == "RR123456785FR"

    with CaseFile.open(run.path, KEY) as cf:  # type: ignore[attr-defined]
        assert cf.letters.pdf(result["letter_id"]) == data


def test_a_preview_is_written_but_not_stored_and_warns_on_stderr(run: Run, tmp_path: Path) -> None:
    out_pdf = tmp_path / "preview.pdf"
    code, out, err = run(
        "letter", "2026-0022", "--kind", "acknowledgement", "--lang", "en", "-o", str(out_pdf)
    )
    assert code == 0, err
    assert "preview, not finalised" in out and "2026-0022" in out
    assert "dpo-desk: warning: The reply is in 'en' but the request was written in 'fr'." in err
    assert out_pdf.read_bytes().startswith(b"%PDF")
    code, out, err = run("letter", "list", "2026-0022")
    assert code == 0 and out.strip() == "No letters on 2026-0022."

    code, out, err = run("case", "show", "2026-0022", "--json")
    case_id = str(json.loads(out)["id"])
    code, out, err = run(
        "letter", case_id, "--kind", "acknowledgement", "-o", str(out_pdf), "--json"
    )
    assert code == 0, err
    result = json.loads(out)
    assert result["final"] is False and result["letter_id"] is None and result["warnings"] == []
    assert hashlib.sha256(out_pdf.read_bytes()).hexdigest() == result["sha256"]


def test_a_refusal_with_the_contract_options(run: Run, tmp_path: Path) -> None:
    body = tmp_path / "body.txt"
    body.write_text(
        "Madame,\n\nNous ne pouvons pas donner suite à votre demande : aucun compte n'existe à "
        "votre nom.\n\nCordialement,\n",
        encoding="utf-8",
    )
    out_pdf = tmp_path / "refusal.pdf"
    args = [
        "letter",
        "2026-0022",
        "--kind",
        "refusal",
        "--lang",
        "fr",
        "-o",
        str(out_pdf),
        "--finalise",
        "--reason",
        "Aucun compte n'existe à votre nom.",
        "--legal-ground",
        "l'article 12(2) du RGPD",
        "--body",
        str(body),
    ]
    code, out, err = run(*args)
    assert code == 2
    assert "warning [blocking]: The letter does not tell the data subject" in err
    assert err.strip().splitlines()[-1] == (
        "dpo-desk: The letter was not finalised: 1 blocking warning "
        "(missing_complaint_paragraph) must be resolved or acknowledged first."
    )
    assert not out_pdf.exists() and leftovers(tmp_path) == []

    code, out, err = run(*args, "--acknowledge-warnings", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["final"] is True
    assert [w["code"] for w in result["warnings"]] == ["missing_complaint_paragraph"]
    assert set(result["warnings"][0]) == {"code", "message"}
    text = " ".join(PdfReader(str(out_pdf)).pages[0].extract_text().split())
    assert "aucun compte n'existe à votre nom" in text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--kind", "apology", "--lang", "fr"], "valid: acknowledgement, identity_request"),
        (["--kind", "refusal", "--lang", "de"], "'de' (valid: en, ru, fr, kk, ky)"),
        (["--kind", "refusal", "--lang", "fr", "--colour", "red"], "--colour"),
        (["--kind", "acknowledgement", "--reason", "x"], "--reason goes with a refusal"),
        (["--lang", "fr"], "required: --kind"),
    ],
    ids=["kind", "lang", "option", "reason", "missing"],
)
def test_errors_are_one_sentence_with_exit_2(
    run: Run, tmp_path: Path, args: list[str], expected: str
) -> None:
    out_pdf = tmp_path / "x.pdf"
    code, out, err = run("letter", "2026-0022", "-o", str(out_pdf), *args)
    assert code == 2 and out == ""
    assert expected in one_sentence_error(err)
    assert not out_pdf.exists() and leftovers(tmp_path) == []


def test_other_mistakes_are_one_sentence_too(run: Run, tmp_path: Path) -> None:
    missing_folder = tmp_path / "nowhere" / "x.pdf"
    for args, expected in (
        (["letter", "9999", "--kind", "refusal", "-o", str(tmp_path / "x.pdf")], "no case"),
        (["letter", "2026-0022", "--kind", "refusal", "-o", str(missing_folder)], "not exist"),
        (["letter", "2026-0022", "--kind", "refusal", "-o", str(tmp_path)], "is a folder"),
        (["letter", "sent", "1", "--channel", "pigeon"], "post, registered_post, email"),
        (["letter", "sent", "one", "--channel", "post"], "letter id is a number"),
        (["letter", "register", "--from", "03/02/2026"], "must be a date"),
        (["letter"], "Give a case id"),
    ):
        code, out, err = run(*args)
        assert code == 2, args
        assert expected in one_sentence_error(err), args
    assert leftovers(tmp_path) == []


def test_no_temp_file_is_left_when_the_write_fails(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace

    def failing_replace(src, dst) -> None:  # noqa: ANN001 - os.replace's signature
        if str(src).endswith(".partial"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    out_pdf = tmp_path / "letter.pdf"
    code, out, err = run("letter", "2026-0022", "--kind", "acknowledgement", "-o", str(out_pdf))
    assert code == 2
    assert "disk is full" in one_sentence_error(err)
    assert not out_pdf.exists() and leftovers(tmp_path) == []

    code, out, err = run(
        "letter", "2026-0022", "--kind", "acknowledgement", "-o", str(out_pdf), "--finalise"
    )
    assert code == 2
    message = one_sentence_error(err)
    assert "was finalised and kept in the case file" in message
    assert not out_pdf.exists() and leftovers(tmp_path) == []

    monkeypatch.setattr(atomic.os, "replace", real_replace)
    code, out, err = run("letter", "list", "2026-0022", "--json")
    (letter,) = json.loads(out)
    code, out, err = run("letter", "pdf", str(letter["id"]), "-o", str(out_pdf), "--json")
    assert code == 0, err
    assert json.loads(out)["sha256"] == letter["sha256"]
    assert hashlib.sha256(out_pdf.read_bytes()).hexdigest() == letter["sha256"]


def test_template_overrides_from_the_command_line(run: Run, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.toml"
    hostile.write_text('subject = "{case.__class__}"\n', encoding="utf-8")
    base = ["letter", "template"]
    target = ["--controller", "paris", "--kind", "acknowledgement", "--lang", "fr"]
    code, out, err = run(*base, "set", *target, str(hostile))
    assert code == 2
    assert "{case.__class__}" in one_sentence_error(err) and "not allowed" in err

    own = tmp_path / "own.toml"
    own.write_text('subject = "Votre demande {reference} : accusé de réception"\n', "utf-8")
    code, out, err = run(*base, "set", *target, str(own), "--json")
    assert code == 0, err
    assert json.loads(out)["needs_legal_review"] is False
    code, out, err = run(*base, "list", "--controller", "paris")
    assert out.strip() == "acknowledgement fr"
    code, out, err = run(*base, "show", *target, "--json")
    shown = json.loads(out)
    assert shown["source"] == "override" and "accusé de réception" in shown["text"]

    out_pdf = tmp_path / "ack.pdf"
    code, out, err = run("letter", "2026-0022", "--kind", "acknowledgement", "-o", str(out_pdf))
    assert code == 0, err
    text = " ".join(PdfReader(str(out_pdf)).pages[0].extract_text().split())
    assert "Votre demande 2026-0022 : accusé de réception" in text

    code, out, err = run(*base, "clear", *target)
    assert code == 0, err
    code, out, err = run(*base, "show", *target)
    assert code == 0 and out.startswith("# bundled fr acknowledgement template of paris")
    code, out, err = run(*base, "clear", *target)
    assert code == 2 and "no override" in one_sentence_error(err)


def test_help_and_the_contract_option_names(run: Run) -> None:
    code, out, err = run("letter", "--help")
    assert code == 0
    for form in ("letter sent", "letter list", "letter register", "letter pdf", "letter template"):
        assert form in out
    options = {s for a in letter_cmds.write_parser()._actions for s in a.option_strings}
    assert {
        "--kind",
        "--lang",
        "-o",
        "--finalise",
        "--reason",
        "--legal-ground",
        "--body",
        "--acknowledge-warnings",
        "--json",
    } <= options
    sent = {s for a in letter_cmds.sent_parser()._actions for s in a.option_strings}
    assert {"--on", "--channel", "--registered-no", "--json"} <= sent
    register = {s for a in letter_cmds.register_parser()._actions for s in a.option_strings}
    assert {"--from", "--to", "--json"} <= register
