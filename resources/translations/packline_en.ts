<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../app/ui/board_view.py" line="238"/>
        <source>The board could not be read — see the log</source>
        <translation>The board could not be read — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="247"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="248"/>
        <location filename="../../app/ui/board_view.py" line="480"/>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="249"/>
        <source>Orders/h</source>
        <translation>Orders/h</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="250"/>
        <source>Work/h (fair)</source>
        <translation>Work/h (fair)</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="251"/>
        <source>Units/h</source>
        <translation>Units/h</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="252"/>
        <source>Items/order</source>
        <translation>Items/order</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="253"/>
        <source>s/order</source>
        <translation>s/order</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="254"/>
        <source>s/item</source>
        <translation>s/item</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="255"/>
        <source>Wrong scans</source>
        <translation>Wrong scans</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="256"/>
        <source>Weight fails</source>
        <translation>Weight fails</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="257"/>
        <source>Overrides · holds</source>
        <translation>Overrides · holds</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="258"/>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="259"/>
        <source>This hour</source>
        <translation>This hour</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="263"/>
        <source>Packers, best fair throughput first</source>
        <translation>Packers, best fair throughput first</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="264"/>
        <source>Stations</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="265"/>
        <location filename="../../app/ui/board_view.py" line="354"/>
        <source>Stations&apos; sync and devices</source>
        <translation>Stations&apos; sync and devices</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="267"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="267"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="267"/>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="267"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="267"/>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="268"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="270"/>
        <location filename="../../app/ui/board_view.py" line="427"/>
        <source>Carrier pick-ups: what must go on the next truck</source>
        <translation>Carrier pick-ups: what must go on the next truck</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="272"/>
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="272"/>
        <source>Pick-up</source>
        <translation>Pick-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="272"/>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="272"/>
        <source>Must go</source>
        <translation>Must go</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="272"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="273"/>
        <source>Make it</source>
        <translation>Make it</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="273"/>
        <source>Miss it</source>
        <translation>Miss it</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="273"/>
        <source>At the dock</source>
        <translation>At the dock</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="273"/>
        <source>Went today</source>
        <translation>Went today</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="275"/>
        <source>Orders packed per hour, and mistakes per 100 units</source>
        <translation>Orders packed per hour, and mistakes per 100 units</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="276"/>
        <source>Customers by lifecycle stage</source>
        <translation>Customers by lifecycle stage</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="302"/>
        <source>Reading the board…</source>
        <translation>Reading the board…</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="307"/>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="307"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="310"/>
        <source>{period}: {orders} order(s), {units} unit(s) packed · {waves} wave(s) in progress · {time}</source>
        <translation>{period}: {orders} order(s), {units} unit(s) packed · {waves} wave(s) in progress · {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="320"/>
        <source>this station</source>
        <translation>this station</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="321"/>
        <source>every station</source>
        <translation>every station</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="322"/>
        <source>this station only: the server did not answer</source>
        <translation>this station only: the server did not answer</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="334"/>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="335"/>
        <source>within 2 h</source>
        <translation>within 2 h</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="336"/>
        <source>within 4 h</source>
        <translation>within 4 h</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="337"/>
        <source>within 24 h</source>
        <translation>within 24 h</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="338"/>
        <source>later</source>
        <translation>later</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="339"/>
        <source>no deadline</source>
        <translation>no deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="346"/>
        <source>No open orders</source>
        <translation>No open orders</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="347"/>
        <source>Open orders by ship-by deadline — {carriers}</source>
        <translation>Open orders by ship-by deadline — {carriers}</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="356"/>
        <source>Stations&apos; sync and devices: shown when there is a server</source>
        <translation>Stations&apos; sync and devices: shown when there is a server</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="363"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="366"/>
        <source>last synced {time}</source>
        <translation>last synced {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="368"/>
        <source>no server</source>
        <translation>no server</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="370"/>
        <source>server not answering</source>
        <translation>server not answering</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="372"/>
        <source>never synced</source>
        <translation>never synced</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="385"/>
        <source>not reported</source>
        <translation>not reported</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="388"/>
        <source>keyboard</source>
        <translation>keyboard</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="389"/>
        <source>typed in</source>
        <translation>typed in</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="389"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="391"/>
        <source>label</source>
        <translation>label</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="391"/>
        <source>insert</source>
        <translation>insert</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="391"/>
        <source>slip</source>
        <translation>slip</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="393"/>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="394"/>
        <source>connecting…</source>
        <translation>connecting…</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="395"/>
        <source>PROBLEM</source>
        <translation>PROBLEM</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="413"/>
        <source>as of {time}</source>
        <translation>as of {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="423"/>
        <source>Carrier pick-ups: none set (the office gives each carrier its pick-up times)</source>
        <translation>Carrier pick-ups: none set (the office gives each carrier its pick-up times)</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="434"/>
        <source>tomorrow</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="437"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="452"/>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="453"/>
        <source>growing</source>
        <translation>growing</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="454"/>
        <source>mature</source>
        <translation>mature</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="455"/>
        <source>at risk</source>
        <translation>at risk</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="456"/>
        <source>lost</source>
        <translation>lost</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="458"/>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="498"/>
        <source>Mistakes per 100 units</source>
        <translation>Mistakes per 100 units</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="520"/>
        <source>Nothing packed in this period yet</source>
        <translation>Nothing packed in this period yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/board_view.py" line="535"/>
        <location filename="../../app/ui/board_view.py" line="555"/>
        <source>Written: {path}</source>
        <translation>Written: {path}</translation>
    </message>
</context>
<context>
    <name>Carrier</name>
    <message>
        <location filename="../../app/ui/messages.py" line="525"/>
        <source>SF Express</source>
        <translation>SF Express</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="526"/>
        <source>ZTO Express</source>
        <translation>ZTO Express</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="527"/>
        <source>YTO Express</source>
        <translation>YTO Express</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="528"/>
        <source>Yunda Express</source>
        <translation>Yunda Express</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="529"/>
        <source>STO Express</source>
        <translation>STO Express</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="530"/>
        <source>JD Logistics</source>
        <translation>JD Logistics</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="531"/>
        <source>China Post EMS</source>
        <translation>China Post EMS</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="532"/>
        <source>J&amp;T Express</source>
        <translation>J&amp;T Express</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../app/ui/messages.py" line="510"/>
        <source>Taobao</source>
        <translation>Taobao</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="511"/>
        <source>Tmall</source>
        <translation>Tmall</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="512"/>
        <source>JD.com</source>
        <translation>JD.com</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="513"/>
        <source>Douyin</source>
        <translation>Douyin</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="514"/>
        <source>Pinduoduo</source>
        <translation>Pinduoduo</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="515"/>
        <source>Xiaohongshu</source>
        <translation>Xiaohongshu</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="516"/>
        <source>Kuaishou</source>
        <translation>Kuaishou</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="517"/>
        <source>WeChat shop</source>
        <translation>WeChat shop</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="518"/>
        <source>Own shop</source>
        <translation>Own shop</translation>
    </message>
</context>
<context>
    <name>ClipView</name>
    <message>
        <location filename="../../app/ui/clip_view.py" line="79"/>
        <source>Packing video</source>
        <translation>Packing video</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="80"/>
        <source>Scan a parcel&apos;s waybill (or an order number, phone, badge)</source>
        <translation>Scan a parcel&apos;s waybill (or an order number, phone, badge)</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="81"/>
        <source>Packed</source>
        <translation>Packed</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="81"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="81"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="81"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="83"/>
        <source>In the clip</source>
        <translation>In the clip</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="83"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="83"/>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="83"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="85"/>
        <source>Play / pause (Space)</source>
        <translation>Play / pause (Space)</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="86"/>
        <source>Export for a dispute (Ctrl+E)</source>
        <translation>Export for a dispute (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="87"/>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="115"/>
        <source>recorded</source>
        <translation>recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="116"/>
        <source>PARTIAL</source>
        <translation>PARTIAL</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="117"/>
        <source>NO VIDEO</source>
        <translation>NO VIDEO</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="118"/>
        <source>deleted (retention)</source>
        <translation>deleted (retention)</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="119"/>
        <source>CHANGED: the file does not match its recorded hash</source>
        <translation>CHANGED: the file does not match its recorded hash</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="121"/>
        <source>in the archive</source>
        <translation>in the archive</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="144"/>
        <source>No video to check</source>
        <translation>No video to check</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="147"/>
        <source>SHA-256 matches the record told to the server: the clip as recorded</source>
        <translation>SHA-256 matches the record told to the server: the clip as recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/clip_view.py" line="150"/>
        <source>SHA-256 does NOT match the record: the file changed after recording</source>
        <translation>SHA-256 does NOT match the record: the file changed after recording</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <location filename="../../app/ui/rules_view.py" line="136"/>
        <source>comma separated: a, b, c</source>
        <translation>comma separated: a, b, c</translation>
    </message>
</context>
<context>
    <name>Customer</name>
    <message>
        <location filename="../../app/ui/messages.py" line="555"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="556"/>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="557"/>
        <source>Gold</source>
        <translation>Gold</translation>
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
        <translation>new customer</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="567"/>
        <source>birthday month</source>
        <translation>birthday month</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="568"/>
        <source>churn risk</source>
        <translation>churn risk</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="569"/>
        <source>enterprise</source>
        <translation>enterprise</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="576"/>
        <source>simple packaging</source>
        <translation>simple packaging</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="578"/>
        <source>no price tags</source>
        <translation>no price tags</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="580"/>
        <source>prefers {carrier}</source>
        <translation>prefers {carrier}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="582"/>
        <source>deliver on Saturday</source>
        <translation>deliver on Saturday</translation>
    </message>
</context>
<context>
    <name>CustomerPreferencesView</name>
    <message>
        <location filename="../../app/ui/customer_view.py" line="107"/>
        <source>Customer preferences</source>
        <translation>Customer preferences</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="109"/>
        <source>&amp;Packaging</source>
        <translation>&amp;Packaging</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="110"/>
        <source>Price &amp;tags</source>
        <translation>Price &amp;tags</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="111"/>
        <source>Preferred &amp;carrier</source>
        <translation>Preferred &amp;carrier</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="112"/>
        <source>Ship &amp;days</source>
        <translation>Ship &amp;days</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="113"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="114"/>
        <source>Corrected &amp;address</source>
        <translation>Corrected &amp;address</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="120"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="121"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="122"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="123"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="124"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="125"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="126"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="130"/>
        <source>Used on labels instead of the order&apos;s address</source>
        <translation>Used on labels instead of the order&apos;s address</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="131"/>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="132"/>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="142"/>
        <location filename="../../app/ui/customer_view.py" line="148"/>
        <location filename="../../app/ui/customer_view.py" line="194"/>
        <source>(not said)</source>
        <translation>(not said)</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="143"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="144"/>
        <source>Simple packaging</source>
        <translation>Simple packaging</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="145"/>
        <source>Gift packaging</source>
        <translation>Gift packaging</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="149"/>
        <source>Remove price tags</source>
        <translation>Remove price tags</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="150"/>
        <source>Leave them</source>
        <translation>Leave them</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="173"/>
        <source>No customer for {code}: scan the order or its waybill</source>
        <translation>No customer for {code}: scan the order or its waybill</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="212"/>
        <source>Scan an order or its waybill to choose its customer</source>
        <translation>Scan an order or its waybill to choose its customer</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="218"/>
        <source>last shipped: %1 at %2</source>
        <translation>last shipped: %1 at %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/customer_view.py" line="257"/>
        <source>Nothing changed</source>
        <translation>Nothing changed</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <location filename="../../app/ui/messages.py" line="548"/>
        <source>{days} d overdue</source>
        <translation>{days} d overdue</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="550"/>
        <source>{hours} h overdue</source>
        <translation>{hours} h overdue</translation>
    </message>
</context>
<context>
    <name>DeskExceptionsTab</name>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="50"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="51"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="52"/>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="53"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="54"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="57"/>
        <source>&amp;Decision:</source>
        <translation>&amp;Decision:</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="58"/>
        <source>What was done — Enter records it for the selected row</source>
        <translation>What was done — Enter records it for the selected row</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="59"/>
        <source>Show decided</source>
        <translation>Show decided</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="93"/>
        <source>Select an exception first (Up/Down)</source>
        <translation>Select an exception first (Up/Down)</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="97"/>
        <source>Type what was done, then Enter</source>
        <translation>Type what was done, then Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="104"/>
        <source>Decision recorded for {order}: {decision}</source>
        <translation>Decision recorded for {order}: {decision}</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_exceptions_tab.py" line="111"/>
        <source>{order} was already decided at another desk — list refreshed</source>
        <translation>{order} was already decided at another desk — list refreshed</translation>
    </message>
</context>
<context>
    <name>DeskReturnsTab</name>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="28"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="29"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="30"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="31"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="32"/>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="33"/>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="34"/>
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="35"/>
        <source>Proposed</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="45"/>
        <source>No returns to export</source>
        <translation>No returns to export</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="49"/>
        <source>Written: {path}</source>
        <translation>Written: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="65"/>
        <source>{count} return(s) — by reason: {reasons}
by responsibility: {responsible}</source>
        <translation>{count} return(s) — by reason: {reasons}
by responsibility: {responsible}</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_returns_tab.py" line="81"/>
        <source>being checked in</source>
        <translation>being checked in</translation>
    </message>
</context>
<context>
    <name>DeskTab</name>
    <message>
        <location filename="../../app/ui/desk_tab.py" line="45"/>
        <source>Not done: {reason}</source>
        <translation>Not done: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/desk_tab.py" line="49"/>
        <source>That did not work — see the log; try again</source>
        <translation>That did not work — see the log; try again</translation>
    </message>
</context>
<context>
    <name>DockView</name>
    <message>
        <location filename="../../app/ui/dock_view.py" line="90"/>
        <source>Scan: a carrier&apos;s dock code · a bag label · each parcel&apos;s waybill · F4 the scale&apos;s weight (or grams + Enter) · F8 close the handover · Esc back</source>
        <translation>Scan: a carrier&apos;s dock code · a bag label · each parcel&apos;s waybill · F4 the scale&apos;s weight (or grams + Enter) · F8 close the handover · Esc back</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="94"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="94"/>
        <source>Waybill</source>
        <translation>Waybill</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="94"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="94"/>
        <source>Bag</source>
        <translation>Bag</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="106"/>
        <source>Scan your badge to start the handover</source>
        <translation>Scan your badge to start the handover</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="109"/>
        <source>The handover to {carrier} was open — carry on scanning its parcels</source>
        <translation>The handover to {carrier} was open — carry on scanning its parcels</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="115"/>
        <source>Scan the dock code of the carrier whose truck is loading</source>
        <translation>Scan the dock code of the carrier whose truck is loading</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="127"/>
        <source>Badge {badge} is not known — scan your badge</source>
        <translation>Badge {badge} is not known — scan your badge</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="153"/>
        <source>The handover is NOT saved: {problem} — call the technician; keep the parcels here</source>
        <translation>The handover is NOT saved: {problem} — call the technician; keep the parcels here</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="161"/>
        <source>Handover {manifest} closed: {count} parcels to {carrier} — the manifest is printing for the driver&apos;s signature</source>
        <translation>Handover {manifest} closed: {count} parcels to {carrier} — the manifest is printing for the driver&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="174"/>
        <source>A scan is NOT saved: {problem} — call the technician</source>
        <translation>A scan is NOT saved: {problem} — call the technician</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="203"/>
        <source>The scale has no steady weight — type the grams + Enter</source>
        <translation>The scale has no steady weight — type the grams + Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="229"/>
        <source>Scan the dock code of the carrier whose truck is loading first</source>
        <translation>Scan the dock code of the carrier whose truck is loading first</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="231"/>
        <source>{carrier}, pick-up {pickup}: {expected} parcels to hand over — scan each</source>
        <translation>{carrier}, pick-up {pickup}: {expected} parcels to hand over — scan each</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="233"/>
        <source>✓ {code} — {count} of {expected}</source>
        <translation>✓ {code} — {count} of {expected}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="235"/>
        <source>Put {code} on the scale (packed {weight} g) — F4, or the grams + Enter</source>
        <translation>Put {code} on the scale (packed {weight} g) — F4, or the grams + Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="238"/>
        <source>STOP — {code} weighs {dock} g, packed {weight} g: opened or mixed up? Do not hand it over, put it in the put-back area (待放回区)</source>
        <translation>STOP — {code} weighs {dock} g, packed {weight} g: opened or mixed up? Do not hand it over, put it in the put-back area (待放回区)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="241"/>
        <source>Bag {code}: the next parcels go in it ({count} in it so far)</source>
        <translation>Bag {code}: the next parcels go in it ({count} in it so far)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="243"/>
        <source>{code} is a {carrier} parcel — not for this truck; set it aside for {carrier}</source>
        <translation>{code} is a {carrier} parcel — not for this truck; set it aside for {carrier}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="246"/>
        <source>{code} was handed over already ({detail}) — a second label? Give it to the supervisor</source>
        <translation>{code} was handed over already ({detail}) — a second label? Give it to the supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="248"/>
        <source>{code} is scanned already — scan the next parcel</source>
        <translation>{code} is scanned already — scan the next parcel</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="250"/>
        <source>STOP — order {order} is not packed ({detail}): do not hand it over, put it in the put-back area (待放回区)</source>
        <translation>STOP — order {order} is not packed ({detail}): do not hand it over, put it in the put-back area (待放回区)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="254"/>
        <source>STOP — the label {code} was voided: do not hand it over, put it in the put-back area (待放回区)</source>
        <translation>STOP — the label {code} was voided: do not hand it over, put it in the put-back area (待放回区)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="258"/>
        <source>STOP — intercepted (拦截件): order {order} is {detail} — do not give it to the carrier, put it in the put-back area (待放回区)</source>
        <translation>STOP — intercepted (拦截件): order {order} is {detail} — do not give it to the carrier, put it in the put-back area (待放回区)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="262"/>
        <source>No parcel has the waybill {code} — check the label, give it to the supervisor</source>
        <translation>No parcel has the waybill {code} — check the label, give it to the supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="265"/>
        <source>{count} parcel(s) packed for {carrier} are NOT handed over (red, right) — find them, or the driver scans their badge / types name and ID + Enter to close without them; Esc: back</source>
        <translation>{count} parcel(s) packed for {carrier} are NOT handed over (red, right) — find them, or the driver scans their badge / types name and ID + Enter to close without them; Esc: back</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="269"/>
        <source>Driver: scan your badge, or type your name and ID + Enter (Esc goes back)</source>
        <translation>Driver: scan your badge, or type your name and ID + Enter (Esc goes back)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="271"/>
        <source>Closing the handover: {count} parcels — the manifest prints</source>
        <translation>Closing the handover: {count} parcels — the manifest prints</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="272"/>
        <source>Nothing scanned for {carrier} yet — nothing to close</source>
        <translation>Nothing scanned for {carrier} yet — nothing to close</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="273"/>
        <source>{dock} g is not a parcel weight — weigh again</source>
        <translation>{dock} g is not a parcel weight — weigh again</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="274"/>
        <source>Back — carry on scanning</source>
        <translation>Back — carry on scanning</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="275"/>
        <source>Not now — close the open handover (F8) first</source>
        <translation>Not now — close the open handover (F8) first</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="294"/>
        <source>Dock handover — {carrier}, pick-up {pickup}</source>
        <translation>Dock handover — {carrier}, pick-up {pickup}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="300"/>
        <source>Bag {bag}: {count} parcels</source>
        <translation>Bag {bag}: {count} parcels</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="302"/>
        <source>No bag: parcels go loose</source>
        <translation>No bag: parcels go loose</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="317"/>
        <source>{count} not handed over</source>
        <translation>{count} not handed over</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="319"/>
        <source>(+{count} more)</source>
        <translation>(+{count} more)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dock_view.py" line="329"/>
        <source>Put-back area (待放回区): {count}</source>
        <translation>Put-back area (待放回区): {count}</translation>
    </message>
</context>
<context>
    <name>HandheldView</name>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="227"/>
        <source>Short (F4)</source>
        <translation>Short (F4)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="228"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="229"/>
        <source>Back — keep picking (Esc)</source>
        <translation>Back — keep picking (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="232"/>
        <source>Scan, or type and press Enter</source>
        <translation>Scan, or type and press Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="233"/>
        <source>Put back (待放回) — F3</source>
        <translation>Put back (待放回) — F3</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="234"/>
        <source>Back to the waves (Esc)</source>
        <translation>Back to the waves (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="343"/>
        <location filename="../../app/ui/handheld_view.py" line="376"/>
        <source>Scan your badge</source>
        <translation>Scan your badge</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="345"/>
        <source>Scan a wave, or tap one</source>
        <translation>Scan a wave, or tap one</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="355"/>
        <source>{sku} has several lots in this bin — scan the code with the lot on each unit</source>
        <translation>{sku} has several lots in this bin — scan the code with the lot on each unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="361"/>
        <source>Why is it short? {count} of {wanted} found</source>
        <translation>Why is it short? {count} of {wanted} found</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="366"/>
        <source>Wave {wave} picked: {count} of {wanted} units, stops short: {short} — take the cart to packing; the supervisor has the shorts</source>
        <translation>Wave {wave} picked: {count} of {wanted} units, stops short: {short} — take the cart to packing; the supervisor has the shorts</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="370"/>
        <source>Wave {wave} picked: all {count} units — take the cart to packing</source>
        <translation>Wave {wave} picked: all {count} units — take the cart to packing</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="407"/>
        <source>{orders} orders · {picked}/{items} items</source>
        <translation>{orders} orders · {picked}/{items} items</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="466"/>
        <source>Reading the put-back list…</source>
        <translation>Reading the put-back list…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="481"/>
        <source>{count} item(s) to put back — go to the first bin</source>
        <translation>{count} item(s) to put back — go to the first bin</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="485"/>
        <source>Nothing to put back</source>
        <translation>Nothing to put back</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="486"/>
        <source>The put-back list could not be read — try again (F3)</source>
        <translation>The put-back list could not be read — try again (F3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="487"/>
        <source>Not recorded — the list is read again</source>
        <translation>Not recorded — the list is read again</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="488"/>
        <source>✓ Back: {name} ({returned}/{quantity})</source>
        <translation>✓ Back: {name} ({returned}/{quantity})</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="489"/>
        <source>✓ Everything of order {order} is back</source>
        <translation>✓ Everything of order {order} is back</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="490"/>
        <source>✓ Everything is back — nothing left to put back</source>
        <translation>✓ Everything is back — nothing left to put back</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="491"/>
        <source>Not on the put-back list — keep it aside for the supervisor</source>
        <translation>Not on the put-back list — keep it aside for the supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="506"/>
        <source>Put back (待放回)</source>
        <translation>Put back (待放回)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="515"/>
        <source>{name}
{sku} · order {order}</source>
        <translation>{name}
{sku} · order {order}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="519"/>
        <source>{returned} / {quantity} back</source>
        <translation>{returned} / {quantity} back</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="318"/>
        <source>Wave {wave} · stop {n} of {total}</source>
        <translation>Wave {wave} · stop {n} of {total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="322"/>
        <location filename="../../app/ui/handheld_view.py" line="513"/>
        <source>(no bin)</source>
        <translation>(no bin)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="332"/>
        <source>slot {slot} ×{qty}</source>
        <translation>slot {slot} ×{qty}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="334"/>
        <source>Into: {shares}</source>
        <translation>Into: {shares}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="328"/>
        <source>Put {qty} into slot {slot}</source>
        <translation>Put {qty} into slot {slot}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="359"/>
        <source>Put {qty} into slot {slot} — scan the slot label (or OK)</source>
        <translation>Put {qty} into slot {slot} — scan the slot label (or OK)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="349"/>
        <source>Go to {bin} and scan the bin</source>
        <translation>Go to {bin} and scan the bin</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="352"/>
        <source>Scan each item, or type how many and Enter</source>
        <translation>Scan each item, or type how many and Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="351"/>
        <source>Scan the item</source>
        <translation>Scan the item</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="375"/>
        <source>One moment…</source>
        <translation>One moment…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="377"/>
        <source>Unreadable scan — scan again</source>
        <translation>Unreadable scan — scan again</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="373"/>
        <source>Choose a reason first</source>
        <translation>Choose a reason first</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="344"/>
        <source>Badge {badge} is not known — scan your badge</source>
        <translation>Badge {badge} is not known — scan your badge</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="372"/>
        <source>Finish this stop first (OK or Short)</source>
        <translation>Finish this stop first (OK or Short)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="346"/>
        <source>Loading waves…</source>
        <translation>Loading waves…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="347"/>
        <source>No wave {code} — scan a wave from the list</source>
        <translation>No wave {code} — scan a wave from the list</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="348"/>
        <source>The wave could not be read — try again</source>
        <translation>The wave could not be read — try again</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="350"/>
        <source>Wrong bin {got} — go to {bin}</source>
        <translation>Wrong bin {got} — go to {bin}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="353"/>
        <source>Not this item — put it back; pick {sku}</source>
        <translation>Not this item — put it back; pick {sku}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="357"/>
        <source>That is one too many — put it back</source>
        <translation>That is one too many — put it back</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="358"/>
        <source>{count} of {wanted} — scan the next</source>
        <translation>{count} of {wanted} — scan the next</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="360"/>
        <source>Wrong slot — put it into slot {slot}</source>
        <translation>Wrong slot — put it into slot {slot}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="374"/>
        <source>Not recorded — try again (OK)</source>
        <translation>Not recorded — try again (OK)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="362"/>
        <source>Short pick recorded — put what you have: {qty} into slot {slot}</source>
        <translation>Short pick recorded — put what you have: {qty} into slot {slot}</translation>
    </message>
    <message>
        <location filename="../../app/ui/handheld_view.py" line="363"/>
        <source>Short pick recorded — the supervisor has it</source>
        <translation>Short pick recorded — the supervisor has it</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="248"/>
        <source>Packline — packing station</source>
        <translation>Packline — packing station</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="296"/>
        <source>Order {order} restored where it was left — carry on scanning</source>
        <translation>Order {order} restored where it was left — carry on scanning</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="360"/>
        <source>the camera did not answer — see the log</source>
        <translation>the camera did not answer — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="373"/>
        <source>Finish or put back the open order before checking returns in</source>
        <translation>Finish or put back the open order before checking returns in</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="381"/>
        <source>The returns desk could not read the database — see the log</source>
        <translation>The returns desk could not read the database — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="420"/>
        <source>Packing video is for supervisors: sign in with a supervisor&apos;s badge</source>
        <translation>Packing video is for supervisors: sign in with a supervisor&apos;s badge</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="434"/>
        <source>The lookup failed — see the log</source>
        <translation>The lookup failed — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="437"/>
        <source>No packing video found for {code}</source>
        <translation>No packing video found for {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="480"/>
        <source>No packing video found for {code} here; the server could not be asked</source>
        <translation>No packing video found for {code} here; the server could not be asked</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="487"/>
        <source>{station} recorded it on {when} (SHA-256 {sha}…)</source>
        <translation>{station} recorded it on {when} (SHA-256 {sha}…)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="494"/>
        <source>No packing video for {code} on this station: {places}. Look it up there.</source>
        <translation>No packing video for {code} on this station: {places}. Look it up there.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="520"/>
        <source>Exported: {mp4} and {pdf}</source>
        <translation>Exported: {mp4} and {pdf}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="523"/>
        <source>The export failed — see the log</source>
        <translation>The export failed — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="556"/>
        <source>Not saved: a supervisor must unlock these first (scan a supervisor badge)</source>
        <translation>Not saved: a supervisor must unlock these first (scan a supervisor badge)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="560"/>
        <source>Settings could not be saved — see the log</source>
        <translation>Settings could not be saved — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="664"/>
        <source>Order {order} is open on the bench — Esc puts it back, then close. Alt+F4 again closes anyway: the order is here again at the next start</source>
        <translation>Order {order} is open on the bench — Esc puts it back, then close. Alt+F4 again closes anyway: the order is here again at the next start</translation>
    </message>
</context>
<context>
    <name>OfficePages</name>
    <message>
        <location filename="../../app/ui/office_pages.py" line="96"/>
        <source>The customer could not be read — see the log</source>
        <translation>The customer could not be read — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="111"/>
        <location filename="../../app/ui/office_pages.py" line="167"/>
        <source>Not saved: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="116"/>
        <location filename="../../app/ui/office_pages.py" line="172"/>
        <source>Not saved — the database did not answer; try again (Ctrl+S)</source>
        <translation>Not saved — the database did not answer; try again (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="120"/>
        <source>Saved: {count} change(s), sent to the server with the next sync</source>
        <translation>Saved: {count} change(s), sent to the server with the next sync</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="139"/>
        <source>Only a supervisor can plan waves — ask one to sign in</source>
        <translation>Only a supervisor can plan waves — ask one to sign in</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="149"/>
        <source>Only a supervisor can change the customer rules — ask one to sign in</source>
        <translation>Only a supervisor can change the customer rules — ask one to sign in</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="155"/>
        <source>The rules could not be read — see the log</source>
        <translation>The rules could not be read — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="183"/>
        <source>The order could not be read — see the log</source>
        <translation>The order could not be read — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="185"/>
        <source>No order with number or waybill {code}</source>
        <translation>No order with number or waybill {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="202"/>
        <source>The exception list could not be read — see the log</source>
        <translation>The exception list could not be read — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="212"/>
        <source>Not saved — see the log; try again</source>
        <translation>Not saved — see the log; try again</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="215"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../app/ui/office_pages.py" line="215"/>
        <source>Already resolved elsewhere</source>
        <translation>Already resolved elsewhere</translation>
    </message>
</context>
<context>
    <name>PackingView</name>
    <message>
        <location filename="../../app/ui/packing_view.py" line="290"/>
        <source>Bin</source>
        <translation>Bin</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="290"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="290"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="290"/>
        <source>Scanned</source>
        <translation>Scanned</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="292"/>
        <source>Parcel weight</source>
        <translation>Parcel weight</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="293"/>
        <source>Last scans</source>
        <translation>Last scans</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="303"/>
        <source>F1 confirm · F2 undo · F3 hold · F4 weigh · F6 override · F7 release · F8 what is missing · Ins parcel · Esc put back · F9 settings · F12 sign out</source>
        <translation>F1 confirm · F2 undo · F3 hold · F4 weigh · F6 override · F7 release · F8 what is missing · Ins parcel · Esc put back · F9 settings · F12 sign out</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="379"/>
        <source>change from the office</source>
        <translation>change from the office</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="387"/>
        <source>No box recommended for this order — scan the box you use</source>
        <translation>No box recommended for this order — scan the box you use</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="399"/>
        <source>Checking the PIN…</source>
        <translation>Checking the PIN…</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="426"/>
        <source>Finish or put back the open order before signing out</source>
        <translation>Finish or put back the open order before signing out</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="444"/>
        <source>Take the parcel off the scale, then zero it (F10)</source>
        <translation>Take the parcel off the scale, then zero it (F10)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="458"/>
        <source>Printing of {orders} was cut off — check the printer: F5 print it again, Ctrl+F5 it came out fine</source>
        <translation>Printing of {orders} was cut off — check the printer: F5 print it again, Ctrl+F5 it came out fine</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="466"/>
        <source>Scale zeroed</source>
        <translation>Scale zeroed</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="469"/>
        <source>This scale cannot be zeroed from the station: press ZERO on the scale</source>
        <translation>This scale cannot be zeroed from the station: press ZERO on the scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="473"/>
        <source>No scale is connected: set one up in settings (F9)</source>
        <translation>No scale is connected: set one up in settings (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="537"/>
        <source>Saving {order}…</source>
        <translation>Saving {order}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="549"/>
        <source>Packed {order} — now scan the waybill label on the parcel to check it</source>
        <translation>Packed {order} — now scan the waybill label on the parcel to check it</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="562"/>
        <source>Single-item wave {wave}: scan the next item (Esc leaves the wave)</source>
        <translation>Single-item wave {wave}: scan the next item (Esc leaves the wave)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="569"/>
        <source>Scan the waybill label on the parcel of order {order} to check it</source>
        <translation>Scan the waybill label on the parcel of order {order} to check it</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="575"/>
        <source>Scan an order, waybill or tote to start</source>
        <translation>Scan an order, waybill or tote to start</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="638"/>
        <source>#{no}: {items} item(s), {grams} g</source>
        <translation>#{no}: {items} item(s), {grams} g</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="643"/>
        <source>Parcel {no} open: {items} item(s) in it</source>
        <translation>Parcel {no} open: {items} item(s) in it</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="647"/>
        <source>sealed: {parcels}</source>
        <translation>sealed: {parcels}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="716"/>
        <source>the waybill is for another carrier</source>
        <translation>the waybill is for another carrier</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="721"/>
        <source>let go by supervisor {name}</source>
        <translation>let go by supervisor {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="775"/>
        <source>{channel} · {carrier} {waybill} {code} · ship by {ship_by} · {province}{city}</source>
        <translation>{channel} · {carrier} {waybill} {code} · ship by {ship_by} · {province}{city}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="673"/>
        <source>why: {rule}</source>
        <translation>why: {rule}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="680"/>
        <source>{action} of rule {rule} not used: rule {winner} comes first</source>
        <translation>{action} of rule {rule} not used: rule {winner} comes first</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="618"/>
        <source>Box: {name} ({weight} g) — Ctrl+B: the next size</source>
        <translation>Box: {name} ({weight} g) — Ctrl+B: the next size</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="295"/>
        <source>F2 undo · F3 hold · F4 weigh again · F6 supervisor override · F7 release hold · F8 check · Ins new parcel · Esc put order back · F5 reprint label · Shift+F5 print history · Shift+F2 returns · Shift+F3 packing video (supervisor) · Shift+F7 waves (supervisor) · Shift+F8 rules (supervisor) · F9 settings · Shift+F9 customer preferences · F10 zero scale · F11 sync now · Shift+F11 sync exceptions · F12 sign out</source>
        <translation>F2 undo · F3 hold · F4 weigh again · F6 supervisor override · F7 release hold · F8 check · Ins new parcel · Esc put order back · F5 reprint label · Shift+F5 print history · Shift+F2 returns · Shift+F3 packing video (supervisor) · Shift+F7 waves (supervisor) · Shift+F8 rules (supervisor) · F9 settings · Shift+F9 customer preferences · F10 zero scale · F11 sync now · Shift+F11 sync exceptions · F12 sign out</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="625"/>
        <source>Box: {name} recommended — Ctrl+B takes it, or scan the box you use</source>
        <translation>Box: {name} recommended — Ctrl+B takes it, or scan the box you use</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="697"/>
        <source>Customer&apos;s instructions: {open} open</source>
        <translation>Customer&apos;s instructions: {open} open</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="699"/>
        <source>Customer&apos;s instructions: all done</source>
        <translation>Customer&apos;s instructions: all done</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="762"/>
        <source>No order open</source>
        <translation>No order open</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="799"/>
        <source>Buyer: {note}</source>
        <translation>Buyer: {note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="801"/>
        <source>Seller: {note}</source>
        <translation>Seller: {note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="877"/>
        <source>expected {expected} g ± {allowed} g</source>
        <translation>expected {expected} g ± {allowed} g</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="879"/>
        <source>Take the sealed parcel off the scale, then put this one on</source>
        <translation>Take the sealed parcel off the scale, then put this one on</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="892"/>
        <source>Waiting for a supervisor badge…  (Esc cancels)</source>
        <translation>Waiting for a supervisor badge…  (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="895"/>
        <source>{name}: type your PIN + Enter  (Esc cancels)</source>
        <translation>{name}: type your PIN + Enter  (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="907"/>
        <source>Supervisor PIN + Enter</source>
        <translation>Supervisor PIN + Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="910"/>
        <source>Put the parcel on the scale, or type its weight in grams + Enter</source>
        <translation>Put the parcel on the scale, or type its weight in grams + Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/packing_view.py" line="913"/>
        <source>Scan, or type an order no / barcode + Enter</source>
        <translation>Scan, or type an order no / barcode + Enter</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <location filename="../../app/ui/messages.py" line="598"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="599"/>
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="600"/>
        <source>Packaging</source>
        <translation>Packaging</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="601"/>
        <source>Ship date</source>
        <translation>Ship date</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="602"/>
        <source>Insert card</source>
        <translation>Insert card</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="603"/>
        <source>Free sample</source>
        <translation>Free sample</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="604"/>
        <source>Hide prices on the slip</source>
        <translation>Hide prices on the slip</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="605"/>
        <source>Remove price tags</source>
        <translation>Remove price tags</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="606"/>
        <source>Call the customer back</source>
        <translation>Call the customer back</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="608"/>
        <source>VAT invoice</source>
        <translation>VAT invoice</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="609"/>
        <source>Check personalisation</source>
        <translation>Check personalisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="610"/>
        <source>Instruction</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="611"/>
        <source>Minimum shelf life</source>
        <translation>Minimum shelf life</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="673"/>
        <source>Priority order (level {level})</source>
        <translation>Priority order (level {level})</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="677"/>
        <source>Ship with {carrier}</source>
        <translation>Ship with {carrier}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="682"/>
        <source>Simple packaging: no extra box, no filler</source>
        <translation>Simple packaging: no extra box, no filler</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="683"/>
        <source>Gift packaging: gift box and ribbon</source>
        <translation>Gift packaging: gift box and ribbon</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="684"/>
        <source>Standard packaging</source>
        <translation>Standard packaging</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="689"/>
        <source>VIP thank-you card</source>
        <translation>VIP thank-you card</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="690"/>
        <source>Birthday card</source>
        <translation>Birthday card</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="691"/>
        <source>Welcome card</source>
        <translation>Welcome card</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="692"/>
        <source>We-miss-you coupon card</source>
        <translation>We-miss-you coupon card</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="693"/>
        <source>After-sales care card (sorry, and a coupon)</source>
        <translation>After-sales care card (sorry, and a coupon)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="697"/>
        <source>Put in: {card}</source>
        <translation>Put in: {card}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="701"/>
        <source>Free sample {sku} × {quantity}</source>
        <translation>Free sample {sku} × {quantity}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="705"/>
        <source>No prices on the packing slip</source>
        <translation>No prices on the packing slip</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="707"/>
        <source>Remove every price tag</source>
        <translation>Remove every price tag</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="709"/>
        <source>Call-back: {note}</source>
        <translation>Call-back: {note}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="717"/>
        <source>Ship only on weekdays {days} (1 = Monday): keep the parcel back today</source>
        <translation>Ship only on weekdays {days} (1 = Monday): keep the parcel back today</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="720"/>
        <source>Do not ship before {date}: keep the parcel back</source>
        <translation>Do not ship before {date}: keep the parcel back</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="607"/>
        <location filename="../../app/ui/messages.py" line="724"/>
        <source>Split shipment allowed</source>
        <translation>Split shipment allowed</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="726"/>
        <source>Put the VAT invoice in</source>
        <translation>Put the VAT invoice in</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="731"/>
        <source>Personalised — check the item matches: {fields}</source>
        <translation>Personalised — check the item matches: {fields}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="737"/>
        <source>Every dated item needs at least {days} days before it expires</source>
        <translation>Every dated item needs at least {days} days before it expires</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="752"/>
        <source>next: {step} — {how}</source>
        <translation>next: {step} — {how}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="759"/>
        <source>Items done — {next} ({count} left)</source>
        <translation>Items done — {next} ({count} left)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="768"/>
        <source>✓ {done} — all instructions done: put the parcel on the scale</source>
        <translation>✓ {done} — all instructions done: put the parcel on the scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="771"/>
        <source>✓ {done} — {next}</source>
        <translation>✓ {done} — {next}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="777"/>
        <source>scan the barcode on the card</source>
        <translation>scan the barcode on the card</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="779"/>
        <source>scan the sample ({have}/{need})</source>
        <translation>scan the sample ({have}/{need})</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="783"/>
        <source>done? press F1 or scan #PL:CONFIRM</source>
        <translation>done? press F1 or scan #PL:CONFIRM</translation>
    </message>
</context>
<context>
    <name>PrintHistoryView</name>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="75"/>
        <source>Print history</source>
        <translation>Print history</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="76"/>
        <source>Scan or type an order number to find its labels</source>
        <translation>Scan or type an order number to find its labels</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="79"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="80"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="81"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="82"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="83"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="84"/>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="85"/>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="88"/>
        <source>Print again (Enter)</source>
        <translation>Print again (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="89"/>
        <source>Void + new label (Ctrl+Del)</source>
        <translation>Void + new label (Ctrl+Del)</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="90"/>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="119"/>
        <source> (reprint)</source>
        <translation> (reprint)</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="120"/>
        <source> (re-issued)</source>
        <translation> (re-issued)</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="122"/>
        <source>VOID</source>
        <translation>VOID</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="142"/>
        <source>Nothing to print: no job is selected</source>
        <translation>Nothing to print: no job is selected</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="149"/>
        <source>Select a shipping label to void</source>
        <translation>Select a shipping label to void</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="158"/>
        <source> — parcel {no}/{count}</source>
        <translation> — parcel {no}/{count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="169"/>
        <source>label printer</source>
        <translation>label printer</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="170"/>
        <source>card printer</source>
        <translation>card printer</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="171"/>
        <source>slip printer</source>
        <translation>slip printer</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="176"/>
        <source>shipping label</source>
        <translation>shipping label</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="177"/>
        <source>carton label</source>
        <translation>carton label</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="178"/>
        <source>insert card</source>
        <translation>insert card</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="179"/>
        <source>packing slip</source>
        <translation>packing slip</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="184"/>
        <source>VIP thank-you card</source>
        <translation>VIP thank-you card</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="185"/>
        <source>birthday card</source>
        <translation>birthday card</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="186"/>
        <source>welcome card</source>
        <translation>welcome card</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="191"/>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="192"/>
        <source>printing</source>
        <translation>printing</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="193"/>
        <source>printed</source>
        <translation>printed</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="194"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_history_view.py" line="195"/>
        <source>interrupted — check the printer</source>
        <translation>interrupted — check the printer</translation>
    </message>
</context>
<context>
    <name>PrintingPages</name>
    <message>
        <location filename="../../app/ui/print_pages.py" line="88"/>
        <source>Printing the interrupted job(s) again</source>
        <translation>Printing the interrupted job(s) again</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="92"/>
        <source>Nothing packed yet at this station to reprint</source>
        <translation>Nothing packed yet at this station to reprint</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="96"/>
        <source>Reprinting the label of {order}</source>
        <translation>Reprinting the label of {order}</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="110"/>
        <source>Marked as printed: nothing is printed again</source>
        <translation>Marked as printed: nothing is printed again</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="122"/>
        <source>The print history could not be read — see the log</source>
        <translation>The print history could not be read — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="130"/>
        <location filename="../../app/ui/print_pages.py" line="151"/>
        <location filename="../../app/ui/print_pages.py" line="179"/>
        <source>printing is not running</source>
        <translation>printing is not running</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="136"/>
        <source>That job could not be printed again — see the log</source>
        <translation>That job could not be printed again — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="138"/>
        <source>Sent to the printer again</source>
        <translation>Sent to the printer again</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="148"/>
        <source>Only a supervisor can void a label — ask one to sign in</source>
        <translation>Only a supervisor can void a label — ask one to sign in</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="157"/>
        <source>Not voided: {reason}</source>
        <translation>Not voided: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="160"/>
        <source>That label could not be voided — see the log</source>
        <translation>That label could not be voided — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="163"/>
        <source>Label of {order} voided, its waybill released; a new label is printing</source>
        <translation>Label of {order} voided, its waybill released; a new label is printing</translation>
    </message>
    <message>
        <location filename="../../app/ui/print_pages.py" line="192"/>
        <source>failed — see the log</source>
        <translation>failed — see the log</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../app/ui/messages.py" line="27"/>
        <source>Item damaged</source>
        <translation>Item damaged</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="28"/>
        <source>Item missing / out of stock</source>
        <translation>Item missing / out of stock</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="29"/>
        <source>Customer asked to wait</source>
        <translation>Customer asked to wait</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="30"/>
        <source>Address problem</source>
        <translation>Address problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="31"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="32"/>
        <source>Packaging heavier than usual</source>
        <translation>Packaging heavier than usual</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="33"/>
        <source>Catalogue weight is wrong</source>
        <translation>Catalogue weight is wrong</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="34"/>
        <source>Extra gift or insert in the parcel</source>
        <translation>Extra gift or insert in the parcel</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="35"/>
        <source>Scale fault</source>
        <translation>Scale fault</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="36"/>
        <source>Card could not be printed / none left</source>
        <translation>Card could not be printed / none left</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="37"/>
        <source>Sample out of stock</source>
        <translation>Sample out of stock</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="38"/>
        <source>Insert printer down</source>
        <translation>Insert printer down</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="39"/>
        <source>New waybill needed (another carrier)</source>
        <translation>New waybill needed (another carrier)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="40"/>
        <source>Waybill lacks the sort code: fetch it again</source>
        <translation>Waybill lacks the sort code: fetch it again</translation>
    </message>
</context>
<context>
    <name>Returns</name>
    <message>
        <location filename="../../app/ui/return_texts.py" line="13"/>
        <source>Quality problem</source>
        <translation>Quality problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="14"/>
        <source>Wrong size</source>
        <translation>Wrong size</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="15"/>
        <source>Not as described</source>
        <translation>Not as described</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="16"/>
        <source>Damaged in transit</source>
        <translation>Damaged in transit</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="17"/>
        <source>Wrong item sent</source>
        <translation>Wrong item sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="18"/>
        <source>Missing parts</source>
        <translation>Missing parts</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="19"/>
        <source>Changed mind (7 days)</source>
        <translation>Changed mind (7 days)</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="20"/>
        <source>Delivery too late</source>
        <translation>Delivery too late</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="21"/>
        <source>Ordered twice</source>
        <translation>Ordered twice</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="22"/>
        <source>Expired or near expiry</source>
        <translation>Expired or near expiry</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="23"/>
        <source>Unsuitable (allergy, does not fit the use)</source>
        <translation>Unsuitable (allergy, does not fit the use)</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="24"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="30"/>
        <source>Resellable as new</source>
        <translation>Resellable as new</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="31"/>
        <source>Needs repacking</source>
        <translation>Needs repacking</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="32"/>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="33"/>
        <source>Scrap</source>
        <translation>Scrap</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="39"/>
        <source>back to its bin</source>
        <translation>back to its bin</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="40"/>
        <source>to the repack bench</source>
        <translation>to the repack bench</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="41"/>
        <source>to quarantine</source>
        <translation>to quarantine</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="42"/>
        <source>scrap</source>
        <translation>scrap</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="48"/>
        <source>Warehouse (pick or pack error)</source>
        <translation>Warehouse (pick or pack error)</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="49"/>
        <source>Carrier (transit)</source>
        <translation>Carrier (transit)</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="50"/>
        <source>Product (quality, description)</source>
        <translation>Product (quality, description)</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="51"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="59"/>
        <source>Weighed {actual} g at packing, expected {expected} ± {allowed} g: within tolerance</source>
        <translation>Weighed {actual} g at packing, expected {expected} ± {allowed} g: within tolerance</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="64"/>
        <source>Weighed {actual} g at packing, expected {expected} g: let through by a supervisor ({reason})</source>
        <translation>Weighed {actual} g at packing, expected {expected} g: let through by a supervisor ({reason})</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="70"/>
        <source>Weighed {actual} g at packing, expected {expected} g</source>
        <translation>Weighed {actual} g at packing, expected {expected} g</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="74"/>
        <source>Every unit was verified by scan at packing ({packer})</source>
        <translation>Every unit was verified by scan at packing ({packer})</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="78"/>
        <source>Not every unit was verified by scan at packing</source>
        <translation>Not every unit was verified by scan at packing</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="80"/>
        <source>Instructions were let go at packing by a supervisor ({reason})</source>
        <translation>Instructions were let go at packing by a supervisor ({reason})</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="84"/>
        <source>{sku} came back but was not in the order</source>
        <translation>{sku} came back but was not in the order</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="88"/>
        <source>{sku} came back as {returned}, but the order shipped {shipped}: not the unit sent</source>
        <translation>{sku} came back as {returned}, but the order shipped {shipped}: not the unit sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="92"/>
        <source>The return weighs {actual} g, its units should weigh {units} g: something is missing</source>
        <translation>The return weighs {actual} g, its units should weigh {units} g: something is missing</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="97"/>
        <source>Reason given: damage or delay in transit ({carrier})</source>
        <translation>Reason given: damage or delay in transit ({carrier})</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="101"/>
        <source>Reason given: a wrong or missing item</source>
        <translation>Reason given: a wrong or missing item</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="103"/>
        <source>Reason given: the product itself</source>
        <translation>Reason given: the product itself</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="105"/>
        <source>Reason given: the customer&apos;s choice</source>
        <translation>Reason given: the customer&apos;s choice</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="114"/>
        <source>Return of order {order} — scan each unit that came back</source>
        <translation>Return of order {order} — scan each unit that came back</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="118"/>
        <source>Nothing found for {code} — scan the waybill, the order number, the phone or the RMA code</source>
        <translation>Nothing found for {code} — scan the waybill, the order number, the phone or the RMA code</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="123"/>
        <source>Order {order} was never packed — nothing to check against; give it to the supervisor</source>
        <translation>Order {order} was never packed — nothing to check against; give it to the supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="128"/>
        <source>{sku}: why did it come back? Type the reason&apos;s number + Enter</source>
        <translation>{sku}: why did it come back? Type the reason&apos;s number + Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="132"/>
        <source>{sku} is NOT in this order (or one more than was sent) — keep it apart: its label says quarantine</source>
        <translation>{sku} is NOT in this order (or one more than was sent) — keep it apart: its label says quarantine</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="138"/>
        <source>{sku} was shipped by serial number — scan the serial label of this unit</source>
        <translation>{sku} was shipped by serial number — scan the serial label of this unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="142"/>
        <source>NOT the unit shipped: {code} did not leave with this order — keep it apart in quarantine; the records say: customer</source>
        <translation>NOT the unit shipped: {code} did not leave with this order — keep it apart in quarantine; the records say: customer</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="148"/>
        <source>Unknown barcode {code} — set the unit aside for the supervisor</source>
        <translation>Unknown barcode {code} — set the unit aside for the supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="152"/>
        <source>Reason: {reason} — its state? Type the grade&apos;s number + Enter</source>
        <translation>Reason: {reason} — its state? Type the grade&apos;s number + Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="156"/>
        <source>✓ Label printing — the unit goes {where}; scan the next</source>
        <translation>✓ Label printing — the unit goes {where}; scan the next</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="160"/>
        <source>Return parcel: {grams} g</source>
        <translation>Return parcel: {grams} g</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="162"/>
        <source>{choice} is not one of the numbers shown — type one + Enter</source>
        <translation>{choice} is not one of the numbers shown — type one + Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="166"/>
        <source>The records say: {who} — Enter confirms, or type 1–4 for another</source>
        <translation>The records say: {who} — Enter confirms, or type 1–4 for another</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="170"/>
        <source>Return received ({who}) — the service ticket and refund go to the server; scan the next return</source>
        <translation>Return received ({who}) — the service ticket and refund go to the server; scan the next return</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="176"/>
        <source>Scan the units that came back first</source>
        <translation>Scan the units that came back first</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="178"/>
        <source>Taken back out — scan the next unit</source>
        <translation>Taken back out — scan the next unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="180"/>
        <source>Nothing to undo</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="182"/>
        <source>Cancelled — scan a return&apos;s waybill, order number, phone or RMA code</source>
        <translation>Cancelled — scan a return&apos;s waybill, order number, phone or RMA code</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="186"/>
        <source>This return has units in it — F8 finishes it</source>
        <translation>This return has units in it — F8 finishes it</translation>
    </message>
    <message>
        <location filename="../../app/ui/return_texts.py" line="187"/>
        <source>Not possible now</source>
        <translation>Not possible now</translation>
    </message>
</context>
<context>
    <name>ReturnsView</name>
    <message>
        <location filename="../../app/ui/returns_view.py" line="116"/>
        <source>Returns — check a return parcel in</source>
        <translation>Returns — check a return parcel in</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="119"/>
        <source>number + Enter: choose · grams + Enter: the parcel&apos;s weight · F4 take the scale&apos;s weight · F3 the packing video · F2 take the last unit out · F8 finish / confirm · Esc back</source>
        <translation>number + Enter: choose · grams + Enter: the parcel&apos;s weight · F4 take the scale&apos;s weight · F3 the packing video · F2 take the last unit out · F8 finish / confirm · Esc back</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="139"/>
        <location filename="../../app/ui/returns_view.py" line="298"/>
        <source>Scan the return&apos;s waybill, order number, customer phone or RMA code</source>
        <translation>Scan the return&apos;s waybill, order number, customer phone or RMA code</translation>
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
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="124"/>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="124"/>
        <source>Goes to</source>
        <translation>Goes to</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="145"/>
        <source>The return of order {order} was open — carry on where it was left</source>
        <translation>The return of order {order} was open — carry on where it was left</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="155"/>
        <source>The return of order {order} is NOT saved — call the technician; keep its units together</source>
        <translation>The return of order {order} is NOT saved — call the technician; keep its units together</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="191"/>
        <source>No packing video of this order on this station</source>
        <translation>No packing video of this order on this station</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="196"/>
        <source>The scale has no steady weight — type the grams + Enter</source>
        <translation>The scale has no steady weight — type the grams + Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="240"/>
        <source>Packed by {packer} at {station}, {when}</source>
        <translation>Packed by {packer} at {station}, {when}</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="248"/>
        <source>Not packed</source>
        <translation>Not packed</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="251"/>
        <source>Weighed {actual} g, expected {expected} ± {allowed} g</source>
        <translation>Weighed {actual} g, expected {expected} ± {allowed} g</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="255"/>
        <source>No weight recorded</source>
        <translation>No weight recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="264"/>
        <source>Rules carried out: {rules}</source>
        <translation>Rules carried out: {rules}</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="269"/>
        <source>Return parcel: {grams} g</source>
        <translation>Return parcel: {grams} g</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="284"/>
        <source>NOT THE UNIT SHIPPED</source>
        <translation>NOT THE UNIT SHIPPED</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="286"/>
        <source>NOT IN ORDER</source>
        <translation>NOT IN ORDER</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="299"/>
        <source>Scan each unit that came back · grams + Enter · F8 when all are in</source>
        <translation>Scan each unit that came back · grams + Enter · F8 when all are in</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="300"/>
        <source>Scan the unit&apos;s serial number label (Esc: take the unit back)</source>
        <translation>Scan the unit&apos;s serial number label (Esc: take the unit back)</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="301"/>
        <source>The reason&apos;s number + Enter</source>
        <translation>The reason&apos;s number + Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="302"/>
        <source>The grade&apos;s number + Enter</source>
        <translation>The grade&apos;s number + Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="303"/>
        <source>Enter confirms the proposal · a number picks another</source>
        <translation>Enter confirms the proposal · a number picks another</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="315"/>
        <source>Packing video: at {station}, recorded {when} (SHA-256 {sha}…) — Shift+F3 there</source>
        <translation>Packing video: at {station}, recorded {when} (SHA-256 {sha}…) — Shift+F3 there</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="323"/>
        <source>Packing video: none on this station</source>
        <translation>Packing video: none on this station</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="326"/>
        <source>recorded</source>
        <translation>recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="326"/>
        <source>partly recorded</source>
        <translation>partly recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="327"/>
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="327"/>
        <source>deleted (retention)</source>
        <translation>deleted (retention)</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="328"/>
        <source>changed since it was recorded</source>
        <translation>changed since it was recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="334"/>
        <source>Packing video: {status}, {minutes}:{seconds:02d}, {moments} scans — F3 plays it</source>
        <translation>Packing video: {status}, {minutes}:{seconds:02d}, {moments} scans — F3 plays it</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="346"/>
        <source>Reason (number + Enter):</source>
        <translation>Reason (number + Enter):</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="349"/>
        <source>Grade (number + Enter):</source>
        <translation>Grade (number + Enter):</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="356"/>
        <source>Responsible (Enter: the proposal, or a number):</source>
        <translation>Responsible (Enter: the proposal, or a number):</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns_view.py" line="365"/>
        <source>Proposed: {who}</source>
        <translation>Proposed: {who}</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../../app/ui/messages.py" line="619"/>
        <source>Customer tier</source>
        <translation>Customer tier</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="620"/>
        <source>Customer tags</source>
        <translation>Customer tags</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="621"/>
        <source>First order</source>
        <translation>First order</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="622"/>
        <source>Birthday month</source>
        <translation>Birthday month</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="623"/>
        <source>Days since last order</source>
        <translation>Days since last order</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="624"/>
        <source>Returns received</source>
        <translation>Returns received</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="625"/>
        <source>Return rate (%)</source>
        <translation>Return rate (%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="626"/>
        <source>Days since the last return</source>
        <translation>Days since the last return</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="627"/>
        <source>Reason of the last return</source>
        <translation>Reason of the last return</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="628"/>
        <source>Lifetime value (fen)</source>
        <translation>Lifetime value (fen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="629"/>
        <source>Preferred packaging</source>
        <translation>Preferred packaging</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="630"/>
        <source>Asked for no price tags</source>
        <translation>Asked for no price tags</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="631"/>
        <source>Preferred carrier</source>
        <translation>Preferred carrier</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="632"/>
        <source>Ship days</source>
        <translation>Ship days</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="633"/>
        <source>Customer note</source>
        <translation>Customer note</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="634"/>
        <source>Order channel</source>
        <translation>Order channel</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="635"/>
        <source>Order carrier</source>
        <translation>Order carrier</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="636"/>
        <source>Order amount (fen)</source>
        <translation>Order amount (fen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="637"/>
        <source>Item count</source>
        <translation>Item count</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="638"/>
        <source>Order notes</source>
        <translation>Order notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="639"/>
        <source>Custom fields</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="640"/>
        <source>Hours to ship-by</source>
        <translation>Hours to ship-by</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="641"/>
        <source>Item SKUs</source>
        <translation>Item SKUs</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="642"/>
        <source>Item categories</source>
        <translation>Item categories</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="649"/>
        <source>is</source>
        <translation>is</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="650"/>
        <source>is not</source>
        <translation>is not</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="651"/>
        <source>is one of</source>
        <translation>is one of</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="652"/>
        <source>is none of</source>
        <translation>is none of</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="653"/>
        <source>contains</source>
        <translation>contains</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="654"/>
        <source>contains any of</source>
        <translation>contains any of</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="655"/>
        <source>does not contain</source>
        <translation>does not contain</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="656"/>
        <source>at least</source>
        <translation>at least</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="657"/>
        <source>at most</source>
        <translation>at most</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="658"/>
        <source>more than</source>
        <translation>more than</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="659"/>
        <source>less than</source>
        <translation>less than</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="660"/>
        <source>is yes</source>
        <translation>is yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="661"/>
        <source>is no</source>
        <translation>is no</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="662"/>
        <source>is set</source>
        <translation>is set</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="663"/>
        <source>is not set</source>
        <translation>is not set</translation>
    </message>
</context>
<context>
    <name>RulesEditorView</name>
    <message>
        <location filename="../../app/ui/rules_view.py" line="327"/>
        <source>Customer rules</source>
        <translation>Customer rules</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="328"/>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="328"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="328"/>
        <source>What it does</source>
        <translation>What it does</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="331"/>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="331"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="331"/>
        <source>&amp;Enabled</source>
        <translation>&amp;Enabled</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="331"/>
        <source>&amp;Stop after this rule</source>
        <translation>&amp;Stop after this rule</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="335"/>
        <source>When all of these hold</source>
        <translation>When all of these hold</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="336"/>
        <source>Do this</source>
        <translation>Do this</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="337"/>
        <source>+ Condition</source>
        <translation>+ Condition</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="338"/>
        <source>+ Action</source>
        <translation>+ Action</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="339"/>
        <source>&amp;Test with order:</source>
        <translation>&amp;Test with order:</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="340"/>
        <source>Scan or type an order or waybill number, then Enter</source>
        <translation>Scan or type an order or waybill number, then Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="341"/>
        <source>Save and send (Ctrl+S)</source>
        <translation>Save and send (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="342"/>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="343"/>
        <source>New rule (Ctrl+N)</source>
        <translation>New rule (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="372"/>
        <source>{count} rules, from the server</source>
        <translation>{count} rules, from the server</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="374"/>
        <source>{count} rules, the shipped defaults (saving sends them to the server)</source>
        <translation>{count} rules, the shipped defaults (saving sends them to the server)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="380"/>
        <source> · not saved</source>
        <translation> · not saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="393"/>
        <source>every order</source>
        <translation>every order</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="424"/>
        <source>the code {code} is used by rule {row} too</source>
        <translation>the code {code} is used by rule {row} too</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="562"/>
        <source>⚠ Not usable yet: {reason}</source>
        <translation>⚠ Not usable yet: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="565"/>
        <source>✔ This rule is valid</source>
        <translation>✔ This rule is valid</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="579"/>
        <source>Not saved: rule {row} is broken — {reason}</source>
        <translation>Not saved: rule {row} is broken — {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="592"/>
        <source>Saved: {count} change(s), sent to the server with the next sync</source>
        <translation>Saved: {count} change(s), sent to the server with the next sync</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="603"/>
        <source>Scan or type an order number to try the rules on it</source>
        <translation>Scan or type an order number to try the rules on it</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="609"/>
        <source>Order {order}: {fired} of {total} rules fire</source>
        <translation>Order {order}: {fired} of {total} rules fire</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="615"/>
        <source>• {what} — because of rule {rule}</source>
        <translation>• {what} — because of rule {rule}</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="621"/>
        <source>  (overridden: {action} of {rule}; {winner} comes first)</source>
        <translation>  (overridden: {action} of {rule}; {winner} comes first)</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="626"/>
        <source>No instructions: a plain pack</source>
        <translation>No instructions: a plain pack</translation>
    </message>
    <message>
        <location filename="../../app/ui/rules_view.py" line="628"/>
        <source>⚠ left out: {reason}</source>
        <translation>⚠ left out: {reason}</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <location filename="../../app/ui/messages.py" line="588"/>
        <source>OVERLOAD</source>
        <translation>OVERLOAD</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="589"/>
        <source>below zero — zero the scale</source>
        <translation>below zero — zero the scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="590"/>
        <source>scale error</source>
        <translation>scale error</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="591"/>
        <source>no weight</source>
        <translation>no weight</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../app/ui/settings_view.py" line="212"/>
        <source>Station settings</source>
        <translation>Station settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="214"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="264"/>
        <source>Station name</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="218"/>
        <source>Packaging weight</source>
        <translation>Packaging weight</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="219"/>
        <source>Weight tolerance</source>
        <translation>Weight tolerance</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="220"/>
        <source>Weight tolerance (relative)</source>
        <translation>Weight tolerance (relative)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="214"/>
        <source>Sounds</source>
        <translation>Sounds</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="228"/>
        <source>Scanner: minimum code length</source>
        <translation>Scanner: minimum code length</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="229"/>
        <source>Scanner: max. gap between keys</source>
        <translation>Scanner: max. gap between keys</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="230"/>
        <source>Scanner: prefix it sends (keyboard mode)</source>
        <translation>Scanner: prefix it sends (keyboard mode)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="231"/>
        <source>Scanner: suffix it sends (besides Enter / Tab)</source>
        <translation>Scanner: suffix it sends (besides Enter / Tab)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="232"/>
        <source>Serial scanner port (empty: keyboard mode)</source>
        <translation>Serial scanner port (empty: keyboard mode)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="233"/>
        <source>Scale port (empty: type weights)</source>
        <translation>Scale port (empty: type weights)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="234"/>
        <source>Scale protocol</source>
        <translation>Scale protocol</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="235"/>
        <source>Scale baud rate (— : protocol default)</source>
        <translation>Scale baud rate (— : protocol default)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="236"/>
        <source>Scale now</source>
        <translation>Scale now</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="281"/>
        <source>/dev/ttyUSB0, COM3 or vid:pid[:serial]</source>
        <translation>/dev/ttyUSB0, COM3 or vid:pid[:serial]</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="282"/>
        <source>/dev/ttyUSB1, COM4 or vid:pid[:serial]</source>
        <translation>/dev/ttyUSB1, COM4 or vid:pid[:serial]</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="284"/>
        <source>Play sounds</source>
        <translation>Play sounds</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="247"/>
        <source>Label printer</source>
        <translation>Label printer</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="248"/>
        <source>Label format</source>
        <translation>Label format</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="249"/>
        <source>Label size</source>
        <translation>Label size</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="250"/>
        <source>Printer resolution</source>
        <translation>Printer resolution</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="251"/>
        <source>Chinese text on thermal printers</source>
        <translation>Chinese text on thermal printers</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="252"/>
        <source>Insert card printer (empty: saved as PDF)</source>
        <translation>Insert card printer (empty: saved as PDF)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="253"/>
        <source>Packing slip printer</source>
        <translation>Packing slip printer</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="254"/>
        <source>Inserts</source>
        <translation>Inserts</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="255"/>
        <source>Packing slips</source>
        <translation>Packing slips</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="267"/>
        <source>Sender name</source>
        <translation>Sender name</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="268"/>
        <source>Sender phone</source>
        <translation>Sender phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="269"/>
        <source>Sender address</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="270"/>
        <source>Bin location pattern (pick paths)</source>
        <translation>Bin location pattern (pick paths)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="271"/>
        <source>Waybill numbers kept per carrier (split shipments; 0: none)</source>
        <translation>Waybill numbers kept per carrier (split shipments; 0: none)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="272"/>
        <source>Return reasons offered (codes, comma-separated; empty: the twelve defaults)</source>
        <translation>Return reasons offered (codes, comma-separated; empty: the twelve defaults)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="258"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="214"/>
        <source>My view (Ctrl+1)</source>
        <translation>My view (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="216"/>
        <source>Weighing (Ctrl+2)</source>
        <translation>Weighing (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="221"/>
        <source>An older lot still in stock (first expired, first out)</source>
        <translation>An older lot still in stock (first expired, first out)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="222"/>
        <source>Dock</source>
        <translation>Dock</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="226"/>
        <source>Scanner and scale (Ctrl+3)</source>
        <translation>Scanner and scale (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="237"/>
        <source>Bench camera (RTSP; empty: none; applies at the next start)</source>
        <translation>Bench camera (RTSP; empty: none; applies at the next start)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="238"/>
        <source>Camera test</source>
        <translation>Camera test</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="239"/>
        <source>Packing video kept (days; 0: for ever)</source>
        <translation>Packing video kept (days; 0: for ever)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="240"/>
        <source>Packing video may take at most (0: no limit)</source>
        <translation>Packing video may take at most (0: no limit)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="241"/>
        <source>Archive folder (a mounted NAS share; set: only archived video is deleted)</source>
        <translation>Archive folder (a mounted NAS share; set: only archived video is deleted)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="245"/>
        <source>Printers (Ctrl+4)</source>
        <translation>Printers (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="256"/>
        <source>Label check (贴单复核)</source>
        <translation>Label check (贴单复核)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="257"/>
        <source>Platform print components (their waybills print only there)</source>
        <translation>Platform print components (their waybills print only there)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="262"/>
        <source>Station (Ctrl+5)</source>
        <translation>Station (Ctrl+5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="265"/>
        <source>Supervisors</source>
        <translation>Supervisors</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="266"/>
        <source>Packers</source>
        <translation>Packers</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="285"/>
        <source>Weigh every parcel at the dock against its packed weight</source>
        <translation>Weigh every parcel at the dock against its packed weight</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="286"/>
        <source>give their PIN to sign in and for every supervisor action</source>
        <translation>give their PIN to sign in and for every supervisor action</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="287"/>
        <source>give their PIN to sign in</source>
        <translation>give their PIN to sign in</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="289"/>
        <source>cups:QUEUE, qt:PRINTER, tcp://192.168.1.50:9100 or folder:/path — empty: saved as PDF</source>
        <translation>cups:QUEUE, qt:PRINTER, tcp://192.168.1.50:9100 or folder:/path — empty: saved as PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="294"/>
        <source>empty: each platform&apos;s own component here; or cainiao:, pdd://HOST:5000/PRINTER, …</source>
        <translation>empty: each platform&apos;s own component here; or cainiao:, pdd://HOST:5000/PRINTER, …</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="298"/>
        <source>empty: A-03-07-2 (zone-aisle-bay-level); or a regex with (?P&lt;zone&gt;…)(?P&lt;aisle&gt;…)(?P&lt;bay&gt;…)</source>
        <translation>empty: A-03-07-2 (zone-aisle-bay-level); or a regex with (?P&lt;zone&gt;…)(?P&lt;aisle&gt;…)(?P&lt;bay&gt;…)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="303"/>
        <source>not checked</source>
        <translation>not checked</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="304"/>
        <source>warns, the unit counts</source>
        <translation>warns, the unit counts</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="305"/>
        <source>refuses the newer unit</source>
        <translation>refuses the newer unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="309"/>
        <source>as pictures (any printer)</source>
        <translation>as pictures (any printer)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="310"/>
        <source>printer&apos;s own Chinese font</source>
        <translation>printer&apos;s own Chinese font</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="312"/>
        <source>Print the cards a customer is due (VIP, birthday, welcome)</source>
        <translation>Print the cards a customer is due (VIP, birthday, welcome)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="313"/>
        <source>Print a packing slip for every parcel</source>
        <translation>Print a packing slip for every parcel</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="314"/>
        <source>Check the label on the parcel: scan its waybill after it prints</source>
        <translation>Check the label on the parcel: scan its waybill after it prints</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="315"/>
        <source>Print a test label</source>
        <translation>Print a test label</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="316"/>
        <source>Zero the scale</source>
        <translation>Zero the scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="317"/>
        <source>Find the scale</source>
        <translation>Find the scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="318"/>
        <source>Test picture</source>
        <translation>Test picture</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="320"/>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="321"/>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="322"/>
        <source>Supervisor PIN + Enter</source>
        <translation>Supervisor PIN + Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="325"/>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="401"/>
        <source>Unlocked by {name} — what is saved is recorded with old and new values</source>
        <translation>Unlocked by {name} — what is saved is recorded with old and new values</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="408"/>
        <source>Supervisor {badge}: type your PIN + Enter (Esc: keep locked)</source>
        <translation>Supervisor {badge}: type your PIN + Enter (Esc: keep locked)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="416"/>
        <source>Anyone may change My view. Weighing, devices, printers and the station need a supervisor: scan a supervisor badge to unlock them</source>
        <translation>Anyone may change My view. Weighing, devices, printers and the station need a supervisor: scan a supervisor badge to unlock them</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="441"/>
        <source>Checking the PIN…</source>
        <translation>Checking the PIN…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="451"/>
        <source>Wrong PIN, or not a supervisor&apos;s badge — still locked</source>
        <translation>Wrong PIN, or not a supervisor&apos;s badge — still locked</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="453"/>
        <source>Too many wrong PINs: this badge waits {seconds} s</source>
        <translation>Too many wrong PINs: this badge waits {seconds} s</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="487"/>
        <source>Not saved: the bin location pattern — {reason}</source>
        <translation>Not saved: the bin location pattern — {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="521"/>
        <source>Not saved: a supervisor must unlock these first (scan a supervisor badge)</source>
        <translation>Not saved: a supervisor must unlock these first (scan a supervisor badge)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="556"/>
        <source>sending…</source>
        <translation>sending…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="560"/>
        <source>sent — check the printer</source>
        <translation>sent — check the printer</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="565"/>
        <source>looking for the scale (each protocol and speed; a minute at most)…</source>
        <translation>looking for the scale (each protocol and speed; a minute at most)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="573"/>
        <source>no scale answered — check its cable and that it is on</source>
        <translation>no scale answered — check its cable and that it is on</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="580"/>
        <source>found: {protocol} at {baud} baud on {port} — save to use it</source>
        <translation>found: {protocol} at {baud} baud on {port} — save to use it</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="588"/>
        <source>type the camera&apos;s address first</source>
        <translation>type the camera&apos;s address first</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="592"/>
        <source>asking the camera for a picture…</source>
        <translation>asking the camera for a picture…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="599"/>
        <source>no picture: {problem}</source>
        <translation>no picture: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="614"/>
        <source>{width} × {height}: the camera answers</source>
        <translation>{width} × {height}: the camera answers</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="621"/>
        <source>zero command sent</source>
        <translation>zero command sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="622"/>
        <source>this protocol has no zero command</source>
        <translation>this protocol has no zero command</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="624"/>
        <source>no scale connected</source>
        <translation>no scale connected</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="629"/>
        <source>stable</source>
        <translation>stable</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view.py" line="629"/>
        <source>moving</source>
        <translation>moving</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <location filename="../../app/ui/signin_view.py" line="66"/>
        <source>Scan your badge to sign in</source>
        <translation>Scan your badge to sign in</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="67"/>
        <source>No badge? Type your badge code and PIN.</source>
        <translation>No badge? Type your badge code and PIN.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="68"/>
        <source>Badge code</source>
        <translation>Badge code</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="69"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="70"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="100"/>
        <source>Badge {code} is not known — scan your own badge</source>
        <translation>Badge {code} is not known — scan your own badge</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="109"/>
        <source>{name}: type your PIN and press Enter</source>
        <translation>{name}: type your PIN and press Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="122"/>
        <source>Checking the PIN…</source>
        <translation>Checking the PIN…</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="130"/>
        <source>Cannot sign in: the database did not answer — call the technician</source>
        <translation>Cannot sign in: the database did not answer — call the technician</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="146"/>
        <source>Too many wrong PINs for {badge}: try again in {minutes} min</source>
        <translation>Too many wrong PINs for {badge}: try again in {minutes} min</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="151"/>
        <source>Badge code or PIN is wrong — try again</source>
        <translation>Badge code or PIN is wrong — try again</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_view.py" line="157"/>
        <source>Cannot sign in: {problem} — call the technician</source>
        <translation>Cannot sign in: {problem} — call the technician</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/ui/application.py" line="441"/>
        <source>There is no display to show the station on (neither DISPLAY nor WAYLAND_DISPLAY is set). Start Packline from the station&apos;s desktop, or set DISPLAY (for example DISPLAY=:0).</source>
        <translation>There is no display to show the station on (neither DISPLAY nor WAYLAND_DISPLAY is set). Start Packline from the station&apos;s desktop, or set DISPLAY (for example DISPLAY=:0).</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="446"/>
        <source>The data folder {path} cannot be written ({reason}). Give this user write access to it, or start Packline with --data-dir and a folder it may write to.</source>
        <translation>The data folder {path} cannot be written ({reason}). Give this user write access to it, or start Packline with --data-dir and a folder it may write to.</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="451"/>
        <source>Packline is already running on this data folder ({path}, process {pid}). Use that window; two stations on one folder would count the same scans twice.</source>
        <translation>Packline is already running on this data folder ({path}, process {pid}). Use that window; two stations on one folder would count the same scans twice.</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="531"/>
        <source>The station database is in use by another program. Close the other Packline and start again.</source>
        <translation>The station database is in use by another program. Close the other Packline and start again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="535"/>
        <source>The station database is damaged. Call the technician; do not delete it — work may be in it.</source>
        <translation>The station database is damaged. Call the technician; do not delete it — work may be in it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="539"/>
        <source>The station database was written by a newer Packline. Install that version (or newer).</source>
        <translation>The station database was written by a newer Packline. Install that version (or newer).</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="543"/>
        <source>The disk is full. Free some space and start again.</source>
        <translation>The disk is full. Free some space and start again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="549"/>
        <source>The station database cannot be opened. Call the technician.</source>
        <translation>The station database cannot be opened. Call the technician.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../app/ui/messages.py" line="52"/>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="53"/>
        <source>in a wave</source>
        <translation>in a wave</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="54"/>
        <source>picked</source>
        <translation>picked</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="55"/>
        <location filename="../../app/ui/messages.py" line="129"/>
        <source>packed</source>
        <translation>packed</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="56"/>
        <source>shipped</source>
        <translation>shipped</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="57"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="58"/>
        <source>on hold</source>
        <translation>on hold</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="59"/>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="128"/>
        <source>still on the bench</source>
        <translation>still on the bench</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="130"/>
        <source>held</source>
        <translation>held</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="131"/>
        <source>put back unpacked</source>
        <translation>put back unpacked</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="132"/>
        <source>stopped by the office</source>
        <translation>stopped by the office</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../app/ui/status_bar.py" line="44"/>
        <source>cannot be reached — is it on and plugged in?</source>
        <translation>cannot be reached — is it on and plugged in?</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="45"/>
        <source>the connection broke while printing</source>
        <translation>the connection broke while printing</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="46"/>
        <source>it refused the job</source>
        <translation>it refused the job</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="47"/>
        <source>this computer has no print system</source>
        <translation>this computer has no print system</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="48"/>
        <source>its address in settings is wrong</source>
        <translation>its address in settings is wrong</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="49"/>
        <source>the print folder cannot be written</source>
        <translation>the print folder cannot be written</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="50"/>
        <source>the platform&apos;s print component is not running — start it on this computer</source>
        <translation>the platform&apos;s print component is not running — start it on this computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="53"/>
        <source>jobs did not print — see its print history</source>
        <translation>jobs did not print — see its print history</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="55"/>
        <source>it is not working</source>
        <translation>it is not working</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="62"/>
        <source>Printer: {count} job(s) may be incomplete — F5 print again, Ctrl+F5 it is fine</source>
        <translation>Printer: {count} job(s) may be incomplete — F5 print again, Ctrl+F5 it is fine</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="70"/>
        <source>Printer OFFLINE ({reason}) — {count} waiting, printed when it is back</source>
        <translation>Printer OFFLINE ({reason}) — {count} waiting, printed when it is back</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="81"/>
        <source>Printer: {count} job(s) need attention — see the print history (Shift+F5)</source>
        <translation>Printer: {count} job(s) need attention — see the print history (Shift+F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="88"/>
        <source>Printing… {count} in queue</source>
        <translation>Printing… {count} in queue</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="89"/>
        <source>Printer ready</source>
        <translation>Printer ready</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="95"/>
        <source>DISCONNECTED — not found: check the cable and the port in settings (F9)</source>
        <translation>DISCONNECTED — not found: check the cable and the port in settings (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="98"/>
        <source>IN USE by another program — close it</source>
        <translation>IN USE by another program — close it</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="99"/>
        <source>NO PERMISSION to open the port — call the technician</source>
        <translation>NO PERMISSION to open the port — call the technician</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="102"/>
        <location filename="../../app/ui/status_bar.py" line="113"/>
        <source>DISCONNECTED — check the cable</source>
        <translation>DISCONNECTED — check the cable</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="103"/>
        <source>NOT ANSWERING — is it on? Check the cable and the protocol</source>
        <translation>NOT ANSWERING — is it on? Check the cable and the protocol</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="106"/>
        <source>SENDING NON-STOP — check the trigger; extra codes are ignored</source>
        <translation>SENDING NON-STOP — check the trigger; extra codes are ignored</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="109"/>
        <source>SETTINGS DO NOT WORK — check them (F9)</source>
        <translation>SETTINGS DO NOT WORK — check them (F9)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="110"/>
        <source>ERROR in the station — see the log</source>
        <translation>ERROR in the station — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="111"/>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="121"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="122"/>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="123"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="126"/>
        <source>{device}: connected</source>
        <translation>{device}: connected</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="128"/>
        <source>{device}: connecting…</source>
        <translation>{device}: connecting…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="131"/>
        <source>{device}: {problem}</source>
        <translation>{device}: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="142"/>
        <source>cannot reach the server</source>
        <translation>cannot reach the server</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="143"/>
        <source>the server does not answer</source>
        <translation>the server does not answer</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="144"/>
        <source>the server is too slow to answer</source>
        <translation>the server is too slow to answer</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="145"/>
        <source>the connection broke</source>
        <translation>the connection broke</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="146"/>
        <source>the server&apos;s certificate is not trusted — call the technician</source>
        <translation>the server&apos;s certificate is not trusted — call the technician</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="147"/>
        <source>the server does not accept this station — register it again</source>
        <translation>the server does not accept this station — register it again</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="148"/>
        <source>the server&apos;s database is down</source>
        <translation>the server&apos;s database is down</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="149"/>
        <source>the server had an error</source>
        <translation>the server had an error</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="150"/>
        <source>the server&apos;s answer could not be read</source>
        <translation>the server&apos;s answer could not be read</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="151"/>
        <source>the server refused the request</source>
        <translation>the server refused the request</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="152"/>
        <source>the server address in settings is wrong</source>
        <translation>the server address in settings is wrong</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="153"/>
        <source>an error in the station — see the log</source>
        <translation>an error in the station — see the log</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="155"/>
        <source>the sync failed</source>
        <translation>the sync failed</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="160"/>
        <source>{count} event(s) waiting for the server</source>
        <translation>{count} event(s) waiting for the server</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="162"/>
        <source>No server set up — {waiting}</source>
        <translation>No server set up — {waiting}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="164"/>
        <source> · {count} need attention (Shift+F11)</source>
        <translation> · {count} need attention (Shift+F11)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="169"/>
        <source>Syncing… {waiting}</source>
        <translation>Syncing… {waiting}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="173"/>
        <source>Synced {time} · {waiting}</source>
        <translation>Synced {time} · {waiting}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="179"/>
        <source>this computer&apos;s clock is {minutes} min fast</source>
        <translation>this computer&apos;s clock is {minutes} min fast</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="180"/>
        <source>this computer&apos;s clock is {minutes} min slow</source>
        <translation>this computer&apos;s clock is {minutes} min slow</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="186"/>
        <source>OFFLINE · {waiting} · {reason} · retry in {seconds} s (F11 now)</source>
        <translation>OFFLINE · {waiting} · {reason} · retry in {seconds} s (F11 now)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="188"/>
        <source>Sync error · {waiting} · {reason} · retry in {seconds} s (F11 now)</source>
        <translation>Sync error · {waiting} · {reason} · retry in {seconds} s (F11 now)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="197"/>
        <source>Database problem ({reason}) — work is kept and retried; call the technician</source>
        <translation>Database problem ({reason}) — work is kept and retried; call the technician</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="238"/>
        <source>Station {name}</source>
        <translation>Station {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="240"/>
        <source>Operator {name}</source>
        <translation>Operator {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="242"/>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <location filename="../../app/ui/messages.py" line="475"/>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="476"/>
        <source>the database file is damaged</source>
        <translation>the database file is damaged</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="477"/>
        <source>another program holds the database</source>
        <translation>another program holds the database</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="478"/>
        <source>the database cannot be written (read-only or missing)</source>
        <translation>the database cannot be written (read-only or missing)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="481"/>
        <source>the database is from a newer Packline</source>
        <translation>the database is from a newer Packline</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="483"/>
        <source>the database does not answer</source>
        <translation>the database does not answer</translation>
    </message>
</context>
<context>
    <name>SyncExceptionsView</name>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="76"/>
        <source>Sync exceptions</source>
        <translation>Sync exceptions</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="85"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="85"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="85"/>
        <source>Order / customer</source>
        <translation>Order / customer</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="79"/>
        <source>Events the server did not accept, and changes from the server this station could not take. Deal with each (pull the parcel, call the customer, tell the office), type what you did and press Enter. Scan an order to find it.</source>
        <translation>Events the server did not accept, and changes from the server this station could not take. Deal with each (pull the parcel, call the customer, tell the office), type what you did and press Enter. Scan an order to find it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="85"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="86"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="88"/>
        <source>What was done about it, e.g. parcel pulled from the line</source>
        <translation>What was done about it, e.g. parcel pulled from the line</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="89"/>
        <source>Show resolved (Ctrl+H)</source>
        <translation>Show resolved (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="90"/>
        <source>Resolve (Enter)</source>
        <translation>Resolve (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="91"/>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="112"/>
        <source>Order packed</source>
        <translation>Order packed</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="113"/>
        <source>Order held</source>
        <translation>Order held</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="114"/>
        <source>Hold released</source>
        <translation>Hold released</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="115"/>
        <source>Customer preference</source>
        <translation>Customer preference</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="117"/>
        <source>From the server: operator not taken</source>
        <translation>From the server: operator not taken</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="118"/>
        <source>From the server: carrier not taken</source>
        <translation>From the server: carrier not taken</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="119"/>
        <source>From the server: SKU not taken</source>
        <translation>From the server: SKU not taken</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="120"/>
        <source>From the server: customer not taken</source>
        <translation>From the server: customer not taken</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="121"/>
        <source>From the server: order not taken</source>
        <translation>From the server: order not taken</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="122"/>
        <source>From the server: wave not taken</source>
        <translation>From the server: wave not taken</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="123"/>
        <source>From the server: rule not taken</source>
        <translation>From the server: rule not taken</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="149"/>
        <source>No exception for {code}</source>
        <translation>No exception for {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="151"/>
        <source>No exceptions: everything reached the server</source>
        <translation>No exceptions: everything reached the server</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="165"/>
        <source>Already resolved</source>
        <translation>Already resolved</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_exceptions_view.py" line="169"/>
        <source>Type what was done about it first, then press Enter</source>
        <translation>Type what was done about it first, then press Enter</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../app/ui/messages.py" line="158"/>
        <source>Order {order} — scan the items</source>
        <translation>Order {order} — scan the items</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="159"/>
        <source>Order {order} is already open — scan the items</source>
        <translation>Order {order} is already open — scan the items</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="160"/>
        <source>✓ {name}  {scanned}/{required}</source>
        <translation>✓ {name}  {scanned}/{required}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="161"/>
        <source>✓ {name} complete ({scanned}/{required})</source>
        <translation>✓ {name} complete ({scanned}/{required})</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="162"/>
        <source>All items checked — put the parcel on the scale</source>
        <translation>All items checked — put the parcel on the scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="165"/>
        <source>Items done — {quantity} instruction(s) left: see the cards on the right</source>
        <translation>Items done — {quantity} instruction(s) left: see the cards on the right</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="168"/>
        <source>✓ Instruction done — carry on</source>
        <translation>✓ Instruction done — carry on</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="169"/>
        <source>Already done — that card or sample is in; carry on</source>
        <translation>Already done — that card or sample is in; carry on</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="172"/>
        <source>This card is not for order {order} — take it out, use the card printed for this order</source>
        <translation>This card is not for order {order} — take it out, use the card printed for this order</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="175"/>
        <source>Nothing to confirm with F1 now</source>
        <translation>Nothing to confirm with F1 now</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="179"/>
        <source>Supervisor let {quantity} instruction(s) go ({reason}) — put the parcel on the scale</source>
        <translation>Supervisor let {quantity} instruction(s) go ({reason}) — put the parcel on the scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="182"/>
        <source>This item is not in order {order}: {name} — put it back, scan the next item</source>
        <translation>This item is not in order {order}: {name} — put it back, scan the next item</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="185"/>
        <source>Too many: {name} needs only {required} — take the extra one out, scan the next item</source>
        <translation>Too many: {name} needs only {required} — take the extra one out, scan the next item</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="188"/>
        <source>Case of {quantity}, only {remaining} of {name} needed — open the case, scan single items</source>
        <translation>Case of {quantity}, only {remaining} of {name} needed — open the case, scan single items</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="192"/>
        <source>Unknown barcode {code} — check the label, or set the item aside for the supervisor</source>
        <translation>Unknown barcode {code} — check the label, or set the item aside for the supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="195"/>
        <source>No order {code} — check the number and scan again</source>
        <translation>No order {code} — check the number and scan again</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="198"/>
        <source>Scan an order first — {name} was not counted</source>
        <translation>Scan an order first — {name} was not counted</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="201"/>
        <source>Order {order} is already packed — do not ship it again</source>
        <translation>Order {order} is already packed — do not ship it again</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="204"/>
        <source>Order {order} is CANCELLED — do not ship; put the items in the returns tote</source>
        <translation>Order {order} is CANCELLED — do not ship; put the items in the returns tote</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="207"/>
        <source>Order {order} is ON HOLD ({reason}) — do not ship; a supervisor can release it with F7</source>
        <translation>Order {order} is ON HOLD ({reason}) — do not ship; a supervisor can release it with F7</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="211"/>
        <source>Order {order} is still open — finish it or press Esc to put it back, then scan {code}</source>
        <translation>Order {order} is still open — finish it or press Esc to put it back, then scan {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="220"/>
        <source>Undone: {name} ({scanned}/{required}) — take it out of the parcel</source>
        <translation>Undone: {name} ({scanned}/{required}) — take it out of the parcel</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="223"/>
        <source>Nothing to undo</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="214"/>
        <source>Still missing: {missing} — scan them before weighing</source>
        <translation>Still missing: {missing} — scan them before weighing</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="176"/>
        <source>Printing the {quantity} card(s) still missing again — scan each one into the parcel</source>
        <translation>Printing the {quantity} card(s) still missing again — scan each one into the parcel</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="217"/>
        <source>Everything is in — put the parcel on the scale (expected {quantity} g)</source>
        <translation>Everything is in — put the parcel on the scale (expected {quantity} g)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="224"/>
        <source>{name} was not counted — just take it out. F2 again takes back the last counted item</source>
        <translation>{name} was not counted — just take it out. F2 again takes back the last counted item</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="228"/>
        <source>Not ready to weigh — still missing: {missing}</source>
        <translation>Not ready to weigh — still missing: {missing}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="231"/>
        <source>{quantity} g is not a parcel weight — weigh again</source>
        <translation>{quantity} g is not a parcel weight — weigh again</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="234"/>
        <source>Weight off: {actual} g, expected {expected} ± {allowed} g — weigh again, or F6: supervisor</source>
        <translation>Weight off: {actual} g, expected {expected} ± {allowed} g — weigh again, or F6: supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="238"/>
        <source>Packed {order} ✓ — scan the next order</source>
        <translation>Packed {order} ✓ — scan the next order</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="239"/>
        <source>Supervisor: scan your badge (Esc cancels)</source>
        <translation>Supervisor: scan your badge (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="240"/>
        <source>{detail}: type your PIN + Enter (Esc cancels)</source>
        <translation>{detail}: type your PIN + Enter (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="241"/>
        <source>Wrong PIN — {quantity} more tries, then the request is cancelled (Esc cancels)</source>
        <translation>Wrong PIN — {quantity} more tries, then the request is cancelled (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="244"/>
        <source>Wrong PIN {quantity} times — cancelled; the supervisor starts again with F6 or F7</source>
        <translation>Wrong PIN {quantity} times — cancelled; the supervisor starts again with F6 or F7</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="247"/>
        <source>Re-waybill: {needed} required, the label is {carrier} — order {order} is on hold; put it on the hold shelf for a new waybill</source>
        <translation>Re-waybill: {needed} required, the label is {carrier} — order {order} is on hold; put it on the hold shelf for a new waybill</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="252"/>
        <source>The {carrier} waybill of order {order} has no sort code — fetch the waybill again; the order is on hold, put it on the hold shelf</source>
        <translation>The {carrier} waybill of order {order} has no sort code — fetch the waybill again; the order is on hold, put it on the hold shelf</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="257"/>
        <source>Label checked: {detail} is on the parcel of order {order} — it may go; scan the next order</source>
        <translation>Label checked: {detail} is on the parcel of order {order} — it may go; scan the next order</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="261"/>
        <source>STOP — {code} is not the label of order {order} (its waybill is {detail}): put the right label on the parcel and scan it</source>
        <translation>STOP — {code} is not the label of order {order} (its waybill is {detail}): put the right label on the parcel and scan it</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="266"/>
        <source>That is not a supervisor badge — a supervisor must scan theirs (Esc cancels)</source>
        <translation>That is not a supervisor badge — a supervisor must scan theirs (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="269"/>
        <location filename="../../app/ui/messages.py" line="272"/>
        <source>Choose a reason: press its number (Esc cancels)</source>
        <translation>Choose a reason: press its number (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="275"/>
        <source>Order {order} is on hold ({reason}) — put it on the hold shelf</source>
        <translation>Order {order} is on hold ({reason}) — put it on the hold shelf</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="278"/>
        <source>Hold on {order} released by {detail} — scan the items</source>
        <translation>Hold on {order} released by {detail} — scan the items</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="281"/>
        <source>No held order to release — scan the held order first</source>
        <translation>No held order to release — scan the held order first</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="284"/>
        <source>Cancelled — carry on</source>
        <translation>Cancelled — carry on</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="285"/>
        <source>Order {order} put back — not packed</source>
        <translation>Order {order} put back — not packed</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="286"/>
        <source>No order open — scan an order</source>
        <translation>No order open — scan an order</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="287"/>
        <source>Finish or put back order {order} before another operator signs in</source>
        <translation>Finish or put back order {order} before another operator signs in</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="290"/>
        <source>Not possible now</source>
        <translation>Not possible now</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="291"/>
        <source>Single-item wave {code}: scan an item — each scan packs the next order ({quantity} left)</source>
        <translation>Single-item wave {code}: scan an item — each scan packs the next order ({quantity} left)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="295"/>
        <source>Wave {code} left — scan an order</source>
        <translation>Wave {code} left — scan an order</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="296"/>
        <source>Wave {code} is picked into a cart — scan each order (or its tote) to pack it</source>
        <translation>Wave {code} is picked into a cart — scan each order (or its tote) to pack it</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="299"/>
        <source>No order left in wave {code} needs {name} — set it aside for the supervisor</source>
        <translation>No order left in wave {code} needs {name} — set it aside for the supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="302"/>
        <source>Order {order} is NOT saved: {problem} — call the technician. The order stays open and is saved by itself once that is fixed; do not ship it yet</source>
        <translation>Order {order} is NOT saved: {problem} — call the technician. The order stays open and is saved by itself once that is fixed; do not ship it yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="307"/>
        <source>Misprinted barcode: the check digit of ({code}) {detail} is wrong — not counted; set the item aside for the supervisor</source>
        <translation>Misprinted barcode: the check digit of ({code}) {detail} is wrong — not counted; set the item aside for the supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="312"/>
        <source>This GS1 barcode&apos;s data is not valid (a wrong date or a short field) — not counted; set the item aside for the supervisor</source>
        <translation>This GS1 barcode&apos;s data is not valid (a wrong date or a short field) — not counted; set the item aside for the supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="317"/>
        <source>STOP — order {order} is now {status}: do not pack it. Put the {quantity} item(s) scanned on the put-back shelf (待放回) and scan the next order</source>
        <translation>STOP — order {order} is now {status}: do not pack it. Put the {quantity} item(s) scanned on the put-back shelf (待放回) and scan the next order</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="322"/>
        <source>Order {order} changed in the office: {changes} — carry on, the label will show it</source>
        <translation>Order {order} changed in the office: {changes} — carry on, the label will show it</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="325"/>
        <source>Order {order} — carry on</source>
        <translation>Order {order} — carry on</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="326"/>
        <source>STOP — order {order}, packed here, was CANCELLED: take its parcel back before it leaves, void the label, put the goods back (put-back list)</source>
        <translation>STOP — order {order}, packed here, was CANCELLED: take its parcel back before it leaves, void the label, put the goods back (put-back list)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="331"/>
        <source>Order {order}, packed here, now ships with {carrier}: a new label is printing — replace the label on the parcel; the old one is void</source>
        <translation>Order {order}, packed here, now ships with {carrier}: a new label is printing — replace the label on the parcel; the old one is void</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="336"/>
        <source>✓ Box {name} ({quantity} g) — it counts in the expected weight</source>
        <translation>✓ Box {name} ({quantity} g) — it counts in the expected weight</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="339"/>
        <source>Parcel {quantity} ({scanned} item(s)): close it and put it on the scale to seal it (expected {required} g)</source>
        <translation>Parcel {quantity} ({scanned} item(s)): close it and put it on the scale to seal it (expected {required} g)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="344"/>
        <source>✓ Parcel {quantity} sealed ({scanned} item(s), {actual} g) — set it aside, scan the items for the next parcel</source>
        <translation>✓ Parcel {quantity} sealed ({scanned} item(s), {actual} g) — set it aside, scan the items for the next parcel</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="349"/>
        <source>Parcel {quantity} is empty — scan the items that go in it, then Ins</source>
        <translation>Parcel {quantity} is empty — scan the items that go in it, then Ins</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="352"/>
        <source>Every item left is in this parcel: it is the last one — put it on the scale</source>
        <translation>Every item left is in this parcel: it is the last one — put it on the scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="355"/>
        <source>No waybill number here for a parcel {quantity} ({carrier}) — pack the rest in this parcel, or put the order on hold (F3) until the station is online</source>
        <translation>No waybill number here for a parcel {quantity} ({carrier}) — pack the rest in this parcel, or put the order on hold (F3) until the station is online</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="360"/>
        <source>The station cannot read its database: {problem} — call the technician; nothing was changed</source>
        <translation>The station cannot read its database: {problem} — call the technician; nothing was changed</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="364"/>
        <source>Scan the serial number label of {name} — it counts once its serial is scanned</source>
        <translation>Scan the serial number label of {name} — it counts once its serial is scanned</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="367"/>
        <source>Scan the serial number label of {name} first — or F2 to take that item back</source>
        <translation>Scan the serial number label of {name} first — or F2 to take that item back</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="370"/>
        <source>{name} needs its serial number: scan the code that carries it (the 2-D code) — not counted</source>
        <translation>{name} needs its serial number: scan the code that carries it (the 2-D code) — not counted</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="374"/>
        <source>{name} needs its lot and expiry date: scan the GS1 code on the item that carries them — not counted</source>
        <translation>{name} needs its lot and expiry date: scan the GS1 code on the item that carries them — not counted</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="379"/>
        <source>EXPIRED: {name} — not counted; put it in quarantine and take another one</source>
        <translation>EXPIRED: {name} — not counted; put it in quarantine and take another one</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="382"/>
        <source>Shelf life too short: {scanned} days left, this order needs at least {required} — put {name} back and take another one</source>
        <translation>Shelf life too short: {scanned} days left, this order needs at least {required} — put {name} back and take another one</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="387"/>
        <source>RECALLED lot: {name} ({detail}) — do not ship; put it in quarantine and take one of another lot</source>
        <translation>RECALLED lot: {name} ({detail}) — do not ship; put it in quarantine and take one of another lot</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="391"/>
        <source>Serial {detail} is already in this order — the same unit twice; scan another unit</source>
        <translation>Serial {detail} is already in this order — the same unit twice; scan another unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="394"/>
        <source>This unit&apos;s serial already left with order {detail} — a copied label: set {name} aside for the supervisor</source>
        <translation>This unit&apos;s serial already left with order {detail} — a copied label: set {name} aside for the supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="399"/>
        <source>An older lot ({detail}) of {name} is still in stock — take that one first; not counted</source>
        <translation>An older lot ({detail}) of {name} is still in stock — take that one first; not counted</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="403"/>
        <source>✓ {name} {scanned}/{required} — an older lot ({detail}) is still in stock: take it first next time</source>
        <translation>✓ {name} {scanned}/{required} — an older lot ({detail}) is still in stock: take it first next time</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="410"/>
        <source>Label checked: {detail} — {quantity} more parcel label(s) of order {order} to scan</source>
        <translation>Label checked: {detail} — {quantity} more parcel label(s) of order {order} to scan</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="414"/>
        <source>Unreadable scan — scan again</source>
        <translation>Unreadable scan — scan again</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="416"/>
        <source>Order {order} in more than one parcel needs a supervisor: scan your badge (Esc cancels)</source>
        <translation>Order {order} in more than one parcel needs a supervisor: scan your badge (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="421"/>
        <source>STOP — the items of order {order} were changed in the office: put the {quantity} item(s) scanned aside and scan the order again</source>
        <translation>STOP — the items of order {order} were changed in the office: put the {quantity} item(s) scanned aside and scan the order again</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="452"/>
        <source>a new address</source>
        <translation>a new address</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="453"/>
        <source>another carrier and waybill</source>
        <translation>another carrier and waybill</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="461"/>
        <source>{quantity} × {name}</source>
        <translation>{quantity} × {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="468"/>
        <source>(+{count} more lines)</source>
        <translation>(+{count} more lines)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="455"/>
        <location filename="../../app/ui/messages.py" line="469"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="496"/>
        <source>Order {order} was {status} meanwhile — NOT packed; set the parcel aside for the supervisor</source>
        <translation>Order {order} was {status} meanwhile — NOT packed; set the parcel aside for the supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="503"/>
        <source>Saving order {order} failed — set the parcel aside and call the technician</source>
        <translation>Saving order {order} failed — set the parcel aside and call the technician</translation>
    </message>
</context>
<context>
    <name>WavePlanTab</name>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="208"/>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="209"/>
        <source>C&amp;hannel</source>
        <translation>C&amp;hannel</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="210"/>
        <source>Ca&amp;rrier</source>
        <translation>Ca&amp;rrier</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="211"/>
        <source>Pro&amp;vince</source>
        <translation>Pro&amp;vince</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="212"/>
        <source>Priority at &amp;least</source>
        <translation>Priority at &amp;least</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="213"/>
        <source>Ship-by &amp;within (h, 0: any)</source>
        <translation>Ship-by &amp;within (h, 0: any)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="214"/>
        <source>Items &amp;from</source>
        <translation>Items &amp;from</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="215"/>
        <source>Items &amp;to (0: any)</source>
        <translation>Items &amp;to (0: any)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="216"/>
        <source>S&amp;KU</source>
        <translation>S&amp;KU</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="225"/>
        <source>All open</source>
        <translation>All open</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="237"/>
        <source>(any)</source>
        <translation>(any)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="248"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="249"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="250"/>
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="251"/>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="252"/>
        <location filename="../../app/ui/wave_plan_tab.py" line="284"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="253"/>
        <source>Ship by</source>
        <translation>Ship by</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="254"/>
        <location filename="../../app/ui/wave_plan_tab.py" line="282"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="260"/>
        <source>Strate&amp;gy</source>
        <translation>Strate&amp;gy</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="261"/>
        <source>Orders per wave (cart &amp;slots)</source>
        <translation>Orders per wave (cart &amp;slots)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="262"/>
        <source>&amp;Items per wave</source>
        <translation>&amp;Items per wave</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="263"/>
        <source>&amp;Volume per wave (cm³, 0: any)</source>
        <translation>&amp;Volume per wave (cm³, 0: any)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="264"/>
        <source>&amp;Waves at most (0: any)</source>
        <translation>&amp;Waves at most (0: any)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="274"/>
        <source>Preview (Ctrl+P)</source>
        <translation>Preview (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="275"/>
        <source>Release (Ctrl+R)</source>
        <translation>Release (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="276"/>
        <source>Save as planned (Ctrl+Shift+S)</source>
        <translation>Save as planned (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="279"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="280"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="281"/>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="283"/>
        <source>Volume (L)</source>
        <translation>Volume (L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="285"/>
        <source>Walk (m)</source>
        <translation>Walk (m)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="333"/>
        <source>{count} of {total} orders match</source>
        <translation>{count} of {total} orders match</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="357"/>
        <source>Filter the orders, choose a strategy, then Preview (Ctrl+P)</source>
        <translation>Filter the orders, choose a strategy, then Preview (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="378"/>
        <source>{waves} waves · {orders} orders · {items} items · walk {metres} m</source>
        <translation>{waves} waves · {orders} orders · {items} items · walk {metres} m</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="382"/>
        <source> · {count} orders wait for the next round</source>
        <translation> · {count} orders wait for the next round</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="384"/>
        <source> · {count} orders do not fit this strategy</source>
        <translation> · {count} orders do not fit this strategy</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="391"/>
        <source>Nothing to release: preview a plan first (Ctrl+P)</source>
        <translation>Nothing to release: preview a plan first (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="396"/>
        <source>Release {waves} waves, {orders} orders ({items} items) to the pickers? Enter to release, Esc to go back</source>
        <translation>Release {waves} waves, {orders} orders ({items} items) to the pickers? Enter to release, Esc to go back</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="401"/>
        <source>Save {waves} waves, {orders} orders ({items} items) as planned? Enter to save, Esc to go back</source>
        <translation>Save {waves} waves, {orders} orders ({items} items) as planned? Enter to save, Esc to go back</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="434"/>
        <source>Released {count} waves: {codes}</source>
        <translation>Released {count} waves: {codes}</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="436"/>
        <source>Saved {count} planned waves: {codes}</source>
        <translation>Saved {count} planned waves: {codes}</translation>
    </message>
    <message>
        <location filename="../../app/ui/wave_plan_tab.py" line="439"/>
        <source> · {count} orders were taken meanwhile and left out</source>
        <translation> · {count} orders were taken meanwhile and left out</translation>
    </message>
</context>
<context>
    <name>Waves</name>
    <message>
        <location filename="../../app/ui/messages.py" line="66"/>
        <source>Single-item orders by SKU</source>
        <translation>Single-item orders by SKU</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="67"/>
        <source>Multi-item orders by cart</source>
        <translation>Multi-item orders by cart</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="68"/>
        <source>By carrier</source>
        <translation>By carrier</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="69"/>
        <source>By zone</source>
        <translation>By zone</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="70"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="77"/>
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="78"/>
        <source>released</source>
        <translation>released</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="79"/>
        <source>picking</source>
        <translation>picking</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="80"/>
        <source>picked</source>
        <translation>picked</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="81"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="88"/>
        <source>Short pick</source>
        <translation>Short pick</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="89"/>
        <source>Weight failed</source>
        <translation>Weight failed</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="90"/>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="91"/>
        <source>Sync conflict</source>
        <translation>Sync conflict</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="92"/>
        <source>Put back</source>
        <translation>Put back</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="93"/>
        <source>Left at the dock</source>
        <translation>Left at the dock</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="94"/>
        <source>Missed its truck</source>
        <translation>Missed its truck</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="110"/>
        <source>packed: take the parcel back</source>
        <translation>packed: take the parcel back</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="111"/>
        <source>stopped on a bench</source>
        <translation>stopped on a bench</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="114"/>
        <source>its items changed</source>
        <translation>its items changed</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="120"/>
        <source>still at the dock: hand it to the next truck</source>
        <translation>still at the dock: hand it to the next truck</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="139"/>
        <source>Not in the bin</source>
        <translation>Not in the bin</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="140"/>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="141"/>
        <source>Not enough in the bin</source>
        <translation>Not enough in the bin</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="142"/>
        <source>Wrong item in the bin</source>
        <translation>Wrong item in the bin</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="143"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>WavesDeskView</name>
    <message>
        <location filename="../../app/ui/waves_view.py" line="158"/>
        <source>Supervisor desk</source>
        <translation>Supervisor desk</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_view.py" line="159"/>
        <source>Plan waves (Ctrl+1)</source>
        <translation>Plan waves (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_view.py" line="160"/>
        <source>Waves (Ctrl+2)</source>
        <translation>Waves (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_view.py" line="161"/>
        <source>Exceptions (Ctrl+3)</source>
        <translation>Exceptions (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_view.py" line="162"/>
        <source>Returns (Ctrl+4)</source>
        <translation>Returns (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_view.py" line="163"/>
        <source>Board (Ctrl+5)</source>
        <translation>Board (Ctrl+5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_view.py" line="164"/>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
</context>
<context>
    <name>WavesTab</name>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="56"/>
        <source>Wave</source>
        <translation>Wave</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="57"/>
        <source>Strategy</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="58"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="59"/>
        <source>Picker</source>
        <translation>Picker</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="60"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="61"/>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="62"/>
        <source>Picked</source>
        <translation>Picked</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="63"/>
        <source>Packed</source>
        <translation>Packed</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="64"/>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="65"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="68"/>
        <source>Pic&amp;ker</source>
        <translation>Pic&amp;ker</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="69"/>
        <source>Pack s&amp;tation</source>
        <translation>Pack s&amp;tation</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="70"/>
        <source>Assign (Ctrl+A)</source>
        <translation>Assign (Ctrl+A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="71"/>
        <source>Release (Ctrl+E)</source>
        <translation>Release (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="72"/>
        <source>Cancel wave (Ctrl+Del)</source>
        <translation>Cancel wave (Ctrl+Del)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="73"/>
        <source>Pick list (Ctrl+L)</source>
        <translation>Pick list (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="74"/>
        <source>Show finished</source>
        <translation>Show finished</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="93"/>
        <source>Select a wave first (Up/Down)</source>
        <translation>Select a wave first (Up/Down)</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="105"/>
        <source>Wave {code} released</source>
        <translation>Wave {code} released</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="111"/>
        <source>Wave {code} assigned</source>
        <translation>Wave {code} assigned</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="119"/>
        <source>Wave {code} cancelled: {count} orders back to plan again</source>
        <translation>Wave {code} cancelled: {count} orders back to plan again</translation>
    </message>
    <message>
        <location filename="../../app/ui/waves_tab.py" line="127"/>
        <source>Pick list of {code} sent to the printer</source>
        <translation>Pick list of {code} sent to the printer</translation>
    </message>
</context>
</TS>
