<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BadgeView</name>
    <message>
        <location filename="../BadgeView.qml" line="24"/>
        <source>Off-campus training inspector</source>
        <translation>校外培训督查员</translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="40"/>
        <source>Badge photo</source>
        <translation>证件照</translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="46"/>
        <source>No photo yet: your coordinator adds it</source>
        <translation>还没有照片：由协调员添加</translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="56"/>
        <source>Valid until %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="56"/>
        <source>No validity on this phone yet: sync</source>
        <translation>本机暂无有效期信息，请同步</translation>
    </message>
    <message>
        <location filename="../BadgeView.qml" line="71"/>
        <source>Scan to check this inspector with the server</source>
        <translation>扫码核验督查员身份</translation>
    </message>
</context>
<context>
    <name>CheckInStep</name>
    <message>
        <location filename="../CheckInStep.qml" line="17"/>
        <source>Check in when you arrive. The time and your position are recorded with the report.</source>
        <translation>到达现场后请签到，签到时间和位置将随报告一并记录。</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="22"/>
        <source>Locating…</source>
        <translation>正在定位…</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="22"/>
        <source>Check in again</source>
        <translation>重新签到</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="22"/>
        <source>Check in now</source>
        <translation>立即签到</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="37"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="39"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="43"/>
        <source>locating…</source>
        <translation>定位中…</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="43"/>
        <source>no GPS fix (recorded without position)</source>
        <translation>未获取定位（将不含位置记录）</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="46"/>
        <source>Accuracy</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="47"/>
        <source>±%1 m</source>
        <translation>±%1 米</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="48"/>
        <source>Fix age</source>
        <translation>定位更新于</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="49"/>
        <source>%1 s</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="50"/>
        <source>Distance to site</source>
        <translation>距机构</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="51"/>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="57"/>
        <source>You seem to be %1 m from the registered address. You can go on; the distance is recorded for the reviewer.</source>
        <translation>您距登记地址约 %1 米。可继续督查，该距离将记录供审核人员查看。</translation>
    </message>
    <message>
        <location filename="../CheckInStep.qml" line="65"/>
        <source>The position comes from a simulated (mock) location source. It is recorded and flagged for the reviewer.</source>
        <translation>检测到模拟定位，已记录并标记，供审核人员核查。</translation>
    </message>
</context>
<context>
    <name>ChecklistStepView</name>
    <message>
        <location filename="../ChecklistStepView.qml" line="28"/>
        <source>%1 of %2 answered</source>
        <translation>已作答 %1/%2</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="64"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="64"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="64"/>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="83"/>
        <source>What did you see? (required)</source>
        <translation>请说明现场情况（必填）</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="84"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="84"/>
        <source>Why does it not apply? (required)</source>
        <translation>为何不适用？（必填）</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="94"/>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../ChecklistStepView.qml" line="98"/>
        <source>photo required</source>
        <translation>须附照片</translation>
    </message>
</context>
<context>
    <name>DeskAuditPage</name>
    <message numerus="yes">
        <location filename="../DeskAuditPage.qml" line="23"/>
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 行保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="27"/>
        <location filename="../DeskAuditPage.qml" line="80"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="27"/>
        <location filename="../DeskAuditPage.qml" line="79"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="27"/>
        <location filename="../DeskAuditPage.qml" line="80"/>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="37"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="38"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="41"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="41"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="49"/>
        <source>CSV files</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="61"/>
        <source>Supervisors see the refused and conflicting entries.</source>
        <translation>督导员可查看被拒绝和有冲突的记录。</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="71"/>
        <source>Every action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="79"/>
        <source>Every outcome</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="83"/>
        <source>Person</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="84"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="86"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="87"/>
        <source>Search record, reason or code</source>
        <translation>搜索记录、原因或代码</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="91"/>
        <source>%1 of %2 entries (the newest 1000)</source>
        <translation>显示 %1 条，共 %2 条（最近 1000 条）</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="123"/>
        <source>(the server)</source>
        <translation>（服务器）</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="137"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="138"/>
        <source>The audit log is on the server: this needs a connection.</source>
        <translation>审计日志保存在服务器上，需要联网。</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="139"/>
        <source>Could not read the audit log: %1</source>
        <translation>无法读取审计日志：%1</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="140"/>
        <source>No entry matches these filters.</source>
        <translation>没有符合筛选条件的记录。</translation>
    </message>
    <message>
        <location filename="../DeskAuditPage.qml" line="141"/>
        <source>No audit entries.</source>
        <translation>暂无审计记录。</translation>
    </message>
</context>
<context>
    <name>DeskBusy</name>
    <message>
        <location filename="../DeskBusy.qml" line="11"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>DeskCasesPage</name>
    <message>
        <location filename="../DeskCasesPage.qml" line="21"/>
        <source>Close requested. The server closes the case only if its re-inspection passed; its answer shows here after the sync.</source>
        <translation>已申请销号。只有复查通过，服务器才会结案；同步后在此显示服务器的答复。</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="27"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="32"/>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="32"/>
        <source>Rectification</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="33"/>
        <source>Re-inspection due</source>
        <translation>待复查</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="33"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="34"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="34"/>
        <source>No violation</source>
        <translation>无违规</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="44"/>
        <source>Search institution, tier or order</source>
        <translation>搜索机构、裁量等级或整改要求</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="79"/>
        <source>(unlisted site)</source>
        <translation>（未登记机构）</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="85"/>
        <source>Rectify by %1</source>
        <translation>整改期限 %1</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="85"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="88"/>
        <source>Order: %1</source>
        <translation>整改要求：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskCasesPage.qml" line="91"/>
        <source>%n escalation(s)</source>
        <translation>
            <numerusform>升级 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="92"/>
        <source>Re-inspection task: %1</source>
        <translation>复查任务：%1</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="92"/>
        <source>No re-inspection task yet</source>
        <translation>尚无复查任务</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="93"/>
        <source>closed by a passing re-inspection</source>
        <translation>复查通过后结案</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="99"/>
        <source>The server refused: %1</source>
        <translation>服务器拒绝：%1</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="106"/>
        <source>Close case</source>
        <translation>销号结案</translation>
    </message>
    <message>
        <location filename="../DeskCasesPage.qml" line="114"/>
        <source>No cases.</source>
        <translation>暂无案件。</translation>
    </message>
</context>
<context>
    <name>DeskComplaintsPage</name>
    <message numerus="yes">
        <location filename="../DeskComplaintsPage.qml" line="28"/>
        <source>Imported %n complaint(s).</source>
        <translation>
            <numerusform>已导入 %n 条投诉。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="35"/>
        <source>Complaints</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="36"/>
        <source>Show closed</source>
        <translation>显示已销号</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="37"/>
        <location filename="../DeskComplaintsPage.qml" line="45"/>
        <source>New complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="38"/>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="61"/>
        <location filename="../DeskComplaintsPage.qml" line="184"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="63"/>
        <source>Ticket no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="65"/>
        <location filename="../DeskComplaintsPage.qml" line="186"/>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="66"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="67"/>
        <location filename="../DeskComplaintsPage.qml" line="188"/>
        <location filename="../DeskComplaintsPage.qml" line="228"/>
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="68"/>
        <source>in 15 days</source>
        <translation>15 天后</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="69"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="70"/>
        <source>when the institution is not in the registry</source>
        <translation>机构不在名录中时填写</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="72"/>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="74"/>
        <source>Institution (optional)</source>
        <translation>机构（可选）</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="80"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="82"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="89"/>
        <source>Complaint recorded.</source>
        <translation>投诉已登记。</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="113"/>
        <source>Search text, institution, address or ticket</source>
        <translation>搜索内容、机构、地址或工单号</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskComplaintsPage.qml" line="115"/>
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 条投诉</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskComplaintsPage.qml" line="115"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 条逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="143"/>
        <location filename="../DeskComplaintsPage.qml" line="191"/>
        <source>(no institution yet)</source>
        <translation>（尚未关联机构）</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="148"/>
        <location filename="../DeskComplaintsPage.qml" line="178"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="149"/>
        <source>due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="159"/>
        <source>No open complaints.</source>
        <translation>没有未办结的投诉。</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="167"/>
        <source>Choose a complaint.</source>
        <translation>请选择一条投诉。</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="190"/>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="192"/>
        <source>Follow-up task</source>
        <translation>核查任务</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="194"/>
        <location filename="../DeskComplaintsPage.qml" line="232"/>
        <source>Triage note</source>
        <translation>分办说明</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="196"/>
        <location filename="../DeskComplaintsPage.qml" line="248"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="199"/>
        <source>Sending the last change… the actions are back in a moment.</source>
        <translation>正在发送上一步更改……稍后即可继续操作。</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="200"/>
        <source>The server refused: %1</source>
        <translation>服务器拒绝：%1</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="206"/>
        <location filename="../DeskComplaintsPage.qml" line="213"/>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="210"/>
        <source>or an address</source>
        <translation>或填写地址</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="215"/>
        <source>Linked.</source>
        <translation>已关联。</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="223"/>
        <source>Triage into a task</source>
        <translation>分办为核查任务</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="226"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="229"/>
        <source>in 7 days</source>
        <translation>7 天后</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="230"/>
        <source>Covert</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="235"/>
        <source>Make the follow-up task</source>
        <translation>生成核查任务</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="240"/>
        <source>Task made; the complaint is triaged.</source>
        <translation>已生成任务，投诉已分办。</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="255"/>
        <source>What was found and done (required to resolve)</source>
        <translation>核查发现及处理情况（办结必填）</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="264"/>
        <source>Start</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="265"/>
        <source>In progress.</source>
        <translation>办理中。</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="271"/>
        <source>Resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="272"/>
        <source>Resolved.</source>
        <translation>已办结。</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="277"/>
        <source>Close</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="279"/>
        <source>Closed (销号).</source>
        <translation>已销号。</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="285"/>
        <source>Reopen</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <location filename="../DeskComplaintsPage.qml" line="286"/>
        <source>Reopened: back in progress.</source>
        <translation>已重新打开：回到办理中。</translation>
    </message>
</context>
<context>
    <name>DeskCoveragePage</name>
    <message numerus="yes">
        <location filename="../DeskCoveragePage.qml" line="24"/>
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 行保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="46"/>
        <source>Coverage</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="47"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="47"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="52"/>
        <source>CSV files</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="65"/>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="66"/>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="67"/>
        <source>Last 90 days</source>
        <translation>近 90 天</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="68"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="70"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="72"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="73"/>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="80"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="89"/>
        <source>%1 of %2 institutions inspected (%3)</source>
        <translation>已检查 %1 / %2 家机构（%3）</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="101"/>
        <source>By district and zone</source>
        <translation>按区县和片区</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="144"/>
        <source>No institutions in scope.</source>
        <translation>范围内没有机构。</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="161"/>
        <source>Campaign: %1</source>
        <translation>专项行动：%1</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="162"/>
        <source>%1 of %2 institutions visited often enough</source>
        <translation>%1 / %2 家机构达到检查次数</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="164"/>
        <source>No key target missed.</source>
        <translation>重点对象均已检查。</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="165"/>
        <source>Key targets not visited: %1</source>
        <translation>未检查的重点对象：%1</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="171"/>
        <source>Not inspected (%1)</source>
        <translation>未检查（%1）</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="181"/>
        <source>Every institution was inspected.</source>
        <translation>所有机构均已检查。</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="183"/>
        <source>Volunteer activity</source>
        <translation>督查员工作量</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskCoveragePage.qml" line="195"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 次检查</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskCoveragePage.qml" line="195"/>
        <source>%n site(s)</source>
        <translation>
            <numerusform>%n 家机构</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="196"/>
        <source>no visit</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../DeskCoveragePage.qml" line="199"/>
        <source>No volunteers in scope.</source>
        <translation>范围内没有督查员。</translation>
    </message>
</context>
<context>
    <name>DeskDevicesPage</name>
    <message>
        <location filename="../DeskDevicesPage.qml" line="34"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="39"/>
        <source>Revoke %1?</source>
        <translation>停用 %1？</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="47"/>
        <source>Use this for a phone that was lost or replaced. After this desk syncs:</source>
        <translation>用于丢失或更换的手机。本机同步后：</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="50"/>
        <source>The phone stops working at its next contact with the server.</source>
        <translation>这台手机下次联网时即停止工作。</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="51"/>
        <source>What it had not sent stays on it and is not received.</source>
        <translation>它尚未上传的内容留在手机上，服务器不再接收。</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="52"/>
        <source>The badge shown on it is no longer valid: its owner&apos;s badge gets a new code.</source>
        <translation>其上显示的证件失效，使用人的证件换发新码。</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="53"/>
        <source>The person enrolls a replacement phone with a new enrollment code.</source>
        <translation>使用人用新的注册码注册替换手机。</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="54"/>
        <source>This cannot be undone.</source>
        <translation>此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="57"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="60"/>
        <location filename="../DeskDevicesPage.qml" line="123"/>
        <source>Revoke</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="74"/>
        <source>Search person, device or app version</source>
        <translation>搜索人员、设备或应用版本</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="107"/>
        <source>(unnamed device)</source>
        <translation>（未命名设备）</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="108"/>
        <source>This device</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="109"/>
        <source>Revoked</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="112"/>
        <source>Last contact %1</source>
        <translation>最近联网 %1</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="112"/>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskDevicesPage.qml" line="113"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 项更改待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskDevicesPage.qml" line="114"/>
        <source>%n photo(s) waiting</source>
        <translation>
            <numerusform>%n 张照片待上传</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="115"/>
        <source>app %1</source>
        <translation>应用 %1</translation>
    </message>
    <message>
        <location filename="../DeskDevicesPage.qml" line="129"/>
        <source>No devices in scope.</source>
        <translation>范围内没有设备。</translation>
    </message>
</context>
<context>
    <name>DeskDrawPage</name>
    <message>
        <location filename="../DeskDrawPage.qml" line="37"/>
        <source>Committed. Seed hash %1 goes to the server with the next sync; then reveal.</source>
        <translation>已承诺。种子哈希 %1 将在下次同步时发送到服务器，之后即可揭晓。</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskDrawPage.qml" line="45"/>
        <source>Drawn: %n site(s). The server makes the tasks when this syncs.</source>
        <translation>
            <numerusform>已抽取 %n 家机构。同步后由服务器生成任务。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="53"/>
        <source>Random draw (双随机)</source>
        <translation>双随机抽查</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="74"/>
        <source>New draw</source>
        <translation>新建抽查</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="78"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="79"/>
        <source>e.g. 3月双随机抽查</source>
        <translation>例如：3月双随机抽查</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="80"/>
        <source>Sites to draw</source>
        <translation>抽取机构数</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="82"/>
        <source>Inspectors per site</source>
        <translation>每家机构督查员数</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="84"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="86"/>
        <source>Skip sites visited within (days)</source>
        <translation>排除近期检查过的（天）</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="88"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="89"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="90"/>
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="91"/>
        <source>in 7 days</source>
        <translation>7 天后</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="93"/>
        <source>Academic institutions only</source>
        <translation>仅学科类机构</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="94"/>
        <source>Key targets only</source>
        <translation>仅重点对象</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="95"/>
        <source>Weight key targets, complaints and past violations</source>
        <translation>重点对象、投诉和违规记录加权</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="96"/>
        <source>Never a volunteer&apos;s own zone</source>
        <translation>回避督查员本人包片</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="97"/>
        <source>Covert visits (暗访)</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="100"/>
        <source>Commit</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="106"/>
        <source>Commit fixes the pool and the rules and sends only the hash of a secret seed. After the server has acknowledged it (sync), reveal runs the draw with the seed: nobody, not even this device, can choose the outcome.</source>
        <translation>“承诺”固定抽取范围和规则，只发送秘密种子的哈希值。服务器确认后（同步），“揭晓”用该种子执行抽取：任何人（包括本机）都无法选择结果。</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="117"/>
        <source>Draws (%1)</source>
        <translation>抽查记录（%1）</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskDrawPage.qml" line="140"/>
        <source>Draw of %n site(s)</source>
        <translation>
            <numerusform>抽取 %n 家机构</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="147"/>
        <source>No draws yet.</source>
        <translation>暂无抽查记录。</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="155"/>
        <source>Choose a draw.</source>
        <translation>请选择一次抽查。</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="163"/>
        <source>Draw</source>
        <translation>抽查</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="165"/>
        <source>Seed hash (commitment)</source>
        <translation>种子哈希（承诺）</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="170"/>
        <source>Reveal</source>
        <translation>揭晓</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="179"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="185"/>
        <source>Verify</source>
        <translation>复核</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="191"/>
        <source>Re-running the draw…</source>
        <translation>正在重新抽取…</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="202"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="204"/>
        <source>Commitment seq</source>
        <translation>承诺序号</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="206"/>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="208"/>
        <source>Pool</source>
        <translation>抽取范围</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="209"/>
        <source>%1 sites, %2 inspectors, %3 pairs excluded</source>
        <translation>%1 家机构，%2 名督查员，回避 %3 对</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="210"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="211"/>
        <source>%1 made by the server</source>
        <translation>服务器已生成 %1 个</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="213"/>
        <source>Pairs</source>
        <translation>抽取结果</translation>
    </message>
    <message>
        <location filename="../DeskDrawPage.qml" line="225"/>
        <source>Tasks made from this draw (%1)</source>
        <translation>本次抽查生成的任务（%1）</translation>
    </message>
</context>
<context>
    <name>DeskExportsPage</name>
    <message>
        <location filename="../DeskExportsPage.qml" line="35"/>
        <source>Excel workbooks</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="35"/>
        <source>CSV files</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="41"/>
        <source>PDF files</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="25"/>
        <source>PDF record saved to %1.</source>
        <translation>检查记录 PDF 已保存到 %1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskExportsPage.qml" line="26"/>
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 行保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="52"/>
        <source>Exports</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="60"/>
        <source>Writing the export…</source>
        <translation>正在写入导出文件…</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="72"/>
        <source>Tables</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="74"/>
        <source>Period (reports, coverage)</source>
        <translation>时间段（报告、覆盖情况）</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="75"/>
        <source>30 days ago</source>
        <translation>30 天前</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="77"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="80"/>
        <source>Inspection reports</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="80"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="81"/>
        <source>Complaints</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="81"/>
        <source>Coverage</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="96"/>
        <source>CSV files open in Excel with Chinese intact (UTF-8 with a byte-order mark). Covert visits stay covert: exports never publish anything.</source>
        <translation>CSV 文件可直接用 Excel 打开，中文不乱码（带 BOM 的 UTF-8）。暗访信息不会公开：导出不发布任何内容。</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="103"/>
        <source>PDF record of a report</source>
        <translation>检查报告的 PDF 记录</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="104"/>
        <source>Search institution or inspector</source>
        <translation>搜索机构或督查员</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="128"/>
        <source>(unlisted site)</source>
        <translation>（未登记机构）</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskExportsPage.qml" line="130"/>
        <source>%n failed item(s)</source>
        <translation>
            <numerusform>%n 项不合格</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="134"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../DeskExportsPage.qml" line="138"/>
        <source>No reports on this device yet.</source>
        <translation>本机暂无检查报告。</translation>
    </message>
</context>
<context>
    <name>DeskFileDialog</name>
    <message>
        <location filename="../DeskFileDialog.qml" line="13"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../DeskFileDialog.qml" line="13"/>
        <source>Open a file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../DeskFileDialog.qml" line="14"/>
        <source>CSV files</source>
        <translation>CSV 文件</translation>
    </message>
</context>
<context>
    <name>DeskHeader</name>
    <message>
        <location filename="../DeskHeader.qml" line="22"/>
        <source>City-wide</source>
        <translation>全市</translation>
    </message>
</context>
<context>
    <name>DeskInstitutionForm</name>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="18"/>
        <source>New institution</source>
        <translation>新增机构</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="18"/>
        <source>Edit institution</source>
        <translation>编辑机构</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="66"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="68"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="70"/>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="72"/>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="79"/>
        <source>(no zone)</source>
        <translation>（无片区）</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="87"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="94"/>
        <source>Licence no.</source>
        <translation>许可证号</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="96"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="98"/>
        <source>Latitude, longitude</source>
        <translation>纬度、经度</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="107"/>
        <source>Licensed</source>
        <translation>有证</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="108"/>
        <source>Academic (学科类)</source>
        <translation>学科类</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="109"/>
        <source>Key target</source>
        <translation>重点对象</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="116"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionForm.qml" line="117"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>DeskInstitutionPicker</name>
    <message>
        <location filename="../DeskInstitutionPicker.qml" line="26"/>
        <source>Search institutions</source>
        <translation>搜索机构</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionPicker.qml" line="31"/>
        <source>Chosen: %1</source>
        <translation>已选：%1</translation>
    </message>
    <message>
        <location filename="../DeskInstitutionPicker.qml" line="60"/>
        <source>No institution matches.</source>
        <translation>没有匹配的机构。</translation>
    </message>
</context>
<context>
    <name>DeskListState</name>
    <message>
        <location filename="../DeskListState.qml" line="14"/>
        <source>Nothing here.</source>
        <translation>暂无内容。</translation>
    </message>
    <message>
        <location filename="../DeskListState.qml" line="17"/>
        <source>Could not read the list: %1</source>
        <translation>无法读取列表：%1</translation>
    </message>
    <message>
        <location filename="../DeskListState.qml" line="18"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../DeskListState.qml" line="19"/>
        <source>Loading… the records arrive with the sync.</source>
        <translation>加载中……数据随同步到达。</translation>
    </message>
</context>
<context>
    <name>DeskNotice</name>
    <message>
        <location filename="../DeskNotice.qml" line="25"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../DeskNotice.qml" line="26"/>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location filename="../DeskNotice.qml" line="26"/>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
</context>
<context>
    <name>DeskPeoplePage</name>
    <message numerus="yes">
        <location filename="../DeskPeoplePage.qml" line="69"/>
        <source>Imported %n person(s). They sync when there is signal.</source>
        <translation>
            <numerusform>已导入 %n 人，有信号时同步。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="75"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="76"/>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="81"/>
        <source>A photo for %1&apos;s badge</source>
        <translation>%1 的证件照</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="82"/>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="89"/>
        <source>Switch off %1?</source>
        <translation>停用 %1？</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="89"/>
        <source>Switch %1 on again?</source>
        <translation>重新启用 %1？</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="96"/>
        <source>After this desk syncs:</source>
        <translation>本设备同步后：</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="99"/>
        <source>Their phones are refused at their next contact with the server; what they had not sent stays on them.</source>
        <translation>其手机下次连接服务器时被拒绝；尚未上传的内容留在手机上。</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="104"/>
        <source>Their badge check says the badge is not valid.</source>
        <translation>核验其证件时显示证件无效。</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="109"/>
        <source>Their phones work again, and their badge is valid again until it ends.</source>
        <translation>其手机恢复可用，证件在有效期内重新有效。</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="112"/>
        <source>This can be undone here at any time.</source>
        <translation>随时可以在此撤销。</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="115"/>
        <location filename="../DeskPeoplePage.qml" line="162"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="118"/>
        <location filename="../DeskPeoplePage.qml" line="304"/>
        <source>Switch off</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="118"/>
        <location filename="../DeskPeoplePage.qml" line="304"/>
        <source>Switch on</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="130"/>
        <source>Change the role of %1</source>
        <translation>更改 %1 的角色</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="137"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="144"/>
        <source>Volunteer</source>
        <translation>督查员</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="144"/>
        <source>Coordinator</source>
        <translation>协调员</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="145"/>
        <source>Supervisor</source>
        <translation>执法督导</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="145"/>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="147"/>
        <source>District (volunteers and coordinators need one)</source>
        <translation>区县（督查员和协调员必须指定）</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="154"/>
        <source>None (city-wide)</source>
        <translation>无（全市）</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="157"/>
        <source>The person&apos;s phone takes the new role when it syncs.</source>
        <translation>此人的手机同步后使用新角色。</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="163"/>
        <location filename="../DeskPeoplePage.qml" line="298"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="178"/>
        <source>Search name, phone, school or district</source>
        <translation>搜索姓名、电话、学校或区县</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="187"/>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="195"/>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="195"/>
        <source>Active</source>
        <translation>启用中</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="196"/>
        <location filename="../DeskPeoplePage.qml" line="260"/>
        <source>Switched off</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="246"/>
        <source>Badge photo of %1</source>
        <translation>%1 的证件照</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="259"/>
        <source>Me</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="261"/>
        <source>No badge photo</source>
        <translation>无证件照</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="265"/>
        <source>Badge has no end date: not valid</source>
        <translation>证件未设有效期：无效</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="266"/>
        <source>Badge ended %1</source>
        <translation>证件已于 %1 到期</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="267"/>
        <source>Badge valid until %1</source>
        <translation>证件有效期至 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskPeoplePage.qml" line="268"/>
        <source>expires in %n day(s)</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskPeoplePage.qml" line="269"/>
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n 台设备</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="270"/>
        <source>last contact %1</source>
        <translation>最后联系 %1</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="270"/>
        <source>never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="279"/>
        <source>Renew badge</source>
        <translation>证件续期</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="285"/>
        <source>Add badge photo</source>
        <translation>添加证件照</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="285"/>
        <source>Change badge photo</source>
        <translation>更换证件照</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="292"/>
        <source>Remove badge photo</source>
        <translation>移除证件照</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="312"/>
        <source>No people yet. Import a CSV file.</source>
        <translation>还没有人员。请导入 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../DeskPeoplePage.qml" line="312"/>
        <source>No one matches.</source>
        <translation>没有符合条件的人员。</translation>
    </message>
</context>
<context>
    <name>DeskPhoto</name>
    <message>
        <location filename="../DeskPhoto.qml" line="32"/>
        <source>Not on this device</source>
        <translation>本机没有此照片</translation>
    </message>
</context>
<context>
    <name>DeskRegistryPage</name>
    <message numerus="yes">
        <location filename="../DeskRegistryPage.qml" line="30"/>
        <source>Imported %n institution(s).</source>
        <translation>
            <numerusform>已导入 %n 家机构。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="35"/>
        <source>Saved. It syncs when there is signal.</source>
        <translation>已保存，有信号时同步。</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="42"/>
        <source>Registry</source>
        <translation>机构名录</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="43"/>
        <source>New institution</source>
        <translation>新增机构</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="44"/>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="52"/>
        <source>Institution created.</source>
        <translation>机构已创建。</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="52"/>
        <source>Changes saved.</source>
        <translation>修改已保存。</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="79"/>
        <source>Search name, address, community or licence</source>
        <translation>搜索名称、地址、小区或许可证号</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="87"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="87"/>
        <location filename="../DeskRegistryPage.qml" line="125"/>
        <location filename="../DeskRegistryPage.qml" line="195"/>
        <source>Licensed</source>
        <translation>有证</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="88"/>
        <location filename="../DeskRegistryPage.qml" line="125"/>
        <source>Unlicensed</source>
        <translation>无证</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="88"/>
        <location filename="../DeskRegistryPage.qml" line="126"/>
        <location filename="../DeskRegistryPage.qml" line="201"/>
        <source>Academic</source>
        <translation>学科类</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="89"/>
        <source>Key targets</source>
        <translation>重点对象</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="90"/>
        <location filename="../DeskRegistryPage.qml" line="128"/>
        <source>Reported in field</source>
        <translation>现场上报</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="91"/>
        <source>Not covered (3包)</source>
        <translation>未包保（3包）</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="95"/>
        <source>%1 of %2 institutions</source>
        <translation>%1 / %2 家机构</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="127"/>
        <location filename="../DeskRegistryPage.qml" line="206"/>
        <source>Key target</source>
        <translation>重点对象</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="129"/>
        <source>Not covered</source>
        <translation>未包保</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="141"/>
        <source>No institutions yet. Create one or import a CSV file.</source>
        <translation>暂无机构。请新增或导入 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="141"/>
        <source>No institution matches.</source>
        <translation>没有匹配的机构。</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="154"/>
        <source>Choose an institution to see its details and history.</source>
        <translation>选择机构以查看详情和历史记录。</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="167"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="173"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="175"/>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="177"/>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="178"/>
        <location filename="../DeskRegistryPage.qml" line="227"/>
        <source>(no zone)</source>
        <translation>（无片区）</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="179"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="181"/>
        <source>Licence no.</source>
        <translation>许可证号</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="183"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="185"/>
        <source>Complaints</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="187"/>
        <source>Past violations</source>
        <translation>违规记录</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="218"/>
        <source>Reported in the field</source>
        <translation>现场上报的机构</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="219"/>
        <source>A volunteer found this site. Take it into the registry, or merge it into the entry it duplicates.</source>
        <translation>督查员在现场发现了这家机构。可将其纳入名录，或合并到重复的名录条目。</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="234"/>
        <source>Take into registry</source>
        <translation>纳入名录</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="235"/>
        <source>Taken into the registry.</source>
        <translation>已纳入名录。</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="238"/>
        <source>Merge into…</source>
        <translation>合并到……</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="249"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="253"/>
        <source>Merged into %1.</source>
        <translation>已合并到 %1。</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="261"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="262"/>
        <source>Reading the history…</source>
        <translation>正在读取历史记录…</translation>
    </message>
    <message>
        <location filename="../DeskRegistryPage.qml" line="270"/>
        <source>No tasks, reports, cases or complaints yet.</source>
        <translation>暂无任务、报告、案件或投诉。</translation>
    </message>
</context>
<context>
    <name>DeskReportView</name>
    <message>
        <location filename="../DeskReportView.qml" line="21"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="21"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="21"/>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="34"/>
        <source>Reading the report…</source>
        <translation>正在读取报告…</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="41"/>
        <source>(unlisted site)</source>
        <translation>（未登记机构）</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="42"/>
        <source>PDF record</source>
        <translation>PDF 记录</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="47"/>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="48"/>
        <source>Unlisted site</source>
        <translation>未登记机构</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="49"/>
        <source>Covert visit</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="50"/>
        <source>Simulated location</source>
        <translation>模拟定位</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="51"/>
        <source>Decided: %1</source>
        <translation>已处理：%1</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="57"/>
        <source>Inspector</source>
        <translation>督查员</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="59"/>
        <source>Inspected at</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="61"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="62"/>
        <source>(no task)</source>
        <translation>（无任务）</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="63"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="65"/>
        <source>%1, %2 · ±%3 m · %4 m from the site</source>
        <translation>%1, %2 · ±%3 米 · 距机构 %4 米</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="67"/>
        <source>no position fix</source>
        <translation>无定位</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="70"/>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="76"/>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="78"/>
        <source>(the current version is %1)</source>
        <translation>（现行为第 %1 版）</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="84"/>
        <source>Changed in version %1 since this report&apos;s version:</source>
        <translation>第 %1 版相对本报告所用版本的改动：</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="85"/>
        <source>New in this version, compared with version %1:</source>
        <translation>本版本相对第 %1 版的改动：</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="98"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="101"/>
        <source>device unknown here: cannot check</source>
        <translation>本机不认识该设备：无法核验</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="102"/>
        <source>✓ valid (device key)</source>
        <translation>✓ 有效（设备密钥）</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="102"/>
        <source>✗ does not verify</source>
        <translation>✗ 核验不通过</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="105"/>
        <source>Receipt</source>
        <translation>回执</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="107"/>
        <source>#%1 · server time %2 · %3</source>
        <translation>#%1 · 服务器时间 %2 · %3</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="108"/>
        <source>✓ checked</source>
        <translation>✓ 已核验</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="108"/>
        <source>✗ does not check</source>
        <translation>✗ 核验不通过</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="109"/>
        <source>no receipt on this device yet</source>
        <translation>本机尚无回执</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="113"/>
        <source>Verification</source>
        <translation>核验</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="115"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="118"/>
        <source>Answers</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="133"/>
        <source>critical</source>
        <translation>关键项</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="153"/>
        <source>Photos and signature</source>
        <translation>照片和签名</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="159"/>
        <source>signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="162"/>
        <source>No photos.</source>
        <translation>没有照片。</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="163"/>
        <source>Downloading photos from the server…</source>
        <translation>正在从服务器下载照片……</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="167"/>
        <source>Photos could not be downloaded: %1</source>
        <translation>照片下载失败：%1</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="168"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="179"/>
        <source>Decided</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="179"/>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="182"/>
        <source>Case %1: %2</source>
        <translation>案件 %1：%2</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="188"/>
        <source>No violation</source>
        <translation>无违规</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="189"/>
        <source>Violation</source>
        <translation>违规</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="195"/>
        <source>Discretion tier</source>
        <translation>裁量等级</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="197"/>
        <source>Rectification (days)</source>
        <translation>整改期限（天）</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="199"/>
        <source>Order (整改要求)</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="200"/>
        <source>What must be put right</source>
        <translation>须整改的内容</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="202"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="206"/>
        <source>Decide: violation (%1)</source>
        <translation>决定：违规（%1）</translation>
    </message>
    <message>
        <location filename="../DeskReportView.qml" line="206"/>
        <source>Decide: no violation</source>
        <translation>决定：无违规</translation>
    </message>
</context>
<context>
    <name>DeskReviewPage</name>
    <message>
        <location filename="../DeskReviewPage.qml" line="22"/>
        <source>PDF record saved to %1.</source>
        <translation>检查记录 PDF 已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="32"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="33"/>
        <source>Show decided</source>
        <translation>显示已处理</translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="38"/>
        <source>PDF files</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="48"/>
        <source>Writing the PDF record…</source>
        <translation>正在生成 PDF 检查记录…</translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="59"/>
        <source>Search institution or inspector</source>
        <translation>搜索机构或督查员</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskReviewPage.qml" line="60"/>
        <source>%n report(s) to review</source>
        <translation>
            <numerusform>%n 份报告待审核</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="86"/>
        <source>(unlisted site)</source>
        <translation>（未登记机构）</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskReviewPage.qml" line="91"/>
        <source>%n critical failed</source>
        <translation>
            <numerusform>%n 项关键项不合格</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskReviewPage.qml" line="92"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n 项不合格</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="93"/>
        <source>Unlisted site</source>
        <translation>未登记机构</translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="94"/>
        <source>Covert</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="95"/>
        <source>Decided</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="101"/>
        <source>Nothing to review: no flagged reports.</source>
        <translation>没有待审核的报告。</translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="109"/>
        <source>Choose a report to review.</source>
        <translation>请选择要审核的报告。</translation>
    </message>
    <message>
        <location filename="../DeskReviewPage.qml" line="115"/>
        <source>Decided. The case opens when this syncs; a violation gets its re-inspection task from the server.</source>
        <translation>已作出决定。同步后立案；违规案件由服务器生成复查任务。</translation>
    </message>
</context>
<context>
    <name>DeskTasksPage</name>
    <message>
        <location filename="../DeskTasksPage.qml" line="21"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="34"/>
        <source>Task created for %1.</source>
        <translation>已为 %1 创建任务。</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="42"/>
        <source>Campaign created.</source>
        <translation>专项行动已创建。</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="46"/>
        <source>Tasks and campaigns</source>
        <translation>任务与专项行动</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="67"/>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="68"/>
        <source>New campaign</source>
        <translation>新建专项行动</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="79"/>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="82"/>
        <location filename="../DeskTasksPage.qml" line="162"/>
        <source>Routine</source>
        <translation>日常巡查</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="83"/>
        <source>Joint (2+ volunteers)</source>
        <translation>联合检查（2 人以上）</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="84"/>
        <source>Covert (暗访)</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="86"/>
        <source>Volunteers (two or more)</source>
        <translation>督查员（两人或以上）</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="86"/>
        <source>Volunteer(s)</source>
        <translation>督查员</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="90"/>
        <source>Priority (1 highest)</source>
        <translation>优先级（1 最高）</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="92"/>
        <location filename="../DeskTasksPage.qml" line="120"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="93"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="94"/>
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="95"/>
        <source>in 7 days</source>
        <translation>7 天后</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="96"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="97"/>
        <source>(the institution&apos;s name)</source>
        <translation>（默认为机构名称）</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="98"/>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="103"/>
        <source>Create task</source>
        <translation>创建任务</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="118"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="119"/>
        <source>e.g. 寒假专项检查</source>
        <translation>例如：寒假专项检查</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="122"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="124"/>
        <source>Visits required</source>
        <translation>要求检查次数</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="126"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="129"/>
        <source>Key targets only</source>
        <translation>仅重点对象</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="132"/>
        <source>Create campaign</source>
        <translation>创建专项行动</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="148"/>
        <source>Tasks (%1)</source>
        <translation>任务（%1）</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="149"/>
        <source>Campaigns (%1)</source>
        <translation>专项行动（%1）</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="158"/>
        <source>Search tasks</source>
        <translation>搜索任务</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="162"/>
        <source>Every kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="163"/>
        <source>Joint</source>
        <translation>联合检查</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="163"/>
        <source>Random spot check</source>
        <translation>双随机抽查</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="164"/>
        <source>Complaint follow-up</source>
        <translation>投诉核查</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="164"/>
        <source>Re-inspection</source>
        <translation>整改复查</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="167"/>
        <source>Show finished</source>
        <translation>显示已完成</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="199"/>
        <source>due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="207"/>
        <source>Covert</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="208"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="213"/>
        <source>Cancel task</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="214"/>
        <source>Task cancelled.</source>
        <translation>任务已取消。</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="219"/>
        <source>No tasks.</source>
        <translation>暂无任务。</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskTasksPage.qml" line="249"/>
        <source>%n visit(s) each</source>
        <translation>
            <numerusform>每家 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="250"/>
        <source>key targets only</source>
        <translation>仅重点对象</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="256"/>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="257"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="262"/>
        <source>Cancel campaign</source>
        <translation>取消专项行动</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="263"/>
        <source>Campaign cancelled.</source>
        <translation>专项行动已取消。</translation>
    </message>
    <message>
        <location filename="../DeskTasksPage.qml" line="268"/>
        <source>No campaigns yet.</source>
        <translation>暂无专项行动。</translation>
    </message>
</context>
<context>
    <name>DeskVolunteerPicker</name>
    <message>
        <location filename="../DeskVolunteerPicker.qml" line="32"/>
        <source>Search volunteers</source>
        <translation>搜索督查员</translation>
    </message>
    <message>
        <location filename="../DeskVolunteerPicker.qml" line="58"/>
        <source>No active volunteers in this district.</source>
        <translation>本区县没有在岗督查员。</translation>
    </message>
</context>
<context>
    <name>DeskZonesPage</name>
    <message>
        <location filename="../DeskZonesPage.qml" line="39"/>
        <source>Zones (3包)</source>
        <translation>片区（3包）</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="58"/>
        <source>Zones (%1)</source>
        <translation>片区（%1）</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="79"/>
        <source>(no communities)</source>
        <translation>（无小区）</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskZonesPage.qml" line="81"/>
        <location filename="../DeskZonesPage.qml" line="145"/>
        <source>%n institution(s)</source>
        <translation>
            <numerusform>%n 家机构</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="82"/>
        <source>no volunteer</source>
        <translation>无督查员</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="89"/>
        <source>No zones yet.</source>
        <translation>暂无片区。</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="97"/>
        <source>New zone</source>
        <translation>新建片区</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="98"/>
        <source>Zone name</source>
        <translation>片区名称</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="99"/>
        <source>Communities, one per line or separated by 、</source>
        <translation>小区，每行一个或用“、”分隔</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="102"/>
        <source>Create zone</source>
        <translation>创建片区</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="104"/>
        <source>Zone created.</source>
        <translation>片区已创建。</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="121"/>
        <source>Volunteers (%1)</source>
        <translation>督查员（%1）</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="122"/>
        <source>Search volunteers</source>
        <translation>搜索督查员</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="144"/>
        <source>no zone</source>
        <translation>无片区</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="153"/>
        <source>No active volunteers in this district.</source>
        <translation>本区县没有在岗督查员。</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="166"/>
        <source>Choose a volunteer to assign zones and institutions.</source>
        <translation>选择督查员以分配片区和机构。</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="174"/>
        <source>Zones</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="182"/>
        <location filename="../DeskZonesPage.qml" line="227"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="183"/>
        <location filename="../DeskZonesPage.qml" line="228"/>
        <source>Binding removed.</source>
        <translation>已解除包保。</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="191"/>
        <source>Assign to zone</source>
        <translation>分配到片区</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="193"/>
        <source>Assigned to %1.</source>
        <translation>已分配到 %1。</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="197"/>
        <source>Move from</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="208"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="212"/>
        <source>Move</source>
        <translation>调整</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="215"/>
        <source>Moved to %1.</source>
        <translation>已调整到 %1。</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="218"/>
        <source>Institutions (包机构)</source>
        <translation>包保机构</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="219"/>
        <source>None bound by name.</source>
        <translation>没有指定包保的机构。</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="233"/>
        <source>Not covered by anyone (%1)</source>
        <translation>无人包保的机构（%1）</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="236"/>
        <source>Search institutions</source>
        <translation>搜索机构</translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskZonesPage.qml" line="239"/>
        <source>Assign %n to the volunteer</source>
        <translation>
            <numerusform>将 %n 家分配给该督查员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../DeskZonesPage.qml" line="244"/>
        <source>%n institution(s) assigned to %1.</source>
        <translation>
            <numerusform>已将 %n 家机构分配给 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="262"/>
        <source>Key target</source>
        <translation>重点对象</translation>
    </message>
    <message>
        <location filename="../DeskZonesPage.qml" line="267"/>
        <source>Every institution has a volunteer (全覆盖).</source>
        <translation>所有机构均有督查员包保（全覆盖）。</translation>
    </message>
</context>
<context>
    <name>EnrollPage</name>
    <message>
        <location filename="../EnrollPage.qml" line="54"/>
        <source>Open a photo of the enrollment QR code</source>
        <translation>打开激活二维码照片</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="55"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="69"/>
        <source>Enroll this phone again with a new one-time code from your coordinator. It stays the same device for the same person and keeps everything waiting on it.</source>
        <translation>请使用协调员提供的新一次性注册码重新注册本手机。本机仍是同一设备、同一用户，所有待发送的内容都会保留。</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="70"/>
        <source>Set up this phone with the one-time code from your coordinator.</source>
        <translation>请使用协调员提供的一次性激活码激活本机。</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="82"/>
        <source>This phone is now enrolled</source>
        <translation>本机已激活</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="83"/>
        <source>Account: %1</source>
        <translation>账号：%1</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="84"/>
        <source>Role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="85"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="88"/>
        <source>Start</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="102"/>
        <source>Open enrollment QR image…</source>
        <translation>打开激活二维码图片…</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="110"/>
        <source>…or paste the enrollment link (ducha://enroll?…)</source>
        <translation>…或粘贴激活链接（ducha://enroll?…）</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="114"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="116"/>
        <source>Enrollment code</source>
        <translation>激活码</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="118"/>
        <source>Server key pin (from the QR or your coordinator)</source>
        <translation>服务器密钥指纹（见二维码或向协调员索取）</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="135"/>
        <source>Enroll with this server?</source>
        <translation>确认在此服务器激活？</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="137"/>
        <source>Key pin: %1</source>
        <translation>密钥指纹：%1</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="137"/>
        <source>none (system certificates)</source>
        <translation>无（使用系统证书）</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="142"/>
        <source>Enrolling…</source>
        <translation>正在激活…</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="142"/>
        <source>Confirm and enroll</source>
        <translation>确认激活</translation>
    </message>
    <message>
        <location filename="../EnrollPage.qml" line="142"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>EvidenceStep</name>
    <message>
        <location filename="../EvidenceStep.qml" line="17"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="27"/>
        <source>visit</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="31"/>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="37"/>
        <source>Notes for the reviewer</source>
        <translation>给审核人员的备注</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="41"/>
        <source>What you told the site, anything the reviewer should know</source>
        <translation>已向机构告知的内容，以及需要审核人员了解的情况</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="48"/>
        <source>On-site signature (person in charge)</source>
        <translation>现场签字（机构负责人）</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="62"/>
        <source>Clear signature</source>
        <translation>清除签名</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="63"/>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="63"/>
        <source>Not signed yet</source>
        <translation>尚未签字</translation>
    </message>
    <message>
        <location filename="../EvidenceStep.qml" line="67"/>
        <source>Covert visit: no signature is taken.</source>
        <translation>暗访：无需现场签字。</translation>
    </message>
</context>
<context>
    <name>FileDialogLoader</name>
    <message>
        <location filename="../FileDialogLoader.qml" line="12"/>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../FileDialogLoader.qml" line="13"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../HistoryPage.qml" line="17"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="50"/>
        <source>(unlisted site)</source>
        <translation>（未登记机构）</translation>
    </message>
    <message numerus="yes">
        <location filename="../HistoryPage.qml" line="59"/>
        <source>%n failed item(s)</source>
        <translation>
            <numerusform>%n 项不合格</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../HistoryPage.qml" line="59"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../HistoryPage.qml" line="61"/>
        <source>%n photo(s) not uploaded yet</source>
        <translation>
            <numerusform>%n 张照片待上传</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="64"/>
        <source>Receipt #%1 · server time %2</source>
        <translation>回执 #%1 · 服务器时间 %2</translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="69"/>
        <source>Covert visit</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="70"/>
        <source>Flagged</source>
        <translation>需复核</translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="71"/>
        <source>Unlisted site</source>
        <translation>未登记机构</translation>
    </message>
    <message>
        <location filename="../HistoryPage.qml" line="79"/>
        <source>No reports yet.</source>
        <translation>暂无报告。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../HomePage.qml" line="31"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="31"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="33"/>
        <source>Registry</source>
        <translation>机构名录</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="33"/>
        <source>Zones (3包)</source>
        <translation>片区（3包）</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="34"/>
        <source>Tasks and campaigns</source>
        <translation>任务与专项行动</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="34"/>
        <source>Random draw</source>
        <translation>双随机抽查</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="35"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="36"/>
        <source>Complaints</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="36"/>
        <source>Coverage</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="37"/>
        <source>Exports</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="37"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="39"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="44"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="44"/>
        <source>My zones</source>
        <translation>我的片区</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="44"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../HomePage.qml" line="40"/>
        <location filename="../HomePage.qml" line="44"/>
        <source>Me</source>
        <translation>我的</translation>
    </message>
</context>
<context>
    <name>InspectPage</name>
    <message>
        <location filename="../InspectPage.qml" line="40"/>
        <source>Save and close</source>
        <translation>保存并关闭</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="45"/>
        <source>Covert</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="49"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1/%2 步：%3</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="92"/>
        <source>Show your badge and say why you are here. The person may scan the QR to check you.</source>
        <translation>请亮证并说明来意，对方可扫描二维码核验您的身份。</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="121"/>
        <source>Report signed and saved on this phone</source>
        <translation>报告已签名并保存在本机</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="123"/>
        <source>The server has received it.</source>
        <translation>服务器已接收。</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="123"/>
        <source>It will be sent as soon as there is a connection. Its receipt appears in History.</source>
        <translation>联网后将自动上传，回执可在历史记录中查看。</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="126"/>
        <source>Back to today</source>
        <translation>返回今日</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="138"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="147"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../InspectPage.qml" line="156"/>
        <source>Sign and submit</source>
        <translation>签名提交</translation>
    </message>
</context>
<context>
    <name>InstitutionPage</name>
    <message>
        <location filename="../InstitutionPage.qml" line="25"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="42"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="44"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="46"/>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="48"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="49"/>
        <source>academic</source>
        <translation>学科类</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="50"/>
        <source>Licence</source>
        <translation>办学许可证</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="51"/>
        <source>Licensed</source>
        <translation>有证</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="51"/>
        <source>Unlicensed</source>
        <translation>无证</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="52"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="54"/>
        <source>Past violations</source>
        <translation>违规记录</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="56"/>
        <source>Last inspected</source>
        <translation>上次督查</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="57"/>
        <source>never inspected by me</source>
        <translation>我尚未督查过</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="60"/>
        <source>My tasks here</source>
        <translation>我在此的任务</translation>
    </message>
    <message>
        <location filename="../InstitutionPage.qml" line="73"/>
        <source>No open task here. Found a problem? Your coordinator can assign a visit.</source>
        <translation>此处暂无待办任务。如发现问题，可请协调员安排督查。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="18"/>
        <source>Ducha inspection</source>
        <translation>双减督查</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="77"/>
        <source>Storage problem</source>
        <translation>存储异常</translation>
    </message>
</context>
<context>
    <name>MePage</name>
    <message>
        <location filename="../MePage.qml" line="16"/>
        <source>Me</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="35"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="40"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="42"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="44"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="46"/>
        <source>Last contact</source>
        <translation>最近联网</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="47"/>
        <location filename="../MePage.qml" line="49"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="48"/>
        <source>Last complete sync</source>
        <translation>最近完整同步</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="50"/>
        <source>Waiting</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="51"/>
        <source>%1 changes, %2 photos</source>
        <translation>%1 项更改，%2 张照片</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="52"/>
        <source>Last problem</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="62"/>
        <source>Enroll this phone again</source>
        <translation>重新注册本手机</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="64"/>
        <source>Only when sync says the server does not know this device: ask your coordinator for a new code. Nothing waiting on this phone is lost.</source>
        <translation>仅在同步提示服务器不认识本设备时使用：请向协调员索取新注册码。本机上待发送的内容不会丢失。</translation>
    </message>
    <message>
        <location filename="../MePage.qml" line="67"/>
        <source>Enter a new code…</source>
        <translation>输入新注册码…</translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <location filename="../ReviewStep.qml" line="18"/>
        <source>%1 of %2 items answered</source>
        <translation>已作答 %1/%2 项</translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="24"/>
        <source>This report will be flagged for a supervisor.</source>
        <translation>本报告将标记并提交督导复核。</translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="28"/>
        <source>Checked in %1</source>
        <translation>签到于 %1</translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="28"/>
        <source>%1 m from the site</source>
        <translation>距机构 %1 米</translation>
    </message>
    <message numerus="yes">
        <location filename="../ReviewStep.qml" line="31"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="31"/>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="31"/>
        <source>not signed</source>
        <translation>未签字</translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="34"/>
        <source>Still missing:</source>
        <translation>尚缺：</translation>
    </message>
    <message>
        <location filename="../ReviewStep.qml" line="56"/>
        <source>Everything is filled in. Submitting signs the report with this phone&apos;s key; it cannot be changed afterwards.</source>
        <translation>已全部填写。提交时将使用本机密钥签名，提交后不可修改。</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../SignaturePad.qml" line="25"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>SyncBanner</name>
    <message>
        <location filename="../SyncBanner.qml" line="28"/>
        <source>uploading photos</source>
        <translation>上传照片</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="28"/>
        <source>receiving</source>
        <translation>接收数据</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="29"/>
        <source>the server was restored from a backup, sending your records again</source>
        <translation>服务器已从备份恢复，正在重新发送您的记录</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="30"/>
        <source>sending</source>
        <translation>发送数据</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="31"/>
        <source>Syncing: %1</source>
        <translation>正在同步：%1</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="33"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="33"/>
        <source>nothing is lost, it will send later</source>
        <translation>数据不会丢失，联网后自动发送</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="35"/>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="39"/>
        <source>Up to date · %1</source>
        <translation>已是最新 · %1</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="39"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBanner.qml" line="44"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 项更改待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBanner.qml" line="45"/>
        <source>%n photo(s) waiting</source>
        <translation>
            <numerusform>%n 张照片待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../SyncBanner.qml" line="78"/>
        <source>%n change(s) refused, see History</source>
        <translation>
            <numerusform>%n 项更改被拒，请查看历史记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="92"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../SyncBanner.qml" line="92"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>TaskCard</name>
    <message>
        <location filename="../TaskCard.qml" line="28"/>
        <source>P%1</source>
        <translation>优先级%1</translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="35"/>
        <source>Covert visit</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="36"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="37"/>
        <source>Draft saved</source>
        <translation>草稿已存</translation>
    </message>
    <message>
        <location filename="../TaskCard.qml" line="41"/>
        <source>due %1</source>
        <translation>截止 %1</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../TodayPage.qml" line="15"/>
        <location filename="../TodayPage.qml" line="25"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message numerus="yes">
        <location filename="../TodayPage.qml" line="31"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../TodayPage.qml" line="70"/>
        <source>No open tasks. New tasks arrive when the phone syncs.</source>
        <translation>暂无待办任务。同步后将接收新任务。</translation>
    </message>
</context>
<context>
    <name>UnlistedSiteForm</name>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="18"/>
        <source>Report a training site that is not in the registry. It is flagged for a supervisor.</source>
        <translation>上报未登记的培训场所，将标记并提交督导复核。</translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="21"/>
        <source>Name (as on the door or sign)</source>
        <translation>名称（以门牌或招牌为准）</translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="23"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="25"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="27"/>
        <source>What is taught</source>
        <translation>培训内容</translation>
    </message>
    <message>
        <location filename="../UnlistedSiteForm.qml" line="29"/>
        <source>Academic subjects (学科类)</source>
        <translation>学科类</translation>
    </message>
</context>
<context>
    <name>ZonesPage</name>
    <message>
        <location filename="../ZonesPage.qml" line="43"/>
        <source>My zones</source>
        <translation>我的片区</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="46"/>
        <source>Report unlisted site</source>
        <translation>上报未登记机构</translation>
    </message>
    <message numerus="yes">
        <location filename="../ZonesPage.qml" line="80"/>
        <source>%n institution(s)</source>
        <translation>
            <numerusform>%n 家机构</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="80"/>
        <source>my area</source>
        <translation>我的片区</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="91"/>
        <source>Search name, address or community</source>
        <translation>搜索名称、地址或社区</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="100"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="100"/>
        <location filename="../ZonesPage.qml" line="140"/>
        <source>Licensed</source>
        <translation>有证</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="101"/>
        <location filename="../ZonesPage.qml" line="140"/>
        <source>Unlicensed</source>
        <translation>无证</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="101"/>
        <source>Key targets</source>
        <translation>重点对象</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="102"/>
        <source>Not inspected</source>
        <translation>未督查</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="103"/>
        <location filename="../ZonesPage.qml" line="143"/>
        <source>Reported in field</source>
        <translation>现场上报</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="108"/>
        <source>%1 of %2 institutions</source>
        <translation>共 %2 家，显示 %1 家</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="141"/>
        <source>Key target</source>
        <translation>重点对象</translation>
    </message>
    <message numerus="yes">
        <location filename="../ZonesPage.qml" line="142"/>
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 条投诉</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="145"/>
        <source>last inspected %1</source>
        <translation>上次督查 %1</translation>
    </message>
    <message>
        <location filename="../ZonesPage.qml" line="145"/>
        <source>never inspected by me</source>
        <translation>我尚未督查过</translation>
    </message>
</context>
</TS>
