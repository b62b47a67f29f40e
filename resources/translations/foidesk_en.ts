<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
