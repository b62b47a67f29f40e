#include "redaction/RefusalReasonsPanel.h"

#include "widgets/FormWidgets.h"

#include "widgets/UndoKeyFilter.h"
#include "widgets/WidgetSync.h"
#include "letter/LetterComposer.h"
#include "profile/OrganisationProfile.h"
#include "editing/RequestDocument.h"
#include "model/RequestEnums.h"
#include "release/ReleaseCheck.h"
#include "workflow/ReleaseGate.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace foidesk {

namespace {

// Room for a few paragraphs; the page scrolls for more.
QPlainTextEdit *reasonBox(const QString &objectName, QWidget *parent)
{
    constexpr int lines = 5;
    auto *edit = FormWidgets::textBox(objectName, lines, FormWidgets::History::Document, parent);
    FormWidgets::capHeight(edit, lines + 3);
    return edit;
}


} // namespace

struct RefusalReasonsPanel::Section
{
    QString code;
    QGroupBox *box = nullptr;
    QLabel *citation = nullptr;
    QLabel *kind = nullptr;
    QLabel *usedIn = nullptr;
    QLabel *unknown = nullptr;
    QPlainTextEdit *reasoning = nullptr;
    QPushButton *reasoningDefault = nullptr;
    QLabel *publicInterestLabel = nullptr;
    QPlainTextEdit *publicInterest = nullptr;
    QPushButton *publicInterestDefault = nullptr;
    QLabel *publicInterestMissing = nullptr;
    // What the catalogue says, as of the last update.
    QString defaultReasoning;
    QString defaultPublicInterest;
    bool needsPublicInterest = false;
};

RefusalReasonsPanel::RefusalReasonsPanel(RequestDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_refreshTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("refusalReasonsPanel"));

    // Several signals arrive for one edit (a redaction changes the spans and the disposition):
    // they are gathered into one refresh.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &RefusalReasonsPanel::refreshNow);

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("refusalsContent"));

    auto *intro = FormWidgets::plainLabel(QStringLiteral("refusalsIntro"), content);
    intro->setText(tr("For every exemption this request relies on, the letter gives a refusal "
                      "notice: which exemption, why it applies and, for a qualified exemption, "
                      "why the public interest favours withholding. Leave a reasoning box empty "
                      "to use the standard wording shown in grey."));

    m_problemsLabel = FormWidgets::plainLabel(QStringLiteral("refusalProblemsLabel"), content);
    m_problemsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemsLabel->setContentsMargins(0, 4, 0, 4);
    FormWidgets::setWarningColour(m_problemsLabel);

    m_emptyLabel = FormWidgets::plainLabel(QStringLiteral("refusalsEmptyLabel"), content);
    m_emptyLabel->setContentsMargins(0, 12, 0, 12);
    m_emptyLabel->setText(
        tr("Nothing is withheld in this request, so the letter has no refusal notice.\n\n"
           "To withhold a passage of an answer, select it on the Questions tab and press "
           "Ctrl+R (Redact), then choose the exemption. To withhold a whole answer, set the "
           "question's disposition to \"Withheld in full\" and choose its exemptions. Each "
           "exemption used then appears here for its reasoning."));

    m_sectionsHost = new QWidget(content);
    m_sectionsHost->setObjectName(QStringLiteral("refusalSections"));
    m_sectionsLayout = new QVBoxLayout(m_sectionsHost);
    m_sectionsLayout->setContentsMargins(0, 0, 0, 0);
    m_sectionsLayout->setSpacing(12);

    m_releaseBox = new QGroupBox(tr("Release check"), content);
    m_releaseBox->setObjectName(QStringLiteral("releaseCheckBox"));
    m_releaseLabel = FormWidgets::plainLabel(QStringLiteral("releaseCheckLabel"), m_releaseBox);
    m_releaseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *releaseLayout = new QVBoxLayout(m_releaseBox);
    releaseLayout->addWidget(m_releaseLabel);

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(intro);
    contentLayout->addWidget(m_problemsLabel);
    contentLayout->addWidget(m_emptyLabel);
    contentLayout->addWidget(m_sectionsHost);
    contentLayout->addWidget(m_releaseBox);
    contentLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("refusalsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    using QField = RequestDocument::QuestionField;
    connect(m_document, &RequestDocument::reset, this, [this] {
        // Everything changed at once: the sections are for another request now.
        rebuildSections({});
        refreshNow();
    });
    connect(m_document, &RequestDocument::valueChanged, this, [this] { scheduleRefresh(); });
    connect(m_document, &RequestDocument::questionValueChanged, this, [this](int, QField) {
        scheduleRefresh();
    });
    connect(m_document, &RequestDocument::questionInserted, this, [this] { scheduleRefresh(); });
    connect(m_document, &RequestDocument::questionRemoved, this, [this] { scheduleRefresh(); });
    connect(m_document, &RequestDocument::questionMoved, this, [this] { scheduleRefresh(); });
    connect(
        m_document, &RequestDocument::exemptionReasoningChanged, this, [this](const QString &code) {
            showReasoning(code);
            scheduleRefresh();
        });

    if (const Result<OrganisationProfile> defaults = OrganisationProfile::defaults())
        setProfile(defaults.value());
    refreshNow();
}

RefusalReasonsPanel::~RefusalReasonsPanel() = default;

void RefusalReasonsPanel::setProfile(const OrganisationProfile &profile)
{
    m_composer = std::make_unique<LetterComposer>(profile);
    scheduleRefresh();
}

void RefusalReasonsPanel::setReleaseCheck(const std::optional<ReleaseCheckResult> &check)
{
    m_releaseCheck = check ? std::make_unique<ReleaseCheckResult>(*check) : nullptr;
    updateReleaseCheck();
}

void RefusalReasonsPanel::setUndoKeyFilter(UndoKeyFilter *filter)
{
    m_keyFilter = filter;
    if (!m_keyFilter)
        return;
    for (const auto &s : std::as_const(m_sections)) {
        m_keyFilter->watch(s->reasoning);
        m_keyFilter->watch(s->publicInterest);
    }
}

QStringList RefusalReasonsPanel::shownCodes() const
{
    QStringList codes;
    for (const auto &s : m_sections)
        codes.append(s->code);
    return codes;
}

QPlainTextEdit *RefusalReasonsPanel::reasoningEdit(const QString &code) const
{
    const Section *s = section(code);
    return s ? s->reasoning : nullptr;
}

QPlainTextEdit *RefusalReasonsPanel::publicInterestEdit(const QString &code) const
{
    const Section *s = section(code);
    return s && s->needsPublicInterest ? s->publicInterest : nullptr;
}

void RefusalReasonsPanel::focusExemption(const QString &code)
{
    refreshNow();
    Section *s = section(code);
    if (!s)
        return;
    if (auto *scroll = findChild<QScrollArea *>(QStringLiteral("refusalsScroll")))
        scroll->ensureWidgetVisible(s->box);
    s->reasoning->setFocus(Qt::OtherFocusReason);
}

RefusalReasonsPanel::Section *RefusalReasonsPanel::section(const QString &code) const
{
    for (const auto &s : m_sections) {
        if (s->code == code)
            return s.get();
    }
    return nullptr;
}

void RefusalReasonsPanel::scheduleRefresh()
{
    m_refreshTimer->start();
}

void RefusalReasonsPanel::refreshNow()
{
    m_refreshTimer->stop();
    const Request request = m_document->request();
    const QStringList codes = request.exemptionsUsed();
    if (codes != shownCodes())
        rebuildSections(codes);
    for (const auto &s : m_sections)
        updateSection(*s);
    m_emptyLabel->setVisible(m_sections.isEmpty());
    updateProblems();
    updateReleaseCheck();
}

void RefusalReasonsPanel::rebuildSections(const QStringList &codes)
{
    // Sections of codes still in use keep their widgets (and the cursor of whoever is typing).
    QList<std::shared_ptr<Section>> kept;
    for (const auto &s : std::as_const(m_sections)) {
        if (codes.contains(s->code)) {
            kept.append(s);
        } else {
            s->box->hide();
            s->box->deleteLater();
        }
    }
    QList<std::shared_ptr<Section>> ordered;
    for (const QString &code : codes) {
        std::shared_ptr<Section> s;
        for (const auto &k : std::as_const(kept)) {
            if (k->code == code)
                s = k;
        }
        if (!s) {
            s = std::make_shared<Section>();
            s->code = code;
            s->box = new QGroupBox(m_sectionsHost);
            s->box->setObjectName(QStringLiteral("exemptionSection_") + code);
            s->citation = FormWidgets::plainLabel(QStringLiteral("exemptionCitation"), s->box);
            s->kind = FormWidgets::plainLabel(QStringLiteral("exemptionKind"), s->box);
            s->usedIn = FormWidgets::plainLabel(QStringLiteral("exemptionUsedIn"), s->box);
            FormWidgets::setItalic(s->usedIn);
            s->unknown = FormWidgets::plainLabel(QStringLiteral("exemptionUnknown"), s->box);
            FormWidgets::setWarningColour(s->unknown);

            s->reasoning = reasonBox(QStringLiteral("reasoningEdit"), s->box);
            s->reasoningDefault = new QPushButton(tr("Use Default Wording"), s->box);
            s->reasoningDefault->setObjectName(QStringLiteral("useDefaultReasoningButton"));
            s->reasoningDefault->setToolTip(
                tr("Copy the standard reasoning into the box, to adapt it to this request"));

            s->publicInterestLabel = new QLabel(tr("Public interest test (required):"), s->box);
            s->publicInterest = reasonBox(QStringLiteral("publicInterestEdit"), s->box);
            s->publicInterestLabel->setBuddy(s->publicInterest);
            s->publicInterestDefault = new QPushButton(tr("Use Starting Point"), s->box);
            s->publicInterestDefault->setObjectName(
                QStringLiteral("useDefaultPublicInterestButton"));
            s->publicInterestDefault->setToolTip(
                tr("Copy the standard public interest paragraph into the box; complete it with "
                   "the arguments that apply to this request"));
            s->publicInterestMissing =
                FormWidgets::plainLabel(QStringLiteral("publicInterestMissingLabel"), s->box);
            s->publicInterestMissing->setText(
                tr("Required: a qualified exemption applies only when the public interest in "
                   "withholding outweighs the interest in disclosure, and the letter must say "
                   "why. It cannot be final while this box is empty."));
            FormWidgets::setWarningColour(s->publicInterestMissing);

            auto *reasoningLabel = new QLabel(tr("Why it applies:"), s->box);
            reasoningLabel->setBuddy(s->reasoning);

            auto *reasoningRow = new QHBoxLayout;
            reasoningRow->addWidget(reasoningLabel, 1, Qt::AlignBottom);
            reasoningRow->addWidget(s->reasoningDefault);
            auto *publicRow = new QHBoxLayout;
            publicRow->addWidget(s->publicInterestLabel, 1, Qt::AlignBottom);
            publicRow->addWidget(s->publicInterestDefault);

            auto *boxLayout = new QVBoxLayout(s->box);
            boxLayout->addWidget(s->citation);
            boxLayout->addWidget(s->kind);
            boxLayout->addWidget(s->usedIn);
            boxLayout->addWidget(s->unknown);
            boxLayout->addSpacing(4);
            boxLayout->addLayout(reasoningRow);
            boxLayout->addWidget(s->reasoning);
            boxLayout->addSpacing(4);
            boxLayout->addLayout(publicRow);
            boxLayout->addWidget(s->publicInterest);
            boxLayout->addWidget(s->publicInterestMissing);

            for (QPlainTextEdit *edit : {s->reasoning, s->publicInterest}) {
                connect(edit, &QPlainTextEdit::textChanged, this, [this, code] {
                    editReasoning(code);
                });
                if (m_keyFilter)
                    m_keyFilter->watch(edit);
            }
            connect(s->reasoningDefault, &QPushButton::clicked, this, [this, code] {
                useDefault(code, false);
            });
            connect(s->publicInterestDefault, &QPushButton::clicked, this, [this, code] {
                useDefault(code, true);
            });
        }
        ordered.append(s);
    }

    // Lay the boxes out in the order the request uses them.
    for (const auto &s : std::as_const(ordered))
        m_sectionsLayout->removeWidget(s->box);
    for (const auto &s : std::as_const(ordered)) {
        m_sectionsLayout->addWidget(s->box);
        s->box->show();
    }
    m_sections = ordered;
    for (const auto &s : std::as_const(m_sections))
        showReasoning(s->code);
}

void RefusalReasonsPanel::updateSection(Section &s)
{
    const Regime regime = Regime(m_document->value(RequestDocument::Field::Regime).toInt());
    const Exemption *entry = m_composer ? m_composer->catalogue().find(regime, s.code) : nullptr;
    const QString label = ExemptionCatalogue::shortLabel(s.code);
    if (entry) {
        s.box->setTitle(tr("%1 \u2014 %2").arg(label, entry->title));
        s.citation->setText(entry->citation);
        s.citation->setVisible(!entry->citation.isEmpty());
        QString kind = exemptionKindDisplayName(entry->kind);
        if (entry->local)
            kind = tr("%1 (added by your organisation)").arg(kind);
        s.kind->setText(kind);
        s.unknown->hide();
        s.defaultReasoning = entry->reasoning;
        s.defaultPublicInterest = entry->publicInterest;
        s.needsPublicInterest = entry->needsPublicInterest();
    } else {
        s.box->setTitle(label);
        s.citation->hide();
        s.kind->setText(QString());
        s.unknown->setText(
            tr("%1 is not in the exemption catalogue for %2, so the letter cannot name it. "
               "Choose another exemption on the Questions tab, or add %1 as a local exemption "
               "in Tools > Settings > Exemptions.")
                .arg(label, regimeShortName(regime)));
        s.unknown->show();
        s.defaultReasoning.clear();
        s.defaultPublicInterest.clear();
        // Unknown: whether a public interest test is needed cannot be told, so it is offered.
        s.needsPublicInterest = true;
    }
    s.kind->setVisible(!s.kind->text().isEmpty());
    s.usedIn->setText(questionNames(s.code));

    s.reasoning->setPlaceholderText(
        s.defaultReasoning.isEmpty()
            ? tr("Explain why the exemption applies to the information withheld.")
            : s.defaultReasoning);
    s.publicInterest->setPlaceholderText(
        s.defaultPublicInterest.isEmpty()
            ? tr("The arguments for disclosure, those for withholding, and why withholding wins.")
            : s.defaultPublicInterest);

    const ExemptionReasoning current = m_document->exemptionReasoning(s.code);
    s.reasoningDefault->setEnabled(!s.defaultReasoning.isEmpty()
                                   && current.reasoning != s.defaultReasoning);
    s.publicInterestDefault->setEnabled(!s.defaultPublicInterest.isEmpty()
                                        && current.publicInterest != s.defaultPublicInterest);
    for (QWidget *w : {static_cast<QWidget *>(s.publicInterestLabel),
                       static_cast<QWidget *>(s.publicInterest),
                       static_cast<QWidget *>(s.publicInterestDefault)}) {
        w->setVisible(s.needsPublicInterest);
    }
    s.publicInterestMissing->setVisible(s.needsPublicInterest
                                        && current.publicInterest.trimmed().isEmpty());
}

QString RefusalReasonsPanel::questionNames(const QString &code) const
{
    QStringList names;
    for (int row = 0; row < m_document->questionCount(); ++row) {
        const Question &question = m_document->question(row);
        if (!question.exemptionsUsed().contains(code))
            continue;
        names.append(questionName(question, row));
    }
    if (names.isEmpty())
        return QString();
    return names.size() == 1 ? tr("Used in question %1.").arg(names.constFirst())
                             : tr("Used in questions %1.").arg(names.join(QStringLiteral(", ")));
}

void RefusalReasonsPanel::showReasoning(const QString &code)
{
    Section *s = section(code);
    if (!s)
        return;
    const QScopedValueRollback<bool> guard(m_updating, true);
    const ExemptionReasoning reasoning = m_document->exemptionReasoning(code);
    syncPlainTextEdit(s->reasoning, reasoning.reasoning);
    syncPlainTextEdit(s->publicInterest, reasoning.publicInterest);
}

void RefusalReasonsPanel::editReasoning(const QString &code)
{
    if (m_updating)
        return;
    Section *s = section(code);
    if (!s)
        return;
    ExemptionReasoning reasoning;
    reasoning.reasoning = s->reasoning->toPlainText();
    reasoning.publicInterest = s->publicInterest->toPlainText();
    m_document->setExemptionReasoning(code, reasoning);
}

void RefusalReasonsPanel::useDefault(const QString &code, bool publicInterest)
{
    Section *s = section(code);
    if (!s)
        return;
    ExemptionReasoning reasoning = m_document->exemptionReasoning(code);
    if (publicInterest)
        reasoning.publicInterest = s->defaultPublicInterest;
    else
        reasoning.reasoning = s->defaultReasoning;
    // Its own undo step, not merged into typing before or after it.
    m_document->finishTyping();
    m_document->setExemptionReasoning(code, reasoning);
    m_document->finishTyping();
    QPlainTextEdit *edit = publicInterest ? s->publicInterest : s->reasoning;
    edit->setFocus(Qt::OtherFocusReason);
    edit->moveCursor(QTextCursor::End);
}

void RefusalReasonsPanel::updateProblems()
{
    const QStringList problems =
        m_composer ? m_composer->refusalProblems(m_document->request()) : QStringList();
    if (problems != m_problems) {
        const bool countChanged = problems.size() != m_problems.size();
        m_problems = problems;
        if (countChanged)
            Q_EMIT problemCountChanged(int(m_problems.size()));
    }
    if (m_problems.isEmpty()) {
        m_problemsLabel->hide();
        return;
    }
    QStringList lines;
    for (const QString &problem : std::as_const(m_problems))
        lines.append(QStringLiteral("\u2022 ") + problem);
    const QString heading =
        m_problems.size() == 1
            ? tr("1 thing to fix before the letter can be final:")
            : tr("%1 things to fix before the letter can be final:").arg(m_problems.size());
    m_problemsLabel->setText(heading + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
    m_problemsLabel->show();
}

void RefusalReasonsPanel::updateReleaseCheck()
{
    const Request request = m_document->request();
    const bool withholds = request.withholdsAnything();
    if (!m_releaseCheck) {
        m_releaseBox->setVisible(withholds);
        m_releaseLabel->setText(
            tr("Not run yet. Export the final letter (File > Export Letter as PDF): FOI Desk reads "
               "the file back and looks for every withheld passage in it. The request can be "
               "marked Sent or Closed once a check of its current content has passed."));
        return;
    }
    m_releaseBox->show();
    const ReleaseCheckResult &check = *m_releaseCheck;
    const QString when = QLocale().toString(check.checkedAt.toLocalTime(), QLocale::ShortFormat);
    const QString file = QFileInfo(check.file).fileName();
    QString text = check.passed()
                       ? tr("Passed on %1 for %2.").arg(when, file)
                       : tr("FAILED on %1 for %2; the file was deleted.").arg(when, file);
    text += QLatin1Char('\n') + check.summary();
    if (check.passed()) {
        QString reason;
        if (withholds && !ReleaseGate::mayRelease(request, *m_releaseCheck, &reason))
            text += QStringLiteral("\n\n")
                    + tr("The request has changed since this check. %1").arg(reason);
    } else {
        text += QStringLiteral("\n\n")
                + tr("Withhold each passage named in the message wherever it appears (in every "
                     "answer, and never in the title or the question as asked), then export the "
                     "final letter again.");
    }
    m_releaseLabel->setText(text);
}

} // namespace foidesk
