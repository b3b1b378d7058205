<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../app/ui/board_view.py" line="238"/>
        <source>The board could not be read — see the log</source>
        <translation>看板无法读取 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="247"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="248"/>
        <location filename="../../app/ui/board_view.py" line="480"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="249"/>
        <source>Orders/h</source>
        <translation>单/小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="250"/>
        <source>Work/h (fair)</source>
        <translation>工作量/小时（公平）</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="251"/>
        <source>Units/h</source>
        <translation>件/小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="252"/>
        <source>Items/order</source>
        <translation>件/单</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="253"/>
        <source>s/order</source>
        <translation>秒/单</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="254"/>
        <source>s/item</source>
        <translation>秒/件</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="255"/>
        <source>Wrong scans</source>
        <translation>错扫</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="256"/>
        <source>Weight fails</source>
        <translation>称重异常</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="257"/>
        <source>Overrides · holds</source>
        <translation>放行 · 挂起</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="258"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="259"/>
        <source>This hour</source>
        <translation>本小时</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="263"/>
        <source>Packers, best fair throughput first</source>
        <translation>打包员（按公平产能排序）</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="264"/>
        <source>Stations</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="265"/>
        <location filename="../../app/ui/board_view.py" line="354"/>
        <source>Stations&apos; sync and devices</source>
        <translation>各工作台同步与设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="267"/>
        <source>Station</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="267"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="267"/>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="267"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="267"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="268"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="270"/>
        <location filename="../../app/ui/board_view.py" line="427"/>
        <source>Carrier pick-ups: what must go on the next truck</source>
        <translation>快递揽收：下一车必须走的订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="272"/>
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="272"/>
        <source>Pick-up</source>
        <translation>揽收时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="272"/>
        <source>In</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="272"/>
        <source>Must go</source>
        <translation>必须走</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="272"/>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="273"/>
        <source>Make it</source>
        <translation>能赶上</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="273"/>
        <source>Miss it</source>
        <translation>赶不上</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="273"/>
        <source>At the dock</source>
        <translation>待交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="273"/>
        <source>Went today</source>
        <translation>今日已发</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="275"/>
        <source>Orders packed per hour, and mistakes per 100 units</source>
        <translation>每小时打包单量，及每百件差错数</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="276"/>
        <source>Customers by lifecycle stage</source>
        <translation>客户生命周期分布</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="302"/>
        <source>Reading the board…</source>
        <translation>正在读取看板…</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="307"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="307"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="310"/>
        <source>{period}: {orders} order(s), {units} unit(s) packed · {waves} wave(s) in progress · {time}</source>
        <translation>{period}：已打包 {orders} 单、{units} 件 · 进行中的波次 {waves} 个 · {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="320"/>
        <source>this station</source>
        <translation>本工位</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="321"/>
        <source>every station</source>
        <translation>全部工位</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="322"/>
        <source>this station only: the server did not answer</source>
        <translation>仅本工位：服务器无应答</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="334"/>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="335"/>
        <source>within 2 h</source>
        <translation>2 小时内</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="336"/>
        <source>within 4 h</source>
        <translation>4 小时内</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="337"/>
        <source>within 24 h</source>
        <translation>24 小时内</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="338"/>
        <source>later</source>
        <translation>更晚</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="339"/>
        <source>no deadline</source>
        <translation>无截止时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="346"/>
        <source>No open orders</source>
        <translation>没有待发订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="347"/>
        <source>Open orders by ship-by deadline — {carriers}</source>
        <translation>待发订单（按最晚发货时间）— {carriers}</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="356"/>
        <source>Stations&apos; sync and devices: shown when there is a server</source>
        <translation>各工作台同步与设备：连接服务器后显示</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="363"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="366"/>
        <source>last synced {time}</source>
        <translation>最后同步 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="368"/>
        <source>no server</source>
        <translation>无服务器</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="370"/>
        <source>server not answering</source>
        <translation>服务器无响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="372"/>
        <source>never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="385"/>
        <source>not reported</source>
        <translation>未上报</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="388"/>
        <source>keyboard</source>
        <translation>键盘模式</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="389"/>
        <source>typed in</source>
        <translation>手输重量</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="389"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="391"/>
        <source>label</source>
        <translation>面单</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="391"/>
        <source>insert</source>
        <translation>插页</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="391"/>
        <source>slip</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="393"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="394"/>
        <source>connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="395"/>
        <source>PROBLEM</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="413"/>
        <source>as of {time}</source>
        <translation>截至 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="423"/>
        <source>Carrier pick-ups: none set (the office gives each carrier its pick-up times)</source>
        <translation>快递揽收：未设置（由办公室为每家快递设定揽收时间）</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="434"/>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="437"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="452"/>
        <source>new</source>
        <translation>新客</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="453"/>
        <source>growing</source>
        <translation>成长</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="454"/>
        <source>mature</source>
        <translation>成熟</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="455"/>
        <source>at risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="456"/>
        <source>lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="458"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="498"/>
        <source>Mistakes per 100 units</source>
        <translation>每百件差错数</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="520"/>
        <source>Nothing packed in this period yet</source>
        <translation>该时段还没有打包记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="535"/>
        <location filename="../../app/ui/board_view.py" line="555"/>
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
</context>
<context>
    <name>Carrier</name>
    <message>
        <location filename="../../app/ui/messages.py" line="525"/>
        <source>SF Express</source>
        <translation>顺丰速运</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="526"/>
        <source>ZTO Express</source>
        <translation>中通快递</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="527"/>
        <source>YTO Express</source>
        <translation>圆通速递</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="528"/>
        <source>Yunda Express</source>
        <translation>韵达快递</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="529"/>
        <source>STO Express</source>
        <translation>申通快递</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="530"/>
        <source>JD Logistics</source>
        <translation>京东物流</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="531"/>
        <source>China Post EMS</source>
        <translation>中国邮政 EMS</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="532"/>
        <source>J&amp;T Express</source>
        <translation>极兔速递</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../app/ui/messages.py" line="510"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="511"/>
        <source>Tmall</source>
        <translation>天猫</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="512"/>
        <source>JD.com</source>
        <translation>京东</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="513"/>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="514"/>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="515"/>
        <source>Xiaohongshu</source>
        <translation>小红书</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="516"/>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="517"/>
        <source>WeChat shop</source>
        <translation>微信小店</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="518"/>
        <source>Own shop</source>
        <translation>自营商城</translation>
    </message>
</context>
<context>
    <name>ClipView</name>
    <message>
        <location filename="../../app/ui/clip_view.py" line="79"/>
        <source>Packing video</source>
        <translation>打包视频</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="80"/>
        <source>Scan a parcel&apos;s waybill (or an order number, phone, badge)</source>
        <translation>扫描包裹面单（或订单号、手机号、工牌）</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="81"/>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="81"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="81"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="81"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="83"/>
        <source>In the clip</source>
        <translation>视频内时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="83"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="83"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="83"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="85"/>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="86"/>
        <source>Export for a dispute (Ctrl+E)</source>
        <translation>导出用于申诉（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="87"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="115"/>
        <source>recorded</source>
        <translation>已录制</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="116"/>
        <source>PARTIAL</source>
        <translation>部分缺失</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="117"/>
        <source>NO VIDEO</source>
        <translation>无视频</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="118"/>
        <source>deleted (retention)</source>
        <translation>已按保留期删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="119"/>
        <source>CHANGED: the file does not match its recorded hash</source>
        <translation>已被改动：文件与记录的哈希不符</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="121"/>
        <source>in the archive</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="144"/>
        <source>No video to check</source>
        <translation>无视频可校验</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="147"/>
        <source>SHA-256 matches the record told to the server: the clip as recorded</source>
        <translation>SHA-256 与上报服务器的记录一致：视频未被改动</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="150"/>
        <source>SHA-256 does NOT match the record: the file changed after recording</source>
        <translation>SHA-256 与记录不一致：视频文件在录制后被改动</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <location filename="../../app/ui/rules_view.py" line="136"/>
        <source>comma separated: a, b, c</source>
        <translation>用逗号分隔：a, b, c</translation>
    </message>
</context>
<context>
    <name>Customer</name>
    <message>
        <location filename="../../app/ui/messages.py" line="555"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="556"/>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="557"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="558"/>
        <location filename="../../app/ui/messages.py" line="565"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="566"/>
        <source>new customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="567"/>
        <source>birthday month</source>
        <translation>生日月</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="568"/>
        <source>churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="569"/>
        <source>enterprise</source>
        <translation>企业客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="576"/>
        <source>simple packaging</source>
        <translation>简易包装</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="578"/>
        <source>no price tags</source>
        <translation>不放价格单</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="580"/>
        <source>prefers {carrier}</source>
        <translation>指定{carrier}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="582"/>
        <source>deliver on Saturday</source>
        <translation>周六送达</translation>
    </message>
</context>
<context>
    <name>CustomerPreferencesView</name>
    <message>
        <location filename="../../app/ui/customer_view.py" line="107"/>
        <source>Customer preferences</source>
        <translation>客户偏好</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="109"/>
        <source>&amp;Packaging</source>
        <translation>包装(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="110"/>
        <source>Price &amp;tags</source>
        <translation>价签(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="111"/>
        <source>Preferred &amp;carrier</source>
        <translation>指定快递(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="112"/>
        <source>Ship &amp;days</source>
        <translation>发货日(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="113"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="114"/>
        <source>Corrected &amp;address</source>
        <translation>更正地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="120"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="121"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="122"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="123"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="124"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="125"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="126"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="130"/>
        <source>Used on labels instead of the order&apos;s address</source>
        <translation>打印面单时代替订单地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="131"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="132"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="142"/>
        <location filename="../../app/ui/customer_view.py" line="148"/>
        <location filename="../../app/ui/customer_view.py" line="194"/>
        <source>(not said)</source>
        <translation>（未说明）</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="143"/>
        <source>Standard</source>
        <translation>标准包装</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="144"/>
        <source>Simple packaging</source>
        <translation>简易包装</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="145"/>
        <source>Gift packaging</source>
        <translation>礼品包装</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="149"/>
        <source>Remove price tags</source>
        <translation>撕掉价签</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="150"/>
        <source>Leave them</source>
        <translation>保留价签</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="173"/>
        <source>No customer for {code}: scan the order or its waybill</source>
        <translation>找不到 {code} 对应的客户：请扫描订单号或运单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="212"/>
        <source>Scan an order or its waybill to choose its customer</source>
        <translation>扫描订单号或运单号以选择客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="218"/>
        <source>last shipped: %1 at %2</source>
        <translation>最近发货：%1，%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="257"/>
        <source>Nothing changed</source>
        <translation>没有改动</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <location filename="../../app/ui/messages.py" line="548"/>
        <source>{days} d overdue</source>
        <translation>已超时 {days} 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="550"/>
        <source>{hours} h overdue</source>
        <translation>已超时 {hours} 小时</translation>
    </message>
</context>
<context>
    <name>DeskExceptionsTab</name>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="50"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="51"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="52"/>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="53"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="54"/>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="57"/>
        <source>&amp;Decision:</source>
        <translation>处理结果(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="58"/>
        <source>What was done — Enter records it for the selected row</source>
        <translation>填写处理方式 — 回车记录到所选行</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="59"/>
        <source>Show decided</source>
        <translation>显示已处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="93"/>
        <source>Select an exception first (Up/Down)</source>
        <translation>请先选择异常（上/下键）</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="97"/>
        <source>Type what was done, then Enter</source>
        <translation>请先输入处理结果，再按 Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="104"/>
        <source>Decision recorded for {order}: {decision}</source>
        <translation>已记录 {order} 的处理结果：{decision}</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="111"/>
        <source>{order} was already decided at another desk — list refreshed</source>
        <translation>{order} 已在其他工作台处理 — 列表已刷新</translation>
    </message>
</context>
<context>
    <name>DeskReturnsTab</name>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="28"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="29"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="30"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="31"/>
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="32"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="33"/>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="34"/>
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="35"/>
        <source>Proposed</source>
        <translation>系统建议</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="45"/>
        <source>No returns to export</source>
        <translation>没有可导出的退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="49"/>
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="65"/>
        <source>{count} return(s) — by reason: {reasons}
by responsibility: {responsible}</source>
        <translation>共 {count} 个退货 — 按原因：{reasons}
按责任方：{responsible}</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="81"/>
        <source>being checked in</source>
        <translation>验收中</translation>
    </message>
</context>
<context>
    <name>DeskTab</name>
    <message>
        <location filename="../../app/ui/desk_tab.py" line="45"/>
        <source>Not done: {reason}</source>
        <translation>未完成：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_tab.py" line="49"/>
        <source>That did not work — see the log; try again</source>
        <translation>操作失败 — 请查看日志后重试</translation>
    </message>
</context>
<context>
    <name>DockView</name>
    <message>
        <location filename="../../app/ui/dock_view.py" line="90"/>
        <source>Scan: a carrier&apos;s dock code · a bag label · each parcel&apos;s waybill · F4 the scale&apos;s weight (or grams + Enter) · F8 close the handover · Esc back</source>
        <translation>扫描：承运商交接码 · 集包袋标签 · 每个包裹的运单号 · F4 取秤重（或输入克数 + 回车）· F8 结束交接 · Esc 返回</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="94"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="94"/>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="94"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="94"/>
        <source>Bag</source>
        <translation>集包号</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="106"/>
        <source>Scan your badge to start the handover</source>
        <translation>扫描工牌开始交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="109"/>
        <source>The handover to {carrier} was open — carry on scanning its parcels</source>
        <translation>{carrier} 的交接尚未结束 — 继续扫描包裹</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="115"/>
        <source>Scan the dock code of the carrier whose truck is loading</source>
        <translation>扫描正在装车的承运商交接码</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="127"/>
        <source>Badge {badge} is not known — scan your badge</source>
        <translation>工牌 {badge} 不存在 — 请扫描您的工牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="153"/>
        <source>The handover is NOT saved: {problem} — call the technician; keep the parcels here</source>
        <translation>交接未保存：{problem} — 请联系技术员；包裹先留在这里</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="161"/>
        <source>Handover {manifest} closed: {count} parcels to {carrier} — the manifest is printing for the driver&apos;s signature</source>
        <translation>交接单 {manifest} 已完成：{count} 件交给{carrier} — 交接单正在打印，请司机签字</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="174"/>
        <source>A scan is NOT saved: {problem} — call the technician</source>
        <translation>扫描未保存：{problem} — 请联系技术员</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="203"/>
        <source>The scale has no steady weight — type the grams + Enter</source>
        <translation>电子秤读数不稳定 — 请输入克数后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="229"/>
        <source>Scan the dock code of the carrier whose truck is loading first</source>
        <translation>请先扫描正在装车的承运商交接码</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="231"/>
        <source>{carrier}, pick-up {pickup}: {expected} parcels to hand over — scan each</source>
        <translation>{carrier}，{pickup} 班次：应交接 {expected} 件 — 逐件扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="233"/>
        <source>✓ {code} — {count} of {expected}</source>
        <translation>✓ {code} — {count} / {expected}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="235"/>
        <source>Put {code} on the scale (packed {weight} g) — F4, or the grams + Enter</source>
        <translation>把 {code} 放上秤（打包时 {weight} 克）— 按 F4，或输入克数 + 回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="238"/>
        <source>STOP — {code} weighs {dock} g, packed {weight} g: opened or mixed up? Do not hand it over, put it in the put-back area (待放回区)</source>
        <translation>停 — {code} 称重 {dock} 克，打包时 {weight} 克：被拆开或调换？不要交接，放到待放回区</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="241"/>
        <source>Bag {code}: the next parcels go in it ({count} in it so far)</source>
        <translation>集包袋 {code}：后续包裹装入此袋（已装 {count} 件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="243"/>
        <source>{code} is a {carrier} parcel — not for this truck; set it aside for {carrier}</source>
        <translation>{code} 是{carrier}的包裹 — 不上这辆车；放到{carrier}区</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="246"/>
        <source>{code} was handed over already ({detail}) — a second label? Give it to the supervisor</source>
        <translation>{code} 已交接过（{detail}）— 重复面单？交给主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="248"/>
        <source>{code} is scanned already — scan the next parcel</source>
        <translation>{code} 已扫描 — 扫描下一件</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="250"/>
        <source>STOP — order {order} is not packed ({detail}): do not hand it over, put it in the put-back area (待放回区)</source>
        <translation>停 — 订单 {order} 未打包（{detail}）：不要交接，放到待放回区</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="254"/>
        <source>STOP — the label {code} was voided: do not hand it over, put it in the put-back area (待放回区)</source>
        <translation>停 — 面单 {code} 已作废：不要交接，放到待放回区</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="258"/>
        <source>STOP — intercepted (拦截件): order {order} is {detail} — do not give it to the carrier, put it in the put-back area (待放回区)</source>
        <translation>拦截件 — 订单 {order} {detail}：不要交给快递，放到待放回区</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="262"/>
        <source>No parcel has the waybill {code} — check the label, give it to the supervisor</source>
        <translation>没有运单号为 {code} 的包裹 — 检查面单，交给主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="265"/>
        <source>{count} parcel(s) packed for {carrier} are NOT handed over (red, right) — find them, or the driver scans their badge / types name and ID + Enter to close without them; Esc: back</source>
        <translation>{count} 件未交接（{carrier}，右侧红色）— 找到它们，或由司机扫描工牌／输入姓名和证件号 + 回车，不带它们结束交接；Esc 返回</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="269"/>
        <source>Driver: scan your badge, or type your name and ID + Enter (Esc goes back)</source>
        <translation>司机：扫描工牌，或输入姓名和证件号 + 回车（Esc 返回）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="271"/>
        <source>Closing the handover: {count} parcels — the manifest prints</source>
        <translation>正在结束交接：{count} 件 — 交接单打印中</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="272"/>
        <source>Nothing scanned for {carrier} yet — nothing to close</source>
        <translation>{carrier} 还没有扫描任何包裹 — 无需结束</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="273"/>
        <source>{dock} g is not a parcel weight — weigh again</source>
        <translation>{dock} 克不是有效的包裹重量 — 重新称重</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="274"/>
        <source>Back — carry on scanning</source>
        <translation>已返回 — 继续扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="275"/>
        <source>Not now — close the open handover (F8) first</source>
        <translation>现在不行 — 先结束当前交接（F8）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="294"/>
        <source>Dock handover — {carrier}, pick-up {pickup}</source>
        <translation>出库交接 — {carrier}，{pickup} 班次</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="300"/>
        <source>Bag {bag}: {count} parcels</source>
        <translation>集包袋 {bag}：{count} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="302"/>
        <source>No bag: parcels go loose</source>
        <translation>未集包：包裹散件交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="317"/>
        <source>{count} not handed over</source>
        <translation>{count} 件未交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="319"/>
        <source>(+{count} more)</source>
        <translation>（还有 {count} 件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="329"/>
        <source>Put-back area (待放回区): {count}</source>
        <translation>待放回区：{count} 件</translation>
    </message>
</context>
<context>
    <name>HandheldView</name>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="227"/>
        <source>Short (F4)</source>
        <translation>缺货 (F4)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="228"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="229"/>
        <source>Back — keep picking (Esc)</source>
        <translation>返回 — 继续拣货 (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="232"/>
        <source>Scan, or type and press Enter</source>
        <translation>扫描，或输入后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="233"/>
        <source>Put back (待放回) — F3</source>
        <translation>待放回 — F3</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="234"/>
        <source>Back to the waves (Esc)</source>
        <translation>返回波次列表 (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="343"/>
        <location filename="../../app/ui/handheld_view.py" line="376"/>
        <source>Scan your badge</source>
        <translation>请扫描工牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="345"/>
        <source>Scan a wave, or tap one</source>
        <translation>扫描波次号，或点选一个波次</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="355"/>
        <source>{sku} has several lots in this bin — scan the code with the lot on each unit</source>
        <translation>{sku} 此库位有多个批次 — 请逐件扫描带批号的条码</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="361"/>
        <source>Why is it short? {count} of {wanted} found</source>
        <translation>为什么缺货？找到 {count} / {wanted}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="366"/>
        <source>Wave {wave} picked: {count} of {wanted} units, stops short: {short} — take the cart to packing; the supervisor has the shorts</source>
        <translation>波次 {wave} 拣货完成：{wanted} 件中拣到 {count} 件，缺货库位 {short} 个 — 请把拣货车送到打包区；缺货已报主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="370"/>
        <source>Wave {wave} picked: all {count} units — take the cart to packing</source>
        <translation>波次 {wave} 拣货完成：{count} 件全部拣到 — 请把拣货车送到打包区</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="407"/>
        <source>{orders} orders · {picked}/{items} items</source>
        <translation>{orders} 单 · 已拣 {picked}/{items} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="466"/>
        <source>Reading the put-back list…</source>
        <translation>正在读取待放回清单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="481"/>
        <source>{count} item(s) to put back — go to the first bin</source>
        <translation>共 {count} 件待放回 — 请到第一个库位</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="485"/>
        <source>Nothing to put back</source>
        <translation>没有待放回的商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="486"/>
        <source>The put-back list could not be read — try again (F3)</source>
        <translation>无法读取待放回清单 — 请重试 (F3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="487"/>
        <source>Not recorded — the list is read again</source>
        <translation>未能记录 — 正在重新读取清单</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="488"/>
        <source>✓ Back: {name} ({returned}/{quantity})</source>
        <translation>✓ 已放回：{name}（{returned}/{quantity}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="489"/>
        <source>✓ Everything of order {order} is back</source>
        <translation>✓ 订单 {order} 的商品已全部放回</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="490"/>
        <source>✓ Everything is back — nothing left to put back</source>
        <translation>✓ 全部放回 — 没有待放回的商品了</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="491"/>
        <source>Not on the put-back list — keep it aside for the supervisor</source>
        <translation>不在待放回清单上 — 请放到一边交给主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="506"/>
        <source>Put back (待放回)</source>
        <translation>待放回</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="515"/>
        <source>{name}
{sku} · order {order}</source>
        <translation>{name}
{sku} · 订单 {order}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="519"/>
        <source>{returned} / {quantity} back</source>
        <translation>已放回 {returned} / {quantity}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="318"/>
        <source>Wave {wave} · stop {n} of {total}</source>
        <translation>波次 {wave} · 第 {n} / {total} 站</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="322"/>
        <location filename="../../app/ui/handheld_view.py" line="513"/>
        <source>(no bin)</source>
        <translation>（无库位）</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="332"/>
        <source>slot {slot} ×{qty}</source>
        <translation>格口 {slot} ×{qty}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="334"/>
        <source>Into: {shares}</source>
        <translation>放入：{shares}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="328"/>
        <source>Put {qty} into slot {slot}</source>
        <translation>放 {qty} 件到格口 {slot}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="359"/>
        <source>Put {qty} into slot {slot} — scan the slot label (or OK)</source>
        <translation>放 {qty} 件到格口 {slot} — 扫描格口标签（或点确定）</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="349"/>
        <source>Go to {bin} and scan the bin</source>
        <translation>前往 {bin}，扫描库位码</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="352"/>
        <source>Scan each item, or type how many and Enter</source>
        <translation>逐件扫描，或输入数量后回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="351"/>
        <source>Scan the item</source>
        <translation>请扫描商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="375"/>
        <source>One moment…</source>
        <translation>请稍候…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="377"/>
        <source>Unreadable scan — scan again</source>
        <translation>无法识别的扫描 — 请重新扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="373"/>
        <source>Choose a reason first</source>
        <translation>请先选择原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="344"/>
        <source>Badge {badge} is not known — scan your badge</source>
        <translation>工牌 {badge} 不存在 — 请扫描您的工牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="372"/>
        <source>Finish this stop first (OK or Short)</source>
        <translation>请先完成本站（确定或缺货）</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="346"/>
        <source>Loading waves…</source>
        <translation>正在加载波次…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="347"/>
        <source>No wave {code} — scan a wave from the list</source>
        <translation>没有波次 {code} — 请扫描列表中的波次</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="348"/>
        <source>The wave could not be read — try again</source>
        <translation>无法读取该波次 — 请重试</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="350"/>
        <source>Wrong bin {got} — go to {bin}</source>
        <translation>库位错误 {got} — 请前往 {bin}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="353"/>
        <source>Not this item — put it back; pick {sku}</source>
        <translation>不是这件商品 — 放回；请拣 {sku}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="357"/>
        <source>That is one too many — put it back</source>
        <translation>多拣了一件 — 请放回</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="358"/>
        <source>{count} of {wanted} — scan the next</source>
        <translation>{count} / {wanted} — 请扫描下一件</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="360"/>
        <source>Wrong slot — put it into slot {slot}</source>
        <translation>格口错误 — 请放到格口 {slot}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="374"/>
        <source>Not recorded — try again (OK)</source>
        <translation>未记录 — 请重试（确定）</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="362"/>
        <source>Short pick recorded — put what you have: {qty} into slot {slot}</source>
        <translation>缺货已记录 — 先放已拣的：{qty} 件到格口 {slot}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="363"/>
        <source>Short pick recorded — the supervisor has it</source>
        <translation>缺货已记录 — 已通知主管</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="248"/>
        <source>Packline — packing station</source>
        <translation>Packline — 打包工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="296"/>
        <source>Order {order} restored where it was left — carry on scanning</source>
        <translation>订单 {order} 已恢复到中断前的进度 — 请继续扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="360"/>
        <source>the camera did not answer — see the log</source>
        <translation>摄像头没有应答 — 见日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="373"/>
        <source>Finish or put back the open order before checking returns in</source>
        <translation>先完成或放回当前订单，再处理退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="381"/>
        <source>The returns desk could not read the database — see the log</source>
        <translation>退货台无法读取数据库 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="420"/>
        <source>Packing video is for supervisors: sign in with a supervisor&apos;s badge</source>
        <translation>打包视频仅限主管查看：请用主管工牌登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="434"/>
        <source>The lookup failed — see the log</source>
        <translation>查询失败 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="437"/>
        <source>No packing video found for {code}</source>
        <translation>没有找到 {code} 的打包视频</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="480"/>
        <source>No packing video found for {code} here; the server could not be asked</source>
        <translation>本站没有 {code} 的打包视频；无法询问服务器</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="487"/>
        <source>{station} recorded it on {when} (SHA-256 {sha}…)</source>
        <translation>{station} 于 {when} 录制（SHA-256 {sha}…）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="494"/>
        <source>No packing video for {code} on this station: {places}. Look it up there.</source>
        <translation>本站没有 {code} 的打包视频：{places}。请在该工位查看。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="520"/>
        <source>Exported: {mp4} and {pdf}</source>
        <translation>已导出：{mp4} 和 {pdf}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="523"/>
        <source>The export failed — see the log</source>
        <translation>导出失败 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="556"/>
        <source>Not saved: a supervisor must unlock these first (scan a supervisor badge)</source>
        <translation>未保存：需主管先解锁（扫描主管工牌）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="560"/>
        <source>Settings could not be saved — see the log</source>
        <translation>设置保存失败 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="664"/>
        <source>Order {order} is open on the bench — Esc puts it back, then close. Alt+F4 again closes anyway: the order is here again at the next start</source>
        <translation>订单 {order} 正在打包 — 先按 Esc 放回再关闭。再按一次 Alt+F4 仍会关闭：下次启动时该订单会恢复</translation>
    </message>
</context>
<context>
    <name>OfficePages</name>
    <message>
        <location filename="../../app/ui/office_pages.py" line="96"/>
        <source>The customer could not be read — see the log</source>
        <translation>无法读取客户 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="111"/>
        <location filename="../../app/ui/office_pages.py" line="167"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="116"/>
        <location filename="../../app/ui/office_pages.py" line="172"/>
        <source>Not saved — the database did not answer; try again (Ctrl+S)</source>
        <translation>未保存 — 数据库无响应；请重试 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="120"/>
        <source>Saved: {count} change(s), sent to the server with the next sync</source>
        <translation>已保存：{count} 处修改，下次同步时上传到服务器</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="139"/>
        <source>Only a supervisor can plan waves — ask one to sign in</source>
        <translation>只有主管可以排波次 — 请主管登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="149"/>
        <source>Only a supervisor can change the customer rules — ask one to sign in</source>
        <translation>只有主管可以修改客户规则 — 请主管登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="155"/>
        <source>The rules could not be read — see the log</source>
        <translation>无法读取规则 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="183"/>
        <source>The order could not be read — see the log</source>
        <translation>无法读取订单 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="185"/>
        <source>No order with number or waybill {code}</source>
        <translation>没有订单号或运单号为 {code} 的订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="202"/>
        <source>The exception list could not be read — see the log</source>
        <translation>无法读取异常列表 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="212"/>
        <source>Not saved — see the log; try again</source>
        <translation>未保存 — 请查看日志后重试</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="215"/>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="215"/>
        <source>Already resolved elsewhere</source>
        <translation>已在别处处理</translation>
    </message>
</context>
<context>
    <name>PackingView</name>
    <message>
        <location filename="../../app/ui/packing_view.py" line="290"/>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="290"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="290"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="290"/>
        <source>Scanned</source>
        <translation>已扫/应扫</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="292"/>
        <source>Parcel weight</source>
        <translation>包裹重量</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="293"/>
        <source>Last scans</source>
        <translation>最近扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="303"/>
        <source>F1 confirm · F2 undo · F3 hold · F4 weigh · F6 override · F7 release · F8 what is missing · Ins parcel · Esc put back · F9 settings · F12 sign out</source>
        <translation>F1 确认 · F2 撤销 · F3 挂起 · F4 称重 · F6 主管放行 · F7 解除挂起 · F8 缺什么 · Ins 拆包 · Esc 放回 · F9 设置 · F12 退出</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="379"/>
        <source>change from the office</source>
        <translation>后台变更</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="387"/>
        <source>No box recommended for this order — scan the box you use</source>
        <translation>此订单没有建议包装 — 请扫描实际使用的纸箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="399"/>
        <source>Checking the PIN…</source>
        <translation>正在核对 PIN…</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="426"/>
        <source>Finish or put back the open order before signing out</source>
        <translation>请先完成或放回当前订单，再退出登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="444"/>
        <source>Take the parcel off the scale, then zero it (F10)</source>
        <translation>请先把包裹从秤上拿下，再归零（F10）</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="458"/>
        <source>Printing of {orders} was cut off — check the printer: F5 print it again, Ctrl+F5 it came out fine</source>
        <translation>订单 {orders} 的打印被中断 — 请检查打印机：F5 重新打印，Ctrl+F5 确认已打好</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="466"/>
        <source>Scale zeroed</source>
        <translation>电子秤已归零</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="469"/>
        <source>This scale cannot be zeroed from the station: press ZERO on the scale</source>
        <translation>这台秤不支持从工作站归零：请按秤上的“置零”键</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="473"/>
        <source>No scale is connected: set one up in settings (F9)</source>
        <translation>未连接电子秤：请在设置（F9）中配置</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="537"/>
        <source>Saving {order}…</source>
        <translation>正在保存 {order}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="549"/>
        <source>Packed {order} — now scan the waybill label on the parcel to check it</source>
        <translation>{order} 已打包 — 请扫描包裹上的面单进行复核</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="562"/>
        <source>Single-item wave {wave}: scan the next item (Esc leaves the wave)</source>
        <translation>单品波次 {wave}：请扫描下一件商品（Esc 退出波次）</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="569"/>
        <source>Scan the waybill label on the parcel of order {order} to check it</source>
        <translation>请扫描订单 {order} 包裹上的面单进行复核</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="575"/>
        <source>Scan an order, waybill or tote to start</source>
        <translation>请扫描订单号、面单号或周转箱开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="638"/>
        <source>#{no}: {items} item(s), {grams} g</source>
        <translation>第{no}包：{items} 件，{grams} 克</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="643"/>
        <source>Parcel {no} open: {items} item(s) in it</source>
        <translation>正在装第 {no} 包：已装 {items} 件</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="647"/>
        <source>sealed: {parcels}</source>
        <translation>已封包：{parcels}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="716"/>
        <source>the waybill is for another carrier</source>
        <translation>面单是另一家快递的</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="721"/>
        <source>let go by supervisor {name}</source>
        <translation>主管 {name} 已放行</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="775"/>
        <source>{channel} · {carrier} {waybill} {code} · ship by {ship_by} · {province}{city}</source>
        <translation>{channel} · {carrier} {waybill} {code} · 最晚发货 {ship_by} · {province}{city}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="673"/>
        <source>why: {rule}</source>
        <translation>原因：{rule}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="680"/>
        <source>{action} of rule {rule} not used: rule {winner} comes first</source>
        <translation>规则 {rule} 的{action}未采用：规则 {winner} 优先</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="618"/>
        <source>Box: {name} ({weight} g) — Ctrl+B: the next size</source>
        <translation>包装：{name}（{weight} 克） — Ctrl+B 换下一个尺寸</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="295"/>
        <source>F2 undo · F3 hold · F4 weigh again · F6 supervisor override · F7 release hold · F8 check · Ins new parcel · Esc put order back · F5 reprint label · Shift+F5 print history · Shift+F2 returns · Shift+F3 packing video (supervisor) · Shift+F7 waves (supervisor) · Shift+F8 rules (supervisor) · F9 settings · Shift+F9 customer preferences · F10 zero scale · F11 sync now · Shift+F11 sync exceptions · F12 sign out</source>
        <translation>F2 撤销 · F3 挂起 · F4 重新称重 · F6 主管放行 · F7 解除挂起 · F8 核对 · Ins 拆包（下一包） · Esc 放回订单 · F5 重打面单 · Shift+F5 打印记录 · Shift+F2 售后退货 · Shift+F3 打包视频（主管） · Shift+F7 波次（主管） · Shift+F8 规则（主管） · F9 设置 · Shift+F9 客户偏好 · F10 秤归零 · F11 立即同步 · Shift+F11 同步异常 · F12 退出登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="625"/>
        <source>Box: {name} recommended — Ctrl+B takes it, or scan the box you use</source>
        <translation>建议包装：{name} — 按 Ctrl+B 采用，或扫描实际使用的纸箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="697"/>
        <source>Customer&apos;s instructions: {open} open</source>
        <translation>客户指示：还有 {open} 项</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="699"/>
        <source>Customer&apos;s instructions: all done</source>
        <translation>客户指示：已全部完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="762"/>
        <source>No order open</source>
        <translation>没有打开的订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="799"/>
        <source>Buyer: {note}</source>
        <translation>买家留言：{note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="801"/>
        <source>Seller: {note}</source>
        <translation>卖家备注：{note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="877"/>
        <source>expected {expected} g ± {allowed} g</source>
        <translation>应重 {expected} 克 ± {allowed} 克</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="879"/>
        <source>Take the sealed parcel off the scale, then put this one on</source>
        <translation>先把已封好的包裹从秤上拿下，再放这一包</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="892"/>
        <source>Waiting for a supervisor badge…  (Esc cancels)</source>
        <translation>等待主管扫描工牌…（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="895"/>
        <source>{name}: type your PIN + Enter  (Esc cancels)</source>
        <translation>{name}：输入 PIN 码并按回车（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="907"/>
        <source>Supervisor PIN + Enter</source>
        <translation>主管 PIN 码 + 回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="910"/>
        <source>Put the parcel on the scale, or type its weight in grams + Enter</source>
        <translation>请将包裹放上秤，或输入重量（克）后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="913"/>
        <source>Scan, or type an order no / barcode + Enter</source>
        <translation>扫描，或输入订单号/条码后按回车</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <location filename="../../app/ui/messages.py" line="598"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="599"/>
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="600"/>
        <source>Packaging</source>
        <translation>包装</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="601"/>
        <source>Ship date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="602"/>
        <source>Insert card</source>
        <translation>放入卡片</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="603"/>
        <source>Free sample</source>
        <translation>赠送小样</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="604"/>
        <source>Hide prices on the slip</source>
        <translation>发货单不显示价格</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="605"/>
        <source>Remove price tags</source>
        <translation>撕掉价签</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="606"/>
        <source>Call the customer back</source>
        <translation>回访客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="608"/>
        <source>VAT invoice</source>
        <translation>增值税专用发票</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="609"/>
        <source>Check personalisation</source>
        <translation>核对定制内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="610"/>
        <source>Instruction</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="611"/>
        <source>Minimum shelf life</source>
        <translation>最短效期</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="673"/>
        <source>Priority order (level {level})</source>
        <translation>优先订单（级别 {level}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="677"/>
        <source>Ship with {carrier}</source>
        <translation>使用 {carrier} 发货</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="682"/>
        <source>Simple packaging: no extra box, no filler</source>
        <translation>简易包装：不加外箱，不加填充物</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="683"/>
        <source>Gift packaging: gift box and ribbon</source>
        <translation>礼品包装：礼盒加丝带</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="684"/>
        <source>Standard packaging</source>
        <translation>标准包装</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="689"/>
        <source>VIP thank-you card</source>
        <translation>VIP 感谢卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="690"/>
        <source>Birthday card</source>
        <translation>生日贺卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="691"/>
        <source>Welcome card</source>
        <translation>欢迎卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="692"/>
        <source>We-miss-you coupon card</source>
        <translation>回购优惠券卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="693"/>
        <source>After-sales care card (sorry, and a coupon)</source>
        <translation>售后关怀卡（致歉并附关怀券）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="697"/>
        <source>Put in: {card}</source>
        <translation>放入：{card}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="701"/>
        <source>Free sample {sku} × {quantity}</source>
        <translation>赠送小样 {sku} × {quantity}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="705"/>
        <source>No prices on the packing slip</source>
        <translation>装箱单不显示价格</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="707"/>
        <source>Remove every price tag</source>
        <translation>撕掉所有价签</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="709"/>
        <source>Call-back: {note}</source>
        <translation>回访：{note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="717"/>
        <source>Ship only on weekdays {days} (1 = Monday): keep the parcel back today</source>
        <translation>仅在周 {days} 发货（1 = 周一）：今天先留仓</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="720"/>
        <source>Do not ship before {date}: keep the parcel back</source>
        <translation>{date} 之前不发货：包裹先留仓</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="607"/>
        <location filename="../../app/ui/messages.py" line="724"/>
        <source>Split shipment allowed</source>
        <translation>允许拆单发货</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="726"/>
        <source>Put the VAT invoice in</source>
        <translation>放入增值税专用发票</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="731"/>
        <source>Personalised — check the item matches: {fields}</source>
        <translation>定制商品 — 核对商品是否一致：{fields}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="737"/>
        <source>Every dated item needs at least {days} days before it expires</source>
        <translation>有效期商品须剩余至少 {days} 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="752"/>
        <source>next: {step} — {how}</source>
        <translation>下一项：{step} — {how}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="759"/>
        <source>Items done — {next} ({count} left)</source>
        <translation>商品已齐 — {next}（还剩 {count} 项）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="768"/>
        <source>✓ {done} — all instructions done: put the parcel on the scale</source>
        <translation>✓ {done} — 指示全部完成：请把包裹放上电子秤</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="771"/>
        <source>✓ {done} — {next}</source>
        <translation>✓ {done} — {next}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="777"/>
        <source>scan the barcode on the card</source>
        <translation>扫描卡片上的条码</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="779"/>
        <source>scan the sample ({have}/{need})</source>
        <translation>扫描小样（{have}/{need}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="783"/>
        <source>done? press F1 or scan #PL:CONFIRM</source>
        <translation>完成后按 F1 或扫描 #PL:CONFIRM</translation>
    </message>
</context>
<context>
    <name>PrintHistoryView</name>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="75"/>
        <source>Print history</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="76"/>
        <source>Scan or type an order number to find its labels</source>
        <translation>扫描或输入订单号查找其面单</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="79"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="80"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="81"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="82"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="83"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="84"/>
        <source>Attempts</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="85"/>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="88"/>
        <source>Print again (Enter)</source>
        <translation>重新打印（Enter）</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="89"/>
        <source>Void + new label (Ctrl+Del)</source>
        <translation>作废并重打面单 (Ctrl+Del)</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="90"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="119"/>
        <source> (reprint)</source>
        <translation>（补打）</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="120"/>
        <source> (re-issued)</source>
        <translation>（重新出单）</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="122"/>
        <source>VOID</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="142"/>
        <source>Nothing to print: no job is selected</source>
        <translation>没有可打印的内容：未选中任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="149"/>
        <source>Select a shipping label to void</source>
        <translation>请选择要作废的快递面单</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="158"/>
        <source> — parcel {no}/{count}</source>
        <translation> — 包裹 {no}/{count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="169"/>
        <source>label printer</source>
        <translation>面单打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="170"/>
        <source>card printer</source>
        <translation>卡片打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="171"/>
        <source>slip printer</source>
        <translation>装箱单打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="176"/>
        <source>shipping label</source>
        <translation>快递面单</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="177"/>
        <source>carton label</source>
        <translation>箱标</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="178"/>
        <source>insert card</source>
        <translation>随箱卡片</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="179"/>
        <source>packing slip</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="184"/>
        <source>VIP thank-you card</source>
        <translation>VIP 感谢卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="185"/>
        <source>birthday card</source>
        <translation>生日卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="186"/>
        <source>welcome card</source>
        <translation>欢迎卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="191"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="192"/>
        <source>printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="193"/>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="194"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="195"/>
        <source>interrupted — check the printer</source>
        <translation>中断 — 请检查打印机</translation>
    </message>
</context>
<context>
    <name>PrintingPages</name>
    <message>
        <location filename="../../app/ui/print_pages.py" line="88"/>
        <source>Printing the interrupted job(s) again</source>
        <translation>正在重新打印中断的任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="92"/>
        <source>Nothing packed yet at this station to reprint</source>
        <translation>本工作站还没有已打包的订单可重打</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="96"/>
        <source>Reprinting the label of {order}</source>
        <translation>正在重打订单 {order} 的面单</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="110"/>
        <source>Marked as printed: nothing is printed again</source>
        <translation>已确认打印完好，不会重复打印</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="122"/>
        <source>The print history could not be read — see the log</source>
        <translation>无法读取打印记录 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="130"/>
        <location filename="../../app/ui/print_pages.py" line="151"/>
        <location filename="../../app/ui/print_pages.py" line="179"/>
        <source>printing is not running</source>
        <translation>打印服务未运行</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="136"/>
        <source>That job could not be printed again — see the log</source>
        <translation>该任务无法重新打印 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="138"/>
        <source>Sent to the printer again</source>
        <translation>已重新发送到打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="148"/>
        <source>Only a supervisor can void a label — ask one to sign in</source>
        <translation>只有主管可以作废面单 — 请主管登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="157"/>
        <source>Not voided: {reason}</source>
        <translation>未作废：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="160"/>
        <source>That label could not be voided — see the log</source>
        <translation>该面单无法作废 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="163"/>
        <source>Label of {order} voided, its waybill released; a new label is printing</source>
        <translation>订单 {order} 的面单已作废，运单号已释放；正在打印新面单</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="192"/>
        <source>failed — see the log</source>
        <translation>失败 — 请查看日志</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../app/ui/messages.py" line="27"/>
        <source>Item damaged</source>
        <translation>商品破损</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="28"/>
        <source>Item missing / out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="29"/>
        <source>Customer asked to wait</source>
        <translation>客户要求暂缓</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="30"/>
        <source>Address problem</source>
        <translation>地址有问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="31"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="32"/>
        <source>Packaging heavier than usual</source>
        <translation>包材比平常重</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="33"/>
        <source>Catalogue weight is wrong</source>
        <translation>商品资料重量有误</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="34"/>
        <source>Extra gift or insert in the parcel</source>
        <translation>包裹内有额外赠品或卡片</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="35"/>
        <source>Scale fault</source>
        <translation>秤故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="36"/>
        <source>Card could not be printed / none left</source>
        <translation>卡片打印不了 / 已用完</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="37"/>
        <source>Sample out of stock</source>
        <translation>赠品小样缺货</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="38"/>
        <source>Insert printer down</source>
        <translation>卡片打印机故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="39"/>
        <source>New waybill needed (another carrier)</source>
        <translation>需要换面单（快递不符）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="40"/>
        <source>Waybill lacks the sort code: fetch it again</source>
        <translation>面单缺少三段码：请重新获取面单</translation>
    </message>
</context>
<context>
    <name>Returns</name>
    <message>
        <location filename="../../app/ui/return_texts.py" line="13"/>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="14"/>
        <source>Wrong size</source>
        <translation>尺寸不符</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="15"/>
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="16"/>
        <source>Damaged in transit</source>
        <translation>运输破损</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="17"/>
        <source>Wrong item sent</source>
        <translation>发错货</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="18"/>
        <source>Missing parts</source>
        <translation>少件 / 缺配件</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="19"/>
        <source>Changed mind (7 days)</source>
        <translation>七天无理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="20"/>
        <source>Delivery too late</source>
        <translation>物流太慢</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="21"/>
        <source>Ordered twice</source>
        <translation>重复下单</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="22"/>
        <source>Expired or near expiry</source>
        <translation>临期 / 过期</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="23"/>
        <source>Unsuitable (allergy, does not fit the use)</source>
        <translation>不适用（过敏、不合用途）</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="24"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="30"/>
        <source>Resellable as new</source>
        <translation>完好可二次销售</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="31"/>
        <source>Needs repacking</source>
        <translation>需重新包装</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="32"/>
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="33"/>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="39"/>
        <source>back to its bin</source>
        <translation>上架回原库位</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="40"/>
        <source>to the repack bench</source>
        <translation>送重新包装台</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="41"/>
        <source>to quarantine</source>
        <translation>送隔离区待处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="42"/>
        <source>scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="48"/>
        <source>Warehouse (pick or pack error)</source>
        <translation>仓库（拣货或打包差错）</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="49"/>
        <source>Carrier (transit)</source>
        <translation>承运商（运输环节）</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="50"/>
        <source>Product (quality, description)</source>
        <translation>商品（质量、描述）</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="51"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="59"/>
        <source>Weighed {actual} g at packing, expected {expected} ± {allowed} g: within tolerance</source>
        <translation>打包时称重 {actual} 克，应重 {expected} ± {allowed} 克：在允许范围内</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="64"/>
        <source>Weighed {actual} g at packing, expected {expected} g: let through by a supervisor ({reason})</source>
        <translation>打包时称重 {actual} 克，应重 {expected} 克：由主管放行（{reason}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="70"/>
        <source>Weighed {actual} g at packing, expected {expected} g</source>
        <translation>打包时称重 {actual} 克，应重 {expected} 克</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="74"/>
        <source>Every unit was verified by scan at packing ({packer})</source>
        <translation>打包时每件商品都已扫描核对（{packer}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="78"/>
        <source>Not every unit was verified by scan at packing</source>
        <translation>打包时并非每件商品都经过扫描核对</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="80"/>
        <source>Instructions were let go at packing by a supervisor ({reason})</source>
        <translation>打包时主管放行了未完成的指令（{reason}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="84"/>
        <source>{sku} came back but was not in the order</source>
        <translation>{sku} 被退回，但不在该订单中</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="88"/>
        <source>{sku} came back as {returned}, but the order shipped {shipped}: not the unit sent</source>
        <translation>{sku} 退回的是 {returned}，但此订单发出的是 {shipped}：不是发出的那一件</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="92"/>
        <source>The return weighs {actual} g, its units should weigh {units} g: something is missing</source>
        <translation>退货包裹重 {actual} 克，所退商品应重 {units} 克：可能有缺失</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="97"/>
        <source>Reason given: damage or delay in transit ({carrier})</source>
        <translation>退货原因：运输破损或延误（{carrier}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="101"/>
        <source>Reason given: a wrong or missing item</source>
        <translation>退货原因：发错或少发</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="103"/>
        <source>Reason given: the product itself</source>
        <translation>退货原因：商品本身</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="105"/>
        <source>Reason given: the customer&apos;s choice</source>
        <translation>退货原因：客户自身选择</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="114"/>
        <source>Return of order {order} — scan each unit that came back</source>
        <translation>订单 {order} 的退货 — 逐件扫描退回的商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="118"/>
        <source>Nothing found for {code} — scan the waybill, the order number, the phone or the RMA code</source>
        <translation>未找到 {code} — 请扫描运单号、订单号、手机号或退货码</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="123"/>
        <source>Order {order} was never packed — nothing to check against; give it to the supervisor</source>
        <translation>订单 {order} 从未打包 — 无记录可核对；交给主管处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="128"/>
        <source>{sku}: why did it come back? Type the reason&apos;s number + Enter</source>
        <translation>{sku}：退回原因？输入原因编号后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="132"/>
        <source>{sku} is NOT in this order (or one more than was sent) — keep it apart: its label says quarantine</source>
        <translation>{sku} 不属于该订单（或多于发出的数量）— 单独放置：标签注明隔离</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="138"/>
        <source>{sku} was shipped by serial number — scan the serial label of this unit</source>
        <translation>{sku} 按序列号发货 — 扫描这件商品的序列号标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="142"/>
        <source>NOT the unit shipped: {code} did not leave with this order — keep it apart in quarantine; the records say: customer</source>
        <translation>不是发出的那一件：{code} 不是随此订单发出的 — 单独放入隔离区；记录判定：客户责任</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="148"/>
        <source>Unknown barcode {code} — set the unit aside for the supervisor</source>
        <translation>未知条码 {code} — 把这件商品放一边交给主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="152"/>
        <source>Reason: {reason} — its state? Type the grade&apos;s number + Enter</source>
        <translation>原因：{reason} — 商品状态？输入等级编号后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="156"/>
        <source>✓ Label printing — the unit goes {where}; scan the next</source>
        <translation>✓ 标签打印中 — 这件商品{where}；扫描下一件</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="160"/>
        <source>Return parcel: {grams} g</source>
        <translation>退货包裹：{grams} 克</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="162"/>
        <source>{choice} is not one of the numbers shown — type one + Enter</source>
        <translation>{choice} 不是列出的编号 — 请输入一个编号后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="166"/>
        <source>The records say: {who} — Enter confirms, or type 1–4 for another</source>
        <translation>根据记录判定：{who} — 按回车确认，或输入 1–4 选择其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="170"/>
        <source>Return received ({who}) — the service ticket and refund go to the server; scan the next return</source>
        <translation>退货已收货（{who}）— 售后工单与退款申请将同步到服务器；扫描下一个退货</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="176"/>
        <source>Scan the units that came back first</source>
        <translation>请先扫描退回的商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="178"/>
        <source>Taken back out — scan the next unit</source>
        <translation>已取出 — 扫描下一件</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="180"/>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="182"/>
        <source>Cancelled — scan a return&apos;s waybill, order number, phone or RMA code</source>
        <translation>已取消 — 扫描退货的运单号、订单号、手机号或退货码</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="186"/>
        <source>This return has units in it — F8 finishes it</source>
        <translation>该退货已有商品 — 按 F8 完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="187"/>
        <source>Not possible now</source>
        <translation>现在无法执行</translation>
    </message>
</context>
<context>
    <name>ReturnsView</name>
    <message>
        <location filename="../../app/ui/returns_view.py" line="116"/>
        <source>Returns — check a return parcel in</source>
        <translation>售后退货 — 退货包裹收货验收</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="119"/>
        <source>number + Enter: choose · grams + Enter: the parcel&apos;s weight · F4 take the scale&apos;s weight · F3 the packing video · F2 take the last unit out · F8 finish / confirm · Esc back</source>
        <translation>数字 + 回车：选择 · 克数 + 回车：包裹重量 · F4 取秤重 · F3 打包视频 · F2 撤回最后一件 · F8 完成／确认 · Esc 返回</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="139"/>
        <location filename="../../app/ui/returns_view.py" line="298"/>
        <source>Scan the return&apos;s waybill, order number, customer phone or RMA code</source>
        <translation>扫描退货的运单号、订单号、客户手机号或退货码</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="124"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="124"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="124"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="124"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="124"/>
        <source>Goes to</source>
        <translation>去向</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="145"/>
        <source>The return of order {order} was open — carry on where it was left</source>
        <translation>订单 {order} 的退货尚未完成 — 从上次中断处继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="155"/>
        <source>The return of order {order} is NOT saved — call the technician; keep its units together</source>
        <translation>订单 {order} 的退货未保存 — 请联系技术人员；退货商品放在一起</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="191"/>
        <source>No packing video of this order on this station</source>
        <translation>本工位没有此订单的打包视频</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="196"/>
        <source>The scale has no steady weight — type the grams + Enter</source>
        <translation>电子秤读数不稳定 — 请输入克数后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="240"/>
        <source>Packed by {packer} at {station}, {when}</source>
        <translation>由 {packer} 在 {station} 打包，{when}</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="248"/>
        <source>Not packed</source>
        <translation>未打包</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="251"/>
        <source>Weighed {actual} g, expected {expected} ± {allowed} g</source>
        <translation>称重 {actual} 克，应重 {expected} ± {allowed} 克</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="255"/>
        <source>No weight recorded</source>
        <translation>无称重记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="264"/>
        <source>Rules carried out: {rules}</source>
        <translation>已执行的规则：{rules}</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="269"/>
        <source>Return parcel: {grams} g</source>
        <translation>退货包裹：{grams} 克</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="284"/>
        <source>NOT THE UNIT SHIPPED</source>
        <translation>非原发商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="286"/>
        <source>NOT IN ORDER</source>
        <translation>非本单商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="299"/>
        <source>Scan each unit that came back · grams + Enter · F8 when all are in</source>
        <translation>逐件扫描退回的商品 · 克数+回车记录重量 · 全部扫完按 F8</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="300"/>
        <source>Scan the unit&apos;s serial number label (Esc: take the unit back)</source>
        <translation>扫描这件商品的序列号标签（Esc：撤回这件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="301"/>
        <source>The reason&apos;s number + Enter</source>
        <translation>输入原因编号后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="302"/>
        <source>The grade&apos;s number + Enter</source>
        <translation>输入等级编号后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="303"/>
        <source>Enter confirms the proposal · a number picks another</source>
        <translation>回车确认建议 · 输入编号选择其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="315"/>
        <source>Packing video: at {station}, recorded {when} (SHA-256 {sha}…) — Shift+F3 there</source>
        <translation>打包视频：在 {station}，{when} 录制（SHA-256 {sha}…）— 到该工位按 Shift+F3</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="323"/>
        <source>Packing video: none on this station</source>
        <translation>打包视频：本工位没有</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="326"/>
        <source>recorded</source>
        <translation>已录制</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="326"/>
        <source>partly recorded</source>
        <translation>部分录制</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="327"/>
        <source>not recorded</source>
        <translation>未录制</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="327"/>
        <source>deleted (retention)</source>
        <translation>已按保留期删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="328"/>
        <source>changed since it was recorded</source>
        <translation>录制后已被改动</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="334"/>
        <source>Packing video: {status}, {minutes}:{seconds:02d}, {moments} scans — F3 plays it</source>
        <translation>打包视频：{status}，{minutes}:{seconds:02d}，{moments} 次扫描 — 按 F3 播放</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="346"/>
        <source>Reason (number + Enter):</source>
        <translation>原因（编号 + 回车）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="349"/>
        <source>Grade (number + Enter):</source>
        <translation>等级（编号 + 回车）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="356"/>
        <source>Responsible (Enter: the proposal, or a number):</source>
        <translation>责任方（回车：采用建议，或输入编号）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="365"/>
        <source>Proposed: {who}</source>
        <translation>建议：{who}</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../../app/ui/messages.py" line="619"/>
        <source>Customer tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="620"/>
        <source>Customer tags</source>
        <translation>客户标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="621"/>
        <source>First order</source>
        <translation>首单</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="622"/>
        <source>Birthday month</source>
        <translation>生日月</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="623"/>
        <source>Days since last order</source>
        <translation>距上次下单天数</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="624"/>
        <source>Returns received</source>
        <translation>退货次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="625"/>
        <source>Return rate (%)</source>
        <translation>退货率（%）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="626"/>
        <source>Days since the last return</source>
        <translation>距上次退货天数</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="627"/>
        <source>Reason of the last return</source>
        <translation>上次退货原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="628"/>
        <source>Lifetime value (fen)</source>
        <translation>累计消费（分）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="629"/>
        <source>Preferred packaging</source>
        <translation>偏好包装</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="630"/>
        <source>Asked for no price tags</source>
        <translation>要求不带价签</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="631"/>
        <source>Preferred carrier</source>
        <translation>指定快递</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="632"/>
        <source>Ship days</source>
        <translation>指定发货日</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="633"/>
        <source>Customer note</source>
        <translation>客户备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="634"/>
        <source>Order channel</source>
        <translation>订单渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="635"/>
        <source>Order carrier</source>
        <translation>订单快递</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="636"/>
        <source>Order amount (fen)</source>
        <translation>订单金额（分）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="637"/>
        <source>Item count</source>
        <translation>商品件数</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="638"/>
        <source>Order notes</source>
        <translation>订单留言</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="639"/>
        <source>Custom fields</source>
        <translation>定制字段</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="640"/>
        <source>Hours to ship-by</source>
        <translation>距承诺发货（小时）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="641"/>
        <source>Item SKUs</source>
        <translation>商品 SKU</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="642"/>
        <source>Item categories</source>
        <translation>商品类目</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="649"/>
        <source>is</source>
        <translation>等于</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="650"/>
        <source>is not</source>
        <translation>不等于</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="651"/>
        <source>is one of</source>
        <translation>属于</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="652"/>
        <source>is none of</source>
        <translation>不属于</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="653"/>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="654"/>
        <source>contains any of</source>
        <translation>包含任一</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="655"/>
        <source>does not contain</source>
        <translation>不包含</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="656"/>
        <source>at least</source>
        <translation>至少</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="657"/>
        <source>at most</source>
        <translation>至多</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="658"/>
        <source>more than</source>
        <translation>大于</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="659"/>
        <source>less than</source>
        <translation>小于</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="660"/>
        <source>is yes</source>
        <translation>为是</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="661"/>
        <source>is no</source>
        <translation>为否</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="662"/>
        <source>is set</source>
        <translation>已填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="663"/>
        <source>is not set</source>
        <translation>未填写</translation>
    </message>
</context>
<context>
    <name>RulesEditorView</name>
    <message>
        <location filename="../../app/ui/rules_view.py" line="327"/>
        <source>Customer rules</source>
        <translation>客户规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="328"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="328"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="328"/>
        <source>What it does</source>
        <translation>条件 → 动作</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="331"/>
        <source>&amp;Code</source>
        <translation>编码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="331"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="331"/>
        <source>&amp;Enabled</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="331"/>
        <source>&amp;Stop after this rule</source>
        <translation>命中后不再看后续规则(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="335"/>
        <source>When all of these hold</source>
        <translation>同时满足以下条件时</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="336"/>
        <source>Do this</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="337"/>
        <source>+ Condition</source>
        <translation>+ 条件</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="338"/>
        <source>+ Action</source>
        <translation>+ 动作</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="339"/>
        <source>&amp;Test with order:</source>
        <translation>用订单测试(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="340"/>
        <source>Scan or type an order or waybill number, then Enter</source>
        <translation>扫描或输入订单号/运单号，然后回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="341"/>
        <source>Save and send (Ctrl+S)</source>
        <translation>保存并上传 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="342"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="343"/>
        <source>New rule (Ctrl+N)</source>
        <translation>新建规则 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="372"/>
        <source>{count} rules, from the server</source>
        <translation>{count} 条规则，来自服务器</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="374"/>
        <source>{count} rules, the shipped defaults (saving sends them to the server)</source>
        <translation>{count} 条规则，系统默认（保存后上传到服务器）</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="380"/>
        <source> · not saved</source>
        <translation> · 未保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="393"/>
        <source>every order</source>
        <translation>所有订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="424"/>
        <source>the code {code} is used by rule {row} too</source>
        <translation>编码 {code} 与第 {row} 条规则重复</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="562"/>
        <source>⚠ Not usable yet: {reason}</source>
        <translation>⚠ 暂不可用：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="565"/>
        <source>✔ This rule is valid</source>
        <translation>✔ 规则有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="579"/>
        <source>Not saved: rule {row} is broken — {reason}</source>
        <translation>未保存：第 {row} 条规则有误 — {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="592"/>
        <source>Saved: {count} change(s), sent to the server with the next sync</source>
        <translation>已保存：{count} 处修改，下次同步时上传到服务器</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="603"/>
        <source>Scan or type an order number to try the rules on it</source>
        <translation>扫描或输入订单号，用它测试规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="609"/>
        <source>Order {order}: {fired} of {total} rules fire</source>
        <translation>订单 {order}：{total} 条规则中命中 {fired} 条</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="615"/>
        <source>• {what} — because of rule {rule}</source>
        <translation>• {what} — 来自规则 {rule}</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="621"/>
        <source>  (overridden: {action} of {rule}; {winner} comes first)</source>
        <translation>  （被覆盖：{rule} 的{action}；{winner} 优先）</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="626"/>
        <source>No instructions: a plain pack</source>
        <translation>没有额外要求：正常打包</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="628"/>
        <source>⚠ left out: {reason}</source>
        <translation>⚠ 已跳过：{reason}</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <location filename="../../app/ui/messages.py" line="588"/>
        <source>OVERLOAD</source>
        <translation>超载</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="589"/>
        <source>below zero — zero the scale</source>
        <translation>低于零点 — 请将秤清零</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="590"/>
        <source>scale error</source>
        <translation>秤故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="591"/>
        <source>no weight</source>
        <translation>无重量</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../app/ui/settings_view.py" line="212"/>
        <source>Station settings</source>
        <translation>工位设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="214"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="264"/>
        <source>Station name</source>
        <translation>工位名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="218"/>
        <source>Packaging weight</source>
        <translation>包材重量</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="219"/>
        <source>Weight tolerance</source>
        <translation>重量允差</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="220"/>
        <source>Weight tolerance (relative)</source>
        <translation>重量允差（百分比）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="214"/>
        <source>Sounds</source>
        <translation>声音</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="228"/>
        <source>Scanner: minimum code length</source>
        <translation>扫描枪：最短条码长度</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="229"/>
        <source>Scanner: max. gap between keys</source>
        <translation>扫描枪：按键最大间隔</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="230"/>
        <source>Scanner: prefix it sends (keyboard mode)</source>
        <translation>扫描枪：发送的前缀（键盘模式）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="231"/>
        <source>Scanner: suffix it sends (besides Enter / Tab)</source>
        <translation>扫描枪：发送的后缀（回车 / Tab 以外）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="232"/>
        <source>Serial scanner port (empty: keyboard mode)</source>
        <translation>串口扫描枪端口（留空：键盘模式）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="233"/>
        <source>Scale port (empty: type weights)</source>
        <translation>电子秤端口（留空：手动输入重量）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="234"/>
        <source>Scale protocol</source>
        <translation>电子秤协议</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="235"/>
        <source>Scale baud rate (— : protocol default)</source>
        <translation>电子秤波特率（—：协议默认）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="236"/>
        <source>Scale now</source>
        <translation>当前读数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="281"/>
        <source>/dev/ttyUSB0, COM3 or vid:pid[:serial]</source>
        <translation>/dev/ttyUSB0、COM3 或 vid:pid[:序列号]</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="282"/>
        <source>/dev/ttyUSB1, COM4 or vid:pid[:serial]</source>
        <translation>/dev/ttyUSB1、COM4 或 vid:pid[:序列号]</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="284"/>
        <source>Play sounds</source>
        <translation>播放提示音</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="247"/>
        <source>Label printer</source>
        <translation>面单打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="248"/>
        <source>Label format</source>
        <translation>面单格式</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="249"/>
        <source>Label size</source>
        <translation>面单尺寸</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="250"/>
        <source>Printer resolution</source>
        <translation>打印机分辨率</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="251"/>
        <source>Chinese text on thermal printers</source>
        <translation>热敏打印机的中文</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="252"/>
        <source>Insert card printer (empty: saved as PDF)</source>
        <translation>卡片打印机（留空：保存为 PDF）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="253"/>
        <source>Packing slip printer</source>
        <translation>装箱单打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="254"/>
        <source>Inserts</source>
        <translation>随箱卡片</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="255"/>
        <source>Packing slips</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="267"/>
        <source>Sender name</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="268"/>
        <source>Sender phone</source>
        <translation>寄件电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="269"/>
        <source>Sender address</source>
        <translation>寄件地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="270"/>
        <source>Bin location pattern (pick paths)</source>
        <translation>库位编码格式（拣货路径）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="271"/>
        <source>Waybill numbers kept per carrier (split shipments; 0: none)</source>
        <translation>每个快递保留的运单号数量（拆包发货用；0：不保留）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="272"/>
        <source>Return reasons offered (codes, comma-separated; empty: the twelve defaults)</source>
        <translation>退货原因列表（代码，逗号分隔；留空：默认十二项）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="258"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="214"/>
        <source>My view (Ctrl+1)</source>
        <translation>我的显示 (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="216"/>
        <source>Weighing (Ctrl+2)</source>
        <translation>称重 (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="221"/>
        <source>An older lot still in stock (first expired, first out)</source>
        <translation>仍有更早批次库存时（先到期先出）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="222"/>
        <source>Dock</source>
        <translation>出库交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="226"/>
        <source>Scanner and scale (Ctrl+3)</source>
        <translation>扫描枪和电子秤 (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="237"/>
        <source>Bench camera (RTSP; empty: none; applies at the next start)</source>
        <translation>工位摄像头（RTSP；留空：无；下次启动生效）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="238"/>
        <source>Camera test</source>
        <translation>摄像头测试</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="239"/>
        <source>Packing video kept (days; 0: for ever)</source>
        <translation>打包视频保留天数（0：永久）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="240"/>
        <source>Packing video may take at most (0: no limit)</source>
        <translation>打包视频最多占用（0：不限）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="241"/>
        <source>Archive folder (a mounted NAS share; set: only archived video is deleted)</source>
        <translation>归档文件夹（已挂载的 NAS 共享；设置后只删除已归档的视频）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="245"/>
        <source>Printers (Ctrl+4)</source>
        <translation>打印机 (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="256"/>
        <source>Label check (贴单复核)</source>
        <translation>贴单复核</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="257"/>
        <source>Platform print components (their waybills print only there)</source>
        <translation>平台打印组件（平台面单只能在此打印）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="262"/>
        <source>Station (Ctrl+5)</source>
        <translation>工作台 (Ctrl+5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="265"/>
        <source>Supervisors</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="266"/>
        <source>Packers</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="285"/>
        <source>Weigh every parcel at the dock against its packed weight</source>
        <translation>出库时每个包裹过秤，与打包重量比对（称重出库）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="286"/>
        <source>give their PIN to sign in and for every supervisor action</source>
        <translation>登录及每次主管操作都需输入 PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="287"/>
        <source>give their PIN to sign in</source>
        <translation>登录需输入 PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="289"/>
        <source>cups:QUEUE, qt:PRINTER, tcp://192.168.1.50:9100 or folder:/path — empty: saved as PDF</source>
        <translation>cups:队列、qt:打印机名、tcp://192.168.1.50:9100 或 folder:/路径 — 留空：保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="294"/>
        <source>empty: each platform&apos;s own component here; or cainiao:, pdd://HOST:5000/PRINTER, …</source>
        <translation>留空：本机各平台自己的组件；或 cainiao:、pdd://主机:5000/打印机 …</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="298"/>
        <source>empty: A-03-07-2 (zone-aisle-bay-level); or a regex with (?P&lt;zone&gt;…)(?P&lt;aisle&gt;…)(?P&lt;bay&gt;…)</source>
        <translation>留空：A-03-07-2（库区-巷道-货位-层）；或含 (?P&lt;zone&gt;…)(?P&lt;aisle&gt;…)(?P&lt;bay&gt;…) 的正则表达式</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="303"/>
        <source>not checked</source>
        <translation>不检查</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="304"/>
        <source>warns, the unit counts</source>
        <translation>提醒，本件计入</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="305"/>
        <source>refuses the newer unit</source>
        <translation>拒收较新批次</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="309"/>
        <source>as pictures (any printer)</source>
        <translation>以图片打印（所有打印机）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="310"/>
        <source>printer&apos;s own Chinese font</source>
        <translation>打印机内置中文字库</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="312"/>
        <source>Print the cards a customer is due (VIP, birthday, welcome)</source>
        <translation>打印顾客应得的卡片（VIP、生日、欢迎）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="313"/>
        <source>Print a packing slip for every parcel</source>
        <translation>每个包裹打印装箱单</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="314"/>
        <source>Check the label on the parcel: scan its waybill after it prints</source>
        <translation>贴单复核：面单打印后扫描包裹上的运单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="315"/>
        <source>Print a test label</source>
        <translation>打印测试面单</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="316"/>
        <source>Zero the scale</source>
        <translation>电子秤归零</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="317"/>
        <source>Find the scale</source>
        <translation>自动识别电子秤</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="318"/>
        <source>Test picture</source>
        <translation>测试画面</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="320"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="321"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="322"/>
        <source>Supervisor PIN + Enter</source>
        <translation>主管 PIN + 回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="325"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="401"/>
        <source>Unlocked by {name} — what is saved is recorded with old and new values</source>
        <translation>已由 {name} 解锁 — 保存的修改会记录原值和新值</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="408"/>
        <source>Supervisor {badge}: type your PIN + Enter (Esc: keep locked)</source>
        <translation>主管 {badge}：请输入 PIN + 回车（Esc：保持锁定）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="416"/>
        <source>Anyone may change My view. Weighing, devices, printers and the station need a supervisor: scan a supervisor badge to unlock them</source>
        <translation>“我的显示”任何人都可修改。称重、设备、打印机和工作台需主管：扫描主管工牌解锁</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="441"/>
        <source>Checking the PIN…</source>
        <translation>正在核对 PIN…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="451"/>
        <source>Wrong PIN, or not a supervisor&apos;s badge — still locked</source>
        <translation>PIN 错误或不是主管工牌 — 仍然锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="453"/>
        <source>Too many wrong PINs: this badge waits {seconds} s</source>
        <translation>PIN 错误次数过多：此工牌需等待 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="487"/>
        <source>Not saved: the bin location pattern — {reason}</source>
        <translation>未保存：库位编码格式有误 — {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="521"/>
        <source>Not saved: a supervisor must unlock these first (scan a supervisor badge)</source>
        <translation>未保存：需主管先解锁（扫描主管工牌）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="556"/>
        <source>sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="560"/>
        <source>sent — check the printer</source>
        <translation>已发送 — 请查看打印机</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="565"/>
        <source>looking for the scale (each protocol and speed; a minute at most)…</source>
        <translation>正在识别电子秤（逐一尝试协议和波特率，最多一分钟）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="573"/>
        <source>no scale answered — check its cable and that it is on</source>
        <translation>没有电子秤应答 — 检查连接线和电子秤电源</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="580"/>
        <source>found: {protocol} at {baud} baud on {port} — save to use it</source>
        <translation>已识别：{protocol}，{baud} 波特率，端口 {port} — 保存后生效</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="588"/>
        <source>type the camera&apos;s address first</source>
        <translation>请先填写摄像头地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="592"/>
        <source>asking the camera for a picture…</source>
        <translation>正在向摄像头取画面…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="599"/>
        <source>no picture: {problem}</source>
        <translation>没有画面：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="614"/>
        <source>{width} × {height}: the camera answers</source>
        <translation>{width} × {height}：摄像头正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="621"/>
        <source>zero command sent</source>
        <translation>归零指令已发送</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="622"/>
        <source>this protocol has no zero command</source>
        <translation>该协议没有归零指令</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="624"/>
        <source>no scale connected</source>
        <translation>未连接电子秤</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="629"/>
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="629"/>
        <source>moving</source>
        <translation>晃动中</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <location filename="../../app/ui/signin_view.py" line="66"/>
        <source>Scan your badge to sign in</source>
        <translation>请扫描工牌登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="67"/>
        <source>No badge? Type your badge code and PIN.</source>
        <translation>没有工牌？请输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="68"/>
        <source>Badge code</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="69"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="70"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="100"/>
        <source>Badge {code} is not known — scan your own badge</source>
        <translation>工牌 {code} 不存在 — 请扫描本人工牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="109"/>
        <source>{name}: type your PIN and press Enter</source>
        <translation>{name}：请输入 PIN 码并按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="122"/>
        <source>Checking the PIN…</source>
        <translation>正在核对 PIN…</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="130"/>
        <source>Cannot sign in: the database did not answer — call the technician</source>
        <translation>无法登录：数据库没有响应 — 请联系技术员</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="146"/>
        <source>Too many wrong PINs for {badge}: try again in {minutes} min</source>
        <translation>{badge} 的 PIN 码错误次数过多：请 {minutes} 分钟后再试</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="151"/>
        <source>Badge code or PIN is wrong — try again</source>
        <translation>工号或密码错误 — 请重试</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="157"/>
        <source>Cannot sign in: {problem} — call the technician</source>
        <translation>无法登录：{problem} — 请叫技术员</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/ui/application.py" line="441"/>
        <source>There is no display to show the station on (neither DISPLAY nor WAYLAND_DISPLAY is set). Start Packline from the station&apos;s desktop, or set DISPLAY (for example DISPLAY=:0).</source>
        <translation>没有可显示工作站的显示器（DISPLAY 和 WAYLAND_DISPLAY 都未设置）。请在工作站桌面上启动 Packline，或设置 DISPLAY（例如 DISPLAY=:0）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="446"/>
        <source>The data folder {path} cannot be written ({reason}). Give this user write access to it, or start Packline with --data-dir and a folder it may write to.</source>
        <translation>数据目录 {path} 无法写入（{reason}）。请给此用户写权限，或用 --data-dir 指定一个可写的目录启动 Packline。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="451"/>
        <source>Packline is already running on this data folder ({path}, process {pid}). Use that window; two stations on one folder would count the same scans twice.</source>
        <translation>Packline 已在此数据目录运行（{path}，进程 {pid}）。请使用那个窗口；同一目录开两个工作站会把同一次扫描记两遍。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="531"/>
        <source>The station database is in use by another program. Close the other Packline and start again.</source>
        <translation>工位数据库正被其他程序占用。请关闭另一个 Packline 后重新启动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="535"/>
        <source>The station database is damaged. Call the technician; do not delete it — work may be in it.</source>
        <translation>工位数据库已损坏。请联系技术员；不要删除它 — 其中可能有未上传的作业。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="539"/>
        <source>The station database was written by a newer Packline. Install that version (or newer).</source>
        <translation>工位数据库由更新版本的 Packline 写入。请安装该版本（或更新版本）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="543"/>
        <source>The disk is full. Free some space and start again.</source>
        <translation>磁盘已满。请清理空间后重新启动。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="549"/>
        <source>The station database cannot be opened. Call the technician.</source>
        <translation>无法打开工位数据库。请联系技术员。</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../app/ui/messages.py" line="52"/>
        <source>new</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="53"/>
        <source>in a wave</source>
        <translation>波次中</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="54"/>
        <source>picked</source>
        <translation>已拣货</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="55"/>
        <location filename="../../app/ui/messages.py" line="129"/>
        <source>packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="56"/>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="57"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="58"/>
        <source>on hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="59"/>
        <source>missing</source>
        <translation>不存在</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="128"/>
        <source>still on the bench</source>
        <translation>仍在打包台上</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="130"/>
        <source>held</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="131"/>
        <source>put back unpacked</source>
        <translation>未打包已放回</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="132"/>
        <source>stopped by the office</source>
        <translation>已被办公室拦截</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../app/ui/status_bar.py" line="44"/>
        <source>cannot be reached — is it on and plugged in?</source>
        <translation>无法连接 — 是否已开机并插好线？</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="45"/>
        <source>the connection broke while printing</source>
        <translation>打印时连接中断</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="46"/>
        <source>it refused the job</source>
        <translation>打印机拒绝了任务</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="47"/>
        <source>this computer has no print system</source>
        <translation>本机没有打印系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="48"/>
        <source>its address in settings is wrong</source>
        <translation>设置中的打印机地址有误</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="49"/>
        <source>the print folder cannot be written</source>
        <translation>打印文件夹无法写入</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="50"/>
        <source>the platform&apos;s print component is not running — start it on this computer</source>
        <translation>平台打印组件未运行 — 请在本机启动它</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="53"/>
        <source>jobs did not print — see its print history</source>
        <translation>有任务未打印 — 请查看打印记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="55"/>
        <source>it is not working</source>
        <translation>无法工作</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="62"/>
        <source>Printer: {count} job(s) may be incomplete — F5 print again, Ctrl+F5 it is fine</source>
        <translation>打印机：{count} 个任务可能没打完 — F5 重新打印，Ctrl+F5 确认完好</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="70"/>
        <source>Printer OFFLINE ({reason}) — {count} waiting, printed when it is back</source>
        <translation>打印机离线（{reason}）— {count} 个任务等待中，恢复后自动打印</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="81"/>
        <source>Printer: {count} job(s) need attention — see the print history (Shift+F5)</source>
        <translation>打印机：{count} 个任务需处理 — 请查看打印记录 (Shift+F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="88"/>
        <source>Printing… {count} in queue</source>
        <translation>正在打印… 队列中 {count} 个</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="89"/>
        <source>Printer ready</source>
        <translation>打印机就绪</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="95"/>
        <source>DISCONNECTED — not found: check the cable and the port in settings (F9)</source>
        <translation>已断开 — 找不到设备：请检查连接线和设置中的端口 (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="98"/>
        <source>IN USE by another program — close it</source>
        <translation>被其他程序占用 — 请关闭该程序</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="99"/>
        <source>NO PERMISSION to open the port — call the technician</source>
        <translation>无权打开端口 — 请联系技术员</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="102"/>
        <location filename="../../app/ui/status_bar.py" line="113"/>
        <source>DISCONNECTED — check the cable</source>
        <translation>已断开 — 请检查连接线</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="103"/>
        <source>NOT ANSWERING — is it on? Check the cable and the protocol</source>
        <translation>无响应 — 是否已开机？请检查连接线和协议</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="106"/>
        <source>SENDING NON-STOP — check the trigger; extra codes are ignored</source>
        <translation>持续发送 — 请检查扳机；多余的条码已忽略</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="109"/>
        <source>SETTINGS DO NOT WORK — check them (F9)</source>
        <translation>设置无效 — 请检查设置 (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="110"/>
        <source>ERROR in the station — see the log</source>
        <translation>工作台程序出错 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="111"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="121"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="122"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="123"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="126"/>
        <source>{device}: connected</source>
        <translation>{device}：已连接</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="128"/>
        <source>{device}: connecting…</source>
        <translation>{device}：连接中…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="131"/>
        <source>{device}: {problem}</source>
        <translation>{device}：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="142"/>
        <source>cannot reach the server</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="143"/>
        <source>the server does not answer</source>
        <translation>服务器无应答</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="144"/>
        <source>the server is too slow to answer</source>
        <translation>服务器响应太慢</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="145"/>
        <source>the connection broke</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="146"/>
        <source>the server&apos;s certificate is not trusted — call the technician</source>
        <translation>服务器证书不受信任 — 请联系技术员</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="147"/>
        <source>the server does not accept this station — register it again</source>
        <translation>服务器不接受本工作台 — 请重新注册</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="148"/>
        <source>the server&apos;s database is down</source>
        <translation>服务器数据库不可用</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="149"/>
        <source>the server had an error</source>
        <translation>服务器出错</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="150"/>
        <source>the server&apos;s answer could not be read</source>
        <translation>无法读取服务器的应答</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="151"/>
        <source>the server refused the request</source>
        <translation>服务器拒绝了请求</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="152"/>
        <source>the server address in settings is wrong</source>
        <translation>设置中的服务器地址有误</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="153"/>
        <source>an error in the station — see the log</source>
        <translation>工作台程序出错 — 请查看日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="155"/>
        <source>the sync failed</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="160"/>
        <source>{count} event(s) waiting for the server</source>
        <translation>{count} 条记录待上传</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="162"/>
        <source>No server set up — {waiting}</source>
        <translation>未连接服务器 — {waiting}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="164"/>
        <source> · {count} need attention (Shift+F11)</source>
        <translation> · {count} 条需处理 (Shift+F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="169"/>
        <source>Syncing… {waiting}</source>
        <translation>同步中… {waiting}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="173"/>
        <source>Synced {time} · {waiting}</source>
        <translation>已同步 {time} · {waiting}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="179"/>
        <source>this computer&apos;s clock is {minutes} min fast</source>
        <translation>本机时钟快了 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="180"/>
        <source>this computer&apos;s clock is {minutes} min slow</source>
        <translation>本机时钟慢了 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="186"/>
        <source>OFFLINE · {waiting} · {reason} · retry in {seconds} s (F11 now)</source>
        <translation>离线 · {waiting} · {reason} · {seconds} 秒后重试（F11 立即同步）</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="188"/>
        <source>Sync error · {waiting} · {reason} · retry in {seconds} s (F11 now)</source>
        <translation>同步出错 · {waiting} · {reason} · {seconds} 秒后重试（F11 立即同步）</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="197"/>
        <source>Database problem ({reason}) — work is kept and retried; call the technician</source>
        <translation>数据库故障（{reason}）— 作业已保留并自动重试；请联系技术员</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="238"/>
        <source>Station {name}</source>
        <translation>工位 {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="240"/>
        <source>Operator {name}</source>
        <translation>操作员 {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="242"/>
        <source>Signed out</source>
        <translation>未登录</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <location filename="../../app/ui/messages.py" line="475"/>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="476"/>
        <source>the database file is damaged</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="477"/>
        <source>another program holds the database</source>
        <translation>另一个程序占用了数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="478"/>
        <source>the database cannot be written (read-only or missing)</source>
        <translation>数据库无法写入（只读或不存在）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="481"/>
        <source>the database is from a newer Packline</source>
        <translation>数据库来自更新版本的 Packline</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="483"/>
        <source>the database does not answer</source>
        <translation>数据库没有响应</translation>
    </message>
</context>
<context>
    <name>SyncExceptionsView</name>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="76"/>
        <source>Sync exceptions</source>
        <translation>同步异常</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="85"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="85"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="85"/>
        <source>Order / customer</source>
        <translation>订单 / 客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="79"/>
        <source>Events the server did not accept, and changes from the server this station could not take. Deal with each (pull the parcel, call the customer, tell the office), type what you did and press Enter. Scan an order to find it.</source>
        <translation>服务器未接受的事件，以及本工位无法接收的服务器变更。逐条处理（拦下包裹、联系客户、告知办公室），输入处理结果后按回车。扫描订单号可查找。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="85"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="86"/>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="88"/>
        <source>What was done about it, e.g. parcel pulled from the line</source>
        <translation>处理结果，例如：包裹已从流水线拦下</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="89"/>
        <source>Show resolved (Ctrl+H)</source>
        <translation>显示已处理 (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="90"/>
        <source>Resolve (Enter)</source>
        <translation>处理完毕 (回车)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="91"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="112"/>
        <source>Order packed</source>
        <translation>订单已打包</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="113"/>
        <source>Order held</source>
        <translation>订单已挂起</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="114"/>
        <source>Hold released</source>
        <translation>已解除挂起</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="115"/>
        <source>Customer preference</source>
        <translation>客户偏好</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="117"/>
        <source>From the server: operator not taken</source>
        <translation>来自服务器：操作员未能接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="118"/>
        <source>From the server: carrier not taken</source>
        <translation>来自服务器：快递公司未能接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="119"/>
        <source>From the server: SKU not taken</source>
        <translation>来自服务器：商品未能接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="120"/>
        <source>From the server: customer not taken</source>
        <translation>来自服务器：客户未能接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="121"/>
        <source>From the server: order not taken</source>
        <translation>来自服务器：订单未能接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="122"/>
        <source>From the server: wave not taken</source>
        <translation>来自服务器：波次未能接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="123"/>
        <source>From the server: rule not taken</source>
        <translation>来自服务器：规则未能接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="149"/>
        <source>No exception for {code}</source>
        <translation>{code} 没有异常</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="151"/>
        <source>No exceptions: everything reached the server</source>
        <translation>没有异常：所有记录均已送达服务器</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="165"/>
        <source>Already resolved</source>
        <translation>已处理过</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="169"/>
        <source>Type what was done about it first, then press Enter</source>
        <translation>请先输入处理结果，再按回车</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../app/ui/messages.py" line="158"/>
        <source>Order {order} — scan the items</source>
        <translation>订单 {order} — 请扫描商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="159"/>
        <source>Order {order} is already open — scan the items</source>
        <translation>订单 {order} 已打开 — 请扫描商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="160"/>
        <source>✓ {name}  {scanned}/{required}</source>
        <translation>✓ {name}  {scanned}/{required}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="161"/>
        <source>✓ {name} complete ({scanned}/{required})</source>
        <translation>✓ {name} 已齐（{scanned}/{required}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="162"/>
        <source>All items checked — put the parcel on the scale</source>
        <translation>商品已全部核对 — 请将包裹放上秤称重</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="165"/>
        <source>Items done — {quantity} instruction(s) left: see the cards on the right</source>
        <translation>商品已齐 — 还有 {quantity} 项指令：见右侧卡片</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="168"/>
        <source>✓ Instruction done — carry on</source>
        <translation>✓ 指令已完成 — 继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="169"/>
        <source>Already done — that card or sample is in; carry on</source>
        <translation>已完成 — 该卡片或小样已放入；继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="172"/>
        <source>This card is not for order {order} — take it out, use the card printed for this order</source>
        <translation>这张卡片不属于订单 {order} — 取出，改用为本订单打印的卡片</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="175"/>
        <source>Nothing to confirm with F1 now</source>
        <translation>现在没有需要 F1 确认的指令</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="179"/>
        <source>Supervisor let {quantity} instruction(s) go ({reason}) — put the parcel on the scale</source>
        <translation>主管已放行 {quantity} 项指令（{reason}）— 请把包裹放上秤</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="182"/>
        <source>This item is not in order {order}: {name} — put it back, scan the next item</source>
        <translation>这件商品不属于订单 {order}：{name} — 放回，扫描下一件</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="185"/>
        <source>Too many: {name} needs only {required} — take the extra one out, scan the next item</source>
        <translation>数量超出：{name} 只需要 {required} 件 — 取出多余的，扫描下一件</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="188"/>
        <source>Case of {quantity}, only {remaining} of {name} needed — open the case, scan single items</source>
        <translation>整箱 {quantity} 件，但 {name} 只还需要 {remaining} 件 — 请拆箱逐件扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="192"/>
        <source>Unknown barcode {code} — check the label, or set the item aside for the supervisor</source>
        <translation>未知条码 {code} — 请检查标签，或将商品交给主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="195"/>
        <source>No order {code} — check the number and scan again</source>
        <translation>找不到订单 {code} — 请核对后重新扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="198"/>
        <source>Scan an order first — {name} was not counted</source>
        <translation>请先扫描订单 — {name} 未计数</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="201"/>
        <source>Order {order} is already packed — do not ship it again</source>
        <translation>订单 {order} 已打包 — 不要重复发货</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="204"/>
        <source>Order {order} is CANCELLED — do not ship; put the items in the returns tote</source>
        <translation>订单 {order} 已取消 — 不要发货，商品放入退货箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="207"/>
        <source>Order {order} is ON HOLD ({reason}) — do not ship; a supervisor can release it with F7</source>
        <translation>订单 {order} 已挂起（{reason}）— 不要发货；主管可按 F7 解除</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="211"/>
        <source>Order {order} is still open — finish it or press Esc to put it back, then scan {code}</source>
        <translation>订单 {order} 尚未完成 — 请先完成或按 Esc 放回，再扫描 {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="220"/>
        <source>Undone: {name} ({scanned}/{required}) — take it out of the parcel</source>
        <translation>已撤销：{name}（{scanned}/{required}）— 请从包裹中取出</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="223"/>
        <source>Nothing to undo</source>
        <translation>没有可撤销的扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="214"/>
        <source>Still missing: {missing} — scan them before weighing</source>
        <translation>还缺：{missing} — 称重前请扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="176"/>
        <source>Printing the {quantity} card(s) still missing again — scan each one into the parcel</source>
        <translation>正在重新打印还缺的 {quantity} 张卡片 — 请逐张扫描后放入包裹</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="217"/>
        <source>Everything is in — put the parcel on the scale (expected {quantity} g)</source>
        <translation>已全部装齐 — 请把包裹放上秤（应为 {quantity} 克）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="224"/>
        <source>{name} was not counted — just take it out. F2 again takes back the last counted item</source>
        <translation>{name} 没有计数 — 直接拿出即可。再按 F2 撤销上一件已计数的商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="228"/>
        <source>Not ready to weigh — still missing: {missing}</source>
        <translation>还不能称重 — 还缺：{missing}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="231"/>
        <source>{quantity} g is not a parcel weight — weigh again</source>
        <translation>{quantity} 克不是有效的包裹重量 — 请重新称重</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="234"/>
        <source>Weight off: {actual} g, expected {expected} ± {allowed} g — weigh again, or F6: supervisor</source>
        <translation>重量不符：{actual} 克，应为 {expected} ± {allowed} 克 — 请重新称重，或按 F6 请主管处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="238"/>
        <source>Packed {order} ✓ — scan the next order</source>
        <translation>订单 {order} 打包完成 ✓ — 请扫描下一单</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="239"/>
        <source>Supervisor: scan your badge (Esc cancels)</source>
        <translation>请主管扫描工牌（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="240"/>
        <source>{detail}: type your PIN + Enter (Esc cancels)</source>
        <translation>{detail}：输入 PIN 码并按回车（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="241"/>
        <source>Wrong PIN — {quantity} more tries, then the request is cancelled (Esc cancels)</source>
        <translation>PIN 码错误 — 还可再试 {quantity} 次，之后本次操作取消（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="244"/>
        <source>Wrong PIN {quantity} times — cancelled; the supervisor starts again with F6 or F7</source>
        <translation>PIN 码连续错误 {quantity} 次 — 已取消；主管请重新按 F6 或 F7</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="247"/>
        <source>Re-waybill: {needed} required, the label is {carrier} — order {order} is on hold; put it on the hold shelf for a new waybill</source>
        <translation>需换面单：要求 {needed}，面单是 {carrier} — 订单 {order} 已挂起；请放到挂起货架等新面单</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="252"/>
        <source>The {carrier} waybill of order {order} has no sort code — fetch the waybill again; the order is on hold, put it on the hold shelf</source>
        <translation>订单 {order} 的{carrier}面单缺少三段码 — 请重新获取面单；订单已挂起，放到挂起货架</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="257"/>
        <source>Label checked: {detail} is on the parcel of order {order} — it may go; scan the next order</source>
        <translation>面单复核通过：订单 {order} 的包裹贴的是 {detail} — 可以放行；请扫描下一个订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="261"/>
        <source>STOP — {code} is not the label of order {order} (its waybill is {detail}): put the right label on the parcel and scan it</source>
        <translation>停 — {code} 不是订单 {order} 的面单（应为 {detail}）：请贴上正确的面单后重新扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="266"/>
        <source>That is not a supervisor badge — a supervisor must scan theirs (Esc cancels)</source>
        <translation>这不是主管工牌 — 需由主管扫描本人工牌（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="269"/>
        <location filename="../../app/ui/messages.py" line="272"/>
        <source>Choose a reason: press its number (Esc cancels)</source>
        <translation>请选择原因：按对应数字键（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="275"/>
        <source>Order {order} is on hold ({reason}) — put it on the hold shelf</source>
        <translation>订单 {order} 已挂起（{reason}）— 请放到挂起货架</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="278"/>
        <source>Hold on {order} released by {detail} — scan the items</source>
        <translation>订单 {order} 已由 {detail} 解除挂起 — 请扫描商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="281"/>
        <source>No held order to release — scan the held order first</source>
        <translation>没有可解除的挂起订单 — 请先扫描该订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="284"/>
        <source>Cancelled — carry on</source>
        <translation>已取消 — 请继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="285"/>
        <source>Order {order} put back — not packed</source>
        <translation>订单 {order} 已放回 — 未打包</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="286"/>
        <source>No order open — scan an order</source>
        <translation>没有打开的订单 — 请扫描订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="287"/>
        <source>Finish or put back order {order} before another operator signs in</source>
        <translation>请先完成或放回订单 {order}，再更换操作员</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="290"/>
        <source>Not possible now</source>
        <translation>当前无法执行此操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="291"/>
        <source>Single-item wave {code}: scan an item — each scan packs the next order ({quantity} left)</source>
        <translation>单品波次 {code}：扫描商品 — 每扫一件打包一单（还剩 {quantity} 单）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="295"/>
        <source>Wave {code} left — scan an order</source>
        <translation>已退出波次 {code} — 请扫描订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="296"/>
        <source>Wave {code} is picked into a cart — scan each order (or its tote) to pack it</source>
        <translation>波次 {code} 为拣货车批量拣货 — 请逐单扫描订单号（或周转箱）打包</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="299"/>
        <source>No order left in wave {code} needs {name} — set it aside for the supervisor</source>
        <translation>波次 {code} 中已没有订单需要 {name} — 请放到一边交给主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="302"/>
        <source>Order {order} is NOT saved: {problem} — call the technician. The order stays open and is saved by itself once that is fixed; do not ship it yet</source>
        <translation>订单 {order} 未保存：{problem} — 请叫技术员。订单保持打开，问题解决后会自动保存；先不要发货</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="307"/>
        <source>Misprinted barcode: the check digit of ({code}) {detail} is wrong — not counted; set the item aside for the supervisor</source>
        <translation>条码印错：({code}) {detail} 的校验位不对 — 未计数；请把商品放一边交给主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="312"/>
        <source>This GS1 barcode&apos;s data is not valid (a wrong date or a short field) — not counted; set the item aside for the supervisor</source>
        <translation>此 GS1 条码的数据无效（日期错误或字段过短）— 未计数；请把商品放一边交给主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="317"/>
        <source>STOP — order {order} is now {status}: do not pack it. Put the {quantity} item(s) scanned on the put-back shelf (待放回) and scan the next order</source>
        <translation>停！订单 {order} 现在{status}：不要打包。把已扫描的 {quantity} 件商品放到待放回货架，扫描下一个订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="322"/>
        <source>Order {order} changed in the office: {changes} — carry on, the label will show it</source>
        <translation>订单 {order} 已在后台修改：{changes} — 继续打包，面单会按新信息打印</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="325"/>
        <source>Order {order} — carry on</source>
        <translation>订单 {order} — 继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="326"/>
        <source>STOP — order {order}, packed here, was CANCELLED: take its parcel back before it leaves, void the label, put the goods back (put-back list)</source>
        <translation>停！本工位打包的订单 {order} 已取消：在包裹发出前取回，作废面单，商品放回（待放回清单）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="331"/>
        <source>Order {order}, packed here, now ships with {carrier}: a new label is printing — replace the label on the parcel; the old one is void</source>
        <translation>本工位打包的订单 {order} 改由{carrier}发货：正在打印新面单 — 请更换包裹上的面单，旧面单作废</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="336"/>
        <source>✓ Box {name} ({quantity} g) — it counts in the expected weight</source>
        <translation>✓ 包装 {name}（{quantity} 克）— 已计入预期重量</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="339"/>
        <source>Parcel {quantity} ({scanned} item(s)): close it and put it on the scale to seal it (expected {required} g)</source>
        <translation>第 {quantity} 包（{scanned} 件）：封箱后放上电子秤称重（应重 {required} 克）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="344"/>
        <source>✓ Parcel {quantity} sealed ({scanned} item(s), {actual} g) — set it aside, scan the items for the next parcel</source>
        <translation>✓ 第 {quantity} 包已封包（{scanned} 件，{actual} 克）— 放到一边，扫描下一包的商品</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="349"/>
        <source>Parcel {quantity} is empty — scan the items that go in it, then Ins</source>
        <translation>第 {quantity} 包还是空的 — 先扫描要装进去的商品，再按 Ins</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="352"/>
        <source>Every item left is in this parcel: it is the last one — put it on the scale</source>
        <translation>剩下的商品都在这一包里：这是最后一包 — 放上电子秤称重</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="355"/>
        <source>No waybill number here for a parcel {quantity} ({carrier}) — pack the rest in this parcel, or put the order on hold (F3) until the station is online</source>
        <translation>本工作站没有可用于第 {quantity} 包的运单号（{carrier}）— 请把剩余商品装在这一包，或挂起订单（F3）等联网后再拆包</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="360"/>
        <source>The station cannot read its database: {problem} — call the technician; nothing was changed</source>
        <translation>工作站无法读取数据库：{problem} — 请叫技术员；没有做任何更改</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="364"/>
        <source>Scan the serial number label of {name} — it counts once its serial is scanned</source>
        <translation>扫描序列号：{name} 的序列号标签扫描后才计入</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="367"/>
        <source>Scan the serial number label of {name} first — or F2 to take that item back</source>
        <translation>请先扫描 {name} 的序列号标签 — 或按 F2 撤回这件</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="370"/>
        <source>{name} needs its serial number: scan the code that carries it (the 2-D code) — not counted</source>
        <translation>{name} 需要序列号：扫描带序列号的条码（二维码）— 未计入</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="374"/>
        <source>{name} needs its lot and expiry date: scan the GS1 code on the item that carries them — not counted</source>
        <translation>{name} 需要批号和效期：扫描商品上带批号效期的 GS1 条码 — 未计入</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="379"/>
        <source>EXPIRED: {name} — not counted; put it in quarantine and take another one</source>
        <translation>已过期：{name} — 未计入；放入隔离区，换一件</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="382"/>
        <source>Shelf life too short: {scanned} days left, this order needs at least {required} — put {name} back and take another one</source>
        <translation>效期不足：剩 {scanned} 天，此订单要求 ≥ {required} 天 — 放回 {name}，换一件</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="387"/>
        <source>RECALLED lot: {name} ({detail}) — do not ship; put it in quarantine and take one of another lot</source>
        <translation>召回批次：{name}（{detail}）— 不得发货；放入隔离区，换其他批次</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="391"/>
        <source>Serial {detail} is already in this order — the same unit twice; scan another unit</source>
        <translation>序列号 {detail} 已在此订单中 — 同一件扫了两次；请扫描另一件</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="394"/>
        <source>This unit&apos;s serial already left with order {detail} — a copied label: set {name} aside for the supervisor</source>
        <translation>此序列号已随订单 {detail} 发出 — 疑似复制标签：把 {name} 交给主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="399"/>
        <source>An older lot ({detail}) of {name} is still in stock — take that one first; not counted</source>
        <translation>{name} 仍有更早批次（{detail}）库存 — 请先拿早批次；未计入</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="403"/>
        <source>✓ {name} {scanned}/{required} — an older lot ({detail}) is still in stock: take it first next time</source>
        <translation>✓ {name} {scanned}/{required} — 仍有更早批次（{detail}）库存：下次请先拿它</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="410"/>
        <source>Label checked: {detail} — {quantity} more parcel label(s) of order {order} to scan</source>
        <translation>面单已复核：{detail} — 订单 {order} 还有 {quantity} 个包裹的面单待扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="414"/>
        <source>Unreadable scan — scan again</source>
        <translation>条码无法识别 — 请重新扫描</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="416"/>
        <source>Order {order} in more than one parcel needs a supervisor: scan your badge (Esc cancels)</source>
        <translation>订单 {order} 拆成多包发货需要主管批准：请主管扫描工牌（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="421"/>
        <source>STOP — the items of order {order} were changed in the office: put the {quantity} item(s) scanned aside and scan the order again</source>
        <translation>停！订单 {order} 的商品已在后台修改：把已扫描的 {quantity} 件商品放到一边，重新扫描订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="452"/>
        <source>a new address</source>
        <translation>新的收货地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="453"/>
        <source>another carrier and waybill</source>
        <translation>更换了快递公司和运单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="461"/>
        <source>{quantity} × {name}</source>
        <translation>{quantity} × {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="468"/>
        <source>(+{count} more lines)</source>
        <translation>（另有 {count} 行）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="455"/>
        <location filename="../../app/ui/messages.py" line="469"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="496"/>
        <source>Order {order} was {status} meanwhile — NOT packed; set the parcel aside for the supervisor</source>
        <translation>订单 {order} 在此期间已{status} — 未打包；请将包裹交给主管</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="503"/>
        <source>Saving order {order} failed — set the parcel aside and call the technician</source>
        <translation>订单 {order} 保存失败 — 请将包裹放在一边并联系技术员</translation>
    </message>
</context>
<context>
    <name>WavePlanTab</name>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="208"/>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="209"/>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="210"/>
        <source>Ca&amp;rrier</source>
        <translation>快递(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="211"/>
        <source>Pro&amp;vince</source>
        <translation>省份(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="212"/>
        <source>Priority at &amp;least</source>
        <translation>优先级至少(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="213"/>
        <source>Ship-by &amp;within (h, 0: any)</source>
        <translation>承诺发货时间内（小时，0 不限）(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="214"/>
        <source>Items &amp;from</source>
        <translation>件数从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="215"/>
        <source>Items &amp;to (0: any)</source>
        <translation>件数到（0 不限）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="216"/>
        <source>S&amp;KU</source>
        <translation>SKU(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="225"/>
        <source>All open</source>
        <translation>全部未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="237"/>
        <source>(any)</source>
        <translation>（不限）</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="248"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="249"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="250"/>
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="251"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="252"/>
        <location filename="../../app/ui/wave_plan_tab.py" line="284"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="253"/>
        <source>Ship by</source>
        <translation>承诺发货</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="254"/>
        <location filename="../../app/ui/wave_plan_tab.py" line="282"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="260"/>
        <source>Strate&amp;gy</source>
        <translation>策略(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="261"/>
        <source>Orders per wave (cart &amp;slots)</source>
        <translation>每波订单数（车格口）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="262"/>
        <source>&amp;Items per wave</source>
        <translation>每波件数(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="263"/>
        <source>&amp;Volume per wave (cm³, 0: any)</source>
        <translation>每波体积（cm³，0 不限）(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="264"/>
        <source>&amp;Waves at most (0: any)</source>
        <translation>最多波次数（0 不限）(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="274"/>
        <source>Preview (Ctrl+P)</source>
        <translation>预览 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="275"/>
        <source>Release (Ctrl+R)</source>
        <translation>下发 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="276"/>
        <source>Save as planned (Ctrl+Shift+S)</source>
        <translation>保存为计划 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="279"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="280"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="281"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="283"/>
        <source>Volume (L)</source>
        <translation>体积（升）</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="285"/>
        <source>Walk (m)</source>
        <translation>行走（米）</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="333"/>
        <source>{count} of {total} orders match</source>
        <translation>{total} 单中 {count} 单符合</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="357"/>
        <source>Filter the orders, choose a strategy, then Preview (Ctrl+P)</source>
        <translation>筛选订单，选择策略，然后预览 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="378"/>
        <source>{waves} waves · {orders} orders · {items} items · walk {metres} m</source>
        <translation>{waves} 个波次 · {orders} 单 · {items} 件 · 行走 {metres} 米</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="382"/>
        <source> · {count} orders wait for the next round</source>
        <translation> · {count} 单留待下一轮</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="384"/>
        <source> · {count} orders do not fit this strategy</source>
        <translation> · {count} 单不适用此策略</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="391"/>
        <source>Nothing to release: preview a plan first (Ctrl+P)</source>
        <translation>没有可下发的内容：请先预览 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="396"/>
        <source>Release {waves} waves, {orders} orders ({items} items) to the pickers? Enter to release, Esc to go back</source>
        <translation>下发 {waves} 个波次、{orders} 个订单（{items} 件）给拣货员？Enter 确认下发，Esc 返回</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="401"/>
        <source>Save {waves} waves, {orders} orders ({items} items) as planned? Enter to save, Esc to go back</source>
        <translation>将 {waves} 个波次、{orders} 个订单（{items} 件）保存为计划？Enter 保存，Esc 返回</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="434"/>
        <source>Released {count} waves: {codes}</source>
        <translation>已下发 {count} 个波次：{codes}</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="436"/>
        <source>Saved {count} planned waves: {codes}</source>
        <translation>已保存 {count} 个计划波次：{codes}</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="439"/>
        <source> · {count} orders were taken meanwhile and left out</source>
        <translation> · {count} 单已被其他操作占用，未加入</translation>
    </message>
</context>
<context>
    <name>Waves</name>
    <message>
        <location filename="../../app/ui/messages.py" line="66"/>
        <source>Single-item orders by SKU</source>
        <translation>单品单件（按 SKU）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="67"/>
        <source>Multi-item orders by cart</source>
        <translation>多品订单（按拣货车）</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="68"/>
        <source>By carrier</source>
        <translation>按快递</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="69"/>
        <source>By zone</source>
        <translation>按库区</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="70"/>
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="77"/>
        <source>planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="78"/>
        <source>released</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="79"/>
        <source>picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="80"/>
        <source>picked</source>
        <translation>已拣完</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="81"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="88"/>
        <source>Short pick</source>
        <translation>拣货缺货</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="89"/>
        <source>Weight failed</source>
        <translation>称重异常</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="90"/>
        <source>On hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="91"/>
        <source>Sync conflict</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="92"/>
        <source>Put back</source>
        <translation>待放回</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="93"/>
        <source>Left at the dock</source>
        <translation>未随车交接</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="94"/>
        <source>Missed its truck</source>
        <translation>未赶上车次</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="110"/>
        <source>packed: take the parcel back</source>
        <translation>已打包：取回包裹</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="111"/>
        <source>stopped on a bench</source>
        <translation>在打包台上被拦截</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="114"/>
        <source>its items changed</source>
        <translation>商品已变更</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="120"/>
        <source>still at the dock: hand it to the next truck</source>
        <translation>仍在出库区：交给下一趟车</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="139"/>
        <source>Not in the bin</source>
        <translation>库位无货</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="140"/>
        <source>Damaged</source>
        <translation>商品破损</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="141"/>
        <source>Not enough in the bin</source>
        <translation>库位数量不足</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="142"/>
        <source>Wrong item in the bin</source>
        <translation>库位商品不符</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="143"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>WavesDeskView</name>
    <message>
        <location filename="../../app/ui/waves_view.py" line="158"/>
        <source>Supervisor desk</source>
        <translation>主管工作台</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_view.py" line="159"/>
        <source>Plan waves (Ctrl+1)</source>
        <translation>排波次 (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_view.py" line="160"/>
        <source>Waves (Ctrl+2)</source>
        <translation>波次 (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_view.py" line="161"/>
        <source>Exceptions (Ctrl+3)</source>
        <translation>异常 (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_view.py" line="162"/>
        <source>Returns (Ctrl+4)</source>
        <translation>退货（Ctrl+4）</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_view.py" line="163"/>
        <source>Board (Ctrl+5)</source>
        <translation>看板（Ctrl+5）</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_view.py" line="164"/>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
</context>
<context>
    <name>WavesTab</name>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="56"/>
        <source>Wave</source>
        <translation>波次</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="57"/>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="58"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="59"/>
        <source>Picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="60"/>
        <source>Station</source>
        <translation>打包台</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="61"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="62"/>
        <source>Picked</source>
        <translation>已拣</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="63"/>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="64"/>
        <source>Short</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="65"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="68"/>
        <source>Pic&amp;ker</source>
        <translation>拣货员(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="69"/>
        <source>Pack s&amp;tation</source>
        <translation>打包台(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="70"/>
        <source>Assign (Ctrl+A)</source>
        <translation>分配 (Ctrl+A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="71"/>
        <source>Release (Ctrl+E)</source>
        <translation>下发 (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="72"/>
        <source>Cancel wave (Ctrl+Del)</source>
        <translation>取消波次 (Ctrl+Del)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="73"/>
        <source>Pick list (Ctrl+L)</source>
        <translation>拣货单 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="74"/>
        <source>Show finished</source>
        <translation>显示已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="93"/>
        <source>Select a wave first (Up/Down)</source>
        <translation>请先选择波次（上/下键）</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="105"/>
        <source>Wave {code} released</source>
        <translation>波次 {code} 已下发</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="111"/>
        <source>Wave {code} assigned</source>
        <translation>波次 {code} 已分配</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="119"/>
        <source>Wave {code} cancelled: {count} orders back to plan again</source>
        <translation>波次 {code} 已取消：{count} 单退回待排</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="127"/>
        <source>Pick list of {code} sent to the printer</source>
        <translation>波次 {code} 的拣货单已发送到打印机</translation>
    </message>
</context>
</TS>
