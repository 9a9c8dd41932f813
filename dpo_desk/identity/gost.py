"""GOST signatures: GOST R 34.10-2012 (256/512-bit) with GOST R 34.11-2012 (Streebog) and
GOST R 34.10-2001 with GOST R 34.11-94, in CMS, S/MIME and PDF, with certificate chains signed in
GOST.

pyHanko cannot check these (its certificate validator and CMS code know no GOST algorithm), so
``signatures.py`` hands a signer whose algorithms are known Russian GOST ones to
:func:`check_cms_signer` or :func:`check_pdf_signature`, which answer with the same
:class:`SignatureCheck` facts and verdicts (``valid``, ``invalid``, ``untrusted``,
``unsupported``, ``malformed``).

The elliptic-curve mathematics and Streebog are ``gostcrypto`` (pure Python, pinned); GOST R
34.11-94, which gostcrypto lacks, is implemented below from the standard and checked against
OpenSSL's GOST engine. gostcrypto's byte order differs from the one certificates and CMS use
(found against signatures made by OpenSSL's GOST engine), so every value is converted here and
nowhere else:

- a public key is the OCTET STRING inside the certificate's BIT STRING: X then Y, each
  little-endian; gostcrypto wants each coordinate big-endian;
- a signature value is ``s || r``; gostcrypto wants ``r || s``;
- a digest is passed to gostcrypto reversed (it reads the digest as a little-endian number).

What is checked: the signed attributes' message digest against the content (or the PDF's byte
ranges), the signature value against the signer's certificate, every certificate's signature up
to a certificate the DPO trusts, every certificate's validity period (now), that each issuer is a
CA, and the signer's key usage; for PDFs, coverage and later changes (pyHanko's diff analysis).
What is not: revocation (offline: "not checked", as for RSA), certificate policies, name
constraints and path-length limits, GOST document timestamps in PDFs (they stay
``unsupported``), and content over 10 MB signed with GOST R 34.11-94 (pure Python: 7-9 s per MB).
Kazakh GOST 34.310 (arc 1.2.398) stays ``unsupported``.

Importing this module also teaches asn1crypto to *read* certificates with GOST keys (Russian and
Kazakh arcs), so such a CA certificate can be imported into the trust store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final

from asn1crypto import cms, core, keys
from asn1crypto import x509 as asn1_x509

if TYPE_CHECKING:
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

    from .signatures import SignatureCheck

__all__ = [
    "GOST_ARC",
    "check_cms_signer",
    "check_pdf_signature",
    "handles",
    "is_gost_certificate",
    "qualified_marks",
    "verify_certificate_signature",
]

GOST_ARC: Final = "1.2.643."
KAZAKH_ARC: Final = "1.2.398."

# Public key algorithms: OID -> (name, coordinate size in bytes).
KEY_ALGORITHMS: Final = {
    "1.2.643.2.2.19": ("GOST R 34.10-2001", 32),
    "1.2.643.7.1.1.1.1": ("GOST R 34.10-2012 (256-bit)", 32),
    "1.2.643.7.1.1.1.2": ("GOST R 34.10-2012 (512-bit)", 64),
}

# Signature algorithms (certificates, and some CMS signers): OID -> (key size, digest OID).
SIGNATURE_ALGORITHMS: Final = {
    "1.2.643.2.2.3": (32, "1.2.643.2.2.9"),
    "1.2.643.7.1.1.3.2": (32, "1.2.643.7.1.1.2.2"),
    "1.2.643.7.1.1.3.3": (64, "1.2.643.7.1.1.2.3"),
}

DIGESTS: Final = {
    "1.2.643.7.1.1.2.2": "GOST R 34.11-2012 (Streebog-256)",
    "1.2.643.7.1.1.2.3": "GOST R 34.11-2012 (Streebog-512)",
    "1.2.643.2.2.9": "GOST R 34.11-94",
}
_STREEBOG: Final = {"1.2.643.7.1.1.2.2": "streebog256", "1.2.643.7.1.1.2.3": "streebog512"}

# Curve parameter sets (by OID, never by letter) -> gostcrypto's names (R 1323565.1.024-2019).
# The CryptoPro sets of RFC 4357 are the same curves as TC 26's 256-bit sets B, C and D.
CURVES: Final = {
    "1.2.643.2.2.35.1": "id-tc26-gost-3410-2012-256-paramSetB",  # CryptoPro-A
    "1.2.643.2.2.35.2": "id-tc26-gost-3410-2012-256-paramSetC",  # CryptoPro-B
    "1.2.643.2.2.35.3": "id-tc26-gost-3410-2012-256-paramSetD",  # CryptoPro-C
    "1.2.643.2.2.36.0": "id-tc26-gost-3410-2012-256-paramSetB",  # CryptoPro-XchA (= A)
    "1.2.643.2.2.36.1": "id-tc26-gost-3410-2012-256-paramSetD",  # CryptoPro-XchB (= C)
    "1.2.643.7.1.2.1.1.1": "id-tc26-gost-3410-2012-256-paramSetA",
    "1.2.643.7.1.2.1.1.2": "id-tc26-gost-3410-2012-256-paramSetB",
    "1.2.643.7.1.2.1.1.3": "id-tc26-gost-3410-2012-256-paramSetC",
    "1.2.643.7.1.2.1.1.4": "id-tc26-gost-3410-2012-256-paramSetD",
    "1.2.643.7.1.2.1.2.1": "id-tc26-gost-3410-12-512-paramSetA",
    "1.2.643.7.1.2.1.2.2": "id-tc26-gost-3410-12-512-paramSetB",
    "1.2.643.7.1.2.1.2.3": "id-tc26-gost-3410-2012-512-paramSetC",
}

# Russian qualified certificates (Order of the FSB of Russia No. 795 of 27 December 2011, "the
# form of a qualified certificate"): the subject's and the issuer's signature tools, and the
# class of the subject's signature tool as a certificate policy.
SUBJECT_SIGN_TOOL: Final = "1.2.643.100.111"
ISSUER_SIGN_TOOL: Final = "1.2.643.100.112"
SIGN_TOOL_CLASSES: Final = {
    "1.2.643.100.113.1": "КС1",
    "1.2.643.100.113.2": "КС2",
    "1.2.643.100.113.3": "КС3",
    "1.2.643.100.113.4": "КВ1",
    "1.2.643.100.113.5": "КВ2",
    "1.2.643.100.113.6": "КА1",
}
# Subject identifiers of Russian qualified certificates (same order).
OGRN: Final = "1.2.643.100.1"
SNILS: Final = "1.2.643.100.3"
INN_LE: Final = "1.2.643.100.4"
OGRNIP: Final = "1.2.643.100.5"
INN: Final = "1.2.643.3.131.1.1"

_MAX_CHAIN: Final = 12


# --- asn1crypto: read certificates with GOST keys ---------------------------------------------


def _register_asn1crypto() -> None:
    """Let asn1crypto parse a GOST SubjectPublicKeyInfo (it raises KeyError on the OID).

    The key stays an opaque BIT STRING; this module decodes it itself. Idempotent.
    """
    original = keys.PublicKeyInfo._spec_callbacks["public_key"]
    if getattr(original, "_dpo_gost", False):
        return

    def public_key_spec(self: keys.PublicKeyInfo) -> Any:
        oid = self["algorithm"]["algorithm"].dotted
        if oid.startswith((GOST_ARC, KAZAKH_ARC)):
            return (core.OctetBitString, None)
        return original(self)

    public_key_spec._dpo_gost = True  # type: ignore[attr-defined]
    keys.PublicKeyInfo._spec_callbacks = {
        **keys.PublicKeyInfo._spec_callbacks,
        "public_key": public_key_spec,
    }


_register_asn1crypto()


class _KeyParameters(core.Sequence):
    """GostR3410-2012-PublicKeyParameters (RFC 4491 / RFC 9215)."""

    _fields = [
        ("public_key_param_set", core.ObjectIdentifier),
        ("digest_param_set", core.ObjectIdentifier, {"optional": True}),
        ("encryption_param_set", core.ObjectIdentifier, {"optional": True}),
    ]


# --- what is handled here ----------------------------------------------------------------------


def is_gost_certificate(cert: asn1_x509.Certificate) -> bool:
    """The certificate's key is a Russian GOST key."""
    try:
        return _key_oid(cert) in KEY_ALGORITHMS
    except Exception:
        return False


def handles(signer_info: cms.SignerInfo) -> bool:
    """The signer used a known Russian GOST signature and digest algorithm: this module checks
    it (or says why it cannot). Unknown GOST OIDs stay with ``signatures.py`` (``unsupported``).
    """
    try:
        signature = signer_info["signature_algorithm"]["algorithm"].dotted
        digest_oid = signer_info["digest_algorithm"]["algorithm"].dotted
    except Exception:
        return False
    known_signature = signature in KEY_ALGORITHMS or signature in SIGNATURE_ALGORITHMS
    return known_signature and digest_oid in DIGESTS


# --- the mathematics -----------------------------------------------------------------------------


class GostError(ValueError):
    """A GOST value that cannot be checked here; the message is one sentence for the DPO."""


@dataclass(frozen=True)
class PublicKey:
    algorithm: str
    size: int  # bytes per coordinate: 32 or 64
    curve_oid: str
    point_le: bytes  # X || Y, each little-endian, as in the certificate


def public_key(cert: asn1_x509.Certificate) -> PublicKey:
    """The GOST public key of a certificate. Raises :class:`GostError` otherwise."""
    spki = cert["tbs_certificate"]["subject_public_key_info"]
    oid = spki["algorithm"]["algorithm"].dotted
    if oid not in KEY_ALGORITHMS:
        raise GostError(f"The certificate's key ({oid}) is not a GOST R 34.10 key.")
    name, size = KEY_ALGORITHMS[oid]
    try:
        params = _KeyParameters.load(spki["algorithm"]["parameters"].dump())
        curve_oid = params["public_key_param_set"].dotted
        bits = spki["public_key"].contents[1:]  # skip the unused-bits byte
        point = core.OctetString.load(bits).native
    except Exception as exc:
        raise GostError("The certificate's GOST public key is unreadable.") from exc
    if curve_oid not in CURVES:
        raise GostError(f"The GOST curve {curve_oid} of the certificate is not known.")
    if len(point) != 2 * size:
        raise GostError("The certificate's GOST public key has the wrong length.")
    return PublicKey(name, size, curve_oid, bytes(point))


def digest(oid: str, data: bytes) -> bytes:
    """The digest as CMS and OpenSSL write it (Streebog via gostcrypto; GOST R 34.11-94 here).

    Raises :class:`GostError` for an unknown digest or a 34.11-94 input over the size limit.
    """
    if oid == GOST94:
        if len(data) > MAX_GOST94_BYTES:
            raise GostError(
                "The signed content is larger than 10 MB, too large for DPO Desk's "
                "GOST R 34.11-94 digest (pure Python)."
            )
        return gost94(data)
    name = _STREEBOG.get(oid)
    if name is None:
        raise GostError(f"The digest {DIGESTS.get(oid, oid)} is not a GOST digest known here.")
    return streebog(data, 32 if name == "streebog256" else 64)


# --- GOST R 34.11-2012 (Streebog) -----------------------------------------------------------------
# The same function as gostcrypto's, on 512-bit Python integers instead of byte arrays: about three
# times faster (benchmarks/gost_digests.py). Its tables (the combined S, P, L transformation and
# the round constants) are read from the pinned gostcrypto, and a test checks every length class
# against gostcrypto's own digest and OpenSSL's.

_M512: Final = (1 << 512) - 1
_STREEBOG_T: tuple[tuple[int, ...], ...] = ()
_STREEBOG_C: tuple[int, ...] = ()


def _streebog_tables() -> bool:
    global _STREEBOG_T, _STREEBOG_C
    if not _STREEBOG_T:
        try:
            from gostcrypto.gosthash import gost_34_11_2012 as reference

            _STREEBOG_T = tuple(tuple(int(v) for v in row) for row in reference._T)
            _STREEBOG_C = tuple(int.from_bytes(bytes(c), "little") for c in reference._C)
        except (ImportError, AttributeError, TypeError):  # another gostcrypto: its own API
            return False
    return len(_STREEBOG_T) == 8 and len(_STREEBOG_C) == 12


def _lps512(x: int) -> int:
    """Streebog's L(P(S(x))) on a 512-bit little-endian number, by table."""
    t0, t1, t2, t3, t4, t5, t6, t7 = _STREEBOG_T
    b = x.to_bytes(64, "little")
    return (
        (
            t0[b[0]]
            ^ t1[b[8]]
            ^ t2[b[16]]
            ^ t3[b[24]]
            ^ t4[b[32]]
            ^ t5[b[40]]
            ^ t6[b[48]]
            ^ t7[b[56]]
        )
        | (
            t0[b[1]]
            ^ t1[b[9]]
            ^ t2[b[17]]
            ^ t3[b[25]]
            ^ t4[b[33]]
            ^ t5[b[41]]
            ^ t6[b[49]]
            ^ t7[b[57]]
        )
        << 64
        | (
            t0[b[2]]
            ^ t1[b[10]]
            ^ t2[b[18]]
            ^ t3[b[26]]
            ^ t4[b[34]]
            ^ t5[b[42]]
            ^ t6[b[50]]
            ^ t7[b[58]]
        )
        << 128
        | (
            t0[b[3]]
            ^ t1[b[11]]
            ^ t2[b[19]]
            ^ t3[b[27]]
            ^ t4[b[35]]
            ^ t5[b[43]]
            ^ t6[b[51]]
            ^ t7[b[59]]
        )
        << 192
        | (
            t0[b[4]]
            ^ t1[b[12]]
            ^ t2[b[20]]
            ^ t3[b[28]]
            ^ t4[b[36]]
            ^ t5[b[44]]
            ^ t6[b[52]]
            ^ t7[b[60]]
        )
        << 256
        | (
            t0[b[5]]
            ^ t1[b[13]]
            ^ t2[b[21]]
            ^ t3[b[29]]
            ^ t4[b[37]]
            ^ t5[b[45]]
            ^ t6[b[53]]
            ^ t7[b[61]]
        )
        << 320
        | (
            t0[b[6]]
            ^ t1[b[14]]
            ^ t2[b[22]]
            ^ t3[b[30]]
            ^ t4[b[38]]
            ^ t5[b[46]]
            ^ t6[b[54]]
            ^ t7[b[62]]
        )
        << 384
        | (
            t0[b[7]]
            ^ t1[b[15]]
            ^ t2[b[23]]
            ^ t3[b[31]]
            ^ t4[b[39]]
            ^ t5[b[47]]
            ^ t6[b[55]]
            ^ t7[b[63]]
        )
        << 448
    )


def _g512(h: int, n: int, m: int) -> int:
    k = _lps512(h ^ n)
    state = k ^ m
    for constant in _STREEBOG_C:
        state = _lps512(state)
        k = _lps512(k ^ constant)
        state ^= k
    return state ^ h ^ m


def streebog(data: bytes, size: int) -> bytes:
    """GOST R 34.11-2012 with a 32- or 64-byte result, as gostcrypto and OpenSSL write it."""
    if not _streebog_tables():
        import gostcrypto.gosthash

        name = "streebog256" if size == 32 else "streebog512"
        return bytes(gostcrypto.gosthash.new(name, data=bytearray(data)).digest())
    h = int.from_bytes(b"\x01" * 64, "little") if size == 32 else 0
    n = sigma = 0
    full = len(data) - len(data) % 64
    for offset in range(0, full, 64):
        m = int.from_bytes(data[offset : offset + 64], "little")
        h = _g512(h, n, m)
        n = (n + 512) & _M512
        sigma = (sigma + m) & _M512
    rest = data[full:]
    m = int.from_bytes(rest + b"\x01" + b"\x00" * (63 - len(rest)), "little")
    h = _g512(h, n, m)
    n = (n + 8 * len(rest)) & _M512
    sigma = (sigma + m) & _M512
    h = _g512(h, 0, n)
    h = _g512(h, 0, sigma)
    return h.to_bytes(64, "little")[-size:]


# --- GOST R 34.11-94 ------------------------------------------------------------------------------
# gostcrypto has no GOST R 34.11-94, the digest of GOST R 34.10-2001 signatures. It is written here
# from the standard (GOST R 34.11-94, with the S-boxes of id-GostR3411-94-CryptoProParamSet,
# RFC 4357 section 11.2, which OpenSSL's engine and CryptoPro use) and tested against OpenSSL.
# Numbers are little-endian: byte 0 of a block is its least significant byte.

GOST94: Final = "1.2.643.2.2.9"
MAX_GOST94_BYTES: Final = 10 * 1024 * 1024

_SBOX94: Final = (  # k1 (the lowest nibble) .. k8
    (0xA, 0x4, 0x5, 0x6, 0x8, 0x1, 0x3, 0x7, 0xD, 0xC, 0xE, 0x0, 0x9, 0x2, 0xB, 0xF),
    (0x5, 0xF, 0x4, 0x0, 0x2, 0xD, 0xB, 0x9, 0x1, 0x7, 0x6, 0x3, 0xC, 0xE, 0xA, 0x8),
    (0x7, 0xF, 0xC, 0xE, 0x9, 0x4, 0x1, 0x0, 0x3, 0xB, 0x5, 0x2, 0x6, 0xA, 0x8, 0xD),
    (0x4, 0xA, 0x7, 0xC, 0x0, 0xF, 0x2, 0x8, 0xE, 0x1, 0x6, 0x5, 0xD, 0xB, 0x9, 0x3),
    (0x7, 0x6, 0x4, 0xB, 0x9, 0xC, 0x2, 0xA, 0x1, 0x8, 0x0, 0xE, 0xF, 0xD, 0x3, 0x5),
    (0x7, 0x6, 0x2, 0x4, 0xD, 0x9, 0xF, 0x0, 0xA, 0x1, 0x5, 0xB, 0x8, 0xE, 0xC, 0x3),
    (0xD, 0xE, 0x4, 0x1, 0x7, 0x0, 0x5, 0xA, 0x3, 0xC, 0x8, 0xF, 0x6, 0x2, 0x9, 0xB),
    (0x1, 0x3, 0xA, 0x9, 0x5, 0xB, 0x4, 0xF, 0x8, 0x6, 0x7, 0xE, 0xD, 0x0, 0x2, 0xC),
)
_M32: Final = 0xFFFFFFFF
_M64: Final = (1 << 64) - 1
_M256: Final = (1 << 256) - 1
_C3: Final = 0xFF00FFFF000000FFFF0000FF00FFFF0000FF00FF00FF00FFFF00FF00FF00FF00


def _rotl11(value: int) -> int:
    return ((value << 11) | (value >> 21)) & _M32


# GOST 28147-89's round function on one byte of the word: two S-boxes, then the rotation by 11
# (both linear over the bytes' positions, so the four lookups are XORed).
_ROUND_TABLES: Final = tuple(
    tuple(
        _rotl11((_SBOX94[2 * i][b & 15] | _SBOX94[2 * i + 1][b >> 4] << 4) << (8 * i))
        for b in range(256)
    )
    for i in range(4)
)
# phi: byte i + 1 + 4(k - 1) of the result is byte 8i + k of the input (0-based here)
_PHI: Final = tuple(8 * (j % 4) + j // 4 for j in range(32))


def _gost28147_encrypt(key: int, block: int) -> int:
    t0, t1, t2, t3 = _ROUND_TABLES
    words = [(key >> (32 * i)) & _M32 for i in range(8)]
    n1, n2 = block & _M32, block >> 32
    for k in words * 3 + words[::-1]:
        x = (n1 + k) & _M32
        n1, n2 = t0[x & 255] ^ t1[(x >> 8) & 255] ^ t2[(x >> 16) & 255] ^ t3[x >> 24] ^ n2, n1
    return (n1 << 32) | n2  # the last round does not swap


def _a94(y: int) -> int:
    y1, y2 = y & _M64, (y >> 64) & _M64
    return (y >> 64) | ((y1 ^ y2) << 192)


def _p94(y: int) -> int:
    data = y.to_bytes(32, "little")
    return int.from_bytes(bytes(data[i] for i in _PHI), "little")


def _psi94(y: int) -> int:
    word = (y ^ (y >> 16) ^ (y >> 32) ^ (y >> 48) ^ (y >> 192) ^ (y >> 240)) & 0xFFFF
    return (y >> 16) | (word << 240)


def _step94(h: int, m: int) -> int:
    u, v = h, m
    keys = [_p94(u ^ v)]
    for constant in (0, _C3, 0):
        u = _a94(u) ^ constant
        v = _a94(_a94(v))
        keys.append(_p94(u ^ v))
    s = 0
    for i, key in enumerate(keys):
        s |= _gost28147_encrypt(key, (h >> (64 * i)) & _M64) << (64 * i)
    for _ in range(12):
        s = _psi94(s)
    s = _psi94(s ^ m) ^ h
    for _ in range(61):
        s = _psi94(s)
    return s


def gost94(data: bytes) -> bytes:
    """GOST R 34.11-94 (CryptoPro parameters), as OpenSSL's ``md_gost94`` writes it."""
    h, total, length = 0, 0, len(data)
    for offset in range(0, length, 32):
        m = int.from_bytes(data[offset : offset + 32].ljust(32, b"\0"), "little")
        h = _step94(h, m)
        total = (total + m) & _M256
    h = _step94(h, (length * 8) & _M256)
    h = _step94(h, total)
    return h.to_bytes(32, "little")


def verify_raw(key: PublicKey, message_digest: bytes, signature: bytes) -> bool:
    """Check a GOST R 34.10 signature value (``s || r``) over a digest (as CMS writes it)."""
    import gostcrypto.gostsignature as gs

    size = key.size
    if len(signature) != 2 * size or len(message_digest) != size:
        return False
    x, y = key.point_le[:size][::-1], key.point_le[size:][::-1]
    mode = gs.MODE_256 if size == 32 else gs.MODE_512
    try:
        signer = gs.new(mode, gs.CURVES_R_1323565_1_024_2019[CURVES[key.curve_oid]])
        return bool(
            signer.verify(
                bytearray(x + y),
                bytearray(message_digest[::-1]),
                bytearray(signature[size:] + signature[:size]),
            )
        )
    except Exception:  # gostcrypto raises on out-of-range values: a wrong signature
        return False


def verify_certificate_signature(
    cert: asn1_x509.Certificate, issuer: asn1_x509.Certificate
) -> bool:
    """Does ``issuer``'s key sign ``cert``? GOST via gostcrypto; others via ``cryptography``."""
    algorithm = cert["signature_algorithm"]["algorithm"].dotted
    if algorithm in SIGNATURE_ALGORITHMS:
        size, digest_oid = SIGNATURE_ALGORITHMS[algorithm]
        try:
            key = public_key(issuer)
            tbs_digest = digest(digest_oid, cert["tbs_certificate"].dump())
        except GostError:
            return False
        if key.size != size:
            return False
        return verify_raw(key, tbs_digest, bytes(cert["signature_value"].native))
    if algorithm.startswith((GOST_ARC, KAZAKH_ARC)):
        return False
    try:
        from cryptography import x509 as crypto_x509

        child = crypto_x509.load_der_x509_certificate(cert.dump())
        parent = crypto_x509.load_der_x509_certificate(issuer.dump())
        child.verify_directly_issued_by(parent)
    except Exception:
        return False
    return True


# --- CMS ------------------------------------------------------------------------------------------


def check_cms_signer(
    signed_data: cms.SignedData,
    signer_info: cms.SignerInfo,
    content: bytes | None,
    roots: Sequence[asn1_x509.Certificate],
    *,
    other_certs: Iterable[asn1_x509.Certificate] = (),
    field: str | None = None,
) -> SignatureCheck:
    """Check one GOST signer of a CMS SignedData (attached, detached or S/MIME).

    ``content`` is the detached content (or the S/MIME part); for an enveloping signature it may
    be ``None``. Never raises for a hostile signature: the answer is a check with a verdict.
    """
    from .signatures import _failed_check

    try:
        encapsulated = signed_data["encap_content_info"]["content"].native
    except Exception:
        return _failed_check("malformed", "The signed content is unreadable.", field=field)
    problems: list[str] = []
    if encapsulated is not None:
        signed_bytes = bytes(encapsulated)
        if content is not None and signed_bytes != content:
            problems.append(
                "The signature carries its own copy of the signed content, "
                "which differs from the file given."
            )
    elif content is None:
        return _failed_check(
            "malformed", "The signature is detached and the signed file was not given.", field=field
        )
    else:
        signed_bytes = content
    check = _check_signer(
        signed_data, signer_info, signed_bytes, roots, other_certs=other_certs, field=field
    )
    if problems:
        from .signatures import _with_problem

        check = _with_problem(check, problems[0], status="invalid")
    return check


def check_pdf_signature(
    embedded: EmbeddedPdfSignature,
    roots: Sequence[asn1_x509.Certificate],
    dss_certs: Iterable[asn1_x509.Certificate] = (),
) -> SignatureCheck:
    """Check a GOST signature in a PDF (PAdES/CAdES over the /ByteRange, as CryptoPro makes it)."""
    from dataclasses import replace

    from .signatures import _failed_check

    field = embedded.field_name
    try:
        signed_bytes = _byte_range_content(embedded)
    except Exception:
        return _failed_check("malformed", "The signature's byte range is unreadable.", field=field)
    check = _check_signer(
        embedded.signed_data,
        embedded.signer_info,
        signed_bytes,
        roots,
        other_certs=dss_certs,
        field=field,
    )
    covers_whole, modification = _pdf_modification(embedded)
    problems = list(check.problems)
    status = check.status
    if modification == "disallowed":
        problems.append(
            "The document was changed after this signature in a way that is not permitted."
        )
        if status not in ("malformed",):
            status = "invalid"
    return replace(
        check,
        covers_whole_document=covers_whole,
        modification=modification,
        problems=tuple(problems),
        status=status,
    )


def _byte_range_content(embedded: EmbeddedPdfSignature) -> bytes:
    byte_range = list(embedded.byte_range)
    if len(byte_range) % 2 or not byte_range:
        raise ValueError("odd byte range")
    stream = embedded.reader.stream
    parts = []
    for offset, length in zip(byte_range[::2], byte_range[1::2], strict=True):
        stream.seek(int(offset))
        chunk = stream.read(int(length))
        if len(chunk) != int(length):
            raise ValueError("byte range beyond the file")
        parts.append(chunk)
    return b"".join(parts)


def _pdf_modification(embedded: EmbeddedPdfSignature) -> tuple[bool | None, str | None]:
    """Coverage and later changes, as pyHanko's diff analysis sees them (no cryptography)."""
    from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    try:
        coverage = embedded.evaluate_signature_coverage()
    except Exception:
        return None, "disallowed"
    if coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True, "none"
    try:
        embedded.coverage = coverage  # evaluate_modifications reads it
        result = embedded.evaluate_modifications(DEFAULT_DIFF_POLICY)
        docmdp = embedded.docmdp_level
    except Exception:
        return False, "disallowed"
    level = getattr(result, "modification_level", None)
    if level == ModificationLevel.NONE:
        return False, "none"
    if level is None or level == ModificationLevel.OTHER:
        return False, "disallowed"
    if docmdp is not None and level.value > docmdp.value:  # beyond what the signer allowed
        return False, "disallowed"
    return False, "permitted"


def _check_signer(
    signed_data: cms.SignedData,
    signer_info: cms.SignerInfo,
    signed_bytes: bytes,
    roots: Sequence[asn1_x509.Certificate],
    *,
    other_certs: Iterable[asn1_x509.Certificate],
    field: str | None,
) -> SignatureCheck:
    from .signatures import (
        NOT_CHECKED,
        SignatureCheck,
        _as_utc,
        _certificate_emails,
        _certificate_name,
        _embedded_certificates,
        _failed_check,
        _find_signer_certificate,
        _name_text,
        _signing_time_attribute,
        certificate_subject,
    )

    try:
        digest_oid = signer_info["digest_algorithm"]["algorithm"].dotted
        signature_oid = signer_info["signature_algorithm"]["algorithm"].dotted
        signature = bytes(signer_info["signature"].native)
    except Exception:
        return _failed_check("malformed", "The signer's algorithms are unreadable.", field=field)
    cert = _find_signer_certificate(signed_data, signer_info)
    if cert is None:
        return _failed_check(
            "malformed", "The signer's certificate is not in the signature.", field=field
        )
    emails = _certificate_emails(cert)
    try:
        signing_time = _as_utc(_signing_time_attribute(signer_info))
    except Exception:
        signing_time = None
    names, identifiers = certificate_subject(cert)  # what binds the signer to the data subject
    base = SignatureCheck(
        signer_names=names,
        signer_identifiers=identifiers,
        signer=_certificate_name(cert),
        signer_email=emails[0] if emails else None,
        signing_time=signing_time,
        algorithm=_algorithm_name(cert, digest_oid, signature_oid),
        field=field,
        issuer=_name_text(cert.issuer),
        certificate_sha256=cert.sha256.hex(),
        signer_emails=tuple(emails),
    )
    from dataclasses import replace

    if digest_oid not in DIGESTS:
        problem = f"The digest {digest_oid} is not a GOST digest known here."
        return replace(base, problems=(problem,), status="unsupported")
    if not is_gost_certificate(cert):
        problem = (
            "The signature names a GOST algorithm but the signer's certificate holds a "
            f"non-GOST key ({_key_oid_name(cert)}): it cannot have made this signature."
        )
        return replace(base, intact=None, valid=False, problems=(problem,), status="invalid")
    try:
        key = public_key(cert)
    except GostError as exc:
        return replace(base, problems=(str(exc),), status="unsupported")
    if signature_oid in SIGNATURE_ALGORITHMS and SIGNATURE_ALGORITHMS[signature_oid][0] != key.size:
        return replace(
            base,
            problems=("The signature algorithm does not match the signer's key size.",),
            status="invalid",
            intact=None,
            valid=False,
        )

    # 1. integrity: the signed attributes' message digest against the content
    try:
        content_digest = digest(digest_oid, signed_bytes)
    except GostError as exc:
        return replace(base, problems=(str(exc),), status="unsupported")
    signed_attrs = signer_info["signed_attrs"]
    has_attrs = signed_attrs.native is not None and len(signed_attrs) > 0
    if has_attrs:
        claimed = _attribute(signed_attrs, "message_digest")
        intact = claimed is not None and bytes(claimed) == content_digest
        to_sign = digest(digest_oid, signed_attrs.untag().dump())
    else:
        intact = True
        to_sign = content_digest
    # 2. the signature value
    valid = verify_raw(key, to_sign, signature)

    problems: list[str] = []
    if not intact:
        problems.append("The signed content was changed after signing (its digest differs).")
    elif not valid:
        problems.append("The signature value does not match the signer's certificate.")
    if not intact or not valid:
        return replace(base, intact=intact, valid=valid, problems=tuple(problems), status="invalid")

    # 3. the chain, up to a certificate the DPO trusts
    now = datetime.now(UTC)
    pool = [*_embedded_certificates(signed_data), *other_certs]
    chain_problem, expired = _chain_problem(cert, pool, list(roots), now)
    if chain_problem:
        problems.append(chain_problem)
    usage_problem = _key_usage_problem(cert)
    if usage_problem:
        problems.append(usage_problem)
    trusted = not problems
    return replace(
        base,
        intact=True,
        valid=True,
        trusted=trusted,
        expired=expired,
        revocation=NOT_CHECKED,
        problems=tuple(problems),
        status="valid" if trusted else "untrusted",
    )


def _attribute(attrs: cms.CMSAttributes, name: str) -> Any:
    for attr in attrs:
        if attr["type"].native == name:
            values = attr["values"]
            return values[0].native if len(values) else None
    return None


def _algorithm_name(cert: asn1_x509.Certificate, digest_oid: str, signature_oid: str) -> str:
    try:
        key_name = KEY_ALGORITHMS[_key_oid(cert)][0]
    except Exception:
        key_name = f"GOST ({signature_oid})"
    return f"{key_name} with {DIGESTS.get(digest_oid, digest_oid)}"


def _key_oid_name(cert: asn1_x509.Certificate) -> str:
    try:
        algorithm = cert["tbs_certificate"]["subject_public_key_info"]["algorithm"]["algorithm"]
        return (
            str(algorithm.native).upper()
            if algorithm.native != algorithm.dotted
            else algorithm.dotted
        )
    except Exception:
        return "non-GOST"


def _key_oid(cert: asn1_x509.Certificate) -> str:
    return str(cert["tbs_certificate"]["subject_public_key_info"]["algorithm"]["algorithm"].dotted)


# --- certificate chains ---------------------------------------------------------------------------


def _chain_problem(
    signer: asn1_x509.Certificate,
    pool: list[asn1_x509.Certificate],
    roots: list[asn1_x509.Certificate],
    now: datetime,
) -> tuple[str | None, bool]:
    """Why the signer's certificate does not lead to a trusted one (``None``: it does).

    Returns the problem and whether the signer's own certificate has expired.
    """
    expired = _validity_problem(signer, now) is not None and _after(signer, now)
    root_hashes = {root.sha256 for root in roots}
    current = signer
    seen: set[bytes] = set()
    for _depth in range(_MAX_CHAIN):
        if problem := _validity_problem(current, now):
            return problem, expired
        if current.sha256 in root_hashes:
            return None, expired
        seen.add(current.sha256)
        issuer_key = current.issuer.hashable
        candidates = [c for c in (*roots, *pool) if c.subject.hashable == issuer_key]
        issuer = next((c for c in candidates if verify_certificate_signature(current, c)), None)
        if issuer is None:
            if any(c.sha256 != current.sha256 for c in candidates):
                return (
                    f"The certificate of {_short(current)} is not signed by its issuer's key "
                    "(the chain is forged or damaged).",
                    expired,
                )
            if not roots:
                return (
                    "No trusted certificates were given and nothing is trusted by default: "
                    "import the issuing authority's certificate to trust this signer.",
                    expired,
                )
            return "The signer's certificate does not chain to a certificate you trust.", expired
        if issuer.sha256 in seen:
            return "The signer's certificate does not chain to a certificate you trust.", expired
        if not _is_ca(issuer):
            return (
                f"{_short(issuer)} issued a certificate but is not a certification authority.",
                expired,
            )
        current = issuer
    return "The signer's certificate chain is implausibly long.", expired


def _validity_problem(cert: asn1_x509.Certificate, now: datetime) -> str | None:
    validity = cert["tbs_certificate"]["validity"]
    not_before, not_after = validity["not_before"].native, validity["not_after"].native
    if now > not_after:
        return f"The certificate of {_short(cert)} expired on {not_after:%Y-%m-%d}."
    if now < not_before:
        return f"The certificate of {_short(cert)} is not valid before {not_before:%Y-%m-%d}."
    return None


def _after(cert: asn1_x509.Certificate, now: datetime) -> bool:
    return bool(now > cert["tbs_certificate"]["validity"]["not_after"].native)


def _is_ca(cert: asn1_x509.Certificate) -> bool:
    try:
        return bool(cert.ca)
    except Exception:
        return False


def _key_usage_problem(cert: asn1_x509.Certificate) -> str | None:
    try:
        usage = cert.key_usage_value
    except Exception:
        return "The signer's key usage is unreadable."
    if usage is None:
        return None
    allowed = set(usage.native)
    if not allowed & {"digital_signature", "non_repudiation"}:
        return "The signer's certificate is not meant for signing (key usage)."
    return None


def _short(cert: asn1_x509.Certificate) -> str:
    from .signatures import _certificate_name

    return _certificate_name(cert)


# --- qualified certificates ----------------------------------------------------------------------


def qualified_marks(cert: asn1_x509.Certificate) -> tuple[str, ...]:
    """The marks of a Russian qualified certificate it carries (FSB Order No. 795 of 2011).

    A qualified certificate names the subject's signature tool (1.2.643.100.111) and, for an
    end-entity, the issuer's (1.2.643.100.112) and the tool's class as a policy
    (1.2.643.100.113.x). Returns readable marks; empty when there are none.
    """
    marks: list[str] = []
    try:
        extensions = cert["tbs_certificate"]["extensions"]
        for extension in extensions:
            oid = extension["extn_id"].dotted
            if oid == SUBJECT_SIGN_TOOL:
                marks.append("subjectSignTool")
            elif oid == ISSUER_SIGN_TOOL:
                marks.append("issuerSignTool")
        policies = cert.certificate_policies_value
        for policy in policies or ():
            oid = policy["policy_identifier"].dotted
            if oid in SIGN_TOOL_CLASSES:
                marks.append(f"class {SIGN_TOOL_CLASSES[oid]}")
    except Exception:
        return ()
    return tuple(marks)


def is_russian_qualified(cert: asn1_x509.Certificate) -> bool:
    """It carries the extensions the FSB's form of a qualified certificate requires."""
    marks = qualified_marks(cert)
    return "subjectSignTool" in marks
