#pragma once

#include <QString>

namespace foidesk {

// The name a response letter is offered under, in the window's save dialog and in
// `export-pdf --all`: "6370952 response.pdf" for the letter that is sent, and
// "6370952 response DRAFT.pdf" for a draft, so that exporting the final letter never silently
// replaces a draft someone is reviewing (or the other way round). Characters a file name cannot
// hold on Windows (\ / : * ? " < > | and control characters) each become "_"; a blank reference
// gives "letter".
QString letterFileName(const QString &reference, bool draft);

} // namespace foidesk
