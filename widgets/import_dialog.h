#pragma once
// ImportDialog: File > Import… — the log files to import (chosen with the file picker, or
// given by the caller) and the format to read them as (Automatic by default). Chooses; imports
// nothing itself. GUI thread.
#include "parse/record_parser.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace vigie::widgets {

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(QWidget* parent = nullptr);

    void setFiles(const QStringList& paths);
    QStringList files() const;
    parse::Format format() const;
    void setFormat(parse::Format format);

public Q_SLOTS:
    // Opens the file picker (window-modal, without blocking); the chosen files are added.
    void browse();

protected:
    void changeEvent(QEvent* event) override;

private:
    void addFiles(const QStringList& paths);
    void updateButtons();
    void retranslate();

    QLabel* filesLabel_;
    QListWidget* files_;
    QPushButton* add_;
    QPushButton* remove_;
    QLabel* formatLabel_;
    QComboBox* format_;
    QLabel* hint_;
    QDialogButtonBox* buttons_;
};

} // namespace vigie::widgets
