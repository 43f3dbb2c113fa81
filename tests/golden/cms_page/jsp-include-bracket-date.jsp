<%@ page language="java" contentType="text/html; charset=UTF-8"%>
<!DOCTYPE html>
<html>
<head>
<title>${article.title}_安徽省公共资源交易监管网</title>
<jsp:include page="/common/meta.jsp"/>
</head>
<body>
<jsp:include page="/common/header.jsp"/>
<div class="crumbs">首页 &gt; 工作动态 &gt; 正文</div>
<div class="content-box">
<h1>合肥市推行政府采购“不见面开标”</h1>
<div class="time">[2019-08-12]</div>
<div class="text">
<p>今年以来，合肥市公共资源交易中心全面推行政府采购项目“不见面开标”，供应商无需到达现场，通过网上开标大厅即可完成解密、唱标和质疑。</p>
<p>截至7月底，全市已有326个政府采购项目实行“不见面开标”，节约供应商差旅成本约480万元。</p>
<c:forEach items="${article.files}" var="f"><p><a href="${f.url}">${f.name}</a></p></c:forEach>
</div>
<div class="share-bar">分享到：<a>微信</a><a>微博</a></div>
</div>
<div class="latest"><h4>最新文章</h4><ul><li><a href="/x/1.html">芜湖市开展代理机构考核</a></li></ul></div>
<jsp:include page="/common/footer.jsp"/>
<script>$(function(){ $(".crumbs a:last").addClass("cur"); });</script>
</body>
</html>
