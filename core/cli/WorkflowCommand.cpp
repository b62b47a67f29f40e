#include "cli/WorkflowCommand.h"

#include "cli/CommandLine.h"
#include "cli/CommandSession.h"
#include "exchange/JsonWriter.h"
#include "exchange/RequestFingerprint.h"
#include "letter/LetterComposer.h"
#include "letter/PdfExporter.h"
#include "model/RequestEnums.h"
#include "release/WithheldText.h"
#include "store/HistoryCsv.h"
#include "store/Store.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <memory>
#include <optional>

namespace foidesk {

namespace {

// The options of one command: values and flags by name, and the other arguments in order.
struct Parsed
{
    QHash<QString, QString> values;
    QStringList flags;
    QStringList positional;
    QString problem; // a usage problem, or empty
};

Parsed
parse(const QStringList &args, const QStringList &valueOptions, const QStringList &flagOptions)
{
    Parsed parsed;
    bool onlyPositional = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (onlyPositional || !arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-")) {
            parsed.positional.append(arg);
            continue;
        }
        if (arg == QLatin1String("--")) {
            onlyPositional = true;
            continue;
        }
        QString name = arg;
        std::optional<QString> value;
        if (const qsizetype eq = arg.indexOf(QLatin1Char('=')); eq > 0) {
            name = arg.left(eq);
            value = arg.mid(eq + 1);
        }
        if (flagOptions.contains(name) && !value) {
            parsed.flags.append(name);
        } else if (valueOptions.contains(name)) {
            if (!value) {
                if (i + 1 >= args.size()) {
                    parsed.problem = CommandLine::tr("%1 needs a value.").arg(name);
                    return parsed;
                }
                value = args.at(++i);
            }
            if (parsed.values.contains(name)) {
                parsed.problem = CommandLine::tr("%1 was given twice.").arg(name);
                return parsed;
            }
            parsed.values.insert(name, *value);
        } else {
            parsed.problem = CommandLine::tr("unknown option \"%1\".").arg(arg);
            return parsed;
        }
    }
    return parsed;
}

std::optional<WorkflowMove> moveFor(const QString &command)
{
    for (WorkflowMove move : Workflow::allMoves()) {
        if (Workflow::moveCode(move) == command)
            return move;
    }
    return std::nullopt;
}

QString shortValue(const QString &text)
{
    const QString line = CommandSession::oneLine(text);
    return line.size() > 60 ? line.left(57) + QStringLiteral("...") : line;
}

} // namespace

WorkflowCommand::WorkflowCommand(CommandSession &session)
    : m_session(session)
{}

QStringList WorkflowCommand::commands()
{
    return {QStringLiteral("start"),
            QStringLiteral("seek-clarification"),
            QStringLiteral("resume"),
            QStringLiteral("submit"),
            QStringLiteral("approve"),
            QStringLiteral("return"),
            QStringLiteral("comment"),
            QStringLiteral("mark-sent"),
            QStringLiteral("close"),
            QStringLiteral("withdraw"),
            QStringLiteral("reopen"),
            QStringLiteral("history"),
            QStringLiteral("verify-history"),
            QStringLiteral("staff")};
}

int WorkflowCommand::run(const QString &command, const QStringList &args)
{
    if (command == QLatin1String("comment"))
        return comment(args);
    if (command == QLatin1String("mark-sent"))
        return markSent(args);
    if (command == QLatin1String("history"))
        return history(args);
    if (command == QLatin1String("verify-history"))
        return verifyHistory(args);
    if (command == QLatin1String("staff"))
        return staff(args);
    return move(command, args);
}

int WorkflowCommand::move(const QString &command, const QStringList &args)
{
    QStringList valueOptions;
    if (command == QLatin1String("approve") || command == QLatin1String("return"))
        valueOptions.append(QStringLiteral("--comment"));
    if (command == QLatin1String("reopen"))
        valueOptions.append(QStringLiteral("--reason"));
    const Parsed parsed = parse(args, valueOptions, {});
    if (!parsed.problem.isEmpty())
        return m_session.usageError(command, parsed.problem);
    if (parsed.positional.size() != 1) {
        return m_session.usageError(command,
                                    parsed.positional.isEmpty()
                                        ? CommandLine::tr("no reference was given.")
                                        : CommandLine::tr("give one reference, not several."));
    }
    MoveInput input;
    input.comment = parsed.values.value(QStringLiteral("--comment"));
    input.reason = parsed.values.value(QStringLiteral("--reason"));
    if (command == QLatin1String("return") && input.comment.trimmed().isEmpty())
        return m_session.usageError(command,
                                    CommandLine::tr("--comment is required: say what to change."));
    if (command == QLatin1String("reopen") && input.reason.trimmed().isEmpty())
        return m_session.usageError(
            command, CommandLine::tr("--reason is required: say why it is reopened."));

    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    const Result<Request> request = store->loadRequestByReference(parsed.positional.constFirst());
    if (!request)
        return m_session.fail(request.error());
    std::optional<WorkflowMove> move = moveFor(command);
    // "approve" gives whichever approval is due: the second once the first was given.
    if (move == WorkflowMove::Approve && !request->firstApprovalBy.isEmpty())
        move = WorkflowMove::SecondApproval;
    if (!move)
        return m_session.usageError(command,
                                    CommandLine::tr("unknown command \"%1\".").arg(command));
    const Result<Request> moved = store->applyMove(request->id, *move, input);
    if (!moved)
        return m_session.fail(moved.error());
    m_session.err() << CommandLine::tr("%1 is now %2 (as %3)")
                           .arg(moved->reference,
                                statusDisplayName(moved->status).toLower(),
                                store->currentUser())
                    << QLatin1Char('\n');
    return CommandLine::Done;
}

int WorkflowCommand::comment(const QStringList &args)
{
    const QString command = QStringLiteral("comment");
    const Parsed parsed = parse(args, {QStringLiteral("--question")}, {});
    if (!parsed.problem.isEmpty())
        return m_session.usageError(command, parsed.problem);
    if (parsed.positional.size() != 2)
        return m_session.usageError(
            command, CommandLine::tr("give a reference and the text of the comment."));
    std::optional<int> question;
    if (parsed.values.contains(QStringLiteral("--question"))) {
        bool ok = false;
        const int number = parsed.values.value(QStringLiteral("--question")).toInt(&ok);
        if (!ok || number < 1) {
            return m_session.fail(Error(
                ErrorKind::BadInput,
                QStringLiteral("--question: ")
                    + CommandLine::tr("\"%1\" is not a question number (1 for the first question).")
                          .arg(parsed.values.value(QStringLiteral("--question")))));
        }
        question = number - 1;
    }
    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    const Result<Request> request = store->loadRequestByReference(parsed.positional.constFirst());
    if (!request)
        return m_session.fail(request.error());
    const Result<ReviewComment> added =
        store->addComment(request->id, question, parsed.positional.at(1));
    if (!added)
        return m_session.fail(added.error());
    m_session.err() << CommandLine::tr("comment %1 added to %2 (as %3)")
                           .arg(added->id)
                           .arg(request->reference, store->currentUser())
                    << QLatin1Char('\n');
    return CommandLine::Done;
}

int WorkflowCommand::markSent(const QStringList &args)
{
    const QString command = QStringLiteral("mark-sent");
    const Parsed parsed = parse(args, {QStringLiteral("--date")}, {});
    if (!parsed.problem.isEmpty())
        return m_session.usageError(command, parsed.problem);
    if (parsed.positional.size() != 1)
        return m_session.usageError(command, CommandLine::tr("give one reference."));
    MoveInput input;
    input.sentOn = m_session.today();
    if (parsed.values.contains(QStringLiteral("--date"))) {
        static const QRegularExpression pattern(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
        const QString text = parsed.values.value(QStringLiteral("--date"));
        input.sentOn = QDate::fromString(text, Qt::ISODate);
        if (!pattern.match(text).hasMatch() || !input.sentOn.isValid()) {
            return m_session.fail(
                Error(ErrorKind::BadInput,
                      QStringLiteral("--date: ")
                          + CommandLine::tr("\"%1\" is not a real date in the form YYYY-MM-DD.")
                                .arg(text)));
        }
    }
    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    const Result<Request> request = store->loadRequestByReference(parsed.positional.constFirst());
    if (!request)
        return m_session.fail(request.error());
    // Refused moves are reported before any letter is painted.
    const Result<MoveCheck> allowed = store->checkMove(request->id, WorkflowMove::MarkSent);
    if (!allowed)
        return m_session.fail(allowed.error());
    if (!allowed->allowed) {
        return m_session.fail(Error(ErrorKind::Refused,
                                    CommandLine::tr("Request %1 was not marked sent. %2")
                                        .arg(request->reference, allowed->refusal)));
    }

    // The letter as sent: the final letter, written and read back through the one checked
    // export, then kept in the log with the content it was made from.
    const Result<OrganisationProfile> profile = store->profile();
    if (!profile)
        return m_session.fail(profile.error());
    ComposeOptions compose;
    compose.today = input.sentOn;
    Result<LetterDocument> letter =
        LetterComposer(profile.value()).composeFinal(request.value(), compose);
    if (!letter) {
        return m_session.fail(Error(letter.errorKind(),
                                    CommandLine::tr("Request %1 was not marked sent: its final "
                                                    "letter is not ready. %2")
                                        .arg(request->reference, letter.errorMessage())));
    }
    for (const QString &withheld : WithheldText::strings(request.value())) {
        if (!letter->withheldStrings.contains(withheld))
            letter->withheldStrings.append(withheld);
    }
    QTemporaryDir folder;
    if (!folder.isValid()) {
        return m_session.fail(Error(ErrorKind::Io,
                                    CommandLine::tr("Request %1 was not marked sent: no temporary "
                                                    "folder could be made for its letter. Free "
                                                    "some disk space and try again.")
                                        .arg(request->reference)));
    }
    const QString path = folder.filePath(QStringLiteral("letter.pdf"));
    ExportOptions options;
    options.draft = false;
    ReleaseCheckResult check;
    const Result<void> written = PdfExporter::exportChecked(
        letter.value(), path, options, RequestFingerprint::of(request.value()), &check);
    if (check.checkedAt.isValid() && request->withholdsAnything()) {
        if (const Result<void> recorded = store->recordReleaseCheck(request->id, check); !recorded)
            return m_session.fail(recorded.error());
    }
    if (!written)
        return m_session.fail(written.error());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return m_session.fail(Error(ErrorKind::Io,
                                    CommandLine::tr("Request %1 was not marked sent: its letter "
                                                    "could not be read back (%2).")
                                        .arg(request->reference, file.errorString())));
    }
    input.sentPdf = file.readAll();
    const Result<Request> moved = store->applyMove(request->id, WorkflowMove::MarkSent, input);
    if (!moved)
        return m_session.fail(moved.error());
    m_session.err() << CommandLine::tr(
                           "%1 is now sent (as %2); the letter as sent is kept in the log")
                           .arg(moved->reference, store->currentUser())
                    << QLatin1Char('\n');
    return CommandLine::Done;
}

int WorkflowCommand::history(const QStringList &args)
{
    const QString command = QStringLiteral("history");
    const Parsed parsed = parse(args, {}, {QStringLiteral("--csv")});
    if (!parsed.problem.isEmpty())
        return m_session.usageError(command, parsed.problem);
    if (parsed.positional.size() != 1)
        return m_session.usageError(command, CommandLine::tr("give one reference."));
    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    const Result<Request> request = store->loadRequestByReference(parsed.positional.constFirst());
    if (!request)
        return m_session.fail(request.error());
    const Result<QList<AuditEntry>> entries = store->auditTrail(request->reference, 0);
    if (!entries)
        return m_session.fail(entries.error());
    QTextStream &out = m_session.out();
    // Leaves FOI Desk (a terminal's output is easily saved): withheld passages in old and new
    // answers are masked, those withheld at earlier revisions too.
    const QStringList withheld = HistoryCsv::withheldStrings(request.value(), entries.value());
    if (parsed.flags.contains(QStringLiteral("--csv"))) {
        out << QString::fromUtf8(HistoryCsv::write(entries.value(), withheld));
        return CommandLine::Done;
    }
    for (const AuditEntry &e : entries.value()) {
        QString line = QStringLiteral("%1  %2  %3  %4")
                           .arg(e.id, 5)
                           .arg(e.at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                e.user.isEmpty() ? QStringLiteral("-") : e.user,
                                e.action);
        if (!e.field.isEmpty()) {
            line += QStringLiteral("  ") + e.field;
            if (!e.oldValue.isEmpty() || !e.newValue.isEmpty())
                line += QStringLiteral(": ") + shortValue(HistoryCsv::masked(e.oldValue, withheld))
                        + QStringLiteral(" -> ")
                        + shortValue(HistoryCsv::masked(e.newValue, withheld));
        }
        if (!e.detail.isEmpty())
            line += QStringLiteral("  (") + shortValue(HistoryCsv::masked(e.detail, withheld))
                    + QLatin1Char(')');
        out << line << QLatin1Char('\n');
    }
    return CommandLine::Done;
}

int WorkflowCommand::verifyHistory(const QStringList &args)
{
    const QString command = QStringLiteral("verify-history");
    if (!args.isEmpty())
        return m_session.usageError(
            command, CommandLine::tr("unexpected argument \"%1\".").arg(args.constFirst()));
    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    const Result<std::optional<HistoryBreak>> broken = store->verifyHistory();
    if (!broken)
        return m_session.fail(broken.error());
    if (broken->has_value())
        return m_session.fail(Error(ErrorKind::Refused, (*broken)->reason));
    m_session.err() << CommandLine::tr("The history of %1 is intact.")
                           .arg(CommandSession::shownPath(store->path()))
                    << QLatin1Char('\n');
    return CommandLine::Done;
}

int WorkflowCommand::staff(const QStringList &args)
{
    if (args.isEmpty())
        return m_session.usageError(QStringLiteral("staff"),
                                    CommandLine::tr("say list, add or review."));
    if (args.constFirst() == QLatin1String("list"))
        return staffList(args.mid(1));
    if (args.constFirst() == QLatin1String("add"))
        return staffAdd(args.mid(1));
    if (args.constFirst() == QLatin1String("review"))
        return staffReview(args.mid(1));
    return m_session.usageError(
        QStringLiteral("staff"),
        CommandLine::tr("unknown action \"%1\"; say list, add or review.").arg(args.constFirst()));
}

int WorkflowCommand::staffReview(const QStringList &args)
{
    const QString command = QStringLiteral("staff");
    if (args.size() > 1
        || (args.size() == 1 && args.constFirst() != QLatin1String("on")
            && args.constFirst() != QLatin1String("off"))) {
        return m_session.usageError(command,
                                    CommandLine::tr("say \"staff review\" to see whether review "
                                                    "is on, or \"staff review on\" or \"off\"."));
    }
    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    if (args.size() == 1) {
        const bool off = args.constFirst() == QLatin1String("off");
        if (const Result<void> set = store->setReviewSwitchedOff(off); !set)
            return m_session.fail(set.error());
    }
    const Result<bool> enabled = store->reviewEnabled();
    if (!enabled)
        return m_session.fail(enabled.error());
    const Result<bool> switchedOff = store->reviewSwitchedOff();
    if (!switchedOff)
        return m_session.fail(switchedOff.error());
    QString state;
    if (*enabled) {
        state = CommandLine::tr("Review is on: a supervisor approves each letter before it is "
                                "sent.");
    } else if (*switchedOff) {
        state = CommandLine::tr("Review is off: it was switched off for this log, so letters are "
                                "sent without approval. \"foidesk staff review on\" turns it on "
                                "again.");
    } else {
        state = CommandLine::tr("Review is off: the staff register has no supervisor. It comes on "
                                "once one is added (foidesk staff add NAME --login LOGIN --role "
                                "supervisor).");
    }
    m_session.out() << state << QLatin1Char('\n');
    return CommandLine::Done;
}

int WorkflowCommand::staffList(const QStringList &args)
{
    const Parsed parsed = parse(args, {}, {QStringLiteral("--json")});
    if (!parsed.problem.isEmpty())
        return m_session.usageError(QStringLiteral("staff"), parsed.problem);
    if (!parsed.positional.isEmpty())
        return m_session.usageError(
            QStringLiteral("staff"),
            CommandLine::tr("unexpected argument \"%1\".").arg(parsed.positional.constFirst()));
    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openExistingStore(&code);
    if (!store)
        return code;
    const Result<QList<StaffMember>> staff = store->staff();
    if (!staff)
        return m_session.fail(staff.error());
    if (parsed.flags.contains(QStringLiteral("--json"))) {
        JsonWriter writer;
        writer.beginArray();
        for (const StaffMember &member : staff.value()) {
            writer.beginObject();
            writer.key(u"name");
            writer.value(member.name);
            writer.key(u"login");
            writer.value(member.login);
            writer.key(u"role");
            writer.value(staffRoleCode(member.role));
            writer.key(u"job_title");
            writer.value(member.jobTitle);
            writer.key(u"grade");
            writer.value(member.grade);
            writer.key(u"senior");
            writer.value(member.senior);
            writer.endObject();
        }
        writer.endArray();
        m_session.out() << QString::fromUtf8(writer.toUtf8());
        return CommandLine::Done;
    }
    if (staff->isEmpty()) {
        m_session.err() << CommandLine::tr("The staff register is empty. Add people with \"foidesk "
                                           "staff add NAME --login LOGIN --role ROLE\".")
                        << QLatin1Char('\n');
        return CommandLine::Done;
    }
    for (const StaffMember &member : staff.value()) {
        m_session.out() << QStringLiteral("%1  %2  %3  %4%5\n")
                               .arg(member.login.isEmpty() ? QStringLiteral("-") : member.login,
                                    -12)
                               .arg(staffRoleCode(member.role), -10)
                               .arg(member.grade.isEmpty() ? QStringLiteral("-") : member.grade, -5)
                               .arg(member.name,
                                    member.senior ? CommandLine::tr(" (senior)") : QString());
    }
    return CommandLine::Done;
}

int WorkflowCommand::staffAdd(const QStringList &args)
{
    const QString command = QStringLiteral("staff");
    const Parsed parsed = parse(args,
                                {QStringLiteral("--login"),
                                 QStringLiteral("--role"),
                                 QStringLiteral("--grade"),
                                 QStringLiteral("--job-title")},
                                {QStringLiteral("--senior")});
    if (!parsed.problem.isEmpty())
        return m_session.usageError(command, parsed.problem);
    if (parsed.positional.size() != 1)
        return m_session.usageError(
            command, CommandLine::tr("give the person's name once (quote a name with spaces)."));
    if (!parsed.values.contains(QStringLiteral("--login")))
        return m_session.usageError(command, CommandLine::tr("--login is required."));
    if (!parsed.values.contains(QStringLiteral("--role")))
        return m_session.usageError(command, CommandLine::tr("--role is required."));
    StaffMember member;
    member.name = parsed.positional.constFirst();
    member.login = parsed.values.value(QStringLiteral("--login")).trimmed();
    member.grade = parsed.values.value(QStringLiteral("--grade"));
    member.jobTitle = parsed.values.value(QStringLiteral("--job-title"));
    member.senior = parsed.flags.contains(QStringLiteral("--senior"));
    const QString roleText = parsed.values.value(QStringLiteral("--role"));
    const std::optional<StaffRole> role = staffRoleFromCode(roleText);
    if (!role) {
        return m_session.fail(Error(ErrorKind::BadInput,
                                    QStringLiteral("--role: ")
                                        + CommandLine::tr("\"%1\" is not one of %2.")
                                              .arg(roleText, validStaffRoleCodes())));
    }
    member.role = *role;
    if (member.login.isEmpty() || member.login.contains(QLatin1Char(' '))) {
        return m_session.fail(Error(ErrorKind::BadInput,
                                    QStringLiteral("--login: ")
                                        + CommandLine::tr("give the person's login name, one word "
                                                          "such as their computer account name.")));
    }
    int code = CommandLine::Done;
    const std::unique_ptr<Store> store = m_session.openOrCreateStore(&code);
    if (!store)
        return code;
    const Result<StaffMember> saved = store->saveStaffMember(member);
    if (!saved)
        return m_session.fail(saved.error());
    m_session.err() << CommandLine::tr("added %1 (%2) to the staff register as %3")
                           .arg(saved->name,
                                saved->login,
                                staffRoleDisplayName(saved->role).toLower())
                    << QLatin1Char('\n');
    return CommandLine::Done;
}

} // namespace foidesk
