"""The benchmarks' case file: N invented cases, built once through ``CaseRepo.add_many`` (the
case-file layer's bulk path) and cached between runs in ``$DPO_DESK_BENCH_DIR`` (default: a
``dpo-desk-bench`` folder in the temp folder). The data is invented: no real person.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TODAY = date(2026, 3, 2)
PASSPHRASE = "benchmark passphrase"
BATCH = 10_000

FIRST = [
    "Айбек",
    "Айгерим",
    "Нурлан",
    "Жыпар",
    "Әлібек",
    "Гүлнәр",
    "Дәулет",
    "Иван",
    "Ольга",
    "Сергей",
    "Анна",
    "Camille",
    "Julien",
    "Léa",
    "Sarah",
    "James",
    "Priya",
    "Tom",
]  # noqa: E501
LAST = [
    "Токтогулов",
    "Садыкова",
    "Асанов",
    "Өмүрбекова",
    "Нұрланұлы",
    "Сейітқызы",
    "Қасымов",
    "Петров",
    "Смирнова",
    "Кузнецов",
    "Волкова",
    "Martin",
    "Dubois",
    "Moreau",
    "Collins",
    "O'Neill",
    "Natarajan",
    "Becker",
]  # noqa: E501
WORDS = [
    "copy",
    "data",
    "account",
    "delete",
    "marketing",
    "consent",
    "order",
    "payment",
    "address",
    "phone",
    "camera",
    "music",
    "subscription",
    "invoice",
    "contract",
    "erase",
    "correct",
    "object",
]  # noqa: E501


def bench_folder() -> Path:
    folder = Path(
        os.environ.get("DPO_DESK_BENCH_DIR", Path(tempfile.gettempdir()) / "dpo-desk-bench")
    )
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def key():  # noqa: ANN201 - dpo_desk.casefile.Key
    from dpo_desk.casefile import Key

    return Key(passphrase=PASSPHRASE)


def bench_file(count: int, *, rebuild: bool = False) -> tuple[Path, float | None]:
    """The cached file with ``count`` cases, and the seconds building it took (None: cached)."""
    path = bench_folder() / f"run-{count}.dpodesk"
    if rebuild or not path.exists():
        for stale in (path, path.with_name(path.name + ".id"), path.with_name(path.name + ".lock")):
            stale.unlink(missing_ok=True)
        start = time.perf_counter()
        build(path, count)
        return path, time.perf_counter() - start
    return path, None


def build(path: Path, count: int) -> None:
    import keyring
    from keyring.backends.null import Keyring as NullKeyring

    keyring.set_keyring(NullKeyring())
    from dpo_desk.casefile import CaseFile
    from dpo_desk.core.model import Case, CaseStatus, Channel, ControllerId, DataSubject
    from dpo_desk.demo import CONTROLLERS, KINDS_BY_CONTROLLER

    rng = random.Random(19)
    partial = path.with_name(path.name + ".building")
    partial.unlink(missing_ok=True)
    cf = CaseFile.create(partial, key()).casefile
    try:
        controllers = [cf.controllers.add(c) for c in CONTROLLERS]
        closed = [CaseStatus.CLOSED, CaseStatus.RESPONDED, CaseStatus.REJECTED]
        opened = [CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS, CaseStatus.AWAITING_IDENTITY]
        made = 0
        while made < count:
            batch = []
            for _ in range(min(BATCH, count - made)):
                controller = rng.choice(controllers)
                age = rng.randint(0, 720)
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                batch.append(
                    Case(
                        id=None,
                        reference="",
                        controller_id=ControllerId(controller.id or 0),
                        subject=DataSubject(name=name, email=f"s{made + len(batch)}@example.org"),
                        kinds=tuple(rng.choice(KINDS_BY_CONTROLLER[controller.slug])),
                        channel=rng.choice(list(Channel)),
                        received=TODAY - timedelta(days=age),
                        status=rng.choice(opened) if age < 45 else rng.choice(closed),
                        summary=" ".join(rng.choice(WORDS) for _ in range(6)),
                    )
                )
            made += cf.cases.add_many(batch)
    finally:
        cf.close()
    for extra in (".id",):
        side = partial.with_name(partial.name + extra)
        if side.exists():
            side.replace(path.with_name(path.name + extra))
    partial.replace(path)
    partial.with_name(partial.name + ".lock").unlink(missing_ok=True)
