package io.swiftresponse.open311;

import io.swiftresponse.shared.DemoMode;
import io.swiftresponse.shared.DemoSeed;
import io.swiftresponse.taxonomy.Taxonomy;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo questions for a handful of categories (so their service definitions have attributes of every datatype)
 * and a second jurisdiction, 东城区, that shows only that district's orders.
 */
@Component
class Open311DemoSeeder implements DemoSeed {

    private record Q(String category, String code, boolean variable, String datatype, boolean required, String datatypeDescription,
            int order, String description, String values) {
    }

    private static final List<Q> QUESTIONS = List.of(
            new Q("010101", "room_temperature", true, "number", true, "摄氏度 degrees Celsius", 1, "室内温度 Indoor temperature", "[]"),
            new Q("010101", "heating_type", true, "singlevaluelist", true, "", 2, "供暖方式 Heating type",
                    "[{\"key\":\"central\",\"name\":\"集中供暖 District heating\"},{\"key\":\"boiler\",\"name\":\"小区锅炉 Estate boiler\"},"
                            + "{\"key\":\"own\",\"name\":\"自采暖 Own heating\"}]"),
            new Q("010101", "since", true, "datetime", false, "ISO 8601, 例 2026-11-29T08:00:00+08:00", 3, "开始时间 Cold since", "[]"),
            new Q("030101", "notice", false, "text", false, "", 1,
                    "夜间施工（22:00–06:00）须有许可证 Night work (22:00–06:00) needs a permit", "[]"),
            new Q("030101", "heard_at", true, "datetime", true, "ISO 8601", 2, "听到噪音的时间 When you heard it", "[]"),
            new Q("030101", "noise_kind", true, "multivaluelist", false, "", 3, "噪音类型 Kind of noise",
                    "[{\"key\":\"machinery\",\"name\":\"机械 Machinery\"},{\"key\":\"trucks\",\"name\":\"渣土车 Trucks\"},"
                            + "{\"key\":\"voices\",\"name\":\"人声 Voices\"}]"),
            new Q("030101", "site_name", true, "string", false, "工地名称 site name", 4, "工地名称 Construction site", "[]"),
            new Q("040202", "floor", true, "number", false, "楼层 floor number", 1, "楼层 Floor", "[]"),
            new Q("040202", "blocks_exit", true, "singlevaluelist", true, "", 2, "是否堵塞安全出口 Does it block an exit?",
                    "[{\"key\":\"yes\",\"name\":\"是 Yes\"},{\"key\":\"no\",\"name\":\"否 No\"}]"),
            new Q("040202", "details", true, "text", false, "", 3, "堆放物品 What is stored", "[]"),
            new Q("080303", "water_depth", true, "singlevaluelist", true, "", 1, "积水深度 Standing water",
                    "[{\"key\":\"none\",\"name\":\"无积水 None\"},{\"key\":\"ankle\",\"name\":\"没过脚踝 Ankle deep\"},"
                            + "{\"key\":\"knee\",\"name\":\"没过膝盖 Knee deep\"}]"),
            new Q("030302", "time_of_day", true, "string", false, "例 19:00–21:30", 1, "时间段 Time of day", "[]"));

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Taxonomy taxonomy;

    Open311DemoSeeder(DemoMode demo, JdbcClient jdbc, TransactionTemplate tx, Taxonomy taxonomy) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.tx = tx;
        this.taxonomy = taxonomy;
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public void seed() {
        if (!demo.enabled() || jdbc.sql("select count(*) from open311_question").query(Long.class).single() > 0) {
            return;
        }
        tx.executeWithoutResult(status -> {
            QUESTIONS.stream().filter(q -> taxonomy.category(q.category()).isPresent()).forEach(q -> jdbc.sql("""
                    insert into open311_question (category_code, code, variable, datatype, required, datatype_description, ord,
                        description, "values") values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                    .params(q.category(), q.code(), q.variable(), q.datatype(), q.required(), q.datatypeDescription(), q.order(),
                            q.description(), q.values())
                    .update());
            jdbc.sql("""
                    insert into open311_jurisdiction (id, name, district_codes, is_default)
                    values ('dongcheng.beijing.gov.cn', '东城区12345', '{110101}', false) on conflict (id) do nothing""").update();
        });
    }
}
