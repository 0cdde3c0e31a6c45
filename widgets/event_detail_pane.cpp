#include "event_detail_pane.h"

#include "event_table_model.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace vigie::widgets {
namespace {

const char* const facilityNames[] = {"kern",   "user",   "mail",   "daemon", "auth",     "syslog",
                                     "lpr",    "news",   "uucp",   "cron",   "authpriv", "ftp",
                                     "ntp",    "audit",  "alert",  "clock",  "local0",   "local1",
                                     "local2", "local3", "local4", "local5", "local6",   "local7"};

QString optionalNumber(const std::optional<int>& value)
{
    return value ? QString::number(*value) : QString();
}

QString localTime(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t"));
}

} // namespace

EventDetailPane::EventDetailPane(QWidget* parent)
    : QWidget(parent), stack_(new QStackedWidget(this)), placeholder_(new QLabel(this)),
      parseError_(new QLabel(this)), form_(new QGridLayout), fieldsTitle_(new QLabel(this)),
      fields_(new QPlainTextEdit(this)), rawTitle_(new QLabel(this)), raw_(new QPlainTextEdit(this)),
      copyRaw_(new QPushButton(this))
{
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    placeholder_->setEnabled(false);

    parseError_->setObjectName(QStringLiteral("parseError"));
    parseError_->setWordWrap(true);
    parseError_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    parseError_->setStyleSheet(
        QStringLiteral("QLabel { background: #fbe3e3; color: #8a1414; border: 1px solid #e0a0a0;"
                       " border-radius: 3px; padding: 4px; }"));

    // A grid rather than a QFormLayout: Qt 6.4's QFormLayout writes out of bounds in
    // heightForWidth once rows are hidden with setRowVisible (seen under valgrind here).
    form_->setColumnStretch(1, 1);
    for (int field = 0; field < FieldCount; ++field) {
        auto* value = new QLabel(this);
        value->setObjectName(QStringLiteral("detail_%1").arg(QLatin1String(fieldName(Field(field)))));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setTextFormat(Qt::PlainText);
        // Wrapping keeps a long value (a message, a long host name) from widening the pane.
        value->setWordWrap(true);
        value->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(value, &QWidget::customContextMenuRequested, this,
                [this, field](const QPoint& position) { showValueMenu(Field(field), position); });
        values_[field] = value;
        auto* label = new QLabel(this);
        label->setBuddy(value);
        label->setAlignment(Qt::AlignRight | Qt::AlignTop);
        labels_[field] = label;
        form_->addWidget(label, field, 0);
        form_->addWidget(value, field, 1);
    }

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fields_->setObjectName(QStringLiteral("detailFields"));
    fields_->setReadOnly(true);
    fields_->setFont(mono);
    fields_->setMaximumHeight(fields_->fontMetrics().lineSpacing() * 8);
    raw_->setObjectName(QStringLiteral("detailRaw"));
    raw_->setReadOnly(true);
    raw_->setFont(mono);
    raw_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    raw_->setMinimumHeight(raw_->fontMetrics().lineSpacing() * 4);
    copyRaw_->setObjectName(QStringLiteral("copyRawLine"));
    connect(copyRaw_, &QPushButton::clicked, this, &EventDetailPane::copyRawLine);

    auto* details = new QWidget;
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->addWidget(parseError_);
    detailsLayout->addLayout(form_);
    detailsLayout->addWidget(fieldsTitle_);
    detailsLayout->addWidget(fields_);
    auto* rawHeader = new QHBoxLayout;
    rawHeader->addWidget(rawTitle_);
    rawHeader->addStretch();
    rawHeader->addWidget(copyRaw_);
    detailsLayout->addLayout(rawHeader);
    detailsLayout->addWidget(raw_, 1);

    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(details);

    stack_->addWidget(placeholder_);
    stack_->addWidget(scroll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack_);

    retranslate();
    clear();
}

const char* EventDetailPane::fieldName(Field field)
{
    static const char* const names[FieldCount] = {
        "id",       "ts",        "received_at", "host",    "app",       "pid",       "severity",
        "facility", "category",  "action",      "outcome", "user_name", "source_ip", "source_port",
        "dest_ip",  "dest_port", "process",     "format",  "message"};
    return names[field];
}

QString EventDetailPane::fieldLabel(Field field) const
{
    switch (field) {
    case Id:
        return tr("Event ID");
    case Time:
        return tr("Time");
    case ReceivedAt:
        return tr("Received");
    case Host:
        return tr("Host");
    case App:
        return tr("Application");
    case Pid:
        return tr("Process ID");
    case Severity:
        return tr("Severity");
    case Facility:
        return tr("Facility");
    case Category:
        return tr("Category");
    case Action:
        return tr("Action");
    case Outcome:
        return tr("Outcome");
    case UserName:
        return tr("User");
    case SourceIp:
        return tr("Source IP");
    case SourcePort:
        return tr("Source port");
    case DestIp:
        return tr("Destination IP");
    case DestPort:
        return tr("Destination port");
    case Process:
        return tr("Process");
    case Format:
        return tr("Format");
    case Message:
        return tr("Message");
    case FieldCount:
        break;
    }
    return {};
}

void EventDetailPane::retranslate()
{
    placeholder_->setText(tr("Select an event to see all of its fields and the raw line."));
    for (int field = 0; field < FieldCount; ++field) {
        labels_[field]->setText(tr("%1:").arg(fieldLabel(Field(field))));
    }
    fieldsTitle_->setText(tr("Other fields"));
    rawTitle_->setText(tr("Raw line"));
    copyRaw_->setText(tr("&Copy raw line"));
    copyRaw_->setToolTip(tr("Copy the record exactly as received to the clipboard"));
    fill();
}

void EventDetailPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EventDetailPane::setEvent(const models::EventRow& event)
{
    event_ = event;
    fill();
}

void EventDetailPane::clear()
{
    event_.reset();
    fill();
}

void EventDetailPane::fill()
{
    stack_->setCurrentIndex(event_ ? 1 : 0);
    copyRaw_->setEnabled(event_.has_value());
    if (!event_) {
        for (QLabel* value : values_)
            value->clear();
        parseError_->hide();
        fields_->clear();
        raw_->clear();
        return;
    }
    const models::EventRow& e = *event_;
    values_[Id]->setText(QString::number(e.id));
    values_[Time]->setText(localTime(e.ts));
    values_[ReceivedAt]->setText(localTime(e.received_at));
    values_[Host]->setText(e.host);
    values_[App]->setText(e.app);
    values_[Pid]->setText(optionalNumber(e.pid));
    values_[Severity]->setText(
        e.severity ? tr("%1 (%2)").arg(models::EventTableModel::severityName(*e.severity)).arg(*e.severity)
                   : QString());
    if (e.facility && *e.facility >= 0 && *e.facility < int(std::size(facilityNames)))
        values_[Facility]->setText(
            tr("%1 (%2)").arg(QLatin1String(facilityNames[*e.facility])).arg(*e.facility));
    else
        values_[Facility]->setText(optionalNumber(e.facility));
    values_[Category]->setText(e.category);
    values_[Action]->setText(e.action);
    values_[Outcome]->setText(e.outcome);
    values_[UserName]->setText(e.user_name);
    values_[SourceIp]->setText(e.source_ip);
    values_[SourcePort]->setText(optionalNumber(e.source_port));
    values_[DestIp]->setText(e.dest_ip);
    values_[DestPort]->setText(optionalNumber(e.dest_port));
    values_[Process]->setText(e.process);
    values_[Format]->setText(e.format);
    values_[Message]->setText(e.message);
    // Fields the record did not have take no room.
    for (int field = 0; field < FieldCount; ++field) {
        const bool present = !values_[field]->text().isEmpty();
        labels_[field]->setVisible(present);
        values_[field]->setVisible(present);
    }

    const QJsonObject fields = QJsonDocument::fromJson(e.fields.toUtf8()).object();
    if (e.parse_error) {
        const QString reason = fields.value(QStringLiteral("parse_error")).toString();
        parseError_->setText(reason.isEmpty() ? tr("This record did not parse; it is stored as received.")
                                              : tr("This record did not parse: %1").arg(reason));
        parseError_->show();
    } else {
        parseError_->hide();
    }
    const bool hasFields = !fields.isEmpty();
    fieldsTitle_->setVisible(hasFields);
    fields_->setVisible(hasFields);
    fields_->setPlainText(hasFields ? QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Indented))
                                    : QString());
    raw_->setPlainText(e.raw);
}

QString EventDetailPane::rawText() const
{
    return raw_->toPlainText();
}

QString EventDetailPane::fieldText(const QString& name) const
{
    for (int field = 0; field < FieldCount; ++field) {
        if (name == QLatin1String(fieldName(Field(field))))
            return values_[field]->text();
    }
    return {};
}

std::optional<QString> EventDetailPane::queryValue(Field field) const
{
    if (!event_)
        return std::nullopt;
    const models::EventRow& e = *event_;
    auto number = [](const std::optional<int>& value) {
        return value ? std::optional<QString>(QString::number(*value)) : std::nullopt;
    };
    auto text = [](const QString& value) {
        return value.isEmpty() ? std::nullopt : std::optional<QString>(value);
    };
    switch (field) {
    case Host:
        return text(e.host);
    case App:
        return text(e.app);
    case Pid:
        return number(e.pid);
    case Severity:
        return number(e.severity);
    case Facility:
        return number(e.facility);
    case Category:
        return text(e.category);
    case Action:
        return text(e.action);
    case Outcome:
        return text(e.outcome);
    case UserName:
        return text(e.user_name);
    case SourceIp:
        return text(e.source_ip);
    case SourcePort:
        return number(e.source_port);
    case DestIp:
        return text(e.dest_ip);
    case DestPort:
        return number(e.dest_port);
    case Process:
        return text(e.process);
    case Format:
        return text(e.format);
    default: // the id and the times are not worth an equality filter
        return std::nullopt;
    }
}

QList<QAction*> EventDetailPane::pivotActions(const QString& name, QObject* parent)
{
    QList<QAction*> actions;
    for (int f = 0; f < FieldCount; ++f) {
        const Field field = Field(f);
        if (name != QLatin1String(fieldName(field)))
            continue;
        const auto value = queryValue(field);
        if (!value)
            return actions;
        auto* filterFor = new QAction(tr("Filter for this value"), parent);
        filterFor->setObjectName(QStringLiteral("filterFor"));
        connect(filterFor, &QAction::triggered, this,
                [this, name, v = *value] { Q_EMIT filterRequested(name, v, false); });
        auto* filterOut = new QAction(tr("Filter out this value"), parent);
        filterOut->setObjectName(QStringLiteral("filterOut"));
        connect(filterOut, &QAction::triggered, this,
                [this, name, v = *value] { Q_EMIT filterRequested(name, v, true); });
        actions << filterFor << filterOut;
        if (field == Host || field == UserName || field == SourceIp) {
            const QString text = field == Host       ? tr("Search this host ±15 minutes")
                                 : field == UserName ? tr("Search this user ±15 minutes")
                                                     : tr("Search this source IP ±15 minutes");
            auto* around = new QAction(text, parent);
            around->setObjectName(QStringLiteral("searchAround"));
            connect(around, &QAction::triggered, this,
                    [this, name, v = *value, ts = event_->ts] { Q_EMIT searchAroundRequested(name, v, ts); });
            actions << around;
        }
        return actions;
    }
    return actions;
}

void EventDetailPane::showValueMenu(Field field, const QPoint& position)
{
    QLabel* label = values_[field];
    QMenu menu(this);
    menu.addActions(pivotActions(QLatin1String(fieldName(field)), &menu));
    if (!menu.isEmpty())
        menu.addSeparator();
    QAction* copy = menu.addAction(tr("Copy value"));
    const QString shown = label->hasSelectedText() ? label->selectedText() : label->text();
    connect(copy, &QAction::triggered, this, [shown] { QApplication::clipboard()->setText(shown); });
    menu.exec(label->mapToGlobal(position));
}

void EventDetailPane::copyRawLine() const
{
    if (event_)
        QApplication::clipboard()->setText(event_->raw);
}

} // namespace vigie::widgets
