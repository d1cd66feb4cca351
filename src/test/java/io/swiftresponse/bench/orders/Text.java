package io.swiftresponse.bench.orders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Citizen-hotline Chinese, composed from pieces so that no two orders read the same. */
final class Text {
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红文斌玉兰海燕春梅淑珍宇浩然子涵欣怡梓萱俊杰";
    private static final String[] HONORIFIC = {"先生", "女士", "阿姨", "大爷", "师傅"};
    private static final String[] COMMUNITY_A = {"阳光", "幸福", "和平", "安华", "金台", "芳城", "康乐", "富力", "恒安", "华龙", "兴隆",
        "景泰", "明光", "翠微", "望京", "枣营", "团结", "光明", "育新", "永安", "北苑", "南湖", "东湖", "西坝河", "青年"};
    private static final String[] COMMUNITY_B = {"小区", "花园", "家园", "里", "北里", "南里", "西里", "东里", "嘉园", "公寓", "新村",
        "社区", "雅苑", "佳园"};
    private static final String[] ROADS = {"东直门南大街", "朝阳北路", "建国路", "西三环北路", "广安门外大街", "学院路", "安定路",
        "马家堡东路", "京顺路", "莲花池东路", "复兴路", "南苑路", "双清路", "德胜门外大街", "左安路"};
    private static final String[] WHEN = {"今天早上", "昨天晚上", "最近一周", "从上个月开始", "这几天", "连续三天", "每天夜里十点以后",
        "入冬以来", "本周一起", "前天下午", "近两个月", "今天凌晨", "这个月以来", "从上周五开始", "每逢周末"};
    private static final String[] OPENING = {"来电人反映：", "市民来电反映，", "来电人称，", "市民通过热线反映：", "来电反映，", ""};
    private static final String[] DETAIL = {"已经多次向物业反映，至今没有解决", "找过社区居委会，答复说不归他们管", "楼里的邻居也都有同样的情况",
        "物业电话一直无人接听", "此前已经打过一次热线，问题仍然存在", "附近商户和居民意见很大", "现场有照片可以提供",
        "家中有八十多岁的老人和刚出生的孩子", "晚上根本没法休息", "孩子上学路过这里，家长很担心", "已经持续很长时间了",
        "问了好几个部门，互相推诿", "白天上班没人在家，只能晚上处理"};
    private static final String[] IMPACT = {"严重影响正常生活", "存在安全隐患", "影响周边居民出行", "给老人和孩子带来很大不便",
        "影响休息和工作", "担心引发更大的问题", "造成了一定的经济损失"};
    private static final String[] ASK = {"希望相关部门尽快处理", "请尽快派人到现场查看", "要求给出明确的解决时间", "希望能够彻底解决",
        "请处理后回复来电人", "希望有关单位加强管理", "希望尽快恢复正常", "要求相关单位给个说法"};
    private static final String[] TITLE_FORM = {"%s%s", "%s反映%s", "%s%s问题", "关于%s%s的诉求", "%s%s，要求尽快处理",
        "%s长期%s"};

    private final Random r;

    Text(Random r) {
        this.r = r;
    }

    static String weighted(Random r, String[] values, int[] weights) {
        int total = Arrays.stream(weights).sum();
        int x = r.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    String pick(String[] a) {
        return a[r.nextInt(a.length)];
    }

    char pickChar(String s) {
        return s.charAt(r.nextInt(s.length()));
    }

    String community() {
        return pick(COMMUNITY_A) + pick(COMMUNITY_B);
    }

    String name() {
        return r.nextBoolean() ? pickChar(SURNAMES) + pick(HONORIFIC)
                : "" + pickChar(SURNAMES) + pickChar(GIVEN) + (r.nextBoolean() ? "" + pickChar(GIVEN) : "");
    }

    String mobile() {
        StringBuilder s = new StringBuilder("1").append((char) ('3' + r.nextInt(7)));
        for (int i = 0; i < 9; i++) {
            s.append((char) ('0' + r.nextInt(10)));
        }
        return s.toString();
    }

    String landline() {
        return "010-" + (6 + r.nextInt(3)) + String.format("%07d", r.nextInt(10_000_000));
    }

    String address(Street s, String community) {
        return r.nextInt(4) == 0 ? pick(ROADS) + (1 + r.nextInt(300)) + "号"
                : s.name() + community + (1 + r.nextInt(30)) + "号楼" + (1 + r.nextInt(6)) + "单元" + (1 + r.nextInt(20))
                + String.format("%02d", 1 + r.nextInt(4)) + "室";
    }

    private String keyword(Category c) {
        return c.keywords().isEmpty() ? c.name() : c.keywords().get(r.nextInt(c.keywords().size()));
    }

    String title(Category c, String place) {
        String t = String.format(pick(TITLE_FORM), r.nextBoolean() ? place : place.substring(0, Math.min(place.length(), 4)),
                keyword(c));
        return t.length() > 100 ? t.substring(0, 100) : t;
    }

    String description(Category c, String place, int target) {
        StringBuilder s = new StringBuilder(pick(OPENING));
        s.append(pick(WHEN)).append(place).append(r.nextInt(3) == 0 ? "附近" : "").append("出现").append(keyword(c))
                .append("的情况（").append(c.name()).append("），").append(pick(DETAIL)).append("，").append(pick(IMPACT))
                .append("。");
        List<String> more = new ArrayList<>();
        while (s.length() < target) {
            String sentence = switch (r.nextInt(4)) {
                case 0 -> pick(DETAIL) + "。";
                case 1 -> pick(WHEN) + "又" + keyword(c) + "，" + pick(IMPACT) + "。";
                case 2 -> "来电人表示" + pick(DETAIL) + "，" + pick(ASK) + "。";
                default -> pick(IMPACT) + "，" + pick(DETAIL) + "。";
            };
            if (more.contains(sentence)) {
                continue;
            }
            more.add(sentence);
            s.append(sentence);
        }
        String ask = "诉求：" + pick(ASK) + "。";
        if (s.length() + ask.length() > 400) {
            s.setLength(400 - ask.length() - 1);
            s.append("…");
        }
        return s.append(ask).toString();
    }
}
