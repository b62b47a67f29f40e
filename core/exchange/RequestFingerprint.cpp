#include "exchange/RequestFingerprint.h"

#include "exchange/RequestJson.h"

#include <QCryptographicHash>

namespace foidesk {

QByteArray RequestFingerprint::of(const Request &request)
{
    Request content = request;
    content.id = 0;
    content.revision = 0;
    content.letterFinal = false;
    // The status does not change what a letter discloses, and marking the request released is
    // exactly what a passed check allows: it must not make that check stale.
    content.status = RequestStatus::New;
    // Nor does the statutory clock: recording a fee paid or the day the response was sent must
    // not make a passed release check stale.
    content.clockEvents.clear();
    content.responseSent = QDate();
    // Whether and when the log publishes a request is not what its letter discloses.
    content.notForPublication = false;
    content.notForPublicationReason.clear();
    content.publishAfter = QDate();
    // Nor does where an answer was copied from: the letter prints the answer, not its source.
    for (Question &question : content.questions) {
        question.id = 0;
        question.reusedFrom = AnswerSource();
    }
    // The exchange format keeps a redaction as its text, which cannot say which occurrence of
    // a repeated word is withheld; the offsets decide what the letter prints, so they count too.
    QByteArray bytes = RequestJson::serialize(content);
    for (qsizetype i = 0; i < content.questions.size(); ++i) {
        for (const Redaction &span : content.questions.at(i).redactions) {
            bytes += "\nspan " + QByteArray::number(i) + ' ' + QByteArray::number(span.start) + ' '
                     + QByteArray::number(span.length) + ' ' + span.exemption.toUtf8();
        }
    }
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace foidesk
