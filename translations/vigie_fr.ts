<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Vigie, the security operations analyst&apos;s workstation.</source>
        <translation>Vigie, le poste de travail de l’analyste SOC.</translation>
    </message>
    <message>
        <source>Replay the demonstration attack scenario through a local listener.</source>
        <translation>Rejouer le scénario d’attaque de démonstration via un récepteur local.</translation>
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
        <translation>Langue de l’interface&#xa0;: en ou fr.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use en or fr.</source>
        <translation>Langue «&#xa0;%1&#xa0;» inconnue&#xa0;; utilisez en ou fr.</translation>
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
        <translation>%1&#xa0;:</translation>
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
        <translation>Cet enregistrement n’a pas pu être analysé&#xa0;; il est conservé tel que reçu.</translation>
    </message>
    <message>
        <source>This record did not parse: %1</source>
        <translation>Cet enregistrement n’a pas pu être analysé&#xa0;: %1</translation>
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
        <translation>Total&#xa0;: %1 reçus, %2 enregistrés</translation>
    </message>
    <message>
        <source>Parse errors: %1 · Dropped: %2</source>
        <translation>Erreurs d’analyse&#xa0;: %1 · Perdus&#xa0;: %2</translation>
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
</context>
<context>
    <name>vigie::widgets::MainWindow</name>
    <message>
        <source>Could not read events: %1</source>
        <translation>Impossible de lire les événements&#xa0;: %1</translation>
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
        <source>Copy the selected event&apos;s raw line to the clipboard</source>
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
        <translation>La chaîne de connexion à la base de données est inutilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>Vigie could not start</source>
        <translation>Vigie n’a pas pu démarrer</translation>
    </message>
    <message>
        <source>Vigie could not open its database, so no events can be received or shown.</source>
        <translation>Vigie n’a pas pu ouvrir sa base de données&#xa0;; aucun événement ne peut être reçu ni affiché.</translation>
    </message>
    <message>
        <source>Demo mode: the attack scenario is being sent to %1</source>
        <translation>Mode démonstration&#xa0;: le scénario d’attaque est envoyé à %1</translation>
    </message>
    <message>
        <source>About Vigie</source>
        <translation>À propos de Vigie</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vigie %1&lt;/h3&gt;&lt;p&gt;A workstation for the analysts of a security operations centre: it collects logs, keeps their history in PostgreSQL and shows them as they arrive.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Vigie %1&lt;/h3&gt;&lt;p&gt;Un poste de travail pour les analystes d’un centre opérationnel de sécurité (SOC)&#xa0;: il collecte les journaux, en conserve l’historique dans PostgreSQL et les affiche dès leur arrivée.&lt;/p&gt;</translation>
    </message>
</context>
</TS>
