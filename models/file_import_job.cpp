// First, before any Qt header: StreamFramer has a member called emit, which Qt defines as a
// macro unless QT_NO_KEYWORDS is set.
#include "ingest/stream_framer.h"

#include "file_import_job.h"

#include "ingest/engine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QtConcurrent>

#include <thread>

namespace vigie::models {
namespace {

// "import: auth.log", or "import: auth.log (2)" when a feed of that name is already counted.
std::string uniqueFeedName(const ingest::Engine& engine, const QString& fileName)
{
    QSet<QString> taken;
    for (const ingest::SourceStats& source : engine.stats().sources)
        taken.insert(QString::fromStdString(source.name));
    const QString base = QStringLiteral("import: ") + fileName;
    QString name = base;
    for (int n = 2; taken.contains(name); ++n)
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    return name.toStdString();
}

} // namespace

QString ImportSummary::fileName() const
{
    return QFileInfo(path).fileName();
}

FileImportJob::FileImportJob(ingest::Engine* engine, QString path, parse::Format format, QObject* parent)
    : QObject(parent), engine_(engine), path_(std::move(path)), format_(format)
{
    qRegisterMetaType<ImportSummary>();
    summary_.path = path_;
    summary_.format = format_;
}

FileImportJob::~FileImportJob()
{
    destroying_ = true;
    ++cancels_;
    work_.waitForFinished();
}

void FileImportJob::start()
{
    if (phase_ != Phase::Queued)
        return;
    phase_ = Phase::Reading;
    Q_EMIT phaseChanged(phase_);
    work_ = QtConcurrent::run([this] { run(); });
}

void FileImportJob::cancel()
{
    ++cancels_;
}

void FileImportJob::postPhase(Phase phase)
{
    QMetaObject::invokeMethod(
        this,
        [this, phase] {
            if (phase_ == Phase::Finished)
                return;
            phase_ = phase;
            Q_EMIT phaseChanged(phase);
        },
        Qt::QueuedConnection);
}

void FileImportJob::run()
{
    QElapsedTimer clock;
    clock.start();
    ImportSummary summary;
    summary.path = path_;
    summary.format = format_;
    const auto finish = [this, &summary, &clock] {
        summary.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
        QMetaObject::invokeMethod(
            this,
            [this, summary] {
                summary_ = summary;
                phase_ = Phase::Finished;
                Q_EMIT phaseChanged(phase_);
                Q_EMIT finished(summary_);
            },
            Qt::QueuedConnection);
    };

    QFile file(path_);
    const QFileInfo info(path_);
    if (info.isDir()) {
        summary.error = tr("%1 is a folder, not a log file.").arg(QDir::toNativeSeparators(path_));
        finish();
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        summary.error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path_), file.errorString());
        finish();
        return;
    }
    summary.fileSize = file.isSequential() ? 0 : static_cast<quint64>(file.size());

    const ingest::Engine::Feed feed = engine_->openFeed(uniqueFeedName(*engine_, info.fileName()), format_);
    summary.feedName = QString::fromStdString(feed.name());

    ingest::StreamFramer framer;
    quint64 records = 0;
    bool engineStopped = false;
    const ingest::StreamFramer::Sink sink = [&](std::string_view record) {
        if (engineStopped)
            return;
        if (engine_->submit(feed, std::string(record)))
            ++records;
        else
            engineStopped = true;
    };
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    const auto reportProgress = [&] {
        QMetaObject::invokeMethod(
            this,
            [this, bytes = summary.bytesRead, size = summary.fileSize, records,
             seconds = static_cast<double>(clock.elapsed()) / 1000.0] {
                if (phase_ != Phase::Finished)
                    Q_EMIT progress(bytes, size, records, seconds);
            },
            Qt::QueuedConnection);
        sinceProgress.restart();
    };

    QByteArray buffer(chunkSize_, Qt::Uninitialized);
    while (cancels_ == 0 && !engineStopped) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0) {
            summary.error =
                tr("Reading %1 failed: %2").arg(QDir::toNativeSeparators(path_), file.errorString());
            break;
        }
        if (n == 0)
            break;
        framer.feed(std::string_view(buffer.constData(), static_cast<std::size_t>(n)), sink);
        summary.bytesRead += static_cast<quint64>(n);
        if (sinceProgress.elapsed() >= progressInterval_.count())
            reportProgress();
    }
    summary.cancelled = cancels_ > 0 && !destroying_ && summary.error.isEmpty() && !file.atEnd();
    if (cancels_ == 0 && summary.error.isEmpty())
        framer.finish(sink); // the last line may have no newline
    summary.cut = framer.oversizeRecords();
    if (engineStopped)
        summary.error = tr("The ingest engine stopped before the whole file was read.");
    reportProgress();
    engine_->closeFeed(feed);

    // Every submitted record ends up stored or counted as dropped; wait for that, so the
    // summary tells the whole story. A cancel while waiting (the database may be away) gives up
    // the wait, not the records: they are still stored when it comes back.
    postPhase(Phase::Storing);
    const int cancelsBeforeWait = cancels_;
    ingest::SourceStats stats = engine_->feedStats(feed);
    while (stats.stored + stats.dropped < stats.received) {
        if (destroying_ || engineStopped || cancels_ > cancelsBeforeWait)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        stats = engine_->feedStats(feed);
    }
    summary.received = stats.received;
    summary.stored = stats.stored;
    summary.parseErrors = stats.parse_errors;
    summary.dropped = stats.dropped;
    summary.complete = stats.stored + stats.dropped >= stats.received;
    finish();
}

} // namespace vigie::models
