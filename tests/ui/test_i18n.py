"""English and Russian: the catalogues load, menus are translated, plurals are right."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from dpo_desk.resources import path as resource_path
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from dpo_desk.ui.i18n import Translation, choose_language
from dpo_desk.ui.labels import days_left_text, status_label
from dpo_desk.ui.models.sidebar import SidebarEntry
from dpo_desk.ui.operations import Reminder
from dpo_desk.ui.widgets import reminder_text

from .conftest import make_window


@pytest.fixture
def language(qapp: QApplication) -> Iterator[object]:
    installed: list[Translation] = []

    def use(code: str) -> Translation:
        translation = Translation(code)
        assert translation.install(qapp)
        installed.append(translation)
        return translation

    yield use
    for translation in installed:
        translation.remove(qapp)


def test_russian_menus_and_labels(qtbot, open_copy, language) -> None:
    language("ru")
    opened = open_copy("demo")
    window = make_window(qtbot, opened.ctx)
    titles = [action.text() for action in window.menuBar().actions()]
    assert "&Файл" in titles and "&Настройки" in titles
    assert window.new_request_action.text() == "&Новый почтовый запрос…"
    overdue = window.sidebar_model.index_of(SidebarEntry("overdue"))
    assert window.sidebar_model.data(overdue) == "Просроченные (10)"
    assert status_label("in_progress") == "В работе"
    assert days_left_text(1) == "1 день"
    assert days_left_text(3) == "3 дня"
    assert days_left_text(5) == "5 дней"
    assert days_left_text(-21) == "просрочка 21 день"
    from datetime import date

    from PySide6.QtCore import Qt

    from dpo_desk.ui.labels import format_date

    assert format_date(date(2026, 3, 2)) == "02.03.2026"
    assert window.case_model.headerData(0, Qt.Orientation.Horizontal) == "Номер"


def test_english_plurals(language) -> None:
    language("en")
    assert reminder_text(Reminder(1, 0)) == "1 case overdue"
    assert reminder_text(Reminder(3, 2)) == "3 cases overdue; 2 cases due today"
    assert days_left_text(1) == "1 day"
    assert days_left_text(-2) == "2 days overdue"


def test_language_follows_the_setting_then_the_system() -> None:
    assert choose_language("ru", QLocale("en_GB")) == "ru"
    assert choose_language("", QLocale("ru_RU")) == "ru"
    assert choose_language("", QLocale("ru_KG")) == "ru"
    assert choose_language("", QLocale("de_DE")) == "en"
    assert choose_language("en", QLocale("ru_RU")) == "en"


def test_every_russian_string_is_translated_with_its_placeholders() -> None:
    tree = ET.parse(resource_path("i18n", "dpo_desk_ru.ts"))
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 300
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        forms = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        if message.get("numerus") == "yes":
            assert len(forms) == 3, source  # one, few, many
        for form in forms:
            assert form.strip(), source
            assert set(re.findall(r"\{[a-z_]+\}", form)) == set(
                re.findall(r"\{[a-z_]+\}", source)
            ), source
            if "%n" in source:
                assert "%n" in form, source
    assert resource_path("i18n", "dpo_desk_ru.qm").is_file()
    assert resource_path("i18n", "dpo_desk_en.qm").is_file()
