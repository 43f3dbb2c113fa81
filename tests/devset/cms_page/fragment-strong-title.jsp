<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8"%>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core"%>
<meta name="keywords" content="政府采购,意向公开,江门市财政局">
<meta name="description" content="江门市财政局关于做好2023年政府采购意向公开工作的通知">
<script type="text/javascript">
	$(function(){ $("#fontsize a").click(function(){ $(".article-content").css("font-size", $(this).data("size")); }); });
</script>
<div class="article">
	<div class="article-title"><strong>关于做好2023年政府采购意向公开工作的通知</strong></div>
	<div class="article-info">发布日期：2023-05-06 09:30　信息来源：江门市财政局　浏览次数：${article.hits}</div>
	<div id="fontsize">字号：<a data-size="16px">大</a> <a data-size="14px">中</a> <a data-size="12px">小</a></div>
	<div class="article-content">
		<p>各市（区）财政局，市直各预算单位：</p>
		<p>　　为进一步提高政府采购透明度，根据《财政部关于开展政府采购意向公开工作的通知》要求，现就做好2023年政府采购意向公开工作通知如下。</p>
		<p>　　一、各预算单位应当在采购活动开始前30日在广东政府采购智慧云平台公开采购意向，公开内容包括采购项目名称、采购需求概况、预算金额和预计采购时间。</p>
		<p>　　二、采购意向公开后发生变化的，应当及时更新；未公开采购意向的项目，不得开展采购活动。</p>
		<c:if test="${not empty article.attachments}">
		<p class="attach">附件：<a href="${ctx}/download?id=${att.id}">${att.name}</a></p>
		</c:if>
		<p style="text-align:right">江门市财政局</p>
		<p style="text-align:right">2023年5月6日</p>
	</div>
	<div class="bdsharebuttonbox"><span>分享到：</span><a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
	<div class="pre-next">
		<p>上一篇：<a href="/zwgk/2023/0428/1.html">江门市2023年第一季度政府采购信息统计</a></p>
		<p>下一篇：<a href="/zwgk/2023/0512/2.html">关于开展政府采购代理机构检查的通知</a></p>
	</div>
</div>
<script>var _hmt = _hmt || [];</script>
