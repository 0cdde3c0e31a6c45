// The Language menu switches the interface live: the table headers, menus and status bar
// turn French, and back.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "engine_status.h"
#include "event_table_model.h"
#include "ingest_status_bar.h"
#include "ingest_status_model.h"
#include "ingest_status_panel.h"
#include "language_switcher.h"
#include "main_window.h"
#include "source_config.h"

#include <QAction>
#include <QMenu>
#include <QSettings>

using namespace vigie;
using models::EventTableModel;

namespace {

QString header(const EventTableModel* model, int column)
{
    return model->headerData(column, Qt::Horizontal).toString();
}

TEST(LanguageTest, LanguageMenuSwitchesToFrenchAndBack)
{
    models::EngineStatus status;
    widgets::LanguageSwitcher languages;
    ASSERT_TRUE(languages.setLanguage(QStringLiteral("en")));
    widgets::MainWindow window(&status, &languages);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto* fileMenu = window.findChild<QMenu*>(QStringLiteral("fileMenu"));
    ASSERT_NE(fileMenu, nullptr);
    EXPECT_EQ(fileMenu->title(), QStringLiteral("&File"));
    EXPECT_EQ(header(window.eventModel(), EventTableModel::TimeColumn), QStringLiteral("Time"));

    auto* french = window.findChild<QAction*>(QStringLiteral("languageAction_fr"));
    auto* english = window.findChild<QAction*>(QStringLiteral("languageAction_en"));
    ASSERT_NE(french, nullptr);
    ASSERT_NE(english, nullptr);
    EXPECT_TRUE(english->isChecked());
    french->trigger();
    QCoreApplication::processEvents();

    EXPECT_EQ(languages.language(), QStringLiteral("fr"));
    EXPECT_TRUE(french->isChecked());
    EXPECT_FALSE(english->isChecked());
    EXPECT_EQ(fileMenu->title(), QStringLiteral("&Fichier"));
    EXPECT_EQ(header(window.eventModel(), EventTableModel::TimeColumn), QStringLiteral("Horodatage"));
    EXPECT_EQ(header(window.eventModel(), EventTableModel::SeverityColumn), QStringLiteral("Gravité"));
    EXPECT_EQ(header(window.eventModel(), EventTableModel::HostColumn), QStringLiteral("Hôte"));
    EXPECT_EQ(EventTableModel::severityName(4), QStringLiteral("avertissement"));
    EXPECT_EQ(window.ingestStatusBar()->databaseText(), QStringLiteral("Aucune base de données"));
    // The ingest docks and the sources' vocabulary follow.
    EXPECT_EQ(window.ingestStatusPanel()->windowTitle(), QStringLiteral("État de la collecte"));
    EXPECT_EQ(window.ingestStatusPanel()->model()->headerData(models::IngestStatusModel::ParseErrorsColumn,
                                                              Qt::Horizontal),
              QStringLiteral("Erreurs d’analyse"));
    EXPECT_EQ(models::SourceConfig::formatLabel(parse::Format::Auto), QStringLiteral("Automatique"));
    EXPECT_EQ(models::SourceConfig().problems().value(models::SourceConfig::Field::Name),
              QStringLiteral("Donnez un nom à la source."));
    // The choice is remembered.
    EXPECT_EQ(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("fr"));
    EXPECT_EQ(widgets::LanguageSwitcher::preferredLanguage(), QStringLiteral("fr"));

    english->trigger();
    QCoreApplication::processEvents();
    EXPECT_EQ(fileMenu->title(), QStringLiteral("&File"));
    EXPECT_EQ(header(window.eventModel(), EventTableModel::TimeColumn), QStringLiteral("Time"));
    EXPECT_EQ(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
    QSettings().remove(QStringLiteral("ui/language"));
}

} // namespace
