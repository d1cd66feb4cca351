package io.swiftresponse.knowledge.internal;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchTests {
    @Test
    void show() {
        var a = ChineseAnalysis.indexAnalyzer();
        for (String s : List.of("暖气不热怎么办", "家里暖气什么时候开始供暖", "物业费纠纷怎么处理", "公司拖欠工资三个月了", "晚上工地施工噪音扰民",
                "居住证办理需要什么材料", "孩子上小学怎么报名", "小区停车位被占", "住房公积金怎么提取", "医保异地就医备案", "垃圾分类厨余垃圾怎么投放",
                "采暖费", "物业服务费", "欠薪", "停水了", "养狗要办证吗"))
            System.out.println(s + " -> " + ChineseAnalysis.terms(a, s));
        var q = ChineseAnalysis.queryAnalyzer(List.of("暖气,供暖,采暖", "物业费,物业服务费", "欠薪,拖欠工资"));
        for (String s : List.of("暖气不热", "采暖费", "物业服务费", "欠薪"))
            System.out.println(s + " => " + ChineseAnalysis.terms(q, s));
        System.out.println(ArticleHtml.sanitize("<h2 onclick=x>标题</h2><script>alert(1)</script><a href='javascript:alert(1)'>x</a><a href='https://a.b'>y</a><table><tr><td>1</td></tr></table>"));
        System.out.println(ArticleHtml.text("<h2>标题</h2><p>第一段。</p><ul><li>一</li><li>二</li></ul>"));
    }
}
