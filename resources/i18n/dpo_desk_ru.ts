<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/about.py" line="36"/>
        <source>About DPO Desk</source>
        <translation>О программе DPO Desk</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/about.py" line="41"/>
        <source>A desk for a data protection officer: log, verify, track and answer data-subject requests. Free software under the GNU GPL, version 3 or later.</source>
        <translation>Рабочее место ответственного за защиту персональных данных: регистрация, проверка, контроль сроков и ответы на запросы субъектов данных. Свободная программа под лицензией GNU GPL версии 3 или более поздней.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="26"/>
        <source>Case logged</source>
        <translation>Обращение зарегистрировано</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="27"/>
        <source>Case changed</source>
        <translation>Обращение изменено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="28"/>
        <source>Status changed</source>
        <translation>Статус изменён</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="29"/>
        <source>Note added</source>
        <translation>Добавлена заметка</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="30"/>
        <source>Deadline event</source>
        <translation>Событие срока</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="31"/>
        <source>Attachment added</source>
        <translation>Добавлено вложение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="32"/>
        <source>Attachment destroyed</source>
        <translation>Вложение уничтожено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="33"/>
        <source>Email added</source>
        <translation>Добавлено письмо</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="34"/>
        <source>Identity checked</source>
        <translation>Личность проверена</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="35"/>
        <source>Letter drafted</source>
        <translation>Подготовлен проект письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="36"/>
        <source>Letter edited</source>
        <translation>Письмо изменено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="37"/>
        <source>Letter finalised</source>
        <translation>Письмо утверждено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="38"/>
        <source>Letter sent</source>
        <translation>Письмо отправлено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="39"/>
        <source>Letter draft deleted</source>
        <translation>Проект письма удалён</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="83"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="84"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="85"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="86"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="87"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="133"/>
        <source>Hash</source>
        <translation>Хеш</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../dpo_desk/ui/views/audit_tab.py" line="37"/>
        <source>Every change of the case, in order. The log is append-only and hash-chained; “Check case file” in the File menu verifies the whole chain.</source>
        <translation>Все изменения обращения по порядку. Журнал только дополняется и связан цепочкой хешей; «Проверить файл дел» в меню «Файл» проверяет всю цепочку.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/audit_tab.py" line="52"/>
        <source>A&amp;udit</source>
        <translation>&amp;Журнал</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="98"/>
        <source>Reference</source>
        <extracomment>Column -&gt; ``CaseQuery.order_by`` (days left sorts like the due date).</extracomment>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="99"/>
        <source>Subject</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="100"/>
        <source>Controller</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="101"/>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="102"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="103"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="104"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="105"/>
        <source>Days left</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="106"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="319"/>
        <source>Governing deadline: {regime}</source>
        <translation>Определяющий срок: {regime}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="324"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="326"/>
        <source>Due within three days</source>
        <translation>Срок в ближайшие три дня</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="328"/>
        <source>Waiting for proof of identity</source>
        <translation>Ожидается подтверждение личности</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../dpo_desk/ui/views/case_view.py" line="129"/>
        <source>No case selected</source>
        <translation>Обращение не выбрано</translation>
    </message>
</context>
<context>
    <name>ControllersDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="55"/>
        <source>Controllers</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="63"/>
        <source>&amp;New controller</source>
        <translation>&amp;Новый оператор</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="77"/>
        <source>short name: letters, digits, dashes</source>
        <translation>краткое имя: буквы, цифры, дефисы</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="94"/>
        <source>one address per line</source>
        <translation>по одному адресу в строке</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="113"/>
        <source>e.g. ru, en (the first is the default)</source>
        <translation>например, ru, en (первый — по умолчанию)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="116"/>
        <source>S&amp;hort name:</source>
        <translation>&amp;Краткое имя:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="117"/>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="118"/>
        <source>&amp;Legal entity:</source>
        <translation>&amp;Юридическое лицо:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="119"/>
        <source>Re&amp;gistration no.:</source>
        <translation>&amp;Рег. номер:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="120"/>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="121"/>
        <source>&amp;DPO contact:</source>
        <translation>&amp;Контакт ответственного:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="122"/>
        <source>&amp;Intake emails:</source>
        <translation>&amp;Адреса для запросов:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="123"/>
        <source>&amp;Jurisdictions:</source>
        <translation>&amp;Юрисдикции:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="128"/>
        <source>Channels:</source>
        <translation>Каналы:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="129"/>
        <source>&amp;Reply languages:</source>
        <translation>&amp;Языки ответов:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="137"/>
        <source>&amp;Save controller</source>
        <translation>&amp;Сохранить оператора</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="235"/>
        <source>Tick at least one jurisdiction whose law applies.</source>
        <translation>Отметьте хотя бы одну юрисдикцию, чьё право применяется.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="246"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/crash.py" line="25"/>
        <location filename="../../dpo_desk/ui/dialogs/crash.py" line="26"/>
        <source>DPO Desk hit a bug</source>
        <translation>В DPO Desk произошла ошибка</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/crash.py" line="33"/>
        <source>Something went wrong inside DPO Desk. The case file is safe: every change is saved when it is made, and the last action was either saved whole or not at all. You can go on working. What happened is in the log:</source>
        <translation>Внутри DPO Desk что-то пошло не так. Файл дел в сохранности: каждое изменение сохраняется сразу, а последнее действие сохранено целиком или не сохранено вовсе. Можно продолжать работу. Подробности записаны в журнал:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/crash.py" line="51"/>
        <source>&amp;Copy details</source>
        <translation>&amp;Копировать подробности</translation>
    </message>
</context>
<context>
    <name>DeadlineTableModel</name>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="32"/>
        <source>Regime</source>
        <translation>Режим</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="33"/>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="34"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="35"/>
        <source>Kind of deadline</source>
        <translation>Вид срока</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="36"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="37"/>
        <source>Extension</source>
        <translation>Продление</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="38"/>
        <source>Citation</source>
        <translation>Норма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="78"/>
        <source>immediately</source>
        <translation>немедленно</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="80"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n рабочий день</numerusform>
            <numerusform>%n рабочих дня</numerusform>
            <numerusform>%n рабочих дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="82"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n неделя</numerusform>
            <numerusform>%n недели</numerusform>
            <numerusform>%n недель</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="84"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n месяц</numerusform>
            <numerusform>%n месяца</numerusform>
            <numerusform>%n месяцев</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="85"/>
        <source>%n calendar day(s)</source>
        <translation>
            <numerusform>%n календарный день</numerusform>
            <numerusform>%n календарных дня</numerusform>
            <numerusform>%n календарных дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="89"/>
        <source>extended (was {date})</source>
        <translation>продлён (было {date})</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="91"/>
        <source>none allowed</source>
        <translation>не допускается</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="92"/>
        <source>to {date}</source>
        <translation>до {date}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="94"/>
        <source>, notice by {date}</source>
        <translation>, уведомить до {date}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="113"/>
        <source>statutory</source>
        <translation>по закону</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="113"/>
        <source>internal target</source>
        <translation>внутренний ориентир</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="133"/>
        <source>The governing (earliest) deadline</source>
        <translation>Определяющий (самый ранний) срок</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/deadlines.py" line="135"/>
        <source>An internal target, not a deadline set by law</source>
        <translation>Внутренний ориентир, а не установленный законом срок</translation>
    </message>
</context>
<context>
    <name>DeadlinesTab</name>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="90"/>
        <source>Clock events</source>
        <translation>События срока</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="96"/>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="100"/>
        <source>Note (e.g. the reason for the extension)</source>
        <translation>Примечание (например, причина продления)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="101"/>
        <source>N&amp;ote:</source>
        <translation>При&amp;мечание:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="103"/>
        <source>&amp;Extend (notice sent)</source>
        <translation>Пр&amp;одлить (уведомление отправлено)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="105"/>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="259"/>
        <source>Record that the extension notice went out on this date</source>
        <translation>Записать, что уведомление о продлении отправлено в эту дату</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="106"/>
        <source>&amp;Pause: identity proof requested</source>
        <translation>&amp;Пауза: запрошено подтверждение личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="108"/>
        <source>&amp;Resume: identity proof received</source>
        <translation>Продолжить: подтверждение личности по&amp;лучено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="110"/>
        <source>Pause: &amp;clarification requested</source>
        <translation>Пауза: запрошено &amp;уточнение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="113"/>
        <source>Resume: clarification rece&amp;ived</source>
        <translation>Продолжить: уточнение получ&amp;ено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="151"/>
        <source>&amp;Deadlines</source>
        <translation>Сро&amp;ки</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="163"/>
        <source>No deadline applies.</source>
        <translation>Срок не применяется.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="165"/>
        <source>Due {date} — {regime}, {request} ({target})</source>
        <translation>Срок {date} — {regime}, {request} ({target})</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="169"/>
        <source>statutory</source>
        <translation>по закону</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="169"/>
        <source>internal target</source>
        <translation>внутренний ориентир</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="192"/>
        <source>Not applicable:</source>
        <translation>Не применяется:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="222"/>
        <source>due today</source>
        <translation>срок сегодня</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="226"/>
        <source>overdue by %n working day(s)</source>
        <translation>
            <numerusform>просрочено на %n рабочий день</numerusform>
            <numerusform>просрочено на %n рабочих дня</numerusform>
            <numerusform>просрочено на %n рабочих дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="227"/>
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>просрочено на %n день</numerusform>
            <numerusform>просрочено на %n дня</numerusform>
            <numerusform>просрочено на %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="229"/>
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>остался %n рабочий день</numerusform>
            <numerusform>осталось %n рабочих дня</numerusform>
            <numerusform>осталось %n рабочих дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="230"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>остался %n день</numerusform>
            <numerusform>осталось %n дня</numerusform>
            <numerusform>осталось %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="239"/>
        <source>Calendars: {names}</source>
        <translation>Календари: {names}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="261"/>
        <source>No regime of this case allows (another) extension</source>
        <translation>Ни один режим этого обращения не допускает (повторного) продления</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="299"/>
        <source>Recorded: {event} on {date}.</source>
        <translation>Записано: {event}, {date}.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="42"/>
        <source>The passphrase or recovery key does not open this case file (or the file is not a DPO Desk case file).</source>
        <translation>Пароль или ключ восстановления не открывает этот файл дел (или это не файл дел DPO Desk).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="50"/>
        <source>The case file is open in another DPO Desk (process {pid} on {host} since {since}); close it there first.</source>
        <translation>Файл дел открыт в другом DPO Desk (процесс {pid} на {host} с {since}); сначала закройте его там.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="57"/>
        <source>This case file was written by a newer DPO Desk. Update DPO Desk to open it; the file was not changed.</source>
        <translation>Этот файл дел записан более новой версией DPO Desk. Обновите DPO Desk, чтобы открыть его; файл не изменён.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="63"/>
        <source>This case file needs its passphrase or recovery key.</source>
        <translation>Для этого файла дел нужен его пароль или ключ восстановления.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="67"/>
        <source>The case file does not exist (any more) at this place.</source>
        <translation>Файла дел в этом месте нет (больше нет).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="71"/>
        <source>The disk is full; the last change was not saved.</source>
        <translation>Диск заполнен; последнее изменение не сохранено.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="75"/>
        <source>The case file is in a read-only place; nothing can be saved there.</source>
        <translation>Файл дел находится в месте только для чтения; сохранить в нём ничего нельзя.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="79"/>
        <source>This installation&apos;s SQLCipher is too old for DPO Desk; reinstall DPO Desk.</source>
        <translation>SQLCipher в этой установке слишком старый для DPO Desk; переустановите DPO Desk.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="84"/>
        <source>DPO Desk hit a bug.</source>
        <translation>В DPO Desk произошла ошибка.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="43"/>
        <source>Welcome to DPO Desk</source>
        <translation>Добро пожаловать в DPO Desk</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="52"/>
        <source>DPO Desk keeps every case — requests, identity documents, letters, the audit log — in one encrypted file on this computer:</source>
        <translation>DPO Desk хранит все обращения — запросы, документы, удостоверяющие личность, письма, журнал аудита — в одном зашифрованном файле на этом компьютере:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="62"/>
        <source>Where should the key to that file live?</source>
        <translation>Где хранить ключ к этому файлу?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="65"/>
        <source>In the system &amp;keyring (recommended)</source>
        <translation>В системном &amp;хранилище ключей (рекомендуется)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="67"/>
        <source>Looking for a keyring…</source>
        <translation>Поиск хранилища ключей…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="71"/>
        <source>In my head: a &amp;passphrase</source>
        <translation>В памяти: &amp;пароль</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="87"/>
        <source>Pa&amp;ssphrase:</source>
        <translation>П&amp;ароль:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="89"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Повтор:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="95"/>
        <source>At least 8 characters. Nobody can recover a forgotten passphrase: without it the cases cannot be read.</source>
        <translation>Не менее 8 символов. Забытый пароль никто не восстановит: без него обращения прочитать нельзя.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="110"/>
        <source>&amp;Create case file</source>
        <translation>&amp;Создать файл дел</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="144"/>
        <source>Found: {backend}. You will get a recovery key to write down.</source>
        <translation>Найдено: {backend}. Вы получите ключ восстановления, чтобы его записать.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="152"/>
        <source>No usable keyring here ({reason}).</source>
        <translation>Здесь нет рабочего хранилища ключей ({reason}).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="173"/>
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation>Выберите пароль не короче 8 символов.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="175"/>
        <source>The two passphrases differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="177"/>
        <source>That looks like a recovery key; choose a passphrase.</source>
        <translation>Это похоже на ключ восстановления; выберите пароль.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="186"/>
        <source>Creating the case file…</source>
        <translation>Создание файла дел…</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="25"/>
        <source>New case</source>
        <translation>Новое обращение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="26"/>
        <source>Added to an open case</source>
        <translation>Добавлено в открытое обращение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="27"/>
        <source>Already in the file</source>
        <translation>Уже есть в файле</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="28"/>
        <source>Refused</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="29"/>
        <source>Controller unknown</source>
        <translation>Оператор не определён</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="30"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="47"/>
        <source>Email import</source>
        <translation>Импорт писем</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="51"/>
        <source>%n message(s) imported.</source>
        <translation>
            <numerusform>Импортировано %n письмо.</numerusform>
            <numerusform>Импортировано %n письма.</numerusform>
            <numerusform>Импортировано %n писем.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="53"/>
        <source>%n refused or skipped.</source>
        <translation>
            <numerusform>%n письмо отклонено или пропущено.</numerusform>
            <numerusform>%n письма отклонены или пропущены.</numerusform>
            <numerusform>%n писем отклонено или пропущено.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="60"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="60"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="60"/>
        <source>Case</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="60"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="86"/>
        <source>Double-click a row to open its case.</source>
        <translation>Дважды щёлкните строку, чтобы открыть обращение.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="14"/>
        <source>Access</source>
        <translation>Доступ</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="15"/>
        <source>Rectification</source>
        <translation>Исправление</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="16"/>
        <source>Erasure</source>
        <translation>Удаление</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="17"/>
        <source>Restriction (blocking)</source>
        <translation>Блокирование</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="18"/>
        <source>Objection</source>
        <translation>Возражение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="19"/>
        <source>Objection to automated decisions</source>
        <translation>Возражение против автоматизированных решений</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="22"/>
        <source>Stop processing</source>
        <translation>Прекращение обработки</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="23"/>
        <source>Consent withdrawal</source>
        <translation>Отзыв согласия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="24"/>
        <source>Marketing opt-out</source>
        <translation>Отказ от рекламы</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="25"/>
        <source>Recipients</source>
        <translation>Получатели</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="26"/>
        <source>Portability</source>
        <translation>Переносимость</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="27"/>
        <source>Transfer notification</source>
        <translation>Уведомление о передаче</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="28"/>
        <source>Stop unlawful processing</source>
        <translation>Прекращение неправомерной обработки</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="29"/>
        <source>Destruction after consent withdrawal</source>
        <translation>Уничтожение после отзыва согласия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="35"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="36"/>
        <source>Awaiting identity</source>
        <translation>Ждёт подтверждения личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="37"/>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="38"/>
        <source>Responded</source>
        <translation>Дан ответ</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="39"/>
        <source>Closed</source>
        <translation>Закрыто</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="40"/>
        <source>Rejected</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="41"/>
        <source>Withdrawn</source>
        <translation>Отозвано</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="46"/>
        <source>Await identity</source>
        <extracomment>What the button that moves a case to a status says.</extracomment>
        <translation>Ждать подтверждения личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="47"/>
        <source>Start work</source>
        <translation>Взять в работу</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="48"/>
        <source>Mark responded</source>
        <translation>Ответ дан</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="49"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="50"/>
        <source>Reject</source>
        <translation>Отказать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="51"/>
        <source>Withdrawn by requester</source>
        <translation>Отозвано заявителем</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="55"/>
        <source>Post</source>
        <translation>Почта</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="56"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="57"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="61"/>
        <source>Identity proof requested</source>
        <translation>Запрошено подтверждение личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="62"/>
        <source>Identity proof received</source>
        <translation>Получено подтверждение личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="63"/>
        <source>Clarification requested</source>
        <translation>Запрошено уточнение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="64"/>
        <source>Clarification received</source>
        <translation>Получено уточнение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="65"/>
        <source>Fee requested</source>
        <translation>Запрошена плата</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="66"/>
        <source>Fee paid</source>
        <translation>Плата внесена</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="67"/>
        <source>Extension notice sent</source>
        <translation>Отправлено уведомление о продлении</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="72"/>
        <source>Russian</source>
        <extracomment>Languages offered for requests and replies (ISO 639-1), with their names.</extracomment>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="73"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="74"/>
        <source>Kyrgyz</source>
        <translation>Кыргызский</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="75"/>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="76"/>
        <source>French</source>
        <translation>Французский</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="77"/>
        <source>German</source>
        <translation>Немецкий</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="78"/>
        <source>Uzbek</source>
        <translation>Узбекский</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="82"/>
        <source>Extra holiday</source>
        <translation>Дополнительный выходной</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="83"/>
        <source>Working day (transfer)</source>
        <translation>Рабочий день (перенос)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="84"/>
        <source>Not a holiday</source>
        <translation>Не праздник</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="121"/>
        <source>Unknown</source>
        <translation>Неизвестен</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="146"/>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/labels.py" line="148"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/labels.py" line="149"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>просрочка %n день</numerusform>
            <numerusform>просрочка %n дня</numerusform>
            <numerusform>просрочка %n дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../dpo_desk/ui/lock.py" line="162"/>
        <source>DPO Desk is locked</source>
        <extracomment>(object path, interface) of the screen savers&apos; ActiveChanged(bool) signal.</extracomment>
        <translation>DPO Desk заблокирован</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/lock.py" line="169"/>
        <source>Case file: {name}</source>
        <translation>Файл дел: {name}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/lock.py" line="174"/>
        <source>Press Unlock to use the key in the system keyring, or type the recovery key.</source>
        <translation>Нажмите «Разблокировать», чтобы использовать ключ из системного хранилища, или введите ключ восстановления.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/lock.py" line="177"/>
        <source>Type the passphrase (or the recovery key) to unlock.</source>
        <translation>Введите пароль (или ключ восстановления), чтобы разблокировать.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/lock.py" line="185"/>
        <source>Recovery key (optional)</source>
        <translation>Ключ восстановления (необязательно)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/lock.py" line="185"/>
        <source>Passphrase</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/lock.py" line="187"/>
        <source>Passphrase or recovery key</source>
        <translation>Пароль или ключ восстановления</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/lock.py" line="190"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/lock.py" line="241"/>
        <source>Type the passphrase first.</source>
        <translation>Сначала введите пароль.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="154"/>
        <source>&amp;New postal request…</source>
        <extracomment>The case view&apos;s tabs in this wave; later waves append theirs. File types the email import takes (dropped on the window or chosen in the file dialog).</extracomment>
        <translation>&amp;Новый почтовый запрос…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="158"/>
        <source>Log a request that came by post</source>
        <translation>Зарегистрировать запрос, пришедший по почте</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="162"/>
        <source>&amp;Import email…</source>
        <translation>&amp;Импорт писем…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="166"/>
        <source>Import .eml, .msg or .mbox files (or drop them on the window)</source>
        <translation>Импортировать файлы .eml, .msg или .mbox (или перетащите их в окно)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="170"/>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="174"/>
        <source>Hide the cases until the passphrase or keyring unlocks them</source>
        <translation>Скрыть обращения до разблокировки паролем или ключом из хранилища</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="179"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Резервная копия…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="183"/>
        <source>Write an encrypted copy of the case file</source>
        <translation>Записать зашифрованную копию файла дел</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="187"/>
        <source>&amp;Check case file</source>
        <translation>&amp;Проверить файл дел</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="191"/>
        <source>Check every page of the file and the audit log&apos;s chain</source>
        <translation>Проверить каждую страницу файла и цепочку журнала аудита</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="194"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="197"/>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="201"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="207"/>
        <source>&amp;Controllers…</source>
        <translation>&amp;Операторы…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="210"/>
        <source>Calendar &amp;overrides…</source>
        <translation>&amp;Поправки календаря…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="214"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Параметры…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="218"/>
        <source>&amp;About DPO Desk</source>
        <translation>&amp;О программе DPO Desk</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="234"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="244"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="248"/>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="254"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="260"/>
        <source>Main toolbar</source>
        <translation>Основная панель</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="286"/>
        <source>Start by adding the controllers you serve: their laws set the deadlines.</source>
        <translation>Начните с добавления операторов, которых вы обслуживаете: их право определяет сроки.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="290"/>
        <source>&amp;Add a controller…</source>
        <translation>&amp;Добавить оператора…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="307"/>
        <source>Views and controllers</source>
        <translation>Представления и операторы</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="316"/>
        <source>Search names, references, notes and emails (Ctrl+F)</source>
        <translation>Поиск по именам, номерам, заметкам и письмам (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="318"/>
        <source>Search cases</source>
        <translation>Поиск обращений</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="337"/>
        <source>Cases</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="410"/>
        <source>{name} (locked) — DPO Desk</source>
        <translation>{name} (заблокировано) — DPO Desk</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="412"/>
        <source>{name} — DPO Desk</source>
        <translation>{name} — DPO Desk</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/main_window.py" line="491"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n обращение</numerusform>
            <numerusform>%n обращения</numerusform>
            <numerusform>%n обращений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="590"/>
        <source>Another job is still running.</source>
        <translation>Ещё выполняется другая задача.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="618"/>
        <source>Import email</source>
        <translation>Импорт писем</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="621"/>
        <source>Email (*.eml *.msg *.mbox *.txt)</source>
        <translation>Письма (*.eml *.msg *.mbox *.txt)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="630"/>
        <source>Importing email…</source>
        <translation>Импорт писем…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="671"/>
        <source>Back up the case file</source>
        <translation>Резервная копия файла дел</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="674"/>
        <source>DPO Desk case files (*.dpodesk)</source>
        <translation>Файлы дел DPO Desk (*.dpodesk)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="682"/>
        <source>Writing the backup…</source>
        <translation>Запись резервной копии…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="690"/>
        <source>Backup written to {path} ({size} KB).</source>
        <translation>Резервная копия записана в {path} ({size} КБ).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="694"/>
        <source>It opens with this file&apos;s recovery key.</source>
        <translation>Она открывается ключом восстановления этого файла.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="699"/>
        <source>Checking the case file…</source>
        <translation>Проверка файла дел…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="705"/>
        <source>Check case file</source>
        <translation>Проверка файла дел</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/main_window.py" line="709"/>
        <source>The case file is sound: every page decrypts and passes its checks, and the audit log&apos;s chain of %n event(s) is unbroken.</source>
        <translation>
            <numerusform>Файл дел исправен: каждая страница расшифровывается и проходит проверки, цепочка журнала аудита из %n события не нарушена.</numerusform>
            <numerusform>Файл дел исправен: каждая страница расшифровывается и проходит проверки, цепочка журнала аудита из %n событий не нарушена.</numerusform>
            <numerusform>Файл дел исправен: каждая страница расшифровывается и проходит проверки, цепочка журнала аудита из %n событий не нарушена.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="716"/>
        <source>The chain also matches the copy of its end kept in the system keyring.</source>
        <translation>Цепочка также совпадает с копией её конца в системном хранилище ключей.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="723"/>
        <source>The file is damaged: {problems}</source>
        <translation>Файл повреждён: {problems}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="729"/>
        <source>The audit log was altered or cut at event {seq}: {problem}</source>
        <translation>Журнал аудита изменён или обрезан на событии {seq}: {problem}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="733"/>
        <source>Restore the last good backup and keep this file for inspection.</source>
        <translation>Восстановите последнюю исправную резервную копию, а этот файл сохраните для проверки.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="744"/>
        <source>DPO Desk</source>
        <translation>DPO Desk</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="836"/>
        <source>The keyring does not hold this file&apos;s key; type the recovery key.</source>
        <translation>В хранилище нет ключа этого файла; введите ключ восстановления.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="840"/>
        <source>That passphrase or recovery key is not right.</source>
        <translation>Пароль или ключ восстановления неверен.</translation>
    </message>
</context>
<context>
    <name>OverridesDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="51"/>
        <source>Calendar overrides</source>
        <translation>Поправки календаря</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="57"/>
        <source>Correct the national calendars where a government decree moved a day off or set a religious holiday the calendar data does not know yet. Open cases&apos; due dates are recomputed at once.</source>
        <translation>Исправьте национальные календари, если постановление правительства перенесло выходной или установило дату религиозного праздника, которых ещё нет в данных календаря. Сроки открытых обращений пересчитываются сразу.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="67"/>
        <source>Calendar</source>
        <translation>Календарь</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="67"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="67"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="67"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="91"/>
        <source>Decree or reason</source>
        <translation>Постановление или причина</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="93"/>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="96"/>
        <source>&amp;Remove selected</source>
        <translation>&amp;Удалить выбранное</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="106"/>
        <source>&amp;Calendar:</source>
        <translation>&amp;Календарь:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="107"/>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="108"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="109"/>
        <source>&amp;Note:</source>
        <translation>&amp;Примечание:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="146"/>
        <source>Choose or type a calendar code (e.g. RU, KZ, GB-ENG).</source>
        <translation>Выберите или введите код календаря (например, RU, KZ, GB-ENG).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="162"/>
        <source>Select the override to remove.</source>
        <translation>Выберите поправку, которую нужно удалить.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="177"/>
        <source>Saved; due dates of open cases were recomputed.</source>
        <translation>Сохранено; сроки открытых обращений пересчитаны.</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="70"/>
        <source>Request</source>
        <extracomment>The order status buttons appear in (the usual path first).</extracomment>
        <translation>Запрос</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="75"/>
        <source>Reference</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="76"/>
        <source>Controller</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="77"/>
        <source>Data subject</source>
        <translation>Субъект данных</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="78"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="79"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="80"/>
        <source>Asks for</source>
        <translation>Просит</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="81"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="82"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="83"/>
        <source>Postmark</source>
        <translation>Почтовый штемпель</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="84"/>
        <source>Registered mail no.</source>
        <translation>№ заказного письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="85"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="86"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="87"/>
        <source>Summary</source>
        <translation>Суть</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="92"/>
        <source>Move the case</source>
        <translation>Ход обращения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="99"/>
        <source>Reason (for a rejection or withdrawal)</source>
        <translation>Причина (для отказа или отзыва)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="100"/>
        <source>&amp;Reason:</source>
        <translation>При&amp;чина:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="111"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="120"/>
        <source>A note for the file (who called, what was checked…)</source>
        <translation>Заметка в дело (кто звонил, что проверено…)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="124"/>
        <source>&amp;Add note</source>
        <translation>&amp;Добавить заметку</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="145"/>
        <source>&amp;Overview</source>
        <translation>&amp;Обзор</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="224"/>
        <source>Write the note first.</source>
        <translation>Сначала напишите заметку.</translation>
    </message>
</context>
<context>
    <name>PostalRequestDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="49"/>
        <source>New postal request</source>
        <translation>Новый почтовый запрос</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="75"/>
        <source>&amp;Known:</source>
        <translation>&amp;Известен:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="105"/>
        <source>The request in a sentence or two</source>
        <translation>Суть запроса в одном-двух предложениях</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="113"/>
        <source>C&amp;ontroller:</source>
        <translation>&amp;Оператор:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="114"/>
        <source>&amp;Main request:</source>
        <translation>Основной &amp;запрос:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="115"/>
        <source>Also &amp;asks for:</source>
        <translation>&amp;Также просит:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="116"/>
        <source>&amp;Received (date stamp):</source>
        <translation>&amp;Получено (штамп):</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="117"/>
        <source>Postmark:</source>
        <translation>Почтовый штемпель:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="118"/>
        <source>Re&amp;gistered mail no.:</source>
        <translation>№ за&amp;казного письма:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="119"/>
        <source>Sender&apos;s &amp;name:</source>
        <translation>&amp;Имя отправителя:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="120"/>
        <source>Sender&apos;s a&amp;ddress:</source>
        <translation>&amp;Адрес отправителя:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="121"/>
        <source>&amp;Email (if given):</source>
        <translation>&amp;Эл. почта (если указана):</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="122"/>
        <source>&amp;Language of the letter:</source>
        <translation>&amp;Язык письма:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="123"/>
        <source>S&amp;ummary:</source>
        <translation>&amp;Суть:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="125"/>
        <source>Scans of the letter are added on the case once it is logged.</source>
        <translation>Сканы письма добавляются в обращение после его регистрации.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="135"/>
        <source>&amp;Log request</source>
        <translation>&amp;Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="166"/>
        <source>Add a controller first (Settings → Controllers…).</source>
        <translation>Сначала добавьте оператора (Настройки → Операторы…).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="202"/>
        <source>Choose the controller the letter was addressed to.</source>
        <translation>Выберите оператора, которому адресовано письмо.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="205"/>
        <source>Type the sender&apos;s name.</source>
        <translation>Введите имя отправителя.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="209"/>
        <source>The postmark cannot be later than the date of receipt.</source>
        <translation>Дата штемпеля не может быть позже даты получения.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="230"/>
        <source>Logging…</source>
        <translation>Регистрация…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="26"/>
        <source>Preferences</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="31"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="32"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="36"/>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="41"/>
        <source>A new language applies when DPO Desk starts again.</source>
        <translation>Новый язык применится при следующем запуске DPO Desk.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="44"/>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Блокировать после простоя:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="46"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/recovery_key.py" line="27"/>
        <source>Your recovery key</source>
        <extracomment>How long the recovery key may stay on the clipboard.</extracomment>
        <translation>Ваш ключ восстановления</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/recovery_key.py" line="32"/>
        <source>The key to the case file is kept in the system keyring. If the keyring is lost or changed (a new computer, a reinstalled system), this recovery key is the only way into the file. Write it down or print it, and keep it somewhere safe. It is shown only now.</source>
        <translation>Ключ к файлу дел хранится в системном хранилище ключей. Если хранилище будет утеряно или заменено (новый компьютер, переустановленная система), этот ключ восстановления — единственный способ открыть файл. Запишите или распечатайте его и храните в надёжном месте. Он показывается только сейчас.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/recovery_key.py" line="47"/>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/recovery_key.py" line="50"/>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/recovery_key.py" line="55"/>
        <source>I have &amp;written it down</source>
        <translation>Я его &amp;записал(а)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/recovery_key.py" line="59"/>
        <source>C&amp;ontinue</source>
        <translation>&amp;Продолжить</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/recovery_key.py" line="92"/>
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Скопировано. Буфер обмена будет очищен через %n секунду.</numerusform>
            <numerusform>Скопировано. Буфер обмена будет очищен через %n секунды.</numerusform>
            <numerusform>Скопировано. Буфер обмена будет очищен через %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/recovery_key.py" line="105"/>
        <source>DPO Desk recovery key</source>
        <translation>Ключ восстановления DPO Desk</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/recovery_key.py" line="106"/>
        <source>Case file: {name}</source>
        <translation>Файл дел: {name}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/recovery_key.py" line="107"/>
        <source>Keep this page somewhere safe. It opens the case file without the keyring.</source>
        <translation>Храните эту страницу в надёжном месте. Она открывает файл дел без хранилища ключей.</translation>
    </message>
</context>
<context>
    <name>Reminder</name>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/widgets.py" line="27"/>
        <source>%n case(s) overdue</source>
        <translation>
            <numerusform>%n обращение просрочено</numerusform>
            <numerusform>%n обращения просрочены</numerusform>
            <numerusform>%n обращений просрочено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/widgets.py" line="31"/>
        <source>%n case(s) due today</source>
        <translation>
            <numerusform>у %n обращения срок сегодня</numerusform>
            <numerusform>у %n обращений срок сегодня</numerusform>
            <numerusform>у %n обращений срок сегодня</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <location filename="../../dpo_desk/ui/widgets.py" line="52"/>
        <source>&amp;Show them</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/widgets.py" line="58"/>
        <source>Hide until tomorrow</source>
        <translation>Скрыть до завтра</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/widgets.py" line="59"/>
        <source>Hide the reminder</source>
        <translation>Скрыть напоминание</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="33"/>
        <source>Overdue</source>
        <extracomment>Saved views in the order shown, with their names.</extracomment>
        <translation>Просроченные</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="34"/>
        <source>Due in 3 days</source>
        <translation>Срок в течение 3 дней</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="35"/>
        <source>Awaiting identity</source>
        <translation>Ждут подтверждения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="36"/>
        <source>Open</source>
        <translation>Открытые</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="37"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="38"/>
        <source>Closed</source>
        <translation>Закрытые</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="60"/>
        <source>Views</source>
        <translation>Представления</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="60"/>
        <source>Controllers</source>
        <translation>Операторы</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="188"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n обращение</numerusform>
            <numerusform>%n обращения</numerusform>
            <numerusform>%n обращений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <location filename="../../dpo_desk/ui/widgets.py" line="95"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../dpo_desk/ui/views/timeline.py" line="71"/>
        <source>Deadline timeline</source>
        <translation>Шкала сроков</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/timeline.py" line="97"/>
        <source>Received {date}</source>
        <translation>Получено {date}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/timeline.py" line="99"/>
        <source>still waiting</source>
        <translation>ещё ждём</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/timeline.py" line="101"/>
        <source>Paused {start} – {end}</source>
        <translation>Пауза {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/timeline.py" line="104"/>
        <source>Extension notice {date}</source>
        <translation>Уведомление о продлении {date}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/timeline.py" line="107"/>
        <source>Due {date} ({regime})</source>
        <translation>Срок {date} ({regime})</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/timeline.py" line="165"/>
        <source>received</source>
        <translation>получено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/timeline.py" line="200"/>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/unlock.py" line="40"/>
        <source>Unlock the case file</source>
        <translation>Разблокировка файла дел</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/unlock.py" line="47"/>
        <source>Type the passphrase or the recovery key of {name}.</source>
        <translation>Введите пароль или ключ восстановления файла {name}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/unlock.py" line="57"/>
        <location filename="../../dpo_desk/ui/dialogs/unlock.py" line="58"/>
        <source>Passphrase or recovery key</source>
        <translation>Пароль или ключ восстановления</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/unlock.py" line="65"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/unlock.py" line="70"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/unlock.py" line="98"/>
        <source>Opening…</source>
        <translation>Открытие…</translation>
    </message>
</context>
</TS>
