#include "editing/QuestionListModel.h"
#include "editing/RequestDocument.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <memory>

using namespace foidesk;
using namespace Qt::StringLiterals;
using QField = RequestDocument::QuestionField;

namespace {

Request surveyRequest()
{
    Request r;
    r.reference = u"6370952"_s;
    r.received = QDate(2020, 6, 17);
    const QStringList texts = {u"Plans for chatbots?"_s,
                               u"If so, when?\nSecond line"_s,
                               u"Who leads it?"_s,
                               u"Virtual appointments?"_s};
    for (int i = 0; i < texts.size(); ++i) {
        Question q;
        q.label = QString::number(i + 1) + u'.';
        q.text = texts[i];
        q.section = i < 3 ? u"Chatbots"_s : u"Virtual Appointments"_s;
        q.answer = u"Answer "_s + QString::number(i + 1);
        r.questions.append(q);
    }
    return r;
}

QStringList labels(const QAbstractItemModel &model)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out.append(model.index(i, 0).data(QuestionListModel::LabelRole).toString());
    return out;
}

} // namespace

class TestQuestionListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_document = std::make_unique<RequestDocument>();
        m_model = std::make_unique<QuestionListModel>(m_document.get());
        // The tester checks every signal the model emits from here on, and fails the test on
        // an inconsistency.
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_document->load(surveyRequest());
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_document.reset();
    }

    void showsLabelFirstLineAndSectionStarts()
    {
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->index(0).data().toString(), u"Chatbots › 1. Plans for chatbots?"_s);
        QCOMPARE(m_model->index(1).data().toString(), u"Chatbots › 2. If so, when?"_s);
        QCOMPARE(m_model->index(3).data().toString(),
                 u"Virtual Appointments › 4. Virtual appointments?"_s);
        QCOMPARE(m_model->index(0).data(QuestionListModel::StartsSectionRole).toBool(), true);
        QCOMPARE(m_model->index(2).data(QuestionListModel::StartsSectionRole).toBool(), false);
        QCOMPARE(m_model->index(3).data(QuestionListModel::StartsSectionRole).toBool(), true);
        QCOMPARE(m_model->index(1).data(Qt::ToolTipRole).toString(),
                 u"If so, when?\nSecond line"_s);
    }

    // Three rows reading "When would you want this to be available?" are told apart by their
    // section heading and their condition.
    void showsEachRowsConditionAndSection()
    {
        Question q;
        q.section = u"Employee chatbots"_s;
        q.condition = u"If so,"_s;
        q.text = u"when would you want this to be available?"_s;
        m_document->insertQuestion(4, q);
        QCOMPARE(m_model->index(4).data().toString(),
                 u"Employee chatbots › If so, when would you want this to be available?"_s);
        q.label = u"2a"_s;
        q.condition = u"If yes:"_s;
        m_document->insertQuestion(5, q);
        QCOMPARE(m_model->index(5).data().toString(),
                 u"Employee chatbots › 2a If yes: when would you want this to be available?"_s);
    }

    void emptyQuestionSaysSo()
    {
        m_document->insertQuestion(4);
        const QString shown = m_model->index(4).data().toString();
        QVERIFY(!shown.isEmpty());
        QVERIFY(shown.contains(u"no question text"_s));
    }

    void editsUpdateTheRow()
    {
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_document->setQuestionValue(2, QField::Label, u"3a"_s);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(m_model->index(2).data().toString(), u"Chatbots › 3a Who leads it?"_s);
    }

    void insertsRemovesAndMovesPassTheTester()
    {
        m_document->insertQuestion(0);
        m_document->insertQuestion(2);
        m_document->insertQuestion(m_document->questionCount());
        QCOMPARE(m_model->rowCount(), 7);
        QVERIFY(m_document->removeQuestion(0));
        QVERIFY(m_document->removeQuestion(m_document->questionCount() - 1));
        QVERIFY(m_document->moveQuestion(0, 4));
        QVERIFY(m_document->moveQuestion(4, 0));
        QVERIFY(m_document->moveQuestion(2, 3));
        while (m_document->undoStack()->canUndo())
            m_document->undoStack()->undo();
        QCOMPARE(labels(*m_model), (QStringList{u"1."_s, u"2."_s, u"3."_s, u"4."_s}));
        while (m_document->undoStack()->canRedo())
            m_document->undoStack()->redo();
        QCOMPARE(m_model->rowCount(), 5);
        m_document->load(surveyRequest());
        QCOMPARE(m_model->rowCount(), 4);
    }

    void moveRows_data()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<int>("destination");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("first to end") << 0 << 4 << QStringList{u"2."_s, u"3."_s, u"4."_s, u"1."_s};
        QTest::newRow("last to start") << 3 << 0 << QStringList{u"4."_s, u"1."_s, u"2."_s, u"3."_s};
        QTest::newRow("middle down one")
            << 1 << 3 << QStringList{u"1."_s, u"3."_s, u"2."_s, u"4."_s};
        QTest::newRow("middle up one") << 2 << 1 << QStringList{u"1."_s, u"3."_s, u"2."_s, u"4."_s};
    }

    void moveRows()
    {
        QFETCH(int, source);
        QFETCH(int, destination);
        QFETCH(QStringList, expected);
        QVERIFY(m_model->moveRows(QModelIndex(), source, 1, QModelIndex(), destination));
        QCOMPARE(labels(*m_model), expected);
        QCOMPARE(m_document->undoStack()->count(), 1);
        m_document->undoStack()->undo();
        QCOMPARE(labels(*m_model), (QStringList{u"1."_s, u"2."_s, u"3."_s, u"4."_s}));
    }

    void moveRowsThatMovesNothingIsRefused()
    {
        QVERIFY(!m_model->moveRows(QModelIndex(), 1, 1, QModelIndex(), 1));
        QVERIFY(!m_model->moveRows(QModelIndex(), 1, 1, QModelIndex(), 2));
        QVERIFY(!m_model->moveRows(QModelIndex(), 0, 2, QModelIndex(), 4));
        QVERIFY(!m_model->moveRows(QModelIndex(), 0, 1, QModelIndex(), 5));
        QCOMPARE(m_document->undoStack()->count(), 0);
    }

    void dragAndDropReordersAndIsUndoable_data()
    {
        QTest::addColumn<int>("dragged");
        QTest::addColumn<int>("dropRow");
        QTest::addColumn<int>("dropOnto"); // -1: between rows
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("to the end (row -1)")
            << 0 << -1 << -1 << QStringList{u"2."_s, u"3."_s, u"4."_s, u"1."_s};
        QTest::newRow("between rows")
            << 3 << 1 << -1 << QStringList{u"1."_s, u"4."_s, u"2."_s, u"3."_s};
        QTest::newRow("onto a question")
            << 0 << -1 << 2 << QStringList{u"2."_s, u"1."_s, u"3."_s, u"4."_s};
    }

    void dragAndDropReordersAndIsUndoable()
    {
        QFETCH(int, dragged);
        QFETCH(int, dropRow);
        QFETCH(int, dropOnto);
        QFETCH(QStringList, expected);

        QCOMPARE(m_model->flags(m_model->index(dragged)) & Qt::ItemIsDragEnabled,
                 Qt::ItemIsDragEnabled);
        std::unique_ptr<QMimeData> data(m_model->mimeData({m_model->index(dragged)}));
        QVERIFY(data);
        QVERIFY(data->hasFormat(QuestionListModel::mimeType()));
        const QModelIndex parent = dropOnto >= 0 ? m_model->index(dropOnto) : QModelIndex();
        QVERIFY(m_model->canDropMimeData(data.get(), Qt::MoveAction, dropRow, 0, parent));
        QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, dropRow, 0, parent));
        QCOMPARE(labels(*m_model), expected);

        // Answers travel with their questions.
        for (int i = 0; i < m_model->rowCount(); ++i) {
            const QString label = m_model->index(i).data(QuestionListModel::LabelRole).toString();
            QCOMPARE(m_model->index(i).data(QuestionListModel::AnswerRole).toString(),
                     u"Answer "_s + label.chopped(1));
        }

        QVERIFY(m_document->isModified());
        m_document->undoStack()->undo();
        QCOMPARE(labels(*m_model), (QStringList{u"1."_s, u"2."_s, u"3."_s, u"4."_s}));
        QVERIFY(!m_document->isModified());
        m_document->undoStack()->redo();
        QCOMPARE(labels(*m_model), expected);
    }

    void foreignDropsAreRefused()
    {
        QMimeData text;
        text.setText(u"1."_s);
        QVERIFY(!m_model->canDropMimeData(&text, Qt::MoveAction, 0, 0, QModelIndex()));
        QVERIFY(!m_model->dropMimeData(&text, Qt::MoveAction, 0, 0, QModelIndex()));

        // A question dragged from another request's list is not one of ours.
        RequestDocument other;
        other.load(surveyRequest());
        QuestionListModel otherModel(&other);
        std::unique_ptr<QMimeData> data(otherModel.mimeData({otherModel.index(0)}));
        QVERIFY(!m_model->dropMimeData(data.get(), Qt::MoveAction, 3, 0, QModelIndex()));
        QCOMPARE(m_document->undoStack()->count(), 0);
    }

private:
    std::unique_ptr<RequestDocument> m_document;
    std::unique_ptr<QuestionListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestQuestionListModel)
#include "tst_questionlistmodel.moc"
