<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BadgeView</name>
    <message>
        <location filename="../BadgeView.qml" line="24"/>
        <source>Off-campus training inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="40"/>
        <source>Badge photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="46"/>
        <source>No photo yet: your coordinator adds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="56"/>
        <source>Valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="56"/>
        <source>No validity on this phone yet: sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="71"/>
        <source>Scan to check this inspector with the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInStep</name>
    <message>
        <location filename="../CheckInStep.qml" line="17"/>
        <source>Check in when you arrive. The time and your position are recorded with the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="22"/>
        <source>Locating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="22"/>
        <source>Check in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="22"/>
        <source>Check in now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="37"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="39"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="43"/>
        <source>locating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="43"/>
        <source>no GPS fix (recorded without position)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="46"/>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="47"/>
        <source>±%1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="48"/>
        <source>Fix age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="49"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="50"/>
        <source>Distance to site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="51"/>
        <source>%1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="57"/>
        <source>You seem to be %1 m from the registered address. You can go on; the distance is recorded for the reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="65"/>
        <source>The position comes from a simulated (mock) location source. It is recorded and flagged for the reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistStepView</name>
    <message>
        <location filename="../ChecklistStepView.qml" line="28"/>
        <source>%1 of %2 answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="64"/>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="64"/>
        <source>Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="64"/>
        <source>N/A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="83"/>
        <source>What did you see? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="84"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="84"/>
        <source>Why does it not apply? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="94"/>
        <source>Add photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="98"/>
        <source>photo required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskAuditPage</name>
    <message numerus="yes">
        <location filename="../DeskAuditPage.qml" line="23"/>
        <source>Saved %n row(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="27"/>
        <location filename="../DeskAuditPage.qml" line="80"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="27"/>
        <location filename="../DeskAuditPage.qml" line="79"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="27"/>
        <location filename="../DeskAuditPage.qml" line="80"/>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="37"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="38"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="41"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="41"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="49"/>
        <source>CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="61"/>
        <source>Supervisors see the refused and conflicting entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="71"/>
        <source>Every action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="79"/>
        <source>Every outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="83"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="84"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="86"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="87"/>
        <source>Search record, reason or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="91"/>
        <source>%1 of %2 entries (the newest 1000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="123"/>
        <source>(the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="137"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="138"/>
        <source>The audit log is on the server: this needs a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="139"/>
        <source>Could not read the audit log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="140"/>
        <source>No entry matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="141"/>
        <source>No audit entries.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskBusy</name>
    <message>
        <location filename="../DeskBusy.qml" line="11"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskCasesPage</name>
    <message>
        <location filename="../DeskCasesPage.qml" line="21"/>
        <source>Close requested. The server closes the case only if its re-inspection passed; its answer shows here after the sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="27"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="32"/>
        <source>Every status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="32"/>
        <source>Rectification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="33"/>
        <source>Re-inspection due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="33"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="34"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="34"/>
        <source>No violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="44"/>
        <source>Search institution, tier or order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="79"/>
        <source>(unlisted site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="85"/>
        <source>Rectify by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="85"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="88"/>
        <source>Order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskCasesPage.qml" line="91"/>
        <source>%n escalation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="92"/>
        <source>Re-inspection task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="92"/>
        <source>No re-inspection task yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="93"/>
        <source>closed by a passing re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="99"/>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="106"/>
        <source>Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="114"/>
        <source>No cases.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskComplaintsPage</name>
    <message numerus="yes">
        <location filename="../DeskComplaintsPage.qml" line="28"/>
        <source>Imported %n complaint(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="35"/>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="36"/>
        <source>Show closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="37"/>
        <location filename="../DeskComplaintsPage.qml" line="45"/>
        <source>New complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="38"/>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="61"/>
        <location filename="../DeskComplaintsPage.qml" line="184"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="63"/>
        <source>Ticket no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="65"/>
        <location filename="../DeskComplaintsPage.qml" line="186"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="66"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="67"/>
        <location filename="../DeskComplaintsPage.qml" line="188"/>
        <location filename="../DeskComplaintsPage.qml" line="228"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="68"/>
        <source>in 15 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="69"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="70"/>
        <source>when the institution is not in the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="72"/>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="74"/>
        <source>Institution (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="80"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="82"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="89"/>
        <source>Complaint recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="113"/>
        <source>Search text, institution, address or ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskComplaintsPage.qml" line="115"/>
        <source>%n complaint(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskComplaintsPage.qml" line="115"/>
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="143"/>
        <location filename="../DeskComplaintsPage.qml" line="191"/>
        <source>(no institution yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="148"/>
        <location filename="../DeskComplaintsPage.qml" line="178"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="149"/>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="159"/>
        <source>No open complaints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="167"/>
        <source>Choose a complaint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="190"/>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="192"/>
        <source>Follow-up task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="194"/>
        <location filename="../DeskComplaintsPage.qml" line="232"/>
        <source>Triage note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="196"/>
        <location filename="../DeskComplaintsPage.qml" line="248"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="199"/>
        <source>Sending the last change… the actions are back in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="200"/>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="206"/>
        <location filename="../DeskComplaintsPage.qml" line="213"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="210"/>
        <source>or an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="215"/>
        <source>Linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="223"/>
        <source>Triage into a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="226"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="229"/>
        <source>in 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="230"/>
        <source>Covert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="235"/>
        <source>Make the follow-up task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="240"/>
        <source>Task made; the complaint is triaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="255"/>
        <source>What was found and done (required to resolve)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="264"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="265"/>
        <source>In progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="271"/>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="272"/>
        <source>Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="277"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="279"/>
        <source>Closed (销号).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="285"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="286"/>
        <source>Reopened: back in progress.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskCoveragePage</name>
    <message numerus="yes">
        <location filename="../DeskCoveragePage.qml" line="24"/>
        <source>Saved %n row(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="46"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="47"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="47"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="52"/>
        <source>CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="65"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="66"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="67"/>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="68"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="70"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="72"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="73"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="80"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="89"/>
        <source>%1 of %2 institutions inspected (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="101"/>
        <source>By district and zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="144"/>
        <source>No institutions in scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="161"/>
        <source>Campaign: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="162"/>
        <source>%1 of %2 institutions visited often enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="164"/>
        <source>No key target missed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="165"/>
        <source>Key targets not visited: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="171"/>
        <source>Not inspected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="181"/>
        <source>Every institution was inspected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="183"/>
        <source>Volunteer activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskCoveragePage.qml" line="195"/>
        <source>%n visit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskCoveragePage.qml" line="195"/>
        <source>%n site(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="196"/>
        <source>no visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="199"/>
        <source>No volunteers in scope.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskDevicesPage</name>
    <message>
        <location filename="../DeskDevicesPage.qml" line="34"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="39"/>
        <source>Revoke %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="47"/>
        <source>Use this for a phone that was lost or replaced. After this desk syncs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="50"/>
        <source>The phone stops working at its next contact with the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="51"/>
        <source>What it had not sent stays on it and is not received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="52"/>
        <source>The badge shown on it is no longer valid: its owner&apos;s badge gets a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="53"/>
        <source>The person enrolls a replacement phone with a new enrollment code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="54"/>
        <source>This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="57"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="60"/>
        <location filename="../DeskDevicesPage.qml" line="123"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="74"/>
        <source>Search person, device or app version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="107"/>
        <source>(unnamed device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="108"/>
        <source>This device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="109"/>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="112"/>
        <source>Last contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="112"/>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskDevicesPage.qml" line="113"/>
        <source>%n change(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskDevicesPage.qml" line="114"/>
        <source>%n photo(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="115"/>
        <source>app %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="129"/>
        <source>No devices in scope.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskDrawPage</name>
    <message>
        <location filename="../DeskDrawPage.qml" line="37"/>
        <source>Committed. Seed hash %1 goes to the server with the next sync; then reveal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskDrawPage.qml" line="45"/>
        <source>Drawn: %n site(s). The server makes the tasks when this syncs.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="53"/>
        <source>Random draw (双随机)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="74"/>
        <source>New draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="78"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="79"/>
        <source>e.g. 3月双随机抽查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="80"/>
        <source>Sites to draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="82"/>
        <source>Inspectors per site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="84"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="86"/>
        <source>Skip sites visited within (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="88"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="89"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="90"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="91"/>
        <source>in 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="93"/>
        <source>Academic institutions only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="94"/>
        <source>Key targets only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="95"/>
        <source>Weight key targets, complaints and past violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="96"/>
        <source>Never a volunteer&apos;s own zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="97"/>
        <source>Covert visits (暗访)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="100"/>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="106"/>
        <source>Commit fixes the pool and the rules and sends only the hash of a secret seed. After the server has acknowledged it (sync), reveal runs the draw with the seed: nobody, not even this device, can choose the outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="117"/>
        <source>Draws (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskDrawPage.qml" line="140"/>
        <source>Draw of %n site(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="147"/>
        <source>No draws yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="155"/>
        <source>Choose a draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="163"/>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="165"/>
        <source>Seed hash (commitment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="170"/>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="179"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="185"/>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="191"/>
        <source>Re-running the draw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="202"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="204"/>
        <source>Commitment seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="206"/>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="208"/>
        <source>Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="209"/>
        <source>%1 sites, %2 inspectors, %3 pairs excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="210"/>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="211"/>
        <source>%1 made by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="213"/>
        <source>Pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="225"/>
        <source>Tasks made from this draw (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskExportsPage</name>
    <message>
        <location filename="../DeskExportsPage.qml" line="35"/>
        <source>Excel workbooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="35"/>
        <source>CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="41"/>
        <source>PDF files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="25"/>
        <source>PDF record saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskExportsPage.qml" line="26"/>
        <source>Saved %n row(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="52"/>
        <source>Exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="60"/>
        <source>Writing the export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="72"/>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="74"/>
        <source>Period (reports, coverage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="75"/>
        <source>30 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="77"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="80"/>
        <source>Inspection reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="80"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="81"/>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="81"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="96"/>
        <source>CSV files open in Excel with Chinese intact (UTF-8 with a byte-order mark). Covert visits stay covert: exports never publish anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="103"/>
        <source>PDF record of a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="104"/>
        <source>Search institution or inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="128"/>
        <source>(unlisted site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskExportsPage.qml" line="130"/>
        <source>%n failed item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="134"/>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="138"/>
        <source>No reports on this device yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskFileDialog</name>
    <message>
        <location filename="../DeskFileDialog.qml" line="13"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskFileDialog.qml" line="13"/>
        <source>Open a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskFileDialog.qml" line="14"/>
        <source>CSV files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskHeader</name>
    <message>
        <location filename="../DeskHeader.qml" line="22"/>
        <source>City-wide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskInstitutionForm</name>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="18"/>
        <source>New institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="18"/>
        <source>Edit institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="66"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="68"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="70"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="72"/>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="79"/>
        <source>(no zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="87"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="94"/>
        <source>Licence no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="96"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="98"/>
        <source>Latitude, longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="107"/>
        <source>Licensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="108"/>
        <source>Academic (学科类)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="109"/>
        <source>Key target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="116"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="117"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskInstitutionPicker</name>
    <message>
        <location filename="../DeskInstitutionPicker.qml" line="26"/>
        <source>Search institutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionPicker.qml" line="31"/>
        <source>Chosen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionPicker.qml" line="60"/>
        <source>No institution matches.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskListState</name>
    <message>
        <location filename="../DeskListState.qml" line="14"/>
        <source>Nothing here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskListState.qml" line="17"/>
        <source>Could not read the list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskListState.qml" line="18"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskListState.qml" line="19"/>
        <source>Loading… the records arrive with the sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskNotice</name>
    <message>
        <location filename="../DeskNotice.qml" line="25"/>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskNotice.qml" line="26"/>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskNotice.qml" line="26"/>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskPeoplePage</name>
    <message numerus="yes">
        <location filename="../DeskPeoplePage.qml" line="69"/>
        <source>Imported %n person(s). They sync when there is signal.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="75"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="76"/>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="81"/>
        <source>A photo for %1&apos;s badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="82"/>
        <source>Pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="89"/>
        <source>Switch off %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="89"/>
        <source>Switch %1 on again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="96"/>
        <source>After this desk syncs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="99"/>
        <source>Their phones are refused at their next contact with the server; what they had not sent stays on them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="104"/>
        <source>Their badge check says the badge is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="109"/>
        <source>Their phones work again, and their badge is valid again until it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="112"/>
        <source>This can be undone here at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="115"/>
        <location filename="../DeskPeoplePage.qml" line="162"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="118"/>
        <location filename="../DeskPeoplePage.qml" line="304"/>
        <source>Switch off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="118"/>
        <location filename="../DeskPeoplePage.qml" line="304"/>
        <source>Switch on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="130"/>
        <source>Change the role of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="137"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="144"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="144"/>
        <source>Coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="145"/>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="145"/>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="147"/>
        <source>District (volunteers and coordinators need one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="154"/>
        <source>None (city-wide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="157"/>
        <source>The person&apos;s phone takes the new role when it syncs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="163"/>
        <location filename="../DeskPeoplePage.qml" line="298"/>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="178"/>
        <source>Search name, phone, school or district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="187"/>
        <source>All districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="195"/>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="195"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="196"/>
        <location filename="../DeskPeoplePage.qml" line="260"/>
        <source>Switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="246"/>
        <source>Badge photo of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="259"/>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="261"/>
        <source>No badge photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="265"/>
        <source>Badge has no end date: not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="266"/>
        <source>Badge ended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="267"/>
        <source>Badge valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskPeoplePage.qml" line="268"/>
        <source>expires in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskPeoplePage.qml" line="269"/>
        <source>%n device(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="270"/>
        <source>last contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="270"/>
        <source>never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="279"/>
        <source>Renew badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="285"/>
        <source>Add badge photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="285"/>
        <source>Change badge photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="292"/>
        <source>Remove badge photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="312"/>
        <source>No people yet. Import a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="312"/>
        <source>No one matches.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskPhoto</name>
    <message>
        <location filename="../DeskPhoto.qml" line="32"/>
        <source>Not on this device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskRegistryPage</name>
    <message numerus="yes">
        <location filename="../DeskRegistryPage.qml" line="30"/>
        <source>Imported %n institution(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="35"/>
        <source>Saved. It syncs when there is signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="42"/>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="43"/>
        <source>New institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="44"/>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="52"/>
        <source>Institution created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="52"/>
        <source>Changes saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="79"/>
        <source>Search name, address, community or licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="87"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="87"/>
        <location filename="../DeskRegistryPage.qml" line="125"/>
        <location filename="../DeskRegistryPage.qml" line="195"/>
        <source>Licensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="88"/>
        <location filename="../DeskRegistryPage.qml" line="125"/>
        <source>Unlicensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="88"/>
        <location filename="../DeskRegistryPage.qml" line="126"/>
        <location filename="../DeskRegistryPage.qml" line="201"/>
        <source>Academic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="89"/>
        <source>Key targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="90"/>
        <location filename="../DeskRegistryPage.qml" line="128"/>
        <source>Reported in field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="91"/>
        <source>Not covered (3包)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="95"/>
        <source>%1 of %2 institutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="127"/>
        <location filename="../DeskRegistryPage.qml" line="206"/>
        <source>Key target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="129"/>
        <source>Not covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="141"/>
        <source>No institutions yet. Create one or import a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="141"/>
        <source>No institution matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="154"/>
        <source>Choose an institution to see its details and history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="167"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="173"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="175"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="177"/>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="178"/>
        <location filename="../DeskRegistryPage.qml" line="227"/>
        <source>(no zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="179"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="181"/>
        <source>Licence no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="183"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="185"/>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="187"/>
        <source>Past violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="218"/>
        <source>Reported in the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="219"/>
        <source>A volunteer found this site. Take it into the registry, or merge it into the entry it duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="234"/>
        <source>Take into registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="235"/>
        <source>Taken into the registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="238"/>
        <source>Merge into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="249"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="253"/>
        <source>Merged into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="261"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="262"/>
        <source>Reading the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="270"/>
        <source>No tasks, reports, cases or complaints yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskReportView</name>
    <message>
        <location filename="../DeskReportView.qml" line="21"/>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="21"/>
        <source>Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="21"/>
        <source>N/A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="34"/>
        <source>Reading the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="41"/>
        <source>(unlisted site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="42"/>
        <source>PDF record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="47"/>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="48"/>
        <source>Unlisted site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="49"/>
        <source>Covert visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="50"/>
        <source>Simulated location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="51"/>
        <source>Decided: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="57"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="59"/>
        <source>Inspected at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="61"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="62"/>
        <source>(no task)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="63"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="65"/>
        <source>%1, %2 · ±%3 m · %4 m from the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="67"/>
        <source>no position fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="70"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="76"/>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="78"/>
        <source>(the current version is %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="84"/>
        <source>Changed in version %1 since this report&apos;s version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="85"/>
        <source>New in this version, compared with version %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="98"/>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="101"/>
        <source>device unknown here: cannot check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="102"/>
        <source>✓ valid (device key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="102"/>
        <source>✗ does not verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="105"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="107"/>
        <source>#%1 · server time %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="108"/>
        <source>✓ checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="108"/>
        <source>✗ does not check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="109"/>
        <source>no receipt on this device yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="113"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="115"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="118"/>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="133"/>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="153"/>
        <source>Photos and signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="159"/>
        <source>signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="162"/>
        <source>No photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="163"/>
        <source>Downloading photos from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="167"/>
        <source>Photos could not be downloaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="168"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="179"/>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="179"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="182"/>
        <source>Case %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="188"/>
        <source>No violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="189"/>
        <source>Violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="195"/>
        <source>Discretion tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="197"/>
        <source>Rectification (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="199"/>
        <source>Order (整改要求)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="200"/>
        <source>What must be put right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="202"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="206"/>
        <source>Decide: violation (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="206"/>
        <source>Decide: no violation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskReviewPage</name>
    <message>
        <location filename="../DeskReviewPage.qml" line="22"/>
        <source>PDF record saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="32"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="33"/>
        <source>Show decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="38"/>
        <source>PDF files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="48"/>
        <source>Writing the PDF record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="59"/>
        <source>Search institution or inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskReviewPage.qml" line="60"/>
        <source>%n report(s) to review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="86"/>
        <source>(unlisted site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskReviewPage.qml" line="91"/>
        <source>%n critical failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskReviewPage.qml" line="92"/>
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="93"/>
        <source>Unlisted site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="94"/>
        <source>Covert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="95"/>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="101"/>
        <source>Nothing to review: no flagged reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="109"/>
        <source>Choose a report to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="115"/>
        <source>Decided. The case opens when this syncs; a violation gets its re-inspection task from the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskTasksPage</name>
    <message>
        <location filename="../DeskTasksPage.qml" line="21"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="34"/>
        <source>Task created for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="42"/>
        <source>Campaign created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="46"/>
        <source>Tasks and campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="67"/>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="68"/>
        <source>New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="79"/>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="82"/>
        <location filename="../DeskTasksPage.qml" line="162"/>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="83"/>
        <source>Joint (2+ volunteers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="84"/>
        <source>Covert (暗访)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="86"/>
        <source>Volunteers (two or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="86"/>
        <source>Volunteer(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="90"/>
        <source>Priority (1 highest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="92"/>
        <location filename="../DeskTasksPage.qml" line="120"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="93"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="94"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="95"/>
        <source>in 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="96"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="97"/>
        <source>(the institution&apos;s name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="98"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="103"/>
        <source>Create task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="118"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="119"/>
        <source>e.g. 寒假专项检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="122"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="124"/>
        <source>Visits required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="126"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="129"/>
        <source>Key targets only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="132"/>
        <source>Create campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="148"/>
        <source>Tasks (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="149"/>
        <source>Campaigns (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="158"/>
        <source>Search tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="162"/>
        <source>Every kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="163"/>
        <source>Joint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="163"/>
        <source>Random spot check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="164"/>
        <source>Complaint follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="164"/>
        <source>Re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="167"/>
        <source>Show finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="199"/>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="207"/>
        <source>Covert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="208"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="213"/>
        <source>Cancel task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="214"/>
        <source>Task cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="219"/>
        <source>No tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskTasksPage.qml" line="249"/>
        <source>%n visit(s) each</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="250"/>
        <source>key targets only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="256"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="257"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="262"/>
        <source>Cancel campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="263"/>
        <source>Campaign cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="268"/>
        <source>No campaigns yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskVolunteerPicker</name>
    <message>
        <location filename="../DeskVolunteerPicker.qml" line="32"/>
        <source>Search volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskVolunteerPicker.qml" line="58"/>
        <source>No active volunteers in this district.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskZonesPage</name>
    <message>
        <location filename="../DeskZonesPage.qml" line="39"/>
        <source>Zones (3包)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="58"/>
        <source>Zones (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="79"/>
        <source>(no communities)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskZonesPage.qml" line="81"/>
        <location filename="../DeskZonesPage.qml" line="145"/>
        <source>%n institution(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="82"/>
        <source>no volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="89"/>
        <source>No zones yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="97"/>
        <source>New zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="98"/>
        <source>Zone name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="99"/>
        <source>Communities, one per line or separated by 、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="102"/>
        <source>Create zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="104"/>
        <source>Zone created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="121"/>
        <source>Volunteers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="122"/>
        <source>Search volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="144"/>
        <source>no zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="153"/>
        <source>No active volunteers in this district.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="166"/>
        <source>Choose a volunteer to assign zones and institutions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="174"/>
        <source>Zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="182"/>
        <location filename="../DeskZonesPage.qml" line="227"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="183"/>
        <location filename="../DeskZonesPage.qml" line="228"/>
        <source>Binding removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="191"/>
        <source>Assign to zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="193"/>
        <source>Assigned to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="197"/>
        <source>Move from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="208"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="212"/>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="215"/>
        <source>Moved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="218"/>
        <source>Institutions (包机构)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="219"/>
        <source>None bound by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="233"/>
        <source>Not covered by anyone (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="236"/>
        <source>Search institutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskZonesPage.qml" line="239"/>
        <source>Assign %n to the volunteer</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskZonesPage.qml" line="244"/>
        <source>%n institution(s) assigned to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="262"/>
        <source>Key target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="267"/>
        <source>Every institution has a volunteer (全覆盖).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollPage</name>
    <message>
        <location filename="../EnrollPage.qml" line="54"/>
        <source>Open a photo of the enrollment QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="55"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="69"/>
        <source>Enroll this phone again with a new one-time code from your coordinator. It stays the same device for the same person and keeps everything waiting on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="70"/>
        <source>Set up this phone with the one-time code from your coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="82"/>
        <source>This phone is now enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="83"/>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="84"/>
        <source>Role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="85"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="88"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="102"/>
        <source>Open enrollment QR image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="110"/>
        <source>…or paste the enrollment link (ducha://enroll?…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="114"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="116"/>
        <source>Enrollment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="118"/>
        <source>Server key pin (from the QR or your coordinator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="135"/>
        <source>Enroll with this server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="137"/>
        <source>Key pin: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="137"/>
        <source>none (system certificates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="142"/>
        <source>Enrolling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="142"/>
        <source>Confirm and enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="142"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceStep</name>
    <message>
        <location filename="../EvidenceStep.qml" line="17"/>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="27"/>
        <source>visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="31"/>
        <source>Add photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="37"/>
        <source>Notes for the reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="41"/>
        <source>What you told the site, anything the reviewer should know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="48"/>
        <source>On-site signature (person in charge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="62"/>
        <source>Clear signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="63"/>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="63"/>
        <source>Not signed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="67"/>
        <source>Covert visit: no signature is taken.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogLoader</name>
    <message>
        <location filename="../FileDialogLoader.qml" line="12"/>
        <source>Choose a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../FileDialogLoader.qml" line="13"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../HistoryPage.qml" line="17"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="50"/>
        <source>(unlisted site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../HistoryPage.qml" line="59"/>
        <source>%n failed item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../HistoryPage.qml" line="59"/>
        <source>%n photo(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../HistoryPage.qml" line="61"/>
        <source>%n photo(s) not uploaded yet</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="64"/>
        <source>Receipt #%1 · server time %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="69"/>
        <source>Covert visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="70"/>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="71"/>
        <source>Unlisted site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="79"/>
        <source>No reports yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../HomePage.qml" line="31"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="31"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="33"/>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="33"/>
        <source>Zones (3包)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="34"/>
        <source>Tasks and campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="34"/>
        <source>Random draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="35"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="36"/>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="36"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="37"/>
        <source>Exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="37"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="39"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="44"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="44"/>
        <source>My zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="44"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="40"/>
        <location filename="../HomePage.qml" line="44"/>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectPage</name>
    <message>
        <location filename="../InspectPage.qml" line="40"/>
        <source>Save and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="45"/>
        <source>Covert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="49"/>
        <source>Step %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="92"/>
        <source>Show your badge and say why you are here. The person may scan the QR to check you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="121"/>
        <source>Report signed and saved on this phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="123"/>
        <source>The server has received it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="123"/>
        <source>It will be sent as soon as there is a connection. Its receipt appears in History.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="126"/>
        <source>Back to today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="138"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="147"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="156"/>
        <source>Sign and submit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstitutionPage</name>
    <message>
        <location filename="../InstitutionPage.qml" line="25"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="42"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="44"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="46"/>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="48"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="49"/>
        <source>academic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="50"/>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="51"/>
        <source>Licensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="51"/>
        <source>Unlicensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="52"/>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="54"/>
        <source>Past violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="56"/>
        <source>Last inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="57"/>
        <source>never inspected by me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="60"/>
        <source>My tasks here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="73"/>
        <source>No open task here. Found a problem? Your coordinator can assign a visit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="18"/>
        <source>Ducha inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Main.qml" line="77"/>
        <source>Storage problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MePage</name>
    <message>
        <location filename="../MePage.qml" line="16"/>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="35"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="40"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="42"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="44"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="46"/>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="47"/>
        <location filename="../MePage.qml" line="49"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="48"/>
        <source>Last complete sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="50"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="51"/>
        <source>%1 changes, %2 photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="52"/>
        <source>Last problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="62"/>
        <source>Enroll this phone again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="64"/>
        <source>Only when sync says the server does not know this device: ask your coordinator for a new code. Nothing waiting on this phone is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="67"/>
        <source>Enter a new code…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <location filename="../ReviewStep.qml" line="18"/>
        <source>%1 of %2 items answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="24"/>
        <source>This report will be flagged for a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="28"/>
        <source>Checked in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="28"/>
        <source>%1 m from the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ReviewStep.qml" line="31"/>
        <source>%n photo(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="31"/>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="31"/>
        <source>not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="34"/>
        <source>Still missing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="56"/>
        <source>Everything is filled in. Submitting signs the report with this phone&apos;s key; it cannot be changed afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../SignaturePad.qml" line="25"/>
        <source>Sign here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncBanner</name>
    <message>
        <location filename="../SyncBanner.qml" line="28"/>
        <source>uploading photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="28"/>
        <source>receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="29"/>
        <source>the server was restored from a backup, sending your records again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="30"/>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="31"/>
        <source>Syncing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="33"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="33"/>
        <source>nothing is lost, it will send later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="35"/>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="39"/>
        <source>Up to date · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="39"/>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBanner.qml" line="44"/>
        <source>%n change(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBanner.qml" line="45"/>
        <source>%n photo(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBanner.qml" line="78"/>
        <source>%n change(s) refused, see History</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="92"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="92"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskCard</name>
    <message>
        <location filename="../TaskCard.qml" line="28"/>
        <source>P%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="35"/>
        <source>Covert visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="36"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="37"/>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="41"/>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../TodayPage.qml" line="15"/>
        <location filename="../TodayPage.qml" line="25"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../TodayPage.qml" line="31"/>
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../TodayPage.qml" line="70"/>
        <source>No open tasks. New tasks arrive when the phone syncs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlistedSiteForm</name>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="18"/>
        <source>Report a training site that is not in the registry. It is flagged for a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="21"/>
        <source>Name (as on the door or sign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="23"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="25"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="27"/>
        <source>What is taught</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="29"/>
        <source>Academic subjects (学科类)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZonesPage</name>
    <message>
        <location filename="../ZonesPage.qml" line="43"/>
        <source>My zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="46"/>
        <source>Report unlisted site</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ZonesPage.qml" line="80"/>
        <source>%n institution(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="80"/>
        <source>my area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="91"/>
        <source>Search name, address or community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="100"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="100"/>
        <location filename="../ZonesPage.qml" line="140"/>
        <source>Licensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="101"/>
        <location filename="../ZonesPage.qml" line="140"/>
        <source>Unlicensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="101"/>
        <source>Key targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="102"/>
        <source>Not inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="103"/>
        <location filename="../ZonesPage.qml" line="143"/>
        <source>Reported in field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="108"/>
        <source>%1 of %2 institutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="141"/>
        <source>Key target</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ZonesPage.qml" line="142"/>
        <source>%n complaint(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="145"/>
        <source>last inspected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="145"/>
        <source>never inspected by me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
