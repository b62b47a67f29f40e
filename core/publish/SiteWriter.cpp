#include "publish/SiteWriter.h"

#include "model/RequestEnums.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>
#include <cmath>

namespace foidesk {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

// "4 March 2024", always in English: the log is published in English (lang="en-GB").
QString longDate(const QDate &date)
{
    return date.isValid() ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                .toString(date, QStringLiteral("d MMMM yyyy"))
                          : QString();
}

QString monthName(const QDate &date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(date, QStringLiteral("MMMM yyyy"));
}

// Paragraphs of plain text: blank lines split them, single line breaks become <br>.
QString paragraphs(const QString &text)
{
    QString html;
    const QStringList blocks =
        text.trimmed().split(QRegularExpression(QStringLiteral("\\n\\s*\\n")), Qt::SkipEmptyParts);
    for (const QString &block : blocks)
        html += QStringLiteral("<p>")
                + esc(block.trimmed()).replace(u'\n', QStringLiteral("<br>\n"))
                + QStringLiteral("</p>\n");
    return html;
}

QString csvField(const QString &value)
{
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n')
        || value.contains(u'\r')) {
        QString quoted = value;
        quoted.replace(u'"', QStringLiteral("\"\""));
        return u'"' + quoted + u'"';
    }
    return value;
}

double channel(int value)
{
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &colour)
{
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
           + 0.0722 * channel(colour.blue());
}

} // namespace

SiteWriter::SiteWriter(SiteIdentity identity, ExemptionCatalogue catalogue)
    : m_identity(std::move(identity))
    , m_catalogue(std::move(catalogue))
{
    m_identity.accent = readableOnWhite(m_identity.accent);
}

QString SiteWriter::slugFor(const QString &reference)
{
    QString slug;
    for (const QChar c : reference.trimmed()) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                           || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_' || c == u'.';
        slug += plain ? c : QChar(u'-');
    }
    while (slug.startsWith(u'.'))
        slug.replace(0, 1, u'-');
    return slug.isEmpty() ? QStringLiteral("request") : slug;
}

double SiteWriter::contrast(const QString &colour, const QString &other)
{
    const double a = luminance(QColor::fromString(colour));
    const double b = luminance(QColor::fromString(other));
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

QString SiteWriter::readableOnWhite(const QString &colour)
{
    QColor c = QColor::fromString(colour);
    if (!c.isValid())
        c = QColor::fromString(QStringLiteral("#1d4f91"));
    for (int step = 0; step < 40 && contrast(c.name(), QStringLiteral("#ffffff")) < 4.5; ++step)
        c = c.darker(110);
    return c.name();
}

QStringList SiteWriter::exemptionCodes(const Request &request) const
{
    return request.exemptionsUsed();
}

QString SiteWriter::exemptionText(const Request &request, const QString &code) const
{
    const Exemption *entry = m_catalogue.find(request.regime, code);
    const QString shortCode = ExemptionCatalogue::shortLabel(code);
    return entry ? tr("%1: %2").arg(shortCode, entry->title) : shortCode;
}

QString SiteWriter::page(const QString &title, const QString &root, const QString &body) const
{
    const QString authority = esc(m_identity.authority);
    QString logo;
    if (!m_identity.logoFile.isEmpty()) {
        logo = QStringLiteral("<img class=\"logo\" src=\"%1%2\" alt=\"\">")
                   .arg(root, esc(m_identity.logoFile));
    }
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
                           "<meta charset=\"utf-8\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width, "
                           "initial-scale=1\">\n");
    html += QStringLiteral("<title>%1</title>\n").arg(esc(title));
    html += QStringLiteral("<link rel=\"stylesheet\" href=\"%1style.css\">\n</head>\n<body>\n")
                .arg(root);
    html += QStringLiteral("<a class=\"skip\" href=\"#content\">%1</a>\n")
                .arg(esc(tr("Skip to main content")));
    html += QStringLiteral("<header>\n<p class=\"authority\">%1%2</p>\n</header>\n")
                .arg(logo, authority);
    html += QStringLiteral("<nav aria-label=\"%1\">\n<ul>\n"
                           "<li><a href=\"%2index.html\">%3</a></li>\n"
                           "<li><a href=\"%2log.csv\">%4</a></li>\n"
                           "<li><a href=\"%2log.json\">%5</a></li>\n</ul>\n</nav>\n")
                .arg(esc(tr("Disclosure log")),
                     root,
                     esc(tr("Disclosure log: all published requests")),
                     esc(tr("Download the log as CSV")),
                     esc(tr("Download the log as JSON")));
    html += QStringLiteral("<main id=\"content\" tabindex=\"-1\">\n") + body
            + QStringLiteral("</main>\n");
    html += QStringLiteral("<footer>\n<p>%1</p>\n</footer>\n</body>\n</html>\n")
                .arg(esc(tr("Published by %1 under the Freedom of Information Act 2000 and the "
                            "Environmental Information Regulations 2004. The requesters' "
                            "details are never published.")
                             .arg(m_identity.authority)));
    return html;
}

QByteArray SiteWriter::indexHtml(const QList<SiteEntry> &entries) const
{
    const QString title = tr("Disclosure log of %1").arg(m_identity.authority);
    QString body = QStringLiteral("<h1>%1</h1>\n").arg(esc(title));
    body += QStringLiteral("<p>%1</p>\n")
                .arg(esc(tr("Requests answered and published: %1. The newest are first.")
                             .arg(entries.size())));
    QString currentMonth;
    bool open = false;
    for (const SiteEntry &entry : entries) {
        const QDate month = entry.answered.isValid() ? entry.answered : entry.request.received;
        const QString name = month.isValid() ? monthName(month) : tr("Date not known");
        if (name != currentMonth) {
            if (open)
                body += QStringLiteral("</tbody>\n</table>\n</section>\n</section>\n");
            currentMonth = name;
            open = true;
            const QString id = QStringLiteral("m-")
                               + (month.isValid() ? month.toString(QStringLiteral("yyyy-MM"))
                                                  : QStringLiteral("unknown"));
            body += QStringLiteral("<section aria-labelledby=\"%1\">\n<h2 id=\"%1\">%2</h2>\n")
                        .arg(id, esc(name));
            body += QStringLiteral("<section class=\"table-scroll\" "
                                   "aria-labelledby=\"%1-caption\" tabindex=\"0\">\n<table>\n"
                                   "<caption id=\"%1-caption\">%2</caption>\n<thead>\n<tr>")
                        .arg(id, esc(tr("Requests answered in %1").arg(name)));
            for (const QString &heading : {tr("Reference"),
                                           tr("Title"),
                                           tr("Received"),
                                           tr("Answered"),
                                           tr("Regime"),
                                           tr("Outcome"),
                                           tr("Exemptions")}) {
                body += QStringLiteral("<th scope=\"col\">%1</th>").arg(esc(heading));
            }
            body += QStringLiteral("</tr>\n</thead>\n<tbody>\n");
        }
        const Request &r = entry.request;
        const QString titleText = r.title.isEmpty() ? tr("Untitled request") : r.title;
        body += QStringLiteral("<tr>\n<th scope=\"row\"><a href=\"requests/%1.html\">%2</a></th>\n")
                    .arg(esc(entry.slug), esc(tr("Request %1").arg(r.reference)));
        // data-label: the column's name, shown before the cell when a narrow window stacks
        // the table (style.css).
        const auto cell = [](const QString &label, const QString &html) {
            return QStringLiteral("<td data-label=\"%1\">%2</td>\n").arg(esc(label), html);
        };
        body += cell(tr("Title"), esc(titleText));
        body += cell(tr("Received"),
                     QStringLiteral("<time datetime=\"%1\">%2</time>")
                         .arg(isoDate(r.received), esc(longDate(r.received))));
        body += cell(tr("Answered"),
                     QStringLiteral("<time datetime=\"%1\">%2</time>")
                         .arg(isoDate(entry.answered), esc(longDate(entry.answered))));
        body += cell(tr("Regime"),
                     QStringLiteral("<abbr title=\"%1\">%2</abbr>")
                         .arg(esc(regimeDisplayName(r.regime)), esc(regimeShortName(r.regime))));
        body += cell(tr("Outcome"), esc(entry.outcome));
        QStringList codes;
        for (const QString &code : exemptionCodes(r))
            codes.append(esc(ExemptionCatalogue::shortLabel(code)));
        body += cell(tr("Exemptions"),
                     codes.isEmpty() ? esc(tr("None")) : codes.join(QStringLiteral(", ")))
                + QStringLiteral("</tr>\n");
    }
    if (open)
        body += QStringLiteral("</tbody>\n</table>\n</section>\n</section>\n");
    if (entries.isEmpty())
        body += QStringLiteral("<p>%1</p>\n").arg(esc(tr("No requests are published yet.")));
    return page(title, QString(), body).toUtf8();
}

QByteArray SiteWriter::requestHtml(const SiteEntry &entry) const
{
    const Request &r = entry.request;
    const QString heading = r.title.isEmpty() ? tr("Request %1").arg(r.reference)
                                              : tr("Request %1: %2").arg(r.reference, r.title);
    QString body = QStringLiteral("<h1>%1</h1>\n").arg(esc(heading));
    body += QStringLiteral("<dl class=\"facts\">\n");
    const auto fact = [&body](const QString &term, const QString &value) {
        body += QStringLiteral("<dt>%1</dt><dd>%2</dd>\n").arg(esc(term), value);
    };
    fact(tr("Reference"), esc(r.reference));
    fact(tr("Received"),
         QStringLiteral("<time datetime=\"%1\">%2</time>")
             .arg(isoDate(r.received), esc(longDate(r.received))));
    fact(tr("Answered"),
         QStringLiteral("<time datetime=\"%1\">%2</time>")
             .arg(isoDate(entry.answered), esc(longDate(entry.answered))));
    fact(tr("Regime"), esc(regimeDisplayName(r.regime)));
    if (!entry.outcome.isEmpty())
        fact(tr("Outcome"), esc(entry.outcome));
    body += QStringLiteral("</dl>\n");

    if (!r.introduction.trimmed().isEmpty()) {
        body += QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("The request")));
        body += QStringLiteral("<blockquote>\n") + paragraphs(r.introduction)
                + QStringLiteral("</blockquote>\n");
    }
    if (!r.questions.isEmpty()) {
        body += QStringLiteral("<h2>%1</h2>\n<ol class=\"questions\">\n")
                    .arg(esc(tr("Questions and answers")));
        QString section;
        for (qsizetype i = 0; i < r.questions.size(); ++i) {
            const Question &q = r.questions.at(i);
            body += QStringLiteral("<li>\n");
            if (!q.section.isEmpty() && q.section != section)
                body += QStringLiteral("<p class=\"section\">%1</p>\n").arg(esc(q.section));
            section = q.section;
            body +=
                QStringLiteral("<h3>%1</h3>\n").arg(esc(tr("Question %1").arg(questionName(q, i))));
            if (!q.condition.isEmpty())
                body += QStringLiteral("<p class=\"condition\">%1</p>\n").arg(esc(q.condition));
            body += QStringLiteral("<div class=\"question\">\n") + paragraphs(q.text)
                    + QStringLiteral("</div>\n");
            if (!q.choices.isEmpty()) {
                body += QStringLiteral("<ul class=\"choices\">\n");
                for (const QString &choice : q.choices)
                    body += QStringLiteral("<li>%1</li>\n").arg(esc(choice));
                body += QStringLiteral("</ul>\n");
            }
            body += QStringLiteral("<h4>%1</h4>\n<div class=\"answer\">\n")
                        .arg(esc(tr("Answer to question %1").arg(questionName(q, i))));
            if (q.disposition != Disposition::Answered)
                body += QStringLiteral("<p class=\"disposition\">%1</p>\n")
                            .arg(esc(dispositionDisplayName(q.disposition)));
            body += paragraphs(q.answer);
            body += QStringLiteral("</div>\n</li>\n");
        }
        body += QStringLiteral("</ol>\n");
    }
    if (!r.combinedResponse.trimmed().isEmpty()) {
        body += QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("Response")));
        body += paragraphs(r.combinedResponse);
    }
    const QStringList codes = exemptionCodes(r);
    body += QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("Exemptions used")));
    if (codes.isEmpty()) {
        body += QStringLiteral("<p>%1</p>\n").arg(esc(tr("No information was withheld.")));
    } else {
        body += QStringLiteral("<ul>\n");
        for (const QString &code : codes)
            body += QStringLiteral("<li>%1</li>\n").arg(esc(exemptionText(r, code)));
        body += QStringLiteral("</ul>\n");
    }
    if (entry.hasLetter) {
        body += QStringLiteral("<h2>%1</h2>\n<p><a href=\"../letters/%2.pdf\">%3</a></p>\n")
                    .arg(esc(tr("The response letter")),
                         esc(entry.slug),
                         esc(tr("Response letter for request %1 (PDF)").arg(r.reference)));
    }
    body += QStringLiteral("<p><a href=\"../index.html\">%1</a></p>\n")
                .arg(esc(tr("Back to the disclosure log")));
    return page(tr("Request %1 - %2").arg(r.reference, m_identity.authority),
                QStringLiteral("../"),
                body)
        .toUtf8();
}

QByteArray SiteWriter::csv(const QList<SiteEntry> &entries) const
{
    QString text = QStringLiteral(
        "reference,title,received,answered,regime,outcome,exemptions,page,letter\r\n");
    for (const SiteEntry &entry : entries) {
        const Request &r = entry.request;
        const QStringList fields{
            r.reference,
            r.title,
            isoDate(r.received),
            isoDate(entry.answered),
            regimeCode(r.regime),
            entry.outcomeCode,
            exemptionCodes(r).join(u';'),
            QStringLiteral("requests/%1.html").arg(entry.slug),
            entry.hasLetter ? QStringLiteral("letters/%1.pdf").arg(entry.slug) : QString(),
        };
        QStringList quoted;
        for (const QString &field : fields)
            quoted.append(csvField(field));
        text += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return text.toUtf8();
}

QByteArray SiteWriter::json(const QList<SiteEntry> &entries) const
{
    QJsonArray rows;
    for (const SiteEntry &entry : entries) {
        const Request &r = entry.request;
        QJsonObject row;
        row.insert(QStringLiteral("reference"), r.reference);
        row.insert(QStringLiteral("title"), r.title);
        row.insert(QStringLiteral("received"), isoDate(r.received));
        row.insert(QStringLiteral("answered"), isoDate(entry.answered));
        row.insert(QStringLiteral("regime"), regimeCode(r.regime));
        row.insert(QStringLiteral("outcome"), entry.outcomeCode);
        row.insert(QStringLiteral("exemptions"), QJsonArray::fromStringList(exemptionCodes(r)));
        row.insert(QStringLiteral("page"), QStringLiteral("requests/%1.html").arg(entry.slug));
        row.insert(QStringLiteral("letter"),
                   entry.hasLetter ? QJsonValue(QStringLiteral("letters/%1.pdf").arg(entry.slug))
                                   : QJsonValue(QJsonValue::Null));
        rows.append(row);
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), QStringLiteral("foidesk.disclosure-log/1"));
    root.insert(QStringLiteral("authority"), m_identity.authority);
    root.insert(QStringLiteral("requests"), rows);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray SiteWriter::css() const
{
    // Relative units only, so the page reflows at 400% zoom; the table scrolls in its own box.
    QString text = QStringLiteral(R"(/* The disclosure log's own stylesheet, written by FOI Desk. */
:root { --accent: @ACCENT@; --text: #1b1b1b; --muted: #4a4a4a; --focus: #ffbf47; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; color: var(--text); background: #ffffff;
       font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       line-height: 1.5; }
header, nav, main, footer { padding: 0.75rem 1rem; max-width: 70rem; margin: 0 auto; }
header { border-bottom: 0.3rem solid var(--accent); }
.authority { margin: 0; font-size: 1.25rem; font-weight: bold; color: var(--accent);
             overflow-wrap: anywhere; }
.logo { max-height: 3rem; max-width: 100%; vertical-align: middle; margin-right: 0.5rem; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
a { color: var(--accent); text-decoration: underline; overflow-wrap: anywhere; }
a:hover { text-decoration-thickness: 0.15em; }
a:focus, [tabindex]:focus { outline: 0.2rem solid var(--text); outline-offset: 0.1rem;
                            background: var(--focus); color: var(--text); }
.skip { position: absolute; left: 0.5rem; top: -10rem; padding: 0.5rem; background: #ffffff; }
.skip:focus { top: 0.5rem; }
h1 { font-size: 1.75rem; line-height: 1.25; color: var(--accent); overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 0.1rem solid var(--accent); }
h3 { font-size: 1.1rem; margin-bottom: 0.25rem; }
h4 { font-size: 1rem; margin: 0.75rem 0 0.25rem; color: var(--muted); }
.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem;
         border-bottom: 0.06rem solid #6f6f6f; }
thead th { border-bottom: 0.15rem solid var(--accent); }
tbody th { font-weight: normal; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
ol.questions { list-style: none; padding-left: 0; } /* each says "Question 1" itself */
ol.questions > li { margin-bottom: 1.5rem; }
.section, .condition, .disposition { font-style: italic; color: var(--muted); }
blockquote { margin: 0 0 1rem; padding-left: 1rem; border-left: 0.3rem solid #b1b4b6; }
footer { border-top: 0.1rem solid #b1b4b6; color: var(--muted); margin-top: 2rem; }
@media (max-width: 40rem) {
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.5rem; }
  /* The index stacks: one block per request, each value after its column's name. */
  table, tbody, tr, th, td, caption { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  tbody tr { border-bottom: 0.1rem solid #6f6f6f; padding: 0.5rem 0; }
  tbody th, td { border: 0; padding: 0.1rem 0; white-space: normal; }
  td::before { content: attr(data-label) ": "; font-weight: bold; }
}
)");
    text.replace(QStringLiteral("@ACCENT@"), m_identity.accent);
    return text.toUtf8();
}

} // namespace foidesk
