<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssistantWizard</name>
    <message>
        <source>Welcome</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Provider and account</source>
        <translation>服务商与账号</translation>
    </message>
    <message>
        <source>Signature type</source>
        <translation>签名类型</translation>
    </message>
    <message>
        <source>Signature name</source>
        <translation>签名名称</translation>
    </message>
    <message>
        <source>Applicant and owner</source>
        <translation>申请方与签名归属方</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Authorization letter</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>What to do on this step (F1)</source>
        <translation>本步骤要做什么（F1）</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>案例(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Print checklist…</source>
        <translation>打印材料清单(&amp;P)…</translation>
    </message>
    <message>
        <source>Go back one step (nothing is lost)</source>
        <translation>返回上一步（已填写的内容不会丢失）</translation>
    </message>
    <message>
        <source>New, open, save, print the checklist, language, help, about</source>
        <translation>新建、打开、保存、打印材料清单、语言、帮助、关于</translation>
    </message>
    <message>
        <source>Pr&amp;int checklist…</source>
        <translation>打印材料清单(&amp;I)…</translation>
    </message>
    <message>
        <source>Go to the next step (enabled when this one is complete)</source>
        <translation>进入下一步（本步填写完整后可用）</translation>
    </message>
    <message>
        <source>Close the assistant</source>
        <translation>关闭助手</translation>
    </message>
    <message>
        <source>Close the assistant (asks first if there are unsaved changes)</source>
        <translation>关闭助手（如有未保存的更改，会先询问）</translation>
    </message>
    <message>
        <source>Print the checklist of documents for this case, or save it as PDF (Ctrl+P)</source>
        <translation>打印本案例的材料清单，或另存为 PDF（Ctrl+P）</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新案例</translation>
    </message>
    <message>
        <source>SMS Signature Assistant</source>
        <translation>短信签名助手</translation>
    </message>
    <message>
        <source>Cannot open the case</source>
        <translation>无法打开案例</translation>
    </message>
    <message>
        <source>%1 cannot be opened.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>Opened with problems</source>
        <translation>已打开，但有问题</translation>
    </message>
    <message>
        <source>The case was opened; please look at these problems:</source>
        <translation>案例已打开，请查看以下问题：</translation>
    </message>
    <message>
        <source>new-case</source>
        <translation>新案例</translation>
    </message>
    <message>
        <source>Cannot save the case</source>
        <translation>无法保存案例</translation>
    </message>
    <message>
        <source>Cannot recover the draft</source>
        <translation>无法恢复草稿</translation>
    </message>
    <message>
        <source>The autosaved draft cannot be read.</source>
        <translation>无法读取自动保存的草稿。</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>新建案例(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>Save checklist as P&amp;DF…</source>
        <translation>将材料清单另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近的案例(&amp;R)</translation>
    </message>
    <message>
        <source>Case li&amp;brary…</source>
        <translation>案例库(&amp;B)…</translation>
    </message>
    <message>
        <source>Re&amp;jected? Paste the reason…</source>
        <translation>被驳回？粘贴驳回原因(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Help for this step</source>
        <translation>本步骤的帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>No recent cases</source>
        <translation>没有最近的案例</translation>
    </message>
    <message>
        <source>Save checklist as PDF</source>
        <translation>将材料清单另存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Checklist PDF</source>
        <translation>材料清单 PDF</translation>
    </message>
    <message>
        <source>Checklist saved</source>
        <translation>材料清单已保存</translation>
    </message>
    <message>
        <source>About SMS Signature Assistant</source>
        <translation>关于短信签名助手</translation>
    </message>
    <message>
        <source>SMS templates</source>
        <translation>短信模板</translation>
    </message>
    <message>
        <source>Help — SMS Signature Assistant</source>
        <translation>帮助 — 短信签名助手</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>资质</translation>
    </message>
</context>
<context>
    <name>DocumentLine</name>
    <message>
        <source>Attach…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>Look at it</source>
        <translation>请查看</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>未添加</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>OK, fixed in the bundle</source>
        <translation>通过，材料包中已修正</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <source>Attach…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Preview fix…</source>
        <translation>预览修正…</translation>
    </message>
    <message>
        <source>Make a compliant copy and compare it with your original (which stays unchanged)</source>
        <translation>生成一份符合要求的副本，并与原文件对比（原文件保持不变）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>OK, fixed in the bundle</source>
        <translation>合格，已在材料包中修正</translation>
    </message>
    <message>
        <source>Look at it</source>
        <translation>请查看</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>无需提供</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Documents</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Attach each document (button or drag and drop). Every file is checked against the provider&apos;s rules; your originals are never changed.</source>
        <translation>逐项添加材料（点按钮或拖放文件）。每个文件都会按服务商的规则检查；您的原文件绝不会被修改。</translation>
    </message>
    <message>
        <source>Checking files</source>
        <translation>正在检查文件</translation>
    </message>
    <message>
        <source>&amp;Stop checks</source>
        <translation>停止检查(&amp;S)</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <source>No documents are needed for this choice, or the choice is not allowed: go back to the signature type.</source>
        <translation>此选择无需提供材料，或此选择不被允许：请返回“签名类型”一步。</translation>
    </message>
    <message>
        <source>&lt;b&gt;One of these&lt;/b&gt; (attach the one you have):</source>
        <translation>&lt;b&gt;以下任选其一&lt;/b&gt;（提供您手头有的那一份）：</translation>
    </message>
    <message>
        <source>Attach %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Drop a file here, or attach it with the button.</source>
        <translation>将文件拖放到这里，或点按钮添加。</translation>
    </message>
    <message>
        <source>No file</source>
        <translation>无文件</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>无预览</translation>
    </message>
    <message>
        <source>▾ Hide the other documents</source>
        <translation>▾ 收起其他材料</translation>
    </message>
    <message>
        <source>▸ Other documents that would also do (%1)</source>
        <translation>▸ 也可以提供的其他材料（%1 种）</translation>
    </message>
    <message>
        <source>%1 of %2 required documents attached and fine; %3 with problems.</source>
        <translation>%2 项必需材料中已有 %1 项添加且合格；%3 项有问题。</translation>
    </message>
    <message>
        <source>Not every file was attached</source>
        <translation>并非所有文件都已添加</translation>
    </message>
    <message>
        <source>Every document already has a file; not attached: %1</source>
        <translation>每份材料都已有文件；未添加：%1</translation>
    </message>
    <message>
        <source>A check failed</source>
        <translation>检查出错</translation>
    </message>
    <message>
        <source>Checking 1 file…</source>
        <translation>正在检查 1 个文件…</translation>
    </message>
    <message>
        <source>Checking %1 files…</source>
        <translation>正在检查 %1 个文件…</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 个错误</translation>
    </message>
    <message>
        <source>No fix possible</source>
        <translation>无法自动修正</translation>
    </message>
    <message>
        <source>This file cannot be fixed automatically.</source>
        <translation>此文件无法自动修正。</translation>
    </message>
    <message>
        <source>Fix preview</source>
        <translation>修正预览</translation>
    </message>
    <message>
        <source>Keep the fixed copy as</source>
        <translation>将修正后的副本保存为</translation>
    </message>
    <message>
        <source>Choose another name</source>
        <translation>请换一个文件名</translation>
    </message>
    <message>
        <source>Your original file is never overwritten.</source>
        <translation>您的原文件绝不会被覆盖。</translation>
    </message>
    <message>
        <source>Cannot save the fixed copy</source>
        <translation>无法保存修正后的副本</translation>
    </message>
</context>
<context>
    <name>ExplainDialog</name>
    <message>
        <source>Explain a rejection</source>
        <translation>解释驳回原因</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>&amp;Signature:</source>
        <translation>签名(&amp;S)：</translation>
    </message>
    <message>
        <source>Paste the reason the provider&apos;s console shows</source>
        <translation>粘贴平台控制台显示的驳回原因</translation>
    </message>
    <message>
        <source>Rejection text</source>
        <translation>驳回文字</translation>
    </message>
    <message>
        <source>E&amp;xplain</source>
        <translation>解释(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Mark as rejected and save</source>
        <translation>标记为已驳回并保存(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Open the step to fix</source>
        <translation>打开需修改的步骤(&amp;O)</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>处理：</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>步骤：</translation>
    </message>
    <message>
        <source>Cannot save the case</source>
        <translation>无法保存案例</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export the bundle</source>
        <translation>导出提交材料包</translation>
    </message>
    <message>
        <source>One zip with the renamed and fixed files, the letter, the checklist, a README and the API payloads.</source>
        <translation>一个 zip 压缩包，内含重命名并修正后的文件、授权委托书、材料清单、说明文件（README）和 API 请求数据。</translation>
    </message>
    <message>
        <source>&amp;Save the bundle as:</source>
        <translation>材料包保存为(&amp;S)：</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>材料包文件</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Export even with errors (the bundle is marked INCOMPLETE)</source>
        <translation>即使有错误也导出（材料包将标记为 INCOMPLETE，即不完整）</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Show in fol&amp;der</source>
        <translation>在文件夹中显示(&amp;D)</translation>
    </message>
    <message>
        <source>Cop&amp;y path</source>
        <translation>复制路径(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy where the bundle was saved</source>
        <translation>复制材料包的保存位置</translation>
    </message>
    <message>
        <source>Then upload the files in the provider&apos;s console as the README in the bundle says.</source>
        <translation>然后按材料包中 README 的说明，在服务商控制台上传这些文件。</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>材料包保存为</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Replace the bundle?</source>
        <translation>替换材料包？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Export an incomplete bundle?</source>
        <translation>导出不完整的材料包？</translation>
    </message>
    <message>
        <source>A bundle with errors will be rejected by the provider. Export it anyway, marked INCOMPLETE?</source>
        <translation>有错误的材料包会被服务商驳回。仍要导出并标记为 INCOMPLETE（不完整）吗？</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exporting… %1</source>
        <translation>正在导出… %1</translation>
    </message>
    <message>
        <source>Export stopped; nothing was written.</source>
        <translation>导出已停止，未写入任何文件。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>⚠ Incomplete bundle written: %1, in the folder %2. Fix the errors below before uploading.</source>
        <translation>⚠ 已写入不完整的材料包：%1，位于文件夹 %2。上传前请先修正下列错误。</translation>
    </message>
    <message>
        <source>✔ Bundle written: %1 (%2 files), in the folder %3.</source>
        <translation>✔ 材料包已写入：%1（%2 个文件），位于文件夹 %3。</translation>
    </message>
    <message>
        <source>Nothing was exported: 1 error must be fixed first (see below, or the Review step).</source>
        <translation>未导出任何内容：需先修正 1 个错误（见下方，或“检查”一步）。</translation>
    </message>
    <message>
        <source>Nothing was exported: %1 errors must be fixed first (see below, or the Review step).</source>
        <translation>未导出任何内容：需先修正 %1 个错误（见下方，或“检查”一步）。</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>The folder could not be shown (no file manager answered).</source>
        <translation>无法显示该文件夹（没有文件管理器响应）。</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Client: company name</source>
        <translation>客户：公司名称</translation>
    </message>
    <message>
        <source>Client: credit code</source>
        <translation>客户：统一社会信用代码</translation>
    </message>
    <message>
        <source>Client: legal representative</source>
        <translation>客户：法定代表人</translation>
    </message>
    <message>
        <source>Signature name(s)</source>
        <translation>签名名称</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Signature type</source>
        <translation>签名类型</translation>
    </message>
    <message>
        <source>Signature use (verification, notification…)</source>
        <translation>签名用途（验证码、通知…）</translation>
    </message>
    <message>
        <source>For the client or for yourself</source>
        <translation>为客户申请还是自用</translation>
    </message>
    <message>
        <source>Account type</source>
        <translation>账号类型</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Applicant: name</source>
        <translation>申请方：名称</translation>
    </message>
    <message>
        <source>Applicant: credit code</source>
        <translation>申请方：统一社会信用代码</translation>
    </message>
    <message>
        <source>Description of use</source>
        <translation>使用场景说明</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>App name</source>
        <translation>应用名称</translation>
    </message>
    <message>
        <source>App store link</source>
        <translation>应用商店链接</translation>
    </message>
    <message>
        <source>Official account / mini program name</source>
        <translation>公众号 / 小程序名称</translation>
    </message>
    <message>
        <source>Trademark name</source>
        <translation>商标名称</translation>
    </message>
    <message>
        <source>Trademark registration number</source>
        <translation>商标注册号</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>座机</translation>
    </message>
    <message>
        <source>Shop link</source>
        <translation>店铺链接</translation>
    </message>
    <message>
        <source>ICP filing number</source>
        <translation>ICP备案号</translation>
    </message>
    <message>
        <source>ID number (checked, not kept)</source>
        <translation>身份证号（仅检查，不保存）</translation>
    </message>
    <message>
        <source>Phone (checked, not kept)</source>
        <translation>电话（仅检查，不保存）</translation>
    </message>
    <message>
        <source>Contact person (not kept)</source>
        <translation>联系人（不保存）</translation>
    </message>
    <message>
        <source>Import clients from a spreadsheet</source>
        <translation>从表格导入客户</translation>
    </message>
    <message>
        <source>%1: %2 rows. Each row becomes a new case file in %3.</source>
        <translation>%1：共 %2 行。每一行将在 %3 中生成一个新的案例文件。</translation>
    </message>
    <message>
        <source>Which column holds what (recognised headers are set):</source>
        <translation>各列对应的内容（已识别的表头已自动设置）：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>None: each client applies with its own account</source>
        <translation>无：各客户用自己的账号申请</translation>
    </message>
    <message>
        <source>&amp;Applicant (your company):</source>
        <translation>申请方（您的公司）(&amp;A)：</translation>
    </message>
    <message>
        <source>As the list says</source>
        <translation>按名单所写</translation>
    </message>
    <message>
        <source>&amp;Provider of rows that name none:</source>
        <translation>未注明平台的行使用(&amp;P)：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一个值</translation>
    </message>
    <message>
        <source>Field of the case</source>
        <translation>案例字段</translation>
    </message>
    <message>
        <source>— not used —</source>
        <translation>— 不使用 —</translation>
    </message>
    <message>
        <source>What the first %1 rows become:</source>
        <translation>前 %1 行的导入结果：</translation>
    </message>
    <message>
        <source>&amp;Import %1 rows</source>
        <translation>导入 %1 行(&amp;I)</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>尚缺：%1</translation>
    </message>
    <message>
        <source>Nothing missing</source>
        <translation>无缺项</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>%1 case files written to %2 (%3 with nothing missing); %4 rows refused.</source>
        <translation>已在 %2 中写入 %1 个案例文件（%3 个无缺项）；拒绝 %4 行。</translation>
    </message>
</context>
<context>
    <name>LetterPage</name>
    <message>
        <source>Authorization letter</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>The owner authorizes the applicant. Generate the letter, have it signed and stamped, then attach the scan.</source>
        <translation>由签名归属方授权申请方。生成授权委托书，签字盖章后，添加扫描件。</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>委托书</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>委托书</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期止</translation>
    </message>
    <message>
        <source>Type the date or pick it in the calendar (Alt+Down)</source>
        <translation>输入日期，或在日历中选择（Alt+向下键）</translation>
    </message>
    <message>
        <source>&amp;Valid from – until:</source>
        <translation>有效期（起 – 止）(&amp;V)：</translation>
    </message>
    <message>
        <source>Language of the letter</source>
        <translation>委托书语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Risk bearer</source>
        <translation>风险承担方</translation>
    </message>
    <message>
        <source>Empty: the owner bears the risk</source>
        <translation>留空：由签名归属方承担风险</translation>
    </message>
    <message>
        <source>&amp;Risk bearer:</source>
        <translation>风险承担方(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Our template</source>
        <translation>使用内置模板(&amp;O)</translation>
    </message>
    <message>
        <source>My own .&amp;docx</source>
        <translation>使用我自己的 .docx(&amp;D)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Written: %1, in the folder %2</source>
        <translation>已写入：%1，位于文件夹 %2</translation>
    </message>
    <message>
        <source>No signed scan attached yet.</source>
        <translation>尚未添加签字盖章后的扫描件。</translation>
    </message>
    <message>
        <source>Signed scan attached: %1 (being checked…)</source>
        <translation>已添加签字盖章后的扫描件：%1（正在检查…）</translation>
    </message>
    <message>
        <source>Signed scan attached: %1. It has problems:</source>
        <translation>已添加签字盖章后的扫描件：%1。存在问题：</translation>
    </message>
    <message>
        <source>Signed scan attached: %1. ✔ It passes the checks.</source>
        <translation>已添加签字盖章后的扫描件：%1。✔ 检查通过。</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>The letter&apos;s content checks out.</source>
        <translation>委托书内容检查无误。</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>操作步骤</translation>
    </message>
    <message>
        <source>1. &amp;Generate the letter…</source>
        <translation>1. 生成委托书(&amp;G)…</translation>
    </message>
    <message>
        <source>2. Open it to prin&amp;t</source>
        <translation>2. 打开以打印(&amp;T)</translation>
    </message>
    <message>
        <source>Opens the .docx in your office program</source>
        <translation>用您的办公软件打开 .docx 文件</translation>
    </message>
    <message>
        <source>3. &amp;Attach the signed scan…</source>
        <translation>3. 添加签字盖章后的扫描件(&amp;A)…</translation>
    </message>
    <message>
        <source>Cop&amp;y path</source>
        <translation>复制路径(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy where the letter was saved</source>
        <translation>复制委托书的保存位置</translation>
    </message>
    <message>
        <source>The legal representative signs by hand and the owner stamps its official seal at the bottom right. Scan or photograph the whole page.</source>
        <translation>由法定代表人亲笔签字，签名归属方在右下角加盖公章。请扫描或拍摄整页。</translation>
    </message>
</context>
<context>
    <name>LetterWriter</name>
    <message>
        <source>Save the %1 as</source>
        <translation>%1另存为</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Writing the %1…</source>
        <translation>正在生成%1…</translation>
    </message>
    <message>
        <source>The %1 could not be written.</source>
        <translation>无法生成%1。</translation>
    </message>
    <message>
        <source>No program to open .docx files was found. Open the %1 yourself:</source>
        <translation>未找到可打开 .docx 文件的程序，请自行打开%1：</translation>
    </message>
    <message>
        <source>Open it to print</source>
        <translation>打开以打印</translation>
    </message>
    <message>
        <source>Cannot attach the file</source>
        <translation>无法添加该文件</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Blocking problems</source>
        <translation>阻止导出的问题</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Tencent Cloud</source>
        <translation>腾讯云</translation>
    </message>
    <message>
        <source>Alibaba Cloud</source>
        <translation>阿里云</translation>
    </message>
    <message>
        <source>Huawei Cloud</source>
        <translation>华为云</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 — and %2 more</source>
        <translation>%1 — 另有 %2 项</translation>
    </message>
    <message>
        <source>(no client yet)</source>
        <translation>（尚无客户）</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <source>Case library — SMS Signature Assistant</source>
        <translation>案例库 — 短信签名助手</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Tip: drop a status list saved from a provider&apos;s command-line tool on the table to update the cases&apos; status.</source>
        <translation>提示：将从平台命令行工具保存的状态列表拖放到表格上，即可更新各案例的状态。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>No folder chosen yet</source>
        <translation>尚未选择文件夹</translation>
    </message>
    <message>
        <source>C&amp;hoose folder…</source>
        <translation>选择文件夹(&amp;H)…</translation>
    </message>
    <message>
        <source>The folder that holds your cases; it may be on a shared drive</source>
        <translation>存放案例的文件夹，可以位于共享盘上</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the folder again (F5)</source>
        <translation>重新读取文件夹（F5）</translation>
    </message>
    <message>
        <source>Search client, signature, credit code, problem… (Ctrl+F)</source>
        <translation>搜索客户、签名、信用代码、问题…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search the cases</source>
        <translation>搜索案例</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Every provider</source>
        <translation>所有平台</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>With or without problems</source>
        <translation>有无问题均显示</translation>
    </message>
    <message>
        <source>Something still blocks</source>
        <translation>仍有阻止导出的问题</translation>
    </message>
    <message>
        <source>Nothing blocks</source>
        <translation>无阻止问题</translation>
    </message>
    <message>
        <source>Choose the folder of your cases</source>
        <translation>选择存放案例的文件夹</translation>
    </message>
    <message>
        <source>Cannot read the folder</source>
        <translation>无法读取文件夹</translation>
    </message>
    <message>
        <source>Choose the folder that holds your cases.</source>
        <translation>请选择存放案例的文件夹。</translation>
    </message>
    <message>
        <source>%1 cases, %2 with something that still blocks; %3 shown</source>
        <translation>共 %1 个案例，其中 %2 个仍有阻止导出的问题；显示 %3 个</translation>
    </message>
    <message>
        <source>reading the folder…</source>
        <translation>正在读取文件夹…</translation>
    </message>
    <message>
        <source>&amp;Open in the wizard</source>
        <translation>在向导中打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the case (double-click, Enter)</source>
        <translation>打开案例（双击或按回车）</translation>
    </message>
    <message>
        <source>&amp;Duplicate for a new client…</source>
        <translation>复制给新客户(&amp;D)…</translation>
    </message>
    <message>
        <source>A new case with the same applicant and provider, for another client</source>
        <translation>为另一个客户新建案例，申请方和平台保持不变</translation>
    </message>
    <message>
        <source>&amp;Export selected…</source>
        <translation>导出所选(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the selected cases to a folder, one bundle each, with a summary</source>
        <translation>将所选案例导出到一个文件夹，每个案例一个提交包，并附汇总表</translation>
    </message>
    <message>
        <source>E&amp;xplain a rejection…</source>
        <translation>解释驳回原因(&amp;X)…</translation>
    </message>
    <message>
        <source>Paste the reason the console shows: what it means and what to fix</source>
        <translation>粘贴控制台显示的原因：说明其含义及如何修改</translation>
    </message>
    <message>
        <source>&amp;Import clients…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>One new case per row of a spreadsheet (.xlsx or .csv)</source>
        <translation>表格（.xlsx 或 .csv）中每一行生成一个新案例</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>资料(&amp;P)…</translation>
    </message>
    <message>
        <source>Your company and your clients, entered once</source>
        <translation>您的公司和客户资料，只需录入一次</translation>
    </message>
    <message>
        <source>Duplicate for a new client</source>
        <translation>复制给新客户</translation>
    </message>
    <message>
        <source>The new client&apos;s name (the signature owner; you can change it later):</source>
        <translation>新客户名称（签名归属方，之后可以修改）：</translation>
    </message>
    <message>
        <source>Cannot duplicate the case</source>
        <translation>无法复制案例</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Export %1 cases to the folder…</source>
        <translation>将 %1 个案例导出到文件夹…</translation>
    </message>
    <message>
        <source>Some cases are not complete</source>
        <translation>部分案例不完整</translation>
    </message>
    <message>
        <source>%1 of the %2 cases still have problems that block the export. Export them too, marked INCOMPLETE?</source>
        <translation>%2 个案例中有 %1 个仍有阻止导出的问题。是否也导出它们，并标记为 INCOMPLETE（不完整）？</translation>
    </message>
    <message>
        <source>No: only the complete cases are exported; the summary lists the others and why.</source>
        <translation>否：只导出完整的案例；汇总表会列出其余案例及原因。</translation>
    </message>
    <message>
        <source>%1 bundles written to %2: %3 complete, %4 marked INCOMPLETE; %5 not exported.</source>
        <translation>已在 %2 中写入 %1 个提交包：%3 个完整，%4 个标记为 INCOMPLETE（不完整）；%5 个未导出。</translation>
    </message>
    <message>
        <source>The summary of every case is in %1.</source>
        <translation>所有案例的汇总见 %1。</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>%1: %2 signatures and templates read, %3 cases updated, %4 matched no case.</source>
        <translation>%1：读取 %2 个签名和模板，更新 %3 个案例，%4 个未匹配到案例。</translation>
    </message>
    <message>
        <source>Status imported</source>
        <translation>状态已导入</translation>
    </message>
</context>
<context>
    <name>NameRow</name>
    <message>
        <source>Signature name %1</source>
        <translation>签名名称 %1</translation>
    </message>
    <message>
        <source>e.g. 腾讯科技 or the company&apos;s short name</source>
        <translation>例如“腾讯科技”或公司简称</translation>
    </message>
    <message>
        <source>Remove this name</source>
        <translation>删除此名称</translation>
    </message>
    <message>
        <source>Remove name %1</source>
        <translation>删除名称 %1</translation>
    </message>
    <message>
        <source>Looks good for this provider.</source>
        <translation>符合该服务商的要求。</translation>
    </message>
</context>
<context>
    <name>NamesPage</name>
    <message>
        <source>Signature name</source>
        <translation>签名名称</translation>
    </message>
    <message>
        <source>The text shown in 【】 at the start of every message. Checked as you type.</source>
        <translation>每条短信开头【】中显示的文字。输入时即时检查。</translation>
    </message>
    <message>
        <source>Signature na&amp;mes</source>
        <translation>签名名称(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Add another name</source>
        <translation>再添加一个名称(&amp;A)</translation>
    </message>
    <message>
        <source>One application can list several names of the same owner (one letter covers them all)</source>
        <translation>一次申请可以列出同一归属方的多个名称（一份委托书即可涵盖全部名称）</translation>
    </message>
    <message>
        <source>&amp;Remarks for the reviewer</source>
        <translation>给审核人员的备注(&amp;R)</translation>
    </message>
    <message>
        <source>%1: %2–%3 characters; Chinese characters, letters and digits. Do not type the 【】 brackets.</source>
        <translation>%1：%2–%3 个字符；可用汉字、字母和数字。不要输入【】括号。</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1（可选）</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 个字符</translation>
    </message>
    <message>
        <source>Checked against “%1”: the full name or a continuous part of it.</source>
        <translation>将与“%1”比对：须为全称或其中连续的一段。</translation>
    </message>
    <message>
        <source>Once the owner&apos;s registered name is entered (next page), each name is checked against it.</source>
        <translation>填写签名归属方的注册名称后（下一页），每个名称都会与之比对。</translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <source>Applicant and owner</source>
        <translation>申请方与签名归属方</translation>
    </message>
    <message>
        <source>Who applies, and who owns the signature. Names exactly as on the business license.</source>
        <translation>谁来申请、签名归属于谁。名称须与营业执照上的完全一致。</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请方</translation>
    </message>
    <message>
        <source>Saved applicants</source>
        <translation>已保存的申请方</translation>
    </message>
    <message>
        <source>Fill in an applicant you saved before</source>
        <translation>填入之前保存的申请方</translation>
    </message>
    <message>
        <source>Sa&amp;ved applicants:</source>
        <translation>已保存的申请方(&amp;V)：</translation>
    </message>
    <message>
        <source>Save &amp;applicant</source>
        <translation>保存申请方(&amp;A)</translation>
    </message>
    <message>
        <source>Remember this applicant for your next cases</source>
        <translation>记住此申请方，供以后的案例使用</translation>
    </message>
    <message>
        <source>Full verified name of your cloud account</source>
        <translation>您的云账号实名认证的完整名称</translation>
    </message>
    <message>
        <source>Applicant name</source>
        <translation>申请方名称</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91110000802100433B</source>
        <translation>18 位，例如 91110000802100433B</translation>
    </message>
    <message>
        <source>Applicant credit code</source>
        <translation>申请方统一社会信用代码</translation>
    </message>
    <message>
        <source>Valid unified social credit code.</source>
        <translation>统一社会信用代码有效。</translation>
    </message>
    <message>
        <source>Nam&amp;e:</source>
        <translation>名称(&amp;E)：</translation>
    </message>
    <message>
        <source>C&amp;redit code:</source>
        <translation>统一社会信用代码(&amp;R)：</translation>
    </message>
    <message>
        <source>Credit c&amp;ode:</source>
        <translation>统一社会信用代码(&amp;O)：</translation>
    </message>
    <message>
        <source>Signature owner (authorizer)</source>
        <translation>签名归属方（授权方）</translation>
    </message>
    <message>
        <source>Pick a saved &amp;profile…</source>
        <translation>选择已保存的资料(&amp;P)…</translation>
    </message>
    <message>
        <source>Your company or a client, saved once (copied into this case)</source>
        <translation>您的公司或某个客户，只需保存一次（复制到本案例中）</translation>
    </message>
    <message>
        <source>The organization the signature belongs to. It signs and stamps the authorization letter that lets the applicant use the signature.</source>
        <translation>签名所属的单位。它在授权委托书上签字盖章，授权申请方使用该签名。</translation>
    </message>
    <message>
        <source>Full name as on its business license</source>
        <translation>与其营业执照上一致的完整名称</translation>
    </message>
    <message>
        <source>Owner name</source>
        <translation>签名归属方名称</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>Owner credit code</source>
        <translation>签名归属方统一社会信用代码</translation>
    </message>
    <message>
        <source>Signs the letter by hand</source>
        <translation>在委托书上亲笔签字</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Legal representative:</source>
        <translation>法定代表人(&amp;L)：</translation>
    </message>
    <message>
        <source>Applicant (authorized party)</source>
        <translation>申请方（被授权方）</translation>
    </message>
    <message>
        <source>The entity your cloud account is verified as. The owner authorizes it to use the signature.</source>
        <translation>您的云账号实名认证的主体。签名归属方授权它使用该签名。</translation>
    </message>
    <message>
        <source>Applicant (signature owner)</source>
        <translation>申请方（签名归属方）</translation>
    </message>
    <message>
        <source>The entity your cloud account is verified as; the signature belongs to it.</source>
        <translation>您的云账号实名认证的主体；签名归属于它。</translation>
    </message>
    <message>
        <source>Your name exactly as your cloud account is verified.</source>
        <translation>您的姓名，须与云账号实名认证的完全一致。</translation>
    </message>
    <message>
        <source>(none saved yet)</source>
        <translation>（尚未保存）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>The profiles could not be saved in %1: %2</source>
        <translation>无法将资料保存到 %1：%2</translation>
    </message>
    <message>
        <source>The signature&apos;s owner, checked</source>
        <translation>签名归属方核对</translation>
    </message>
    <message>
        <source>Owner&apos;s entity type</source>
        <translation>签名归属方主体类型</translation>
    </message>
    <message>
        <source>Not said (guessed from the name and credit code)</source>
        <translation>未选择（按名称和统一社会信用代码判断）</translation>
    </message>
    <message>
        <source>En&amp;tity type:</source>
        <translation>主体类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Restricted industry</source>
        <translation>受限行业</translation>
    </message>
    <message>
        <source>Restricted indu&amp;stry:</source>
        <translation>受限行业(&amp;S)：</translation>
    </message>
    <message>
        <source>The names are part of the owner&apos;s registered name.</source>
        <translation>名称均为签名归属方注册名称的一部分。</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>都不是</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Pick a saved profile</source>
        <translation>选择已保存的资料</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Kept in %1</source>
        <translation>保存在 %1</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>已保存的资料</translation>
    </message>
    <message>
        <source>Your company (the applicant)</source>
        <translation>您的公司（申请方）</translation>
    </message>
    <message>
        <source>A client (owner of signatures)</source>
        <translation>客户（签名归属方）</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Credit code:</source>
        <translation>统一社会信用代码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Legal representative:</source>
        <translation>法定代表人(&amp;L)：</translation>
    </message>
    <message>
        <source>Licence &amp;file:</source>
        <translation>营业执照文件(&amp;F)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Licence file…</source>
        <translation>营业执照文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>保存资料(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>A profile is copied into a case when you pick it: editing it later does not change cases made before.</source>
        <translation>选择资料时会把它复制到案例中：之后修改资料不会改变以前的案例。</translation>
    </message>
    <message>
        <source>&amp;Use this profile</source>
        <translation>使用此资料(&amp;U)</translation>
    </message>
    <message>
        <source>Your company</source>
        <translation>您的公司</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Cannot save the profiles</source>
        <translation>无法保存资料</translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <source>Provider and account</source>
        <translation>服务商与账号</translation>
    </message>
    <message>
        <source>Where will you send the messages from, and whose signature is it?</source>
        <translation>您将通过哪家服务商发送短信？签名归属于谁？</translation>
    </message>
    <message>
        <source>Cloud &amp;provider</source>
        <translation>云服务商(&amp;P)</translation>
    </message>
    <message>
        <source>Apply in: %1</source>
        <translation>申请入口：%1</translation>
    </message>
    <message>
        <source>&amp;Where are the messages sent?</source>
        <translation>短信发往哪里(&amp;W)？</translation>
    </message>
    <message>
        <source>How is your cloud &amp;account verified?</source>
        <translation>您的云账号是如何实名认证的(&amp;A)？</translation>
    </message>
    <message>
        <source>Whose &amp;signature is it?</source>
        <translation>这是谁的签名(&amp;S)？</translation>
    </message>
    <message>
        <source>Nothing is chosen for you: answer each question to go on.</source>
        <translation>不会替您预先选择：请回答每个问题后继续。</translation>
    </message>
</context>
<context>
    <name>QualificationPage</name>
    <message>
        <source>&amp;Generate the commitment letter…</source>
        <translation>生成承诺函(&amp;G)…</translation>
    </message>
    <message>
        <source>(if asked)</source>
        <translation>（按需）</translation>
    </message>
    <message>
        <source>Administrator (handler, 经办人)</source>
        <translation>管理员（经办人）</translation>
    </message>
    <message>
        <source>Approved qualification id</source>
        <translation>已通过的资质 ID</translation>
    </message>
    <message>
        <source>As on the Parties page</source>
        <translation>与“申请方与归属方”页一致</translation>
    </message>
    <message>
        <source>As the console&apos;s qualification list shows it</source>
        <translation>与控制台资质列表中显示的一致</translation>
    </message>
    <message>
        <source>Colour photos of the original cards, the whole card in the picture. The licence is attached on the Documents step. The bundle removes every metadata (location, camera) from these photos.</source>
        <translation>请上传证件原件的彩色照片，证件完整入镜。营业执照在“材料”步骤添加。材料包会删除这些照片中的全部元数据（位置、相机信息）。</translation>
    </message>
    <message>
        <source>Commitment letter (合规使用承诺函)</source>
        <translation>合规使用承诺函</translation>
    </message>
    <message>
        <source>commitment letter</source>
        <translation>承诺函</translation>
    </message>
    <message>
        <source>From the Parties page: %1</source>
        <translation>来自“申请方与归属方”页：%1</translation>
    </message>
    <message>
        <source>I already have an approved &amp;qualification: id</source>
        <translation>已有审核通过的资质(&amp;Q)，ID：</translation>
    </message>
    <message>
        <source>ID photos and signed letters</source>
        <translation>证件照片与签字文件</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Open it to print</source>
        <translation>打开以打印</translation>
    </message>
    <message>
        <source>Owner, exactly as on its licence</source>
        <translation>归属方（与营业执照完全一致）</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>资质</translation>
    </message>
    <message>
        <source>Signing &amp;date:</source>
        <translation>签署日期(&amp;D)：</translation>
    </message>
    <message>
        <source>The provider asks for it before any signature: the owner exactly as on its licence, its legal representative and the administrator who manages SMS. Or give the id of a qualification already approved.</source>
        <translation>申请签名前，服务商要求先提交资质：与营业执照完全一致的归属方、其法定代表人，以及管理短信业务的管理员。也可以直接填写已审核通过的资质 ID。</translation>
    </message>
    <message>
        <source>The qualification</source>
        <translation>资质信息</translation>
    </message>
    <message>
        <source>The qualification passes every check.</source>
        <translation>资质通过全部检查。</translation>
    </message>
    <message>
        <source>Written: %1, in the folder %2. Print it, have it signed and stamped, then attach the scan below.</source>
        <translation>已写入：%1，位于文件夹 %2。请打印、签字盖章，然后在下方添加扫描件。</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty to date it by hand</source>
        <translation>YYYY-MM-DD，留空则手写日期</translation>
    </message>
</context>
<context>
    <name>RejectionDialog</name>
    <message>
        <source>Rejected? Paste the reason</source>
        <translation>被驳回？粘贴驳回原因</translation>
    </message>
    <message>
        <source>Paste the text the provider&apos;s console shows with the rejection, in any wording, Chinese or English. The program says what it means, what to fix, and where.</source>
        <translation>粘贴平台控制台显示的驳回文字，措辞不限，中文或英文均可。程序会说明它的意思、要改什么、在哪一步改。</translation>
    </message>
    <message>
        <source>&amp;Rejection text:</source>
        <translation>驳回文字(&amp;R)：</translation>
    </message>
    <message>
        <source>Rejection text</source>
        <translation>驳回文字</translation>
    </message>
    <message>
        <source>e.g. 审核不通过：授权委托书未加盖公章</source>
        <translation>例如：审核不通过：授权委托书未加盖公章</translation>
    </message>
    <message>
        <source>&amp;Matching reasons, best first:</source>
        <translation>相符的原因（最相符的在前）(&amp;M)：</translation>
    </message>
    <message>
        <source>Matching reasons</source>
        <translation>相符的原因</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>服务商(&amp;P)：</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>任一服务商</translation>
    </message>
    <message>
        <source>&amp;Signature:</source>
        <translation>签名(&amp;S)：</translation>
    </message>
    <message>
        <source>Which signature was rejected</source>
        <translation>哪个签名被驳回</translation>
    </message>
    <message>
        <source>Re&amp;cord the rejection</source>
        <translation>记录驳回(&amp;C)</translation>
    </message>
    <message>
        <source>Mark the signature rejected with this text, in the case (then save it)</source>
        <translation>在案例中把该签名标记为已驳回并记下这段文字（之后请保存案例）</translation>
    </message>
    <message>
        <source>&amp;Go to this step</source>
        <translation>前往此步骤(&amp;G)</translation>
    </message>
    <message>
        <source>Record the rejection and open the step to fix, with the field highlighted</source>
        <translation>记录驳回，并打开需要修改的步骤，突出显示相关字段</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Case: %1 (opened when you record the rejection)</source>
        <translation>案例：%1（记录驳回时打开）</translation>
    </message>
    <message>
        <source>No case is open: to record the rejection, select the case under Recent cases (or open it) first.</source>
        <translation>当前没有打开的案例：要记录驳回，请先在“最近的案例”中选中该案例（或打开它）。</translation>
    </message>
    <message>
        <source>Case: %1</source>
        <translation>案例：%1</translation>
    </message>
    <message>
        <source>Case: the one open now (not saved yet)</source>
        <translation>案例：当前打开的案例（尚未保存）</translation>
    </message>
    <message>
        <source>It has no signature name yet, so nothing can be recorded.</source>
        <translation>该案例还没有签名名称，因此无法记录。</translation>
    </message>
    <message>
        <source>Signature: %1</source>
        <translation>签名：%1</translation>
    </message>
    <message>
        <source>Which signature was rejected?</source>
        <translation>哪个签名被驳回？</translation>
    </message>
    <message>
        <source>The text could not be explained: %1</source>
        <translation>无法解释这段文字：%1</translation>
    </message>
    <message>
        <source>Paste or type the rejection text above.</source>
        <translation>请在上方粘贴或输入驳回文字。</translation>
    </message>
    <message>
        <source>1 known reason fits this text.</source>
        <translation>有 1 个已知原因与这段文字相符。</translation>
    </message>
    <message>
        <source>%1 known reasons fit this text.</source>
        <translation>有 %1 个已知原因与这段文字相符。</translation>
    </message>
    <message>
        <source>Recorded: %1 rejected. Save the case to keep it.</source>
        <translation>已记录：%1 被驳回。请保存案例以保留此记录。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Everything that is still wrong, by step. Double-click a line (or press Enter) to go and fix it.</source>
        <translation>按步骤列出所有尚待解决的问题。双击某一行（或按回车键）即可前往修正。</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <source>Remaining problems</source>
        <translation>尚待解决的问题</translation>
    </message>
    <message>
        <source>&amp;Go to this step</source>
        <translation>前往此步骤(&amp;G)</translation>
    </message>
    <message>
        <source>Re&amp;jected? Paste the reason…</source>
        <translation>被驳回？粘贴驳回原因(&amp;J)…</translation>
    </message>
    <message>
        <source>Checking everything…</source>
        <translation>正在全面检查…</translation>
    </message>
    <message>
        <source>Checking everything… %1</source>
        <translation>正在全面检查… %1</translation>
    </message>
    <message>
        <source>Checks stopped. Press “Check again” to run them.</source>
        <translation>检查已停止。点击“重新检查”可再次运行。</translation>
    </message>
    <message>
        <source>The checks failed: %1</source>
        <translation>检查出错：%1</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 个错误</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 个警告</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 个警告</translation>
    </message>
    <message>
        <source>%1 must be fixed before export; %2 to look at.</source>
        <translation>导出前须修正 %1；另有 %2值得查看。</translation>
    </message>
    <message>
        <source>%1 must be fixed before export.</source>
        <translation>导出前须修正 %1。</translation>
    </message>
    <message>
        <source>Ready to export. %1 worth a look.</source>
        <translation>可以导出。有 %1值得查看。</translation>
    </message>
    <message>
        <source>✔ Everything checks out. Ready to export.</source>
        <translation>✔ 全部检查通过，可以导出。</translation>
    </message>
</context>
<context>
    <name>SignatureRow</name>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Record that this signature was submitted in the console today</source>
        <translation>记录该签名已于今天在控制台提交</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Record that the provider approved this signature today</source>
        <translation>记录平台已于今天审核通过该签名</translation>
    </message>
    <message>
        <source>Rejected…</source>
        <translation>被驳回…</translation>
    </message>
    <message>
        <source>Paste the provider&apos;s reason: see what it means and where to fix it</source>
        <translation>粘贴平台给出的原因：查看它的意思以及在哪里修改</translation>
    </message>
    <message>
        <source>Last message sent:</source>
        <translation>最后一次发送：</translation>
    </message>
    <message>
        <source>Last message sent with %1</source>
        <translation>用 %1 最后一次发送短信的日期</translation>
    </message>
    <message>
        <source>The carriers drop a filing after six months without sending: the warning counts from this day</source>
        <translation>签名连续六个月没有发送，运营商会取消报备：提醒从这一天开始计算</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>not filed yet</source>
        <translation>尚未报备</translation>
    </message>
    <message>
        <source>filing in progress</source>
        <translation>报备中</translation>
    </message>
    <message>
        <source>filed</source>
        <translation>已报备</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>Carrier filing:</source>
        <translation>运营商报备：</translation>
    </message>
</context>
<context>
    <name>SignatureTypePage</name>
    <message>
        <source>Signature type</source>
        <translation>签名类型</translation>
    </message>
    <message>
        <source>What is the signature named after? This decides the documents you need.</source>
        <translation>签名是以什么命名的？这决定了您需要提供哪些材料。</translation>
    </message>
    <message>
        <source>Signature &amp;type</source>
        <translation>签名类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Kind of messages</source>
        <translation>短信类型(&amp;K)</translation>
    </message>
    <message>
        <source>None of this provider&apos;s signature types can be chosen with this account and purpose. Go back and change them.</source>
        <translation>在此账号类型和用途下，该服务商的签名类型都无法选择。请返回上一步修改。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Prepare an SMS signature application</source>
        <translation>准备短信签名申请</translation>
    </message>
    <message>
        <source>For Tencent Cloud, Alibaba Cloud and Huawei Cloud. A few plain questions, then the documents, checks and one bundle to upload. Nothing leaves this computer.</source>
        <translation>适用于腾讯云、阿里云和华为云。回答几个简单问题，然后准备材料、检查，最后得到一个可直接上传的材料包。所有数据都不会离开这台电脑。</translation>
    </message>
    <message>
        <source>&amp;Discard draft</source>
        <translation>丢弃草稿(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the autosaved draft</source>
        <translation>删除自动保存的草稿</translation>
    </message>
    <message>
        <source>Continue where you &amp;left off</source>
        <translation>从上次中断处继续(&amp;L)</translation>
    </message>
    <message>
        <source>Ne&amp;w application</source>
        <translation>新建申请(&amp;W)</translation>
    </message>
    <message>
        <source>Start from the beginning: choose the provider and what you apply for.</source>
        <translation>从头开始：选择服务商和申请内容。</translation>
    </message>
    <message>
        <source>&amp;Open a saved case…</source>
        <translation>打开已保存的案例(&amp;O)…</translation>
    </message>
    <message>
        <source>Continue an application saved as a .smscase.json file.</source>
        <translation>继续处理保存为 .smscase.json 文件的申请。</translation>
    </message>
    <message>
        <source>Case li&amp;brary…</source>
        <translation>案例库(&amp;B)…</translation>
    </message>
    <message>
        <source>For agencies: every client&apos;s case in one table, import a client list, export many.</source>
        <translation>代理商专用：所有客户的案例一表可见，可导入客户名单、批量导出。</translation>
    </message>
    <message>
        <source>&amp;Recent cases</source>
        <translation>最近的案例(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;jected? Paste the reason…</source>
        <translation>被驳回？粘贴驳回原因(&amp;J)…</translation>
    </message>
    <message>
        <source>What the provider&apos;s reason means and where to fix it, recorded on the case selected below</source>
        <translation>平台给出的驳回原因是什么意思、在哪一步修改；记录到下方选中的案例</translation>
    </message>
    <message>
        <source>Recent cases</source>
        <translation>最近的案例</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open</source>
        <translation>双击或按回车键打开</translation>
    </message>
    <message>
        <source>No recent cases yet. Cases you save appear here, so an agency can switch clients quickly.</source>
        <translation>还没有最近的案例。保存过的案例会显示在这里，方便代理机构快速切换客户。</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>A draft was kept automatically (last change %1). Nothing you typed is lost.</source>
        <translation>已自动保留一份草稿（最后修改于 %1）。您输入的内容都没有丢失。</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>（找不到文件）</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Status after submission</source>
        <translation>提交后的状态</translation>
    </message>
    <message>
        <source>Record what the provider answers, or drop here the status list its command-line tool saved (JSON): the case keeps each signature&apos;s review, its filing with each carrier and the last day a message was sent.</source>
        <translation>记录平台的审核结果，或把平台命令行工具保存的状态列表（JSON）拖到这里：案例会保存每个签名的审核、各运营商的报备以及最后一次发送的日期。</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message>
        <source>No signature name yet: the status is kept per signature.</source>
        <translation>还没有签名名称：状态按签名分别记录。</translation>
    </message>
    <message>
        <source>%1: 1 change in this case.</source>
        <translation>%1：本案例有 1 处变化。</translation>
    </message>
    <message>
        <source>%1: %2 changes in this case.</source>
        <translation>%1：本案例有 %2 处变化。</translation>
    </message>
    <message>
        <source>%1: nothing in it changes this case (1 signature or template read).</source>
        <translation>%1：其中没有改变本案例的内容（已读取 1 个签名或模板）。</translation>
    </message>
    <message>
        <source>%1: nothing in it changes this case (%2 signatures or templates read).</source>
        <translation>%1：其中没有改变本案例的内容（已读取 %2 个签名或模板）。</translation>
    </message>
</context>
<context>
    <name>TemplateRow</name>
    <message>
        <source>Kind of template</source>
        <translation>模板类型</translation>
    </message>
    <message>
        <source>Signature it is sent with</source>
        <translation>发送时使用的签名</translation>
    </message>
    <message>
        <source>Remove this template</source>
        <translation>删除此模板</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>模板内容</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Scene description</source>
        <translation>场景说明</translation>
    </message>
    <message>
        <source>Where and when it is sent, with a link to the page or app</source>
        <translation>在何处、何时发送，并附相关网页或 App 链接</translation>
    </message>
    <message>
        <source>Scene:</source>
        <translation>场景：</translation>
    </message>
    <message>
        <source>Looks good for this provider.</source>
        <translation>符合该服务商的规则。</translation>
    </message>
    <message>
        <source>Message preview</source>
        <translation>短信预览</translation>
    </message>
    <message>
        <source>Length and number of SMS</source>
        <translation>字数和短信条数</translation>
    </message>
    <message>
        <source>Attribute of %1</source>
        <translation>%1 的变量属性</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Example value of %1</source>
        <translation>%1 的示例值</translation>
    </message>
    <message>
        <source>Variable %1:</source>
        <translation>变量 %1：</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>SMS templates</source>
        <translation>短信模板</translation>
    </message>
    <message>
        <source>Optional: the messages you will send with the signature, checked as you type against the provider&apos;s template rules.</source>
        <translation>可选：将使用该签名发送的短信内容，输入时按服务商的模板规则即时检查。</translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Add a template</source>
        <translation>添加模板(&amp;A)</translation>
    </message>
    <message>
        <source>Add an SMS template to apply for</source>
        <translation>添加一个要申请的短信模板</translation>
    </message>
    <message>
        <source>Write variables as this provider does, e.g. %1. Promotion templates end with 拒收请回复R. Do not type the signature or 【】.</source>
        <translation>请按该服务商的格式书写变量，例如 %1。营销（推广）模板末尾须带“拒收请回复R”。不要输入签名或【】。</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>%1 characters · %2 SMS</source>
        <translation>%1 字 · %2 条短信</translation>
    </message>
</context>
<context>
    <name>ValidityEdit</name>
    <message>
        <source>Long-term (长期)</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <source>SMS Signature Assistant</source>
        <translation>短信签名助手</translation>
    </message>
    <message>
        <source>Prepares and pre-checks SMS signature applications for Tencent Cloud, Alibaba Cloud and Huawei Cloud. Works offline: nothing you enter or attach leaves this computer.</source>
        <translation>为腾讯云、阿里云和华为云准备并预先检查短信签名申请。离线工作：您输入或添加的任何内容都不会离开这台电脑。</translation>
    </message>
    <message>
        <source>Rule packs</source>
        <translation>规则包</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Sources read</source>
        <translation>资料查阅日期</translation>
    </message>
    <message>
        <source>Rules change often: check the provider console when in doubt.</source>
        <translation>规则经常变化：如有疑问，请以服务商控制台为准。</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>SMS signature cases (*.smscase.json);;All files (*)</source>
        <translation>短信签名案例 (*.smscase.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开案例</translation>
    </message>
    <message>
        <source>Save case as</source>
        <translation>案例另存为</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Images and PDF (*.jpg *.jpeg *.png *.gif *.pdf *.webp *.heic *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>图片和 PDF (*.jpg *.jpeg *.png *.gif *.pdf *.webp *.heic *.bmp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a letter template</source>
        <translation>选择委托书模板</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Import clients from a spreadsheet</source>
        <translation>从表格导入客户</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt *.tsv);;All files (*)</source>
        <translation>表格 (*.xlsx *.xlsm *.csv *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Changed on disk</source>
        <translation>文件已在磁盘上被修改</translation>
    </message>
    <message>
        <source>%1 was changed by another window or a colleague since you opened it.</source>
        <translation>自您打开以来，%1 已被另一个窗口或同事修改。</translation>
    </message>
    <message>
        <source>Saving now replaces their changes with yours. Save yours under another name to keep both.</source>
        <translation>现在保存会用您的修改覆盖对方的修改。另存为其他文件名可同时保留两份。</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Replace their changes</source>
        <translation>覆盖对方的修改(&amp;R)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>This case has changes that are not saved.</source>
        <translation>此案例有尚未保存的更改。</translation>
    </message>
    <message>
        <source>Do you want to save them before closing?</source>
        <translation>关闭前要保存吗？</translation>
    </message>
    <message>
        <source>Before (your original, unchanged)</source>
        <translation>修正前（您的原文件，保持不变）</translation>
    </message>
    <message>
        <source>After (a new copy)</source>
        <translation>修正后（新的副本）</translation>
    </message>
    <message>
        <source>(no preview)</source>
        <translation>（无预览）</translation>
    </message>
    <message>
        <source>&amp;Use the fixed copy…</source>
        <translation>使用修正后的副本(&amp;U)…</translation>
    </message>
    <message>
        <source>The file %1 is in the folder:</source>
        <translation>文件 %1 位于文件夹：</translation>
    </message>
    <message>
        <source>&amp;Copy the path</source>
        <translation>复制路径(&amp;C)</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Use “%1”</source>
        <translation>改为“%1”</translation>
    </message>
    <message>
        <source>1 error on this step</source>
        <translation>本步骤有 1 个错误</translation>
    </message>
    <message>
        <source>%1 errors on this step</source>
        <translation>本步骤有 %1 个错误</translation>
    </message>
    <message>
        <source>Replace the text with the corrected value</source>
        <translation>用修正后的内容替换</translation>
    </message>
    <message>
        <source>Apply the fix: %1</source>
        <translation>应用修正：%1</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
</context>
</TS>
