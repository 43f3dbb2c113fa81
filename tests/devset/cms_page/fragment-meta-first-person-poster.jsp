<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />

<script language="javascript" type="text/javascript">
$(document).ready(function(){
	var id = $("#channelId").val();
	$('.subnav>li[id='+id+']').addClass('selected');
})
</script>

 <div id="conTitle">
 	<div class="navCurrent ">
	<a href="/index.jsp" title="首页">首页</a>
	<a href="javascript:void(0)" title="采购知识">采购知识</a>
	<a href="javascript:void(0)" title="什么是框架协议采购">什么是框架协议采购</a>
 	</div>
 </div>
<div id="conBody">
   <input type="hidden"  id="channelId" value="ff8080812ed7f020" />
   <div class="frameNews">
    <h1>什么是框架协议采购</h1>
    <div class="subtitle"></div>
       <div class="source">
	      <span>发布时间：2022-03-23</span>
	      <span>发布人：周敏  </span>
      </div>
      <p><p class="MsoNormal"><span style="font-family: 新宋体"><o:p>&nbsp;</o:p></span></p>
<p class="MsoNormal"><span style="font-family: 新宋体">框架协议采购，是指集中采购机构或者主管预算单位对技术、服务等标准明确、统一，需要多次重复采购的货物和服务，通过公开征集程序，确定第一阶段入围供应商并订立框架协议的采购方式。<o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-family: 新宋体">采购人或者服务对象按照框架协议约定规则，在入围供应商范围内确定第二阶段成交供应商并订立采购合同。<o:p></o:p></span></p>
</p>
   </div>
</div>
