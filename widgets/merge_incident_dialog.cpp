// MergeIncidentDialog: the explanation, the target picker and the Merge button. GUI thread.
#include "merge_incident_dialog.h"

#include "incident_list_model.h"
#include "incident_picker.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigie::widgets {

MergeIncidentDialog::MergeIncidentDialog(models::IncidentListModel* model, qint64 source, QWidget* parent)
    : QDialog(parent), source_(source), explanation_(new QLabel(this)),
      picker_(new IncidentPicker(model, source, this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("mergeIncidentDialog"));
    setWindowTitle(tr("Merge Incident #%1").arg(source));
    const cases::IncidentListing* listing = model->listing(model->rowOfId(source));
    const QString title = listing ? QString::fromStdString(listing->incident.title) : QString();
    explanation_->setWordWrap(true);
    explanation_->setTextFormat(Qt::PlainText);
    explanation_->setText(
        tr("Merge #%1 “%2” into the incident chosen below, when both are the same case.\n"
           "Its alerts and events (with their notes) are added to the chosen incident, whose history "
           "records the merge, and #%1 ends in state Merged. This cannot be undone.")
            .arg(source)
            .arg(title));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation_);
    layout->addWidget(picker_, 1);
    layout->addWidget(buttons_);
    resize(720, 420);
    picker_->setFocus();

    connect(picker_, &IncidentPicker::incidentChanged, this, &MergeIncidentDialog::updateButton);
    connect(picker_, &IncidentPicker::incidentActivated, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButton();
}

qint64 MergeIncidentDialog::targetId() const
{
    return picker_->incidentId();
}

int MergeIncidentDialog::targetVersion() const
{
    return picker_->incidentVersion();
}

void MergeIncidentDialog::updateButton()
{
    QPushButton* ok = buttons_->button(QDialogButtonBox::Ok);
    const qint64 target = targetId();
    ok->setEnabled(target != 0);
    ok->setText(target != 0 ? tr("&Merge #%1 into #%2").arg(source_).arg(target) : tr("&Merge"));
}

} // namespace vigie::widgets
