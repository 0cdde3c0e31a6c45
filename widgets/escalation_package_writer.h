#pragma once
// EscalationPackageWriter: writes the escalation package the level-3 team receives — a PDF
// report for people and a JSON file for their tools — from the ticket as escalated
// (cases::EscalationPackage: the ticket, the escalation, the evidence with raw lines, the
// timeline and the comments), in the analyst's language (the installed translators; JSON keys
// stay English, its labels are translated). Called on the GUI thread after the package was read
// on the incident worker; the files are small (a few pages).
#include "cases/incident_store.h"

#include <QCoreApplication>
#include <QString>

namespace vigie::widgets {

class EscalationPackageWriter {
    Q_DECLARE_TR_FUNCTIONS(EscalationPackageWriter)
public:
    struct Files {
        QString pdf;
        QString json;
    };
    // ~/Documents/Vigie/escalations (QStandardPaths::DocumentsLocation).
    static QString defaultDirectory();
    // Writes INC-<id>-escalation-<yyyyMMdd-HHmm>.pdf and .json into `directory` (created when
    // missing). False with *error (a sentence for the analyst) on failure.
    static bool write(const cases::EscalationPackage& package, const QString& directory, Files* files,
                      QString* error);
};

} // namespace vigie::widgets
