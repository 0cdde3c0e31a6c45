// AnomalySettingsDialog (anomaly_settings_dialog.h): the detector list, the form of the selected
// detector and the undoable on/off switch. GUI thread.
#include "anomaly_settings_dialog.h"

#include "anomaly_detector_service.h"
#include "event_search.h"
#include "request_command.h"

#include "query/query.h"
#include "utf8_text.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace vigie::widgets {
namespace {

using anomaly::DetectorKind;
using models::AnomalyDetectorModel;

constexpr int kRefreshMs = 5000;

// One switch of a detector on or off, as a request to the service.
class EnableDetectorCommand : public RequestCommand {
public:
    EnableDetectorCommand(models::AnomalyDetectorService* service, const QString& id, const QString& title,
                          bool enabled)
        : service_(service), id_(id), enabled_(enabled)
    {
        setText((enabled ? QCoreApplication::translate("vigie::widgets::AnomalySettingsDialog",
                                                       "Enable Detector “%1”")
                         : QCoreApplication::translate("vigie::widgets::AnomalySettingsDialog",
                                                       "Disable Detector “%1”"))
                    .arg(title));
    }
    void redo() override
    {
        if (!failed_)
            track(service_->setEnabled(id_, enabled_));
    }
    void undo() override
    {
        if (!failed_)
            track(service_->setEnabled(id_, !enabled_));
    }

private:
    models::AnomalyDetectorService* service_;
    QString id_;
    bool enabled_;
};

// The fields worth grouping by: the query language's columns, without times and free text.
QStringList groupingFields()
{
    QStringList fields;
    for (const auto field : query::knownFields()) {
        const QString name = QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size()));
        static const QStringList skipped{QStringLiteral("ts"),          QStringLiteral("received_at"),
                                         QStringLiteral("message"),     QStringLiteral("raw"),
                                         QStringLiteral("parse_error"), QStringLiteral("fields.")};
        if (!skipped.contains(name))
            fields << name;
    }
    return fields;
}

// Selects `value` in a field combo, adding it first when it is not offered (a fields.<key>).
void selectField(QComboBox* combo, const QString& value)
{
    int index = combo->findData(value);
    if (index < 0) {
        combo->addItem(value, value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

QSpinBox* spinBox(int minimum, int maximum, QWidget* parent)
{
    auto* spin = new QSpinBox(parent);
    spin->setRange(minimum, maximum);
    spin->setAccelerated(true);
    return spin;
}

} // namespace

AnomalySettingsDialog::AnomalySettingsDialog(models::AnomalyDetectorService* service, QWidget* parent)
    : QDialog(parent), service_(service), list_(new QTableView(this)), form_(new QFormLayout),
      enabled_(new QCheckBox(this)), title_(new QLineEdit(this)), query_(new QLineEdit(this)),
      queryError_(new QLabel(this)), successQuery_(new QLineEdit(this)), successError_(new QLabel(this)),
      entity_(new QComboBox(this)), key1_(new QComboBox(this)), key2_(new QComboBox(this)),
      window_(spinBox(1, 1440, this)), kRow_(new QWidget(this)), k_(new QDoubleSpinBox(kRow_)),
      kHint_(new QLabel(kRow_)), minCount_(spinBox(1, 1000000, this)), failures_(spinBox(2, 100000, this)),
      failureWindow_(spinBox(1, 1440, this)), successWithin_(spinBox(1, 1440, this)),
      maxCount_(spinBox(1, 1000, this)), learningDays_(spinBox(1, 365, this)), level_(new QComboBox(this)),
      progress_(new QProgressBar(this)), updated_(new QLabel(this)), message_(new QLabel(this)),
      kindLabel_(new QLabel(this)), save_(new QPushButton(this)), revert_(new QPushButton(this)),
      relearn_(new QPushButton(this)), close_(new QPushButton(this)), undo_(new QUndoStack(this)),
      undoAction_(nullptr), redoAction_(nullptr), refresh_(new QTimer(this))
{
    setObjectName(QStringLiteral("anomalySettingsDialog"));
    list_->setObjectName(QStringLiteral("anomalyDetectorList"));
    query_->setObjectName(QStringLiteral("anomalyQuery"));
    k_->setObjectName(QStringLiteral("anomalySensitivity"));
    save_->setObjectName(QStringLiteral("anomalySave"));
    relearn_->setObjectName(QStringLiteral("anomalyRelearn"));
    message_->setObjectName(QStringLiteral("anomalyMessage"));

    list_->setModel(service_->model());
    list_->setSelectionBehavior(QAbstractItemView::SelectRows);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list_->setAlternatingRowColors(true);
    list_->verticalHeader()->hide();
    list_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list_->horizontalHeader()->setSectionResizeMode(AnomalyDetectorModel::TitleColumn, QHeaderView::Stretch);
    // The form shows these for the selected detector; the list stays narrow.
    list_->setColumnHidden(AnomalyDetectorModel::SensitivityColumn, true);
    list_->setColumnHidden(AnomalyDetectorModel::UpdatedColumn, true);

    for (QLabel* error : {queryError_, successError_}) {
        error->setWordWrap(true);
        error->setTextFormat(Qt::PlainText);
        error->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    }
    const QStringList fields = groupingFields();
    for (const QString& field : fields) {
        entity_->addItem(field, field);
        key1_->addItem(field, field);
        key2_->addItem(field, field);
    }
    entity_->insertItem(0, QString(), QStringLiteral("none"));
    key2_->insertItem(0, QString(), QString());
    for (const char* level : {"", "low", "medium", "high", "critical"})
        level_->addItem(QString(), QString::fromLatin1(level));
    k_->setRange(1, 50);
    k_->setSingleStep(0.5);
    k_->setDecimals(1);
    kHint_->setEnabled(false); // a hint, greyed
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);
    message_->hide();
    updated_->setEnabled(false);
    progress_->setRange(0, 100);
    progress_->setTextVisible(true);

    auto* kLine = new QHBoxLayout(kRow_);
    kLine->setContentsMargins(0, 0, 0, 0);
    kLine->addWidget(k_);
    kLine->addWidget(kHint_, 1);
    // Each field with its label; rows of other kinds are hidden by showKindRows().
    auto addRow = [this](QWidget* field) {
        auto* label = new QLabel(this);
        label->setBuddy(field);
        labels_.append({label, field});
        form_->addRow(label, field);
    };
    form_->addRow(kindLabel_);
    addRow(enabled_);
    addRow(title_);
    addRow(query_);
    form_->addRow(QString(), queryError_);
    addRow(successQuery_);
    form_->addRow(QString(), successError_);
    addRow(entity_);
    addRow(key1_);
    addRow(key2_);
    addRow(window_);
    {
        auto* label = new QLabel(this);
        label->setBuddy(k_);
        labels_.append({label, k_});
        form_->addRow(label, kRow_);
    }
    addRow(minCount_);
    addRow(failures_);
    addRow(failureWindow_);
    addRow(successWithin_);
    addRow(maxCount_);
    addRow(learningDays_);
    addRow(level_);
    addRow(progress_);
    form_->addRow(QString(), updated_);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(save_, QDialogButtonBox::AcceptRole);
    buttons->addButton(revert_, QDialogButtonBox::ResetRole);
    buttons->addButton(relearn_, QDialogButtonBox::ActionRole);
    buttons->addButton(close_, QDialogButtonBox::RejectRole);
    save_->setAutoDefault(false);
    close_->setAutoDefault(false);

    auto* formWidget = new QWidget(this);
    auto* formColumn = new QVBoxLayout(formWidget);
    formColumn->setContentsMargins(0, 0, 0, 0);
    formColumn->addLayout(form_);
    formColumn->addStretch(1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(list_);
    splitter->addWidget(formWidget);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(message_);
    layout->addWidget(buttons);
    resize(1100, 620);

    undoAction_ = undo_->createUndoAction(this);
    redoAction_ = undo_->createRedoAction(this);
    undoAction_->setShortcut(QKeySequence::Undo);
    redoAction_->setShortcut(QKeySequence::Redo);
    addActions({undoAction_, redoAction_});
    auto* saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    addAction(saveAction);
    connect(saveAction, &QAction::triggered, this, &AnomalySettingsDialog::saveCurrent);
    auto* toggleAction = new QAction(list_);
    toggleAction->setShortcut(QKeySequence(Qt::Key_Space));
    toggleAction->setShortcutContext(Qt::WidgetShortcut);
    list_->addAction(toggleAction);
    connect(toggleAction, &QAction::triggered, this, [this] {
        if (const auto* row = currentRow())
            requestEnabled(row->id(), !row->config.enabled);
    });

    connect(list_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AnomalySettingsDialog::onCurrentChanged);
    connect(service_->model(), &QAbstractItemModel::dataChanged, this,
            &AnomalySettingsDialog::onModelChanged);
    connect(service_->model(), &QAbstractItemModel::modelReset, this, [this] {
        // A reset drops the selection: the detector being edited is selected again.
        if (!currentId_.isEmpty() && service_->model()->rowOfId(currentId_) >= 0) {
            const QString id = currentId_;
            currentId_.clear();
            selectDetector(id);
        } else if (service_->model()->rowCount() > 0) {
            list_->setCurrentIndex(service_->model()->index(0, AnomalyDetectorModel::TitleColumn));
        }
    });
    connect(service_->model(), &AnomalyDetectorModel::enableRequested, this,
            &AnomalySettingsDialog::requestEnabled);
    connect(service_, &models::AnomalyDetectorService::finished, this, &AnomalySettingsDialog::onFinished);
    connect(enabled_, &QCheckBox::clicked, this, [this](bool on) {
        if (!loading_ && !currentId_.isEmpty())
            requestEnabled(currentId_, on);
    });
    for (QLineEdit* edit : {title_, query_, successQuery_})
        connect(edit, &QLineEdit::textChanged, this, &AnomalySettingsDialog::updateValidity);
    for (QComboBox* combo : {entity_, key1_, key2_, level_})
        connect(combo, &QComboBox::currentIndexChanged, this, &AnomalySettingsDialog::updateValidity);
    for (QSpinBox* spin :
         {window_, minCount_, failures_, failureWindow_, successWithin_, maxCount_, learningDays_})
        connect(spin, &QSpinBox::valueChanged, this, &AnomalySettingsDialog::updateValidity);
    connect(k_, &QDoubleSpinBox::valueChanged, this, &AnomalySettingsDialog::updateValidity);
    connect(save_, &QPushButton::clicked, this, &AnomalySettingsDialog::saveCurrent);
    connect(revert_, &QPushButton::clicked, this, &AnomalySettingsDialog::revertCurrent);
    connect(relearn_, &QPushButton::clicked, this, &AnomalySettingsDialog::relearnCurrent);
    connect(close_, &QPushButton::clicked, this, &QDialog::reject);
    refresh_->setInterval(kRefreshMs);
    connect(refresh_, &QTimer::timeout, this, [this] {
        if (service_->pendingRequests() == 0)
            service_->reload();
    });

    showKindRows(DetectorKind::Rate); // calls retranslate()
    updateValidity();
    if (service_->model()->rowCount() > 0)
        list_->setCurrentIndex(service_->model()->index(0, AnomalyDetectorModel::TitleColumn));
}

const models::AnomalyDetectorRow* AnomalySettingsDialog::currentRow() const
{
    const int row = service_->model()->rowOfId(currentId_);
    return row < 0 ? nullptr : &service_->model()->detector(row);
}

bool AnomalySettingsDialog::selectDetector(const QString& id)
{
    const int row = service_->model()->rowOfId(id);
    if (row < 0)
        return false;
    list_->setCurrentIndex(service_->model()->index(row, AnomalyDetectorModel::TitleColumn));
    return true;
}

void AnomalySettingsDialog::onCurrentChanged()
{
    const QModelIndex current = list_->currentIndex();
    const QString id = current.isValid() ? current.data(AnomalyDetectorModel::IdRole).toString() : QString();
    if (id == currentId_)
        return;
    // Unsaved edits of the detector left are dropped: Save is one click and Revert is the default.
    currentId_ = id;
    message_->hide();
    if (const auto* row = currentRow()) {
        loadForm(row->config);
    } else {
        base_ = {};
        updateValidity();
    }
}

void AnomalySettingsDialog::onModelChanged()
{
    const auto* row = currentRow();
    if (!row || loading_)
        return;
    anomaly::DetectorConfig stored = row->config;
    if (!isDirty()) {
        if (stored != base_)
            loadForm(stored);
        else
            showState(*row);
        return;
    }
    // Only the switch or the version moved (the analyst's own on/off, say): the edits stay and
    // will be saved over that version. Anything else someone changed makes Save refuse.
    stored.enabled = base_.enabled;
    stored.version = base_.version;
    if (stored == base_) {
        base_.enabled = row->config.enabled;
        base_.version = row->config.version;
    }
    showState(*row);
}

void AnomalySettingsDialog::loadForm(const anomaly::DetectorConfig& config)
{
    loading_ = true;
    base_ = config;
    const auto& s = config.settings;
    title_->setText(models::qstr(config.title));
    query_->setText(models::qstr(s.query));
    successQuery_->setText(models::qstr(s.success_query));
    selectField(entity_, models::qstr(s.entity));
    selectField(key1_, models::qstr(s.key1));
    selectField(key2_, models::qstr(s.key2));
    window_->setValue(static_cast<int>(s.window.count()));
    k_->setValue(s.k);
    minCount_->setValue(static_cast<int>(s.min_count));
    failures_->setValue(static_cast<int>(s.failures));
    failureWindow_->setValue(static_cast<int>(s.failure_window.count()));
    successWithin_->setValue(static_cast<int>(s.success_within.count()));
    maxCount_->setValue(static_cast<int>(s.max_count));
    learningDays_->setValue(s.learning_days);
    level_->setCurrentIndex(std::max(0, level_->findData(models::qstr(s.level))));
    showKindRows(config.kind);
    if (const auto* row = currentRow())
        showState(*row);
    loading_ = false;
    updateValidity();
}

void AnomalySettingsDialog::showState(const models::AnomalyDetectorRow& row)
{
    const bool was = loading_;
    loading_ = true;
    enabled_->setChecked(row.config.enabled);
    loading_ = was;
    progress_->setValue(row.percentLearned());
    progress_->setFormat(AnomalyDetectorModel::learningText(row));
    updated_->setText(
        row.updatedBy.isEmpty()
            ? QString()
            : tr("Last changed by %1 on %2")
                  .arg(row.updatedBy, QLocale().toString(row.updated.toLocalTime(), QLocale::ShortFormat)));
}

void AnomalySettingsDialog::showKindRows(DetectorKind kind)
{
    const bool rate = kind == DetectorKind::Rate;
    const bool brute = kind == DetectorKind::BruteForce;
    const bool rare = kind == DetectorKind::Rare;
    const bool keys = !rate;
    form_->setRowVisible(successQuery_, brute);
    form_->setRowVisible(queryError_, !queryError_->text().isEmpty());
    form_->setRowVisible(successError_, brute && !successError_->text().isEmpty());
    form_->setRowVisible(entity_, rate);
    form_->setRowVisible(key1_, keys);
    form_->setRowVisible(key2_, keys);
    form_->setRowVisible(window_, rate);
    form_->setRowVisible(kRow_, rate);
    form_->setRowVisible(minCount_, rate);
    form_->setRowVisible(failures_, brute);
    form_->setRowVisible(failureWindow_, brute);
    form_->setRowVisible(successWithin_, brute);
    form_->setRowVisible(maxCount_, rare);
    form_->setRowVisible(learningDays_, !brute);
    retranslate(); // some labels depend on the kind
}

bool AnomalySettingsDialog::isDirty() const
{
    return !currentId_.isEmpty() && formConfig() != base_;
}

anomaly::DetectorConfig AnomalySettingsDialog::formConfig() const
{
    anomaly::DetectorConfig config = base_;
    auto& s = config.settings;
    config.title = title_->text().trimmed().toStdString();
    s.query = query_->text().trimmed().toStdString();
    s.level = level_->currentData().toString().toStdString();
    switch (config.kind) {
    case DetectorKind::Rate:
        s.entity = entity_->currentData().toString().toStdString();
        s.window = std::chrono::minutes(window_->value());
        s.k = k_->value();
        s.min_count = minCount_->value();
        s.learning_days = learningDays_->value();
        break;
    case DetectorKind::BruteForce:
        s.success_query = successQuery_->text().trimmed().toStdString();
        s.key1 = key1_->currentData().toString().toStdString();
        s.key2 = key2_->currentData().toString().toStdString();
        s.failures = failures_->value();
        s.failure_window = std::chrono::minutes(failureWindow_->value());
        s.success_within = std::chrono::minutes(successWithin_->value());
        break;
    case DetectorKind::Rare:
        s.max_count = maxCount_->value();
        [[fallthrough]];
    case DetectorKind::FirstSeen:
        s.key1 = key1_->currentData().toString().toStdString();
        s.key2 = key2_->currentData().toString().toStdString();
        s.learning_days = learningDays_->value();
        break;
    }
    return config;
}

void AnomalySettingsDialog::updateValidity()
{
    if (loading_)
        return;
    bool valid = !currentId_.isEmpty();
    // The queries are checked as typed, the error under the field (as in the search bar).
    const auto check = [this, &valid](QLineEdit* edit, QLabel* error) {
        const auto problem = models::checkSyntax(edit->text());
        error->setText(
            problem ? tr("Syntax error at character %1: %2").arg(problem->position + 1).arg(problem->message)
                    : QString());
        form_->setRowVisible(error, problem.has_value());
        valid = valid && !problem;
    };
    check(query_, queryError_);
    if (base_.kind == DetectorKind::BruteForce)
        check(successQuery_, successError_);
    QString problem;
    if (valid) {
        try {
            anomaly::validate(formConfig());
        } catch (const anomaly::DetectorConfigError& e) {
            problem = QString::fromStdString(e.what());
            valid = false;
        }
    }
    const bool dirty = isDirty();
    save_->setEnabled(valid && dirty);
    revert_->setEnabled(dirty);
    relearn_->setEnabled(!currentId_.isEmpty() && relearnRequest_ == 0);
    enabled_->setEnabled(!currentId_.isEmpty());
    if (!problem.isEmpty() && dirty)
        showMessage(tr("This cannot be saved: %1").arg(problem), true);
    else if (message_->property("invalid").toBool())
        message_->hide();
    message_->setProperty("invalid", !problem.isEmpty() && dirty);
}

void AnomalySettingsDialog::saveCurrent()
{
    if (!save_->isEnabled())
        return;
    saveRequest_ = service_->save(formConfig());
    save_->setEnabled(false);
}

void AnomalySettingsDialog::revertCurrent()
{
    if (const auto* row = currentRow())
        loadForm(row->config);
    message_->hide();
}

void AnomalySettingsDialog::relearnCurrent()
{
    const auto* row = currentRow();
    if (!row || confirm_)
        return;
    const QString id = row->id();
    confirm_ =
        new QMessageBox(QMessageBox::Question, tr("Relearn from History"),
                        tr("Relearn “%1” from history?").arg(row->title()), QMessageBox::NoButton, this);
    confirm_->setObjectName(QStringLiteral("relearnConfirmation"));
    confirm_->setInformativeText(tr(
        "What it has learned is forgotten and it reads up to %n day(s) of stored events again. It raises no "
        "alerts until it has learned.",
        nullptr, row->learningDays()));
    QPushButton* relearn = confirm_->addButton(tr("&Relearn"), QMessageBox::AcceptRole);
    confirm_->addButton(QMessageBox::Cancel);
    confirm_->setDefaultButton(QMessageBox::Cancel);
    confirm_->setAttribute(Qt::WA_DeleteOnClose);
    confirm_->setWindowModality(Qt::WindowModal);
    connect(confirm_, &QMessageBox::finished, this, [this, id, relearn] {
        if (confirm_ && confirm_->clickedButton() == relearn) {
            relearnRequest_ = service_->relearn(id);
            updateValidity();
        }
    });
    confirm_->open();
}

void AnomalySettingsDialog::requestEnabled(const QString& id, bool enabled)
{
    const int row = service_->model()->rowOfId(id);
    if (row < 0 || service_->model()->detector(row).config.enabled == enabled)
        return;
    const QString title = service_->model()->detector(row).title();
    undo_->push(new EnableDetectorCommand(service_, id, title, enabled));
    showMessage((enabled ? tr("“%1” switched on (%2 to undo).") : tr("“%1” switched off (%2 to undo)."))
                    .arg(title, QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
                false);
}

void AnomalySettingsDialog::onFinished(quint64 request, const QString& error, bool stale)
{
    RequestCommand::dispatch(undo_, request, error, 0);
    if (request == saveRequest_) {
        saveRequest_ = 0;
        if (error.isEmpty()) {
            if (const auto* row = currentRow())
                loadForm(row->config);
            showMessage(tr("Saved. The detector uses the new settings from its next window."), false);
            return;
        }
        if (stale) {
            // The model holds the colleague's version now: the form shows it.
            if (const auto* row = currentRow())
                loadForm(row->config);
        }
        showMessage(error, true);
        updateValidity();
        return;
    }
    if (request == relearnRequest_) {
        relearnRequest_ = 0;
        if (error.isEmpty()) {
            if (const auto* row = currentRow())
                showMessage(tr("“%1” is learning again from history.").arg(row->title()), false);
        } else {
            showMessage(error, true);
        }
        updateValidity();
        return;
    }
    if (!error.isEmpty())
        showMessage(error, true);
}

void AnomalySettingsDialog::showMessage(const QString& text, bool error)
{
    message_->setProperty("invalid", false);
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("QLabel { color: #b00020; }") : QString());
    message_->show();
}

QString AnomalySettingsDialog::queryErrorText() const
{
    return queryError_->text();
}

QString AnomalySettingsDialog::messageText() const
{
    return message_->isHidden() ? QString() : message_->text();
}

void AnomalySettingsDialog::showEvent(QShowEvent* event)
{
    refresh_->start();
    QDialog::showEvent(event);
}

void AnomalySettingsDialog::hideEvent(QHideEvent* event)
{
    refresh_->stop();
    QDialog::hideEvent(event);
}

void AnomalySettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        service_->model()->retranslate();
    }
    QDialog::changeEvent(event);
}

void AnomalySettingsDialog::retranslate()
{
    setWindowTitle(tr("Anomaly Detectors"));
    const DetectorKind kind = base_.kind;
    for (const auto& [label, field] : labels_) {
        QString text;
        if (field == enabled_)
            text = tr("State:");
        else if (field == title_)
            text = tr("T&itle:");
        else if (field == query_)
            text = kind == DetectorKind::BruteForce ? tr("Failures &query:") : tr("&Query:");
        else if (field == successQuery_)
            text = tr("Su&ccess query:");
        else if (field == entity_)
            text = tr("&Entity:");
        else if (field == key1_)
            text = kind == DetectorKind::Rare        ? tr("&Field:")
                   : kind == DetectorKind::FirstSeen ? tr("&Value:")
                                                     : tr("&Key:");
        else if (field == key2_)
            text = kind == DetectorKind::FirstSeen ? tr("Seen &on:") : tr("&Per:");
        else if (field == window_)
            text = tr("&Window:");
        else if (field == k_)
            text = tr("Sensitivit&y:");
        else if (field == minCount_)
            text = tr("&Minimum count:");
        else if (field == failures_)
            text = tr("&Failures:");
        else if (field == failureWindow_)
            text = tr("Failures &within:");
        else if (field == successWithin_)
            text = tr("Success wit&hin:");
        else if (field == maxCount_)
            text = tr("Rare &up to:");
        else if (field == learningDays_)
            text = tr("&Learning period:");
        else if (field == level_)
            text = tr("Le&vel:");
        else if (field == progress_)
            text = tr("Learning:");
        label->setText(text);
    }
    kindLabel_->setText(currentId_.isEmpty() ? tr("Select a detector.")
                                             : tr("%1 detector").arg(AnomalyDetectorModel::kindText(kind)));
    enabled_->setText(tr("&Enabled"));
    title_->setPlaceholderText(tr("What its alerts are called"));
    query_->setPlaceholderText(tr("Events it counts, in the search language (empty: all)"));
    successQuery_->setPlaceholderText(tr("The successful logins that follow"));
    entity_->setItemText(0, tr("(whole count)"));
    key2_->setItemText(0, tr("(none)"));
    entity_->setToolTip(tr("One baseline per value of this field"));
    window_->setSuffix(tr(" min"));
    failureWindow_->setSuffix(tr(" min"));
    successWithin_->setSuffix(tr(" min"));
    k_->setSuffix(tr(" deviations"));
    kHint_->setText(tr("higher = fewer alerts"));
    minCount_->setToolTip(tr("No alert below this many events in a window, however unusual"));
    maxCount_->setSuffix(tr(" times"));
    learningDays_->setSuffix(tr(" days"));
    level_->setItemText(0, tr("From the deviation"));
    level_->setItemText(1, tr("Low"));
    level_->setItemText(2, tr("Medium"));
    level_->setItemText(3, tr("High"));
    level_->setItemText(4, tr("Critical"));
    save_->setText(tr("&Save"));
    save_->setToolTip(tr("Store the changes (%1)")
                          .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    revert_->setText(tr("Rever&t"));
    relearn_->setText(tr("&Relearn from History…"));
    relearn_->setToolTip(tr("Forget what this detector learned and learn again from the stored events"));
    close_->setText(tr("&Close"));
    if (const auto* row = currentRow())
        showState(*row);
}

} // namespace vigie::widgets
