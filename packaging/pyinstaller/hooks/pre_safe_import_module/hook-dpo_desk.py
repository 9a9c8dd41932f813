"""Let PyInstaller's analysis find ``dpo_desk.resources``, which lives in ``resources/``.

setuptools maps the top-level ``resources/`` folder into the package as ``dpo_desk.resources``
(pyproject.toml, ``package-dir``). An editable install does that with an import hook that
PyInstaller's module graph cannot see, so the analysis gets the repository root as one more
directory of the ``dpo_desk`` package: ``<root>/resources/__init__.py`` is then
``dpo_desk.resources``, as it is at run time.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[4]


def pre_safe_import_module(api):
    api.append_package_path(str(REPO))
