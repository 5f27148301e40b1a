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
        <location filename="../HomePage.qml" line="17"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="17"/>
        <source>My zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="17"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="17"/>
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
        <location filename="../Main.qml" line="66"/>
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
