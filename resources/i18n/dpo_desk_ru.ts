<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/about.py" line="33"/>
        <source>About DPO Desk</source>
        <translation>О программе DPO Desk</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/about.py" line="38"/>
        <source>A desk for a data protection officer: log, verify, track and answer data-subject requests. Free software under the GNU GPL, version 3 or later.</source>
        <translation>Рабочее место ответственного за защиту персональных данных: регистрация, проверка, контроль сроков и ответы на запросы субъектов данных. Свободная программа под лицензией GNU GPL версии 3 или более поздней.</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../dpo_desk/ui/accessibility.py" line="86"/>
        <source>Postmark date</source>
        <extracomment>Controls whose label is not their buddy (a check box beside a date, a list under a group title), by object name. Their owners may set the name where they build them instead.</extracomment>
        <translation>Дата почтового штемпеля</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/accessibility.py" line="87"/>
        <source>Register from</source>
        <translation>Реестр с</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/accessibility.py" line="88"/>
        <source>Register to</source>
        <translation>Реестр по</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/accessibility.py" line="89"/>
        <source>Document expiry date</source>
        <translation>Срок действия документа</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/accessibility.py" line="90"/>
        <source>Controllers</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/accessibility.py" line="91"/>
        <source>Calendar corrections</source>
        <translation>Поправки календаря</translation>
    </message>
</context>
<context>
    <name>AddScansDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="303"/>
        <source>Add scans to {reference}</source>
        <translation>Добавить сканы в обращение {reference}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="312"/>
        <source>&amp;Store scans</source>
        <translation>&amp;Сохранить сканы</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="332"/>
        <source>Add at least one scan.</source>
        <translation>Добавьте хотя бы один скан.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="39"/>
        <source>Case logged</source>
        <translation>Обращение зарегистрировано</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="40"/>
        <source>Case changed</source>
        <translation>Обращение изменено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="41"/>
        <source>Status changed</source>
        <translation>Статус изменён</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="42"/>
        <source>Note added</source>
        <translation>Добавлена заметка</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="43"/>
        <source>Deadline event</source>
        <translation>Событие срока</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="44"/>
        <source>Attachment added</source>
        <translation>Добавлено вложение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="45"/>
        <source>Attachment destroyed</source>
        <translation>Вложение уничтожено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="46"/>
        <source>Email added</source>
        <translation>Добавлено письмо</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="47"/>
        <source>Identity checked</source>
        <translation>Личность проверена</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="48"/>
        <source>Letter drafted</source>
        <translation>Подготовлен проект письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="49"/>
        <source>Letter edited</source>
        <translation>Письмо изменено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="50"/>
        <source>Letter finalised</source>
        <translation>Письмо утверждено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="51"/>
        <source>Letter sent</source>
        <translation>Письмо отправлено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="52"/>
        <source>Letter draft deleted</source>
        <translation>Проект письма удалён</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="211"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="212"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="213"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="214"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="215"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="260"/>
        <source>Hash</source>
        <translation>Хеш</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="53"/>
        <source>Letter warnings accepted</source>
        <translation>Предупреждения к письму приняты</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="54"/>
        <source>Identity copy destroyed</source>
        <translation>Копия документа уничтожена</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="55"/>
        <source>Linked to a breach</source>
        <translation>Связано с инцидентом</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="56"/>
        <source>Unlinked from a breach</source>
        <translation>Связь с инцидентом снята</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="65"/>
        <source>Other event</source>
        <translation>Другое событие</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="70"/>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="71"/>
        <source>email</source>
        <translation>эл. почта</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="72"/>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="73"/>
        <source>what is asked</source>
        <translation>предмет запроса</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="74"/>
        <source>channel</source>
        <translation>канал</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="75"/>
        <source>received date</source>
        <translation>дата получения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="76"/>
        <source>postmark</source>
        <translation>почтовый штемпель</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="77"/>
        <source>registered mail no.</source>
        <translation>номер заказного письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="78"/>
        <source>language</source>
        <translation>язык</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="79"/>
        <source>reply language</source>
        <translation>язык ответа</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="80"/>
        <source>summary</source>
        <translation>краткое содержание</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="81"/>
        <source>controller</source>
        <translation>оператор</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="102"/>
        <source>From “{old}” to “{new}”</source>
        <translation>Из «{old}» в «{new}»</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="106"/>
        <location filename="../../dpo_desk/ui/models/audit.py" line="149"/>
        <source>reason: {reason}</source>
        <translation>причина: {reason}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="112"/>
        <source>Logged {reference}: {kinds}, by {channel}, received {date}.</source>
        <translation>Зарегистрировано {reference}: {kinds}; канал: {channel}; получено {date}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="123"/>
        <source>The case&apos;s details were changed.</source>
        <translation>Сведения по делу изменены.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="124"/>
        <source>Changed: {fields}.</source>
        <translation>Изменено: {fields}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="128"/>
        <source>A note was added (it is in the Overview tab).</source>
        <translation>Добавлена заметка (она на вкладке «Обзор»).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="132"/>
        <source>{event} on {date}</source>
        <translation>{event}: {date}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="139"/>
        <source>A file was added: {role}, {size}.</source>
        <translation>Добавлен файл: {role}, {size}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="145"/>
        <source>A file was destroyed: {role}</source>
        <translation>Файл уничтожен: {role}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="155"/>
        <source>An email was added (signed with S/MIME).</source>
        <translation>Добавлено письмо (подписано S/MIME).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="158"/>
        <source>An email was added.</source>
        <translation>Добавлено письмо.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="160"/>
        <source>Identity checked by {method}: {outcome}.</source>
        <translation>Личность проверена (способ: {method}): {outcome}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="167"/>
        <source>A draft of the {kind} was started ({language}).</source>
        <translation>Начат черновик: {kind} ({language}).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="174"/>
        <source>A letter draft was edited.</source>
        <translation>Черновик письма изменён.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="176"/>
        <source>The {kind} was finalised (the PDF can no longer change).</source>
        <translation>Письмо оформлено окончательно: {kind} (PDF больше не изменится).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="180"/>
        <source>A letter was sent on {date} by {channel}</source>
        <translation>Письмо отправлено {date}, способ: {channel}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="187"/>
        <source>registered mail no. {number}</source>
        <translation>заказное письмо № {number}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="192"/>
        <source>A letter draft was deleted.</source>
        <translation>Черновик письма удалён.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="194"/>
        <source>The letter&apos;s warnings were read and accepted before finalising.</source>
        <translation>Предупреждения к письму прочитаны и приняты перед оформлением.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="198"/>
        <source>Linked to a personal-data breach.</source>
        <translation>Связано с инцидентом с персональными данными.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="200"/>
        <source>No longer linked to a personal-data breach.</source>
        <translation>Больше не связано с инцидентом с персональными данными.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/audit.py" line="203"/>
        <source>Recorded.</source>
        <translation>Записано.</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../dpo_desk/ui/views/audit_tab.py" line="38"/>
        <source>Every change of the case, in order. The log is append-only and hash-chained; “Check case file” in the File menu verifies the whole chain.</source>
        <translation>Все изменения обращения по порядку. Журнал только дополняется и связан цепочкой хешей; «Проверить файл дел» в меню «Файл» проверяет всю цепочку.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/audit_tab.py" line="53"/>
        <source>A&amp;udit</source>
        <translation>&amp;Журнал</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/audit_tab.py" line="27"/>
        <source>Audit events of the case</source>
        <translation>События журнала по делу</translation>
    </message>
</context>
<context>
    <name>BreachDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="89"/>
        <source>Edit breach {ref}</source>
        <extracomment>Zones offered first (the regimes&apos; own); any IANA name can be typed.</extracomment>
        <translation>Изменить инцидент {ref}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="91"/>
        <source>Log a personal-data breach</source>
        <translation>Зарегистрировать инцидент с персональными данными</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="132"/>
        <source>not yet assessed</source>
        <translation>ещё не оценён</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="133"/>
        <source>unlikely to result in a risk</source>
        <translation>риск маловероятен</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="134"/>
        <source>a risk to people&apos;s rights</source>
        <translation>риск для прав людей</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="135"/>
        <source>a high risk to people&apos;s rights</source>
        <translation>высокий риск для прав людей</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="141"/>
        <source>open</source>
        <translation>открыт</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="142"/>
        <source>contained</source>
        <translation>локализован</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="143"/>
        <source>closed</source>
        <translation>закрыт</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="152"/>
        <source>Controller:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="156"/>
        <source>Discovered at:</source>
        <translation>Выявлен:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="157"/>
        <source>What happened:</source>
        <translation>Что произошло:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="158"/>
        <source>People concerned (approx.):</source>
        <translation>Затронуто людей (примерно):</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="159"/>
        <source>Records concerned (approx.):</source>
        <translation>Затронуто записей (примерно):</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="160"/>
        <source>Data categories (comma-separated):</source>
        <translation>Категории данных (через запятую):</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="161"/>
        <source>Categories of people:</source>
        <translation>Категории субъектов:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="162"/>
        <source>Likely consequences:</source>
        <translation>Возможные последствия:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="163"/>
        <source>Measures taken or proposed:</source>
        <translation>Принятые или планируемые меры:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="164"/>
        <source>Presumed causes:</source>
        <translation>Предполагаемые причины:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="165"/>
        <source>Investigation results:</source>
        <translation>Результаты расследования:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="166"/>
        <source>Persons responsible:</source>
        <translation>Виновные лица:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="167"/>
        <source>Processors involved:</source>
        <translation>Привлечённые обработчики:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="168"/>
        <source>Contact for the authority:</source>
        <translation>Контакт для органа:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="169"/>
        <source>Risk:</source>
        <translation>Риск:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="171"/>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
</context>
<context>
    <name>BreachTableModel</name>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="69"/>
        <source>Reference</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="70"/>
        <source>Controller</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="71"/>
        <source>Discovered</source>
        <translation>Выявлен</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="72"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="73"/>
        <source>Next duty</source>
        <translation>Ближайшая обязанность</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="74"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="75"/>
        <source>Time left</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="80"/>
        <source>open</source>
        <translation>открыт</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="81"/>
        <source>contained</source>
        <translation>локализован</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="82"/>
        <source>closed</source>
        <translation>закрыт</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="97"/>
        <source>no running clock</source>
        <translation>сроки не идут</translation>
    </message>
</context>
<context>
    <name>Breaches</name>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="115"/>
        <source>first notice to the authority</source>
        <translation>первое уведомление органу</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="116"/>
        <source>investigation results</source>
        <translation>результаты расследования</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="117"/>
        <source>notice to the data subjects</source>
        <translation>уведомление субъектов данных</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="126"/>
        <source>sent (late)</source>
        <translation>направлено (с опозданием)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="127"/>
        <source>sent</source>
        <translation>направлено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="129"/>
        <source>not required (risk)</source>
        <translation>не требуется (оценка риска)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="131"/>
        <source>no fixed period</source>
        <translation>срок не установлен</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="134"/>
        <source>{n} h</source>
        <translation>{n} ч</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="136"/>
        <source>{n} days</source>
        <translation>{n} дн.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="138"/>
        <source>overdue by {span}</source>
        <translation>просрочено на {span}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="139"/>
        <source>{span} left</source>
        <translation>осталось {span}</translation>
    </message>
</context>
<context>
    <name>BreachesView</name>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="196"/>
        <source>&amp;Log a breach…</source>
        <translation>&amp;Зарегистрировать инцидент…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="199"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="202"/>
        <source>Write &amp;notice…</source>
        <translation>&amp;Уведомление…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="205"/>
        <source>Show closed</source>
        <translation>Показать закрытые</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="210"/>
        <source>All controllers</source>
        <translation>Все операторы</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="229"/>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="319"/>
        <source>Breaches</source>
        <translation>Инциденты</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="248"/>
        <source>Clocks of the breach</source>
        <translation>Сроки по инциденту</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="373"/>
        <source>No breach selected.</source>
        <translation>Инцидент не выбран.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="385"/>
        <source>about {n} people</source>
        <translation>около {n} чел.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="387"/>
        <source>about {n} records</source>
        <translation>около {n} записей</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="393"/>
        <source>Linked cases: {refs}</source>
        <translation>Связанные обращения: {refs}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="403"/>
        <source>sent {when}</source>
        <translation>направлено {when}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="405"/>
        <source>not sent</source>
        <translation>не направлено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="410"/>
        <source>Notices:</source>
        <translation>Уведомления:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="412"/>
        <source>No notice written yet.</source>
        <translation>Уведомлений пока нет.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="422"/>
        <source>Confidence: {level}; needs legal review.</source>
        <translation>Достоверность: {level}; нужна проверка юриста.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/views/breaches.py" line="316"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n срок просрочен</numerusform>
            <numerusform>%n срока просрочены</numerusform>
            <numerusform>%n сроков просрочено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/views/breaches.py" line="318"/>
        <source>%n due soon</source>
        <translation>
            <numerusform>%n срок скоро истекает</numerusform>
            <numerusform>%n срока скоро истекают</numerusform>
            <numerusform>%n сроков скоро истекают</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="130"/>
        <source>Reference</source>
        <extracomment>Pages whose rows the model keeps (the rest are cursors only): 8 x 200 rows. Column -&gt; ``CaseQuery.order_by`` (days left sorts like the due date). The default order: the governing due date, most urgent first (cases without one last).</extracomment>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="131"/>
        <source>Subject</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="132"/>
        <source>Controller</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="133"/>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="134"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="135"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="136"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="137"/>
        <source>Days left</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="138"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="491"/>
        <source>Governing deadline: {regime}</source>
        <translation>Определяющий срок: {regime}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="502"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="506"/>
        <source>Waiting for proof of identity</source>
        <translation>Ожидается подтверждение личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/case_table.py" line="504"/>
        <source>Due within three (working) days</source>
        <translation>Срок в ближайшие три (рабочих) дня</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../dpo_desk/ui/views/case_view.py" line="189"/>
        <source>No case selected</source>
        <translation>Обращение не выбрано</translation>
    </message>
</context>
<context>
    <name>ChecklistForm</name>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="83"/>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="160"/>
        <source>— not checked —</source>
        <extracomment>The yes/no observations of the checklist, in the order they are shown.</extracomment>
        <translation>— не проверено —</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="92"/>
        <source>Two letters: KG, KZ, FR, RU…</source>
        <translation>Две буквы: KG, KZ, FR, RU…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="99"/>
        <source>Last four characters only</source>
        <translation>Только последние четыре символа</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="105"/>
        <source>Only the last four characters of the document number are kept: the whole number is not needed to prove the check and would be a valuable leak.</source>
        <translation>Хранятся только последние четыре символа номера документа: полный номер не нужен, чтобы подтвердить проверку, а его утечка стала бы ценной находкой для злоумышленников.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="109"/>
        <source>Checked:</source>
        <translation>Проверен:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="129"/>
        <source>Name matches</source>
        <translation>ФИО совпадает</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="130"/>
        <source>The name on the document is the requester&apos;s name</source>
        <translation>ФИО в документе совпадает с ФИО заявителя</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="134"/>
        <source>ID is signed</source>
        <translation>Документ подписан</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="135"/>
        <source>The copy of the document bears its holder&apos;s signature</source>
        <translation>На копии документа есть подпись его владельца</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="139"/>
        <source>Signatures agree</source>
        <translation>Подписи совпадают</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="140"/>
        <source>The request letter&apos;s signature is consistent with the one on the ID</source>
        <translation>Подпись в письме с запросом соответствует подписи в документе</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="144"/>
        <source>Address matches</source>
        <translation>Адрес совпадает</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="145"/>
        <source>The address matches the requester&apos;s address</source>
        <translation>Адрес в документе совпадает с адресом заявителя</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="149"/>
        <source>Document &amp;type</source>
        <translation>&amp;Тип документа</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="150"/>
        <source>Issuing cou&amp;ntry</source>
        <translation>Стр&amp;ана выдачи</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="151"/>
        <source>Num&amp;ber (last 4)</source>
        <translation>Но&amp;мер (последние 4)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="161"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="162"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="172"/>
        <source>&amp;Expiry date</source>
        <translation>Срок &amp;действия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="241"/>
        <source>Only the last four characters are kept; the rest was discarded.</source>
        <translation>Сохранены только последние четыре символа; остальные отброшены.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="375"/>
        <source>⚠ Expired on {date}: ask for a valid document.</source>
        <translation>⚠ Срок действия истёк {date}: запросите действующий документ.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="393"/>
        <source>Suggested outcome: {outcome}</source>
        <translation>Предлагаемый результат: {outcome}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="401"/>
        <source>Not checked yet: {items}</source>
        <translation>Ещё не проверено: {items}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="191"/>
        <source>Read the &amp;MRZ</source>
        <translation>Прочитать &amp;MRZ</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="195"/>
        <source>Read the machine-readable zone of the selected ID copy and fill the checklist; nothing of it is stored but what the checklist keeps</source>
        <translation>Прочитать машиносчитываемую зону выбранной копии документа и заполнить чек-лист; сохраняется только то, что хранит чек-лист</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="264"/>
        <source>Select a stored ID copy first.</source>
        <translation>Сначала выберите сохранённую копию документа.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="267"/>
        <source>Reading the machine-readable zone…</source>
        <translation>Чтение машиносчитываемой зоны…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="305"/>
        <source>MRZ: {surname}, {given} — born {birth}; country {country}.</source>
        <translation>MRZ: {surname}, {given} — дата рождения {birth}; страна {country}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="314"/>
        <source>All check digits are valid.</source>
        <translation>Все контрольные цифры верны.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/id_checklist.py" line="317"/>
        <source>⚠ A check digit FAILED: compare every field with the document by eye.</source>
        <translation>⚠ Контрольная цифра НЕ СОШЛАСЬ: сверьте каждое поле с документом.</translation>
    </message>
</context>
<context>
    <name>ClockTableModel</name>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="148"/>
        <source>Regime</source>
        <translation>Режим</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="149"/>
        <source>Duty</source>
        <translation>Обязанность</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="150"/>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="151"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="152"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="153"/>
        <source>Citation</source>
        <translation>Норма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="160"/>
        <source> (needs legal review)</source>
        <translation> (нужна проверка юриста)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="166"/>
        <source>the data subjects</source>
        <translation>субъекты данных</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/breaches.py" line="167"/>
        <source>no fixed period</source>
        <translation>срок не установлен</translation>
    </message>
</context>
<context>
    <name>ControllersDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="98"/>
        <source>Controllers</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="106"/>
        <source>&amp;New controller</source>
        <translation>&amp;Новый оператор</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="123"/>
        <source>short name: letters, digits, dashes</source>
        <translation>краткое имя: буквы, цифры, дефисы</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="140"/>
        <source>one address per line</source>
        <translation>по одному адресу в строке</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="159"/>
        <source>e.g. ru, en (the first is the default)</source>
        <translation>например, ru, en (первый — по умолчанию)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="162"/>
        <source>S&amp;hort name:</source>
        <translation>&amp;Краткое имя:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="163"/>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="164"/>
        <source>&amp;Legal entity:</source>
        <translation>&amp;Юридическое лицо:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="165"/>
        <source>Re&amp;gistration no.:</source>
        <translation>&amp;Рег. номер:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="166"/>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="167"/>
        <source>&amp;DPO contact:</source>
        <translation>&amp;Контакт ответственного:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="168"/>
        <source>&amp;Intake emails:</source>
        <translation>&amp;Адреса для запросов:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="169"/>
        <source>&amp;Jurisdictions:</source>
        <translation>&amp;Юрисдикции:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="174"/>
        <source>Channels:</source>
        <translation>Каналы:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="175"/>
        <source>&amp;Reply languages:</source>
        <translation>&amp;Языки ответов:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="178"/>
        <source>Details</source>
        <translation>Основное</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="179"/>
        <source>Identity proof</source>
        <translation>Подтверждение личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="180"/>
        <source>Profile</source>
        <translation>Профиль обработки</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="191"/>
        <source>&amp;Save controller</source>
        <translation>&amp;Сохранить оператора</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="221"/>
        <source>What a requester may send to prove who they are. Ask for more only where the law allows it; the warnings below compare this policy with the laws of the jurisdictions ticked on the Details tab.</source>
        <translation>Чем заявитель может подтвердить свою личность. Требуйте большего только там, где это допускает закон; предупреждения ниже сравнивают этот порядок с правом юрисдикций, отмеченных на вкладке «Основное».</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="238"/>
        <source>Accepted proofs:</source>
        <translation>Принимаемые подтверждения:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="240"/>
        <source>Require a signed copy of an ID document for every request</source>
        <translation>Требовать подписанную копию удостоверения личности для каждого запроса</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="255"/>
        <source>ID &amp;copies:</source>
        <translation>Ко&amp;пии удостоверений:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="535"/>
        <source>Stricter than the law allows, or inconsistent:</source>
        <translation>Строже, чем допускает закон, или противоречиво:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="539"/>
        <source>No conflict with the laws of the ticked jurisdictions.</source>
        <translation>Противоречий с правом отмеченных юрисдикций нет.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="547"/>
        <source>Tick at least one jurisdiction whose law applies.</source>
        <translation>Отметьте хотя бы одну юрисдикцию, чьё право применяется.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="575"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="279"/>
        <source>What an access response tells the requester about the processing, written in each reply language (one entry per line for lists). Items marked * are required by the law of the ticked jurisdictions: a letter is not finalised while one is empty.</source>
        <translation>Что ответ на запрос о доступе сообщает заявителю об обработке — на каждом языке ответа (списки — по одному пункту в строке). Пункты со знаком * требует закон отмеченных юрисдикций: пока такой пункт пуст, письмо не может быть утверждено.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="293"/>
        <source>Default si&amp;gnatory:</source>
        <translation>&amp;Подписант по умолчанию:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="294"/>
        <source>Signatory&apos;s t&amp;itle:</source>
        <translation>Д&amp;олжность подписанта:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="369"/>
        <source>Missing (letters are refused): %1</source>
        <translation>Не заполнено (письма не утверждаются): %1</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="373"/>
        <source>Not written in this language: %1</source>
        <translation>Написано не на этом языке: %1</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/controllers.py" line="377"/>
        <source>The list of items required by Kyrgyz Law 58 needs legal review.</source>
        <translation>Перечень сведений, которых требует Закон КР № 58, нуждается в юридической проверке.</translation>
    </message>
</context>
<context>
    <name>CorrespondenceModel</name>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="99"/>
        <source>Date</source>
        <extracomment>Roles listed on their own (an email&apos;s original message is the email row itself).</extracomment>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="99"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="99"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="99"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="143"/>
        <source>In</source>
        <translation>Входящее</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="143"/>
        <source>Out</source>
        <translation>Исходящее</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="154"/>
        <source>Email (signed)</source>
        <translation>Эл. письмо (подписано)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="154"/>
        <source>Email</source>
        <translation>Эл. письмо</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="158"/>
        <source>Letter: {kind}</source>
        <translation>Письмо: {kind}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="162"/>
        <source>unknown sender</source>
        <translation>отправитель неизвестен</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="163"/>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="168"/>
        <source>{name} — destroyed on {date} (hash kept)</source>
        <translation>{name} — уничтожено {date} (хеш сохранён)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="174"/>
        <source>final</source>
        <translation>утверждено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="174"/>
        <source>draft</source>
        <translation>проект</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/correspondence.py" line="177"/>
        <source>sent {date} by {channel}</source>
        <translation>отправлено {date}, канал: {channel}</translation>
    </message>
</context>
<context>
    <name>CorrespondenceTab</name>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="60"/>
        <source>{role} “{name}” was destroyed on {date} (hash kept).
Its content is gone for good; the verification record keeps its SHA-256:
{sha256}</source>
        <translation>{role} «{name}»: уничтожено {date} (хеш сохранён).
Содержимое удалено безвозвратно; в записи о проверке сохранён его SHA-256:
{sha256}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="170"/>
        <source>Correspondence</source>
        <translation>Переписка</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="179"/>
        <source>Add &amp;scans…</source>
        <translation>&amp;Добавить сканы…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="181"/>
        <source>Store letter pages or an ID copy on this case</source>
        <translation>Сохранить в обращении страницы письма или копию удостоверения личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="183"/>
        <source>&amp;Verify signature</source>
        <translation>Провер&amp;ить подпись</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="186"/>
        <source>Check the S/MIME signature of the selected email (recorded as a verification)</source>
        <translation>Проверить подпись S/MIME выбранного письма (результат записывается как проверка личности)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="196"/>
        <source>No emails, scans or letters on this case yet.</source>
        <translation>В этом обращении пока нет ни писем, ни сканов.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="218"/>
        <source>Saved a copy to {path}.</source>
        <translation>Копия сохранена: {path}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="239"/>
        <source>&amp;Correspondence</source>
        <translation>Пе&amp;реписка</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="353"/>
        <source>Reading {name}…</source>
        <translation>Чтение {name}…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="370"/>
        <source>{kind}: a draft, not finalised yet. Open it in the Letters tab to edit and finalise it.</source>
        <translation>{kind}: проект, ещё не утверждён. Откройте его на вкладке «Письма», чтобы изменить и утвердить.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="376"/>
        <source>Reading the letter…</source>
        <translation>Чтение письма…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="417"/>
        <source>The scans were stored on the case.</source>
        <translation>Сканы сохранены в обращении.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="427"/>
        <source>This email carries no S/MIME signature.</source>
        <translation>У этого письма нет подписи S/MIME.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="433"/>
        <source>Signature of the email from {sender}:</source>
        <translation>Подпись письма от {sender}:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="434"/>
        <source>unknown sender</source>
        <translation>неизвестного отправителя</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="438"/>
        <source>The check was recorded; the Identity tab lists it.</source>
        <translation>Проверка записана; она показана на вкладке «Личность».</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="444"/>
        <source>A signature check is still running.</source>
        <translation>Проверка подписи ещё выполняется.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="458"/>
        <source>Mark as an &amp;ID copy</source>
        <translation>Отметить как &amp;копию документа</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="464"/>
        <source>This attachment is a copy of an identity document: it will be destroyed with the other ID copies, and cut out of its email</source>
        <translation>Это вложение — копия документа, удостоверяющего личность: она будет уничтожена вместе с другими копиями и вырезана из своего письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="484"/>
        <source>{name} is now an ID copy: it is destroyed with the others, and cut out of its email.</source>
        <translation>{name} теперь копия документа: она уничтожается вместе с остальными и вырезается из своего письма.</translation>
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
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="114"/>
        <source>Clock events</source>
        <translation>События срока</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="120"/>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="124"/>
        <source>Note (e.g. the reason for the extension)</source>
        <translation>Примечание (например, причина продления)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="125"/>
        <source>N&amp;ote:</source>
        <translation>При&amp;мечание:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="127"/>
        <source>&amp;Extend (notice sent)</source>
        <translation>Пр&amp;одлить (уведомление отправлено)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="129"/>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="277"/>
        <source>Record that the extension notice went out on this date</source>
        <translation>Записать, что уведомление о продлении отправлено в эту дату</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="130"/>
        <source>&amp;Pause: identity proof requested</source>
        <translation>&amp;Пауза: запрошено подтверждение личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="132"/>
        <source>&amp;Resume: identity proof received</source>
        <translation>Продолжить: подтверждение личности по&amp;лучено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="134"/>
        <source>Pause: &amp;clarification requested</source>
        <translation>Пауза: запрошено &amp;уточнение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="137"/>
        <source>Resume: clarification rece&amp;ived</source>
        <translation>Продолжить: уточнение получ&amp;ено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="175"/>
        <source>&amp;Deadlines</source>
        <translation>Сро&amp;ки</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="187"/>
        <source>No deadline applies.</source>
        <translation>Срок не применяется.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="189"/>
        <source>Due {date} — {regime}, {request} ({target})</source>
        <translation>Срок {date} — {regime}, {request} ({target})</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="193"/>
        <source>statutory</source>
        <translation>по закону</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="193"/>
        <source>internal target</source>
        <translation>внутренний ориентир</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="216"/>
        <source>Not applicable:</source>
        <translation>Не применяется:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="320"/>
        <source>Recorded: {event} on {date}.</source>
        <translation>Записано: {event}, {date}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="280"/>
        <source>No extension is possible: no regime of this case allows (another) one, or the regime that binds first allows none</source>
        <translation>Продление невозможно: ни один режим этого обращения не допускает (ещё одного) продления, либо режим с самым ранним сроком его не допускает</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="94"/>
        <source>Deadlines under each law</source>
        <extracomment>The engine names its calendar by library and version (&quot;holidays 0.109 KZ&quot;); the DPO reads &quot;national calendar (Kazakhstan)&quot;.</extracomment>
        <translation>Сроки по каждому закону</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/deadlines_tab.py" line="259"/>
        <source>Working days by: {names}</source>
        <translation>Рабочие дни по: {names}</translation>
    </message>
</context>
<context>
    <name>DestroyCopiesDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="92"/>
        <source>Destroy the ID copies?</source>
        <translation>Уничтожить копии удостоверений личности?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="95"/>
        <source>The ID copies of case {reference} (%n file(s)) will be destroyed for good: their content is erased from the case file and cannot be recovered.</source>
        <translation>
            <numerusform>Копии удостоверений личности по обращению {reference} (%n файл) будут уничтожены безвозвратно: их содержимое стирается из файла дел и не может быть восстановлено.</numerusform>
            <numerusform>Копии удостоверений личности по обращению {reference} (%n файла) будут уничтожены безвозвратно: их содержимое стирается из файла дел и не может быть восстановлено.</numerusform>
            <numerusform>Копии удостоверений личности по обращению {reference} (%n файлов) будут уничтожены безвозвратно: их содержимое стирается из файла дел и не может быть восстановлено.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="108"/>
        <source>What remains: the verification record (how identity was checked, the outcome, the document type and the last four characters of its number) and each copy&apos;s SHA-256 hash, so you can still show which copy was checked. The audit log records the destruction and its reason.</source>
        <translation>Что останется: запись о проверке (как проверялась личность, результат, тип документа и последние четыре символа его номера) и хеш SHA-256 каждой копии, чтобы можно было показать, какая копия проверялась. Уничтожение и его причина записываются в журнал аудита.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="119"/>
        <source>Identity settled; the copy is no longer needed.</source>
        <translation>Проверка личности завершена; копия больше не нужна.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="120"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="127"/>
        <source>&amp;Destroy for good</source>
        <translation>&amp;Уничтожить безвозвратно</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="147"/>
        <source>Say why the copies are destroyed.</source>
        <translation>Укажите, почему копии уничтожаются.</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="71"/>
        <source>Page</source>
        <extracomment>What the &quot;Save as…&quot; dialog offers per media type.</extracomment>
        <translation>Страница</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="72"/>
        <source>Page </source>
        <translation>Стр. </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="74"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Уменьшить (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="79"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>Увеличить (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="81"/>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="344"/>
        <source>Fit</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="81"/>
        <source>Fit to the width (Ctrl+0)</source>
        <translation>По ширине окна (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="84"/>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="84"/>
        <source>Save a copy where you choose</source>
        <translation>Сохранить копию в выбранное место</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="189"/>
        <source>This kind of file cannot be shown here; save it to open it.</source>
        <translation>Такой файл здесь показать нельзя; сохраните его, чтобы открыть.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="198"/>
        <source>Choose a document to see it here.</source>
        <translation>Выберите документ, чтобы просмотреть его здесь.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="240"/>
        <source>The image cannot be decoded.</source>
        <translation>Не удаётся декодировать изображение.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="248"/>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="268"/>
        <source> of {count}</source>
        <translation> из {count}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="260"/>
        <source>The PDF cannot be read.</source>
        <translation>Не удаётся прочитать PDF.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="361"/>
        <source>Save a copy</source>
        <translation>Сохранение копии</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/viewer.py" line="378"/>
        <source>The copy could not be saved: {reason}</source>
        <translation>Не удалось сохранить копию: {reason}</translation>
    </message>
</context>
<context>
    <name>EmailPane</name>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="89"/>
        <source>From</source>
        <translation>От</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="90"/>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="91"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="92"/>
        <source>Message-ID</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="93"/>
        <source>Signature</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="94"/>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="106"/>
        <source>Message text</source>
        <translation>Текст письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="118"/>
        <source>{sent} (received {received})</source>
        <translation>{sent} (получено {received})</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="122"/>
        <source>unknown sender</source>
        <translation>отправитель неизвестен</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="123"/>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="126"/>
        <source>S/MIME signed: use “Verify signature” to check it</source>
        <translation>Подписано S/MIME: проверьте кнопкой «Проверить подпись»</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="128"/>
        <source>Not signed</source>
        <translation>Не подписано</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/correspondence_tab.py" line="133"/>
        <source>(The message has no text part.)</source>
        <translation>(В письме нет текстовой части.)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="43"/>
        <source>The passphrase or recovery key does not open this case file (or the file is not a DPO Desk case file).</source>
        <translation>Пароль или ключ восстановления не открывает этот файл дел (или это не файл дел DPO Desk).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="51"/>
        <source>The case file is open in another DPO Desk (process {pid} on {host} since {since}); close it there first.</source>
        <translation>Файл дел открыт в другом DPO Desk (процесс {pid} на {host} с {since}); сначала закройте его там.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="58"/>
        <source>This case file was written by a newer DPO Desk. Update DPO Desk to open it; the file was not changed.</source>
        <translation>Этот файл дел записан более новой версией DPO Desk. Обновите DPO Desk, чтобы открыть его; файл не изменён.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="64"/>
        <source>This case file needs its passphrase or recovery key.</source>
        <translation>Для этого файла дел нужен его пароль или ключ восстановления.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="68"/>
        <source>The case file does not exist (any more) at this place.</source>
        <translation>Файла дел в этом месте нет (больше нет).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="72"/>
        <source>The disk is full; the last change was not saved.</source>
        <translation>Диск заполнен; последнее изменение не сохранено.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="76"/>
        <source>The case file is in a read-only place; nothing can be saved there.</source>
        <translation>Файл дел находится в месте только для чтения; сохранить в нём ничего нельзя.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="80"/>
        <source>This installation&apos;s SQLCipher is too old for DPO Desk; reinstall DPO Desk.</source>
        <translation>SQLCipher в этой установке слишком старый для DPO Desk; переустановите DPO Desk.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/errors.py" line="85"/>
        <source>DPO Desk hit a bug.</source>
        <translation>В DPO Desk произошла ошибка.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="79"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="88"/>
        <source>What to export</source>
        <translation>Что экспортировать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="94"/>
        <source>&amp;Case summary (PDF or JSON)</source>
        <translation>Сво&amp;дка по обращению (PDF или JSON)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="97"/>
        <source>&amp;Register of requests (CSV, XLSX or JSON)</source>
        <translation>&amp;Реестр запросов (CSV, XLSX или JSON)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="100"/>
        <source>S&amp;tatistics (PDF with charts)</source>
        <translation>С&amp;татистика (PDF с диаграммами)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="101"/>
        <source>Ca&amp;lendar of open deadlines (.ics)</source>
        <translation>&amp;Календарь открытых сроков (.ics)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="119"/>
        <source>Case:</source>
        <translation>Обращение:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="121"/>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="123"/>
        <source>&amp;Pseudonymise the data subject (name and contacts)</source>
        <translation>&amp;Псевдонимизировать субъекта данных (имя и контакты)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="129"/>
        <source>For a regulator, a court or a successor: deadlines with their rules, letters with their SHA-256, the identity record (never the ID copy) and the audit events.</source>
        <translation>Для надзорного органа, суда или преемника: сроки с правилами их расчёта, письма с их SHA-256, запись о проверке личности (но не копия удостоверения) и события журнала аудита.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="140"/>
        <source>F&amp;ormat:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="141"/>
        <source>Received &amp;from:</source>
        <translation>Получено &amp;с:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="145"/>
        <source>Received t&amp;o:</source>
        <translation>Получено &amp;по:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="160"/>
        <source>Pseudonymise &amp;subject names and contacts</source>
        <translation>Псевдонимизировать &amp;имена и контакты субъектов</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="171"/>
        <source>&amp;Year:</source>
        <translation>&amp;Год:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="174"/>
        <source>Requests per month, kind, controller and channel; the share answered on time; days to answer; open and overdue cases now. No names.</source>
        <translation>Запросы по месяцам, видам, операторам и каналам; доля ответов в срок; сроки ответа в днях; открытые и просроченные обращения на сегодня. Без имён.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="186"/>
        <source>Every open case&apos;s due date and the last day for an extension notice, for your calendar program. Events carry the case reference, never the subject&apos;s name.</source>
        <translation>Сроки всех открытых обращений и последний день для уведомления о продлении — для вашей программы-календаря. В событиях указывается номер обращения, но никогда не имя субъекта.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="197"/>
        <source>Controllers (none ticked: all)</source>
        <translation>Операторы (ни один не отмечен — все)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="206"/>
        <source>File to write</source>
        <translation>Файл для записи</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="208"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="211"/>
        <source>&amp;Save to:</source>
        <translation>Со&amp;хранить в:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="220"/>
        <source>&amp;Cancel export</source>
        <translation>&amp;Отменить экспорт</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="233"/>
        <source>&amp;Export</source>
        <translation>&amp;Экспортировать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="280"/>
        <source>No case chosen</source>
        <translation>Обращение не выбрано</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="358"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="359"/>
        <source>JSON files (*.json)</source>
        <translation>Файлы JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="360"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="361"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="362"/>
        <source>Calendar files (*.ics)</source>
        <translation>Файлы календаря (*.ics)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="364"/>
        <source>Export to</source>
        <translation>Экспорт в файл</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="378"/>
        <source>Choose the file to write.</source>
        <translation>Выберите файл для записи.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="421"/>
        <source>Exporting to {path}…</source>
        <translation>Экспорт в {path}…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="439"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="471"/>
        <source>Written to {path} ({size}, %n case(s)).</source>
        <translation>
            <numerusform>Записано в {path} ({size}, %n обращение).</numerusform>
            <numerusform>Записано в {path} ({size}, %n обращения).</numerusform>
            <numerusform>Записано в {path} ({size}, %n обращений).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="475"/>
        <source>The export was complete before it could be cancelled.</source>
        <translation>Экспорт завершился раньше, чем его удалось отменить.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="477"/>
        <source>Names and contacts are pseudonymised.</source>
        <translation>Имена и контакты псевдонимизированы.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="489"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Экспорт отменён; файл не записан.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="493"/>
        <source>Cannot write to {folder}: the folder is read-only or you may not write there. Choose another folder; nothing was written.</source>
        <translation>Не удаётся записать в {folder}: папка доступна только для чтения или у вас нет прав на запись в неё. Выберите другую папку; ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/export.py" line="500"/>
        <source>The disk is full; {name} was not written. Free some space or choose another disk.</source>
        <translation>Диск заполнен; файл {name} не записан. Освободите место или выберите другой диск.</translation>
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
    <message>
        <location filename="../../dpo_desk/ui/dialogs/first_run.py" line="189"/>
        <source>This passphrase is easy to guess; a few words with spaces are harder to guess and easy to remember.</source>
        <translation>Этот пароль легко подобрать; несколько слов через пробел подобрать труднее, а запомнить легко.</translation>
    </message>
</context>
<context>
    <name>IdentityTab</name>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="256"/>
        <source>Verification policy</source>
        <extracomment>The DPO wants to write a letter of this kind (&quot;identity_request&quot;, &quot;refusal&quot;).</extracomment>
        <translation>Порядок проверки личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="268"/>
        <source>ID document checklist</source>
        <translation>Чек-лист удостоверения личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="275"/>
        <source>What to ask for, if more information is needed (optional)</source>
        <translation>Что запросить, если нужны дополнительные сведения (необязательно)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="281"/>
        <source>&amp;Verified</source>
        <translation>Подтвержд&amp;ена</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="282"/>
        <source>&amp;More information needed</source>
        <translation>Н&amp;ужны доп. сведения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="283"/>
        <source>F&amp;ailed</source>
        <translation>&amp;Не подтверждена</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="311"/>
        <source>Electronic signature</source>
        <translation>Электронная подпись</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="326"/>
        <source>Signed &amp;file:</source>
        <translation>Подписанный &amp;файл:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="328"/>
        <source>Verify &amp;signature</source>
        <translation>Про&amp;верить подпись</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="332"/>
        <source>Check the signature against your trust store (offline); the result is recorded as a verification of identity</source>
        <translation>Проверить подпись по вашему списку доверенных сертификатов (без сети); результат записывается как проверка личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="343"/>
        <source>No signed PDF, signature file or S/MIME email is attached to this case.</source>
        <translation>К этому обращению не приложены ни подписанный PDF, ни файл подписи, ни письмо с подписью S/MIME.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="348"/>
        <source>Si&amp;gned file or email:</source>
        <translation>Файл &amp;или письмо с подписью:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="370"/>
        <source>Verification records</source>
        <translation>Записи о проверке</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="385"/>
        <source>Select a signature check to see its results above.</source>
        <translation>Выберите проверку подписи, чтобы увидеть её результаты выше.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="387"/>
        <source>A&amp;ccept this signature…</source>
        <translation>&amp;Принять эту подпись…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="391"/>
        <source>Settle identity with the selected signature check although DPO Desk could not tie its signer to the data subject (your written reason is recorded)</source>
        <translation>Считать личность подтверждённой выбранной проверкой подписи, хотя DPO Desk не смог связать подписанта с субъектом данных (ваше письменное обоснование сохраняется)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="408"/>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="411"/>
        <source>ID copies and letter scans</source>
        <translation>Копии удостоверений и сканы писем</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="420"/>
        <source>Saved a copy to {path}.</source>
        <translation>Копия сохранена: {path}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="424"/>
        <source>Destroy ID co&amp;pies…</source>
        <translation>Уни&amp;чтожить копии удостоверений…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="441"/>
        <source>&amp;Identity</source>
        <translation>&amp;Личность</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="541"/>
        <source>Identity {outcome} on {date} ({method}).</source>
        <translation>Личность {outcome} {date} ({method}).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="548"/>
        <source>More information was asked for on {date}: the deadline is paused until it arrives.</source>
        <translation>{date} запрошены дополнительные сведения: срок приостановлен до их получения.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="551"/>
        <source>Identity not settled yet: more information is needed.</source>
        <translation>Личность ещё не установлена: нужны дополнительные сведения.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="553"/>
        <source>Identity not checked yet.</source>
        <translation>Личность ещё не проверена.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="560"/>
        <source>Verification policy of {controller}</source>
        <translation>Порядок проверки личности: {controller}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="563"/>
        <source>Accepts: {proofs}</source>
        <translation>Принимается: {proofs}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="565"/>
        <source>Requires a signed copy of an ID document for every request.</source>
        <translation>Для каждого запроса требуется подписанная копия удостоверения личности.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="574"/>
        <source>Stricter than the law allows, or inconsistent:</source>
        <translation>Строже, чем допускает закон, или противоречиво:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="580"/>
        <source>⚠ ID copies: {warning}</source>
        <translation>⚠ Копии удостоверений: {warning}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="624"/>
        <source>Recorded: {outcome}.</source>
        <translation>Записан результат: {outcome}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="631"/>
        <source>The deadline is paused from today until the requested information arrives.</source>
        <translation>Срок приостановлен с сегодняшнего дня до получения запрошенных сведений.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="635"/>
        <source>An identity request was already open: its pause continues.</source>
        <translation>Запрос подтверждения личности уже был открыт: приостановка срока продолжается.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="637"/>
        <source>The identity pause ended today.</source>
        <translation>Приостановка срока на время проверки личности закончилась сегодня.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="641"/>
        <source>ID copies destroyed as the controller&apos;s policy requires: %n file(s); their hashes are kept in the record.</source>
        <translation>
            <numerusform>Копии удостоверений уничтожены, как требует порядок оператора: %n файл; их хеши сохранены в записи о проверке.</numerusform>
            <numerusform>Копии удостоверений уничтожены, как требует порядок оператора: %n файла; их хеши сохранены в записи о проверке.</numerusform>
            <numerusform>Копии удостоверений уничтожены, как требует порядок оператора: %n файлов; их хеши сохранены в записи о проверке.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="654"/>
        <source>A refusal letter should explain:</source>
        <translation>В письме с отказом следует объяснить:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="655"/>
        <source>Write the &amp;refusal letter…</source>
        <translation>Написать письмо с отка&amp;зом…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="657"/>
        <source>A letter should ask the requester for:</source>
        <translation>В письме следует запросить у заявителя:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="658"/>
        <source>Write the letter as&amp;king for it…</source>
        <translation>Написать письмо с &amp;запросом…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="704"/>
        <source>{method} checked {moment}:</source>
        <translation>{method}, проверено {moment}:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="725"/>
        <source>Identity verified by your decision (record {record}).</source>
        <translation>Личность подтверждена вашим решением (запись {record}).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="741"/>
        <source>Email: {name}</source>
        <translation>Письмо: {name}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="769"/>
        <source>— none: the signature holds its content —</source>
        <translation>— нет: содержимое внутри подписи —</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="789"/>
        <source>Choose a signed file or email first.</source>
        <translation>Сначала выберите файл или письмо с подписью.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="798"/>
        <source>{name}:</source>
        <translation>{name}:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="799"/>
        <source>The check was recorded below.</source>
        <translation>Проверка записана — см. ниже.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="808"/>
        <source>A signature check is still running.</source>
        <translation>Проверка подписи ещё выполняется.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="823"/>
        <source>{role} — {name}: destroyed on {date} (hash kept)</source>
        <translation>{role} — {name}: уничтожено {date} (хеш сохранён)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="836"/>
        <source>No ID copy or letter scan is stored on this case.</source>
        <translation>В этом обращении нет ни копий удостоверений, ни сканов писем.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="875"/>
        <source>Reading {name}…</source>
        <translation>Чтение {name}…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="908"/>
        <source>The ID copies were destroyed; their hashes are kept.</source>
        <translation>Копии удостоверений уничтожены; их хеши сохранены.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="910"/>
        <source>No ID copy is stored on this case.</source>
        <translation>В этом обращении нет копий удостоверений личности.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="914"/>
        <source>ID copies can be destroyed once identity is settled (verified or failed) or the case is closed.</source>
        <translation>Копии удостоверений можно уничтожить, когда проверка личности завершена (личность подтверждена или не подтверждена) или обращение закрыто.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="918"/>
        <source>This controller destroys ID copies as soon as identity is settled.</source>
        <translation>Этот оператор уничтожает копии удостоверений сразу по завершении проверки личности.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="921"/>
        <source>Identity is settled. This controller keeps ID copies until the case closes; you may destroy them now.</source>
        <translation>Проверка личности завершена. Этот оператор хранит копии удостоверений до закрытия обращения; их можно уничтожить уже сейчас.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="943"/>
        <source>ID copies destroyed: %n file(s); the verification record keeps their hashes.</source>
        <translation>
            <numerusform>Копии удостоверений уничтожены: %n файл; их хеши сохранены в записи о проверке.</numerusform>
            <numerusform>Копии удостоверений уничтожены: %n файла; их хеши сохранены в записи о проверке.</numerusform>
            <numerusform>Копии удостоверений уничтожены: %n файлов; их хеши сохранены в записи о проверке.</numerusform>
        </translation>
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
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="28"/>
        <source>Already in the file</source>
        <translation>Уже есть в файле</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="29"/>
        <source>Refused</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="30"/>
        <source>Controller unknown</source>
        <translation>Оператор не определён</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="31"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="48"/>
        <source>Email import</source>
        <translation>Импорт писем</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="53"/>
        <source>%n message(s) imported.</source>
        <translation>
            <numerusform>Импортировано %n письмо.</numerusform>
            <numerusform>Импортировано %n письма.</numerusform>
            <numerusform>Импортировано %n писем.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="60"/>
        <source>%n refused or skipped.</source>
        <translation>
            <numerusform>%n письмо отклонено или пропущено.</numerusform>
            <numerusform>%n письма отклонены или пропущены.</numerusform>
            <numerusform>%n писем отклонено или пропущено.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="67"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="67"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="67"/>
        <source>Case</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="67"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="94"/>
        <source>Double-click a row to open its case.</source>
        <translation>Дважды щёлкните строку, чтобы открыть обращение.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="27"/>
        <source>Waits in the inbox</source>
        <translation>Ждёт во входящих</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/import_result.py" line="55"/>
        <source>%n wait(s) in the inbox: not confidently a request.</source>
        <translation>
            <numerusform>%n письмо ждёт во входящих: не уверенно распознано как запрос.</numerusform>
            <numerusform>%n письма ждут во входящих: не уверенно распознаны как запросы.</numerusform>
            <numerusform>%n писем ждут во входящих: не уверенно распознаны как запросы.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="66"/>
        <source>Mail that is not confidently a data-subject request waits here instead of becoming a case with a deadline. Accept it with the kinds you confirm, or dismiss it: the message is then deleted.</source>
        <translation>Письма, которые не распознаны уверенно как запросы субъектов данных, ждут здесь, а не становятся делами со сроком. Примите письмо, подтвердив виды запроса, или отклоните его: тогда письмо удаляется.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="78"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="79"/>
        <source>From</source>
        <translation>От</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="80"/>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="81"/>
        <source>Suggested</source>
        <translation>Предложено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="82"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="85"/>
        <source>Messages waiting for triage</source>
        <translation>Письма, ожидающие разбора</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="101"/>
        <source>The message, with the evidence highlighted</source>
        <translation>Письмо с выделенными признаками запроса</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="103"/>
        <source>Request kinds to confirm</source>
        <translation>Подтвердите виды запроса</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="114"/>
        <source>Accept as a case</source>
        <translation>Принять как дело</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="119"/>
        <source>Why it is not a request</source>
        <translation>Почему это не запрос</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="121"/>
        <source>Dismiss and delete</source>
        <translation>Отклонить и удалить</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="126"/>
        <source>Controller:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="208"/>
        <source>The inbox is empty.</source>
        <translation>Входящих нет.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="222"/>
        <source>Looks like automated or marketing mail, not a request: %1</source>
        <translation>Похоже на автоматическое или рекламное письмо, а не запрос: %1</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="226"/>
        <source>Perhaps a request (%1), but the evidence is weak.</source>
        <translation>Возможно, запрос (%1), но признаков мало.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/inbox.py" line="230"/>
        <source>No data-subject request was recognised (a complaint, a question …?).</source>
        <translation>Запрос субъекта данных не распознан (жалоба, вопрос…?).</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="21"/>
        <source>Access</source>
        <translation>Доступ</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="22"/>
        <source>Rectification</source>
        <translation>Исправление</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="23"/>
        <source>Erasure</source>
        <translation>Удаление</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="24"/>
        <source>Restriction (blocking)</source>
        <translation>Блокирование</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="25"/>
        <source>Objection</source>
        <translation>Возражение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="26"/>
        <source>Objection to automated decisions</source>
        <translation>Возражение против автоматизированных решений</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="29"/>
        <source>Stop processing</source>
        <translation>Прекращение обработки</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="30"/>
        <source>Consent withdrawal</source>
        <translation>Отзыв согласия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="31"/>
        <source>Marketing opt-out</source>
        <translation>Отказ от рекламы</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="32"/>
        <source>Recipients</source>
        <translation>Получатели</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="33"/>
        <source>Portability</source>
        <translation>Переносимость</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="34"/>
        <source>Transfer notification</source>
        <translation>Уведомление о передаче</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="35"/>
        <source>Stop unlawful processing</source>
        <translation>Прекращение неправомерной обработки</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="36"/>
        <source>Destruction after consent withdrawal</source>
        <translation>Уничтожение после отзыва согласия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="42"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="43"/>
        <source>Awaiting identity</source>
        <translation>Ждёт подтверждения личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="44"/>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="45"/>
        <source>Responded</source>
        <translation>Дан ответ</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="46"/>
        <source>Closed</source>
        <translation>Закрыто</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="47"/>
        <source>Rejected</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="48"/>
        <source>Withdrawn</source>
        <translation>Отозвано</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="53"/>
        <source>Await identity</source>
        <extracomment>What the button that moves a case to a status says.</extracomment>
        <translation>Ждать подтверждения личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="54"/>
        <source>Start work</source>
        <translation>Взять в работу</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="55"/>
        <source>Mark responded</source>
        <translation>Ответ дан</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="56"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="57"/>
        <source>Reject</source>
        <translation>Отказать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="58"/>
        <source>Withdrawn by requester</source>
        <translation>Отозвано заявителем</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="62"/>
        <location filename="../../dpo_desk/ui/labels.py" line="105"/>
        <source>Post</source>
        <extracomment>How a letter went out (the letter register&apos;s channels).</extracomment>
        <translation>Почта</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="63"/>
        <location filename="../../dpo_desk/ui/labels.py" line="107"/>
        <location filename="../../dpo_desk/ui/labels.py" line="111"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="64"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="68"/>
        <source>Identity proof requested</source>
        <translation>Запрошено подтверждение личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="69"/>
        <source>Identity proof received</source>
        <translation>Получено подтверждение личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="70"/>
        <source>Clarification requested</source>
        <translation>Запрошено уточнение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="71"/>
        <source>Clarification received</source>
        <translation>Получено уточнение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="72"/>
        <source>Fee requested</source>
        <translation>Запрошена плата</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="73"/>
        <source>Fee paid</source>
        <translation>Плата внесена</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="74"/>
        <source>Extension notice sent</source>
        <translation>Отправлено уведомление о продлении</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="79"/>
        <source>Russian</source>
        <extracomment>Languages offered for requests and replies (ISO 639-1), with their names.</extracomment>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="80"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="81"/>
        <source>Kyrgyz</source>
        <translation>Кыргызский</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="82"/>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="83"/>
        <source>French</source>
        <translation>Французский</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="84"/>
        <source>German</source>
        <translation>Немецкий</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="85"/>
        <source>Uzbek</source>
        <translation>Узбекский</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="89"/>
        <source>Extra holiday</source>
        <translation>Дополнительный выходной</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="90"/>
        <source>Working day (transfer)</source>
        <translation>Рабочий день (перенос)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="91"/>
        <source>Not a holiday</source>
        <translation>Не праздник</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="95"/>
        <source>Acknowledgement</source>
        <translation>Подтверждение получения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="96"/>
        <source>Identity request</source>
        <translation>Запрос подтверждения личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="97"/>
        <source>Extension notice</source>
        <translation>Уведомление о продлении</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="98"/>
        <source>Access response</source>
        <translation>Ответ на запрос доступа</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="99"/>
        <source>Action confirmation</source>
        <translation>Подтверждение принятых мер</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="100"/>
        <source>Refusal</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="106"/>
        <source>Registered post</source>
        <translation>Заказное письмо</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="112"/>
        <source>Email attachment</source>
        <translation>Вложение письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="113"/>
        <source>Letter scan</source>
        <translation>Скан письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="114"/>
        <source>ID copy</source>
        <translation>Копия удостоверения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="115"/>
        <source>Signature file</source>
        <translation>Файл подписи</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="116"/>
        <source>Other file</source>
        <translation>Другой файл</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="120"/>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="121"/>
        <source>National identity card</source>
        <translation>Национальная ID-карта</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="122"/>
        <source>Driving licence</source>
        <translation>Водительское удостоверение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="123"/>
        <source>Residence permit</source>
        <translation>Вид на жительство</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="124"/>
        <source>Other identity document</source>
        <translation>Иной документ, удостоверяющий личность</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="128"/>
        <source>Verified</source>
        <translation>Подтверждена</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="129"/>
        <source>More information needed</source>
        <translation>Нужны доп. сведения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="130"/>
        <source>Failed</source>
        <translation>Не подтверждена</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="135"/>
        <source>ID document checklist</source>
        <extracomment>How identity was checked (a verification record&apos;s method).</extracomment>
        <translation>Чек-лист удостоверения личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="136"/>
        <source>Signed PDF</source>
        <translation>Подписанный PDF</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="137"/>
        <source>CMS signature</source>
        <translation>Подпись CMS</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="138"/>
        <source>S/MIME email</source>
        <translation>Письмо S/MIME</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="139"/>
        <source>Account match</source>
        <translation>Совпадение с данными учётной записи</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="140"/>
        <source>Registered email</source>
        <translation>Зарегистрированный адрес эл. почты</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="141"/>
        <source>Signature accepted by the DPO</source>
        <translation>Подпись принята ответственным</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="146"/>
        <source>A match on data the controller holds</source>
        <extracomment>The proofs of identity a controller may accept (``VerificationPolicy.accepted``).</extracomment>
        <translation>Совпадение с данными, имеющимися у оператора</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="147"/>
        <source>A message from the registered email</source>
        <translation>Сообщение с зарегистрированного адреса эл. почты</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="148"/>
        <source>A signed copy of an ID document</source>
        <translation>Подписанная копия удостоверения личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="149"/>
        <source>A copy of an ID document</source>
        <translation>Копия удостоверения личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="150"/>
        <source>An electronic signature</source>
        <translation>Электронная подпись</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="154"/>
        <source>Destroy ID copies when the case closes</source>
        <translation>Уничтожать копии удостоверений при закрытии обращения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="155"/>
        <source>Destroy ID copies once identity is settled</source>
        <translation>Уничтожать копии удостоверений по завершении проверки личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="160"/>
        <source>Valid</source>
        <extracomment>A signature check&apos;s verdict (``SignatureReport.verdict``) and a signature&apos;s own status.</extracomment>
        <translation>Действительна</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="161"/>
        <source>Only partly signed</source>
        <translation>Подписано лишь частично</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="162"/>
        <source>Invalid</source>
        <translation>Недействительна</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="163"/>
        <source>Valid but not trusted</source>
        <translation>Действительна, но без доверия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="164"/>
        <source>Not signed</source>
        <translation>Не подписано</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="165"/>
        <source>Cannot be checked</source>
        <translation>Проверка невозможна</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="166"/>
        <source>Damaged</source>
        <translation>Повреждено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="171"/>
        <source>Not checked (offline)</source>
        <extracomment>Whether a signer&apos;s certificate was checked for revocation (``SignatureCheck.revocation``).</extracomment>
        <translation>Не проверялся (без сети)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="172"/>
        <source>Good (embedded data)</source>
        <translation>Не отозван (встроенные данные)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="173"/>
        <source>Revoked</source>
        <translation>Отозван</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="210"/>
        <source>Unknown</source>
        <translation>Неизвестен</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="263"/>
        <source>{n} B</source>
        <translation>{n} Б</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="265"/>
        <source>{n} KB</source>
        <translation>{n} КБ</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="266"/>
        <source>{n} MB</source>
        <translation>{n} МБ</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="295"/>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/labels.py" line="297"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/labels.py" line="298"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>просрочка %n день</numerusform>
            <numerusform>просрочка %n дня</numerusform>
            <numerusform>просрочка %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="305"/>
        <source>due today</source>
        <translation>срок сегодня</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/labels.py" line="309"/>
        <source>overdue by %n working day(s)</source>
        <translation>
            <numerusform>просрочено на %n рабочий день</numerusform>
            <numerusform>просрочено на %n рабочих дня</numerusform>
            <numerusform>просрочено на %n рабочих дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/labels.py" line="310"/>
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>просрочено на %n день</numerusform>
            <numerusform>просрочено на %n дня</numerusform>
            <numerusform>просрочено на %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/labels.py" line="312"/>
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>остался %n рабочий день</numerusform>
            <numerusform>осталось %n рабочих дня</numerusform>
            <numerusform>осталось %n рабочих дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/labels.py" line="313"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>остался %n день</numerusform>
            <numerusform>осталось %n дня</numerusform>
            <numerusform>осталось %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="317"/>
        <source>Russia</source>
        <translation>Россия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="318"/>
        <source>Kazakhstan</source>
        <translation>Казахстан</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="319"/>
        <source>Kyrgyzstan</source>
        <translation>Кыргызстан</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="320"/>
        <source>France</source>
        <translation>Франция</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="321"/>
        <source>Brazil</source>
        <translation>Бразилия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="322"/>
        <source>United Kingdom</source>
        <translation>Великобритания</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="323"/>
        <source>United States</source>
        <translation>США</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="324"/>
        <source>Germany</source>
        <translation>Германия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="328"/>
        <source>England</source>
        <translation>Англия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="329"/>
        <source>Scotland</source>
        <translation>Шотландия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="330"/>
        <source>Wales</source>
        <translation>Уэльс</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="331"/>
        <source>Northern Ireland</source>
        <translation>Северная Ирландия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="332"/>
        <source>California</source>
        <translation>Калифорния</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="333"/>
        <source>Moselle</source>
        <translation>Мозель</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="334"/>
        <source>Bas-Rhin</source>
        <translation>Нижний Рейн</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="335"/>
        <source>Haut-Rhin</source>
        <translation>Верхний Рейн</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="348"/>
        <source>regional calendar ({region}, {country})</source>
        <translation>региональный календарь ({region}, {country})</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/labels.py" line="352"/>
        <source>national calendar ({country})</source>
        <translation>государственный календарь ({country})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/labels.py" line="356"/>
        <source>with %n correction(s) from this case file</source>
        <translation>
            <numerusform>с %n поправкой из этого файла дел</numerusform>
            <numerusform>с %n поправками из этого файла дел</numerusform>
            <numerusform>с %n поправками из этого файла дел</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LettersModel</name>
    <message>
        <location filename="../../dpo_desk/ui/models/letters.py" line="23"/>
        <source>Letter</source>
        <translation>Письмо</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/letters.py" line="24"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/letters.py" line="25"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/letters.py" line="26"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/letters.py" line="27"/>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/letters.py" line="47"/>
        <source>Final</source>
        <translation>Утверждено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/letters.py" line="47"/>
        <source>Draft</source>
        <translation>Проект</translation>
    </message>
</context>
<context>
    <name>LettersTab</name>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="303"/>
        <source>Saved a copy to {path}.</source>
        <translation>Копия сохранена: {path}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="328"/>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="338"/>
        <source>Letters of this case</source>
        <translation>Письма по обращению</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="347"/>
        <source>&amp;New letter</source>
        <translation>Новое пись&amp;мо</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="349"/>
        <source>Write a new letter for this case</source>
        <translation>Написать новое письмо по этому обращению</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="351"/>
        <source>Delete draft</source>
        <translation>Удалить проект</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="382"/>
        <source>Compose</source>
        <translation>Составление</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="390"/>
        <source>Acknowledgement of receipt</source>
        <translation>Подтверждение получения запроса</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="391"/>
        <source>Request for identity proof or clarification</source>
        <translation>Запрос подтверждения личности или уточнений</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="392"/>
        <source>Extension notice</source>
        <translation>Уведомление о продлении</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="393"/>
        <source>Response to an access request</source>
        <translation>Ответ на запрос доступа</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="394"/>
        <source>Confirmation of the action taken</source>
        <translation>Подтверждение принятых мер</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="395"/>
        <source>Refusal</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="404"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид письма:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="405"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="438"/>
        <source>&amp;Recipient:</source>
        <translation>Получ&amp;атель:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="439"/>
        <source>&amp;Address:</source>
        <translation>Адр&amp;ес:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="442"/>
        <source>Reasons for the &amp;extension:</source>
        <translation>Причины &amp;продления:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="443"/>
        <source>Why the request needs more time (the law asks for the reasons)</source>
        <translation>Почему на ответ нужно больше времени (закон требует указать причины)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="447"/>
        <source>&amp;Doubt about identity:</source>
        <translation>Сомнения в &amp;личности:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="448"/>
        <source>Why the identity is in doubt (the law asks for a reason)</source>
        <translation>Почему личность вызывает сомнения (закон требует указать причину)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="450"/>
        <source>&amp;What to clarify:</source>
        <translation>&amp;Что уточнить:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="450"/>
        <source>What is unclear</source>
        <translation>Что неясно</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="451"/>
        <source>Reasons for the &amp;refusal:</source>
        <translation>Причины отка&amp;за:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="454"/>
        <source>Legal &amp;ground:</source>
        <translation>Правовое &amp;основание:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="455"/>
        <source>e.g. the article of the law the refusal relies on</source>
        <translation>например, статья закона</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="457"/>
        <source>En&amp;closures:</source>
        <translation>При&amp;ложения:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="457"/>
        <source>One per line</source>
        <translation>По одному в строке</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="458"/>
        <source>&amp;Signed by:</source>
        <translation>Подп&amp;исант:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="459"/>
        <source>&amp;Title:</source>
        <translation>&amp;Должность:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="459"/>
        <source>e.g. Data Protection Officer</source>
        <translation>напр., ответственный за ПДн</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="462"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="463"/>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="466"/>
        <source>DIN 5008 form B (C5/6, DL)</source>
        <translation>DIN 5008, форма B (C5/6, DL)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="467"/>
        <source>DIN 5008 form A</source>
        <translation>DIN 5008, форма A</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="476"/>
        <source>&amp;Paper:</source>
        <translation>Бума&amp;га:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="477"/>
        <source>&amp;Envelope window:</source>
        <translation>Окно ко&amp;нверта:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="498"/>
        <source>The letter&apos;s text</source>
        <translation>Текст письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="502"/>
        <source>You edited the text: the fields no longer change it.</source>
        <translation>Вы изменили текст вручную: поля на него больше не влияют.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="506"/>
        <source>Use the &amp;template&apos;s text</source>
        <translation>Вернуть текст &amp;шаблона</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="516"/>
        <source>Warnings before the letter goes out</source>
        <translation>Предупреждения перед отправкой письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="540"/>
        <source>Save &amp;draft</source>
        <translation>Со&amp;хранить проект</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="541"/>
        <source>Keep the letter as a draft to finish later</source>
        <translation>Сохранить письмо как проект, чтобы закончить позже</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="546"/>
        <source>&amp;Finalise…</source>
        <translation>&amp;Утвердить…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="547"/>
        <source>Store the PDF in the case file; it cannot be changed afterwards</source>
        <translation>Сохранить PDF в файле дел; после этого его нельзя изменить</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="551"/>
        <source>&amp;Print…</source>
        <translation>Пе&amp;чать…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="551"/>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1212"/>
        <source>Print the final letter</source>
        <translation>Напечатать утверждённое письмо</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="555"/>
        <source>Save &amp;as…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="556"/>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1214"/>
        <source>Save a copy of the final letter&apos;s PDF</source>
        <translation>Сохранить копию PDF утверждённого письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="561"/>
        <source>Record as &amp;sent…</source>
        <translation>&amp;Записать отправку…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="562"/>
        <source>Write the date and channel into the letter register</source>
        <translation>Внести дату и канал отправки в реестр писем</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="572"/>
        <source>&amp;Text of the letter:</source>
        <translation>&amp;Текст письма:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="594"/>
        <source>&amp;Letters</source>
        <translation>&amp;Письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="669"/>
        <source>The unsaved letter on {reference} was kept as a draft there.</source>
        <translation>Несохранённое письмо по обращению {reference} сохранено там как проект.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="808"/>
        <source>New letter (not saved yet).</source>
        <translation>Новое письмо (ещё не сохранено).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="824"/>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1267"/>
        <source>Draft of {date}, not final: it can still be changed.</source>
        <translation>Проект от {date}, не утверждён: его ещё можно изменить.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="847"/>
        <source>Final letter, finalised {moment}; it can no longer be changed.</source>
        <translation>Письмо утверждено {moment}; изменить его больше нельзя.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="850"/>
        <source>SHA-256: {hash}</source>
        <translation>SHA-256: {hash}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="857"/>
        <source>Sent on {date} by {channel}.</source>
        <translation>Отправлено {date}, канал: {channel}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="862"/>
        <source>Not recorded as sent yet.</source>
        <translation>Отправка ещё не записана.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="867"/>
        <source>The letter&apos;s PDF is missing from the case file.</source>
        <translation>PDF письма отсутствует в файле дел.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="878"/>
        <source>preview</source>
        <translation>предпросмотр</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="928"/>
        <source>No address in the case: type the postal address</source>
        <translation>В обращении нет адреса: введите почтовый адрес</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1003"/>
        <source>Replace the edited text?</source>
        <translation>Заменить изменённый текст?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1005"/>
        <source>You edited the letter&apos;s text. A letter of another kind or language starts from its own template; your edits would be lost.</source>
        <translation>Вы изменили текст письма. Письмо другого вида или на другом языке начинается со своего шаблона; ваши правки будут потеряны.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1008"/>
        <source>&amp;Replace the text</source>
        <translation>&amp;Заменить текст</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1025"/>
        <source>Go back to the template&apos;s text?</source>
        <translation>Вернуться к тексту шаблона?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1026"/>
        <source>Your edits of the letter&apos;s text will be lost.</source>
        <translation>Ваши правки текста письма будут потеряны.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1027"/>
        <source>&amp;Use the template&apos;s text</source>
        <translation>&amp;Вернуть текст шаблона</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1059"/>
        <source>The letter&apos;s text is empty.</source>
        <translation>Текст письма пуст.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1109"/>
        <source>No preview: see the message under the text.</source>
        <translation>Предпросмотра нет: см. сообщение под текстом.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1116"/>
        <source>Needs legal review</source>
        <translation>Нужна юридическая проверка</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1117"/>
        <source>No address for the envelope&apos;s window</source>
        <translation>Нет адреса для окна конверта</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1118"/>
        <source>Not a postal address</source>
        <translation>Не почтовый адрес</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1119"/>
        <source>Another language than the request&apos;s</source>
        <translation>Язык не совпадает с языком запроса</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1120"/>
        <source>Deadline passed</source>
        <translation>Срок истёк</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1121"/>
        <source>Extension too late</source>
        <translation>Продление слишком поздно</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1122"/>
        <source>No extension in this law</source>
        <translation>Закон не предусматривает продления</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1123"/>
        <source>No reply date</source>
        <translation>Не указан срок ответа</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1124"/>
        <source>Internal target cited as law</source>
        <translation>Внутренний ориентир указан как норма закона</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1125"/>
        <source>Refusal without reasons</source>
        <translation>Отказ без причин</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1126"/>
        <source>Refusal without a legal ground</source>
        <translation>Отказ без правового основания</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1127"/>
        <source>Right to complain missing</source>
        <translation>Нет указания на право обжалования</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1128"/>
        <source>No supervisory authority known</source>
        <translation>Надзорный орган неизвестен</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1129"/>
        <source>Controller&apos;s profile incomplete</source>
        <translation>Сведения об операторе неполны</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1130"/>
        <source>No enclosure</source>
        <translation>Нет приложений</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1131"/>
        <source>Paper ID copy asked for (Kazakhstan)</source>
        <translation>Запрошена бумажная копия удостоверения (Казахстан)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1132"/>
        <source>ID document asked for without a doubt</source>
        <translation>Удостоверение запрошено без сомнений в личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1133"/>
        <source>Signed ID copy asked for without a doubt</source>
        <translation>Подписанная копия удостоверения запрошена без сомнений в личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1134"/>
        <source>Insists on one channel</source>
        <translation>Настаивает на одном канале связи</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1135"/>
        <source>Demands a signature</source>
        <translation>Требует подпись</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1166"/>
        <source>(acknowledged when finalised)</source>
        <translation>(принято к сведению при утверждении)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1171"/>
        <source>✓ The checks found nothing to warn about.</source>
        <translation>✓ Проверки не выявили замечаний.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1210"/>
        <source>Finalise the letter first: what leaves the desk is what the case file keeps.</source>
        <translation>Сначала утвердите письмо: отправляется ровно то, что хранится в файле дел.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1249"/>
        <source>Drop the unsaved letter?</source>
        <translation>Отказаться от несохранённого письма?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1250"/>
        <source>The letter being written has changes that are not saved.</source>
        <translation>В составляемом письме есть несохранённые изменения.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1251"/>
        <source>&amp;Drop the changes</source>
        <translation>&amp;Отбросить изменения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1272"/>
        <source>Draft saved.</source>
        <translation>Проект сохранён.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1289"/>
        <source>The draft was deleted.</source>
        <translation>Проект удалён.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1295"/>
        <source>Delete this draft?</source>
        <translation>Удалить этот проект?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1296"/>
        <source>The draft and its text are removed from the case file.</source>
        <translation>Проект и его текст будут удалены из файла дел.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1297"/>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1308"/>
        <source>The letter&apos;s PDF will be stored in the case file with its SHA-256 fingerprint. A final letter can never be changed afterwards; a correction is a new letter.</source>
        <translation>PDF письма будет сохранён в файле дел вместе с отпечатком SHA-256. Утверждённое письмо изменить уже нельзя; исправление оформляется новым письмом.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1313"/>
        <source>Finalising records the extension notice on the case&apos;s clock.</source>
        <translation>При утверждении уведомление о продлении будет учтено в расчёте срока обращения.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1316"/>
        <source>Finalising pauses the clock and sets the case to awaiting identity.</source>
        <translation>При утверждении течение срока приостановится, а обращение перейдёт в статус «Ждёт подтверждения личности».</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1320"/>
        <source>&amp;Finalise</source>
        <translation>&amp;Утвердить</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1322"/>
        <source>These warnings stand:</source>
        <translation>Остаются предупреждения:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1326"/>
        <source>Finalise anyway only if you are sure the letter is right.</source>
        <translation>Утверждайте, несмотря на них, только если уверены, что письмо составлено верно.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1331"/>
        <source>Finalise the letter?</source>
        <translation>Утвердить письмо?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1353"/>
        <source>Finalised. The PDF is stored with SHA-256 {hash}.</source>
        <translation>Утверждено. PDF сохранён с SHA-256 {hash}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1387"/>
        <source>Recorded as sent. The case is now: {status}.</source>
        <translation>Отправка записана. Статус обращения: {status}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1391"/>
        <source>Recorded as sent.</source>
        <translation>Отправка записана.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1433"/>
        <source>Print the letter</source>
        <translation>Печать письма</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1448"/>
        <source>%n page(s) sent to {printer}.</source>
        <translation>
            <numerusform>%n страница отправлена на {printer}.</numerusform>
            <numerusform>%n страницы отправлены на {printer}.</numerusform>
            <numerusform>%n страниц отправлено на {printer}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1450"/>
        <source>The printer could not be started; nothing was printed.</source>
        <translation>Не удалось запустить печать; ничего не напечатано.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="409"/>
        <source>Suggested from the name</source>
        <translation>По имени (предложено)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="410"/>
        <source>To a man (Уважаемый…, Monsieur)</source>
        <translation>Мужчине (Уважаемый…, Monsieur)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="411"/>
        <source>To a woman (Уважаемая…, Madame)</source>
        <translation>Женщине (Уважаемая…, Madame)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="412"/>
        <source>Neutral</source>
        <translation>Нейтральное</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="416"/>
        <source>Sa&amp;lutation:</source>
        <translation>&amp;Обращение:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="519"/>
        <source>I have read the blocking warnings and the letter is right as it is</source>
        <translation>Я прочитал(а) блокирующие предупреждения, письмо верно в таком виде</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1328"/>
        <source>&amp;Finalise with the warnings acknowledged</source>
        <translation>&amp;Утвердить с учётом предупреждений</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1136"/>
        <source>Required particulars missing</source>
        <translation>Не заполнены обязательные сведения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1137"/>
        <source>Blank particulars in the letter</source>
        <translation>Незаполненные сведения в письме</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1138"/>
        <source>No extension for this case</source>
        <translation>Продление невозможно</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1139"/>
        <source>Text in another language</source>
        <translation>Текст на другом языке</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="652"/>
        <source>The law of this case provides no extension of the reply period.</source>
        <translation>Закон, применимый к этому делу, не предусматривает продления срока ответа.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="1140"/>
        <source>Points of law to check</source>
        <translation>Правовые вопросы для проверки</translation>
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
        <location filename="../../dpo_desk/ui/main_window.py" line="209"/>
        <source>&amp;New postal request…</source>
        <extracomment>The case view&apos;s tabs in this wave; later waves append theirs. The window&apos;s size when nothing is saved, if the screen has room for it (1366x768 fits). Names under which the layout is kept in ``Settings.layout``. File types the email import takes (dropped on the window or chosen in the file dialog). File → Open recent: how many case files the settings remember (``Settings.extra``). File → Open / New / Open recent / a restored file: the path to switch to. The app&apos;s ``OpenRequests`` answers it (asks before closing this file, never opens one twice).</extracomment>
        <translation>&amp;Новый почтовый запрос…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="213"/>
        <source>Log a request that came by post</source>
        <translation>Зарегистрировать запрос, пришедший по почте</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="217"/>
        <source>&amp;Import email…</source>
        <translation>&amp;Импорт писем…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="221"/>
        <source>Import .eml, .msg or .mbox files (or drop them on the window)</source>
        <translation>Импортировать файлы .eml, .msg или .mbox (или перетащите их в окно)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="225"/>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="229"/>
        <source>Hide the cases until the passphrase or keyring unlocks them</source>
        <translation>Скрыть обращения до разблокировки паролем или ключом из хранилища</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="234"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Резервная копия…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="238"/>
        <source>Write an encrypted copy of the case file</source>
        <translation>Записать зашифрованную копию файла дел</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="242"/>
        <source>&amp;Check case file</source>
        <translation>&amp;Проверить файл дел</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="246"/>
        <source>Check every page of the file and the audit log&apos;s chain</source>
        <translation>Проверить каждую страницу файла и цепочку журнала аудита</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="250"/>
        <source>&amp;Verify identity…</source>
        <translation>&amp;Проверить личность…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="254"/>
        <source>Check the requester&apos;s identity on the selected case</source>
        <translation>Проверить личность заявителя по выбранному обращению</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="258"/>
        <source>&amp;Write letter…</source>
        <translation>&amp;Написать письмо…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="262"/>
        <source>Write a letter on the selected case</source>
        <translation>Написать письмо по выбранному обращению</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="266"/>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="270"/>
        <source>Export a case summary, the register, statistics or the calendar</source>
        <translation>Экспортировать сводку по обращению, реестр, статистику или календарь</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="273"/>
        <source>Letter &amp;templates…</source>
        <translation>&amp;Шаблоны писем…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="276"/>
        <source>&amp;Trusted certificates…</source>
        <translation>&amp;Доверенные сертификаты…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="279"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="282"/>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="286"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="292"/>
        <source>&amp;Controllers…</source>
        <translation>&amp;Операторы…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="295"/>
        <source>Calendar &amp;overrides…</source>
        <translation>&amp;Поправки календаря…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="299"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Параметры…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="303"/>
        <source>&amp;About DPO Desk</source>
        <translation>&amp;О программе DPO Desk</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="349"/>
        <source>&amp;Open case file…</source>
        <translation>&amp;Открыть файл дел…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="353"/>
        <source>Close this case file and open another</source>
        <translation>Закрыть этот файл дел и открыть другой</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="357"/>
        <source>New case &amp;file…</source>
        <translation>Новый &amp;файл дел…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="361"/>
        <source>Close this case file and create a new one</source>
        <translation>Закрыть этот файл дел и создать новый</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="365"/>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Восстановить из резервной копии…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="369"/>
        <source>Restore a backup to a new path (never over the open file)</source>
        <translation>Восстановить резервную копию по новому пути (никогда поверх открытого файла)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="373"/>
        <source>&amp;User guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="380"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="384"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Недавние файлы дел</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="400"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="405"/>
        <source>&amp;Case</source>
        <translation>О&amp;бращение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="409"/>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="417"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="424"/>
        <source>Main toolbar</source>
        <translation>Основная панель</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="453"/>
        <source>Start by adding the controllers you serve: their laws set the deadlines.</source>
        <translation>Начните с добавления операторов, которых вы обслуживаете: их право определяет сроки.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="457"/>
        <source>&amp;Add a controller…</source>
        <translation>&amp;Добавить оператора…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="474"/>
        <source>Views and controllers</source>
        <translation>Представления и операторы</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="483"/>
        <source>Search names, references, notes and emails (Ctrl+F)</source>
        <translation>Поиск по именам, номерам, заметкам и письмам (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="485"/>
        <source>Search cases</source>
        <translation>Поиск обращений</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="504"/>
        <source>Cases</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="707"/>
        <source>{name} (locked) — DPO Desk</source>
        <translation>{name} (заблокировано) — DPO Desk</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="709"/>
        <source>{name} — DPO Desk</source>
        <translation>{name} — DPO Desk</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/main_window.py" line="813"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n обращение</numerusform>
            <numerusform>%n обращения</numerusform>
            <numerusform>%n обращений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="910"/>
        <location filename="../../dpo_desk/ui/main_window.py" line="923"/>
        <source>Select a case first.</source>
        <translation>Сначала выберите обращение.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="938"/>
        <source>Exported to {path}.</source>
        <translation>Экспортировано в {path}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="980"/>
        <source>No other recent case files</source>
        <translation>Других недавних файлов дел нет</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="998"/>
        <source>Open case file</source>
        <translation>Открыть файл дел</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1003"/>
        <source>New case file</source>
        <translation>Новый файл дел</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1010"/>
        <source>{file} already exists: choose another name, or open it with Open.</source>
        <translation>{file} уже существует: выберите другое имя или откройте его командой «Открыть».</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1025"/>
        <source>The backup is restored to {path}.</source>
        <translation>Резервная копия восстановлена в {path}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1048"/>
        <source>Another job is still running.</source>
        <translation>Ещё выполняется другая задача.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1076"/>
        <location filename="../../dpo_desk/ui/main_window.py" line="1101"/>
        <source>Import email</source>
        <translation>Импорт писем</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1079"/>
        <source>Email (*.eml *.msg *.mbox *.txt)</source>
        <translation>Письма (*.eml *.msg *.mbox *.txt)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1088"/>
        <source>Importing email…</source>
        <translation>Импорт писем…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1145"/>
        <source>Back up the case file</source>
        <translation>Резервная копия файла дел</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="987"/>
        <location filename="../../dpo_desk/ui/main_window.py" line="1148"/>
        <source>DPO Desk case files (*.dpodesk)</source>
        <translation>Файлы дел DPO Desk (*.dpodesk)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1156"/>
        <source>Writing the backup…</source>
        <translation>Запись резервной копии…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1164"/>
        <source>Backup written to {path} ({size} KB).</source>
        <translation>Резервная копия записана в {path} ({size} КБ).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1168"/>
        <source>It opens with this file&apos;s recovery key.</source>
        <translation>Она открывается ключом восстановления этого файла.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1173"/>
        <source>Checking the case file…</source>
        <translation>Проверка файла дел…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1179"/>
        <source>Check case file</source>
        <translation>Проверка файла дел</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/main_window.py" line="1183"/>
        <source>The case file is sound: every page decrypts and passes its checks, and the audit log&apos;s chain of %n event(s) is unbroken.</source>
        <translation>
            <numerusform>Файл дел исправен: каждая страница расшифровывается и проходит проверки, цепочка журнала аудита из %n события не нарушена.</numerusform>
            <numerusform>Файл дел исправен: каждая страница расшифровывается и проходит проверки, цепочка журнала аудита из %n событий не нарушена.</numerusform>
            <numerusform>Файл дел исправен: каждая страница расшифровывается и проходит проверки, цепочка журнала аудита из %n событий не нарушена.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1196"/>
        <source>The chain also matches the copy of its end kept in the system keyring.</source>
        <translation>Цепочка также совпадает с копией её конца в системном хранилище ключей.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1212"/>
        <source>The file is damaged: {problems}</source>
        <translation>Файл повреждён: {problems}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1218"/>
        <source>The audit log was altered or cut at event {seq}: {problem}</source>
        <translation>Журнал аудита изменён или обрезан на событии {seq}: {problem}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1228"/>
        <source>Restore the last good backup and keep this file for inspection.</source>
        <translation>Восстановите последнюю исправную резервную копию, а этот файл сохраните для проверки.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1239"/>
        <source>DPO Desk</source>
        <translation>DPO Desk</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1332"/>
        <source>The keyring does not hold this file&apos;s key; type the recovery key.</source>
        <translation>В хранилище нет ключа этого файла; введите ключ восстановления.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1336"/>
        <source>That passphrase or recovery key is not right.</source>
        <translation>Пароль или ключ восстановления неверен.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="340"/>
        <source>&amp;Breaches</source>
        <translation>&amp;Инциденты</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="344"/>
        <source>The register of personal-data breaches and their legal clocks</source>
        <translation>Реестр инцидентов с персональными данными и их законные сроки</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="594"/>
        <source>Requests</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="596"/>
        <source>Breaches</source>
        <translation>Инциденты</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/main_window.py" line="1103"/>
        <source>The files hold %n message(s): more than 200 new cases may be opened.</source>
        <translation>
            <numerusform>В файлах %n письмо: может быть открыто более 200 новых дел.</numerusform>
            <numerusform>В файлах %n письма: может быть открыто более 200 новых дел.</numerusform>
            <numerusform>В файлах %n писем: может быть открыто более 200 новых дел.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1107"/>
        <source>Import all</source>
        <translation>Импортировать всё</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1188"/>
        <source>Every record matches what the audit log last recorded for it.</source>
        <translation>Каждая запись совпадает с тем, что журнал аудита записал о ней последним.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1192"/>
        <source>The chain also matches the copy of its end kept in the settings folder.</source>
        <translation>Цепочка совпадает и с копией её конца в папке настроек.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1199"/>
        <source>That copy is on this computer: it does not stand against someone who holds the key here. Keep the line printed by “dpo-desk audit anchor” elsewhere.</source>
        <translation>Эта копия хранится на этом компьютере: она не защищает от того, у кого здесь есть ключ. Храните строку, которую печатает «dpo-desk audit anchor», в другом месте.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1204"/>
        <source>No copy of the chain&apos;s end is kept outside the file, so a cut-off end would not show. Keep the line printed by “dpo-desk audit anchor” elsewhere.</source>
        <translation>Копия конца цепочки вне файла не хранится, поэтому отрезанный конец не будет заметен. Храните строку, которую печатает «dpo-desk audit anchor», в другом месте.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/main_window.py" line="1224"/>
        <source>Records changed outside DPO Desk: {rows}</source>
        <translation>Записи, изменённые в обход DPO Desk: {rows}</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="326"/>
        <source>Notice about breach {ref}</source>
        <translation>Уведомление по инциденту {ref}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="333"/>
        <source>the supervisory authority</source>
        <translation>надзорный орган</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="334"/>
        <source>the data subjects</source>
        <translation>субъекты данных</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="349"/>
        <source>Finalise (immutable, with its SHA-256, in the register)</source>
        <translation>Окончательная версия (неизменяемая, с SHA-256, в реестре)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="357"/>
        <source>To:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="358"/>
        <source>Regime:</source>
        <translation>Режим:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="359"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="377"/>
        <source>Save the notice</source>
        <translation>Сохранить уведомление</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/breach.py" line="379"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>OpenRequests</name>
    <message>
        <location filename="../../dpo_desk/ui/app.py" line="343"/>
        <source>Open another case file</source>
        <translation>Открыть другой файл дел</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/app.py" line="345"/>
        <source>{current} is open. Close it and open {new}? Nothing is lost: every change is already saved.</source>
        <translation>Открыт файл {current}. Закрыть его и открыть {new}? Ничего не потеряется: все изменения уже сохранены.</translation>
    </message>
</context>
<context>
    <name>OverrideSignatureDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="159"/>
        <source>Accept this signature as proof of identity?</source>
        <translation>Принять эту подпись как подтверждение личности?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="162"/>
        <source>Signature check {check} did not settle identity by itself. Accept it only if you are sure the data subject signed (for example, the name is written in a way DPO Desk does not recognise). Your reason is kept in the record and the audit log.</source>
        <translation>Проверка подписи {check} сама по себе не подтвердила личность. Принимайте её, только если уверены, что подписал субъект данных (например, имя записано так, как DPO Desk не распознаёт). Ваше обоснование сохраняется в записи и в журнале аудита.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="172"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Обоснование:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="179"/>
        <source>&amp;Accept as verified</source>
        <translation>&amp;Принять как подтверждённую</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/identity_tab.py" line="198"/>
        <source>Write why you accept this signature (a sentence).</source>
        <translation>Напишите, почему вы принимаете эту подпись (одно предложение).</translation>
    </message>
</context>
<context>
    <name>OverridesDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="61"/>
        <source>Calendar overrides</source>
        <translation>Поправки календаря</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="67"/>
        <source>Correct the national calendars where a government decree moved a day off or set a religious holiday the calendar data does not know yet. Open cases&apos; due dates are recomputed at once.</source>
        <translation>Исправьте национальные календари, если постановление правительства перенесло выходной или установило дату религиозного праздника, которых ещё нет в данных календаря. Сроки открытых обращений пересчитываются сразу.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="77"/>
        <source>Calendar</source>
        <translation>Календарь</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="77"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="77"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="77"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="101"/>
        <source>Decree or reason</source>
        <translation>Постановление или причина</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="103"/>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="106"/>
        <source>&amp;Remove selected</source>
        <translation>&amp;Удалить выбранное</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="116"/>
        <source>&amp;Calendar:</source>
        <translation>&amp;Календарь:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="117"/>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="118"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="119"/>
        <source>&amp;Note:</source>
        <translation>&amp;Примечание:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="346"/>
        <source>Choose or type a calendar code (e.g. RU, KZ, GB-ENG).</source>
        <translation>Выберите или введите код календаря (например, RU, KZ, GB-ENG).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="362"/>
        <source>Select the override to remove.</source>
        <translation>Выберите поправку, которую нужно удалить.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="377"/>
        <source>Saved; due dates of open cases were recomputed.</source>
        <translation>Сохранено; сроки открытых обращений пересчитаны.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="147"/>
        <source>Suggested by government acts, per controller</source>
        <translation>Предложено актами правительства, по контролёрам</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="151"/>
        <source>Some acts give state bodies extra days off and only recommend them to private employers. Apply one to a controller that gave its staff those days off; its open cases are recomputed. Other controllers keep the national calendar.</source>
        <translation>Некоторые акты объявляют дополнительные выходные для государственных органов и лишь рекомендуют их частным работодателям. Примените акт к контролёру, который дал сотрудникам эти выходные; сроки его открытых обращений будут пересчитаны. Для остальных контролёров действует национальный календарь.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="165"/>
        <source>Act</source>
        <translation>Акт</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="166"/>
        <source>Days off</source>
        <translation>Выходные дни</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="167"/>
        <source>Binds</source>
        <translation>Обязателен для</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="168"/>
        <source>Private employers</source>
        <translation>Частные работодатели</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="169"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="186"/>
        <source>A&amp;pply to controller</source>
        <translation>&amp;Применить к контролёру</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="189"/>
        <source>&amp;Withdraw</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="198"/>
        <source>C&amp;ontroller:</source>
        <translation>&amp;Контролёр:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="245"/>
        <source>Applied</source>
        <translation>Применено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="245"/>
        <source>Not applied</source>
        <translation>Не применено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="257"/>
        <source>No suggestions for the calendars of this controller&apos;s regimes.</source>
        <translation>Для календарей режимов этого контролёра предложений нет.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="259"/>
        <source>Add a controller first.</source>
        <translation>Сначала добавьте контролёра.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="273"/>
        <source>Source: {source}</source>
        <translation>Источник: {source}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="278"/>
        <source>Needs legal review (confidence {confidence}): whether the act reaches a private employer is uncertain; apply it only if the controller gave its staff these days off.</source>
        <translation>Требуется юридическая проверка (уверенность {confidence}): распространяется ли акт на частного работодателя, не ясно; применяйте его, только если контролёр дал сотрудникам эти выходные.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="301"/>
        <source>Select a suggestion first.</source>
        <translation>Сначала выберите предложение.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="315"/>
        <source>Applied to {controller}: {days} are days off for it.</source>
        <translation>Применено к {controller}: {days} — для него выходные дни.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="317"/>
        <source>Withdrawn from {controller}: {days} follow the national calendar.</source>
        <translation>Отменено для {controller}: {days} — по национальному календарю.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/overrides.py" line="321"/>
        <source>Due dates of its open cases were recomputed.</source>
        <translation>Сроки его открытых обращений пересчитаны.</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="74"/>
        <source>Request</source>
        <extracomment>The order status buttons appear in (the usual path first).</extracomment>
        <translation>Запрос</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="79"/>
        <source>Reference</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="80"/>
        <source>Controller</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="81"/>
        <source>Data subject</source>
        <translation>Субъект данных</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="82"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="83"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="84"/>
        <source>Personal identifiers</source>
        <translation>Личные идентификаторы</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="85"/>
        <source>Asks for</source>
        <translation>Просит</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="86"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="87"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="89"/>
        <source>Postmark</source>
        <translation>Почтовый штемпель</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="90"/>
        <source>Registered mail no.</source>
        <translation>№ заказного письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="91"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="92"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="93"/>
        <source>Summary</source>
        <translation>Суть</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="98"/>
        <source>Move the case</source>
        <translation>Ход обращения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="105"/>
        <source>Reason (for a rejection or withdrawal)</source>
        <translation>Причина (для отказа или отзыва)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="106"/>
        <source>&amp;Reason:</source>
        <translation>При&amp;чина:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="117"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="126"/>
        <source>A note for the file (who called, what was checked…)</source>
        <translation>Заметка в дело (кто звонил, что проверено…)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="130"/>
        <source>&amp;Add note</source>
        <translation>&amp;Добавить заметку</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="151"/>
        <source>&amp;Overview</source>
        <translation>&amp;Обзор</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="284"/>
        <source>Write the note first.</source>
        <translation>Сначала напишите заметку.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="88"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/overview.py" line="198"/>
        <source>{date} ({regime})</source>
        <translation>{date} ({regime})</translation>
    </message>
</context>
<context>
    <name>PostalRequestDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="56"/>
        <source>New postal request</source>
        <translation>Новый почтовый запрос</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="82"/>
        <source>&amp;Known:</source>
        <translation>&amp;Известен:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="112"/>
        <source>The request in a sentence or two</source>
        <translation>Суть запроса в одном-двух предложениях</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="120"/>
        <source>C&amp;ontroller:</source>
        <translation>&amp;Оператор:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="121"/>
        <source>&amp;Main request:</source>
        <translation>Основной &amp;запрос:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="122"/>
        <source>Also &amp;asks for:</source>
        <translation>&amp;Также просит:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="123"/>
        <source>&amp;Received (date stamp):</source>
        <translation>&amp;Получено (штамп):</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="124"/>
        <source>Postmark:</source>
        <translation>Почтовый штемпель:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="125"/>
        <source>Re&amp;gistered mail no.:</source>
        <translation>№ за&amp;казного письма:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="126"/>
        <source>Sender&apos;s &amp;name:</source>
        <translation>&amp;Имя отправителя:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="127"/>
        <source>Sender&apos;s a&amp;ddress:</source>
        <translation>&amp;Адрес отправителя:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="128"/>
        <source>&amp;Email (if given):</source>
        <translation>&amp;Эл. почта (если указана):</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="129"/>
        <source>&amp;Language of the letter:</source>
        <translation>&amp;Язык письма:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="130"/>
        <source>S&amp;ummary:</source>
        <translation>&amp;Суть:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="131"/>
        <source>Scans of the letter and any enclosed ID copy</source>
        <translation>Сканы письма и приложенной копии удостоверения личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="161"/>
        <source>&amp;Log request</source>
        <translation>&amp;Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="192"/>
        <source>Add a controller first (Settings → Controllers…).</source>
        <translation>Сначала добавьте оператора (Настройки → Операторы…).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="228"/>
        <source>Choose the controller the letter was addressed to.</source>
        <translation>Выберите оператора, которому адресовано письмо.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="231"/>
        <source>Type the sender&apos;s name.</source>
        <translation>Введите имя отправителя.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="308"/>
        <source>The scans are still being checked; try again.</source>
        <translation>Сканы ещё проверяются; повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="325"/>
        <source>Logging…</source>
        <translation>Регистрация…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="138"/>
        <source>&amp;Read the letter (OCR)</source>
        <translation>&amp;Прочитать письмо (OCR)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="141"/>
        <source>Stop reading</source>
        <translation>Остановить чтение</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="339"/>
        <source>Add a scan of the letter first.</source>
        <translation>Сначала добавьте скан письма.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="343"/>
        <source>Reading the letter…</source>
        <translation>Чтение письма…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="356"/>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="376"/>
        <source>Reading stopped; fill in the request by hand.</source>
        <translation>Чтение остановлено; заполните обращение вручную.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="361"/>
        <source>Reading the letter… {percent}%</source>
        <translation>Чтение письма… {percent}%</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="392"/>
        <source>No text could be read; fill in the request by hand.</source>
        <translation>Текст прочитать не удалось; заполните обращение вручную.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="407"/>
        <source>no request kind</source>
        <translation>вид обращения не распознан</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="409"/>
        <source>Suggested from the scan: {kinds}; {language}. Check and confirm.</source>
        <translation>Предложено по скану: {kinds}; {language}. Проверьте и подтвердите.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="262"/>
        <source>Type the sender&apos;s address or e-mail, or the reply has nowhere to go.</source>
        <translation>Укажите адрес или e-mail отправителя, иначе ответ некуда направить.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="266"/>
        <source>The received date and the postmark cannot be in the future.</source>
        <translation>Дата получения и дата почтового штемпеля не могут быть в будущем.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="272"/>
        <source>The postmark is later than the date the letter was received: check both dates.</source>
        <translation>Дата почтового штемпеля позже даты получения письма: проверьте обе даты.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="293"/>
        <source>Log the request anyway?</source>
        <translation>Всё равно зарегистрировать запрос?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/postal_request.py" line="295"/>
        <source>&amp;Log anyway</source>
        <translation>&amp;Всё равно зарегистрировать</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="27"/>
        <source>Preferences</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="32"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="33"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="37"/>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="54"/>
        <source>A new language applies when DPO Desk starts again.</source>
        <translation>Новый язык применится при следующем запуске DPO Desk.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="57"/>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Блокировать после простоя:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="59"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="44"/>
        <source>As the system (light or dark)</source>
        <translation>Как в системе (светлая или тёмная)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="45"/>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="46"/>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="51"/>
        <source>as the system</source>
        <translation>как в системе</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="52"/>
        <source> pt</source>
        <translation> пт</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="63"/>
        <source>&amp;Colours:</source>
        <translation>&amp;Цвета:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/preferences.py" line="65"/>
        <source>&amp;Text size:</source>
        <translation>&amp;Размер текста:</translation>
    </message>
</context>
<context>
    <name>ProvenanceTrustModel</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="58"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="58"/>
        <source>Qualified</source>
        <translation>Квалифицированный</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="62"/>
        <source>imported by hand</source>
        <translation>импортирован вручную</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="63"/>
        <source>Russian list of accredited CAs</source>
        <translation>перечень аккредитованных УЦ (Россия)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="64"/>
        <source>Kazakhstan NCA</source>
        <translation>НУЦ Казахстана</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="80"/>
        <source>qualified</source>
        <translation>квалифицированный</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="82"/>
        <source>Needs legal review: {note}</source>
        <translation>Требует проверки юристом: {note}</translation>
    </message>
</context>
<context>
    <name>RecordSentDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="192"/>
        <source>Record as sent</source>
        <extracomment>How long the preview waits after the last change before it is rendered again. Pages are rasterised for the printer at this resolution at most (a 1200 dpi page would take half a gigabyte of memory; 300 dpi is what office printers print text at). The fields each kind of letter asks for (besides recipient, signatory and page).</extracomment>
        <translation>Запись об отправке</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="207"/>
        <source>e.g. RR123456789KG</source>
        <translation>RR123456789KG</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="214"/>
        <source>The letter register keeps the date and the channel; a response or a refusal moves the case on.</source>
        <translation>В реестре писем сохраняются дата и канал отправки; после ответа или отказа обращение переходит в следующий статус.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="221"/>
        <source>Sent &amp;on:</source>
        <translation>Дата &amp;отправки:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="222"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Канал:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="223"/>
        <source>Registered &amp;number:</source>
        <translation>&amp;Номер отправления:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="229"/>
        <source>&amp;Record</source>
        <translation>&amp;Записать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/letters_tab.py" line="251"/>
        <source>Type the registered-mail number from the receipt.</source>
        <translation>Введите номер заказного отправления из квитанции.</translation>
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
        <location filename="../../dpo_desk/ui/widgets.py" line="30"/>
        <source>%n case(s) overdue</source>
        <translation>
            <numerusform>%n обращение просрочено</numerusform>
            <numerusform>%n обращения просрочены</numerusform>
            <numerusform>%n обращений просрочено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/widgets.py" line="34"/>
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
        <location filename="../../dpo_desk/ui/widgets.py" line="55"/>
        <source>&amp;Show them</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/widgets.py" line="61"/>
        <source>Hide until tomorrow</source>
        <translation>Скрыть до завтра</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/widgets.py" line="62"/>
        <source>Hide the reminder</source>
        <translation>Скрыть напоминание</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="43"/>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="51"/>
        <source>Leave empty if the keyring holds the key</source>
        <translation>Оставьте пустым, если ключ есть в хранилище ключей</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="60"/>
        <source>The backup is checked and copied to the target path. The open case file is never overwritten: restore to another path, then open that file.</source>
        <translation>Резервная копия проверяется и копируется по указанному пути. Открытый файл дел никогда не перезаписывается: восстановите копию по другому пути, затем откройте тот файл.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="67"/>
        <source>&amp;Backup:</source>
        <translation>&amp;Резервная копия:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="68"/>
        <source>Restore &amp;to:</source>
        <translation>Восстановить &amp;в:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="69"/>
        <source>&amp;Passphrase or recovery key:</source>
        <translation>&amp;Пароль или ключ восстановления:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="74"/>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="89"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="97"/>
        <source>DPO Desk case files (*.dpodesk)</source>
        <translation>Файлы дел DPO Desk (*.dpodesk)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="108"/>
        <source>Choose the backup</source>
        <translation>Выберите резервную копию</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="113"/>
        <source>Restore to</source>
        <translation>Восстановить в</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="121"/>
        <source>Choose the backup and the path to restore it to.</source>
        <translation>Выберите резервную копию и путь, куда её восстановить.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/restore.py" line="124"/>
        <source>Restoring…</source>
        <translation>Восстановление…</translation>
    </message>
</context>
<context>
    <name>ScanList</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="69"/>
        <source>Store a copy of an identity document?</source>
        <translation>Сохранить копию удостоверения личности?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="72"/>
        <source>The law of this controller restricts paper copies of identity documents. Store the copy only if an exception applies.</source>
        <translation>Закон, которому подчиняется этот оператор, ограничивает хранение бумажных копий документов, удостоверяющих личность. Сохраняйте копию, только если применимо исключение.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="80"/>
        <source>&amp;Store the copy</source>
        <translation>&amp;Сохранить копию</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="112"/>
        <source>Scans to store</source>
        <translation>Сканы для сохранения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="118"/>
        <source>Add &amp;letter pages…</source>
        <translation>Ст&amp;раницы письма…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="121"/>
        <source>Add an I&amp;D copy…</source>
        <translation>&amp;Удостоверение…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="126"/>
        <source>Role of the selected scan</source>
        <translation>Тип выбранного скана</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="131"/>
        <source>Remo&amp;ve</source>
        <translation>У&amp;брать</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="143"/>
        <source>PDF, JPEG, PNG or TIFF; drop files here. Each file is checked first.</source>
        <translation>PDF, JPEG, PNG или TIFF; файлы можно перетащить сюда. Каждый файл сначала проверяется.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="181"/>
        <source>Add an ID copy</source>
        <translation>Добавление копии удостоверения личности</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="183"/>
        <source>Add letter pages</source>
        <translation>Добавление страниц письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="188"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>Сканы (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="224"/>
        <source>{name} was not added: {reason}</source>
        <translation>Файл {name} не добавлен: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/scans.py" line="233"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanTextPane</name>
    <message>
        <location filename="../../dpo_desk/ui/views/scan_text.py" line="54"/>
        <source>Recognised text</source>
        <translation>Распознанный текст</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/scan_text.py" line="63"/>
        <source>Recognised text of the scan</source>
        <translation>Распознанный текст скана</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/scan_text.py" line="68"/>
        <location filename="../../dpo_desk/ui/views/scan_text.py" line="143"/>
        <source>&amp;Read the text (OCR)</source>
        <translation>&amp;Прочитать текст (OCR)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/scan_text.py" line="71"/>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/scan_text.py" line="108"/>
        <source>Loading the recognised text…</source>
        <translation>Загрузка распознанного текста…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/scan_text.py" line="141"/>
        <source>No text has been read from this scan yet: press “Read the text”.</source>
        <translation>Текст этого скана ещё не прочитан: нажмите «Прочитать текст».</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/scan_text.py" line="146"/>
        <source>unknown</source>
        <translation>не определён</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/scan_text.py" line="148"/>
        <source>Language: {language}; OCR confidence {confidence:.0f} of 100.</source>
        <translation>Язык: {language}; уверенность OCR {confidence:.0f} из 100.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/scan_text.py" line="152"/>
        <source>&amp;Read again</source>
        <translation>Прочитать &amp;заново</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/scan_text.py" line="169"/>
        <source>Reading the scan…</source>
        <translation>Чтение скана…</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="34"/>
        <source>Overdue</source>
        <translation>Просроченные</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="35"/>
        <source>Due in 3 days</source>
        <translation>Срок в течение 3 дней</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="36"/>
        <source>Awaiting identity</source>
        <translation>Ждут подтверждения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="37"/>
        <source>Open</source>
        <translation>Открытые</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="38"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="39"/>
        <source>Closed</source>
        <translation>Закрытые</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="61"/>
        <source>Views</source>
        <translation>Представления</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="61"/>
        <source>Controllers</source>
        <translation>Операторы</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="189"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n обращение</numerusform>
            <numerusform>%n обращения</numerusform>
            <numerusform>%n обращений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/sidebar.py" line="33"/>
        <source>Inbox</source>
        <extracomment>Saved views in the order shown, with their names.</extracomment>
        <translation>Входящие</translation>
    </message>
</context>
<context>
    <name>SignatureChecker</name>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="320"/>
        <source>This is a detached signature: choose the file it signs, then verify again.</source>
        <translation>Это отсоединённая подпись: выберите файл, который ею подписан, и повторите проверку.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="342"/>
        <source>Checking the signature…</source>
        <translation>Проверка подписи…</translation>
    </message>
</context>
<context>
    <name>SignatureChecksModel</name>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="101"/>
        <source>Signer</source>
        <extracomment>What each signature&apos;s column shows, top to bottom.</extracomment>
        <translation>Подписант</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="102"/>
        <source>Signed at</source>
        <translation>Время подписания</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="103"/>
        <source>Algorithm</source>
        <translation>Алгоритм</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="104"/>
        <source>Intact</source>
        <translation>Целостность</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="105"/>
        <source>Valid</source>
        <translation>Действительность</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="106"/>
        <source>Trusted chain</source>
        <translation>Цепочка доверия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="107"/>
        <source>Coverage</source>
        <translation>Охват</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="108"/>
        <source>Revocation</source>
        <translation>Отзыв</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="109"/>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="146"/>
        <source>Signature {number}</source>
        <translation>Подпись {number}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="166"/>
        <source>Issued by: {issuer}</source>
        <translation>Издатель: {issuer}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="175"/>
        <source>unknown</source>
        <translation>неизвестен</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="200"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="202"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="209"/>
        <source>The signed content</source>
        <translation>Подписанное содержимое</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="212"/>
        <source>Whole document</source>
        <translation>Весь документ</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="214"/>
        <source>Part of the document</source>
        <translation>Часть документа</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="216"/>
        <source>no changes after signing</source>
        <translation>без изменений после подписания</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="218"/>
        <source>permitted changes after signing</source>
        <translation>допустимые изменения после подписания</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="220"/>
        <source>disallowed changes made after signing</source>
        <translation>после подписания внесены недопустимые изменения</translation>
    </message>
</context>
<context>
    <name>SignatureResults</name>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="43"/>
        <source>The signed content is unchanged since it was signed, and the signer&apos;s certificate chains to a certificate in your trust store.</source>
        <extracomment>What each verdict means, for a lawyer rather than a cryptographer.</extracomment>
        <translation>Подписанное содержимое не менялось после подписания, а сертификат подписанта ведёт по цепочке к сертификату из вашего списка доверенных.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="48"/>
        <source>The signature itself is valid, but it does not cover everything: part of the message or later changes to the document are unsigned and prove nothing.</source>
        <translation>Сама подпись действительна, но охватывает не всё: часть письма или последующие изменения документа не подписаны и ничего не доказывают.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="53"/>
        <source>The signed content is unchanged, but who signed is not established: the signer&apos;s certificate does not lead to a certificate you trust (or is no longer valid).</source>
        <translation>Подписанное содержимое не изменено, но кто подписал, не установлено: сертификат подписанта не ведёт к сертификату, которому вы доверяете (или уже недействителен).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="58"/>
        <source>The content was changed after signing, or the signature does not match the signer&apos;s certificate. Do not rely on it.</source>
        <translation>Содержимое изменено после подписания, или подпись не соответствует сертификату подписанта. Полагаться на неё нельзя.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="63"/>
        <source>The file carries no electronic signature.</source>
        <translation>Файл не содержит электронной подписи.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="64"/>
        <source>DPO Desk cannot check this kind of signature (for example GOST algorithms or a weak hash); ask for another proof or check it with the issuer&apos;s own tool.</source>
        <translation>DPO Desk не может проверить подпись такого вида (например, на алгоритмах ГОСТ или со слабой хеш-функцией); запросите другое подтверждение или проверьте подпись средствами удостоверяющего центра, выдавшего сертификат.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="69"/>
        <source>The file or its signature is damaged and cannot be read.</source>
        <translation>Файл или его подпись повреждены и не читаются.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="77"/>
        <source>Signature {number}: the signer {signer} is the data subject.</source>
        <extracomment>Whether a signer is the case&apos;s data subject (``signatures[].subject_match``, issue 15).</extracomment>
        <translation>Подпись {number}: подписант {signer} — субъект данных.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="80"/>
        <source>Signature {number}: the signer {signer} is NOT the data subject; it does not prove the requester&apos;s identity.</source>
        <translation>Подпись {number}: подписант {signer} НЕ субъект данных; она не подтверждает личность заявителя.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="85"/>
        <source>Signature {number}: whether the signer {signer} is the data subject cannot be told.</source>
        <translation>Подпись {number}: невозможно установить, является ли подписант {signer} субъектом данных.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="103"/>
        <source>Details: {reason}</source>
        <translation>Подробности: {reason}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="109"/>
        <source>The signer&apos;s certificate does not name the sender&apos;s address ({sender}).</source>
        <translation>В сертификате подписавшего не указан адрес отправителя ({sender}).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="116"/>
        <source>Not signed: {part}</source>
        <translation>Не подписано: {part}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="122"/>
        <source>Signature {number}: {problem}</source>
        <translation>Подпись {number}: {problem}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="136"/>
        <source>Recorded: {outcome}. {reason}</source>
        <translation>Записано: {outcome}. {reason}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="143"/>
        <source>Revocation was not checked: DPO Desk works offline and the file embeds no revocation data.</source>
        <translation>Отзыв сертификата не проверялся: DPO Desk работает без сети, а в файле нет данных об отзыве.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="180"/>
        <source>Signatures</source>
        <translation>Подписи</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/views/signature_results.py" line="229"/>
        <source>Signature {number}: {signer}, signed {time} ({algorithm}) — intact: {intact}, valid: {valid}, trusted chain: {trusted}; revocation: {revocation}.</source>
        <translation>Подпись {number}: {signer}, подписано {time} ({algorithm}) — целостность: {intact}, действительность: {valid}, цепочка доверия: {trusted}; отзыв: {revocation}.</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <location filename="../../dpo_desk/ui/widgets.py" line="98"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="73"/>
        <source>Letter templates</source>
        <translation>Шаблоны писем</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="101"/>
        <source>&amp;Controller:</source>
        <translation>&amp;Оператор:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="102"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид письма:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="103"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="120"/>
        <source>&amp;Mark as reviewed</source>
        <translation>Отметить &amp;проверку</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="123"/>
        <source>Record that a lawyer reviewed this wording for this controller</source>
        <translation>Записать, что юрист проверил эту редакцию для этого оператора</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="126"/>
        <source>&amp;Withdraw the review</source>
        <translation>Снять о&amp;тметку</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="141"/>
        <source>Template text</source>
        <translation>Текст шаблона</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="156"/>
        <source>&amp;Save as this controller&apos;s wording</source>
        <translation>&amp;Сохранить как редакцию оператора</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="159"/>
        <source>&amp;Back to the bundled wording</source>
        <translation>Ве&amp;рнуть стандартную редакцию</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="172"/>
        <source>Placeholders in braces, like {reference}, are filled in for each letter; nothing else in a template is run. Parts in [parts] are the paragraphs used when they apply.</source>
        <translation>Подстановки в фигурных скобках, например {reference}, заполняются для каждого письма; больше ничего в шаблоне не выполняется. Абзацы из раздела [parts] используются, когда они применимы.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="240"/>
        <source>Add a controller first: templates belong to one.</source>
        <translation>Сначала добавьте оператора: шаблоны относятся к конкретному оператору.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="264"/>
        <source>Drop the changes?</source>
        <translation>Отбросить изменения?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="265"/>
        <source>The template being edited has changes that are not saved.</source>
        <translation>В редактируемом шаблоне есть несохранённые изменения.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="266"/>
        <source>&amp;Drop the changes</source>
        <translation>&amp;Отбросить изменения</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="301"/>
        <source>This controller&apos;s own wording (stored in the case file).</source>
        <translation>Собственная редакция этого оператора (хранится в файле дел).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="304"/>
        <source>The bundled wording (no own wording saved).</source>
        <translation>Стандартная редакция (собственная не сохранена).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="309"/>
        <source>⚠ Needs legal review.</source>
        <translation>⚠ Нужна юридическая проверка.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="312"/>
        <source>✓ Reviewed by a lawyer for this controller.</source>
        <translation>✓ Проверено юристом для этого оператора.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="314"/>
        <source>No legal review needed for this language.</source>
        <translation>Для этого языка юридическая проверка не требуется.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="321"/>
        <source>Placeholders: {names}</source>
        <translation>Подстановки: {names}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="330"/>
        <source>Own wordings of this controller: {items}.</source>
        <translation>Собственные редакции этого оператора: {items}.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="333"/>
        <source>This controller uses the bundled wordings only.</source>
        <translation>Этот оператор использует только стандартные редакции.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="367"/>
        <source>Saved as this controller&apos;s wording.</source>
        <translation>Сохранено как редакция этого оператора.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="376"/>
        <source>The template was not saved: {reason}</source>
        <translation>Шаблон не сохранён: {reason}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="394"/>
        <source>Back to the bundled wording.</source>
        <translation>Восстановлена стандартная редакция.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="401"/>
        <source>Back to the bundled wording?</source>
        <translation>Вернуть стандартную редакцию?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="403"/>
        <source>This controller&apos;s own wording of the letter is removed; its letters use the bundled template again.</source>
        <translation>Собственная редакция этого письма у оператора будет удалена; его письма снова будут составляться по стандартному шаблону.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="406"/>
        <source>&amp;Remove the own wording</source>
        <translation>&amp;Удалить собственную редакцию</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="418"/>
        <source>Save the changes first: a review covers a saved wording.</source>
        <translation>Сначала сохраните изменения: проверка относится к сохранённой редакции.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="423"/>
        <source>Recorded: a lawyer reviewed this wording for this controller.</source>
        <translation>Записано: юрист проверил эту редакцию для этого оператора.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/templates.py" line="425"/>
        <source>The review was withdrawn; the letters show the marker again.</source>
        <translation>Отметка о проверке снята; письма снова помечаются как требующие юридической проверки.</translation>
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
    <name>TrustModel</name>
    <message>
        <location filename="../../dpo_desk/ui/models/trust.py" line="47"/>
        <source>Subject</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/trust.py" line="48"/>
        <source>Issuer</source>
        <translation>Издатель</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/trust.py" line="49"/>
        <source>Valid until</source>
        <translation>Действителен до</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/trust.py" line="50"/>
        <source>Fingerprint (SHA-256)</source>
        <translation>Отпечаток (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/trust.py" line="51"/>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/trust.py" line="66"/>
        <source>itself (a root)</source>
        <translation>самоподписанный (корневой)</translation>
    </message>
</context>
<context>
    <name>TrustStoreDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="99"/>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="122"/>
        <source>Trusted certificates</source>
        <translation>Доверенные сертификаты</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="104"/>
        <source>A signature is shown as valid only when its signer&apos;s certificate chains to one of these certificates. Nothing is trusted by default, not even the operating system&apos;s certificates: import the root (and, if needed, intermediate) certificates of the authorities whose signatures you accept, as published by them. Checks are offline.</source>
        <translation>Подпись показывается как действительная, только если сертификат подписанта ведёт по цепочке к одному из этих сертификатов. По умолчанию не доверяется ничему, даже сертификатам операционной системы: импортируйте корневые (и при необходимости промежуточные) сертификаты удостоверяющих центров, чьи подписи вы принимаете, в том виде, в каком они их публикуют. Проверка выполняется без подключения к сети.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="138"/>
        <source>&amp;Import certificates…</source>
        <translation>&amp;Импортировать сертификаты…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="141"/>
        <source>Import trust &amp;list…</source>
        <translation>Импорт &amp;списка доверия…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="145"/>
        <source>The Russian list of accredited certification centres (the ministry&apos;s XML file) or the Kazakh NCA root and intermediate certificates (a zip or certificate file), as you downloaded them. Nothing is downloaded by DPO Desk.</source>
        <translation>Перечень аккредитованных удостоверяющих центров России (XML-файл министерства) или корневые и промежуточные сертификаты НУЦ Казахстана (zip-архив или файл сертификата) в том виде, в каком вы их скачали. DPO Desk ничего не скачивает сам.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="151"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="185"/>
        <source>No certificate is trusted yet: every signature will show as not trusted.</source>
        <translation>Доверенных сертификатов пока нет: любая подпись будет показана как подпись без доверия.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="194"/>
        <source>{subject}
Issued by: {issuer}
SHA-256 fingerprint: {fingerprint}</source>
        <translation>{subject}
Издатель: {issuer}
Отпечаток SHA-256: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="202"/>
        <source>Source: {source}, imported {date}</source>
        <translation>Источник: {source}, импортирован {date}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="206"/>
        <source>Issues qualified certificates.</source>
        <translation>Выдаёт квалифицированные сертификаты.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="208"/>
        <source>Needs legal review: {note}</source>
        <translation>Требует проверки юристом: {note}</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="220"/>
        <source>Import trusted certificates</source>
        <translation>Импорт доверенных сертификатов</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="225"/>
        <source>Certificates ({patterns})</source>
        <translation>Сертификаты ({patterns})</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="226"/>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="282"/>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="253"/>
        <source>Imported %n certificate(s).</source>
        <translation>
            <numerusform>Импортирован %n сертификат.</numerusform>
            <numerusform>Импортировано %n сертификата.</numerusform>
            <numerusform>Импортировано %n сертификатов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="256"/>
        <source>Already trusted, not added again: %n certificate(s).</source>
        <translation>
            <numerusform>Уже в числе доверенных, повторно не добавлен: %n сертификат.</numerusform>
            <numerusform>Уже в числе доверенных, повторно не добавлены: %n сертификата.</numerusform>
            <numerusform>Уже в числе доверенных, повторно не добавлены: %n сертификатов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="276"/>
        <source>Import a trust list</source>
        <translation>Импорт списка доверия</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="281"/>
        <source>Trust lists ({patterns})</source>
        <translation>Списки доверия ({patterns})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="307"/>
        <source>{source}: %n certificate(s) added</source>
        <translation>
            <numerusform>{source}: добавлен %n сертификат</numerusform>
            <numerusform>{source}: добавлено %n сертификата</numerusform>
            <numerusform>{source}: добавлено %n сертификатов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="313"/>
        <source>now recorded as coming from this list: %n</source>
        <translation>
            <numerusform>теперь записан как взятый из этого списка: %n</numerusform>
            <numerusform>теперь записаны как взятые из этого списка: %n</numerusform>
            <numerusform>теперь записаны как взятые из этого списка: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="316"/>
        <source>already trusted: %n</source>
        <translation>
            <numerusform>уже доверенный: %n</numerusform>
            <numerusform>уже доверенных: %n</numerusform>
            <numerusform>уже доверенных: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="318"/>
        <source>left out: %n</source>
        <translation>
            <numerusform>пропущен: %n</numerusform>
            <numerusform>пропущено: %n</numerusform>
            <numerusform>пропущено: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="326"/>
        <source>Select the certificate to remove.</source>
        <translation>Выберите сертификат, который нужно удалить.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="331"/>
        <source>Remove a trusted certificate?</source>
        <translation>Удалить доверенный сертификат?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="332"/>
        <source>Stop trusting “{subject}”?</source>
        <translation>Перестать доверять сертификату «{subject}»?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="335"/>
        <source>Signatures that chain only to this certificate will show as not trusted from now on. Checks already recorded keep their results. You can import the certificate again later.</source>
        <translation>Подписи, цепочка которых ведёт только к этому сертификату, отныне будут показаны как подписи без доверия. Уже записанные проверки сохранят свои результаты. Сертификат можно будет импортировать снова.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="340"/>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/trust_store.py" line="359"/>
        <source>“{subject}” is no longer trusted.</source>
        <translation>Сертификат «{subject}» исключён из доверенных.</translation>
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
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/user_guide.py" line="25"/>
        <location filename="../../dpo_desk/ui/dialogs/user_guide.py" line="29"/>
        <source>User guide</source>
        <extracomment>The guide&apos;s file for each UI language (English is the fallback).</extracomment>
        <translation>Руководство пользователя</translation>
    </message>
</context>
<context>
    <name>VerificationsModel</name>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="35"/>
        <source>Checked</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="36"/>
        <source>How</source>
        <translation>Способ</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="37"/>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="38"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="39"/>
        <source>Copies destroyed</source>
        <translation>Уничтожено копий</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/models/verifications.py" line="59"/>
        <source>Signature: {verdict}</source>
        <translation>Подпись: {verdict}</translation>
    </message>
</context>
<context>
    <name>WithoutReplyDialog</name>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/without_reply.py" line="37"/>
        <source>Answer without a reply letter?</source>
        <translation>Ответ без письма?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/without_reply.py" line="44"/>
        <source>Case {reference} has no finalised reply letter (access response, action confirmation or refusal).</source>
        <translation>В обращении {reference} нет окончательного письма-ответа (ответа на запрос доступа, подтверждения действий или отказа).</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/without_reply.py" line="54"/>
        <source>If you go on, the case counts as {status} on {on} with no letter on file: the register and the statistics show it as answered, and only the reason you give here shows why. The reason is kept in the audit trail and as a case note.</source>
        <translation>Если продолжить, обращение получит статус «{status}» на {on} без письма в деле: в реестре и статистике оно будет считаться отвеченным, и объяснит это только указанная здесь причина. Причина сохраняется в журнале аудита и в заметке к обращению.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/without_reply.py" line="60"/>
        <source>Closing the case also destroys the copies of identity documents kept for it.</source>
        <translation>При закрытии обращения также уничтожаются хранящиеся в нём копии документов, удостоверяющих личность.</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/without_reply.py" line="67"/>
        <source>&amp;Why is there no reply letter?</source>
        <translation>&amp;Почему нет письма-ответа?</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/without_reply.py" line="71"/>
        <source>e.g. answered in person, request withdrawn</source>
        <translation>например: ответили лично, запрос отозван</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/without_reply.py" line="72"/>
        <source>Reason for answering without a reply letter</source>
        <translation>Причина ответа без письма</translation>
    </message>
    <message>
        <location filename="../../dpo_desk/ui/dialogs/without_reply.py" line="78"/>
        <source>&amp;Record the reason and go on</source>
        <translation>&amp;Сохранить причину и продолжить</translation>
    </message>
</context>
</TS>
