// vigie: the analyst's workstation. Reads the command line and settings, starts the back end
// (managed local PostgreSQL or a configured server, the ingest engine, the demo feeder) on a
// worker through WorkstationSession (which also starts the configured sources and runs file
// imports), and shows the main window at once.
#include "administration_controller.h"
#include "engine_status.h"
#include "language_switcher.h"
#include "main_window.h"
#include "unix_signal_quit.h"
#include "workstation_session.h"

#include "store/local_cluster.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>

using namespace vigie;

namespace {

// The server to use: --database, else the settings entry database/conninfo, else empty
// (the managed local cluster). Vigie never writes a conninfo holding a password to its
// settings; libpq reads passwords from ~/.pgpass (or PGPASSWORD) instead, and a password given
// with --database lives in memory only.
QString configuredConninfo(const QCommandLineParser& parser, const QCommandLineOption& database)
{
    if (parser.isSet(database))
        return parser.value(database);
    return QSettings().value(QStringLiteral("database/conninfo")).toString();
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Vigie"));
    QApplication::setApplicationName(QStringLiteral("Vigie"));
    QApplication::setApplicationDisplayName(QStringLiteral("Vigie"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIE_VERSION));

    widgets::LanguageSwitcher languages;
    // The help text below is translated too, so the language comes before the parser: from a
    // --lang given on the command line, else the saved choice, else the system's.
    QString language = widgets::LanguageSwitcher::preferredLanguage();
    const QStringList arguments = QApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--lang") && i + 1 < arguments.size())
            language = arguments[i + 1];
        else if (arguments[i].startsWith(QLatin1String("--lang=")))
            language = arguments[i].mid(7);
    }
    if (!languages.setLanguage(language))
        languages.setLanguage(widgets::LanguageSwitcher::systemLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Vigie, the security operations analyst's workstation."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("main",
                                    "Replay the demonstration attack scenario through a local listener."));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QCoreApplication::translate("main",
                                    "Use the PostgreSQL server at <conninfo> (libpq syntax) instead of "
                                    "the managed local database."),
        QCoreApplication::translate("main", "conninfo"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("main", "Interface language: en or fr."),
                                  QCoreApplication::translate("main", "language"));
    const QCommandLineOption panels(
        QStringLiteral("panels"),
        QCoreApplication::translate("main",
                                    "Open these panels at start, separated by commas: sources, "
                                    "ingest, saved, alerts, rules."),
        QCoreApplication::translate("main", "panels"));
    parser.addOptions({demo, database, lang, panels});
    parser.process(app);
    if (parser.isSet(lang) && !widgets::LanguageSwitcher::availableLanguages().contains(parser.value(lang))) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("main", "Unknown language \"%1\"; use en or fr.")
                                    .arg(parser.value(lang))));
        return 2;
    }

    models::SessionConfig config;
    config.conninfo = configuredConninfo(parser, database);
    config.demo = parser.isSet(demo);
    const QString dataLocation = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    config.clusterDirectory =
        QString::fromStdString(store::LocalCluster::defaultDirectory(dataLocation.toStdString()).string());

    models::EngineStatus status;
    models::WorkstationSession session(config);
    auto* window = new widgets::MainWindow(&status, &languages, session.sources(), session.imports());
    auto* administration = new widgets::AdministrationController(session.retention(), window);
    administration->setSession(&session);
    window->addAdministration(administration);
    window->addRuleManager(session.rules());
    if (parser.isSet(panels)) {
        for (const QString& name : parser.value(panels).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!window->showPanel(name.trimmed())) {
                std::fprintf(stderr, "%s\n",
                             qPrintable(QCoreApplication::translate(
                                            "main", "Unknown panel \"%1\"; use sources, ingest, saved, alerts or rules.")
                                            .arg(name.trimmed())));
            }
        }
    }

    QObject::connect(&session, &models::WorkstationSession::phaseChanged, &status,
                     [&status](models::WorkstationSession::Phase phase) {
                         if (phase == models::WorkstationSession::Phase::StartingLocalCluster)
                             status.setStartingLocal();
                         else if (phase == models::WorkstationSession::Phase::StartingEngine)
                             status.setConnecting();
                     });
    QObject::connect(&session, &models::WorkstationSession::ready, window,
                     [&session, &status, window](const QString& conninfo) {
                         if (session.engine())
                             status.setEngine(session.engine());
                         else
                             status.setCollectedByServer();
                         window->openEvents(conninfo);
                         if (!session.demoListener().isEmpty())
                             window->showDemoListener(session.demoListener());
                     });
    QObject::connect(&session, &models::WorkstationSession::failed, window,
                     [&status, window](const QString& message) {
                         status.setFailed(message);
                         window->showStartupFailure(message);
                     });

    // A logout or Ctrl+C ends the event loop like Quit does, so the cleanup below still runs.
    vigie::app::UnixSignalQuit signalQuit;
    window->show();
    session.start();
    const int result = QApplication::exec();

    // The window (and its reader connection) goes first, then the engine and the server.
    delete window;
    status.setEngine(nullptr);
    session.stop();
    return result;
}
