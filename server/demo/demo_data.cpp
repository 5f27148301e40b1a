#include "server/demo/demo_data.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <string_view>

#include "ducha.pb.h"
#include "shared/domain/checklist.h"
#include "shared/domain/checklist_template_check.h"
#include "shared/domain/collections.h"
#include "shared/domain/vocabulary_labels.h"

namespace ducha::server {

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;
constexpr int kVolunteers = 258;
constexpr int kComplaints = 60;

// std::mt19937_64's output is fixed by the standard, but the std distributions are not: every
// draw goes through these helpers so a seed means the same data on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_gen(seed) {}

    std::uint64_t next() { return m_gen(); }

    // Uniform in [0, n), by rejection so there is no modulo bias.
    std::uint64_t below(std::uint64_t n) {
        if (n <= 1) return 0;
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        for (;;) {
            const std::uint64_t r = next();
            if (r < limit) return r % n;
        }
    }

    // Uniform in [lo, hi], inclusive.
    std::int64_t range(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    int irange(int lo, int hi) { return static_cast<int>(range(lo, hi)); }

    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    bool chance(double p) { return unit() < p; }
    double jitter(double spread) { return (unit() * 2.0 - 1.0) * spread; }

    template <typename T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(below(v.size()))];
    }

    // Fisher-Yates; std::shuffle's use of the generator is implementation-defined.
    template <typename T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[static_cast<std::size_t>(below(i))]);
    }

    std::string digits(int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += static_cast<char>('0' + below(10));
        return s;
    }

    std::string base64url(std::size_t bytes) {
        static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        std::string raw;
        for (std::size_t i = 0; i < bytes; ++i) raw += static_cast<char>(next() & 0xff);
        std::string out;
        std::uint32_t acc = 0;
        int bits = 0;
        for (unsigned char c : raw) {
            acc = (acc << 8) | c;
            bits += 8;
            while (bits >= 6) {
                bits -= 6;
                out += kAlphabet[(acc >> bits) & 0x3f];
            }
        }
        if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 0x3f];
        return out;
    }

    // 16 random bytes formatted as an RFC 4122 version 4 UUID.
    std::string uuid() {
        unsigned char b[16];
        const std::uint64_t hi = next(), lo = next();
        for (int i = 0; i < 8; ++i) {
            b[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
            b[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
        }
        b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
        b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
        char out[37];
        std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                      b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
        return out;
    }

private:
    std::mt19937_64 m_gen;
};

// ---------------------------------------------------------------- static content

struct DistrictDef {
    const char* name;
    const char* name_en;
    const char* code;  // administrative division code
    double lat, lon;
    double spread;     // degrees of jitter for zone centres around the district centre
    int institutions;  // nominal count; urban districts are denser, 海城 is the largest
    std::vector<const char*> zones;  // 街道 / 镇 / 片区 the zones are named after
    std::vector<const char*> roads;
    bool urban;        // schools are 鞍山市第N中学 style
};

const std::vector<DistrictDef>& districts() {
    static const std::vector<DistrictDef> d{
        {"铁东区", "Tiedong District", "210302", 41.105, 122.995, 0.022, 280,
         {"站前街道", "解放街道", "山南街道", "园林街道", "新兴街道", "对炉街道", "黎明街道", "湖南街道", "东长甸街道",
          "和平街道"},
         {"胜利路", "二一九路", "建国南路", "园林路", "山南路", "东山街", "五一路", "湖南街", "解放东路", "和平路",
          "东长甸路"},
         true},
        {"铁西区", "Tiexi District", "210303", 41.120, 122.960, 0.02, 200,
         {"八家子街道", "永乐街道", "繁荣街道", "兴盛街道", "北光街道", "大陆街道", "共和街道", "工人街道",
          "永发街道"},
         {"人民路", "永乐街", "繁荣路", "兴盛路", "民生路", "鞍千路", "建设大道", "共和街", "大陆街", "工人街"},
         true},
        {"立山区", "Lishan District", "210304", 41.150, 123.030, 0.02, 200,
         {"友好街道", "曙光街道", "深沟寺街道", "灵山街道", "齐大山街道", "双山街道", "立山街道", "沙河街道"},
         {"胜利北路", "鞍千路", "深沟寺街", "灵山路", "双山路", "立山街", "曙光路", "友好街", "沙河路"},
         true},
        {"千山区", "Qianshan District", "210311", 41.065, 122.950, 0.04, 130,
         {"千山镇", "大屯镇", "汤岗子镇", "东鞍山镇", "宁远镇", "唐家房镇", "齐大山镇"},
         {"千山中路", "汤岗子路", "宁远路", "大屯街", "东鞍山路", "唐家房路", "鞍海路"},
         true},
        {"海城市", "Haicheng", "210381", 40.880, 122.685, 0.05, 330,
         {"海州街道", "兴海街道", "响堂街道", "东四街道", "腾鳌镇", "南台镇", "西柳镇", "牛庄镇", "感王镇", "八里镇"},
         {"海州路", "兴海大街", "响堂街", "解放大街", "永安路", "站前街", "西柳大街", "腾鳌街", "八里路", "人民路"},
         false},
        {"台安县", "Tai'an County", "210321", 41.410, 122.430, 0.04, 120,
         {"八角台街道", "台安镇", "桑林镇", "新开河镇", "高力房镇", "富家镇", "黄沙坨镇", "西佛镇"},
         {"中华路", "人民路", "民主街", "解放路", "桑林街", "向阳街", "八角台大街"},
         false},
        {"岫岩满族自治县", "Xiuyan Manchu Autonomous County", "210323", 40.290, 123.280, 0.04, 100,
         {"雅河街道", "兴隆街道", "岫岩镇", "哈达碑镇", "偏岭镇", "石庙子镇", "洋河镇"},
         {"雅河路", "兴隆街", "玉都大街", "和平路", "北山路", "东大街", "中心路"},
         false},
        // 高新区 is a development zone with no county-level division code: a local code.
        {"高新区", "High-tech Zone", "210390", 41.125, 123.080, 0.02, 140,
         {"千山路街道", "达道湾街道", "科技城片区", "激光产业园片区", "鞍海新城片区", "越岭路片区"},
         {"千山路", "越岭路", "激光路", "科技路", "鞍海路", "达道湾路", "高新大道"},
         true},
    };
    return d;
}

const std::vector<std::string> kCommunityPrefixes{
    "园林", "东方", "明达", "阳光", "幸福", "和平", "金色", "绿地", "锦绣", "滨河", "世纪", "学府", "翠湖", "星河",
    "御景", "南华", "香山", "春光", "祥和", "康乐", "富民", "鑫海", "红旗", "新华", "钢都", "丽景", "华府", "龙湖",
    "碧水", "金地", "银河", "天成", "景园", "福泰", "长青", "紫薇", "凤凰", "玉龙", "映月", "宏基", "嘉禾", "瑞祥",
    "兴业", "民生", "安居", "泰和", "秀水", "光明", "胜利", "湖光", "桂花", "海棠", "枫林", "松鹤", "百合", "君悦",
    "佳和", "望湖", "千禧", "铁花"};
const std::vector<std::string> kCommunitySuffixes{"小区", "花园", "新区", "家园", "新城", "雅居", "名苑",
                                                  "嘉园", "公馆", "华庭", "佳园", "小区", "花园", "小区"};

const std::vector<std::string> kBrands{
    "启航", "小天才", "博学", "智慧树", "阳光", "明德", "育才", "星辰", "青苗", "乐学", "思源", "卓越", "优才",
    "文华", "博雅", "七彩", "童乐", "海燕", "春蕾", "墨香", "弘毅", "致远", "睿思", "知行", "书香", "英才", "晨曦",
    "翰林", "鸿志", "梦想", "未来星", "小博士", "向日葵", "天天向上", "百灵鸟", "金话筒", "小雨点", "彩虹", "蒲公英",
    "新起点", "易学", "尚学", "慧学", "童心", "艺星", "北斗", "朝阳", "满天星", "小树苗", "金太阳", "开心果", "博思",
    "德馨", "千山", "玉佛", "钢城", "启明星", "好学", "励志", "领航"};

struct CategoryDef {
    const char* name;
    double weight;
    std::vector<std::string> suffixes;
};

const std::vector<CategoryDef>& categories() {
    static const std::vector<CategoryDef> c{
        {"学科类", 0.35,
         {"教育培训学校", "培训学校", "学习中心", "教育", "辅导中心", "英语培训学校", "数学思维中心", "作文培训学校"}},
        {"艺术类", 0.25,
         {"艺术培训中心", "美术培训学校", "舞蹈学校", "音乐艺术中心", "书法培训学校", "钢琴艺术中心", "口才培训中心"}},
        {"体育类", 0.15, {"体育培训中心", "跆拳道馆", "篮球训练营", "游泳俱乐部", "武术学校", "轮滑俱乐部", "足球俱乐部"}},
        {"科技类", 0.10, {"科技培训中心", "机器人编程中心", "创客教育中心", "少儿编程学校", "科学实验室"}},
        {"托管", 0.15, {"托管中心", "午托班", "课后托管中心", "学生之家", "晚托班"}},
    };
    return c;
}

const std::vector<std::string> kSurnames{
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
    "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹", "袁", "邓", "许", "沈", "曾",
    "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "潘", "杜", "戴", "夏", "钟", "田", "任",
    "姜", "范", "方", "石", "姚", "谭", "邹", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "秦", "史", "顾",
    "侯", "邵", "孟", "佟", "关", "那", "富"};
const std::vector<std::string> kGivenChars{
    "子", "晓", "欣", "雨", "思", "佳", "嘉", "文", "浩", "宇", "俊", "婷", "雪", "丹", "玉", "红", "丽", "静",
    "敏", "慧", "明", "华", "建", "国", "志", "海", "鹏", "飞", "磊", "鑫", "颖", "琳", "洁", "倩", "悦", "涵",
    "博", "然", "晨", "阳", "凯", "亮", "宁", "娜", "莉", "萍", "燕", "梅", "霞", "兰", "芳", "秀", "春", "冬",
    "秋", "松", "刚", "伟", "峰", "成", "杰", "斌", "波", "昊", "瑶", "桐", "妍", "琪", "彤", "新", "立", "强"};

const std::vector<std::string> kComplaintTexts{
    "家长反映{name}在周末开展小学数学、英语学科类培训，要求查处。",
    "群众举报{place}某住宅内有人组织中小学生补课，晚上九点后仍未下课。",
    "家长反映{name}一次性收取一年学费，要求退费未果。",
    "反映{name}在寒假期间开设初中物理、化学提高班。",
    "举报{name}在地下室办班，消防通道堵塞，存在安全隐患。",
    "家长投诉{name}聘用在职教师授课。",
    "反映{name}以“研学营”名义变相开展学科类培训。",
    "反映{name}以托管名义给学生集中辅导语文、数学作业。",
    "家长反映{name}未签订培训服务合同，收费不开票据。",
    "群众反映{name}在小区内散发学科类培训广告传单。",
};

const char* kSources[] = {"12345", "phone", "online", "letter", "other"};
const double kSourceWeights[] = {0.60, 0.15, 0.12, 0.08, 0.05};

// ---------------------------------------------------------------- working model

struct ZoneRow {
    std::string id;
    int district = 0;
    std::string name;
    std::vector<std::string> communities;
    double lat = 0, lon = 0;
    std::vector<int> institutions;  // indexes into Builder::m_insts
    std::vector<int> volunteers;    // indexes into Builder::m_users
};

struct InstRow {
    std::string id;
    int district = 0;
    int zone = 0;
    pb::Institution pb;
};

struct UserRow {
    std::string id;
    int district = -1;  // -1: whole city
    pb::User pb;
    std::vector<int> zones;
};

struct ComplaintRow {
    std::string id;
    int inst = 0;
    pb::Complaint pb;
    bool linked = false;
};

std::string strip_area_suffix(std::string s) {
    for (std::string_view suf : {"街道", "片区", "镇"}) {
        if (s.ends_with(suf)) {
            s.resize(s.size() - suf.size());
            break;
        }
    }
    return s;
}

double round6(double x) { return std::round(x * 1e6) / 1e6; }

class Builder {
public:
    Builder(std::uint64_t seed, std::int64_t now)
        : m_seed(seed), m_rng(seed), m_ids(seed ^ 0x9e3779b97f4a7c15ULL), m_now(now) {}

    DemoData build() {
        make_districts();
        make_zones();
        make_institutions();
        make_users();
        make_assignments();
        make_checklist();
        make_complaints();
        make_open_tasks();
        make_history();
        emit_deferred();
        make_campaigns();
        make_risk_history();
        return std::move(m_out);
    }

private:
    // ids come from their own stream so content tweaks do not shift every id after them
    std::string new_id() { return m_ids.uuid(); }

    void add(std::string_view collection, const std::string& id, const google::protobuf::Message& m) {
        m_out.records.push_back({std::string(collection), id, m.SerializeAsString()});
    }

    std::string mobile() { return "13" + m_rng.digits(1) + "-" + m_rng.digits(4) + "-" + m_rng.digits(4); }

    // Anshan landlines: area code 0412, seven digits.
    std::string landline() { return "0412-" + std::to_string(m_rng.irange(5, 8)) + m_rng.digits(6); }

    std::string person_name() {
        std::string n = m_rng.pick(kSurnames);
        n += m_rng.pick(kGivenChars);
        if (m_rng.chance(0.7)) n += m_rng.pick(kGivenChars);
        return n;
    }

    void make_districts() {
        for (const auto& d : districts()) {
            pb::District p;
            p.set_name(d.name);
            p.set_name_en(d.name_en);
            p.set_code(d.code);
            p.mutable_center()->set_lat(d.lat);
            p.mutable_center()->set_lon(d.lon);
            m_district_ids.push_back(new_id());
            add(domain::kDistrict, m_district_ids.back(), p);
        }
    }

    void make_zones() {
        m_district_zones.resize(districts().size());
        for (std::size_t di = 0; di < districts().size(); ++di) {
            const auto& d = districts()[di];
            std::vector<std::string> names(d.zones.begin(), d.zones.end());
            m_rng.shuffle(names);
            const int n = m_rng.irange(4, std::min<int>(8, static_cast<int>(names.size())));
            std::set<std::string> used;  // community names are unique within a district
            for (int z = 0; z < n; ++z) {
                ZoneRow row;
                row.id = new_id();
                row.district = static_cast<int>(di);
                row.name = names[static_cast<std::size_t>(z)];
                row.lat = d.lat + m_rng.jitter(d.spread);
                row.lon = d.lon + m_rng.jitter(d.spread * 1.3);  // a degree of longitude is shorter here
                const int nc = m_rng.irange(3, 6);
                while (static_cast<int>(row.communities.size()) < nc) {
                    std::string c = m_rng.pick(kCommunityPrefixes) + m_rng.pick(kCommunitySuffixes);
                    if (used.insert(c).second) row.communities.push_back(c);
                }
                pb::Zone p;
                p.set_district_id(m_district_ids[di]);
                p.set_name(row.name);
                for (const auto& c : row.communities) p.add_communities(c);
                add(domain::kZone, row.id, p);
                m_district_zones[di].push_back(static_cast<int>(m_zones.size()));
                m_zones.push_back(std::move(row));
            }
        }
    }

    int pick_category() {
        const double r = m_rng.unit();
        double acc = 0;
        const auto& cats = categories();
        for (std::size_t i = 0; i < cats.size(); ++i) {
            acc += cats[i].weight;
            if (r < acc) return static_cast<int>(i);
        }
        return static_cast<int>(cats.size()) - 1;
    }

    void make_institutions() {
        std::set<std::string> names;
        m_district_insts.resize(districts().size());
        for (std::size_t di = 0; di < districts().size(); ++di) {
            const auto& d = districts()[di];
            const int count = d.institutions + m_rng.irange(-d.institutions / 20, d.institutions / 20);
            const auto& zones = m_district_zones[di];
            for (int k = 0; k < count; ++k) {
                const int zi = zones[static_cast<std::size_t>(m_rng.below(zones.size()))];
                ZoneRow& zone = m_zones[static_cast<std::size_t>(zi)];
                const int ci = pick_category();
                const auto& cat = categories()[static_cast<std::size_t>(ci)];
                const std::string road = d.roads[static_cast<std::size_t>(m_rng.below(d.roads.size()))];

                std::string name = m_rng.pick(kBrands) + m_rng.pick(cat.suffixes);
                if (names.contains(name)) name += "（" + road + "校区）";
                for (int n = 2; names.contains(name); ++n) name = m_rng.pick(kBrands) + m_rng.pick(cat.suffixes) +
                                                                  "（" + road + std::to_string(n) + "校区）";
                names.insert(name);

                pb::Institution p;
                p.set_district_id(m_district_ids[di]);
                p.set_zone_id(zone.id);
                p.set_name(name);
                p.set_category(cat.name);
                p.set_academic(std::string_view(cat.name) == "学科类");
                // Day care and tutoring hide in flats more often than sports clubs do.
                const bool in_community = m_rng.chance(ci == 4 || ci == 0 ? 0.55 : 0.3);
                std::string address = d.name;
                if (in_community) {
                    const std::string& community = m_rng.pick(zone.communities);
                    p.set_community(community);
                    address += community + std::to_string(m_rng.irange(1, 40)) + "号楼" +
                               std::to_string(m_rng.irange(1, 6)) + "单元" + std::to_string(m_rng.irange(1, 7)) +
                               "0" + std::to_string(m_rng.irange(1, 4)) + "室";
                } else {
                    address += road + std::to_string(m_rng.irange(1, 420)) + "号";
                    if (m_rng.chance(0.4)) address += std::to_string(m_rng.irange(2, 6)) + "楼";
                }
                p.set_address(address);
                p.mutable_location()->set_lat(round6(zone.lat + m_rng.jitter(0.006)));
                p.mutable_location()->set_lon(round6(zone.lon + m_rng.jitter(0.008)));

                const bool licensed = !m_rng.chance(0.08);
                p.set_licensed(licensed);
                if (licensed) {
                    p.set_licence_no("教民" + std::string(d.code) + std::to_string(m_rng.irange(2018, 2023)) +
                                     m_rng.digits(5) + "号");
                }
                const bool key = m_rng.chance(licensed ? 0.08 : 0.35);
                p.set_key_target(key);
                if (key) {
                    p.set_complaint_count(m_rng.irange(1, 6));
                    p.set_past_violations(m_rng.chance(0.5) ? m_rng.irange(1, 3) : 0);
                } else {
                    p.set_complaint_count(m_rng.chance(0.08) ? m_rng.irange(1, 2) : 0);
                    p.set_past_violations(m_rng.chance(0.03) ? 1 : 0);
                }
                p.set_contact_phone(m_rng.chance(0.6) ? mobile() : landline());

                InstRow row;
                row.id = new_id();
                row.district = static_cast<int>(di);
                row.zone = zi;
                row.pb = std::move(p);
                const int idx = static_cast<int>(m_insts.size());
                zone.institutions.push_back(idx);
                m_district_insts[di].push_back(idx);
                add(domain::kInstitution, row.id, row.pb);
                m_insts.push_back(std::move(row));
            }
        }
    }

    std::string school_for(std::size_t di) {
        const auto& d = districts()[di];
        const auto& zone = m_zones[static_cast<std::size_t>(m_rng.pick(m_district_zones[di]))];
        const std::string area = strip_area_suffix(zone.name);
        switch (m_rng.below(4)) {
            case 0:
                return d.urban ? "鞍山市第" + std::to_string(m_rng.irange(1, 70)) + "中学"
                               : std::string(d.name) + "第" + std::to_string(m_rng.irange(1, 12)) + "初级中学";
            case 1: return std::string(d.name) + area + "小学";
            case 2: return std::string(d.name) + (m_rng.chance(0.5) ? "实验小学" : "实验中学");
            default:
                return d.urban ? std::string(d.name) + area + "学校" : std::string(d.name) + area + "中心小学";
        }
    }

    void add_user(UserRow row, const std::string& district_name) {
        m_out.users.push_back({row.id, row.pb.role(), row.pb.name(), row.pb.district_id(), district_name});
        m_users.push_back(std::move(row));
    }

    void make_users() {
        const std::size_t nd = districts().size();
        // Volunteers per district by institution count, largest remainder so they sum to 258.
        std::size_t total = 0;
        for (const auto& v : m_district_insts) total += v.size();
        std::vector<int> per(nd);
        std::vector<std::pair<std::size_t, std::size_t>> rem;  // (remainder, district)
        int given = 0;
        for (std::size_t di = 0; di < nd; ++di) {
            const std::size_t num = m_district_insts[di].size() * kVolunteers;
            per[di] = static_cast<int>(num / total);
            given += per[di];
            rem.push_back({num % total, di});
        }
        std::stable_sort(rem.begin(), rem.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (std::size_t i = 0; given < kVolunteers; ++i, ++given) ++per[rem[i % nd].second];

        m_district_volunteers.resize(nd);
        for (std::size_t di = 0; di < nd; ++di) {
            for (int k = 0; k < per[di]; ++k) {
                UserRow u;
                u.id = new_id();
                u.district = static_cast<int>(di);
                u.pb.set_name(person_name());
                u.pb.set_role("volunteer");
                u.pb.set_district_id(m_district_ids[di]);
                u.pb.set_phone(mobile());
                u.pb.set_active(true);
                u.pb.set_badge_token(m_rng.base64url(24));
                u.pb.set_badge_valid_until(m_now + 365 * kDay);
                u.pb.set_school(school_for(di));
                m_district_volunteers[di].push_back(static_cast<int>(m_users.size()));
                add_user(std::move(u), districts()[di].name);
            }
        }
        m_district_coordinators.resize(nd);
        for (std::size_t di = 0; di < nd; ++di) {
            for (int k = 0; k < 2; ++k) {
                UserRow u;
                u.id = new_id();
                u.district = static_cast<int>(di);
                u.pb.set_name(person_name());
                u.pb.set_role("coordinator");
                u.pb.set_district_id(m_district_ids[di]);
                u.pb.set_phone(mobile());
                u.pb.set_active(true);
                m_district_coordinators[di].push_back(static_cast<int>(m_users.size()));
                add_user(std::move(u), districts()[di].name);
            }
        }
        for (int k = 0; k < 6; ++k) {
            UserRow u;
            u.id = new_id();
            u.pb.set_name(person_name());
            u.pb.set_role("supervisor");
            u.pb.set_phone(mobile());
            u.pb.set_active(true);
            add_user(std::move(u), "鞍山市");
        }
        UserRow admin;
        admin.id = new_id();
        admin.pb.set_name("系统管理员");
        admin.pb.set_role("admin");
        admin.pb.set_active(true);
        add_user(std::move(admin), "鞍山市");

        // Coordinators and supervisors inspect too (covert visits, re-inspections): they carry
        // badges like the volunteers. Their tokens come from a stream of their own, so the rest
        // of the demo stays as it was for a given seed.
        Rng staff_badges{m_seed ^ 0x6261646765ULL};
        for (auto& u : m_users) {
            if (u.pb.role() != "coordinator" && u.pb.role() != "supervisor") continue;
            u.pb.set_badge_token(staff_badges.base64url(24));
            u.pb.set_badge_valid_until(m_now + 365 * kDay);
        }

        for (const auto& u : m_users) add(domain::kUser, u.id, u.pb);
    }

    void add_assignment(const UserRow& u, const std::string& zone_id, const std::string& inst_id) {
        pb::Assignment a;
        a.set_user_id(u.id);
        a.set_district_id(m_district_ids[static_cast<std::size_t>(u.district)]);
        a.set_zone_id(zone_id);
        a.set_institution_id(inst_id);
        add(domain::kAssignment, new_id(), a);
    }

    void make_assignments() {
        for (std::size_t di = 0; di < districts().size(); ++di) {
            // Deal the first zone round-robin so every zone has a volunteer (全覆盖).
            std::vector<int> order = m_district_zones[di];
            m_rng.shuffle(order);
            const auto& vols = m_district_volunteers[di];
            for (std::size_t k = 0; k < vols.size(); ++k) {
                UserRow& u = m_users[static_cast<std::size_t>(vols[k])];
                u.zones.push_back(order[k % order.size()]);
                if (m_rng.chance(0.4)) {
                    const int second = m_rng.pick(order);
                    if (second != u.zones.front()) u.zones.push_back(second);
                }
                for (int z : u.zones) {
                    ZoneRow& zone = m_zones[static_cast<std::size_t>(z)];
                    zone.volunteers.push_back(vols[k]);
                    add_assignment(u, zone.id, "");
                }
                // 包机构: a few named institutions in the first zone, key targets first.
                const auto& in_zone = m_zones[static_cast<std::size_t>(u.zones.front())].institutions;
                std::vector<int> candidates;
                for (int i : in_zone)
                    if (m_insts[static_cast<std::size_t>(i)].pb.key_target()) candidates.push_back(i);
                m_rng.shuffle(candidates);
                std::vector<int> rest;
                for (int i : in_zone)
                    if (!m_insts[static_cast<std::size_t>(i)].pb.key_target()) rest.push_back(i);
                m_rng.shuffle(rest);
                candidates.insert(candidates.end(), rest.begin(), rest.end());
                const std::size_t n = std::min<std::size_t>(candidates.size(), static_cast<std::size_t>(m_rng.irange(1, 3)));
                for (std::size_t j = 0; j < n; ++j)
                    add_assignment(u, "", m_insts[static_cast<std::size_t>(candidates[j])].id);
            }
        }
    }

    void make_checklist() {
        m_template_id = domain::checklist_version_id(1);
        add(domain::kChecklistTemplate, m_template_id, domain::default_checklist());
    }

    void make_complaints() {
        std::vector<int> pool;
        for (std::size_t i = 0; i < m_insts.size(); ++i)
            if (m_insts[i].pb.complaint_count() > 0) pool.push_back(static_cast<int>(i));
        m_rng.shuffle(pool);
        pool.resize(std::min<std::size_t>(pool.size(), kComplaints));
        std::sort(pool.begin(), pool.end());  // district order, for readable data
        for (int i : pool) {
            const InstRow& inst = m_insts[static_cast<std::size_t>(i)];
            ComplaintRow c;
            c.id = new_id();
            c.inst = i;
            describe_complaint(c.pb, inst, m_rng);
            c.pb.set_status(m_rng.chance(0.5) ? "open" : "triaged");
            c.pb.set_received_at(m_now - m_rng.range(1, 20) * kDay - m_rng.range(0, 23) * kHour);
            c.pb.set_due_at(c.pb.received_at() + 15 * kDay);  // 12345 hotline: 15 days
            m_inst_complaint[i] = static_cast<int>(m_complaints.size());
            m_complaints.push_back(std::move(c));
        }
    }

    // Who complained about `inst`, how, and what they said.
    static void describe_complaint(pb::Complaint& c, const InstRow& inst, Rng& rng) {
        c.set_district_id(inst.pb.district_id());
        const double r = rng.unit();
        double acc = 0;
        std::size_t s = 0;
        for (; s + 1 < std::size(kSources); ++s) {
            acc += kSourceWeights[s];
            if (r < acc) break;
        }
        c.set_source(kSources[s]);
        std::string text = rng.pick(kComplaintTexts);
        const std::string place = inst.pb.community().empty() ? inst.pb.address() : inst.pb.community();
        for (auto [key, value] : {std::pair<std::string, std::string>{"{name}", inst.pb.name()},
                                  std::pair<std::string, std::string>{"{place}", place}}) {
            if (auto pos = text.find(key); pos != std::string::npos) text.replace(pos, key.size(), value);
        }
        c.set_text(text);
        c.set_institution_id(inst.id);
        c.set_address(inst.pb.address());
    }

    struct TaskSpec {
        std::string kind;
        int inst = 0;
        std::vector<int> assignees;
        bool covert = false;
        int priority = 3;
        std::string status;
        std::int64_t start = 0, end = 0;
        int complaint = -1;
    };

    // A task's title is its kind in the vocabulary's words (shared/domain/vocabulary_labels.h).
    std::string kind_label(const std::string& kind) { return std::string(domain::task_kind_words(kind).value().zh); }

    void add_task(const TaskSpec& t) {
        const InstRow& inst = m_insts[static_cast<std::size_t>(t.inst)];
        const std::string id = new_id();
        pb::Task p;
        p.set_institution_id(inst.id);
        p.set_district_id(inst.pb.district_id());
        p.set_kind(t.kind);
        p.set_covert(t.covert);
        for (int a : t.assignees) p.add_assignees(m_users[static_cast<std::size_t>(a)].id);
        p.set_created_by(m_users[static_cast<std::size_t>(
                                     m_rng.pick(m_district_coordinators[static_cast<std::size_t>(inst.district)]))]
                             .id);
        p.set_window_start(t.start);
        p.set_window_end(t.end);
        p.set_priority(t.priority);
        p.set_status(t.status);
        p.set_template_id(m_template_id);
        p.set_title((t.covert ? "暗访·" : "") + kind_label(t.kind) + "：" + inst.pb.name());
        if (t.complaint >= 0) {
            ComplaintRow& c = m_complaints[static_cast<std::size_t>(t.complaint)];
            p.set_complaint_id(c.id);
            c.pb.set_task_id(id);
            c.linked = true;
        }
        add(domain::kTask, id, p);
    }

    // Institutions in the volunteer's zones.
    std::vector<int> reachable(const UserRow& u) {
        std::vector<int> out;
        for (int z : u.zones) {
            const auto& v = m_zones[static_cast<std::size_t>(z)].institutions;
            out.insert(out.end(), v.begin(), v.end());
        }
        return out;
    }

    void make_open_tasks() {
        for (std::size_t ui = 0; ui < m_users.size(); ++ui) {
            const UserRow& u = m_users[ui];
            if (u.pb.role() != "volunteer") continue;
            const std::vector<int> insts = reachable(u);
            if (insts.empty()) continue;
            std::set<int> used;
            const int n = m_rng.irange(2, 5);
            for (int k = 0; k < n; ++k) {
                TaskSpec t;
                t.status = "open";
                t.assignees = {static_cast<int>(ui)};
                const double r = m_rng.unit();
                t.kind = r < 0.45 ? "routine" : r < 0.65 ? "spot_check" : r < 0.75 ? "complaint"
                       : r < 0.85 ? "reinspection" : "joint";
                std::vector<int> candidates;
                for (int i : insts) {
                    if (used.contains(i)) continue;
                    const auto& p = m_insts[static_cast<std::size_t>(i)].pb;
                    if (t.kind == "complaint") {
                        auto c = m_inst_complaint.find(i);
                        // Only a triaged complaint has a follow-up task; open ones await triage.
                        if (c == m_inst_complaint.end()) continue;
                        const ComplaintRow& row = m_complaints[static_cast<std::size_t>(c->second)];
                        if (row.linked || row.pb.status() != "triaged") continue;
                    }
                    if (t.kind == "reinspection" && p.past_violations() == 0) continue;
                    candidates.push_back(i);
                }
                if (candidates.empty()) {
                    t.kind = "routine";
                    for (int i : insts)
                        if (!used.contains(i)) candidates.push_back(i);
                    if (candidates.empty()) break;
                }
                t.inst = m_rng.pick(candidates);
                const InstRow& inst = m_insts[static_cast<std::size_t>(t.inst)];
                if (t.kind == "joint") {
                    std::vector<int> partners;
                    for (int v : m_zones[static_cast<std::size_t>(inst.zone)].volunteers)
                        if (v != static_cast<int>(ui)) partners.push_back(v);
                    if (partners.empty()) {
                        t.kind = "routine";
                    } else {
                        t.assignees.push_back(m_rng.pick(partners));
                    }
                }
                if (t.kind == "complaint") t.complaint = m_inst_complaint.at(t.inst);
                used.insert(t.inst);
                t.covert = m_rng.chance(0.10);
                if (t.kind == "complaint" || inst.pb.key_target()) {
                    t.priority = m_rng.irange(1, 2);
                } else if (t.kind == "reinspection") {
                    t.priority = 2;
                } else {
                    t.priority = m_rng.irange(3, 5);
                }
                t.start = m_now + m_rng.range(-48, 24) * kHour;
                t.end = std::min(t.start + m_rng.range(72, 14 * 24) * kHour, m_now + 14 * kDay);
                add_task(t);
            }
        }
    }

    // A few weeks of history: done tasks in the past three weeks (reports are device-signed, so
    // they are not demo data).
    void make_history() {
        for (std::size_t ui = 0; ui < m_users.size(); ++ui) {
            const UserRow& u = m_users[ui];
            if (u.pb.role() != "volunteer") continue;
            const std::vector<int> insts = reachable(u);
            if (insts.empty()) continue;
            const int n = m_rng.irange(1, 3);
            for (int k = 0; k < n; ++k) {
                TaskSpec t;
                t.status = "done";
                t.kind = m_rng.chance(0.7) ? "routine" : "spot_check";
                t.assignees = {static_cast<int>(ui)};
                t.inst = m_rng.pick(insts);
                t.covert = m_rng.chance(0.10);
                t.priority = m_rng.irange(2, 5);
                t.start = m_now - m_rng.range(4, 21) * kDay - m_rng.range(0, 12) * kHour;
                t.end = t.start + m_rng.range(1, 3) * kDay;
                add_task(t);
            }
        }
    }

    // Complaints last: tasks fill in their task_id and status.
    void emit_deferred() {
        for (const auto& c : m_complaints) add(domain::kComplaint, c.id, c.pb);
    }

    // One running special action per district (重点时段): key targets visited at least once in it.
    // Built after everything else and without the content stream, so earlier records stay as they were.
    void make_campaigns() {
        for (std::size_t di = 0; di < m_district_ids.size(); ++di) {
            pb::Campaign c;
            c.set_district_id(m_district_ids[di]);
            c.set_name("寒假校外培训专项治理 / Winter-vacation special action");
            c.set_start(m_now - 14 * kDay);
            c.set_end(m_now + 30 * kDay);
            c.set_visits_required(1);
            c.set_key_targets_only(true);
            if (!m_district_coordinators[di].empty())
                c.set_created_by(m_users[static_cast<std::size_t>(m_district_coordinators[di].front())].id);
            c.set_note("重点对象每期至少检查一次 / every key target at least once");
            add(domain::kCampaign, new_id(), c);
        }
    }

    // The facts behind each institution's risk counts (docs/ARCHITECTURE.md, "Risk that follows the
    // facts"): the server recounts complaint_count and past_violations from the complaint ledger and
    // the cases decided as violations, so the demo holds exactly as many of those as its counts say.
    // Older complaints are closed with a resolution; past violations are cases closed before the
    // system was in use (no report of their own, which the system did not hold then). Made last,
    // from a stream of their own, so every earlier record stays as it was.
    void make_risk_history() {
        Rng rng(m_seed ^ 0x5bd1e9955bd1e995ULL);
        std::string supervisor;
        for (const auto& u : m_users)
            if (u.pb.role() == "supervisor") {
                supervisor = u.id;
                break;
            }
        static const std::vector<std::string> kResolutions{
            "经核查属实，已责令停止违规培训并退还费用。/ Confirmed; ordered to stop and refund fees.",
            "经核查，机构已整改到位。/ Checked; the institution put it right.",
            "已移交市场监管部门处理。/ Handed to market regulation.",
        };
        static const std::vector<std::string> kTiers{"从轻", "较轻", "一般", "较重", "严重"};
        for (std::size_t i = 0; i < m_insts.size(); ++i) {
            const InstRow& inst = m_insts[i];
            const auto& coordinators = m_district_coordinators[static_cast<std::size_t>(inst.district)];
            const std::string desk =
                coordinators.empty() ? supervisor : m_users[static_cast<std::size_t>(coordinators.front())].id;
            const int current = m_inst_complaint.contains(static_cast<int>(i)) ? 1 : 0;
            for (int k = current; k < inst.pb.complaint_count(); ++k) {
                pb::Complaint c;
                describe_complaint(c, inst, rng);
                c.set_received_at(m_now - rng.range(30, 400) * kDay - rng.range(0, 23) * kHour);
                c.set_due_at(c.received_at() + 15 * kDay);
                c.set_status("closed");
                c.set_resolution(rng.pick(kResolutions));
                c.set_resolved_at(c.received_at() + rng.range(2, 14) * kDay);
                c.set_resolved_by(desk);
                c.set_created_by(desk);
                add(domain::kComplaint, new_id(), c);
            }
            for (int k = 0; k < inst.pb.past_violations(); ++k) {
                pb::Case c;
                c.set_institution_id(inst.id);
                c.set_district_id(inst.pb.district_id());
                c.set_status("closed");
                c.set_tier(rng.pick(kTiers));
                c.set_decided_by(supervisor);
                c.set_decided_at(m_now - rng.range(60, 700) * kDay);
                c.set_rectification_days(static_cast<std::int32_t>(rng.range(7, 30)));
                c.set_deadline(c.decided_at() + c.rectification_days() * kDay);
                c.set_rectification_order("停止违规培训，限期整改 / stop the violating classes and put it right");
                c.set_decision_note("系统上线前的处罚记录 / decided before the system was in use");
                add(domain::kCase, new_id(), c);
            }
        }
    }

    std::uint64_t m_seed;
    Rng m_rng;
    Rng m_ids;
    std::int64_t m_now;
    DemoData m_out;
    std::vector<std::string> m_district_ids;
    std::vector<std::vector<int>> m_district_zones, m_district_insts, m_district_volunteers,
        m_district_coordinators;
    std::vector<ZoneRow> m_zones;
    std::vector<InstRow> m_insts;
    std::vector<UserRow> m_users;
    std::vector<ComplaintRow> m_complaints;
    std::map<int, int> m_inst_complaint;  // institution index -> complaint index
    std::string m_template_id;
};

}  // namespace

DemoData make_demo_data(std::uint64_t seed, std::int64_t now_unix_seconds) {
    return Builder(seed, now_unix_seconds).build();
}

}  // namespace ducha::server
