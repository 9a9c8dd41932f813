"""National trust lists into the case file's trust store (services/trust.py, identity/trustlists.py).

The Russian list is a small sample in the ministry's published format (element names as in the
real ``TSL.xml``), holding GOST CA certificates made by OpenSSL's GOST engine; the Kazakh NCA
material is a zip, a folder and a single file of certificates with ``C=KZ``.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.cli import main
from dpo_desk.cli.open import reset_stdin
from dpo_desk.core.errors import InvalidInput
from dpo_desk.identity.service import import_certificates
from dpo_desk.identity.signatures import verify_pdf
from dpo_desk.identity.trustlists import read_trust_list
from dpo_desk.services.trust import anchor_to_dict, import_list, import_list_path, list_anchors

from .gost_material import GostPki, gost_pki, make_pdf

TODAY = date.today()
CLOCK = datetime.now(UTC)


@pytest.fixture(scope="session")
def gpki(tmp_path_factory: pytest.TempPathFactory) -> GostPki:
    return gost_pki(tmp_path_factory)


@pytest.fixture
def cf(tmp_path: Path) -> Iterator[CaseFile]:
    casefile = CaseFile.create(
        tmp_path / "trust.dpodesk", Key(raw=b"\x07" * 32), clock=lambda: CLOCK
    ).casefile
    yield casefile
    casefile.close()


def _entry(der: bytes, *, thumbprint: str | None = None) -> str:
    return f"""
              <ДанныеСертификата>
                <Отпечаток>{(thumbprint or hashlib.sha1(der).hexdigest()).upper()}</Отпечаток>
                <КемВыдан>CN=Test</КемВыдан>
                <КомуВыдан>CN=Test</КомуВыдан>
                <СерийныйНомер>01</СерийныйНомер>
                <ПериодДействияС>2026-01-01T00:00:00+03:00</ПериодДействияС>
                <ПериодДействияДо>2036-01-01T00:00:00+03:00</ПериодДействияДо>
                <Данные>{base64.b64encode(der).decode()}</Данные>
              </ДанныеСертификата>"""


def _centre(short: str, status: str, entries: list[str]) -> str:
    return f"""
  <УдостоверяющийЦентр>
    <Название>Общество с ограниченной ответственностью «{short}»</Название>
    <ЭлектроннаяПочта>ca@example.ru</ЭлектроннаяПочта>
    <КраткоеНазвание>{short}</КраткоеНазвание>
    <АдресСИнформациейПоУЦ>https://ca.example.ru</АдресСИнформациейПоУЦ>
    <Адрес><Страна>RU</Страна><Индекс>101000</Индекс><Город>Москва</Город></Адрес>
    <ПрограммноАппаратныеКомплексы>
      <ПрограммноАппаратныйКомплекс>
        <Псевдоним>{short} ПАК 1</Псевдоним>
        <КлассСредствЭП>КС1</КлассСредствЭП>
        <СредстваУЦ>КриптоПро УЦ 2.0</СредстваУЦ>
        <КлючиУполномоченныхЛиц>
          <Ключ>
            <ИдентификаторКлюча>A1B2C3</ИдентификаторКлюча>
            <АдресаСписковОтзыва><Адрес>http://ca.example.ru/crl.crl</Адрес></АдресаСписковОтзыва>
            <Сертификаты>{"".join(entries)}
            </Сертификаты>
          </Ключ>
        </КлючиУполномоченныхЛиц>
      </ПрограммноАппаратныйКомплекс>
    </ПрограммноАппаратныеКомплексы>
    <ИНН>7700000000</ИНН>
    <ОГРН>1027700000000</ОГРН>
    <РеестровыйНомер>1234</РеестровыйНомер>
    <СтатусАккредитации>
      <Статус>{status}</Статус>
      <ДействуетС>2021-07-01T00:00:00+03:00</ДействуетС>
    </СтатусАккредитации>
  </УдостоверяющийЦентр>"""


def make_tsl(centres: list[str], version: str = "812") -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<АккредитованныеУдостоверяющиеЦентры xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <Версия>{version}</Версия>
  <Дата>2026-03-01T09:00:00+03:00</Дата>{"".join(centres)}
</АккредитованныеУдостоверяющиеЦентры>
""".encode()


@pytest.fixture(scope="session")
def tsl(gpki: GostPki) -> bytes:
    return make_tsl(
        [
            _centre("УЦ Тест 256", "Действует", [_entry(gpki.ca256.cert_der)]),
            _centre("УЦ Тест 512", "Действует", [_entry(gpki.ca512.cert_der)]),
            _centre("УЦ Закрытый", "Прекращена", [_entry(gpki.stranger_ca.cert_der)]),
        ]
    )


def _rsa_certificate(common_name: str, country: str, *, expired: bool = False) -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, country),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    start = datetime.now(UTC) - timedelta(days=800 if expired else 1)
    end = start + timedelta(days=30 if expired else 3650)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.DER)


@pytest.fixture(scope="session")
def kz_root() -> bytes:
    return _rsa_certificate("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA)", "KZ")


@pytest.fixture(scope="session")
def kz_zip(kz_root: bytes, gpki: GostPki) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("root_rsa.cer", kz_root)
        pem = x509.load_der_x509_certificate(kz_root).public_bytes(serialization.Encoding.PEM)
        archive.writestr("nca/nca_rsa.pem", pem)  # the same certificate twice: taken once
        archive.writestr("nca/readme.txt", b"not a certificate")
        archive.writestr("old.cer", _rsa_certificate("ҰКО old", "KZ", expired=True))
    return buffer.getvalue()


# --- reading the Russian list -----------------------------------------------------------------


def test_russian_list_takes_active_centres_only(tsl: bytes, gpki: GostPki) -> None:
    trust_list = read_trust_list(tsl, "TSL.xml", TODAY)

    assert trust_list.kind == "ru-tsl"
    assert trust_list.version == "812"
    assert trust_list.title == (
        "Russian list of accredited certification centres, version 812 of 2026-03-01"
    )
    assert [c.der for c in trust_list.certificates] == [gpki.ca256.cert_der, gpki.ca512.cert_der]
    assert [c.authority for c in trust_list.certificates] == ["УЦ Тест 256", "УЦ Тест 512"]
    assert all(c.qualified and "63-FZ" in c.review_note for c in trust_list.certificates)
    assert trust_list.skipped == (
        "УЦ Закрытый: accreditation is Прекращена, 1 certificate(s) left out.",
    )


def test_wrong_thumbprint_and_expired_certificates_are_left_out(gpki: GostPki) -> None:
    expired = _rsa_certificate("Old CA", "RU", expired=True)
    data = make_tsl(
        [
            _centre(
                "УЦ",
                "Действует",
                [
                    _entry(gpki.ca256.cert_der, thumbprint="00" * 20),
                    _entry(expired),
                    _entry(gpki.ca512.cert_der),
                ],
            )
        ]
    )

    trust_list = read_trust_list(data, "TSL.xml", TODAY)

    assert [c.der for c in trust_list.certificates] == [gpki.ca512.cert_der]
    assert trust_list.skipped[0] == ("УЦ: a certificate does not match its thumbprint in the list.")
    assert "Common Name: Old CA, Country: RU expired on" in trust_list.skipped[1]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"<root><a></root>", "not well-formed XML"),
        (b"<?xml version='1.0'?><TrustServiceStatusList/>", "not the list of accredited"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
            "DTD or entities",
        ),
        (b"just some text", "neither the Russian list"),
        (b"PK\x03\x04garbage", "zip file cannot be read"),
    ],
)
def test_bad_lists_are_one_sentence(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        read_trust_list(data, "list", TODAY)


# --- reading the Kazakh certificates ------------------------------------------------------------


def test_kazakh_zip(kz_zip: bytes, kz_root: bytes) -> None:
    trust_list = read_trust_list(kz_zip, "nca.zip", TODAY)

    assert trust_list.kind == "kz-nca"
    assert [c.der for c in trust_list.certificates] == [kz_root]
    assert not trust_list.certificates[0].qualified
    assert "370-II" in trust_list.certificates[0].review_note
    assert len(trust_list.skipped) == 1 and "expired on" in trust_list.skipped[0]


def test_non_kazakh_certificate_is_not_taken_as_nca(gpki: GostPki) -> None:
    with pytest.raises(InvalidInput, match="use 'trust import' for other certificates"):
        read_trust_list(gpki.ca256.cert_pem, "ca.pem", TODAY)


# --- the trust store -----------------------------------------------------------------------------


def test_import_list_records_source_date_and_qualified(cf: CaseFile, tsl: bytes) -> None:
    result = import_list(cf, tsl, "TSL.xml", TODAY)

    assert [c.subject for c in result.added] == [
        "Common Name: Test GOST CA 256, Organization: Test, Country: RU",
        "Common Name: Test GOST CA 512, Organization: Test, Country: RU",
    ]
    assert result.summary() == (
        "Russian list of accredited certification centres, version 812 of 2026-03-01: "
        "2 certificate(s) added, 0 updated, 0 already trusted, 1 left out."
    )
    listed = [anchor_to_dict(c) for c in list_anchors(cf)]
    assert {d["source"] for d in listed} == {"ru-tsl"}
    assert all(d["qualified"] and d["needs_legal_review"] for d in listed)
    assert all(d["imported_at"] == CLOCK.isoformat() for d in listed)
    assert listed[0]["source_detail"].endswith("version 812 of 2026-03-01")

    again = import_list(cf, tsl, "TSL.xml", TODAY)
    assert (again.added, again.updated, again.unchanged) == ((), (), 2)


def test_a_certificate_imported_by_hand_then_listed_takes_the_lists_source(
    cf: CaseFile, tsl: bytes, gpki: GostPki
) -> None:
    (manual,) = import_certificates(cf, gpki.ca256.cert_pem, today=TODAY)
    assert (manual.source, manual.qualified, manual.warnings) == ("manual", False, ())

    result = import_list(cf, tsl, "TSL.xml", TODAY)

    assert [c.id for c in result.updated] == [manual.id]
    assert cf.trust.get(manual.id).source == "ru-tsl"
    assert cf.trust.get(manual.id).qualified is True


def test_kazakh_folder_import(cf: CaseFile, tmp_path: Path, kz_root: bytes) -> None:
    folder = tmp_path / "nca"
    folder.mkdir()
    (folder / "root_rsa.cer").write_bytes(kz_root)

    result = import_list_path(cf, folder, TODAY)

    (anchor,) = list_anchors(cf)
    assert result.kind == "kz-nca"
    assert (anchor.source, anchor.qualified) == ("kz-nca", False)


def test_gost_pdf_is_valid_against_the_imported_list(
    cf: CaseFile, tsl: bytes, gpki: GostPki
) -> None:
    signed = gpki.sign_pdf(make_pdf(), gpki.user512b)
    assert verify_pdf(signed, cf.trust.ders()).verdict == "untrusted"

    import_list(cf, tsl, "TSL.xml", TODAY)

    assert verify_pdf(signed, cf.trust.ders()).verdict == "valid"


def test_import_list_is_all_or_nothing(cf: CaseFile) -> None:
    with pytest.raises(InvalidInput):
        import_list(cf, b"<x/>", "TSL.xml", TODAY)
    assert list_anchors(cf) == []


# --- the command line ----------------------------------------------------------------------------


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DPO_DESK_PASSPHRASE", "trust list cli passphrase")
    path = tmp_path / "cli.dpodesk"
    CaseFile.create(path, Key(passphrase="trust list cli passphrase")).casefile.close()

    def _run(*args: str) -> tuple[int, str, str]:
        reset_stdin()
        code = main(["--file", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_cli_import_list_and_listing(run, tmp_path: Path, tsl: bytes, kz_zip: bytes) -> None:
    (tmp_path / "TSL.xml").write_bytes(tsl)
    (tmp_path / "nca.zip").write_bytes(kz_zip)

    code, out, err = run("trust", "import-list", str(tmp_path / "TSL.xml"), "--json")
    assert (code, err) == (0, "")
    imported = json.loads(out)
    assert imported["kind"] == "ru-tsl" and len(imported["added"]) == 2

    code, out, _ = run("trust", "import-list", str(tmp_path / "nca.zip"))
    assert code == 0
    assert out.startswith("Kazakhstan NCA root and intermediate certificates: 1 certificate(s)")

    code, out, _ = run("trust", "list", "--json")
    listing = json.loads(out)
    assert code == 0
    assert sorted((d["source"], d["qualified"]) for d in listing) == [
        ("kz-nca", False),
        ("ru-tsl", True),
        ("ru-tsl", True),
    ]
    assert all(d["imported_at"] and d["source_detail"] for d in listing)

    code, out, _ = run("trust", "list")
    assert "from Russian list of accredited certification centres, version 812" in out
    assert "; qualified)" in out


def test_cli_bad_list_is_one_sentence_exit_2(run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<root><unclosed></root>")

    code, out, err = run("trust", "import-list", str(bad))
    assert (code, out) == (2, "")
    assert err.startswith("dpo-desk: The trust list is not well-formed XML")
    assert err.count("\n") == 1

    code, _, err = run("trust", "import-list", str(tmp_path / "missing.xml"))
    assert code == 2 and "does not exist" in err


def test_cli_trusts_a_gost_ca_and_verifies_a_gost_pdf(run, tmp_path: Path, gpki: GostPki) -> None:
    """The headless path end to end: a GOST CA into the trust store, a GOST PDF checked."""
    ca = tmp_path / "gost-ca.cer"
    ca.write_bytes(gpki.ca256.cert_der)
    signed = tmp_path / "request.pdf"
    signed.write_bytes(gpki.sign_pdf(make_pdf(), gpki.user256))

    code, out, _ = run("trust", "import", str(ca), "--json")
    assert code == 0
    (trusted,) = json.loads(out)
    assert trusted["warnings"] == [] and trusted["source"] == "manual"

    code, out, _ = run("verify-signature", str(signed), "--trust", str(ca), "--json")
    report = json.loads(out)
    assert (code, report["verdict"]) == (0, "valid")
    assert report["signatures"][0]["algorithm"].startswith("GOST R 34.10-2012 (256-bit)")
