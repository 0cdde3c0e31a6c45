// LinkToIncidentDialog: the picker of open tickets, the note and the Add button. GUI thread.
#include "link_to_incident_dialog.h"

#include "incident_picker.h"
#include "incident_service.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigie::widgets {

LinkToIncidentDialog::LinkToIncidentDialog(models::IncidentService* service, int itemCount, bool withNote,
                                           QWidget* parent)
    : QDialog(parent), withNote_(withNote), explanation_(new QLabel(this)),
      picker_(new IncidentPicker(service->model(), 0, this)), note_(new QLineEdit(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("linkToIncidentDialog"));
    note_->setObjectName(QStringLiteral("incidentLinkNote"));
    setWindowTitle(tr("Add to Incident"));
    explanation_->setWordWrap(true);
    explanation_->setText(withNote
                              ? tr("Add %n event(s) to the open incident chosen below.", nullptr, itemCount)
                              : tr("Add %n alert(s) to the open incident chosen below.", nullptr, itemCount));
    note_->setPlaceholderText(
        tr("Why these events matter (optional), e.g. “first login from the new address”"));
    note_->setClearButtonEnabled(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation_);
    layout->addWidget(picker_, 1);
    if (withNote) {
        auto* form = new QFormLayout;
        auto* label = new QLabel(tr("&Note:"), this);
        label->setBuddy(note_);
        form->addRow(label, note_);
        layout->addLayout(form);
    } else {
        note_->hide();
    }
    layout->addWidget(buttons_);
    resize(720, 420);
    picker_->setFocus();

    connect(picker_, &IncidentPicker::incidentChanged, this, &LinkToIncidentDialog::updateButton);
    connect(picker_, &IncidentPicker::incidentActivated, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButton();
}

qint64 LinkToIncidentDialog::incidentId() const
{
    return picker_->incidentId();
}

QString LinkToIncidentDialog::note() const
{
    return withNote_ ? note_->text().trimmed() : QString();
}

void LinkToIncidentDialog::updateButton()
{
    QPushButton* ok = buttons_->button(QDialogButtonBox::Ok);
    const qint64 id = incidentId();
    ok->setEnabled(id != 0);
    ok->setText(id != 0 ? tr("&Add to #%1").arg(id) : tr("&Add"));
}

} // namespace vigie::widgets
