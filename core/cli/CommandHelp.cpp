#include "cli/CommandHelp.h"

#include <QCoreApplication>
#include "cli/WorkflowCommand.h"

#include <QDir>

namespace foidesk {

namespace {


} // namespace

QStringList CommandHelp::commands()
{
    return QStringList{QStringLiteral("import"),
            QStringLiteral("import-letter"),
            QStringLiteral("export-json"),
            QStringLiteral("list"),
            QStringLiteral("show"),
            QStringLiteral("search"),
            QStringLiteral("stats"),
            QStringLiteral("publish"),
            QStringLiteral("export-pdf"),
            QStringLiteral("settings"),
            QStringLiteral("holidays"),
            QStringLiteral("due"),
            QStringLiteral("help")}
           + WorkflowCommand::commands();
}

bool CommandHelp::isCommand(const QString &name)
{
    return commands().contains(name);
}

QString CommandHelp::usage(const QString &name)
{
    if (name == QLatin1String("import"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] import [--replace] FILE...");
    if (name == QLatin1String("import-letter"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] import-letter FILE... [--replace] "
                               "[--dry-run] [--json] [--encoding windows-1252]");
    if (name == QLatin1String("export-json"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] export-json REF [--public] [-o FILE]");
    if (name == QLatin1String("list"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] list [--json]");
    if (name == QLatin1String("show"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] show REF [--json]");
    if (name == QLatin1String("search"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] search QUERY [--json] [--limit N]");
    if (name == QLatin1String("stats"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] stats --quarter YYYYQn [--csv]");
    if (name == QLatin1String("publish"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] publish --out DIR [--since YYYY-MM-DD]");
    if (name == QLatin1String("export-pdf"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] export-pdf REF -o FILE [--draft]\n"
                  "       foidesk [--db FILE] export-pdf --all --out-dir DIR [--draft] "
                  "[--jobs N]");
    if (name == QLatin1String("settings"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] settings import|export FILE");
    if (name == QLatin1String("holidays"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] holidays list [--year YYYY]\n"
                               "       foidesk [--db FILE] holidays add YYYY-MM-DD NAME "
                               "[--nation CODE]...\n"
                               "       foidesk [--db FILE] holidays remove YYYY-MM-DD "
                               "[--nation CODE]...\n"
                               "       foidesk [--db FILE] holidays import FILE");
    if (name == QLatin1String("due"))
        return CommandHelp::tr("Usage: foidesk due --received YYYY-MM-DD [--regime FOIA|EIR|FOISA|EIRS] "
                  "[--days N]\n"
                  "       foidesk due --received YYYY-MM-DD [--regime CODE] "
                  "[--clarification-sought YYYY-MM-DD] [--clarification-received YYYY-MM-DD] "
                  "[--fees-notice YYYY-MM-DD --fee-paid YYYY-MM-DD] [--show-working]");
    if (name == QLatin1String("help"))
        return CommandHelp::tr("Usage: foidesk help [COMMAND]");
    if (name == QLatin1String("approve"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] [--user LOGIN] approve REF [--comment TEXT]");
    if (name == QLatin1String("return"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] [--user LOGIN] return REF --comment TEXT");
    if (name == QLatin1String("comment"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] [--user LOGIN] comment REF [--question N] TEXT");
    if (name == QLatin1String("mark-sent"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] [--user LOGIN] mark-sent REF [--date YYYY-MM-DD]");
    if (name == QLatin1String("reopen"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] [--user LOGIN] reopen REF --reason TEXT");
    if (name == QLatin1String("history"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] history REF [--csv]");
    if (name == QLatin1String("verify-history"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] verify-history");
    if (name == QLatin1String("staff"))
        return CommandHelp::tr("Usage: foidesk [--db FILE] staff list [--json]\n"
                               "       foidesk [--db FILE] staff add NAME --login LOGIN "
                               "--role officer|supervisor|both [--grade G] [--job-title T] "
                               "[--senior]\n"
                               "       foidesk [--db FILE] staff review [on|off]");
    if (WorkflowCommand::commands().contains(name))
        return CommandHelp::tr("Usage: foidesk [--db FILE] [--user LOGIN] %1 REF").arg(name);
    return CommandHelp::tr("Usage: foidesk [--db FILE] [COMMAND [OPTIONS]]");
}

QString CommandHelp::general(const QString &defaultDatabase)
{
    return CommandHelp::tr("Usage: foidesk [--db FILE] [COMMAND [OPTIONS]]\n"
              "\n"
              "FOI Desk keeps a log of Freedom of Information and Environmental Information\n"
              "requests. Without a command it opens its window; with a command it runs in the\n"
              "terminal and needs no display.\n"
              "\n"
              "Commands:\n"
              "  import [--replace] FILE...   Add requests from exchange-format JSON files\n"
              "  import-letter FILE... [--replace] [--dry-run] [--json]\n"
              "                               Add requests read from past response letters\n"
              "                               (.txt, .md, .html, .docx, .pdf)\n"
              "  export-json REF [--public] [-o FILE]\n"
              "                               Write one request as exchange-format JSON\n"
              "  list [--json]                List the requests in the log\n"
              "  show REF [--json]            Show one request, its due date and the working\n"
              "                               days left\n"
              "  search QUERY [--json] [--limit N]\n"
              "                               Find past questions and answers in the log\n"
              "  stats --quarter YYYYQn [--csv]\n"
              "                               Count the quarter's requests for publication\n"
              "  publish --out DIR [--since YYYY-MM-DD]\n"
              "                               Publish the disclosure log as a static site\n"
              "  export-pdf REF -o FILE [--draft]\n"
              "                               Write the response letter of one request as PDF\n"
              "  export-pdf --all --out-dir DIR [--draft] [--jobs N]\n"
              "                               Write the letter of every request as PDF\n"
              "  settings import|export FILE  Read or write the organisation profile (name,\n"
              "                               addresses and the wording of the letters)\n"
              "  due --received YYYY-MM-DD [--regime FOIA|EIR|FOISA|EIRS] [--days N]\n"
              "                               Work out a statutory deadline (needs no log)\n"
              "  help [COMMAND]               Show this help or the help of one command\n"
              "\n"
              "Review and history (made as the current user, see --user):\n"
              "  submit REF                   Submit the draft for review\n"
              "  approve REF [--comment TEXT] Approve it (the second approval when one was given)\n"
              "  return REF --comment TEXT    Return it to the officer with what to change\n"
              "  comment REF [--question N] TEXT\n"
              "                               Comment on one question or the whole request\n"
              "  mark-sent REF [--date YYYY-MM-DD]\n"
              "                               Mark it sent, keeping the final letter as sent\n"
              "  reopen REF --reason TEXT     Reopen a sent, closed or withdrawn request\n"
              "  start, seek-clarification, resume, close, withdraw REF\n"
              "                               The other moves of the workflow\n"
              "  history REF [--csv]          Every change to the request, newest first\n"
              "  verify-history               Check that no history entry was altered or removed\n"
              "  staff list [--json]          The staff register with logins and roles\n"
              "  staff add NAME --login LOGIN --role officer|supervisor|both [--grade G] [--senior]\n"
              "                               Add someone to the staff register\n"
              "\n"
              "Options:\n"
              "  --db FILE      Use the log in FILE instead of the default log\n"
              "  --user LOGIN   Act as LOGIN from the staff register (default: the entry whose\n"
              "                 login is your computer account name, or that name itself)\n"
              "  -h, --help     Show this help (COMMAND --help shows a command's help)\n"
              "  -v, --version  Show the version\n"
              "\n"
              "The default log is %1\n"
              "\n"
              "Exit codes: 0 done; 1 usage error; 2 bad input or no such request (nothing was\n"
              "written); 3 refused (a reference already exists, a final letter is not ready,\n"
              "withheld text was found in an exported file, or the log is damaged, newer,\n"
              "read-only or could not be written).\n")
        .arg(QDir::toNativeSeparators(defaultDatabase));
}

QString CommandHelp::command(const QString &name)
{
    QString body;
    if (name == QLatin1String("import")) {
        body = CommandHelp::tr("Adds the requests in the files to the log, creating the log if it does not\n"
                  "exist yet. Each file holds one request in the exchange format\n"
                  "\"foidesk.request/1\". Each file is imported whole or not at all; a bad file\n"
                  "is reported on one line naming the file, the field and what is wrong, and\n"
                  "the other files are still imported.\n"
                  "\n"
                  "  --replace   Overwrite a request whose reference is already in the log\n"
                  "              (without it such a file is refused). With --replace, when two\n"
                  "              files carry the same reference the later one wins.\n"
                  "\n"
                  "Prints \"imported REF from FILE\" (or \"replaced ...\") for each request.\n");
    } else if (name == QLatin1String("import-letter")) {
        body = CommandHelp::tr(
            "Reads past response letters (plain text, Markdown, HTML, Word .docx or PDF with a\n"
            "text layer), finds the request in each (reference, dates, regime, requester where\n"
            "the letter names one, the questions with their answers, the exemptions cited and\n"
            "what was held) and adds it to the log, creating the log if it does not exist yet.\n"
            "Nothing is guessed: a field the letter does not give is left empty. Each request\n"
            "is created whole or not at all, and its history says \"imported, check\" with the\n"
            "letter's file name and SHA-256 checksum. A letter without a reference, without\n"
            "questions or that cannot be read is refused with one line naming the file (exit\n"
            "2); the other files are still imported.\n"
            "\n"
            "  --replace   Overwrite a request whose reference is already in the log\n"
            "  --dry-run   Write nothing; print what was found in each letter\n"
            "  --json      Print a JSON array, per file: file, request (exchange format, only\n"
            "              the fields found) and missing (the fields not found)\n"
            "  --encoding windows-1252\n"
            "              Read text, Markdown and HTML files that are not UTF-8 as\n"
            "              Windows-1252 (older office software); without it they are refused\n"
            "\n"
            "The window's File > Import Letters... shows the same with the letter beside it,\n"
            "and lets you correct each field first (docs/import.md).\n");
    } else if (name == QLatin1String("export-json")) {
        body = CommandHelp::tr("Writes the request with reference REF in the exchange format: to standard\n"
                  "output, or with -o FILE (--output FILE) to that file, replacing it whole.\n"
                  "\n"
                  "  --public   Write the copy that may be published instead: no requester and\n"
                  "             no officer, each withheld passage replaced by its label\n"
                  "             (\"[withheld: s40(2)]\"), an answer withheld in full replaced by\n"
                  "             one sentence naming its exemptions, no redactions and no\n"
                  "             exemption reasons, and \"public\": true. The copy is read back\n"
                  "             and refused (exit 3, nothing kept) if any withheld text is in\n"
                  "             it. It cannot be imported again.\n");
    } else if (name == QLatin1String("list")) {
        body = CommandHelp::tr("Lists the requests in the log, sorted by reference: reference, date\n"
                  "received, due date, status and title, in aligned columns.\n"
                  "\n"
                  "  --json   Print a JSON array instead, one object per request with the\n"
                  "           fields reference, title, received, due, status and officer.\n");
    } else if (name == QLatin1String("show")) {
        body =
            CommandHelp::tr("Shows one request: its details, the due date and the working days left\n"
               "(counted from today, for open requests), and each question with its answer.\n"
               "\n"
               "  --json   Print the request in the exchange format, with two more fields:\n"
               "           \"due\" (YYYY-MM-DD or null) and \"working_days_left\" (a number,\n"
               "           negative when overdue, or null when the request is no longer open).\n");
    } else if (name == QLatin1String("search")) {
        body = CommandHelp::tr(
            "Searches the references, titles, introductions, questions, answers and combined\n"
            "responses of the log (never the requester's details). Every word must appear,\n"
            "as the start of a word (\"chat\" finds \"chatbots\"); words in double quotes\n"
            "must appear as that phrase. Accents are ignored (\"Sian\" finds \"Siân\") and\n"
            "English endings too (\"parking\" finds \"parked\"). The most relevant results\n"
            "come first, then the newest. Words found are marked *like this*; a result that\n"
            "shows withheld text says so.\n"
            "\n"
            "  --json      Print a JSON array: per result the reference, title, received,\n"
            "              status, question (its number, or null when the request itself\n"
            "              matched), question_name, section, heading and detail (each with\n"
            "              text, matches and withheld: ranges of start and length in\n"
            "              characters) and shows_withheld\n"
            "  --limit N   At most N results (default 20)\n");
    } else if (name == QLatin1String("stats")) {
        body = CommandHelp::tr(
            "Counts the requests RECEIVED in a quarter (2026Q3 is 1 July to 30 September\n"
            "2026), whatever happened to them later, for the figures the section 45 Code\n"
            "of Practice asks authorities to publish: received; answered (sent or closed),\n"
            "in time (on or before the due date of the statutory clock, extensions\n"
            "included), late, or with no due date; granted in full, in part, refused in\n"
            "full, not held (from the questions' dispositions); clarification sought;\n"
            "withdrawn; extended; internal review requested and outcome given, with the\n"
            "outcomes by result (upheld, upheld in part, overturned, result not recorded).\n"
            "Only counts are printed, never a request or a requester. A quarter that is\n"
            "not written YYYYQn is refused (exit 2).\n"
            "\n"
            "  --csv   Print a header row and one row of figures instead of the table\n");
    } else if (name == QLatin1String("publish")) {
        body = CommandHelp::tr(
            "Publishes the disclosure log to the folder DIR as a static site that needs no\n"
            "JavaScript: index.html (requests by month, newest answered first), one page\n"
            "per request under requests/, the released letters under letters/, log.csv\n"
            "and log.json (docs/disclosure-log.md) and style.css. Only sent or closed\n"
            "requests that pass the publication gate are published; the others answered\n"
            "are listed with their reasons, and the command still succeeds. The new site\n"
            "is built and searched for every requester detail and withheld string beside\n"
            "DIR, then only changed files are moved in and pages no longer published are\n"
            "removed; a failed publish leaves DIR as it was. Progress goes to standard\n"
            "error.\n"
            "\n"
            "  --out DIR          The site's folder (created when missing)\n"
            "  --since YYYY-MM-DD Only requests answered on or after this day\n");
    } else if (name == QLatin1String("export-pdf")) {
        body = CommandHelp::tr("Writes the response letter of request REF as a PDF file (A4, PDF/A-1b),\n"
                  "worded with the log's organisation profile, and prints the path written.\n"
                  "A letter marked final is exported without the DRAFT mark, and refused\n"
                  "(exit 3, nothing written) while anything it needs is missing; any other\n"
                  "letter is exported as a draft.\n"
                  "\n"
                  "Every PDF is read back and searched for the text the request withholds.\n"
                  "If any is found the file is deleted and the export refused (exit 3), with\n"
                  "one line per finding, such as \"REF: withheld string 2 found in page 1\n"
                  "text; the file was deleted.\" For a final letter of a request that\n"
                  "withholds anything, the check is kept with the request and its result\n"
                  "is printed (\"Release check passed: ...\").\n"
                  "\n"
                  "  -o FILE, --output FILE   The PDF to write (replaced whole)\n"
                  "  --draft                  Export a draft, with the DRAFT mark, even when\n"
                  "                           the letter is marked final\n"
                  "  --all                    Export the letter of every request in the log\n"
                  "  --out-dir DIR            With --all: the folder to write to, one file\n"
                  "                           \"REF response.pdf\" per request, or \"REF\n"
                  "                           response DRAFT.pdf\" for a draft (characters a\n"
                  "                           file name cannot hold become \"_\")\n"
                  "  --jobs N                 With --all: letters painted at once, 1 to 64\n"
                  "                           (default: one per processor core)\n"
                  "\n"
                  "With --all, progress goes to standard error as \"[12/100] REF\", a letter\n"
                  "that fails is reported and the others are still written, and the exit\n"
                  "code is the worst of them all.\n");
    } else if (name == QLatin1String("settings")) {
        body =
            CommandHelp::tr("The organisation profile: the authority's name, addresses, contact details\n"
               "and the wording of every standing sentence of its letters, as a\n"
               "\"foidesk.profile/1\" JSON file (see docs/profile-format.md).\n"
               "\n"
               "  export FILE   Write the log's profile (the defaults until one is imported\n"
               "                or saved in Settings) to FILE, replacing it whole\n"
               "  import FILE   Check FILE and make it the log's profile, creating the log if\n"
               "                needed. A bad file is reported on one line naming the file,\n"
               "                the field and what is wrong (exit 2), and nothing is written.\n");
    } else if (name == QLatin1String("holidays")) {
        body = CommandHelp::tr(
            "The bank holidays the log's deadlines are worked with: those built in, and\n"
            "days the log added, such as a holiday proclaimed at short notice. Adding,\n"
            "removing or importing days recomputes the due date of every open request at\n"
            "once, records each date that moved in that request's history, and prints\n"
            "them. Office closure days are not bank holidays and never move a statutory\n"
            "date: do not add them.\n"
            "\n"
            "  list [--year YYYY]   The days of a year (default: this year), one per line:\n"
            "                       date, name, parts of the UK, built in or added\n"
            "  add DATE NAME        Add a day; for the whole UK unless --nation says\n"
            "                       which part (england-and-wales, scotland,\n"
            "                       northern-ireland; may be repeated)\n"
            "  remove DATE          Take back a day this log added (built-in days stay)\n"
            "  import FILE          Read the government's bank-holidays JSON file\n"
            "                       (https://www.gov.uk/bank-holidays.json) and add the\n"
            "                       days the log does not have; years it lists in full\n"
            "                       for all three parts of the UK extend the years\n"
            "                       deadlines can be worked out in. A bad file adds\n"
            "                       nothing (exit 2).\n");
    } else if (name == QLatin1String("due")) {
        body = CommandHelp::tr("Prints the date an answer is due, as YYYY-MM-DD, for a request received on\n"
                  "the given date. Day one is the first working day after receipt.\n"
                  "\n"
                  "  --received YYYY-MM-DD   The date the request was received (required)\n"
                  "  --regime CODE           FOIA (default), EIR, FOISA or EIRS; FOISA and EIRS\n"
                  "                          count Scottish bank holidays only\n"
                  "  --days N                Working days allowed (default 20; EIR extensions\n"
                  "                          allow 40)\n"
                  "  --clarification-received YYYY-MM-DD\n"
                  "                          The day a clarification arrived: a fresh 20 working\n"
                  "                          days run from it\n"
                  "  --clarification-sought YYYY-MM-DD\n"
                  "                          The day it was asked for (default: the day received)\n"
                  "  --fees-notice YYYY-MM-DD --fee-paid YYYY-MM-DD\n"
                  "                          The working days from the notice to the payment,\n"
                  "                          both included, are disregarded\n"
                  "  --show-working          After the due date, every day from receipt to the\n"
                  "                          due date: counted, or skipped with the reason\n");
    } else if (name == QLatin1String("help")) {
        body = CommandHelp::tr("Shows the general help, or the help of COMMAND.\n");
    } else if (name == QLatin1String("staff")) {
        body = CommandHelp::tr("The staff register. Each person has a login (their computer account name,\n"
                               "unique in the register) and a role: officer (drafts and submits),\n"
                               "supervisor (approves and returns) or both. Review is on once the register\n"
                               "has a supervisor. On a single log file the roles are honest labels, not a\n"
                               "security boundary.\n"
                               "\n"
                               "  review          Says whether review is on, and why\n"
                               "  review off      Switches review off for this log, supervisors or not\n"
                               "  review on       Review again whenever the register has a supervisor\n"
                               "The change is recorded in the log's history.\n");
    } else if (name == QLatin1String("history")) {
        body = CommandHelp::tr("Prints every change to the request, newest first: when, who, what changed,\n"
                               "the old and the new value. The requester's name, email and address are\n"
                               "never in the history. --csv writes the same as CSV (RFC 4180).\n");
    } else if (name == QLatin1String("verify-history")) {
        body = CommandHelp::tr("Walks the history's hash chain. Exit 0 when every entry is as written;\n"
                               "exit 3 naming the first entry that was changed, removed or moved with\n"
                               "another tool.\n");
    } else if (name == QLatin1String("mark-sent")) {
        body = CommandHelp::tr("Marks the request sent (with review on, it must be approved first). The\n"
                               "final letter is written, read back for withheld text, and kept in the\n"
                               "log with the content it was made from. A sent request is locked: reopen\n"
                               "it with a reason to change it. --date is the day it was sent (today).\n");
    } else if (WorkflowCommand::commands().contains(name)) {
        body = CommandHelp::tr("A move of the workflow (see docs/cli.md), made as the current user and\n"
                               "refused (exit 3) with the reason when it is not allowed now.\n");
    } else {
        return {};
    }
    return usage(name) + QStringLiteral("\n\n") + body;
}

} // namespace foidesk
