#pragma once
// LanguageSwitcher: installs the translators of the chosen interface language — Vigie's own
// catalogue embedded under :/i18n and Qt's qtbase catalogue when the system has it — and
// remembers the choice in QSettings (ui/language). Installing a translator makes Qt send
// QEvent::LanguageChange to every window, which retranslates itself. GUI thread.
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

namespace vigie::widgets {

class LanguageSwitcher : public QObject {
    Q_OBJECT
public:
    explicit LanguageSwitcher(QObject* parent = nullptr);
    ~LanguageSwitcher() override;

    // Language codes with a catalogue: "en" (the source language) and "fr".
    static QStringList availableLanguages();
    // The name of a language in that language ("Français"), the same in every locale.
    static QString nativeName(const QString& code);
    // The first available language of the system's preferred UI languages, else "en".
    static QString systemLanguage();
    // The choice saved in settings, else the system language.
    static QString preferredLanguage();

    QString language() const { return language_; }
    // Installs `code`'s translators. Returns false (and changes nothing) for an unknown code
    // or a catalogue that cannot be loaded. With `remember`, saves the choice.
    bool setLanguage(const QString& code, bool remember = false);

Q_SIGNALS:
    void languageChanged(const QString& code);

private:
    void removeTranslators();

    QString language_;
    std::unique_ptr<QTranslator> appTranslator_;
    std::unique_ptr<QTranslator> qtTranslator_;
};

} // namespace vigie::widgets
