#include "language_switcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace vigie::widgets {
namespace {

const QString settingsKey = QStringLiteral("ui/language");
const QString sourceLanguage = QStringLiteral("en");

} // namespace

LanguageSwitcher::LanguageSwitcher(QObject* parent) : QObject(parent), language_(sourceLanguage) {}

LanguageSwitcher::~LanguageSwitcher()
{
    removeTranslators();
}

QStringList LanguageSwitcher::availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("fr")};
}

QString LanguageSwitcher::nativeName(const QString& code)
{
    // Not translated on purpose: each language is offered under its own name.
    if (code == QLatin1String("fr"))
        return QStringLiteral("Français");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

QString LanguageSwitcher::systemLanguage()
{
    const QStringList available = availableLanguages();
    for (const QString& uiLanguage : QLocale::system().uiLanguages()) {
        const QString code = uiLanguage.section(QLatin1Char('-'), 0, 0).toLower();
        if (available.contains(code))
            return code;
    }
    return sourceLanguage;
}

QString LanguageSwitcher::preferredLanguage()
{
    const QString saved = QSettings().value(settingsKey).toString();
    return availableLanguages().contains(saved) ? saved : systemLanguage();
}

void LanguageSwitcher::removeTranslators()
{
    if (appTranslator_)
        QCoreApplication::removeTranslator(appTranslator_.get());
    if (qtTranslator_)
        QCoreApplication::removeTranslator(qtTranslator_.get());
    appTranslator_.reset();
    qtTranslator_.reset();
}

bool LanguageSwitcher::setLanguage(const QString& code, bool remember)
{
    if (!availableLanguages().contains(code))
        return false;
    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;
    if (code != sourceLanguage) {
        app = std::make_unique<QTranslator>();
        if (!app->load(QStringLiteral(":/i18n/vigie_%1.qm").arg(code)))
            return false;
        qt = std::make_unique<QTranslator>();
        // Qt's own strings (standard buttons, context menus) when the system ships them.
        if (!qt->load(QStringLiteral("qtbase_%1").arg(code),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            qt.reset();
    }
    removeTranslators();
    appTranslator_ = std::move(app);
    qtTranslator_ = std::move(qt);
    // Numbers follow the interface language (1 234,5 in French).
    QLocale::setDefault(QLocale(code == QLatin1String("fr") ? QLocale::French : QLocale::English));
    if (qtTranslator_)
        QCoreApplication::installTranslator(qtTranslator_.get());
    if (appTranslator_)
        QCoreApplication::installTranslator(appTranslator_.get());
    const bool changed = language_ != code;
    language_ = code;
    if (remember)
        QSettings().setValue(settingsKey, code);
    if (changed)
        Q_EMIT languageChanged(code);
    return true;
}

} // namespace vigie::widgets
