#pragma once
// IncidentView: one incident ticket, as a ticketing tool shows it — a header ("#42" and the
// title, large), chips for severity, state, tier, priority, assignee, the SLA countdown (red once
// breached, refreshed every 30 s) and the ATT&CK tags, who opened it and when; a row of buttons
// with only the moves this analyst may make from the ticket's state (Resolve… and Escalate to
// L3… open their dialogs), Assign to me (Ctrl+Shift+A), Assign ▾ and Edit… (Ctrl+E); a message
// bar; and tabs: Overview (description, resolution), Alerts (Unlink, Open events), Events (note,
// raw line; Unlink), Timeline (alerts, events, comments and changes by time), Comments (Ctrl+Return
// posts) and History (the audit trail). Everything goes through IncidentService; each edit
// carries the version shown, and a stale one is refused: the bar says who changed the ticket
// and the current values show. Changes made elsewhere reload the ticket. After an escalation the
// escalation package is read and written (EscalationPackageWriter) into the folder chosen in the
// dialog, and the bar names the files with an "Open folder" link. GUI thread.
#include "search_bar.h"

#include "cases/incident_store.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

#include <optional>

class QAction;
class QFrame;
class QHBoxLayout;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTimer;
class QToolButton;

namespace vigie::models {
class IncidentService;
}

namespace vigie::widgets {

class EscalationDialog;
class IncidentEditDialog;
class ResolveDialog;

class IncidentView : public QWidget {
    Q_OBJECT
public:
    explicit IncidentView(models::IncidentService* service, QWidget* parent = nullptr);

    // Reads ticket `id` and shows it; 0 shows the "Select an incident" placeholder.
    void showIncident(qint64 id);
    qint64 incidentId() const { return id_; }
    // The ticket shown (nullopt while none is, or before the first read answered).
    const std::optional<cases::IncidentTicket>& ticket() const { return ticket_; }

    // The target states of the transition buttons shown, in order.
    QStringList transitionStates() const;
    QPushButton* transitionButton(const QString& state) const;
    QAction* assignToMeAction() const { return assignToMe_; }
    QAction* editAction() const { return edit_; }
    QAction* postCommentAction() const { return postComment_; }
    QMenu* assignMenu() const { return assignMenu_; }
    QTabWidget* tabs() const { return tabs_; }
    QPlainTextEdit* commentEdit() const { return commentEdit_; }
    QLabel* slaChip() const { return slaChip_; }
    // The message bar's text (plain), empty when hidden.
    QString messageText() const;
    // The dialogs while they are open (window-modal; null otherwise).
    ResolveDialog* resolveDialog() const;
    EscalationDialog* escalationDialog() const;
    IncidentEditDialog* editDialog() const;
    // True while a request of this view waits for its answer.
    bool isBusy() const { return !pending_.isEmpty(); }

public Q_SLOTS:
    // Moves the ticket to `state` (a shown transition): Resolve and Escalate open their dialog.
    void startTransition(const QString& state);
    void openEditDialog();
    void assignToMe();
    // Posts the comment editor's text; false when it is empty.
    bool postComment();

Q_SIGNALS:
    // Open events on a linked alert: the search to run.
    void openEventsRequested(const vigie::widgets::SearchEntry& entry);
    // The ticket was escalated and its package written to these files (PDF, JSON).
    void escalated(qint64 id, const QStringList& packageFiles);

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class Tone { Info, Success, Error };

    // Requests of this view: answers to others (the list's) are not its business.
    quint64 track(quint64 request);
    void onTicketLoaded(quint64 request, const cases::IncidentTicket& ticket);
    void onStaleRefused(quint64 request, const cases::IncidentTicket& current, const QString& message);
    void onFinished(quint64 request, const QString& error, qint64 id);
    void onPackageLoaded(quint64 request, const cases::EscalationPackage& package);
    void onChangedElsewhere(const QList<qint64>& ids);

    void update(const cases::IncidentChanges& changes);
    void assign(const std::optional<std::string>& analyst);
    void openResolveDialog();
    void openEscalationDialog();
    void unlinkCurrentAlert();
    void unlinkCurrentEvent();
    void openCurrentAlertEvents();

    // Fills every part from ticket_ (the header, the buttons, the tabs).
    void render();
    void renderHeader();
    void renderActions();
    void renderSla();
    void renderTabs();
    void updateTabActions();
    void showMessage(const QString& html, Tone tone);
    void retranslate();

    models::IncidentService* service_;
    qint64 id_ = 0;
    std::optional<cases::IncidentTicket> ticket_;

    QStackedWidget* stack_;
    QLabel* placeholder_;
    QWidget* page_;
    QLabel* number_;
    QLabel* title_;
    QHBoxLayout* chips_;
    QLabel* severityChip_;
    QLabel* stateChip_;
    QLabel* tierChip_;
    QLabel* priorityChip_;
    QLabel* assigneeChip_;
    QLabel* slaChip_;
    QList<QLabel*> tagChips_;
    QLabel* created_;
    QHBoxLayout* transitions_;
    QList<QPushButton*> transitionButtons_;
    QAction* assignToMe_;
    QAction* edit_;
    QToolButton* assignButton_;
    QMenu* assignMenu_;
    QFrame* messageBar_;
    QLabel* message_;
    QToolButton* closeMessage_;
    QTabWidget* tabs_;
    QTextBrowser* overview_;
    QTableWidget* alerts_;
    QPushButton* unlinkAlert_;
    QPushButton* openEvents_;
    QTableWidget* events_;
    QPushButton* unlinkEvent_;
    QTableWidget* timeline_;
    QTextBrowser* comments_;
    QPlainTextEdit* commentEdit_;
    QPushButton* post_;
    QAction* postComment_;
    QTableWidget* history_;
    QTimer* slaTimer_;

    QPointer<ResolveDialog> resolveDialog_;
    QPointer<EscalationDialog> escalationDialog_;
    QPointer<IncidentEditDialog> editDialog_;

    QSet<quint64> pending_; // this view's requests still unanswered
    quint64 escalateRequest_ = 0;
    quint64 packageRequest_ = 0;
    quint64 commentRequest_ = 0;
    QString packageDirectory_; // where the escalation being made writes its package
};

} // namespace vigie::widgets
