<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BadgeView</name>
    <message>
        <location filename="../BadgeView.qml" line="22"/>
        <source>Off-campus training inspector</source>
        <translation>校外培训督查员</translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="29"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="35"/>
        <source>Valid until %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="35"/>
        <source>No validity on this phone yet: sync</source>
        <translation>本机暂无有效期信息，请同步</translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="50"/>
        <source>Scan to check this inspector with the server</source>
        <translation>扫码核验督查员身份</translation>
    </message>
</context>
<context>
    <name>CheckInStep</name>
    <message>
        <location filename="../CheckInStep.qml" line="16"/>
        <source>Check in when you arrive. The time and your position are recorded with the report.</source>
        <translation>到达现场后请签到，签到时间和位置将随报告一并记录。</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="21"/>
        <source>Locating…</source>
        <translation>正在定位…</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="21"/>
        <source>Check in again</source>
        <translation>重新签到</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="21"/>
        <source>Check in now</source>
        <translation>立即签到</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="36"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="38"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="42"/>
        <source>locating…</source>
        <translation>定位中…</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="42"/>
        <source>no GPS fix (recorded without position)</source>
        <translation>未获取定位（将不含位置记录）</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="45"/>
        <source>Accuracy</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="46"/>
        <source>±%1 m</source>
        <translation>±%1 米</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="47"/>
        <source>Fix age</source>
        <translation>定位更新于</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="48"/>
        <source>%1 s</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="49"/>
        <source>Distance to site</source>
        <translation>距机构</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="50"/>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="56"/>
        <source>You seem to be %1 m from the registered address. You can go on; the distance is recorded for the reviewer.</source>
        <translation>您距登记地址约 %1 米。可继续督查，该距离将记录供审核人员查看。</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="64"/>
        <source>The position comes from a simulated (mock) location source. It is recorded and flagged for the reviewer.</source>
        <translation>检测到模拟定位，已记录并标记，供审核人员核查。</translation>
    </message>
</context>
<context>
    <name>ChecklistStepView</name>
    <message>
        <location filename="../ChecklistStepView.qml" line="24"/>
        <source>%1 of %2 answered</source>
        <translation>已作答 %1/%2</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="50"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="50"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="50"/>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="68"/>
        <source>What did you see? (required)</source>
        <translation>请说明现场情况（必填）</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="69"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="69"/>
        <source>Why does it not apply? (required)</source>
        <translation>为何不适用？（必填）</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="79"/>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="83"/>
        <source>photo required</source>
        <translation>须附照片</translation>
    </message>
</context>
<context>
    <name>EnrollPage</name>
    <message>
        <location filename="../EnrollPage.qml" line="42"/>
        <source>Open a photo of the enrollment QR code</source>
        <translation>打开激活二维码照片</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="43"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="57"/>
        <source>Set up this phone with the one-time code from your coordinator.</source>
        <translation>请使用协调员提供的一次性激活码激活本机。</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="69"/>
        <source>This phone is now enrolled</source>
        <translation>本机已激活</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="70"/>
        <source>Account: %1</source>
        <translation>账号：%1</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="71"/>
        <source>Role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="72"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="75"/>
        <source>Start</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="89"/>
        <source>Open enrollment QR image…</source>
        <translation>打开激活二维码图片…</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="97"/>
        <source>…or paste the enrollment link (ducha://enroll?…)</source>
        <translation>…或粘贴激活链接（ducha://enroll?…）</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="101"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="103"/>
        <source>Enrollment code</source>
        <translation>激活码</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="105"/>
        <source>Server key pin (from the QR or your coordinator)</source>
        <translation>服务器密钥指纹（见二维码或向协调员索取）</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="122"/>
        <source>Enroll with this server?</source>
        <translation>确认在此服务器激活？</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="124"/>
        <source>Key pin: %1</source>
        <translation>密钥指纹：%1</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="124"/>
        <source>none (system certificates)</source>
        <translation>无（使用系统证书）</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="129"/>
        <source>Enrolling…</source>
        <translation>正在激活…</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="129"/>
        <source>Confirm and enroll</source>
        <translation>确认激活</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="129"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>EvidenceStep</name>
    <message>
        <location filename="../EvidenceStep.qml" line="16"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="25"/>
        <source>visit</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="29"/>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="35"/>
        <source>Notes for the reviewer</source>
        <translation>给审核人员的备注</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="39"/>
        <source>What you told the site, anything the reviewer should know</source>
        <translation>已向机构告知的内容，以及需要审核人员了解的情况</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="46"/>
        <source>On-site signature (person in charge)</source>
        <translation>现场签字（机构负责人）</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="60"/>
        <source>Clear signature</source>
        <translation>清除签名</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="61"/>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="61"/>
        <source>Not signed yet</source>
        <translation>尚未签字</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="65"/>
        <source>Covert visit: no signature is taken.</source>
        <translation>暗访：无需现场签字。</translation>
    </message>
</context>
<context>
    <name>FileDialogLoader</name>
    <message>
        <location filename="../FileDialogLoader.qml" line="11"/>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../FileDialogLoader.qml" line="12"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../HistoryPage.qml" line="15"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="34"/>
        <source>(unlisted site)</source>
        <translation>（未登记机构）</translation>
    </message>
    <message numerus="yes">
        <location filename="../HistoryPage.qml" line="43"/>
        <source>%n failed item(s)</source>
        <translation>
            <numerusform>%n 项不合格</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../HistoryPage.qml" line="43"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../HistoryPage.qml" line="45"/>
        <source>%n photo(s) not uploaded yet</source>
        <translation>
            <numerusform>%n 张照片待上传</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="48"/>
        <source>Receipt #%1 · server time %2</source>
        <translation>回执 #%1 · 服务器时间 %2</translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="53"/>
        <source>Covert visit</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="54"/>
        <source>Flagged</source>
        <translation>需复核</translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="55"/>
        <source>Unlisted site</source>
        <translation>未登记机构</translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="63"/>
        <source>No reports yet.</source>
        <translation>暂无报告。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../HomePage.qml" line="17"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="17"/>
        <source>My zones</source>
        <translation>我的片区</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="17"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="17"/>
        <source>Me</source>
        <translation>我的</translation>
    </message>
</context>
<context>
    <name>InspectPage</name>
    <message>
        <location filename="../InspectPage.qml" line="35"/>
        <source>Save and close</source>
        <translation>保存并关闭</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="40"/>
        <source>Covert</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="44"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1/%2 步：%3</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="87"/>
        <source>Show your badge and say why you are here. The person may scan the QR to check you.</source>
        <translation>请亮证并说明来意，对方可扫描二维码核验您的身份。</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="116"/>
        <source>Report signed and saved on this phone</source>
        <translation>报告已签名并保存在本机</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="118"/>
        <source>The server has received it.</source>
        <translation>服务器已接收。</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="118"/>
        <source>It will be sent as soon as there is a connection. Its receipt appears in History.</source>
        <translation>联网后将自动上传，回执可在历史记录中查看。</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="121"/>
        <source>Back to today</source>
        <translation>返回今日</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="133"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="142"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="151"/>
        <source>Sign and submit</source>
        <translation>签名提交</translation>
    </message>
</context>
<context>
    <name>InstitutionPage</name>
    <message>
        <location filename="../InstitutionPage.qml" line="23"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="40"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="42"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="44"/>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="46"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="47"/>
        <source>academic</source>
        <translation>学科类</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="48"/>
        <source>Licence</source>
        <translation>办学许可证</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="49"/>
        <source>Licensed</source>
        <translation>有证</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="49"/>
        <source>Unlicensed</source>
        <translation>无证</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="50"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="52"/>
        <source>Past violations</source>
        <translation>违规记录</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="54"/>
        <source>Last inspected</source>
        <translation>上次督查</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="55"/>
        <source>never inspected by me</source>
        <translation>我尚未督查过</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="58"/>
        <source>My tasks here</source>
        <translation>我在此的任务</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="70"/>
        <source>No open task here. Found a problem? Your coordinator can assign a visit.</source>
        <translation>此处暂无待办任务。如发现问题，可请协调员安排督查。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="15"/>
        <source>Ducha inspection</source>
        <translation>双减督查</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="66"/>
        <source>Storage problem</source>
        <translation>存储异常</translation>
    </message>
</context>
<context>
    <name>MePage</name>
    <message>
        <location filename="../MePage.qml" line="13"/>
        <source>Me</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="28"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="33"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="35"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="37"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="39"/>
        <source>Last contact</source>
        <translation>最近联网</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="40"/>
        <location filename="../MePage.qml" line="42"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="41"/>
        <source>Last complete sync</source>
        <translation>最近完整同步</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="43"/>
        <source>Waiting</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="44"/>
        <source>%1 changes, %2 photos</source>
        <translation>%1 项更改，%2 张照片</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="45"/>
        <source>Last problem</source>
        <translation>最近错误</translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <location filename="../ReviewStep.qml" line="17"/>
        <source>%1 of %2 items answered</source>
        <translation>已作答 %1/%2 项</translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="23"/>
        <source>This report will be flagged for a supervisor.</source>
        <translation>本报告将标记并提交督导复核。</translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="27"/>
        <source>Checked in %1</source>
        <translation>签到于 %1</translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="27"/>
        <source>%1 m from the site</source>
        <translation>距机构 %1 米</translation>
    </message>
    <message numerus="yes">
        <location filename="../ReviewStep.qml" line="30"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="30"/>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="30"/>
        <source>not signed</source>
        <translation>未签字</translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="33"/>
        <source>Still missing:</source>
        <translation>尚缺：</translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="53"/>
        <source>Everything is filled in. Submitting signs the report with this phone&apos;s key; it cannot be changed afterwards.</source>
        <translation>已全部填写。提交时将使用本机密钥签名，提交后不可修改。</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../SignaturePad.qml" line="24"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>SyncBanner</name>
    <message>
        <location filename="../SyncBanner.qml" line="26"/>
        <source>uploading photos</source>
        <translation>上传照片</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="26"/>
        <source>receiving</source>
        <translation>接收数据</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="26"/>
        <source>sending</source>
        <translation>发送数据</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="27"/>
        <source>Syncing: %1</source>
        <translation>正在同步：%1</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="29"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="29"/>
        <source>nothing is lost, it will send later</source>
        <translation>数据不会丢失，联网后自动发送</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="31"/>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="35"/>
        <source>Up to date · %1</source>
        <translation>已是最新 · %1</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="35"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBanner.qml" line="40"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 项更改待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBanner.qml" line="41"/>
        <source>%n photo(s) waiting</source>
        <translation>
            <numerusform>%n 张照片待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBanner.qml" line="74"/>
        <source>%n change(s) refused, see History</source>
        <translation>
            <numerusform>%n 项更改被拒，请查看历史记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="88"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="88"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>TaskCard</name>
    <message>
        <location filename="../TaskCard.qml" line="27"/>
        <source>P%1</source>
        <translation>优先级%1</translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="34"/>
        <source>Covert visit</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="35"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="36"/>
        <source>Draft saved</source>
        <translation>草稿已存</translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="40"/>
        <source>due %1</source>
        <translation>截止 %1</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../TodayPage.qml" line="13"/>
        <location filename="../TodayPage.qml" line="23"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message numerus="yes">
        <location filename="../TodayPage.qml" line="29"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../TodayPage.qml" line="66"/>
        <source>No open tasks. New tasks arrive when the phone syncs.</source>
        <translation>暂无待办任务。同步后将接收新任务。</translation>
    </message>
</context>
<context>
    <name>UnlistedSiteForm</name>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="17"/>
        <source>Report a training site that is not in the registry. It is flagged for a supervisor.</source>
        <translation>上报未登记的培训场所，将标记并提交督导复核。</translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="20"/>
        <source>Name (as on the door or sign)</source>
        <translation>名称（以门牌或招牌为准）</translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="22"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="24"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="26"/>
        <source>What is taught</source>
        <translation>培训内容</translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="28"/>
        <source>Academic subjects (学科类)</source>
        <translation>学科类</translation>
    </message>
</context>
<context>
    <name>ZonesPage</name>
    <message>
        <location filename="../ZonesPage.qml" line="40"/>
        <source>My zones</source>
        <translation>我的片区</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="43"/>
        <source>Report unlisted site</source>
        <translation>上报未登记机构</translation>
    </message>
    <message numerus="yes">
        <location filename="../ZonesPage.qml" line="72"/>
        <source>%n institution(s)</source>
        <translation>
            <numerusform>%n 家机构</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="72"/>
        <source>my area</source>
        <translation>我的片区</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="83"/>
        <source>Search name, address or community</source>
        <translation>搜索名称、地址或社区</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="92"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="92"/>
        <location filename="../ZonesPage.qml" line="123"/>
        <source>Licensed</source>
        <translation>有证</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="93"/>
        <location filename="../ZonesPage.qml" line="123"/>
        <source>Unlicensed</source>
        <translation>无证</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="93"/>
        <source>Key targets</source>
        <translation>重点对象</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="94"/>
        <source>Not inspected</source>
        <translation>未督查</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="95"/>
        <location filename="../ZonesPage.qml" line="126"/>
        <source>Reported in field</source>
        <translation>现场上报</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="100"/>
        <source>%1 of %2 institutions</source>
        <translation>共 %2 家，显示 %1 家</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="124"/>
        <source>Key target</source>
        <translation>重点对象</translation>
    </message>
    <message numerus="yes">
        <location filename="../ZonesPage.qml" line="125"/>
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 条投诉</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="128"/>
        <source>last inspected %1</source>
        <translation>上次督查 %1</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="128"/>
        <source>never inspected by me</source>
        <translation>我尚未督查过</translation>
    </message>
</context>
</TS>
