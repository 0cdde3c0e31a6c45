#pragma once
// SavedSearchWorker: does what the Saved searches panel asks, on its own thread, through a
// SavedSearchRepository (its own connection). One request at a time, in the order they were
// made; each is answered with one queued done() carrying plain values.
#include "saved_search.h"

#include <QObject>

#include <functional>
#include <memory>

namespace vigie::models {

class SavedSearchRepository;

struct SavedSearchOutcome {
    enum class Op { Load, Save, Restore, Rename, UpdateSearch, Remove };
    quint64 request = 0;
    Op op = Op::Load;
    QString error;          // empty on success; otherwise why nothing changed
    SavedSearches searches; // Load: every search; otherwise the search as now stored
    qint64 id = 0;          // the search the request was about (Remove: the id that is gone)
};

class SavedSearchWorker : public QObject {
    Q_OBJECT
public:
    explicit SavedSearchWorker(QString connectOptions);
    ~SavedSearchWorker() override; // on the worker's thread, which owns the connection

public Q_SLOTS:
    void load(quint64 request);
    void save(quint64 request, const vigie::models::SavedSearch& search);
    // Puts back a deleted search with its old id (undo).
    void restore(quint64 request, const vigie::models::SavedSearch& search);
    void rename(quint64 request, qint64 id, const QString& name);
    void updateSearch(quint64 request, const vigie::models::SavedSearch& search);
    void remove(quint64 request, qint64 id);

Q_SIGNALS:
    void done(const vigie::models::SavedSearchOutcome& outcome);

private:
    // Runs one write on `search` and answers with the row as stored.
    void write(quint64 request, SavedSearchOutcome::Op op, SavedSearch search,
               const std::function<bool(SavedSearch*, QString*)>& statement);

    std::unique_ptr<SavedSearchRepository> repository_;
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::SavedSearchOutcome)
