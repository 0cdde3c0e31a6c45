#pragma once
// SourceDialog: adds or edits one source — name, protocol, address, port, format, enabled, and
// for TLS the certificate, key and client CA files (pickers enabled only for TLS). Problems are
// shown under the field they concern, once the field was touched or OK was pressed, and OK
// only accepts a source that can be saved; a TLS file missing on this computer is a warning,
// not a refusal (the engine's own error then shows in the source's row). Shows values; saves
// nothing itself. GUI thread.
#include "source_config.h"

#include <QDialog>
#include <QSet>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace vigie::widgets {

class SourceDialog : public QDialog {
    Q_OBJECT
public:
    // `otherNames`: names of the other sources, which this one may not take.
    SourceDialog(const models::SourceConfig& source, QStringList otherNames, QWidget* parent = nullptr);

    models::SourceConfig source() const;
    // The problem shown under a field, empty when none is shown.
    QString problemText(models::SourceConfig::Field field) const;

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct FileRow {
        QLineEdit* edit = nullptr;
        QToolButton* browse = nullptr;
        QLabel* label = nullptr;
    };
    QLabel* makeMessageLabel(const QString& objectName);
    QWidget* makeFileRow(FileRow& row, const QString& objectName);
    void browse(QLineEdit* edit, const QString& caption, bool key);
    void onProtocolChanged();
    void touch(models::SourceConfig::Field field);
    void validate();
    void retranslate();

    models::SourceConfig original_;
    QStringList otherNames_;
    QSet<models::SourceConfig::Field> touched_;
    bool showAll_ = false;

    QFormLayout* form_;
    QLineEdit* name_;
    QComboBox* protocol_;
    QLineEdit* address_;
    QSpinBox* port_;
    QComboBox* format_;
    QCheckBox* enabled_;
    QGroupBox* tls_;
    QFormLayout* tlsForm_;
    FileRow certificate_;
    FileRow privateKey_;
    FileRow clientCa_;
    QMap<models::SourceConfig::Field, QLabel*> messages_;
    QLabel* tlsHint_;
    QDialogButtonBox* buttons_;
};

} // namespace vigie::widgets
