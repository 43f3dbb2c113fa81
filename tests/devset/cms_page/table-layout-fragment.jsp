<%@ page contentType="text/html; charset=GBK" %>
<table width="760" border="0" cellpadding="0" cellspacing="0">
  <tr><td class="title" align="center">关于公布2010年度政府采购代理机构考核结果的通知</td></tr>
  <tr><td class="info" align="center">发布日期：2010-5-8　来源：洛阳市财政局　【字体：<a>大</a> <a>中</a> <a>小</a>】</td></tr>
  <tr><td class="content">
    <p>各政府采购代理机构：</p>
    <p>根据《洛阳市政府采购代理机构考核办法》，市财政局对全市23家政府采购代理机构进行了年度考核，现将考核结果予以公布。</p>
    <p>考核结果为优秀的代理机构8家，良好的12家，合格的3家。</p>
    <p>洛阳市财政局</p>
    <p>二〇一〇年五月八日</p>
  </td></tr>
  <tr><td align="center"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table>
