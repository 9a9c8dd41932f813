"""``dpo-desk verify-signature``, run in-process: JSON contract, text output, exit codes."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from dpo_desk.cli import main

SIGNATURE_KEYS = {
    "signer",
    "signing_time",
    "algorithm",
    "intact",
    "valid",
    "trusted",
    "covers_whole_document",
    "problems",
}
DOCUMENT = b"Copy of my identity card, signed.\n"


def _certificate(common_name, key, issuer=None, issuer_key=None, *, ca=False, email=None):
    now = dt.datetime.now(dt.UTC)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )
    if email:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
        )
    return builder.sign(issuer_key or key, hashes.SHA256())


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A root, a signer, and the same statement signed as a PDF, a .p7s and an S/MIME email."""
    folder = tmp_path_factory.mktemp("signed")
    root_key = ec.generate_private_key(ec.SECP256R1())
    root = _certificate("CLI Test Root", root_key, ca=True)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _certificate("Dana Signer", key, root, root_key, email="dana@example.org")
    paths = {
        "root": folder / "root.pem",
        "signer": folder / "signer.pem",
        "key": folder / "signer.key",
        "document": folder / "statement.txt",
    }
    paths["root"].write_bytes(root.public_bytes(serialization.Encoding.PEM))
    paths["signer"].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths["key"].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    paths["document"].write_bytes(DOCUMENT)
    openssl = shutil.which("openssl") or "openssl"
    signer_args = ["-signer", str(paths["signer"]), "-inkey", str(paths["key"])]
    paths["p7s"] = folder / "statement.p7s"
    subprocess.run(
        [openssl, "cms", "-sign", "-binary", *signer_args, "-outform", "DER"]
        + ["-in", str(paths["document"]), "-out", str(paths["p7s"])],
        check=True,
    )
    paths["eml"] = folder / "request.eml"
    subprocess.run(
        [openssl, "smime", "-sign", "-text", *signer_args, "-from", "dana@example.org"]
        + ["-subject", "request", "-in", str(paths["document"]), "-out", str(paths["eml"])],
        check=True,
    )
    paths["pdf"] = folder / "request.pdf"
    paths["pdf"].write_bytes(_signed_pdf(cert, key))
    return paths


def _signed_pdf(cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> bytes:
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Please give me access to my data.")
    page.showPage()
    page.save()
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
        cert_registry=SimpleCertificateStore(),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(buffer.getvalue()))
    output = signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="Sig"), signer=signer)
    return output.getvalue()


def _run_json(capsys, *argv: str | Path) -> dict:
    code = main(["verify-signature", *map(str, argv), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


@pytest.mark.parametrize(
    ("name", "kind", "detached"),
    [("pdf", "pdf", None), ("document", "cms", "p7s"), ("eml", "smime", None)],
)
def test_json_contract_for_each_kind(capsys, files, name, kind, detached):
    argv: list[str | Path] = [files[name], "--trust", files["root"]]
    if detached:
        argv += ["--detached", files[detached]]

    data = _run_json(capsys, *argv)

    assert data["kind"] == kind
    assert data["verdict"] == "valid"
    (signature,) = data["signatures"]
    assert signature.keys() >= SIGNATURE_KEYS
    assert signature["signer"] == "Dana Signer"
    assert signature["algorithm"] == "ecdsa-with-SHA256"
    assert (signature["intact"], signature["valid"], signature["trusted"]) == (True, True, True)
    assert dt.datetime.fromisoformat(signature["signing_time"]).tzinfo is not None
    assert signature["problems"] == []
    if kind == "pdf":
        assert signature["covers_whole_document"] is True
    else:
        assert signature["covers_whole_document"] is None


def test_nothing_trusted_without_trust(capsys, files):
    data = _run_json(capsys, files["pdf"])

    assert data["verdict"] == "untrusted"
    assert data["signatures"][0]["trusted"] is False


def test_trust_takes_several_certificates(capsys, files):
    data = _run_json(capsys, files["pdf"], "--trust", files["signer"], files["root"])

    assert data["verdict"] == "valid"


def test_tampered_file_is_invalid_with_exit_zero(capsys, files, tmp_path):
    tampered = tmp_path / "statement.txt"
    tampered.write_bytes(DOCUMENT.replace(b"identity", b"IDENTITY"))

    data = _run_json(capsys, tampered, "--detached", files["p7s"], "--trust", files["root"])

    assert data["verdict"] == "invalid"
    assert data["signatures"][0]["intact"] is False


def test_garbage_file_is_malformed_with_exit_zero(capsys, tmp_path):
    garbage = tmp_path / "scan.pdf"
    garbage.write_bytes(b"%PDF-1.4\n\x00\xff garbage")

    data = _run_json(capsys, garbage)

    assert data["kind"] == "pdf"
    assert data["verdict"] == "malformed"
    assert data["reason"]


def test_human_output(capsys, files):
    code = main(["verify-signature", str(files["eml"]), "--trust", str(files["root"])])
    out = capsys.readouterr().out

    assert code == 0
    assert out.startswith("S/MIME email: VALID\n")
    assert "Dana Signer <dana@example.org>" in out
    assert "signer's certificate names the sender: yes" in out
    assert "intact yes, valid yes, trusted yes" in out
    assert "Revocation:  not checked" in out


def test_missing_file_is_a_usage_error(capsys, tmp_path):
    code = main(["verify-signature", str(tmp_path / "absent.pdf")])
    captured = capsys.readouterr()

    assert code == 2
    assert captured.out == ""
    assert captured.err == f"dpo-desk: The file {tmp_path / 'absent.pdf'} does not exist.\n"


def test_missing_detached_signature_is_a_usage_error(capsys, files, tmp_path):
    code = main(["verify-signature", str(files["document"]), "--detached", str(tmp_path / "x")])

    assert code == 2
    assert "signature file" in capsys.readouterr().err


def test_folder_is_a_usage_error(capsys, tmp_path):
    code = main(["verify-signature", str(tmp_path)])

    assert code == 2
    assert "is not a file" in capsys.readouterr().err


def test_unreadable_trust_certificate_names_the_file(capsys, files):
    code = main(["verify-signature", str(files["pdf"]), "--trust", str(files["document"])])
    err = capsys.readouterr().err

    assert code == 2
    assert str(files["document"]) in err
    assert "certificate could not be read" in err


def test_detached_signature_alone_is_a_usage_error(capsys, files):
    code = main(["verify-signature", str(files["p7s"])])

    assert code == 2
    assert "--detached" in capsys.readouterr().err


def test_no_file_argument_is_an_argparse_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["verify-signature"])

    assert caught.value.code == 2
    assert "FILE" in capsys.readouterr().err
