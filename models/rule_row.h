#pragma once
// RuleRow: one stored Sigma text of the `detection_rules` table (migration 0008) as the rule
// manager lists it, with the verdict of the checker; RuleImportReport: what an import did with
// each file and document. Plain values passed from the rule worker to the GUI thread in queued
// calls. Any thread.
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace vigie::models {

struct RuleRow {
    qint64 id = 0;
    QString name;   // the file name it was imported from, or the title it was written with
    QString title;  // its last correlation's title (the top of a chain), else its first rule's; empty: none
    QString level;  // Sigma level of that document as written (informational ... critical)
    QString origin; // "builtin", "imported" or "custom"
    QString logsource; // of its first rule: "product/category/service", empty parts left out
    bool enabled = true;
    bool ok = false;     // every document of the text can run
    QString problem;     // when !ok: why (the checker's words, as `vigiectl rules check` says)
    int documents = 0;   // Sigma documents in the text (a correlation and its base rules...)
    QStringList ruleIds; // Sigma ids of its documents
    QDateTime updated;   // UTC
    int version = 1;     // pass it back to RuleService::saveText (optimistic locking)
    QString yaml;        // the text itself, for the editor and for undoing a removal

    bool isBuiltin() const { return origin == QLatin1String("builtin"); }
    bool operator==(const RuleRow&) const = default;
};

using RuleRows = QList<RuleRow>;

// One Sigma document met by an import.
struct RuleImportDocument {
    QString file; // the path it was read from
    QString id;
    QString title;
    bool ok = false;
    QString reason; // when !ok
    bool operator==(const RuleImportDocument&) const = default;
};

// One file of an import: stored as a rule (id), or why not.
struct RuleImportFile {
    QString path;
    qint64 id = 0; // the stored rule; 0: not stored
    QString whyNot;
    bool operator==(const RuleImportFile&) const = default;
};

struct RuleImportReport {
    QList<RuleImportDocument> documents; // every document of every file, in file order
    QList<RuleImportFile> files;         // in path order
    int okCount = 0;                     // documents that can run
    int unsupportedCount = 0;            // documents that cannot
    int storedCount = 0;                 // files stored as rules
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::RuleRow)
Q_DECLARE_METATYPE(vigie::models::RuleImportReport)
