<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BadgeView</name>
    <message>
        <location filename="../BadgeView.qml" line="22"/>
        <source>Off-campus training inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="29"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="35"/>
        <source>Valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="35"/>
        <source>No validity on this phone yet: sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="50"/>
        <source>Scan to check this inspector with the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInStep</name>
    <message>
        <location filename="../CheckInStep.qml" line="16"/>
        <source>Check in when you arrive. The time and your position are recorded with the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="21"/>
        <source>Locating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="21"/>
        <source>Check in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="21"/>
        <source>Check in now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="36"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="38"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="42"/>
        <source>locating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="42"/>
        <source>no GPS fix (recorded without position)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="45"/>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="46"/>
        <source>±%1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="47"/>
        <source>Fix age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="48"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="49"/>
        <source>Distance to site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="50"/>
        <source>%1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="56"/>
        <source>You seem to be %1 m from the registered address. You can go on; the distance is recorded for the reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="64"/>
        <source>The position comes from a simulated (mock) location source. It is recorded and flagged for the reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistStepView</name>
    <message>
        <location filename="../ChecklistStepView.qml" line="24"/>
        <source>%1 of %2 answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="50"/>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="50"/>
        <source>Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="50"/>
        <source>N/A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="68"/>
        <source>What did you see? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="69"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="69"/>
        <source>Why does it not apply? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="79"/>
        <source>Add photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="83"/>
        <source>photo required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskCasesPage</name>
    <message>
        <location filename="../DeskCasesPage.qml" line="18"/>
        <source>Close requested. The server closes the case only if its re-inspection passed; its answer shows here after the sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="23"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="28"/>
        <source>Every status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="28"/>
        <source>Rectification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="29"/>
        <source>Re-inspection due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="29"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="30"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="30"/>
        <source>No violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="40"/>
        <source>Search institution, tier or order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="61"/>
        <source>(unlisted site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="67"/>
        <source>Rectify by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="67"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="70"/>
        <source>Order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskCasesPage.qml" line="73"/>
        <source>%n escalation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="74"/>
        <source>Re-inspection task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="74"/>
        <source>No re-inspection task yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="75"/>
        <source>closed by a passing re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="81"/>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="88"/>
        <source>Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="96"/>
        <source>No cases.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskComplaintsPage</name>
    <message numerus="yes">
        <location filename="../DeskComplaintsPage.qml" line="25"/>
        <source>Imported %n complaint(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="31"/>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="32"/>
        <source>Show closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="33"/>
        <location filename="../DeskComplaintsPage.qml" line="41"/>
        <source>New complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="34"/>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="57"/>
        <location filename="../DeskComplaintsPage.qml" line="171"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="59"/>
        <source>Ticket no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="61"/>
        <location filename="../DeskComplaintsPage.qml" line="173"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="62"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="63"/>
        <location filename="../DeskComplaintsPage.qml" line="175"/>
        <location filename="../DeskComplaintsPage.qml" line="215"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="64"/>
        <source>in 15 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="65"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="66"/>
        <source>when the institution is not in the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="68"/>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="70"/>
        <source>Institution (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="76"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="78"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="85"/>
        <source>Complaint recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="109"/>
        <source>Search text, institution, address or ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskComplaintsPage.qml" line="111"/>
        <source>%n complaint(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskComplaintsPage.qml" line="111"/>
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="130"/>
        <location filename="../DeskComplaintsPage.qml" line="178"/>
        <source>(no institution yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="135"/>
        <location filename="../DeskComplaintsPage.qml" line="165"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="136"/>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="146"/>
        <source>No open complaints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="154"/>
        <source>Choose a complaint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="177"/>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="179"/>
        <source>Follow-up task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="181"/>
        <location filename="../DeskComplaintsPage.qml" line="219"/>
        <source>Triage note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="183"/>
        <location filename="../DeskComplaintsPage.qml" line="235"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="186"/>
        <source>Sending the last change… the actions are back in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="187"/>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="193"/>
        <location filename="../DeskComplaintsPage.qml" line="200"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="197"/>
        <source>or an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="202"/>
        <source>Linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="210"/>
        <source>Triage into a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="213"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="216"/>
        <source>in 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="217"/>
        <source>Covert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="222"/>
        <source>Make the follow-up task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="227"/>
        <source>Task made; the complaint is triaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="242"/>
        <source>What was found and done (required to resolve)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="251"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="252"/>
        <source>In progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="258"/>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="259"/>
        <source>Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="264"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="266"/>
        <source>Closed (销号).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="272"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="273"/>
        <source>Reopened: back in progress.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskCoveragePage</name>
    <message numerus="yes">
        <location filename="../DeskCoveragePage.qml" line="32"/>
        <source>Saved %n row(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="38"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="39"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="44"/>
        <source>CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="57"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="58"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="59"/>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="60"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="62"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="64"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="65"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="72"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="81"/>
        <source>%1 of %2 institutions inspected (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="93"/>
        <source>By district and zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="131"/>
        <source>No institutions in scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="148"/>
        <source>Campaign: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="149"/>
        <source>%1 of %2 institutions visited often enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="151"/>
        <source>No key target missed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="152"/>
        <source>Key targets not visited: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="158"/>
        <source>Not inspected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="168"/>
        <source>Every institution was inspected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="170"/>
        <source>Volunteer activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskCoveragePage.qml" line="181"/>
        <source>%n visit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskCoveragePage.qml" line="181"/>
        <source>%n site(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="182"/>
        <source>no visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="185"/>
        <source>No volunteers in scope.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskDrawPage</name>
    <message>
        <location filename="../DeskDrawPage.qml" line="28"/>
        <source>Committed. Seed hash %1 goes to the server with the next sync; then reveal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskDrawPage.qml" line="36"/>
        <source>Drawn: %n site(s). The server makes the tasks when this syncs.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="44"/>
        <source>Random draw (双随机)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="65"/>
        <source>New draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="69"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="70"/>
        <source>e.g. 3月双随机抽查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="71"/>
        <source>Sites to draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="73"/>
        <source>Inspectors per site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="75"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="77"/>
        <source>Skip sites visited within (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="79"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="80"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="81"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="82"/>
        <source>in 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="84"/>
        <source>Academic institutions only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="85"/>
        <source>Key targets only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="86"/>
        <source>Weight key targets, complaints and past violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="87"/>
        <source>Never a volunteer&apos;s own zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="88"/>
        <source>Covert visits (暗访)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="91"/>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="97"/>
        <source>Commit fixes the pool and the rules and sends only the hash of a secret seed. After the server has acknowledged it (sync), reveal runs the draw with the seed: nobody, not even this device, can choose the outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="108"/>
        <source>Draws (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskDrawPage.qml" line="124"/>
        <source>Draw of %n site(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="131"/>
        <source>No draws yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="139"/>
        <source>Choose a draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="147"/>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="149"/>
        <source>Seed hash (commitment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="154"/>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="163"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="169"/>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="184"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="186"/>
        <source>Commitment seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="188"/>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="190"/>
        <source>Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="191"/>
        <source>%1 sites, %2 inspectors, %3 pairs excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="192"/>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="193"/>
        <source>%1 made by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="195"/>
        <source>Pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="205"/>
        <source>Tasks made from this draw (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskExportsPage</name>
    <message>
        <location filename="../DeskExportsPage.qml" line="23"/>
        <source>Excel workbooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="23"/>
        <source>CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="29"/>
        <source>PDF files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="38"/>
        <source>PDF record saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskExportsPage.qml" line="41"/>
        <source>Saved %n row(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="46"/>
        <source>Exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="65"/>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="67"/>
        <source>Period (reports, coverage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="68"/>
        <source>30 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="70"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="73"/>
        <source>Inspection reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="73"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="74"/>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="74"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="88"/>
        <source>CSV files open in Excel with Chinese intact (UTF-8 with a byte-order mark). Covert visits stay covert: exports never publish anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="95"/>
        <source>PDF record of a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="96"/>
        <source>Search institution or inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="114"/>
        <source>(unlisted site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskExportsPage.qml" line="116"/>
        <source>%n failed item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="120"/>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="124"/>
        <source>No reports on this device yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskFileDialog</name>
    <message>
        <location filename="../DeskFileDialog.qml" line="10"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskFileDialog.qml" line="10"/>
        <source>Open a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskFileDialog.qml" line="11"/>
        <source>CSV files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskHeader</name>
    <message>
        <location filename="../DeskHeader.qml" line="20"/>
        <source>City-wide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskInstitutionForm</name>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="17"/>
        <source>New institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="17"/>
        <source>Edit institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="65"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="67"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="69"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="71"/>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="78"/>
        <source>(no zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="86"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="93"/>
        <source>Licence no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="95"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="97"/>
        <source>Latitude, longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="106"/>
        <source>Licensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="107"/>
        <source>Academic (学科类)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="108"/>
        <source>Key target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="115"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="116"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskInstitutionPicker</name>
    <message>
        <location filename="../DeskInstitutionPicker.qml" line="23"/>
        <source>Search institutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionPicker.qml" line="28"/>
        <source>Chosen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskInstitutionPicker.qml" line="52"/>
        <source>No institution matches.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskListState</name>
    <message>
        <location filename="../DeskListState.qml" line="10"/>
        <source>Nothing here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskListState.qml" line="13"/>
        <source>Could not read the list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskListState.qml" line="14"/>
        <source>Loading… the records arrive with the sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskNotice</name>
    <message>
        <location filename="../DeskNotice.qml" line="22"/>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskNotice.qml" line="23"/>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskNotice.qml" line="23"/>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskPhoto</name>
    <message>
        <location filename="../DeskPhoto.qml" line="31"/>
        <source>Not on this device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskRegistryPage</name>
    <message numerus="yes">
        <location filename="../DeskRegistryPage.qml" line="24"/>
        <source>Imported %n institution(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="29"/>
        <source>Saved. It syncs when there is signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="35"/>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="36"/>
        <source>New institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="37"/>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="45"/>
        <source>Institution created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="45"/>
        <source>Changes saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="72"/>
        <source>Search name, address, community or licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="80"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="80"/>
        <location filename="../DeskRegistryPage.qml" line="109"/>
        <location filename="../DeskRegistryPage.qml" line="177"/>
        <source>Licensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="81"/>
        <location filename="../DeskRegistryPage.qml" line="109"/>
        <source>Unlicensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="81"/>
        <location filename="../DeskRegistryPage.qml" line="110"/>
        <location filename="../DeskRegistryPage.qml" line="183"/>
        <source>Academic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="82"/>
        <source>Key targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="83"/>
        <location filename="../DeskRegistryPage.qml" line="112"/>
        <source>Reported in field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="84"/>
        <source>Not covered (3包)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="88"/>
        <source>%1 of %2 institutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="111"/>
        <location filename="../DeskRegistryPage.qml" line="188"/>
        <source>Key target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="113"/>
        <source>Not covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="123"/>
        <source>No institutions yet. Create one or import a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="123"/>
        <source>No institution matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="136"/>
        <source>Choose an institution to see its details and history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="149"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="155"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="157"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="159"/>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="160"/>
        <location filename="../DeskRegistryPage.qml" line="209"/>
        <source>(no zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="161"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="163"/>
        <source>Licence no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="165"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="167"/>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="169"/>
        <source>Past violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="200"/>
        <source>Reported in the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="201"/>
        <source>A volunteer found this site. Take it into the registry, or merge it into the entry it duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="216"/>
        <source>Take into registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="217"/>
        <source>Taken into the registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="220"/>
        <source>Merge into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="229"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="233"/>
        <source>Merged into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="241"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="249"/>
        <source>No tasks, reports, cases or complaints yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskReportView</name>
    <message>
        <location filename="../DeskReportView.qml" line="19"/>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="19"/>
        <source>Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="19"/>
        <source>N/A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="38"/>
        <source>(unlisted site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="39"/>
        <source>PDF record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="44"/>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="45"/>
        <source>Unlisted site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="46"/>
        <source>Covert visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="47"/>
        <source>Simulated location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="48"/>
        <source>Decided: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="54"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="56"/>
        <source>Inspected at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="58"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="59"/>
        <source>(no task)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="60"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="62"/>
        <source>%1, %2 · ±%3 m · %4 m from the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="64"/>
        <source>no position fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="67"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="69"/>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="72"/>
        <source>device unknown here: cannot check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="73"/>
        <source>✓ valid (device key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="73"/>
        <source>✗ does not verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="76"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="78"/>
        <source>#%1 · server time %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="79"/>
        <source>✓ checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="79"/>
        <source>✗ does not check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="80"/>
        <source>no receipt on this device yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="84"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="86"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="89"/>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="103"/>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="123"/>
        <source>Photos and signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="129"/>
        <source>signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="132"/>
        <source>No photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="133"/>
        <source>Downloading photos from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="137"/>
        <source>Photos could not be downloaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="138"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="149"/>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="149"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="152"/>
        <source>Case %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="158"/>
        <source>No violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="159"/>
        <source>Violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="165"/>
        <source>Discretion tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="167"/>
        <source>Rectification (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="169"/>
        <source>Order (整改要求)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="170"/>
        <source>What must be put right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="172"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="176"/>
        <source>Decide: violation (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="176"/>
        <source>Decide: no violation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskReviewPage</name>
    <message>
        <location filename="../DeskReviewPage.qml" line="19"/>
        <source>PDF record saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="24"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="25"/>
        <source>Show decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="30"/>
        <source>PDF files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="50"/>
        <source>Search institution or inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskReviewPage.qml" line="51"/>
        <source>%n report(s) to review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="67"/>
        <source>(unlisted site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskReviewPage.qml" line="72"/>
        <source>%n critical failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskReviewPage.qml" line="73"/>
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="74"/>
        <source>Unlisted site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="75"/>
        <source>Covert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="76"/>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="82"/>
        <source>Nothing to review: no flagged reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="90"/>
        <source>Choose a report to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="95"/>
        <source>Decided. The case opens when this syncs; a violation gets its re-inspection task from the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskTasksPage</name>
    <message>
        <location filename="../DeskTasksPage.qml" line="18"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="31"/>
        <source>Task created for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="39"/>
        <source>Campaign created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="43"/>
        <source>Tasks and campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="64"/>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="65"/>
        <source>New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="76"/>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="79"/>
        <location filename="../DeskTasksPage.qml" line="159"/>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="80"/>
        <source>Joint (2+ volunteers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="81"/>
        <source>Covert (暗访)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="83"/>
        <source>Volunteers (two or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="83"/>
        <source>Volunteer(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="87"/>
        <source>Priority (1 highest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="89"/>
        <location filename="../DeskTasksPage.qml" line="117"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="90"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="91"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="92"/>
        <source>in 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="93"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="94"/>
        <source>(the institution&apos;s name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="95"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="100"/>
        <source>Create task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="115"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="116"/>
        <source>e.g. 寒假专项检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="119"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="121"/>
        <source>Visits required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="123"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="126"/>
        <source>Key targets only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="129"/>
        <source>Create campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="145"/>
        <source>Tasks (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="146"/>
        <source>Campaigns (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="155"/>
        <source>Search tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="159"/>
        <source>Every kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="160"/>
        <source>Joint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="160"/>
        <source>Random spot check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="161"/>
        <source>Complaint follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="161"/>
        <source>Re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="164"/>
        <source>Show finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="185"/>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="193"/>
        <source>Covert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="194"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="199"/>
        <source>Cancel task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="200"/>
        <source>Task cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="205"/>
        <source>No tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskTasksPage.qml" line="226"/>
        <source>%n visit(s) each</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="227"/>
        <source>key targets only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="233"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="234"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="239"/>
        <source>Cancel campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="240"/>
        <source>Campaign cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="245"/>
        <source>No campaigns yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskVolunteerPicker</name>
    <message>
        <location filename="../DeskVolunteerPicker.qml" line="29"/>
        <source>Search volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskVolunteerPicker.qml" line="50"/>
        <source>No active volunteers in this district.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskZonesPage</name>
    <message>
        <location filename="../DeskZonesPage.qml" line="36"/>
        <source>Zones (3包)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="55"/>
        <source>Zones (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="72"/>
        <source>(no communities)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskZonesPage.qml" line="74"/>
        <location filename="../DeskZonesPage.qml" line="134"/>
        <source>%n institution(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="75"/>
        <source>no volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="82"/>
        <source>No zones yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="90"/>
        <source>New zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="91"/>
        <source>Zone name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="92"/>
        <source>Communities, one per line or separated by 、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="95"/>
        <source>Create zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="97"/>
        <source>Zone created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="114"/>
        <source>Volunteers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="115"/>
        <source>Search volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="133"/>
        <source>no zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="142"/>
        <source>No active volunteers in this district.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="155"/>
        <source>Choose a volunteer to assign zones and institutions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="163"/>
        <source>Zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="170"/>
        <location filename="../DeskZonesPage.qml" line="214"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="171"/>
        <location filename="../DeskZonesPage.qml" line="215"/>
        <source>Binding removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="179"/>
        <source>Assign to zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="181"/>
        <source>Assigned to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="185"/>
        <source>Move from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="196"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="200"/>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="203"/>
        <source>Moved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="206"/>
        <source>Institutions (包机构)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="207"/>
        <source>None bound by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="220"/>
        <source>Not covered by anyone (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="223"/>
        <source>Search institutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskZonesPage.qml" line="226"/>
        <source>Assign %n to the volunteer</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskZonesPage.qml" line="231"/>
        <source>%n institution(s) assigned to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="245"/>
        <source>Key target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="250"/>
        <source>Every institution has a volunteer (全覆盖).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollPage</name>
    <message>
        <location filename="../EnrollPage.qml" line="42"/>
        <source>Open a photo of the enrollment QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="43"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="57"/>
        <source>Set up this phone with the one-time code from your coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="69"/>
        <source>This phone is now enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="70"/>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="71"/>
        <source>Role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="72"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="75"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="89"/>
        <source>Open enrollment QR image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="97"/>
        <source>…or paste the enrollment link (ducha://enroll?…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="101"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="103"/>
        <source>Enrollment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="105"/>
        <source>Server key pin (from the QR or your coordinator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="122"/>
        <source>Enroll with this server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="124"/>
        <source>Key pin: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="124"/>
        <source>none (system certificates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="129"/>
        <source>Enrolling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="129"/>
        <source>Confirm and enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="129"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceStep</name>
    <message>
        <location filename="../EvidenceStep.qml" line="16"/>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="25"/>
        <source>visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="29"/>
        <source>Add photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="35"/>
        <source>Notes for the reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="39"/>
        <source>What you told the site, anything the reviewer should know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="46"/>
        <source>On-site signature (person in charge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="60"/>
        <source>Clear signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="61"/>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="61"/>
        <source>Not signed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="65"/>
        <source>Covert visit: no signature is taken.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogLoader</name>
    <message>
        <location filename="../FileDialogLoader.qml" line="11"/>
        <source>Choose a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../FileDialogLoader.qml" line="12"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../HistoryPage.qml" line="15"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="34"/>
        <source>(unlisted site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../HistoryPage.qml" line="43"/>
        <source>%n failed item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../HistoryPage.qml" line="43"/>
        <source>%n photo(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../HistoryPage.qml" line="45"/>
        <source>%n photo(s) not uploaded yet</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="48"/>
        <source>Receipt #%1 · server time %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="53"/>
        <source>Covert visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="54"/>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="55"/>
        <source>Unlisted site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="63"/>
        <source>No reports yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../HomePage.qml" line="25"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="25"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="27"/>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="27"/>
        <source>Zones (3包)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="28"/>
        <source>Tasks and campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="28"/>
        <source>Random draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="29"/>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="29"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="30"/>
        <source>Exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="34"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="34"/>
        <source>My zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="34"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="30"/>
        <location filename="../HomePage.qml" line="34"/>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectPage</name>
    <message>
        <location filename="../InspectPage.qml" line="35"/>
        <source>Save and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="40"/>
        <source>Covert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="44"/>
        <source>Step %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="87"/>
        <source>Show your badge and say why you are here. The person may scan the QR to check you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="116"/>
        <source>Report signed and saved on this phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="118"/>
        <source>The server has received it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="118"/>
        <source>It will be sent as soon as there is a connection. Its receipt appears in History.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="121"/>
        <source>Back to today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="133"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="142"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="151"/>
        <source>Sign and submit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstitutionPage</name>
    <message>
        <location filename="../InstitutionPage.qml" line="23"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="40"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="42"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="44"/>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="46"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="47"/>
        <source>academic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="48"/>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="49"/>
        <source>Licensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="49"/>
        <source>Unlicensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="50"/>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="52"/>
        <source>Past violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="54"/>
        <source>Last inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="55"/>
        <source>never inspected by me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="58"/>
        <source>My tasks here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="70"/>
        <source>No open task here. Found a problem? Your coordinator can assign a visit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="15"/>
        <source>Ducha inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Main.qml" line="72"/>
        <source>Storage problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MePage</name>
    <message>
        <location filename="../MePage.qml" line="13"/>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="28"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="33"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="35"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="37"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="39"/>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="40"/>
        <location filename="../MePage.qml" line="42"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="41"/>
        <source>Last complete sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="43"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="44"/>
        <source>%1 changes, %2 photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="45"/>
        <source>Last problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <location filename="../ReviewStep.qml" line="17"/>
        <source>%1 of %2 items answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="23"/>
        <source>This report will be flagged for a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="27"/>
        <source>Checked in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="27"/>
        <source>%1 m from the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ReviewStep.qml" line="30"/>
        <source>%n photo(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="30"/>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="30"/>
        <source>not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="33"/>
        <source>Still missing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="53"/>
        <source>Everything is filled in. Submitting signs the report with this phone&apos;s key; it cannot be changed afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../SignaturePad.qml" line="24"/>
        <source>Sign here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncBanner</name>
    <message>
        <location filename="../SyncBanner.qml" line="26"/>
        <source>uploading photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="26"/>
        <source>receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="26"/>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="27"/>
        <source>Syncing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="29"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="29"/>
        <source>nothing is lost, it will send later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="31"/>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="35"/>
        <source>Up to date · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="35"/>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBanner.qml" line="40"/>
        <source>%n change(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBanner.qml" line="41"/>
        <source>%n photo(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBanner.qml" line="74"/>
        <source>%n change(s) refused, see History</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="88"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="88"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskCard</name>
    <message>
        <location filename="../TaskCard.qml" line="27"/>
        <source>P%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="34"/>
        <source>Covert visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="35"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="36"/>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="40"/>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../TodayPage.qml" line="13"/>
        <location filename="../TodayPage.qml" line="23"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../TodayPage.qml" line="29"/>
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../TodayPage.qml" line="66"/>
        <source>No open tasks. New tasks arrive when the phone syncs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlistedSiteForm</name>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="17"/>
        <source>Report a training site that is not in the registry. It is flagged for a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="20"/>
        <source>Name (as on the door or sign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="22"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="24"/>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="26"/>
        <source>What is taught</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="28"/>
        <source>Academic subjects (学科类)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZonesPage</name>
    <message>
        <location filename="../ZonesPage.qml" line="40"/>
        <source>My zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="43"/>
        <source>Report unlisted site</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ZonesPage.qml" line="72"/>
        <source>%n institution(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="72"/>
        <source>my area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="83"/>
        <source>Search name, address or community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="92"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="92"/>
        <location filename="../ZonesPage.qml" line="123"/>
        <source>Licensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="93"/>
        <location filename="../ZonesPage.qml" line="123"/>
        <source>Unlicensed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="93"/>
        <source>Key targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="94"/>
        <source>Not inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="95"/>
        <location filename="../ZonesPage.qml" line="126"/>
        <source>Reported in field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="100"/>
        <source>%1 of %2 institutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="124"/>
        <source>Key target</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ZonesPage.qml" line="125"/>
        <source>%n complaint(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="128"/>
        <source>last inspected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="128"/>
        <source>never inspected by me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
