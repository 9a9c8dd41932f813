"""``case list --limit N --after CURSOR`` (issue 19): keyset pages with an opaque cursor."""

from __future__ import annotations

import json

from .test_casefile_cli import run  # noqa: F401 - the fixture


def test_pages_cover_the_whole_list_once(run, tmp_path) -> None:  # noqa: F811
    demo = tmp_path / "demo.dpodesk"
    code, _, err = run("demo", "--no-gui", "--json", file=demo)
    assert code == 0, err
    code, out, _ = run("case", "list", "--json", file=demo)
    whole = json.loads(out)
    assert isinstance(whole, list) and len(whole) > 20  # no --limit: the old shape
    walked: list[str] = []
    cursor = None
    while True:
        args = ["case", "list", "--json", "--limit", "7"]
        if cursor:
            args += ["--after", cursor]
        code, out, err = run(*args, file=demo)
        assert code == 0, err
        page = json.loads(out)
        assert set(page) == {"cases", "next"} and len(page["cases"]) <= 7
        walked += [c["reference"] for c in page["cases"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert walked == [c["reference"] for c in whole]
    code, out, _ = run("case", "list", "--limit", "3", file=demo)
    assert code == 0 and "More: --after c1." in out


def test_bad_paging_options_are_one_sentence(run, tmp_path) -> None:  # noqa: F811
    demo = tmp_path / "demo.dpodesk"
    assert run("demo", "--no-gui", file=demo)[0] == 0
    code, _, err = run("case", "list", "--json", "--after", "nonsense", file=demo)
    assert code == 2 and "cursor" in err and "Traceback" not in err
    code, _, err = run("case", "list", "--limit", "0", file=demo)
    assert code == 2 and "--limit" in err and len(err.strip().splitlines()) == 1
