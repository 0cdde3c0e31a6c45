<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AnomalyExplanation</name>
    <message numerus="yes">
        <source>%n failed login(s)</source>
        <translation>
            <numerusform>%n échec de connexion</numerusform>
            <numerusform>%n échecs de connexion</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n login(s)</source>
        <translation>
            <numerusform>%n connexion</numerusform>
            <numerusform>%n connexions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocked connection(s)</source>
        <translation>
            <numerusform>%n connexion bloquée</numerusform>
            <numerusform>%n connexions bloquées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connexion réseau</numerusform>
            <numerusform>%n connexions réseau</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2 min, with no baseline learned yet</source>
        <translation>%1 en %2 min, sans référence apprise pour l’instant</translation>
    </message>
    <message>
        <source>%1 on %2 in %3 min, with no baseline learned yet for %2</source>
        <translation>%1 sur %2 en %3 min, sans référence apprise pour l’instant pour %2</translation>
    </message>
    <message>
        <source>Sustained rise: %1 in %2 min; usual for %3 %4 is %5 ± %6</source>
        <translation>Hausse durable : %1 en %2 min ; habituel le %3 à %4 : %5 ± %6</translation>
    </message>
    <message>
        <source>%1 in %2 min; usual for %3 %4 is %5 ± %6</source>
        <translation>%1 en %2 min ; habituel le %3 à %4 : %5 ± %6</translation>
    </message>
    <message>
        <source>Sustained rise: %1 on %2 in %3 min; usual for %4 %5 is %6 ± %7</source>
        <translation>Hausse durable : %1 sur %2 en %3 min ; habituel le %4 à %5 : %6 ± %7</translation>
    </message>
    <message>
        <source>%1 on %2 in %3 min; usual for %4 %5 is %6 ± %7</source>
        <translation>%1 sur %2 en %3 min ; habituel le %4 à %5 : %6 ± %7</translation>
    </message>
    <message>
        <source>%1 from %2 in %3 min, then a successful login as %4 on %5</source>
        <translation>%1 depuis %2 en %3 min, puis une connexion réussie en tant que %4 sur %5</translation>
    </message>
    <message>
        <source>%1 from %2 in %3 min, then a successful login as %4</source>
        <translation>%1 depuis %2 en %3 min, puis une connexion réussie en tant que %4</translation>
    </message>
    <message>
        <source>%1 from %2 in %3 min, then a successful login on %4</source>
        <translation>%1 depuis %2 en %3 min, puis une connexion réussie sur %4</translation>
    </message>
    <message>
        <source>%1 from %2 in %3 min, then a successful login</source>
        <translation>%1 depuis %2 en %3 min, puis une connexion réussie</translation>
    </message>
    <message>
        <source>Never seen before: %1</source>
        <translation>Jamais vu auparavant : %1</translation>
    </message>
    <message>
        <source>Never seen before: %1 on %2</source>
        <translation>Jamais vu auparavant : %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>Rare: %1, seen %n time(s) before</source>
        <translation>
            <numerusform>Rare : %1, vu %n fois auparavant</numerusform>
            <numerusform>Rare : %1, vu %n fois auparavant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rare: %1 on %2, seen %n time(s) before</source>
        <translation>
            <numerusform>Rare : %1 sur %2, vu %n fois auparavant</numerusform>
            <numerusform>Rare : %1 sur %2, vu %n fois auparavant</numerusform>
        </translation>
    </message>
    <message>
        <source>First seen: %1 on %2</source>
        <translation>Première occurrence : %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>New host %1: %n first login(s)</source>
        <translation>
            <numerusform>Nouvel hôte %1 : %n première connexion</numerusform>
            <numerusform>Nouvel hôte %1 : %n premières connexions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New host %1: %n first event(s)</source>
        <translation>
            <numerusform>Nouvel hôte %1 : %n premier événement</numerusform>
            <numerusform>Nouvel hôte %1 : %n premiers événements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EscalationPackageWriter</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Escalation to level 3 — incident #%1</source>
        <translation>Escalade au niveau 3 — incident n° %1</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assigné à</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Non assigné</translation>
    </message>
    <message>
        <source>ATT&amp;CK</source>
        <translation>ATT&amp;CK</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation>Échéance SLA</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalade</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escaladé</translation>
    </message>
    <message>
        <source>Receiving team</source>
        <translation>Équipe destinataire</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Justification</translation>
    </message>
    <message>
        <source>Impact (systems, data, users)</source>
        <translation>Impact (systèmes, données, utilisateurs)</translation>
    </message>
    <message>
        <source>Actions already taken</source>
        <translation>Actions déjà menées</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuves</translation>
    </message>
    <message>
        <source>Alert %1: %2</source>
        <translation>Alerte %1 : %2</translation>
    </message>
    <message>
        <source>Level %1, host %2, %3 event(s) from %4 to %5</source>
        <translation>Niveau %1, hôte %2, %3 événement(s) du %4 au %5</translation>
    </message>
    <message>
        <source>Event %1 at %2 on %3</source>
        <translation>Événement %1 le %2 sur %3</translation>
    </message>
    <message>
        <source>No longer stored (removed by retention).</source>
        <translation>N’est plus conservé (supprimé par la rétention).</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Generated by Vigie on %1.</source>
        <translation>Généré par Vigie le %1.</translation>
    </message>
    <message>
        <source>Escalation of incident #%1</source>
        <translation>Escalade de l’incident n° %1</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
</context>
<context>
    <name>IncidentLabels</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Tri</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escaladé</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <source>False positive</source>
        <translation>Faux positif</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionné</translation>
    </message>
    <message>
        <source>Start triage</source>
        <translation>Commencer le tri</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Rouvrir</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>Prendre en charge</translation>
    </message>
    <message>
        <source>Escalate to L3…</source>
        <translation>Escalader au N3…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Résoudre…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Clore</translation>
    </message>
    <message>
        <source>Mark as false positive</source>
        <translation>Marquer comme faux positif</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Fusionner dans…</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevée</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>N1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>N2</translation>
    </message>
    <message>
        <source>L3</source>
        <translation>N3</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>True positive, contained</source>
        <translation>Vrai positif, contenu</translation>
    </message>
    <message>
        <source>True positive, remediated</source>
        <translation>Vrai positif, corrigé</translation>
    </message>
    <message>
        <source>Benign true positive</source>
        <translation>Vrai positif bénin</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <source>Insufficient data</source>
        <translation>Données insuffisantes</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>changed the title</source>
        <translation>a modifié le titre</translation>
    </message>
    <message>
        <source>changed the description</source>
        <translation>a modifié la description</translation>
    </message>
    <message>
        <source>changed the severity</source>
        <translation>a modifié la gravité</translation>
    </message>
    <message>
        <source>changed the priority</source>
        <translation>a modifié la priorité</translation>
    </message>
    <message>
        <source>changed the state</source>
        <translation>a modifié l’état</translation>
    </message>
    <message>
        <source>changed the tier</source>
        <translation>a modifié le niveau</translation>
    </message>
    <message>
        <source>changed the assignee</source>
        <translation>a modifié l’analyste assigné</translation>
    </message>
    <message>
        <source>changed the ATT&amp;CK tags</source>
        <translation>a modifié les tags ATT&amp;CK</translation>
    </message>
    <message>
        <source>changed the SLA due time</source>
        <translation>a modifié l’échéance SLA</translation>
    </message>
    <message>
        <source>changed the resolution code</source>
        <translation>a modifié le code de résolution</translation>
    </message>
    <message>
        <source>changed the resolution summary</source>
        <translation>a modifié le résumé de résolution</translation>
    </message>
    <message>
        <source>merged the incident</source>
        <translation>a fusionné l’incident</translation>
    </message>
    <message>
        <source>changed %1</source>
        <translation>a modifié %1</translation>
    </message>
    <message>
        <source>created the incident</source>
        <translation>a créé l’incident</translation>
    </message>
    <message>
        <source>linked an alert</source>
        <translation>a lié une alerte</translation>
    </message>
    <message>
        <source>unlinked an alert</source>
        <translation>a délié une alerte</translation>
    </message>
    <message>
        <source>linked an event</source>
        <translation>a lié un événement</translation>
    </message>
    <message>
        <source>unlinked an event</source>
        <translation>a délié un événement</translation>
    </message>
    <message>
        <source>commented</source>
        <translation>a commenté</translation>
    </message>
    <message>
        <source>edited a comment</source>
        <translation>a modifié un commentaire</translation>
    </message>
    <message>
        <source>deleted a comment</source>
        <translation>a supprimé un commentaire</translation>
    </message>
    <message>
        <source>escalated to level 3</source>
        <translation>a escaladé au niveau 3</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>reste %1</translation>
    </message>
    <message>
        <source>less than 1 min left</source>
        <translation>reste moins d’1 min</translation>
    </message>
    <message>
        <source>breached less than 1 min ago</source>
        <translation>dépassé depuis moins d’1 min</translation>
    </message>
    <message>
        <source>breached %1 ago</source>
        <translation>dépassé depuis %1</translation>
    </message>
    <message>
        <source>Informational</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>SavedSearch</name>
    <message>
        <source>From %1</source>
        <translation>Depuis le %1</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Jusqu’au %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>Du %1 au %2</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Toute la période</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last %1 days</source>
        <translation>%1 derniers jours</translation>
    </message>
    <message>
        <source>Last %1 hours</source>
        <translation>%1 dernières heures</translation>
    </message>
    <message>
        <source>Last %1 minutes</source>
        <translation>%1 dernières minutes</translation>
    </message>
    <message>
        <source>A saved search named “%1” already exists.</source>
        <translation>Une recherche enregistrée nommée « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>Give the search a name.</source>
        <translation>Donnez un nom à la recherche.</translation>
    </message>
    <message>
        <source>The name is too long (at most %1 characters).</source>
        <translation>Le nom est trop long (%1 caractères au maximum).</translation>
    </message>
    <message>
        <source>The saved search no longer exists; another analyst may have deleted it.</source>
        <translation>La recherche enregistrée n’existe plus ; un autre analyste l’a peut-être supprimée.</translation>
    </message>
</context>
<context>
    <name>SourceConfig</name>
    <message>
        <source>Give the source a name.</source>
        <translation>Donnez un nom à la source.</translation>
    </message>
    <message>
        <source>The name is longer than 200 characters.</source>
        <translation>Le nom dépasse 200 caractères.</translation>
    </message>
    <message>
        <source>Another source is already called “%1”.</source>
        <translation>Une autre source s’appelle déjà « %1 ».</translation>
    </message>
    <message>
        <source>Give the address to listen on (0.0.0.0 or :: for every interface).</source>
        <translation>Indiquez l’adresse d’écoute (0.0.0.0 ou :: pour toutes les interfaces).</translation>
    </message>
    <message>
        <source>“%1” is not an IP address; listeners bind IP addresses, not host names.</source>
        <translation>« %1 » n’est pas une adresse IP ; un écouteur s’attache à une adresse IP, pas à un nom d’hôte.</translation>
    </message>
    <message>
        <source>The port must be between 0 and 65535.</source>
        <translation>Le port doit être compris entre 0 et 65535.</translation>
    </message>
    <message>
        <source>A TLS source needs the server certificate (PEM file).</source>
        <translation>Une source TLS a besoin du certificat du serveur (fichier PEM).</translation>
    </message>
    <message>
        <source>A TLS source needs the private key of the certificate (PEM file).</source>
        <translation>Une source TLS a besoin de la clé privée du certificat (fichier PEM).</translation>
    </message>
    <message>
        <source>This file does not exist on this computer.</source>
        <translation>Ce fichier n’existe pas sur cet ordinateur.</translation>
    </message>
    <message>
        <source>This file cannot be read.</source>
        <translation>Ce fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>TLS (syslog over TLS)</source>
        <translation>TLS (syslog sur TLS)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Syslog RFC 5424</source>
        <translation>Syslog RFC 5424</translation>
    </message>
    <message>
        <source>Syslog RFC 3164 (BSD)</source>
        <translation>Syslog RFC 3164 (BSD)</translation>
    </message>
    <message>
        <source>CEF</source>
        <translation>CEF</translation>
    </message>
    <message>
        <source>LEEF</source>
        <translation>LEEF</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>JSON (un objet par ligne)</translation>
    </message>
    <message>
        <source>Another source already has this name.</source>
        <translation>Une autre source porte déjà ce nom.</translation>
    </message>
    <message>
        <source>The source no longer exists; another analyst may have deleted it.</source>
        <translation>La source n’existe plus ; un autre analyste l’a peut-être supprimée.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Vigie, the security operations analyst's workstation.</source>
        <translation>Vigie, le poste de travail de l’analyste SOC.</translation>
    </message>
    <message>
        <source>Replay the demonstration attack scenario through a local listener.</source>
        <translation>Rejouer le scénario d’attaque de démonstration via un écouteur local.</translation>
    </message>
    <message>
        <source>Use the PostgreSQL server at &lt;conninfo&gt; (libpq syntax) instead of the managed local database.</source>
        <translation>Utiliser le serveur PostgreSQL désigné par &lt;conninfo&gt; (syntaxe libpq) au lieu de la base de données locale gérée.</translation>
    </message>
    <message>
        <source>conninfo</source>
        <translation>conninfo</translation>
    </message>
    <message>
        <source>Interface language: en or fr.</source>
        <translation>Langue de l’interface : en ou fr.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <source>Unknown language "%1"; use en or fr.</source>
        <translation>Langue « %1 » inconnue ; utilisez en ou fr.</translation>
    </message>
    <message>
        <source>panels</source>
        <translation>panneaux</translation>
    </message>
    <message>
        <source>Open these panels at start, separated by commas: sources, ingest, saved, alerts, rules.</source>
        <translation>Ouvrir ces panneaux au démarrage, séparés par des virgules : sources, ingest, saved, alerts, rules.</translation>
    </message>
    <message>
        <source>Unknown panel "%1"; use sources, ingest, saved, alerts or rules.</source>
        <translation>Panneau « %1 » inconnu ; utilisez sources, ingest, saved, alerts ou rules.</translation>
    </message>
</context>
<context>
    <name>vigie::models::AlertQueueModel</name>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevée</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Informational</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittée</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>Acquittée par %1</translation>
    </message>
    <message>
        <source>ATT&amp;CK: %1</source>
        <translation>ATT&amp;CK : %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Étiquettes : %1</translation>
    </message>
    <message>
        <source>First seen: %1</source>
        <translation>Première occurrence : %1</translation>
    </message>
    <message>
        <source>Last seen: %1</source>
        <translation>Dernière occurrence : %1</translation>
    </message>
    <message>
        <source>Found by a retro-hunt</source>
        <translation>Trouvée par une recherche rétrospective</translation>
    </message>
    <message>
        <source>(no host)</source>
        <translation>(aucun hôte)</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alerte</numerusform>
            <numerusform>%n alertes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Last Seen</source>
        <translation>Vue en dernier</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle de détection</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entité</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Retro-hunt</source>
        <translation>Recherche rétroactive</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <source>Raised by an anomaly detector</source>
        <translation>Levée par un détecteur d’anomalies</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explication</translation>
    </message>
</context>
<context>
    <name>vigie::models::AlertQueueWorker</name>
    <message>
        <source>The database cannot be reached: %1</source>
        <translation>La base de données est injoignable : %1</translation>
    </message>
</context>
<context>
    <name>vigie::models::AnomalyDetectorModel</name>
    <message>
        <source>Rate</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Première occurrence</translation>
    </message>
    <message>
        <source>Brute force</source>
        <translation>Force brute</translation>
    </message>
    <message>
        <source>Rare value</source>
        <translation>Valeur rare</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Waiting to learn</source>
        <translation>En attente d’apprentissage</translation>
    </message>
    <message numerus="yes">
        <source>Learning %1 % — %2 of %n day(s)</source>
        <translation>
            <numerusform>Apprentissage %1 % — %2 sur %n jour</numerusform>
            <numerusform>Apprentissage %1 % — %2 sur %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>%1 deviations</source>
        <translation>%1 écarts-types</translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s)</source>
        <translation>
            <numerusform>%n échec</numerusform>
            <numerusform>%n échecs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>seen at most %n time(s)</source>
        <translation>
            <numerusform>vue au plus %n fois</numerusform>
            <numerusform>vue au plus %n fois</numerusform>
        </translation>
    </message>
    <message>
        <source>any new pair</source>
        <translation>toute nouvelle paire</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Détecteur</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensibilité</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>Apprentissage</translation>
    </message>
    <message>
        <source>Last Changed</source>
        <translation>Dernière modification</translation>
    </message>
</context>
<context>
    <name>vigie::models::AnomalyDetectorWorker</name>
    <message>
        <source>Someone else changed this detector meanwhile, so your change was not saved. Their version is shown now: make your change again if it is still needed.</source>
        <translation>Quelqu’un d’autre a modifié ce détecteur entre-temps : votre modification n’a pas été enregistrée. Sa version est affichée ; refaites votre modification si elle est toujours nécessaire.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>The database cannot be reached: %1</source>
        <translation>La base de données est injoignable : %1</translation>
    </message>
</context>
<context>
    <name>vigie::models::DashboardStoreWorker</name>
    <message>
        <source>Someone saved this dashboard meanwhile; their version is now shown and your change was not saved.</source>
        <translation>Quelqu'un a enregistré ce tableau de bord entre-temps ; sa version est maintenant affichée et votre modification n'a pas été enregistrée.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>This dashboard definition cannot be used: %1</source>
        <translation>Cette définition de tableau de bord est inutilisable : %1</translation>
    </message>
    <message>
        <source>The database cannot be reached: %1</source>
        <translation>La base de données est injoignable : %1</translation>
    </message>
    <message>
        <source>This dashboard was deleted.</source>
        <translation>Ce tableau de bord a été supprimé.</translation>
    </message>
    <message>
        <source>This dashboard was already deleted.</source>
        <translation>Ce tableau de bord était déjà supprimé.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a dashboard.</source>
        <translation>%1 est trop volumineux pour être un tableau de bord.</translation>
    </message>
    <message>
        <source>“%1” is already stored from this file.</source>
        <translation>« %1 » est déjà enregistré à partir de ce fichier.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d'écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>vigie::models::EventExportJob</name>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Impossible de créer %1 : %2</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>Échec de l'écriture de %1 : %2</translation>
    </message>
    <message>
        <source>Cannot connect to the database: %1</source>
        <translation>Impossible de se connecter à la base de données : %1</translation>
    </message>
    <message>
        <source>Reading the events failed: %1</source>
        <translation>Échec de la lecture des événements : %1</translation>
    </message>
</context>
<context>
    <name>vigie::models::EventTableModel</name>
    <message>
        <source>emergency</source>
        <translation>urgence</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alerte</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>notification</translation>
    </message>
    <message>
        <source>informational</source>
        <translation>information</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>débogage</translation>
    </message>
    <message>
        <source>Severity %1 (%2)</source>
        <translation>Gravité %1 (%2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Horodatage</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Source IP</source>
        <translation>IP source</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>vigie::models::FileImportJob</name>
    <message>
        <source>%1 is a folder, not a log file.</source>
        <translation>%1 est un dossier, pas un fichier journal.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2</source>
        <translation>La lecture de %1 a échoué : %2</translation>
    </message>
    <message>
        <source>The ingest engine stopped before the whole file was read.</source>
        <translation>Le moteur de collecte s’est arrêté avant la fin de la lecture du fichier.</translation>
    </message>
</context>
<context>
    <name>vigie::models::IncidentListModel</name>
    <message>
        <source>Unassigned</source>
        <translation>Non assigné</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Échéance : %1</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assigné à</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
</context>
<context>
    <name>vigie::models::IncidentWorker</name>
    <message>
        <source>The database refused this change: %1</source>
        <translation>La base de données a refusé cette modification : %1</translation>
    </message>
    <message>
        <source>Incident #%1 no longer exists.</source>
        <translation>L’incident n° %1 n’existe plus.</translation>
    </message>
    <message>
        <source>%1 changed incident #%2 meanwhile; its current values are shown and your change was not saved.</source>
        <translation>%1 a modifié l’incident n° %2 entre-temps ; ses valeurs actuelles sont affichées et votre modification n’a pas été enregistrée.</translation>
    </message>
    <message>
        <source>The connection to the database was lost (%1); it will be reopened with your next action.</source>
        <translation>La connexion à la base de données a été perdue (%1) ; elle sera rouverte à votre prochaine action.</translation>
    </message>
    <message>
        <source>Incident #%1 or #%2 changed meanwhile, so nothing was merged; their current values are shown.</source>
        <translation>L’incident n° %1 ou n° %2 a été modifié entre-temps, rien n’a donc été fusionné ; leurs valeurs actuelles sont affichées.</translation>
    </message>
    <message>
        <source>Incident #%1 was never escalated: there is no escalation package.</source>
        <translation>L’incident n° %1 n’a jamais été escaladé : il n’a pas de paquet d’escalade.</translation>
    </message>
</context>
<context>
    <name>vigie::models::IngestStatusModel</name>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Import en cours</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>À l’écoute</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Records framed by the listener or read from the file</source>
        <translation>Enregistrements découpés par l’écouteur ou lus dans le fichier</translation>
    </message>
    <message>
        <source>Records through the parser, parse errors included</source>
        <translation>Enregistrements passés par l’analyseur, erreurs d’analyse comprises</translation>
    </message>
    <message>
        <source>Records that did not parse: stored raw with a parse-error flag</source>
        <translation>Enregistrements non analysables : enregistrés bruts, marqués en erreur d’analyse</translation>
    </message>
    <message>
        <source>Records lost before storage (UDP over the memory cap, oversize, spool full)</source>
        <translation>Enregistrements perdus avant enregistrement (UDP au-delà du plafond mémoire, taille excessive, file sur disque pleine)</translation>
    </message>
    <message>
        <source>Records written to the disk spool while the database was unavailable</source>
        <translation>Enregistrements mis en file sur disque pendant l’indisponibilité de la base de données</translation>
    </message>
    <message>
        <source>Records committed to the database</source>
        <translation>Enregistrements validés dans la base de données</translation>
    </message>
    <message>
        <source>Delay between reception and commit of the latest stored batch</source>
        <translation>Délai entre réception et validation du dernier lot enregistré</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Parsed</source>
        <translation>Analysés</translation>
    </message>
    <message>
        <source>Parse errors</source>
        <translation>Erreurs d’analyse</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Perdus</translation>
    </message>
    <message>
        <source>Spooled</source>
        <translation>Sur disque</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Enregistrés</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Retard</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>vigie::models::RetentionService</name>
    <message>
        <source>The database is not open yet.</source>
        <translation>La base n'est pas encore ouverte.</translation>
    </message>
</context>
<context>
    <name>vigie::models::RetroHuntJob</name>
    <message>
        <source>Cannot connect to the database: %1</source>
        <translation>Impossible de se connecter à la base de données : %1</translation>
    </message>
    <message>
        <source>The retro-hunt failed: %1</source>
        <translation>La recherche rétroactive a échoué : %1</translation>
    </message>
</context>
<context>
    <name>vigie::models::RuleListModel</name>
    <message>
        <source>Informational</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevée</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Intégrée</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importée</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message numerus="yes">
        <source>%1
Sigma ids: %2
%n document(s)</source>
        <translation>
            <numerusform>%1
Identifiants Sigma : %2
%n document</numerusform>
            <numerusform>%1
Identifiants Sigma : %2
%n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Unsupported: %1</source>
        <translation>Non prise en charge : %1</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Log Source</source>
        <translation>Source de journaux</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Modifiée le</translation>
    </message>
</context>
<context>
    <name>vigie::models::RuleWorker</name>
    <message>
        <source>The rule was not saved: %1</source>
        <translation>La règle n'a pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>The database cannot be reached: %1</source>
        <translation>La base de données est injoignable : %1</translation>
    </message>
    <message>
        <source>The rule is empty: write or paste a Sigma rule.</source>
        <translation>La règle est vide : écrivez ou collez une règle Sigma.</translation>
    </message>
    <message>
        <source>The rule cannot run, so it was not saved: %1</source>
        <translation>La règle ne peut pas s'exécuter, elle n'a donc pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>The rule is no longer stored: someone removed it meanwhile.</source>
        <translation>La règle n'existe plus : quelqu'un l'a supprimée entre-temps.</translation>
    </message>
</context>
<context>
    <name>vigie::models::SavedSearchListModel</name>
    <message>
        <source>(every event)</source>
        <translation>(tous les événements)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Période</translation>
    </message>
</context>
<context>
    <name>vigie::models::SourceListModel</name>
    <message>
        <source>Disabled</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application en cours…</translation>
    </message>
    <message>
        <source>Listening on port %1</source>
        <translation>À l’écoute sur le port %1</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>À l’écoute</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activée</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>vigie::models::TileQueryWorker</name>
    <message>
        <source>The tile's query has an error at character %1: %2</source>
        <translation>La requête de la tuile contient une erreur au caractère %1 : %2</translation>
    </message>
    <message>
        <source>This tile's definition cannot be used: %1</source>
        <translation>La définition de cette tuile est inutilisable : %1</translation>
    </message>
    <message>
        <source>The query timed out: narrow the time range or the query.</source>
        <translation>La requête a expiré : réduisez la période ou affinez la requête.</translation>
    </message>
    <message>
        <source>The database refused the tile's query: %1</source>
        <translation>La base de données a refusé la requête de la tuile : %1</translation>
    </message>
    <message>
        <source>The database cannot be reached: %1</source>
        <translation>La base de données est injoignable : %1</translation>
    </message>
    <message>
        <source>This tile cannot be computed: %1</source>
        <translation>Cette tuile ne peut pas être calculée : %1</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AdministrationController</name>
    <message>
        <source>Retention</source>
        <translation>Rétention</translation>
    </message>
    <message>
        <source>The retention window was not saved: %1</source>
        <translation>La durée de rétention n'a pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>Vigie backups (*.dump)</source>
        <translation>Sauvegardes Vigie (*.dump)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Back Up Database</source>
        <translation>Sauvegarder la base</translation>
    </message>
    <message>
        <source>Restore Database</source>
        <translation>Restaurer la base</translation>
    </message>
    <message>
        <source>The database cannot be read: %1</source>
        <translation>Impossible de lire la base : %1</translation>
    </message>
    <message>
        <source>Restore %1 into the database? It holds no events or sources.</source>
        <translation>Restaurer %1 dans la base ? Elle ne contient ni événement ni source.</translation>
    </message>
    <message>
        <source>The database holds %1 events and %2 sources. Restoring %3 replaces all of them with the contents of the backup.</source>
        <translation>La base contient %1 événements et %2 sources. Restaurer %3 les remplace tous par le contenu de la sauvegarde.</translation>
    </message>
    <message>
        <source>Collecting stops while the database is restored and starts again afterwards; what was received until then is stored first.</source>
        <translation>La collecte s'arrête pendant la restauration et reprend ensuite ; ce qui a été reçu jusque-là est d'abord enregistré.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>&amp;Replace and Restore</source>
        <translation>&amp;Remplacer et restaurer</translation>
    </message>
    <message>
        <source>Retention failed: %1</source>
        <translation>Échec de la rétention : %1</translation>
    </message>
    <message numerus="yes">
        <source>Retention (%n day(s)): nothing older than %1 to delete.</source>
        <translation>
            <numerusform>Rétention (%n jour) : rien d'antérieur au %1 à supprimer.</numerusform>
            <numerusform>Rétention (%n jours) : rien d'antérieur au %1 à supprimer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retention (%n day(s)): deleted the events before %1 (%2 daily partitions).</source>
        <translation>
            <numerusform>Rétention (%n jour) : événements antérieurs au %1 supprimés (%2 partitions journalières).</numerusform>
            <numerusform>Rétention (%n jours) : événements antérieurs au %1 supprimés (%2 partitions journalières).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>&amp;Back Up Database…</source>
        <translation>&amp;Sauvegarder la base…</translation>
    </message>
    <message>
        <source>Write the whole database to a file with pg_dump</source>
        <translation>Écrire toute la base dans un fichier avec pg_dump</translation>
    </message>
    <message>
        <source>&amp;Restore Database…</source>
        <translation>&amp;Restaurer la base…</translation>
    </message>
    <message>
        <source>Replace the database with the contents of a backup file</source>
        <translation>Remplacer la base par le contenu d'un fichier de sauvegarde</translation>
    </message>
    <message>
        <source>R&amp;etention…</source>
        <translation>R&amp;étention…</translation>
    </message>
    <message>
        <source>Choose how many days of events the database keeps</source>
        <translation>Choisir combien de jours d'événements la base conserve</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AlertQueuePanel</name>
    <message>
        <source>The alerts could not be acknowledged: %1</source>
        <translation>Les alertes n'ont pas pu être acquittées : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected alerts had already been acknowledged by someone else.</source>
        <translation>
            <numerusform>%n des alertes sélectionnées avait déjà été acquittée par quelqu'un d'autre.</numerusform>
            <numerusform>%n des alertes sélectionnées avaient déjà été acquittées par quelqu'un d'autre.</numerusform>
        </translation>
    </message>
    <message>
        <source>The alerts could not be read: %1</source>
        <translation>Les alertes n'ont pas pu être lues : %1</translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n new)</source>
        <translation>
            <numerusform>Alertes (%n nouvelle)</numerusform>
            <numerusform>Alertes (%n nouvelles)</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>The alerts appear here once the database is open.</source>
        <translation>Les alertes s'affichent ici dès que la base de données est ouverte.</translation>
    </message>
    <message>
        <source>Reading the alerts…</source>
        <translation>Lecture des alertes…</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>Aucune alerte.</translation>
    </message>
    <message>
        <source>No open alerts: nothing to triage.</source>
        <translation>Aucune alerte ouverte : rien à trier.</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Grouper par :</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Show &amp;Acknowledged</source>
        <translation>&amp;Afficher les acquittées</translation>
    </message>
    <message>
        <source>List the alerts already acknowledged too</source>
        <translation>Lister aussi les alertes déjà acquittées</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>Ac&amp;quitter</translation>
    </message>
    <message>
        <source>Mark the selected alerts as seen (%1)</source>
        <translation>Marquer les alertes sélectionnées comme vues (%1)</translation>
    </message>
    <message>
        <source>&amp;Open Events</source>
        <translation>&amp;Ouvrir les événements</translation>
    </message>
    <message>
        <source>Search the events of this alert's host and entity around its time (Enter)</source>
        <translation>Rechercher les événements de l'hôte et de l'entité de cette alerte autour de son heure (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <source>Read the alert queue again now</source>
        <translation>Relire la file d'alertes maintenant</translation>
    </message>
    <message>
        <source>Create &amp;Incident…</source>
        <translation>Créer un &amp;incident…</translation>
    </message>
    <message>
        <source>Open one incident ticket for the selected alerts (Ctrl+Shift+N)</source>
        <translation>Ouvrir un ticket d’incident pour les alertes sélectionnées (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>Add to Incident…</source>
        <translation>Ajouter à un incident…</translation>
    </message>
    <message>
        <source>Link the selected alerts to an open incident</source>
        <translation>Lier les alertes sélectionnées à un incident ouvert</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AnomalySettingsController</name>
    <message>
        <source>&amp;Anomaly Detectors…</source>
        <translation>Détecteurs d’&amp;anomalies…</translation>
    </message>
    <message>
        <source>Sensitivity, learning period and entities of the anomaly detectors</source>
        <translation>Sensibilité, période d’apprentissage et entités des détecteurs d’anomalies</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::AnomalySettingsDialog</name>
    <message>
        <source>Enable Detector “%1”</source>
        <translation>Activer le détecteur « %1 »</translation>
    </message>
    <message>
        <source>Disable Detector “%1”</source>
        <translation>Désactiver le détecteur « %1 »</translation>
    </message>
    <message>
        <source>Last changed by %1 on %2</source>
        <translation>Dernière modification par %1 le %2</translation>
    </message>
    <message>
        <source>Syntax error at character %1: %2</source>
        <translation>Erreur de syntaxe au caractère %1 : %2</translation>
    </message>
    <message>
        <source>This cannot be saved: %1</source>
        <translation>Impossible d’enregistrer : %1</translation>
    </message>
    <message>
        <source>Relearn from History</source>
        <translation>Réapprendre depuis l’historique</translation>
    </message>
    <message>
        <source>Relearn “%1” from history?</source>
        <translation>Réapprendre « %1 » depuis l’historique ?</translation>
    </message>
    <message numerus="yes">
        <source>What it has learned is forgotten and it reads up to %n day(s) of stored events again. It raises no alerts until it has learned.</source>
        <translation>
            <numerusform>Ce qu’il a appris est oublié et il relit jusqu’à %n jour d’événements stockés. Il ne lève aucune alerte avant d’avoir appris.</numerusform>
            <numerusform>Ce qu’il a appris est oublié et il relit jusqu’à %n jours d’événements stockés. Il ne lève aucune alerte avant d’avoir appris.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Relearn</source>
        <translation>&amp;Réapprendre</translation>
    </message>
    <message>
        <source>“%1” switched on (%2 to undo).</source>
        <translation>« %1 » activé (%2 pour annuler).</translation>
    </message>
    <message>
        <source>“%1” switched off (%2 to undo).</source>
        <translation>« %1 » désactivé (%2 pour annuler).</translation>
    </message>
    <message>
        <source>Saved. The detector uses the new settings from its next window.</source>
        <translation>Enregistré. Le détecteur applique les nouveaux réglages dès sa prochaine fenêtre.</translation>
    </message>
    <message>
        <source>“%1” is learning again from history.</source>
        <translation>« %1 » réapprend depuis l’historique.</translation>
    </message>
    <message>
        <source>Anomaly Detectors</source>
        <translation>Détecteurs d’anomalies</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;itre :</translation>
    </message>
    <message>
        <source>Failures &amp;query:</source>
        <translation>Requête des é&amp;checs :</translation>
    </message>
    <message>
        <source>&amp;Query:</source>
        <translation>Re&amp;quête :</translation>
    </message>
    <message>
        <source>Su&amp;ccess query:</source>
        <translation>Requête des su&amp;ccès :</translation>
    </message>
    <message>
        <source>&amp;Entity:</source>
        <translation>E&amp;ntité :</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>C&amp;hamp :</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Valeur :</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>C&amp;lé :</translation>
    </message>
    <message>
        <source>Seen &amp;on:</source>
        <translation>Vu s&amp;ur :</translation>
    </message>
    <message>
        <source>&amp;Per:</source>
        <translation>&amp;Par :</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Fenêtre :</translation>
    </message>
    <message>
        <source>Sensitivit&amp;y:</source>
        <translation>Sensi&amp;bilité :</translation>
    </message>
    <message>
        <source>&amp;Minimum count:</source>
        <translation>Nombre &amp;minimal :</translation>
    </message>
    <message>
        <source>&amp;Failures:</source>
        <translation>É&amp;checs :</translation>
    </message>
    <message>
        <source>Failures &amp;within:</source>
        <translation>Échecs en&amp;deçà de :</translation>
    </message>
    <message>
        <source>Success wit&amp;hin:</source>
        <translation>Succès &amp;dans les :</translation>
    </message>
    <message>
        <source>Rare &amp;up to:</source>
        <translation>Rare j&amp;usqu’à :</translation>
    </message>
    <message>
        <source>&amp;Learning period:</source>
        <translation>Période d’&amp;apprentissage :</translation>
    </message>
    <message>
        <source>Le&amp;vel:</source>
        <translation>Ni&amp;veau :</translation>
    </message>
    <message>
        <source>Learning:</source>
        <translation>Apprentissage :</translation>
    </message>
    <message>
        <source>Select a detector.</source>
        <translation>Sélectionnez un détecteur.</translation>
    </message>
    <message>
        <source>%1 detector</source>
        <translation>Détecteur de type %1</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>Ac&amp;tivé</translation>
    </message>
    <message>
        <source>What its alerts are called</source>
        <translation>Le nom de ses alertes</translation>
    </message>
    <message>
        <source>Events it counts, in the search language (empty: all)</source>
        <translation>Événements comptés, dans le langage de recherche (vide : tous)</translation>
    </message>
    <message>
        <source>The successful logins that follow</source>
        <translation>Les connexions réussies qui suivent</translation>
    </message>
    <message>
        <source>(whole count)</source>
        <translation>(volume total)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>One baseline per value of this field</source>
        <translation>Une référence par valeur de ce champ</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> deviations</source>
        <translation> écarts-types</translation>
    </message>
    <message>
        <source>higher = fewer alerts</source>
        <translation>plus haut = moins d’alertes</translation>
    </message>
    <message>
        <source>No alert below this many events in a window, however unusual</source>
        <translation>Aucune alerte sous ce nombre d’événements par fenêtre, même inhabituel</translation>
    </message>
    <message>
        <source> times</source>
        <translation> fois</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>From the deviation</source>
        <translation>Selon l’écart</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Store the changes (%1)</source>
        <translation>Enregistrer les modifications (%1)</translation>
    </message>
    <message>
        <source>Rever&amp;t</source>
        <translation>Ré&amp;tablir</translation>
    </message>
    <message>
        <source>&amp;Relearn from History…</source>
        <translation>Réapp&amp;rendre depuis l’historique…</translation>
    </message>
    <message>
        <source>Forget what this detector learned and learn again from the stored events</source>
        <translation>Oublier ce que ce détecteur a appris et réapprendre à partir des événements stockés</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::DashboardExporter</name>
    <message>
        <source>Could not write the image %1.</source>
        <translation>Impossible d'écrire l'image %1.</translation>
    </message>
    <message>
        <source>Could not write the PDF file %1.</source>
        <translation>Impossible d'écrire le fichier PDF %1.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::DashboardPanel</name>
    <message>
        <source>Add tile</source>
        <translation>Ajouter une tuile</translation>
    </message>
    <message>
        <source>Remove tile</source>
        <translation>Retirer la tuile</translation>
    </message>
    <message>
        <source>Move tile</source>
        <translation>Déplacer la tuile</translation>
    </message>
    <message>
        <source>Edit tile</source>
        <translation>Modifier la tuile</translation>
    </message>
    <message>
        <source>Rename dashboard</source>
        <translation>Renommer le tableau de bord</translation>
    </message>
    <message>
        <source>Duplicate dashboard</source>
        <translation>Dupliquer le tableau de bord</translation>
    </message>
    <message>
        <source>Delete dashboard</source>
        <translation>Supprimer le tableau de bord</translation>
    </message>
    <message numerus="yes">
        <source>%n shipped dashboard(s) restored.</source>
        <translation>
            <numerusform>%n tableau de bord livré restauré.</numerusform>
            <numerusform>%n tableaux de bord livrés restaurés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Dashboard</source>
        <translation>Importer un tableau de bord</translation>
    </message>
    <message>
        <source>The dashboard “%1” was imported before.</source>
        <translation>Le tableau de bord « %1 » a déjà été importé.</translation>
    </message>
    <message>
        <source>&amp;Replace It</source>
        <translation>&amp;Le remplacer</translation>
    </message>
    <message>
        <source>Import as a &amp;Copy</source>
        <translation>Importer comme &amp;copie</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Actualisation…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>&amp;New Dashboard</source>
        <translation>&amp;Nouveau tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Rename Dashboard…</source>
        <translation>&amp;Renommer le tableau de bord…</translation>
    </message>
    <message>
        <source>D&amp;uplicate Dashboard</source>
        <translation>D&amp;upliquer le tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Delete Dashboard</source>
        <translation>&amp;Supprimer le tableau de bord</translation>
    </message>
    <message>
        <source>Restore &amp;Shipped Dashboards</source>
        <translation>Restaurer les tableaux de bord &amp;livrés</translation>
    </message>
    <message>
        <source>&amp;Import Dashboard…</source>
        <translation>&amp;Importer un tableau de bord…</translation>
    </message>
    <message>
        <source>&amp;Export Dashboard…</source>
        <translation>&amp;Exporter le tableau de bord…</translation>
    </message>
    <message>
        <source>Export as &amp;PNG…</source>
        <translation>Exporter en &amp;PNG…</translation>
    </message>
    <message>
        <source>Export as P&amp;DF…</source>
        <translation>Exporter en P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Add Tile</source>
        <translation>&amp;Ajouter une tuile</translation>
    </message>
    <message>
        <source>Add a tile to this dashboard (Ctrl+Shift+N)</source>
        <translation>Ajouter une tuile à ce tableau de bord (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actua&amp;liser</translation>
    </message>
    <message>
        <source>Refresh every tile now (F5)</source>
        <translation>Actualiser toutes les tuiles maintenant (F5)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personnalisée…</translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation>Actualisation automatique désactivée</translation>
    </message>
    <message>
        <source>Every 30 s</source>
        <translation>Toutes les 30 s</translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Toutes les minutes</translation>
    </message>
    <message>
        <source>Every 5 minutes</source>
        <translation>Toutes les 5 minutes</translation>
    </message>
    <message>
        <source>The dashboards cannot be read: %1</source>
        <translation>Les tableaux de bord ne peuvent pas être lus : %1</translation>
    </message>
    <message>
        <source>Someone else saved this dashboard meanwhile: saving your edits will be refused and their version shown.</source>
        <translation>Quelqu'un d'autre a enregistré ce tableau de bord entre-temps : l'enregistrement de vos modifications sera refusé et sa version affichée.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>Every %1 s</source>
        <translation>Toutes les %1 s</translation>
    </message>
    <message>
        <source>Custom Time Range</source>
        <translation>Période personnalisée</translation>
    </message>
    <message>
        <source>&amp;From (UTC):</source>
        <translation>&amp;Du (UTC) :</translation>
    </message>
    <message>
        <source>&amp;To (UTC):</source>
        <translation>&amp;Au (UTC) :</translation>
    </message>
    <message>
        <source>Events over time</source>
        <translation>Événements dans le temps</translation>
    </message>
    <message>
        <source>This tile cannot open in Search: %1</source>
        <translation>Cette tuile ne peut pas s'ouvrir dans la recherche : %1</translation>
    </message>
    <message>
        <source>New dashboard</source>
        <translation>Nouveau tableau de bord</translation>
    </message>
    <message>
        <source>Rename Dashboard</source>
        <translation>Renommer le tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Another dashboard is already named “%1”.</source>
        <translation>Un autre tableau de bord s'appelle déjà « %1 ».</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>Dashboard “%1” deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>Tableau de bord « %1 » supprimé. Annuler (Ctrl+Z) le rétablit.</translation>
    </message>
    <message>
        <source>Dashboards (*.json);;All files (*)</source>
        <translation>Tableaux de bord (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export Dashboard</source>
        <translation>Exporter le tableau de bord</translation>
    </message>
    <message>
        <source>Dashboards (*.json)</source>
        <translation>Tableaux de bord (*.json)</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Export as PNG</source>
        <translation>Exporter en PNG</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>%1 to %2 (UTC)</source>
        <translation>%1 à %2 (UTC)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exporté vers %1.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::DatabaseJobDialog</name>
    <message>
        <source>Back Up Database</source>
        <translation>Sauvegarder la base</translation>
    </message>
    <message>
        <source>Restore Database</source>
        <translation>Restaurer la base</translation>
    </message>
    <message>
        <source>Backing up the database to %1…</source>
        <translation>Sauvegarde de la base dans %1…</translation>
    </message>
    <message>
        <source>Restoring the database from %1…</source>
        <translation>Restauration de la base depuis %1…</translation>
    </message>
    <message>
        <source>Messages of the PostgreSQL tool</source>
        <translation>Messages de l'outil PostgreSQL</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Dumping table %1…</source>
        <translation>Sauvegarde de la table %1…</translation>
    </message>
    <message>
        <source>Restoring table %1…</source>
        <translation>Restauration de la table %1…</translation>
    </message>
    <message>
        <source>Backup cancelled: no file was written.</source>
        <translation>Sauvegarde annulée : aucun fichier n'a été écrit.</translation>
    </message>
    <message>
        <source>Restore cancelled: the database was left as it was.</source>
        <translation>Restauration annulée : la base est restée inchangée.</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>Échec de la sauvegarde : %1</translation>
    </message>
    <message>
        <source>The restore failed; the database was left as it was: %1</source>
        <translation>Échec de la restauration ; la base est restée inchangée : %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln événement</numerusform>
            <numerusform>%Ln événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln daily partition(s)</source>
        <translation>
            <numerusform>%Ln partition journalière</numerusform>
            <numerusform>%Ln partitions journalières</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln source(s)</source>
        <translation>
            <numerusform>%Ln source</numerusform>
            <numerusform>%Ln sources</numerusform>
        </translation>
    </message>
    <message>
        <source>Backed up to %1 (%2) in %3 s: %4.</source>
        <translation>Sauvegardé dans %1 (%2) en %3 s : %4.</translation>
    </message>
    <message>
        <source>Restored from %1 in %2 s; the database now holds %3.</source>
        <translation>Restauré depuis %1 en %2 s ; la base contient maintenant %3.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Échec.</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::EscalationDialog</name>
    <message>
        <source>justification</source>
        <translation>justification</translation>
    </message>
    <message>
        <source>impact on systems</source>
        <translation>impact sur les systèmes</translation>
    </message>
    <message>
        <source>impact on data</source>
        <translation>impact sur les données</translation>
    </message>
    <message>
        <source>impact on users</source>
        <translation>impact sur les utilisateurs</translation>
    </message>
    <message>
        <source>actions already taken</source>
        <translation>actions déjà menées</translation>
    </message>
    <message>
        <source>evidence (check at least one alert or event)</source>
        <translation>preuves (cochez au moins une alerte ou un événement)</translation>
    </message>
    <message>
        <source>receiving team</source>
        <translation>équipe destinataire</translation>
    </message>
    <message>
        <source>package folder</source>
        <translation>dossier du paquet d’escalade</translation>
    </message>
    <message>
        <source>Systems: %1
Data: %2
Users: %3</source>
        <translation>Systèmes : %1
Données : %2
Utilisateurs : %3</translation>
    </message>
    <message>
        <source>Not escalated: level 3 needs every part. Missing: %1.</source>
        <translation>Escalade refusée : le niveau 3 a besoin de chaque élément. Manquant : %1.</translation>
    </message>
    <message>
        <source>Escalation Package Folder</source>
        <translation>Dossier du paquet d’escalade</translation>
    </message>
    <message>
        <source>Escalate Incident #%1 to Level 3</source>
        <translation>Escalader l’incident n° %1 au niveau 3</translation>
    </message>
    <message>
        <source>#%1 %2 (%3) goes to level 3 with the escalation package: a PDF report and a JSON file holding what you write here, the evidence you check with its raw lines, the timeline and the comments. Every part is required.</source>
        <translation>L’incident n° %1 « %2 » (%3) passe au niveau 3 avec le paquet d’escalade : un rapport PDF et un fichier JSON contenant ce que vous écrivez ici, les preuves cochées avec leurs lignes brutes, la chronologie et les commentaires. Chaque élément est obligatoire.</translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation>&amp;Justification :</translation>
    </message>
    <message>
        <source>Impact on &amp;systems:</source>
        <translation>Impact sur les &amp;systèmes :</translation>
    </message>
    <message>
        <source>Impact on &amp;data:</source>
        <translation>Impact sur les &amp;données :</translation>
    </message>
    <message>
        <source>Impact on &amp;users:</source>
        <translation>Impact sur les &amp;utilisateurs :</translation>
    </message>
    <message>
        <source>&amp;Actions already taken:</source>
        <translation>&amp;Actions déjà menées :</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>&amp;Preuves :</translation>
    </message>
    <message>
        <source>Receiving &amp;team:</source>
        <translation>É&amp;quipe destinataire :</translation>
    </message>
    <message>
        <source>Package &amp;folder:</source>
        <translation>D&amp;ossier du paquet :</translation>
    </message>
    <message>
        <source>Why level 2 cannot finish this: the scope, the skills or the authority it needs</source>
        <translation>Pourquoi le niveau 2 ne peut pas conclure : l’ampleur, les compétences ou l’autorité nécessaires</translation>
    </message>
    <message>
        <source>Hosts and services affected, or “none”</source>
        <translation>Hôtes et services touchés, ou « aucun »</translation>
    </message>
    <message>
        <source>Data exposed, altered or at risk, or “none”</source>
        <translation>Données exposées, modifiées ou menacées, ou « aucune »</translation>
    </message>
    <message>
        <source>Accounts and people affected, or “none”</source>
        <translation>Comptes et personnes touchés, ou « aucun »</translation>
    </message>
    <message>
        <source>What was already done: hosts isolated, addresses blocked, passwords reset…</source>
        <translation>Ce qui a déjà été fait : hôtes isolés, adresses bloquées, mots de passe réinitialisés…</translation>
    </message>
    <message>
        <source>This incident has no linked alerts or events: link the evidence first, from the alert queue or the search results.</source>
        <translation>Cet incident n’a aucune alerte ni aucun événement lié : liez d’abord les preuves, depuis la file des alertes ou les résultats de recherche.</translation>
    </message>
    <message>
        <source>Check &amp;All</source>
        <translation>&amp;Cocher tout</translation>
    </message>
    <message>
        <source>Level 3 incident response</source>
        <translation>Réponse à incident de niveau 3</translation>
    </message>
    <message>
        <source>Digital forensics</source>
        <translation>Investigation numérique</translation>
    </message>
    <message>
        <source>Threat intelligence</source>
        <translation>Renseignement sur la menace</translation>
    </message>
    <message>
        <source>The team that takes the incident over</source>
        <translation>L’équipe qui reprend l’incident</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>&amp;Escalate to L3</source>
        <translation>&amp;Escalader au niveau 3</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Alert #%1 · %2 · %3 on %4 · last seen %5</source>
        <translation>Alerte n° %1 · %2 · %3 sur %4 · vue pour la dernière fois le %5</translation>
    </message>
    <message>
        <source>Event · %1 · %2 · %3</source>
        <translation>Événement · %1 · %2 · %3</translation>
    </message>
    <message>
        <source>(removed by retention)</source>
        <translation>(supprimé par la rétention)</translation>
    </message>
    <message>
        <source>%1 — note: %2</source>
        <translation>%1 — note : %2</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::EventDetailPane</name>
    <message>
        <source>Event ID</source>
        <translation>ID de l’événement</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Horodatage</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Process ID</source>
        <translation>ID de processus</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Catégorie syslog</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Source IP</source>
        <translation>IP source</translation>
    </message>
    <message>
        <source>Source port</source>
        <translation>Port source</translation>
    </message>
    <message>
        <source>Destination IP</source>
        <translation>IP de destination</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>Port de destination</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Processus</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Select an event to see all of its fields and the raw line.</source>
        <translation>Sélectionnez un événement pour afficher tous ses champs et la ligne brute.</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1 :</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Autres champs</translation>
    </message>
    <message>
        <source>Raw line</source>
        <translation>Ligne brute</translation>
    </message>
    <message>
        <source>&amp;Copy raw line</source>
        <translation>&amp;Copier la ligne brute</translation>
    </message>
    <message>
        <source>Copy the record exactly as received to the clipboard</source>
        <translation>Copier l’enregistrement tel que reçu dans le presse-papiers</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This record did not parse; it is stored as received.</source>
        <translation>Cet enregistrement n’a pas pu être analysé ; il est conservé tel que reçu.</translation>
    </message>
    <message>
        <source>This record did not parse: %1</source>
        <translation>Cet enregistrement n’a pas pu être analysé : %1</translation>
    </message>
    <message>
        <source>Filter for this value</source>
        <translation>Filtrer sur cette valeur</translation>
    </message>
    <message>
        <source>Filter out this value</source>
        <translation>Exclure cette valeur</translation>
    </message>
    <message>
        <source>Search this host ±15 minutes</source>
        <translation>Rechercher cet hôte à ±15 minutes</translation>
    </message>
    <message>
        <source>Search this user ±15 minutes</source>
        <translation>Rechercher cet utilisateur à ±15 minutes</translation>
    </message>
    <message>
        <source>Search this source IP ±15 minutes</source>
        <translation>Rechercher cette IP source à ±15 minutes</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Copier la valeur</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ExportController</name>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>Lignes JSON (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Exporter les résultats</translation>
    </message>
    <message>
        <source>E&amp;xport Results…</source>
        <translation>E&amp;xporter les résultats…</translation>
    </message>
    <message>
        <source>Write the events matching the current search to a CSV or JSON lines file</source>
        <translation>Écrire les événements correspondant à la recherche en cours dans un fichier CSV ou en lignes JSON</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ExportStrip</name>
    <message>
        <source>Export complete · Events: %1 · File: %2 · Time: %3 s</source>
        <translation>Exportation terminée · Événements : %1 · Fichier : %2 · Durée : %3 s</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l'exportation : %1</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Exportation annulée : aucun fichier n'a été écrit.</translation>
    </message>
    <message>
        <source>%1 of about %2 events · %3 events/s</source>
        <translation>%1 sur environ %2 événements · %3 événements/s</translation>
    </message>
    <message>
        <source>%1 events · %2 events/s</source>
        <translation>%1 événements · %2 événements/s</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the export; no file is left under the chosen name</source>
        <translation>Arrêter l'exportation ; aucun fichier ne reste sous le nom choisi</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::HistogramView</name>
    <message numerus="yes">
        <source>%1 – %2: %n event(s)</source>
        <translation>
            <numerusform>%1 – %2 : %n événement</numerusform>
            <numerusform>%1 – %2 : %n événements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ImportController</name>
    <message>
        <source>&amp;Import Log Files…</source>
        <translation>&amp;Importer des fichiers journaux…</translation>
    </message>
    <message>
        <source>Import log files through the ingest engine, as if they had been received</source>
        <translation>Importer des fichiers journaux via le moteur de collecte, comme s’ils avaient été reçus</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ImportDialog</name>
    <message>
        <source>Import Log Files</source>
        <translation>Importer des fichiers journaux</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt *.json *.jsonl *.cef *.leef);;All files (*)</source>
        <translation>Fichiers journaux (*.log *.txt *.json *.jsonl *.cef *.leef);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;Files to import, one after the other:</source>
        <translation>&amp;Fichiers à importer, l’un après l’autre :</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>&amp;Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Read them as:</source>
        <translation>&amp;Les lire comme :</translation>
    </message>
    <message>
        <source>One record per line (or octet-counted syslog). Each file appears as its own source, “import: &lt;file name&gt;”, in the Ingest status panel.</source>
        <translation>Un enregistrement par ligne (ou syslog à comptage d’octets). Chaque fichier apparaît comme une source à part, « import: &lt;nom du fichier&gt; », dans le panneau État de la collecte.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ImportStrip</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2 received, %3 stored · Parse errors: %4 · Dropped: %5</source>
        <translation>%1 : %2 reçus, %3 enregistrés · Erreurs d’analyse : %4 · Perdus : %5</translation>
    </message>
    <message>
        <source>(cancelled after %1 of %2)</source>
        <translation>(annulé après %1 sur %2)</translation>
    </message>
    <message>
        <source>— %1 still waiting for the database</source>
        <translation>— %1 encore en attente de la base de données</translation>
    </message>
    <message>
        <source>%1 of %2 · %3 lines · %4 lines/s</source>
        <translation>%1 sur %2 · %3 lignes · %4 lignes/s</translation>
    </message>
    <message numerus="yes">
        <source>%n more file(s) queued</source>
        <translation>
            <numerusform>%n autre fichier en attente</numerusform>
            <numerusform>%n autres fichiers en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop Waiting</source>
        <translation>Ne plus attendre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop waiting for the database; the records already read are still stored</source>
        <translation>Ne plus attendre la base de données ; les enregistrements déjà lus seront tout de même enregistrés dans la base</translation>
    </message>
    <message>
        <source>Stop reading the file; the records already read are still stored</source>
        <translation>Arrêter la lecture du fichier ; les enregistrements déjà lus seront tout de même enregistrés dans la base</translation>
    </message>
    <message>
        <source>Storing…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Show Counters</source>
        <translation>Voir les compteurs</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::IncidentEditDialog</name>
    <message>
        <source>Edit Incident #%1</source>
        <translation>Modifier l’incident n° %1</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Gravité :</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorité :</translation>
    </message>
    <message>
        <source>ATT&amp;&amp;CK &amp;tags:</source>
        <translation>É&amp;tiquettes ATT&amp;&amp;CK :</translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation>&amp;Niveau :</translation>
    </message>
    <message>
        <source>1 is the most urgent, 5 the least</source>
        <translation>1 est le plus urgent, 5 le moins urgent</translation>
    </message>
    <message>
        <source>e.g. attack.t1110, attack.credential_access</source>
        <translation>par ex. attack.t1110, attack.credential_access</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::IncidentListPanel</name>
    <message>
        <source>The incident could not be created: the database is not open.</source>
        <translation>L’incident n’a pas pu être créé : la base de données n’est pas ouverte.</translation>
    </message>
    <message>
        <source>The incident could not be created: %1</source>
        <translation>L’incident n’a pas pu être créé : %1</translation>
    </message>
    <message>
        <source>The incidents could not be merged: %1</source>
        <translation>Les incidents n’ont pas pu être fusionnés : %1</translation>
    </message>
    <message>
        <source>The incidents could not be read: %1</source>
        <translation>Les incidents n’ont pas pu être lus : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n incident(s)</source>
        <translation>
            <numerusform>%1 sur %n incident</numerusform>
            <numerusform>%1 sur %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SLA breached</source>
        <translation>
            <numerusform>%n SLA dépassé</numerusform>
            <numerusform>%n SLA dépassés</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the open incidents past their SLA</source>
        <translation>Afficher les incidents ouverts dont le SLA est dépassé</translation>
    </message>
    <message>
        <source>The incidents appear here once the database is open.</source>
        <translation>Les incidents apparaissent ici une fois la base de données ouverte.</translation>
    </message>
    <message>
        <source>Reading the incidents…</source>
        <translation>Lecture des incidents…</translation>
    </message>
    <message>
        <source>No incidents yet. Open one with New Incident… (%1) or from the alert queue.</source>
        <translation>Aucun incident pour l’instant. Ouvrez-en un avec Nouvel incident… (%1) ou depuis la file d’alertes.</translation>
    </message>
    <message>
        <source>No incident matches these filters.</source>
        <translation>Aucun incident ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;New Incident…</source>
        <translation>&amp;Nouvel incident…</translation>
    </message>
    <message>
        <source>Open a ticket by hand</source>
        <translation>Ouvrir un ticket manuellement</translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation>&amp;Fusionner dans…</translation>
    </message>
    <message>
        <source>Merge the selected incident into another one that covers the same case</source>
        <translation>Fusionner l’incident sélectionné dans un autre incident portant sur le même cas</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read the incidents again now</source>
        <translation>Relire les incidents maintenant</translation>
    </message>
    <message>
        <source>Filter Incidents</source>
        <translation>Filtrer les incidents</translation>
    </message>
    <message>
        <source>My incidents</source>
        <translation>Mes incidents</translation>
    </message>
    <message>
        <source>Only the incidents assigned to me</source>
        <translation>Seulement les incidents qui me sont assignés</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Non assignés</translation>
    </message>
    <message>
        <source>Only the incidents nobody has taken yet</source>
        <translation>Seulement les incidents que personne n’a encore pris</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA dépassé</translation>
    </message>
    <message>
        <source>Only the open incidents past their SLA due time</source>
        <translation>Seulement les incidents ouverts dont l’échéance SLA est dépassée</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>State: Open lists new, triage, in progress and escalated incidents</source>
        <translation>État : « Ouverts » liste les incidents nouveaux, en tri, en cours et escaladés</translation>
    </message>
    <message>
        <source>Only these severities</source>
        <translation>Seulement ces gravités</translation>
    </message>
    <message>
        <source>Only these tiers</source>
        <translation>Seulement ces niveaux</translation>
    </message>
    <message>
        <source>Filter: #id, title, assignee, tag (%1)</source>
        <translation>Filtrer : n° d’incident, titre, responsable, tag (%1)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Show every incident</source>
        <translation>Afficher tous les incidents</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::IncidentNotifier</name>
    <message>
        <source>Incident #%1 escalated to level 3</source>
        <translation>Incident n° %1 escaladé au niveau 3</translation>
    </message>
    <message>
        <source>New critical incident #%1</source>
        <translation>Nouvel incident critique n° %1</translation>
    </message>
    <message>
        <source>%1 — by %2</source>
        <translation>%1 — par %2</translation>
    </message>
    <message>
        <source>Notify Me of Critical Incidents and Escalations</source>
        <translation>M’avertir des incidents critiques et des escalades</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::IncidentPicker</name>
    <message>
        <source>Filter the open incidents: #id, words of the title, assignee, tag</source>
        <translation>Filtrer les incidents ouverts : n° d’incident, mots du titre, responsable, tag</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::IncidentView</name>
    <message>
        <source>%1 changed this incident meanwhile; the current values are shown. Your change was not saved: make it again if it still applies.</source>
        <translation>%1 a modifié cet incident entre-temps ; les valeurs actuelles sont affichées. Votre modification n’a pas été enregistrée : refaites-la si elle s’applique toujours.</translation>
    </message>
    <message>
        <source>Incident #%1 escalated to level 3; writing the escalation package…</source>
        <translation>Incident n° %1 escaladé au niveau 3 ; écriture du paquet d’escalade…</translation>
    </message>
    <message>
        <source>Incident #%1 was escalated, but its escalation package could not be read: %2</source>
        <translation>L’incident n° %1 a été escaladé, mais son paquet d’escalade n’a pas pu être lu : %2</translation>
    </message>
    <message>
        <source>Incident #%1 could not be read: %2</source>
        <translation>L’incident n° %1 n’a pas pu être lu : %2</translation>
    </message>
    <message>
        <source>Incident #%1 was escalated, but its escalation package could not be written: %2</source>
        <translation>L’incident n° %1 a été escaladé, mais son paquet d’escalade n’a pas pu être écrit : %2</translation>
    </message>
    <message>
        <source>Incident #%1 escalated to level 3. Escalation package written: %2.</source>
        <translation>Incident n° %1 escaladé au niveau 3. Paquet d’escalade écrit : %2.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Select an incident to see it here.</source>
        <translation>Sélectionnez un incident pour l’afficher ici.</translation>
    </message>
    <message>
        <source>Reading incident #%1…</source>
        <translation>Lecture de l’incident n° %1…</translation>
    </message>
    <message>
        <source>Priority %1</source>
        <translation>Priorité %1</translation>
    </message>
    <message>
        <source>Assignee: %1</source>
        <translation>Assigné à : %1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Non assigné</translation>
    </message>
    <message>
        <source>Opened by %1 on %2</source>
        <translation>Ouvert par %1 le %2</translation>
    </message>
    <message>
        <source>last changed by %1 on %2</source>
        <translation>dernière modification par %1 le %2</translation>
    </message>
    <message>
        <source>merged into #%1</source>
        <translation>fusionné dans le n° %1</translation>
    </message>
    <message>
        <source>SLA due %1</source>
        <translation>Échéance SLA : %1</translation>
    </message>
    <message>
        <source>SLA: stopped</source>
        <translation>SLA : arrêté</translation>
    </message>
    <message>
        <source>SLA: %1</source>
        <translation>SLA : %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Aucune description.</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>(removed by retention)</source>
        <translation>(supprimé par la rétention)</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>%1 (%2, last seen %3)</source>
        <translation>%1 (%2, vue pour la dernière fois le %3)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>%1 — note: %2</source>
        <translation>%1 — note : %2</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>Aucun commentaire pour l’instant.</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alertes (%1)</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>Événements (%1)</translation>
    </message>
    <message>
        <source>Comments (%1)</source>
        <translation>Commentaires (%1)</translation>
    </message>
    <message>
        <source>Assign to &amp;Me</source>
        <translation>M’&amp;assigner</translation>
    </message>
    <message>
        <source>Take this incident (%1)</source>
        <translation>Prendre cet incident (%1)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Edit the title, description, severity, priority and tags (%1)</source>
        <translation>Modifier le titre, la description, la gravité, la priorité et les étiquettes (%1)</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assigner</translation>
    </message>
    <message>
        <source>Assign this incident to an analyst</source>
        <translation>Assigner cet incident à un analyste</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Fermer ce message</translation>
    </message>
    <message>
        <source>Post Comment</source>
        <translation>Publier le commentaire</translation>
    </message>
    <message>
        <source>&amp;Post Comment</source>
        <translation>&amp;Publier le commentaire</translation>
    </message>
    <message>
        <source>Post the comment (%1)</source>
        <translation>Publier le commentaire (%1)</translation>
    </message>
    <message>
        <source>Add a comment for the other analysts…</source>
        <translation>Ajoutez un commentaire pour les autres analystes…</translation>
    </message>
    <message>
        <source>&amp;Unlink Alert</source>
        <translation>Dé&amp;lier l’alerte</translation>
    </message>
    <message>
        <source>&amp;Open Events</source>
        <translation>&amp;Ouvrir les événements</translation>
    </message>
    <message>
        <source>Search the events of this alert's host and entity around its time</source>
        <translation>Rechercher les événements de l’hôte et de l’entité de cette alerte autour de son heure</translation>
    </message>
    <message>
        <source>U&amp;nlink Event</source>
        <translation>Délier l’é&amp;vénement</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entité</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Première occurrence</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Dernière occurrence</translation>
    </message>
    <message>
        <source>Linked by</source>
        <translation>Lié par</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Horodatage</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Raw line</source>
        <translation>Ligne brute</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Actor or host</source>
        <translation>Acteur ou hôte</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Ancien → nouveau</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::IncidentsController</name>
    <message>
        <source>Incident #%1 escalated to level 3.</source>
        <translation>Incident n° %1 escaladé au niveau 3.</translation>
    </message>
    <message>
        <source>Incident #%1 escalated to level 3; package written to %2</source>
        <translation>Incident n° %1 escaladé au niveau 3 ; paquet écrit dans %2</translation>
    </message>
    <message>
        <source>Incidents cannot be read: %1</source>
        <translation>Les incidents ne peuvent pas être lus : %1</translation>
    </message>
    <message>
        <source>Select the events to add to an incident first.</source>
        <translation>Sélectionnez d’abord les événements à ajouter à un incident.</translation>
    </message>
    <message>
        <source>Incident #%1 opened.</source>
        <translation>Incident n° %1 ouvert.</translation>
    </message>
    <message>
        <source>Added to incident #%1.</source>
        <translation>Ajouté à l’incident n° %1.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Logged in to the database as %1 (%2)</source>
        <translation>Connecté à la base de données en tant que %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>&amp;Incidents</translation>
    </message>
    <message>
        <source>&amp;New Incident…</source>
        <translation>&amp;Nouvel incident…</translation>
    </message>
    <message>
        <source>&amp;Add Selected Events to Incident…</source>
        <translation>&amp;Ajouter les événements sélectionnés à un incident…</translation>
    </message>
    <message>
        <source>Link the selected events to an open incident, with a note (Ctrl+Shift+L)</source>
        <translation>Lier les événements sélectionnés à un incident ouvert, avec une note (Ctrl+Maj+L)</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::IngestStatusBar</name>
    <message>
        <source>Received %1/s · Stored %2/s</source>
        <translation>Reçus %1/s · Enregistrés %2/s</translation>
    </message>
    <message>
        <source>Events per second read from the sources and written to the database</source>
        <translation>Événements par seconde lus depuis les sources et écrits dans la base de données</translation>
    </message>
    <message>
        <source>Total: %1 received, %2 stored</source>
        <translation>Total : %1 reçus, %2 enregistrés</translation>
    </message>
    <message>
        <source>Parse errors: %1 · Dropped: %2</source>
        <translation>Erreurs d’analyse : %1 · Perdus : %2</translation>
    </message>
    <message>
        <source>Records stored raw because they did not parse, and records lost before storage</source>
        <translation>Enregistrements conservés bruts faute d’avoir pu être analysés, et enregistrements perdus avant stockage</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>Aucune base de données</translation>
    </message>
    <message>
        <source>Starting the local database…</source>
        <translation>Démarrage de la base de données locale…</translation>
    </message>
    <message>
        <source>Connecting to the database…</source>
        <translation>Connexion à la base de données…</translation>
    </message>
    <message>
        <source>Database connected</source>
        <translation>Base de données connectée</translation>
    </message>
    <message>
        <source>Database unavailable</source>
        <translation>Base de données indisponible</translation>
    </message>
    <message>
        <source>Database failed to start</source>
        <translation>Échec du démarrage de la base de données</translation>
    </message>
    <message>
        <source>Click to see the counters of each source</source>
        <translation>Cliquer pour voir les compteurs de chaque source</translation>
    </message>
    <message>
        <source>Connected · the server collects</source>
        <translation>Connecté · le serveur collecte</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::IngestStatusPanel</name>
    <message>
        <source>connected</source>
        <translation>connectée</translation>
    </message>
    <message>
        <source>unavailable (%1)</source>
        <translation>indisponible (%1)</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>failed to start</source>
        <translation>échec du démarrage</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connectée</translation>
    </message>
    <message>
        <source>Total: %1 received, %2 stored · Parse errors: %3 · Dropped: %4 · Memory in use: %5 · Spool pending: %6 · Database: %7</source>
        <translation>Total : %1 reçus, %2 enregistrés · Erreurs d’analyse : %3 · Perdus : %4 · Mémoire occupée : %5 · En attente sur disque : %6 · Base de données : %7</translation>
    </message>
    <message>
        <source>Ingest Status</source>
        <translation>État de la collecte</translation>
    </message>
    <message>
        <source>connected; the server collects, not this desktop</source>
        <translation>connectée ; le serveur collecte, pas ce poste</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::LinkToIncidentDialog</name>
    <message>
        <source>Add to Incident</source>
        <translation>Ajouter à un incident</translation>
    </message>
    <message numerus="yes">
        <source>Add %n event(s) to the open incident chosen below.</source>
        <translation>
            <numerusform>Ajouter %n événement à l’incident ouvert choisi ci-dessous.</numerusform>
            <numerusform>Ajouter %n événements à l’incident ouvert choisi ci-dessous.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n alert(s) to the open incident chosen below.</source>
        <translation>
            <numerusform>Ajouter %n alerte à l’incident ouvert choisi ci-dessous.</numerusform>
            <numerusform>Ajouter %n alertes à l’incident ouvert choisi ci-dessous.</numerusform>
        </translation>
    </message>
    <message>
        <source>Why these events matter (optional), e.g. “first login from the new address”</source>
        <translation>Pourquoi ces événements comptent (facultatif), p. ex. « première connexion depuis la nouvelle adresse »</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>&amp;Add to #%1</source>
        <translation>&amp;Ajouter au n° %1</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::MainWindow</name>
    <message>
        <source>Could not read events: %1</source>
        <translation>Impossible de lire les événements : %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The %1 translation could not be loaded.</source>
        <translation>La traduction %1 n’a pas pu être chargée.</translation>
    </message>
    <message>
        <source>Vigie — Events</source>
        <translation>Vigie — Événements</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Copy Raw Line</source>
        <translation>&amp;Copier la ligne brute</translation>
    </message>
    <message>
        <source>Copy the selected event's raw line to the clipboard</source>
        <translation>Copier la ligne brute de l’événement sélectionné dans le presse-papiers</translation>
    </message>
    <message>
        <source>&amp;Reload Events</source>
        <translation>&amp;Recharger les événements</translation>
    </message>
    <message>
        <source>Go to &amp;Newest</source>
        <translation>Aller au plus &amp;récent</translation>
    </message>
    <message>
        <source>Event &amp;Details</source>
        <translation>&amp;Détails de l’événement</translation>
    </message>
    <message>
        <source>&amp;About Vigie</source>
        <translation>À &amp;propos de Vigie</translation>
    </message>
    <message>
        <source>The database connection string cannot be used: %1</source>
        <translation>La chaîne de connexion à la base de données est inutilisable : %1</translation>
    </message>
    <message>
        <source>Vigie could not start</source>
        <translation>Vigie n’a pas pu démarrer</translation>
    </message>
    <message>
        <source>Vigie could not open its database, so no events can be received or shown.</source>
        <translation>Vigie n’a pas pu ouvrir sa base de données ; aucun événement ne peut être reçu ni affiché.</translation>
    </message>
    <message>
        <source>Demo mode: the attack scenario is being sent to %1</source>
        <translation>Mode démonstration : le scénario d’attaque est envoyé à %1</translation>
    </message>
    <message>
        <source>About Vigie</source>
        <translation>À propos de Vigie</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vigie %1&lt;/h3&gt;&lt;p&gt;A workstation for the analysts of a security operations centre: it collects logs, keeps their history in PostgreSQL and shows them as they arrive.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Vigie %1&lt;/h3&gt;&lt;p&gt;Un poste de travail pour les analystes d’un centre opérationnel de sécurité (SOC) : il collecte les journaux, en conserve l’historique dans PostgreSQL et les affiche dès leur arrivée.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Search Events</source>
        <translation>Rec&amp;hercher dans les événements</translation>
    </message>
    <message>
        <source>&amp;Detection</source>
        <translation>&amp;Détection</translation>
    </message>
    <message>
        <source>&amp;Dashboards</source>
        <translation>&amp;Tableaux de bord</translation>
    </message>
    <message>
        <source>Sea&amp;rch</source>
        <translation>&amp;Recherche</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>&amp;Incidents</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::MergeIncidentDialog</name>
    <message>
        <source>Merge Incident #%1</source>
        <translation>Fusionner l’incident n° %1</translation>
    </message>
    <message>
        <source>Merge #%1 “%2” into the incident chosen below, when both are the same case.
Its alerts and events (with their notes) are added to the chosen incident, whose history records the merge, and #%1 ends in state Merged. This cannot be undone.</source>
        <translation>Fusionner l’incident n° %1 « %2 » dans l’incident choisi ci-dessous, lorsque les deux portent sur le même cas.
Ses alertes et événements (avec leurs notes) sont ajoutés à l’incident choisi, dont l’historique garde trace de la fusion, et le n° %1 passe à l’état Fusionné. Cette opération est irréversible.</translation>
    </message>
    <message>
        <source>&amp;Merge #%1 into #%2</source>
        <translation>&amp;Fusionner n° %1 dans n° %2</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::NewIncidentDialog</name>
    <message>
        <source>New Incident</source>
        <translation>Nouvel incident</translation>
    </message>
    <message>
        <source>What happened, in a line: “Suspicious logins on bastion-01”</source>
        <translation>Ce qui s’est passé, en une ligne : « Connexions suspectes sur bastion-01 »</translation>
    </message>
    <message>
        <source>What was seen, where, since when; what is known so far</source>
        <translation>Ce qui a été observé, où, depuis quand ; ce que l’on sait à ce stade</translation>
    </message>
    <message>
        <source>The SLA due time follows from the severity</source>
        <translation>L’échéance SLA découle de la gravité</translation>
    </message>
    <message>
        <source>1 is the most urgent, 5 the least</source>
        <translation>1 est la plus urgente, 5 la moins urgente</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Non assigné</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Moi (%1)</translation>
    </message>
    <message>
        <source>T1110, T1078.003, credential_access</source>
        <translation>T1110, T1078.003, credential_access</translation>
    </message>
    <message>
        <source>MITRE ATT&amp;CK techniques or tactics, separated by commas</source>
        <translation>Techniques ou tactiques MITRE ATT&amp;CK, séparées par des virgules</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Gravité :</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorité :</translation>
    </message>
    <message>
        <source>&amp;Assignee:</source>
        <translation>&amp;Responsable :</translation>
    </message>
    <message>
        <source>ATT&amp;&amp;CK &amp;tags:</source>
        <translation>&amp;Tags ATT&amp;&amp;CK :</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ResolveDialog</name>
    <message>
        <source>Resolve Incident</source>
        <translation>Résoudre l’incident</translation>
    </message>
    <message>
        <source>Resolve %1: say what it turned out to be and what was done.</source>
        <translation>Résoudre %1 : indiquez ce qu’il s’est avéré être et ce qui a été fait.</translation>
    </message>
    <message>
        <source>Resolution &amp;code:</source>
        <translation>&amp;Code de résolution :</translation>
    </message>
    <message>
        <source>Choose a resolution…</source>
        <translation>Choisissez une résolution…</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>&amp;Résumé :</translation>
    </message>
    <message>
        <source>What was found, what was done, what remains to watch</source>
        <translation>Ce qui a été trouvé, ce qui a été fait, ce qui reste à surveiller</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>Ré&amp;soudre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RetentionDialog</name>
    <message>
        <source>Retention</source>
        <translation>Rétention</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>&amp;Keep every event (no retention)</source>
        <translation>&amp;Conserver tous les événements (pas de rétention)</translation>
    </message>
    <message>
        <source>Reading the database…</source>
        <translation>Lecture de la base…</translation>
    </message>
    <message>
        <source>Events older than the window are deleted by dropping whole days, every day and right after this change. Collectors started with vigiectl serve on this database apply the same window.</source>
        <translation>Les événements plus anciens que la durée choisie sont supprimés par journées entières, chaque jour et dès cette modification. Les collecteurs lancés avec vigiectl serve sur cette base appliquent la même durée.</translation>
    </message>
    <message>
        <source>Keep &amp;events of the last:</source>
        <translation>Conserver les &amp;événements des derniers :</translation>
    </message>
    <message>
        <source>The database cannot be read: %1</source>
        <translation>Impossible de lire la base : %1</translation>
    </message>
    <message>
        <source>The database holds no daily partition yet.</source>
        <translation>La base ne contient encore aucune partition journalière.</translation>
    </message>
    <message numerus="yes">
        <source>The database holds %n day(s) of events; the oldest is %1.</source>
        <translation>
            <numerusform>La base contient %n jour d'événements ; le plus ancien est le %1.</numerusform>
            <numerusform>La base contient %n jours d'événements ; le plus ancien est le %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every event is kept; nothing will be deleted.</source>
        <translation>Tous les événements sont conservés ; rien ne sera supprimé.</translation>
    </message>
    <message>
        <source>Nothing is older than %1: nothing would be deleted now.</source>
        <translation>Rien n'est antérieur au %1 : rien ne serait supprimé maintenant.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) of events before %1 would be deleted now.</source>
        <translation>
            <numerusform>%n jour d'événements antérieur au %1 serait supprimé maintenant.</numerusform>
            <numerusform>%n jours d'événements antérieurs au %1 seraient supprimés maintenant.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RetroHuntController</name>
    <message>
        <source>&amp;Retro-hunt…</source>
        <translation>&amp;Recherche rétroactive…</translation>
    </message>
    <message>
        <source>Run the detection rules over the stored events of a time range</source>
        <translation>Exécuter les règles de détection sur les événements enregistrés d'une période</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RetroHuntDialog</name>
    <message>
        <source>The start of the range must be before its end.</source>
        <translation>Le début de la période doit précéder sa fin.</translation>
    </message>
    <message>
        <source>The detection rules will run over the stored events of this range; what they find is added to the alert queue, marked retro-hunt.</source>
        <translation>Les règles de détection vont s'exécuter sur les événements enregistrés de cette période ; ce qu'elles trouvent est ajouté à la file d'alertes, marqué « recherche rétroactive ».</translation>
    </message>
    <message>
        <source>Hunting from %1 to %2…</source>
        <translation>Recherche du %1 au %2…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>%1 events read, %2 hits, %3 events/s</source>
        <translation>%1 événements lus, %2 correspondances, %3 événements/s</translation>
    </message>
    <message>
        <source>Cancelled after %1 events read; nothing was stored.</source>
        <translation>Annulée après %1 événements lus ; rien n'a été enregistré.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %1 events read; the %Ln alert(s) found until then are stored (retro-hunt).</source>
        <translation>
            <numerusform>Annulée après %1 événements lus ; l'alerte trouvée jusque-là est enregistrée (recherche rétroactive).</numerusform>
            <numerusform>Annulée après %1 événements lus ; les %Ln alertes trouvées jusque-là sont enregistrées (recherche rétroactive).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 events read, %Ln alert(s) would be raised (dry run: nothing stored).</source>
        <translation>
            <numerusform>%1 événements lus, %Ln alerte serait levée (essai : rien n'est enregistré).</numerusform>
            <numerusform>%1 événements lus, %Ln alertes seraient levées (essai : rien n'est enregistré).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 events read, %Ln alert(s) found (retro-hunt).</source>
        <translation>
            <numerusform>%1 événements lus, %Ln alerte trouvée (recherche rétroactive).</numerusform>
            <numerusform>%1 événements lus, %Ln alertes trouvées (recherche rétroactive).</numerusform>
        </translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulée.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Échec.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Retro-hunt</source>
        <translation>Recherche rétroactive</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Période personnalisée</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>Run the detection rules over the stored events of the range</source>
        <translation>Exécuter les règles de détection sur les événements enregistrés de la période</translation>
    </message>
    <message>
        <source>Show &amp;Alerts</source>
        <translation>Afficher les &amp;alertes</translation>
    </message>
    <message>
        <source>Open the alert queue</source>
        <translation>Ouvrir la file d'alertes</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RuleEditor</name>
    <message>
        <source>YAML syntax: %1</source>
        <translation>Syntaxe YAML : %1</translation>
    </message>
    <message>
        <source>Vigie cannot run this rule: %1</source>
        <translation>Vigie ne peut pas exécuter cette règle : %1</translation>
    </message>
    <message>
        <source>No %1: Sigma rules should have one.</source>
        <translation>Pas de %1 : une règle Sigma devrait en avoir un.</translation>
    </message>
    <message>
        <source>Unknown level "%1": use informational, low, medium, high or critical.</source>
        <translation>Gravité « %1 » inconnue : utilisez informational, low, medium, high ou critical.</translation>
    </message>
    <message>
        <source>Unknown status "%1": use stable, test, experimental, deprecated or unsupported.</source>
        <translation>Statut « %1 » inconnu : utilisez stable, test, experimental, deprecated ou unsupported.</translation>
    </message>
    <message>
        <source>The correlation refers to rule %1, which is not in this text: load that rule with it.</source>
        <translation>La corrélation fait référence à la règle %1, absente de ce texte : chargez cette règle avec elle.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Empty: write or paste a Sigma rule.</source>
        <translation>Vide : saisissez ou collez une règle Sigma.</translation>
    </message>
    <message>
        <source>Valid correlation: %1</source>
        <translation>Corrélation valide : %1</translation>
    </message>
    <message>
        <source>Valid rule: %1</source>
        <translation>Règle valide : %1</translation>
    </message>
    <message numerus="yes">
        <source>Valid: %n document(s)</source>
        <translation>
            <numerusform>Valide : %n document</numerusform>
            <numerusform>Valide : %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>Sigma rule text</source>
        <translation>Texte de la règle Sigma</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Problems in the rule</source>
        <translation>Problèmes de la règle</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RuleEditorDialog</name>
    <message>
        <source>Not saved: %1
The editor now shows the stored version %2; your text is on the clipboard.</source>
        <translation>Non enregistrée : %1
L’éditeur affiche maintenant la version enregistrée %2 ; votre texte est dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistrée : %1</translation>
    </message>
    <message>
        <source>Discard your unsaved changes to this rule?</source>
        <translation>Abandonner vos modifications non enregistrées de cette règle ?</translation>
    </message>
    <message>
        <source>New Rule</source>
        <translation>Nouvelle règle</translation>
    </message>
    <message>
        <source>Rule “%1”</source>
        <translation>Règle « %1 »</translation>
    </message>
    <message>
        <source>Test against stored events</source>
        <translation>Tester sur les événements stockés</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Store the text; the detection runs it from the next events (%1)</source>
        <translation>Enregistrer le texte ; la détection l’applique dès les prochains événements (%1)</translation>
    </message>
    <message>
        <source>Save &amp;Disabled</source>
        <translation>Enregistrer &amp;désactivée</translation>
    </message>
    <message>
        <source>Store the rule switched off: it raises nothing until you enable it</source>
        <translation>Enregistrer la règle désactivée : elle ne lève rien tant que vous ne l’activez pas</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RuleImportReportDialog</name>
    <message>
        <source>Rule Import</source>
        <translation>Import de règles</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) imported and enabled.</source>
        <translation>
            <numerusform>%n règle importée et activée.</numerusform>
            <numerusform>%n règles importées et activées.</numerusform>
        </translation>
    </message>
    <message>
        <source>No Sigma rule file (*.yml, *.yaml) was found there.</source>
        <translation>Aucun fichier de règle Sigma (*.yml, *.yaml) n’a été trouvé à cet endroit.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not stored: %1 document(s) cannot run here. A file is stored only when all its documents can run:</source>
        <translation>
            <numerusform>%n fichier non enregistré : %1 document(s) ne peuvent pas s’exécuter ici. Un fichier n’est enregistré que si tous ses documents peuvent s’exécuter :</numerusform>
            <numerusform>%n fichiers non enregistrés : %1 document(s) ne peuvent pas s’exécuter ici. Un fichier n’est enregistré que si tous ses documents peuvent s’exécuter :</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy Report</source>
        <translation>&amp;Copier le rapport</translation>
    </message>
    <message>
        <source>Copy the summary and every reason to the clipboard</source>
        <translation>Copier le résumé et chaque motif dans le presse-papiers</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>    %1: %2</source>
        <translation>    %1 : %2</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RuleManagerPanel</name>
    <message>
        <source>Enable Rule “%1”</source>
        <translation>Activer la règle « %1 »</translation>
    </message>
    <message>
        <source>Disable Rule “%1”</source>
        <translation>Désactiver la règle « %1 »</translation>
    </message>
    <message>
        <source>Edit Rule “%1”</source>
        <translation>Modifier la règle « %1 »</translation>
    </message>
    <message>
        <source>Add Rule</source>
        <translation>Ajouter une règle</translation>
    </message>
    <message>
        <source>Delete Rule “%1”</source>
        <translation>Supprimer la règle « %1 »</translation>
    </message>
    <message>
        <source>Import a Folder of Sigma Rules</source>
        <translation>Importer un dossier de règles Sigma</translation>
    </message>
    <message>
        <source>Import Sigma Rules</source>
        <translation>Importer des règles Sigma</translation>
    </message>
    <message>
        <source>Sigma rules (*.yml *.yaml)</source>
        <translation>Règles Sigma (*.yml *.yaml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The rules could not be read: %1</source>
        <translation>Les règles n’ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation>La modification n’a pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Activer</translation>
    </message>
    <message>
        <source>Built-in rules cannot be deleted: disable them instead</source>
        <translation>Les règles intégrées ne peuvent pas être supprimées : désactivez-les plutôt</translation>
    </message>
    <message>
        <source>Delete the selected rule (%1); Undo puts it back</source>
        <translation>Supprimer la règle sélectionnée (%1) ; Annuler la rétablit</translation>
    </message>
    <message>
        <source>The detection rules appear once the detection engine runs.</source>
        <translation>Les règles de détection apparaissent dès que le moteur de détection tourne.</translation>
    </message>
    <message>
        <source>Reading the detection rules…</source>
        <translation>Lecture des règles de détection…</translation>
    </message>
    <message>
        <source>No detection rule. Import Sigma rules or write one with New Rule.</source>
        <translation>Aucune règle de détection. Importez des règles Sigma ou écrivez-en une avec Nouvelle règle.</translation>
    </message>
    <message>
        <source>Rule Manager</source>
        <translation>Gestionnaire de règles</translation>
    </message>
    <message>
        <source>Rule actions</source>
        <translation>Actions sur les règles</translation>
    </message>
    <message>
        <source>Filter by title, level, origin, logsource or status</source>
        <translation>Filtrer par titre, gravité, origine, source de journaux ou état</translation>
    </message>
    <message>
        <source>Rule &amp;Manager…</source>
        <translation>&amp;Gestionnaire de règles…</translation>
    </message>
    <message>
        <source>List, import, edit, test and enable the detection rules</source>
        <translation>Lister, importer, modifier, tester et activer les règles de détection</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Import Sigma rules from files or a folder; unsupported ones are reported</source>
        <translation>Importer des règles Sigma depuis des fichiers ou un dossier ; celles non prises en charge sont signalées</translation>
    </message>
    <message>
        <source>Import &amp;Files…</source>
        <translation>Importer des &amp;fichiers…</translation>
    </message>
    <message>
        <source>Import F&amp;older…</source>
        <translation>Importer un d&amp;ossier…</translation>
    </message>
    <message>
        <source>&amp;New Rule…</source>
        <translation>&amp;Nouvelle règle…</translation>
    </message>
    <message>
        <source>Write a rule in the editor, test it, then save it (%1)</source>
        <translation>Écrire une règle dans l’éditeur, la tester, puis l’enregistrer (%1)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Open the selected rule in the editor (Enter or double-click)</source>
        <translation>Ouvrir la règle sélectionnée dans l’éditeur (Entrée ou double-clic)</translation>
    </message>
    <message>
        <source>Enable or disable the selected rule (Space)</source>
        <translation>Activer ou désactiver la règle sélectionnée (Espace)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>Ann&amp;uler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Annuler : %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Rétablir : %1</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RuleTestPane</name>
    <message>
        <source>The test failed: %1</source>
        <translation>Le test a échoué : %1</translation>
    </message>
    <message>
        <source>Cancelled after %1 events read: %2 hit(s) until then.</source>
        <translation>Annulé après %1 événements lus : %2 correspondance(s) jusque-là.</translation>
    </message>
    <message numerus="yes">
        <source>%1 hit(s) in the last %Ln hour(s) (%2 alert(s))</source>
        <translation>
            <numerusform>%1 correspondance(s) sur la dernière heure (%2 alerte(s))</numerusform>
            <numerusform>%1 correspondance(s) sur les %Ln dernières heures (%2 alerte(s))</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Test over the last</source>
        <translation>&amp;Tester sur les dernières</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Hours of stored events to run the rule over (1 to 720)</source>
        <translation>Heures d’événements stockés sur lesquelles exécuter la règle (1 à 720)</translation>
    </message>
    <message>
        <source>&amp;Run Test</source>
        <translation>&amp;Lancer le test</translation>
    </message>
    <message>
        <source>Run the text being edited over the stored events; nothing is stored or raised</source>
        <translation>Exécuter le texte en cours de modification sur les événements stockés ; rien n’est enregistré ni levé</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Sigma id</source>
        <translation>Identifiant Sigma</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Correspondances</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Première</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Dernière</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::RuleTestStrip</name>
    <message>
        <source>Testing the rule</source>
        <translation>Test de la règle</translation>
    </message>
    <message numerus="yes">
        <source>The rule runs over the stored events of the last %n hour(s)</source>
        <translation>
            <numerusform>La règle s’exécute sur les événements stockés de la dernière heure</numerusform>
            <numerusform>La règle s’exécute sur les événements stockés des %n dernières heures</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 events read · %2 hit(s)</source>
        <translation>%1 événements lus · %2 correspondance(s)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the test; the hits found so far are shown</source>
        <translation>Arrêter le test ; les correspondances trouvées jusque-là sont affichées</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::SavedSearchesPanel</name>
    <message>
        <source>Save Search “%1”</source>
        <translation>Enregistrer la recherche « %1 »</translation>
    </message>
    <message>
        <source>Replace Search “%1”</source>
        <translation>Remplacer la recherche « %1 »</translation>
    </message>
    <message>
        <source>Rename Search “%1” to “%2”</source>
        <translation>Renommer la recherche « %1 » en « %2 »</translation>
    </message>
    <message>
        <source>Delete Search “%1”</source>
        <translation>Supprimer la recherche « %1 »</translation>
    </message>
    <message>
        <source>The search cannot be saved: its query has an error at character %1: %2</source>
        <translation>Impossible d’enregistrer la recherche : sa requête contient une erreur au caractère %1 : %2</translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation>Enregistrer la recherche</translation>
    </message>
    <message>
        <source>Name of the saved search:</source>
        <translation>Nom de la recherche enregistrée :</translation>
    </message>
    <message>
        <source>Replace Saved Search</source>
        <translation>Remplacer la recherche enregistrée</translation>
    </message>
    <message>
        <source>Replace its query and time range (%1) with the current search (%2)? You can undo this with %3.</source>
        <translation>Remplacer sa requête et sa période (%1) par la recherche en cours (%2) ? Vous pourrez l’annuler avec %3.</translation>
    </message>
    <message>
        <source>Saved query: %1
Current query: %2</source>
        <translation>Requête enregistrée : %1
Requête en cours : %2</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Rename Saved Search</source>
        <translation>Renommer la recherche enregistrée</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>Nouveau nom de « %1 » :</translation>
    </message>
    <message>
        <source>The saved searches could not be read: %1</source>
        <translation>Impossible de lire les recherches enregistrées : %1</translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation>La modification n’a pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Annuler : %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Rétablir : %1</translation>
    </message>
    <message>
        <source>The saved searches appear once the database is connected.</source>
        <translation>Les recherches enregistrées s’affichent une fois la base de données connectée.</translation>
    </message>
    <message>
        <source>Reading the saved searches…</source>
        <translation>Lecture des recherches enregistrées…</translation>
    </message>
    <message>
        <source>No saved search yet. Run a search, then save it with %1.</source>
        <translation>Aucune recherche enregistrée pour l’instant. Lancez une recherche, puis enregistrez-la avec %1.</translation>
    </message>
    <message>
        <source>Saved Searches</source>
        <translation>Recherches enregistrées</translation>
    </message>
    <message>
        <source>Saved search actions</source>
        <translation>Actions sur les recherches enregistrées</translation>
    </message>
    <message>
        <source>Filter by name or query</source>
        <translation>Filtrer par nom ou requête</translation>
    </message>
    <message>
        <source>&amp;Save Current Search…</source>
        <translation>&amp;Enregistrer la recherche en cours…</translation>
    </message>
    <message>
        <source>Save the query and time range of the search bar under a name (%1)</source>
        <translation>Enregistrer sous un nom la requête et la période de la barre de recherche (%1)</translation>
    </message>
    <message>
        <source>Ru&amp;n</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>Run the selected search (Enter or double-click)</source>
        <translation>Lancer la recherche sélectionnée (Entrée ou double-clic)</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Re&amp;nommer…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::SearchBar</name>
    <message>
        <source>%1 to %2</source>
        <translation>Du %1 au %2</translation>
    </message>
    <message>
        <source>Syntax error at character %1: %2</source>
        <translation>Erreur de syntaxe au caractère %1 : %2</translation>
    </message>
    <message>
        <source>Search events, e.g. host:web-01 and severity&lt;=3 (Ctrl+F)</source>
        <translation>Rechercher des événements, p. ex. host:web-01 and severity&lt;=3 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Query: field:value, and / or / not, quotes for phrases, * wildcards. Enter runs it, Esc clears it, Up and Down recall past queries.</source>
        <translation>Requête : champ:valeur, and / or / not, guillemets pour les expressions, * comme joker. Entrée l’exécute, Échap l’efface, Haut et Bas rappellent les requêtes précédentes.</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Plage horaire</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Toute la période</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Previous search (Alt+Left)</source>
        <translation>Recherche précédente (Alt+Gauche)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Next search (Alt+Right)</source>
        <translation>Recherche suivante (Alt+Droite)</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::ShippedDashboard</name>
    <message>
        <source>SOC overview</source>
        <translation>Vue d'ensemble SOC</translation>
    </message>
    <message>
        <source>Events by severity</source>
        <translation>Événements par gravité</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Failed logins vs usual</source>
        <translation>Échecs de connexion par rapport à l'habituel</translation>
    </message>
    <message>
        <source>Hosts with most failed logins</source>
        <translation>Hôtes avec le plus d'échecs de connexion</translation>
    </message>
    <message>
        <source>Users with most failed logins</source>
        <translation>Utilisateurs avec le plus d'échecs de connexion</translation>
    </message>
    <message>
        <source>Severity mix</source>
        <translation>Répartition par gravité</translation>
    </message>
    <message>
        <source>Blocked connections by destination port</source>
        <translation>Connexions bloquées par port de destination</translation>
    </message>
    <message>
        <source>Authentication activity</source>
        <translation>Activité d'authentification</translation>
    </message>
    <message>
        <source>Authentication anomalies</source>
        <translation>Anomalies d'authentification</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Failed logins vs usual ($host)</source>
        <translation>Échecs de connexion par rapport à l'habituel ($host)</translation>
    </message>
    <message>
        <source>Failed logins by action</source>
        <translation>Échecs de connexion par action</translation>
    </message>
    <message>
        <source>Failed logins by host</source>
        <translation>Échecs de connexion par hôte</translation>
    </message>
    <message>
        <source>Failed logins by user</source>
        <translation>Échecs de connexion par utilisateur</translation>
    </message>
    <message>
        <source>Failed login source networks</source>
        <translation>Réseaux sources des échecs de connexion</translation>
    </message>
    <message>
        <source>Brute-force sources</source>
        <translation>Sources d'attaques par force brute</translation>
    </message>
    <message>
        <source>First-seen logins</source>
        <translation>Connexions vues pour la première fois</translation>
    </message>
    <message>
        <source>Distinct users failing</source>
        <translation>Utilisateurs distincts en échec</translation>
    </message>
    <message>
        <source>Privilege use</source>
        <translation>Utilisation de privilèges</translation>
    </message>
    <message>
        <source>Network and IDS</source>
        <translation>Réseau et IDS</translation>
    </message>
    <message>
        <source>IDS alerts by severity</source>
        <translation>Alertes IDS par gravité</translation>
    </message>
    <message>
        <source>Top signatures</source>
        <translation>Signatures les plus fréquentes</translation>
    </message>
    <message>
        <source>IDS alerts blocked vs allowed</source>
        <translation>Alertes IDS bloquées ou autorisées</translation>
    </message>
    <message>
        <source>Top talkers (source networks)</source>
        <translation>Plus gros émetteurs (réseaux sources)</translation>
    </message>
    <message>
        <source>Rare destination ports</source>
        <translation>Ports de destination rares</translation>
    </message>
    <message>
        <source>Blocked connections</source>
        <translation>Connexions bloquées</translation>
    </message>
    <message>
        <source>Most targeted destinations</source>
        <translation>Destinations les plus ciblées</translation>
    </message>
    <message>
        <source>Network event kinds</source>
        <translation>Types d'événements réseau</translation>
    </message>
    <message>
        <source>Alerts and incidents</source>
        <translation>Alertes et incidents</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>Alertes ouvertes</translation>
    </message>
    <message>
        <source>Alerts by level</source>
        <translation>Alertes par niveau</translation>
    </message>
    <message>
        <source>Top rules</source>
        <translation>Règles les plus déclenchées</translation>
    </message>
    <message>
        <source>Alerts by host</source>
        <translation>Alertes par hôte</translation>
    </message>
    <message>
        <source>Noisiest entities</source>
        <translation>Entités les plus bruyantes</translation>
    </message>
    <message>
        <source>Anomaly vs rule alerts</source>
        <translation>Alertes d'anomalie ou de règle</translation>
    </message>
    <message>
        <source>Anomaly alerts</source>
        <translation>Alertes d'anomalie</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::SourceDialog</name>
    <message>
        <source>PEM keys (*.key *.pem);;All files (*)</source>
        <translation>Clés PEM (*.key *.pem);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose a PEM file</source>
        <translation>Choisir un fichier PEM</translation>
    </message>
    <message>
        <source>Add Source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <source>Edit Source “%1”</source>
        <translation>Modifier la source « %1 »</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protocole :</translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation>&amp;Adresse d’écoute :</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort :</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>e.g. Firewalls (CEF)</source>
        <translation>p. ex. Pare-feu (CEF)</translation>
    </message>
    <message>
        <source>0.0.0.0 for every interface</source>
        <translation>0.0.0.0 pour toutes les interfaces</translation>
    </message>
    <message>
        <source>0 lets the system choose a free port</source>
        <translation>Avec 0, le système choisit un port libre</translation>
    </message>
    <message>
        <source>&amp;Enabled: listen as soon as it is saved</source>
        <translation>A&amp;ctivée : écouter dès l’enregistrement</translation>
    </message>
    <message>
        <source>Automatic recognises syslog (RFC 5424 and 3164), CEF, LEEF and JSON record by record</source>
        <translation>Automatique reconnaît syslog (RFC 5424 et 3164), CEF, LEEF et JSON, enregistrement par enregistrement</translation>
    </message>
    <message>
        <source>TLS (RFC 5425)</source>
        <translation>TLS (RFC 5425)</translation>
    </message>
    <message>
        <source>Paths of PEM files on this computer; the key file itself is never copied.</source>
        <translation>Chemins de fichiers PEM sur cet ordinateur ; le fichier de clé lui-même n’est jamais copié.</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Certificat :</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>C&amp;lé privée :</translation>
    </message>
    <message>
        <source>Client C&amp;A (optional):</source>
        <translation>A&amp;C des clients (facultatif) :</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Leave empty not to ask clients for a certificate</source>
        <translation>Laisser vide pour ne pas demander de certificat aux clients</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::SourcesPanel</name>
    <message>
        <source>Add Source “%1”</source>
        <translation>Ajout de la source « %1 »</translation>
    </message>
    <message>
        <source>Edit Source “%1”</source>
        <translation>Modification de la source « %1 »</translation>
    </message>
    <message>
        <source>Enable Source “%1”</source>
        <translation>Activation de la source « %1 »</translation>
    </message>
    <message>
        <source>Disable Source “%1”</source>
        <translation>Désactivation de la source « %1 »</translation>
    </message>
    <message>
        <source>Delete Source “%1”</source>
        <translation>Suppression de la source « %1 »</translation>
    </message>
    <message>
        <source>Delete Source</source>
        <translation>Supprimer la source</translation>
    </message>
    <message>
        <source>Delete the source “%1”?</source>
        <translation>Supprimer la source « %1 » ?</translation>
    </message>
    <message>
        <source>It stops listening on %1. The events it already received are kept. You can undo this with %2.</source>
        <translation>Elle cessera d’écouter sur %1. Les événements déjà reçus sont conservés. Vous pourrez annuler avec %2.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation>La modification n’a pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>A&amp;ctiver</translation>
    </message>
    <message>
        <source>Stop listening (the source stays configured)</source>
        <translation>Cesser d’écouter (la source reste configurée)</translation>
    </message>
    <message>
        <source>Start listening</source>
        <translation>Commencer à écouter</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Annuler : %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Rétablir : %1</translation>
    </message>
    <message>
        <source>The sources appear once the database is connected.</source>
        <translation>Les sources s’affichent dès que la base de données est connectée.</translation>
    </message>
    <message>
        <source>Reading the sources…</source>
        <translation>Lecture des sources…</translation>
    </message>
    <message>
        <source>No source is configured yet. Add one to receive syslog, CEF, LEEF or JSON over TCP, UDP or TLS.</source>
        <translation>Aucune source n’est encore configurée. Ajoutez-en une pour recevoir du syslog, du CEF, du LEEF ou du JSON en TCP, UDP ou TLS.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Source actions</source>
        <translation>Actions sur les sources</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Add a source: a TCP, UDP or TLS listener</source>
        <translation>Ajouter une source : un écouteur TCP, UDP ou TLS</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::TileChartView</name>
    <message>
        <source>Usual range</source>
        <translation>Plage habituelle</translation>
    </message>
    <message>
        <source>%1
Usual: %2 to %3 events</source>
        <translation>%1
Habituel : %2 à %3 événements</translation>
    </message>
    <message>
        <source>Above usual</source>
        <translation>Au-dessus de l'habituel</translation>
    </message>
    <message>
        <source>%1
%2: %3 events</source>
        <translation>%1
%2 : %3 événements</translation>
    </message>
    <message>
        <source>Usual: %1 to %2 events</source>
        <translation>Habituel : %1 à %2 événements</translation>
    </message>
    <message>
        <source>%1: %2 events</source>
        <translation>%1 : %2 événements</translation>
    </message>
    <message>
        <source>%1: %2 events (%3 %)</source>
        <translation>%1 : %2 événements (%3 %)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Urgence</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Notification</translation>
    </message>
    <message>
        <source>Informational</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Débogage</translation>
    </message>
    <message>
        <source>%1 %2 – %3</source>
        <translation>%1 %2 – %3</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::TileEditorDialog</name>
    <message>
        <source>Show the usual range (baseline band)</source>
        <translation>Afficher la plage habituelle (bande de référence)</translation>
    </message>
    <message>
        <source>Show the trend against the previous period</source>
        <translation>Afficher la tendance par rapport à la période précédente</translation>
    </message>
    <message>
        <source>Show a sparkline</source>
        <translation>Afficher une mini-courbe</translation>
    </message>
    <message>
        <source>Open the clicked value in Search</source>
        <translation>Ouvrir la valeur cliquée dans la recherche</translation>
    </message>
    <message>
        <source>New Tile</source>
        <translation>Nouvelle tuile</translation>
    </message>
    <message>
        <source>Edit Tile</source>
        <translation>Modifier la tuile</translation>
    </message>
    <message>
        <source>e.g. category:authentication and outcome:failure and host:$host</source>
        <translation>ex. category:authentication and outcome:failure and host:$host</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Count over time</source>
        <translation>Nombre dans le temps</translation>
    </message>
    <message>
        <source>Top values of a field</source>
        <translation>Valeurs les plus fréquentes d'un champ</translation>
    </message>
    <message>
        <source>Distinct values of a field</source>
        <translation>Valeurs distinctes d'un champ</translation>
    </message>
    <message>
        <source>Sum of a field</source>
        <translation>Somme d'un champ</translation>
    </message>
    <message>
        <source>Average of a field</source>
        <translation>Moyenne d'un champ</translation>
    </message>
    <message>
        <source>Total count</source>
        <translation>Nombre total</translation>
    </message>
    <message>
        <source>Rate against its baseline</source>
        <translation>Taux comparé à sa référence</translation>
    </message>
    <message>
        <source>Hour of day × day of week</source>
        <translation>Heure du jour × jour de la semaine</translation>
    </message>
    <message>
        <source>Newest rows</source>
        <translation>Lignes les plus récentes</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>a field, empty for one series</source>
        <translation>un champ, vide pour une seule série</translation>
    </message>
    <message>
        <source>e.g. user_name</source>
        <translation>ex. user_name</translation>
    </message>
    <message>
        <source>Most frequent first</source>
        <translation>Les plus fréquentes d'abord</translation>
    </message>
    <message>
        <source>Rarest first</source>
        <translation>Les plus rares d'abord</translation>
    </message>
    <message>
        <source>e.g. anomaly.rate.failed_logins.host</source>
        <translation>ex. anomaly.rate.failed_logins.host</translation>
    </message>
    <message>
        <source>e.g. host=$host</source>
        <translation>ex. host=$host</translation>
    </message>
    <message>
        <source>comma-separated, e.g. ts, host, message</source>
        <translation>séparées par des virgules, ex. ts, host, message</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Courbe</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Aire</translation>
    </message>
    <message>
        <source>Stacked bars</source>
        <translation>Barres empilées</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Barres</translation>
    </message>
    <message>
        <source>Pie</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <source>Donut</source>
        <translation>Anneau</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Single number</source>
        <translation>Nombre unique</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Carte de chaleur</translation>
    </message>
    <message>
        <source>By severity</source>
        <translation>Par gravité</translation>
    </message>
    <message>
        <source>By alert level</source>
        <translation>Par niveau d'alerte</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Query:</source>
        <translation>Re&amp;quête :</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>S&amp;ource :</translation>
    </message>
    <message>
        <source>&amp;Aggregation:</source>
        <translation>&amp;Agrégation :</translation>
    </message>
    <message>
        <source>&amp;Bucket:</source>
        <translation>&amp;Intervalle :</translation>
    </message>
    <message>
        <source>S&amp;plit by:</source>
        <translation>Ré&amp;partir par :</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Champ :</translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation>&amp;Limite :</translation>
    </message>
    <message>
        <source>O&amp;rder:</source>
        <translation>O&amp;rdre :</translation>
    </message>
    <message>
        <source>&amp;Detector:</source>
        <translation>&amp;Détecteur :</translation>
    </message>
    <message>
        <source>&amp;Entity:</source>
        <translation>&amp;Entité :</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>C&amp;olonnes :</translation>
    </message>
    <message>
        <source>&amp;Visualization:</source>
        <translation>&amp;Visualisation :</translation>
    </message>
    <message>
        <source>Co&amp;lours:</source>
        <translation>Coul&amp;eurs :</translation>
    </message>
    <message>
        <source>Give the tile a title.</source>
        <translation>Donnez un titre à la tuile.</translation>
    </message>
    <message>
        <source>reads the hourly rollups</source>
        <translation>lit les agrégats horaires</translation>
    </message>
    <message>
        <source>reads the daily rollups</source>
        <translation>lit les agrégats quotidiens</translation>
    </message>
    <message>
        <source>reads the per-minute counts</source>
        <translation>lit les comptages par minute</translation>
    </message>
    <message>
        <source>reads the alerts</source>
        <translation>lit les alertes</translation>
    </message>
    <message>
        <source>reads the events: slow over long ranges</source>
        <translation>lit les événements : lent sur de longues périodes</translation>
    </message>
    <message>
        <source>Over the dashboard's range this tile %1.</source>
        <translation>Sur la période du tableau de bord, cette tuile %1.</translation>
    </message>
    <message>
        <source>Syntax error at character %1: %2</source>
        <translation>Erreur de syntaxe au caractère %1 : %2</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::TileFrame</name>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Dupliquer</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Open in &amp;Search</source>
        <translation>Ouvrir dans la &amp;recherche</translation>
    </message>
    <message>
        <source>Tile actions</source>
        <translation>Actions de la tuile</translation>
    </message>
    <message>
        <source>Refreshing</source>
        <translation>Actualisation en cours</translation>
    </message>
    <message>
        <source>Drag to resize</source>
        <translation>Faire glisser pour redimensionner</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::TileHeatmapView</name>
    <message>
        <source>0 to %1 events</source>
        <translation>0 à %1 événements</translation>
    </message>
    <message>
        <source>%1 %2:00–%3:00: %4 events</source>
        <translation>%1 %2:00–%3:00 : %4 événements</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::TileNumberView</name>
    <message>
        <source>from none</source>
        <translation>depuis zéro</translation>
    </message>
    <message>
        <source>%1 (previous period: %2)</source>
        <translation>%1 (période précédente : %2)</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::TileTableView</name>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
</context>
<context>
    <name>vigie::widgets::TileView</name>
    <message>
        <source>No events in this range</source>
        <translation>Aucun événement sur cette période</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune valeur)</translation>
    </message>
</context>
</TS>