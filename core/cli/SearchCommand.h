#pragma once

#include <QStringList>

namespace foidesk {

class CommandSession;
struct SearchHit;

// "foidesk search QUERY [--json] [--limit N]": the log's full-text search (Store::search) on
// the command line. Each result names the request and the question, with the words found
// marked *like this*, and says when it shows withheld text.
class SearchCommand
{
public:
    explicit SearchCommand(CommandSession &session);

    static constexpr int DefaultLimit = 20;

    int run(const QStringList &args);

private:
    void printText(const QList<SearchHit> &hits);
    void printJson(const QList<SearchHit> &hits);

    CommandSession &m_session;
};

} // namespace foidesk
