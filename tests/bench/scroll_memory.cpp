// vigie_scroll_memory: memory while scrolling the events table (docs/PERFORMANCE.md, issue #4).
//   vigie_scroll_memory CONNINFO [ROWS [CACHE_ROWS|unbounded [LOAD]]]
// Opens the real model in the real table view (offscreen), keeps dragging the scroll bar to the
// bottom so the view fetches page after page, until ROWS rows (default 500,000) are listed, and
// prints the process's resident memory (VmRSS) every 50,000 rows, then how long rows far above
// take to come back. CACHE_ROWS caps the rows the model holds (default: the model's own);
// "unbounded" keeps every row, as the model did before the cap. An empty database is first
// loaded with LOAD realistic events (default 1,000,000) over 30 days. GUI thread only.
#include "realistic_events.h"

#include "event_table_model.h"
#include "event_table_view.h"

#include "store/pg_connection.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>

#include <climits>
#include <cstdio>
#include <functional>
#include <iostream>
#include <string>

namespace {

using namespace vigie;

long residentKiB()
{
    // readAll: a /proc file has no size, so atEnd() would be true at once.
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

// Runs the event loop (painting included) until `done` or `seconds` pass.
bool waitFor(const std::function<bool()>& done, int seconds)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > seconds * 1000)
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

int run(const std::string& conninfo, int target, int cacheRows, std::size_t load)
{
    {
        store::PgConnection db(conninfo);
        if (db.exec("SELECT count(*) FROM (SELECT 1 FROM events LIMIT 1) AS probe").integer(0, 0) == 0) {
            std::fprintf(stderr, "empty database: loading %zu events first\n", load);
            bench::loadRealisticEvents(conninfo, load, 30);
        }
    }
    models::EventTableModel model;
    if (cacheRows > 0)
        model.setCacheRows(cacheRows);
    widgets::EventTableView view;
    view.setModel(&model);
    view.resize(1400, 900);
    view.show();
    if (!model.open(QString::fromStdString(conninfo)))
        throw std::runtime_error("the connection string cannot be used");
    QObject::connect(&model, &models::EventTableModel::loadFailed, [](const QString& message) {
        std::cerr << "load failed: " << message.toStdString() << "\n";
    });
    if (!waitFor([&] { return model.rowCount() > 0; }, 60))
        throw std::runtime_error("no first page within 60 s");

    std::printf("cache: %s rows; page: %d rows\n\n",
                model.cacheRows() == INT_MAX ? "unbounded" : std::to_string(model.cacheRows()).c_str(),
                model.pageSize());
    std::printf("| rows listed | VmRSS (MiB) | rows held | elapsed (s) |\n|---:|---:|---:|---:|\n");
    QElapsedTimer elapsed;
    elapsed.start();
    const auto report = [&](int rows) {
        std::printf("| %d | %.0f | %d | %.1f |\n", rows, static_cast<double>(residentKiB()) / 1024.0,
                    model.heldRows(), static_cast<double>(elapsed.elapsed()) / 1000.0);
        std::fflush(stdout);
    };
    report(model.rowCount());
    QScrollBar* bar = view.verticalScrollBar();
    int nextReport = 50000;
    while (model.rowCount() < target && !model.atEnd()) {
        const int before = model.rowCount();
        // Dragged to the bottom, the view calls fetchMore; the rows shown there are painted
        // (data()). Dragged again until the rows come: the range may grow after a layout.
        const auto dragToBottom = [&] {
            if (model.canFetchMore({}) && bar->value() == bar->maximum())
                bar->setValue(bar->maximum() - 1);
            bar->setValue(bar->maximum());
            return model.rowCount() > before || model.atEnd();
        };
        if (!waitFor(dragToBottom, 60))
            throw std::runtime_error("no rows arrived within 60 s");
        while (model.rowCount() >= nextReport) {
            report(model.rowCount());
            nextReport += 50000;
        }
    }
    // Back to rows far above: with a cap their pages were let go and are read again.
    for (const int row : {0, model.rowCount() / 2}) {
        QElapsedTimer back;
        back.start();
        view.scrollTo(model.index(row, 0), QAbstractItemView::PositionAtTop);
        const QModelIndex shown = model.index(row, 0);
        if (!waitFor([&] { return model.data(shown, models::EventTableModel::EventIdRole).isValid(); }, 60))
            throw std::runtime_error("rows scrolled back to never came back");
        std::printf("\nrow %d shown again after %lld ms", row, static_cast<long long>(back.elapsed()));
    }
    std::printf("\n\n");
    report(model.rowCount());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args.size() > 4) {
        std::cerr << "usage: vigie_scroll_memory CONNINFO [ROWS [CACHE_ROWS|unbounded [LOAD]]]\n";
        return 2;
    }
    try {
        const int target = args.size() > 1 ? std::stoi(args[1]) : 500000;
        const int cacheRows = args.size() > 2 ? (args[2] == "unbounded" ? INT_MAX : std::stoi(args[2])) : 0;
        const std::size_t load = args.size() > 3 ? std::stoull(args[3]) : 1000000;
        return run(args[0], target, cacheRows, load);
    } catch (const std::exception& e) {
        std::cerr << "vigie_scroll_memory: " << e.what() << "\n";
        return 1;
    }
}
