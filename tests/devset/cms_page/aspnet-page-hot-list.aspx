<%@ Page Language="C#" AutoEventWireup="true" CodeBehind="Detail.aspx.cs" Inherits="Portal.Detail" %>
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>采购动态 - 浙江政府采购网</title>
<script src="/js/jquery.min.js"></script>
</head>
<body>
<div id="header"><img src="/images/logo.png" alt="浙江政府采购网"><h1 class="site-name">浙江政府采购网</h1></div>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/cgdt/">采购动态</a></li><li><a href="/zcfg/">政策法规</a></li></ul>
<div class="location">您的位置：<a href="/">首页</a> &gt; <a href="/cgdt/">采购动态</a> &gt; 正文</div>
<div class="main">
  <div class="detail">
    <h2 class="detail-title">全省政府采购电子卖场交易额突破百亿元</h2>
    <p class="detail-meta">时间：2024/01/15 10:12　来源：浙江省财政厅　作者：王明</p>
    <div class="detail-body">
      <p>记者从浙江省财政厅获悉，2023年全省政府采购电子卖场累计成交金额达103.6亿元，同比增长18.2%，其中中小企业成交额占比超过80%。</p>
      <p>据介绍，电子卖场已入驻供应商4.2万家，上架商品280余万件，覆盖办公设备、家具、农副产品等品目。</p>
      <p><a href="http://ads.example.com/click?id=9" target="_blank"><img src="http://ads.example.com/banner.gif" width="600" height="90"></a></p>
      <p>下一步，省财政厅将进一步推动电子卖场与预算管理一体化系统对接，实现采购全流程线上办理。</p>
      <p>（编辑：李华）</p>
    </div>
  </div>
  <div class="hot-news">
    <h3>热点新闻</h3>
    <ul>
      <li><a href="/cgdt/2.html">浙江推进政府采购领域信用评价</a></li>
      <li><a href="/cgdt/3.html">杭州试行远程异地评标</a></li>
    </ul>
  </div>
</div>
<div id="footer">主办：浙江省财政厅　地址：杭州市省府路8号</div>
<script>$(document).ready(function(){ $('.menu li').hover(function(){ $(this).toggleClass('on'); }); });</script>
</body>
</html>
