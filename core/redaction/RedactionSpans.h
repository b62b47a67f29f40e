#pragma once

#include "model/Request.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace foidesk::redaction {

// Pure functions over the withheld spans of one answer. Offsets are UTF-16 code units into the
// answer (QString indices). None of them touches anything but its arguments.

// Sorted by start; spans of the same exemption that overlap or touch merged into one; a span
// overlapping one of another exemption is cut so that the later span in the list wins the shared
// characters (so adding a span last means "this passage is now withheld under this exemption");
// empty spans and spans outside [0, textLength] dropped or clipped.
QList<Redaction> normalized(QList<Redaction> spans, qsizetype textLength);
// As above for the spans of text, and also widened so that no span starts or ends between the
// two halves of a surrogate pair (a character outside the Basic Multilingual Plane is withheld
// whole or not at all).
QList<Redaction> normalized(QList<Redaction> spans, const QString &text);

// spans with one more span added (start, length, exemption), normalized.
QList<Redaction> added(const QList<Redaction> &spans, const Redaction &span, qsizetype textLength);

// spans with every character of [start, start + length) no longer withheld (spans cut or split).
QList<Redaction> cleared(const QList<Redaction> &spans, qsizetype start, qsizetype length,
                         qsizetype textLength);

// The spans after the text changed from oldText to newText, so that each span stays on the
// characters it covered: the edit is found as the common prefix and suffix of the two texts;
// spans wholly before it stay, spans after it move by the change in length, text typed strictly
// inside a span joins it, text typed at a span's edge does not, and a span whose characters were
// all deleted disappears. Used by every change of an answer, including undo and redo.
// Two refinements: where the edit could have been anywhere in a run of equal characters, the
// place that leaves the most withheld is taken (doubt never releases a withheld character); and
// a span an edit leaves with nothing but white space disappears.
QList<Redaction> adjustedForEdit(const QList<Redaction> &spans,
                                 const QString &oldText,
                                 const QString &newText);

// Spans for every occurrence of text in answer (exact, case-sensitive, non-overlapping), under
// exemption. Empty when text is empty or not found.
QList<Redaction> spansForText(const QString &answer, const QString &text, const QString &exemption);

// The distinct withheld strings of one answer, in order of first appearance (the text each span
// covers).
QStringList withheldStrings(const QString &answer, const QList<Redaction> &spans);

// True when the character at index is inside one of spans.
bool isWithheld(const QList<Redaction> &spans, qsizetype index);

} // namespace foidesk::redaction
