"""The DPO's window: sidebar of views and controllers, the case list, the case view.

Locking replaces the content with the lock screen; every model and view drops its case data and
results still on their way from the file are dropped (``executor.invalidate``). The file stays
open and locked by this process.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QSystemTrayIcon,
    QTableView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dpo_desk.casefile import BackupInfo
from dpo_desk.hardening import safe

from .accessibility import name_from_hints
from .app import AppContext
from .dialogs.about import AboutDialog
from .dialogs.controllers import ControllersDialog
from .dialogs.crash import CrashDialog
from .dialogs.export import ExportDialog
from .dialogs.import_result import ImportResultDialog
from .dialogs.overrides import OverridesDialog
from .dialogs.postal_request import PostalRequestDialog
from .dialogs.preferences import PreferencesDialog
from .dialogs.restore import RestoreDialog
from .dialogs.templates import TemplatesDialog
from .dialogs.trust_store import TrustStoreDialog
from .dialogs.user_guide import UserGuideDialog
from .errors import describe_error, log_path
from .labels import date_input_format, deadline_left_text
from .lock import IdleLock, LockScreen
from .models.case_table import CASE_ID_ROLE, COLUMNS, DEFAULT_SORT, CaseTableModel, urgency_text
from .models.sidebar import SidebarEntry, SidebarModel
from .opening import parse_secret
from .operations import (
    CheckReport,
    Reminder,
    SidebarCounts,
    backup,
    check_casefile,
    import_email_files,
    reminder,
    sidebar_counts,
)
from .settings import Settings
from .style import Urgency, apply_look, identity_icon, lock_icon, urgency_icon
from .tasks import Progress, Ticket
from .views.audit_tab import AuditTab
from .views.case_view import CaseView, TabFactory
from .views.correspondence_tab import CorrespondenceTab
from .views.deadlines_tab import DeadlinesTab
from .views.identity_tab import IdentityTab
from .views.inbox import InboxView
from .views.letters_tab import LettersTab
from .views.overview import OverviewTab
from .widgets import ReminderBanner, TaskProgress, ask, reminder_text

log = logging.getLogger("dpo_desk.ui")

#: The case view's tabs in this wave; later waves append theirs.
DEFAULT_TABS: tuple[TabFactory, ...] = (
    OverviewTab,
    CorrespondenceTab,
    IdentityTab,
    DeadlinesTab,
    LettersTab,
    AuditTab,
)

SEARCH_DELAY_MS = 150

#: The window's size when nothing is saved, if the screen has room for it (1366x768 fits).
DEFAULT_SIZE = (1280, 760)
#: Names under which the layout is kept in ``Settings.layout``.
LAYOUT_KEYS = ("window", "mainSplitter", "listSplitter")

#: File types the email import takes (dropped on the window or chosen in the file dialog).
IMPORTABLE = frozenset({".eml", ".msg", ".mbox", ".txt"})

#: File → Open recent: how many case files the settings remember (``Settings.extra``).
RECENT_KEY = "recent_files"
RECENT_MAX = 5

if TYPE_CHECKING:  # issue 19: reports (reportlab) load when an export runs, not at start
    from dpo_desk.reports import ExportResult


class MainWindow(QMainWindow):
    #: File → Open / New / Open recent / a restored file: the path to switch to. The app's
    #: ``OpenRequests`` answers it (asks before closing this file, never opens one twice).
    open_file_requested = Signal(str)

    def __init__(self, ctx: AppContext, tabs: tuple[TabFactory, ...] = DEFAULT_TABS) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._ctx = ctx
        self._locked = False
        self._scope = SidebarEntry("open")
        self._select_after_load: int | None = None
        self._dialogs: list[QDialog] = []
        self._tray: QSystemTrayIcon | None = None

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_central(tabs)
        self._progress = TaskProgress(self)
        self.statusBar().addPermanentWidget(self._progress)
        self._count_label = QLabel(self)
        self._count_label.setObjectName("caseCount")
        self.statusBar().addWidget(self._count_label)
        self.legend = self._build_legend(self)  # in the status bar: no height taken from the list
        self.statusBar().addPermanentWidget(self.legend)

        self._idle = IdleLock(ctx.settings.auto_lock_minutes * 60_000, self)
        self._idle.lock_requested.connect(self._on_lock_requested)
        if ctx.listen_to_desktop:
            self._idle.listen_to_desktop()

        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._new_day)

        ctx.changes.case_changed.connect(self._on_case_changed)
        ctx.changes.case_added.connect(self._on_case_added)
        ctx.changes.controllers_changed.connect(self._on_controllers_changed)
        ctx.changes.overrides_changed.connect(self._on_overrides_changed)
        ctx.errors.known.connect(self._show_known_error)
        ctx.errors.bug.connect(self._show_bug)

        self.setAcceptDrops(True)
        self._apply_look(ctx.settings)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_colour_scheme)
        self._fit_to_screen()
        self.restore_layout()
        self._update_title()
        self._start_workspace(first=True)

    # --- building --------------------------------------------------------------------------
    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.new_request_action = self._action(
            "newPostalRequest",
            self.tr("&New postal request…"),
            self.new_postal_request,
            "Ctrl+N",
            sp.SP_FileIcon,
            self.tr("Log a request that came by post"),
        )
        self.import_action = self._action(
            "importEmail",
            self.tr("&Import email…"),
            self.import_email,
            "Ctrl+I",
            sp.SP_DialogOpenButton,
            self.tr("Import .eml, .msg or .mbox files (or drop them on the window)"),
        )
        self.lock_action = self._action(
            "lockNow",
            self.tr("&Lock"),
            self.lock,
            "Ctrl+L",
            None,
            self.tr("Hide the cases until the passphrase or keyring unlocks them"),
        )
        self.lock_action.setIcon(lock_icon(self.palette()))
        self.backup_action = self._action(
            "backupNow",
            self.tr("&Back up now…"),
            self.backup_now,
            None,
            sp.SP_DialogSaveButton,
            self.tr("Write an encrypted copy of the case file"),
        )
        self.check_action = self._action(
            "checkCaseFile",
            self.tr("&Check case file"),
            self.check_casefile,
            None,
            sp.SP_DialogApplyButton,
            self.tr("Check every page of the file and the audit log's chain"),
        )
        self.verify_identity_action = self._action(
            "verifyIdentity",
            self.tr("&Verify identity…"),
            self.verify_identity,
            "Ctrl+Shift+I",
            sp.SP_DialogYesButton,
            self.tr("Check the requester's identity on the selected case"),
        )
        self.write_letter_action = self._action(
            "writeLetter",
            self.tr("&Write letter…"),
            self.write_letter,
            "Ctrl+Shift+L",
            sp.SP_FileDialogDetailedView,
            self.tr("Write a letter on the selected case"),
        )
        self.export_action = self._action(
            "export",
            self.tr("&Export…"),
            self.open_export,
            "Ctrl+E",
            sp.SP_DriveFDIcon,
            self.tr("Export a case summary, the register, statistics or the calendar"),
        )
        self.templates_action = self._action(
            "letterTemplates", self.tr("Letter &templates…"), self.open_templates
        )
        self.trust_action = self._action(
            "trustStore", self.tr("&Trusted certificates…"), self.open_trust_store
        )
        self.quit_action = self._action(
            "quit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit
        )
        self.find_action = self._action(
            "findCases", self.tr("&Find…"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.refresh_action = self._action(
            "refresh",
            self.tr("&Refresh"),
            self.refresh,
            QKeySequence.StandardKey.Refresh,
            sp.SP_BrowserReload,
        )
        self.controllers_action = self._action(
            "controllerSettings", self.tr("&Controllers…"), self.open_controllers
        )
        self.overrides_action = self._action(
            "calendarOverrides", self.tr("Calendar &overrides…"), self.open_overrides
        )
        self.preferences_action = self._action(
            "preferences",
            self.tr("&Preferences…"),
            self.open_preferences,
            QKeySequence.StandardKey.Preferences,
        )
        self.about_action = self._action("about", self.tr("&About DPO Desk"), self.open_about)
        self._case_actions = [
            self.new_request_action,
            self.import_action,
            self.verify_identity_action,
            self.write_letter_action,
            self.export_action,
            self.templates_action,
            self.trust_action,
            self.backup_action,
            self.check_action,
            self.find_action,
            self.refresh_action,
            self.controllers_action,
            self.overrides_action,
            self.preferences_action,
            self.lock_action,
        ]

        self._next_tab = QShortcut(QKeySequence("Ctrl+Tab"), self)
        self._next_tab.activated.connect(lambda: self.case_view.next_tab(1))
        self._previous_tab = QShortcut(self)
        self._previous_tab.setKeys(
            [QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+Shift+Backtab")]
        )
        self._previous_tab.activated.connect(lambda: self.case_view.next_tab(-1))

    def show_breaches(self) -> None:  # issue 22
        self.content_tabs.setCurrentWidget(self.breaches_view)

    def _breach_reminder(self, overdue: int, soon: int) -> None:  # issue 22
        index = self.content_tabs.indexOf(self.breaches_view)
        self.content_tabs.setTabText(index, self.breaches_view.tab_title(overdue, soon))

    def _build_menus(self) -> None:
        self.breaches_action = self._action(  # issue 22
            "showBreaches",
            self.tr("&Breaches"),
            self.show_breaches,
            "Ctrl+Shift+B",
            None,
            self.tr("The register of personal-data breaches and their legal clocks"),
        )
        # --- issue 21 item 9: switching case files, restore, user guide -----------------------
        self.open_file_action = self._action(
            "openCaseFile",
            self.tr("&Open case file…"),
            self.open_case_file,
            QKeySequence.StandardKey.Open,
            None,
            self.tr("Close this case file and open another"),
        )
        self.new_file_action = self._action(
            "newCaseFile",
            self.tr("New case &file…"),
            self.new_case_file,
            None,
            None,
            self.tr("Close this case file and create a new one"),
        )
        self.restore_action = self._action(
            "restoreBackup",
            self.tr("&Restore from backup…"),
            self.restore_backup,
            None,
            None,
            self.tr("Restore a backup to a new path (never over the open file)"),
        )
        self.user_guide_action = self._action(
            "userGuide",
            self.tr("&User guide"),
            self.open_user_guide,
            QKeySequence.StandardKey.HelpContents,
        )
        self._case_actions += [self.open_file_action, self.new_file_action, self.restore_action]
        self._remember_recent()
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.open_file_action)
        file_menu.addAction(self.new_file_action)
        self.recent_menu = QMenu(self.tr("Open &recent"), file_menu)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        self._fill_recent()
        file_menu.addSeparator()
        file_menu.addAction(self.new_request_action)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.check_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.breaches_action)  # issue 22
        case_menu = bar.addMenu(self.tr("&Case"))
        case_menu.setObjectName("caseMenu")
        case_menu.addAction(self.verify_identity_action)
        case_menu.addAction(self.write_letter_action)
        settings_menu = bar.addMenu(self.tr("&Settings"))
        settings_menu.setObjectName("settingsMenu")
        settings_menu.addAction(self.controllers_action)
        settings_menu.addAction(self.overrides_action)
        settings_menu.addAction(self.templates_action)
        settings_menu.addAction(self.trust_action)
        settings_menu.addSeparator()
        settings_menu.addAction(self.preferences_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self.user_guide_action)
        help_menu.addAction(self.about_action)
        self._menus = [file_menu, view_menu, case_menu, settings_menu, help_menu]

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.new_request_action)
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.verify_identity_action)
        toolbar.addAction(self.write_letter_action)
        toolbar.addAction(self.export_action)
        toolbar.addSeparator()
        toolbar.addAction(self.backup_action)
        toolbar.addAction(self.check_action)
        toolbar.addSeparator()
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)
        self._toolbar = toolbar

    def _build_central(self, tabs: tuple[TabFactory, ...]) -> None:
        ctx = self._ctx
        self._stack = QStackedWidget(self)
        self._stack.setObjectName("centralStack")
        workspace = QWidget(self._stack)
        workspace.setObjectName("workspace")

        self.banner = ReminderBanner(workspace)
        self.banner.show_requested.connect(self._show_urgent)
        self.first_steps = QWidget(workspace)
        self.first_steps.setObjectName("firstSteps")
        first_label = QLabel(
            self.tr("Start by adding the controllers you serve: their laws set the deadlines."),
            self.first_steps,
        )
        first_label.setWordWrap(True)
        first_button = QPushButton(self.tr("&Add a controller…"), self.first_steps)
        first_button.setObjectName("addFirstController")
        first_button.clicked.connect(self.open_controllers)
        first_row = QHBoxLayout(self.first_steps)
        first_row.setContentsMargins(8, 4, 8, 4)
        first_row.addWidget(first_label, 1)
        first_row.addWidget(first_button)
        self.first_steps.hide()

        self.sidebar_model = SidebarModel(self)
        self.sidebar = QTreeView(workspace)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setModel(self.sidebar_model)
        self.sidebar.setHeaderHidden(True)
        self.sidebar.setRootIsDecorated(False)
        self.sidebar.setItemsExpandable(False)
        self.sidebar.expandAll()
        self.sidebar.setAccessibleName(self.tr("Views and controllers"))
        self.sidebar.selectionModel().currentChanged.connect(self._on_sidebar)
        self.sidebar_model.rowsInserted.connect(lambda *_: self.sidebar.expandAll())
        self.sidebar_model.modelReset.connect(self.sidebar.expandAll)

        self.search = QLineEdit(workspace)
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search names, references, notes and emails (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Search cases"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

        self.case_model = CaseTableModel(ctx.db, ctx.today, self)
        self.case_model.loaded.connect(self._on_list_loaded)
        self.case_model.page_loaded.connect(lambda _n: self._update_count())
        self.case_table = QTableView(workspace)
        self.case_table.setObjectName("caseTable")
        self.case_table.setModel(self.case_model)
        self.case_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.case_table.setAlternatingRowColors(False)
        self.case_table.verticalHeader().hide()
        self.case_table.setWordWrap(False)
        self.case_table.setAccessibleName(self.tr("Cases"))
        header = self.case_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(COLUMNS.index(DEFAULT_SORT), Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.case_model.sort)
        for column, width in (
            ("reference", 84),
            ("subject", 180),
            ("controller", 120),
            ("kinds", 160),
            ("channel", 80),
            ("received", 88),
            ("due", 88),
        ):
            self.case_table.setColumnWidth(COLUMNS.index(column), width)
        longest = deadline_left_text("overdue", -28, "working_days")  # in the UI's language
        bold = self.case_table.font()
        bold.setBold(True)  # overdue rows are in bold
        self.case_table.setColumnWidth(
            COLUMNS.index("days_left"), QFontMetrics(bold).horizontalAdvance(longest) + 48
        )
        # urgency first on screen too: what is left and the due date right after the reference
        for visual, column in enumerate(("reference", "days_left", "due", "subject"), start=0):
            header.moveSection(header.visualIndex(COLUMNS.index(column)), visual)
        self.case_table.selectionModel().currentRowChanged.connect(self._on_case_selected)

        self.case_table.verticalHeader().setDefaultSectionSize(
            self.case_table.fontMetrics().height() + 6
        )
        self.case_table.setMinimumHeight(self.case_table.verticalHeader().defaultSectionSize() * 5)

        list_panel = QWidget(workspace)
        list_panel.setObjectName("listPanel")
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(2)
        # the reminder sits beside the search box: showing or hiding it moves nothing
        top_row = QHBoxLayout()
        top_row.setContentsMargins(0, 0, 0, 0)
        top_row.addWidget(self.search, 2)
        top_row.addWidget(self.banner, 3)
        policy = self.banner.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.banner.setSizePolicy(policy)
        list_layout.addLayout(top_row)
        list_layout.addWidget(self.case_table, 1)

        self.case_view = CaseView(ctx, workspace)
        for factory in tabs:
            tab = self.case_view.add_tab(factory)
            if isinstance(tab, IdentityTab):  # "write the letter asking for it" / refusal
                tab.write_letter_requested.connect(self.write_letter)

        right = QSplitter(Qt.Orientation.Vertical, workspace)
        right.setObjectName("listSplitter")
        right.setChildrenCollapsible(False)
        right.addWidget(list_panel)
        # the case scrolls inside its pane when the screen is small (1366x768 at 150 %): the
        # list keeps its rows and the window never grows taller than the screen
        case_scroll = QScrollArea(workspace)
        case_scroll.setObjectName("caseScroll")
        case_scroll.setWidgetResizable(True)
        case_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        case_scroll.setWidget(self.case_view)
        right.addWidget(case_scroll)
        right.setStretchFactor(0, 9)
        right.setStretchFactor(1, 11)
        right.setSizes([9_000, 11_000])  # in proportion, whatever the window's height
        self._layout_restored = False
        self.list_splitter = right
        # issue 17: the triage inbox is a page of its own beside the case list and case view
        self.inbox_view = InboxView(ctx, workspace)
        self.inbox_view.case_created.connect(self._open_case_from_import)
        self.inbox_view.changed.connect(self._refresh_sidebar)
        self.pages = QStackedWidget(workspace)
        self.pages.setObjectName("mainPages")
        self.pages.addWidget(right)
        self.pages.addWidget(self.inbox_view)
        self._case_page = right
        # --- issue 22: the breaches view, a tab beside the cases
        from PySide6.QtWidgets import QTabWidget

        from .views.breaches import BreachesView

        self.content_tabs = QTabWidget(workspace)
        self.content_tabs.setObjectName("contentTabs")
        self.content_tabs.setDocumentMode(True)
        self.content_tabs.addTab(self.pages, self.tr("Requests"))
        self.breaches_view = BreachesView(ctx, self.content_tabs)
        self.content_tabs.addTab(self.breaches_view, self.tr("Breaches"))
        self.breaches_view.urgent_changed.connect(self._breach_reminder)
        # --- end issue 22
        outer = QSplitter(Qt.Orientation.Horizontal, workspace)
        outer.setObjectName("mainSplitter")
        outer.addWidget(self.sidebar)
        outer.addWidget(self.content_tabs)  # issues 17, 22: requests (cases, inbox) | breaches
        outer.setStretchFactor(1, 1)
        outer.setChildrenCollapsible(False)
        outer.setSizes([200, 1080])
        self.main_splitter = outer
        self.sidebar.setMinimumWidth(120)
        workspace_layout = QVBoxLayout(workspace)
        workspace_layout.setContentsMargins(4, 4, 4, 4)
        workspace_layout.addWidget(self.first_steps)
        workspace_layout.addWidget(outer, 1)

        self.lock_screen = LockScreen(
            ctx.session.name, ctx.session.key_source == "keyring", self._stack
        )
        self.lock_screen.unlock_requested.connect(self._try_unlock)
        self._stack.addWidget(workspace)
        self._stack.addWidget(self.lock_screen)
        self._workspace = workspace
        self.setCentralWidget(self._stack)
        self.setTabOrder(self.sidebar, self.search)
        self.setTabOrder(self.search, self.case_table)
        self.setTabOrder(self.case_table, self.case_view.tab_widget)
        localize_date_inputs(self._stack)
        name_from_hints(self)

    def _build_legend(self, parent: QWidget) -> QWidget:
        """What the row colours and marks mean (the same words are in each row's tooltip)."""
        legend = QWidget(parent)
        legend.setObjectName("urgencyLegend")
        row = QHBoxLayout(legend)
        row.setContentsMargins(2, 0, 2, 0)
        row.setSpacing(4)
        size = self.fontMetrics().height()
        for kind in (Urgency.OVERDUE, Urgency.DUE_SOON, Urgency.IDENTITY):
            mark = QLabel(legend)
            mark.setPixmap(urgency_icon(kind).pixmap(size, size))
            text = QLabel(urgency_text(kind), legend)
            text.setObjectName(f"legend_{kind.value}")
            row.addWidget(mark)
            row.addWidget(text)
            row.addSpacing(12)
        row.addStretch(1)
        return legend

    # --- look and layout -------------------------------------------------------------------
    def _apply_look(self, settings: Settings) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_look(app, settings.colour_scheme, settings.font_points)
            self.lock_action.setIcon(lock_icon(self.palette()))
            self.verify_identity_action.setIcon(identity_icon(self.palette()))

    def _on_colour_scheme(self, _scheme: Qt.ColorScheme) -> None:
        if self._ctx.settings.colour_scheme == "system":
            self._apply_look(self._ctx.settings)

    def _fit_to_screen(self) -> None:
        """The default size, cut to the screen's free area (1366x768, or less at 150 %)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = DEFAULT_SIZE
        if screen is not None:
            free = screen.availableGeometry()
            width = min(width, free.width())
            height = min(height, free.height() - 32)  # the window manager's title bar
        self.resize(width, max(400, height))

    def restore_layout(self) -> bool:
        """Window geometry and splitter sizes as they were at the last close (Picard's way)."""
        saved = self._ctx.settings.layout
        restored = False
        geometry = saved.get("window")
        if geometry:
            restored = self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        for name, splitter in (
            ("mainSplitter", self.main_splitter),
            ("listSplitter", self.list_splitter),
        ):
            state = saved.get(name)
            if state:
                splitter.restoreState(QByteArray.fromBase64(state.encode("ascii")))
        return restored

    def save_layout(self) -> None:
        layout = dict(self._ctx.settings.layout)
        for name, data in (
            ("window", self.saveGeometry()),
            ("mainSplitter", self.main_splitter.saveState()),
            ("listSplitter", self.list_splitter.saveState()),
        ):
            layout[name] = bytes(data.toBase64().data()).decode("ascii")
        if layout != self._ctx.settings.layout:
            self._ctx.save_settings(self._ctx.settings.with_changes(layout=layout))

    # --- state -----------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self._locked

    @property
    def idle_lock(self) -> IdleLock:
        return self._idle

    def _update_title(self) -> None:
        name = self._ctx.session.name
        if self._locked:
            self.setWindowTitle(self.tr("{name} (locked) — DPO Desk").format(name=name))
        else:
            self.setWindowTitle(self.tr("{name} — DPO Desk").format(name=name))

    def _start_workspace(self, first: bool = False) -> None:
        """Fill the window after opening or unlocking: list first, then counts and reminder."""
        index = self.sidebar_model.index_of(self._scope)
        self._apply_scope(self._scope)
        self._refresh_sidebar()
        if index.isValid():
            self.sidebar.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._check_reminder(notify=first)
        self.breaches_view.check_urgent()  # issue 22: the Breaches tab says when a notice is due
        self._arm_midnight()
        self._idle.arm()
        for warning in self._ctx.session.warnings:
            self.statusBar().showMessage(warning)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._layout_restored and not self._ctx.settings.layout.get("listSplitter"):
            # first start: on a short screen (768 px at 150 %) the list gets more of the height
            total = sum(self.list_splitter.sizes()) or self.height()
            share = 0.55 if self.height() < 600 else 0.45
            self.list_splitter.setSizes([int(total * share), total - int(total * share)])
        if not self._layout_restored and not self._ctx.settings.layout.get("mainSplitter"):
            total = sum(self.main_splitter.sizes()) or self.width()
            side = max(self.sidebar.minimumWidth(), min(240, int(total * 0.17)))
            self.main_splitter.setSizes([side, total - side])
        self._layout_restored = True
        if not self._locked:
            self.case_table.setFocus()

    # --- sidebar, list and search -----------------------------------------------------------
    def _refresh_sidebar(self) -> None:
        self._ctx.db.run(sidebar_counts, self._ctx.today(), on_result=self._set_counts, owner=self)

    def _set_counts(self, counts: SidebarCounts) -> None:
        self.sidebar_model.set_counts(counts)
        self.first_steps.setVisible(not counts.controllers)
        index = self.sidebar_model.index_of(self._scope)
        if index.isValid() and self.sidebar.currentIndex() != index:
            self.sidebar.selectionModel().blockSignals(True)
            self.sidebar.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.sidebar.selectionModel().blockSignals(False)
            self.sidebar.viewport().update()

    def _on_sidebar(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.sidebar_model.entry(current)
        if entry is None or entry == self._scope:
            return
        self._scope = entry
        self._apply_scope(entry)

    def _apply_scope(self, entry: SidebarEntry) -> None:
        self.content_tabs.setCurrentWidget(self.pages)  # a sidebar entry is about requests
        if entry.view == "inbox":  # issue 17: not a case list
            self.pages.setCurrentWidget(self.inbox_view)
            self.inbox_view.reload()
            return
        self.pages.setCurrentWidget(self._case_page)
        self.case_model.set_scope(entry.view, entry.controller_id)

    def select_scope(self, entry: SidebarEntry) -> None:
        index = self.sidebar_model.index_of(entry)
        if index.isValid():
            self.sidebar.setCurrentIndex(index)
        else:
            self._scope = entry
            self._apply_scope(entry)

    def _run_search(self) -> None:
        if not self._locked:
            self.case_model.set_text(self.search.text())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_list_loaded(self) -> None:
        self._update_count()
        wanted = self._select_after_load or self.case_view.case_id
        added = self._select_after_load
        self._select_after_load = None
        row = self.case_model.row_of(wanted) if wanted is not None else -1
        if row < 0 and added is not None and wanted == added:
            self.case_table.clearSelection()  # a case just logged outside this view: keep it
            return
        if row < 0 and self.case_model.rowCount():
            row = 0  # nothing shown yet, or the shown case left the view: the first of the list
        if row < 0:
            self.case_view.clear()  # an empty view shows no case (never a stale one)
            return
        case_id = self.case_model.row_at(row).id  # type: ignore[union-attr]
        self.case_table.selectRow(row)  # shows the case (once: see _on_case_selected)
        self.case_table.scrollTo(self.case_model.index(row, 0))
        if self.case_view.case_id != case_id:
            self.case_view.show_case(int(case_id))

    def _update_count(self) -> None:
        model = self.case_model
        self._count_label.setText(
            self.tr("%n case(s)", "", model.total) if not self._locked else ""
        )

    def _on_case_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        case_id = self.case_model.data(current, CASE_ID_ROLE)
        if case_id is not None and case_id != self.case_view.case_id:
            self.case_view.show_case(int(case_id))

    def refresh(self) -> None:
        if self._locked:
            return
        self._refresh_sidebar()
        self.case_model.refresh()
        self.case_view.reload()
        self.breaches_view.refresh()  # issue 22 (only when shown)

    # --- changes ---------------------------------------------------------------------------
    def _on_case_changed(self, _case_id: int) -> None:
        if self._locked:
            return
        self._refresh_sidebar()
        self.case_model.refresh()
        self._check_reminder()

    def _on_case_added(self, case_id: int) -> None:
        if self._locked:
            return
        self._select_after_load = case_id
        self.case_view.show_case(case_id)
        self._refresh_sidebar()
        self.case_model.refresh()

    def _on_controllers_changed(self) -> None:
        if not self._locked:
            self._refresh_sidebar()
            self.case_model.refresh()

    def _on_overrides_changed(self) -> None:
        self.refresh()
        self._check_reminder()

    # --- actions ---------------------------------------------------------------------------
    def _open_dialog(self, dialog: QDialog) -> QDialog:
        """Non-blocking modal dialogs; closed when the window locks."""
        localize_date_inputs(dialog)
        name_from_hints(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.addAction(self.lock_action)  # Ctrl+L also locks from inside the dialog
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget_dialog(d))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: QDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)

    def open_dialogs(self) -> list[QDialog]:
        return list(self._dialogs)

    def new_postal_request(self) -> PostalRequestDialog:
        dialog = PostalRequestDialog(self._ctx, self)
        self._open_dialog(dialog)
        return dialog

    def open_controllers(self) -> ControllersDialog:
        dialog = ControllersDialog(self._ctx, self)
        self._open_dialog(dialog)
        return dialog

    def open_overrides(self) -> OverridesDialog:
        dialog = OverridesDialog(self._ctx, self)
        self._open_dialog(dialog)
        return dialog

    def open_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self._ctx.settings, self)
        dialog.saved.connect(self._apply_settings)
        self._open_dialog(dialog)
        return dialog

    def _apply_settings(self, settings: Settings) -> None:
        look_changed = (settings.colour_scheme, settings.font_points) != (
            self._ctx.settings.colour_scheme,
            self._ctx.settings.font_points,
        )
        self._ctx.save_settings(settings)
        self._idle.set_timeout_ms(settings.auto_lock_minutes * 60_000)
        if look_changed:
            self._apply_look(settings)

    def verify_identity(self) -> IdentityTab | None:
        """Bring the identity tab of the selected case forward."""
        if self._locked or self.case_view.case_id is None:
            self.statusBar().showMessage(self.tr("Select a case first."), 5000)
            return None
        tab = self.case_view.show_tab("identityTab")
        return tab if isinstance(tab, IdentityTab) else None

    def open_trust_store(self) -> TrustStoreDialog:
        dialog = TrustStoreDialog(self._ctx, self)
        self._open_dialog(dialog)
        return dialog

    def write_letter(self, kind: str = "") -> LettersTab | None:
        """Bring the letters tab of the selected case forward and start a letter there."""
        if self._locked or self.case_view.case_id is None:
            self.statusBar().showMessage(self.tr("Select a case first."), 5000)
            return None
        tab = self.case_view.show_tab("lettersTab")
        if isinstance(tab, LettersTab):
            tab.compose(kind)
            return tab
        return None

    def open_export(self) -> ExportDialog:
        dialog = ExportDialog(self._ctx, self.case_view.case_id, self)
        dialog.exported.connect(self._export_done)
        self._open_dialog(dialog)
        return dialog

    def _export_done(self, result: ExportResult) -> None:
        text = self.tr("Exported to {path}.").format(path=result.path)
        self.statusBar().showMessage(text, 15000)

    def open_templates(self) -> TemplatesDialog:
        controller_id = None
        details = self.case_view.details
        if details is not None:
            controller_id = details.case.controller_id
        dialog = TemplatesDialog(self._ctx, self, controller_id)
        dialog.template_changed.connect(lambda _id: self.case_view.reload())
        self._open_dialog(dialog)
        return dialog

    # --- File: open / new / recent / restore (issue 21 item 9) -------------------------------
    def recent_files(self) -> list[str]:
        """The remembered case files, newest first, that still exist (the open one included)."""
        saved = self._ctx.settings.extra.get(RECENT_KEY, [])
        paths = [p for p in saved if isinstance(p, str)] if isinstance(saved, list) else []
        return [p for p in paths if Path(p).is_file()][:RECENT_MAX]

    def _remember_recent(self) -> None:
        current = str(Path(self._ctx.session.path).absolute())
        saved = self._ctx.settings.extra.get(RECENT_KEY, [])
        paths = [p for p in saved if isinstance(p, str)] if isinstance(saved, list) else []
        recent = [current, *(p for p in paths if p != current)][:RECENT_MAX]
        if recent != paths:
            extra = {**self._ctx.settings.extra, RECENT_KEY: recent}
            self._ctx.save_settings(self._ctx.settings.with_changes(extra=extra))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = str(Path(self._ctx.session.path).absolute())
        others = [p for p in self.recent_files() if p != current]
        for number, name in enumerate(others, start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(name).name}")
            action.setObjectName(f"recentFile{number}")
            action.setToolTip(name)
            action.setStatusTip(name)
            action.triggered.connect(
                lambda _checked=False, p=name: self.open_file_requested.emit(p)
            )
        if not others:
            empty = self.recent_menu.addAction(self.tr("No other recent case files"))
            empty.setEnabled(False)

    def _case_file_dialog(self, title: str, name: str, save: bool) -> QFileDialog:
        folder = Path(self._ctx.session.path).parent
        dialog = QFileDialog(self, title, str(folder))
        dialog.setObjectName(name)
        dialog.setNameFilter(self.tr("DPO Desk case files (*.dpodesk)"))
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("dpodesk")
            dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self._open_dialog(dialog)
        return dialog

    def open_case_file(self) -> QFileDialog:
        dialog = self._case_file_dialog(self.tr("Open case file"), "openFileDialog", save=False)
        dialog.fileSelected.connect(self.open_file_requested.emit)
        return dialog

    def new_case_file(self) -> QFileDialog:
        dialog = self._case_file_dialog(self.tr("New case file"), "newFileDialog", save=True)
        dialog.fileSelected.connect(self._new_file_chosen)
        return dialog

    def _new_file_chosen(self, name: str) -> None:
        if Path(name).exists():  # the first-run dialog creates; it never overwrites
            self._show_known_error(
                self.tr("{file} already exists: choose another name, or open it with Open.").format(
                    file=Path(name).name
                )
            )
            return
        self.open_file_requested.emit(name)

    def restore_backup(self) -> RestoreDialog:
        dialog = RestoreDialog(self._ctx, self)
        dialog.restored.connect(self._restored)
        self._open_dialog(dialog)
        return dialog

    def _restored(self, path: str) -> None:
        self.statusBar().showMessage(
            self.tr("The backup is restored to {path}.").format(path=path), 15000
        )
        self.open_file_requested.emit(path)  # OpenRequests asks before closing this file

    def open_user_guide(self) -> UserGuideDialog:
        dialog = UserGuideDialog(self)
        self._open_dialog(dialog)
        return dialog

    def open_about(self) -> AboutDialog:
        dialog = AboutDialog("", self)
        self._open_dialog(dialog)
        return dialog

    def _run_task(
        self,
        text: str,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None],
        cancellable: bool = True,
    ) -> Ticket | None:
        if self._progress.busy:
            self.statusBar().showMessage(self.tr("Another job is still running."), 5000)
            return None
        finished = False

        def result(value: Any) -> None:
            nonlocal finished
            finished = True
            self._progress.finish()
            on_result(value)

        def failed(exc: BaseException) -> None:
            nonlocal finished
            finished = True
            self._progress.finish()
            self._ctx.errors.report(exc)

        def progress(value: Progress) -> None:
            self._progress.update_progress(value)

        ticket = self._ctx.db.task(
            fn, *args, on_result=result, on_error=failed, on_progress=progress, owner=self
        )
        if not finished:
            self._progress.start(text, ticket, cancellable)
        return ticket

    # --- email import (the intake service), by menu or by drag and drop ----------------------
    def import_email(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Import email"))
        dialog.setObjectName("importFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("Email (*.eml *.msg *.mbox *.txt)"))
        dialog.filesSelected.connect(lambda names: self.start_import([Path(n) for n in names]))
        self._open_dialog(dialog)
        return dialog

    def start_import(self, paths: list[Path], confirmed: bool = False) -> None:
        if self._locked or not paths:
            return
        self._run_task(
            self.tr("Importing email…"),
            import_email_files,
            list(paths),
            self._ctx.today(),
            confirmed,
            on_result=lambda result: self._import_done(result, list(paths)),
        )

    def _import_done(self, outcomes: Any, paths: list[Path] | None = None) -> None:
        if isinstance(outcomes, Exception):  # issue 17: more new cases than allowed unasked
            ask(
                self,
                "confirmManyCases",
                self.tr("Import email"),
                self.tr(
                    "The files hold %n message(s): more than 200 new cases may be opened.",
                    "",
                    int(getattr(outcomes, "count", 0)),
                ),
                self.tr("Import all"),
                lambda: self.start_import(paths or [], confirmed=True),
            )
            return
        self._refresh_sidebar()
        dialog = ImportResultDialog(outcomes, self)
        dialog.open_case.connect(self._open_case_from_import)
        self._open_dialog(dialog)
        new = [o.case_id for o in outcomes if o.case_id and o.status in ("created", "follow_up")]
        if new:
            self._on_case_added(int(new[0]))

    def _open_case_from_import(self, case_id: int) -> None:
        self.select_scope(SidebarEntry("all"))
        self._on_case_added(case_id)

    @staticmethod
    def _importable(urls: list[Any]) -> list[Path]:
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in IMPORTABLE and p.is_file()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self._locked and self._importable(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._importable(event.mimeData().urls())
        if self._locked or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.start_import(paths)

    def backup_now(self) -> QFileDialog:
        stem = self._ctx.session.path.stem
        suggestion = Path.home() / f"{stem}-backup-{self._ctx.today():%Y%m%d}.dpodesk"
        dialog = QFileDialog(self, self.tr("Back up the case file"), str(suggestion))
        dialog.setObjectName("backupFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("DPO Desk case files (*.dpodesk)"))
        dialog.setDefaultSuffix("dpodesk")
        dialog.fileSelected.connect(lambda name: self.start_backup(Path(name)))
        self._open_dialog(dialog)
        return dialog

    def start_backup(self, dest: Path) -> None:
        self._run_task(
            self.tr("Writing the backup…"),
            backup,
            dest,
            on_result=self._backup_done,
            cancellable=False,
        )

    def _backup_done(self, info: BackupInfo) -> None:
        text = self.tr("Backup written to {path} ({size} KB).").format(
            path=info.path, size=max(1, info.size // 1024)
        )
        if self._ctx.session.key_source == "keyring":
            text += " " + self.tr("It opens with this file's recovery key.")
        self.statusBar().showMessage(text, 15000)

    def check_casefile(self) -> None:
        self._run_task(
            self.tr("Checking the case file…"), check_casefile, on_result=self._check_done
        )

    def _check_done(self, report: CheckReport) -> None:
        box = QMessageBox(self)
        box.setObjectName("checkResult")
        box.setWindowTitle(self.tr("Check case file"))
        if report.ok:
            box.setIcon(QMessageBox.Icon.Information)
            text = self.tr(
                "The case file is sound: every page decrypts and passes its checks, and the "
                "audit log's chain of %n event(s) is unbroken.",
                "",
                report.chain.events,
            )
            text += " " + self.tr("Every record matches what the audit log last recorded for it.")
            if report.chain.anchor_checked:  # issue 20: say where the anchor is, and its limit
                if report.anchor_source == "anchor file":
                    text += " " + self.tr(
                        "The chain also matches the copy of its end kept in the settings folder."
                    )
                else:
                    text += " " + self.tr(
                        "The chain also matches the copy of its end kept in the system keyring."
                    )
                text += " " + self.tr(
                    "That copy is on this computer: it does not stand against someone who holds "
                    "the key here. Keep the line printed by “dpo-desk audit anchor” elsewhere."
                )
            else:
                text += " " + self.tr(
                    "No copy of the chain's end is kept outside the file, so a cut-off end "
                    "would not show. Keep the line printed by “dpo-desk audit anchor” elsewhere."
                )
        else:
            box.setIcon(QMessageBox.Icon.Warning)
            lines = []
            if report.problems:
                lines.append(
                    self.tr("The file is damaged: {problems}").format(
                        problems="; ".join(report.problems[:3])
                    )
                )
            if not report.chain.ok:
                lines.append(
                    self.tr("The audit log was altered or cut at event {seq}: {problem}").format(
                        seq=report.chain.first_broken, problem=report.chain.problem
                    )
                )
            if report.changed_rows:  # issue 20
                lines.append(
                    self.tr("Records changed outside DPO Desk: {rows}").format(
                        rows=", ".join(report.changed_rows[:10])
                    )
                )
            lines.append(self.tr("Restore the last good backup and keep this file for inspection."))
            text = "\n".join(lines)
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self._open_dialog(box)

    # --- errors ----------------------------------------------------------------------------
    def _show_known_error(self, text: str) -> None:
        box = QMessageBox(self)
        box.setObjectName("knownErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("DPO Desk"))
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self._open_dialog(box)

    def _show_bug(self, exc: BaseException) -> None:
        self._open_dialog(CrashDialog(exc, log_path(), self))

    # --- reminder --------------------------------------------------------------------------
    def _check_reminder(self, notify: bool = False) -> None:
        """Update the banner; ``notify``: also a tray notification (at start, each morning)."""
        self._ctx.db.run(
            reminder,
            self._ctx.today(),
            on_result=lambda value: self._show_reminder(value, notify),
            owner=self,
        )

    def _show_reminder(self, value: Reminder, notify: bool) -> None:
        self.banner.show_reminder(value)
        if notify and value.any and QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self.windowIcon(), self)
                self._tray.setToolTip("DPO Desk")
                self._tray.show()
            self._tray.showMessage(
                "DPO Desk", reminder_text(value), QSystemTrayIcon.MessageIcon.Information, 10_000
            )

    def _show_urgent(self) -> None:
        self.select_scope(SidebarEntry("overdue"))

    def _arm_midnight(self) -> None:
        now = datetime.now()
        tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        delay = (tomorrow - now) + timedelta(minutes=1)
        self._midnight.start(int(delay.total_seconds() * 1000))

    def _new_day(self) -> None:
        """A new day while open: days left move, so refresh, and remind again."""
        if not self._locked:
            self.refresh()
            self._check_reminder(notify=True)
        self._arm_midnight()

    # --- locking ---------------------------------------------------------------------------
    def _on_lock_requested(self, reason: str) -> None:
        log.info("locking (%s)", safe(reason))  # idle, screensaver, suspend, sleep
        self.lock()

    def lock(self) -> None:
        if self._locked:
            return
        self._locked = True
        self._idle.disarm()
        self._ctx.db.executor.invalidate()
        self._search_timer.stop()
        for dialog in list(self._dialogs):
            dialog.reject()
        self._dialogs.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.case_model.clear()
        self.sidebar_model.clear()
        self.case_view.clear()
        self.breaches_view.clear()  # issue 22
        self.banner.hide()
        self.first_steps.hide()
        self._count_label.clear()
        self.statusBar().clearMessage()
        for action in self._case_actions:
            action.setEnabled(False)
        self._stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.reset()
        self._update_title()
        self.lock_screen.focus()

    def _try_unlock(self, secret: str) -> None:
        session = self._ctx.session

        def check() -> bool:
            if not secret.strip():
                return session.key_source == "keyring" and session.verifier.matches_keyring(
                    session.file_id
                )
            return session.verifier.matches(parse_secret(secret))

        def done(ok: bool) -> None:
            if ok:
                self.unlock()
            elif not secret.strip():
                self.lock_screen.show_message(
                    self.tr("The keyring does not hold this file's key; type the recovery key.")
                )
            else:
                self.lock_screen.show_message(
                    self.tr("That passphrase or recovery key is not right.")
                )

        def failed(exc: BaseException) -> None:
            self.lock_screen.show_message(describe_error(exc, session.path))

        self._ctx.db.executor.call(check, on_result=done, on_error=failed, owner=self)

    def unlock(self) -> None:
        if not self._locked:
            return
        self._locked = False
        for action in self._case_actions:
            action.setEnabled(True)
        self.lock_screen.reset()
        self._stack.setCurrentWidget(self._workspace)
        self._update_title()
        self._start_workspace()
        self.case_table.setFocus()

    # --- closing ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self._idle.detach()
        self._midnight.stop()
        if self._tray is not None:
            self._tray.hide()
        super().closeEvent(event)


def localize_date_inputs(root: QWidget) -> None:
    """Every date input under ``root`` in the locale's short form, as the tables write dates
    (inputs written with the ISO form are switched; inputs with a time are left alone)."""
    pattern = date_input_format()
    for edit in root.findChildren(QDateEdit):
        if isinstance(edit, QDateTimeEdit) and edit.displayFormat() == "yyyy-MM-dd":
            edit.setDisplayFormat(pattern)


def visible_texts(root: QWidget) -> list[str]:
    """Every text a visible widget under ``root`` shows (for the lock tests and screenshots)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit

    texts: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel | QAbstractButton, QLineEdit)):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts.extend(_model_texts(model, QModelIndex()))
    texts.append(root.windowTitle())
    return texts


def _model_texts(model: Any, parent: QModelIndex, depth: int = 0) -> list[str]:
    out: list[str] = []
    if depth > 3:
        return out
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private: one column
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            value = model.data(index, Qt.ItemDataRole.DisplayRole)
            if value is not None:
                out.append(str(value))
            if column == 0 and model.rowCount(index) > 0:
                out.extend(_model_texts(model, index, depth + 1))
    return out
