#include "shared/cli/command_options.h"

#include <array>

namespace ducha::cli {

namespace {

// Every command and the options its subcommands read (the usage text says which goes where).
// `audit` checks its own options, with its own usage (shared/cli/audit_command.cpp).
constexpr std::array kCommands{
    CommandOptions{"enroll", "", "server code pin name link"},
    CommandOptions{"sync", "", "retries"},
    CommandOptions{"status", "json", ""},
    CommandOptions{"devices", "json", ""},
    CommandOptions{"tasks", "json all", ""},
    CommandOptions{"inspect", "mock-location", "task answers photo gps accuracy notes amends"},
    CommandOptions{"task-status", "", "task to"},
    CommandOptions{"outbox", "json", ""},
    CommandOptions{"reports", "json", ""},
    CommandOptions{"institutions", "json", ""},
    CommandOptions{"edit", "", ""},
    CommandOptions{"digest", "", ""},
    CommandOptions{"verify", "", ""},
    CommandOptions{"rules", "", ""},
    CommandOptions{"admin", "covert", "name role district user zone institution assignee kind priority days title campaign"},
    CommandOptions{"registry", "field-reported unassigned json",
                   "district search name address licensed academic category zone community licence-no phone lat lon "
                   "key-target into"},
    CommandOptions{"zone", "json", "district name communities user zone institution from to"},
    CommandOptions{"task", "covert", "institution assignee kind priority days title campaign"},
    CommandOptions{"campaign", "key-targets-only json", "name from to visits"},
    CommandOptions{"draw", "academic-only key-targets-only no-weights allow-own-zone covert json",
                   "k per-site category recent-days days title"},
    CommandOptions{"coverage", "json", "district from to campaign"},
    CommandOptions{"review", "all json no-violation", "tier days order note reinspector"},
    CommandOptions{"case", "json", "status"},
    CommandOptions{"complaint", "all json covert",
                   "text source institution address reference received due district assignee priority days note "
                   "resolution"},
    CommandOptions{"export", "", "out from to campaign district"},
};

bool listed(std::string_view list, std::string_view word) {
    while (!list.empty()) {
        auto sp = list.find(' ');
        if (list.substr(0, sp) == word) return true;
        list = sp == std::string_view::npos ? std::string_view{} : list.substr(sp + 1);
    }
    return false;
}

}  // namespace

const CommandOptions* command_options(std::string_view command) {
    for (const auto& c : kCommands)
        if (c.command == command) return &c;
    return nullptr;
}

Status check_options(std::string_view command, const Args& args) {
    const CommandOptions* spec = command_options(command);
    if (!spec) return {};  // an unknown command is refused by the dispatcher, with its own words
    for (std::size_t i = 0; i < args.v.size(); ++i) {
        const std::string& w = args.v[i];
        if (w.rfind("--", 0) != 0 || w.size() == 2) continue;
        const std::string_view name = std::string_view(w).substr(2);
        if (listed(spec->flags, name)) continue;
        if (listed(spec->values, name)) {
            if (i + 1 >= args.v.size() || args.v[i + 1].rfind("--", 0) == 0)
                return fail(Errc::invalid_argument,
                            "选项 " + w + " 需要一个值 / option " + w + " needs a value");
            ++i;
            continue;
        }
        return fail(Errc::invalid_argument, "`" + std::string(command) + "` 没有选项 " + w + " / `ducha " +
                                                 std::string(command) + "` has no option " + w);
    }
    return {};
}

}  // namespace ducha::cli
