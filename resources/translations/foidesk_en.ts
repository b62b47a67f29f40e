<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>foidesk::BankHolidaysDialog</name>
    <message numerus="yes">
        <source>%n day(s) added.</source>
        <translation>
            <numerusform>%n day added.</numerusform>
            <numerusform>%n days added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) added</source>
        <translation>
            <numerusform>%n day added</numerusform>
            <numerusform>%n days added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n already known</source>
        <translation>
            <numerusform>; %n already known</numerusform>
            <numerusform>; %n already known</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open deadline(s) moved: %1.</source>
        <translation>
            <numerusform>%n open deadline moved: %1.</numerusform>
            <numerusform>%n open deadlines moved: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::DashboardWindow</name>
    <message numerus="yes">
        <source>%Ln open request(s) of %1 in the log.</source>
        <translation>
            <numerusform>%Ln open request of %1 in the log.</numerusform>
            <numerusform>%Ln open requests of %1 in the log.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln overdue</numerusform>
            <numerusform>%Ln overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the %Ln overdue request(s) in the list</source>
        <translation>
            <numerusform>Show the %Ln overdue request in the list</numerusform>
            <numerusform>Show the %Ln overdue requests in the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of the %Ln request(s) answered from %2 to %3 were answered in time (%4). The Information Commissioner expects at least 90%.</source>
        <translation>
            <numerusform>%1 of the %Ln request answered from %2 to %3 was answered in time (%4). The Information Commissioner expects at least 90%.</numerusform>
            <numerusform>%1 of the %Ln requests answered from %2 to %3 were answered in time (%4). The Information Commissioner expects at least 90%.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::ExchangeActions</name>
    <message numerus="yes">
        <source>; %n already in the log</source>
        <translation>
            <numerusform>; %n already in the log</numerusform>
            <numerusform>; %n already in the log</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::HistoryPanel</name>
    <message numerus="yes">
        <source>%n entry(s). The log&apos;s history is intact: no entry has been changed, removed or moved.</source>
        <translation>
            <numerusform>%n entry. The log&apos;s history is intact: no entry has been changed, removed or moved.</numerusform>
            <numerusform>%n entries. The log&apos;s history is intact: no entry has been changed, removed or moved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::HolidaysCommand</name>
    <message numerus="yes">
        <source>%1 %n day(s)</source>
        <translation>
            <numerusform>%1 %n day</numerusform>
            <numerusform>%1 %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n already known</source>
        <translation>
            <numerusform>; %n already known</numerusform>
            <numerusform>; %n already known</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open deadline(s) moved</source>
        <translation>
            <numerusform>%n open deadline moved</numerusform>
            <numerusform>%n open deadlines moved</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::ImportResultsDialog</name>
    <message numerus="yes">
        <source>skipped %n already in the log</source>
        <translation>
            <numerusform>skipped %n already in the log</numerusform>
            <numerusform>skipped %n already in the log</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::LetterImportActions</name>
    <message numerus="yes">
        <source>%n request(s) created from letters</source>
        <translation>
            <numerusform>%n request created from letters</numerusform>
            <numerusform>%n requests created from letters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::LetterImporter</name>
    <message numerus="yes">
        <source>imported, check: from the letter %1 (SHA-256 %2), %n question(s)</source>
        <translation>
            <numerusform>imported, check: from the letter %1 (SHA-256 %2), %n question</numerusform>
            <numerusform>imported, check: from the letter %1 (SHA-256 %2), %n questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::LetterPreviewPane</name>
    <message numerus="yes">
        <source>and %n more (hover to see them all)</source>
        <translation>
            <numerusform>and %n more (hover to see them all)</numerusform>
            <numerusform>and %n more (hover to see them all)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::LogLocation</name>
    <message numerus="yes">
        <source>%n backup(s) stayed in %1, as the new folder has a file of the same name.</source>
        <translation>
            <numerusform>%n backup stayed in %1, as the new folder has a file of the same name.</numerusform>
            <numerusform>%n backups stayed in %1, as the new folder has a file of the same name.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::PublicationGate</name>
    <message numerus="yes">
        <source>%n withheld string(s) would be published in %1.</source>
        <translation>
            <numerusform>%n withheld string would be published in %1.</numerusform>
            <numerusform>%n withheld strings would be published in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::PublishActions</name>
    <message numerus="yes">
        <source>%n request(s) published to %1.</source>
        <translation>
            <numerusform>%n request published to %1.</numerusform>
            <numerusform>%n requests published to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answered request(s) were kept out of the log; the details say why.</source>
        <translation>
            <numerusform>%n answered request was kept out of the log; the details say why.</numerusform>
            <numerusform>%n answered requests were kept out of the log; the details say why.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written, %1 removed.</source>
        <translation>
            <numerusform>%n file written, %1 removed.</numerusform>
            <numerusform>%n files written, %1 removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::RedactionsPanel</name>
    <message numerus="yes">
        <source>%n passage(s) withheld</source>
        <translation>
            <numerusform>%n passage withheld</numerusform>
            <numerusform>%n passages withheld</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n answer(s).</source>
        <translation>
            <numerusform>in %n answer.</numerusform>
            <numerusform>in %n answers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::ReleaseCheck</name>
    <message numerus="yes">
        <source>%n more finding(s).</source>
        <translation>
            <numerusform>%n more finding.</numerusform>
            <numerusform>%n more findings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n withheld string(s)</source>
        <translation>
            <numerusform>%n withheld string</numerusform>
            <numerusform>%n withheld strings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1… (%n characters)&quot;</source>
        <translation>
            <numerusform>&quot;%1… (%n character)&quot;</numerusform>
            <numerusform>&quot;%1… (%n characters)&quot;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::RequestEditor</name>
    <message numerus="yes">
        <source>&lt;b&gt;Round robin:&lt;/b&gt; the same questions came from another requester in %n request(s): %1. Answer them alike.</source>
        <translation>
            <numerusform>&lt;b&gt;Round robin:&lt;/b&gt; the same questions came from another requester in request %1. Answer them alike.</numerusform>
            <numerusform>&lt;b&gt;Round robin:&lt;/b&gt; the same questions came from other requesters in %n requests: %1. Answer them alike.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::ReviewPanel</name>
    <message numerus="yes">
        <source>%n comment(s) not resolved yet.</source>
        <translation>
            <numerusform>%n comment not resolved yet.</numerusform>
            <numerusform>%n comments not resolved yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::Store</name>
    <message numerus="yes">
        <source>Request %1 has %n question(s), so there is no question %2 to comment on. Give a number from the list, or comment on the request as a whole.</source>
        <translation>
            <numerusform>Request %1 has %n question, so there is no question %2 to comment on. Give a number from the list, or comment on the request as a whole.</numerusform>
            <numerusform>Request %1 has %n questions, so there is no question %2 to comment on. Give a number from the list, or comment on the request as a whole.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open deadline(s) moved.</source>
        <translation>
            <numerusform>%n open deadline moved.</numerusform>
            <numerusform>%n open deadlines moved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>foidesk::SuggestionsPanel</name>
    <message numerus="yes">
        <source>%n passage(s) may be personal data. Nothing is withheld until you accept.</source>
        <translation>
            <numerusform>%n passage may be personal data. Nothing is withheld until you accept.</numerusform>
            <numerusform>%n passages may be personal data. Nothing is withheld until you accept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Withhold %n suggested passage(s)</source>
        <translation>
            <numerusform>Withhold %n suggested passage</numerusform>
            <numerusform>Withhold %n suggested passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Withheld %n suggested passage(s)</source>
        <translation>
            <numerusform>Withheld %n suggested passage</numerusform>
            <numerusform>Withheld %n suggested passages</numerusform>
        </translation>
    </message>
</context>
</TS>
