#include "import_dialog.h"

#include "source_config.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace vigie::widgets {

ImportDialog::ImportDialog(QWidget* parent)
    : QDialog(parent), filesLabel_(new QLabel(this)), files_(new QListWidget(this)),
      add_(new QPushButton(this)), remove_(new QPushButton(this)), formatLabel_(new QLabel(this)),
      format_(new QComboBox(this)), hint_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("importDialog"));
    files_->setObjectName(QStringLiteral("importFiles"));
    format_->setObjectName(QStringLiteral("importFormat"));
    files_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    files_->setMinimumHeight(fontMetrics().height() * 6);
    for (const parse::Format format : models::SourceConfig::allFormats())
        format_->addItem(QString(), static_cast<int>(format));
    filesLabel_->setBuddy(files_);
    formatLabel_->setBuddy(format_);
    hint_->setWordWrap(true);

    auto* grid = new QGridLayout;
    grid->addWidget(filesLabel_, 0, 0, 1, 2);
    grid->addWidget(files_, 1, 0, 3, 1);
    grid->addWidget(add_, 1, 1);
    grid->addWidget(remove_, 2, 1);
    grid->setRowStretch(3, 1);
    grid->addWidget(formatLabel_, 4, 0, 1, 2);
    grid->addWidget(format_, 5, 0, 1, 2);
    grid->addWidget(hint_, 6, 0, 1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(buttons_);

    connect(add_, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(remove_, &QPushButton::clicked, this, [this] {
        qDeleteAll(files_->selectedItems());
        updateButtons();
    });
    connect(files_, &QListWidget::itemSelectionChanged, this, &ImportDialog::updateButtons);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
    updateButtons();
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);
}

void ImportDialog::setFiles(const QStringList& paths)
{
    files_->clear();
    addFiles(paths);
}

void ImportDialog::addFiles(const QStringList& paths)
{
    for (const QString& path : paths) {
        if (!files_->findItems(path, Qt::MatchExactly).isEmpty())
            continue;
        auto* item = new QListWidgetItem(QDir::toNativeSeparators(path), files_);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    updateButtons();
}

QStringList ImportDialog::files() const
{
    QStringList out;
    for (int i = 0; i < files_->count(); ++i)
        out << files_->item(i)->data(Qt::UserRole).toString();
    return out;
}

parse::Format ImportDialog::format() const
{
    return static_cast<parse::Format>(format_->currentData().toInt());
}

void ImportDialog::setFormat(parse::Format format)
{
    format_->setCurrentIndex(format_->findData(static_cast<int>(format)));
}

void ImportDialog::browse()
{
    QSettings settings;
    const QString folder = settings
                               .value(QStringLiteral("import/lastFolder"),
                                      QStandardPaths::writableLocation(QStandardPaths::HomeLocation))
                               .toString();
    auto* picker = new QFileDialog(this, tr("Import Log Files"), folder,
                                   tr("Log files (*.log *.txt *.json *.jsonl *.cef *.leef);;All files (*)"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setFileMode(QFileDialog::ExistingFiles);
    connect(picker, &QFileDialog::filesSelected, this, [this](const QStringList& paths) {
        if (!paths.isEmpty())
            QSettings().setValue(QStringLiteral("import/lastFolder"),
                                 QFileInfo(paths.first()).absolutePath());
        addFiles(paths);
    });
    picker->open();
}

void ImportDialog::updateButtons()
{
    remove_->setEnabled(!files_->selectedItems().isEmpty());
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(files_->count() > 0);
}

void ImportDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ImportDialog::retranslate()
{
    setWindowTitle(tr("Import Log Files"));
    filesLabel_->setText(tr("&Files to import, one after the other:"));
    add_->setText(tr("&Add Files…"));
    remove_->setText(tr("&Remove"));
    formatLabel_->setText(tr("&Read them as:"));
    for (int i = 0; i < format_->count(); ++i)
        format_->setItemText(
            i, models::SourceConfig::formatLabel(static_cast<parse::Format>(format_->itemData(i).toInt())));
    hint_->setText(tr("One record per line (or octet-counted syslog). Each file appears as its own source, "
                      "“import: <file name>”, in the Ingest status panel."));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
}

} // namespace vigie::widgets
