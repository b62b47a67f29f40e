#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace foidesk {

// The metadata of an exported letter, written both as the PDF's document information
// dictionary and as its XMP packet. PDF/A requires the two to agree; QPdfWriter in Qt 6.4 has
// no author or subject, so the dictionary it writes is replaced after rendering.
struct PdfDocumentInfo
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::PdfDocumentInfo)

public:
    QString title;
    QString author;
    QString subject;
    QString creator;
    QString producer;
    QDateTime created; // UTC

    // The XMP packet (uncompressed, PDF/A-1b identification included) for these values.
    QByteArray xmpPacket() const;

    // pdf with its document information dictionary replaced by these values and its
    // cross-reference table adjusted. Internal when pdf is not laid out as QPdfWriter writes it
    // (a classic xref table and an /Info entry in the trailer).
    Result<QByteArray> applyTo(const QByteArray &pdf) const;
};

} // namespace foidesk
