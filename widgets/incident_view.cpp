// IncidentView (incident_view.h): the ticket's header, actions, message bar and tabs. GUI thread.
#include "incident_view.h"

#include "alert_queue_panel.h"
#include "alert_row.h"
#include "escalation_dialog.h"
#include "escalation_package_writer.h"
#include "incident_edit_dialog.h"
#include "incident_labels.h"
#include "incident_service.h"
#include "incident_time.h"
#include "resolve_dialog.h"
#include "severity_delegate.h"
#include "utf8_text.h"

#include "cases/incident_rules.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace vigie::widgets {
namespace {

using models::IncidentLabels;
using models::qstr;

constexpr int kSlaRefreshMs = 30000;

// The syslog severity whose colour an incident severity takes (as alert levels do).
int syslogSeverity(const std::string& severity)
{
    if (severity == "critical")
        return 2;
    if (severity == "high")
        return 3;
    if (severity == "medium")
        return 4;
    return 5;
}

QColor stateColour(const std::string& state)
{
    if (state == "new")
        return QColor(0x1f, 0x5f, 0xb0);
    if (state == "triage" || state == "in_progress")
        return QColor(0x00, 0x79, 0x6b);
    if (state == "escalated")
        return QColor(0x6a, 0x1b, 0x9a);
    if (state == "resolved")
        return QColor(0x2e, 0x7d, 0x32);
    return QColor(0x61, 0x61, 0x61); // closed, false positive, merged
}

// A filled rounded chip: white text on `colour` reads on light and dark themes alike.
void setChip(QLabel* chip, const QString& text, const QColor& colour)
{
    chip->setText(text);
    chip->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; border-radius: 9px; "
                                       "padding: 2px 9px; font-weight: bold; }")
                            .arg(colour.name()));
}

// An outlined chip for secondary facts (priority, assignee, tags).
void setOutlineChip(QLabel* chip, const QString& text)
{
    chip->setText(text);
    chip->setStyleSheet(
        QStringLiteral("QLabel { border: 1px solid palette(mid); border-radius: 9px; padding: 1px 8px; }"));
}

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setToolTip(text.size() > 60 ? text : QString());
    return item;
}

QTableWidget* table(QWidget* parent, const QString& name)
{
    auto* view = new QTableWidget(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8); // one line a row
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

void setHeaders(QTableWidget* view, const QStringList& headers)
{
    view->setColumnCount(int(headers.size()));
    view->setHorizontalHeaderLabels(headers);
}

// "New → Triage" for a history row that changed a field; empty otherwise.
QString changedValues(const cases::HistoryEntry& change)
{
    if (!change.field)
        return {};
    return IncidentLabels::change(qstr(*change.field), qstr(change.old_value.value_or(std::string())),
                                  qstr(change.new_value.value_or(std::string())));
}

QString html(const std::string& text)
{
    return qstr(text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

IncidentView::IncidentView(models::IncidentService* service, QWidget* parent)
    : QWidget(parent), service_(service), stack_(new QStackedWidget(this)), placeholder_(new QLabel(this)),
      page_(new QWidget(this)), number_(new QLabel(page_)), title_(new QLabel(page_)),
      chips_(new QHBoxLayout), severityChip_(new QLabel(page_)), stateChip_(new QLabel(page_)),
      tierChip_(new QLabel(page_)), priorityChip_(new QLabel(page_)), assigneeChip_(new QLabel(page_)),
      slaChip_(new QLabel(page_)), created_(new QLabel(page_)), transitions_(new QHBoxLayout),
      assignToMe_(new QAction(this)), edit_(new QAction(this)), assignButton_(new QToolButton(page_)),
      assignMenu_(new QMenu(this)), messageBar_(new QFrame(page_)), message_(new QLabel(messageBar_)),
      closeMessage_(new QToolButton(messageBar_)), tabs_(new QTabWidget(page_)),
      overview_(new QTextBrowser(page_)), alerts_(table(page_, QStringLiteral("incidentAlerts"))),
      unlinkAlert_(new QPushButton(page_)), openEvents_(new QPushButton(page_)),
      events_(table(page_, QStringLiteral("incidentEvents"))), unlinkEvent_(new QPushButton(page_)),
      timeline_(table(page_, QStringLiteral("incidentTimeline"))), comments_(new QTextBrowser(page_)),
      commentEdit_(new QPlainTextEdit(page_)), post_(new QPushButton(page_)), postComment_(new QAction(this)),
      history_(table(page_, QStringLiteral("incidentHistory"))), slaTimer_(new QTimer(this))
{
    setObjectName(QStringLiteral("incidentView"));
    placeholder_->setObjectName(QStringLiteral("incidentPlaceholder"));
    title_->setObjectName(QStringLiteral("incidentTitle"));
    slaChip_->setObjectName(QStringLiteral("incidentSla"));
    message_->setObjectName(QStringLiteral("incidentMessage"));
    assignToMe_->setObjectName(QStringLiteral("assignToMeAction"));
    edit_->setObjectName(QStringLiteral("editIncidentAction"));
    postComment_->setObjectName(QStringLiteral("postCommentAction"));
    commentEdit_->setObjectName(QStringLiteral("incidentCommentEdit"));
    tabs_->setObjectName(QStringLiteral("incidentTabs"));

    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setForegroundRole(QPalette::PlaceholderText);
    placeholder_->setWordWrap(true);

    // Header: "#42" greyed and the title in a larger bold font, then the chips.
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    number_->setFont(big);
    number_->setForegroundRole(QPalette::PlaceholderText);
    title_->setFont(big);
    title_->setWordWrap(true);
    title_->setTextFormat(Qt::PlainText);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(number_, 0, Qt::AlignTop);
    titleRow->addWidget(title_, 1);
    chips_->setSpacing(6);
    for (QLabel* chip : {severityChip_, stateChip_, tierChip_, priorityChip_, assigneeChip_, slaChip_})
        chips_->addWidget(chip);
    chips_->addStretch();
    created_->setForegroundRole(QPalette::PlaceholderText);

    // Actions: the allowed moves (rebuilt per ticket), then assignment and editing.
    assignToMe_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    edit_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    // Only while the incident view has the focus: Ctrl+Shift+A elsewhere opens the Alerts dock.
    for (QAction* action : {assignToMe_, edit_}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    auto* assignToMeButton = new QToolButton(page_);
    assignToMeButton->setDefaultAction(assignToMe_);
    auto* editButton = new QToolButton(page_);
    editButton->setDefaultAction(edit_);
    assignButton_->setObjectName(QStringLiteral("assignButton"));
    assignButton_->setMenu(assignMenu_);
    assignButton_->setPopupMode(QToolButton::InstantPopup);
    auto* actionRow = new QHBoxLayout;
    actionRow->addLayout(transitions_);
    actionRow->addStretch();
    actionRow->addWidget(assignToMeButton);
    actionRow->addWidget(assignButton_);
    actionRow->addWidget(editButton);

    // The message bar: a sentence (with links) and a close button.
    messageBar_->setObjectName(QStringLiteral("incidentMessageBar"));
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::RichText);
    message_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    closeMessage_->setAutoRaise(true);
    closeMessage_->setText(QStringLiteral("✕"));
    auto* messageLayout = new QHBoxLayout(messageBar_);
    messageLayout->setContentsMargins(8, 4, 4, 4);
    messageLayout->addWidget(message_, 1);
    messageLayout->addWidget(closeMessage_, 0, Qt::AlignTop);
    messageBar_->hide();

    // Tabs.
    overview_->setOpenLinks(false);
    auto* alertsPage = new QWidget(tabs_);
    auto* alertsLayout = new QVBoxLayout(alertsPage);
    auto* alertButtons = new QHBoxLayout;
    alertButtons->addWidget(openEvents_);
    alertButtons->addWidget(unlinkAlert_);
    alertButtons->addStretch();
    alertsLayout->addLayout(alertButtons);
    alertsLayout->addWidget(alerts_);
    auto* eventsPage = new QWidget(tabs_);
    auto* eventsLayout = new QVBoxLayout(eventsPage);
    auto* eventButtons = new QHBoxLayout;
    eventButtons->addWidget(unlinkEvent_);
    eventButtons->addStretch();
    eventsLayout->addLayout(eventButtons);
    eventsLayout->addWidget(events_);
    auto* commentsPage = new QWidget(tabs_);
    auto* commentsLayout = new QVBoxLayout(commentsPage);
    commentEdit_->setTabChangesFocus(true);
    commentEdit_->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    postComment_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    postComment_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    commentsPage->addAction(postComment_);
    auto* postRow = new QHBoxLayout;
    postRow->addStretch();
    postRow->addWidget(post_);
    commentsLayout->addWidget(comments_, 1);
    commentsLayout->addWidget(commentEdit_);
    commentsLayout->addLayout(postRow);
    tabs_->addTab(overview_, QString());
    tabs_->addTab(alertsPage, QString());
    tabs_->addTab(eventsPage, QString());
    tabs_->addTab(timeline_, QString());
    tabs_->addTab(commentsPage, QString());
    tabs_->addTab(history_, QString());

    auto* pageLayout = new QVBoxLayout(page_);
    pageLayout->addLayout(titleRow);
    pageLayout->addLayout(chips_);
    pageLayout->addWidget(created_);
    pageLayout->addLayout(actionRow);
    pageLayout->addWidget(messageBar_);
    pageLayout->addWidget(tabs_, 1);
    stack_->addWidget(placeholder_);
    stack_->addWidget(page_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack_);

    slaTimer_->setInterval(kSlaRefreshMs);
    connect(slaTimer_, &QTimer::timeout, this, &IncidentView::renderSla);
    connect(assignToMe_, &QAction::triggered, this, &IncidentView::assignToMe);
    connect(edit_, &QAction::triggered, this, &IncidentView::openEditDialog);
    connect(postComment_, &QAction::triggered, this, &IncidentView::postComment);
    connect(post_, &QPushButton::clicked, this, &IncidentView::postComment);
    connect(commentEdit_, &QPlainTextEdit::textChanged, this, &IncidentView::updateTabActions);
    connect(unlinkAlert_, &QPushButton::clicked, this, &IncidentView::unlinkCurrentAlert);
    connect(openEvents_, &QPushButton::clicked, this, &IncidentView::openCurrentAlertEvents);
    connect(alerts_, &QTableWidget::cellDoubleClicked, this, &IncidentView::openCurrentAlertEvents);
    connect(unlinkEvent_, &QPushButton::clicked, this, &IncidentView::unlinkCurrentEvent);
    connect(alerts_, &QTableWidget::itemSelectionChanged, this, &IncidentView::updateTabActions);
    connect(events_, &QTableWidget::itemSelectionChanged, this, &IncidentView::updateTabActions);
    connect(closeMessage_, &QToolButton::clicked, messageBar_, &QWidget::hide);
    connect(message_, &QLabel::linkActivated, this,
            [](const QString& link) { QDesktopServices::openUrl(QUrl(link)); });

    connect(service_, &models::IncidentService::ticketLoaded, this, &IncidentView::onTicketLoaded);
    connect(service_, &models::IncidentService::staleRefused, this, &IncidentView::onStaleRefused);
    connect(service_, &models::IncidentService::finished, this, &IncidentView::onFinished);
    connect(service_, &models::IncidentService::packageLoaded, this, &IncidentView::onPackageLoaded);
    connect(service_, &models::IncidentService::changedElsewhere, this, &IncidentView::onChangedElsewhere);
    // The analysts and the allowed moves are known once the service has loaded.
    connect(service_, &models::IncidentService::loaded, this, &IncidentView::render);

    retranslate();
}

quint64 IncidentView::track(quint64 request)
{
    if (request != 0)
        pending_.insert(request);
    return request;
}

void IncidentView::showIncident(qint64 id)
{
    if (id != id_) {
        messageBar_->hide();
        ticket_.reset();
    }
    id_ = id;
    if (id_ != 0)
        track(service_->open(id_));
    render();
}

QStringList IncidentView::transitionStates() const
{
    QStringList states;
    for (const QPushButton* button : transitionButtons_)
        states << button->property("state").toString();
    return states;
}

QPushButton* IncidentView::transitionButton(const QString& state) const
{
    for (QPushButton* button : transitionButtons_) {
        if (button->property("state").toString() == state)
            return button;
    }
    return nullptr;
}

ResolveDialog* IncidentView::resolveDialog() const
{
    return resolveDialog_;
}

EscalationDialog* IncidentView::escalationDialog() const
{
    return escalationDialog_;
}

IncidentEditDialog* IncidentView::editDialog() const
{
    return editDialog_;
}

QString IncidentView::messageText() const
{
    if (messageBar_->isHidden())
        return {};
    QTextDocument document;
    document.setHtml(message_->text());
    return document.toPlainText();
}

void IncidentView::onTicketLoaded(quint64 request, const cases::IncidentTicket& ticket)
{
    if (ticket.incident.id != id_ || id_ == 0)
        return;
    // Another request's answer (the list's, or a change elsewhere) is as good as our own read.
    Q_UNUSED(request)
    ticket_ = ticket;
    render();
}

void IncidentView::onStaleRefused(quint64 request, const cases::IncidentTicket& current,
                                  const QString& message)
{
    if (!pending_.contains(request) || current.incident.id != id_)
        return;
    Q_UNUSED(message) // the service's sentence is generic; the bar names who changed it
    ticket_ = current;
    render();
    showMessage(tr("%1 changed this incident meanwhile; the current values are shown. Your change was not "
                   "saved: make it again if it still applies.")
                    .arg(qstr(current.incident.updated_by).toHtmlEscaped()),
                Tone::Error);
    pending_.remove(request); // answered: finished()'s error is this same refusal
    if (request == escalateRequest_)
        escalateRequest_ = 0;
    if (request == commentRequest_)
        commentRequest_ = 0;
}

void IncidentView::onFinished(quint64 request, const QString& error, qint64 id)
{
    if (!pending_.remove(request))
        return;
    if (request == escalateRequest_) {
        escalateRequest_ = 0;
        if (error.isEmpty()) {
            packageRequest_ = track(service_->loadPackage(id));
            showMessage(tr("Incident #%1 escalated to level 3; writing the escalation package…").arg(id),
                        Tone::Info);
            return;
        }
    }
    if (request == packageRequest_ && !error.isEmpty()) {
        packageRequest_ = 0;
        showMessage(tr("Incident #%1 was escalated, but its escalation package could not be read: %2")
                        .arg(id)
                        .arg(error.toHtmlEscaped()),
                    Tone::Error);
        return;
    }
    if (request == commentRequest_) {
        commentRequest_ = 0;
        if (error.isEmpty())
            commentEdit_->clear();
    }
    if (!error.isEmpty()) {
        if (id_ != 0 && !ticket_ && id == id_)
            placeholder_->setText(tr("Incident #%1 could not be read: %2").arg(id).arg(error));
        showMessage(error.toHtmlEscaped(), Tone::Error);
    }
    render();
}

void IncidentView::onPackageLoaded(quint64 request, const cases::EscalationPackage& package)
{
    if (request != packageRequest_)
        return;
    packageRequest_ = 0;
    pending_.remove(request);
    EscalationPackageWriter::Files files;
    QString error;
    const qint64 id = package.incident.id;
    if (!EscalationPackageWriter::write(package, packageDirectory_, &files, &error)) {
        showMessage(tr("Incident #%1 was escalated, but its escalation package could not be written: %2")
                        .arg(id)
                        .arg(error.toHtmlEscaped()),
                    Tone::Error);
        return;
    }
    const QStringList written{files.pdf, files.json};
    QStringList names;
    for (const QString& file : written)
        names << QFileInfo(file).fileName().toHtmlEscaped();
    const QString folder = QUrl::fromLocalFile(QFileInfo(files.pdf).absolutePath()).toString();
    showMessage(tr("Incident #%1 escalated to level 3. Escalation package written: %2.")
                        .arg(id)
                        .arg(names.join(QStringLiteral(", "))) +
                    QStringLiteral(" <a href=\"%1\">%2</a>").arg(folder.toHtmlEscaped(), tr("Open folder")),
                Tone::Success);
    Q_EMIT escalated(id, written);
}

void IncidentView::onChangedElsewhere(const QList<qint64>& ids)
{
    // Our own requests answer with the ticket; a change by anyone else is read again.
    if (id_ != 0 && ids.contains(id_) && pending_.isEmpty())
        track(service_->open(id_));
}

void IncidentView::update(const cases::IncidentChanges& changes)
{
    if (ticket_)
        track(service_->update(id_, ticket_->incident.version, changes));
}

void IncidentView::assign(const std::optional<std::string>& analyst)
{
    cases::IncidentChanges changes;
    changes.assignee = analyst;
    update(changes);
}

void IncidentView::assignToMe()
{
    if (ticket_ && assignToMe_->isEnabled())
        assign(service_->analyst().name);
}

void IncidentView::startTransition(const QString& state)
{
    if (!ticket_ || !transitionStates().contains(state))
        return;
    if (state == QLatin1String("resolved"))
        openResolveDialog();
    else if (state == QLatin1String("escalated"))
        openEscalationDialog();
    else
        track(service_->transition(id_, ticket_->incident.version, state));
}

void IncidentView::openResolveDialog()
{
    const int version = ticket_->incident.version;
    const qint64 id = id_;
    auto* dialog =
        new ResolveDialog(QStringLiteral("#%1 %2").arg(id).arg(qstr(ticket_->incident.title)), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, version] {
        track(
            service_->transition(id, version, QStringLiteral("resolved"), dialog->code(), dialog->summary()));
    });
    resolveDialog_ = dialog;
    dialog->open();
}

void IncidentView::openEscalationDialog()
{
    const int version = ticket_->incident.version;
    const qint64 id = id_;
    auto* dialog = new EscalationDialog(*ticket_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, version] {
        packageDirectory_ = dialog->packageDirectory();
        escalateRequest_ = track(service_->escalate(id, version, dialog->request()));
    });
    escalationDialog_ = dialog;
    dialog->open();
}

void IncidentView::openEditDialog()
{
    if (!ticket_ || !edit_->isEnabled())
        return;
    const int version = ticket_->incident.version;
    const qint64 id = id_;
    auto* dialog = new IncidentEditDialog(ticket_->incident, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, version] {
        if (!dialog->isUnchanged())
            track(service_->update(id, version, dialog->changes()));
    });
    editDialog_ = dialog;
    dialog->open();
}

bool IncidentView::postComment()
{
    const QString body = commentEdit_->toPlainText().trimmed();
    if (!ticket_ || body.isEmpty() || commentRequest_ != 0)
        return false;
    commentRequest_ = track(service_->comment(id_, body));
    updateTabActions();
    return commentRequest_ != 0;
}

void IncidentView::unlinkCurrentAlert()
{
    const int row = alerts_->currentRow();
    if (ticket_ && row >= 0 && row < int(ticket_->alerts.size()))
        track(service_->unlinkAlert(id_, ticket_->alerts[size_t(row)].id));
}

void IncidentView::unlinkCurrentEvent()
{
    const int row = events_->currentRow();
    if (ticket_ && row >= 0 && row < int(ticket_->events.size()))
        track(service_->unlinkEvent(id_, ticket_->events[size_t(row)].ref));
}

void IncidentView::openCurrentAlertEvents()
{
    const int row = alerts_->currentRow();
    if (!ticket_ || row < 0 || row >= int(ticket_->alerts.size()))
        return;
    // The alert queue's search for the same alert: its host and entity over its time.
    const cases::LinkedAlert& linked = ticket_->alerts[size_t(row)];
    models::AlertRow alert;
    alert.host = qstr(linked.host);
    alert.entity = qstr(linked.entity);
    alert.firstSeen = models::utcDateTime(linked.first_ts);
    alert.lastSeen = models::utcDateTime(linked.last_ts);
    Q_EMIT openEventsRequested(AlertQueuePanel::eventsSearch(alert));
}

void IncidentView::render()
{
    if (id_ == 0 || !ticket_) {
        stack_->setCurrentWidget(placeholder_);
        slaTimer_->stop();
        if (id_ == 0)
            placeholder_->setText(tr("Select an incident to see it here."));
        else if (!pending_.isEmpty())
            placeholder_->setText(tr("Reading incident #%1…").arg(id_));
        return;
    }
    stack_->setCurrentWidget(page_);
    renderHeader();
    renderActions();
    renderTabs();
    slaTimer_->start();
}

void IncidentView::renderHeader()
{
    const cases::Incident& incident = ticket_->incident;
    number_->setText(QStringLiteral("#%1").arg(incident.id));
    title_->setText(qstr(incident.title));
    setChip(severityChip_, IncidentLabels::severity(qstr(incident.severity)),
            SeverityDelegate::colourFor(syslogSeverity(incident.severity)));
    setChip(stateChip_, IncidentLabels::state(qstr(incident.state)), stateColour(incident.state));
    setChip(tierChip_, IncidentLabels::tier(qstr(incident.tier)), QColor(0x45, 0x5a, 0x64));
    setOutlineChip(priorityChip_, tr("Priority %1").arg(incident.priority));
    setOutlineChip(assigneeChip_,
                   incident.assignee ? tr("Assignee: %1").arg(qstr(*incident.assignee)) : tr("Unassigned"));
    renderSla();

    qDeleteAll(tagChips_);
    tagChips_.clear();
    for (const auto& tag : incident.attack_tags) {
        auto* chip = new QLabel(page_);
        setOutlineChip(chip, qstr(tag));
        chips_->insertWidget(chips_->count() - 1, chip);
        tagChips_ << chip;
    }
    QString created =
        tr("Opened by %1 on %2").arg(qstr(incident.created_by), incidentTimeText(incident.created_at));
    if (incident.updated_at != incident.created_at)
        created += QStringLiteral(" · ") +
                   tr("last changed by %1 on %2")
                       .arg(qstr(incident.updated_by), incidentTimeText(incident.updated_at));
    if (incident.merged_into)
        created += QStringLiteral(" · ") + tr("merged into #%1").arg(*incident.merged_into);
    created_->setText(created);
}

void IncidentView::renderSla()
{
    if (!ticket_)
        return;
    const cases::Incident& incident = ticket_->incident;
    const QDateTime due = models::utcDateTime(incident.sla_due);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    slaChip_->setToolTip(tr("SLA due %1").arg(QLocale().toString(due.toLocalTime(), QLocale::ShortFormat)));
    if (!cases::isOpenState(incident.state)) {
        setOutlineChip(slaChip_, tr("SLA: stopped"));
        return;
    }
    const QString text = tr("SLA: %1").arg(IncidentLabels::slaCountdown(due, now));
    if (due <= now)
        setChip(slaChip_, text, QColor(0xc6, 0x28, 0x28));
    else
        setOutlineChip(slaChip_, text);
}

void IncidentView::renderActions()
{
    const cases::Incident& incident = ticket_->incident;
    qDeleteAll(transitionButtons_);
    transitionButtons_.clear();
    const QString from = qstr(incident.state);
    for (const QString& state : service_->allowedTransitions(incident)) {
        auto* button = new QPushButton(IncidentLabels::transitionAction(from, state), page_);
        button->setObjectName(QStringLiteral("transition_") + state);
        button->setProperty("state", state);
        connect(button, &QPushButton::clicked, this, [this, state] { startTransition(state); });
        transitions_->addWidget(button);
        transitionButtons_ << button;
    }

    const bool editable = service_->mayEdit(incident);
    const std::string& me = service_->analyst().name;
    assignToMe_->setEnabled(editable && !me.empty() && incident.assignee != me);
    edit_->setEnabled(editable);
    assignButton_->setEnabled(editable);
    assignMenu_->clear();
    for (const cases::Analyst& analyst : service_->analysts()) {
        QAction* action = assignMenu_->addAction(
            tr("%1 (%2)").arg(qstr(analyst.name), IncidentLabels::tier(qstr(analyst.tier))));
        action->setCheckable(true);
        action->setChecked(incident.assignee == analyst.name);
        const std::string name = analyst.name;
        connect(action, &QAction::triggered, this, [this, name] { assign(name); });
    }
    assignMenu_->addSeparator();
    QAction* nobody = assignMenu_->addAction(tr("Unassigned"));
    nobody->setCheckable(true);
    nobody->setChecked(!incident.assignee);
    connect(nobody, &QAction::triggered, this, [this] { assign(std::nullopt); });
}

void IncidentView::renderTabs()
{
    const cases::IncidentTicket& ticket = *ticket_;
    const cases::Incident& incident = ticket.incident;

    QString overview = QStringLiteral("<h3>%1</h3>").arg(tr("Description").toHtmlEscaped());
    overview += incident.description.empty()
                    ? QStringLiteral("<p><i>%1</i></p>").arg(tr("No description.").toHtmlEscaped())
                    : QStringLiteral("<p>%1</p>").arg(html(incident.description));
    if (incident.resolution_code) {
        overview += QStringLiteral("<h3>%1</h3><p><b>%2</b></p><p>%3</p>")
                        .arg(tr("Resolution").toHtmlEscaped(),
                             IncidentLabels::resolutionCode(qstr(*incident.resolution_code)).toHtmlEscaped(),
                             html(incident.resolution_summary.value_or(std::string())));
    }
    overview_->setHtml(overview);

    alerts_->setRowCount(int(ticket.alerts.size()));
    for (int row = 0; row < int(ticket.alerts.size()); ++row) {
        const cases::LinkedAlert& alert = ticket.alerts[size_t(row)];
        const QStringList texts{IncidentLabels::severity(qstr(alert.level)),
                                qstr(alert.rule_title),
                                qstr(alert.host),
                                models::AlertRow::readableEntity(qstr(alert.entity)),
                                QString::number(alert.count),
                                incidentTimeText(alert.first_ts),
                                incidentTimeText(alert.last_ts),
                                qstr(alert.added_by)};
        for (int column = 0; column < texts.size(); ++column)
            alerts_->setItem(row, column, cell(texts[column]));
    }
    events_->setRowCount(int(ticket.events.size()));
    for (int row = 0; row < int(ticket.events.size()); ++row) {
        const cases::LinkedEvent& event = ticket.events[size_t(row)];
        const QStringList texts{incidentTimeText(event.ref.ts),
                                qstr(event.host),
                                qstr(event.app),
                                event.stored ? qstr(event.message) : tr("(removed by retention)"),
                                qstr(event.note),
                                qstr(event.added_by),
                                qstr(event.raw)};
        for (int column = 0; column < texts.size(); ++column)
            events_->setItem(row, column, cell(texts[column]));
    }

    // The timeline: every dated fact of the ticket, oldest first.
    struct Entry {
        Timestamp at;
        QString kind;
        QString who;
        QString what;
    };
    std::vector<Entry> entries;
    for (const auto& alert : ticket.alerts)
        entries.push_back({alert.first_ts, tr("Alert"), qstr(alert.host),
                           tr("%1 (%2, last seen %3)")
                               .arg(qstr(alert.rule_title), IncidentLabels::severity(qstr(alert.level)),
                                    incidentTimeText(alert.last_ts))});
    for (const auto& event : ticket.events)
        entries.push_back({event.ref.ts, tr("Event"), qstr(event.host),
                           event.note.empty()
                               ? qstr(event.message)
                               : tr("%1 — note: %2").arg(qstr(event.message), qstr(event.note))});
    for (const auto& comment : ticket.comments)
        entries.push_back(
            {comment.created_at, tr("Comment"), qstr(comment.author), qstr(comment.body).simplified()});
    for (const auto& change : ticket.history) {
        QString what =
            IncidentLabels::historyAction(qstr(change.action), qstr(change.field.value_or(std::string())));
        if (const QString values = changedValues(change); !values.isEmpty())
            what = tr("%1: %2").arg(what, values);
        entries.push_back({change.at, tr("Change"), qstr(change.actor), what});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.at < b.at; });
    timeline_->setRowCount(int(entries.size()));
    for (int row = 0; row < int(entries.size()); ++row) {
        const Entry& entry = entries[size_t(row)];
        const QStringList texts{incidentTimeText(entry.at), entry.kind, entry.who, entry.what};
        for (int column = 0; column < texts.size(); ++column)
            timeline_->setItem(row, column, cell(texts[column]));
    }

    QString comments;
    for (const auto& comment : ticket.comments) {
        comments += QStringLiteral("<p><b>%1</b> <span style=\"color:gray\">%2</span><br>%3</p>")
                        .arg(qstr(comment.author).toHtmlEscaped(),
                             incidentTimeText(comment.created_at).toHtmlEscaped(), html(comment.body));
    }
    if (comments.isEmpty())
        comments = QStringLiteral("<p><i>%1</i></p>").arg(tr("No comments yet.").toHtmlEscaped());
    comments_->setHtml(comments);

    history_->setRowCount(int(ticket.history.size()));
    for (int row = 0; row < int(ticket.history.size()); ++row) {
        const cases::HistoryEntry& change = ticket.history[size_t(row)];
        const QString values =
            change.field ? changedValues(change) : qstr(change.detail.value_or(std::string()));
        const QStringList texts{
            incidentTimeText(change.at), qstr(change.actor),
            IncidentLabels::historyAction(qstr(change.action), qstr(change.field.value_or(std::string()))),
            values};
        for (int column = 0; column < texts.size(); ++column)
            history_->setItem(row, column, cell(texts[column]));
    }
    for (QTableWidget* view : {alerts_, events_, timeline_, history_})
        view->resizeColumnsToContents();

    tabs_->setTabText(1, tr("Alerts (%1)").arg(ticket.alerts.size()));
    tabs_->setTabText(2, tr("Events (%1)").arg(ticket.events.size()));
    tabs_->setTabText(4, tr("Comments (%1)").arg(ticket.comments.size()));
    updateTabActions();
}

void IncidentView::updateTabActions()
{
    const bool editable = ticket_ && service_->mayEdit(ticket_->incident);
    unlinkAlert_->setEnabled(editable && alerts_->currentRow() >= 0 && !alerts_->selectedItems().isEmpty());
    openEvents_->setEnabled(alerts_->currentRow() >= 0 && !alerts_->selectedItems().isEmpty());
    unlinkEvent_->setEnabled(editable && events_->currentRow() >= 0 && !events_->selectedItems().isEmpty());
    const bool canPost = ticket_ && ticket_->incident.state != "merged" && commentRequest_ == 0 &&
                         !commentEdit_->toPlainText().trimmed().isEmpty();
    post_->setEnabled(canPost);
    postComment_->setEnabled(canPost);
}

void IncidentView::showMessage(const QString& text, Tone tone)
{
    static const char* const styles[] = {
        "QFrame#incidentMessageBar { background: #e3f2fd; border: 1px solid #90caf9; border-radius: 4px; }"
        " QLabel { color: #0d47a1; }",
        "QFrame#incidentMessageBar { background: #e8f5e9; border: 1px solid #a5d6a7; border-radius: 4px; }"
        " QLabel { color: #1b5e20; }",
        "QFrame#incidentMessageBar { background: #fdecea; border: 1px solid #f5c6cb; border-radius: 4px; }"
        " QLabel { color: #b71c1c; }"};
    messageBar_->setStyleSheet(QString::fromLatin1(styles[int(tone)]));
    message_->setText(text);
    messageBar_->setVisible(!text.isEmpty());
}

void IncidentView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void IncidentView::retranslate()
{
    assignToMe_->setText(tr("Assign to &Me"));
    assignToMe_->setToolTip(
        tr("Take this incident (%1)").arg(assignToMe_->shortcut().toString(QKeySequence::NativeText)));
    edit_->setText(tr("&Edit…"));
    edit_->setToolTip(tr("Edit the title, description, severity, priority and tags (%1)")
                          .arg(edit_->shortcut().toString(QKeySequence::NativeText)));
    assignButton_->setText(tr("Assign"));
    assignButton_->setToolTip(tr("Assign this incident to an analyst"));
    closeMessage_->setToolTip(tr("Close this message"));
    postComment_->setText(tr("Post Comment"));
    post_->setText(tr("&Post Comment"));
    post_->setToolTip(
        tr("Post the comment (%1)").arg(postComment_->shortcut().toString(QKeySequence::NativeText)));
    commentEdit_->setPlaceholderText(tr("Add a comment for the other analysts…"));
    unlinkAlert_->setText(tr("&Unlink Alert"));
    openEvents_->setText(tr("&Open Events"));
    openEvents_->setToolTip(tr("Search the events of this alert's host and entity around its time"));
    unlinkEvent_->setText(tr("U&nlink Event"));
    tabs_->setTabText(0, tr("Overview"));
    tabs_->setTabText(1, tr("Alerts"));
    tabs_->setTabText(2, tr("Events"));
    tabs_->setTabText(3, tr("Timeline"));
    tabs_->setTabText(4, tr("Comments"));
    tabs_->setTabText(5, tr("History"));
    setHeaders(alerts_, {tr("Level"), tr("Rule"), tr("Host"), tr("Entity"), tr("Events"), tr("First seen"),
                         tr("Last seen"), tr("Linked by")});
    setHeaders(events_, {tr("Time"), tr("Host"), tr("Application"), tr("Message"), tr("Note"),
                         tr("Linked by"), tr("Raw line")});
    setHeaders(timeline_, {tr("When"), tr("Type"), tr("Actor or host"), tr("Details")});
    setHeaders(history_, {tr("When"), tr("Who"), tr("What"), tr("Old → new")});
    render();
}

} // namespace vigie::widgets
