<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>BreachesView</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/views/breaches.py" line="316" />
            <source>%n overdue</source>
            <translation>
                <numerusform>%n overdue</numerusform>
                <numerusform>%n overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/views/breaches.py" line="318" />
            <source>%n due soon</source>
            <translation>
                <numerusform>%n due soon</numerusform>
                <numerusform>%n due soon</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DeadlineTableModel</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/models/deadlines.py" line="80" />
            <source>%n working day(s)</source>
            <translation>
                <numerusform>%n working day</numerusform>
                <numerusform>%n working days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/models/deadlines.py" line="82" />
            <source>%n week(s)</source>
            <translation>
                <numerusform>%n week</numerusform>
                <numerusform>%n weeks</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/models/deadlines.py" line="84" />
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n month</numerusform>
                <numerusform>%n months</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/models/deadlines.py" line="85" />
            <source>%n calendar day(s)</source>
            <translation>
                <numerusform>%n calendar day</numerusform>
                <numerusform>%n calendar days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DestroyCopiesDialog</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/views/identity_tab.py" line="95" />
            <source>The ID copies of case {reference} (%n file(s)) will be destroyed for good: their content is erased from the case file and cannot be recovered.</source>
            <translation>
                <numerusform>The ID copies of case {reference} (%n file) will be destroyed for good: their content is erased from the case file and cannot be recovered.</numerusform>
                <numerusform>The ID copies of case {reference} (%n files) will be destroyed for good: their content is erased from the case file and cannot be recovered.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/dialogs/export.py" line="471" />
            <source>Written to {path} ({size}, %n case(s)).</source>
            <translation>
                <numerusform>Written to {path} ({size}, %n case).</numerusform>
                <numerusform>Written to {path} ({size}, %n cases).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IdentityTab</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/views/identity_tab.py" line="641" />
            <source>ID copies destroyed as the controller's policy requires: %n file(s); their hashes are kept in the record.</source>
            <translation>
                <numerusform>ID copies destroyed as the controller's policy requires: %n file; their hashes are kept in the record.</numerusform>
                <numerusform>ID copies destroyed as the controller's policy requires: %n files; their hashes are kept in the record.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/views/identity_tab.py" line="943" />
            <source>ID copies destroyed: %n file(s); the verification record keeps their hashes.</source>
            <translation>
                <numerusform>ID copies destroyed: %n file; the verification record keeps their hashes.</numerusform>
                <numerusform>ID copies destroyed: %n files; the verification record keeps their hashes.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportResultDialog</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="53" />
            <source>%n message(s) imported.</source>
            <translation>
                <numerusform>%n message imported.</numerusform>
                <numerusform>%n messages imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="60" />
            <source>%n refused or skipped.</source>
            <translation>
                <numerusform>%n refused or skipped.</numerusform>
                <numerusform>%n refused or skipped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="55" />
            <source>%n wait(s) in the inbox: not confidently a request.</source>
            <translation>
                <numerusform>%n wait in the inbox: not confidently a request.</numerusform>
                <numerusform>%n waits in the inbox: not confidently a request.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/labels.py" line="297" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/labels.py" line="298" />
            <source>%n day(s) overdue</source>
            <translation>
                <numerusform>%n day overdue</numerusform>
                <numerusform>%n days overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/labels.py" line="309" />
            <source>overdue by %n working day(s)</source>
            <translation>
                <numerusform>overdue by %n working day</numerusform>
                <numerusform>overdue by %n working days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/labels.py" line="310" />
            <source>overdue by %n day(s)</source>
            <translation>
                <numerusform>overdue by %n day</numerusform>
                <numerusform>overdue by %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/labels.py" line="312" />
            <source>%n working day(s) left</source>
            <translation>
                <numerusform>%n working day left</numerusform>
                <numerusform>%n working days left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/labels.py" line="313" />
            <source>%n day(s) left</source>
            <translation>
                <numerusform>%n day left</numerusform>
                <numerusform>%n days left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/labels.py" line="356" />
            <source>with %n correction(s) from this case file</source>
            <translation>
                <numerusform>with %n correction from this case file</numerusform>
                <numerusform>with %n corrections from this case file</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LettersTab</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1448" />
            <source>%n page(s) sent to {printer}.</source>
            <translation>
                <numerusform>%n page sent to {printer}.</numerusform>
                <numerusform>%n pages sent to {printer}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/main_window.py" line="813" />
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/main_window.py" line="1183" />
            <source>The case file is sound: every page decrypts and passes its checks, and the audit log's chain of %n event(s) is unbroken.</source>
            <translation>
                <numerusform>The case file is sound: every page decrypts and passes its checks, and the audit log's chain of %n event is unbroken.</numerusform>
                <numerusform>The case file is sound: every page decrypts and passes its checks, and the audit log's chain of %n events is unbroken.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/main_window.py" line="1103" />
            <source>The files hold %n message(s): more than 200 new cases may be opened.</source>
            <translation>
                <numerusform>The files hold %n message: more than 200 new cases may be opened.</numerusform>
                <numerusform>The files hold %n messages: more than 200 new cases may be opened.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/dialogs/recovery_key.py" line="92" />
            <source>Copied. The clipboard is cleared in %n second(s).</source>
            <translation>
                <numerusform>Copied. The clipboard is cleared in %n second.</numerusform>
                <numerusform>Copied. The clipboard is cleared in %n seconds.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Reminder</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/widgets.py" line="30" />
            <source>%n case(s) overdue</source>
            <translation>
                <numerusform>%n case overdue</numerusform>
                <numerusform>%n cases overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/widgets.py" line="34" />
            <source>%n case(s) due today</source>
            <translation>
                <numerusform>%n case due today</numerusform>
                <numerusform>%n cases due today</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ScanList</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/dialogs/scans.py" line="233" />
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SidebarModel</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/models/sidebar.py" line="189" />
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TrustStoreDialog</name>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="253" />
            <source>Imported %n certificate(s).</source>
            <translation>
                <numerusform>Imported %n certificate.</numerusform>
                <numerusform>Imported %n certificates.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="256" />
            <source>Already trusted, not added again: %n certificate(s).</source>
            <translation>
                <numerusform>Already trusted, not added again: %n certificate.</numerusform>
                <numerusform>Already trusted, not added again: %n certificates.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="307" />
            <source>{source}: %n certificate(s) added</source>
            <translation>
                <numerusform>{source}: %n certificate added</numerusform>
                <numerusform>{source}: %n certificates added</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="313" />
            <source>now recorded as coming from this list: %n</source>
            <translation>
                <numerusform>now recorded as coming from this list: %n</numerusform>
                <numerusform>now recorded as coming from this list: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="316" />
            <source>already trusted: %n</source>
            <translation>
                <numerusform>already trusted: %n</numerusform>
                <numerusform>already trusted: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="318" />
            <source>left out: %n</source>
            <translation>
                <numerusform>left out: %n</numerusform>
                <numerusform>left out: %n</numerusform>
            </translation>
        </message>
    </context>
</TS>
