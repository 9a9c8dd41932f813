"""Shared helpers of the reliability suite: case files, canaries, page decryption, small disks.

``plaintext_pages`` decrypts every page of a case file, its WAL or a backup with the key
(SQLCipher 4: AES-256-CBC per page, IV and HMAC in an 80-byte reserve, the salt in the first 16
bytes of page 1), *including free pages and old WAL frames*, so a search there finds bytes that
SQL can no longer reach — which is what ``secure_delete`` must have wiped.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from dpo_desk.casefile import CaseFile, Key
from dpo_desk.core.model import Channel, Controller

PAGE_SIZE = 4096
RESERVE = 80  # 16-byte IV + 64-byte HMAC-SHA512
KDF_ITERATIONS = 256_000
WAL_HEADER = 32
WAL_FRAME_HEADER = 24
CONTROLLER_SLUG = "astrum-oyun"
#: The ``dpo-desk`` command, run by this interpreter (no console script needed).
CLI = (sys.executable, "-c", "import sys; from dpo_desk.cli import main; sys.exit(main())")


# --- case files ------------------------------------------------------------------------------


def add_controller(cf: CaseFile, emails: tuple[str, ...] = ("dpo@astrum.example",)) -> Controller:
    return cf.controllers.add(
        Controller(
            id=None,
            slug=CONTROLLER_SLUG,
            name="ASTRUM OYUN",
            address="Matrosova str. 1\n720000 Bishkek\nKyrgyzstan",
            emails=emails,
            jurisdictions=("KG",),
            channels=(Channel.POST, Channel.EMAIL),
            languages=("en", "ru"),
        )
    )


def new_raw_key() -> Key:
    return Key(raw=secrets.token_bytes(32))


# --- canaries --------------------------------------------------------------------------------


def canary(prefix: str) -> str:
    """A string no file can hold by chance: ``prefix`` and 20 random letters."""
    letters = "".join(secrets.choice("BCDFGHJKLMNPQRSTVWXZ") for _ in range(20))
    return f"{prefix}{letters}"


def text_forms(text: str) -> list[tuple[str, bytes]]:
    """The byte forms a string takes on disk: UTF-8, UTF-16 (both orders), lower-case UTF-8."""
    forms = [
        ("utf-8", text.encode("utf-8")),
        ("utf-16-le", text.encode("utf-16-le")),
        ("utf-16-be", text.encode("utf-16-be")),
    ]
    if text.lower() != text:
        forms.append(("utf-8 lower", text.lower().encode("utf-8")))
    return forms


def noise_png(side: int = 96) -> bytes:
    """A PNG of random pixels: its compressed bytes are unique to this run."""
    from PIL import Image

    image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def middle(data: bytes, size: int = 48) -> bytes:
    start = max(0, len(data) // 2 - size // 2)
    return data[start : start + size]


@dataclass(frozen=True)
class Hit:
    path: Path
    canary: str
    form: str

    def __str__(self) -> str:
        return f"{self.canary} ({self.form}) in {self.path}"


def needles_of(canaries: Mapping[str, str | bytes]) -> list[tuple[str, str, bytes]]:
    out: list[tuple[str, str, bytes]] = []
    for name, value in canaries.items():
        if isinstance(value, bytes):
            out.append((name, "bytes", value))
        else:
            out.extend((name, form, data) for form, data in text_forms(value))
    return out


def files_under(
    roots: Iterable[Path], *, since: float | None = None, exclude: Iterable[Path] = ()
) -> Iterator[Path]:
    """Regular files under ``roots`` (not following links), optionally changed since ``since``."""
    skip = [Path(p).resolve() for p in exclude]
    seen: set[Path] = set()
    for root in roots:
        root = Path(root)
        if not root.exists():
            continue
        for folder, dirs, names in os.walk(root, followlinks=False):
            here = Path(folder).resolve()
            if any(here == s or s in here.parents for s in skip):
                dirs[:] = []
                continue
            for name in names:
                path = here / name
                if path in seen or any(path == s for s in skip):
                    continue
                seen.add(path)
                try:
                    info = path.lstat()
                except OSError:
                    continue
                if not path.is_file() or path.is_symlink():
                    continue
                if since is not None and max(info.st_mtime, info.st_ctime) < since:
                    continue
                yield path


def scan_files(
    paths: Iterable[Path], canaries: Mapping[str, str | bytes]
) -> tuple[list[Hit], int, int]:
    """Search every byte of ``paths`` for each canary form; returns (hits, files, bytes)."""
    needles = needles_of(canaries)
    hits: list[Hit] = []
    files = 0
    total = 0
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        files += 1
        total += len(data)
        hits.extend(Hit(path, name, form) for name, form, needle in needles if needle in data)
    return hits, files, total


# --- decrypting pages ------------------------------------------------------------------------


def cipher_key(path: Path, key: Key) -> bytes:
    """The AES key SQLCipher 4 uses for ``path``: the raw key, or PBKDF2 of the passphrase."""
    if key.raw is not None:
        return key.raw
    assert key.passphrase is not None
    with open(path, "rb") as fh:
        salt = fh.read(16)
    return hashlib.pbkdf2_hmac("sha512", key.passphrase.encode(), salt, KDF_ITERATIONS, 32)


def _decrypt(page: bytes, aes_key: bytes, first: bool) -> bytes:
    body = page[16:-RESERVE] if first else page[:-RESERVE]
    iv = page[-RESERVE : -RESERVE + 16]
    decryptor = Cipher(algorithms.AES(aes_key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def database_pages(data: bytes, aes_key: bytes) -> Iterator[bytes]:
    for offset in range(0, len(data) - PAGE_SIZE + 1, PAGE_SIZE):
        yield _decrypt(data[offset : offset + PAGE_SIZE], aes_key, offset == 0)


def wal_pages(data: bytes, aes_key: bytes) -> Iterator[bytes]:
    step = WAL_FRAME_HEADER + PAGE_SIZE
    for offset in range(WAL_HEADER, len(data) - step + 1, step):
        number = int.from_bytes(data[offset : offset + 4], "big")
        page = data[offset + WAL_FRAME_HEADER : offset + step]
        yield _decrypt(page, aes_key, number == 1)


def plaintext_pages(path: Path, key: Key) -> list[bytes]:
    """Every page of ``path`` and of its WAL (if any), decrypted — live, free and stale alike."""
    aes_key = cipher_key(path, key)
    pages = list(database_pages(path.read_bytes(), aes_key))
    first = pages[0]
    assert int.from_bytes(first[:2], "big") == PAGE_SIZE, f"{path.name}: wrong key for decryption"
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        pages.extend(wal_pages(wal.read_bytes(), aes_key))
    return pages


def search_plaintext(path: Path, key: Key, needle: bytes) -> int:
    """How many decrypted pages of ``path`` (and its WAL) hold ``needle``."""
    return sum(1 for page in plaintext_pages(path, key) if needle in page)


# --- a small disk ----------------------------------------------------------------------------


def can_mount() -> bool:
    return os.name == "posix" and os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[bool]:
    """Mount a tmpfs of ``size`` on ``folder``; yields whether the mount worked (root only)."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = False
    if can_mount():
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        )
        mounted = result.returncode == 0
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def remount(folder: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(folder)], check=True)
