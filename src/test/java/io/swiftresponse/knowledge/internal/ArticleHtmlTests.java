package io.swiftresponse.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The allow-list: structure survives, anything that could run script does not. */
class ArticleHtmlTests {

    @Test
    void keepsHeadingsListsTablesAndLinks() {
        String html = "<h3>标题</h3><p>说明<strong>重点</strong></p><ul><li>一</li></ul><ol><li>二</li></ol>"
                + "<table><tr><th>项</th><td>值</td></tr></table><a href=\"https://example.org/x\">链接</a><a href=\"tel:12345\">电话</a>";
        String clean = ArticleHtml.sanitize(html);
        assertThat(clean).contains("<h3>标题</h3>", "<strong>重点</strong>", "<ul><li>一</li></ul>", "<ol><li>二</li></ol>", "<th>项</th>",
                "href=\"https://example.org/x\"", "href=\"tel:12345\"", "rel=\"nofollow noopener\"");
    }

    @Test
    void noScriptSurvives() {
        String[] attacks = {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<p onclick=\"alert(1)\">x</p>",
                "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<iframe src=\"https://evil\"></iframe>",
                "<svg onload=alert(1)>", "<style>body{display:none}</style>", "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
                "<p style=\"background:url(javascript:alert(1))\">x</p>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<object data=\"x\"></object>", "<form action=\"https://evil\"><input></form>"};
        for (String attack : attacks) {
            String clean = ArticleHtml.sanitize("<p>正文</p>" + attack).toLowerCase();
            assertThat(clean).as(attack).doesNotContain("<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "<svg",
                    "<style", "data:", "style=", "<img", "<object", "<form", "<input");
        }
    }

    @Test
    void textKeepsWordsOfAdjacentBlocksApart() {
        assertThat(ArticleHtml.text("<h3>标题</h3><p>第一段。</p><ul><li>甲</li><li>乙</li></ul>")).isEqualTo("标题\n第一段。\n甲\n乙");
    }
}
