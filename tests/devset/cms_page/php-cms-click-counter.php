<?php include 'inc/header.php'; ?>
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>海南省政府采购评审专家库扩容至6800人_海南政府采购网</title>
</head>
<body>
<div class="top"><a href="/">海南政府采购网</a> | <a href="/login">登录</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/news/">工作动态</a></div>
<div class="arc">
  <div class="arc-title"><h1>海南省政府采购评审专家库扩容至6800人</h1></div>
  <div class="arc-info">时间：2021-04-08　作者：张三　来源：海南省政府采购中心　点击：<script src="/plus/count.php?aid=12"></script>次</div>
  <div class="arc-body">
    <p>海南省财政厅日前完成新一轮政府采购评审专家征集工作，全省评审专家库在库专家达到6800人，较上年增加1200人。</p>
    <p>新入库专家覆盖医疗设备、信息技术、工程造价等46个专业类别，其中具有高级职称的专家占比62%。</p>
    <p>省财政厅将对评审专家实行动态管理，对履职评价不合格的专家予以清退。</p>
  </div>
  <div class="arc-pages">上一篇：<a href="/news/11.html">海南推进政府采购意向公开</a>　下一篇：<a href="/news/13.html">三亚市开展政府采购专项检查</a></div>
</div>
<div class="hotarc"><h3>热门文章</h3><ul><li><a href="/news/9.html">海南政府采购网改版上线</a></li></ul></div>
<div class="foot">版权所有 海南省财政厅</div>
</body>
</html>
