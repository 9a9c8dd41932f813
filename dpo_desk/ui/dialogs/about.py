"""About DPO Desk: versions of the parts that matter for a bug report."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from dpo_desk import __version__


def component_versions() -> list[tuple[str, str]]:
    import sqlcipher3

    from dpo_desk.versions import distribution_version

    return [
        ("DPO Desk", __version__),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
        (
            "sqlcipher3",
            f"{distribution_version('sqlcipher3')} (SQLite {sqlcipher3.sqlite_version})",
        ),
        ("holidays", distribution_version("holidays")),
    ]


class AboutDialog(QDialog):
    def __init__(self, cipher_version: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About DPO Desk"))
        title = QLabel(f"<h2>DPO Desk {__version__}</h2>", self)
        title.setTextFormat(Qt.TextFormat.RichText)
        blurb = QLabel(
            self.tr(
                "A desk for a data protection officer: log, verify, track and answer "
                "data-subject requests. Free software under the GNU GPL, version 3 or later."
            ),
            self,
        )
        blurb.setWordWrap(True)
        rows = component_versions()
        if cipher_version:
            rows.insert(3, ("SQLCipher", cipher_version))
        versions = QLabel("\n".join(f"{name}: {version}" for name, version in rows), self)
        versions.setObjectName("aboutVersions")
        versions.setTextFormat(Qt.TextFormat.PlainText)
        versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addWidget(versions)
        layout.addWidget(buttons)
